"""run(): streaming over any iterable, in order, one record per item."""

import json
import subprocess

import pytest

import nlpipe


def numbered(n):
    for i in range(n):
        yield f"Document number {i} says hello to Paris."


def test_records_come_in_input_order_with_position_ids(small):
    out = list(small.run(numbered(500), layers=["tokens"]))
    assert [r["id"] for r in out] == list(range(500))
    assert all(r["text"] == f"Document number {i} says hello to Paris." for i, r in enumerate(out))
    assert all(r["tokens"][2]["text"] == str(i) for i, r in enumerate(out))


def test_dict_ids_are_kept_and_missing_ones_are_positions(small):
    items = [
        {"id": "a", "text": "One."},
        {"id": 7, "text": "Two."},
        {"text": "Three."},
        "Four.",
        {"id": "e", "text": "Five.", "lang": "fr", "meta": {"k": [1, 2]}},
    ]
    out = list(small.run(items, layers=["lang"]))
    assert [r["id"] for r in out] == ["a", 7, 2, 3, "e"]
    assert out[4]["meta"] == {"k": [1, 2]}
    assert out[4]["lang"]["code"] == "fr" and out[4]["lang"]["source"] == "input"


def test_error_records_take_the_place_of_bad_items(small):
    items = ["Good one.", 5, None, {"id": "x"}, {"id": "y", "text": 3}, "Good two."]
    out = list(small.run(items, layers=["lang"]))
    assert len(out) == 6
    assert "error" not in out[0] and "error" not in out[5]
    kinds = [r.get("error", {}).get("kind") for r in out]
    assert kinds == [None, "not_an_object", "not_an_object", "missing_text", "invalid_text", None]
    assert [r["id"] for r in out] == [0, 1, 2, "x", "y", 5]
    assert out[1]["error"] == {
        "stage": "input",
        "kind": "not_an_object",
        "message": "expected a str or a dict, found int",
    }


def test_strict_raises_at_the_first_error_record(small):
    run = small.run(["Fine.", 42, "Never reached."], strict=True)
    assert next(run)["id"] == 0
    with pytest.raises(nlpipe.DocumentError) as info:
        next(run)
    assert info.value.record["error"]["kind"] == "not_an_object"
    assert list(run) == []


def test_an_exception_of_the_input_comes_after_the_records_before_it(small):
    def items():
        yield "One."
        yield "Two."
        raise KeyError("source broke")

    got = []
    with pytest.raises(KeyError, match="source broke"):
        for r in small.run(items()):
            got.append(r["id"])
    assert got == [0, 1]


def test_a_run_can_stop_early_and_reads_only_a_window_ahead(small):
    pulled = 0

    def endless():
        nonlocal pulled
        while True:
            pulled += 1
            yield "More text."

    run = small.run(endless())
    first = [next(run) for _ in range(10)]
    assert [r["id"] for r in first] == list(range(10))
    assert run.pulled == pulled
    assert pulled < 10 + 64, pulled
    run.close()
    assert list(run) == []


def test_records_are_what_the_cli_writes(pipe, cli, tmp_path):
    docs = [
        {"id": "q1", "text": "“We agreed,” the minister said. Pakistan praised Turkey."},
        {"id": 2, "text": "Le ministre a déclaré que la France soutenait l'accord.", "src": "x"},
        {"id": "e", "text": 5},
        {"id": "t", "text": "Russia and China met.", "targets": [{"start": 0, "end": 6}]},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs))
    for offsets in ("chars", "bytes"):
        done = subprocess.run(
            [cli, "run", "--offsets", offsets, "--no-progress", "--no-summary", str(path)],
            capture_output=True,
            check=False,
        )
        assert done.returncode == 1, done.stderr  # one error record
        want = [json.loads(line) for line in done.stdout.decode().splitlines()]
        assert list(pipe.run(docs, offsets=offsets)) == want


def test_records_keep_the_cli_key_order_and_numbers(pipe, cli, tmp_path):
    # the dicts are built from the records without a JSON line: the same keys in the same
    # order, f32 scores as the CLI's shortest decimals, numbers of passed-through fields
    # as json.loads reads the CLI's text (big integers stay exact)
    docs = [
        {"id": 12345678901234567890123, "text": "“Turkey is a friend,” Erdoğan said. Russia failed.",
         "meta": {"n": 2.5, "big": 123456789012345678901234567890, "neg": -7, "list": [1, None, True]}},
        {"id": -2.5, "text": "Pakistan praised Turkey.\tTabs\u0001 and \"quotes\"."},
        {"id": "s", "text": "日本とトルコ。“Yes,” she said."},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs))
    done = subprocess.run([cli, "run", "--no-progress", "--no-summary", "--offsets", "chars", str(path)],
                          capture_output=True, check=True)
    want = [json.loads(line) for line in done.stdout.decode().splitlines()]
    got = list(pipe.run(docs))
    assert got == want
    assert [json.dumps(r) for r in got] == [json.dumps(r) for r in want]  # key order too
    assert got[0]["id"] == 12345678901234567890123 and got[1]["id"] == -2.5
    assert got[0]["meta"]["big"] == 123456789012345678901234567890
    scores = [m["score"] for a in got[0]["actors"] for m in a["mentions"] if "score" in m]
    assert scores and all(len(repr(s)) < 14 for s in scores), scores  # 0.5, not 0.5000000xyz


def test_jobs_and_channel_do_not_change_records():
    texts = [f"Minister {i} said the talks with Russia failed." for i in range(60)]
    one = list(nlpipe.Pipeline(jobs=1).run(texts))
    four = list(nlpipe.Pipeline(jobs=4).run(texts))
    assert one == four


def test_run_refuses_what_is_not_iterable(small):
    with pytest.raises(TypeError, match="iterable"):
        small.run(42)
