#!/usr/bin/env bash
# Fetch the web page's third-party assets from npm (pinned in web/package-lock.json) and
# copy the files the page needs into src/eventwire/serve/static/vendor/ (gitignored).
# Nothing is loaded from a CDN at run time; `eventwire serve` checks these files exist.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WEB="$ROOT/web"
VENDOR="$ROOT/src/eventwire/serve/static/vendor"

command -v npm >/dev/null 2>&1 || { echo "build_web.sh: npm not found (apt-get install -y nodejs npm)" >&2; exit 1; }

cd "$WEB"
if [ -f package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
else
    npm install --no-audit --no-fund --loglevel=error
fi

rm -rf "$VENDOR"
mkdir -p "$VENDOR/leaflet/images" "$VENDOR/topojson-client" "$VENDOR/world-atlas"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css "$VENDOR/leaflet/"
cp node_modules/leaflet/dist/images/*.png "$VENDOR/leaflet/images/"
cp node_modules/leaflet/LICENSE "$VENDOR/leaflet/LICENSE"
cp node_modules/topojson-client/dist/topojson-client.min.js "$VENDOR/topojson-client/"
cp node_modules/topojson-client/LICENSE "$VENDOR/topojson-client/LICENSE"
cp node_modules/world-atlas/countries-50m.json "$VENDOR/world-atlas/"
cp node_modules/world-atlas/LICENSE "$VENDOR/world-atlas/LICENSE"
echo "web assets copied to $VENDOR"
