//! Replays every input the fuzzers ever crashed on (`fuzz/regressions/<target>/`) through the same
//! checks the fuzz targets run (`fuzz/checks.rs`), on stable, in CI. Fuzzing itself needs nightly and
//! runs by `bash scripts/fuzz.sh`; this keeps what it found fixed.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/checks.rs"]
mod checks;
// A huge allocation aborts here as it would in the browser (and as libFuzzer's malloc limit does).
#[path = "support/bounded_alloc.rs"]
mod bounded_alloc;

use std::fs;
use std::path::Path;

/// Every file under `fuzz/regressions/<target>/`.
fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let Ok(entries) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut inputs: Vec<(String, Vec<u8>)> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.path().is_file())
        .map(|entry| {
            let bytes = fs::read(entry.path()).expect("a readable regression input");
            (entry.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    inputs.sort();
    inputs
}

#[test]
fn every_fuzz_regression_passes_its_target_checks() {
    let mut replayed = 0;
    for (name, bytes) in inputs("read_dataset") {
        eprintln!("read_dataset/{name}");
        checks::read_dataset(&bytes);
        replayed += 1;
    }
    for (name, bytes) in inputs("stored_value") {
        eprintln!("stored_value/{name}");
        checks::stored_value(&bytes);
        replayed += 1;
    }
    for (name, bytes) in inputs("query_string") {
        eprintln!("query_string/{name}");
        checks::query_string(&bytes);
        replayed += 1;
    }
    for (name, bytes) in inputs("pasted_text") {
        eprintln!("pasted_text/{name}");
        if let Ok(text) = std::str::from_utf8(&bytes) {
            checks::pasted_text(text);
        }
        replayed += 1;
    }
    for (name, bytes) in inputs("published") {
        eprintln!("published/{name}");
        checks::published(&bytes);
        replayed += 1;
    }
    // The corpus holds at least issue 11's stored value; an empty replay would prove nothing.
    assert!(
        replayed > 0,
        "no regression inputs found under fuzz/regressions/"
    );
}
