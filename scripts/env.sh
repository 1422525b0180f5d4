# Sourced by the scripts: puts the project's tools on PATH. Not meant to be run.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
# Pinned tool versions (see Trunk.toml and Cargo.toml; they must match exactly).
WASM_BINDGEN_VERSION=0.2.130
TRUNK_VERSION=0.21.14
