"""docs/python.md's examples, run in order in one namespace from the repository root.

A block that uses pandas is skipped when pandas is not installed (nlpipe does not need
it); the others always run.
"""

import importlib.util
import re

import pytest

from conftest import ROOT

DOC = ROOT / "docs" / "python.md"


def blocks():
    text = DOC.read_text(encoding="utf-8")
    return re.findall(r"^```python\n(.*?)^```", text, flags=re.S | re.M)


def test_the_doc_has_examples():
    assert len(blocks()) >= 6


def test_the_examples_run(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    have_pandas = importlib.util.find_spec("pandas") is not None
    namespace = {"__name__": "docs_python"}
    ran = skipped = 0
    for i, code in enumerate(blocks()):
        if "pandas" in code and not have_pandas:
            skipped += 1
            continue
        try:
            exec(compile(code, f"docs/python.md block {i + 1}", "exec"), namespace)
        except Exception as e:  # name the block in the failure
            pytest.fail(f"docs/python.md block {i + 1} failed: {type(e).__name__}: {e}\n{code}")
        ran += 1
    out = capsys.readouterr().out
    # what the doc says each block prints
    assert "direct | We agreed, | the minister" in out
    assert "[None, 'not_an_object', 'invalid_utf8']" in out
    assert "unknown field `colour`" in out
    assert len(namespace["records"]) >= 5 and len(namespace["rows"]) > 5
    if have_pandas:
        assert skipped == 0
        table = namespace["table"]
        assert table.shape[0] >= 1 and table.shape[1] >= 1
    else:
        print(f"pandas is not installed: {skipped} pandas blocks skipped, {ran} run")
