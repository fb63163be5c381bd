#!/usr/bin/env bash
# Throughput of nlpipe against the tools a reader would otherwise reach for, on one
# generated corpus, in one run. spaCy and textacy are measured only if installed
# (pip install spacy textacy && python -m spacy download en_core_web_sm).
# Usage: benches/compare.sh [DOCS] [BYTES_PER_DOC]
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${1:-2000}
bytes=${2:-4096}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cargo build --release -q -p pipeline-cli -p benches --example gen_corpus
target/release/examples/gen_corpus "$docs" "$bytes" > "$tmp/corpus.jsonl"
size=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1])))" "$tmp/corpus.jsonl")
mb=$(python3 -c "print($size / 1e6)")
echo "corpus: $docs generated English news documents, $mb MB of text"

secs() { local t0 t1; t0=$(date +%s.%N); "$@" > /dev/null; t1=$(date +%s.%N); python3 -c "print($t1 - $t0)"; }
declare -A rate
report() { rate[$1]=$(python3 -c "print($mb / $2)"); printf '%-34s %8.2f s  %8.2f MB/s\n' "$1" "$2" "${rate[$1]}"; }

for jobs in 1 2; do
    t=$(secs target/release/nlpipe run --jobs "$jobs" --no-text "$tmp/corpus.jsonl")
    report "nlpipe full chain, --jobs $jobs" "$t"
done
t=$(secs target/release/nlpipe run --jobs 1 --stages tokens --no-text "$tmp/corpus.jsonl")
report "nlpipe tokens only, --jobs 1" "$t"

if python3 -c "import spacy; spacy.load('en_core_web_sm')" 2>/dev/null; then
    cat > "$tmp/spacy_run.py" <<'PY'
import json, sys, spacy
texts = [json.loads(l)["text"] for l in open(sys.argv[1])]
mode = sys.argv[2]
if mode == "full":
    nlp = spacy.load("en_core_web_sm")
    for _ in nlp.pipe(texts, batch_size=32):
        pass
elif mode == "tokenizer":
    nlp = spacy.blank("en")
    for t in texts:
        nlp.tokenizer(t)
elif mode == "textacy":
    import textacy.extract
    nlp = spacy.load("en_core_web_sm")
    for doc in nlp.pipe(texts, batch_size=32):
        list(textacy.extract.direct_quotations(doc))
PY
    t=$(secs python3 "$tmp/spacy_run.py" "$tmp/corpus.jsonl" full); report "spaCy en_core_web_sm" "$t"
    t=$(secs python3 "$tmp/spacy_run.py" "$tmp/corpus.jsonl" tokenizer); report "spaCy tokenizer" "$t"
    if python3 -c "import textacy" 2>/dev/null; then
        t=$(secs python3 "$tmp/spacy_run.py" "$tmp/corpus.jsonl" textacy); report "textacy direct quotations" "$t"
    fi
else
    echo "(spaCy with en_core_web_sm not installed: skipped)"
fi

echo
base=${rate["nlpipe full chain, --jobs 1"]}
for k in "${!rate[@]}"; do
    python3 -c "print(f'{\"$k\":34s} {$base / ${rate[$k]}:10.1f}x slower than nlpipe (full chain, 1 job)' if ${rate[$k]} < $base else f'{\"$k\":34s} {${rate[$k]} / $base:10.2f}x the rate of nlpipe (full chain, 1 job)')"
done
