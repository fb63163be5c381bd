#!/usr/bin/env bash
# Snapshot the CLI's output on the seed articles and the evaluation inputs, to prove a
# refactor changes nothing:
#
#   tools/snapshot.sh OUT_DIR [NLPIPE_BINARY]     # writes OUT_DIR/<name>.jsonl
#   tools/snapshot.sh /tmp/before && <refactor> && cargo build --release -p pipeline-cli \
#     && tools/snapshot.sh /tmp/after && tools/snapshot.sh --compare /tmp/before /tmp/after
#
# Each input runs through the default chain (every built-in stage) with
# `nlpipe run --offsets chars --no-text`, plus the chains the evaluation runs, so the
# sentiment stage is covered both with and without a quotes layer. The eval inputs are made by
# ../shared/eval/score.py (gold fields stripped, input hints such as targets kept); the data
# stays outside the repository. Inputs that are missing are skipped with a note.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=${NLPIPE_SHARED:-$here/../shared}
data=$shared/eval/data

if [ "${1:-}" = "--compare" ]; then
    before=$2 after=$3 status=0
    for f in "$before"/*.jsonl; do
        name=$(basename "$f")
        if cmp -s "$f" "$after/$name"; then
            echo "identical  $name ($(wc -l <"$f") records)"
        else
            echo "DIFFERENT  $name"; status=1
        fi
    done
    exit $status
fi

out=${1:?usage: tools/snapshot.sh OUT_DIR [NLPIPE_BINARY] | --compare BEFORE AFTER}
bin=${2:-$here/target/release/nlpipe}
mkdir -p "$out"
out=$(cd "$out" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# name  task(for score.py input)  gold file  extra chain (besides the default one)
inputs=(
    "polnear_train quotes polnear_train.jsonl lang,tokens,quotes"
    "polnear_dev quotes polnear_dev.jsonl lang,tokens,quotes"
    "newsmtsc_dev_rw targets newsmtsc_dev_rw.jsonl lang,tokens,sentiment"
    "newsmtsc_dev_mt targets newsmtsc_dev_mt.jsonl lang,tokens,sentiment"
    "ud_ewt_dev_docs tokens ud_ewt_dev_docs.jsonl lang,tokens,stems"
    "langid_dev langid langid_dev.jsonl lang"
)
run() { # run NAME ARGS... < input
    local name=$1; shift
    "$bin" run --offsets chars --no-text "$@" >"$out/$name.jsonl" || [ $? -eq 1 ]
}

if [ -d "$shared/seeds" ]; then
    # run from shared/ so the records' ids (the file paths) do not depend on the checkout
    (cd "$shared" && run seeds seeds)
    (cd "$shared" && run seeds_quotes --stages lang,tokens,quotes seeds)
else
    echo "skipped seeds: $shared/seeds not found" >&2
fi
for spec in "${inputs[@]}"; do
    read -r name task file chain <<<"$spec"
    if [ ! -f "$data/$file" ]; then
        echo "skipped $name: $data/$file not found" >&2
        continue
    fi
    python3 "$shared/eval/score.py" input "$task" "$data/$file" >"$tmp/in.jsonl"
    run "$name" --input jsonl <"$tmp/in.jsonl"
    run "${name}_$task" --input jsonl --stages "$chain" <"$tmp/in.jsonl"
done
echo "wrote $(ls "$out" | wc -l) snapshots to $out"
