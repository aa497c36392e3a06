//! Vientiane Vision Atlas: Japan–ASEAN defense cooperation under the Vientiane Vision, in the browser.
//!
//! `model` is plain Rust (tested natively); everything else is the browser app built on it. The code
//! map and the invariants are in `ARCHITECTURE.md`.

pub mod app;
pub mod bench;
pub mod files;
pub mod i18n;
pub mod map_shapes;
pub mod model;
pub mod pwa;
pub mod state;
pub mod storage;
pub mod ui;
pub mod url_state;

/// Mounts the app on `<body>`.
pub fn mount() {
    app::mount();
}
