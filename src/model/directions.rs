//! Which of the Vision's three directions a record serves, and whether that was derived or chosen.
//!
//! The default records get their directions from `scripts/convert-research.py`, by the one rule in
//! `scripts/directions-rule.json` (their measures and field labels; docs/data.md says how). Such a record
//! carries the extra key [`DERIVED_KEY`], so the app can say the directions are derived; the editor drops
//! the mark as soon as someone ticks or unticks a direction, and from then on they are that person's.

use super::dataset::{Activity, UnknownKeys};

/// The extra key (format v1 keeps it like any unknown key) that marks derived directions.
pub const DERIVED_KEY: &str = "directionsDerived";

/// Whether the keys of a record mark its directions as derived.
pub fn marked_derived(unknown: &UnknownKeys) -> bool {
    unknown
        .get(DERIVED_KEY)
        .is_some_and(|value| value.as_bool() == Some(true))
}

/// Whether `activity`'s directions were derived from its measures and fields.
pub fn is_derived(activity: &Activity) -> bool {
    marked_derived(&activity.unknown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::edit::Draft;
    use crate::model::vision::{Direction, Measure};
    use crate::model::{default_dataset, Dataset};
    use serde_json::Value;

    /// The rule as the converter reads it, applied here by this test's own reading of the table.
    fn derive(rule: &Value, activity: &Activity) -> Vec<Direction> {
        let measure_codes: Vec<&str> = activity.measures.iter().map(|m| m.code()).collect();
        let mut found = Vec::new();
        if let Some(Value::Object(measures)) = rule.get("measures") {
            for (code, direction) in measures {
                if measure_codes.contains(&code.as_str()) {
                    found.extend(direction.as_str().and_then(Direction::from_code));
                }
            }
        }
        if let Some(Value::Object(fields)) = rule.get("fields") {
            for label in &activity.fields {
                if let Some(direction) = fields.get(&label.to_lowercase()) {
                    found.extend(direction.as_str().and_then(Direction::from_code));
                }
            }
        }
        Direction::ALL
            .into_iter()
            .filter(|d| found.contains(d))
            .collect()
    }

    fn rule() -> Value {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/directions-rule.json");
        let text = std::fs::read_to_string(path).expect("the directions rule is readable");
        serde_json::from_str(&text).expect("the directions rule is JSON")
    }

    #[test]
    fn every_default_direction_follows_the_rule_and_is_marked_derived() {
        let rule = rule();
        let dataset: Dataset = default_dataset();
        let mut with_directions = 0;
        for activity in &dataset.activities {
            let expected = derive(&rule, activity);
            assert_eq!(activity.directions, expected, "{}", activity.id);
            assert_eq!(
                is_derived(activity),
                !expected.is_empty(),
                "{}",
                activity.id
            );
            with_directions += usize::from(!expected.is_empty());
        }
        // Most records name a field of one of the directions; dialogues and exchanges do not.
        assert!(
            with_directions * 2 > dataset.activities.len(),
            "{with_directions}"
        );
        for direction in Direction::ALL {
            assert!(
                dataset
                    .activities
                    .iter()
                    .any(|a| a.directions.contains(&direction)),
                "{direction:?} is used"
            );
        }
    }

    #[test]
    fn the_rule_table_names_known_codes_only() {
        let rule = rule();
        for section in ["measures", "fields"] {
            let Some(Value::Object(table)) = rule.get(section) else {
                panic!("{section} is a table");
            };
            for (key, direction) in table {
                assert!(
                    direction.as_str().and_then(Direction::from_code).is_some(),
                    "{section}.{key}"
                );
                if section == "measures" {
                    assert!(Measure::from_code(key).is_some(), "{key}");
                } else {
                    assert_eq!(key, &key.to_lowercase(), "field keys are lower case");
                    assert!(crate::model::vision::is_known_field(key), "{key}");
                }
            }
        }
    }

    #[test]
    fn editing_a_direction_drops_the_derived_mark() {
        let dataset = default_dataset();
        let Some(derived) = dataset.activities.iter().find(|a| is_derived(a)) else {
            panic!("the default dataset has derived directions");
        };
        let mut draft = Draft::from_activity(derived);
        assert!(draft.directions_derived());
        let other = Direction::ALL
            .into_iter()
            .find(|d| !draft.directions.contains(d))
            .unwrap_or(Direction::RuleOfLaw);
        draft.set_direction(other, true);
        assert!(!draft.directions_derived());
        let saved = draft
            .build(&dataset, Some(&derived.id), "2026-12-01T00:00:00Z")
            .expect("still valid");
        assert!(!is_derived(&saved));
        assert!(saved.directions.contains(&other));
        // Every other extra key of the record is kept.
        assert_eq!(saved.unknown.len() + 1, derived.unknown.len());
    }
}
