//! Fuzz target: a file's bytes, read as an import (size, encoding, JSON, validation, preview). The checks are in `fuzz/checks.rs`.

#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| checks::read_dataset(bytes));
