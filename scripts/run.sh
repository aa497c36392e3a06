#!/usr/bin/env bash
# Run the app: setup (installs only what is missing), release build into dist/, then serve dist/
# at http://127.0.0.1:8080 (override with PORT=...). Ctrl-C stops the server.
#
#   bash scripts/run.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PORT="${PORT:-8080}"

bash scripts/setup.sh

# binaryen 132's wasm-opt from npm must be the wasm-opt Trunk finds (Trunk.toml pins version_132).
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

echo "[run] trunk build --release (dist/)"
trunk build --release

echo "[run] single file (no server needed): dist/vientiane-vision-atlas.html; hosting: docs/hosting.md"
echo "[run] open http://127.0.0.1:${PORT}/"
exec python3 scripts/serve.py --dir dist --host 127.0.0.1 --port "$PORT"
