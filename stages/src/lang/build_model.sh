#!/usr/bin/env bash
# Rebuilds stages/src/lang/model.bin from the lingua-rs language-model crates (see MODEL.md).
# Run from the workspace root:  bash stages/src/lang/build_model.sh
# Needs only crates.io: cargo fetches lingua 1.8.0 and its 75 model crates into the registry.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
scratch=$(mktemp -d); trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/src"
cat > "$scratch/Cargo.toml" <<'TOML'
[package]
name = "lingua-models-fetch"
version = "0.0.0"
edition = "2021"
publish = false
[dependencies]
lingua = "=1.8.0"
[workspace]
TOML
echo 'fn main() {}' > "$scratch/src/main.rs"
cargo fetch --manifest-path "$scratch/Cargo.toml"
# the registry folder holding the unpacked English model crate holds them all
manifest=$(cargo metadata --manifest-path "$scratch/Cargo.toml" --format-version 1 \
    | python3 -c 'import json,sys; print(next(p["manifest_path"] for p in json.load(sys.stdin)["packages"] if p["name"] == "lingua-english-language-model"))')
registry=$(dirname "$(dirname "$manifest")")
cd "$root"
cargo run --release -p stages --example build_lang_model -- stages/src/lang/model.bin "$registry"
