//! Every sentence part that changes with a number: "1 activity" or "9 activities", "12 of 246
//! activities", "2016–2019", a programme's "3 dated events", and the hint for a year box that was not
//! a year. The views build these only through this module, so the coming Japanese translation (where
//! plurals and word order differ) has one place to change.
//!
//! Each function returns a whole phrase, never a fragment to glue to another translated fragment.

use super::rules::YEAR_RANGE;

/// "1 activity", "9 activities", "0 activities".
pub fn activities(count: usize) -> String {
    if count == 1 {
        "1 activity".to_string()
    } else {
        format!("{count} activities")
    }
}

/// The noun alone, for a number shown in its own element: "activity" for one, else "activities".
pub fn activities_noun(count: usize) -> &'static str {
    if count == 1 {
        "activity"
    } else {
        "activities"
    }
}

/// A part of a whole, in activities: "12 of 246 activities", "1 of 1 activity".
pub fn of_activities(part: usize, total: usize) -> String {
    format!("{part} of {total} {}", activities_noun(total))
}

/// A year range as a phrase: "2016–2019", "2016" for one year, "from 2016", "up to 2019", or "all
/// years" when neither end is set.
pub fn years(from: Option<i32>, to: Option<i32>) -> String {
    match (from, to) {
        (None, None) => "all years".to_string(),
        (Some(from), None) => format!("from {from}"),
        (None, Some(to)) => format!("up to {to}"),
        (Some(from), Some(to)) if from == to => from.to_string(),
        (Some(from), Some(to)) => format!("{from}–{to}"),
    }
}

/// A programme's number of dated events: "1 dated event", "3 dated events".
pub fn dated_events(count: usize) -> String {
    if count == 1 {
        "1 dated event".to_string()
    } else {
        format!("{count} dated events")
    }
}

/// The trends' summary of the latest year with activities: "In 2025, 12 activities were active; 5 of
/// them ASEAN-wide (42 %), 3 combining two or more measures." (`share` in per cent, `None` for none).
pub fn latest_year(
    year: i32,
    active: usize,
    asean_wide: usize,
    share: Option<f64>,
    combined: usize,
) -> String {
    let share = share.map_or("–".to_string(), |s| format!("{s:.0} %"));
    let were = if active == 1 { "was" } else { "were" };
    format!(
        "In {year}, {} {were} active; {asean_wide} of them ASEAN-wide ({share}), {combined} \
         combining two or more measures.",
        activities(active)
    )
}

/// The header's note when some records are dated events: how many activities the counts see.
pub fn counted_note(counted: usize) -> String {
    format!("{counted} counted: dated events count with their programme")
}

/// The hint under a year range whose box was given something that is not a year of the format; the
/// box shows its previous year again.
pub fn year_rejected(typed: &str) -> String {
    let (low, high) = YEAR_RANGE;
    format!(
        "“{}” is not a year from {low} to {high}; the box shows its previous year again. Empty a \
         box to follow the data's own first or last year.",
        typed.trim()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_of_activities() {
        let cases = [
            (0, "0 activities"),
            (1, "1 activity"),
            (2, "2 activities"),
            (246, "246 activities"),
        ];
        for (count, expected) in cases {
            assert_eq!(activities(count), expected, "{count}");
        }
        assert_eq!(activities_noun(1), "activity");
        assert_eq!(activities_noun(7), "activities");
    }

    #[test]
    fn parts_of_a_whole() {
        let cases = [
            ((12, 246), "12 of 246 activities"),
            ((1, 1), "1 of 1 activity"),
            ((0, 0), "0 of 0 activities"),
            ((0, 1), "0 of 1 activity"),
        ];
        for ((part, total), expected) in cases {
            assert_eq!(of_activities(part, total), expected, "{part} of {total}");
        }
    }

    #[test]
    fn year_ranges() {
        let cases = [
            ((None, None), "all years"),
            ((Some(2016), None), "from 2016"),
            ((None, Some(2019)), "up to 2019"),
            ((Some(2016), Some(2016)), "2016"),
            ((Some(2016), Some(2019)), "2016–2019"),
        ];
        for ((from, to), expected) in cases {
            assert_eq!(years(from, to), expected, "{from:?}–{to:?}");
        }
    }

    #[test]
    fn dated_events_and_the_counted_note() {
        assert_eq!(dated_events(1), "1 dated event");
        assert_eq!(dated_events(3), "3 dated events");
        assert_eq!(dated_events(0), "0 dated events");
        assert_eq!(
            counted_note(225),
            "225 counted: dated events count with their programme"
        );
    }

    #[test]
    fn the_latest_year() {
        assert_eq!(
            latest_year(2025, 12, 5, Some(41.7), 3),
            "In 2025, 12 activities were active; 5 of them ASEAN-wide (42 %), 3 combining two or \
             more measures."
        );
        assert_eq!(
            latest_year(2009, 1, 0, None, 0),
            "In 2009, 1 activity was active; 0 of them ASEAN-wide (–), 0 combining two or more \
             measures."
        );
    }

    #[test]
    fn a_rejected_year_names_what_was_typed_and_the_range() {
        let hint = year_rejected(" 1800 ");
        assert!(
            hint.starts_with("“1800” is not a year from 1950 to 2100"),
            "{hint}"
        );
    }
}
