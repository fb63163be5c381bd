#!/usr/bin/env python3
"""Teacher labels for the fast sentiment model (issue 19, part 2): every actor mention
in unlabeled news sentences, scored by the transformer model.

    tools/sentiment_teacher.py FAST_NLPIPE TRANSFORMER_NLPIPE OUT.jsonl [DATA_DIR] [MAX_SENTENCES]

FAST_NLPIPE is any nlpipe build (it finds the actors: the default chain, whose mentions
do not depend on the sentiment model); TRANSFORMER_NLPIPE one built with
`--features transformer`. DATA_DIR defaults to ../shared/eval/data. The unlabeled texts:
the articles of polnear_train.jsonl, the sentences of newsmtsc_train.jsonl (all their
entities; the gold targets themselves are left out, the trainer has their gold labels)
and examples/articles. Never a dev or test split. The sentences are labelled in a fixed
order that interleaves the three sources in proportion to their sizes, so that any prefix
is a like sample of all of them; MAX_SENTENCES labels only the first that many (the
transformer is slow; OUT is written as it goes, so a run stopped early holds such a
prefix). The transformer reads JOIN (16) sentences as one document, separated by blank
lines (each mention is still read in its own sentence; the encoder batches all the
mentions of a document, which is faster than one sentence at a time).
TEACHER_SHARD=K/N (environment) labels only the K-th (from 0) of N equal consecutive parts
of that order, MAX_SENTENCES then counting within it: N processes label the whole set
side by side, and their outputs, concatenated in order, are the single run's.

Writes OUT.jsonl: one record per sentence with mentions, the transformer's `targets`
(character offsets), as `train_sentiment --teacher` reads it. OUT derives from
evaluation-data texts: keep it outside the repository (e.g. /tmp). Run from the
workspace root; run it with `nice`: on this 2-core machine shared with four other jobs
(load 13-16) two shards together labelled about 17 mentions a second (79,740 mentions in
all: over an hour).
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


def interleaved(records):
    """`records` reordered so the sources (the id's prefix before `:`) alternate in
    proportion to their sizes; the order within a source is kept."""
    by = {}
    for r in records:
        by.setdefault(r["id"].split(":", 1)[0], []).append(r)
    keyed = [((k + 0.5) / len(rs), src, k) for src, rs in sorted(by.items())
             for k in range(len(rs))]
    return [by[src][k] for _, src, k in sorted(keyed)]


def label(teacher, config, records, out, join=16):
    """Runs the transformer on `records` (JOIN sentences a document) and writes one
    record per sentence to `out`, the targets' offsets back in their sentence."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8",
                                     delete=False) as f:
        groups = []
        for g in range(0, len(records), join):
            part = records[g:g + join]
            text, starts, targets = "", [], []
            for r in part:
                if text:
                    text += "\n\n"
                starts.append(len(text))
                targets += [{"start": t["start"] + len(text), "end": t["end"] + len(text)}
                            for t in r["targets"]]
                text += r["text"]
            groups.append((part, starts))
            f.write(json.dumps({"id": f"g{len(groups)}", "text": text,
                                "targets": targets}) + "\n")
        name = f.name
    with open(name, encoding="utf-8") as f:
        proc = subprocess.Popen([teacher, "run", "--no-progress", "--offsets", "chars",
                                 "--layers", "targets", "--config", config],
                                stdin=f, stdout=subprocess.PIPE, text=True)
        for (part, starts), line in zip(groups, proc.stdout):
            got = json.loads(line).get("targets") or []
            for r, a in zip(part, starts):
                b = a + len(r["text"])
                ts = [dict(t, start=t["start"] - a, end=t["end"] - a)
                      for t in got if a <= t["start"] and t["end"] <= b]
                out.write(json.dumps({"id": r["id"], "text": r["text"], "targets": ts})
                          + "\n")
            out.flush()
        if proc.wait() != 0:
            sys.exit(f"{teacher} failed")
    os.unlink(name)


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
        records = interleaved(sentences_with_mentions(found.splitlines(), gold))
        shard = os.environ.get("TEACHER_SHARD")
        if shard:
            k, parts = (int(x) for x in shard.split("/"))
            size = -(-len(records) // parts)
            records = records[k * size:(k + 1) * size]
        records = records[:limit]
        n = sum(len(r["targets"]) for r in records)
        print(f"{len(records)} sentences, {n} mentions to label", file=sys.stderr)
        config = os.path.join(tmp, "teacher.toml")
        with open(config, "w", encoding="utf-8") as f:
            f.write('[[stage]]\ntype = "tokens"\n\n[[stage]]\ntype = "sentiment"\n'
                    'model = "transformer"\nactors = false\n')
        with open(out, "w", encoding="utf-8") as o:
            label(teacher, config, records, o)


if __name__ == "__main__":
    main()
