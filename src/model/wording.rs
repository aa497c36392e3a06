//! Every sentence part that changes with a number: "1 activity" or "9 activities", "12 of 246
//! activities", "2016–2019", a programme's "3 dated events", and the hint for a year box that was not
//! a year. The views build these only through this module, so the coming Japanese translation (where
//! plurals and word order differ) has one place to change.
//!
//! Each function returns a whole phrase, never a fragment to glue to another translated fragment.

use super::i18n::{self, Locale};
use super::rules::YEAR_RANGE;

/// "1 activity", "9 activities"; 「活動 9件」.
pub fn activities(locale: Locale, count: usize) -> String {
    let n = i18n::count(locale, count);
    match locale {
        Locale::En if count == 1 => "1 activity".to_string(),
        Locale::En => format!("{n} activities"),
        Locale::Ja => format!("活動 {n}件"),
    }
}

/// The noun for a number shown in its own element before it: " activity" / " activities" in
/// English, "件の活動" in Japanese (the counter follows the number).
pub fn activities_noun(locale: Locale, count: usize) -> &'static str {
    match locale {
        Locale::En if count == 1 => " activity",
        Locale::En => " activities",
        Locale::Ja => "件の活動",
    }
}

/// The noun for a number of records shown in its own element before it.
pub fn records_noun(locale: Locale, count: usize) -> &'static str {
    match locale {
        Locale::En if count == 1 => " record",
        Locale::En => " records",
        Locale::Ja => "件の記録",
    }
}

/// A part of a whole, in activities: "12 of 246 activities", "1 of 1 activity"; 「246件中 12件」.
pub fn of_activities(locale: Locale, part: usize, total: usize) -> String {
    let (p, t) = (i18n::count(locale, part), i18n::count(locale, total));
    match locale {
        Locale::En => format!("{p} of {t}{}", activities_noun(locale, total)),
        Locale::Ja => format!("全{t}件中 {p}件"),
    }
}

/// A year range as a phrase: "2016–2019", "2016" for one year, "from 2016", "up to 2019", or "all
/// years" when neither end is set; 「2016年～2019年」「2016年以降」「2019年まで」「全期間」.
pub fn years(locale: Locale, from: Option<i32>, to: Option<i32>) -> String {
    match (locale, from, to) {
        (Locale::En, None, None) => "all years".to_string(),
        (Locale::Ja, None, None) => "全期間".to_string(),
        (Locale::En, Some(from), None) => format!("from {from}"),
        (Locale::Ja, Some(from), None) => format!("{from}年以降"),
        (Locale::En, None, Some(to)) => format!("up to {to}"),
        (Locale::Ja, None, Some(to)) => format!("{to}年まで"),
        (_, Some(from), Some(to)) => i18n::year_span(locale, from, to),
    }
}

/// A programme's number of dated events: "1 dated event", "3 dated events"; 「日付のある行事 3件」.
pub fn dated_events(locale: Locale, count: usize) -> String {
    match locale {
        Locale::En if count == 1 => "1 dated event".to_string(),
        Locale::En => format!("{count} dated events"),
        Locale::Ja => format!("日付のある行事 {count}件"),
    }
}

/// The trends' summary of the latest year with activities: "In 2025, 12 activities were active; 5 of
/// them ASEAN-wide (42 %), 3 combining two or more measures." (`share` in per cent, `None` for none).
pub fn latest_year(
    locale: Locale,
    year: i32,
    active: usize,
    asean_wide: usize,
    share: Option<f64>,
    combined: usize,
) -> String {
    let share = share.map_or("–".to_string(), |s| i18n::percent(locale, s));
    match locale {
        Locale::En => {
            let were = if active == 1 { "was" } else { "were" };
            format!(
                "In {year}, {} {were} active; {asean_wide} of them ASEAN-wide ({share}), {combined} \
                 combining two or more measures.",
                activities(locale, active)
            )
        }
        Locale::Ja => format!(
            "{year}年に実施中の活動は{active}件で、うちASEAN全体が{asean_wide}件（{share}）、\
             2つ以上の手段を組み合わせたものが{combined}件です。"
        ),
    }
}

/// The header's note when some records are dated events: how many activities the counts see.
pub fn counted_note(locale: Locale, counted: usize) -> String {
    let n = i18n::count(locale, counted);
    match locale {
        Locale::En => format!("{n} counted: dated events count with their programme"),
        Locale::Ja => format!("集計上は{n}件：日付のある行事はその事業と合わせて数えます"),
    }
}

/// The hint under a year range whose box was given something that is not a year of the format; the
/// box shows its previous year again.
pub fn year_rejected(locale: Locale, typed: &str) -> String {
    let (low, high) = YEAR_RANGE;
    let typed = typed.trim();
    match locale {
        Locale::En => format!(
            "“{typed}” is not a year from {low} to {high}; the box shows its previous year again. \
             Empty a box to follow the data's own first or last year."
        ),
        Locale::Ja => format!(
            "「{typed}」は{low}年～{high}年の年ではないため、元の年に戻しました。\
             空欄にすると、データの最初または最後の年に合わせます。"
        ),
    }
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
            assert_eq!(activities(Locale::En, count), expected, "{count}");
        }
        assert_eq!(activities_noun(Locale::En, 1), " activity");
        assert_eq!(activities_noun(Locale::En, 7), " activities");
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
            assert_eq!(
                of_activities(Locale::En, part, total),
                expected,
                "{part} of {total}"
            );
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
            assert_eq!(years(Locale::En, from, to), expected, "{from:?}–{to:?}");
        }
    }

    #[test]
    fn dated_events_and_the_counted_note() {
        assert_eq!(dated_events(Locale::En, 1), "1 dated event");
        assert_eq!(dated_events(Locale::En, 3), "3 dated events");
        assert_eq!(dated_events(Locale::En, 0), "0 dated events");
        assert_eq!(
            counted_note(Locale::En, 225),
            "225 counted: dated events count with their programme"
        );
    }

    #[test]
    fn the_latest_year() {
        assert_eq!(
            latest_year(Locale::En, 2025, 12, 5, Some(41.7), 3),
            "In 2025, 12 activities were active; 5 of them ASEAN-wide (42 %), 3 combining two or \
             more measures."
        );
        assert_eq!(
            latest_year(Locale::En, 2009, 1, 0, None, 0),
            "In 2009, 1 activity was active; 0 of them ASEAN-wide (–), 0 combining two or more \
             measures."
        );
    }

    #[test]
    fn a_rejected_year_names_what_was_typed_and_the_range() {
        let hint = year_rejected(Locale::En, " 1800 ");
        assert!(
            hint.starts_with("“1800” is not a year from 1950 to 2100"),
            "{hint}"
        );
    }

    #[test]
    fn the_same_phrases_in_japanese() {
        let ja = Locale::Ja;
        let cases = [
            (activities(ja, 1), "活動 1件"),
            (activities(ja, 12_345), "活動 12345件"),
            (of_activities(ja, 12, 246), "全246件中 12件"),
            (years(ja, None, None), "全期間"),
            (years(ja, Some(2016), None), "2016年以降"),
            (years(ja, None, Some(2019)), "2019年まで"),
            (years(ja, Some(2016), Some(2019)), "2016年～2019年"),
            (years(ja, Some(2016), Some(2016)), "2016年"),
            (dated_events(ja, 3), "日付のある行事 3件"),
            (
                latest_year(ja, 2025, 12, 5, Some(41.7), 3),
                "2025年に実施中の活動は12件で、うちASEAN全体が5件（42%）、2つ以上の手段を組み合わせたものが3件です。",
            ),
        ];
        for (got, expected) in cases {
            assert_eq!(got, expected);
        }
        assert!(year_rejected(ja, "1800").starts_with("「1800」は1950年～2100年"));
        assert!(counted_note(ja, 225).contains("225件"));
    }
}
