#!/usr/bin/env bash
# Peak memory of `nlpipe run` over a long JSON Lines stream on stdin, and on one big
# document. Usage: benches/memory.sh [GIGABYTES] [STAGES]
set -euo pipefail
cd "$(dirname "$0")/.."
gb=${1:-1}
stages=${2:-}
cargo build --release -q -p pipeline-cli -p benches --example gen_corpus
gen=target/release/examples/gen_corpus
bin=target/release/nlpipe
args=(run --no-text)
[ -n "$stages" ] && args+=(--stages "$stages")
bytes=$((gb * 1024 * 1024 * 1024))
echo "streaming $gb GiB of generated JSON Lines through: nlpipe ${args[*]}"
/usr/bin/time -f "peak RSS %M KiB, %e s wall, %U s user" \
    bash -c "$gen 0 4096 | head -c $bytes | $bin ${args[*]} --input jsonl > /dev/null" 2>&1 | tail -1
echo "one 50 MB document over --max-doc-bytes (refused):"
/usr/bin/time -f "peak RSS %M KiB, %e s wall" \
    bash -c "python3 -c 'import sys; sys.stdout.write(\"word \" * 10_000_000)' | $bin ${args[*]} --input text > /dev/null" 2>&1 | tail -1
echo "one 50 MB document processed (--max-doc-bytes 60000000):"
/usr/bin/time -f "peak RSS %M KiB, %e s wall" \
    bash -c "python3 -c 'import sys; sys.stdout.write(\"Talks went well. \" * 3_000_000)' | $bin ${args[*]} --input text --max-doc-bytes 60000000 > /dev/null" 2>&1 | tail -1
