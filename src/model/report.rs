//! The annual follow-up report: what the Japan–ASEAN Defense Vice-Ministerial Forum reviews each year.
//!
//! For a chosen year it gives the headline figures (activities active, new, completed; the ASEAN-wide
//! share against the previous year; activities combining measures), the active activities grouped by
//! measure with that year's follow-up notes, and the sources they cite, each once. Like the trends, the
//! report covers the whole dataset, not the shared filters.

use super::dataset::{Activity, Dataset, Source};
use super::filter::SortOrder;
use super::i18n::views::group_heading;
use super::i18n::Locale;
use super::sources::has_official_source;
use super::trends::YearTally;
use super::vision::Measure;

/// The headline figures of a year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Headline {
    pub year: i32,
    /// Activities active at some point of the year.
    pub active: u32,
    /// Activities that started that year.
    pub new: u32,
    /// Activities that ended that year.
    pub completed: u32,
    /// Active activities combining two or more measures.
    pub combined: u32,
    /// Active activities aimed at ASEAN as a whole.
    pub asean_wide: u32,
    /// Their share of the active activities, in percent (`None` without activities).
    pub asean_wide_share: Option<f64>,
    /// The same share in the previous year.
    pub previous_share: Option<f64>,
    /// Active activities backed by an official source (`model::sources`).
    pub official: u32,
}

impl Headline {
    /// The figures of `year`, a programme with its dated events counted once (`model::programmes`).
    pub fn of_year(dataset: &Dataset, year: i32) -> Headline {
        let counted = super::programmes::counted(dataset);
        let activities = || counted.iter().map(|c| c.as_counted());
        let this = YearTally::of_year(activities(), year);
        let previous = YearTally::of_year(activities(), year - 1);
        let active = activities().filter(|a| a.active_in(year));
        let (new, completed, official) = active.fold((0, 0, 0), |(new, completed, official), a| {
            (
                new + u32::from(a.start == year),
                completed + u32::from(a.end == Some(year)),
                official + u32::from(has_official_source(a)),
            )
        });
        Headline {
            year,
            active: this.active,
            new,
            completed,
            combined: this.combined,
            asean_wide: this.asean_wide,
            asean_wide_share: this.asean_wide_share(),
            previous_share: previous.asean_wide_share(),
            official,
        }
    }

    /// The share of the active activities backed by an official source, in percent.
    pub fn official_share(&self) -> Option<f64> {
        (self.active > 0).then(|| f64::from(self.official) * 100.0 / f64::from(self.active))
    }

    /// The change of the ASEAN-wide share from the previous year, in percentage points.
    pub fn share_change(&self) -> Option<f64> {
        Some(self.asean_wide_share? - self.previous_share?)
    }
}

/// An active activity in a report, with the follow-up notes recorded for the report's year.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportEntry<'a> {
    pub activity: &'a Activity,
    pub notes: Vec<&'a str>,
}

/// The active activities under one measure, or (`measure: None`) those without any.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasureGroup<'a> {
    pub measure: Option<Measure>,
    pub entries: Vec<ReportEntry<'a>>,
}

impl MeasureGroup<'_> {
    /// The group's heading in `locale`: the measure's name and code, or "no measure".
    pub fn heading(&self, locale: Locale) -> String {
        group_heading(locale, self.measure)
    }

    /// The code used in test hooks and anchors: a measure code or `NONE`.
    pub fn code(&self) -> &'static str {
        self.measure.map_or("NONE", Measure::code)
    }
}

/// The whole report of one year.
#[derive(Clone, Debug, PartialEq)]
pub struct AnnualReport<'a> {
    pub headline: Headline,
    /// The five measures in the Vision's order, then "no measure"; every group is present, empty or
    /// not. An activity with several measures appears under each of them.
    pub groups: Vec<MeasureGroup<'a>>,
    /// The sources of the active activities, each address once, in the order first cited.
    pub sources: Vec<&'a Source>,
}

impl<'a> AnnualReport<'a> {
    /// The report of `year`. A programme with dated events is one entry (`model::programmes`): active
    /// when it or an event is, under its own and its events' measures, and the notes of the year are
    /// its own follow-ups, then each event of the year by its title and the event's follow-ups.
    pub fn of_year(dataset: &'a Dataset, year: i32) -> AnnualReport<'a> {
        let counted = super::programmes::counted(dataset);
        let mut units: Vec<_> = counted
            .iter()
            .filter(|c| c.as_counted().active_in(year))
            .collect();
        super::sorting::sort_by(&mut units, |a, b| {
            SortOrder::YearAscending.compare(a.as_counted(), b.as_counted())
        });
        // The records whose sources the report cites: each entry's record and its events of the year.
        let cited: Vec<&'a Activity> = units
            .iter()
            .flat_map(|c| {
                std::iter::once(c.record)
                    .chain(c.events.iter().copied().filter(|e| e.active_in(year)))
            })
            .collect();
        let notes_of = |activity: &'a Activity| {
            activity
                .follow_ups
                .iter()
                .filter(|f| f.year == year && !f.note.trim().is_empty())
                .map(|f| f.note.as_str())
        };
        let entries: Vec<(ReportEntry<'a>, &Activity)> = units
            .iter()
            .map(|c| {
                let mut notes: Vec<&'a str> = notes_of(c.record).collect();
                for event in c.events.iter().copied().filter(|e| e.active_in(year)) {
                    if event.start == year {
                        notes.push(event.title.as_str());
                    }
                    notes.extend(notes_of(event));
                }
                let entry = ReportEntry {
                    activity: c.record,
                    notes,
                };
                (entry, c.as_counted())
            })
            .collect();
        let groups = Measure::ALL
            .into_iter()
            .map(Some)
            .chain(std::iter::once(None))
            .map(|measure| MeasureGroup {
                measure,
                entries: entries
                    .iter()
                    .filter(|(_, a)| match measure {
                        Some(m) => a.has_measure(m),
                        None => a.measures.is_empty(),
                    })
                    .map(|(entry, _)| entry.clone())
                    .collect(),
            })
            .collect();
        AnnualReport {
            headline: Headline::of_year(dataset, year),
            groups,
            sources: distinct_sources(&cited),
        }
    }

    /// How many active activities have a follow-up note for the year.
    pub fn followed_up(&self) -> usize {
        let mut ids: Vec<&str> = self
            .groups
            .iter()
            .flat_map(|g| &g.entries)
            .filter(|e| !e.notes.is_empty())
            .map(|e| e.activity.id.as_str())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    }
}

/// Sources without repeats: one per address (trimmed), keeping the first title any citation gives.
fn distinct_sources<'a>(activities: &[&'a Activity]) -> Vec<&'a Source> {
    let mut sources: Vec<&Source> = Vec::new();
    for source in activities.iter().flat_map(|a| &a.sources) {
        let url = source.url.trim();
        match sources.iter_mut().find(|s| s.url.trim() == url) {
            Some(kept) => {
                let untitled = kept.title.as_deref().is_none_or(|t| t.trim().is_empty());
                if untitled
                    && source
                        .title
                        .as_deref()
                        .is_some_and(|t| !t.trim().is_empty())
                {
                    *kept = source;
                }
            }
            None => sources.push(source),
        }
    }
    sources
}

/// The year a report opens on: the latest year up to `current_year` in which any activity is active;
/// failing that (a dataset entirely in the future), the first year of the span.
pub fn default_year(dataset: &Dataset, current_year: i32) -> Option<i32> {
    let (first, last) = dataset.year_span()?;
    (first..=last.min(current_year))
        .rev()
        .find(|year| dataset.activities.iter().any(|a| a.active_in(*year)))
        .or(Some(first))
}

/// The years a report can be made for, latest first: the dataset's span.
pub fn report_years(dataset: &Dataset) -> Vec<i32> {
    dataset
        .year_span()
        .map(|(first, last)| (first..=last).rev().collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dataset::FollowUp;
    use crate::model::fixtures::ActivityBuilder;
    use crate::model::i18n::views::{share, share_change};
    use crate::model::trends::combines_measures;
    use crate::model::vision::MemberState;

    fn source(url: &str, title: Option<&str>) -> Source {
        Source {
            url: url.to_string(),
            title: title.map(str::to_string),
            accessed: None,
            unknown: Default::default(),
        }
    }

    fn note(year: i32, text: &str) -> FollowUp {
        FollowUp {
            year,
            note: text.to_string(),
            sources: Vec::new(),
            unknown: Default::default(),
        }
    }

    /// 2017–2020: a bilateral PKO engineering project 2017–2019 (CBC), an ASEAN-wide ship rider in 2018
    /// (PIL+JTE), an ongoing ASEAN-wide dialogue from 2019, and a bilateral seminar in 2019 (CBC+HRDAE).
    fn sample() -> Dataset {
        use Measure::*;
        let mut pko = ActivityBuilder::new("pko")
            .member_states(&[MemberState::Cambodia])
            .measures(&[CapacityBuilding])
            .start(2017)
            .end(2019)
            .build();
        pko.follow_ups = vec![
            note(2018, "Second phase agreed."),
            note(2019, "Handed over."),
        ];
        pko.sources = vec![source("https://mod.go.jp/a", None)];
        let mut ship = ActivityBuilder::new("ship")
            .measures(&[InternationalLaw, JointTraining])
            .start(2018)
            .build();
        ship.sources = vec![
            source(" https://mod.go.jp/a", Some("MOD release")),
            source("https://mod.go.jp/b", None),
        ];
        let mut forum = ActivityBuilder::new("forum").start(2019).ongoing().build();
        forum.follow_ups = vec![note(2019, "Reviewed at the forum."), note(2019, " ")];
        let mut seminar = ActivityBuilder::new("seminar")
            .member_states(&[MemberState::Cambodia])
            .measures(&[CapacityBuilding, HumanResourceDevelopment])
            .start(2019)
            .build();
        seminar.sources = vec![source("https://mod.go.jp/b", None)];
        let mut dataset = Dataset::empty("t");
        dataset.activities = vec![seminar, forum, ship, pko];
        dataset.activities.push(
            ActivityBuilder::new("later")
                .member_states(&[MemberState::Cambodia])
                .start(2020)
                .build(),
        );
        dataset
    }

    #[test]
    fn the_official_share_counts_the_active_activities_with_an_official_source() {
        let dataset = crate::model::default_dataset();
        for year in [2016, 2020, 2024] {
            let h = Headline::of_year(&dataset, year);
            // A programme and its dated events are one activity, judged with its events.
            let counted = crate::model::programmes::counted(&dataset);
            let active: Vec<&Activity> = counted
                .iter()
                .map(|c| c.as_counted())
                .filter(|a| a.active_in(year))
                .collect();
            let official = active.iter().filter(|a| has_official_source(a)).count() as u32;
            assert_eq!(h.official, official, "{year}");
            assert!(h.official > 0 && h.official < h.active, "{year}");
            let share = h.official_share().unwrap_or_default();
            assert!((share - f64::from(official) * 100.0 / active.len() as f64).abs() < 1e-9);
        }
        assert_eq!(
            Headline::of_year(&Dataset::empty("t"), 2020).official_share(),
            None
        );
    }

    #[test]
    fn headline_table() {
        let dataset = sample();
        // (year, active, new, completed, combined, ASEAN-wide, share, previous share, change)
        type Row = (
            i32,
            u32,
            u32,
            u32,
            u32,
            u32,
            Option<f64>,
            Option<f64>,
            &'static str,
        );
        let cases: [Row; 5] = [
            (2016, 0, 0, 0, 0, 0, None, None, "–"),
            (2017, 1, 1, 0, 0, 0, Some(0.0), None, "–"),
            (2018, 2, 1, 1, 1, 1, Some(50.0), Some(0.0), "+50 points"),
            (
                2019,
                3,
                2,
                2,
                1,
                1,
                Some(100.0 / 3.0),
                Some(50.0),
                "−17 points",
            ),
            (
                2020,
                2,
                1,
                1,
                0,
                1,
                Some(50.0),
                Some(100.0 / 3.0),
                "+17 points",
            ),
        ];
        for (year, active, new, completed, combined, wide, share, previous, change) in cases {
            let h = Headline::of_year(&dataset, year);
            assert_eq!(
                (h.active, h.new, h.completed, h.combined, h.asean_wide),
                (active, new, completed, combined, wide),
                "{year}"
            );
            assert_eq!(h.asean_wide_share, share, "{year}");
            assert_eq!(h.previous_share, previous, "{year}");
            assert_eq!(share_change(Locale::En, h.share_change()), change, "{year}");
        }
    }

    #[test]
    fn groups_by_measure_with_that_years_notes() {
        let dataset = sample();
        let report = AnnualReport::of_year(&dataset, 2019);
        let groups: Vec<(&str, Vec<&str>)> = report
            .groups
            .iter()
            .map(|g| {
                (
                    g.code(),
                    g.entries.iter().map(|e| e.activity.id.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            groups,
            [
                ("PIL", vec![]),
                ("CBC", vec!["pko", "seminar"]),
                ("DETC", vec![]),
                ("JTE", vec![]),
                ("HRDAE", vec!["seminar"]),
                ("NONE", vec!["forum"]),
            ]
        );
        let pko = &report.groups[1].entries[0];
        assert_eq!(pko.notes, ["Handed over."]);
        let forum = &report.groups[5].entries[0];
        assert_eq!(
            forum.notes,
            ["Reviewed at the forum."],
            "blank notes are left out"
        );
        assert_eq!(report.followed_up(), 2);
        assert_eq!(
            AnnualReport::of_year(&dataset, 2018).groups[1].entries[0].notes,
            ["Second phase agreed."]
        );
    }

    #[test]
    fn sources_are_listed_once_with_a_title_when_any_citation_has_one() {
        let dataset = sample();
        type Cited<'a> = &'a [(&'a str, Option<&'a str>)];
        let cases: [(i32, Cited); 3] = [
            (2017, &[("https://mod.go.jp/a", None)]),
            (
                2018,
                &[
                    (" https://mod.go.jp/a", Some("MOD release")),
                    ("https://mod.go.jp/b", None),
                ],
            ),
            (
                2019,
                &[("https://mod.go.jp/a", None), ("https://mod.go.jp/b", None)],
            ),
        ];
        for (year, expected) in cases {
            let report = AnnualReport::of_year(&dataset, year);
            let got: Vec<(&str, Option<&str>)> = report
                .sources
                .iter()
                .map(|s| (s.url.as_str(), s.title.as_deref()))
                .collect();
            assert_eq!(got, expected, "{year}");
        }
    }

    #[test]
    fn default_year_is_the_latest_past_year_with_activities() {
        let dataset = sample();
        let cases = [(2030, 2020), (2020, 2020), (2019, 2019), (2010, 2017)];
        for (now, expected) in cases {
            assert_eq!(default_year(&dataset, now), Some(expected), "now {now}");
        }
        let mut gap = Dataset::empty("gap");
        gap.activities = vec![
            ActivityBuilder::new("a").start(2010).end(2011).build(),
            ActivityBuilder::new("b").start(2020).end(2021).build(),
        ];
        assert_eq!(default_year(&gap, 2015), Some(2011));
        assert_eq!(default_year(&Dataset::empty("none"), 2026), None);
        assert_eq!(report_years(&gap).first(), Some(&2021));
        assert_eq!(report_years(&gap).len(), 12);
    }

    #[test]
    fn shares_format() {
        assert_eq!(share(Locale::En, Some(100.0 / 3.0)), "33 %");
        assert_eq!(share(Locale::En, None), "–");
        assert_eq!(share_change(Locale::En, Some(0.2)), "no change");
        assert_eq!(share_change(Locale::En, Some(-1.0)), "−1 point");
        let dataset = sample();
        let report = AnnualReport::of_year(&dataset, 2019);
        let headings: Vec<String> = report
            .groups
            .iter()
            .map(|g| g.heading(Locale::Ja))
            .collect();
        assert_eq!(headings[1], "能力構築支援（CBC）");
        assert_eq!(headings[5], "手段なし（対話・交流）");
        assert_eq!(
            report.groups[0].heading(Locale::En),
            "Promotion of International Law (PIL)"
        );
    }

    /// The report's groups hold every active activity: each measure group is the activities with that
    /// measure, and the headline agrees with the trends' tally of the year.
    #[test]
    fn the_default_dataset_report_agrees_with_the_trends() {
        let dataset = crate::model::default_dataset();
        for year in [2016, 2019, 2023, 2026] {
            let report = AnnualReport::of_year(&dataset, year);
            let counted = crate::model::programmes::counted(&dataset);
            let tally = YearTally::of_year(counted.iter().map(|c| c.as_counted()), year);
            assert_eq!(report.headline.active, tally.active);
            for m in Measure::ALL {
                assert_eq!(
                    report.groups[m.index()].entries.len() as u32,
                    tally.count(m)
                );
            }
            assert_eq!(report.groups[5].entries.len() as u32, tally.no_measure);
            assert!(
                report.headline.combined
                    == report
                        .groups
                        .iter()
                        .flat_map(|g| &g.entries)
                        .filter(|e| combines_measures(e.activity))
                        .map(|e| e.activity.id.as_str())
                        .collect::<std::collections::BTreeSet<_>>()
                        .len() as u32
            );
        }
    }
}
