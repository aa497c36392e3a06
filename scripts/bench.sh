#!/usr/bin/env bash
# The benchmark: setup (installs only what is missing, Debian's chromium included), the release build
# exactly as scripts/run.sh makes it, then bench/run.mjs against it in headless Chromium. Prints the
# figures and PASS/FAIL per budget, writes bench/results/latest.json. See docs/benchmark.md.
#
#   bash scripts/bench.sh             # full run: 5 runs per figure, imports of 1,000 / 10,000 / 50,000
#   bash scripts/bench.sh --quick     # a fast check: 3 runs, no 50,000 (not figures to record)
#   bash scripts/bench.sh --no-build  # measure the dist/ already built
#
# Other arguments go to bench/run.mjs (--runs N, --port N, --strict, --out FILE). Environment: DIST
# (default dist), BENCH_PORT (default 4307). Run it on a quiet machine: timings are medians of a few
# runs, and other work on the machine shows in them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DIST="${DIST:-dist}"
PORT="${BENCH_PORT:-4307}"

build=1
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) args+=("$arg") ;;
  esac
done

# binaryen 132's wasm-opt from npm must be the wasm-opt Trunk finds (Trunk.toml pins version_132).
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

if [ "$build" -eq 1 ]; then
  bash scripts/setup.sh --browser
  echo "[bench] trunk build --release (${DIST}/)"
  trunk build --release --dist "$DIST"
else
  [ -f "$DIST/index.html" ] || { echo "[bench] $DIST/index.html not found: build first (drop --no-build)" >&2; exit 2; }
fi

echo "[bench] node bench/run.mjs --dist $DIST --port $PORT ${args[*]:-}"
exec node bench/run.mjs --dist "$DIST" --port "$PORT" "${args[@]}"
