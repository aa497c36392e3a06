#!/usr/bin/env bash
# The whole test suite, fail-fast, in this order:
#   setup (--browser) -> cargo fmt --check -> clippy (native, wasm32) -> native cargo test
#   -> browser tests (wasm-bindgen-test) in headless Chromium (chromedriver), headless Firefox
#      (geckodriver) and WebKit (WebKitWebDriver as SAFARIDRIVER, MiniBrowser under xvfb-run)
#   -> trunk build --release (dist/) + relative-URL check -> Playwright e2e against dist/ (Chromium)
#   -> the cross-engine suite (engines/, WebDriver) on Chromium, Firefox and WebKit
# Ends with a timing table and, on its own line, "N passed, M failed" (all test layers added up;
# a failing non-test phase such as clippy counts as 1 failed). Exits non-zero on any failure.
#
#   bash scripts/test.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

LOG_DIR="$ROOT/target/test-logs"
E2E_JSON="$ROOT/test-results/e2e-results.json"
ENGINES_JSON="$ROOT/test-results/engines-results.json"
rm -rf "$LOG_DIR" "$E2E_JSON" "$ENGINES_JSON"
mkdir -p "$LOG_DIR"

CURRENT_PHASE=""
PHASE_START=$SECONDS
TOTAL_START=$SECONDS
TIMINGS=()

phase() { # phase NAME DESCRIPTION: closes the previous phase, starts the next
  end_phase ok
  CURRENT_PHASE="$1"
  PHASE_START=$SECONDS
  printf '\n==> [%s] %s\n' "$1" "$2"
}

end_phase() {
  if [ -n "$CURRENT_PHASE" ]; then
    TIMINGS+=("$(printf '  %-14s %5ss  %s' "$CURRENT_PHASE" "$((SECONDS - PHASE_START))" "$1")")
    LAST_PHASE="$CURRENT_PHASE"
    CURRENT_PHASE=""
  fi
}

# Sums "test result: ... X passed; Y failed; ..." lines (libtest and wasm-bindgen-test-runner).
count_cargo() {
  [ -f "$1" ] || { echo "0 0"; return; }
  sed 's/\x1b\[[0-9;]*m//g' "$1" | awk '/^test result: / {
      for (i = 2; i <= NF; i++) {
        if ($i ~ /^passed;?$/) p += $(i - 1)
        if ($i ~ /^failed;?$/) f += $(i - 1)
      }
    } END { print p + 0, f + 0 }'
}

# Playwright's JSON report ($1): expected + flaky = passed, unexpected (+ global errors) = failed.
count_playwright() {
  [ -f "$1" ] || { echo "0 0"; return; }
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const s = r.stats || {};
    const errors = (r.errors || []).length;
    console.log((s.expected || 0) + (s.flaky || 0), (s.unexpected || 0) + errors);
  ' "$1" 2>/dev/null || echo "0 1"
}

finish() {
  local rc=$?
  set +e
  local failed_phase=""
  if [ -n "$CURRENT_PHASE" ]; then
    failed_phase="$CURRENT_PHASE"
    if [ "$rc" -eq 0 ]; then end_phase ok; else end_phase FAILED; fi
  fi
  local passed=0 failed=0 p f layer
  for layer in native browser-chromium browser-firefox browser-webkit; do
    read -r p f < <(count_cargo "$LOG_DIR/$layer.log")
    passed=$((passed + p)); failed=$((failed + f))
  done
  for report in "$E2E_JSON" "$ENGINES_JSON"; do
    read -r p f < <(count_playwright "$report")
    passed=$((passed + p)); failed=$((failed + f))
  done
  if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

  printf '\n==> timings\n'
  printf '%s\n' "${TIMINGS[@]}"
  printf '  %-14s %5ss\n' total "$((SECONDS - TOTAL_START))"
  if [ "$rc" -ne 0 ]; then
    printf '\nFAILED in phase [%s] (exit %s); see the output above' "${failed_phase:-?}" "$rc"
    [ -d "$LOG_DIR" ] && printf ' and the logs in %s' "${LOG_DIR#"$ROOT"/}"
    printf '\n'
  else
    printf '\nALL GREEN\n'
  fi
  echo "${passed} passed, ${failed} failed"
  exit "$rc"
}
trap finish EXIT

# ------------------------------------------------------------------------------------------------
phase setup "scripts/setup.sh --browser (installs only what is missing)"
bash scripts/setup.sh --browser

# binaryen 132's wasm-opt from npm first on PATH (Trunk.toml pins wasm_opt = "version_132").
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CARGO_TERM_COLOR=never

phase fmt "cargo fmt --check"
if ! cargo fmt --all -- --check; then
  echo "cargo fmt: the files above are not formatted; run \`cargo fmt\`" >&2
  exit 1
fi

phase clippy "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets -- -D warnings

phase clippy-wasm "cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings"
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

phase test-native "cargo test --no-fail-fast"
cargo test --no-fail-fast 2>&1 | tee "$LOG_DIR/native.log"

# Every tests/*.rs that configures wasm-bindgen-test to run in the browser.
browser_tests=()
for f in tests/*.rs; do
  [ -f "$f" ] && grep -q 'run_in_browser' "$f" && browser_tests+=(--test "$(basename "$f" .rs)")
done
# wasm-bindgen-test-runner (the wasm32 runner in .cargo/config.toml) starts the WebDriver server named
# by CHROMEDRIVER, GECKODRIVER or SAFARIDRIVER, which starts the browser with the capabilities in
# WASM_BINDGEN_TEST_WEBDRIVER_JSON (the runner adds headless and, for Chromium, no-sandbox). The test
# binary is compiled once; each engine only runs it.
browser_phase() { # browser_phase ENGINE DRIVER-VARIABLE=PATH [CAPABILITIES-JSON] [WRAPPER...]
  local engine="$1" driver="$2" caps="${3:-}"
  shift 3
  phase "test-$engine" "cargo test --target wasm32-unknown-unknown ${browser_tests[*]:-} ($engine)"
  if [ "${#browser_tests[@]}" -eq 0 ]; then
    echo "no tests/*.rs with wasm_bindgen_test_configure!(run_in_browser): skipped"
    return
  fi
  local vars=("$driver" WASM_BINDGEN_TEST_DRIVER_TIMEOUT=60 WASM_BINDGEN_TEST_TIMEOUT=300)
  [ -n "$caps" ] && vars+=(WASM_BINDGEN_TEST_WEBDRIVER_JSON="$caps")
  local log="$LOG_DIR/browser-$engine.log"
  if env "${vars[@]}" "$@" cargo test --no-fail-fast --target wasm32-unknown-unknown "${browser_tests[@]}" 2>&1 \
    | tee "$log"; then
    return
  fi
  # WebKitGTK's JavaScriptCore has once, in about ten runs, raised "Out of bounds memory access" in
  # safe Rust (std's SipHash) in the middle of a test, an engine fault the other engines never show
  # and the same test never repeats. Only that fault, and only on WebKit, gets one rerun; the first
  # log is kept beside it, and the counts are the rerun's. Any other failure fails at once.
  if [ "$engine" = webkit ] && grep -q "RuntimeError: Out of bounds memory access" "$log" \
    && [ "$(grep -c '\.\.\. FAIL' "$log")" -le 1 ]; then
    mv "$log" "$LOG_DIR/browser-$engine-first.log"
    echo "[test] WebKit raised 'Out of bounds memory access' (JavaScriptCore, one test): rerunning the $engine browser tests once"
    env "${vars[@]}" "$@" cargo test --no-fail-fast --target wasm32-unknown-unknown "${browser_tests[@]}" 2>&1 \
      | tee "$log"
    return
  fi
  return 1
}
browser_phase chromium CHROMEDRIVER=/usr/bin/chromedriver "$ROOT/webdriver.json"
browser_phase firefox GECKODRIVER="$HOME/.cargo/bin/geckodriver" "$ROOT/webdriver-firefox.json"
# The runner sends Safari's driver no capabilities of its own: WebKitWebDriver then starts its default
# browser, WebKitGTK's MiniBrowser, which needs a display (a virtual one from xvfb-run).
browser_phase webkit SAFARIDRIVER=/usr/bin/WebKitWebDriver "" xvfb-run -a

phase build "trunk build --release -> dist/"
echo "wasm-opt: $(command -v wasm-opt) ($(wasm-opt --version))"
echo "wasm-bindgen: $(command -v wasm-bindgen) ($(wasm-bindgen --version))"
trunk build --release 2>&1 | tee "$LOG_DIR/trunk.log"
[ -f dist/index.html ] || { echo "dist/index.html was not produced" >&2; exit 1; }
# dist/ must work under any sub-path: no root-absolute or absolute URLs in index.html.
if grep -nE "(src|href)=\"(/|https?:)|(from|import\(|module_or_path:) *['\"](/|https?:)" dist/index.html; then
  echo "dist/index.html references absolute URLs (above); Trunk.toml must keep public_url = \"./\"" >&2
  exit 1
fi
# The post-build hook (scripts/post_build.py) wrote the service worker, the single file and the policy.
for f in dist/sw.js dist/vientiane-vision-atlas.html; do
  [ -f "$f" ] || { echo "$f was not produced (Trunk.toml [[hooks]] post_build)" >&2; exit 1; }
done
grep -q 'http-equiv="Content-Security-Policy"' dist/index.html \
  || { echo "dist/index.html has no Content-Security-Policy (scripts/post_build.py)" >&2; exit 1; }
ls -l dist/

phase e2e "playwright test (dist/ served on 127.0.0.1:4173, /usr/bin/chromium)"
node_modules/.bin/playwright test 2>&1 | tee "$LOG_DIR/e2e.log"

phase engines "the cross-engine suite (engines/): Chromium, Firefox and WebKit through WebDriver"
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -n1)"
echo "firefox: $(/usr/bin/firefox-esr --version 2>/dev/null | head -n1), $(geckodriver --version 2>/dev/null | head -n1)"
echo "webkit: WebKitGTK $(dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0 2>/dev/null) (MiniBrowser, WebKitWebDriver)"
node_modules/.bin/playwright test -c engines.config.ts 2>&1 | tee "$LOG_DIR/engines.log"

end_phase ok
