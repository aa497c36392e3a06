//! The dataset as the app holds it: typed activities plus every key the app does not know, kept verbatim.
//!
//! Serialization writes keys in schema order, then the unknown keys in the order they were read, so the
//! same dataset always serializes to the same bytes and a file from a newer version is never stripped.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

use super::i18n::{self, Locale};
use super::vision::{Confidence, Direction, Measure, MemberState, Scope, Status};

/// Keys this version does not know, in the order they were read.
pub type UnknownKeys = Map<String, Value>;

/// The value of `format` in every file.
pub const FORMAT_NAME: &str = "vientiane-vision";
/// The format version this build writes, and the newest it reads.
pub const FORMAT_VERSION: u64 = 1;

/// The keys of an activity in schema order: the rulebook's list (`model::rules`).
pub use super::rules::ACTIVITY_KEYS;

/// A whole dataset: what is stored, exported and imported.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Dataset {
    pub title: String,
    pub description: Option<String>,
    /// RFC 3339 time of the last change, as text: kept exactly as read, and set by
    /// [`Dataset::mark_changed`] whenever this browser changes the dataset.
    pub updated: Option<String>,
    pub activities: Vec<Activity>,
    pub unknown: UnknownKeys,
}

/// One cooperation activity.
#[derive(Clone, Debug, PartialEq)]
pub struct Activity {
    pub id: String,
    pub title: String,
    pub summary: Option<String>,
    /// The Vision's measures; empty for dialogue or exchange only.
    pub measures: Vec<Measure>,
    pub directions: Vec<Direction>,
    pub fields: Vec<String>,
    pub scope: Scope,
    /// The member states involved; empty when the scope is ASEAN-wide.
    pub countries: Vec<MemberState>,
    pub start: i32,
    /// `None` while ongoing.
    pub end: Option<i32>,
    pub status: Option<Status>,
    /// `None` reads as verified; kept apart so that a file round-trips unchanged.
    pub confidence: Option<Confidence>,
    /// The id of the programme this activity is a dated event of (`partOf`). Counts take a programme
    /// and its events as one activity (`model::programmes`); the event stays its own record.
    pub part_of: Option<String>,
    pub follow_ups: Vec<FollowUp>,
    pub sources: Vec<Source>,
    pub updated: Option<String>,
    pub unknown: UnknownKeys,
}

/// A dated step of an activity: a note from the annual follow-up at the Japan–ASEAN Defense
/// Vice-Ministerial Forum, or a dated event of a multi-year programme.
#[derive(Clone, Debug, PartialEq)]
pub struct FollowUp {
    pub year: i32,
    pub note: String,
    /// Where this dated step is documented, when it has sources of its own (a programme's event keeps
    /// the sources it was researched with). Optional: a file without it reads as no sources.
    pub sources: Vec<Source>,
    pub unknown: UnknownKeys,
}

/// Where a record comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub url: String,
    pub title: Option<String>,
    /// `YYYY-MM-DD`.
    pub accessed: Option<String>,
    pub unknown: UnknownKeys,
}

impl Activity {
    /// A minimal valid activity, the starting point of the editor.
    pub fn new(id: impl Into<String>, title: impl Into<String>, start: i32) -> Activity {
        Activity {
            id: id.into(),
            title: title.into(),
            summary: None,
            measures: Vec::new(),
            directions: Vec::new(),
            fields: Vec::new(),
            scope: Scope::AseanWide,
            countries: Vec::new(),
            start,
            end: Some(start),
            status: None,
            confidence: None,
            part_of: None,
            follow_ups: Vec::new(),
            sources: Vec::new(),
            updated: None,
            unknown: UnknownKeys::new(),
        }
    }

    /// The confidence with the format's default applied.
    pub fn confidence(&self) -> Confidence {
        self.confidence.unwrap_or_default()
    }

    /// Whether the activity runs during some part of `from..=to` (an ongoing one runs to the end of time).
    pub fn overlaps(&self, from: i32, to: i32) -> bool {
        self.start <= to && self.end.is_none_or(|end| end >= from)
    }

    /// Whether the activity is active in `year`.
    pub fn active_in(&self, year: i32) -> bool {
        self.overlaps(year, year)
    }

    pub fn has_measure(&self, measure: Measure) -> bool {
        self.measures.contains(&measure)
    }

    pub fn involves(&self, state: MemberState) -> bool {
        self.scope == Scope::MemberStates && self.countries.contains(&state)
    }

    /// "2017" or "2016–2023" or "2012–ongoing".
    pub fn years_label(&self) -> String {
        match self.end {
            Some(end) if end == self.start => self.start.to_string(),
            Some(end) => format!("{}–{}", self.start, end),
            None => format!("{}–ongoing", self.start),
        }
    }

    /// The years in `locale`: the English [`Activity::years_label`] as it is, or 「2017年」,
    /// 「2016年～2023年」, 「2012年～実施中」.
    pub fn years_label_in(&self, locale: Locale) -> String {
        match (locale, self.end) {
            (Locale::En, _) => self.years_label(),
            (Locale::Ja, Some(end)) => i18n::year_span(locale, self.start, end),
            (Locale::Ja, None) => format!("{}年～実施中", self.start),
        }
    }
}

impl Dataset {
    /// Records `now` (RFC 3339) as the time of the last change. Called by the app's state for every
    /// change made in this tab (an edit, an import, a reset, an undo or a redo), so that an exported
    /// file says when its content last changed.
    pub fn mark_changed(&mut self, now: String) {
        self.updated = Some(now);
    }

    /// An empty dataset with a title.
    pub fn empty(title: impl Into<String>) -> Dataset {
        Dataset {
            title: title.into(),
            ..Dataset::default()
        }
    }

    pub fn activity(&self, id: &str) -> Option<&Activity> {
        self.activities.iter().find(|a| a.id == id)
    }

    /// The first and last year any activity is active (an ongoing one counts to its start), or `None`
    /// for an empty dataset.
    pub fn year_span(&self) -> Option<(i32, i32)> {
        let first = self.activities.iter().map(|a| a.start).min()?;
        let last = self
            .activities
            .iter()
            .map(|a| a.end.unwrap_or(a.start).max(a.start))
            .max()?;
        Some((first, last))
    }

    /// Sorts activities by id, the order of exports (so a diff between two exports is readable).
    pub fn sort_by_id(&mut self) {
        super::sorting::sort_by(&mut self.activities, |a, b| a.id.cmp(&b.id));
    }

    /// An id not yet used in this dataset, of the form `prefix-N`.
    pub fn fresh_id(&self, prefix: &str) -> String {
        let taken: std::collections::HashSet<&str> =
            self.activities.iter().map(|a| a.id.as_str()).collect();
        (self.activities.len() + 1..)
            .map(|n| format!("{prefix}-{n:03}"))
            .find(|candidate| !taken.contains(candidate.as_str()))
            .unwrap_or_else(|| format!("{prefix}-x"))
    }

    /// Pretty-printed format-v1 JSON with a trailing newline, activities ordered by id: the export.
    pub fn to_export_json(&self) -> String {
        let mut sorted = self.clone();
        sorted.sort_by_id();
        let mut text = serde_json::to_string_pretty(&sorted).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Compact format-v1 JSON in the dataset's own order: what local storage holds (packed when large,
    /// see `model::stored`).
    pub fn to_compact_json(&self) -> String {
        let mut bytes = Vec::with_capacity(self.activities.len().saturating_mul(1_024));
        self.write_compact_json(&mut bytes);
        // serde_json writes UTF-8.
        String::from_utf8(bytes).unwrap_or_default()
    }

    /// Writes the compact JSON to `writer` as it is serialised (the save packs it chunk by chunk, so
    /// it never holds the whole JSON). Serialising a dataset cannot fail: its keys are strings and
    /// its numbers finite, so an error can only come from the writer, and the writers here never fail.
    pub fn write_compact_json(&self, writer: &mut impl std::io::Write) {
        let mut serializer = serde_json::Serializer::new(writer);
        let _ = self.serialize(&mut serializer);
    }
}

fn serialize_unknown<M: SerializeMap>(map: &mut M, unknown: &UnknownKeys) -> Result<(), M::Error> {
    for (key, value) in unknown {
        map.serialize_entry(key, value)?;
    }
    Ok(())
}

impl Serialize for Dataset {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("format", FORMAT_NAME)?;
        map.serialize_entry("version", &FORMAT_VERSION)?;
        map.serialize_entry("title", &self.title)?;
        if let Some(description) = &self.description {
            map.serialize_entry("description", description)?;
        }
        if let Some(updated) = &self.updated {
            map.serialize_entry("updated", updated)?;
        }
        map.serialize_entry("activities", &self.activities)?;
        serialize_unknown(&mut map, &self.unknown)?;
        map.end()
    }
}

/// Serializes a list of codes as a JSON array of strings.
struct Codes<'a, T>(&'a [T], fn(T) -> &'static str);

impl<T: Copy> Serialize for Codes<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|code| (self.1)(*code)))
    }
}

impl Serialize for Activity {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", &self.id)?;
        map.serialize_entry("title", &self.title)?;
        if let Some(summary) = &self.summary {
            map.serialize_entry("summary", summary)?;
        }
        map.serialize_entry("measures", &Codes(&self.measures, Measure::code))?;
        if !self.directions.is_empty() {
            map.serialize_entry("directions", &Codes(&self.directions, Direction::code))?;
        }
        if !self.fields.is_empty() {
            map.serialize_entry("fields", &self.fields)?;
        }
        map.serialize_entry("scope", self.scope.code())?;
        if self.scope == Scope::MemberStates || !self.countries.is_empty() {
            map.serialize_entry("countries", &Codes(&self.countries, MemberState::iso3))?;
        }
        map.serialize_entry("start", &self.start)?;
        if let Some(end) = self.end {
            map.serialize_entry("end", &end)?;
        }
        if let Some(status) = self.status {
            map.serialize_entry("status", status.code())?;
        }
        if let Some(confidence) = self.confidence {
            map.serialize_entry("confidence", confidence.code())?;
        }
        if let Some(part_of) = &self.part_of {
            map.serialize_entry("partOf", part_of)?;
        }
        if !self.follow_ups.is_empty() {
            map.serialize_entry("followUps", &self.follow_ups)?;
        }
        if !self.sources.is_empty() {
            map.serialize_entry("sources", &self.sources)?;
        }
        if let Some(updated) = &self.updated {
            map.serialize_entry("updated", updated)?;
        }
        serialize_unknown(&mut map, &self.unknown)?;
        map.end()
    }
}

impl Serialize for FollowUp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("year", &self.year)?;
        map.serialize_entry("note", &self.note)?;
        if !self.sources.is_empty() {
            map.serialize_entry("sources", &self.sources)?;
        }
        serialize_unknown(&mut map, &self.unknown)?;
        map.end()
    }
}

impl Serialize for Source {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("url", &self.url)?;
        if let Some(title) = &self.title {
            map.serialize_entry("title", title)?;
        }
        if let Some(accessed) = &self.accessed {
            map.serialize_entry("accessed", accessed)?;
        }
        serialize_unknown(&mut map, &self.unknown)?;
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_in_both_languages() {
        let mut one = Activity::new("a", "A", 2017);
        one.end = Some(2017);
        let mut span = Activity::new("b", "B", 2016);
        span.end = Some(2023);
        let mut ongoing = Activity::new("c", "C", 2012);
        ongoing.end = None;
        let cases = [
            (&one, "2017", "2017年"),
            (&span, "2016–2023", "2016年～2023年"),
            (&ongoing, "2012–ongoing", "2012年～実施中"),
        ];
        for (activity, en, ja) in cases {
            assert_eq!(activity.years_label(), en);
            assert_eq!(activity.years_label_in(Locale::En), en);
            assert_eq!(activity.years_label_in(Locale::Ja), ja);
        }
    }

    #[test]
    fn overlap_table() {
        let mut a = Activity::new("a", "A", 2016);
        a.end = Some(2018);
        let mut ongoing = Activity::new("b", "B", 2012);
        ongoing.end = None;
        let cases = [
            (&a, 2010, 2015, false),
            (&a, 2010, 2016, true),
            (&a, 2017, 2017, true),
            (&a, 2018, 2030, true),
            (&a, 2019, 2030, false),
            (&ongoing, 2030, 2031, true),
            (&ongoing, 2000, 2011, false),
        ];
        for (activity, from, to, expected) in cases {
            assert_eq!(
                activity.overlaps(from, to),
                expected,
                "{} {from}..{to}",
                activity.id
            );
        }
    }

    #[test]
    fn export_orders_activities_by_id_and_keys_in_schema_order() {
        let mut dataset = Dataset::empty("T");
        dataset.activities.push(Activity::new("b", "B", 2020));
        dataset.activities.push(Activity::new("a", "A", 2019));
        dataset
            .unknown
            .insert("zNewer".into(), Value::String("kept".into()));
        let text = dataset.to_export_json();
        assert!(text.ends_with("}\n"));
        let a = text.find("\"id\": \"a\"").unwrap();
        let b = text.find("\"id\": \"b\"").unwrap();
        assert!(a < b);
        let format = text.find("\"format\"").unwrap();
        let version = text.find("\"version\"").unwrap();
        let unknown = text.find("\"zNewer\"").unwrap();
        assert!(format < version && version < unknown);
        assert_eq!(text, dataset.to_export_json(), "deterministic");
    }

    #[test]
    fn fresh_ids_are_unique() {
        let mut dataset = Dataset::empty("T");
        dataset.activities.push(Activity::new("NEW-002", "x", 2020));
        let id = dataset.fresh_id("NEW");
        assert_eq!(id, "NEW-003");
        dataset.activities.push(Activity::new(id, "y", 2020));
        assert_eq!(dataset.fresh_id("NEW"), "NEW-004");
    }

    #[test]
    fn year_span_counts_ongoing_to_start() {
        let mut dataset = Dataset::empty("T");
        assert_eq!(dataset.year_span(), None);
        let mut ongoing = Activity::new("a", "A", 2012);
        ongoing.end = None;
        dataset.activities.push(ongoing);
        dataset.activities.push(Activity::new("b", "B", 2019));
        assert_eq!(dataset.year_span(), Some((2012, 2019)));
    }

    #[test]
    fn stored_json_reads_back_the_same_whatever_the_characters() {
        let mut dataset = Dataset::empty("Japan–ASEAN “Vision” 🌏");
        let mut activity = Activity::new("a", "Café in Hà Nội — 東京", 2019);
        activity.summary = Some("Quote \"x\", back\\slash, tab\t, é and ’".into());
        dataset.activities.push(activity);
        let stored = dataset.to_compact_json();
        assert!(stored.contains("Hà Nội — 東京"), "{stored}");
        let back = crate::model::format::read_dataset_text(&stored).expect("valid");
        assert_eq!(back.dataset, dataset);
        let plain: Value = serde_json::from_str(&serde_json::to_string(&dataset).unwrap()).unwrap();
        assert_eq!(serde_json::from_str::<Value>(&stored).unwrap(), plain);
    }
}
