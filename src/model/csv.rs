//! Exports beyond the JSON format: which activities an export covers (the whole dataset or what the
//! filters show), and the CSV table for spreadsheets.
//!
//! The CSV is written for Excel and LibreOffice as much as for scripts: a UTF-8 byte-order mark (so
//! Japanese and accented text is not garbled), RFC 4180 quoting, CRLF line ends, one row per activity with
//! lists joined by "; ", and a guard against formula injection — a cell a spreadsheet would read as a
//! formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is prefixed with `'` so it is
//! shown as text and never run. The CSV is a view for reading: JSON is the format that round-trips.

use super::dataset::{Activity, Dataset};
use super::filter::Filters;

/// Which activities an export covers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ExportScope {
    /// Every activity.
    #[default]
    Whole,
    /// Only the activities the current filters show.
    Filtered,
}

impl ExportScope {
    pub const ALL: [ExportScope; 2] = [ExportScope::Whole, ExportScope::Filtered];

    /// The value of the `export-scope` control.
    pub fn code(self) -> &'static str {
        match self {
            ExportScope::Whole => "whole",
            ExportScope::Filtered => "filtered",
        }
    }

    pub fn from_code(code: &str) -> Option<ExportScope> {
        ExportScope::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The activities covered, ordered by id (the order of every export).
    pub fn activities<'a>(self, dataset: &'a Dataset, filters: &Filters) -> Vec<&'a Activity> {
        let mut chosen: Vec<&Activity> = match self {
            ExportScope::Whole => dataset.activities.iter().collect(),
            ExportScope::Filtered => dataset
                .activities
                .iter()
                .filter(|a| filters.matches(a))
                .collect(),
        };
        super::sorting::sort_by(&mut chosen, |a, b| a.id.cmp(&b.id));
        chosen
    }

    /// The dataset a JSON export writes: the same title, description and extra keys, with only the
    /// covered activities.
    pub fn dataset(self, dataset: &Dataset, filters: &Filters) -> Dataset {
        match self {
            ExportScope::Whole => dataset.clone(),
            ExportScope::Filtered => Dataset {
                title: dataset.title.clone(),
                description: dataset.description.clone(),
                updated: dataset.updated.clone(),
                activities: dataset
                    .activities
                    .iter()
                    .filter(|a| filters.matches(a))
                    .cloned()
                    .collect(),
                unknown: dataset.unknown.clone(),
            },
        }
    }
}

/// The header row, in the format's key order. It stays in English whatever the app's language: the
/// column names are the format's keys (as in the JSON and docs/data.md), so that scripts and
/// spreadsheets read every export the same way. Cells hold codes (`CBC`, `asean-wide`, `VNM`) and
/// the dataset's own text, never the app's words.
pub const CSV_HEADER: [&str; super::dataset::ACTIVITY_KEYS.len()] = super::dataset::ACTIVITY_KEYS;

/// The UTF-8 byte-order mark that starts the file.
pub const BOM: char = '\u{FEFF}';

/// Writes the activities as CSV: BOM, header, one CRLF-terminated row per activity, in the order given.
pub fn to_csv<'a>(activities: impl IntoIterator<Item = &'a Activity>) -> String {
    let mut out = String::new();
    out.push(BOM);
    write_row(&mut out, CSV_HEADER.iter().map(|h| h.to_string()));
    for activity in activities {
        write_row(&mut out, row(activity).into_iter());
    }
    out
}

/// One activity's cells, in [`CSV_HEADER`] order. Lists are joined with "; ".
pub fn row(activity: &Activity) -> Vec<String> {
    fn joined<T>(list: &[T], code: impl Fn(&T) -> String) -> String {
        list.iter().map(code).collect::<Vec<_>>().join("; ")
    }
    vec![
        activity.id.clone(),
        activity.title.clone(),
        activity.summary.clone().unwrap_or_default(),
        joined(&activity.measures, |m| m.code().to_string()),
        joined(&activity.directions, |d| d.code().to_string()),
        joined(&activity.fields, |f| f.clone()),
        activity.scope.code().to_string(),
        joined(&activity.countries, |c| c.iso3().to_string()),
        activity.start.to_string(),
        activity.end.map(|e| e.to_string()).unwrap_or_default(),
        activity
            .status
            .map(|s| s.code().to_string())
            .unwrap_or_default(),
        activity.confidence().code().to_string(),
        activity.part_of.clone().unwrap_or_default(),
        joined(&activity.follow_ups, |f| format!("{}: {}", f.year, f.note)),
        joined(&activity.sources, |s| s.url.clone()),
        activity.updated.clone().unwrap_or_default(),
    ]
}

fn write_row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (index, cell) in cells.enumerate() {
        if index > 0 {
            out.push(',');
        }
        out.push_str(&escape_cell(&cell));
    }
    out.push_str("\r\n");
}

/// Makes one cell safe: neutralises formulas, then quotes per RFC 4180 when needed.
pub fn escape_cell(cell: &str) -> String {
    let guarded;
    let cell = if starts_like_formula(cell) {
        guarded = format!("'{cell}");
        guarded.as_str()
    } else {
        cell
    };
    if cell.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

/// Whether a spreadsheet could read the cell as a formula (OWASP's list of trigger characters).
/// A plain negative number is not a formula, but no cell of this export is a signed number, so
/// every leading `-` is guarded.
fn starts_like_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::vision::{Measure, MemberState, Scope};
    use crate::model::{default_dataset, FollowUp, Source};

    #[test]
    fn cells_are_quoted_and_guarded() {
        let cases = [
            ("plain", "plain"),
            ("", ""),
            ("a, b", "\"a, b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("+81 3", "'+81 3"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tcmd", "'\tcmd"),
            ("\rcmd", "\"'\rcmd\""),
            ("a=b", "a=b"),
            ("日本・ASEAN", "日本・ASEAN"),
        ];
        for (cell, expected) in cases {
            assert_eq!(escape_cell(cell), expected, "{cell:?}");
        }
    }

    #[test]
    fn a_row_joins_lists_and_uses_the_formats_codes() {
        let mut activity = Activity::new("JA-1", "Ship Rider, 2nd", 2017);
        activity.measures = vec![Measure::CapacityBuilding, Measure::HumanResourceDevelopment];
        activity.scope = Scope::MemberStates;
        activity.countries = vec![MemberState::VietNam, MemberState::Philippines];
        activity.end = None;
        activity.fields = vec!["HA/DR".into(), "PKO".into()];
        activity.follow_ups = vec![FollowUp {
            year: 2018,
            note: "Second round".into(),
            sources: Vec::new(),
            unknown: Default::default(),
        }];
        activity.sources = vec![Source {
            url: "https://www.mod.go.jp/en/".into(),
            title: Some("MOD".into()),
            accessed: None,
            unknown: Default::default(),
        }];
        let csv = to_csv([&activity]);
        let expected = "\u{FEFF}id,title,summary,measures,directions,fields,scope,countries,start,end,status,confidence,partOf,followUps,sources,updated\r\n\
            JA-1,\"Ship Rider, 2nd\",,CBC; HRDAE,,HA/DR; PKO,member-states,VNM; PHL,2017,,,verified,,2018: Second round,https://www.mod.go.jp/en/,\r\n";
        assert_eq!(csv, expected);
    }

    #[test]
    fn the_default_dataset_has_one_line_per_activity() {
        let dataset = default_dataset();
        let activities = ExportScope::Whole.activities(&dataset, &Filters::default());
        let csv = to_csv(activities);
        assert!(csv.starts_with('\u{FEFF}'));
        assert!(csv.ends_with("\r\n"));
        // No default record holds a line break, so rows and lines coincide.
        // Every record is a line, the dated events of a programme included.
        assert_eq!(csv.split("\r\n").count() - 1, 247);
        assert!(!csv.contains("\n\n"));
    }

    #[test]
    fn filtered_scope_keeps_what_the_filters_show_ordered_by_id() {
        let dataset = default_dataset();
        let filters = Filters {
            measure: Some(Measure::CapacityBuilding),
            ..Filters::default()
        };
        let expected = dataset
            .activities
            .iter()
            .filter(|a| a.has_measure(Measure::CapacityBuilding))
            .count();
        let chosen = ExportScope::Filtered.activities(&dataset, &filters);
        assert_eq!(chosen.len(), expected);
        assert!(expected > 0 && expected < dataset.activities.len());
        assert!(chosen.windows(2).all(|w| w[0].id < w[1].id));
        let subset = ExportScope::Filtered.dataset(&dataset, &filters);
        assert_eq!(subset.activities.len(), expected);
        assert_eq!(subset.title, dataset.title);
        assert_eq!(
            ExportScope::Whole
                .dataset(&dataset, &filters)
                .activities
                .len(),
            246
        );
        for scope in ExportScope::ALL {
            assert_eq!(ExportScope::from_code(scope.code()), Some(scope));
        }
    }
}
