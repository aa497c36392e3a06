//! Fuzz target: the whole import pipeline on arbitrary bytes — size and encoding checks, JSON parsing,
//! validation with every problem located, and the preview against the default dataset. It must never
//! panic, and what it accepts must export and read back to the same dataset.

#![no_main]

use libfuzzer_sys::fuzz_target;
use vientiane_vision_atlas::model::default_dataset;
use vientiane_vision_atlas::model::format::read_dataset_text;
use vientiane_vision_atlas::model::merge::{group_problems, read_import};

fuzz_target!(|bytes: &[u8]| {
    let local = default_dataset();
    match read_import(&local, bytes) {
        Ok(read) => {
            let preview = read.preview;
            assert_eq!(
                preview.added.len() + preview.changed.len() + preview.unchanged,
                read.incoming.activities.len()
            );
            let text = read.incoming.to_export_json();
            let again =
                read_dataset_text(&text).expect("an accepted dataset exports to a readable file");
            let mut sorted = read.incoming.clone();
            sorted.sort_by_id();
            assert_eq!(again.dataset, sorted);
        }
        Err(problems) => {
            assert!(
                problems.iter().any(|p| p.is_error()),
                "a refusal names an error"
            );
            let _ = group_problems(&problems);
        }
    }
});
