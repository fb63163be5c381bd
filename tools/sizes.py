#!/usr/bin/env python3
"""Size limits of the source tree (issue 17): no source file over MAX_FILE lines and no
function over MAX_FN lines under the library crates' src/ folders (test files aside).

    tools/sizes.py [--top N] [DIR ...]     # default DIRs: stages/src pipeline-core/src pipeline-cli/src

Prints the longest files and functions and exits 1 when a limit is broken. A function is
measured from its `fn` line to its closing brace (found by brace depth, skipping strings,
chars and comments well enough for rustfmt-formatted code).
"""
import os
import re
import sys

MAX_FILE, MAX_FN = 1000, 150
FN = re.compile(r"^\s*(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?(unsafe\s+)?fn\s+(\w+)")


def is_test_file(path):
    name = os.path.basename(path)
    return name.startswith("tests") or "/tests/" in path


def strip(line):
    """The line without string/char literals and comments (approximate)."""
    line = re.sub(r'"(\\.|[^"\\])*"', '""', line)
    line = re.sub(r"'(\\.|[^'\\])'", "' '", line)
    return line.split("//", 1)[0]


def functions(lines):
    """(name, first line, length) of every fn with a body."""
    out, i = [], 0
    while i < len(lines):
        m = FN.match(lines[i])
        if not m:
            i += 1
            continue
        depth, opened, j = 0, False, i
        while j < len(lines):
            code = strip(lines[j])
            if not opened and ";" in code and "{" not in code:
                break  # a declaration without a body
            depth += code.count("{") - code.count("}")
            opened = opened or "{" in code
            if opened and depth <= 0:
                out.append((m.group(6), i + 1, j - i + 1))
                break
            j += 1
        i += 1
    return out


def main(argv):
    top = 5
    if argv[:1] == ["--top"]:
        top, argv = int(argv[1]), argv[2:]
    dirs = argv or ["stages/src", "pipeline-core/src", "pipeline-cli/src", "pipeline-py/src"]
    files, fns = [], []
    for d in dirs:
        for root, _, names in os.walk(d):
            for n in names:
                p = os.path.join(root, n)
                if not n.endswith(".rs") or is_test_file(p):
                    continue
                lines = open(p, encoding="utf-8").read().split("\n")
                files.append((len(lines), p))
                fns += [(length, f"{p}:{line} {name}") for name, line, length in functions(lines)]
    files.sort(reverse=True)
    fns.sort(reverse=True)
    print(f"longest files (limit {MAX_FILE} lines):")
    for n, p in files[:top]:
        print(f"  {n:5} {p}")
    print(f"longest functions (limit {MAX_FN} lines):")
    for n, p in fns[:top]:
        print(f"  {n:5} {p}")
    bad = [f for f in files if f[0] > MAX_FILE] + [f for f in fns if f[0] > MAX_FN]
    for n, p in bad:
        print(f"over the limit: {p} ({n} lines)", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
