//! Changes to a dataset and the undo steps they leave behind.
//!
//! An undo step does not copy the dataset: it keeps only what a change took away — the activities it
//! replaced or removed, and the dataset's own fields when it changed them — and where they stood.
//! Undoing a step puts them back and hands out the step that redoes the change, built the same way,
//! so a hundred edits of a 50,000-activity dataset keep a hundred activities, not five million.
//!
//! Every change goes through [`Change::apply`], which is the only way `AtlasState` changes its
//! dataset; that keeps the undo step and the change from ever disagreeing.

use std::collections::VecDeque;

use super::dataset::{Activity, Dataset};

/// How many undo steps are kept; the oldest is dropped first.
pub const HISTORY_LIMIT: usize = 100;

/// One change to the dataset, as the app's actions make them.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// The editor's save: `activity` takes the place of the record it was opened from (found by
    /// `original_id`), or is added at the end when it is new or its original has gone meanwhile.
    PutActivity {
        original_id: Option<String>,
        /// Boxed: an activity is far larger than the other changes.
        activity: Box<Activity>,
    },
    /// Removes the activity with this id (no change when there is none).
    RemoveActivity { id: String },
    /// Gives the dataset a new title.
    Rename { title: String },
    /// Replaces the whole dataset: an import, a reset, another tab's save.
    Replace(Dataset),
}

/// Where a change came from: the user in this tab, or another tab's save that this tab adopted.
/// Undoing an adopted save removes another tab's work, so the app asks first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    ThisTab,
    OtherTab,
}

/// A stretch of activities a change replaced: before it, `taken` stood at `start..start + put`.
#[derive(Clone, Debug, PartialEq)]
struct Hunk {
    /// Where the stretch begins, counted in the dataset as the change left it.
    start: usize,
    /// The activities that stood there before the change, moved out of the dataset.
    taken: Vec<Activity>,
    /// How many activities the change put in their place.
    put: usize,
}

/// What a change took away and where, so that it can be put back.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// What the change was, in words ("delete “…”", "import").
    pub label: String,
    pub origin: Origin,
    /// The stretches the change replaced, in the order they stand in the dataset.
    hunks: Vec<Hunk>,
    /// The dataset's own fields before the change (its activities left empty), when it changed them.
    header: Option<Box<Dataset>>,
}

impl Step {
    fn new(label: &str, origin: Origin, hunks: Vec<Hunk>, header: Option<Dataset>) -> Step {
        Step {
            label: label.to_string(),
            origin,
            hunks,
            header: header.map(Box::new),
        }
    }

    /// Records `now` as the dataset's time of change (`updated`) as part of this step, so that undoing
    /// the step brings back the time before it and redoing it brings back this one.
    pub fn stamp(&mut self, dataset: &mut Dataset, now: String) {
        // A step without a header left the dataset's own fields as they were: they are the "before".
        if self.header.is_none() {
            self.header = Some(Box::new(header_of(dataset)));
        }
        dataset.mark_changed(now);
    }

    /// The number of activities this step holds: what it costs in memory, roughly.
    pub fn activities_held(&self) -> usize {
        self.hunks.iter().map(|hunk| hunk.taken.len()).sum()
    }

    /// Puts back what the change took away and returns the step that makes the change again, so that
    /// an undo step reverted becomes the redo step and the other way round.
    pub fn revert(self, dataset: &mut Dataset) -> Step {
        // Each hunk's start in the dataset as it will be after the revert: the hunks before it grow
        // or shrink by what they put back.
        let mut shift: isize = 0;
        let mut starts = Vec::with_capacity(self.hunks.len());
        for hunk in &self.hunks {
            starts.push(hunk.start as isize + shift);
            shift += hunk.taken.len() as isize - hunk.put as isize;
        }
        let mut reverted = Vec::with_capacity(self.hunks.len());
        // From the last hunk to the first, so that a splice never moves a hunk still to come. The
        // bounds are clamped, so a step can never index outside the dataset.
        for (hunk, start_after) in self.hunks.into_iter().zip(starts).rev() {
            let end = (hunk.start + hunk.put).min(dataset.activities.len());
            let start = hunk.start.min(end);
            let put = hunk.taken.len();
            let taken: Vec<Activity> = dataset.activities.splice(start..end, hunk.taken).collect();
            reverted.push(Hunk {
                start: start_after.max(0) as usize,
                taken,
                put,
            });
        }
        reverted.reverse();
        let header = self
            .header
            .map(|before| Box::new(swap_header(dataset, *before)));
        Step {
            label: self.label,
            origin: self.origin,
            hunks: reverted,
            header,
        }
    }
}

impl Change {
    /// Applies the change to `dataset` and returns its undo step, or `None` when nothing changed (a
    /// removal of an id that is not there, a rename to the same title, a replacement by equal data).
    pub fn apply(self, dataset: &mut Dataset, label: &str, origin: Origin) -> Option<Step> {
        let one = |start: usize, taken: Vec<Activity>, put: usize| {
            Some(Step::new(
                label,
                origin,
                vec![Hunk { start, taken, put }],
                None,
            ))
        };
        match self {
            Change::PutActivity {
                original_id,
                activity,
            } => {
                let activity = *activity;
                let position = original_id
                    .as_deref()
                    .and_then(|id| dataset.activities.iter().position(|a| a.id == id));
                match position {
                    Some(index) if dataset.activities[index] == activity => None,
                    Some(index) => {
                        let before = std::mem::replace(&mut dataset.activities[index], activity);
                        one(index, vec![before], 1)
                    }
                    None => {
                        dataset.activities.push(activity);
                        one(dataset.activities.len() - 1, Vec::new(), 1)
                    }
                }
            }
            Change::RemoveActivity { id } => {
                let index = dataset.activities.iter().position(|a| a.id == id)?;
                let removed = dataset.activities.remove(index);
                one(index, vec![removed], 0)
            }
            Change::Rename { title } => {
                if dataset.title == title {
                    return None;
                }
                let mut before = header_of(dataset);
                before.title = std::mem::replace(&mut dataset.title, title);
                Some(Step::new(label, origin, Vec::new(), Some(before)))
            }
            Change::Replace(next) => {
                let mut before = std::mem::replace(dataset, next);
                let ranges = differing_ranges(&before.activities, &dataset.activities);
                let same_fields = same_header(&before, dataset);
                if ranges.is_empty() && same_fields {
                    return None;
                }
                // Move the replaced activities out of the old dataset, last range first so that the
                // earlier ranges keep their indices.
                let mut hunks: Vec<Hunk> = ranges
                    .iter()
                    .rev()
                    .map(|range| Hunk {
                        start: range.after_start,
                        taken: before
                            .activities
                            .drain(range.before_start..range.before_end)
                            .collect(),
                        put: range.put,
                    })
                    .collect();
                hunks.reverse();
                before.activities = Vec::new();
                let header = (!same_fields).then_some(before);
                Some(Step::new(label, origin, hunks, header))
            }
        }
    }
}

/// Where two lists of activities differ: `before[before_start..before_end]` became `put` activities
/// at `after_start`.
struct DifferingRange {
    before_start: usize,
    before_end: usize,
    after_start: usize,
    put: usize,
}

/// The stretches where `after` differs from `before`, found by walking both in step: equal records
/// are skipped, a record with the same id is a change, a record whose id the other side lacks is a
/// removal or an addition. That is linear and exact for what imports and merges do (change records
/// in place, append new ones, drop some); a reordering ends the walk with one range for the rest.
fn differing_ranges(before: &[Activity], after: &[Activity]) -> Vec<DifferingRange> {
    use std::collections::HashSet;
    let in_before: HashSet<&str> = before.iter().map(|a| a.id.as_str()).collect();
    let in_after: HashSet<&str> = after.iter().map(|a| a.id.as_str()).collect();
    let (mut i, mut j) = (0, 0);
    let mut ranges = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    while i < before.len() || j < after.len() {
        if i < before.len() && j < after.len() && before[i] == after[j] {
            if let Some((i0, j0)) = open.take() {
                ranges.push(DifferingRange {
                    before_start: i0,
                    before_end: i,
                    after_start: j0,
                    put: j - j0,
                });
            }
            i += 1;
            j += 1;
            continue;
        }
        open.get_or_insert((i, j));
        if i < before.len() && j < after.len() && before[i].id == after[j].id {
            i += 1;
            j += 1;
        } else if i < before.len() && !in_after.contains(before[i].id.as_str()) {
            i += 1;
        } else if j < after.len() && !in_before.contains(after[j].id.as_str()) {
            j += 1;
        } else {
            i = before.len();
            j = after.len();
        }
    }
    if let Some((i0, j0)) = open {
        ranges.push(DifferingRange {
            before_start: i0,
            before_end: i,
            after_start: j0,
            put: j - j0,
        });
    }
    ranges
}

/// The dataset's own fields, without its activities.
fn header_of(dataset: &Dataset) -> Dataset {
    Dataset {
        title: dataset.title.clone(),
        description: dataset.description.clone(),
        updated: dataset.updated.clone(),
        activities: Vec::new(),
        unknown: dataset.unknown.clone(),
    }
}

fn same_header(a: &Dataset, b: &Dataset) -> bool {
    a.title == b.title
        && a.description == b.description
        && a.updated == b.updated
        && a.unknown == b.unknown
}

/// Puts `header`'s own fields into `dataset` and returns the ones it replaced.
fn swap_header(dataset: &mut Dataset, mut header: Dataset) -> Dataset {
    std::mem::swap(&mut dataset.title, &mut header.title);
    std::mem::swap(&mut dataset.description, &mut header.description);
    std::mem::swap(&mut dataset.updated, &mut header.updated);
    std::mem::swap(&mut dataset.unknown, &mut header.unknown);
    header
}

/// Undo and redo steps.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: VecDeque<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Records the undo step of a change just made. A new change ends what could be redone.
    pub fn record(&mut self, step: Step) {
        self.undo.push_back(step);
        while self.undo.len() > HISTORY_LIMIT {
            self.undo.pop_front();
        }
        self.redo.clear();
    }

    /// The step `undo` would revert.
    pub fn next_undo(&self) -> Option<&Step> {
        self.undo.back()
    }

    /// The step `redo` would apply again.
    pub fn next_redo(&self) -> Option<&Step> {
        self.redo.last()
    }

    /// Reverts the last change; returns its label.
    pub fn undo(&mut self, dataset: &mut Dataset) -> Option<String> {
        let step = self.undo.pop_back()?;
        let redo = step.revert(dataset);
        let label = redo.label.clone();
        self.redo.push(redo);
        Some(label)
    }

    /// Makes the last undone change again; returns its label.
    pub fn redo(&mut self, dataset: &mut Dataset) -> Option<String> {
        let step = self.redo.pop()?;
        let undo = step.revert(dataset);
        let label = undo.label.clone();
        self.undo.push_back(undo);
        Some(label)
    }

    /// How many steps can be undone and redone.
    pub fn depth(&self) -> (usize, usize) {
        (self.undo.len(), self.redo.len())
    }

    /// Activities held by all steps together (each step holds only what its change replaced).
    pub fn activities_held(&self) -> usize {
        self.undo
            .iter()
            .chain(&self.redo)
            .map(Step::activities_held)
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::default_dataset;

    fn apply(history: &mut History, dataset: &mut Dataset, change: Change) {
        if let Some(step) = change.apply(dataset, "change", Origin::ThisTab) {
            history.record(step);
        }
    }

    /// Every kind of change, undone and redone, gives back exactly the dataset before and after it.
    #[test]
    fn undo_and_redo_restore_every_kind_of_change() {
        let original = default_dataset();
        let first = original.activities[0].clone();
        let mut edited = original.activities[5].clone();
        edited.title = "Edited title".to_string();
        let mut merged = original.clone();
        merged.activities[3].summary = Some("changed by a merge".to_string());
        merged
            .activities
            .push(Activity::new("NEW-1", "Added by a merge", 2024));
        merged.description = Some("merged".to_string());
        let mut reordered = original.clone();
        reordered.activities.reverse();
        let cases: Vec<(&str, Change, usize)> = vec![
            (
                "edit in place",
                Change::PutActivity {
                    original_id: Some(edited.id.clone()),
                    activity: Box::new(edited.clone()),
                },
                1,
            ),
            (
                "add",
                Change::PutActivity {
                    original_id: None,
                    activity: Box::new(Activity::new("X-1", "New", 2020)),
                },
                0,
            ),
            (
                "remove",
                Change::RemoveActivity {
                    id: first.id.clone(),
                },
                1,
            ),
            (
                "rename",
                Change::Rename {
                    title: "Renamed".to_string(),
                },
                0,
            ),
            // One record changed in place and one appended: the step holds the one it replaced.
            ("merge", Change::Replace(merged.clone()), 1),
            (
                "replace by an empty dataset",
                Change::Replace(Dataset::empty("Empty")),
                original.activities.len(),
            ),
            (
                "reorder",
                Change::Replace(reordered.clone()),
                original.activities.len(),
            ),
        ];
        for (name, change, held) in cases {
            let mut dataset = original.clone();
            let mut history = History::default();
            apply(&mut history, &mut dataset, change);
            let after = dataset.clone();
            assert_ne!(after, original, "{name}: the change changed something");
            assert_eq!(history.activities_held(), held, "{name}: activities held");
            assert_eq!(history.undo(&mut dataset), Some("change".to_string()));
            assert_eq!(dataset, original, "{name}: undo");
            assert_eq!(history.redo(&mut dataset), Some("change".to_string()));
            assert_eq!(dataset, after, "{name}: redo");
            assert_eq!(history.undo(&mut dataset), Some("change".to_string()));
            assert_eq!(dataset, original, "{name}: undo after redo");
        }
    }

    #[test]
    fn a_stamped_time_is_undone_and_redone_with_its_step() {
        // (the change, whether it changes the dataset's own fields too)
        let original = default_dataset();
        let first_id = original.activities[0].id.clone();
        let cases = [
            (Change::RemoveActivity { id: first_id }, false),
            (
                Change::Rename {
                    title: "Renamed".into(),
                },
                true,
            ),
        ];
        for (index, (change, renames)) in cases.into_iter().enumerate() {
            let mut dataset = original.clone();
            dataset.updated = Some("2020-01-01T00:00:00Z".into());
            let before = dataset.clone();
            let mut step = change
                .apply(&mut dataset, "change", Origin::ThisTab)
                .expect("a change");
            step.stamp(&mut dataset, "2026-12-02T03:04:05Z".into());
            let after = dataset.clone();
            assert_eq!(after.updated.as_deref(), Some("2026-12-02T03:04:05Z"));
            assert_eq!(after.title != before.title, renames, "case {index}");
            let redo = step.revert(&mut dataset);
            assert_eq!(
                dataset, before,
                "case {index}: undo brings the old time back"
            );
            redo.revert(&mut dataset);
            assert_eq!(dataset, after, "case {index}: redo brings the stamp back");
        }
    }

    #[test]
    fn saving_an_activity_replaces_its_original_in_place_or_appends() {
        let mut dataset = Dataset::empty("Saving");
        dataset.activities = vec![
            Activity::new("SR", "Ship rider", 2017),
            Activity::new("VN", "Viet Nam", 2018),
        ];
        let mut renamed = dataset.activities[0].clone();
        renamed.id = "SR-2".into();
        let saves = [
            (Some("SR"), renamed),
            // Its original has gone meanwhile (an undo): the record is added, not lost.
            (Some("gone"), Activity::new("G", "G", 2020)),
            (None, Activity::new("N", "N", 2020)),
        ];
        for (original_id, activity) in saves {
            let change = Change::PutActivity {
                original_id: original_id.map(str::to_string),
                activity: Box::new(activity),
            };
            assert!(change
                .apply(&mut dataset, "save", Origin::ThisTab)
                .is_some());
        }
        let ids: Vec<&str> = dataset.activities.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["SR-2", "VN", "G", "N"]);
    }

    #[test]
    fn changes_that_change_nothing_leave_no_step() {
        let mut dataset = default_dataset();
        let same_title = dataset.title.clone();
        let unchanged = dataset.activities[2].clone();
        let cases = vec![
            Change::RemoveActivity {
                id: "not-there".to_string(),
            },
            Change::Rename { title: same_title },
            Change::Replace(dataset.clone()),
            Change::PutActivity {
                original_id: Some(unchanged.id.clone()),
                activity: Box::new(unchanged),
            },
        ];
        for change in cases {
            let name = format!("{change:?}").chars().take(40).collect::<String>();
            assert!(
                change
                    .apply(&mut dataset, "nothing", Origin::ThisTab)
                    .is_none(),
                "{name}"
            );
        }
        assert_eq!(dataset, default_dataset());
    }

    /// A hundred deletions, undone one by one, give back the dataset; then redone, the same hundred
    /// deletions. Each step holds one activity, never a copy of the dataset.
    #[test]
    fn a_hundred_steps_hold_a_hundred_activities() {
        let original = default_dataset();
        let mut dataset = original.clone();
        let mut history = History::default();
        let ids: Vec<String> = original.activities.iter().map(|a| a.id.clone()).collect();
        for id in ids.iter().cycle().take(HISTORY_LIMIT.min(ids.len())) {
            apply(
                &mut history,
                &mut dataset,
                Change::RemoveActivity { id: id.clone() },
            );
        }
        let removed = HISTORY_LIMIT.min(ids.len());
        assert_eq!(
            dataset.activities.len(),
            original.activities.len() - removed
        );
        assert_eq!(history.activities_held(), removed);
        let after = dataset.clone();
        while history.undo(&mut dataset).is_some() {}
        assert_eq!(dataset, original);
        while history.redo(&mut dataset).is_some() {}
        assert_eq!(dataset, after);
    }

    #[test]
    fn the_history_keeps_its_limit_and_a_new_change_ends_redo() {
        let mut dataset = Dataset::empty("Counting");
        let mut history = History::default();
        for n in 0..HISTORY_LIMIT + 20 {
            apply(
                &mut history,
                &mut dataset,
                Change::Rename {
                    title: format!("title {n}"),
                },
            );
        }
        assert_eq!(history.depth(), (HISTORY_LIMIT, 0));
        history.undo(&mut dataset);
        history.undo(&mut dataset);
        assert_eq!(history.depth(), (HISTORY_LIMIT - 2, 2));
        assert_eq!(dataset.title, format!("title {}", HISTORY_LIMIT + 17));
        apply(
            &mut history,
            &mut dataset,
            Change::Rename {
                title: "fresh".to_string(),
            },
        );
        assert_eq!(history.depth(), (HISTORY_LIMIT - 1, 0));
        // The oldest 20 were dropped: undoing everything stops at "title 19", not at the start.
        while history.undo(&mut dataset).is_some() {}
        assert_eq!(dataset.title, "title 19");
    }

    #[test]
    fn the_origin_of_a_step_is_kept_through_undo_and_redo() {
        let mut dataset = default_dataset();
        let mut history = History::default();
        let theirs = Dataset::empty("Theirs");
        let step = Change::Replace(theirs)
            .apply(&mut dataset, "another tab", Origin::OtherTab)
            .expect("a change");
        history.record(step);
        assert_eq!(
            history.next_undo().map(|s| s.origin),
            Some(Origin::OtherTab)
        );
        history.undo(&mut dataset);
        assert_eq!(
            history.next_redo().map(|s| s.origin),
            Some(Origin::OtherTab)
        );
    }
}
