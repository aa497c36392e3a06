//! The constants the browser specs share (`e2e/fixtures/constants.ts`, used by `e2e/` and `engines/`)
//! are copies of Rust constants; this test reads that file as text and fails when a copy differs from
//! the Rust value, when one is missing, or when the file exports a literal this table does not check.

// Native only: it reads a file of the repository.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::PathBuf;

use vientiane_vision_atlas::model::dataset::{FORMAT_NAME, FORMAT_VERSION};
use vientiane_vision_atlas::model::i18n::common::Common;
use vientiane_vision_atlas::model::i18n::{Phrase, KEPT_IN_JAPANESE};
use vientiane_vision_atlas::model::stored::{CHUNKED_PREFIX, PACKED_PREFIX};
use vientiane_vision_atlas::model::Measure;
use vientiane_vision_atlas::state::SAVE_DELAY;
use vientiane_vision_atlas::storage::{
    BACKUP_PREFIX, DATASET_KEY, LANGUAGE_KEY, META_KEY, NAMESPACE,
};

fn repository_file(path: &str) -> String {
    let full = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

/// The literal `export const NAME = …;` lines of the file, by name, with the value as written: a quoted
/// string without its quotes, a number without `_`, or an array of quoted strings joined by commas.
/// Lines whose value is not a plain literal (paths built at run time) are left out.
fn exported_literals(source: &str) -> BTreeMap<String, String> {
    let mut literals = BTreeMap::new();
    for line in source.lines() {
        let Some(rest) = line.strip_prefix("export const ") else {
            continue;
        };
        let Some((name, value)) = rest.split_once(" = ") else {
            continue;
        };
        let value = value.trim_end_matches(';').trim_end_matches(" as const");
        let literal =
            if let Some(text) = value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
                text.to_string()
            } else if let Some(list) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
                list.split(',')
                    .map(|entry| entry.trim().trim_matches('\''))
                    .collect::<Vec<_>>()
                    .join(",")
            } else if value.chars().all(|c| c.is_ascii_digit() || c == '_') {
                value.replace('_', "")
            } else {
                continue;
            };
        assert!(
            literals.insert(name.to_string(), literal).is_none(),
            "{name} is exported twice"
        );
    }
    literals
}

#[test]
fn the_specs_constants_are_the_apps() {
    let measures: Vec<&str> = Measure::ALL.iter().map(|m| m.code()).collect();
    let expected: BTreeMap<&str, String> = [
        ("NAMESPACE", NAMESPACE.to_string()),
        ("DATASET_KEY", DATASET_KEY.to_string()),
        ("META_KEY", META_KEY.to_string()),
        ("LANGUAGE_KEY", LANGUAGE_KEY.to_string()),
        ("BACKUP_PREFIX", BACKUP_PREFIX.to_string()),
        ("PACKED_PREFIX", PACKED_PREFIX.to_string()),
        ("CHUNKED_PREFIX", CHUNKED_PREFIX.to_string()),
        ("SAVE_DELAY_MS", SAVE_DELAY.as_millis().to_string()),
        ("DATASET_FORMAT", FORMAT_NAME.to_string()),
        ("FORMAT_VERSION", FORMAT_VERSION.to_string()),
        ("MEASURES", measures.join(",")),
        // The save status's words in English, as the shell's table has them.
        ("SAVED_TEXT", Common::SavedHere.en().to_string()),
        ("SAVING_TEXT", Common::Saving.en().to_string()),
        ("HELD_TEXT", Common::NotSavedSeeAbove.en().to_string()),
        // The words the check of the Japanese UI allows, as the tables' own test allows them.
        ("KEPT_IN_JAPANESE", KEPT_IN_JAPANESE.join(",")),
    ]
    .into_iter()
    .collect();

    let found = exported_literals(&repository_file("e2e/fixtures/constants.ts"));
    for (name, value) in &expected {
        assert_eq!(
            found.get(*name),
            Some(value),
            "e2e/fixtures/constants.ts: {name} must be {value:?}"
        );
    }
    let unchecked: Vec<&String> = found
        .keys()
        .filter(|name| !expected.contains_key(name.as_str()))
        .collect();
    assert!(
        unchecked.is_empty(),
        "e2e/fixtures/constants.ts exports literals no Rust value checks: {unchecked:?}"
    );
}

#[test]
fn the_reader_takes_each_kind_of_literal_and_skips_the_rest() {
    let found = exported_literals(
        "export const KEY = 'a:b';\nexport const DELAY_MS = 1_500;\n\
         export const CODES = ['X', 'Y'] as const;\nexport const ROOT = join(__dirname, '..');\n\
         const HIDDEN = 'not exported';\n",
    );
    let expected: BTreeMap<String, String> =
        [("KEY", "a:b"), ("DELAY_MS", "1500"), ("CODES", "X,Y")]
            .into_iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect();
    assert_eq!(found, expected);
}
