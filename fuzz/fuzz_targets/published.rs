//! Fuzz target: a published dataset's catalogue and links. The checks are in `fuzz/checks.rs`.

#![no_main]

#[path = "../checks.rs"]
mod checks;
// A single allocation a wasm32 page could not make fails here too (libFuzzer's own malloc limit needs a
// sanitizer, and the targets run without one).
#[path = "../../tests/support/bounded_alloc.rs"]
mod bounded_alloc;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| checks::published(bytes));
