#!/usr/bin/env bash
# Builds an `nlpipe report` and renders it in headless Chromium to a PNG, so a person can
# look at it without opening a browser.
#
#   docs/render-report.sh [INPUT ...]       default INPUT: examples/articles
#
# Environment: OUT_DIR (default target/report) receives report.html and report.png;
# WINDOW (default 1280,2000) is the screenshot's size; REPORT_ARGS adds flags to
# `nlpipe report` (e.g. REPORT_ARGS="--docs 20").
# Chromium: Debian package `chromium` (apt-get update && apt-get install -y chromium).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out_dir=${OUT_DIR:-$root/target/report}
window=${WINDOW:-1280,2000}
if [ "$#" -eq 0 ]; then
    # from the workspace root, so document ids read examples/articles/…
    cd "$root"
    set -- examples/articles
fi

chromium=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$chromium" ]; then
    echo "render-report: no chromium found; install it with: apt-get update && apt-get install -y chromium" >&2
    exit 2
fi

cargo build --quiet --manifest-path "$root/Cargo.toml" -p pipeline-cli
nlpipe="$root/target/debug/nlpipe"

mkdir -p "$out_dir"
out_dir=$(cd "$out_dir" && pwd)
# shellcheck disable=SC2086 # REPORT_ARGS is split on purpose
"$nlpipe" report ${REPORT_ARGS:-} -o "$out_dir/report.html" "$@"

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# no network at all: the report is self-contained, and Chromium must not phone home
timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$profile" \
    --screenshot="$out_dir/report.png" --window-size="$window" \
    "file://$out_dir/report.html" 2>"$out_dir/chromium.log" || {
    echo "render-report: chromium failed, see $out_dir/chromium.log" >&2
    exit 1
}
echo "render-report: $out_dir/report.html -> $out_dir/report.png"
