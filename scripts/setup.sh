#!/usr/bin/env bash
# Installs what the build and the tests need, only what is missing:
# the wasm32 target, the size build's nightly toolchain (Cargo.toml's
# size-toolchain) with rust-src, wasm-bindgen-cli at the exact version of Cargo.lock,
# the npm dev dependencies (npm ci from the committed lock files, the demo's too) and,
# unless --no-browser, Debian's chromium and chromium-driver; with --fuzz,
# also the nightly toolchain and cargo-fuzz (only scripts/fuzz.sh asks).
set -euo pipefail
cd "$(dirname "$0")/.."
browser=1
fuzz=0
for arg in "$@"; do
  case "$arg" in
    --no-browser) browser=0 ;;
    --fuzz) fuzz=1 ;;
  esac
done
say() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The browser's wasm (the size build of scripts/build-pkg.mjs) builds std
# itself with this nightly: it needs the toolchain and its rust-src.
size_toolchain=$(sed -n 's/^size-toolchain = "\(.*\)"$/\1/p' Cargo.toml)
[ -n "$size_toolchain" ] || { echo "[setup] Cargo.toml: no size-toolchain" >&2; exit 1; }
if ! rustup component list --toolchain "$size_toolchain" --installed 2>/dev/null | grep -q '^rust-src'; then
  say "installing the $size_toolchain toolchain with rust-src (the size build); about a minute"
  rustup toolchain install "$size_toolchain" --profile minimal --component rust-src
fi

want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (found: ${have:-none}); about two minutes"
  cargo install wasm-bindgen-cli --version "=$want"
fi

npm_ci() { # dir
  local dir=$1
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
npm_ci .
[ -f tests/js/bundler/package-lock.json ] && npm_ci tests/js/bundler
[ -f www-demo/package-lock.json ] && npm_ci www-demo # the demo's editor and graph layout (bundled by www-demo/build.mjs)

if [ "$browser" = 1 ] && { ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; }; then
  say "installing Debian's chromium and chromium-driver"
  sudo=""
  [ "$(id -u)" != 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
fi
if [ "$fuzz" = 1 ]; then
  if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    say "installing the nightly toolchain (for cargo-fuzz)"
    rustup toolchain install nightly --profile minimal
  fi
  if ! command -v cargo-fuzz >/dev/null; then
    say "installing cargo-fuzz; a few minutes"
    cargo install cargo-fuzz
  fi
fi
say "ready"
