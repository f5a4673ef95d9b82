#!/usr/bin/env bash
# Benchmarks against Zod, Valibot and Ajv (about a minute): builds the package,
# installs the bench's own dependencies, runs bench/run.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --no-browser
node scripts/build-pkg.mjs
if [ ! -d bench/node_modules ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  npm --prefix bench ci --no-audit --no-fund --loglevel=error
fi
exec node bench/run.mjs "$@"
