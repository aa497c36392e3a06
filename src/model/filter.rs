//! The filters shared by the map, the matrix and the activities list, their query-string form, and the
//! one rule of the year range that every view's year boxes follow ([`Filters::type_year`]).
//!
//! One `Filters` value is shared by the views, and each applies the part that fits what it shows: the
//! activities list every filter ([`Filters::matches`]); the map and the matrix every filter but
//! measure, scope and country, which they show as their own rows and columns
//! ([`Filters::matches_except_measure_and_place`], through `programmes::CountedActivity::passes`), so a
//! count and the list behind it are judged by the same filters and the same counting rule
//! (`stats::counts_for`). The trends apply only the years; the report covers the whole dataset.

use super::dataset::{Activity, Dataset};
use super::i18n::editor::EditorText;
use super::i18n::{quoted, Locale, Phrase};
use super::rules::YEAR_RANGE;
use super::sources::has_official_source;
use super::vision::{Confidence, Direction, Measure, MemberState, Scope, Status};

/// What the user narrowed the dataset to. `None` everywhere means "everything".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// `None`: all measures, dialogue-only activities included.
    pub measure: Option<Measure>,
    /// Inclusive year range; `None` stands for the dataset's own first or last year.
    pub from: Option<i32>,
    pub to: Option<i32>,
    pub country: Option<MemberState>,
    pub scope: Option<Scope>,
    /// A field label, compared case-insensitively.
    pub field: Option<String>,
    pub status: Option<Status>,
    pub confidence: Option<Confidence>,
    /// One of the Vision's three directions.
    pub direction: Option<Direction>,
    /// Only activities backed by an official source (`model::sources`).
    pub official: bool,
    /// Free text searched in titles, summaries, fields and sources.
    pub search: String,
}

impl Filters {
    /// Whether an activity passes every filter.
    pub fn matches(&self, activity: &Activity) -> bool {
        self.matches_except_measure_and_place(activity)
            && self.measure.is_none_or(|m| activity.has_measure(m))
            && self.scope.is_none_or(|s| activity.scope == s)
            && self.country.is_none_or(|c| activity.involves(c))
    }

    /// Every filter but measure, scope and country: what the map's aggregation depends on, since the map
    /// shows every country and measure at once.
    pub fn matches_except_measure_and_place(&self, activity: &Activity) -> bool {
        self.matches_except_measure_place_and_search(activity)
            && matches_search(activity, &self.search)
    }

    /// Every filter but the text search: with a [`SearchIndex`] for the search, the same answer as
    /// [`Filters::matches`].
    pub fn matches_except_search(&self, activity: &Activity) -> bool {
        self.matches_except_measure_place_and_search(activity)
            && self.measure.is_none_or(|m| activity.has_measure(m))
            && self.scope.is_none_or(|s| activity.scope == s)
            && self.country.is_none_or(|c| activity.involves(c))
    }

    /// Every filter but measure, scope, country and the text search (years, status, confidence,
    /// direction, official source, field): what a programme with events is judged by before its events'
    /// texts are searched too (`model::programmes`).
    pub fn matches_except_measure_place_and_search(&self, activity: &Activity) -> bool {
        let from = self.from.unwrap_or(i32::MIN);
        let to = self.to.unwrap_or(i32::MAX);
        activity.overlaps(from, to)
            && self.status.is_none_or(|s| activity.status == Some(s))
            && self.confidence.is_none_or(|c| activity.confidence() == c)
            && self
                .direction
                .is_none_or(|d| activity.directions.contains(&d))
            && (!self.official || has_official_source(activity))
            && self.field.as_deref().is_none_or(|field| {
                activity
                    .fields
                    .iter()
                    .any(|f| f.trim().eq_ignore_ascii_case(field.trim()))
            })
    }

    /// Whether any filter other than the year range is set (the "N of M" line shows only then).
    pub fn is_narrowing(&self) -> bool {
        self.measure.is_some()
            || self.country.is_some()
            || self.scope.is_some()
            || self.field.is_some()
            || self.status.is_some()
            || self.confidence.is_some()
            || self.direction.is_some()
            || self.official
            || !self.search.trim().is_empty()
            || self.from.is_some()
            || self.to.is_some()
    }

    /// Clears the filters that only the Activities view sets (status, confidence, field, direction,
    /// official source, search): what the map's and the matrix's "remove them" buttons undo.
    pub fn clear_other_filters(&mut self) {
        self.status = None;
        self.confidence = None;
        self.field = None;
        self.direction = None;
        self.official = false;
        self.search.clear();
    }

    /// The filters [`Filters::clear_other_filters`] clears, each named in `locale` ("status:
    /// Completed", 「状況：完了」), for the note of a view that has no controls for them; joined by "; "
    /// in English and 「、」 in Japanese. Empty while none is set.
    pub fn other_filters_label(&self, locale: Locale) -> String {
        let separator = match locale {
            Locale::En => "; ",
            Locale::Ja => "、",
        };
        self.other_filters(locale).join(separator)
    }

    /// Each filter other than measure, years, scope and country, in words: "status: Completed",
    /// "search: “ship rider”"; 「状況：完了」. The note of other filters and the map's caption both
    /// list them.
    pub fn other_filters(&self, locale: Locale) -> Vec<String> {
        // In English each is the filter bar's label in lower case, as the note has always written it.
        let named = |name: EditorText, value: &str| match locale {
            Locale::En => format!("{}: {value}", name.en().to_lowercase()),
            Locale::Ja => format!("{}：{value}", name.ja()),
        };
        let mut out = Vec::new();
        if let Some(status) = self.status {
            out.push(named(EditorText::Status, status.label(locale)));
        }
        if let Some(confidence) = self.confidence {
            out.push(named(EditorText::Confidence, confidence.label(locale)));
        }
        if let Some(field) = &self.field {
            out.push(named(EditorText::Field, &quoted(locale, field.trim())));
        }
        if let Some(direction) = self.direction {
            out.push(named(EditorText::Direction, direction.label(locale)));
        }
        if self.official {
            out.push(EditorText::OfficialFilter.text(locale).to_string());
        }
        if !self.search.trim().is_empty() {
            out.push(named(
                EditorText::Search,
                &quoted(locale, self.search.trim()),
            ));
        }
        out
    }

    /// The filters as query-string pairs, in a fixed order, leaving out what is unset.
    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(m) = self.measure {
            pairs.push(("measure", m.code().to_string()));
        }
        if let Some(from) = self.from {
            pairs.push(("from", from.to_string()));
        }
        if let Some(to) = self.to {
            pairs.push(("to", to.to_string()));
        }
        if let Some(c) = self.country {
            pairs.push(("in", c.iso3().to_string()));
        }
        if let Some(s) = self.scope {
            pairs.push(("scope", s.code().to_string()));
        }
        if let Some(f) = &self.field {
            pairs.push(("field", f.clone()));
        }
        if let Some(s) = self.status {
            pairs.push(("status", s.code().to_string()));
        }
        if let Some(c) = self.confidence {
            pairs.push(("confidence", c.code().to_string()));
        }
        if let Some(d) = self.direction {
            pairs.push(("direction", d.code().to_string()));
        }
        if self.official {
            pairs.push(("official", "1".to_string()));
        }
        if !self.search.is_empty() {
            pairs.push(("q", self.search.clone()));
        }
        pairs
    }

    /// Reads filters from query-string pairs, ignoring anything unknown or malformed (a shared link from
    /// a newer version must still open).
    pub fn from_query_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Filters {
        let mut filters = Filters::default();
        for (key, value) in pairs {
            match key {
                "measure" => filters.measure = Measure::from_code(value),
                "from" => filters.from = parse_year(value),
                "to" => filters.to = parse_year(value),
                "in" => filters.country = MemberState::from_iso3(value),
                "scope" => filters.scope = Scope::from_code(value),
                "field" if !value.trim().is_empty() => filters.field = Some(value.to_string()),
                "status" => filters.status = Status::from_code(value),
                "confidence" => filters.confidence = Confidence::from_code(value),
                "direction" => filters.direction = Direction::from_code(value),
                "official" => filters.official = value == "1",
                "q" => filters.search = value.to_string(),
                _ => {}
            }
        }
        filters
    }
}

/// A year of the format ([`YEAR_RANGE`]) written as digits, or `None`: the one reading of a year that
/// the query string and the year boxes share.
pub fn parse_year(text: &str) -> Option<i32> {
    let (low, high) = YEAR_RANGE;
    text.trim()
        .parse()
        .ok()
        .filter(|y| (low..=high).contains(y))
}

/// Which end of the year range a year box edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearBound {
    From,
    To,
}

/// Why a year box's text was not taken (the range is left as it was).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotAYear;

impl Filters {
    /// The year range as the views count it: each bound the user set, or else the dataset's own first
    /// or last year (`span`). `None` for a bound when neither exists (an empty dataset).
    pub fn years_within(&self, span: Option<(i32, i32)>) -> (Option<i32>, Option<i32>) {
        (
            self.from.or(span.map(|s| s.0)),
            self.to.or(span.map(|s| s.1)),
        )
    }

    /// **The one rule of the year range**, for every view's year boxes. `typed` is what the box holds:
    ///
    /// - nothing (or only spaces) clears that bound: the range follows the data's own first or last
    ///   year again;
    /// - a year of the format ([`YEAR_RANGE`], 1950–2100) sets it; when it crosses the other bound (as
    ///   set, or else the data's own year from `span`), the other bound moves to the same year, so the
    ///   range is never empty;
    /// - anything else changes nothing and is refused with [`NotAYear`] (the box shows its year again).
    pub fn type_year(
        &mut self,
        bound: YearBound,
        typed: &str,
        span: Option<(i32, i32)>,
    ) -> Result<(), NotAYear> {
        if typed.trim().is_empty() {
            match bound {
                YearBound::From => self.from = None,
                YearBound::To => self.to = None,
            }
            return Ok(());
        }
        let year = parse_year(typed).ok_or(NotAYear)?;
        let (from, to) = self.years_within(span);
        match bound {
            YearBound::From => {
                self.from = Some(year);
                if to.is_some_and(|to| to < year) {
                    self.to = Some(year);
                }
            }
            YearBound::To => {
                self.to = Some(year);
                if from.is_some_and(|from| from > year) {
                    self.from = Some(year);
                }
            }
        }
        Ok(())
    }

    /// Clears both bounds: every year of the data ("All years").
    pub fn clear_years(&mut self) {
        self.from = None;
        self.to = None;
    }

    /// The one year shown, when the range is a single year: where the year slider stands.
    pub fn single_year(&self) -> Option<i32> {
        match (self.from, self.to) {
            (Some(from), Some(to)) if from == to => Some(from),
            _ => None,
        }
    }

    /// What the year slider's label says, in `locale`: the one year shown, else the range of the
    /// year boxes (an open end is the data's own year, `span`), else "All years".
    pub fn years_shown(&self, locale: Locale, span: Option<(i32, i32)>) -> String {
        let (first, last) = span.unwrap_or_default();
        match (self.from, self.to) {
            (None, None) => EditorText::AllYears.text(locale).to_string(),
            (from, to) => super::i18n::year_span(locale, from.unwrap_or(first), to.unwrap_or(last)),
        }
    }

    /// Shows one year: both bounds on it, so every view counts what was active in that year (an
    /// ongoing activity from its start on), the rule of the trends chart.
    pub fn show_year(&mut self, year: i32) {
        self.from = Some(year);
        self.to = Some(year);
    }

    /// The text a year box shows for `bound`: the year set, or nothing (its placeholder then shows the
    /// data's own year).
    pub fn year_text(&self, bound: YearBound) -> String {
        match bound {
            YearBound::From => self.from,
            YearBound::To => self.to,
        }
        .map(|year| year.to_string())
        .unwrap_or_default()
    }
}

/// Where playing the years starts, in the data's `span`: from the year shown, unless none is shown
/// or it is the last (then from the first).
pub fn first_played_year(shown: Option<i32>, (first, last): (i32, i32)) -> i32 {
    match shown {
        Some(year) if (first..last).contains(&year) => year,
        _ => first,
    }
}

/// The year playing shows after `shown`, or `None` once the last year of the `span` is shown.
pub fn next_played_year(shown: i32, (first, last): (i32, i32)) -> Option<i32> {
    (shown < last).then(|| (shown + 1).max(first))
}

/// The year the previous- or next-year key shows (presentation mode's ← and →): one year on from the
/// year `shown`, kept inside the `span`; from a range or from all years, → starts at the first year
/// and ← at the last, as a presenter stepping into the years from either end would expect.
pub fn stepped_year(shown: Option<i32>, (first, last): (i32, i32), forward: bool) -> i32 {
    let year = match (shown, forward) {
        (Some(year), true) => year.saturating_add(1),
        (Some(year), false) => year.saturating_sub(1),
        (None, true) => first,
        (None, false) => last,
    };
    year.min(last).max(first)
}

/// Case-insensitive search over the text a user would remember an activity by. Every word must match.
pub fn matches_search(activity: &Activity, search: &str) -> bool {
    let search = search.trim();
    if search.is_empty() {
        return true;
    }
    search.split_whitespace().all(|word| {
        let needle = word.to_lowercase();
        contains_folded(&activity.title, &needle)
            || activity.id.to_lowercase() == needle
            // A programme's id finds its dated events too: "part of" and "N dated events" search it.
            || activity
                .part_of
                .as_deref()
                .is_some_and(|p| p.to_lowercase() == needle)
            || activity
                .summary
                .as_deref()
                .is_some_and(|s| contains_folded(s, &needle))
            || activity.fields.iter().any(|f| contains_folded(f, &needle))
            || activity.sources.iter().any(|s| {
                contains_folded(&s.url, &needle)
                    || s.title
                        .as_deref()
                        .is_some_and(|t| contains_folded(t, &needle))
            })
    })
}

/// `haystack` contains the lower-case `needle`, ignoring case, without allocating for ASCII text.
fn contains_folded(haystack: &str, needle: &str) -> bool {
    if haystack.is_ascii() && needle.is_ascii() {
        let (h, n) = (haystack.as_bytes(), needle.as_bytes());
        if n.len() > h.len() {
            return false;
        }
        return h
            .windows(n.len())
            .any(|window| window.eq_ignore_ascii_case(n));
    }
    haystack.to_lowercase().contains(needle)
}

/// How the activities list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortOrder {
    #[default]
    YearAscending,
    YearDescending,
    TitleAscending,
    TitleDescending,
}

impl SortOrder {
    pub const ALL: [SortOrder; 4] = [
        SortOrder::YearAscending,
        SortOrder::YearDescending,
        SortOrder::TitleAscending,
        SortOrder::TitleDescending,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SortOrder::YearAscending => "year",
            SortOrder::YearDescending => "-year",
            SortOrder::TitleAscending => "title",
            SortOrder::TitleDescending => "-title",
        }
    }

    /// The order's name in the sort menu, in `locale`.
    pub fn label(self, locale: Locale) -> &'static str {
        match self {
            SortOrder::YearAscending => EditorText::SortYearAscending,
            SortOrder::YearDescending => EditorText::SortYearDescending,
            SortOrder::TitleAscending => EditorText::SortTitleAscending,
            SortOrder::TitleDescending => EditorText::SortTitleDescending,
        }
        .text(locale)
    }

    pub fn from_code(code: &str) -> Option<SortOrder> {
        SortOrder::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Orders activities; ties fall back to title, then id, so the order is total and stable.
    pub fn sort(self, activities: &mut [&Activity]) {
        super::sorting::sort_by(activities, |a, b| self.compare(a, b));
    }

    /// The order of two activities under this sort order (the one comparison every list sorts by).
    pub fn compare(self, a: &Activity, b: &Activity) -> std::cmp::Ordering {
        let by_title = |a: &Activity, b: &Activity| {
            // Case-folded comparison without allocating: sorting 10,000 titles must stay cheap.
            let x = a.title.chars().flat_map(char::to_lowercase);
            let y = b.title.chars().flat_map(char::to_lowercase);
            x.cmp(y).then_with(|| a.id.cmp(&b.id))
        };
        let by_year = |a: &Activity, b: &Activity| {
            (a.start, a.end.unwrap_or(i32::MAX))
                .cmp(&(b.start, b.end.unwrap_or(i32::MAX)))
                .then_with(|| by_title(a, b))
        };
        match self {
            SortOrder::YearAscending => by_year(a, b),
            SortOrder::YearDescending => by_year(b, a),
            SortOrder::TitleAscending => by_title(a, b),
            SortOrder::TitleDescending => by_title(b, a),
        }
    }
}

impl SortOrder {
    /// The positions of all `activities` in this order: the same order as [`SortOrder::compare`], but
    /// each title is folded to lower case once rather than at every comparison, which keeps sorting
    /// 10,000 records with look-alike titles cheap.
    pub fn order(self, activities: &[Activity]) -> Vec<usize> {
        let folded: Vec<String> = activities
            .iter()
            .map(|a| a.title.chars().flat_map(char::to_lowercase).collect())
            .collect();
        let by_title = |i: usize, j: usize| {
            folded[i]
                .cmp(&folded[j])
                .then_with(|| activities[i].id.cmp(&activities[j].id))
        };
        let years = |a: &Activity| (a.start, a.end.unwrap_or(i32::MAX));
        let by_year = matches!(self, SortOrder::YearAscending | SortOrder::YearDescending);
        let mut positions = super::sorting::stable_order(activities.len(), &|i, j| {
            let years_first = if by_year {
                years(&activities[i]).cmp(&years(&activities[j]))
            } else {
                std::cmp::Ordering::Equal
            };
            years_first.then_with(|| by_title(i, j))
        });
        // The order is total, so a descending order is exactly the ascending one reversed.
        if matches!(self, SortOrder::YearDescending | SortOrder::TitleDescending) {
            positions.reverse();
        }
        positions
    }
}

/// The text the search looks through, folded to lower case once per dataset instead of once per
/// keystroke, one entry per activity (same positions as the dataset). It answers exactly as
/// [`matches_search`] does; it only does the folding ahead of time.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchIndex {
    /// Title, summary, fields, source addresses and titles, lower case, each ended by a separator that
    /// no search word contains (so a word never matches across two of them).
    texts: Vec<String>,
    /// The ids, lower case (an id matches only as a whole).
    ids: Vec<String>,
    /// The `partOf` ids, lower case, empty for none (matched as a whole, like ids).
    part_of: Vec<String>,
}

/// Ends each searchable text in a [`SearchIndex`]: a control character, never part of a search word.
const SEPARATOR: char = '\u{1}';

impl SearchIndex {
    pub fn build(activities: &[Activity]) -> SearchIndex {
        let mut texts = Vec::with_capacity(activities.len());
        let mut ids = Vec::with_capacity(activities.len());
        let mut part_of = Vec::with_capacity(activities.len());
        for activity in activities {
            let mut text = String::new();
            // Each part is folded on its own, as `matches_search` folds them.
            let mut add = |part: &str| {
                text.push_str(&part.to_lowercase());
                text.push(SEPARATOR);
            };
            add(&activity.title);
            if let Some(summary) = &activity.summary {
                add(summary);
            }
            for field in &activity.fields {
                add(field);
            }
            for source in &activity.sources {
                add(&source.url);
                if let Some(title) = &source.title {
                    add(title);
                }
            }
            texts.push(text);
            ids.push(activity.id.to_lowercase());
            part_of.push(
                activity
                    .part_of
                    .as_deref()
                    .map(str::to_lowercase)
                    .unwrap_or_default(),
            );
        }
        SearchIndex {
            texts,
            ids,
            part_of,
        }
    }

    /// Whether the activity at `position` contains every word (from [`search_words`]).
    pub fn matches(&self, position: usize, words: &[String]) -> bool {
        let (Some(text), Some(id), Some(part_of)) = (
            self.texts.get(position),
            self.ids.get(position),
            self.part_of.get(position),
        ) else {
            return words.is_empty();
        };
        words
            .iter()
            .all(|word| text.contains(word.as_str()) || id == word || part_of == word)
    }
}

/// The words of a search, lower case, as [`SearchIndex::matches`] takes them.
pub fn search_words(search: &str) -> Vec<String> {
    search.split_whitespace().map(str::to_lowercase).collect()
}

/// The positions in `dataset.activities` of the activities that pass `filters`, in `sort` order: what
/// the activities list shows. Positions rather than copies, so a search over 10,000 records copies none.
pub fn select(dataset: &Dataset, filters: &Filters, sort: SortOrder) -> Vec<usize> {
    let activities = &dataset.activities;
    keep_matching(
        activities,
        &sort.order(activities),
        &SearchIndex::build(activities),
        filters,
    )
}

/// The positions from `order` whose activities pass `filters`, in the same order, with the text search
/// answered by `index` (built from the same activities). A list that sorts and indexes once per change
/// of the dataset then filters on every keystroke without sorting or folding text.
pub fn keep_matching(
    activities: &[Activity],
    order: &[usize],
    index: &SearchIndex,
    filters: &Filters,
) -> Vec<usize> {
    let words = search_words(&filters.search);
    order
        .iter()
        .copied()
        .filter(|&i| {
            activities
                .get(i)
                .is_some_and(|a| filters.matches_except_search(a) && index.matches(i, &words))
        })
        .collect()
}

/// The field labels used in a dataset, each once (compared without regard to case, first spelling
/// kept), sorted case-insensitively: the choices of the field filter.
pub fn field_labels(dataset: &Dataset) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut labels: Vec<String> = dataset
        .activities
        .iter()
        .flat_map(|a| a.fields.iter())
        .map(|f| f.trim())
        .filter(|f| !f.is_empty() && seen.insert(f.to_lowercase()))
        .map(str::to_string)
        .collect();
    super::sorting::sort_by(&mut labels, |a, b| a.to_lowercase().cmp(&b.to_lowercase()));
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_year_shown_is_both_bounds_on_it() {
        let mut filters = Filters::default();
        assert_eq!(filters.single_year(), None);
        filters.show_year(2019);
        assert_eq!((filters.from, filters.to), (Some(2019), Some(2019)));
        assert_eq!(filters.single_year(), Some(2019));
        filters.to = Some(2020);
        assert_eq!(filters.single_year(), None, "a range is not one year");
        filters.from = None;
        assert_eq!(filters.single_year(), None);
    }

    #[test]
    fn the_slider_label_names_the_year_the_range_or_all_years() {
        let span = Some((1958, 2027));
        let cases = [
            // (from, to, English, Japanese)
            (Some(2016), Some(2016), "2016", "2016年"),
            (Some(2012), Some(2015), "2012–2015", "2012年～2015年"),
            (Some(2012), None, "2012–2027", "2012年～2027年"),
            (None, Some(2000), "1958–2000", "1958年～2000年"),
            (None, None, "All years", "全期間"),
        ];
        for (from, to, en, ja) in cases {
            let filters = Filters {
                from,
                to,
                ..Filters::default()
            };
            assert_eq!(filters.years_shown(Locale::En, span), en);
            assert_eq!(filters.years_shown(Locale::Ja, span), ja);
        }
    }

    #[test]
    fn playing_steps_through_the_span_once() {
        let span = (2016, 2019);
        let cases = [
            // (year shown, where playing starts)
            (None, 2016),
            (Some(2016), 2016),
            (Some(2018), 2018),
            (Some(2019), 2016),
            (Some(2010), 2016),
            (Some(2030), 2016),
        ];
        for (shown, start) in cases {
            assert_eq!(first_played_year(shown, span), start, "{shown:?}");
        }
        let mut played = vec![first_played_year(None, span)];
        while let Some(next) = next_played_year(*played.last().unwrap_or(&0), span) {
            played.push(next);
        }
        assert_eq!(played, [2016, 2017, 2018, 2019]);
        assert_eq!(next_played_year(2019, span), None);
        assert_eq!(next_played_year(2030, span), None);
        assert_eq!(first_played_year(None, (2020, 2020)), 2020);
        assert_eq!(next_played_year(2020, (2020, 2020)), None);
    }

    #[test]
    fn the_year_keys_step_one_year_inside_the_span() {
        let span = (2012, 2019);
        let cases = [
            // (shown, forward, expected)
            (Some(2015), true, 2016),
            (Some(2015), false, 2014),
            (Some(2019), true, 2019),
            (Some(2012), false, 2012),
            (None, true, 2012),
            (None, false, 2019),
            // A year outside the data (typed in the boxes) comes back inside it.
            (Some(2030), false, 2019),
            (Some(1990), true, 2012),
            (Some(i32::MAX), true, 2019),
            (Some(i32::MIN), false, 2012),
        ];
        for (shown, forward, expected) in cases {
            assert_eq!(
                stepped_year(shown, span, forward),
                expected,
                "{shown:?} {forward}"
            );
        }
        assert_eq!(stepped_year(Some(2020), (2020, 2020), true), 2020);
    }
    use crate::model::dataset::Source;
    use crate::model::fixtures::ActivityBuilder;

    #[test]
    fn filter_table() {
        let mut ship_rider = ActivityBuilder::new("SR")
            .title("Ship Rider")
            .start(2017)
            .build();
        ship_rider.measures = vec![Measure::InternationalLaw, Measure::JointTraining];
        ship_rider.fields = vec!["HA/DR".into()];
        ship_rider.summary = Some("Seminars on the law of the sea".into());
        ship_rider.sources = vec![Source {
            url: "https://www.mod.go.jp/j/x".into(),
            title: None,
            accessed: None,
            unknown: Default::default(),
        }];
        let mut vietnam = ActivityBuilder::new("VN")
            .title("Underwater medicine")
            .start(2012)
            .ongoing()
            .build();
        vietnam.scope = Scope::MemberStates;
        vietnam.countries = vec![MemberState::VietNam];
        vietnam.measures = vec![Measure::CapacityBuilding];
        vietnam.confidence = Some(Confidence::Uncertain);
        vietnam.status = Some(Status::Ongoing);
        ship_rider.directions = vec![Direction::RuleOfLaw, Direction::MaritimeSecurity];
        vietnam.sources = vec![Source {
            url: "https://portal-worlds.com/news/vietnam/1".into(),
            title: None,
            accessed: None,
            unknown: Default::default(),
        }];
        let direction = |d| Filters {
            direction: Some(d),
            ..Default::default()
        };
        let official = Filters {
            official: true,
            ..Default::default()
        };

        let cases: Vec<(Filters, &Activity, bool)> = vec![
            (direction(Direction::RuleOfLaw), &ship_rider, true),
            (direction(Direction::MaritimeSecurity), &ship_rider, true),
            (
                direction(Direction::DiverseCapabilities),
                &ship_rider,
                false,
            ),
            (direction(Direction::RuleOfLaw), &vietnam, false),
            (official.clone(), &ship_rider, true),
            (official.clone(), &vietnam, false),
            (Filters::default(), &ship_rider, true),
            (
                Filters {
                    measure: Some(Measure::JointTraining),
                    ..Default::default()
                },
                &ship_rider,
                true,
            ),
            (
                Filters {
                    measure: Some(Measure::CapacityBuilding),
                    ..Default::default()
                },
                &ship_rider,
                false,
            ),
            (
                Filters {
                    from: Some(2018),
                    ..Default::default()
                },
                &ship_rider,
                false,
            ),
            (
                Filters {
                    from: Some(2030),
                    ..Default::default()
                },
                &vietnam,
                true,
            ),
            (
                Filters {
                    to: Some(2011),
                    ..Default::default()
                },
                &vietnam,
                false,
            ),
            (
                Filters {
                    country: Some(MemberState::VietNam),
                    ..Default::default()
                },
                &vietnam,
                true,
            ),
            (
                Filters {
                    country: Some(MemberState::VietNam),
                    ..Default::default()
                },
                &ship_rider,
                false,
            ),
            (
                Filters {
                    scope: Some(Scope::AseanWide),
                    ..Default::default()
                },
                &ship_rider,
                true,
            ),
            (
                Filters {
                    scope: Some(Scope::AseanWide),
                    ..Default::default()
                },
                &vietnam,
                false,
            ),
            (
                Filters {
                    field: Some("ha/dr".into()),
                    ..Default::default()
                },
                &ship_rider,
                true,
            ),
            (
                Filters {
                    field: Some("PKO".into()),
                    ..Default::default()
                },
                &ship_rider,
                false,
            ),
            (
                Filters {
                    status: Some(Status::Ongoing),
                    ..Default::default()
                },
                &vietnam,
                true,
            ),
            (
                Filters {
                    status: Some(Status::Ongoing),
                    ..Default::default()
                },
                &ship_rider,
                false,
            ),
            (
                Filters {
                    confidence: Some(Confidence::Verified),
                    ..Default::default()
                },
                &ship_rider,
                true,
            ),
            (
                Filters {
                    confidence: Some(Confidence::Verified),
                    ..Default::default()
                },
                &vietnam,
                false,
            ),
            (
                Filters {
                    search: "SHIP law".into(),
                    ..Default::default()
                },
                &ship_rider,
                true,
            ),
            (
                Filters {
                    search: "mod.go.jp".into(),
                    ..Default::default()
                },
                &ship_rider,
                true,
            ),
            (
                Filters {
                    search: "ship medicine".into(),
                    ..Default::default()
                },
                &ship_rider,
                false,
            ),
            (
                Filters {
                    search: "vn".into(),
                    ..Default::default()
                },
                &vietnam,
                true,
            ),
        ];
        for (index, (filters, activity, expected)) in cases.into_iter().enumerate() {
            assert_eq!(
                filters.matches(activity),
                expected,
                "case {index}: {filters:?}"
            );
        }
    }

    #[test]
    fn query_pairs_round_trip_and_tolerate_junk() {
        let filters = Filters {
            measure: Some(Measure::CapacityBuilding),
            from: Some(2016),
            to: Some(2025),
            country: Some(MemberState::VietNam),
            scope: Some(Scope::MemberStates),
            field: Some("HA/DR".into()),
            status: Some(Status::Completed),
            confidence: Some(Confidence::Uncertain),
            direction: Some(Direction::MaritimeSecurity),
            official: true,
            search: "ship rider".into(),
        };
        let pairs = filters.to_query_pairs();
        assert!(pairs.contains(&("direction", "maritime-security".to_string())));
        assert!(pairs.contains(&("official", "1".to_string())));
        let back = Filters::from_query_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(back, filters);
        let junk = Filters::from_query_pairs([
            ("measure", "XYZ"),
            ("from", "abc"),
            ("in", "FRA"),
            ("direction", "peace"),
            ("official", "yes"),
            ("other", "1"),
        ]);
        assert_eq!(junk, Filters::default());
    }

    /// (from, to) before, the box edited, what was typed, (from, to) after, whether it was taken.
    type YearCase = (
        (Option<i32>, Option<i32>),
        YearBound,
        &'static str,
        (Option<i32>, Option<i32>),
        bool,
    );

    #[test]
    fn the_year_range_rule() {
        use YearBound::{From, To};
        // The data's own years, which an unset bound stands for.
        let span = Some((2009, 2027));
        let cases: [YearCase; 17] = [
            ((None, None), From, "2016", (Some(2016), None), true),
            ((None, None), To, " 2025 ", (None, Some(2025)), true),
            (
                (Some(2016), Some(2020)),
                From,
                "2018",
                (Some(2018), Some(2020)),
                true,
            ),
            // A year equal to the data's own stays as typed.
            ((None, None), From, "2009", (Some(2009), None), true),
            // An empty box clears its bound only.
            ((Some(2016), Some(2020)), From, "", (None, Some(2020)), true),
            ((Some(2016), Some(2020)), To, "  ", (Some(2016), None), true),
            // From after To moves To; To before From moves From: never an empty range.
            (
                (Some(2016), Some(2020)),
                From,
                "2022",
                (Some(2022), Some(2022)),
                true,
            ),
            (
                (Some(2016), Some(2020)),
                To,
                "2012",
                (Some(2012), Some(2012)),
                true,
            ),
            // The data's own last (first) year counts as the other bound when it is unset.
            ((None, None), From, "2030", (Some(2030), Some(2030)), true),
            ((None, None), To, "2000", (Some(2000), Some(2000)), true),
            // The format's years, 1950–2100, and nothing else.
            ((None, None), From, "1950", (Some(1950), None), true),
            ((None, None), To, "2100", (None, Some(2100)), true),
            ((Some(2016), None), From, "1949", (Some(2016), None), false),
            ((None, Some(2020)), To, "2101", (None, Some(2020)), false),
            ((Some(2016), None), From, "19", (Some(2016), None), false),
            ((Some(2016), None), From, "abc", (Some(2016), None), false),
            ((None, None), To, "2016.5", (None, None), false),
        ];
        for (index, ((from, to), bound, typed, expected, taken)) in cases.into_iter().enumerate() {
            let mut filters = Filters {
                from,
                to,
                ..Filters::default()
            };
            let result = filters.type_year(bound, typed, span);
            assert_eq!(result.is_ok(), taken, "case {index}: {typed:?}");
            assert_eq!(
                (filters.from, filters.to),
                expected,
                "case {index}: {typed:?}"
            );
        }
        // Without data (no span) an unset bound is open, so nothing moves.
        let mut filters = Filters::default();
        assert_eq!(filters.type_year(From, "2030", None), Ok(()));
        assert_eq!((filters.from, filters.to), (Some(2030), None));
        assert_eq!(filters.year_text(From), "2030");
        assert_eq!(filters.year_text(To), "");
        assert_eq!(
            Filters::default().years_within(span),
            (Some(2009), Some(2027))
        );
        assert_eq!(Filters::default().years_within(None), (None, None));
    }

    #[test]
    fn the_query_string_reads_the_same_years_as_the_boxes() {
        for (text, year) in [
            ("2016", Some(2016)),
            ("1950", Some(1950)),
            ("2100", Some(2100)),
            ("1949", None),
            ("2200", None),
            ("x", None),
        ] {
            assert_eq!(
                Filters::from_query_pairs([("from", text)]).from,
                year,
                "{text}"
            );
        }
    }

    #[test]
    fn sorting_is_total() {
        let a = ActivityBuilder::new("a").title("Beta").start(2017).build();
        let b = ActivityBuilder::new("b").title("alpha").start(2017).build();
        let c = ActivityBuilder::new("c")
            .title("Gamma")
            .start(2012)
            .ongoing()
            .build();
        let mut list = vec![&a, &b, &c];
        SortOrder::YearAscending.sort(&mut list);
        assert_eq!(
            list.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(),
            ["c", "b", "a"]
        );
        SortOrder::TitleAscending.sort(&mut list);
        assert_eq!(
            list.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(),
            ["b", "a", "c"]
        );
        SortOrder::TitleDescending.sort(&mut list);
        assert_eq!(
            list.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(),
            ["c", "a", "b"]
        );
    }

    #[test]
    fn select_filters_then_sorts_by_position() {
        let mut dataset = Dataset::empty("T");
        dataset.activities = vec![
            ActivityBuilder::new("a")
                .title("Beta seminar")
                .start(2017)
                .build(),
            ActivityBuilder::new("b")
                .title("alpha seminar")
                .start(2017)
                .build(),
            ActivityBuilder::new("c")
                .title("Gamma exercise")
                .start(2012)
                .ongoing()
                .build(),
            ActivityBuilder::new("d")
                .title("Delta seminar")
                .start(2010)
                .end(2011)
                .build(),
        ];
        let cases: Vec<(Filters, SortOrder, Vec<usize>)> = vec![
            (
                Filters::default(),
                SortOrder::YearAscending,
                vec![3, 2, 1, 0],
            ),
            (
                Filters::default(),
                SortOrder::TitleAscending,
                vec![1, 0, 3, 2],
            ),
            (
                Filters {
                    search: "seminar".into(),
                    ..Default::default()
                },
                SortOrder::YearDescending,
                vec![0, 1, 3],
            ),
            (
                Filters {
                    from: Some(2015),
                    ..Default::default()
                },
                SortOrder::TitleDescending,
                vec![2, 0, 1],
            ),
            (
                Filters {
                    search: "nothing".into(),
                    ..Default::default()
                },
                SortOrder::YearAscending,
                vec![],
            ),
        ];
        for (filters, sort, expected) in cases {
            assert_eq!(
                select(&dataset, &filters, sort),
                expected,
                "{filters:?} {sort:?}"
            );
        }
    }

    #[test]
    fn order_agrees_with_compare() {
        let titles = [
            ("a", "Beta", 2017, Some(2017)),
            ("b", "alpha", 2017, Some(2017)),
            ("c", "Gamma", 2012, None),
            ("d", "beta", 2017, Some(2017)),
            ("e", "Ärzte", 2017, Some(2019)),
            ("f", "Zeta", 2012, Some(2013)),
            ("g", "gamma", 2012, None),
        ];
        let activities: Vec<Activity> = titles
            .iter()
            .map(|(id, title, start, end)| {
                let years = ActivityBuilder::new(id).title(title).start(*start);
                match end {
                    Some(end) => years.end(*end),
                    None => years.ongoing(),
                }
                .build()
            })
            .collect();
        for sort in SortOrder::ALL {
            let mut expected: Vec<&Activity> = activities.iter().collect();
            sort.sort(&mut expected);
            let expected: Vec<&str> = expected.iter().map(|a| a.id.as_str()).collect();
            let ordered: Vec<&str> = sort
                .order(&activities)
                .into_iter()
                .map(|i| activities[i].id.as_str())
                .collect();
            assert_eq!(ordered, expected, "{sort:?}");
        }
    }

    /// The index must answer exactly as `matches_search`: every word of every default title, and some
    /// words that straddle two texts or differ only in case.
    #[test]
    fn search_index_agrees_with_matches_search() {
        let dataset = crate::model::default_dataset();
        let activities = &dataset.activities;
        let index = SearchIndex::build(activities);
        let mut searches: Vec<String> = activities
            .iter()
            .flat_map(|a| a.title.split_whitespace().map(str::to_string))
            .collect();
        searches.extend(
            [
                "",
                "  ",
                "SHIP rider",
                "vv-001",
                "VV-00",
                "mod.go.jp",
                "https",
                "ha/dr pko",
                "viet nam",
                "Japan–ASEAN",
                "zzz",
                "rider\u{1}",
            ]
            .map(String::from),
        );
        for search in &searches {
            let words = search_words(search);
            for (i, activity) in activities.iter().enumerate() {
                assert_eq!(
                    index.matches(i, &words),
                    matches_search(activity, search),
                    "{search:?} on {}",
                    activity.id
                );
            }
        }
    }

    #[test]
    fn keep_matching_agrees_with_matches() {
        let dataset = crate::model::default_dataset();
        let activities = &dataset.activities;
        let index = SearchIndex::build(activities);
        let order = SortOrder::YearAscending.order(activities);
        let cases = [
            Filters::default(),
            Filters {
                measure: Some(Measure::CapacityBuilding),
                country: Some(MemberState::VietNam),
                ..Default::default()
            },
            Filters {
                search: "ship".into(),
                scope: Some(Scope::AseanWide),
                from: Some(2018),
                ..Default::default()
            },
            Filters {
                official: true,
                direction: Some(Direction::DiverseCapabilities),
                ..Default::default()
            },
        ];
        for filters in cases {
            let expected: Vec<usize> = order
                .iter()
                .copied()
                .filter(|&i| filters.matches(&activities[i]))
                .collect();
            assert_eq!(
                keep_matching(activities, &order, &index, &filters),
                expected,
                "{filters:?}"
            );
        }
    }

    #[test]
    fn field_labels_are_distinct_and_sorted() {
        let mut dataset = Dataset::empty("T");
        let mut a = ActivityBuilder::new("a")
            .title("A")
            .start(2017)
            .ongoing()
            .build();
        a.fields = vec!["PKO".into(), "HA/DR".into()];
        let mut b = ActivityBuilder::new("b")
            .title("B")
            .start(2017)
            .ongoing()
            .build();
        b.fields = vec!["ha/dr".into(), " cyber ".into()];
        dataset.activities = vec![a, b];
        assert_eq!(field_labels(&dataset), ["cyber", "HA/DR", "PKO"]);
    }

    #[test]
    fn sort_orders_are_named_in_both_languages() {
        let cases = [
            (
                SortOrder::YearAscending,
                "Year, oldest first",
                "年（古い順）",
            ),
            (
                SortOrder::YearDescending,
                "Year, newest first",
                "年（新しい順）",
            ),
            (SortOrder::TitleAscending, "Title, A–Z", "名称（A→Z）"),
            (SortOrder::TitleDescending, "Title, Z–A", "名称（Z→A）"),
        ];
        for (sort, en, ja) in cases {
            assert_eq!(sort.label(Locale::En), en);
            assert_eq!(sort.label(Locale::Ja), ja);
        }
    }

    #[test]
    fn the_other_filters_are_named_in_both_languages() {
        let every = Filters {
            status: Some(Status::Completed),
            confidence: Some(Confidence::Uncertain),
            field: Some(" HA/DR ".into()),
            direction: Some(Direction::MaritimeSecurity),
            official: true,
            search: " Ship Rider ".into(),
            ..Filters::default()
        };
        let cases = [
            (Filters::default(), Locale::En, ""),
            (Filters::default(), Locale::Ja, ""),
            (
                every.clone(),
                Locale::En,
                "status: Completed; confidence: Uncertain; field: “HA/DR”; direction: Maritime \
                 security; backed by an official source; search: “Ship Rider”",
            ),
            (
                every.clone(),
                Locale::Ja,
                "状況：完了、確度：未確認、分野：「HA/DR」、協力の方向性：海洋安全保障の強化、公式出典あり、検索：「Ship Rider」",
            ),
        ];
        for (filters, locale, expected) in cases {
            assert_eq!(filters.other_filters_label(locale), expected, "{locale:?}");
        }
    }
}
