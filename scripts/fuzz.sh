#!/usr/bin/env bash
# Runs every cargo-fuzz target for SECONDS each (default 60) on top of the
# committed seed corpus (fuzz/corpus/<target>, from tests/fixtures via
# scripts/fuzz-seed.mjs). New inputs go to target/fuzz-corpus/<target>, so
# the committed corpus stays as it is; crashes are written to
# fuzz/artifacts/<target>/ and fail the run.
# Usage: bash scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
bash scripts/setup.sh --fuzz --no-browser
targets=(json_call_flow json_message_flow form build_request)
# The fuzz crate is its own workspace: hold it to the same lints here.
cargo fmt --manifest-path fuzz/Cargo.toml --check
cargo +nightly clippy --manifest-path fuzz/Cargo.toml --all-targets --quiet -- -D warnings
# Build every target first (one cargo invocation), then run them in turn.
(cd fuzz && cargo +nightly fuzz build --release 2>&1 | tail -n 3)
failed=()
for t in "${targets[@]}"; do
  work="target/fuzz-corpus/$t"
  mkdir -p "$work"
  echo "== fuzz $t (${seconds}s)"
  if (cd fuzz && cargo +nightly fuzz run "$t" "../$work" "corpus/$t" -- \
      -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 2>&1 | grep -E '^(#[0-9]+ *DONE|==[0-9]+==|SUMMARY|Done|stat::number_of_executed_units|.*panicked|thread .* panicked)' | tail -n 20); then
    :
  fi
  # libFuzzer exits non-zero on a crash; the pipe hides it, so look for artifacts
  # (any one kind: `ls` of the three globs failed whenever one of them matched nothing).
  if [ -n "$(find "fuzz/artifacts/$t" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \) 2>/dev/null)" ]; then
    failed+=("$t")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failing inputs for: ${failed[*]} (see fuzz/artifacts/)"
  exit 1
fi
echo "fuzz: ${#targets[@]} targets ran ${seconds}s each with no failure"
