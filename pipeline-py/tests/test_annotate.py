"""annotate(): one document, the record the CLI writes, offsets in code points."""

import threading
import time

import pytest

import nlpipe

QUOTE = "“We agreed,” the minister said."


def test_the_readme_example_finds_the_quote_and_its_speaker(pipe):
    doc = pipe.annotate(QUOTE)
    (quote,) = doc["quotes"]
    assert quote["kind"] == "direct"
    assert quote["text"] == "We agreed,"
    assert quote["speaker"]["text"] == "the minister"
    assert quote["cue"]["text"] == "said"
    assert doc["id"] == 0 and doc["text"] == QUOTE
    assert doc["lang"]["code"] == "en"


def test_offsets_are_code_points_by_default_and_bytes_on_request(pipe):
    text = "Zoë Müller said: “Ça va très bien.” Then she left."
    chars = pipe.annotate(text)
    for tok in chars["tokens"]:
        assert text[tok["start"]:tok["end"]] == tok["text"]
    raw = text.encode()
    byts = pipe.annotate(text, offsets="bytes")
    for tok in byts["tokens"]:
        assert raw[tok["start"]:tok["end"]].decode() == tok["text"]
    assert chars["tokens"][-1]["end"] < byts["tokens"][-1]["end"]
    bytes_pipe = nlpipe.Pipeline(["lang", "tokens"], offsets="bytes")
    assert bytes_pipe.annotate(text)["tokens"] == pipe.annotate(text, offsets="bytes", layers="tokens")["tokens"]
    with pytest.raises(ValueError, match="chars"):
        pipe.annotate(text, offsets="words")


def test_ids_layers_and_text(pipe):
    assert pipe.annotate("Hi.", id="a-1")["id"] == "a-1"
    assert pipe.annotate("Hi.", id=42)["id"] == 42
    doc = pipe.annotate(QUOTE, layers=["quotes"], with_text=False)
    assert set(doc) == {"id", "quotes"}
    assert set(pipe.annotate(QUOTE, layers="lang,tokens")) == {"id", "text", "lang", "tokens"}
    with pytest.raises(TypeError):
        pipe.annotate("Hi.", id=1.5)


def test_a_dict_item_keeps_its_id_and_fields(pipe):
    doc = pipe.annotate({"id": "w1", "text": QUOTE, "source": "wire"}, layers=["lang"])
    assert doc["id"] == "w1" and doc["source"] == "wire" and doc["text"] == QUOTE


def test_annotate_equals_the_first_record_of_run(pipe):
    assert pipe.annotate(QUOTE) == next(iter(pipe.run([QUOTE])))


def test_error_record_or_exception_with_strict(pipe):
    rec = pipe.annotate("\ud800 bad")
    assert rec == {
        "id": 0,
        "error": {
            "stage": "input",
            "kind": "invalid_utf8",
            "message": rec["error"]["message"],
        },
    }
    with pytest.raises(nlpipe.DocumentError) as info:
        pipe.annotate("\ud800 bad", strict=True)
    assert info.value.record == rec
    assert "invalid_utf8" in str(info.value)


def test_the_gil_is_released_while_the_chain_runs(pipe):
    # the whole chain on about 0.9 MB: a few tenths of a second (`layers=` would skip
    # stages and make it too quick to tell)
    text = (QUOTE + " " + "Pakistan and Turkey signed an agreement on Monday. " * 8) * 2000
    ticks = 0
    stop = False

    def count():
        nonlocal ticks
        while not stop:
            ticks += 1
            time.sleep(0)

    t = threading.Thread(target=count)
    t.start()
    time.sleep(0.05)
    before = ticks
    started = time.perf_counter()
    pipe.annotate(text, with_text=False)
    took = time.perf_counter() - started
    during = ticks - before
    stop = True
    t.join()
    assert took > 0.05, "the document is too small to tell"
    # with the GIL held for the whole call the thread could not count at all (a tick or
    # two at its start); released, it counts whenever the machine gives it a core
    assert during > 10, (during, took)


def test_stages_lists_every_built_in_stage():
    listed = nlpipe.stages()
    assert set(nlpipe.DEFAULT_STAGES) <= set(listed)
    assert "quotes" in listed and "speaker" in listed["quotes"]
    assert nlpipe.Pipeline().stages == nlpipe.DEFAULT_STAGES
