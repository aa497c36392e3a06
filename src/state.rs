//! The app's state and every action that changes the dataset.
//!
//! Data flows one way: a component calls an action here → the dataset signal changes → the views
//! re-derive from it (memos) → a debounced save writes it to storage. The dataset signal is writable
//! only inside this module, and every change — an edit, an import, undo and redo, another tab's save,
//! a reset — goes through [`AtlasState::apply`], which records its undo step (see
//! [`crate::model::history`]) and, for a change made here, schedules its save.

use std::time::Duration;

use leptos::prelude::*;

use crate::i18n::Language;
use crate::model::filter::SortOrder;
use crate::model::history::{Change, History, Origin};
use crate::model::i18n::common::{self as words, Common};
use crate::model::i18n::messages::Bilingual;
use crate::model::i18n::Phrase;
use crate::model::presentation::Presented;
use crate::model::stats::{MapCounts, Place};
use crate::model::{default_dataset, Dataset, Filters};
use crate::storage::{self, Loaded, Meta, SaveError};

/// How long edits wait before they are written (one write per burst of typing).
pub const SAVE_DELAY: Duration = Duration::from_millis(300);

/// The present moment in UTC, RFC 3339 to the second (`2026-12-02T03:04:05Z`): the time an
/// activity or the dataset records as its last change.
pub fn now_utc() -> String {
    crate::model::edit::utc_timestamp(&String::from(js_sys::Date::new_0().to_iso_string()))
}

/// Whether a change records the present time as the dataset's `updated`. A change made here does;
/// a dataset taken as it is (a replacing import, the sample, another tab's save) keeps its own time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stamp {
    Now,
    Keep,
}

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

    /// The view's name in the navigation, as a phrase of the shell's table.
    pub fn label(self) -> Common {
        match self {
            View::Map => Common::ViewMap,
            View::Matrix => Common::ViewMatrix,
            View::Activities => Common::ViewActivities,
            View::Trends => Common::ViewTrends,
            View::Report => Common::ViewReport,
            View::Vision => Common::ViewVision,
            View::Data => Common::ViewData,
        }
    }

    pub fn from_code(code: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.code() == code)
    }

    /// The views presentation mode shows: the map and the two views of its numbers. The others are
    /// for reading and editing at a desk; presenting from one of them shows the map.
    pub const PRESENTED: [View; 3] = [View::Map, View::Matrix, View::Trends];

    /// The view presentation mode shows when this one is chosen.
    pub fn presented(self) -> View {
        if View::PRESENTED.contains(&self) {
            self
        } else {
            View::Map
        }
    }

    /// The view as presentation mode's keys know it.
    pub fn presented_as(self) -> Presented {
        match self.presented() {
            View::Matrix => Presented::Matrix,
            View::Trends => Presented::Trends,
            _ => Presented::Map,
        }
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
        reason: Bilingual,
        backup_key: Option<String>,
    },
    /// Another tab saved while this one had unsaved edits.
    OtherTabChanged(Box<Dataset>),
}

/// Label of the undo step an import creates (the import dialog's "Undo import" looks for it).
pub const IMPORT_LABEL: &str = "import";

/// The whole state, shared through context. Every field is a cheap, copyable handle.
#[derive(Clone, Copy)]
pub struct AtlasState {
    /// The dataset, read-only outside this module: every change goes through [`AtlasState::apply`].
    pub dataset: ReadSignal<Dataset>,
    set_dataset: WriteSignal<Dataset>,
    history: RwSignal<History>,
    /// Set while an undo waits for the user's word because it would remove another tab's saved work
    /// (the label of that step).
    pub undo_confirmation: RwSignal<Option<String>>,
    pub save_state: RwSignal<SaveState>,
    pub banner: RwSignal<Option<StorageBanner>>,
    pub filters: RwSignal<Filters>,
    pub sort: RwSignal<SortOrder>,
    pub view: RwSignal<View>,
    /// Presentation mode (`?present=1`): the view fills the screen, type sized for a projector,
    /// editing controls hidden (`ui/present.rs`).
    pub presenting: RwSignal<bool>,
    /// The published dataset the address names (`?dataset=datasets/seminar.json`), kept in the
    /// address while its import is previewed, so that a reload opens the preview again; Merge,
    /// Replace, Cancel, dismissing its errors or another file clears it (`ui/import.rs`).
    pub published: RwSignal<Option<String>>,
    pub map: RwSignal<MapState>,
    pub meta: RwSignal<Meta>,
    /// The language of the app's own words (`i18n`).
    pub language: Language,
    /// A short message with an optional "Undo" (after delete, import, reset), written in the language
    /// of the moment it was made.
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
        let (dataset, set_dataset) = signal(dataset);
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
            set_dataset,
            history: RwSignal::new(History::default()),
            undo_confirmation: RwSignal::new(None),
            save_state: RwSignal::new(save_state),
            banner: RwSignal::new(banner),
            filters,
            sort: RwSignal::new(SortOrder::default()),
            view: RwSignal::new(View::default()),
            presenting: RwSignal::new(false),
            published: RwSignal::new(None),
            map: RwSignal::new(MapState::default()),
            meta: RwSignal::new(storage::load_meta()),
            language: Language::start(crate::url_state::language_in_address()),
            notice: RwSignal::new(None),
            map_counts,
            unsaved: RwSignal::new(false),
            pending_save: StoredValue::new(None),
        }
    }

    /// The one path every change to the dataset takes: applies `change`, records its undo step and,
    /// for a change made in this tab, schedules its save (another tab's save is already stored).
    /// Returns whether anything changed; a change that changes nothing leaves no step and no save.
    fn apply(&self, label: &str, change: Change, origin: Origin, stamp: Stamp) -> bool {
        let step = self
            .set_dataset
            .try_maybe_update(|dataset| {
                let mut step = change.apply(dataset, label, origin);
                if let (Some(step), Stamp::Now) = (step.as_mut(), stamp) {
                    step.stamp(dataset, now_utc());
                }
                (step.is_some(), step)
            })
            .flatten();
        let Some(step) = step else { return false };
        self.history.update(|history| history.record(step));
        self.undo_confirmation.set(None);
        match origin {
            Origin::ThisTab => self.after_change(),
            Origin::OtherTab => self.adopted_stored_value(),
        }
        true
    }

    /// Changes the dataset in this tab (an edit, a deletion, a rename, a merge), keeping an undo step,
    /// and saves. The dataset's `updated` becomes the present time, as part of the step.
    pub fn edit(&self, label: &str, change: Change) -> bool {
        self.apply(label, change, Origin::ThisTab, Stamp::Now)
    }

    /// Replaces the whole dataset by one taken exactly as it is (an import that replaces, a reset to
    /// the sample), keeping an undo step, and saves. Its `updated` is its own: the file's time.
    pub fn replace(&self, label: &str, next: Dataset) -> bool {
        self.apply(label, Change::Replace(next), Origin::ThisTab, Stamp::Keep)
    }

    /// Restores the dataset before the last change and returns what was undone. When that change was
    /// another tab's save, undoing it would remove that tab's work: nothing happens yet, and
    /// [`AtlasState::undo_confirmation`] asks the user (see [`AtlasState::confirm_undo`]).
    pub fn undo(&self) -> Option<String> {
        let next = self
            .history
            .with_untracked(|h| h.next_undo().map(|s| (s.origin, s.label.clone())))?;
        match next {
            (Origin::OtherTab, label) => {
                self.undo_confirmation.set(Some(label));
                None
            }
            (Origin::ThisTab, _) => self.undo_now(),
        }
    }

    /// The user confirmed an undo that removes what another tab saved.
    pub fn confirm_undo(&self) -> Option<String> {
        self.undo_confirmation.try_update(Option::take).flatten()?;
        self.undo_now()
    }

    fn undo_now(&self) -> Option<String> {
        self.undo_confirmation.set(None);
        self.step_history(|history, dataset| history.undo(dataset))
    }

    /// Applies again the last undone change. Returns what was redone.
    pub fn redo(&self) -> Option<String> {
        self.undo_confirmation.set(None);
        self.step_history(|history, dataset| history.redo(dataset))
    }

    /// Moves one step through the history; the dataset it leaves is this tab's change, and is saved.
    fn step_history(
        &self,
        step: impl FnOnce(&mut History, &mut Dataset) -> Option<String>,
    ) -> Option<String> {
        // The history is taken out for the step and put back after, so that no signal is borrowed
        // while the dataset's subscribers hear of the change.
        let mut history = self
            .history
            .try_update_untracked(std::mem::take)
            .unwrap_or_default();
        let label = self
            .set_dataset
            .try_maybe_update(|dataset| {
                let label = step(&mut history, dataset);
                (label.is_some(), label)
            })
            .flatten();
        self.history.set(history);
        if label.is_some() {
            self.after_change();
        }
        label
    }

    /// The label of the change `undo` would revert.
    pub fn last_change(&self) -> Option<String> {
        self.history
            .with(|h| h.next_undo().map(|s| s.label.clone()))
    }

    /// The label of the change `redo` would make again.
    pub fn next_redo(&self) -> Option<String> {
        self.history
            .with(|h| h.next_redo().map(|s| s.label.clone()))
    }

    /// Activities held by the undo and redo steps together (for the benchmark).
    pub fn history_activities(&self) -> usize {
        self.history.with_untracked(History::activities_held)
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
        // The user chose to replace what is stored, so it is written even when this tab already shows
        // the sample (as it does behind the unreadable-value banner) and the replacement changed nothing.
        self.unsaved.set(true);
        self.save_now();
    }

    /// Another tab wrote `raw` to storage. Adopt it when this tab has nothing unsaved; otherwise ask.
    /// Adopting is a change of its own, labelled in the history: undoing it asks first, because it
    /// would remove what the other tab saved.
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
            let count = theirs.activities.len();
            let locale = self.language.get_untracked();
            if self.apply(
                Common::OtherTabStep.text(locale),
                Change::Replace(theirs),
                Origin::OtherTab,
                Stamp::Keep,
            ) {
                self.notice
                    .set(Some(words::other_tab_loaded(locale, count)));
            }
        }
    }

    /// Resolves the other-tab conflict: take their version (mine stays one undo away, and that undo
    /// asks first) or keep mine (and write it, replacing theirs).
    pub fn resolve_other_tab(&self, take_theirs: bool) {
        let Some(StorageBanner::OtherTabChanged(theirs)) = self.banner.get_untracked() else {
            return;
        };
        self.banner.set(None);
        if take_theirs {
            self.apply(
                "load the other tab's version",
                Change::Replace(*theirs),
                Origin::OtherTab,
                Stamp::Keep,
            );
        } else {
            self.unsaved.set(true);
            self.save_now();
        }
    }

    /// The dataset now equals what storage holds (another tab wrote it): nothing is left to save, and
    /// an unreadable value that held saving back has been replaced by a readable one.
    fn adopted_stored_value(&self) {
        self.pending_save.update_value(|pending| {
            if let Some(handle) = pending.take() {
                handle.clear();
            }
        });
        self.unsaved.set(false);
        self.save_state
            .set(SaveState::Saved(storage::load_meta().last_saved));
        if matches!(
            self.banner.get_untracked(),
            Some(StorageBanner::Unreadable { .. })
        ) {
            self.banner.set(None);
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
