#!/usr/bin/env bash
# Idempotent project setup: installs only what is missing (or at the wrong version).
#
#   bash scripts/setup.sh             # Rust target + components, trunk, wasm-bindgen-cli, npm deps, cargo fetch
#   bash scripts/setup.sh --browser   # ... plus the browsers and drivers of the tests: Debian's chromium +
#                                     # chromium-driver, firefox-esr, webkit2gtk-driver (WebKitGTK's
#                                     # WebKitWebDriver and MiniBrowser), xvfb, fonts-noto-cjk (Japanese
#                                     # glyphs); geckodriver from crates.io
#
# Versions are pinned here and in Trunk.toml / package.json / Cargo.lock:
#   trunk 0.21.14, geckodriver 0.37.1, wasm-bindgen-cli = the wasm-bindgen version in Cargo.lock,
#   wasm-opt = npm binaryen 132.0.0 (node_modules/.bin, put first on PATH by run.sh/test.sh).
# Nothing here downloads a prebuilt binary or a browser of its own: only crates.io, npm and apt.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
GECKODRIVER_VERSION="0.37.1"
MINIBROWSER="/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
WASM_OPT_VERSION="132"
WANT_BROWSER=0
for arg in "$@"; do
  case "$arg" in
    --browser) WANT_BROWSER=1 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "setup.sh: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

export PATH="$HOME/.cargo/bin:$PATH"
log() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root (or sudo) for: $*"
  fi
}

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then
    log "apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
  fi
  log "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

# --- Rust toolchain ---------------------------------------------------------------------------
command -v cargo >/dev/null 2>&1 || die "cargo not found: install Rust with rustup first (https://rustup.rs)"
command -v rustup >/dev/null 2>&1 || die "rustup not found: the wasm32 target and components are installed with rustup"

if rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
  log "ok: rust target wasm32-unknown-unknown"
else
  log "installing rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

for comp in rustfmt clippy; do
  if rustup component list --installed | grep -q "^${comp}"; then
    log "ok: rustup component $comp"
  else
    log "installing rustup component $comp"
    rustup component add "$comp"
  fi
done

# --- trunk --------------------------------------------------------------------------------------
have_trunk="$(trunk --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have_trunk" = "$TRUNK_VERSION" ]; then
  log "ok: trunk $TRUNK_VERSION"
else
  log "installing trunk $TRUNK_VERSION (found: ${have_trunk:-none}); this compiles for ~15 min on 2 cores"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# --- wasm-bindgen-cli (wasm-bindgen + wasm-bindgen-test-runner), same version as Cargo.lock ------
[ -f Cargo.lock ] || die "Cargo.lock missing"
WBG_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
[ -n "$WBG_VERSION" ] || die "could not read the wasm-bindgen version from Cargo.lock"
have_wbg="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
have_runner="$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have_wbg" = "$WBG_VERSION" ] && [ "$have_runner" = "$WBG_VERSION" ]; then
  log "ok: wasm-bindgen-cli $WBG_VERSION (wasm-bindgen, wasm-bindgen-test-runner)"
else
  log "installing wasm-bindgen-cli $WBG_VERSION (found: wasm-bindgen ${have_wbg:-none}, runner ${have_runner:-none})"
  # No --locked: one of its locked dependencies is not on the registry mirror.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION"
fi

# --- npm dev dependencies (Playwright, binaryen's wasm-opt) ------------------------------------
if ! command -v npm >/dev/null 2>&1; then
  log "node/npm not found"
  apt_install nodejs npm
fi
lock_hash="$( (cat package.json package-lock.json; node --version) | sha256sum | awk '{print $1}')"
stamp="node_modules/.setup-stamp"
if [ -d node_modules ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_hash" ]; then
  log "ok: node_modules matches package-lock.json"
else
  log "npm ci (node_modules missing or package-lock.json changed)"
  # Playwright drives Debian's /usr/bin/chromium: never download its own browsers.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  echo "$lock_hash" > "$stamp"
fi
have_opt="$(node_modules/.bin/wasm-opt --version 2>/dev/null || true)"
case "$have_opt" in
  "wasm-opt version ${WASM_OPT_VERSION} "*) log "ok: node_modules/.bin/wasm-opt ($have_opt)" ;;
  *) die "node_modules/.bin/wasm-opt reports '${have_opt:-nothing}', expected version ${WASM_OPT_VERSION}" ;;
esac

# --- browser (tests only) -----------------------------------------------------------------------
if [ "$WANT_BROWSER" -eq 1 ]; then
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    log "ok: $(/usr/bin/chromium --version 2>/dev/null | head -n1), $(/usr/bin/chromedriver --version 2>/dev/null | awk '{print $1, $2}')"
  else
    apt_install chromium chromium-driver
  fi
  # Firefox and WebKit (Safari's engine) for the cross-engine suite (engines/): Debian's Firefox ESR,
  # WebKitGTK's WebDriver (with its MiniBrowser) and a virtual display for it.
  missing=()
  [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
  { [ -x /usr/bin/WebKitWebDriver ] && [ -x "$MINIBROWSER" ]; } || missing+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb)
  command -v xauth >/dev/null 2>&1 || missing+=(xauth) # xvfb-run needs it (only recommended by xvfb)
  # Japanese glyphs for screenshots and the PNG exports in Japanese: the app uses system fonts only
  # (no web font), and Debian's headless browsers otherwise draw boxes.
  [ -d /usr/share/fonts/opentype/noto ] && fc-list 2>/dev/null | grep -q "Noto Sans CJK" || missing+=(fonts-noto-cjk)
  if [ "${#missing[@]}" -gt 0 ]; then
    apt_install "${missing[@]}"
  fi
  log "ok: $(/usr/bin/firefox-esr --version 2>/dev/null | head -n1), WebKitGTK $(dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0 2>/dev/null), xvfb-run"
  # geckodriver from crates.io (no prebuilt download), at the pinned version.
  have_gecko="$(geckodriver --version 2>/dev/null | awk 'NR == 1 {print $2}' || true)"
  if [ "$have_gecko" = "$GECKODRIVER_VERSION" ]; then
    log "ok: geckodriver $GECKODRIVER_VERSION"
  else
    log "installing geckodriver $GECKODRIVER_VERSION (found: ${have_gecko:-none}); this compiles for ~5 min on 2 cores"
    cargo install --locked geckodriver --version "$GECKODRIVER_VERSION"
  fi
fi

# --- crates, so that `trunk build` (offline = true) never needs the network -----------------------
log "cargo fetch"
cargo fetch --quiet
log "done"
