//! Fuzz target: a value read back from local storage, plain or packed. The checks are in `fuzz/checks.rs`.

#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| checks::stored_value(bytes));
