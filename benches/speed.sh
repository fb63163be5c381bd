#!/usr/bin/env bash
# Whole-process speed of `nlpipe run` against a base version (by default the `main`
# branch), both measured in the same run, interleaved, on the same corpus:
#   - MB/s, one job, --no-text, every layer written
#   - MB/s, one job, --no-text, --layers quotes,actors
#   - MB/s with --jobs 2, and its speed-up over one job
#   - peak RSS of the one-job run (/usr/bin/time -v)
# and whether both write the same bytes; with valgrind installed, also the instructions
# each executes on the first 250 documents (callgrind: deterministic, unlike wall time on
# a shared machine).
#
# The corpus is the texts of a JSON Lines file (default: the polnear dev split of the
# evaluation data, ../shared/eval/data/polnear_dev.jsonl, which is not part of the
# repository), cycled to MB megabytes in a temporary directory; nothing is written
# into the repository but the base build's target directory (target/base-speed).
#
# Usage: benches/speed.sh [--base REF | --base-bin PATH] [--mb MB] [--runs N] [SOURCE.jsonl]
# MB/s is input bytes (the JSON Lines file) per second of wall time, best of N runs.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

base_ref=main
base_bin=
mb=40
runs=3
source=../shared/eval/data/polnear_dev.jsonl
while [ $# -gt 0 ]; do
    case $1 in
        --base) base_ref=$2; shift 2 ;;
        --base-bin) base_bin=$2; shift 2 ;;
        --mb) mb=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
        *) source=$1; shift ;;
    esac
done
[ -f "$source" ] || { echo "speed.sh: no corpus source $source (see --help)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "speed.sh: needs /usr/bin/time (GNU time) for peak RSS" >&2; exit 2; }

tmp=$(mktemp -d); trap 'rm -rf "$tmp"; git -C "$root" worktree remove --force "$tmp/base-src" 2>/dev/null || true' EXIT

# --- the two binaries
cargo build --release -q -p pipeline-cli
cp target/release/nlpipe "$tmp/nlpipe-current"
if [ -z "$base_bin" ]; then
    git worktree add -q --detach "$tmp/base-src" "$base_ref"
    (cd "$tmp/base-src" && CARGO_TARGET_DIR="$root/target/base-speed" cargo build --release -q -p pipeline-cli)
    base_bin="$root/target/base-speed/release/nlpipe"
    base_name="$base_ref ($(git rev-parse --short "$base_ref"))"
else
    base_name=$base_bin
fi
cp "$base_bin" "$tmp/nlpipe-base"

# --- the corpus: the source's texts, cycled to $mb MB
python3 - "$source" "$mb" "$tmp/corpus.jsonl" <<'PY'
import json, sys
src, mb, dst = sys.argv[1], float(sys.argv[2]), sys.argv[3]
texts = [json.loads(l)["text"] for l in open(src, encoding="utf-8") if l.strip()]
target, size, cycle = int(mb * 1e6), 0, 0
with open(dst, "w", encoding="utf-8") as f:
    while size < target:
        for i, t in enumerate(texts):
            line = json.dumps({"id": f"{cycle}-{i}", "text": t}, ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode())
            if size >= target:
                break
        cycle += 1
PY
bytes=$(stat -c %s "$tmp/corpus.jsonl")
echo "corpus: texts of $source cycled to $(python3 -c "print(round($bytes/1e6, 1))") MB ($(wc -l < "$tmp/corpus.jsonl") documents)"
echo "base: $base_name; current: the working tree; best of $runs runs each, interleaved; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"

# one run: prints "seconds peak_kib cpu_seconds"
measure() {
    local bin=$1; shift
    /usr/bin/time -f "%e %M %U %S" -o "$tmp/time" "$bin" run --no-progress --no-text "$@" "$tmp/corpus.jsonl" > /dev/null
    awk '{print $1, $2, $3 + $4}' "$tmp/time"
}

declare -A best rss cpu
for ((r = 0; r < runs; r++)); do
    for which in base current; do
        for mode in full layers jobs2; do
            case $mode in
                full) args=(--jobs 1) ;;
                layers) args=(--jobs 1 --layers quotes,actors) ;;
                jobs2) args=(--jobs 2) ;;
            esac
            read -r secs kib cpus < <(measure "$tmp/nlpipe-$which" "${args[@]}")
            key=$which/$mode
            if [ -z "${best[$key]:-}" ] || python3 -c "import sys; sys.exit(0 if $secs < ${best[$key]} else 1)"; then
                best[$key]=$secs
            fi
            if [ -z "${cpu[$key]:-}" ] || python3 -c "import sys; sys.exit(0 if $cpus < ${cpu[$key]} else 1)"; then
                cpu[$key]=$cpus
            fi
            if [ "$mode" = full ] && { [ -z "${rss[$which]:-}" ] || [ "$kib" -gt "${rss[$which]}" ]; }; then
                rss[$which]=$kib
            fi
        done
    done
done

# --- same output?
"$tmp/nlpipe-base" run --no-progress --no-text --jobs 1 "$tmp/corpus.jsonl" | sha256sum > "$tmp/base.sum"
"$tmp/nlpipe-current" run --no-progress --no-text --jobs 2 "$tmp/corpus.jsonl" | sha256sum > "$tmp/current.sum"
same=$(cmp -s "$tmp/base.sum" "$tmp/current.sum" && echo identical || echo DIFFERENT)

# --- instructions (callgrind), when valgrind is there
instructions() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$1" run --no-progress --no-text --jobs 1 "$tmp/head.jsonl" 2>&1 >/dev/null |
        sed -n 's/.*refs: *//p' | tr -d ,
}
ir_base=0 ir_current=0
if command -v valgrind > /dev/null; then
    head -n 250 "$tmp/corpus.jsonl" > "$tmp/head.jsonl"
    ir_base=$(instructions "$tmp/nlpipe-base")
    ir_current=$(instructions "$tmp/nlpipe-current")
fi

python3 - "$bytes" "${best[base/full]}" "${best[current/full]}" "${best[base/layers]}" "${best[current/layers]}" \
    "${best[base/jobs2]}" "${best[current/jobs2]}" "${rss[base]}" "${rss[current]}" "$same" "$ir_base" "$ir_current" \
    "${cpu[base/full]}" "${cpu[current/full]}" "${cpu[base/layers]}" "${cpu[current/layers]}" <<'PY'
import sys
b = float(sys.argv[1])
bf, cf, bl, cl, b2, c2 = map(float, sys.argv[2:8])
br, cr = int(sys.argv[8]), int(sys.argv[9])
rate = lambda s: b / s / 1e6
rows = [
    ("one job, every layer (MB/s)", rate(bf), rate(cf), "≥ 10"),
    ("one job, --layers quotes,actors (MB/s)", rate(bl), rate(cl), "≥ 20"),
    ("--jobs 2 (MB/s)", rate(b2), rate(c2), ""),
    ("--jobs 2 speed-up over one job", bf / b2, cf / c2, "≥ 1.8"),
    ("peak RSS, one job (MiB)", br / 1024, cr / 1024, "≤ 100"),
]
print(f"{'figure':40s} {'base':>9s} {'current':>9s} {'change':>8s}  target")
for name, x, y, target in rows:
    print(f"{name:40s} {x:9.2f} {y:9.2f} {y / x:7.2f}x  {target}")
cbf, ccf, cbl, ccl = map(float, sys.argv[13:17])
print(f"{'one job, every layer: CPU s (user+sys)':40s} {cbf:9.2f} {ccf:9.2f} {ccf / cbf:7.2f}x")
print(f"{'one job, quotes,actors: CPU s':40s} {cbl:9.2f} {ccl:9.2f} {ccl / cbl:7.2f}x")
ib, ic = int(sys.argv[11]), int(sys.argv[12])
if ib and ic:
    print(f"{'instructions, first 250 documents (M)':40s} {ib / 1e6:9.0f} {ic / 1e6:9.0f} {ic / ib:7.2f}x")
print(f"output of base (1 job) and current (2 jobs): {sys.argv[10]}")
PY
