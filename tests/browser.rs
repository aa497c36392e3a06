//! Browser tests (wasm-bindgen-test in headless Chromium), run by `scripts/test.sh` as
//! `cargo test --target wasm32-unknown-unknown --test browser`.
//! Placeholder: proves the runner works until the real browser tests land.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn runs_in_a_browser_with_a_document() {
    let document = web_sys::window()
        .expect("a window")
        .document()
        .expect("a document");
    let div = document.create_element("div").expect("create_element");
    div.set_text_content(Some("Vientiane Vision Atlas"));
    assert_eq!(
        div.text_content().as_deref(),
        Some("Vientiane Vision Atlas")
    );
}
