//! Vientiane Vision Atlas: Japan–ASEAN defense cooperation under the Vientiane Vision, in the browser.
//!
//! `model` is plain Rust (tested natively); everything else is the browser app built on it.

pub mod model;

#[cfg(target_arch = "wasm32")]
pub mod app;

/// Mounts the app on `<body>`. Only meaningful in the browser.
pub fn mount() {
    #[cfg(target_arch = "wasm32")]
    app::mount();
}
