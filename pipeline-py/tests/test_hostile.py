"""Hostile input: every item gives one record, the interpreter never crashes."""

import math
import os

import pytest

import nlpipe


def kinds(records):
    return [r.get("error", {}).get("kind") for r in records]


def test_strings_that_are_not_unicode(small):
    items = ["\ud800", "ok \udfff ok", {"id": "s", "text": "a\ud83d"}, b"\xff\xfe bytes", b"fine bytes"]
    out = list(small.run(items, layers=["tokens"]))
    assert kinds(out) == ["invalid_utf8", "invalid_utf8", "invalid_utf8", "invalid_utf8", None]
    assert out[2]["id"] == "s"
    assert out[4]["text"] == "fine bytes"


def test_items_that_are_not_documents(small):
    items = [None, 3, 2.5, True, [1, 2], ("a",), object(), {"id": "n", "text": None},
             {"text": "x", "v": math.nan}, {"text": "x", "v": object()}, {1: "x"}, "ok"]
    out = list(small.run(items))
    assert len(out) == len(items)
    assert kinds(out)[:7] == ["not_an_object"] * 7
    assert kinds(out)[7] == "invalid_text"
    assert kinds(out)[8:10] == ["invalid_json", "invalid_json"]
    assert kinds(out)[11] is None


def test_a_huge_text_is_an_error_record_not_a_crash(small):
    huge = "word " * (4 << 20)  # 20 MiB, over the 16 MiB default limit
    out = list(small.run([huge, "after"], layers=["lang"]))
    assert kinds(out) == ["too_large", None]
    assert "16777216 bytes" in out[0]["error"]["message"]
    limited = nlpipe.Pipeline(["lang"], max_doc_bytes=10)
    assert kinds(limited.run(["short", "rather longer text"])) == [None, "too_large"]


def test_a_long_text_under_the_limit_runs(small):
    text = "The minister said the talks failed. " * 100_000  # 3.6 MB
    doc = small.annotate(text, layers=["sentences"], with_text=False)
    assert len(doc["sentences"]) == 100_000


def test_stage_errors_and_panics_become_error_records(monkeypatch):
    monkeypatch.setenv("NLPIPE_FAULT_STAGE", "1")
    assert "fault" in nlpipe.stages()
    pipe = nlpipe.Pipeline(
        config={"stage": [{"type": "tokens"}, {"type": "fault", "fail_on": "BAD", "panic_on": "BOOM"}]},
        jobs=2,
    )
    out = list(pipe.run(["fine", "BAD doc", "BOOM doc", "fine again"], layers=["tokens"]))
    assert kinds(out) == [None, "injected", "panic", None]
    assert out[2]["error"]["stage"] == "fault"
    with pytest.raises(nlpipe.DocumentError, match="panic"):
        pipe.annotate("BOOM", strict=True)


def test_fault_stage_is_hidden_without_the_variable():
    if os.environ.get("NLPIPE_FAULT_STAGE") == "1":
        pytest.skip("NLPIPE_FAULT_STAGE is set")
    assert "fault" not in nlpipe.stages()
