"""nlpipe: a streaming NLP pipeline for news text, with a Rust core.

The chain the ``nlpipe`` command line runs — language identification, tokens and
sentences, stems, quotes with their speakers, actors with the sentiment toward them — as
a Python module. Each record is the JSON object the CLI writes (docs/schema.md), as a
dict; offsets count code points by default, so ``text[q["start"]:q["end"]]`` is the span.

>>> import nlpipe
>>> pipe = nlpipe.Pipeline()
>>> doc = pipe.annotate("“We agreed,” the minister said.")
>>> doc["quotes"][0]["speaker"]["text"]
'the minister'
"""

import os
from typing import Any, Dict, Iterable, Iterator, List, Literal, Mapping, Optional, Sequence, Union

__version__: str

#: The default chain, every built-in stage in order.
DEFAULT_STAGES: List[str]

#: The cargo features this build has: ``"transformer"`` when the sentiment stage's
#: ``model = "transformer"`` is available (``maturin build --features transformer``).
FEATURES: List[str]

Record = Dict[str, Any]
"""One output record: ``{"id", "text", "lang", "sentences", "tokens", "quotes",
"actors", ...}`` or an error record ``{"id", "error": {"stage", "kind", "message"}}``."""

Item = Union[str, bytes, Mapping[str, Any]]
"""One input document: its text (``bytes`` are read as UTF-8), or a dict as in the CLI's
JSON Lines input (``text``, ``id``, ``lang``, ``targets``; other keys are passed through)."""

Layers = Union[str, Sequence[str], None]
"""Layers to write: ``None`` for all, else names among ``lang``, ``sentences``,
``tokens``, ``stems``, ``quotes``, ``actors``, ``targets`` (a list or ``"a,b"``)."""

class ConfigError(ValueError):
    """The chain cannot be built: an unknown stage, a bad option, an impossible order.
    The message is the one the CLI prints for the same mistake."""

class DocumentError(ValueError):
    """A document became an error record while ``strict=True``."""

    #: The error record: ``{"id": ..., "error": {"stage", "kind", "message"}}``.
    record: Record

def stages() -> Dict[str, str]:
    """Every stage type a chain can use: name → one-line summary (``nlpipe stages``)."""

class Records(Iterator[Record]):
    """The records of :meth:`Pipeline.run`, in input order, one per input item.

    The input is read lazily, a bounded window ahead of the records returned, so a
    generator of any length runs in flat memory. Close it (or drop it) to stop early."""

    def __iter__(self) -> "Records": ...
    def __next__(self) -> Record: ...
    def close(self) -> None:
        """Stops the run: the chain stops and the input is not read further."""
    @property
    def pulled(self) -> int:
        """Items taken from the input so far."""

class Pipeline:
    """A chain of stages, built once and reused.

    Give the chain as ``stages`` (names, in order; see :func:`stages`), or as ``config``:
    the path of a TOML config file (as ``nlpipe run --config``) or a dict of the same
    structure — ``{"runner": {"jobs": 2}, "stage": [{"type": "quotes", "beliefs": False},
    ...]}`` — through which every stage option is reachable (docs/stages.md lists them).
    Neither: every built-in stage (:data:`DEFAULT_STAGES`).

    ``jobs``: documents processed at once (default: the number of cores, or the config's
    ``[runner] jobs``). ``offsets``: ``"chars"`` (code points, what Python slicing uses;
    the default) or ``"bytes"`` (UTF-8), for output spans and input ``targets``.
    ``max_doc_bytes``: larger documents become ``too_large`` error records.
    ``text_field`` / ``id_field``: the keys of a dict item's text and id.

    Raises :class:`ConfigError` when the chain cannot be built.
    """

    def __init__(
        self,
        stages: Optional[Sequence[str]] = None,
        *,
        config: Union[str, "os.PathLike[str]", Mapping[str, Any], None] = None,
        jobs: Optional[int] = None,
        offsets: Literal["chars", "bytes"] = "chars",
        max_doc_bytes: int = 16 << 20,
        text_field: str = "text",
        id_field: str = "id",
    ) -> None: ...
    @property
    def stages(self) -> List[str]:
        """The stage names of the chain, in order."""
    @property
    def jobs(self) -> int:
        """Documents processed at once."""
    def annotate(
        self,
        text: Item,
        id: Union[str, int, None] = None,
        *,
        layers: Layers = None,
        offsets: Optional[Literal["chars", "bytes"]] = None,
        with_text: bool = True,
        strict: bool = False,
    ) -> Record:
        """Runs the chain on one document and returns its record.

        ``id``: the record's id when the item has none of its own (default ``0``).
        ``layers``: the layers to write (default all); ``with_text=False`` leaves the
        text out; ``offsets`` overrides the pipeline's unit. A document that cannot be
        processed gives an error record, or raises :class:`DocumentError` with
        ``strict=True``. The GIL is released while the chain runs."""
    def run(
        self,
        items: Iterable[Item],
        *,
        layers: Layers = None,
        offsets: Optional[Literal["chars", "bytes"]] = None,
        with_text: bool = True,
        strict: bool = False,
    ) -> Records:
        """Streams ``items`` through the chain: an iterator of records, in input order,
        exactly one per item, ``jobs`` documents processed at once with the GIL released.

        An item without an id of its own gets its 0-based position. An item that cannot
        be processed (not a str or a dict, a lone surrogate, too large, a stage error)
        gives an error record as the CLI writes it — or, with ``strict=True``, raises
        :class:`DocumentError` there and ends the run. An exception raised by ``items``
        itself is raised after the records of the items before it."""
