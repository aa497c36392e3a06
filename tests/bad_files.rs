//! The corpus of bad files in `tests/bad_files/`: each file is read through the whole import pipeline
//! (bytes → text → JSON → validation → preview) and must give its expected result — refused with the
//! expected problem at the expected place, or accepted (with the expected warnings).
//!
//! Every file in the folder must appear in the table, so a file added without an expectation fails.
//! Two cases are made here rather than committed: a file over 64 MB and one with 50,001 activities.
//! Every problem has its Japanese message too: exact ones for a file of each kind, and a check that no
//! problem of the corpus is left without one.

// Native only: it reads files and uses native-only dev-dependencies (see Cargo.toml).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use std::path::PathBuf;

use vientiane_vision_atlas::model::format::MAX_FILE_BYTES;
use vientiane_vision_atlas::model::i18n::Locale;
use vientiane_vision_atlas::model::merge::{group_problems, read_import};
use vientiane_vision_atlas::model::validate::MAX_ACTIVITIES;
use vientiane_vision_atlas::model::{default_dataset, Problem};

/// What reading a file must give.
enum Expect {
    /// Refused; among the errors is one at this path whose message contains this fragment.
    Refused(&'static str, &'static str),
    /// Accepted, with warnings at exactly these paths.
    Accepted(&'static [&'static str]),
}

use Expect::{Accepted, Refused};

const CORPUS: &[(&str, Expect)] = &[
    // Not JSON at all, or broken JSON: the line and column, with the text around it.
    (
        "truncated.json",
        Refused("line 8, column 14", "it may be truncated"),
    ),
    ("empty.json", Refused("", "The file is empty.")),
    ("whitespace-only.json", Refused("", "The file is empty.")),
    (
        "not-json.txt",
        Refused("line 1, column 1", "This is not valid JSON: expected value"),
    ),
    (
        "trailing-comma.json",
        Refused("line 6, column 1", "trailing comma"),
    ),
    (
        "single-quotes.json",
        Refused("line 1, column 2", "key must be a string"),
    ),
    (
        "deep-nesting.json",
        Refused("line 1, column 200", "nested too deeply"),
    ),
    // Text that is not UTF-8: refused before parsing, with what to do.
    ("utf16le.json", Refused("", "UTF-16")),
    ("utf16be.json", Refused("", "UTF-16")),
    ("spreadsheet.xlsx", Refused("", "not text")),
    ("latin1.json", Refused("", "is not valid UTF-8")),
    // A UTF-8 byte-order mark is fine.
    ("bom-valid.json", Accepted(&[])),
    // Valid JSON of the wrong kind: one sentence saying what the file is and what is expected.
    (
        "array.json",
        Refused("", "JSON array of 2 elements, not a dataset"),
    ),
    (
        "string.json",
        Refused("", "holds the text \"vientiane-vision\", not a dataset"),
    ),
    ("null.json", Refused("", "holds null, not a dataset")),
    (
        "geojson.json",
        Refused("format", "a JSON object with the keys type, features"),
    ),
    (
        "other-format.json",
        Refused("format", "This is a \"some-other-tool\" file"),
    ),
    ("format-missing.json", Refused("format", "is missing")),
    (
        "newer-version.json",
        Refused("version", "this build reads version 1 only"),
    ),
    (
        "version-as-text.json",
        Refused("version", "must be the number 1"),
    ),
    // Schema problems, each at its JSON path.
    (
        "activities-missing.json",
        Refused("activities", "is missing"),
    ),
    (
        "activities-not-array.json",
        Refused(
            "activities",
            "must be an array of activities, not an object",
        ),
    ),
    (
        "activity-not-object.json",
        Refused("activities[0]", "must be an object describing one activity"),
    ),
    (
        "duplicate-ids.json",
        Refused("activities[1].id", "\"A-1\" is used by an earlier activity"),
    ),
    (
        "bad-country.json",
        Refused(
            "activities[0].countries[0]",
            "\"FRA\" is not an ASEAN member's",
        ),
    ),
    (
        "bad-measure.json",
        Refused(
            "activities[0].measures[0]",
            "\"XYZ\" is not PIL, CBC, DETC, JTE or HRDAE",
        ),
    ),
    (
        "lowercase-measure.json",
        Refused("activities[0].measures[0]", "\"cbc\" is not PIL"),
    ),
    (
        "javascript-url.json",
        Refused(
            "activities[0].sources[0].url",
            "uses the \"javascript:\" scheme",
        ),
    ),
    (
        "data-url.json",
        Refused("activities[0].sources[0].url", "uses the \"data:\" scheme"),
    ),
    (
        "end-before-start.json",
        Refused("activities[0].end", "2018 is before the start year 2020"),
    ),
    (
        "year-out-of-range.json",
        Refused("activities[0].start", "1900 is outside the years 1950–2100"),
    ),
    (
        "year-as-text.json",
        Refused("activities[0].start", "must be a year as a number"),
    ),
    (
        "huge-string.json",
        Refused(
            "activities[0].title",
            "is 1000000 characters long; the limit is 300",
        ),
    ),
    (
        "asean-wide-with-countries.json",
        Refused(
            "activities[0].countries",
            "must be empty when the scope is \"asean-wide\"",
        ),
    ),
    (
        "member-states-without-countries.json",
        Refused(
            "activities[0].countries",
            "must name at least one member state",
        ),
    ),
    ("empty-title.json", Refused("title", "must not be empty")),
    (
        "bad-timestamp.json",
        Refused("activities[0].updated", "RFC 3339"),
    ),
    (
        "many-errors.json",
        Refused("activities[299].measures[0]", "\"XYZ\" is not PIL"),
    ),
    // Warnings are shown but do not block.
    (
        "warnings-only.json",
        Accepted(&["activities[0].fields[0]", "activities[0].countries[0]"]),
    ),
];

/// A file of each kind, the path of one of its problems and that problem's exact Japanese message.
const JAPANESE: &[(&str, &str, &str)] = &[
    (
        "truncated.json",
        "line 8, column 14",
        "JSONとして正しくありません（8行目、14列目）。値の途中でファイルが終わっています。ファイルが途中で切れている可能性があります。",
    ),
    (
        "trailing-comma.json",
        "line 6, column 1",
        "JSONとして正しくありません（6行目、1列目）。最後の要素の後に余分な「,」があります。",
    ),
    ("empty.json", "", "ファイルが空です。"),
    (
        "utf16le.json",
        "",
        "このファイルはUTF-16のテキストです。UTF-8（JSONで通常使われる文字コード）で保存し直してから、もう一度お試しください。",
    ),
    (
        "latin1.json",
        "",
        "このファイルはUTF-8のテキストではありません。117バイト目（1行目）がUTF-8として正しくありません。UTF-8で保存し直してから、もう一度お試しください。",
    ),
    (
        "spreadsheet.xlsx",
        "",
        "このファイルはテキストではありません（値が0のバイトを含んでいます）。表計算のファイル、圧縮ファイル、画像などの可能性があります。このアプリでエクスポートした .json ファイルを選んでください。",
    ),
    (
        "geojson.json",
        "format",
        "「format」がありません。このファイルはキー「type」「features」を持つJSONオブジェクトで、おそらく別のツールのファイルです。読み込めるのは、「\"format\": \"vientiane-vision\"」、「\"version\": 1」、「title」、配列の「activities」を持つJSONオブジェクト（ビエンチャン・ビジョンのデータセット）です。",
    ),
    (
        "newer-version.json",
        "version",
        "このファイルは形式バージョン2で、新しいバージョンのアプリで書き出されたものです。このアプリが読み込めるのはバージョン1だけです。新しいアプリで開くか、そちらでバージョン1としてエクスポートしてください。",
    ),
    (
        "activities-missing.json",
        "activities",
        "「activities」がありません。データセットには「activities」の配列が必要です（空の配列でもかまいません）。",
    ),
    ("empty-title.json", "title", "空にはできません。"),
    (
        "bad-measure.json",
        "activities[0].measures[0]",
        "「XYZ」はPIL、CBC、DETC、JTE、HRDAEのいずれかではありません。",
    ),
    (
        "bad-country.json",
        "activities[0].countries[0]",
        "「FRA」はASEAN加盟国のISO 3166-1 alpha-3コード（BRN KHM IDN LAO MYS MMR PHL SGP THA VNM TLS）ではありません。",
    ),
    (
        "end-before-start.json",
        "activities[0].end",
        "終了年の2018年が開始年の2020年より前です。",
    ),
    (
        "duplicate-ids.json",
        "activities[1].id",
        "「A-1」は前にある活動ですでに使われています。idは活動ごとに異なるものにしてください。",
    ),
    (
        "javascript-url.json",
        "activities[0].sources[0].url",
        "「javascript:alert(document.cookie)」は「javascript:」スキームのアドレスです。使えるのは http:// と https:// のアドレスだけです。",
    ),
    (
        "year-out-of-range.json",
        "activities[0].start",
        "1900は受け付ける年の範囲（1950年～2100年）の外です。",
    ),
    (
        "year-as-text.json",
        "activities[0].start",
        "年を表す数値でなければなりません（文字列「2017」になっています）。",
    ),
    (
        "huge-string.json",
        "activities[0].title",
        "1000000文字あります。上限は300文字です。",
    ),
    (
        "member-states-without-countries.json",
        "activities[0].countries",
        "範囲（scope）が「member-states」のときは、加盟国を1か国以上指定してください。",
    ),
    (
        "warnings-only.json",
        "activities[0].fields[0]",
        "「Basket weaving」はビエンチャン・ビジョンで通常使われる分野のラベルにありません。綴りを確認してください。",
    ),
    (
        "warnings-only.json",
        "activities[0].countries[0]",
        "東ティモールがASEANに加盟したのは2025年で、この活動より後です。",
    ),
];

/// Every problem reading `name` gives: its errors when it is refused, its warnings otherwise.
fn problems_of(name: &str) -> Vec<Problem> {
    match read_import(&default_dataset(), &read(name)) {
        Ok(read) => read.warnings,
        Err(problems) => problems,
    }
}

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/bad_files")
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(corpus_dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn describe(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| {
            format!(
                "  [{}] {}",
                p.path,
                p.message.chars().take(200).collect::<String>()
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_file_gives_its_expected_result() {
    let local = default_dataset();
    let mut failures = Vec::new();
    for (name, expect) in CORPUS {
        let outcome = std::panic::catch_unwind(|| check_file(&local, name, expect));
        if let Err(panic) = outcome {
            let text = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failures.push(text);
        }
    }
    assert!(
        failures.is_empty(),
        "{} files failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

fn check_file(local: &vientiane_vision_atlas::model::Dataset, name: &str, expect: &Expect) {
    {
        let result = read_import(local, &read(name));
        match (expect, result) {
            (Refused(path, fragment), Err(problems)) => {
                assert!(
                    problems
                        .iter()
                        .any(|p| p.is_error() && p.path == *path && p.message.contains(fragment)),
                    "{name}: expected an error at {path:?} containing {fragment:?}; got:\n{}",
                    describe(&problems)
                );
                // No message is a wall of text, even for a 1 MB string.
                assert!(
                    problems.iter().all(|p| p.message.len() < 600),
                    "{name}: a message is too long"
                );
            }
            (Refused(path, fragment), Ok(_)) => {
                panic!("{name}: accepted, but should be refused at {path:?} ({fragment:?})")
            }
            (Accepted(warnings), Ok(read)) => {
                let paths: Vec<&str> = read.warnings.iter().map(|w| w.path.as_str()).collect();
                assert_eq!(paths, *warnings, "{name}: warnings");
                assert_eq!(read.preview.added.len(), read.incoming.activities.len());
            }
            (Accepted(_), Err(problems)) => {
                panic!(
                    "{name}: refused, but should be accepted:\n{}",
                    describe(&problems)
                )
            }
        }
    }
}

#[test]
fn the_corpus_is_complete_and_large_enough() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(corpus_dir())
        .expect("tests/bad_files exists")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let in_table: BTreeSet<String> = CORPUS.iter().map(|(name, _)| name.to_string()).collect();
    assert_eq!(
        on_disk, in_table,
        "every corpus file has an expectation, and every expectation a file"
    );
    let refused = CORPUS
        .iter()
        .filter(|(_, e)| matches!(e, Refused(..)))
        .count();
    assert!(refused >= 20, "at least 20 bad files, found {refused}");
}

#[test]
fn every_problem_is_reported_at_once_and_groups_by_message() {
    let problems = read_import(&default_dataset(), &read("many-errors.json")).unwrap_err();
    assert_eq!(
        problems.len(),
        300,
        "one error per activity, not only the first"
    );
    let groups = group_problems(&problems);
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].paths.len(), 300);
    assert_eq!(groups[0].paths[0], "activities[0].measures[0]");
}

#[test]
fn syntax_errors_show_the_offending_text() {
    let problems = read_import(&default_dataset(), &read("trailing-comma.json")).unwrap_err();
    assert_eq!(problems.len(), 1);
    // The offending text travels beside the message, not inside it.
    assert!(
        !problems[0].message.contains('\n'),
        "{}",
        problems[0].message
    );
    let snippet = problems[0]
        .snippet
        .as_ref()
        .expect("a syntax error has a snippet");
    assert_eq!(snippet.text, "}");
    assert_eq!(
        snippet.caret, 0,
        "the caret sits under the brace after the comma"
    );
    // Grouping keeps it, since the import lists grouped problems.
    assert_eq!(group_problems(&problems)[0].snippet.as_ref(), Some(snippet));
}

#[test]
fn a_file_over_64_mb_is_refused_with_its_size() {
    let mut bytes =
        b"{\"format\": \"vientiane-vision\", \"version\": 1, \"title\": \"T\", \"activities\": []}"
            .to_vec();
    bytes.resize(MAX_FILE_BYTES + 1, b' ');
    let problems = read_import(&default_dataset(), &bytes).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0]
            .message
            .contains("64.0 MB; the largest file this app reads is 64 MB"),
        "{}",
        problems[0].message
    );
    assert_eq!(
        problems[0].text(Locale::Ja),
        "ファイルのサイズは64.0MBです。このアプリが読み込めるのは64MBまでのファイルです。"
    );
}

#[test]
fn over_50000_activities_are_refused_with_the_limit() {
    let activity = r#"{"id":"x","title":"t","measures":[],"scope":"asean-wide","start":2017}"#;
    let list = vec![activity; MAX_ACTIVITIES + 1].join(",");
    let text =
        format!(r#"{{"format":"vientiane-vision","version":1,"title":"T","activities":[{list}]}}"#);
    let problems = read_import(&default_dataset(), text.as_bytes()).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, "activities");
    assert!(
        problems[0]
            .message
            .contains("holds 50001 activities; the most this app accepts is 50000"),
        "{}",
        problems[0].message
    );
    assert_eq!(
        problems[0].text(Locale::Ja),
        "活動が50001件あります。このアプリが受け付けるのは50000件までです。"
    );
}

#[test]
fn a_file_of_each_kind_gives_its_japanese_message() {
    for (name, path, japanese) in JAPANESE {
        let problems = problems_of(name);
        let problem = problems
            .iter()
            .find(|p| p.path == *path)
            .unwrap_or_else(|| panic!("{name}: no problem at {path:?}:\n{}", describe(&problems)));
        assert_eq!(problem.text(Locale::Ja), *japanese, "{name} at {path:?}");
        // The English stays the one the corpus table checks.
        assert_eq!(problem.text(Locale::En), problem.message);
    }
}

#[test]
fn every_problem_of_the_corpus_has_its_japanese_message() {
    let mut problems: Vec<(String, Problem)> = Vec::new();
    for (name, _) in CORPUS {
        problems.extend(problems_of(name).into_iter().map(|p| (name.to_string(), p)));
    }
    let mut bytes =
        b"{\"format\": \"vientiane-vision\", \"version\": 1, \"title\": \"T\", \"activities\": []}"
            .to_vec();
    bytes.resize(MAX_FILE_BYTES + 1, b' ');
    let too_large = read_import(&default_dataset(), &bytes).unwrap_err();
    problems.extend(too_large.into_iter().map(|p| ("over 64 MB".to_string(), p)));
    assert!(problems.len() > 300);
    for (name, problem) in &problems {
        let japanese = problem.text(Locale::Ja);
        assert!(
            !japanese.trim().is_empty(),
            "{name}: {}: no Japanese message",
            problem.path
        );
        assert_ne!(
            japanese, problem.message,
            "{name}: {}: the Japanese message is the English one",
            problem.path
        );
        assert!(japanese.ends_with('。'), "{name}: {japanese}");
        assert!(
            japanese.len() < 900,
            "{name}: a Japanese message is too long"
        );
    }
}
