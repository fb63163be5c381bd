#!/usr/bin/env python3
"""Import cycles between modules (issue 17: "no two modules that import each other").

    tools/imports.py [CRATE_SRC ...]     # default: stages/src pipeline-core/src pipeline-cli/src pipeline-py/src

Reads every `use crate::…`, `use super::…` and `use self::…` (grouped ones too) and every
inline `crate::a::b` / `super::a` path in a crate's source files, maps each to the module
(file) it names, and prints every pair of modules that import each other, directly or
around a longer circle. Test modules (`tests*.rs`, `#[cfg(test)] mod tests { … }` blocks)
are left out: a test may use what it likes. Exits 1 when there is a cycle.
"""
import os
import re
import sys


def module_of(src, path):
    rel = os.path.relpath(path, src)[:-3].split(os.sep)
    if rel[-1] in ("mod", "lib", "main"):
        rel = rel[:-1]
    return tuple(rel)


def strip_tests(text):
    """The text without `#[cfg(test)] mod x { … }` blocks and comments."""
    text = re.sub(r"//[^\n]*", "", text)
    out, i = [], 0
    for m in re.finditer(r"#\[cfg\(test\)\]\s*mod\s+\w+\s*\{", text):
        if m.start() < i:
            continue
        out.append(text[i:m.start()])
        depth, j = 1, m.end()
        while j < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[j], 0)
            j += 1
        i = j
    out.append(text[i:])
    return "".join(out)


def expand(tree):
    """`a::{b, c::d}` → ["a::b", "a::c::d"]."""
    tree = tree.strip()
    m = re.match(r"^(.*?)\{(.*)\}$", tree, re.S)
    if not m:
        return [tree]
    head, body = m.group(1), m.group(2)
    parts, depth, cur = [], 0, ""
    for ch in body:
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
            continue
        depth += {"{": 1, "}": -1}.get(ch, 0)
        cur += ch
    parts.append(cur)
    return [x for p in parts if p.strip() for x in expand(head + p.strip())]


def resolve(path, here, modules):
    segs = [s for s in path.replace(" ", "").split("::") if s]
    if not segs:
        return None
    if segs[0] == "crate":
        base, segs = (), segs[1:]
    elif segs[0] in ("super", "self"):
        base = here if here in modules and modules[here].endswith(("mod.rs", "lib.rs", "main.rs")) else here
        # a file module `a/b.rs` is module (a, b); `super` is (a)
        base = list(here)
        while segs and segs[0] in ("super", "self"):
            if segs[0] == "super":
                base = base[:-1]
            segs = segs[1:]
        base = tuple(base)
    else:
        return None
    target = base
    for s in segs:
        if target + (s,) in modules:
            target = target + (s,)
        else:
            break
    return target


def main(argv):
    srcs = argv or ["stages/src", "pipeline-core/src", "pipeline-cli/src", "pipeline-py/src"]
    status = 0
    for src in srcs:
        files = {}
        for root, _, names in os.walk(src):
            for n in names:
                p = os.path.join(root, n)
                if n.endswith(".rs") and not n.startswith("tests") and "/tests/" not in p:
                    files[module_of(src, p)] = p
        edges = {}
        for mod, p in files.items():
            text = strip_tests(open(p, encoding="utf-8").read())
            paths = []
            for m in re.finditer(r"\buse\s+([^;]+);", text):
                paths += expand(m.group(1))
            paths += re.findall(r"\b((?:crate|super)(?:::\w+)+)", text)
            for path in paths:
                path = re.sub(r"\s+as\s+\w+$", "", path.strip())
                t = resolve(path, mod, files)
                if t is not None and t != mod and not (mod[: len(t)] == t):
                    # importing from an ancestor's own items counts; being inside it does not
                    edges.setdefault(mod, set()).add(t)
                elif t is not None and t != mod and mod[: len(t)] == t:
                    edges.setdefault(mod, set()).add(t)
        # a parent that only declares `mod child` does not import it; `use child::…` does
        seen = set()
        for a, targets in edges.items():
            for b in targets:
                if a in edges.get(b, ()) and (b, a) not in seen:
                    seen.add((a, b))
                    print(f"{src}: {files[a]} <-> {files[b]}")
                    status = 1
        if not seen:
            print(f"{src}: no two modules import each other ({len(files)} modules)")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
