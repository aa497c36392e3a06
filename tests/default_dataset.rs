//! The default dataset against the research it is built from (`scripts/research/`), by rules this test
//! states for itself rather than by re-running the converter: the map's counts per member state ×
//! measure, the programmes' dated events (records of their own, counted once through the programme),
//! the folded near-duplicates, Palau, sources and confidence, and every correction of
//! `research-notes-2.md`, checked by id.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use vientiane_vision_atlas::model::programmes::{counted, counted_total, events_of};
use vientiane_vision_atlas::model::sources::{has_official_source, source_kind, SourceKind};
use vientiane_vision_atlas::model::stats::{MapCounts, ALL_MEASURES};
use vientiane_vision_atlas::model::{
    default_dataset, Activity, Confidence, Dataset, Filters, Measure, MemberState, Scope,
};

/// research-notes-2.md, "Dated events inside existing multi-year records": each event is a record of
/// its own naming its programme in `partOf`, and counts only through the programme.
const EVENTS: [(&str, &[&str]); 6] = [
    (
        "VV-059",
        &[
            "VV2-A026", "VV2-A027", "VV2-A028", "VV2-A029", "VV2-A030", "VV2-A031",
        ],
    ),
    ("VV-060", &["VV2-A047", "VV2-A048", "VV2-A050", "VV2-A053"]),
    ("VV-038", &["VV2-A013", "VV2-A014", "VV2-A015", "VV2-A016"]),
    ("VV-037", &["VV2-A017"]),
    ("VV-042", &["VV2-A021", "VV2-A045", "VV2-A058", "VV2-A071"]),
    ("VV-062", &["VV2-A054", "VV2-A055"]),
];

/// Near-duplicates (the same event or package recorded twice), folded into the record they duplicate
/// as its dated follow-ups, never activities of their own.
const FOLDED: [(&str, &[&str]); 4] = [
    ("VV2-M056", &["VV2-A033"]),
    ("VV2-M058", &["VV2-A034"]),
    ("VV-044", &["VV2-M005"]),
    ("VV-057", &["VV2-M052"]),
];

fn research() -> Vec<Value> {
    let mut records = Vec::new();
    for name in ["activities-research.json", "activities-research-2.json"] {
        let path = format!("{}/scripts/research/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("the research file is readable");
        let Value::Array(list) = serde_json::from_str(&text).expect("the research file is JSON")
        else {
            panic!("{name} is a list");
        };
        records.extend(list);
    }
    records
}

fn folded_ids() -> BTreeSet<&'static str> {
    FOLDED
        .iter()
        .flat_map(|(_, events)| events.iter().copied())
        .collect()
}

fn event_ids() -> BTreeSet<&'static str> {
    EVENTS
        .iter()
        .flat_map(|(_, events)| events.iter().copied())
        .collect()
}

fn activity<'d>(dataset: &'d Dataset, id: &str) -> &'d Activity {
    dataset
        .activity(id)
        .unwrap_or_else(|| panic!("{id} is in the default dataset"))
}

#[test]
fn the_maps_counts_are_the_researchs_counts() {
    // This test's rule: every researched record that is neither folded nor one of the notes' dated
    // events counts once for each member state it lists (a code that is not a member state, such as
    // Palau's, counts nowhere), or once as ASEAN-wide, under each of its measures and under "all". A
    // dated event counts nowhere: its programme counts for it (that the programme covers its events'
    // places and measures is checked below).
    let folded = folded_ids();
    let events = event_ids();
    let mut expected = MapCounts::default();
    let mut counted = 0;
    let mut records = 0;
    for record in research() {
        let id = record["id"].as_str().expect("an id");
        if folded.contains(id) {
            continue;
        }
        records += 1;
        if events.contains(id) {
            continue;
        }
        counted += 1;
        let measures: Vec<Measure> = record["measures"]
            .as_array()
            .expect("measures")
            .iter()
            .map(|m| Measure::from_code(m.as_str().unwrap_or_default()).expect("a measure code"))
            .collect();
        let add = |row: &mut [u32; ALL_MEASURES + 1]| {
            for m in &measures {
                row[m.index()] += 1;
            }
            row[ALL_MEASURES] += 1;
        };
        match &record["countries"] {
            Value::String(asean) if asean == "ASEAN" => add(&mut expected.asean_wide),
            Value::Array(codes) => {
                for code in codes {
                    if let Some(state) = MemberState::from_iso3(code.as_str().unwrap_or_default()) {
                        add(&mut expected.member_states[state.index()]);
                    }
                }
            }
            other => panic!("{id}: countries {other}"),
        }
    }
    let dataset = default_dataset();
    assert_eq!(counted, 225);
    assert_eq!(records, 246);
    assert_eq!(dataset.activities.len(), records);
    assert_eq!(counted_total(&dataset), counted);
    let counts = MapCounts::build(&dataset, &Filters::default());
    for state in MemberState::ALL {
        assert_eq!(
            counts.member_states[state.index()],
            expected.member_states[state.index()],
            "{state}"
        );
    }
    assert_eq!(counts.asean_wide, expected.asean_wide, "ASEAN-wide");
    // No member state is left with one or two activities any more.
    for state in MemberState::ALL {
        assert!(counts.member_state(state, None, false) >= 7, "{state}");
    }
}

#[test]
fn every_record_has_a_source_and_a_confidence_and_nothing_is_lost() {
    let dataset = default_dataset();
    let research = research();
    let folded = folded_ids();
    let events = event_ids();
    for a in &dataset.activities {
        assert!(!a.sources.is_empty(), "{} cites a source", a.id);
        assert!(a.confidence.is_some(), "{} keeps its confidence", a.id);
    }
    // Every researched record is an activity (a dated event with its researched confidence) or a
    // follow-up of the record it duplicates, with its sources.
    for record in &research {
        let id = record["id"].as_str().expect("an id");
        let urls: Vec<&str> = record["sources"]
            .as_array()
            .expect("sources")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert!(!urls.is_empty(), "{id} has sources in the research");
        let kept: Vec<String> = if folded.contains(id) {
            let (programme, _) = FOLDED
                .iter()
                .find(|(_, events)| events.contains(&id))
                .expect("folded somewhere");
            let follow_up = activity(&dataset, programme)
                .follow_ups
                .iter()
                .find(|f| f.unknown.get("researchId") == Some(&Value::from(id)))
                .unwrap_or_else(|| panic!("{id} is a follow-up of {programme}"));
            assert_eq!(
                follow_up.unknown.get("confidence"),
                Some(&record["confidence"]),
                "{id}"
            );
            follow_up.sources.iter().map(|s| s.url.clone()).collect()
        } else {
            if events.contains(id) {
                assert_eq!(
                    Value::from(activity(&dataset, id).confidence().code()),
                    record["confidence"],
                    "{id}"
                );
            }
            activity(&dataset, id)
                .sources
                .iter()
                .map(|s| s.url.clone())
                .collect()
        };
        for url in urls {
            assert!(kept.iter().any(|k| k == url), "{id} keeps {url}");
        }
    }
}

#[test]
fn a_programme_counts_once_and_covers_its_dated_events() {
    let dataset = default_dataset();
    for (programme, events) in EVENTS {
        let p = activity(&dataset, programme);
        assert_eq!(p.part_of, None, "{programme} is no event");
        let listed: Vec<&str> = events_of(&dataset, programme)
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(listed, events, "{programme}");
        for event in events {
            let e = activity(&dataset, event);
            assert_eq!(e.part_of.as_deref(), Some(programme), "{event}");
            // The programme covers the event: years, member states, measures.
            assert!(e.start >= p.start, "{event} starts within {programme}");
            assert!(
                p.end.is_none() || e.end.is_some_and(|end| Some(end) <= p.end),
                "{event} ends within {programme}"
            );
            if p.scope == Scope::MemberStates {
                assert!(
                    e.countries.iter().all(|c| p.countries.contains(c)),
                    "{event}"
                );
            }
            assert!(e.measures.iter().all(|m| p.measures.contains(m)), "{event}");
        }
    }
    // Every partOf of the default dataset names a programme of the notes' table.
    let programmes: BTreeSet<&str> = EVENTS.iter().map(|(p, _)| *p).collect();
    let mut with_part_of = 0;
    for a in &dataset.activities {
        if let Some(programme) = &a.part_of {
            assert!(programmes.contains(programme.as_str()), "{}", a.id);
            with_part_of += 1;
        }
    }
    assert_eq!(with_part_of, 21);
    // The programme is listed once behind a count, whatever its events match.
    let units = counted(&dataset);
    assert_eq!(units.len(), 225);
    let cambodia_pko = units
        .iter()
        .find(|c| c.record.id == "VV-059")
        .expect("VV-059 counts");
    assert_eq!(cambodia_pko.events.len(), 6);

    for (programme, events) in FOLDED {
        assert!(dataset.activity(programme).is_some(), "{programme}");
        for event in events {
            assert!(
                dataset.activity(event).is_none(),
                "{event} is not an activity"
            );
        }
        let a = activity(&dataset, programme);
        let ids: Vec<&Value> = a
            .follow_ups
            .iter()
            .filter_map(|f| f.unknown.get("researchId"))
            .collect();
        assert_eq!(ids.len(), events.len(), "{programme}");
        for f in &a.follow_ups {
            assert!(
                f.year >= a.start && a.end.is_none_or(|end| f.year <= end),
                "{programme} {}",
                f.year
            );
        }
    }
    // The one event without a known year takes its programme's start year, as one year, and says so.
    let laos = activity(&dataset, "VV-060");
    let undated = activity(&dataset, "VV2-A053");
    assert_eq!((undated.start, undated.end), (laos.start, Some(laos.start)));
    assert!(undated.unknown.contains_key("datePlaceholder"));
}

#[test]
fn palau_is_kept_in_the_record_but_never_a_member_state() {
    let dataset = default_dataset();
    let pp2016 = activity(&dataset, "VV2-M059");
    assert_eq!(
        pp2016.countries,
        [
            MemberState::VietNam,
            MemberState::Indonesia,
            MemberState::TimorLeste
        ]
    );
    assert_eq!(
        pp2016.unknown.get("partnersOutsideAsean"),
        Some(&serde_json::json!(["PLW"]))
    );
    assert!(pp2016.title.contains("Palau"));
    let others = dataset
        .activities
        .iter()
        .filter(|a| a.unknown.contains_key("partnersOutsideAsean"))
        .count();
    assert_eq!(others, 1);
}

#[test]
fn undated_records_keep_the_placeholder_and_say_so() {
    let dataset = default_dataset();
    let undated: Vec<&str> = dataset
        .activities
        .iter()
        .filter(|a| a.unknown.contains_key("datePlaceholder"))
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(
        undated,
        ["VV-061", "VV-079", "VV2-A046", "VV2-A053", "VV2-M077", "VV2-M082", "VV2-M094"]
    );
    for id in undated {
        assert_eq!(activity(&dataset, id).start, 2016, "{id}");
    }
}

/// One correction of research-notes-2.md: what the record must say afterwards.
struct Correction {
    id: &'static str,
    start: Option<i32>,
    end: Option<Option<i32>>,
    confidence: Option<Confidence>,
    /// Text the title or summary must now contain.
    says: &'static str,
    /// An address the notes cite (on the record or one of its follow-ups), when they give one.
    source: Option<&'static str>,
}

const NO_CHANGE: Correction = Correction {
    id: "",
    start: None,
    end: None,
    confidence: None,
    says: "",
    source: None,
};

#[test]
fn every_correction_of_the_notes_is_applied() {
    let corrections = [
        Correction {
            id: "VV-004",
            start: Some(2023),
            confidence: Some(Confidence::Verified),
            says: "2023",
            source: Some("https://www3.nhk.or.jp/nhkworld/en/news/20230306_25/"),
            ..NO_CHANGE
        },
        Correction {
            id: "VV-005",
            start: Some(2024),
            confidence: Some(Confidence::Verified),
            says: "2024",
            source: Some("https://j-defense.ikaros.jp/docs/mod/000707.html"),
            ..NO_CHANGE
        },
        Correction {
            id: "VV-036",
            start: Some(2025),
            says: "9th",
            source: Some("https://nids.mod.go.jp/publication/commentary/commentary407.html"),
            ..NO_CHANGE
        },
        Correction {
            id: "VV-051",
            start: Some(2023),
            says: "2023",
            source: Some("https://www3.nhk.or.jp/nhkworld/en/news/20230306_25/"),
            ..NO_CHANGE
        },
        Correction {
            id: "VV-053",
            end: Some(Some(2025)),
            source: Some("https://j-defense.ikaros.jp/docs/mod/004572.html"),
            ..NO_CHANGE
        },
        Correction {
            id: "VV-055",
            end: Some(Some(2025)),
            source: Some("https://j-defense.ikaros.jp/docs/mod/003403.html"),
            ..NO_CHANGE
        },
        Correction {
            id: "VV-056",
            start: Some(2017),
            says: "June 2017",
            source: Some("https://portal-worlds.com/news/vietnam/10810"),
            ..NO_CHANGE
        },
        Correction {
            id: "VV-061",
            confidence: Some(Confidence::Uncertain),
            ..NO_CHANGE
        },
        Correction {
            id: "VV-062",
            start: Some(2014),
            says: "2014",
            source: Some("https://portal-worlds.com/news/myanmar/16189"),
            ..NO_CHANGE
        },
        Correction {
            id: "VV-067",
            confidence: Some(Confidence::Verified),
            says: "signed on 30 March 2021",
            source: Some("https://jmh.usembassy.gov/20210331164057/"),
            ..NO_CHANGE
        },
        Correction {
            id: "VV-068",
            says: "10 Jan 2025",
            source: Some("https://j-defense.ikaros.jp/docs/mod/002472.html"),
            ..NO_CHANGE
        },
        Correction {
            id: "VV-070",
            start: Some(2022),
            says: "Signed on 2 May 2022",
            ..NO_CHANGE
        },
        Correction {
            id: "VV-074",
            end: Some(Some(2025)),
            says: "1 Oct 2025",
            source: Some("https://my.emb-japan.go.jp/itpr_ja/newinfo_01102025.html"),
            ..NO_CHANGE
        },
        Correction {
            id: "VV-075",
            confidence: Some(Confidence::Verified),
            says: "deputy secretary-general",
            source: Some("https://mofa.go.jp/mofaj/press/release/pressit_000001_02880.html"),
            ..NO_CHANGE
        },
    ];
    let dataset = default_dataset();
    let mut seen = BTreeSet::new();
    for c in &corrections {
        seen.insert(c.id);
        let a = activity(&dataset, c.id);
        if let Some(start) = c.start {
            assert_eq!(a.start, start, "{} start", c.id);
        }
        if let Some(end) = c.end {
            assert_eq!(a.end, end, "{} end", c.id);
        }
        if let Some(confidence) = c.confidence {
            assert_eq!(a.confidence(), confidence, "{} confidence", c.id);
        }
        let text = format!(
            "{} {} {}",
            a.title,
            a.summary.clone().unwrap_or_default(),
            a.follow_ups
                .iter()
                .map(|f| f.note.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        );
        assert!(text.contains(c.says), "{} says {:?}: {text}", c.id, c.says);
        if let Some(url) = c.source {
            let cited = a
                .sources
                .iter()
                .chain(a.follow_ups.iter().flat_map(|f| &f.sources))
                .any(|s| s.url == url);
            assert!(cited, "{} cites {url}", c.id);
        }
        // The record says it was corrected, and by what.
        assert!(
            a.unknown
                .get("corrections")
                .and_then(Value::as_array)
                .is_some_and(|notes| !notes.is_empty()),
            "{} notes its correction",
            c.id
        );
    }
    // Thirteen rows in the notes' table (VV-053 and VV-055 share one); the only other record marked is
    // the programme extended to cover its dated events (VV-062 is both).
    assert_eq!(seen.len(), 14);
    let marked: BTreeSet<&str> = dataset
        .activities
        .iter()
        .filter(|a| a.unknown.contains_key("corrections"))
        .map(|a| a.id.as_str())
        .collect();
    let mut expected = seen.clone();
    expected.insert("VV-038");
    assert_eq!(marked, expected);
    for (id, says) in [
        ("VV-038", "end year 2016 → 2019"),
        ("VV-062", "end year 2015 → 2020"),
    ] {
        let notes = activity(&dataset, id).unknown["corrections"].to_string();
        assert!(
            notes.contains("Extended to cover its dated events") && notes.contains(says),
            "{id}: {notes}"
        );
    }
}

#[test]
fn the_official_share_of_the_default_dataset() {
    let dataset = default_dataset();
    // Counted activities: a programme with its dated events is one, backed by any of their sources.
    let official = counted(&dataset)
        .iter()
        .filter(|c| has_official_source(c.as_counted()))
        .count();
    let sources: Vec<SourceKind> = dataset
        .activities
        .iter()
        .flat_map(|a| &a.sources)
        .map(|s| source_kind(&s.url))
        .collect();
    assert!(sources.contains(&SourceKind::Official) && sources.contains(&SourceKind::Secondary));
    assert_eq!(official, 96, "of {}", counted_total(&dataset));
    // A record is officially backed by any official page: its own, or one of its follow-ups'.
    let table = [
        ("VV-003", true),  // mod.go.jp
        ("VV-001", false), // news and blogs only
        ("VV-067", true),  // the US embassy's page the correction added
        ("VV-075", true),  // MOFA, added by the correction
        ("VV-006", false), // a defence-news site
        ("VV-062", true),  // a US embassy page (another government)
        ("VV-060", true),  // mod.go.jp
    ];
    for (id, expected) in table {
        assert_eq!(
            has_official_source(activity(&dataset, id)),
            expected,
            "{id}"
        );
    }
}

/// The default dataset's figures as README states them, computed here: a change of the data that is
/// not carried into README fails this test.
#[test]
fn readme_states_the_default_datasets_figures() {
    let dataset = default_dataset();
    // The table counts activities as the map does: a programme with its dated events once, judged
    // with its events (`model::programmes`).
    let units = counted(&dataset);
    let activities: Vec<Activity> = units.iter().map(|c| c.as_counted().clone()).collect();
    let activities = &activities;
    let verified = activities
        .iter()
        .filter(|a| a.confidence() == Confidence::Verified)
        .count();
    let official = activities.iter().filter(|a| has_official_source(a)).count();
    let asean_wide = activities
        .iter()
        .filter(|a| a.scope == Scope::AseanWide)
        .count();
    let mut lines = vec![
        format!(
            "| All | {} | {verified} | {} | {official} ({}%) |",
            activities.len(),
            activities.len() - verified,
            percent(official, activities.len())
        ),
        format!(
            "| ASEAN-wide | {asean_wide} | {} | {} | {} ({}%) |",
            count(activities, |a| a.scope == Scope::AseanWide
                && a.confidence() == Confidence::Verified),
            count(activities, |a| a.scope == Scope::AseanWide
                && a.confidence() == Confidence::Uncertain),
            count(activities, |a| a.scope == Scope::AseanWide
                && has_official_source(a)),
            percent(
                count(activities, |a| a.scope == Scope::AseanWide
                    && has_official_source(a)),
                asean_wide
            )
        ),
    ];
    let mut per_state = BTreeMap::new();
    for state in MemberState::ALL {
        let with = |extra: &dyn Fn(&Activity) -> bool| {
            count(activities, |a| a.involves(state) && extra(a))
        };
        let total = with(&|_| true);
        let line = format!(
            "| {} | {total} | {} | {} | {} ({}%) |",
            state.name(),
            with(&|a| a.confidence() == Confidence::Verified),
            with(&|a| a.confidence() == Confidence::Uncertain),
            with(&|a| has_official_source(a)),
            percent(with(&|a| has_official_source(a)), total)
        );
        per_state.insert(state.index(), line);
    }
    lines.extend(per_state.into_values());
    lines.push(format!(
        "**{} researched records, {} counted activities**",
        dataset.activities.len(),
        activities.len()
    ));
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README is readable");
    let missing: Vec<&String> = lines
        .iter()
        .filter(|l| !readme.contains(l.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "README's figures are out of date; these rows are true:\n{}",
        lines.join("\n")
    );
}

fn count(activities: &[Activity], keep: impl Fn(&Activity) -> bool) -> usize {
    activities.iter().filter(|a| keep(a)).count()
}

/// A share in whole percent, rounded half up.
fn percent(part: usize, whole: usize) -> usize {
    if whole == 0 {
        0
    } else {
        (part * 200 + whole) / (whole * 2)
    }
}
