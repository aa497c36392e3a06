//! Programmes and their dated events: the one rule by which every count takes them as one activity.
//!
//! An activity may name, in `partOf`, the programme it is a dated event of (a yearly course of a
//! multi-year capacity-building programme, say). The rule, used by every count of the app (the map,
//! the matrix, the trends, the report, the header) and nowhere restated:
//!
//! - An activity is an **event of a programme** when its `partOf` names another activity present in
//!   the dataset which itself has no `partOf`.
//! - A programme and its events count as **one activity**: the programme covers them. It counts
//!   wherever it or one of its events would count — the years, member states, measures, directions,
//!   fields and sources of the events are the programme's too, and a search matching an event's text
//!   matches the programme — and it counts once there. Its confidence and status stay the programme's
//!   own, since the record listed behind the count is the programme.
//! - An event whose programme is missing (deleted, or left out of a partial import) or is itself an
//!   event counts as its own activity, so that nothing vanishes from the counts and a cycle of
//!   `partOf` cannot hide anything.
//!
//! Every list of records (the activities list, search, the editor, exports) shows events as records of
//! their own; the lists behind a count show the programme once, with its events under it.

use std::collections::HashMap;

use super::dataset::{Activity, Dataset, FollowUp};
use super::filter::{matches_search, Filters};
use super::vision::Scope;

/// One activity as the counts see it: a programme with its events, or an activity that is no
/// programme's event.
#[derive(Clone, Debug, PartialEq)]
pub struct CountedActivity<'a> {
    /// The record listed behind a count.
    pub record: &'a Activity,
    /// The programme's events, in the dataset's order (empty for most activities).
    pub events: Vec<&'a Activity>,
    /// The programme covering its events, made only when it has events. Boxed, so that a dataset
    /// without events (the common case, 10,000 records in the benchmark) costs a pointer a record.
    covering: Option<Box<Activity>>,
}

impl<'a> CountedActivity<'a> {
    /// The activity the counts use: the programme extended over its events' years, places, measures,
    /// directions, fields and dated steps (each event a dated step with its own sources), or the record
    /// itself when it has no events.
    pub fn as_counted(&self) -> &Activity {
        self.covering.as_deref().unwrap_or(self.record)
    }

    /// Whether the activity passes every filter but measure and place (what the map and the matrix
    /// count by): the covering programme's years, directions, fields, sources, confidence and status,
    /// and a search that matches the programme's or any event's text.
    pub fn passes(&self, filters: &Filters) -> bool {
        filters.matches_except_measure_place_and_search(self.as_counted())
            && (matches_search(self.record, &filters.search)
                || self
                    .events
                    .iter()
                    .any(|event| matches_search(event, &filters.search)))
    }
}

/// Whether `programme`, the activity an `event`'s `partOf` names, takes it in as a dated event: the
/// rule's one test (another activity, itself no programme's event).
fn takes_in(programme: &Activity, event: &Activity) -> bool {
    programme.id != event.id && programme.part_of.is_none()
}

/// For each activity of `activities`, the position of the programme it is an event of, by the rule of
/// this module; `None` for an activity that counts as its own.
pub fn programme_positions(activities: &[Activity]) -> Vec<Option<usize>> {
    if activities.iter().all(|a| a.part_of.is_none()) {
        return vec![None; activities.len()];
    }
    // The first activity with an id wins, as everywhere else (ids are unique in a valid dataset).
    let mut position_of: HashMap<&str, usize> = HashMap::with_capacity(activities.len());
    for (position, activity) in activities.iter().enumerate() {
        position_of.entry(activity.id.as_str()).or_insert(position);
    }
    activities
        .iter()
        .map(|activity| {
            let programme = *position_of.get(activity.part_of.as_deref()?)?;
            takes_in(&activities[programme], activity).then_some(programme)
        })
        .collect()
}

/// For each activity, how many dated events it takes in, from [`programme_positions`].
pub fn event_counts(programme_positions: &[Option<usize>]) -> Vec<usize> {
    let mut counts = vec![0; programme_positions.len()];
    for programme in programme_positions.iter().flatten() {
        if let Some(count) = counts.get_mut(*programme) {
            *count += 1;
        }
    }
    counts
}

/// The programme `activity` is an event of, when it is one.
pub fn programme_of<'a>(dataset: &'a Dataset, activity: &Activity) -> Option<&'a Activity> {
    let programme = dataset.activity(activity.part_of.as_deref()?)?;
    takes_in(programme, activity).then_some(programme)
}

/// The events of the programme `programme_id`, in the dataset's order; empty when the activity is
/// itself an event (then its own `partOf` children count on their own).
pub fn events_of<'a>(dataset: &'a Dataset, programme_id: &str) -> Vec<&'a Activity> {
    let Some(programme) = dataset.activity(programme_id) else {
        return Vec::new();
    };
    dataset
        .activities
        .iter()
        .filter(|a| a.part_of.as_deref() == Some(programme_id) && takes_in(programme, a))
        .collect()
}

/// Every activity as the counts see it, in the dataset's order of the records listed: the activities
/// that are no programme's event, each with its events.
pub fn counted(dataset: &Dataset) -> Vec<CountedActivity<'_>> {
    let activities = &dataset.activities;
    let programmes = programme_positions(activities);
    // Empty vectors do not allocate: a dataset without events pays for none.
    let mut events: Vec<Vec<&Activity>> = vec![Vec::new(); activities.len()];
    for (activity, programme) in activities.iter().zip(&programmes) {
        if let Some(programme) = programme {
            events[*programme].push(activity);
        }
    }
    activities
        .iter()
        .zip(programmes)
        .zip(events)
        .filter(|((_, programme), _)| programme.is_none())
        .map(|((record, _), events)| CountedActivity {
            record,
            covering: (!events.is_empty()).then(|| Box::new(covering(record, &events))),
            events,
        })
        .collect()
}

/// The number of activities the counts see: what the header shows.
pub fn counted_total(dataset: &Dataset) -> usize {
    programme_positions(&dataset.activities)
        .iter()
        .filter(|programme| programme.is_none())
        .count()
}

/// The programme extended over its events.
fn covering(programme: &Activity, events: &[&Activity]) -> Activity {
    let mut covering = programme.clone();
    for event in events {
        covering.start = covering.start.min(event.start);
        covering.end = match (covering.end, event.end) {
            (Some(own), Some(theirs)) => Some(own.max(theirs).max(event.start)),
            _ => None,
        };
        for measure in &event.measures {
            if !covering.measures.contains(measure) {
                covering.measures.push(*measure);
            }
        }
        for direction in &event.directions {
            if !covering.directions.contains(direction) {
                covering.directions.push(*direction);
            }
        }
        for field in &event.fields {
            if !covering
                .fields
                .iter()
                .any(|f| f.trim().eq_ignore_ascii_case(field.trim()))
            {
                covering.fields.push(field.clone());
            }
        }
        // An ASEAN-wide programme already involves every member; a programme with member states takes
        // its events' member states.
        if covering.scope == Scope::MemberStates {
            for state in &event.countries {
                if !covering.countries.contains(state) {
                    covering.countries.push(*state);
                }
            }
        }
        covering.follow_ups.push(FollowUp {
            year: event.start,
            note: event.title.clone(),
            sources: event.sources.clone(),
            unknown: Default::default(),
        });
        covering.follow_ups.extend(event.follow_ups.iter().cloned());
    }
    super::sorting::sort_by(&mut covering.follow_ups, |a, b| a.year.cmp(&b.year));
    covering
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixtures::ActivityBuilder;
    use crate::model::vision::{Confidence, Measure, MemberState};

    /// An activity in Cambodia, the place every activity of these tests shares.
    fn in_cambodia(id: &str) -> ActivityBuilder {
        ActivityBuilder::new(id).member_states(&[MemberState::Cambodia])
    }

    fn dataset(activities: Vec<Activity>) -> Dataset {
        let mut dataset = Dataset::empty("t");
        dataset.activities = activities;
        dataset
    }

    fn counted_ids(dataset: &Dataset) -> Vec<(String, Vec<String>)> {
        counted(dataset)
            .iter()
            .map(|c| {
                (
                    c.record.id.clone(),
                    c.events.iter().map(|e| e.id.clone()).collect(),
                )
            })
            .collect()
    }

    /// A case of the rule: its name, the activities, and each counted record with its events.
    type Case = (
        &'static str,
        Vec<Activity>,
        Vec<(&'static str, Vec<&'static str>)>,
    );

    /// The rule, case by case: which records count, and which events each programme takes.
    #[test]
    fn which_activities_count() {
        let cases: Vec<Case> = vec![
            (
                "no partOf: every activity counts",
                vec![
                    in_cambodia("a").start(2016).build(),
                    in_cambodia("b").start(2017).build(),
                ],
                vec![("a", vec![]), ("b", vec![])],
            ),
            (
                "an event counts once, through its programme",
                vec![
                    in_cambodia("p").start(2010).build(),
                    in_cambodia("e1").part_of("p").start(2012).build(),
                    in_cambodia("e2").part_of("p").start(2013).build(),
                ],
                vec![("p", vec!["e1", "e2"])],
            ),
            (
                "a missing programme: the event counts as its own",
                vec![in_cambodia("e").part_of("gone").start(2012).build()],
                vec![("e", vec![])],
            ),
            (
                "a chain: the event of an event counts as its own",
                vec![
                    in_cambodia("p").start(2010).build(),
                    in_cambodia("e").part_of("p").start(2011).build(),
                    in_cambodia("ee").part_of("e").start(2012).build(),
                ],
                vec![("p", vec!["e"]), ("ee", vec![])],
            ),
            (
                "a cycle: both count as their own",
                vec![
                    in_cambodia("a").part_of("b").start(2010).build(),
                    in_cambodia("b").part_of("a").start(2011).build(),
                ],
                vec![("a", vec![]), ("b", vec![])],
            ),
            (
                "an activity naming itself counts as its own",
                vec![in_cambodia("a").part_of("a").start(2010).build()],
                vec![("a", vec![])],
            ),
            (
                "an event listed before its programme",
                vec![
                    in_cambodia("e").part_of("p").start(2012).build(),
                    in_cambodia("p").start(2010).build(),
                ],
                vec![("p", vec!["e"])],
            ),
        ];
        for (name, activities, expected) in cases {
            let dataset = dataset(activities);
            let expected: Vec<(String, Vec<String>)> = expected
                .into_iter()
                .map(|(id, events)| {
                    (
                        id.to_string(),
                        events.into_iter().map(str::to_string).collect(),
                    )
                })
                .collect();
            assert_eq!(counted_ids(&dataset), expected, "{name}");
            assert_eq!(counted_total(&dataset), expected.len(), "{name}");
        }
    }

    #[test]
    fn the_programme_covers_its_events() {
        let mut programme = in_cambodia("p").start(2010).build();
        programme.end = Some(2012);
        programme.measures = vec![Measure::CapacityBuilding];
        let mut event = in_cambodia("e")
            .title("Title of e")
            .part_of("p")
            .start(2015)
            .build();
        event.countries = vec![MemberState::Laos];
        event.measures = vec![Measure::JointTraining, Measure::CapacityBuilding];
        event.fields = vec!["PKO".into()];
        event.confidence = Some(Confidence::Uncertain);
        let dataset = dataset(vec![programme, event]);
        let counted = counted(&dataset);
        let covering = counted[0].as_counted();
        assert_eq!((covering.start, covering.end), (2010, Some(2015)));
        assert_eq!(
            covering.countries,
            [MemberState::Cambodia, MemberState::Laos]
        );
        assert_eq!(
            covering.measures,
            [Measure::CapacityBuilding, Measure::JointTraining]
        );
        assert_eq!(covering.fields, ["PKO"]);
        assert_eq!(covering.confidence, None, "the programme's own confidence");
        assert_eq!(covering.follow_ups.len(), 1);
        assert_eq!(covering.follow_ups[0].year, 2015);
        assert_eq!(covering.follow_ups[0].note, "Title of e");
        // The record listed is the programme as it is, not the covering copy.
        assert_eq!(counted[0].record.end, Some(2012));
    }

    /// Filters that match an event but not its programme count the programme (once); confidence is the
    /// programme's own.
    #[test]
    fn filters_that_match_only_an_event() {
        let mut programme = in_cambodia("p").start(2010).build();
        programme.end = Some(2011);
        let mut event = in_cambodia("e").part_of("p").start(2020).build();
        event.title = "Kampong Speu course".into();
        event.confidence = Some(Confidence::Uncertain);
        let dataset = dataset(vec![programme, event]);
        let unit = &counted(&dataset)[0];
        let cases = [
            (Filters::default(), true),
            (
                Filters {
                    from: Some(2020),
                    ..Filters::default()
                },
                true,
            ),
            (
                Filters {
                    from: Some(2021),
                    ..Filters::default()
                },
                false,
            ),
            (
                Filters {
                    search: "kampong".into(),
                    ..Filters::default()
                },
                true,
            ),
            (
                Filters {
                    search: "nowhere".into(),
                    ..Filters::default()
                },
                false,
            ),
            (
                Filters {
                    confidence: Some(Confidence::Uncertain),
                    ..Filters::default()
                },
                false,
            ),
            (
                Filters {
                    confidence: Some(Confidence::Verified),
                    ..Filters::default()
                },
                true,
            ),
        ];
        for (index, (filters, expected)) in cases.iter().enumerate() {
            assert_eq!(unit.passes(filters), *expected, "case {index}: {filters:?}");
        }
    }

    #[test]
    fn programme_and_events_look_ups() {
        let dataset = dataset(vec![
            in_cambodia("p").start(2010).build(),
            in_cambodia("e").part_of("p").start(2011).build(),
            in_cambodia("ee").part_of("e").start(2012).build(),
            in_cambodia("lost").part_of("gone").start(2012).build(),
        ]);
        let id = |a: Option<&Activity>| a.map(|a| a.id.clone());
        assert_eq!(
            id(programme_of(&dataset, &dataset.activities[1])),
            Some("p".into())
        );
        assert_eq!(id(programme_of(&dataset, &dataset.activities[2])), None);
        assert_eq!(id(programme_of(&dataset, &dataset.activities[3])), None);
        let events: Vec<&str> = events_of(&dataset, "p")
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(events, ["e"]);
        assert!(
            events_of(&dataset, "e").is_empty(),
            "an event has no events"
        );
        assert!(events_of(&dataset, "gone").is_empty());
    }

    #[test]
    fn part_of_round_trips_in_schema_order() {
        let mut dataset = dataset(vec![
            in_cambodia("p").start(2010).build(),
            in_cambodia("e").part_of("p").start(2011).build(),
        ]);
        dataset.activities[1].confidence = Some(Confidence::Uncertain);
        dataset.activities[1].follow_ups.push(FollowUp {
            year: 2011,
            note: "n".into(),
            sources: Vec::new(),
            unknown: Default::default(),
        });
        dataset.sort_by_id();
        let text = dataset.to_export_json();
        let confidence = text
            .find("\"confidence\": \"uncertain\"")
            .unwrap_or(usize::MAX);
        let part_of = text.find("\"partOf\": \"p\"").unwrap_or(usize::MAX);
        let follow_ups = text.find("\"followUps\"").unwrap_or(usize::MAX);
        assert!(confidence < part_of && part_of < follow_ups, "{text}");
        let back = crate::model::format::read_dataset_text(&text).expect("valid");
        assert_eq!(back.dataset, dataset);
        let compact = dataset.to_compact_json();
        let back = crate::model::format::read_dataset_text(&compact).expect("valid");
        assert_eq!(back.dataset, dataset);
    }
}
