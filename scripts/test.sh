#!/usr/bin/env bash
# Runs every test: formatting, lints, native Rust tests (fixtures, properties),
# the package build (both wasm builds), wasm tests in Node and headless Chromium,
# the JS package tests (then the Node suites again against the size build), the
# TypeScript consumer check and the demo's browser tests.
# Ends with one line "N passed, M failed" (tests counted over all suites)
# and exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }

mkdir -p target/test-logs
passed=0
failed=0
failed_suites=()

# count LOG: prints "P F" from the runners' own summary lines.
count() {
  local log=$1 p=0 f=0
  # cargo test and wasm-bindgen-test: "test result: ok. 3 passed; 0 failed; ..."
  while read -r a b; do p=$((p + a)); f=$((f + b)); done < <(
    sed -n 's/.*test result: [a-zA-Z]*\. \([0-9]*\) passed; \([0-9]*\) failed.*/\1 \2/p' "$log")
  # node --test: "# pass 12" / "# fail 0" (also "ℹ pass 12")
  local np nf
  np=$(sed -n 's/^\(#\|ℹ\) pass \([0-9]*\)$/\2/p' "$log" | awk '{s+=$1} END {print s+0}')
  nf=$(sed -n 's/^\(#\|ℹ\) fail \([0-9]*\)$/\2/p' "$log" | awk '{s+=$1} END {print s+0}')
  echo "$((p + np)) $((f + nf))"
}

suite() { # name command...
  local name=$1
  shift
  local log="target/test-logs/${name// /-}.log"
  local start=$SECONDS
  printf '== %s\n' "$name"
  "$@" >"$log" 2>&1
  local rc=$?
  read -r p f < <(count "$log")
  if [ "$p" = 0 ] && [ "$f" = 0 ]; then
    # a check without test counts (fmt, clippy, tsc, build): one test
    if [ $rc = 0 ]; then p=1; else f=1; fi
  elif [ $rc != 0 ] && [ "$f" = 0 ]; then
    f=1
  fi
  passed=$((passed + p))
  failed=$((failed + f))
  if [ $rc = 0 ] && [ "$f" = 0 ]; then
    printf '   ok: %s passed (%ss)\n' "$p" "$((SECONDS - start))"
  else
    failed_suites+=("$name")
    printf '   FAILED: %s passed, %s failed (%ss); log: %s\n' "$p" "$f" "$((SECONDS - start))" "$log"
    grep -E 'FIXTURE FAILED|^not ok|failed:|error(\[|:)|panicked|✖' "$log" | head -n 40 | sed 's/^/   | /'
  fi
}

export CARGO_TERM_COLOR=never
suite "cargo fmt" cargo fmt --all --check
suite "cargo clippy" cargo clippy --all-targets -- -D warnings
suite "cargo clippy wasm32" cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
suite "rust tests" cargo test
# One more field in the schema reaches validate, normalize, forms and the field list.
suite "schema extra field" cargo test --features example-field --test extra_field
suite "build pkg" node scripts/build-pkg.mjs
suite "wasm tests node" env WASM_BINDGEN_TEST_ONLY_NODE=1 cargo test --target wasm32-unknown-unknown --test wasm
suite "wasm tests chromium" env WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --target wasm32-unknown-unknown --test wasm
if [ -d tests/js ]; then
  # The package as built: the Node entry runs the speed build, the browser entry the size build.
  suite "js tests" node --test --test-reporter=tap tests/js/
  # The same Node suites against the size build (the one browsers load), inlined
  # in the Node entry of a copy of pkg/ (tests/js/helpers.mjs); about 10 s.
  suite "js tests size build" env TRILLET_WASM=size node --test --test-reporter=tap \
    tests/js/fixtures.test.mjs tests/js/api.test.mjs tests/js/hostile.test.mjs tests/js/trap.test.mjs \
    tests/js/numbers.test.mjs tests/js/options.test.mjs tests/js/cost.test.mjs tests/js/cli.test.mjs \
    tests/js/results.test.mjs
fi
if [ -f tests/js/types/tsconfig.json ]; then
  suite "typescript types" npx --no-install tsc -p tests/js/types --noEmit
fi
# Each fuzz target for about 20 s on top of the committed corpus (installs
# the nightly toolchain and cargo-fuzz if missing).
suite "fuzz" bash scripts/fuzz.sh 20
if [ -d tests/browser ]; then
  suite "build demo" node www-demo/build.mjs
  suite "demo browser tests" node --test --test-reporter=tap tests/browser/
fi

echo
if [ ${#failed_suites[@]} -gt 0 ]; then
  echo "failed suites: ${failed_suites[*]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ] && [ ${#failed_suites[@]} = 0 ]
