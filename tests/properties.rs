//! Property tests of import and export over arbitrary valid datasets (generators in `support/`):
//! export → import is the identity (unknown keys included), merge(a, a) = a, replace(a, b) = b, the
//! merge of disjoint datasets is their union, the preview's counts add up, the CSV holds every cell,
//! packing for storage round-trips, reading arbitrary or damaged input never panics, and any sequence of
//! changes undone step by step gives back the dataset it started from (and redone, the one it reached).

// Native only: it reads files and uses native-only dev-dependencies (see Cargo.toml).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use proptest::prelude::*;
use vientiane_vision_atlas::model::csv::{row, to_csv, CSV_HEADER};
use vientiane_vision_atlas::model::format::read_dataset_text;
use vientiane_vision_atlas::model::history::{Change, History, Origin};
use vientiane_vision_atlas::model::i18n::Locale;
use vientiane_vision_atlas::model::merge::{
    apply, merge, preview, read_import, ConflictPolicy, ImportMode, Resolution, Side,
};
use vientiane_vision_atlas::model::{default_dataset, stored, Dataset};

fn sorted(mut dataset: Dataset) -> Dataset {
    dataset.sort_by_id();
    dataset
}

fn policy() -> impl Strategy<Value = ConflictPolicy> {
    proptest::sample::select(ConflictPolicy::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn export_then_import_is_the_identity(dataset in support::dataset("id", 6)) {
        let text = dataset.to_export_json();
        let decoded = read_dataset_text(&text)
            .map_err(|problems| TestCaseError::fail(format!("{problems:#?}\n{text}")))?;
        prop_assert_eq!(&decoded.dataset, &sorted(dataset.clone()));
        // And the second export is byte-identical to the first.
        prop_assert_eq!(decoded.dataset.to_export_json(), text);
        // The compact form kept in storage reads back the same too, in the dataset's own order.
        let stored = read_dataset_text(&dataset.to_compact_json())
            .map_err(|problems| TestCaseError::fail(format!("{problems:#?}")))?;
        prop_assert_eq!(stored.dataset, dataset);
    }

    #[test]
    fn merging_a_dataset_with_itself_changes_nothing(
        dataset in support::dataset("id", 8),
        policy in policy(),
    ) {
        let merged = merge(&dataset, &dataset, &Resolution::with_policy(policy));
        prop_assert_eq!(&merged, &dataset);
        let plan = preview(&dataset, &dataset);
        prop_assert_eq!(plan.unchanged, dataset.activities.len());
        prop_assert!(plan.adds_or_changes_nothing() && plan.only_here.is_empty());
    }

    #[test]
    fn replace_gives_the_imported_dataset(
        a in support::dataset("a", 6),
        b in support::dataset("b", 6),
        policy in policy(),
    ) {
        let replaced = apply(&a, &b, ImportMode::Replace, &Resolution::with_policy(policy));
        prop_assert_eq!(replaced, b);
    }

    #[test]
    fn merging_disjoint_datasets_gives_their_union(
        a in support::dataset("a", 6),
        b in support::dataset("b", 6),
        policy in policy(),
    ) {
        let merged = merge(&a, &b, &Resolution::with_policy(policy));
        let expected: Vec<_> = a.activities.iter().chain(&b.activities).cloned().collect();
        prop_assert_eq!(&merged.activities, &expected);
        prop_assert_eq!(&merged.title, &a.title);
        for (key, value) in &a.unknown {
            prop_assert_eq!(merged.unknown.get(key), Some(value));
        }
        for key in b.unknown.keys() {
            prop_assert!(merged.unknown.contains_key(key), "{} was dropped", key);
        }
        let plan = preview(&a, &b);
        prop_assert_eq!(plan.added.len(), b.activities.len());
        prop_assert_eq!(plan.only_here.len(), a.activities.len());
    }

    #[test]
    fn preview_counts_add_up_and_taking_theirs_settles_everything(
        (local, incoming) in support::overlapping_pair(),
    ) {
        let plan = preview(&local, &incoming);
        prop_assert_eq!(
            plan.added.len() + plan.changed.len() + plan.unchanged,
            incoming.activities.len()
        );
        prop_assert_eq!(
            plan.changed.len() + plan.unchanged + plan.only_here.len(),
            local.activities.len()
        );
        for change in &plan.changed {
            prop_assert!(!change.fields.is_empty(), "a change names its fields");
        }
        // After taking every one of their versions, importing the same file again changes nothing.
        let merged = merge(&local, &incoming, &Resolution::with_policy(ConflictPolicy::TakeTheirs));
        let again = preview(&merged, &incoming);
        prop_assert!(again.adds_or_changes_nothing(), "{:?}", again);
        // Keeping mine leaves every local activity as it was, and only adds.
        let kept = merge(&local, &incoming, &Resolution::with_policy(ConflictPolicy::KeepMine));
        prop_assert_eq!(&kept.activities[..local.activities.len()], &local.activities[..]);
        prop_assert_eq!(kept.activities.len(), local.activities.len() + plan.added.len());
        // A choice for one record overrides the policy for that record only.
        if let Some(first) = plan.changed.first() {
            let mut resolution = Resolution::with_policy(ConflictPolicy::KeepMine);
            resolution.per_record.insert(first.id.clone(), Side::Theirs);
            let merged = merge(&local, &incoming, &resolution);
            prop_assert_eq!(
                &merged.activities[first.local_index],
                &incoming.activities[first.incoming_index]
            );
        }
    }

    #[test]
    fn the_csv_holds_every_cell(dataset in support::dataset("id", 6)) {
        let text = to_csv(&dataset.activities);
        prop_assert!(text.starts_with('\u{FEFF}'), "the CSV starts with a BOM");
        let rows = parse_csv(&text['\u{FEFF}'.len_utf8()..]);
        prop_assert_eq!(rows.len(), dataset.activities.len() + 1);
        prop_assert_eq!(&rows[0], &CSV_HEADER.map(str::to_string).to_vec());
        for (activity, cells) in dataset.activities.iter().zip(&rows[1..]) {
            let expected = row(activity);
            prop_assert_eq!(cells.len(), expected.len());
            for (cell, original) in cells.iter().zip(&expected) {
                // Only the formula guard may differ: a leading apostrophe before a trigger character.
                let triggers = ['=', '+', '-', '@', '\t', '\r'];
                if original.starts_with(triggers) {
                    prop_assert_eq!(cell, &format!("'{original}"));
                } else {
                    prop_assert_eq!(cell, original);
                }
                prop_assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "unguarded {:?}", cell);
            }
        }
    }

    #[test]
    fn reading_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2_000)) {
        let _ = read_import(&default_dataset(), &bytes);
    }

    #[test]
    fn reading_damaged_exports_never_panics(
        dataset in support::dataset("id", 4),
        cuts in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3u8), 1..6),
    ) {
        let mut bytes = dataset.to_export_json().into_bytes();
        for (at, byte, how) in cuts {
            if bytes.is_empty() {
                break;
            }
            let index = at.index(bytes.len());
            match how {
                0 => bytes[index] = byte,
                1 => bytes.truncate(index),
                _ => bytes.insert(index, byte),
            }
        }
        if let Err(problems) = read_import(&default_dataset(), &bytes) {
            prop_assert!(!problems.is_empty() && problems.iter().any(|p| p.is_error()));
        }
    }

    #[test]
    fn packing_for_storage_round_trips(dataset in support::dataset("id", 6), text in ".{0,300}") {
        // Real dataset JSON and arbitrary text, packed whatever their size.
        for json in [dataset.to_compact_json(), text] {
            let packed = stored::pack(&json);
            prop_assert!(stored::is_packed(&packed));
            prop_assert_eq!(stored::from_stored(&packed).map(|t| t.into_owned()), Ok(json));
        }
    }

    #[test]
    fn damaged_packed_values_never_panic(
        dataset in support::dataset("id", 4),
        cuts in proptest::collection::vec((any::<prop::sample::Index>(), any::<char>(), 0..3u8), 1..6),
    ) {
        let mut characters: Vec<char> = stored::pack(&dataset.to_compact_json()).chars().collect();
        for (at, character, how) in cuts {
            if characters.is_empty() {
                break;
            }
            let index = at.index(characters.len());
            match how {
                0 => characters[index] = character,
                1 => characters.truncate(index),
                _ => characters.insert(index, character),
            }
        }
        let damaged: String = characters.into_iter().collect();
        // Either an error in words, or some text (a change the decompressor cannot notice); never a panic.
        if let Err(reason) = stored::from_stored(&damaged) {
            // In words in both languages.
            prop_assert!(!reason.to_string().is_empty());
            prop_assert!(!reason.text(Locale::Ja).is_empty());
        }
    }
}

/// One change of the kinds the app makes, chosen by `kind` and `pick` from the current dataset and
/// another generated one.
fn change_from(kind: u8, pick: usize, current: &Dataset, other: &Dataset, title: &str) -> Change {
    let at = |list: &[vientiane_vision_atlas::model::Activity]| {
        list.get(pick % list.len().max(1)).cloned()
    };
    match (kind % 5, at(&current.activities), at(&other.activities)) {
        (0, Some(activity), _) => Change::RemoveActivity { id: activity.id },
        (1, Some(mut activity), _) => {
            activity.title = format!("{} (edited)", activity.title);
            Change::PutActivity {
                original_id: Some(activity.id.clone()),
                activity: Box::new(activity),
            }
        }
        (2, _, Some(activity)) => Change::PutActivity {
            original_id: None,
            activity: Box::new(activity),
        },
        (3, _, _) => Change::Replace(merge(
            current,
            other,
            &Resolution::with_policy(ConflictPolicy::TakeTheirs),
        )),
        _ => Change::Rename {
            title: title.to_string(),
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Any sequence of edits, removals, additions, merges and renames: undoing every step gives back
    /// the dataset it started from, redoing every step the one it reached — with each step holding no
    /// more activities than its change replaced.
    #[test]
    fn undo_and_redo_walk_back_and_forth_exactly(
        (start, other) in support::overlapping_pair(),
        steps in proptest::collection::vec((any::<u8>(), any::<usize>(), "[a-z ]{1,12}"), 1..24),
    ) {
        let mut dataset = start.clone();
        let mut history = History::default();
        for (kind, pick, title) in &steps {
            let change = change_from(*kind, *pick, &dataset, &other, title);
            if let Some(step) = change.apply(&mut dataset, "step", Origin::ThisTab) {
                history.record(step);
            }
        }
        let reached = dataset.clone();
        prop_assert!(history.activities_held() <= steps.len() * (start.activities.len() + other.activities.len()));
        while history.undo(&mut dataset).is_some() {}
        prop_assert_eq!(&dataset, &start);
        while history.redo(&mut dataset).is_some() {}
        prop_assert_eq!(&dataset, &reached);
    }
}

/// A strict RFC 4180 reader with CRLF records, for checking the writer.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                other => cell.push(other),
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() => quoted = true,
            ',' => row.push(std::mem::take(&mut cell)),
            '\r' if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            other => {
                assert!(
                    other != '"' && other != '\n' && other != '\r',
                    "unquoted special character"
                );
                cell.push(other);
            }
        }
    }
    assert!(
        cell.is_empty() && row.is_empty(),
        "the last record ends with CRLF"
    );
    rows
}
