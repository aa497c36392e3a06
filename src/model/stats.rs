//! Counting: the map's counts by member state × measure, the list behind every count, and the palette
//! classes the map and the matrix share.
//!
//! The map recolours by looking counts up in a [`MapCounts`] table that is built once per change of the
//! dataset or of the non-measure filters, so switching the measure costs no pass over the activities.

use super::dataset::{Activity, Dataset};
use super::filter::Filters;
use super::programmes::{counted, CountedActivity};
use super::vision::{Measure, MemberState, Scope};

/// Column of [`MapCounts`] for "all measures" (every activity, dialogue-only ones included).
pub const ALL_MEASURES: usize = Measure::ALL.len();

/// Which measure the map shows: one of the five, or all activities.
pub type MeasureChoice = Option<Measure>;

fn column(choice: MeasureChoice) -> usize {
    choice.map_or(ALL_MEASURES, Measure::index)
}

/// Activity counts per member state and per measure, plus the ASEAN-wide counts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MapCounts {
    /// `member_states[state.index()][measure.index()]`; the last column counts every activity.
    pub member_states: [[u32; ALL_MEASURES + 1]; 11],
    pub asean_wide: [u32; ALL_MEASURES + 1],
}

impl MapCounts {
    /// Counts the activities that pass `filters` (its measure, scope and country are ignored: the table
    /// holds every measure and every place). Each activity is added where the rule of [`counts_for`]
    /// puts it with the ASEAN-wide toggle off; [`MapCounts::member_state`] adds the ASEAN-wide row when
    /// it is on, which is the same answer because an ASEAN-wide activity involves no member state.
    pub fn build(dataset: &Dataset, filters: &Filters) -> MapCounts {
        let mut counts = MapCounts::default();
        for activity in counted(dataset)
            .iter()
            .filter(|c| c.passes(filters))
            .map(|c| c.as_counted())
        {
            let reach = Reach::of(activity);
            let under = Measure::ALL.map(|m| u32::from(reach.is_under(Some(m))));
            let add = |row: &mut [u32; ALL_MEASURES + 1]| {
                row[ALL_MEASURES] += 1;
                for (count, add) in row.iter_mut().zip(under) {
                    *count += add;
                }
            };
            for position in reach.member_state_positions() {
                add(&mut counts.member_states[position]);
            }
            if reach.is_at(Place::AseanWide, false) {
                add(&mut counts.asean_wide);
            }
        }
        counts
    }

    /// The count a member state is coloured by.
    pub fn member_state(
        &self,
        state: MemberState,
        measure: MeasureChoice,
        include_asean_wide: bool,
    ) -> u32 {
        let own = self.member_states[state.index()][column(measure)];
        if include_asean_wide {
            own + self.asean_wide[column(measure)]
        } else {
            own
        }
    }

    /// The number of ASEAN-wide activities under a measure.
    pub fn asean_wide(&self, measure: MeasureChoice) -> u32 {
        self.asean_wide[column(measure)]
    }

    /// The per-measure breakdown for a member state's tooltip.
    pub fn breakdown(&self, state: MemberState, include_asean_wide: bool) -> [(Measure, u32); 5] {
        Measure::ALL.map(|m| (m, self.member_state(state, Some(m), include_asean_wide)))
    }

    /// The highest count any member state has under a measure (the top of the palette's scale).
    pub fn max_member_state(&self, measure: MeasureChoice, include_asean_wide: bool) -> u32 {
        MemberState::ALL
            .iter()
            .map(|s| self.member_state(*s, measure, include_asean_wide))
            .max()
            .unwrap_or(0)
    }
}

/// **The one counting rule** of the map, the list behind a count and the matrix: whether an activity
/// (as the counts see it, [`CountedActivity::as_counted`]) counts for `place` under `measure`. The
/// filters other than measure and place are [`CountedActivity::passes`].
pub fn counts_for(
    place: Place,
    measure: MeasureChoice,
    include_asean_wide: bool,
    activity: &Activity,
) -> bool {
    Reach::of(activity).counts_for(place, measure, include_asean_wide)
}

/// Where an activity counts and under which measures, read from it once so that a table of every
/// place and measure does not read the activity again for each cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reach {
    /// Bit `state.index()` for each member state the activity involves.
    member_states: u16,
    /// Whether the activity is aimed at ASEAN as a whole.
    asean_wide: bool,
    /// Bit `measure.index()` for each of its measures.
    measures: u8,
}

impl Reach {
    pub fn of(activity: &Activity) -> Reach {
        let mut reach = Reach {
            member_states: 0,
            asean_wide: activity.scope == Scope::AseanWide,
            measures: 0,
        };
        // What `Activity::involves` and `Activity::has_measure` ask, read in one pass over each list.
        if activity.scope == Scope::MemberStates {
            for state in &activity.countries {
                reach.member_states |= 1 << state.index();
            }
        }
        for measure in &activity.measures {
            reach.measures |= 1 << measure.index();
        }
        reach
    }

    /// The rule: the activity counts for a place under a measure when it is at the place and under
    /// the measure.
    #[inline]
    pub fn counts_for(
        self,
        place: Place,
        measure: MeasureChoice,
        include_asean_wide: bool,
    ) -> bool {
        self.is_at(place, include_asean_wide) && self.is_under(measure)
    }

    /// A member state counts the activities that involve it and, with `include_asean_wide`, those aimed
    /// at ASEAN as a whole; the ASEAN-wide place counts only the latter.
    #[inline]
    pub fn is_at(self, place: Place, include_asean_wide: bool) -> bool {
        match place {
            Place::AseanWide => self.asean_wide,
            Place::MemberState(state) => {
                self.member_states & (1 << state.index()) != 0
                    || (include_asean_wide && self.asean_wide)
            }
        }
    }

    /// The positions in [`MemberState::ALL`] of the member states where [`Reach::is_at`] holds with the
    /// toggle off, for a table that adds an activity to its rows without asking each of them.
    pub fn member_state_positions(self) -> impl Iterator<Item = usize> {
        let mut left = self.member_states;
        std::iter::from_fn(move || {
            let position = left.trailing_zeros() as usize;
            left &= left.wrapping_sub(1);
            (position < MemberState::ALL.len()).then_some(position)
        })
    }

    /// A measure counts the activities under it; "all measures" (`None`) every activity.
    #[inline]
    pub fn is_under(self, measure: MeasureChoice) -> bool {
        measure.is_none_or(|m| self.measures & (1 << m.index()) != 0)
    }
}

/// What a click on the map selects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    MemberState(MemberState),
    AseanWide,
}

impl Place {
    pub fn code(self) -> &'static str {
        match self {
            Place::MemberState(state) => state.iso3(),
            Place::AseanWide => "ASEAN",
        }
    }

    pub fn from_code(code: &str) -> Option<Place> {
        if code == "ASEAN" {
            Some(Place::AseanWide)
        } else {
            MemberState::from_iso3(code).map(Place::MemberState)
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Place::MemberState(state) => state.name(),
            Place::AseanWide => "ASEAN-wide",
        }
    }
}

/// Exactly the activities behind the count shown for `place`, ordered by year: the rule of
/// [`MapCounts::build`] and [`MapCounts::member_state`], [`counts_for`], so the number and the list
/// always agree. A
/// programme with dated events is listed once, as its own record (`model::programmes`); the view shows
/// its events under it.
pub fn activities_behind<'a>(
    dataset: &'a Dataset,
    filters: &Filters,
    measure: MeasureChoice,
    place: Place,
    include_asean_wide: bool,
) -> Vec<&'a Activity> {
    counted_behind(dataset, filters, measure, place, include_asean_wide)
        .into_iter()
        .map(|c| c.record)
        .collect()
}

/// [`activities_behind`] with each programme's dated events, for the list that shows them under it.
pub fn counted_behind<'a>(
    dataset: &'a Dataset,
    filters: &Filters,
    measure: MeasureChoice,
    place: Place,
    include_asean_wide: bool,
) -> Vec<CountedActivity<'a>> {
    let mut list: Vec<CountedActivity<'a>> = counted(dataset)
        .into_iter()
        .filter(|c| c.passes(filters))
        .filter(|c| counts_for(place, measure, include_asean_wide, c.as_counted()))
        .collect();
    super::sorting::sort_by(&mut list, |a, b| {
        super::filter::SortOrder::YearAscending.compare(a.record, b.record)
    });
    list
}

/// A sequential palette class: 0 is "none", 1..=5 rise with the count.
pub const CLASS_COUNT: usize = 6;

/// The upper bounds of classes 1..=5 for counts from 1 to `max`, as even steps rounded up and never
/// repeating, so a legend can print "1–2, 3–4, …". Class 0 is always exactly zero.
pub fn class_bounds(max: u32) -> Vec<u32> {
    let max = max.max(1);
    let mut bounds: Vec<u32> = (1..CLASS_COUNT as u32)
        .map(|k| (max * k).div_ceil(CLASS_COUNT as u32 - 1))
        .collect();
    bounds.dedup();
    bounds
}

/// The palette class of a count under the given bounds.
pub fn class_of(count: u32, bounds: &[u32]) -> usize {
    if count == 0 {
        return 0;
    }
    bounds
        .iter()
        .position(|&upper| count <= upper)
        .map_or(bounds.len(), |i| i + 1)
}

/// "1–2", "3", … for each class in `bounds`.
pub fn class_labels(bounds: &[u32]) -> Vec<String> {
    let mut lower = 1;
    bounds
        .iter()
        .map(|&upper| {
            let label = if upper == lower {
                upper.to_string()
            } else {
                format!("{lower}–{upper}")
            };
            lower = upper + 1;
            label
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fixtures::ActivityBuilder;

    fn sample() -> Dataset {
        use MemberState::*;
        let mut dataset = Dataset::empty("t");
        dataset.activities = vec![
            ActivityBuilder::new("vn-cbc")
                .member_states(&[VietNam])
                .measures(&[Measure::CapacityBuilding])
                .start(2017)
                .end(2019)
                .build(),
            ActivityBuilder::new("vn-ph")
                .member_states(&[VietNam, Philippines])
                .measures(&[Measure::CapacityBuilding, Measure::JointTraining])
                .start(2020)
                .ongoing()
                .build(),
            ActivityBuilder::new("dialogue")
                .member_states(&[VietNam])
                .start(2016)
                .build(),
            ActivityBuilder::new("ship")
                .measures(&[Measure::InternationalLaw, Measure::CapacityBuilding])
                .start(2018)
                .build(),
            ActivityBuilder::new("forum").start(2010).build(),
        ];
        dataset
    }

    /// The one counting rule, place by place and measure by measure, with and without the ASEAN-wide
    /// toggle.
    #[test]
    fn counts_for_table() {
        use MemberState::*;
        let cbc = Some(Measure::CapacityBuilding);
        let jte = Some(Measure::JointTraining);
        let vn_ph = ActivityBuilder::new("vn-ph")
            .member_states(&[VietNam, Philippines])
            .measures(&[Measure::CapacityBuilding])
            .start(2020)
            .ongoing()
            .build();
        let ship = ActivityBuilder::new("ship")
            .measures(&[Measure::JointTraining])
            .start(2018)
            .ongoing()
            .build();
        // An ASEAN-wide activity that still lists a member state (a file may say so) is ASEAN-wide only.
        let forum = ActivityBuilder::new("forum")
            .member_states(&[Laos])
            .asean_wide()
            .start(2010)
            .ongoing()
            .build();
        let vn = Place::MemberState(VietNam);
        let laos = Place::MemberState(Laos);
        let cases = [
            (&vn_ph, vn, None, false, true),
            (&vn_ph, vn, cbc, false, true),
            (&vn_ph, vn, jte, false, false),
            (&vn_ph, Place::MemberState(Philippines), cbc, true, true),
            (&vn_ph, laos, None, true, false),
            (&vn_ph, Place::AseanWide, None, true, false),
            (&ship, Place::AseanWide, jte, false, true),
            (&ship, Place::AseanWide, cbc, false, false),
            (&ship, vn, jte, false, false),
            (&ship, vn, jte, true, true),
            (&ship, vn, cbc, true, false),
            (&forum, laos, None, false, false),
            (&forum, laos, None, true, true),
            (&forum, Place::AseanWide, None, false, true),
            (&forum, Place::AseanWide, cbc, false, false),
        ];
        for (index, (activity, place, measure, include, expected)) in cases.into_iter().enumerate()
        {
            assert_eq!(
                counts_for(place, measure, include, activity),
                expected,
                "case {index}"
            );
        }
    }

    #[test]
    fn counts_table() {
        use MemberState::*;
        let dataset = sample();
        let all = MapCounts::build(&dataset, &Filters::default());
        let since_2018 = MapCounts::build(
            &dataset,
            &Filters {
                from: Some(2018),
                ..Default::default()
            },
        );
        let cbc = Some(Measure::CapacityBuilding);
        let cases = [
            (&all, VietNam, None, false, 3),
            (&all, VietNam, cbc, false, 2),
            (&all, VietNam, cbc, true, 3),
            (&all, VietNam, None, true, 5),
            (&all, Philippines, Some(Measure::JointTraining), false, 1),
            (&all, Philippines, Some(Measure::InternationalLaw), false, 0),
            (&all, Philippines, Some(Measure::InternationalLaw), true, 1),
            (&all, Laos, None, false, 0),
            (&since_2018, VietNam, cbc, false, 2),
            (&since_2018, VietNam, None, false, 2),
            (&since_2018, VietNam, None, true, 3),
        ];
        for (index, (counts, state, measure, include, expected)) in cases.into_iter().enumerate() {
            assert_eq!(
                counts.member_state(state, measure, include),
                expected,
                "case {index}"
            );
        }
        assert_eq!(all.asean_wide(None), 2);
        assert_eq!(all.asean_wide(cbc), 1);
        assert_eq!(since_2018.asean_wide(None), 1);
    }

    /// The sample with programmes and dated events: a programme with two events (one of them in a
    /// member state and under a measure the programme lacks, and uncertain), an event whose programme
    /// is missing, a chain and a cycle of `partOf`.
    fn with_events() -> Dataset {
        use MemberState::*;
        let mut dataset = sample();
        let part_of = |mut a: Activity, programme: &str| {
            a.part_of = Some(programme.to_string());
            a
        };
        let mut laos_course = ActivityBuilder::new("course-2021")
            .member_states(&[Laos])
            .measures(&[Measure::JointTraining])
            .start(2021)
            .build();
        laos_course.title = "Vientiane course".into();
        laos_course.confidence = Some(crate::model::Confidence::Uncertain);
        dataset.activities.extend([
            ActivityBuilder::new("pko")
                .member_states(&[Cambodia])
                .measures(&[Measure::CapacityBuilding])
                .start(2013)
                .ongoing()
                .build(),
            part_of(
                ActivityBuilder::new("course-2014")
                    .member_states(&[Cambodia])
                    .measures(&[Measure::CapacityBuilding])
                    .start(2014)
                    .build(),
                "pko",
            ),
            part_of(laos_course, "pko"),
            part_of(
                ActivityBuilder::new("orphan")
                    .member_states(&[Cambodia])
                    .measures(&[Measure::CapacityBuilding])
                    .start(2015)
                    .build(),
                "deleted",
            ),
            part_of(
                ActivityBuilder::new("chained")
                    .member_states(&[Cambodia])
                    .start(2016)
                    .build(),
                "course-2014",
            ),
            part_of(ActivityBuilder::new("loop-a").start(2017).build(), "loop-b"),
            part_of(ActivityBuilder::new("loop-b").start(2018).build(), "loop-a"),
        ]);
        dataset
    }

    /// The counting rule of `model::programmes` on the map, case by case.
    #[test]
    fn a_programme_counts_once_with_its_events() {
        use MemberState::*;
        let dataset = with_events();
        let all = MapCounts::build(&dataset, &Filters::default());
        let uncertain = MapCounts::build(
            &dataset,
            &Filters {
                confidence: Some(crate::model::Confidence::Uncertain),
                ..Default::default()
            },
        );
        let searched = MapCounts::build(
            &dataset,
            &Filters {
                search: "vientiane".into(),
                ..Default::default()
            },
        );
        let cbc = Some(Measure::CapacityBuilding);
        let jte = Some(Measure::JointTraining);
        let cases = [
            // pko (with its two events), orphan, chained: the events count through pko, once.
            (&all, Cambodia, None, 3),
            (&all, Cambodia, cbc, 2),
            // The Laos event makes its programme count in Laos and under JTE, once.
            (&all, Laos, None, 1),
            (&all, Laos, jte, 1),
            (&all, Cambodia, jte, 1),
            // Confidence is the programme's own: the uncertain event does not make pko uncertain.
            (&uncertain, Laos, None, 0),
            (&uncertain, Cambodia, None, 0),
            // A search that matches only the event counts the programme.
            (&searched, Cambodia, None, 1),
            (&searched, Laos, None, 1),
        ];
        for (index, (counts, state, measure, expected)) in cases.into_iter().enumerate() {
            assert_eq!(
                counts.member_state(state, measure, false),
                expected,
                "case {index}"
            );
        }
        // The cycle: both count as their own.
        assert_eq!(all.asean_wide(None), 4);
        let behind: Vec<&str> = activities_behind(
            &dataset,
            &Filters::default(),
            None,
            Place::MemberState(Laos),
            false,
        )
        .iter()
        .map(|a| a.id.as_str())
        .collect();
        assert_eq!(
            behind,
            ["pko"],
            "the programme is listed, as its own record"
        );
    }

    /// The list behind every count has exactly that many activities, for every place, measure and toggle.
    #[test]
    fn the_number_and_the_list_always_agree() {
        let datasets = [sample(), with_events(), crate::model::default_dataset()];
        let filter_cases = [
            Filters::default(),
            Filters {
                from: Some(2018),
                to: Some(2019),
                ..Default::default()
            },
            Filters {
                official: true,
                ..Default::default()
            },
            Filters {
                direction: Some(crate::model::Direction::MaritimeSecurity),
                from: Some(2016),
                ..Default::default()
            },
            Filters {
                search: "course".into(),
                ..Default::default()
            },
            Filters {
                confidence: Some(crate::model::Confidence::Uncertain),
                from: Some(2020),
                ..Default::default()
            },
        ];
        for (dataset, filters) in datasets
            .iter()
            .flat_map(|d| filter_cases.iter().map(move |f| (d, f.clone())))
        {
            let counts = MapCounts::build(dataset, &filters);
            for measure in std::iter::once(None).chain(Measure::ALL.map(Some)) {
                for include in [false, true] {
                    for state in MemberState::ALL {
                        let list = activities_behind(
                            dataset,
                            &filters,
                            measure,
                            Place::MemberState(state),
                            include,
                        );
                        assert_eq!(
                            list.len() as u32,
                            counts.member_state(state, measure, include),
                            "{state:?} {measure:?} {include}"
                        );
                    }
                    let list =
                        activities_behind(dataset, &filters, measure, Place::AseanWide, include);
                    assert_eq!(list.len() as u32, counts.asean_wide(measure));
                }
            }
        }
    }

    #[test]
    fn list_is_sorted_by_year() {
        let dataset = sample();
        let list = activities_behind(
            &dataset,
            &Filters::default(),
            None,
            Place::MemberState(MemberState::VietNam),
            true,
        );
        let ids: Vec<_> = list.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["forum", "dialogue", "vn-cbc", "ship", "vn-ph"]);
    }

    #[test]
    fn classes() {
        assert_eq!(class_bounds(10), vec![2, 4, 6, 8, 10]);
        assert_eq!(class_bounds(3), vec![1, 2, 3]);
        assert_eq!(class_bounds(0), vec![1]);
        let bounds = class_bounds(10);
        let cases = [(0, 0), (1, 1), (2, 1), (3, 2), (9, 5), (10, 5), (11, 5)];
        for (count, class) in cases {
            assert_eq!(class_of(count, &bounds), class, "{count}");
        }
        assert_eq!(class_labels(&[2, 4, 5]), vec!["1–2", "3–4", "5"]);
    }
}
