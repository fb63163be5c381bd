"""nlpipe.pyi describes the module as built: every name it declares exists, with docs."""

import ast
import pathlib

import nlpipe

STUB = pathlib.Path(nlpipe.__file__).with_name("__init__.pyi")


def declared():
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    names, members = set(), {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        if isinstance(node, ast.ClassDef):
            members[node.name] = {
                n.name for n in node.body if isinstance(n, ast.FunctionDef)
            } | {n.target.id for n in node.body if isinstance(n, ast.AnnAssign)}
        if isinstance(node, ast.AnnAssign):
            names.add(node.target.id)
    return names, members


def test_the_stub_and_py_typed_ship_with_the_module():
    assert STUB.exists()
    assert STUB.with_name("py.typed").exists()


def test_every_declared_name_exists_and_is_documented():
    names, members = declared()
    assert {"Pipeline", "Records", "stages", "ConfigError", "DocumentError"} <= names
    for name in names:
        assert hasattr(nlpipe, name), name
    for cls, methods in members.items():
        for m in methods - {"record"}:  # DocumentError.record is set on each instance
            assert hasattr(getattr(nlpipe, cls), m), f"{cls}.{m}"
    assert "input order" in nlpipe.Pipeline.run.__doc__
    assert "GIL" in nlpipe.Pipeline.annotate.__doc__
    assert "config" in nlpipe.Pipeline.__doc__
