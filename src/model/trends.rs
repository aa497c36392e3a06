//! Year-by-year series for the trends chart and the annual report: activities active each year by
//! measure, the share of ASEAN-wide activities (the Vision's stated direction, from bilateral toward
//! ASEAN-wide cooperation), and the number of activities combining two or more measures.
//!
//! An activity is active in every year from its start to its end; an ongoing one (no end) stays active
//! to the last year of the dataset's span. The series covers the whole dataset: the shared filters
//! narrow the map, the matrix and the list, not the trends.

use super::dataset::{Activity, Dataset};
use super::vision::{Measure, Scope};

/// The figures of one year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct YearTally {
    pub year: i32,
    /// Active activities under each measure, indexed by [`Measure::index`]. An activity with several
    /// measures counts once under each of them, so these add up to more than [`YearTally::active`]
    /// whenever measures are combined.
    pub by_measure: [u32; 5],
    /// Active activities without any measure (dialogue or exchange only).
    pub no_measure: u32,
    /// Distinct activities active that year.
    pub active: u32,
    /// Of those, the ones aimed at ASEAN as a whole.
    pub asean_wide: u32,
    /// Of those, the ones combining two or more measures.
    pub combined: u32,
}

impl YearTally {
    /// Counts the activities active in `year`.
    pub fn of_year<'a>(activities: impl IntoIterator<Item = &'a Activity>, year: i32) -> YearTally {
        let mut tally = YearTally {
            year,
            ..YearTally::default()
        };
        for activity in activities.into_iter().filter(|a| a.active_in(year)) {
            tally.add(activity);
        }
        tally
    }

    fn add(&mut self, activity: &Activity) {
        self.active += 1;
        for measure in distinct_measures(activity) {
            self.by_measure[measure.index()] += 1;
        }
        if activity.measures.is_empty() {
            self.no_measure += 1;
        }
        if activity.scope == Scope::AseanWide {
            self.asean_wide += 1;
        }
        if combines_measures(activity) {
            self.combined += 1;
        }
    }

    /// The height of the year's stacked bar: every measure of every active activity, plus the
    /// activities without a measure.
    pub fn stack_height(&self) -> u32 {
        self.by_measure.iter().sum::<u32>() + self.no_measure
    }

    /// The share of ASEAN-wide activities among the active ones, in percent; `None` in a year without
    /// activities (a gap in the line, not a zero).
    pub fn asean_wide_share(&self) -> Option<f64> {
        (self.active > 0).then(|| f64::from(self.asean_wide) * 100.0 / f64::from(self.active))
    }

    pub fn count(&self, measure: Measure) -> u32 {
        self.by_measure[measure.index()]
    }
}

/// Whether an activity combines two or more different measures.
pub fn combines_measures(activity: &Activity) -> bool {
    distinct_measures(activity).count() >= 2
}

/// The measures of an activity without repeats (a hand-edited file may list one twice).
fn distinct_measures(activity: &Activity) -> impl Iterator<Item = Measure> + '_ {
    Measure::ALL
        .into_iter()
        .filter(|m| activity.has_measure(*m))
}

/// One tally per year from the dataset's first year to its last ([`Dataset::year_span`]); empty for an
/// empty dataset.
pub fn yearly_series(dataset: &Dataset) -> Vec<YearTally> {
    yearly_series_between(dataset, None, None)
}

/// Like [`yearly_series`], narrowed to the shared year range (`None`: the dataset's own first or last
/// year). One long-running activity can start decades before the rest, so the user can narrow the chart
/// to the years that matter; a range outside the data gives an empty series.
pub fn yearly_series_between(
    dataset: &Dataset,
    from: Option<i32>,
    to: Option<i32>,
) -> Vec<YearTally> {
    let Some((first, last)) = dataset.year_span() else {
        return Vec::new();
    };
    let first = from.map_or(first, |from| from.max(first));
    let last = to.map_or(last, |to| to.min(last));
    let counted = super::programmes::counted(dataset);
    (first..=last)
        .map(|year| YearTally::of_year(counted.iter().map(|c| c.as_counted()), year))
        .collect()
}

/// How many activities must be active in a year for the trends and the report to open on it.
pub const OPENING_MIN_ACTIVE: u32 = 3;

/// The first year the trends and the report open on: the first year with at least
/// [`OPENING_MIN_ACTIVE`] active activities (the span's first year when no year has that many), so that
/// one long-running record (the National Defense Academy's foreign cadets since 1958) does not leave
/// most of the chart empty. "All years" goes back to [`Dataset::year_span`]'s first year.
pub fn opening_first_year(dataset: &Dataset) -> Option<i32> {
    let (first, last) = dataset.year_span()?;
    let counted = super::programmes::counted(dataset);
    (first..=last)
        .find(|year| {
            YearTally::of_year(counted.iter().map(|c| c.as_counted()), *year).active
                >= OPENING_MIN_ACTIVE
        })
        .or(Some(first))
}

/// A value axis from zero: the top and the gridline values, in steps of 1, 2 or 5 × 10ⁿ, about
/// `target_ticks` of them, so labels stay round.
pub fn axis_ticks(max: u32, target_ticks: u32) -> (u32, Vec<u32>) {
    let max = max.max(1);
    let target = target_ticks.max(1);
    let raw = max.div_ceil(target);
    let mut magnitude = 1u32;
    while magnitude.saturating_mul(10) <= raw {
        magnitude *= 10;
    }
    let step = [1, 2, 5, 10]
        .into_iter()
        .map(|k| k * magnitude)
        .find(|step| *step >= raw)
        .unwrap_or(10 * magnitude);
    let top = max.div_ceil(step) * step;
    let ticks = (0..=top / step).map(|k| k * step).collect();
    (top, ticks)
}

/// Which years get a label on a time axis of `count` years so that labels never crowd: every year when
/// they fit, otherwise every 2nd, 5th or 10th year (the multiples of that step).
pub fn year_label_step(count: usize, room: usize) -> i32 {
    [1, 2, 5, 10, 20, 50]
        .into_iter()
        .find(|step| count.div_ceil(*step as usize) <= room.max(1))
        .unwrap_or(100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixtures::ActivityBuilder;
    use crate::model::vision::MemberState;

    /// 2016–2019: a bilateral CBC project 2016–2018, an ASEAN-wide programme combining PIL and JTE in
    /// 2017, an ongoing ASEAN-wide dialogue from 2018, and a bilateral CBC+HRDAE course in 2019.
    fn sample() -> Dataset {
        use Measure::*;
        let mut dataset = Dataset::empty("t");
        dataset.activities = vec![
            ActivityBuilder::new("cbc")
                .member_states(&[MemberState::Laos])
                .measures(&[CapacityBuilding])
                .start(2016)
                .end(2018)
                .build(),
            ActivityBuilder::new("ship")
                .measures(&[InternationalLaw, JointTraining])
                .start(2017)
                .build(),
            ActivityBuilder::new("forum").start(2018).ongoing().build(),
            ActivityBuilder::new("course")
                .member_states(&[MemberState::Laos])
                .measures(&[CapacityBuilding, HumanResourceDevelopment])
                .start(2019)
                .build(),
        ];
        dataset
    }

    #[test]
    fn yearly_series_table() {
        let series = yearly_series(&sample());
        let years: Vec<i32> = series.iter().map(|t| t.year).collect();
        assert_eq!(years, [2016, 2017, 2018, 2019]);
        // (year, [PIL, CBC, DETC, JTE, HRDAE], no measure, active, ASEAN-wide, combined, stack, share)
        type Row = (i32, [u32; 5], u32, u32, u32, u32, u32, Option<f64>);
        let expected: [Row; 4] = [
            (2016, [0, 1, 0, 0, 0], 0, 1, 0, 0, 1, Some(0.0)),
            (2017, [1, 1, 0, 1, 0], 0, 2, 1, 1, 3, Some(50.0)),
            (2018, [0, 1, 0, 0, 0], 1, 2, 1, 0, 2, Some(50.0)),
            // The ongoing forum is still active in the last year of the span.
            (2019, [0, 1, 0, 0, 1], 1, 2, 1, 1, 3, Some(50.0)),
        ];
        for (tally, (year, by_measure, none, active, wide, combined, stack, share)) in
            series.iter().zip(expected)
        {
            assert_eq!(tally.year, year);
            assert_eq!(tally.by_measure, by_measure, "{year}");
            assert_eq!(tally.no_measure, none, "{year}");
            assert_eq!(tally.active, active, "{year}");
            assert_eq!(tally.asean_wide, wide, "{year}");
            assert_eq!(tally.combined, combined, "{year}");
            assert_eq!(tally.stack_height(), stack, "{year}");
            assert_eq!(tally.asean_wide_share(), share, "{year}");
        }
    }

    #[test]
    fn the_year_range_narrows_the_series() {
        let dataset = sample();
        let full = yearly_series(&dataset);
        let (first, last) = dataset.year_span().unwrap();
        let cases = [
            (None, None, first, last),
            (Some(first + 1), None, first + 1, last),
            (None, Some(last - 1), first, last - 1),
            (Some(first - 10), Some(last + 10), first, last),
        ];
        for (from, to, expected_first, expected_last) in cases {
            let series = yearly_series_between(&dataset, from, to);
            let years: Vec<i32> = series.iter().map(|t| t.year).collect();
            assert_eq!(
                years,
                (expected_first..=expected_last).collect::<Vec<_>>(),
                "{from:?}..{to:?}"
            );
            for tally in &series {
                let same_year = full.iter().find(|t| t.year == tally.year).unwrap();
                assert_eq!(tally, same_year, "narrowing changes no year's figures");
            }
        }
        assert!(yearly_series_between(&dataset, Some(last + 1), None).is_empty());
    }

    #[test]
    fn a_year_without_activities_has_no_share() {
        let mut dataset = Dataset::empty("t");
        dataset.activities = vec![
            ActivityBuilder::new("a").start(2010).build(),
            ActivityBuilder::new("b")
                .member_states(&[MemberState::Laos])
                .start(2013)
                .build(),
        ];
        let series = yearly_series(&dataset);
        assert_eq!(series.len(), 4);
        let shares: Vec<Option<f64>> = series.iter().map(|t| t.asean_wide_share()).collect();
        assert_eq!(shares, [Some(100.0), None, None, Some(0.0)]);
        assert!(yearly_series(&Dataset::empty("none")).is_empty());
    }

    #[test]
    fn a_measure_listed_twice_counts_once() {
        let mut twice = ActivityBuilder::new("x")
            .measures(&[Measure::JointTraining])
            .start(2020)
            .build();
        twice.measures.push(Measure::JointTraining);
        assert!(!combines_measures(&twice));
        let tally = YearTally::of_year([&twice], 2020);
        assert_eq!(tally.count(Measure::JointTraining), 1);
        assert_eq!(tally.combined, 0);
    }

    #[test]
    fn the_charts_open_on_the_first_year_with_three_active_activities() {
        // The sample has at most two active activities a year: it opens on its first year.
        let mut dataset = sample();
        assert_eq!(opening_first_year(&dataset), Some(2016));
        // A third activity in 2018 makes 2018 the first year with three.
        dataset.activities.push(
            ActivityBuilder::new("third")
                .member_states(&[MemberState::Laos])
                .start(2018)
                .build(),
        );
        assert_eq!(opening_first_year(&dataset), Some(2018));
        assert_eq!(dataset.year_span().map(|s| s.0), Some(2016));
        // Fewer than three in every year: the span's first year.
        let mut one = Dataset::empty("t");
        one.activities.push(
            ActivityBuilder::new("a")
                .member_states(&[MemberState::Laos])
                .start(2010)
                .end(2012)
                .build(),
        );
        assert_eq!(opening_first_year(&one), Some(2010));
        assert_eq!(opening_first_year(&Dataset::empty("t")), None);
        // The default dataset: its first record is from 1958, its third active one from 2008.
        let default = crate::model::default_dataset();
        assert_eq!(default.year_span().map(|s| s.0), Some(1958));
        assert_eq!(opening_first_year(&default), Some(2008));
        let counted = crate::model::programmes::counted(&default);
        let activities = counted.iter().map(|c| c.as_counted());
        assert_eq!(YearTally::of_year(activities, 2007).active, 2);
    }

    #[test]
    fn the_default_dataset_spans_its_years() {
        let dataset = crate::model::default_dataset();
        let series = yearly_series(&dataset);
        let (first, last) = dataset.year_span().unwrap_or_default();
        assert_eq!(series.len() as i32, last - first + 1);
        for tally in &series {
            assert!(tally.stack_height() >= tally.active);
            assert!(tally.asean_wide <= tally.active && tally.combined <= tally.active);
        }
    }

    #[test]
    fn axis_ticks_are_round() {
        let cases: [(u32, u32, u32, &[u32]); 6] = [
            (0, 5, 1, &[0, 1]),
            (3, 5, 3, &[0, 1, 2, 3]),
            (7, 5, 8, &[0, 2, 4, 6, 8]),
            (29, 5, 30, &[0, 10, 20, 30]),
            (41, 5, 50, &[0, 10, 20, 30, 40, 50]),
            (230, 4, 300, &[0, 100, 200, 300]),
        ];
        for (max, target, top, ticks) in cases {
            assert_eq!(axis_ticks(max, target), (top, ticks.to_vec()), "{max}");
        }
    }

    #[test]
    fn year_labels_thin_out() {
        assert_eq!(year_label_step(10, 12), 1);
        assert_eq!(year_label_step(20, 12), 2);
        assert_eq!(year_label_step(70, 15), 5);
        assert_eq!(year_label_step(70, 8), 10);
    }
}
