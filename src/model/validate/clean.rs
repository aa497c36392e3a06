//! The fast path of reading a dataset: a file without a single problem is decoded straight from its
//! text into a [`Dataset`], without first building the JSON tree that [`decode_dataset`] walks.
//!
//! It applies the same rules as [`decode_dataset`], and at the first thing that is not plainly valid —
//! an error, a warning, a `null`, a key given twice, a number that is not a whole year — it gives up,
//! and the caller runs the full validation, which finds and locates every problem. So it never decides
//! anything the full validation would not; it only spares the tree (about half of the time of an import
//! of 10,000 activities, see docs/benchmark.md) for the files that need no message at all. The tests
//! below compare both paths on the default dataset and on thousands of mutated files.
//!
//! [`decode_dataset`]: super::decode_dataset

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use crate::model::dataset::{
    Activity, Dataset, FollowUp, Source, UnknownKeys, FORMAT_NAME, FORMAT_VERSION,
};
use crate::model::rules::{self, is_date, is_rfc3339, TextRule, MAX_ACTIVITIES};
use crate::model::vision::{
    is_known_field, Confidence, Direction, Measure, MemberState, Scope, Status,
};

/// Decodes `text` when it is a dataset with no problem at all; `None` when the full validation must
/// look at it (it may still be valid, with warnings or `null`s the full validation accepts).
pub fn decode_clean(text: &str) -> Option<Dataset> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let dataset = CleanDataset::deserialize(&mut deserializer).ok()?.0;
    deserializer.end().ok()?;
    Some(dataset)
}

/// The reason every visitor below gives for handing the file over. It is never shown to anyone.
fn give_up<E: de::Error>() -> E {
    E::custom("not plainly valid: run the full validation")
}

/// Fills a slot once; a key given twice is left to the full validation (a JSON tree keeps the last).
fn fill<T, E: de::Error>(slot: &mut Option<T>, value: T) -> Result<(), E> {
    if slot.is_some() {
        return Err(give_up());
    }
    *slot = Some(value);
    Ok(())
}

/// Keeps a key the app does not know, with its value as read.
fn keep_unknown<'de, A: MapAccess<'de>>(
    unknown: &mut UnknownKeys,
    key: Text<'de>,
    map: &mut A,
) -> Result<(), A::Error> {
    let key = key.into_owned();
    if unknown.contains_key(&key) {
        return Err(give_up());
    }
    let value: Value = map.next_value()?;
    unknown.insert(key, value);
    Ok(())
}

/// `Ok(())` when `condition` holds, else hand the file over.
fn check<E: de::Error>(condition: bool) -> Result<(), E> {
    if condition {
        Ok(())
    } else {
        Err(give_up())
    }
}

/// Whether an optional text obeys its rule (absent is fine).
fn accepted(text: Option<&str>, rule: TextRule) -> bool {
    text.is_none_or(|text| rule.accepts(text))
}

/// Whether two field labels are the same label for the full validation: equal once trimmed and in
/// lower case.
fn same_label(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

/// A key or a code: borrowed from the text when it has no escapes.
enum Text<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Text<'_> {
    fn as_str(&self) -> &str {
        match self {
            Text::Borrowed(text) => text,
            Text::Owned(text) => text,
        }
    }

    fn into_owned(self) -> String {
        match self {
            Text::Borrowed(text) => text.to_string(),
            Text::Owned(text) => text,
        }
    }
}

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("text")
            }
            fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Text<'de>, E> {
                Ok(Text::Borrowed(text))
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Text<'de>, E> {
                Ok(Text::Owned(text.to_string()))
            }
            fn visit_string<E: de::Error>(self, text: String) -> Result<Text<'de>, E> {
                Ok(Text::Owned(text))
            }
        }
        deserializer.deserialize_str(TextVisitor)
    }
}

/// The Vision's codes, parsed as the full validation parses them.
trait Code: Sized + Copy + PartialEq {
    fn parse(text: &str) -> Option<Self>;
}

impl Code for Measure {
    fn parse(text: &str) -> Option<Self> {
        Measure::from_code(text)
    }
}

impl Code for Direction {
    fn parse(text: &str) -> Option<Self> {
        Direction::from_code(text)
    }
}

impl Code for MemberState {
    fn parse(text: &str) -> Option<Self> {
        MemberState::from_iso3(text)
    }
}

impl Code for Scope {
    fn parse(text: &str) -> Option<Self> {
        Scope::from_code(text)
    }
}

impl Code for Status {
    fn parse(text: &str) -> Option<Self> {
        Status::from_code(text)
    }
}

impl Code for Confidence {
    fn parse(text: &str) -> Option<Self> {
        Confidence::from_code(text)
    }
}

/// One code.
struct One<T>(T);

impl<'de, T: Code> Deserialize<'de> for One<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Text::deserialize(deserializer)?;
        T::parse(text.as_str()).map(One).ok_or_else(give_up)
    }
}

/// A list of distinct codes.
struct Codes<T>(Vec<T>);

impl<'de, T: Code> Deserialize<'de> for Codes<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CodesVisitor<T>(PhantomData<T>);
        impl<'de, T: Code> Visitor<'de> for CodesVisitor<T> {
            type Value = Codes<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of codes")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Codes<T>, A::Error> {
                let mut codes = Vec::with_capacity(seq.size_hint().unwrap_or(2));
                while let Some(One(code)) = seq.next_element::<One<T>>()? {
                    check(!codes.contains(&code))?;
                    codes.push(code);
                }
                Ok(Codes(codes))
            }
        }
        deserializer.deserialize_seq(CodesVisitor(PhantomData))
    }
}

/// A whole year within [`rules::YEAR_RANGE`].
struct Year(i32);

impl<'de> Deserialize<'de> for Year {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct YearVisitor;
        impl YearVisitor {
            fn within<E: de::Error>(year: i64) -> Result<Year, E> {
                if rules::is_year(year) {
                    Ok(Year(year as i32))
                } else {
                    Err(give_up())
                }
            }
        }
        impl Visitor<'_> for YearVisitor {
            type Value = Year;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a year")
            }
            fn visit_u64<E: de::Error>(self, year: u64) -> Result<Year, E> {
                // A year past `i64::MAX` is no year either.
                YearVisitor::within(i64::try_from(year).unwrap_or(i64::MAX))
            }
            fn visit_i64<E: de::Error>(self, year: i64) -> Result<Year, E> {
                YearVisitor::within(year)
            }
        }
        deserializer.deserialize_any(YearVisitor)
    }
}

/// The format's version: exactly the number this build reads.
struct Version;

impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct VersionVisitor;
        impl Visitor<'_> for VersionVisitor {
            type Value = Version;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("the format version")
            }
            fn visit_u64<E: de::Error>(self, version: u64) -> Result<Version, E> {
                check(version == FORMAT_VERSION).map(|()| Version)
            }
        }
        deserializer.deserialize_any(VersionVisitor)
    }
}

/// Field labels: [`rules::FIELD_LABEL`], distinct without regard to case, and all from the Vision's list
/// (an unknown label is a warning, so the full validation reports it).
struct Fields(Vec<String>);

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let labels = Vec::<String>::deserialize(deserializer)?;
        for (index, label) in labels.iter().enumerate() {
            check(rules::FIELD_LABEL.accepts(label))?;
            check(is_known_field(label))?;
            // Every label is one of the Vision's (ASCII, a few dozen): comparing with the earlier ones
            // costs less than hashing lower-case copies, and stays short whatever the file holds.
            check(
                !labels[..index]
                    .iter()
                    .any(|earlier| same_label(earlier, label)),
            )?;
        }
        Ok(Fields(labels))
    }
}

struct CleanFollowUp(FollowUp);

impl<'de> Deserialize<'de> for CleanFollowUp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FollowUpVisitor;
        impl<'de> Visitor<'de> for FollowUpVisitor {
            type Value = CleanFollowUp;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a follow-up")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<CleanFollowUp, A::Error> {
                let (mut year, mut note, mut sources) = (None, None, None);
                let mut unknown = UnknownKeys::new();
                while let Some(key) = map.next_key::<Text>()? {
                    match key.as_str() {
                        "year" => fill(&mut year, map.next_value::<Year>()?.0)?,
                        "note" => fill(&mut note, map.next_value::<String>()?)?,
                        // The same source reader as the activity's own sources.
                        "sources" => fill(&mut sources, clean_sources(&mut map)?)?,
                        _ => keep_unknown(&mut unknown, key, &mut map)?,
                    }
                }
                let (Some(year), Some(note)) = (year, note) else {
                    return Err(give_up());
                };
                check(rules::FOLLOW_UP_NOTE.accepts(&note))?;
                Ok(CleanFollowUp(FollowUp {
                    year,
                    note,
                    sources: sources.unwrap_or_default(),
                    unknown,
                }))
            }
        }
        deserializer.deserialize_map(FollowUpVisitor)
    }
}

struct CleanSource(Source);

/// The next value of `map` as a list of sources: an activity's or a follow-up's.
fn clean_sources<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Vec<Source>, A::Error> {
    Ok(map
        .next_value::<Vec<CleanSource>>()?
        .into_iter()
        .map(|s| s.0)
        .collect())
}

impl<'de> Deserialize<'de> for CleanSource {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SourceVisitor;
        impl<'de> Visitor<'de> for SourceVisitor {
            type Value = CleanSource;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a source")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<CleanSource, A::Error> {
                let (mut url, mut title, mut accessed) = (None, None, None);
                let mut unknown = UnknownKeys::new();
                while let Some(key) = map.next_key::<Text>()? {
                    match key.as_str() {
                        "url" => fill(&mut url, map.next_value::<String>()?)?,
                        "title" => fill(&mut title, map.next_value::<String>()?)?,
                        "accessed" => fill(&mut accessed, map.next_value::<String>()?)?,
                        _ => keep_unknown(&mut unknown, key, &mut map)?,
                    }
                }
                let Some(url) = url else {
                    return Err(give_up());
                };
                check(rules::url_fault(&url).is_none())?;
                check(accepted(title.as_deref(), rules::SOURCE_TITLE))?;
                check(accessed.as_deref().is_none_or(is_date))?;
                Ok(CleanSource(Source {
                    url,
                    title,
                    accessed,
                    unknown,
                }))
            }
        }
        deserializer.deserialize_map(SourceVisitor)
    }
}

struct CleanActivity(Activity);

impl<'de> Deserialize<'de> for CleanActivity {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ActivityVisitor)
    }
}

struct ActivityVisitor;

impl<'de> Visitor<'de> for ActivityVisitor {
    type Value = CleanActivity;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an activity")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<CleanActivity, A::Error> {
        let (mut id, mut title, mut summary) = (None, None, None);
        let (mut measures, mut directions, mut fields) = (None, None, None);
        let (mut scope, mut countries, mut start, mut end) = (None, None, None, None);
        let (mut status, mut confidence, mut part_of) = (None, None, None);
        let (mut follow_ups, mut sources, mut updated) = (None, None, None);
        let mut unknown = UnknownKeys::new();
        // The arms are exactly `rules::ACTIVITY_KEYS` (a test holds them together).
        while let Some(key) = map.next_key::<Text>()? {
            match key.as_str() {
                "id" => fill(&mut id, map.next_value::<String>()?)?,
                "title" => fill(&mut title, map.next_value::<String>()?)?,
                "summary" => fill(&mut summary, map.next_value::<String>()?)?,
                "measures" => fill(&mut measures, map.next_value::<Codes<Measure>>()?.0)?,
                "directions" => fill(&mut directions, map.next_value::<Codes<Direction>>()?.0)?,
                "fields" => fill(&mut fields, map.next_value::<Fields>()?.0)?,
                "scope" => fill(&mut scope, map.next_value::<One<Scope>>()?.0)?,
                "countries" => fill(&mut countries, map.next_value::<Codes<MemberState>>()?.0)?,
                "start" => fill(&mut start, map.next_value::<Year>()?.0)?,
                "end" => fill(&mut end, map.next_value::<Year>()?.0)?,
                "status" => fill(&mut status, map.next_value::<One<Status>>()?.0)?,
                "confidence" => fill(&mut confidence, map.next_value::<One<Confidence>>()?.0)?,
                "partOf" => fill(&mut part_of, map.next_value::<String>()?)?,
                "followUps" => fill(
                    &mut follow_ups,
                    map.next_value::<Vec<CleanFollowUp>>()?
                        .into_iter()
                        .map(|f| f.0)
                        .collect::<Vec<_>>(),
                )?,
                "sources" => fill(&mut sources, clean_sources(&mut map)?)?,
                "updated" => fill(&mut updated, map.next_value::<String>()?)?,
                _ => keep_unknown(&mut unknown, key, &mut map)?,
            }
        }
        let (Some(id), Some(title), Some(measures), Some(scope), Some(start)) =
            (id, title, measures, scope, start)
        else {
            return Err(give_up());
        };
        let countries: Vec<MemberState> = countries.unwrap_or_default();
        let follow_ups: Vec<FollowUp> = follow_ups.unwrap_or_default();
        check(rules::ACTIVITY_ID.accepts(&id))?;
        check(rules::is_id_alphabet(&id))?;
        check(rules::ACTIVITY_TITLE.accepts(&title))?;
        check(
            part_of
                .as_deref()
                .is_none_or(|p| rules::part_of_fault(p, Some(&id)).is_none()),
        )?;
        check(accepted(summary.as_deref(), rules::ACTIVITY_SUMMARY))?;
        check(updated.as_deref().is_none_or(is_rfc3339))?;
        check(rules::countries_fault(scope, countries.len()).is_none())?;
        check(end.is_none_or(|end| rules::end_fits(start, end)))?;
        // The warnings of the full validation: a member listed before it joined, a follow-up outside
        // the activity's years.
        check(
            countries
                .iter()
                .all(|state| rules::joined_in_time(state.joined().year, start, end)),
        )?;
        check(
            follow_ups
                .iter()
                .all(|f| rules::follow_up_year_fits(f.year, start, end)),
        )?;
        Ok(CleanActivity(Activity {
            id,
            title,
            summary,
            measures,
            directions: directions.unwrap_or_default(),
            fields: fields.unwrap_or_default(),
            scope,
            countries,
            start,
            end,
            status,
            confidence,
            part_of,
            follow_ups,
            sources: sources.unwrap_or_default(),
            updated,
            unknown,
        }))
    }
}

/// The activities, at most [`MAX_ACTIVITIES`], with distinct ids.
struct Activities(Vec<Activity>);

impl<'de> Deserialize<'de> for Activities {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ActivitiesVisitor;
        impl<'de> Visitor<'de> for ActivitiesVisitor {
            type Value = Activities;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of activities")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Activities, A::Error> {
                let mut activities: Vec<Activity> = Vec::new();
                while let Some(CleanActivity(activity)) = seq.next_element::<CleanActivity>()? {
                    check(activities.len() < MAX_ACTIVITIES)?;
                    activities.push(activity);
                }
                // Sorting finds a repeated id without hashing, and in n log n whatever the ids are.
                let mut ids: Vec<&str> = activities.iter().map(|a| a.id.as_str()).collect();
                ids.sort_unstable();
                check(ids.windows(2).all(|pair| pair[0] != pair[1]))?;
                Ok(Activities(activities))
            }
        }
        deserializer.deserialize_seq(ActivitiesVisitor)
    }
}

struct CleanDataset(Dataset);

impl<'de> Deserialize<'de> for CleanDataset {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DatasetVisitor;
        impl<'de> Visitor<'de> for DatasetVisitor {
            type Value = CleanDataset;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a dataset")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<CleanDataset, A::Error> {
                let (mut format, mut version) = (None, None);
                let (mut title, mut description, mut updated) = (None, None, None);
                let mut activities = None;
                let mut unknown = UnknownKeys::new();
                while let Some(key) = map.next_key::<Text>()? {
                    match key.as_str() {
                        "format" => fill(&mut format, map.next_value::<Text>()?.into_owned())?,
                        "version" => fill(&mut version, map.next_value::<Version>()?)?,
                        "title" => fill(&mut title, map.next_value::<String>()?)?,
                        "description" => fill(&mut description, map.next_value::<String>()?)?,
                        "updated" => fill(&mut updated, map.next_value::<String>()?)?,
                        "activities" => fill(&mut activities, map.next_value::<Activities>()?.0)?,
                        _ => keep_unknown(&mut unknown, key, &mut map)?,
                    }
                }
                let (Some(format), Some(Version), Some(title), Some(activities)) =
                    (format, version, title, activities)
                else {
                    return Err(give_up());
                };
                check(format == FORMAT_NAME)?;
                check(rules::DATASET_TITLE.accepts(&title))?;
                check(accepted(description.as_deref(), rules::DATASET_DESCRIPTION))?;
                check(updated.as_deref().is_none_or(is_rfc3339))?;
                Ok(CleanDataset(Dataset {
                    title,
                    description,
                    updated,
                    activities,
                    unknown,
                }))
            }
        }
        deserializer.deserialize_map(DatasetVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{check_url, decode_dataset, ACTIVITY_KEYS};
    use super::*;
    use crate::model::DEFAULT_DATASET_JSON;

    /// The full validation, from text.
    fn full(text: &str) -> Option<Result<super::super::Decoded, Vec<super::super::Problem>>> {
        serde_json::from_str::<Value>(text)
            .ok()
            .map(|value| decode_dataset(&value))
    }

    /// The property: whatever the fast path returns, the full validation returns too, with no
    /// warning. `expect_fast` also asks that a file the full validation finds spotless is not handed
    /// over (so that the fast path really is taken).
    fn agree(text: &str, expect_fast: bool) {
        let fast = decode_clean(text);
        let slow = full(text);
        match (&fast, &slow) {
            (Some(dataset), Some(Ok(decoded))) => {
                assert!(
                    decoded.warnings.is_empty(),
                    "fast path passed a file with warnings: {text}"
                );
                assert_eq!(dataset, &decoded.dataset, "{text}");
            }
            (Some(_), _) => panic!("fast path accepted a file the full validation refuses: {text}"),
            (None, Some(Ok(decoded))) if expect_fast && decoded.warnings.is_empty() => {
                panic!("fast path gave up on a spotless file: {text}")
            }
            (None, _) => {}
        }
    }

    #[test]
    fn the_default_dataset_decodes_the_same_on_both_paths() {
        // Eight records list Timor-Leste before it joined ASEAN: a warning, which the fast path leaves
        // to the full validation.
        agree(DEFAULT_DATASET_JSON, true);
        assert!(decode_clean(DEFAULT_DATASET_JSON).is_none());
        // Without them, the default dataset is spotless and takes the fast path.
        let mut file: Value = serde_json::from_str(DEFAULT_DATASET_JSON).unwrap();
        file["activities"].as_array_mut().unwrap().retain(|a| {
            let countries = a["countries"].as_array().cloned().unwrap_or_default();
            let last = a["end"]
                .as_i64()
                .map_or(i64::MAX, |end| end.max(a["start"].as_i64().unwrap_or(end)));
            !(countries.contains(&Value::from("TLS")) && last < 2025)
        });
        assert_eq!(file["activities"].as_array().map(Vec::len), Some(238));
        let text = file.to_string();
        agree(&text, true);
        assert!(decode_clean(&text).is_some());
    }

    #[test]
    fn every_activity_key_is_known_to_the_fast_path() {
        let mut activity = serde_json::json!({
            "id": "A-1", "title": "T", "summary": "S", "measures": ["PIL"], "directions": ["rule-of-law"],
            "fields": ["HA/DR"], "scope": "member-states", "countries": ["VNM"], "start": 2017, "end": 2018,
            "status": "completed", "confidence": "uncertain", "partOf": "A-0", "followUps": [{"year": 2018, "note": "N", "sources": [{"url": "https://example.org/f"}]}],
            "sources": [{"url": "https://example.org/a", "title": "A", "accessed": "2024-01-02"}],
            "updated": "2026-01-01T00:00:00Z"
        });
        let keys: Vec<&str> = activity
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ACTIVITY_KEYS);
        activity["zNewer"] = Value::from(1);
        let text = serde_json::json!({
            "format": "vientiane-vision", "version": 1, "title": "T", "activities": [activity]
        })
        .to_string();
        agree(&text, true);
        let dataset = decode_clean(&text).expect("spotless");
        let keys: Vec<&String> = dataset.activities[0].unknown.keys().collect();
        assert_eq!(keys, ["zNewer"]);
    }

    #[test]
    fn what_the_fast_path_hands_over() {
        let base = |activity: &str| {
            format!(
                r#"{{"format":"vientiane-vision","version":1,"title":"T","activities":[{activity}]}}"#
            )
        };
        let cases = [
            // Accepted by the full validation, but not plainly: nulls, a key given twice, warnings.
            base(
                r#"{"id":"a","title":"t","measures":["PIL"],"scope":"asean-wide","start":2017,"summary":null}"#,
            ),
            base(
                r#"{"id":"a","title":"t","measures":["PIL"],"scope":"asean-wide","start":2017,"start":2018}"#,
            ),
            base(
                r#"{"id":"a","title":"t","measures":[],"fields":["Basket weaving"],"scope":"asean-wide","start":2017}"#,
            ),
            base(
                r#"{"id":"a","title":"t","measures":[],"scope":"member-states","countries":["TLS"],"start":2017,"end":2018}"#,
            ),
            base(
                r#"{"id":"a","title":"t","measures":[],"scope":"asean-wide","start":2017,"end":2018,"followUps":[{"year":2019,"note":"n"}]}"#,
            ),
            // Refused by the full validation.
            base(r#"{"id":"a b","title":"t","measures":[],"scope":"asean-wide","start":2017}"#),
            base(r#"{"id":"a","title":"  ","measures":[],"scope":"asean-wide","start":2017}"#),
            base(r#"{"id":"a","title":"t","scope":"asean-wide","start":2017}"#),
            base(
                r#"{"id":"a","title":"t","measures":["PIL","PIL"],"scope":"asean-wide","start":2017}"#,
            ),
            base(
                r#"{"id":"a","title":"t","measures":[],"scope":"asean-wide","countries":["VNM"],"start":2017}"#,
            ),
            base(r#"{"id":"a","title":"t","measures":[],"scope":"member-states","start":2017}"#),
            base(r#"{"id":"a","title":"t","measures":[],"scope":"asean-wide","start":2017.5}"#),
            base(
                r#"{"id":"a","title":"t","measures":[],"scope":"asean-wide","start":2017,"end":2016}"#,
            ),
            base(r#"{"id":"a","title":"t","measures":[],"scope":"asean-wide","start":1949}"#),
            base(
                r#"{"id":"a","title":"t","measures":[],"scope":"asean-wide","start":2017,"sources":[{"url":"javascript:alert(1)"}]}"#,
            ),
            base(
                r#"{"id":"a","title":"t","measures":[],"scope":"asean-wide","start":2017,"followUps":[{"year":2017,"note":"n","sources":[{"url":"javascript:alert(1)"}]}]}"#,
            ),
            base(
                r#"{"id":"a","title":"t","measures":[],"scope":"asean-wide","start":2017,"followUps":[{"year":2017,"note":"n","sources":[{"url":"https://x.org","accessed":"May"}]}]}"#,
            ),
            base(
                r#"{"id":"a","title":"t","measures":[],"scope":"asean-wide","start":2017,"updated":"yesterday"}"#,
            ),
            base(
                r#"{"id":"a","title":"t","measures":[],"scope":"asean-wide","start":2017},{"id":"a","title":"u","measures":[],"scope":"asean-wide","start":2017}"#,
            ),
            r#"{"format":"vientiane-vision","version":2,"title":"T","activities":[]}"#.to_string(),
            r#"{"format":"other","version":1,"title":"T","activities":[]}"#.to_string(),
            r#"{"format":"vientiane-vision","version":1,"title":"T","activities":[]} x"#
                .to_string(),
            r#"[]"#.to_string(),
        ];
        for text in &cases {
            assert!(decode_clean(text).is_none(), "{text}");
            agree(text, false);
        }
    }

    /// `check_url` as it was before it stopped making a lower-case copy of every address.
    fn check_url_before(url: &str) -> bool {
        let lower = url.trim_start().to_ascii_lowercase();
        let rest = if let Some(rest) = lower.strip_prefix("https://") {
            rest
        } else if let Some(rest) = lower.strip_prefix("http://") {
            rest
        } else {
            return false;
        };
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        !(host.is_empty()
            || url.len() > rules::URL_MAX_BYTES
            || url.chars().any(|c| c.is_whitespace() || c.is_control()))
    }

    #[test]
    fn check_url_decides_as_before() {
        let urls = [
            "https://www.mod.go.jp/en/article/2017/x",
            "HTTPS://EXAMPLE.ORG",
            "  http://example.org/a?b#c",
            "Http://x",
            "https://",
            "https:///path",
            "https://?q",
            "http://exa mple.org",
            "http://example.org/\t",
            "http://example.org/\u{7f}",
            "http://example.org/\u{a0}",
            "http://example.org/\u{85}",
            "http://example.org/\u{2028}",
            "http://example.org/\u{3000}x",
            "http://例え.jp/パス",
            "https\u{e9}://x",
            "javascript:alert(1)",
            "ftp://example.org",
            "//example.org",
            "",
            "h",
            "https:/x",
        ];
        for url in urls {
            assert_eq!(check_url(url).is_ok(), check_url_before(url), "{url:?}");
        }
        let long = format!("https://example.org/{}", "a".repeat(rules::URL_MAX_BYTES));
        assert_eq!(check_url(&long).is_ok(), check_url_before(&long));
    }

    #[test]
    fn labels_compare_as_the_full_validation_compares_them() {
        for (a, b) in [
            ("HA/DR", "ha/dr"),
            (" Cyber ", "cyber"),
            ("Space", "Spaces"),
            ("Ärzte", "ärzte"),
            ("Straße", "STRASSE"),
            ("İ", "i̇"),
        ] {
            assert_eq!(
                same_label(a, b),
                a.trim().to_lowercase() == b.trim().to_lowercase(),
                "{a} {b}"
            );
        }
    }

    /// Small deterministic generator for the mutations below.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((self.0 >> 33) as usize) % n
        }
    }

    #[test]
    fn both_paths_agree_on_thousands_of_mutated_files() {
        // A dozen activities of the default dataset: small enough for thousands of rounds in a debug
        // build, varied enough (both scopes, sources, fields, ongoing ones).
        let mut original: Value = serde_json::from_str(DEFAULT_DATASET_JSON).unwrap();
        original["activities"].as_array_mut().unwrap().retain(|a| {
            a["id"]
                .as_str()
                .is_some_and(|id| id.starts_with("VV-") && !("VV-013"..="VV-070").contains(&id))
        });
        let long = "x".repeat(301);
        let replacements: Vec<Value> = vec![
            Value::Null,
            Value::from(""),
            Value::from("  "),
            Value::from("x"),
            Value::from(long.as_str()),
            Value::from(0),
            Value::from(2016),
            Value::from(2030),
            Value::from(1949),
            Value::from(2101),
            Value::from(-5),
            Value::from(2016.5),
            Value::from(true),
            serde_json::json!([]),
            serde_json::json!({}),
            serde_json::json!(["PIL"]),
            serde_json::json!(["PIL", "PIL"]),
            serde_json::json!(["VNM", "TLS"]),
            serde_json::json!(["THA"]),
            serde_json::json!(["rule-of-law"]),
            serde_json::json!(["HA/DR", "ha/dr"]),
            serde_json::json!(["Cyber", "Space"]),
            serde_json::json!("asean-wide"),
            serde_json::json!("member-states"),
            serde_json::json!("ongoing"),
            serde_json::json!("uncertain"),
            serde_json::json!("2026-11-27T10:00:00Z"),
            serde_json::json!("2026-13-27T10:00:00Z"),
            serde_json::json!([{"year": 2019, "note": "Noted."}]),
            serde_json::json!([{"year": 2019}]),
            serde_json::json!([{"url": "https://example.org/x", "accessed": "2024-02-30"}]),
            serde_json::json!([{"url": "https://example.org/x", "accessed": "2024-2-3"}]),
            serde_json::json!([{"url": "ftp://example.org/x"}]),
            serde_json::json!([{"url": "https://example.org/x", "title": null}]),
        ];
        let keys: Vec<&str> = ACTIVITY_KEYS.iter().copied().chain(["zNewer"]).collect();
        let mut random = Lcg(20_160_916);
        let mut fast_taken = 0;
        for round in 0..800 {
            let mut file = original.clone();
            let activities = file["activities"].as_array_mut().unwrap();
            for _ in 0..=random.below(2) {
                let index = random.below(activities.len());
                let activity = activities[index].as_object_mut().unwrap();
                let key = keys[random.below(keys.len())];
                if random.below(5) == 0 {
                    activity.remove(key);
                } else {
                    let value = replacements[random.below(replacements.len())].clone();
                    activity.insert(key.to_string(), value);
                }
            }
            if round % 10 == 0 {
                file["title"] = replacements[random.below(replacements.len())].clone();
            }
            let text = file.to_string();
            agree(&text, !text.contains("null"));
            fast_taken += usize::from(decode_clean(&text).is_some());
        }
        assert!(
            fast_taken > 50,
            "the fast path was taken {fast_taken} times"
        );
    }
}
