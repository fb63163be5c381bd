#!/usr/bin/env python3
"""Teacher labels for the fast sentiment model (issue 19, part 2): every actor mention
in unlabeled news sentences, scored by the transformer model.

    tools/sentiment_teacher.py FAST_NLPIPE TRANSFORMER_NLPIPE OUT.jsonl [DATA_DIR] [MAX_SENTENCES]

FAST_NLPIPE is any nlpipe build (it finds the actors: the default chain, whose mentions
do not depend on the sentiment model); TRANSFORMER_NLPIPE one built with
`--features transformer`. DATA_DIR defaults to ../shared/eval/data. The unlabeled texts:
the articles of polnear_train.jsonl, the sentences of newsmtsc_train.jsonl (all their
entities; the gold targets themselves are left out, the trainer has their gold labels)
and examples/articles. Never a dev or test split. MAX_SENTENCES labels only the first
that many sentences of this fixed order (the transformer is slow; OUT is written as it
goes, so a run stopped early holds such a prefix).

Writes OUT.jsonl: one record per sentence with mentions, the transformer's `targets`
(character offsets), as `train_sentiment --teacher` reads it. OUT derives from
evaluation-data texts: keep it outside the repository (e.g. /tmp). Run from the
workspace root; the transformer scores about 60 mentions per second on 2 free cores
(85,000 mentions: about half an hour), so run it with `nice`.
Python 3 standard library only.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile


def documents(data, gold):
    """(id, text) of every unlabeled document, in a fixed order; fills `gold` with the
    character spans of the NewsMTSC train targets by text."""
    seen = set()
    with open(os.path.join(data, "newsmtsc_train.jsonl"), encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            gold.setdefault(r["text"], []).append((r["target_start"], r["target_end"]))
            if r["text"] not in seen:
                seen.add(r["text"])
                yield f"mt:{len(seen)}", r["text"]
    for p in sorted(glob.glob("examples/articles/*.txt")):
        with open(p, encoding="utf-8") as f:
            yield "ex:" + os.path.basename(p), f.read()
    for p in sorted(glob.glob("examples/articles/*.jsonl")):
        with open(p, encoding="utf-8") as f:
            for i, line in enumerate(f):
                if line.strip():
                    yield f"ex:{os.path.basename(p)}:{i}", json.loads(line)["text"]
    with open(os.path.join(data, "polnear_train.jsonl"), encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            yield "pn:" + r["id"], r["text"]


def sentences_with_mentions(found, gold):
    """Per English sentence with actor mentions: a record with those mentions as targets
    (those overlapping a gold target of the same text left out)."""
    for line in found:
        r = json.loads(line)
        if (r.get("lang") or {}).get("code") != "en":
            continue
        text = r["text"]
        spans = [(m["start"], m["end"]) for a in r.get("actors") or [] for m in a["mentions"]]
        for k, s in enumerate(r.get("sentences") or []):
            a0, b0 = s["start"], s["end"]
            st = text[a0:b0]
            taken = gold.get(st, [])
            ts = sorted({(a - a0, b - a0) for a, b in spans if a >= a0 and b <= b0})
            ts = [(a, b) for a, b in ts if not any(x < b and a < y for x, y in taken)]
            if ts:
                yield {"id": f"{r['id']}#{k}", "text": st,
                       "targets": [{"start": a, "end": b} for a, b in ts]}


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    fast, teacher, out = sys.argv[1:4]
    data = sys.argv[4] if len(sys.argv) > 4 else "../shared/eval/data"
    limit = int(sys.argv[5]) if len(sys.argv) > 5 else None
    gold = {}
    with tempfile.TemporaryDirectory() as tmp:
        docs = os.path.join(tmp, "docs.jsonl")
        with open(docs, "w", encoding="utf-8") as f:
            for i, t in documents(data, gold):
                f.write(json.dumps({"id": i, "text": t}) + "\n")
        with open(docs, encoding="utf-8") as f:
            found = subprocess.run([fast, "run", "--no-progress", "--offsets", "chars"],
                                   stdin=f, capture_output=True, text=True, check=True).stdout
        sents = os.path.join(tmp, "sentences.jsonl")
        n = 0
        with open(sents, "w", encoding="utf-8") as f:
            for k, rec in enumerate(sentences_with_mentions(found.splitlines(), gold)):
                if limit is not None and k >= limit:
                    break
                f.write(json.dumps(rec) + "\n")
                n += len(rec["targets"])
        print(f"{n} mentions to label", file=sys.stderr)
        config = os.path.join(tmp, "teacher.toml")
        with open(config, "w", encoding="utf-8") as f:
            f.write('[[stage]]\ntype = "tokens"\n\n[[stage]]\ntype = "sentiment"\n'
                    'model = "transformer"\nactors = false\n')
        with open(sents, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as o:
            subprocess.run([teacher, "run", "--no-progress", "--offsets", "chars",
                            "--layers", "targets", "--config", config], stdin=f, stdout=o, check=True)


if __name__ == "__main__":
    main()
