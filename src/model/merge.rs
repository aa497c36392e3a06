//! Importing a dataset into the one the app holds: the preview (what would be added, changed, left
//! unchanged, or exists only here), the field-by-field diff of changed activities, conflict resolution,
//! and the two ways to apply an import, **Merge** by `id` and **Replace**.
//!
//! Nothing here changes the dataset the app holds: [`preview`] only looks, and [`apply`] returns a new
//! dataset for the caller to install as one undo step. The preview is linear in the size of both
//! datasets (one hash map of the local ids), so a 10,000-activity file is compared in milliseconds.

use std::collections::HashMap;

use serde_json::Value;

use super::dataset::{Activity, Dataset};
use super::format::read_dataset_bytes;
use super::validate::{Problem, Severity, Snippet};

/// Which version of a conflicting activity to keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// The activity as this browser holds it.
    Mine,
    /// The activity as the imported file has it.
    Theirs,
}

impl Side {
    pub fn code(self) -> &'static str {
        match self {
            Side::Mine => "mine",
            Side::Theirs => "theirs",
        }
    }

    pub fn from_code(code: &str) -> Option<Side> {
        match code {
            "mine" => Some(Side::Mine),
            "theirs" => Some(Side::Theirs),
            _ => None,
        }
    }
}

/// How conflicts (same `id`, different content) are settled unless the user picks a side for a record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ConflictPolicy {
    /// The version with the later `updated` time wins; without a decisive time, mine is kept.
    #[default]
    NewerWins,
    KeepMine,
    TakeTheirs,
}

impl ConflictPolicy {
    pub const ALL: [ConflictPolicy; 3] = [
        ConflictPolicy::NewerWins,
        ConflictPolicy::KeepMine,
        ConflictPolicy::TakeTheirs,
    ];

    /// The value of the `conflict-policy` control.
    pub fn code(self) -> &'static str {
        match self {
            ConflictPolicy::NewerWins => "newer",
            ConflictPolicy::KeepMine => "mine",
            ConflictPolicy::TakeTheirs => "theirs",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ConflictPolicy::NewerWins => "Newer “updated” wins",
            ConflictPolicy::KeepMine => "Keep mine",
            ConflictPolicy::TakeTheirs => "Take theirs",
        }
    }

    pub fn from_code(code: &str) -> Option<ConflictPolicy> {
        ConflictPolicy::ALL.into_iter().find(|p| p.code() == code)
    }

    /// The side this policy keeps for one changed activity.
    pub fn side_for(self, change: &ActivityChange) -> Side {
        self.side_given(change.newer)
    }

    /// The side this policy keeps when `newer` is the side with the later `updated` time.
    pub fn side_given(self, newer: Option<Side>) -> Side {
        match self {
            ConflictPolicy::KeepMine => Side::Mine,
            ConflictPolicy::TakeTheirs => Side::Theirs,
            // A tie or a missing time keeps mine: an import never overwrites without a reason.
            ConflictPolicy::NewerWins => newer.unwrap_or(Side::Mine),
        }
    }
}

/// The policy for all conflicts plus the sides the user picked for single records (by `id`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Resolution {
    pub policy: ConflictPolicy,
    pub per_record: HashMap<String, Side>,
}

impl Resolution {
    pub fn with_policy(policy: ConflictPolicy) -> Resolution {
        Resolution {
            policy,
            per_record: HashMap::new(),
        }
    }

    /// The side kept for `change`: the user's pick for that record, else the policy's.
    pub fn side_for(&self, change: &ActivityChange) -> Side {
        self.per_record
            .get(&change.id)
            .copied()
            .unwrap_or_else(|| self.policy.side_for(change))
    }
}

/// Merge keeps every local activity and adds or updates from the file; Replace takes the file as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    Merge,
    Replace,
}

/// One activity present on both sides with different content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityChange {
    pub id: String,
    /// Index in the local dataset's activities.
    pub local_index: usize,
    /// Index in the imported dataset's activities.
    pub incoming_index: usize,
    /// The keys whose values differ, in schema order, then unknown keys.
    pub fields: Vec<String>,
    /// Which side's `updated` is later; `None` when equal, missing on both sides, or unreadable.
    pub newer: Option<Side>,
}

/// What an import would do, computed without changing anything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPreview {
    /// Indices (in the imported dataset) of activities whose `id` is new here.
    pub added: Vec<usize>,
    /// Activities on both sides whose content differs.
    pub changed: Vec<ActivityChange>,
    /// How many activities are identical on both sides.
    pub unchanged: usize,
    /// Indices (in the local dataset) of activities the file does not have.
    pub only_here: Vec<usize>,
}

impl ImportPreview {
    /// Whether a merge would leave the local dataset as it is, whatever the conflict choices.
    pub fn adds_or_changes_nothing(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty()
    }
}

/// Compares the local dataset with an imported one, activity by activity, matched by `id`.
pub fn preview(local: &Dataset, incoming: &Dataset) -> ImportPreview {
    let mut local_by_id: HashMap<&str, usize> = HashMap::with_capacity(local.activities.len());
    for (index, activity) in local.activities.iter().enumerate() {
        local_by_id.insert(activity.id.as_str(), index);
    }
    let mut matched = vec![false; local.activities.len()];
    let mut result = ImportPreview::default();
    for (incoming_index, theirs) in incoming.activities.iter().enumerate() {
        let Some(&local_index) = local_by_id.get(theirs.id.as_str()) else {
            result.added.push(incoming_index);
            continue;
        };
        matched[local_index] = true;
        let mine = &local.activities[local_index];
        if mine == theirs {
            result.unchanged += 1;
        } else {
            result.changed.push(ActivityChange {
                id: theirs.id.clone(),
                local_index,
                incoming_index,
                fields: changed_fields(mine, theirs),
                newer: newer_side(mine.updated.as_deref(), theirs.updated.as_deref()),
            });
        }
    }
    result.only_here = matched
        .iter()
        .enumerate()
        .filter(|(_, seen)| !**seen)
        .map(|(index, _)| index)
        .collect();
    result
}

/// Builds the dataset an import produces. `Replace` returns the imported dataset; `Merge` keeps every
/// local activity in its place (taking the imported version of a conflict where `resolution` says so)
/// and appends the new ones in the file's order. The dataset's title, description and time stay mine;
/// top-level keys only the file has are added, so nothing in either file is lost.
pub fn apply(
    local: &Dataset,
    incoming: &Dataset,
    mode: ImportMode,
    resolution: &Resolution,
) -> Dataset {
    match mode {
        ImportMode::Replace => incoming.clone(),
        ImportMode::Merge => merge(local, incoming, resolution),
    }
}

/// Merge by `id`; see [`apply`].
pub fn merge(local: &Dataset, incoming: &Dataset, resolution: &Resolution) -> Dataset {
    merge_planned(local, incoming, &preview(local, incoming), resolution)
}

/// Merge by `id` along a preview already computed, so that a caller holding one (the import session)
/// does not compare the two datasets again. `plan` must be `preview(local, incoming)`.
pub fn merge_planned(
    local: &Dataset,
    incoming: &Dataset,
    plan: &ImportPreview,
    resolution: &Resolution,
) -> Dataset {
    let mut merged = local.clone();
    for change in &plan.changed {
        if resolution.side_for(change) == Side::Theirs {
            merged.activities[change.local_index] =
                incoming.activities[change.incoming_index].clone();
        }
    }
    merged.activities.extend(
        plan.added
            .iter()
            .map(|&index| incoming.activities[index].clone()),
    );
    if merged.description.is_none() {
        merged.description = incoming.description.clone();
    }
    for (key, value) in &incoming.unknown {
        if !merged.unknown.contains_key(key) {
            merged.unknown.insert(key.clone(), value.clone());
        }
    }
    merged
}

/// A file that passed validation, ready to preview.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadImport {
    pub incoming: Dataset,
    pub warnings: Vec<Problem>,
    pub preview: ImportPreview,
}

/// The whole import up to the preview: bytes → text → JSON → validated dataset → comparison with
/// `local`. This is what the benchmark times against `JSON.parse`.
pub fn read_import(local: &Dataset, bytes: &[u8]) -> Result<ReadImport, Vec<Problem>> {
    let decoded = read_dataset_bytes(bytes)?;
    let preview = preview(local, &decoded.dataset);
    Ok(ReadImport {
        incoming: decoded.dataset,
        warnings: decoded.warnings,
        preview,
    })
}

/// One line of a change's diff: a key and its value on each side, as text (`None`: absent).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FieldDiff {
    pub field: String,
    pub mine: Option<String>,
    pub theirs: Option<String>,
}

/// The keys of an activity in schema order, as written in files.
pub const ACTIVITY_FIELDS: [&str; super::dataset::ACTIVITY_KEYS.len()] =
    super::dataset::ACTIVITY_KEYS;

/// The keys whose values differ between two versions of an activity: known keys in schema order, then
/// unknown keys (mine's order, then keys only theirs has).
pub fn changed_fields(mine: &Activity, theirs: &Activity) -> Vec<String> {
    let mut fields: Vec<String> = ACTIVITY_FIELDS
        .iter()
        .filter(|key| !same_field(mine, theirs, key))
        .map(|key| key.to_string())
        .collect();
    for (key, value) in &mine.unknown {
        if theirs.unknown.get(key) != Some(value) {
            fields.push(key.clone());
        }
    }
    for key in theirs.unknown.keys() {
        if !mine.unknown.contains_key(key) {
            fields.push(key.clone());
        }
    }
    fields
}

fn same_field(mine: &Activity, theirs: &Activity, key: &str) -> bool {
    match key {
        "id" => mine.id == theirs.id,
        "title" => mine.title == theirs.title,
        "summary" => mine.summary == theirs.summary,
        "measures" => mine.measures == theirs.measures,
        "directions" => mine.directions == theirs.directions,
        "fields" => mine.fields == theirs.fields,
        "scope" => mine.scope == theirs.scope,
        "countries" => mine.countries == theirs.countries,
        "start" => mine.start == theirs.start,
        "end" => mine.end == theirs.end,
        "status" => mine.status == theirs.status,
        "confidence" => mine.confidence == theirs.confidence,
        "partOf" => mine.part_of == theirs.part_of,
        "followUps" => mine.follow_ups == theirs.follow_ups,
        "sources" => mine.sources == theirs.sources,
        "updated" => mine.updated == theirs.updated,
        _ => true,
    }
}

/// The field-by-field diff of one changed activity, for display.
pub fn field_diffs(mine: &Activity, theirs: &Activity) -> Vec<FieldDiff> {
    changed_fields(mine, theirs)
        .into_iter()
        .map(|field| FieldDiff {
            mine: describe_field(mine, &field),
            theirs: describe_field(theirs, &field),
            field,
        })
        .collect()
}

/// One key of an activity as readable text; `None` when the activity does not have it.
pub fn describe_field(activity: &Activity, key: &str) -> Option<String> {
    fn non_empty(list: Vec<String>, separator: &str) -> Option<String> {
        (!list.is_empty()).then(|| list.join(separator))
    }
    match key {
        "id" => Some(activity.id.clone()),
        "title" => Some(activity.title.clone()),
        "summary" => activity.summary.clone(),
        "measures" => Some(if activity.measures.is_empty() {
            "none (dialogue or exchange)".to_string()
        } else {
            activity
                .measures
                .iter()
                .map(|m| m.short_label())
                .collect::<Vec<_>>()
                .join(", ")
        }),
        "directions" => non_empty(
            activity
                .directions
                .iter()
                .map(|d| d.name().to_string())
                .collect(),
            "; ",
        ),
        "fields" => non_empty(activity.fields.clone(), "; "),
        "scope" => Some(activity.scope.name().to_string()),
        "countries" => non_empty(
            activity
                .countries
                .iter()
                .map(|c| c.name().to_string())
                .collect(),
            ", ",
        ),
        "start" => Some(activity.start.to_string()),
        "end" => Some(
            activity
                .end
                .map_or("ongoing".to_string(), |e| e.to_string()),
        ),
        "status" => activity.status.map(|s| s.name().to_string()),
        "confidence" => activity.confidence.map(|c| c.name().to_string()),
        "partOf" => activity.part_of.clone(),
        "followUps" => non_empty(
            activity
                .follow_ups
                .iter()
                .map(|f| format!("{}: {}", f.year, f.note))
                .collect(),
            "\n",
        ),
        "sources" => non_empty(
            activity
                .sources
                .iter()
                .map(|s| match &s.title {
                    Some(title) => format!("{title} <{}>", s.url),
                    None => s.url.clone(),
                })
                .collect(),
            "\n",
        ),
        "updated" => activity.updated.clone(),
        other => activity.unknown.get(other).map(compact_json),
    }
}

fn compact_json(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// Which `updated` time is later. Times are compared as instants, so `10:00+09:00` is earlier than
/// `02:00Z`; a side with a readable time beats a side without one.
pub fn newer_side(mine: Option<&str>, theirs: Option<&str>) -> Option<Side> {
    let mine = mine.and_then(instant_nanos);
    let theirs = theirs.and_then(instant_nanos);
    match (mine, theirs) {
        (Some(m), Some(t)) if t > m => Some(Side::Theirs),
        (Some(m), Some(t)) if m > t => Some(Side::Mine),
        (Some(_), None) => Some(Side::Mine),
        (None, Some(_)) => Some(Side::Theirs),
        _ => None,
    }
}

/// An RFC 3339 date-time as nanoseconds since 1970-01-01T00:00:00Z, or `None` when unreadable.
pub fn instant_nanos(text: &str) -> Option<i128> {
    if !super::validate::is_rfc3339(text) {
        return None;
    }
    let bytes = text.as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<i64> { text.get(range)?.parse().ok() };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    let mut rest = &bytes[19..];
    let mut nanos: i128 = 0;
    if let Some(fraction) = rest.strip_prefix(b".") {
        let digits = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        for (position, digit) in fraction[..digits].iter().enumerate() {
            if position < 9 {
                nanos += i128::from(digit - b'0') * 10_i128.pow(8 - position as u32);
            }
        }
        rest = &fraction[digits..];
    }
    let offset_seconds: i64 = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let two = |a: u8, b: u8| i64::from(a - b'0') * 10 + i64::from(b - b'0');
            let seconds = two(*h1, *h2) * 3600 + two(*m1, *m2) * 60;
            if *sign == b'-' {
                -seconds
            } else {
                seconds
            }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset_seconds;
    Some(i128::from(seconds) * 1_000_000_000 + nanos)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (the classic era-based conversion).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// Problems that share a message, shown once with every place they occur.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProblemGroup {
    pub severity: Severity,
    pub message: String,
    /// JSON paths (or `line L, column C`), in file order; empty strings for whole-file problems.
    pub paths: Vec<String>,
    /// The offending text of the group's first problem, if it has one (a syntax error, always alone).
    pub snippet: Option<Snippet>,
}

/// Groups problems by severity and message, errors first, each group in the order it first occurs, so
/// that 500 copies of one mistake read as one line with a count.
pub fn group_problems(problems: &[Problem]) -> Vec<ProblemGroup> {
    let mut groups: Vec<ProblemGroup> = Vec::new();
    let mut index: HashMap<(bool, &str), usize> = HashMap::new();
    for problem in problems {
        let key = (problem.is_error(), problem.message.as_str());
        match index.get(&key) {
            Some(&at) => groups[at].paths.push(problem.path.clone()),
            None => {
                index.insert(key, groups.len());
                groups.push(ProblemGroup {
                    severity: problem.severity,
                    message: problem.message.clone(),
                    paths: vec![problem.path.clone()],
                    snippet: problem.snippet.clone(),
                });
            }
        }
    }
    // A stable sort keeps file order within errors and within warnings.
    super::sorting::sort_by(&mut groups, |a, b| a.severity.cmp(&b.severity));
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixtures::ActivityBuilder;
    use crate::model::vision::{Measure, MemberState, Scope};
    use crate::model::{default_dataset, Activity};

    fn dataset(activities: Vec<Activity>) -> Dataset {
        Dataset {
            activities,
            ..Dataset::empty("T")
        }
    }

    #[test]
    fn preview_counts_added_changed_unchanged_and_only_here() {
        let local = dataset(vec![
            ActivityBuilder::new("a").title("A").start(2018).build(),
            ActivityBuilder::new("b").title("B").start(2018).build(),
            ActivityBuilder::new("c").title("C").start(2018).build(),
        ]);
        let incoming = dataset(vec![
            ActivityBuilder::new("d").title("D").start(2018).build(),
            ActivityBuilder::new("b")
                .title("B changed")
                .start(2018)
                .build(),
            ActivityBuilder::new("a").title("A").start(2018).build(),
            ActivityBuilder::new("e").title("E").start(2018).build(),
        ]);
        let preview = preview(&local, &incoming);
        assert_eq!(preview.added, vec![0, 3]);
        assert_eq!(preview.unchanged, 1);
        assert_eq!(preview.only_here, vec![2]);
        assert_eq!(preview.changed.len(), 1);
        let change = &preview.changed[0];
        assert_eq!(
            (
                change.id.as_str(),
                change.local_index,
                change.incoming_index
            ),
            ("b", 1, 1)
        );
        assert_eq!(change.fields, vec!["title"]);
        assert_eq!(change.newer, None);
    }

    #[test]
    fn the_default_dataset_against_itself_changes_nothing() {
        let local = default_dataset();
        let preview = preview(&local, &local);
        assert_eq!(preview.unchanged, 246);
        assert!(preview.adds_or_changes_nothing());
        assert!(preview.only_here.is_empty());
        assert_eq!(
            merge(&local, &local, &Resolution::default()),
            local,
            "merge(a, a) = a"
        );
    }

    #[test]
    fn field_diffs_name_every_changed_key_with_both_values() {
        let mine = ActivityBuilder::new("a")
            .title("Ship Rider")
            .start(2018)
            .build();
        let mut theirs = mine.clone();
        theirs.title = "Ship Rider Cooperation Program".into();
        theirs.measures = vec![Measure::CapacityBuilding, Measure::JointTraining];
        theirs.scope = Scope::MemberStates;
        theirs.countries = vec![MemberState::VietNam];
        theirs.end = None;
        theirs
            .unknown
            .insert("x-note".into(), serde_json::json!({"k": 1}));
        let diffs = field_diffs(&mine, &theirs);
        let rows: Vec<(&str, Option<&str>, Option<&str>)> = diffs
            .iter()
            .map(|d| (d.field.as_str(), d.mine.as_deref(), d.theirs.as_deref()))
            .collect();
        assert_eq!(
            rows,
            vec![
                (
                    "title",
                    Some("Ship Rider"),
                    Some("Ship Rider Cooperation Program")
                ),
                (
                    "measures",
                    Some("none (dialogue or exchange)"),
                    Some("CBC, JTE")
                ),
                ("scope", Some("ASEAN-wide"), Some("Member states")),
                ("countries", None, Some("Viet Nam")),
                ("end", Some("2018"), Some("ongoing")),
                ("x-note", None, Some("{\"k\":1}")),
            ]
        );
    }

    #[test]
    fn conflict_policies_table() {
        let older = "2025-01-01T00:00:00Z";
        let newer = "2025-06-01T00:00:00Z";
        // (mine's updated, theirs' updated, policy, side kept)
        let cases = [
            (
                Some(older),
                Some(newer),
                ConflictPolicy::NewerWins,
                Side::Theirs,
            ),
            (
                Some(newer),
                Some(older),
                ConflictPolicy::NewerWins,
                Side::Mine,
            ),
            (
                Some(newer),
                Some(newer),
                ConflictPolicy::NewerWins,
                Side::Mine,
            ),
            (None, None, ConflictPolicy::NewerWins, Side::Mine),
            (None, Some(older), ConflictPolicy::NewerWins, Side::Theirs),
            (Some(older), None, ConflictPolicy::NewerWins, Side::Mine),
            (
                Some(older),
                Some(newer),
                ConflictPolicy::KeepMine,
                Side::Mine,
            ),
            (
                Some(newer),
                Some(older),
                ConflictPolicy::TakeTheirs,
                Side::Theirs,
            ),
        ];
        // The record "a" as one side has it, stamped with that side's update time when it has one.
        let side = |title: &str, updated: Option<&str>| {
            let record = ActivityBuilder::new("a").title(title).start(2018);
            match updated {
                Some(timestamp) => record.updated(timestamp),
                None => record,
            }
            .build()
        };
        for (mine_time, theirs_time, policy, expected) in cases {
            let local = dataset(vec![side("mine", mine_time)]);
            let incoming = dataset(vec![side("theirs", theirs_time)]);
            let merged = merge(&local, &incoming, &Resolution::with_policy(policy));
            let kept = if merged.activities[0].title == "mine" {
                Side::Mine
            } else {
                Side::Theirs
            };
            assert_eq!(
                kept, expected,
                "{mine_time:?} vs {theirs_time:?} with {policy:?}"
            );
            assert_eq!(merged.activities.len(), 1);
        }
    }

    #[test]
    fn a_choice_per_record_overrides_the_policy() {
        let local = dataset(vec![
            ActivityBuilder::new("a")
                .title("mine a")
                .start(2018)
                .build(),
            ActivityBuilder::new("b")
                .title("mine b")
                .start(2018)
                .build(),
        ]);
        let incoming = dataset(vec![
            ActivityBuilder::new("a")
                .title("theirs a")
                .start(2018)
                .build(),
            ActivityBuilder::new("b")
                .title("theirs b")
                .start(2018)
                .build(),
        ]);
        let mut resolution = Resolution::with_policy(ConflictPolicy::TakeTheirs);
        resolution.per_record.insert("b".into(), Side::Mine);
        let merged = merge(&local, &incoming, &resolution);
        let titles: Vec<_> = merged.activities.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["theirs a", "mine b"]);
    }

    #[test]
    fn merge_keeps_local_order_appends_new_ones_and_keeps_every_key() {
        let mut local = dataset(vec![
            ActivityBuilder::new("b").title("B").start(2018).build(),
            ActivityBuilder::new("a").title("A").start(2018).build(),
        ]);
        local.unknown.insert("x-mine".into(), Value::from(1));
        let mut incoming = dataset(vec![
            ActivityBuilder::new("z").title("Z").start(2018).build(),
            ActivityBuilder::new("c").title("C").start(2018).build(),
        ]);
        incoming.title = "Their title".into();
        incoming.description = Some("Their description".into());
        incoming.unknown.insert("x-mine".into(), Value::from(2));
        incoming.unknown.insert("x-theirs".into(), Value::from(3));
        let merged = merge(&local, &incoming, &Resolution::default());
        let ids: Vec<_> = merged.activities.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["b", "a", "z", "c"]);
        assert_eq!(merged.title, "T");
        assert_eq!(merged.description.as_deref(), Some("Their description"));
        assert_eq!(merged.unknown.get("x-mine"), Some(&Value::from(1)));
        assert_eq!(merged.unknown.get("x-theirs"), Some(&Value::from(3)));
        let replaced = apply(
            &local,
            &incoming,
            ImportMode::Replace,
            &Resolution::default(),
        );
        assert_eq!(replaced, incoming);
    }

    #[test]
    fn instants_compare_across_time_zones() {
        let cases = [
            ("1970-01-01T00:00:00Z", Some(0)),
            ("1970-01-02T00:00:00Z", Some(86_400_000_000_000)),
            ("2000-03-01T00:00:00Z", Some(951_868_800_000_000_000)),
            ("1970-01-01T09:00:00+09:00", Some(0)),
            ("1969-12-31T23:00:00-01:00", Some(0)),
            ("1970-01-01T00:00:00.25Z", Some(250_000_000)),
            ("1970-01-01T00:00:00.1234567891Z", Some(123_456_789)),
            ("yesterday", None),
        ];
        for (text, expected) in cases {
            assert_eq!(instant_nanos(text), expected, "{text}");
        }
        assert_eq!(
            newer_side(
                Some("2026-01-01T10:00:00+09:00"),
                Some("2026-01-01T02:00:00Z")
            ),
            Some(Side::Theirs)
        );
    }

    #[test]
    fn read_import_refuses_bad_files_and_previews_good_ones() {
        let local = default_dataset();
        let problems = read_import(&local, b"{\"format\": \"vientiane-vision\"").unwrap_err();
        assert!(problems[0].message.contains("truncated"));
        let read = read_import(&local, local.to_export_json().as_bytes()).expect("round trip");
        assert_eq!(read.preview.unchanged, 246);
        // Its only warnings are the eight records with Timor-Leste from before it joined ASEAN.
        assert_eq!(read.warnings.len(), 8, "{:?}", read.warnings);
        assert!(read
            .warnings
            .iter()
            .all(|w| w.message == "Timor-Leste joined ASEAN only in 2025, after this activity"));
    }

    #[test]
    fn problems_group_by_message_errors_first() {
        let problems = vec![
            Problem::warning("activities[0].fields[0]", "unusual label"),
            Problem::error("activities[0].measures[0]", "\"XYZ\" is not a measure"),
            Problem::error("activities[1].measures[0]", "\"XYZ\" is not a measure"),
            Problem::error("activities[1].end", "2010 is before the start year 2017"),
            Problem::error("activities[2].measures[0]", "\"XYZ\" is not a measure"),
        ];
        let groups = group_problems(&problems);
        let summary: Vec<(Severity, &str, usize)> = groups
            .iter()
            .map(|g| (g.severity, g.message.as_str(), g.paths.len()))
            .collect();
        assert_eq!(
            summary,
            vec![
                (Severity::Error, "\"XYZ\" is not a measure", 3),
                (Severity::Error, "2010 is before the start year 2017", 1),
                (Severity::Warning, "unusual label", 1),
            ]
        );
        assert_eq!(groups[0].paths[2], "activities[2].measures[0]");
    }

    #[test]
    fn policy_and_side_codes_round_trip() {
        for policy in ConflictPolicy::ALL {
            assert_eq!(ConflictPolicy::from_code(policy.code()), Some(policy));
        }
        assert_eq!(ConflictPolicy::default().code(), "newer");
        for side in [Side::Mine, Side::Theirs] {
            assert_eq!(Side::from_code(side.code()), Some(side));
        }
    }
}
