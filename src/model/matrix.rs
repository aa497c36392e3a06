//! The matrix: activity counts by place (the eleven member states and an "ASEAN-wide" row) against the
//! Vision's five measures, or against fields, and the exact list of activities behind any cell.
//!
//! The matrix is the accessible twin of the map. It honours every shared filter except the measure (its
//! columns are the measures) and the country and scope (its rows are the places), exactly like
//! [`MapCounts`](super::stats::MapCounts), so a measure cell of a member state's row always equals the
//! map's count for that state under that measure. Counts and lists use one rule, [`cell_contains`] (the
//! map's [`counts_for`](super::stats::counts_for) and the column), so a number and the list shown when
//! it is clicked can never disagree.

use super::programmes::CountedActivity;
use std::collections::HashMap;

use super::dataset::{Activity, Dataset};
use super::filter::{Filters, SortOrder};
use super::i18n::views::{self as words, ViewsText};
use super::i18n::{Locale, Phrase};
use super::stats::{class_bounds, class_of, counts_for, MeasureChoice, Place, Reach};
use super::vision::{Direction, Measure, MemberState, Scope};

/// What the columns of the matrix are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum MatrixMode {
    /// Countries × the five measures, "no measure" and a total.
    #[default]
    Measures,
    /// Countries × the fields present in the filtered activities, "no field" and a total.
    Fields,
    /// Countries × the Vision's three directions, "no direction" and a total.
    Directions,
}

impl MatrixMode {
    pub const ALL: [MatrixMode; 3] = [
        MatrixMode::Measures,
        MatrixMode::Fields,
        MatrixMode::Directions,
    ];

    pub fn code(self) -> &'static str {
        match self {
            MatrixMode::Measures => "measures",
            MatrixMode::Fields => "fields",
            MatrixMode::Directions => "directions",
        }
    }

    /// The mode's name on its radio button.
    pub fn label(self) -> ViewsText {
        match self {
            MatrixMode::Measures => ViewsText::ModeMeasures,
            MatrixMode::Fields => ViewsText::ModeFields,
            MatrixMode::Directions => ViewsText::ModeDirections,
        }
    }

    pub fn from_code(code: &str) -> Option<MatrixMode> {
        MatrixMode::ALL.into_iter().find(|m| m.code() == code)
    }
}

/// One column of the matrix.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// Activities under this measure.
    Measure(Measure),
    /// Dialogue or exchange without any measure.
    NoMeasure,
    /// Activities with this field, held in its folded form (see [`fold_field`]).
    Field(String),
    /// Activities without any field.
    NoField,
    /// Activities serving this direction.
    Direction(Direction),
    /// Activities without any direction.
    NoDirection,
    /// Every activity of the row.
    Total,
}

impl Column {
    /// The code used in `data-col`: a measure's code, `NONE`, `TOTAL`, or the folded field label (which
    /// is lower case, so it never collides with `NONE` or `TOTAL`).
    pub fn code(&self) -> String {
        match self {
            Column::Measure(m) => m.code().to_string(),
            Column::NoMeasure | Column::NoField | Column::NoDirection => "NONE".to_string(),
            Column::Direction(d) => d.code().to_string(),
            Column::Field(key) => key.clone(),
            Column::Total => "TOTAL".to_string(),
        }
    }

    /// The measure of a measure column, which the counting rule ([`counts_for`]) decides; `None` for
    /// every other column.
    pub fn measure(&self) -> MeasureChoice {
        match self {
            Column::Measure(m) => Some(*m),
            _ => None,
        }
    }

    /// Whether an activity belongs in this column beyond its [`Column::measure`].
    pub fn admits(&self, activity: &Activity) -> bool {
        match self {
            Column::Measure(_) => true,
            Column::NoMeasure => activity.measures.is_empty(),
            Column::Field(key) => activity.fields.iter().any(|f| fold_field(f) == *key),
            Column::NoField => activity.fields.iter().all(|f| f.trim().is_empty()),
            Column::Direction(d) => activity.directions.contains(d),
            Column::NoDirection => activity.directions.is_empty(),
            Column::Total => true,
        }
    }

    /// Whether the column is heat-shaded (the total is a sum of the others and would dominate the scale).
    pub fn is_shaded(&self) -> bool {
        !matches!(self, Column::Total)
    }
}

/// A column with the text of its header, in the locale the matrix was built in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnHead {
    pub column: Column,
    /// The short header text, e.g. `CBC`, `HA/DR`, `No measure` (a field is named as the data spell
    /// it, in both languages).
    pub label: String,
    /// The long form for a tooltip, e.g. `Capacity Building Cooperation`.
    pub title: String,
}

/// A row's header: the member state's short name, or "ASEAN-wide", in `locale`.
pub fn row_label(place: Place, locale: Locale) -> &'static str {
    match place {
        Place::MemberState(state) => state.label(locale),
        Place::AseanWide => Scope::AseanWide.label(locale),
    }
}

/// Whether an activity belongs in a row: a member state's row holds the activities with that state,
/// the ASEAN-wide row the activities aimed at ASEAN as a whole (the map's rule with its toggle off).
pub fn row_contains(place: Place, activity: &Activity) -> bool {
    counts_for(place, None, false, activity)
}

/// The single rule behind every count and every list of the matrix. A programme is judged with its
/// dated events (`model::programmes`).
pub fn cell_contains(
    filters: &Filters,
    place: Place,
    column: &Column,
    counted: &CountedActivity,
) -> bool {
    let activity = counted.as_counted();
    counted.passes(filters) && in_cell(Reach::of(activity), place, column, activity)
}

/// The counting rule for a cell, with the activity's [`Reach`] read once.
fn in_cell(reach: Reach, place: Place, column: &Column, activity: &Activity) -> bool {
    reach.counts_for(place, column.measure(), false) && column.admits(activity)
}

/// A field label as compared: trimmed and lower case, so `HA/DR` and ` ha/dr` are one column.
pub fn fold_field(label: &str) -> String {
    label.trim().to_lowercase()
}

/// The rows of the matrix: the member states in the order of [`MemberState::ALL`], then ASEAN-wide.
pub fn rows() -> Vec<Place> {
    MemberState::ALL
        .into_iter()
        .map(Place::MemberState)
        .chain(std::iter::once(Place::AseanWide))
        .collect()
}

/// The counts of one mode under the shared filters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matrix {
    pub mode: MatrixMode,
    pub rows: Vec<Place>,
    pub columns: Vec<ColumnHead>,
    /// `counts[row][column]`, in the order of `rows` and `columns`.
    pub counts: Vec<Vec<u32>>,
}

impl Matrix {
    /// Counts the activities that pass `filters` (measure, country and scope ignored) into each cell;
    /// the column headers are in `locale` (the counts do not depend on it).
    pub fn build(dataset: &Dataset, filters: &Filters, mode: MatrixMode, locale: Locale) -> Matrix {
        let counted = super::programmes::counted(dataset);
        let passing: Vec<&Activity> = counted
            .iter()
            .filter(|c| c.passes(filters))
            .map(|c| c.as_counted())
            .collect();
        let columns = match mode {
            MatrixMode::Measures => measure_columns(locale),
            MatrixMode::Fields => field_columns(&passing, locale),
            MatrixMode::Directions => direction_columns(locale),
        };
        let rows = rows();
        let mut counts = vec![vec![0u32; columns.len()]; rows.len()];
        // The rule of `cell_contains`, with the filter test hoisted out of the loops.
        for activity in &passing {
            let reach = Reach::of(activity);
            for (row, place) in rows.iter().enumerate() {
                if !reach.is_at(*place, false) {
                    continue;
                }
                for (col, head) in columns.iter().enumerate() {
                    if in_cell(reach, *place, &head.column, activity) {
                        counts[row][col] += 1;
                    }
                }
            }
        }
        Matrix {
            mode,
            rows,
            columns,
            counts,
        }
    }

    /// The count of a cell, or `None` when the matrix has no such row or column.
    pub fn count(&self, place: Place, column: &Column) -> Option<u32> {
        let row = self.rows.iter().position(|p| *p == place)?;
        let col = self.columns.iter().position(|c| c.column == *column)?;
        Some(self.counts[row][col])
    }

    /// The highest count among the shaded cells of the member states' rows.
    pub fn max_member_state(&self) -> u32 {
        self.rows
            .iter()
            .zip(&self.counts)
            .filter(|(place, _)| matches!(place, Place::MemberState(_)))
            .flat_map(|(_, row)| {
                row.iter()
                    .zip(&self.columns)
                    .filter(|(_, head)| head.column.is_shaded())
                    .map(|(count, _)| *count)
            })
            .max()
            .unwrap_or(0)
    }

    /// The palette's class bounds. As on the map, the scale runs up to the highest member-state count,
    /// so that the many ASEAN-wide activities do not wash out the differences between countries; an
    /// ASEAN-wide cell above the top takes the darkest class (see [`Matrix::beyond_scale`]).
    pub fn shading_bounds(&self) -> Vec<u32> {
        class_bounds(self.max_member_state())
    }

    /// Whether some cell is above the top of the scale (the legend's last class then reads "N or more").
    pub fn beyond_scale(&self) -> bool {
        let top = self.shading_bounds().last().copied().unwrap_or(0);
        self.counts.iter().any(|row| {
            row.iter()
                .zip(&self.columns)
                .any(|(count, head)| head.column.is_shaded() && *count > top)
        })
    }

    /// The legend's labels in `locale`, one per class from 1: "1–2", "3", …, the last "9 or more"
    /// when some cell is beyond the scale (the classes of `stats::class_labels`).
    pub fn legend_labels(&self, locale: Locale) -> Vec<String> {
        let bounds = self.shading_bounds();
        let mut lower = 1;
        let mut labels: Vec<String> = bounds
            .iter()
            .map(|&upper| {
                let label = words::count_range(locale, lower, upper);
                lower = upper + 1;
                label
            })
            .collect();
        if self.beyond_scale() {
            let lower = bounds.iter().rev().nth(1).map_or(1, |b| b + 1);
            if let Some(last) = labels.last_mut() {
                *last = words::or_more(locale, lower);
            }
        }
        labels
    }

    /// The palette class of a cell (0 for the unshaded total).
    pub fn class_of_cell(&self, row: usize, col: usize) -> usize {
        match self.columns.get(col) {
            Some(head) if head.column.is_shaded() => class_of(
                self.counts
                    .get(row)
                    .and_then(|r| r.get(col))
                    .copied()
                    .unwrap_or(0),
                &self.shading_bounds(),
            ),
            _ => 0,
        }
    }
}

/// Exactly the activities counted in a cell, ordered by year: a programme with dated events once, as
/// its own record (`model::programmes`).
pub fn activities_in_cell<'a>(
    dataset: &'a Dataset,
    filters: &Filters,
    place: Place,
    column: &Column,
) -> Vec<&'a Activity> {
    counted_in_cell(dataset, filters, place, column)
        .into_iter()
        .map(|c| c.record)
        .collect()
}

/// [`activities_in_cell`] with each programme's dated events, for the list that says how many it has.
pub fn counted_in_cell<'a>(
    dataset: &'a Dataset,
    filters: &Filters,
    place: Place,
    column: &Column,
) -> Vec<CountedActivity<'a>> {
    let mut list: Vec<CountedActivity<'a>> = super::programmes::counted(dataset)
        .into_iter()
        .filter(|c| cell_contains(filters, place, column, c))
        .collect();
    super::sorting::sort_by(&mut list, |a, b| {
        SortOrder::YearAscending.compare(a.record, b.record)
    });
    list
}

/// A column whose header texts are two fixed phrases.
fn fixed_column(column: Column, label: ViewsText, title: ViewsText, locale: Locale) -> ColumnHead {
    ColumnHead {
        column,
        label: label.text(locale).to_string(),
        title: title.text(locale).to_string(),
    }
}

fn measure_columns(locale: Locale) -> Vec<ColumnHead> {
    let measures = Measure::ALL.into_iter().map(|m| ColumnHead {
        column: Column::Measure(m),
        label: m.short_label().to_string(),
        title: m.label(locale).to_string(),
    });
    measures
        .chain([
            fixed_column(
                Column::NoMeasure,
                ViewsText::NoMeasure,
                ViewsText::NoMeasureHint,
                locale,
            ),
            total_column(locale),
        ])
        .collect()
}

fn direction_columns(locale: Locale) -> Vec<ColumnHead> {
    let directions = Direction::ALL.into_iter().map(|d| ColumnHead {
        column: Column::Direction(d),
        label: d.short_label_in(locale).to_string(),
        title: d.description_in(locale).to_string(),
    });
    directions
        .chain([
            fixed_column(
                Column::NoDirection,
                ViewsText::NoDirection,
                ViewsText::NoDirectionHint,
                locale,
            ),
            total_column(locale),
        ])
        .collect()
}

fn total_column(locale: Locale) -> ColumnHead {
    fixed_column(
        Column::Total,
        ViewsText::Total,
        ViewsText::TotalHint,
        locale,
    )
}

/// The fields present in `activities`, most frequent first (ties alphabetically), then "no field" and
/// the total. Each field is shown in its most frequent spelling (ties: the first one seen).
fn field_columns(activities: &[&Activity], locale: Locale) -> Vec<ColumnHead> {
    struct Tally {
        activities: u32,
        first_seen: usize,
        spellings: Vec<(String, u32)>,
    }
    let mut tallies: HashMap<String, Tally> = HashMap::new();
    let mut seen = 0;
    for activity in activities {
        let mut counted_here: Vec<String> = Vec::new();
        for label in &activity.fields {
            let key = fold_field(label);
            if key.is_empty() {
                continue;
            }
            let tally = tallies.entry(key.clone()).or_insert_with(|| {
                seen += 1;
                Tally {
                    activities: 0,
                    first_seen: seen,
                    spellings: Vec::new(),
                }
            });
            let spelling = label.trim();
            match tally.spellings.iter_mut().find(|(s, _)| s == spelling) {
                Some((_, n)) => *n += 1,
                None => tally.spellings.push((spelling.to_string(), 1)),
            }
            // An activity listing a field twice still counts once towards the order of the columns.
            if !counted_here.contains(&key) {
                tally.activities += 1;
                counted_here.push(key);
            }
        }
    }
    let mut fields: Vec<(String, Tally)> = tallies.into_iter().collect();
    super::sorting::sort_by(&mut fields, |(a_key, a), (b_key, b)| {
        b.activities
            .cmp(&a.activities)
            .then_with(|| a_key.cmp(b_key))
            .then_with(|| a.first_seen.cmp(&b.first_seen))
    });
    fields
        .into_iter()
        .map(|(key, tally)| {
            let label = tally
                .spellings
                .iter()
                .enumerate()
                .max_by(|(i, (_, x)), (j, (_, y))| x.cmp(y).then_with(|| j.cmp(i)))
                .map(|(_, (s, _))| s.clone())
                .unwrap_or_else(|| key.clone());
            ColumnHead {
                title: words::field_hint(locale, &label),
                column: Column::Field(key),
                label,
            }
        })
        .chain([
            fixed_column(
                Column::NoField,
                ViewsText::NoField,
                ViewsText::NoFieldHint,
                locale,
            ),
            total_column(locale),
        ])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixtures::ActivityBuilder;
    use crate::model::stats::MapCounts;
    use crate::model::vision::{Confidence, Scope};
    use MemberState::*;

    /// Five activities with known answers: two in Viet Nam, one shared with the Philippines, a
    /// dialogue-only one, and two ASEAN-wide.
    fn sample() -> Dataset {
        let mut dataset = Dataset::empty("t");
        dataset.activities = vec![
            ActivityBuilder::new("vn-cbc")
                .member_states(&[VietNam])
                .measures(&[Measure::CapacityBuilding])
                .fields(&["HA/DR", "Military medicine"])
                .start(2017)
                .end(2019)
                .build(),
            ActivityBuilder::new("vn-ph")
                .member_states(&[VietNam, Philippines])
                .measures(&[Measure::CapacityBuilding, Measure::JointTraining])
                .fields(&["ha/dr "])
                .start(2020)
                .ongoing()
                .build(),
            ActivityBuilder::new("vn-talk")
                .member_states(&[VietNam])
                .fields(&["Policy dialogue"])
                .start(2016)
                .build(),
            ActivityBuilder::new("ship")
                .measures(&[Measure::InternationalLaw, Measure::CapacityBuilding])
                .fields(&["HA/DR", "International law"])
                .start(2018)
                .build(),
            ActivityBuilder::new("forum").start(2010).build(),
        ];
        dataset.activities[4].confidence = Some(Confidence::Uncertain);
        dataset
    }

    fn ids(list: &[&Activity]) -> Vec<String> {
        list.iter().map(|a| a.id.clone()).collect()
    }

    #[test]
    fn measure_counts_table() {
        let dataset = sample();
        let all = Filters::default();
        let since_2018 = Filters {
            from: Some(2018),
            ..Default::default()
        };
        // The measure, country and scope filters do not narrow the matrix: its columns and rows are those.
        let placed = Filters {
            measure: Some(Measure::JointTraining),
            country: Some(Philippines),
            scope: Some(Scope::MemberStates),
            ..Default::default()
        };
        let verified = Filters {
            confidence: Some(Confidence::Verified),
            ..Default::default()
        };
        let cbc = Column::Measure(Measure::CapacityBuilding);
        let vn = Place::MemberState(VietNam);
        let cases: Vec<(&Filters, Place, Column, u32)> = vec![
            (&all, vn, cbc.clone(), 2),
            (&all, vn, Column::Measure(Measure::JointTraining), 1),
            (&all, vn, Column::NoMeasure, 1),
            (&all, vn, Column::Total, 3),
            (&all, Place::MemberState(Philippines), Column::Total, 1),
            (&all, Place::MemberState(Laos), Column::Total, 0),
            (&all, Place::AseanWide, cbc.clone(), 1),
            (&all, Place::AseanWide, Column::NoMeasure, 1),
            (&all, Place::AseanWide, Column::Total, 2),
            (&since_2018, vn, Column::Total, 2),
            (&since_2018, vn, Column::NoMeasure, 0),
            (&since_2018, Place::AseanWide, Column::Total, 1),
            (&placed, vn, Column::Total, 3),
            (&placed, Place::AseanWide, Column::Total, 2),
            (&verified, Place::AseanWide, Column::Total, 1),
        ];
        for (index, (filters, place, column, expected)) in cases.into_iter().enumerate() {
            let matrix = Matrix::build(&dataset, filters, MatrixMode::Measures, Locale::En);
            assert_eq!(matrix.count(place, &column), Some(expected), "case {index}");
        }
    }

    #[test]
    fn field_columns_fold_case_and_follow_frequency() {
        let dataset = sample();
        let matrix = Matrix::build(
            &dataset,
            &Filters::default(),
            MatrixMode::Fields,
            Locale::En,
        );
        let labels: Vec<&str> = matrix.columns.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "HA/DR",
                "International law",
                "Military medicine",
                "Policy dialogue",
                "No field",
                "Total"
            ]
        );
        let codes: Vec<String> = matrix.columns.iter().map(|c| c.column.code()).collect();
        assert_eq!(codes[0], "ha/dr");
        assert_eq!(codes[4], "NONE");
        let hadr = Column::Field("ha/dr".into());
        let cases = [
            (Place::MemberState(VietNam), hadr.clone(), 2),
            (Place::MemberState(Philippines), hadr.clone(), 1),
            (Place::AseanWide, hadr.clone(), 1),
            (Place::AseanWide, Column::NoField, 1),
            (Place::MemberState(VietNam), Column::NoField, 0),
            (
                Place::MemberState(VietNam),
                Column::Field("policy dialogue".into()),
                1,
            ),
        ];
        for (place, column, expected) in cases {
            assert_eq!(
                matrix.count(place, &column),
                Some(expected),
                "{place:?} {column:?}"
            );
        }
        // A year range that leaves only 2010–2016 leaves only the fields present then.
        let early = Filters {
            to: Some(2016),
            ..Default::default()
        };
        let matrix = Matrix::build(&dataset, &early, MatrixMode::Fields, Locale::En);
        let labels: Vec<&str> = matrix.columns.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["Policy dialogue", "No field", "Total"]);
    }

    #[test]
    fn the_most_frequent_spelling_names_a_field() {
        let mut dataset = Dataset::empty("t");
        dataset.activities = vec![
            ActivityBuilder::new("a")
                .member_states(&[Laos])
                .fields(&["cyber"])
                .start(2020)
                .build(),
            ActivityBuilder::new("b")
                .member_states(&[Laos])
                .fields(&["Cyber"])
                .start(2020)
                .build(),
            ActivityBuilder::new("c")
                .member_states(&[Laos])
                .fields(&["Cyber", "CYBER"])
                .start(2020)
                .build(),
        ];
        let matrix = Matrix::build(
            &dataset,
            &Filters::default(),
            MatrixMode::Fields,
            Locale::En,
        );
        assert_eq!(matrix.columns[0].label, "Cyber");
        assert_eq!(
            matrix.count(Place::MemberState(Laos), &Column::Field("cyber".into())),
            Some(3),
            "an activity listing a field twice counts once"
        );
    }

    #[test]
    fn cell_lists_are_sorted_by_year() {
        let dataset = sample();
        let list = activities_in_cell(
            &dataset,
            &Filters::default(),
            Place::MemberState(VietNam),
            &Column::Total,
        );
        assert_eq!(ids(&list), ["vn-talk", "vn-cbc", "vn-ph"]);
        let list = activities_in_cell(
            &dataset,
            &Filters::default(),
            Place::AseanWide,
            &Column::Measure(Measure::CapacityBuilding),
        );
        assert_eq!(ids(&list), ["ship"]);
    }

    /// Every cell of both modes, under several filters, lists exactly as many activities as it counts.
    #[test]
    fn every_cell_agrees_with_its_list() {
        let datasets = [sample(), crate::model::default_dataset()];
        let filter_sets = [
            Filters::default(),
            Filters {
                from: Some(2018),
                to: Some(2021),
                ..Default::default()
            },
            Filters {
                field: Some("ha/dr".into()),
                measure: Some(Measure::CapacityBuilding),
                ..Default::default()
            },
            Filters {
                confidence: Some(Confidence::Uncertain),
                search: "ship".into(),
                ..Default::default()
            },
        ];
        let mut cells = 0;
        for dataset in &datasets {
            for filters in &filter_sets {
                for mode in MatrixMode::ALL {
                    let matrix = Matrix::build(dataset, filters, mode, Locale::En);
                    for (row, place) in matrix.rows.iter().enumerate() {
                        for (col, head) in matrix.columns.iter().enumerate() {
                            let list = activities_in_cell(dataset, filters, *place, &head.column);
                            assert_eq!(
                                list.len() as u32,
                                matrix.counts[row][col],
                                "{mode:?} {place:?} {:?} {filters:?}",
                                head.column
                            );
                            cells += 1;
                        }
                    }
                }
            }
        }
        assert!(cells > 500, "checked {cells} cells");
    }

    /// A direction column of a row counts what the direction filter lists for that place, and "no
    /// direction" the rest.
    #[test]
    fn direction_cells_are_what_the_direction_filter_lists() {
        let dataset = crate::model::default_dataset();
        let matrix = Matrix::build(
            &dataset,
            &Filters::default(),
            MatrixMode::Directions,
            Locale::En,
        );
        let codes: Vec<String> = matrix.columns.iter().map(|c| c.column.code()).collect();
        assert_eq!(
            codes,
            [
                "rule-of-law",
                "maritime-security",
                "diverse-capabilities",
                "NONE",
                "TOTAL"
            ]
        );
        assert_eq!(
            MatrixMode::from_code("directions"),
            Some(MatrixMode::Directions)
        );
        // A programme and its dated events are one activity, judged with its events.
        let counted = crate::model::programmes::counted(&dataset);
        for place in rows() {
            let mut with_some = 0;
            for d in Direction::ALL {
                let filters = Filters {
                    direction: Some(d),
                    ..Default::default()
                };
                let listed = counted
                    .iter()
                    .filter(|c| c.passes(&filters) && row_contains(place, c.as_counted()))
                    .count() as u32;
                assert_eq!(
                    matrix.count(place, &Column::Direction(d)),
                    Some(listed),
                    "{place:?} {d:?}"
                );
            }
            for a in counted
                .iter()
                .map(|c| c.as_counted())
                .filter(|a| row_contains(place, a))
            {
                with_some += u32::from(!a.directions.is_empty());
            }
            let total = matrix.count(place, &Column::Total).unwrap_or_default();
            assert_eq!(
                matrix.count(place, &Column::NoDirection),
                Some(total - with_some)
            );
        }
        assert!(
            matrix.count(
                Place::MemberState(VietNam),
                &Column::Direction(Direction::MaritimeSecurity)
            ) > Some(0)
        );
    }

    /// The matrix is the map's accessible twin: on the default dataset its measure cells are the map's
    /// counts (ASEAN-wide toggle off), and its totals the map's "all measures" counts.
    #[test]
    fn measure_cells_equal_the_map_counts_on_the_default_dataset() {
        let dataset = crate::model::default_dataset();
        for filters in [
            Filters::default(),
            Filters {
                from: Some(2016),
                to: Some(2020),
                ..Default::default()
            },
        ] {
            let map = MapCounts::build(&dataset, &filters);
            let matrix = Matrix::build(&dataset, &filters, MatrixMode::Measures, Locale::En);
            for state in MemberState::ALL {
                let place = Place::MemberState(state);
                for m in Measure::ALL {
                    assert_eq!(
                        matrix.count(place, &Column::Measure(m)),
                        Some(map.member_state(state, Some(m), false)),
                        "{state:?} {m:?}"
                    );
                }
                assert_eq!(
                    matrix.count(place, &Column::Total),
                    Some(map.member_state(state, None, false))
                );
            }
            for m in Measure::ALL {
                assert_eq!(
                    matrix.count(Place::AseanWide, &Column::Measure(m)),
                    Some(map.asean_wide(Some(m)))
                );
            }
            assert_eq!(
                matrix.count(Place::AseanWide, &Column::Total),
                Some(map.asean_wide(None))
            );
        }
        let matrix = Matrix::build(
            &dataset,
            &Filters::default(),
            MatrixMode::Measures,
            Locale::En,
        );
        assert!(
            matrix
                .count(
                    Place::MemberState(VietNam),
                    &Column::Measure(Measure::CapacityBuilding)
                )
                .unwrap_or(0)
                > 0,
            "the default dataset has CBC activities with Viet Nam"
        );
    }

    #[test]
    fn rows_are_the_eleven_members_then_asean_wide() {
        let rows = rows();
        assert_eq!(rows.len(), 12);
        assert_eq!(rows[11], Place::AseanWide);
        assert_eq!(rows[11].code(), "ASEAN");
    }

    #[test]
    fn shading_follows_the_member_states_like_the_map() {
        let dataset = sample();
        let matrix = Matrix::build(
            &dataset,
            &Filters::default(),
            MatrixMode::Measures,
            Locale::En,
        );
        // Member states: at most 2 (Viet Nam under CBC); ASEAN-wide has 1 under CBC, PIL, "no measure".
        assert_eq!(matrix.max_member_state(), 2);
        assert_eq!(matrix.shading_bounds(), vec![1, 2]);
        assert!(!matrix.beyond_scale());
        assert_eq!(matrix.legend_labels(Locale::En), ["1", "2"]);
        let vn_cbc = matrix
            .columns
            .iter()
            .position(|c| c.column == Column::Measure(Measure::CapacityBuilding));
        let total = matrix.columns.len() - 1;
        assert_eq!(
            matrix.class_of_cell(VietNam.index(), vn_cbc.unwrap_or(0)),
            2
        );
        assert_eq!(
            matrix.class_of_cell(VietNam.index(), total),
            0,
            "the total is not shaded"
        );

        // Three more ASEAN-wide dialogues put that row beyond the member states' scale.
        let mut more = dataset.clone();
        for id in ["f2", "f3", "f4"] {
            more.activities
                .push(ActivityBuilder::new(id).start(2011).build());
        }
        let matrix = Matrix::build(&more, &Filters::default(), MatrixMode::Measures, Locale::En);
        assert!(matrix.beyond_scale());
        assert_eq!(matrix.legend_labels(Locale::En), ["1", "2 or more"]);
        let none = matrix
            .columns
            .iter()
            .position(|c| c.column == Column::NoMeasure)
            .unwrap_or(0);
        assert_eq!(
            matrix.class_of_cell(11, none),
            2,
            "4 dialogues take the darkest class"
        );
    }

    /// The headers and the legend in Japanese: MOD's terms for the measures and directions, the data's
    /// own spelling for a field; the counts are the same in both languages.
    #[test]
    fn headers_and_legend_in_japanese() {
        let dataset = sample();
        let filters = Filters::default();
        let heads = |mode, locale| -> Vec<(String, String)> {
            Matrix::build(&dataset, &filters, mode, locale)
                .columns
                .into_iter()
                .map(|h| (h.label, h.title))
                .collect()
        };
        let measures = heads(MatrixMode::Measures, Locale::Ja);
        assert_eq!(measures[1], ("CBC".to_string(), "能力構築支援".to_string()));
        assert_eq!(measures[5].0, "手段なし");
        assert_eq!(measures[6].0, "合計");
        let directions = heads(MatrixMode::Directions, Locale::Ja);
        assert_eq!(directions[0].0, "法の支配");
        assert_eq!(directions[3].0, "方向性なし");
        let fields = heads(MatrixMode::Fields, Locale::Ja);
        assert_eq!(
            fields[0],
            ("HA/DR".to_string(), "分野「HA/DR」の活動".to_string())
        );
        assert_eq!(fields[4].0, "分野なし");
        let english = heads(MatrixMode::Measures, Locale::En);
        assert_eq!(english[5].0, "No measure");
        assert_eq!(english[1].1, "Capacity Building Cooperation");
        for mode in MatrixMode::ALL {
            assert_eq!(
                Matrix::build(&dataset, &filters, mode, Locale::Ja).counts,
                Matrix::build(&dataset, &filters, mode, Locale::En).counts
            );
        }
        assert_eq!(row_label(Place::AseanWide, Locale::Ja), "ASEAN全体");
        assert_eq!(
            row_label(Place::MemberState(VietNam), Locale::Ja),
            "ベトナム"
        );
        assert_eq!(
            row_label(Place::AseanWide, Locale::En),
            Place::AseanWide.name()
        );

        let mut more = dataset.clone();
        for id in ["f2", "f3", "f4"] {
            more.activities
                .push(ActivityBuilder::new(id).start(2011).build());
        }
        let matrix = Matrix::build(&more, &filters, MatrixMode::Measures, Locale::Ja);
        assert_eq!(matrix.legend_labels(Locale::Ja), ["1", "2以上"]);
        // The English legend is the map's classes (`stats::class_labels`), word for word.
        let default = crate::model::default_dataset();
        let matrix = Matrix::build(&default, &filters, MatrixMode::Measures, Locale::En);
        let mut expected = crate::model::stats::class_labels(&matrix.shading_bounds());
        if matrix.beyond_scale() {
            let bounds = matrix.shading_bounds();
            let lower = bounds.iter().rev().nth(1).map_or(1, |b| b + 1);
            if let Some(last) = expected.last_mut() {
                *last = format!("{lower} or more");
            }
        }
        assert_eq!(matrix.legend_labels(Locale::En), expected);
        assert!(matrix
            .legend_labels(Locale::Ja)
            .iter()
            .any(|label| label.contains('～')));
    }
}
