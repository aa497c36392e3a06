//! The checks behind every fuzz target, one function per reader of untrusted input. The fuzz targets
//! (`fuzz_targets/*.rs`, nightly, libFuzzer) and the regression test `tests/fuzz_regressions.rs`
//! (stable, in CI) both include this file, so an input that once crashed a target is replayed through
//! exactly the same checks forever after.

use std::collections::HashSet;
use std::sync::OnceLock;

use vientiane_vision_atlas::model::format::read_dataset_text;
use vientiane_vision_atlas::model::merge::{
    apply, group_problems, read_import, ConflictPolicy, ImportMode, Resolution,
};
use vientiane_vision_atlas::model::published::{
    check_link, read_catalogue, MAX_CATALOGUE_ENTRIES, MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS,
};
use vientiane_vision_atlas::model::stored::{self, CHUNKED_PREFIX, PACKED_PREFIX};
use vientiane_vision_atlas::model::{default_dataset, Dataset};
use vientiane_vision_atlas::url_state::UrlState;

/// The local dataset imports are compared with and merged into, parsed once: parsing it for every
/// input made the file reader's target five times slower than the reader it exercises.
fn local() -> &'static Dataset {
    static LOCAL: OnceLock<Dataset> = OnceLock::new();
    LOCAL.get_or_init(default_dataset)
}

/// A file's bytes: size and encoding checks, JSON parsing, validation with every problem located, the
/// preview against the default dataset. What is accepted exports and reads back to the same dataset.
pub fn read_dataset(bytes: &[u8]) {
    match read_import(local(), bytes) {
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
}

/// What local storage gives back at start-up or in another tab's `storage` event: any string, plain
/// or claiming to be packed in either form (the first byte chooses). Never a panic or an abort (a length read from
/// storage once sized a 3 GB allocation); a value the app packs itself unpacks to what was packed.
pub fn stored_value(bytes: &[u8]) {
    let Some((&mode, rest)) = bytes.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    match mode % 4 {
        0 => read_stored(&text),
        1 => read_stored(&format!("{PACKED_PREFIX}{text}")),
        2 => read_stored(&format!("{CHUNKED_PREFIX}{text}")),
        _ => {
            let packed = stored::pack(&text);
            assert!(stored::is_packed(&packed));
            assert_eq!(
                stored::from_stored(&packed).as_deref(),
                Ok(text.as_ref()),
                "a packed value unpacks to what was packed"
            );
        }
    }
}

fn read_stored(stored_value: &str) {
    match stored::from_stored(stored_value) {
        Ok(json) => {
            if let Ok(decoded) = read_dataset_text(&json) {
                // What was read can be stored again and reads back the same.
                let again = decoded.dataset.to_compact_json();
                let packed = stored::pack(&again);
                assert_eq!(stored::from_stored(&packed).as_deref(), Ok(again.as_str()));
            }
        }
        Err(reason) => {
            assert!(
                reason.to_string().starts_with("the saved data is packed"),
                "{reason}"
            );
            assert!(reason
                .text(vientiane_vision_atlas::model::i18n::Locale::Ja)
                .starts_with("保存されたデータは圧縮されていますが"));
        }
    }
}

/// The address bar: any query string becomes a view state, and the query the app writes for that
/// state reads back to the same state (a shared link restores exactly what it shows).
pub fn query_string(bytes: &[u8]) {
    let query = String::from_utf8_lossy(bytes);
    let state = UrlState::parse(&query);
    let written = state.to_query();
    assert_eq!(UrlState::parse(&written), state, "{written}");
    assert_eq!(UrlState::parse(&written).to_query(), written);
}

/// Text pasted into the import box (always UTF-8: it comes from the clipboard as a string), then
/// applied under every conflict policy. The merge laws hold: ids stay unique, nothing local is lost,
/// every incoming id is present, and replacing gives exactly the incoming records.
pub fn pasted_text(text: &str) {
    let local = local();
    let Ok(read) = read_import(local, text.as_bytes()) else {
        return;
    };
    let incoming = &read.incoming;
    let incoming_ids: HashSet<&str> = incoming.activities.iter().map(|a| a.id.as_str()).collect();
    for policy in ConflictPolicy::ALL {
        let resolution = Resolution::with_policy(policy);
        let merged = apply(local, incoming, ImportMode::Merge, &resolution);
        let merged_ids: HashSet<&str> = merged.activities.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(
            merged_ids.len(),
            merged.activities.len(),
            "merge keeps ids unique"
        );
        for activity in &local.activities {
            assert!(
                merged_ids.contains(activity.id.as_str()),
                "merge keeps {}",
                activity.id
            );
        }
        for id in &incoming_ids {
            assert!(merged_ids.contains(id), "merge adds {id}");
        }
        let replaced = apply(local, incoming, ImportMode::Replace, &resolution);
        assert_eq!(replaced.activities, incoming.activities);
    }
}

/// A published dataset's catalogue (`datasets/index.json`, from the host) and a link (from the
/// address bar or the catalogue). The catalogue reader never fails without a located problem, and
/// every entry it lists has a title, a link it would follow, and texts within their limits. A link
/// it accepts, resolved the way browsers do, stays on the app's origin and in its folder.
pub fn published(bytes: &[u8]) {
    match read_catalogue(bytes) {
        Ok(catalogue) => {
            assert!(catalogue.entries.len() <= MAX_CATALOGUE_ENTRIES);
            for entry in &catalogue.entries {
                assert!(!entry.title.is_empty());
                assert!(entry.title.chars().count() <= MAX_TITLE_CHARS);
                assert!(entry
                    .description
                    .as_ref()
                    .is_none_or(|text| text.chars().count() <= MAX_DESCRIPTION_CHARS));
                assert!(check_link(&entry.file).is_ok(), "{:?}", entry.file);
                assert!(entry.updated.as_ref().is_none_or(|date| date.len() == 10));
            }
            for problem in &catalogue.problems {
                assert!(problem.path.starts_with("datasets"), "{}", problem.path);
            }
        }
        Err(problems) => assert!(!problems.is_empty()),
    }
    let link = String::from_utf8_lossy(bytes);
    if check_link(&link).is_ok() {
        let base = url::Url::parse("http://atlas.test:8080/app/index.html").expect("a URL");
        if let Ok(resolved) = base.join(&link) {
            assert_eq!(resolved.origin(), base.origin(), "{link:?}");
            assert!(
                resolved.path().starts_with("/app/"),
                "{link:?} → {resolved}"
            );
        }
    }
}
