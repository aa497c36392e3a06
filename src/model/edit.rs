//! The activity editor's form as plain data, and the way from the form back to an [`Activity`].
//!
//! A [`Draft`] holds an activity the way a form holds it: years as the text the user typed, lists that
//! grow and shrink while being edited. Turning it back into an activity runs the *same* validation as
//! import ([`validate_activity`]), so a record the editor accepts is a record a file may contain, and every
//! problem carries the JSON path (`title`, `countries[0]`, `sources[1].url`) the form shows it next to.
//! Keys of the record this version does not know are carried through untouched.

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};

use super::dataset::{Activity, Dataset, FollowUp, Source, UnknownKeys};
use super::rules::{self, YEAR_RANGE};
use super::validate::{validate_activity, Problem};
use super::vision::{Confidence, Direction, Measure, MemberState, Scope, Status};

/// The prefix of the ids the editor gives new activities (`NEW-080`).
pub const NEW_ID_PREFIX: &str = "NEW";

/// An activity as the editor's form holds it.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub id: String,
    pub title: String,
    /// Empty means no summary.
    pub summary: String,
    pub measures: Vec<Measure>,
    pub directions: Vec<Direction>,
    pub fields: Vec<String>,
    pub scope: Scope,
    /// Kept while the scope is ASEAN-wide, so that switching the scope back restores the choice; an
    /// ASEAN-wide activity is saved without countries.
    pub countries: Vec<MemberState>,
    /// The start year as typed.
    pub start: String,
    /// The end year as typed; empty while the activity is ongoing.
    pub end: String,
    pub status: Option<Status>,
    /// `None` reads as verified and stays `None` unless the user marks the record uncertain, so an
    /// untouched record is saved as it was read.
    pub confidence: Option<Confidence>,
    /// The id of the programme this activity is a dated event of; empty means none.
    pub part_of: String,
    pub follow_ups: Vec<FollowUpDraft>,
    pub sources: Vec<SourceDraft>,
    /// Keys of the record this version does not know, kept verbatim.
    pub unknown: UnknownKeys,
    /// The activity the form was made from. Saving starts from it, so that a key of `Activity` the
    /// form does not show is carried through without the editor having to name it.
    pub record: Activity,
}

/// A follow-up note as the form holds it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FollowUpDraft {
    pub year: String,
    pub note: String,
    /// The follow-up's own sources: the form shows them but does not edit them, and keeps them.
    pub sources: Vec<Source>,
    pub unknown: UnknownKeys,
}

/// A source as the form holds it; an empty title or access date means none.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SourceDraft {
    pub url: String,
    pub title: String,
    pub accessed: String,
    pub unknown: UnknownKeys,
}

impl Draft {
    /// A blank form for a new activity with the id `id`, starting in `year`.
    pub fn blank(id: impl Into<String>, year: i32) -> Draft {
        let mut draft = Draft::from_activity(&Activity::new(id, "", year));
        // A new activity is open-ended until the user says when it ends.
        draft.end.clear();
        draft
    }

    /// The form for an existing activity.
    pub fn from_activity(activity: &Activity) -> Draft {
        Draft {
            id: activity.id.clone(),
            title: activity.title.clone(),
            summary: activity.summary.clone().unwrap_or_default(),
            measures: activity.measures.clone(),
            directions: activity.directions.clone(),
            fields: activity.fields.clone(),
            scope: activity.scope,
            countries: activity.countries.clone(),
            start: activity.start.to_string(),
            end: activity.end.map(|end| end.to_string()).unwrap_or_default(),
            status: activity.status,
            confidence: activity.confidence,
            part_of: activity.part_of.clone().unwrap_or_default(),
            follow_ups: activity
                .follow_ups
                .iter()
                .map(|f| FollowUpDraft {
                    year: f.year.to_string(),
                    note: f.note.clone(),
                    sources: f.sources.clone(),
                    unknown: f.unknown.clone(),
                })
                .collect(),
            sources: activity
                .sources
                .iter()
                .map(|s| SourceDraft {
                    url: s.url.clone(),
                    title: s.title.clone().unwrap_or_default(),
                    accessed: s.accessed.clone().unwrap_or_default(),
                    unknown: s.unknown.clone(),
                })
                .collect(),
            unknown: activity.unknown.clone(),
            record: activity.clone(),
        }
    }

    /// The form for a copy of `activity`: a new record (saved only when the user saves) with a free id.
    pub fn duplicate(activity: &Activity, dataset: &Dataset) -> Draft {
        let mut draft = Draft::from_activity(activity);
        draft.id = copy_id(dataset, &activity.id);
        draft.title = format!("{} (copy)", activity.title.trim_end());
        draft
    }

    /// Ticks or unticks a measure. A newly ticked measure goes last, so that the order of a record read
    /// from a file is never shuffled by the editor.
    pub fn set_measure(&mut self, measure: Measure, on: bool) {
        toggle(&mut self.measures, measure, on);
    }

    /// Ticks or unticks a direction. Directions the converter derived stop being marked as derived:
    /// from now on they are the user's choice.
    pub fn set_direction(&mut self, direction: Direction, on: bool) {
        toggle(&mut self.directions, direction, on);
        self.unknown.shift_remove(super::directions::DERIVED_KEY);
    }

    /// Whether the directions are still the ones derived from measures and fields.
    pub fn directions_derived(&self) -> bool {
        super::directions::marked_derived(&self.unknown)
    }

    pub fn set_country(&mut self, state: MemberState, on: bool) {
        toggle(&mut self.countries, state, on);
    }

    /// Sets the confidence from the form's choice, keeping "not stated" when the user leaves it at the
    /// default.
    pub fn set_confidence(&mut self, confidence: Confidence) {
        if self.confidence.is_some() || confidence != Confidence::default() {
            self.confidence = Some(confidence);
        }
    }

    /// Every problem with the form: errors (which block saving) and warnings, each with its JSON path.
    /// `original_id` is the id of the record being edited (`None` for a new one), which may be kept.
    pub fn problems(&self, dataset: &Dataset, original_id: Option<&str>) -> Vec<Problem> {
        self.check(dataset, original_id, None).1
    }

    /// The activity to save, with `updated` set to `now` (RFC 3339), or every problem when any of them
    /// is an error.
    pub fn build(
        &self,
        dataset: &Dataset,
        original_id: Option<&str>,
        now: &str,
    ) -> Result<Activity, Vec<Problem>> {
        let (activity, problems) = self.check(dataset, original_id, Some(now));
        if problems.iter().any(Problem::is_error) {
            Err(problems)
        } else {
            Ok(activity)
        }
    }

    fn check(
        &self,
        dataset: &Dataset,
        original_id: Option<&str>,
        now: Option<&str>,
    ) -> (Activity, Vec<Problem>) {
        let mut problems = Vec::new();
        let (low, _) = YEAR_RANGE;
        // A year that cannot be read is reported here; the record is then checked with a stand-in that
        // no rule can object to, so that each mistake is reported once.
        let start = read_year(&self.start, "start", true, &mut problems).unwrap_or(low);
        let end = read_year(&self.end, "end", false, &mut problems);
        let follow_ups = self
            .follow_ups
            .iter()
            .enumerate()
            .map(|(index, f)| FollowUp {
                year: read_year(
                    &f.year,
                    &format!("followUps[{index}].year"),
                    true,
                    &mut problems,
                )
                .unwrap_or(start),
                note: f.note.trim().to_string(),
                sources: f.sources.clone(),
                unknown: f.unknown.clone(),
            })
            .collect();
        // Every key the form holds is set here; the struct update carries any other key of the record.
        #[allow(clippy::needless_update)]
        let activity = Activity {
            id: self.id.trim().to_string(),
            title: self.title.trim().to_string(),
            summary: non_empty(&self.summary),
            measures: self.measures.clone(),
            directions: self.directions.clone(),
            fields: self.fields.iter().map(|f| f.trim().to_string()).collect(),
            scope: self.scope,
            countries: match self.scope {
                Scope::AseanWide => Vec::new(),
                Scope::MemberStates => self.countries.clone(),
            },
            start,
            end,
            status: self.status,
            confidence: self.confidence,
            part_of: non_empty(&self.part_of),
            follow_ups,
            sources: self
                .sources
                .iter()
                .map(|s| Source {
                    url: s.url.trim().to_string(),
                    title: non_empty(&s.title),
                    accessed: non_empty(&s.accessed),
                    unknown: s.unknown.clone(),
                })
                .collect(),
            updated: now.map(str::to_string),
            unknown: self.unknown.clone(),
            ..self.record.clone()
        };
        // Only the one id that could clash matters, so the set holds at most one entry.
        let taken: HashSet<&str> = dataset
            .activities
            .iter()
            .map(|a| a.id.as_str())
            .filter(|id| *id == activity.id && Some(*id) != original_id)
            .take(1)
            .collect();
        problems.extend(validate_activity(&activity, &taken));
        problems.extend(part_of_warning(&activity, dataset));
        (activity, problems)
    }
}

/// A warning when the programme `partOf` names would not take the activity in (`model::programmes`):
/// no such activity in the dataset, or one that is itself a dated event. Saving is allowed: the activity
/// then counts as its own, as the rule says.
fn part_of_warning(activity: &Activity, dataset: &Dataset) -> Option<Problem> {
    let programme_id = activity.part_of.as_deref()?;
    if rules::part_of_fault(programme_id, Some(&activity.id)).is_some() {
        // Validation already refuses it.
        return None;
    }
    if super::programmes::programme_of(dataset, activity).is_some() {
        return None;
    }
    let message = if dataset.activity(programme_id).is_none() {
        format!(
            "no activity has the id \"{programme_id}\"; until one has, this activity counts as its own"
        )
    } else {
        format!(
            "\"{programme_id}\" is itself a dated event of a programme, so this activity counts as its own"
        )
    };
    Some(Problem::warning("partOf", message))
}

/// An id for a copy of `original`: `original-copy`, then `original-copy-2`, … never one already used.
pub fn copy_id(dataset: &Dataset, original: &str) -> String {
    let taken: HashSet<&str> = dataset.activities.iter().map(|a| a.id.as_str()).collect();
    (1..=dataset.activities.len() + 1)
        .map(|n| {
            let suffix = if n == 1 {
                "-copy".to_string()
            } else {
                format!("-copy-{n}")
            };
            // Cut the original so that the id stays within the format's limit (ids are ASCII).
            let keep = rules::ACTIVITY_ID
                .max_chars
                .saturating_sub(suffix.len())
                .min(original.len());
            format!("{}{suffix}", original.get(..keep).unwrap_or(original))
        })
        .find(|candidate| !taken.contains(candidate.as_str()))
        .unwrap_or_else(|| dataset.fresh_id(NEW_ID_PREFIX))
}

/// Turns the browser's `Date.toISOString()` (`2026-11-27T10:00:00.123Z`) into the whole-second UTC time
/// the records carry (`2026-11-27T10:00:00Z`). Anything else is returned unchanged, for validation to
/// report.
pub fn utc_timestamp(iso: &str) -> String {
    match (iso.get(..19), iso.ends_with('Z')) {
        (Some(seconds), true) if iso.get(19..20).is_none_or(|c| c == "." || c == "Z") => {
            format!("{seconds}Z")
        }
        _ => iso.to_string(),
    }
}

/// A title shortened for messages ("Deleted “…”."), cut at a word where possible.
pub fn short_title(title: &str) -> String {
    const LIMIT: usize = 60;
    let title = title.trim();
    if title.chars().count() <= LIMIT {
        return title.to_string();
    }
    let cut: String = title.chars().take(LIMIT).collect();
    let at_word = cut
        .rfind(' ')
        .filter(|&space| space >= LIMIT / 2)
        .map_or(cut.as_str(), |space| &cut[..space]);
    format!("{}…", at_word.trim_end())
}

/// A key that changes whenever anything about the activity changes: the activities list keys its rows
/// by it, so an edited record is drawn again while untouched rows are kept. It hashes the typed keys
/// directly (no serialization: the list computes it for every row it shows, on every keystroke).
pub fn revision(activity: &Activity) -> u64 {
    let mut h = DefaultHasher::new();
    let a = activity;
    (&a.id, &a.title, &a.summary, &a.fields, &a.updated).hash(&mut h);
    (a.scope, &a.measures, &a.directions, &a.countries).hash(&mut h);
    (a.start, a.end, a.status, a.confidence, &a.part_of).hash(&mut h);
    for f in &a.follow_ups {
        (f.year, &f.note).hash(&mut h);
        for s in &f.sources {
            (&s.url, &s.title, &s.accessed).hash(&mut h);
        }
    }
    for s in &a.sources {
        (&s.url, &s.title, &s.accessed).hash(&mut h);
    }
    // Keys this version does not know are rare; they are hashed through their JSON text.
    if !a.unknown.is_empty() {
        serde_json::to_string(&a.unknown)
            .unwrap_or_default()
            .hash(&mut h);
    }
    h.finish()
}

/// The id of the form control for a problem's path (`sources[1].url` → `field-sources-1-url`), shared by
/// the control's `aria-describedby` and the message it points to.
pub fn control_id(path: &str) -> String {
    let mut id = String::from("field");
    for part in path.split(|c: char| !c.is_ascii_alphanumeric()) {
        if !part.is_empty() {
            id.push('-');
            id.push_str(part);
        }
    }
    id
}

/// A problem's path in the form's own words (`sources[1].url` → "Source 2, address"), for the list of
/// problems shown when a save is refused.
pub fn path_label(path: &str) -> String {
    let mut parts = path.split('.');
    let head = parts.next().unwrap_or_default();
    let (key, index) = match head.split_once('[') {
        Some((key, rest)) => (key, rest.trim_end_matches(']').parse::<usize>().ok()),
        None => (head, None),
    };
    let entry = |name: &str| match index {
        Some(i) => format!("{name} {}", i + 1),
        None => name.to_string(),
    };
    let base = match key {
        "id" => "Id".to_string(),
        "title" => "Title".to_string(),
        "summary" => "Summary".to_string(),
        "measures" => "Measures".to_string(),
        "directions" => "Directions".to_string(),
        "scope" => "Scope".to_string(),
        "countries" => "Member states".to_string(),
        "start" => "Start year".to_string(),
        "end" => "End year".to_string(),
        "status" => "Status".to_string(),
        "confidence" => "Confidence".to_string(),
        "partOf" => "Part of programme".to_string(),
        "updated" => "Last updated".to_string(),
        "fields" => entry("Field"),
        "followUps" => entry("Follow-up"),
        "sources" => entry("Source"),
        other => other.to_string(),
    };
    match parts.next() {
        Some("url") => format!("{base}, address"),
        Some("accessed") => format!("{base}, date accessed"),
        Some(sub) => format!("{base}, {sub}"),
        None => base,
    }
}

/// The problems reported at exactly `path`.
pub fn problems_at<'a>(
    problems: &'a [Problem],
    path: &'a str,
) -> impl Iterator<Item = &'a Problem> {
    problems.iter().filter(move |p| p.path == path)
}

/// The problems reported on a list or anywhere inside it (`countries`, `countries[2]`), for a group of
/// checkboxes that has one message area.
pub fn problems_within<'a>(
    problems: &'a [Problem],
    key: &'a str,
) -> impl Iterator<Item = &'a Problem> {
    problems.iter().filter(move |p| {
        p.path
            .strip_prefix(key)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('['))
    })
}

fn toggle<T: PartialEq>(list: &mut Vec<T>, value: T, on: bool) {
    let present = list.contains(&value);
    if on && !present {
        list.push(value);
    } else if !on && present {
        list.retain(|v| *v != value);
    }
}

fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// Reads a year typed into the form. `None` when it is empty (reported when `required`) or unreadable
/// (always reported); a readable year outside the accepted range is left to validation.
fn read_year(text: &str, path: &str, required: bool, problems: &mut Vec<Problem>) -> Option<i32> {
    let text = text.trim();
    if text.is_empty() {
        if required {
            problems.push(Problem::error(path, "is missing: give a year such as 2016"));
        }
        return None;
    }
    match text.parse::<i32>() {
        Ok(year) => Some(year),
        Err(_) => {
            problems.push(Problem::error(
                path,
                format!("\"{text}\" is not a year; write it with four digits, such as 2016"),
            ));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate::{is_rfc3339, Severity};
    use serde_json::Value;

    const NOW: &str = "2026-11-27T10:00:00Z";

    /// Setting and clearing `partOf` in the form: what is saved, and what the form says.
    #[test]
    fn part_of_is_set_cleared_and_checked() {
        let mut dataset = Dataset::empty("t");
        dataset
            .activities
            .push(Activity::new("PROG", "Programme", 2010));
        let mut event = Activity::new("EV", "Event", 2012);
        event.part_of = Some("PROG".into());
        dataset.activities.push(event.clone());
        let mut draft = Draft::from_activity(&event);
        assert_eq!(draft.part_of, "PROG");
        // What is typed, what is saved, and the problem the form shows at `partOf`.
        type Case = (
            &'static str,
            Option<&'static str>,
            Option<(Severity, &'static str)>,
        );
        let cases: [Case; 5] = [
            ("PROG", Some("PROG"), None),
            ("  ", None, None),
            (
                "NOWHERE",
                Some("NOWHERE"),
                Some((Severity::Warning, "no activity has the id \"NOWHERE\"")),
            ),
            (
                "EV",
                None,
                Some((Severity::Error, "names the activity itself")),
            ),
            (
                "two words",
                None,
                Some((Severity::Error, "\"two words\" is not an id")),
            ),
        ];
        for (typed, saved, problem) in cases {
            draft.part_of = typed.to_string();
            let problems = draft.problems(&dataset, Some("EV"));
            let at: Vec<&Problem> = problems.iter().filter(|p| p.path == "partOf").collect();
            match problem {
                None => assert!(at.is_empty(), "{typed:?}: {at:?}"),
                Some((severity, fragment)) => {
                    assert_eq!(at.len(), 1, "{typed:?}: {at:?}");
                    assert_eq!(at[0].severity, severity, "{typed:?}");
                    assert!(
                        at[0].message.contains(fragment),
                        "{typed:?}: {}",
                        at[0].message
                    );
                }
            }
            if problem.is_none_or(|(s, _)| s == Severity::Warning) {
                let built = draft.build(&dataset, Some("EV"), NOW).expect("saves");
                assert_eq!(built.part_of.as_deref(), saved, "{typed:?}");
            }
        }
        // A programme that is itself an event: a warning, the activity counts as its own.
        let mut other = Draft::blank("NEW-1", 2015);
        other.title = "Another".into();
        other.part_of = "EV".into();
        let problems = other.problems(&dataset, None);
        assert!(problems
            .iter()
            .any(|p| p.path == "partOf" && p.message.contains("is itself a dated event")));
    }

    fn dataset() -> Dataset {
        let mut dataset = Dataset::empty("T");
        let mut ship_rider = Activity::new("SR", "Ship Rider", 2017);
        ship_rider.measures = vec![Measure::InternationalLaw, Measure::JointTraining];
        ship_rider
            .unknown
            .insert("zLater".into(), Value::String("kept".into()));
        ship_rider.sources.push(Source {
            url: "https://www.mod.go.jp/".into(),
            title: None,
            accessed: Some("2026-01-02".into()),
            unknown: [("lang".to_string(), Value::String("ja".into()))]
                .into_iter()
                .collect(),
        });
        ship_rider.follow_ups.push(FollowUp {
            year: 2017,
            note: "Held".into(),
            sources: vec![Source {
                url: "https://www.mod.go.jp/en/".into(),
                title: None,
                accessed: None,
                unknown: UnknownKeys::new(),
            }],
            unknown: UnknownKeys::new(),
        });
        dataset.activities.push(ship_rider);
        let mut vietnam = Activity::new("VN", "Underwater medicine", 2012);
        vietnam.scope = Scope::MemberStates;
        vietnam.countries = vec![MemberState::VietNam];
        vietnam.end = None;
        vietnam.confidence = Some(Confidence::Uncertain);
        dataset.activities.push(vietnam);
        dataset
    }

    fn paths(problems: &[Problem]) -> Vec<(&str, Severity)> {
        problems
            .iter()
            .map(|p| (p.path.as_str(), p.severity))
            .collect()
    }

    #[test]
    fn an_untouched_record_saves_as_it_was_read_apart_from_updated() {
        let dataset = dataset();
        for original in &dataset.activities {
            let draft = Draft::from_activity(original);
            let saved = draft
                .build(&dataset, Some(&original.id), NOW)
                .expect("valid");
            let mut expected = original.clone();
            expected.updated = Some(NOW.to_string());
            assert_eq!(saved, expected);
        }
    }

    #[test]
    fn the_default_dataset_round_trips_through_the_form() {
        let dataset = crate::model::default_dataset();
        for original in &dataset.activities {
            let saved = Draft::from_activity(original)
                .build(&dataset, Some(&original.id), NOW)
                .unwrap_or_else(|p| panic!("{}: {p:?}", original.id));
            assert_eq!(saved.updated.as_deref(), Some(NOW));
            let mut back = saved;
            back.updated = original.updated.clone();
            assert_eq!(&back, original);
        }
    }

    /// Each case edits a valid draft of a new member-states activity and names the problems expected.
    #[test]
    fn problems_table() {
        let dataset = dataset();
        let valid = || {
            let mut draft = Draft::blank("NEW-003", 2024);
            draft.title = "Engineering seminar".into();
            draft.scope = Scope::MemberStates;
            draft.set_country(MemberState::VietNam, true);
            draft.set_measure(Measure::CapacityBuilding, true);
            draft.end = "2024".into();
            draft
        };
        /// A name, a change to the valid draft, and the problems expected (path and severity).
        type Case = (&'static str, fn(&mut Draft), Vec<(&'static str, Severity)>);
        let cases: Vec<Case> = vec![
            ("valid", |_| {}, vec![]),
            (
                "empty title",
                |d| d.title = "  ".into(),
                vec![("title", Severity::Error)],
            ),
            ("empty id", |d| d.id.clear(), vec![("id", Severity::Error)]),
            (
                "bad id",
                |d| d.id = "a b".into(),
                vec![("id", Severity::Error)],
            ),
            (
                "taken id",
                |d| d.id = "SR".into(),
                vec![("id", Severity::Error)],
            ),
            (
                "no start",
                |d| d.start.clear(),
                vec![("start", Severity::Error)],
            ),
            (
                "text start",
                |d| d.start = "20x4".into(),
                vec![("start", Severity::Error)],
            ),
            (
                "start out of range",
                |d| d.start = "1800".into(),
                vec![("start", Severity::Error)],
            ),
            (
                "end before start",
                |d| d.end = "2020".into(),
                vec![("end", Severity::Error)],
            ),
            (
                "text end",
                |d| d.end = "soon".into(),
                vec![("end", Severity::Error)],
            ),
            ("ongoing", |d| d.end.clear(), vec![]),
            (
                "member states without countries",
                |d| d.set_country(MemberState::VietNam, false),
                vec![("countries", Severity::Error)],
            ),
            (
                "ASEAN-wide drops the countries",
                |d| d.scope = Scope::AseanWide,
                vec![],
            ),
            (
                "a member before it joined",
                |d| {
                    d.set_country(MemberState::TimorLeste, true);
                },
                vec![("countries[1]", Severity::Warning)],
            ),
            (
                "unknown field label",
                |d| d.fields = vec!["HA/DR".into(), "Basket weaving".into()],
                vec![("fields[1]", Severity::Warning)],
            ),
            (
                "blank field label",
                |d| d.fields = vec![" ".into()],
                vec![("fields[0]", Severity::Error)],
            ),
            (
                "repeated field label",
                |d| d.fields = vec!["PKO".into(), "pko".into()],
                vec![("fields[1]", Severity::Error)],
            ),
            (
                "source without an address",
                |d| d.sources = vec![SourceDraft::default()],
                vec![("sources[0].url", Severity::Error)],
            ),
            (
                "source with a script address",
                |d| {
                    d.sources = vec![
                        SourceDraft {
                            url: "https://example.org/".into(),
                            ..SourceDraft::default()
                        },
                        SourceDraft {
                            url: "javascript:alert(1)".into(),
                            ..SourceDraft::default()
                        },
                    ]
                },
                vec![("sources[1].url", Severity::Error)],
            ),
            (
                "source with a bad date",
                |d| {
                    d.sources = vec![SourceDraft {
                        url: "https://example.org/".into(),
                        accessed: "27/11/2026".into(),
                        ..SourceDraft::default()
                    }]
                },
                vec![("sources[0].accessed", Severity::Error)],
            ),
            (
                "follow-up without a year",
                |d| {
                    d.follow_ups = vec![FollowUpDraft {
                        note: "Held".into(),
                        ..FollowUpDraft::default()
                    }]
                },
                vec![("followUps[0].year", Severity::Error)],
            ),
            (
                "follow-up without a note",
                |d| {
                    d.follow_ups = vec![FollowUpDraft {
                        year: "2024".into(),
                        ..FollowUpDraft::default()
                    }]
                },
                vec![("followUps[0].note", Severity::Error)],
            ),
            (
                "follow-up after the end",
                |d| {
                    d.follow_ups = vec![FollowUpDraft {
                        year: "2025".into(),
                        note: "Extended".into(),
                        ..FollowUpDraft::default()
                    }]
                },
                vec![("followUps[0].year", Severity::Warning)],
            ),
            (
                "unreadable start reported once",
                |d| {
                    d.start = "x".into();
                    d.follow_ups = vec![FollowUpDraft {
                        year: "2024".into(),
                        note: "Held".into(),
                        ..FollowUpDraft::default()
                    }];
                },
                vec![("start", Severity::Error)],
            ),
        ];
        for (name, change, expected) in cases {
            let mut draft = valid();
            change(&mut draft);
            let problems = draft.problems(&dataset, None);
            assert_eq!(paths(&problems), expected, "{name}: {problems:?}");
            let built = draft.build(&dataset, None, NOW);
            let blocked = expected.iter().any(|(_, s)| *s == Severity::Error);
            assert_eq!(built.is_err(), blocked, "{name}");
        }
    }

    #[test]
    fn a_record_may_keep_its_own_id() {
        let dataset = dataset();
        let draft = Draft::from_activity(&dataset.activities[0]);
        assert!(draft.problems(&dataset, Some("SR")).is_empty());
        assert_eq!(
            paths(&draft.problems(&dataset, None)),
            [("id", Severity::Error)]
        );
    }

    #[test]
    fn built_records_trim_text_and_drop_empty_optionals() {
        let dataset = dataset();
        let mut draft = Draft::blank("NEW-003", 2024);
        draft.title = "  Seminar ".into();
        draft.summary = "   ".into();
        draft.scope = Scope::MemberStates;
        draft.set_country(MemberState::Laos, true);
        draft.set_country(MemberState::VietNam, true);
        draft.scope = Scope::AseanWide;
        draft.sources = vec![SourceDraft {
            url: " https://example.org/a ".into(),
            title: " ".into(),
            accessed: String::new(),
            unknown: UnknownKeys::new(),
        }];
        let saved = draft.build(&dataset, None, NOW).expect("valid");
        assert_eq!(saved.title, "Seminar");
        assert_eq!(saved.summary, None);
        assert_eq!(saved.countries, []);
        assert_eq!(saved.end, None, "a blank end means ongoing");
        assert_eq!(saved.sources[0].url, "https://example.org/a");
        assert_eq!(saved.sources[0].title, None);
        assert_eq!(saved.sources[0].accessed, None);
    }

    #[test]
    fn unknown_keys_survive_an_edit() {
        let dataset = dataset();
        let mut draft = Draft::from_activity(&dataset.activities[0]);
        draft.title = "Ship Rider Programme".into();
        let saved = draft.build(&dataset, Some("SR"), NOW).expect("valid");
        assert_eq!(
            saved.unknown.get("zLater"),
            Some(&Value::String("kept".into()))
        );
        assert_eq!(
            saved.sources[0].unknown.get("lang"),
            Some(&Value::String("ja".into()))
        );
        // A follow-up's own sources are not edited by the form, and kept.
        assert_eq!(saved.follow_ups, dataset.activities[0].follow_ups);
        assert_eq!(
            saved.follow_ups[0].sources[0].url,
            "https://www.mod.go.jp/en/"
        );
        let json = serde_json::to_string(&saved).expect("serializes");
        assert!(json.contains("\"zLater\":\"kept\""), "{json}");
    }

    #[test]
    fn toggles_keep_the_order_they_were_read_in() {
        let dataset = dataset();
        let mut draft = Draft::from_activity(&dataset.activities[0]);
        draft.set_measure(Measure::CapacityBuilding, true);
        draft.set_measure(Measure::CapacityBuilding, true);
        draft.set_measure(Measure::InternationalLaw, false);
        assert_eq!(
            draft.measures,
            [Measure::JointTraining, Measure::CapacityBuilding]
        );
        draft.set_direction(Direction::MaritimeSecurity, true);
        draft.set_direction(Direction::RuleOfLaw, true);
        draft.set_direction(Direction::MaritimeSecurity, false);
        assert_eq!(draft.directions, [Direction::RuleOfLaw]);
    }

    #[test]
    fn confidence_stays_unstated_until_changed() {
        let cases = [
            (None, Confidence::Verified, None),
            (None, Confidence::Uncertain, Some(Confidence::Uncertain)),
            (
                Some(Confidence::Uncertain),
                Confidence::Verified,
                Some(Confidence::Verified),
            ),
            (
                Some(Confidence::Verified),
                Confidence::Verified,
                Some(Confidence::Verified),
            ),
        ];
        for (before, choice, after) in cases {
            let mut draft = Draft::blank("x", 2020);
            draft.confidence = before;
            draft.set_confidence(choice);
            assert_eq!(draft.confidence, after, "{before:?} then {choice:?}");
        }
    }

    #[test]
    fn copies_get_free_ids() {
        let mut dataset = dataset();
        assert_eq!(copy_id(&dataset, "SR"), "SR-copy");
        dataset.activities.push(Activity::new("SR-copy", "c", 2020));
        assert_eq!(copy_id(&dataset, "SR"), "SR-copy-2");
        let long = "L".repeat(rules::ACTIVITY_ID.max_chars);
        let id = copy_id(&dataset, &long);
        assert_eq!(id.len(), rules::ACTIVITY_ID.max_chars);
        assert!(id.ends_with("-copy"));
        let copy = Draft::duplicate(&dataset.activities[0], &dataset);
        assert_eq!(copy.id, "SR-copy-2");
        assert_eq!(copy.title, "Ship Rider (copy)");
        assert!(copy.build(&dataset, None, NOW).is_ok());
    }

    #[test]
    fn timestamps_from_the_browser() {
        let cases = [
            ("2026-11-27T10:00:00.123Z", "2026-11-27T10:00:00Z"),
            ("2026-11-27T10:00:00Z", "2026-11-27T10:00:00Z"),
            ("+275760-09-13T00:00:00.000Z", "+275760-09-13T00:00:00.000Z"),
            ("garbage", "garbage"),
        ];
        for (input, expected) in cases {
            assert_eq!(utc_timestamp(input), expected, "{input}");
        }
        assert!(is_rfc3339(&utc_timestamp("2026-11-27T10:00:00.123Z")));
    }

    #[test]
    fn path_labels() {
        let cases = [
            ("title", "Title"),
            ("countries[2]", "Member states"),
            ("fields[0]", "Field 1"),
            ("sources[1].url", "Source 2, address"),
            ("sources[0].accessed", "Source 1, date accessed"),
            ("followUps[3].year", "Follow-up 4, year"),
            ("followUps", "Follow-up"),
            ("somethingNew", "somethingNew"),
        ];
        for (path, expected) in cases {
            assert_eq!(path_label(path), expected, "{path}");
        }
    }

    #[test]
    fn short_titles() {
        let long =
            "Japan-ASEAN Ship Rider Cooperation Program aboard the helicopter destroyer Izumo";
        let cases = [
            ("  Ship Rider ", "Ship Rider".to_string()),
            (
                long,
                "Japan-ASEAN Ship Rider Cooperation Program aboard the…".to_string(),
            ),
            (&"x".repeat(70), format!("{}…", "x".repeat(60))),
        ];
        for (title, expected) in cases {
            assert_eq!(short_title(title), expected, "{title}");
        }
    }

    #[test]
    fn revisions_follow_content() {
        let dataset = dataset();
        let a = &dataset.activities[0];
        assert_eq!(revision(a), revision(&a.clone()));
        type Change = fn(&mut Activity);
        let changes: [Change; 6] = [
            |b| b.summary = Some("changed".into()),
            |b| b.measures.push(Measure::CapacityBuilding),
            |b| b.end = None,
            |b| b.sources[0].accessed = None,
            |b| b.follow_ups[0].note.push('!'),
            |b| {
                b.unknown.insert("zLater".into(), Value::Null);
            },
        ];
        for (index, change) in changes.into_iter().enumerate() {
            let mut b = a.clone();
            change(&mut b);
            assert_ne!(revision(a), revision(&b), "change {index}");
        }
    }

    #[test]
    fn problem_paths_map_to_controls() {
        assert_eq!(control_id("title"), "field-title");
        assert_eq!(control_id("sources[1].url"), "field-sources-1-url");
        assert_eq!(control_id("followUps[0].year"), "field-followUps-0-year");
        let problems = vec![
            Problem::error("countries", "a"),
            Problem::warning("countries[1]", "b"),
            Problem::error("countriesX", "c"),
            Problem::error("title", "d"),
        ];
        assert_eq!(problems_within(&problems, "countries").count(), 2);
        assert_eq!(problems_at(&problems, "title").count(), 1);
        assert_eq!(problems_at(&problems, "countries").count(), 1);
    }
}
