//! Build step: embeds the default dataset without its layout.
//!
//! `src/model/default_dataset.json` stays pretty-printed (it is read and reviewed by people, and it is
//! the exact text an export of the default data produces), but the app only parses it, so the copy
//! compiled into the wasm has the whitespace between tokens removed: 65 kB → 48 kB of data segment.
//! The output is a pure function of the input, so builds stay reproducible.

use std::env;
use std::fs;
use std::path::Path;

const SOURCE: &str = "src/model/default_dataset.json";

fn main() {
    // Cargo names build outputs without the package's path, so checkouts that share one
    // CARGO_TARGET_DIR (git worktrees) share this script's output, and Cargo judges it fresh by file
    // times alone: another checkout's older dataset would not make it run again, and that checkout would
    // embed this one's dataset. The directory Cargo was started from tells the checkouts apart (a
    // false rerun costs milliseconds; a stale dataset costs a wrong build).
    println!("cargo:rerun-if-env-changed=PWD");
    let Some(manifest_dir) = env::var_os("CARGO_MANIFEST_DIR") else {
        panic!("cargo sets CARGO_MANIFEST_DIR for build scripts");
    };
    let source = Path::new(&manifest_dir).join(SOURCE);
    println!("cargo:rerun-if-changed={}", source.display());
    println!("cargo:rerun-if-changed=build.rs");
    let pretty = match fs::read_to_string(&source) {
        Ok(text) => text,
        Err(error) => panic!("cannot read {SOURCE}: {error}"),
    };
    let Some(out_dir) = env::var_os("OUT_DIR") else {
        panic!("cargo sets OUT_DIR for build scripts");
    };
    let target = Path::new(&out_dir).join("default_dataset.min.json");
    if let Err(error) = fs::write(&target, strip_layout(&pretty)) {
        panic!("cannot write {}: {error}", target.display());
    }
}

/// Removes the whitespace outside JSON strings. Inside a string every character is copied, and a
/// backslash always takes the next character with it, so an escaped quote never ends the string.
fn strip_layout(json: &str) -> String {
    let mut compact = String::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in json.chars() {
        if in_string {
            compact.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            compact.push(c);
        } else if !matches!(c, ' ' | '\n' | '\r' | '\t') {
            compact.push(c);
        }
    }
    compact
}
