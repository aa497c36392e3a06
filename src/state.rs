//! The app's state and every action that changes the dataset.
//!
//! Data flows one way: a component calls an action here → the dataset signal changes → the views
//! re-derive from it (memos) → a debounced save writes it to storage. Nothing else writes the dataset,
//! so every change gets an undo step and a save.

use std::time::Duration;

use leptos::prelude::*;

use crate::model::filter::SortOrder;
use crate::model::stats::{MapCounts, Place};
use crate::model::{default_dataset, Dataset, Filters};
use crate::storage::{self, Loaded, Meta, SaveError};

/// How long edits wait before they are written (one write per burst of typing).
pub const SAVE_DELAY: Duration = Duration::from_millis(300);
/// How many undo steps are kept.
const HISTORY_LIMIT: usize = 100;

/// The views the navigation switches between.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Map,
    Matrix,
    Activities,
    Trends,
    Report,
    Vision,
    Data,
}

impl View {
    pub const ALL: [View; 7] = [
        View::Map,
        View::Matrix,
        View::Activities,
        View::Trends,
        View::Report,
        View::Vision,
        View::Data,
    ];

    pub fn code(self) -> &'static str {
        match self {
            View::Map => "map",
            View::Matrix => "matrix",
            View::Activities => "activities",
            View::Trends => "trends",
            View::Report => "report",
            View::Vision => "vision",
            View::Data => "data",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            View::Map => "Map",
            View::Matrix => "Matrix",
            View::Activities => "Activities",
            View::Trends => "Trends",
            View::Report => "Report",
            View::Vision => "Vision",
            View::Data => "Data",
        }
    }

    pub fn from_code(code: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.code() == code)
    }
}

/// What the map shows besides the shared filters (its measure is the shared `Filters::measure`).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct MapState {
    /// Adds ASEAN-wide activities to every member state's count.
    pub include_asean_wide: bool,
    /// The country (or the ASEAN-wide element) whose activities the side panel lists.
    pub selected: Option<Place>,
}

/// Where the last save stands.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// Everything is written; milliseconds since the epoch.
    Saved(Option<f64>),
    /// A save is scheduled.
    Pending,
    /// The last save failed; the data lives in memory only.
    Failed(SaveError),
    /// Saving is held back until the user decides what to do with an unreadable stored value.
    Held,
}

/// The persistent banner about storage. Only one shows at a time: the most serious.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageBanner {
    /// Writing failed (quota, private mode): the app works in memory.
    SaveFailed(SaveError),
    /// The stored value could not be read; it is kept, and saving is held.
    Unreadable {
        reason: String,
        backup_key: Option<String>,
    },
    /// Another tab saved while this one had unsaved edits.
    OtherTabChanged(Box<Dataset>),
}

/// One undo step: the dataset before a change, and what the change was.
#[derive(Clone, Debug)]
pub struct Snapshot {
    pub label: String,
    pub dataset: Dataset,
}

/// Undo and redo stacks.
#[derive(Clone, Debug, Default)]
pub struct History {
    pub undo: Vec<Snapshot>,
    pub redo: Vec<Snapshot>,
}

/// Label of the undo step an import creates (the import dialog's "Undo import" looks for it).
pub const IMPORT_LABEL: &str = "import";

/// The whole state, shared through context. Every field is a cheap, copyable handle.
#[derive(Clone, Copy)]
pub struct AtlasState {
    pub dataset: RwSignal<Dataset>,
    pub history: RwSignal<History>,
    pub save_state: RwSignal<SaveState>,
    pub banner: RwSignal<Option<StorageBanner>>,
    pub filters: RwSignal<Filters>,
    pub sort: RwSignal<SortOrder>,
    pub view: RwSignal<View>,
    pub map: RwSignal<MapState>,
    pub meta: RwSignal<Meta>,
    /// A short message with an optional "Undo" (after delete, import, reset).
    pub notice: RwSignal<Option<String>>,
    /// Counts behind the map and the matrix; rebuilt only when the dataset or a non-measure filter changes.
    pub map_counts: Memo<MapCounts>,
    /// Whether the dataset has changes not yet written.
    pub unsaved: RwSignal<bool>,
    pending_save: StoredValue<Option<TimeoutHandle>>,
}

impl AtlasState {
    /// Builds the state from what storage holds.
    pub fn load() -> AtlasState {
        let (dataset, save_state, banner) = match storage::load() {
            Loaded::Nothing => (default_dataset(), SaveState::Saved(None), None),
            Loaded::Dataset(dataset) => (
                dataset,
                SaveState::Saved(storage::load_meta().last_saved),
                None,
            ),
            Loaded::Unreadable {
                reason, backup_key, ..
            } => (
                default_dataset(),
                SaveState::Held,
                Some(StorageBanner::Unreadable { reason, backup_key }),
            ),
            Loaded::Unavailable(reason) => {
                let error = SaveError::Unavailable(reason);
                (
                    default_dataset(),
                    SaveState::Failed(error.clone()),
                    Some(StorageBanner::SaveFailed(error)),
                )
            }
        };
        AtlasState::with(dataset, save_state, banner)
    }

    fn with(dataset: Dataset, save_state: SaveState, banner: Option<StorageBanner>) -> AtlasState {
        let dataset = RwSignal::new(dataset);
        let filters = RwSignal::new(Filters::default());
        // The counts do not depend on the measure, scope or country filters (the table holds them all),
        // so switching the map's measure is a lookup, not a pass over the activities.
        let base_filters = Memo::new(move |_| {
            let mut base = filters.get();
            base.measure = None;
            base.scope = None;
            base.country = None;
            base
        });
        let map_counts = Memo::new(move |_| {
            let filters = base_filters.read();
            dataset.with(|dataset| MapCounts::build(dataset, &filters))
        });
        AtlasState {
            dataset,
            history: RwSignal::new(History::default()),
            save_state: RwSignal::new(save_state),
            banner: RwSignal::new(banner),
            filters,
            sort: RwSignal::new(SortOrder::default()),
            view: RwSignal::new(View::default()),
            map: RwSignal::new(MapState::default()),
            meta: RwSignal::new(storage::load_meta()),
            notice: RwSignal::new(None),
            map_counts,
            unsaved: RwSignal::new(false),
            pending_save: StoredValue::new(None),
        }
    }

    /// Changes the dataset through `change`, keeping an undo step labelled `label`, then saves.
    pub fn edit(&self, label: &str, change: impl FnOnce(&mut Dataset)) {
        let before = self.dataset.get_untracked();
        self.dataset.update(change);
        self.push_undo(label, before);
        self.after_change();
    }

    /// Replaces the whole dataset (import, reset), keeping an undo step.
    pub fn replace(&self, label: &str, next: Dataset) {
        let before = self.dataset.get_untracked();
        self.dataset.set(next);
        self.push_undo(label, before);
        self.after_change();
    }

    fn push_undo(&self, label: &str, before: Dataset) {
        self.history.update(|history| {
            history.undo.push(Snapshot {
                label: label.to_string(),
                dataset: before,
            });
            if history.undo.len() > HISTORY_LIMIT {
                history.undo.remove(0);
            }
            history.redo.clear();
        });
    }

    /// Restores the dataset before the last change. Returns what was undone.
    pub fn undo(&self) -> Option<String> {
        let snapshot = self.history.try_update(|h| h.undo.pop()).flatten()?;
        let current = self.dataset.get_untracked();
        self.dataset.set(snapshot.dataset);
        self.history.update(|h| {
            h.redo.push(Snapshot {
                label: snapshot.label.clone(),
                dataset: current,
            })
        });
        self.after_change();
        Some(snapshot.label)
    }

    /// Applies again the last undone change. Returns what was redone.
    pub fn redo(&self) -> Option<String> {
        let snapshot = self.history.try_update(|h| h.redo.pop()).flatten()?;
        let current = self.dataset.get_untracked();
        self.dataset.set(snapshot.dataset);
        self.history.update(|h| {
            h.undo.push(Snapshot {
                label: snapshot.label.clone(),
                dataset: current,
            })
        });
        self.after_change();
        Some(snapshot.label)
    }

    /// The label of the change `undo` would revert.
    pub fn last_change(&self) -> Option<String> {
        self.history
            .with(|h| h.undo.last().map(|s| s.label.clone()))
    }

    fn after_change(&self) {
        self.unsaved.set(true);
        self.schedule_save();
    }

    /// Saves after [`SAVE_DELAY`], replacing any save already scheduled.
    pub fn schedule_save(&self) {
        if self.save_state.get_untracked() == SaveState::Held {
            return;
        }
        self.save_state.set(SaveState::Pending);
        let this = *self;
        self.pending_save.update_value(|pending| {
            if let Some(handle) = pending.take() {
                handle.clear();
            }
            *pending = set_timeout_with_handle(move || this.save_now(), SAVE_DELAY).ok();
        });
    }

    /// Writes the dataset at once (used by the debounce and when the page is hidden or closed).
    pub fn save_now(&self) {
        self.pending_save.update_value(|pending| {
            if let Some(handle) = pending.take() {
                handle.clear();
            }
        });
        if matches!(self.save_state.get_untracked(), SaveState::Held)
            || !self.unsaved.get_untracked()
        {
            return;
        }
        let result = self.dataset.with_untracked(storage::save);
        match result {
            Ok(_) => {
                self.unsaved.set(false);
                self.meta.set(storage::load_meta());
                self.save_state
                    .set(SaveState::Saved(self.meta.get_untracked().last_saved));
                if matches!(
                    self.banner.get_untracked(),
                    Some(StorageBanner::SaveFailed(_))
                ) {
                    self.banner.set(None);
                }
            }
            Err(error) => {
                self.save_state.set(SaveState::Failed(error.clone()));
                self.banner.set(Some(StorageBanner::SaveFailed(error)));
            }
        }
    }

    /// Whether a save is scheduled but not yet written.
    pub fn save_pending(&self) -> bool {
        self.unsaved.get_untracked() && self.save_state.get_untracked() == SaveState::Pending
    }

    /// The user chose to start again from the sample data (from the unreadable-storage banner or the
    /// reset action). The unreadable value stays in its backup key.
    pub fn start_from_sample(&self) {
        if matches!(self.save_state.get_untracked(), SaveState::Held) {
            self.save_state.set(SaveState::Pending);
        }
        if matches!(
            self.banner.get_untracked(),
            Some(StorageBanner::Unreadable { .. })
        ) {
            self.banner.set(None);
        }
        self.replace("reset to sample data", default_dataset());
        self.save_now();
    }

    /// Another tab wrote `raw` to storage. Adopt it when this tab has nothing unsaved; otherwise ask.
    pub fn other_tab_saved(&self, raw: Option<String>) {
        let Some(raw) = raw else { return };
        let Ok(theirs) = storage::decode_stored(&raw) else {
            return;
        };
        if self.dataset.with_untracked(|mine| *mine == theirs) {
            return;
        }
        if self.unsaved.get_untracked() {
            self.banner
                .set(Some(StorageBanner::OtherTabChanged(Box::new(theirs))));
        } else {
            self.dataset.set(theirs);
            self.notice
                .set(Some("Loaded the changes saved in another tab.".to_string()));
        }
    }

    /// Resolves the other-tab conflict: take their version (mine stays one undo away) or keep mine
    /// (and write it, replacing theirs).
    pub fn resolve_other_tab(&self, take_theirs: bool) {
        let Some(StorageBanner::OtherTabChanged(theirs)) = self.banner.get_untracked() else {
            return;
        };
        self.banner.set(None);
        if take_theirs {
            self.pending_save.update_value(|pending| {
                if let Some(handle) = pending.take() {
                    handle.clear();
                }
            });
            let before = self.dataset.get_untracked();
            self.dataset.set(*theirs);
            self.push_undo("load the other tab's version", before);
            self.unsaved.set(false);
            self.save_state
                .set(SaveState::Saved(storage::load_meta().last_saved));
        } else {
            self.unsaved.set(true);
            self.save_now();
        }
    }

    /// Records an export (for "last exported N days ago" and the never-exported warning).
    pub fn mark_exported(&self) {
        self.meta.set(storage::mark_exported());
    }
}

/// The state from context. Panics only if called outside the app, which is a programming error.
pub fn use_atlas() -> AtlasState {
    expect_context::<AtlasState>()
}
