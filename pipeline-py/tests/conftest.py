"""Shared fixtures of the nlpipe pytest suite (run against the installed wheel)."""

import os
import pathlib

import pytest

import nlpipe

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def pipe():
    """The default chain, every built-in stage, two jobs."""
    return nlpipe.Pipeline(jobs=2)


@pytest.fixture(scope="session")
def small():
    """A quick chain for tests that push many documents."""
    return nlpipe.Pipeline(["lang", "tokens"], jobs=2)


@pytest.fixture(scope="session")
def cli():
    """The nlpipe binary (NLPIPE_BIN, else target/release or target/debug), or skip."""
    candidates = [os.environ.get("NLPIPE_BIN")] + [
        str(ROOT / "target" / p / "nlpipe") for p in ("release", "debug")
    ]
    for c in candidates:
        if c and os.access(c, os.X_OK):
            return c
    pytest.skip("no nlpipe binary: set NLPIPE_BIN or build pipeline-cli")
