//! Fuzz target: text pasted into the import box, then merged and replaced. The checks are in `fuzz/checks.rs`.

#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|text: &str| checks::pasted_text(text));
