//! Published datasets: files an organiser puts beside the app on its static host, opened from the
//! address (`?dataset=datasets/seminar-2026.json`) or from the optional catalogue
//! `datasets/index.json`. This module holds the rules — which links may be fetched, what a catalogue
//! says, which answers are refused and why — so that they are tested natively; `files.rs` does the
//! fetching and the import preview does the rest, exactly as for a file the user picked.

use serde_json::Value;

use super::format::{parse_json, text_from_bytes};
use super::i18n::messages::{Bilingual, Message, MessageText};
use super::i18n::{data as words, Locale};
use super::rules;
use super::validate::Problem;

/// Where the catalogue lives, relative to the app's address.
pub const CATALOGUE_PATH: &str = "datasets/index.json";
/// The longest link accepted, in characters: a path beside the app, not a document.
pub const MAX_LINK_CHARS: usize = 512;
/// The most entries a catalogue lists; the rest are reported, not shown.
pub const MAX_CATALOGUE_ENTRIES: usize = 200;
/// The longest title and description of a catalogue entry, in characters.
pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_DESCRIPTION_CHARS: usize = 2_000;

/// Why a link to a published dataset is refused before anything is fetched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkFault {
    Empty,
    TooLong {
        length: usize,
    },
    /// A scheme (`https:`, `data:`, `javascript:`) or a host (`//example.org/…`): another origin.
    OtherOrigin,
    /// A path from the root of the server (`/datasets/a.json`): the app may live under any sub-path,
    /// so a link is relative to the app's own address.
    FromRoot,
    /// A `..` segment (also percent-encoded): the file must lie beside the app or below it.
    Outside,
    /// A control character, a backslash (which browsers read as `/`), or a space at either end
    /// (which browsers drop, so that ` //example.org/` would lead to another site).
    Unsafe,
}

/// Checks the link of `?dataset=` or of a catalogue entry: a relative path to a file at or below
/// the app's own address. The page resolves the link afterwards and checks the origin again.
pub fn check_link(link: &str) -> Result<&str, LinkFault> {
    if link.is_empty() {
        return Err(LinkFault::Empty);
    }
    let length = link.chars().count();
    if length > MAX_LINK_CHARS {
        return Err(LinkFault::TooLong { length });
    }
    if link.chars().any(|c| c.is_control() || c == '\\') || link.trim() != link {
        return Err(LinkFault::Unsafe);
    }
    if link.starts_with("//") {
        return Err(LinkFault::OtherOrigin);
    }
    if link.starts_with('/') {
        return Err(LinkFault::FromRoot);
    }
    // A scheme is letters, digits, `+`, `-` and `.` before the first `:`, and the `:` comes before
    // any `/`, `?` or `#` (so `datasets/a:b.json` is a path, `https://…` and `data:…` are not).
    let head = link.split(['/', '?', '#']).next().unwrap_or_default();
    if head.contains(':') {
        return Err(LinkFault::OtherOrigin);
    }
    let path = link.split(['?', '#']).next().unwrap_or_default();
    let climbs = path.split('/').any(|segment| {
        let segment = segment.to_ascii_lowercase().replace("%2e", ".");
        segment == ".."
    });
    if climbs {
        return Err(LinkFault::Outside);
    }
    Ok(link)
}

/// Whether a response's `Content-Type` can hold a dataset. A static server sends `application/json`
/// for `.json`; some send `text/plain` or `application/octet-stream`, or nothing. An HTML page (a
/// host's "not found" page, or a single-page host answering every path with its index) is refused,
/// like any other named type.
pub fn is_dataset_type(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    matches!(
        essence.as_str(),
        "" | "application/json" | "text/json" | "text/plain" | "application/octet-stream"
    ) || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// Why a published dataset (or the catalogue) could not be fetched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchFault {
    Link(LinkFault),
    /// The link resolved to another origin, or outside the app's folder (the page's own check).
    Resolved,
    /// The page was opened from a file (`file://`), where nothing can be fetched.
    FileProtocol,
    /// The server has no such file (404 or 410).
    NotFound,
    /// Any other answer than a success, with its status.
    Status(u16),
    /// The server answered with a type that is no dataset (its `Content-Type`).
    WrongType(String),
    /// No network, and the file was not opened here before (so it is not available offline).
    Network,
}

impl FetchFault {
    /// The message for the file at `link`, in `locale`.
    pub fn text(&self, locale: Locale, link: &str) -> String {
        words::published_fault(locale, link, self)
    }
}

/// One entry of the catalogue, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogueEntry {
    pub title: String,
    /// The link, relative to the app (checked by [`check_link`]).
    pub file: String,
    pub description: Option<String>,
    /// `YYYY-MM-DD` (or an RFC 3339 time, of which the date is kept).
    pub updated: Option<String>,
}

/// A catalogue read as far as it could be: the entries that are sound, and a located problem for
/// each one left out, so that one organiser's typo does not hide the other datasets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Catalogue {
    pub entries: Vec<CatalogueEntry>,
    pub problems: Vec<Problem>,
}

/// What a catalogue may say wrong, beyond the shared messages of the readers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CatalogueFault {
    /// The file is valid JSON but not `{"datasets": [...]}`.
    NotCatalogue,
    /// An entry is not an object.
    EntryNotObject,
    /// A link that [`check_link`] refuses.
    Link(LinkFault),
    /// `updated` is not a date.
    NotDate,
    /// More entries than [`MAX_CATALOGUE_ENTRIES`]; `count` in all.
    TooManyEntries { count: usize },
}

impl From<CatalogueFault> for Bilingual {
    fn from(fault: CatalogueFault) -> Bilingual {
        Bilingual {
            en: words::catalogue_fault(Locale::En, fault),
            ja: words::catalogue_fault(Locale::Ja, fault),
        }
    }
}

/// Reads the catalogue's bytes. A file that is not a catalogue at all is one error; an entry that is
/// wrong is left out with its problem, located by its JSON path (`datasets[2].file`).
pub fn read_catalogue(bytes: &[u8]) -> Result<Catalogue, Vec<Problem>> {
    let text = text_from_bytes(bytes).map_err(|problem| vec![problem])?;
    let value = parse_json(text).map_err(|problem| vec![problem])?;
    let Some(list) = value.get("datasets").and_then(Value::as_array) else {
        let path = if value.is_object() { "datasets" } else { "" };
        return Err(vec![Problem::error(path, CatalogueFault::NotCatalogue)]);
    };
    let mut catalogue = Catalogue::default();
    if list.len() > MAX_CATALOGUE_ENTRIES {
        catalogue.problems.push(Problem::warning(
            "datasets",
            CatalogueFault::TooManyEntries { count: list.len() },
        ));
    }
    for (index, entry) in list.iter().take(MAX_CATALOGUE_ENTRIES).enumerate() {
        match read_entry(entry, &format!("datasets[{index}]")) {
            Ok(entry) => catalogue.entries.push(entry),
            Err(problem) => catalogue.problems.push(problem),
        }
    }
    Ok(catalogue)
}

/// One entry, or the first problem that leaves it out.
fn read_entry(entry: &Value, path: &str) -> Result<CatalogueEntry, Problem> {
    if !entry.is_object() {
        return Err(Problem::warning(path, CatalogueFault::EntryNotObject));
    }
    let title = required_text(entry, path, "title", MAX_TITLE_CHARS)?;
    let file = required_text(entry, path, "file", MAX_LINK_CHARS)?;
    check_link(&file)
        .map_err(|fault| Problem::warning(format!("{path}.file"), CatalogueFault::Link(fault)))?;
    let description = optional_text(entry, path, "description", MAX_DESCRIPTION_CHARS)?;
    let updated = optional_text(entry, path, "updated", 64)?;
    let updated = match updated {
        Some(text) if rules::is_date(&text) => Some(text),
        Some(text) if rules::is_rfc3339(&text) => Some(text[..10].to_string()),
        Some(_) => {
            return Err(Problem::warning(
                format!("{path}.updated"),
                CatalogueFault::NotDate,
            ))
        }
        None => None,
    };
    Ok(CatalogueEntry {
        title,
        file,
        description,
        updated,
    })
}

fn required_text(entry: &Value, path: &str, key: &str, limit: usize) -> Result<String, Problem> {
    match optional_text(entry, path, key, limit)? {
        Some(text) => Ok(text),
        None => Err(Problem::warning(
            format!("{path}.{key}"),
            MessageText::Missing,
        )),
    }
}

/// A text field that may be absent (or `null`); an empty or blank one counts as absent for optional
/// fields and is refused for required ones by [`required_text`].
fn optional_text(
    entry: &Value,
    path: &str,
    key: &str,
    limit: usize,
) -> Result<Option<String>, Problem> {
    let located = || format!("{path}.{key}");
    match entry.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) if text.trim().is_empty() => Ok(None),
        Some(Value::String(text)) => {
            let length = text.chars().count();
            if length > limit {
                Err(Problem::warning(
                    located(),
                    Message::TooLong { length, limit },
                ))
            } else {
                Ok(Some(text.trim().to_string()))
            }
        }
        Some(found) => Err(Problem::warning(located(), Message::NotText { found })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_beside_the_app_are_fetched_and_every_other_is_refused() {
        let long = "a".repeat(MAX_LINK_CHARS + 1);
        let cases: &[(&str, Result<(), LinkFault>)] = &[
            ("datasets/seminar-2026.json", Ok(())),
            ("seminar.json", Ok(())),
            ("./datasets/a.json", Ok(())),
            ("datasets/Tokyo seminar 2026.json", Ok(())),
            ("datasets/日本語.json", Ok(())),
            ("datasets/a.json?v=2", Ok(())),
            ("datasets/a:b.json", Ok(())),
            ("datasets/..json", Ok(())),
            ("", Err(LinkFault::Empty)),
            (long.as_str(), Err(LinkFault::TooLong { length: 513 })),
            ("https://example.org/a.json", Err(LinkFault::OtherOrigin)),
            ("HTTP://example.org/a.json", Err(LinkFault::OtherOrigin)),
            ("//example.org/a.json", Err(LinkFault::OtherOrigin)),
            ("data:application/json,{}", Err(LinkFault::OtherOrigin)),
            ("javascript:alert(1)", Err(LinkFault::OtherOrigin)),
            ("blob:https://x/1", Err(LinkFault::OtherOrigin)),
            ("/datasets/a.json", Err(LinkFault::FromRoot)),
            ("../other-app/a.json", Err(LinkFault::Outside)),
            ("datasets/../../a.json", Err(LinkFault::Outside)),
            ("datasets/%2e%2e/a.json", Err(LinkFault::Outside)),
            ("datasets/.%2E/a.json", Err(LinkFault::Outside)),
            ("datasets/x/..", Err(LinkFault::Outside)),
            ("\\\\example.org\\a.json", Err(LinkFault::Unsafe)),
            ("datasets\\a.json", Err(LinkFault::Unsafe)),
            ("datasets/a.json\n", Err(LinkFault::Unsafe)),
            ("\tdatasets/a.json", Err(LinkFault::Unsafe)),
            (" //example.org/a.json", Err(LinkFault::Unsafe)),
            ("datasets/a.json ", Err(LinkFault::Unsafe)),
            ("\u{3000}datasets/a.json", Err(LinkFault::Unsafe)),
        ];
        for (link, expected) in cases {
            assert_eq!(check_link(link).map(|_| ()), *expected, "{link:?}");
        }
    }

    #[test]
    fn only_types_that_can_hold_json_are_read() {
        for (content_type, read) in [
            ("application/json", true),
            ("application/json; charset=utf-8", true),
            ("Application/JSON", true),
            ("text/json", true),
            ("text/plain; charset=UTF-8", true),
            ("application/octet-stream", true),
            ("application/vnd.atlas+json", true),
            ("", true),
            ("text/html", false),
            ("text/html; charset=utf-8", false),
            ("application/xml", false),
            ("image/png", false),
            ("application/zip", false),
            ("application/javascript", false),
        ] {
            assert_eq!(is_dataset_type(content_type), read, "{content_type:?}");
        }
    }

    #[test]
    fn a_catalogue_lists_its_sound_entries_and_locates_each_left_out() {
        let catalogue = read_catalogue(
            br#"{"datasets": [
                {"title": "Seminar 2026", "file": "datasets/seminar-2026.json",
                 "description": "The organisers' dataset.", "updated": "2026-11-30"},
                {"title": "  Vision 2.0  ", "file": "vision-2.json", "updated": "2026-11-27T10:00:00Z",
                 "description": ""},
                {"title": "Elsewhere", "file": "https://example.org/a.json"},
                {"file": "datasets/untitled.json"},
                {"title": 7, "file": "datasets/b.json"},
                {"title": "Bad date", "file": "datasets/c.json", "updated": "30/11/2026"},
                "datasets/d.json",
                {"title": "Up", "file": "../d.json"}
            ]}"#,
        )
        .expect("a catalogue");
        assert_eq!(
            catalogue.entries,
            vec![
                CatalogueEntry {
                    title: "Seminar 2026".into(),
                    file: "datasets/seminar-2026.json".into(),
                    description: Some("The organisers' dataset.".into()),
                    updated: Some("2026-11-30".into()),
                },
                CatalogueEntry {
                    title: "Vision 2.0".into(),
                    file: "vision-2.json".into(),
                    description: None,
                    updated: Some("2026-11-27".into()),
                },
            ]
        );
        let located: Vec<(&str, &str)> = catalogue
            .problems
            .iter()
            .map(|problem| (problem.path.as_str(), problem.message.as_str()))
            .collect();
        assert_eq!(
            located,
            vec![
                (
                    "datasets[2].file",
                    "is on another site: a published dataset must be a file beside the app, such as datasets/seminar.json"
                ),
                ("datasets[3].title", "is missing"),
                ("datasets[4].title", "must be text, not the number 7"),
                ("datasets[5].updated", "must be a date such as 2026-11-30"),
                ("datasets[6]", "must be an object with a title and a file"),
                (
                    "datasets[7].file",
                    "leaves the app's folder (..): a published dataset must lie beside the app or below it"
                ),
            ]
        );
        assert!(catalogue
            .problems
            .iter()
            .all(|p| !p.message_ja.is_empty() && p.message_ja != p.message && !p.is_error()));
    }

    #[test]
    fn a_file_that_is_not_a_catalogue_is_one_located_error() {
        for (bytes, path, start) in [
            (&b"[1, 2]"[..], "", "is not a catalogue"),
            (br#"{"datasets": {}}"#, "datasets", "is not a catalogue"),
            (br#"{"sets": []}"#, "datasets", "is not a catalogue"),
            (
                b"{\"datasets\": [",
                "line 1, column 14",
                "This is not valid JSON",
            ),
            (b"", "", "The file is empty."),
            (b"\xFF\xFE{}", "", "The file is UTF-16 text"),
        ] {
            let problems = read_catalogue(bytes).expect_err("refused");
            assert_eq!(problems.len(), 1, "{bytes:?}");
            assert_eq!(problems[0].path, path, "{bytes:?}");
            assert!(
                problems[0].message.contains(start),
                "{bytes:?}: {}",
                problems[0].message
            );
        }
        let empty = read_catalogue(br#"{"datasets": []}"#).expect("empty catalogue");
        assert_eq!(empty, Catalogue::default());
    }

    #[test]
    fn a_long_catalogue_is_cut_with_a_warning() {
        let entries: Vec<String> = (0..MAX_CATALOGUE_ENTRIES + 5)
            .map(|i| format!(r#"{{"title": "Set {i}", "file": "datasets/{i}.json"}}"#))
            .collect();
        let text = format!(r#"{{"datasets": [{}]}}"#, entries.join(","));
        let catalogue = read_catalogue(text.as_bytes()).expect("a catalogue");
        assert_eq!(catalogue.entries.len(), MAX_CATALOGUE_ENTRIES);
        assert_eq!(catalogue.problems.len(), 1);
        assert!(catalogue.problems[0].message.contains("205"));
    }

    #[test]
    fn every_fault_of_a_fetch_has_a_message_naming_the_file_in_both_languages() {
        let faults = [
            FetchFault::Link(LinkFault::Empty),
            FetchFault::Link(LinkFault::TooLong { length: 600 }),
            FetchFault::Link(LinkFault::OtherOrigin),
            FetchFault::Link(LinkFault::FromRoot),
            FetchFault::Link(LinkFault::Outside),
            FetchFault::Link(LinkFault::Unsafe),
            FetchFault::Resolved,
            FetchFault::FileProtocol,
            FetchFault::NotFound,
            FetchFault::Status(500),
            FetchFault::WrongType("text/html".into()),
            FetchFault::Network,
        ];
        let mut seen = std::collections::HashSet::new();
        for fault in &faults {
            let en = fault.text(Locale::En, "datasets/x.json");
            let ja = fault.text(Locale::Ja, "datasets/x.json");
            assert!(en.contains("datasets/x.json"), "{fault:?}: {en}");
            assert!(ja.contains("datasets/x.json"), "{fault:?}: {ja}");
            assert!(en.ends_with('.'), "{fault:?}: {en}");
            assert!(ja.ends_with('。'), "{fault:?}: {ja}");
            assert!(seen.insert(en), "{fault:?} has its own message");
        }
        assert!(FetchFault::Status(500)
            .text(Locale::En, "a.json")
            .contains("500"));
        assert!(FetchFault::WrongType("text/html".into())
            .text(Locale::Ja, "a.json")
            .contains("text/html"));
    }

    // The property needs proptest and url, native dev-dependencies only (the wasm32 build of the
    // tests has neither).
    #[cfg(not(target_arch = "wasm32"))]
    mod property {
        use super::super::check_link;

        /// The pieces links are made of in the property below: the ones the rules are about (dots, their
        /// percent-encodings, colons, slashes, queries, fragments, spaces, hosts) and plain names.
        const PIECES: &[&str] = &[
            "datasets",
            "a.json",
            ".",
            "..",
            "%2e",
            "%2E",
            ".%2e",
            "%2e.",
            "%252e",
            "/",
            "//",
            ":",
            "a:",
            "?",
            "#",
            "@",
            "example.org",
            "%2f",
            "%5c",
            " ",
            "\u{3000}",
            "~",
            "%",
            "x",
            "日本",
            "http:",
            "file:",
        ];

        fn stays_in_the_folder(link: &str) -> bool {
            let base = url::Url::parse("http://atlas.test:8080/app/index.html").expect("a URL");
            match base.join(link) {
                Ok(resolved) => {
                    resolved.origin() == base.origin() && resolved.path().starts_with("/app/")
                }
                // What the URL parser cannot read, the browser cannot fetch either.
                Err(_) => true,
            }
        }

        proptest::proptest! {
            /// Whatever `check_link` accepts, the browser's URL resolution (WHATWG, as the `url` crate
            /// implements it) keeps on the app's origin and in its folder: the page's own check after
            /// resolving is a second guard, not the only one.
            #[test]
            fn an_accepted_link_never_leaves_the_apps_folder(
                pieces in proptest::collection::vec(proptest::sample::select(PIECES), 1..8),
                text in "\\PC{0,24}",
            ) {
                let link = pieces.concat();
                if check_link(&link).is_ok() {
                    proptest::prop_assert!(stays_in_the_folder(&link), "{link:?}");
                }
                if check_link(&text).is_ok() {
                    proptest::prop_assert!(stays_in_the_folder(&text), "{text:?}");
                }
            }
        }
    }
}
