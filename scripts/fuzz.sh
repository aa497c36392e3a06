#!/usr/bin/env bash
# Fuzzes every reader of untrusted input with cargo-fuzz (libFuzzer): a file's bytes, a stored value,
# the query string, pasted text. Installs what it needs when missing (the nightly toolchain through
# rustup, cargo-fuzz from crates.io); the product itself builds on stable.
#
#   bash scripts/fuzz.sh                 # every target, 1,000,000 runs each
#   bash scripts/fuzz.sh 200000          # fewer runs
#   bash scripts/fuzz.sh 1000000 stored_value query_string
#
# Prints, per target: runs, crashes, seconds and inputs per second, and writes the same table to
# fuzz/results/latest.txt. A crash leaves its input in fuzz/artifacts/<target>/; copy it into
# fuzz/regressions/<target>/ with the fix, and `cargo test --test fuzz_regressions` replays it on
# stable forever after. Exits non-zero when any target crashed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
# The fuzz crate is its own workspace with its own target directory.
unset CARGO_TARGET_DIR

RUNS="${1:-1000000}"
shift || true
TARGETS=("$@")
if [ "${#TARGETS[@]}" -eq 0 ]; then
  TARGETS=(read_dataset stored_value query_string pasted_text published)
fi

log() { printf '[fuzz] %s\n' "$*"; }

if ! rustup toolchain list | grep -q '^nightly'; then
  log "installing the nightly toolchain (fuzzing only)"
  rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  log "installing cargo-fuzz"
  cargo install cargo-fuzz
fi

# Seeds: the default dataset and the bad-file corpus for the readers of files and pasted text, a few
# addresses for the query string, real stored values for storage. libFuzzer grows the corpus from them.
seed() {
  local target="$1" dir="fuzz/corpus/$1"
  mkdir -p "$dir"
  case "$target" in
    read_dataset|pasted_text)
      cp -n src/model/default_dataset.json "$dir/default.json"
      for f in tests/bad_files/*.json; do cp -n "$f" "$dir/"; done
      ;;
    stored_value)
      printf '\000%s' "$(tr -d '\n' < src/model/default_dataset.json)" > "$dir/plain.bin"
      printf '\001%s' '1:3000000000:ࠀࠁ' > "$dir/huge-length.bin"
      printf '\002%s' '{"format":"vientiane-vision","version":1}' > "$dir/pack.bin"
      ;;
    published)
      printf '%s' '{"datasets":[{"title":"Seminar","file":"datasets/seminar.json","description":"d","updated":"2026-12-01"},{"title":"x","file":"https://example.org/a.json"}]}' > "$dir/catalogue.json"
      printf '%s' 'datasets/%2e%2e/a.json?v=1#x' > "$dir/link.txt"
      ;;
    query_string)
      printf '%s' '?view=map&measure=CBC&country=VNM&from=2016&to=2025&aw=1&q=ship%20rider' > "$dir/map.txt"
      printf '%s' 'view=activities&sort=year-desc&scope=asean-wide&confidence=uncertain' > "$dir/activities.txt"
      ;;
  esac
}

mkdir -p fuzz/results
results="fuzz/results/latest.txt"
{
  printf '# cargo fuzz, %s runs a target, %s, %s\n' "$RUNS" "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(nproc) cores"
  printf '%-14s %10s %8s %9s %12s\n' target runs crashes seconds inputs/s
} > "$results"

failed=0
for target in "${TARGETS[@]}"; do
  seed "$target"
  mkdir -p "fuzz/artifacts/$target"
  log "building and running $target ($RUNS runs)"
  logfile="fuzz/results/$target.log"
  start=$(date +%s.%N)
  set +e
  # No sanitizer: the code is safe Rust, where AddressSanitizer finds nothing and runs several times
  # slower; panics, aborts and the malloc limit are what the checks catch.
  (cd fuzz && cargo +nightly fuzz run --sanitizer none "$target" "corpus/$target" -- \
      -runs="$RUNS" -max_len=65536 -timeout=20 -rss_limit_mb=4096 \
      -artifact_prefix="artifacts/$target/" -print_final_stats=1) > "$logfile" 2>&1
  rc=$?
  set -e
  end=$(date +%s.%N)
  # libFuzzer's final line: "Done 1000000 runs in 412 second(s)"; the stats give the exact count.
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$logfile" | tail -n1)
  runs=${runs:-$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$logfile" | tail -n1)}
  runs=${runs:-0}
  crashes=$(find "fuzz/artifacts/$target" -type f \( -name 'crash-*' -o -name 'oom-*' -o -name 'timeout-*' \) | wc -l)
  if [ "$rc" -ne 0 ] && [ "$crashes" -eq 0 ]; then crashes=1; fi
  seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", b - a }')
  # Inputs per second of the fuzzing itself, from libFuzzer's own clock when it reports one.
  fuzz_seconds=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$logfile" | tail -n1)
  rate=$(awk -v r="$runs" -v s="${fuzz_seconds:-$seconds}" 'BEGIN { if (s > 0) printf "%.0f", r / s; else print "-" }')
  printf '%-14s %10s %8s %9s %12s\n' "$target" "$runs" "$crashes" "${fuzz_seconds:-$seconds}" "$rate" | tee -a "$results"
  if [ "$crashes" -ne 0 ]; then
    failed=1
    log "$target: crashed — see $logfile and fuzz/artifacts/$target/"
  fi
done

cat "$results"
exit "$failed"
