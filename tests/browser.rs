//! Browser tests (wasm-bindgen-test), run by `scripts/test.sh` as
//! `cargo test --target wasm32-unknown-unknown --test browser` in headless Chromium, Firefox and
//! WebKit.
//!
//! They cover what only a real browser can show: local storage round trips, a full quota, a corrupted or
//! newer stored value that must never be overwritten, another tab's save, the stored export time and
//! the memory a hundred undo steps keep. Downloads themselves are not tested here (a test page cannot
//! catch one): the end-to-end specs catch them with Playwright's download event.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use vientiane_vision_atlas::model::history::Change;
use vientiane_vision_atlas::model::i18n::{Locale, Phrase as _};
use vientiane_vision_atlas::model::{default_dataset, stored as stored_form, Activity, Dataset};
use vientiane_vision_atlas::state::{AtlasState, SaveState, StorageBanner};
use vientiane_vision_atlas::storage::{self, Loaded, SaveError, BACKUP_PREFIX, DATASET_KEY};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("local storage in the test browser")
}

/// Every test starts from an empty origin: they share one page.
fn clear() {
    local_storage().clear().expect("clear");
}

fn stored() -> Option<String> {
    local_storage().get_item(DATASET_KEY).expect("get_item")
}

fn small_dataset(title: &str) -> Dataset {
    let mut dataset = Dataset::empty(title);
    dataset
        .activities
        .push(Activity::new("A-1", "Ship Rider", 2017));
    dataset
}

/// Letters from a fixed pseudo-random sequence: text that LZ4 cannot shrink.
fn incompressible(length: usize) -> String {
    let mut state: u64 = 0x2016_0916;
    (0..length)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            char::from(b'a' + ((state >> 33) % 26) as u8)
        })
        .collect()
}

/// Thousands of activities: the default ones repeated under new ids, well above the packing threshold.
fn large_dataset(rounds: usize) -> Dataset {
    let sample = default_dataset();
    let mut dataset = Dataset::empty("Large");
    for round in 0..rounds {
        for activity in &sample.activities {
            let mut copy = activity.clone();
            copy.id = format!("{}-{round}", activity.id);
            dataset.activities.push(copy);
        }
    }
    dataset
}

#[wasm_bindgen_test]
fn a_large_dataset_is_stored_packed_and_loads_back() {
    clear();
    // 246 × 34 = 8,364 activities: about 6.3 MB of JSON, more than local storage holds as plain JSON.
    let dataset = large_dataset(34);
    let json = dataset.to_compact_json();
    assert!(json.len() > 5_500_000, "{}", json.len());
    let units = storage::save(&dataset).expect("a packed save fits");
    let raw = stored().expect("stored");
    assert!(stored_form::is_packed(&raw));
    assert_eq!(units, raw.encode_utf16().count());
    assert!(
        units * 4 < json.len(),
        "{units} units for {} bytes",
        json.len()
    );
    assert_eq!(storage::load(), Loaded::Dataset(dataset.clone()));
    // "Download the saved data as it is" gives the JSON, not the packed characters.
    assert_eq!(storage::saved_dataset_text(), Some(json));
    // Another tab's packed save is read like a plain one.
    assert_eq!(storage::decode_stored(&raw), Ok(dataset));
}

#[wasm_bindgen_test]
fn a_damaged_packed_value_is_backed_up_and_never_overwritten() {
    clear();
    storage::save(&large_dataset(10)).expect("save");
    let raw = stored().expect("stored");
    let damaged: String = raw.chars().take(raw.chars().count() - 100).collect();
    local_storage()
        .set_item(DATASET_KEY, &damaged)
        .expect("seed");
    let Loaded::Unreadable {
        reason, backup_key, ..
    } = storage::load()
    else {
        panic!("a damaged packed value must be reported as unreadable");
    };
    assert!(reason.en.contains("packed"), "{reason:?}");
    let backup_key = backup_key.expect("a backup key");
    assert_eq!(
        local_storage().get_item(&backup_key).unwrap().as_deref(),
        Some(damaged.as_str())
    );
    // It cannot be unpacked, so the download gives it exactly as stored.
    assert_eq!(storage::saved_dataset_text(), Some(damaged));
}

#[wasm_bindgen_test]
fn save_then_load_round_trips_the_dataset() {
    clear();
    assert_eq!(storage::load(), Loaded::Nothing);
    let dataset = default_dataset();
    let written = storage::save(&dataset).expect("save");
    // Small datasets are stored as plain JSON; the count is in UTF-16 units, as browsers count.
    assert_eq!(stored(), Some(dataset.to_compact_json()));
    assert_eq!(written, dataset.to_compact_json().encode_utf16().count());
    assert_eq!(storage::load(), Loaded::Dataset(dataset));
    assert!(
        storage::load_meta().last_saved.is_some(),
        "the save time is recorded"
    );
}

#[wasm_bindgen_test]
fn a_corrupted_value_is_backed_up_and_never_overwritten() {
    clear();
    let corrupted = "{\"format\": \"vientiane-vision\", \"version\": 1, \"title\": \"half";
    local_storage()
        .set_item(DATASET_KEY, corrupted)
        .expect("seed");

    let Loaded::Unreadable {
        raw,
        reason,
        backup_key,
    } = storage::load()
    else {
        panic!("a corrupted value must be reported as unreadable");
    };
    assert_eq!(raw, corrupted);
    assert!(reason.en.contains("not valid JSON"), "{reason:?}");
    let backup_key = backup_key.expect("a backup key");
    assert!(backup_key.starts_with(BACKUP_PREFIX));
    assert_eq!(
        local_storage().get_item(&backup_key).unwrap().as_deref(),
        Some(corrupted)
    );

    // Loading again does not pile up identical backups.
    let _ = storage::load();
    assert_eq!(storage::backup_keys().len(), 1);

    // The app runs on the sample, holds every save, and leaves the stored value alone.
    let owner = Owner::new();
    owner.with(|| {
        let state = AtlasState::load();
        assert_eq!(state.save_state.get_untracked(), SaveState::Held);
        assert!(matches!(
            state.banner.get_untracked(),
            Some(StorageBanner::Unreadable { .. })
        ));
        state.edit(
            "rename",
            Change::Rename {
                title: "Edited".into(),
            },
        );
        state.save_now();
        assert_eq!(
            stored().as_deref(),
            Some(corrupted),
            "held: never overwritten"
        );

        // Only the user's explicit choice replaces it, and the backup stays.
        state.start_from_sample();
        assert_eq!(stored(), Some(default_dataset().to_compact_json()));
        assert_eq!(
            local_storage().get_item(&backup_key).unwrap().as_deref(),
            Some(corrupted)
        );
        assert_eq!(state.banner.get_untracked(), None);
    });
}

#[wasm_bindgen_test]
fn a_value_from_a_newer_version_is_kept() {
    clear();
    let newer =
        r#"{"format":"vientiane-vision","version":2,"title":"From the future","activities":[]}"#;
    local_storage().set_item(DATASET_KEY, newer).expect("seed");
    let Loaded::Unreadable { reason, .. } = storage::load() else {
        panic!("a newer version must not load");
    };
    assert!(reason.en.contains("reads version 1"), "{reason:?}");
    let owner = Owner::new();
    owner.with(|| {
        let state = AtlasState::load();
        state.edit(
            "rename",
            Change::Rename {
                title: "Edited".into(),
            },
        );
        state.save_now();
    });
    assert_eq!(stored().as_deref(), Some(newer));
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_and_the_previous_value_survives() {
    clear();
    let before = small_dataset("Before");
    storage::save(&before).expect("a small save fits");
    // Far beyond any browser's local storage quota for one origin (written as it is, not packed).
    let huge = "x".repeat(12 * 1024 * 1024);
    let error = storage::write_stored(&huge).expect_err("over quota");
    assert!(matches!(error, SaveError::QuotaExceeded(_)), "{error:?}");
    assert!(
        error.message(Locale::En).contains("export"),
        "the message says what to do"
    );
    assert!(
        error.message(Locale::Ja).contains("エクスポート"),
        "and says it in Japanese"
    );
    assert_eq!(stored(), Some(before.to_compact_json()));
}

#[wasm_bindgen_test]
fn a_failed_save_shows_the_banner_and_keeps_working_in_memory() {
    clear();
    let owner = Owner::new();
    owner.with(|| {
        let state = AtlasState::load();
        // A title of 12 M characters that do not compress cannot be stored, even packed: the save
        // fails, the edit stays in memory.
        state.edit(
            "huge title",
            Change::Rename {
                title: incompressible(12 * 1024 * 1024),
            },
        );
        state.save_now();
        assert!(matches!(
            state.save_state.get_untracked(),
            SaveState::Failed(SaveError::QuotaExceeded(_))
        ));
        assert!(matches!(
            state.banner.get_untracked(),
            Some(StorageBanner::SaveFailed(_))
        ));
        assert_eq!(
            state.dataset.with_untracked(|d| d.title.len()),
            12 * 1024 * 1024
        );
        // Undoing to something that fits saves again and clears the banner.
        state.undo();
        state.save_now();
        assert!(matches!(
            state.save_state.get_untracked(),
            SaveState::Saved(Some(_))
        ));
        assert_eq!(state.banner.get_untracked(), None);
    });
}

#[wasm_bindgen_test]
fn another_tabs_save_is_adopted_only_without_unsaved_edits() {
    clear();
    let owner = Owner::new();
    owner.with(|| {
        let state = AtlasState::load();
        let theirs = small_dataset("Theirs");

        // Nothing unsaved here: take theirs silently and say so.
        state.other_tab_saved(Some(theirs.to_compact_json()));
        assert_eq!(state.dataset.with_untracked(|d| d.title.clone()), "Theirs");
        assert!(state.notice.get_untracked().is_some());

        // Unsaved edits here: ask, change nothing yet.
        state.edit(
            "rename",
            Change::Rename {
                title: "Mine".into(),
            },
        );
        let newer = small_dataset("Theirs again");
        state.other_tab_saved(Some(newer.to_compact_json()));
        assert_eq!(state.dataset.with_untracked(|d| d.title.clone()), "Mine");
        assert!(matches!(
            state.banner.get_untracked(),
            Some(StorageBanner::OtherTabChanged(_))
        ));

        // Keeping mine writes mine.
        state.resolve_other_tab(false);
        assert_eq!(state.banner.get_untracked(), None);
        let saved = storage::decode_stored(&stored().expect("saved")).expect("readable");
        assert_eq!(saved.title, "Mine");
    });
}

#[wasm_bindgen_test]
fn taking_the_other_tabs_version_keeps_mine_one_undo_away() {
    clear();
    let owner = Owner::new();
    owner.with(|| {
        let state = AtlasState::load();
        state.edit(
            "rename",
            Change::Rename {
                title: "Mine".into(),
            },
        );
        state.other_tab_saved(Some(small_dataset("Theirs").to_compact_json()));
        state.resolve_other_tab(true);
        assert_eq!(state.dataset.with_untracked(|d| d.title.clone()), "Theirs");
        // Undoing would remove the other tab's work: it asks first and changes nothing yet.
        assert_eq!(state.undo(), None);
        assert_eq!(state.dataset.with_untracked(|d| d.title.clone()), "Theirs");
        assert_eq!(
            state.undo_confirmation.get_untracked().as_deref(),
            Some("load the other tab's version")
        );
        assert_eq!(
            state.confirm_undo().as_deref(),
            Some("load the other tab's version")
        );
        assert_eq!(state.dataset.with_untracked(|d| d.title.clone()), "Mine");
        state.save_now();
    });
}

/// Issue 11, scenario 2: tab A imports, tab B merges more, A adopts B's save; a single undo in A must
/// not silently remove B's records — it asks, and only an explicit "undo anyway" goes back.
#[wasm_bindgen_test]
fn an_undo_never_silently_removes_what_another_tab_saved() {
    clear();
    let owner = Owner::new();
    owner.with(|| {
        let state = AtlasState::load();
        let imported = large_dataset(3);
        let mut merged = imported.clone();
        merged
            .activities
            .push(Activity::new("FROM-B", "Merged in tab B", 2024));
        state.replace("import", imported.clone());
        state.save_now();
        // Tab B's save arrives; A has nothing unsaved, so it adopts it as a step of its own.
        state.other_tab_saved(Some(merged.to_compact_json()));
        assert_eq!(state.dataset.with_untracked(Clone::clone), merged);
        assert_eq!(
            state.last_change().as_deref(),
            Some(vientiane_vision_atlas::model::i18n::common::Common::OtherTabStep.en())
        );
        assert!(!state.unsaved.get_untracked());
        // Ctrl+Z: nothing changes, nothing is written; the question names the other tab's change.
        let stored_before = stored();
        assert_eq!(state.undo(), None);
        assert!(state.undo_confirmation.get_untracked().is_some());
        assert_eq!(state.dataset.with_untracked(Clone::clone), merged);
        assert!(!state.unsaved.get_untracked());
        assert_eq!(stored(), stored_before);
        // "Keep them" leaves everything as it is; a redo or a new change also clears the question.
        state.undo_confirmation.set(None);
        assert_eq!(state.confirm_undo(), None);
        assert_eq!(state.dataset.with_untracked(Clone::clone), merged);
        // Undoing A's own import after an explicit confirmation is what the user asked for.
        assert_eq!(state.undo(), None);
        assert!(state.confirm_undo().is_some());
        assert_eq!(state.dataset.with_untracked(Clone::clone), imported);
        assert_eq!(state.undo().as_deref(), Some("import"));
        state.save_now();
    });
}

/// Issue 11, scenario 1: damaged packed values whose lengths would size huge allocations. Each must be
/// reported, kept under its backup key and left untouched, and the app must start (no abort).
#[wasm_bindgen_test]
fn damaged_packed_lengths_never_stop_the_app() {
    let values = [
        "vva-packed:lz4:1:3000000000:\u{0800}\u{0801}",
        "vva-packed:lz4:1:1500000000:\u{0800}\u{0801}",
        "vva-packed:lz4:100:1:\u{0800}\u{0801}",
        "vva-packed:lz4:4294967295:4294967295:\u{0800}",
        "vva-packed:lz4:67108865:300000:\u{0800}",
    ];
    for value in values {
        clear();
        local_storage().set_item(DATASET_KEY, value).expect("seed");
        let owner = Owner::new();
        owner.with(|| {
            let state = AtlasState::load();
            let Some(StorageBanner::Unreadable { backup_key, .. }) = state.banner.get_untracked()
            else {
                panic!("{value:?}: the unreadable banner");
            };
            assert_eq!(state.save_state.get_untracked(), SaveState::Held);
            let backup_key = backup_key.expect("a backup key");
            assert_eq!(
                local_storage().get_item(&backup_key).unwrap().as_deref(),
                Some(value)
            );
            // Held: an edit is not written over the value.
            state.edit(
                "rename",
                Change::Rename {
                    title: "Edited".into(),
                },
            );
            state.save_now();
            assert_eq!(stored().as_deref(), Some(value), "{value:?}");
        });
    }
}

#[wasm_bindgen_test]
fn export_tracking_is_stored() {
    clear();
    assert_eq!(storage::load_meta().last_exported, None);
    let meta = storage::mark_exported();
    assert!(meta.last_exported.is_some());
    assert_eq!(storage::load_meta().last_exported, meta.last_exported);
    assert!(storage::units_used() > 0);
}

fn wasm_memory_bytes() -> usize {
    use wasm_bindgen::JsCast;
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .expect("the module's memory")
        .buffer()
        .dyn_into::<js_sys::ArrayBuffer>()
        .expect("an ArrayBuffer")
        .byte_length() as usize
}

/// Issue 11, scenario 3: every undo step was a deep copy of the dataset (about 11 MB each at 10,000
/// activities, 1.1 GB after 100 deletions). Now 100 deletions and 100 undos at 10,000 must add at most
/// 16 MB of wasm memory, and give back exactly the dataset they started from.
#[wasm_bindgen_test]
fn a_hundred_deletions_at_ten_thousand_add_little_memory() {
    clear();
    let owner = Owner::new();
    owner.with(|| {
        let state = AtlasState::load();
        let large = large_dataset(10_000_usize.div_ceil(default_dataset().activities.len()));
        assert!(large.activities.len() >= 10_000);
        state.replace("load", large.clone());
        state.save_now();
        let ids: Vec<String> = large
            .activities
            .iter()
            .take(100)
            .map(|a| a.id.clone())
            .collect();
        let before = wasm_memory_bytes();
        for id in &ids {
            assert!(state.edit("delete", Change::RemoveActivity { id: id.clone() }));
        }
        assert_eq!(state.history_activities(), 100);
        for _ in &ids {
            assert_eq!(state.undo().as_deref(), Some("delete"));
        }
        let added = wasm_memory_bytes() - before;
        assert!(
            added <= 16_000_000,
            "100 deletions and undos added {added} bytes"
        );
        assert!(state.dataset.with_untracked(|d| d == &large));
        state.save_now();
    });
}

/// A time the atlas wrote: RFC 3339 to the second in UTC, in this year.
fn is_now_utc(time: &str) -> bool {
    let year = js_sys::Date::new_0().get_utc_full_year().to_string();
    time.len() == 20
        && time.starts_with(&year)
        && time.ends_with('Z')
        && time.as_bytes()[10] == b'T'
        && time.chars().filter(|c| c.is_ascii_digit()).count() == 14
}

#[wasm_bindgen_test]
fn a_change_here_stamps_the_dataset_and_a_dataset_taken_as_it_is_keeps_its_time() {
    clear();
    let owner = Owner::new();
    owner.with(|| {
        let state = AtlasState::load();
        let updated = || state.dataset.with_untracked(|d| d.updated.clone());
        let mut theirs = small_dataset("Theirs");
        theirs.updated = Some("2020-01-01T00:00:00Z".into());

        state.other_tab_saved(Some(theirs.to_compact_json()));
        assert_eq!(updated().as_deref(), Some("2020-01-01T00:00:00Z"));

        state.edit(
            "rename",
            Change::Rename {
                title: "Mine".into(),
            },
        );
        let edited = updated().expect("an edit sets the time");
        assert!(is_now_utc(&edited), "{edited}");
        state.save_now();
        let saved = storage::decode_stored(&stored().expect("saved")).expect("readable");
        assert_eq!(saved.updated.as_deref(), Some(edited.as_str()));

        // The time is part of the step: an undo brings back the one before, a redo this one.
        state.undo();
        assert_eq!(updated().as_deref(), Some("2020-01-01T00:00:00Z"));
        state.redo();
        assert_eq!(updated().as_deref(), Some(edited.as_str()));

        // A dataset taken as it is (a replacing import, the sample) keeps its own time.
        let mut file = small_dataset("From a file");
        file.updated = Some("2021-06-01T09:00:00Z".into());
        state.replace("import", file);
        assert_eq!(updated().as_deref(), Some("2021-06-01T09:00:00Z"));
    });
}
