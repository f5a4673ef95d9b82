#!/usr/bin/env bash
# Builds the npm package and the demo's bundles (www-demo/dist/) and serves the demo on 127.0.0.1 (PORT, default 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --no-browser
node scripts/build-pkg.mjs
node www-demo/build.mjs
exec node scripts/serve.mjs
