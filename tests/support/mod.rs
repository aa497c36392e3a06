//! Shared test helpers: `proptest` strategies that generate arbitrary **valid** datasets — every
//! field, every list, unknown keys at every level (with nested JSON values), Unicode and characters
//! that need escaping — so that properties hold for more than the sample data.

#![allow(dead_code)]

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::subsequence;
use serde_json::{Map, Value};
use vientiane_vision_atlas::model::dataset::UnknownKeys;
use vientiane_vision_atlas::model::vision::KNOWN_FIELDS;
use vientiane_vision_atlas::model::{
    Activity, Confidence, Dataset, Direction, FollowUp, Measure, MemberState, Scope, Source, Status,
};

/// Text with at least one visible character: letters, Japanese, accents, quotes, commas, `=` and `-`
/// at the start (for the CSV guard), and line breaks inside.
pub fn text(max: usize) -> impl Strategy<Value = String> {
    (
        "[A-Za-z日本語éà=+@\"'-]",
        proptest::string::string_regex(&format!("[ -~日本語のéàñ\n\t]{{0,{max}}}"))
            .expect("a valid pattern"),
    )
        .prop_map(|(first, rest)| format!("{first}{rest}"))
}

/// An RFC 3339 time in various zones and precisions.
pub fn timestamp() -> impl Strategy<Value = String> {
    "20[0-4][0-9]-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,6})?(Z|[+-](0[0-9]|1[0-3]):(00|30|45))"
}

fn date() -> impl Strategy<Value = String> {
    "(19[5-9][0-9]|20[0-9][0-9])-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])"
}

/// A JSON value for unknown keys. Numbers are integers or exact binary fractions, so that they
/// print and parse back to the same value.
pub fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1000i32..1000).prop_map(|n| Value::from(f64::from(n) / 4.0)),
        "[ -~日本]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..4).prop_map(Value::Array),
            vec(("[a-zA-Z_]{1,6}", inner), 0..4)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Keys no version of format v1 uses (`x-…`), so they are unknown at every level.
pub fn unknown_keys() -> impl Strategy<Value = UnknownKeys> {
    vec(("x-[a-z]{1,8}", json_value()), 0..3).prop_map(|entries| entries.into_iter().collect())
}

fn shuffled<T: Clone + std::fmt::Debug + 'static>(
    all: &[T],
    min: usize,
) -> impl Strategy<Value = Vec<T>> {
    subsequence(all.to_vec(), min..=all.len()).prop_shuffle()
}

fn follow_up() -> impl Strategy<Value = FollowUp> {
    (
        1950..=2100i32,
        text(40),
        vec(source(), 0..2),
        unknown_keys(),
    )
        .prop_map(|(year, note, sources, unknown)| FollowUp {
            year,
            note,
            sources,
            unknown,
        })
}

fn source() -> impl Strategy<Value = Source> {
    (
        "https?://[a-z]{1,10}\\.(org|jp|go\\.jp)(/[a-zA-Z0-9_.-]{0,12}){0,3}(\\?q=[a-z0-9]{1,5})?",
        option::of(text(30)),
        option::of(date()),
        unknown_keys(),
    )
        .prop_map(|(url, title, accessed, unknown)| Source {
            url,
            title,
            accessed,
            unknown,
        })
}

/// Field labels: some of the Vision's, and maybe one of our own (a warning, not an error).
fn fields() -> impl Strategy<Value = Vec<String>> {
    (
        subsequence(KNOWN_FIELDS.to_vec(), 0..4).prop_shuffle(),
        option::of("[A-Z][a-z]{2,10} [a-z]{2,8}"),
    )
        .prop_map(|(known, own)| {
            let mut labels: Vec<String> = known.into_iter().map(str::to_string).collect();
            if let Some(own) = own {
                if !labels.iter().any(|l| l.eq_ignore_ascii_case(&own)) {
                    labels.push(own);
                }
            }
            labels
        })
}

/// One valid activity with the given id.
pub fn activity(id: String) -> impl Strategy<Value = Activity> {
    let scope_and_countries = prop_oneof![
        Just((Scope::AseanWide, Vec::new())),
        shuffled(&MemberState::ALL, 1).prop_map(|c| (Scope::MemberStates, c)),
    ];
    let years = (1950..=2100i32).prop_flat_map(|start| (Just(start), option::of(start..=2100i32)));
    (
        text(60),
        option::of(text(120)),
        shuffled(&Measure::ALL, 0),
        shuffled(&Direction::ALL, 0),
        fields(),
        scope_and_countries,
        years,
        (
            option::of(proptest::sample::select(Status::ALL.to_vec())),
            option::of(proptest::sample::select(Confidence::ALL.to_vec())),
        ),
        vec(follow_up(), 0..3),
        vec(source(), 0..3),
        option::of(timestamp()),
        unknown_keys(),
    )
        .prop_map(
            move |(
                title,
                summary,
                measures,
                directions,
                fields,
                (scope, countries),
                (start, end),
                (status, confidence),
                follow_ups,
                sources,
                updated,
                unknown,
            )| Activity {
                id: id.clone(),
                title,
                summary,
                measures,
                directions,
                fields,
                scope,
                countries,
                start,
                end,
                status,
                confidence,
                // `partOf` is tested by its own round trip (model::programmes); an arbitrary id here
                // could name the activity itself, which validation refuses.
                part_of: None,
                follow_ups,
                sources,
                updated,
                unknown,
            },
        )
}

/// Ids `prefix-…`, unique in the list; two datasets with different prefixes share no id.
fn ids(prefix: &'static str, max: usize) -> impl Strategy<Value = Vec<String>> {
    proptest::collection::btree_set("[A-Za-z0-9._-]{1,6}", 0..=max).prop_map(move |set| {
        let mut ids: Vec<String> = set.into_iter().map(|s| format!("{prefix}{s}")).collect();
        // Keep the file order arbitrary rather than sorted, as in a real file.
        ids.reverse();
        ids
    })
}

/// A valid dataset whose ids all start with `prefix`, with up to `max` activities.
pub fn dataset(prefix: &'static str, max: usize) -> impl Strategy<Value = Dataset> {
    ids(prefix, max).prop_flat_map(|ids| {
        let activities: Vec<_> = ids.into_iter().map(activity).collect();
        (
            text(40),
            option::of(text(80)),
            option::of(timestamp()),
            activities,
            unknown_keys(),
        )
            .prop_map(
                |(title, description, updated, activities, unknown)| Dataset {
                    title,
                    description,
                    updated,
                    activities,
                    unknown,
                },
            )
    })
}

/// Two datasets that share some ids: `b` takes some of `a`'s activities as they are, changes others,
/// and adds its own.
pub fn overlapping_pair() -> impl Strategy<Value = (Dataset, Dataset)> {
    (dataset("a", 8), dataset("b", 4))
        .prop_flat_map(|(a, b)| {
            let count = a.activities.len();
            let changed = vec(any::<bool>(), count..=count);
            let kept = vec(any::<bool>(), count..=count);
            let replacements: Vec<_> = a
                .activities
                .iter()
                .map(|x| activity(x.id.clone()))
                .collect();
            (Just(a), Just(b), changed, kept, replacements)
        })
        .prop_map(|(a, mut b, changed, kept, replacements)| {
            for (index, original) in a.activities.iter().enumerate() {
                if !kept[index] {
                    continue;
                }
                if changed[index] {
                    b.activities.push(replacements[index].clone());
                } else {
                    b.activities.push(original.clone());
                }
            }
            (a, b)
        })
}
