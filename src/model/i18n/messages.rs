//! The messages of the readers (size, encoding, JSON syntax, validation, the stored value): every
//! problem a file, a stored value or the editor's record can have, in both languages.
//!
//! A problem is found once; its message is then written in both languages at once, from one
//! [`Message`] (the kind of problem and the values it names), so that the logic that finds it is never
//! duplicated and a view switches language without validating again. The JSON path stays as it is in
//! both languages and is not part of the message. Each Japanese message depends on exactly the values
//! its English one shows: the import groups problems by their English message and shows the Japanese
//! message of the group's first problem for all of them.

use serde_json::Value;

use super::{phrases, Locale, Phrase};
use crate::model::dataset::{FORMAT_NAME, FORMAT_VERSION};
use crate::model::rules::{self, PartOfFault, UrlFault, YEAR_RANGE};
use crate::model::vision::MemberState;
use crate::model::Problem;

phrases! {
    /// The messages without a value, and the lists of codes that messages name.
    pub enum MessageText {
        FileUtf16 => "The file is UTF-16 text; save it as UTF-8 (the usual encoding for JSON) and try again.",
            "このファイルはUTF-16のテキストです。UTF-8（JSONで通常使われる文字コード）で保存し直してから、もう一度お試しください。";
        FileNotText => "The file is not text (it contains zero bytes): it may be a spreadsheet, an archive or an image. Choose a .json file exported by this app.",
            "このファイルはテキストではありません（値が0のバイトを含んでいます）。表計算のファイル、圧縮ファイル、画像などの可能性があります。このアプリでエクスポートした .json ファイルを選んでください。";
        FileEmpty => "The file is empty.", "ファイルが空です。";
        ActivitiesMissing => "is missing: a dataset needs an \"activities\" array (it may be empty)",
            "「activities」がありません。データセットには「activities」の配列が必要です（空の配列でもかまいません）。";
        ScopeMissing => "is missing: say \"asean-wide\" or \"member-states\"",
            "この項目がありません。「asean-wide」または「member-states」を指定してください。";
        CountriesNeeded => "must name at least one member state when the scope is \"member-states\"",
            "範囲（scope）が「member-states」のときは、加盟国を1か国以上指定してください。";
        CountriesWhenAseanWide => "must be empty when the scope is \"asean-wide\" (ASEAN-wide activities involve every member)",
            "範囲（scope）が「asean-wide」のときは空にしてください（ASEAN全体の活動にはすべての加盟国が関わります）。";
        UrlMissing => "is missing: every source needs a web address",
            "この項目がありません。出典にはそれぞれウェブアドレスが必要です。";
        MustNotBeEmpty => "must not be empty", "空にはできません。";
        Missing => "is missing", "この項目がありません。";
        ListMissing => "is missing (use [] for none)", "この項目がありません（該当がなければ [] と書いてください）。";
        YearMissing => "is missing: give a year such as 2016", "この項目がありません。2016のように年を指定してください。";
        MeasureCodes => "PIL, CBC, DETC, JTE or HRDAE", "PIL、CBC、DETC、JTE、HRDAEのいずれか";
        DirectionCodes => "rule-of-law, maritime-security or diverse-capabilities",
            "「rule-of-law」「maritime-security」「diverse-capabilities」のいずれか";
        CountryCodes => "an ASEAN member's ISO 3166-1 alpha-3 code (BRN KHM IDN LAO MYS MMR PHL SGP THA VNM TLS)",
            "ASEAN加盟国のISO 3166-1 alpha-3コード（BRN KHM IDN LAO MYS MMR PHL SGP THA VNM TLS）";
        StatusCodes => "planned, ongoing or completed", "「planned」「ongoing」「completed」のいずれか";
        ConfidenceCodes => "verified or uncertain", "「verified」「uncertain」のいずれか";
    }
}

/// A message in both languages, written once when the problem is found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bilingual {
    pub en: String,
    pub ja: String,
}

impl Bilingual {
    /// The message in `locale`.
    pub fn text(&self, locale: Locale) -> &str {
        match locale {
            Locale::En => &self.en,
            Locale::Ja => &self.ja,
        }
    }
}

impl From<Message<'_>> for Bilingual {
    fn from(message: Message<'_>) -> Bilingual {
        Bilingual {
            en: message.text(Locale::En),
            ja: message.text(Locale::Ja),
        }
    }
}

impl From<MessageText> for Bilingual {
    fn from(phrase: MessageText) -> Bilingual {
        Message::Fixed(phrase).into()
    }
}

impl From<StoredDamage> for Bilingual {
    fn from(damage: StoredDamage) -> Bilingual {
        Bilingual {
            en: damage.text(Locale::En),
            ja: damage.text(Locale::Ja),
        }
    }
}

/// A text the caller already wrote in the language it wants (a browser's own error, a message built
/// in the current language): the same text in both.
impl From<String> for Bilingual {
    fn from(text: String) -> Bilingual {
        Bilingual {
            ja: text.clone(),
            en: text,
        }
    }
}

impl From<&str> for Bilingual {
    fn from(text: &str) -> Bilingual {
        text.to_string().into()
    }
}

/// Every kind of problem the readers report (the editor's record goes through the same validation),
/// with the values its message names. Each
/// message is relative to the problem's JSON path ("is missing" under `activities[3].title`).
#[derive(Clone, Debug)]
pub enum Message<'a> {
    /// A message without a value.
    Fixed(MessageText),
    /// A file of `bytes` bytes, over the limit of `limit_mb` megabytes.
    FileTooLarge {
        bytes: f64,
        limit_mb: usize,
    },
    /// Not UTF-8 from the byte `byte` (counted from 1), on the line `line`.
    NotUtf8 {
        byte: usize,
        line: usize,
    },
    /// A JSON syntax error: serde_json's own description (`expected value`) and where it is.
    Syntax {
        detail: &'a str,
        line: usize,
        column: usize,
    },
    /// A JSON array rather than a dataset.
    ArrayNotDataset {
        elements: usize,
    },
    /// A JSON value other than an object or an array.
    ValueNotDataset {
        found: &'a Value,
    },
    /// A `format` naming another format.
    OtherFormat {
        name: &'a str,
    },
    FormatNotText {
        found: &'a Value,
    },
    /// No `format`: the file's first keys, to say what it looks like.
    FormatMissing {
        keys: Vec<&'a str>,
    },
    NewerVersion {
        version: u64,
    },
    VersionNotOne {
        found: &'a Value,
    },
    VersionMissing,
    TooManyActivities {
        count: usize,
    },
    ActivitiesNotArray {
        found: &'a Value,
    },
    /// An id an earlier activity of the file has.
    DuplicateId {
        id: &'a str,
    },
    /// An id another activity of the dataset has (the editor).
    IdTaken {
        id: &'a str,
    },
    ActivityNotObject {
        found: &'a Value,
    },
    IdAlphabet {
        id: &'a str,
    },
    ScopeUnknown {
        code: &'a str,
    },
    ScopeNotText {
        found: &'a Value,
    },
    EndBeforeStart {
        start: i32,
        end: i32,
    },
    /// A member state listed for an activity that ended before it joined ASEAN.
    JoinedLate {
        state: MemberState,
    },
    /// A follow-up's year outside the activity's years (`end` is `None` while it goes on).
    FollowUpOutside {
        year: i32,
        start: i32,
        end: Option<i32>,
    },
    PartOfNotText {
        found: &'a Value,
    },
    PartOf {
        fault: PartOfFault,
        programme: &'a str,
    },
    FieldLabelLength {
        length: usize,
    },
    FieldTwice {
        label: &'a str,
    },
    FieldUnusual {
        label: &'a str,
    },
    FieldNotText {
        found: &'a Value,
    },
    FollowUpNotObject {
        found: &'a Value,
    },
    SourceNotObject {
        found: &'a Value,
    },
    UrlNotText {
        found: &'a Value,
    },
    Url {
        fault: &'a UrlFault,
        url: &'a str,
    },
    AccessedNotDate {
        found: &'a Value,
    },
    TooLong {
        length: usize,
        limit: usize,
    },
    NotText {
        found: &'a Value,
    },
    NotTimestamp {
        found: &'a Value,
    },
    NotArray {
        found: &'a Value,
    },
    CodeTwice {
        code: &'a str,
    },
    /// A code that is none of `codes` (one of the `…Codes` phrases).
    CodeUnknown {
        code: &'a str,
        codes: MessageText,
    },
    /// A list's element that is not text.
    CodeNotText {
        codes: MessageText,
        found: &'a Value,
    },
    /// A single code's value that is not text.
    CodeNotChosen {
        codes: MessageText,
        found: &'a Value,
    },
    YearOutOfRange {
        year: i64,
    },
    NotWholeYear {
        number: &'a serde_json::Number,
    },
    YearNotNumber {
        found: &'a Value,
    },
}

/// What the kind checks add to every refusal of another kind of file.
const EXPECTED_EN: &str = "Expected a Vientiane Vision dataset: a JSON object with \"format\": \"vientiane-vision\", \"version\": 1, a \"title\" and an \"activities\" array.";
const EXPECTED_JA: &str = "読み込めるのは、「\"format\": \"vientiane-vision\"」、「\"version\": 1」、「title」、配列の「activities」を持つJSONオブジェクト（ビエンチャン・ビジョンのデータセット）です。";

impl Message<'_> {
    /// The whole message in `locale`.
    pub fn text(&self, locale: Locale) -> String {
        match locale {
            Locale::En => self.english(),
            Locale::Ja => self.japanese(),
        }
    }

    fn english(&self) -> String {
        use Message::*;
        let en = Locale::En;
        let (low, high) = YEAR_RANGE;
        match self {
            Fixed(phrase) => phrase.text(en).to_string(),
            FileTooLarge { bytes, limit_mb } => format!(
                "The file is {:.1} MB; the largest file this app reads is {limit_mb} MB.",
                bytes / 1_048_576.0
            ),
            NotUtf8 { byte, line } => format!(
                "The file is not UTF-8 text: byte {byte} (line {line}) is not valid UTF-8. Save it as UTF-8 and try again."
            ),
            Syntax {
                detail,
                line,
                column,
            } => {
                let plain = match *detail {
                    "EOF while parsing an object"
                    | "EOF while parsing a list"
                    | "EOF while parsing a string"
                    | "EOF while parsing a value" => {
                        format!("the file ends too early ({detail}); it may be truncated")
                    }
                    "recursion limit exceeded" => {
                        "the data is nested too deeply (more than 128 levels)".to_string()
                    }
                    other => other.to_string(),
                };
                format!("This is not valid JSON: {plain} at line {line}, column {column}")
            }
            ArrayNotDataset { elements } => format!(
                "This file holds a JSON array of {elements} elements, not a dataset. {EXPECTED_EN}"
            ),
            ValueNotDataset { found } => format!(
                "This file holds {}, not a dataset. {EXPECTED_EN}",
                describe(en, found)
            ),
            OtherFormat { name } => format!(
                "This is a \"{name}\" file, not a Vientiane Vision dataset. {EXPECTED_EN}"
            ),
            FormatNotText { found } => format!(
                "must be the text \"{FORMAT_NAME}\", not {}. {EXPECTED_EN}",
                describe(en, found)
            ),
            FormatMissing { keys } => {
                let looks_like = if keys.is_empty() {
                    "an empty JSON object".to_string()
                } else {
                    format!("a JSON object with the keys {}", keys.join(", "))
                };
                format!(
                    "is missing: this file is {looks_like}, probably from another tool. {EXPECTED_EN}"
                )
            }
            NewerVersion { version } => format!(
                "This file is format version {version}, written by a newer version of the app; this build reads version {FORMAT_VERSION} only. Open it with the newer app, or export it there as version {FORMAT_VERSION}."
            ),
            VersionNotOne { found } => format!(
                "must be the number {FORMAT_VERSION}, not {}",
                describe(en, found)
            ),
            VersionMissing => {
                format!("is missing: this build reads format version {FORMAT_VERSION}")
            }
            TooManyActivities { count } => format!(
                "holds {count} activities; the most this app accepts is {}",
                rules::MAX_ACTIVITIES
            ),
            ActivitiesNotArray { found } => format!(
                "must be an array of activities, not {}",
                describe(en, found)
            ),
            DuplicateId { id } => {
                format!("\"{id}\" is used by an earlier activity; ids must be unique")
            }
            IdTaken { id } => format!("\"{id}\" is already used by another activity"),
            ActivityNotObject { found } => format!(
                "must be an object describing one activity, not {}",
                describe(en, found)
            ),
            // The alphabet in words is `rules::ID_ALPHABET` (a test holds the two together).
            IdAlphabet { id } => format!(
                "\"{}\" may only use letters A–Z a–z, digits, '.', '_' and '-'",
                shorten(id)
            ),
            ScopeUnknown { code } => format!(
                "\"{}\" is not a scope; use \"asean-wide\" or \"member-states\"",
                shorten(code)
            ),
            ScopeNotText { found } => format!(
                "must be \"asean-wide\" or \"member-states\", not {}",
                describe(en, found)
            ),
            EndBeforeStart { start, end } => format!("{end} is before the start year {start}"),
            JoinedLate { state } => format!(
                "{} joined ASEAN only in {}, after this activity",
                state.name(),
                state.joined().year
            ),
            FollowUpOutside { year, start, end } => format!(
                "{year} is outside the activity's years ({start}–{})",
                end.map_or("ongoing".to_string(), |end| end.to_string())
            ),
            PartOfNotText { found } => format!(
                "must be the id of the programme this activity is part of, not {}",
                describe(en, found)
            ),
            PartOf { fault, programme } => match fault {
                PartOfFault::Empty => {
                    "must not be empty: leave it out when the activity is no programme's event"
                        .to_string()
                }
                PartOfFault::TooLong(length) => format!(
                    "is {length} characters long; an id is at most {}",
                    rules::ACTIVITY_ID.max_chars
                ),
                PartOfFault::NotAnId => format!(
                    "\"{}\" is not an id (letters A–Z a–z, digits, '.', '_' and '-')",
                    shorten(programme)
                ),
                PartOfFault::Itself => format!(
                    "names the activity itself (\"{programme}\"); an activity cannot be its own programme's event"
                ),
            },
            FieldLabelLength { length } => format!(
                "a field label must be 1–{} characters, this one has {length}",
                rules::FIELD_LABEL.max_chars
            ),
            FieldTwice { label } => format!(
                "\"{label}\" is listed twice (labels are compared without regard to case)"
            ),
            FieldUnusual { label } => format!(
                "\"{label}\" is not one of the Vision's usual field labels; check the spelling"
            ),
            FieldNotText { found } => {
                format!("must be a text label, not {}", describe(en, found))
            }
            FollowUpNotObject { found } => format!(
                "must be an object with \"year\" and \"note\", not {}",
                describe(en, found)
            ),
            SourceNotObject { found } => format!(
                "must be an object with a \"url\", not {}",
                describe(en, found)
            ),
            UrlNotText { found } => format!(
                "must be a web address as text, not {}",
                describe(en, found)
            ),
            Url { fault, url } => match fault {
                UrlFault::Scheme(scheme) => format!(
                    "\"{}\" uses the \"{scheme}:\" scheme; only http:// and https:// addresses are accepted",
                    shorten(url)
                ),
                UrlFault::NotAbsolute => format!(
                    "\"{}\" is not an absolute web address; it must start with http:// or https://",
                    shorten(url)
                ),
                UrlFault::Malformed => format!("\"{}\" is not a valid web address", shorten(url)),
            },
            AccessedNotDate { found } => format!(
                "must be a date written YYYY-MM-DD, not {}",
                describe(en, found)
            ),
            TooLong { length, limit } => {
                format!("is {length} characters long; the limit is {limit}")
            }
            NotText { found } => format!("must be text, not {}", describe(en, found)),
            NotTimestamp { found } => format!(
                "must be a date and time like 2026-11-27T10:00:00Z (RFC 3339), not {}",
                describe(en, found)
            ),
            NotArray { found } => format!("must be an array, not {}", describe(en, found)),
            CodeTwice { code } => format!("\"{code}\" is listed twice"),
            CodeUnknown { code, codes } => {
                format!("\"{}\" is not {}", shorten(code), codes.text(en))
            }
            CodeNotText { codes, found } => format!(
                "must be a code as text ({}), not {}",
                codes.text(en),
                describe(en, found)
            ),
            CodeNotChosen { codes, found } => {
                format!("must be {}, not {}", codes.text(en), describe(en, found))
            }
            YearOutOfRange { year } => format!("{year} is outside the years {low}–{high}"),
            NotWholeYear { number } => format!("{number} is not a whole year"),
            YearNotNumber { found } => {
                format!("must be a year as a number, not {}", describe(en, found))
            }
        }
    }

    fn japanese(&self) -> String {
        use Message::*;
        let ja = Locale::Ja;
        let (low, high) = YEAR_RANGE;
        match self {
            Fixed(phrase) => phrase.text(ja).to_string(),
            FileTooLarge { bytes, limit_mb } => format!(
                "ファイルのサイズは{:.1}MBです。このアプリが読み込めるのは{limit_mb}MBまでのファイルです。",
                bytes / 1_048_576.0
            ),
            NotUtf8 { byte, line } => format!(
                "このファイルはUTF-8のテキストではありません。{byte}バイト目（{line}行目）がUTF-8として正しくありません。UTF-8で保存し直してから、もう一度お試しください。"
            ),
            Syntax {
                detail,
                line,
                column,
            } => format!(
                "JSONとして正しくありません（{line}行目、{column}列目）。{}",
                syntax_detail_ja(detail)
            ),
            ArrayNotDataset { elements } => format!(
                "このファイルの中身は要素{elements}個のJSON配列で、データセットではありません。{EXPECTED_JA}"
            ),
            ValueNotDataset { found } => format!(
                "このファイルの中身は{}で、データセットではありません。{EXPECTED_JA}",
                describe(ja, found)
            ),
            OtherFormat { name } => format!(
                "これは「{}」形式のファイルで、ビエンチャン・ビジョンのデータセットではありません。{EXPECTED_JA}",
                shorten(name)
            ),
            FormatNotText { found } => format!(
                "文字列「{FORMAT_NAME}」でなければなりません（{}になっています）。{EXPECTED_JA}",
                describe(ja, found)
            ),
            FormatMissing { keys } => {
                let looks_like = if keys.is_empty() {
                    "空のJSONオブジェクト".to_string()
                } else {
                    let quoted: Vec<String> =
                        keys.iter().map(|key| super::quoted(ja, key)).collect();
                    format!("キー{}を持つJSONオブジェクト", quoted.concat())
                };
                format!(
                    "「format」がありません。このファイルは{looks_like}で、おそらく別のツールのファイルです。{EXPECTED_JA}"
                )
            }
            NewerVersion { version } => format!(
                "このファイルは形式バージョン{version}で、新しいバージョンのアプリで書き出されたものです。このアプリが読み込めるのはバージョン{FORMAT_VERSION}だけです。新しいアプリで開くか、そちらでバージョン{FORMAT_VERSION}としてエクスポートしてください。"
            ),
            VersionNotOne { found } => format!(
                "数値の{FORMAT_VERSION}でなければなりません（{}になっています）。",
                describe(ja, found)
            ),
            VersionMissing => format!(
                "「version」がありません。このアプリが読み込めるのは形式バージョン{FORMAT_VERSION}のファイルです。"
            ),
            TooManyActivities { count } => format!(
                "活動が{count}件あります。このアプリが受け付けるのは{}件までです。",
                rules::MAX_ACTIVITIES
            ),
            ActivitiesNotArray { found } => format!(
                "活動の配列でなければなりません（{}になっています）。",
                describe(ja, found)
            ),
            DuplicateId { id } => format!(
                "「{id}」は前にある活動ですでに使われています。idは活動ごとに異なるものにしてください。"
            ),
            IdTaken { id } => format!("「{id}」はほかの活動ですでに使われています。"),
            ActivityNotObject { found } => format!(
                "1件の活動を表すオブジェクトでなければなりません（{}になっています）。",
                describe(ja, found)
            ),
            IdAlphabet { id } => format!(
                "「{}」には使えない文字があります。使えるのは英字A–Z a–z、数字、「.」「_」「-」だけです。",
                shorten(id)
            ),
            ScopeUnknown { code } => format!(
                "「{}」は範囲（scope）の値ではありません。「asean-wide」または「member-states」を使ってください。",
                shorten(code)
            ),
            ScopeNotText { found } => format!(
                "「asean-wide」または「member-states」でなければなりません（{}になっています）。",
                describe(ja, found)
            ),
            EndBeforeStart { start, end } => {
                format!("終了年の{end}年が開始年の{start}年より前です。")
            }
            JoinedLate { state } => format!(
                "{}がASEANに加盟したのは{}年で、この活動より後です。",
                state.label(ja),
                state.joined().year
            ),
            FollowUpOutside { year, start, end } => {
                let years = match end {
                    Some(end) => super::year_span(ja, *start, *end),
                    None => format!("{start}年～（継続中）"),
                };
                format!("{year}年は活動の期間（{years}）の外です。")
            }
            PartOfNotText { found } => format!(
                "この活動が属する事業のidでなければなりません（{}になっています）。",
                describe(ja, found)
            ),
            PartOf { fault, programme } => match fault {
                PartOfFault::Empty => {
                    "空にはできません。どの事業の行事でもない活動では、この項目を省いてください。"
                        .to_string()
                }
                PartOfFault::TooLong(length) => format!(
                    "{length}文字あります。idは{}文字までです。",
                    rules::ACTIVITY_ID.max_chars
                ),
                PartOfFault::NotAnId => format!(
                    "「{}」はidとして使えません（使えるのは英字A–Z a–z、数字、「.」「_」「-」です）。",
                    shorten(programme)
                ),
                PartOfFault::Itself => format!(
                    "この活動自身（「{programme}」）を指しています。活動は自分が属する事業の行事にはなれません。"
                ),
            },
            FieldLabelLength { length } => format!(
                "分野のラベルは1～{}文字にしてください（このラベルは{length}文字です）。",
                rules::FIELD_LABEL.max_chars
            ),
            FieldTwice { label } => format!(
                "「{label}」が2回挙げられています（ラベルは大文字と小文字を区別せずに比べます）。"
            ),
            FieldUnusual { label } => format!(
                "「{label}」はビエンチャン・ビジョンで通常使われる分野のラベルにありません。綴りを確認してください。"
            ),
            FieldNotText { found } => format!(
                "文字列のラベルでなければなりません（{}になっています）。",
                describe(ja, found)
            ),
            FollowUpNotObject { found } => format!(
                "「year」と「note」を持つオブジェクトでなければなりません（{}になっています）。",
                describe(ja, found)
            ),
            SourceNotObject { found } => format!(
                "「url」を持つオブジェクトでなければなりません（{}になっています）。",
                describe(ja, found)
            ),
            UrlNotText { found } => format!(
                "ウェブアドレスの文字列でなければなりません（{}になっています）。",
                describe(ja, found)
            ),
            Url { fault, url } => match fault {
                UrlFault::Scheme(scheme) => format!(
                    "「{}」は「{scheme}:」スキームのアドレスです。使えるのは http:// と https:// のアドレスだけです。",
                    shorten(url)
                ),
                UrlFault::NotAbsolute => format!(
                    "「{}」は完全なウェブアドレスではありません。http:// または https:// で始めてください。",
                    shorten(url)
                ),
                UrlFault::Malformed => {
                    format!("「{}」は正しいウェブアドレスではありません。", shorten(url))
                }
            },
            AccessedNotDate { found } => format!(
                "YYYY-MM-DDの形の日付でなければなりません（{}になっています）。",
                describe(ja, found)
            ),
            TooLong { length, limit } => format!("{length}文字あります。上限は{limit}文字です。"),
            NotText { found } => format!(
                "文字列でなければなりません（{}になっています）。",
                describe(ja, found)
            ),
            NotTimestamp { found } => format!(
                "2026-11-27T10:00:00Zのような日時（RFC 3339）でなければなりません（{}になっています）。",
                describe(ja, found)
            ),
            NotArray { found } => format!(
                "配列でなければなりません（{}になっています）。",
                describe(ja, found)
            ),
            CodeTwice { code } => format!("「{code}」が2回挙げられています。"),
            CodeUnknown { code, codes } => {
                format!("「{}」は{}ではありません。", shorten(code), codes.text(ja))
            }
            CodeNotText { codes, found } => format!(
                "コード（{}）の文字列でなければなりません（{}になっています）。",
                codes.text(ja),
                describe(ja, found)
            ),
            CodeNotChosen { codes, found } => format!(
                "{}でなければなりません（{}になっています）。",
                codes.text(ja),
                describe(ja, found)
            ),
            YearOutOfRange { year } => {
                format!("{year}は受け付ける年の範囲（{low}年～{high}年）の外です。")
            }
            NotWholeYear { number } => format!("{number}は整数の年ではありません。"),
            YearNotNumber { found } => format!(
                "年を表す数値でなければなりません（{}になっています）。",
                describe(ja, found)
            ),
        }
    }
}

/// serde_json's description of a syntax error, as a Japanese sentence. A description this table does
/// not know (a later serde_json) is shown as it is, inside a Japanese sentence.
fn syntax_detail_ja(detail: &str) -> String {
    const TRUNCATED: &str = "ファイルが途中で切れている可能性があります。";
    let sentence = match detail {
        "EOF while parsing an object" => "オブジェクトの途中でファイルが終わっています。",
        "EOF while parsing a list" => "配列の途中でファイルが終わっています。",
        "EOF while parsing a string" => "文字列の途中でファイルが終わっています。",
        "EOF while parsing a value" => "値の途中でファイルが終わっています。",
        "recursion limit exceeded" => "データの入れ子が深すぎます（128階層を超えています）。",
        "expected `:`" => "「:」が必要な位置です。",
        "expected `,` or `]`" => "「,」または「]」が必要な位置です。",
        "expected `,` or `}`" => "「,」または「}」が必要な位置です。",
        "expected ident" => "true、false、nullのいずれかが必要な位置です。",
        "expected value" => "値が必要な位置に値がありません。",
        "expected `\"`" => "「\"」が必要な位置です。",
        "invalid escape" => "文字列の中の「\\」で始まる記号（エスケープ）が正しくありません。",
        "invalid number" => "数値が正しくありません。",
        "number out of range" => "数値が扱える範囲を超えています。",
        "invalid unicode code point" => "文字列の中の「\\u」で始まる文字コードが正しくありません。",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "文字列の中に制御文字（\\u0000～\\u001F）があります。"
        }
        "key must be a string" => "キーは「\"」で囲んだ文字列でなければなりません。",
        "lone leading surrogate in hex escape" => {
            "文字列の中の「\\u」で始まる文字コードで、サロゲートペアの前半だけが使われています。"
        }
        "trailing comma" => "最後の要素の後に余分な「,」があります。",
        "trailing characters" => "JSONの終わりの後に余分な文字があります。",
        "unexpected end of hex escape" => {
            "文字列の中の「\\u」で始まる文字コードが途中で終わっています。"
        }
        other => return format!("原因：{other}。"),
    };
    if detail.starts_with("EOF while parsing") {
        format!("{sentence}{TRUNCATED}")
    } else {
        sentence.to_string()
    }
}

/// A JSON value as a message names it: "the number 3", 数値「3」.
pub fn describe(locale: Locale, value: &Value) -> String {
    match (locale, value) {
        (Locale::En, Value::Null) => "null".into(),
        (Locale::En, Value::Bool(b)) => format!("the value {b}"),
        (Locale::En, Value::Number(n)) => format!("the number {n}"),
        (Locale::En, Value::String(s)) => format!("the text \"{}\"", shorten(s)),
        (Locale::En, Value::Array(list)) => format!("an array of {} elements", list.len()),
        (Locale::En, Value::Object(_)) => "an object".into(),
        (Locale::Ja, Value::Null) => "「null」".into(),
        (Locale::Ja, Value::Bool(b)) => format!("真偽値「{b}」"),
        (Locale::Ja, Value::Number(n)) => format!("数値「{n}」"),
        (Locale::Ja, Value::String(s)) => format!("文字列「{}」", shorten(s)),
        (Locale::Ja, Value::Array(list)) => format!("要素{}個の配列", list.len()),
        (Locale::Ja, Value::Object(_)) => "オブジェクト".into(),
    }
}

/// Cuts long text for messages, so that a 10 MB string does not become a 10 MB message.
pub fn shorten(text: &str) -> String {
    const LIMIT: usize = 60;
    match text.char_indices().nth(LIMIT) {
        None => text.to_string(),
        Some((cut, _)) => format!("{}…", &text[..cut]),
    }
}

/// The part of a packed stored value that cannot be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderField {
    Length,
    CompressedLength,
    ChunkSize,
    ChunkLength,
}

/// Why a packed stored value cannot be read (`model::stored`): the storage banner says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredDamage {
    /// A length of the header is missing or is no plain decimal number.
    Missing(HeaderField),
    ImpossibleLength,
    ImpossibleChunkSize,
    MoreChunks,
    FewerChunks,
    /// LZ4 refused it, with the decoder's own words.
    Undecompressable(String),
    DifferentLength,
    NotText,
    /// A character packing never writes, by its code point.
    ForeignCharacter(u32),
    WrongLength,
}

impl StoredDamage {
    /// The reason in `locale`, as a phrase the banner puts in parentheses (no final stop).
    pub fn text(&self, locale: Locale) -> String {
        use StoredDamage::*;
        match locale {
            Locale::En => {
                let what = match self {
                    Missing(field) => {
                        let field = match field {
                            HeaderField::Length => "length",
                            HeaderField::CompressedLength => "compressed length",
                            HeaderField::ChunkSize => "chunk size",
                            HeaderField::ChunkLength => "chunk length",
                        };
                        format!("its {field} is missing")
                    }
                    ImpossibleLength => "its length is impossible".into(),
                    ImpossibleChunkSize => "its chunk size is impossible".into(),
                    MoreChunks => "it lists more chunks than its length needs".into(),
                    FewerChunks => "it lists fewer chunks than its length needs".into(),
                    Undecompressable(error) => format!("it cannot be decompressed ({error})"),
                    DifferentLength => "it decompresses to a different length".into(),
                    NotText => "it does not decompress to text".into(),
                    ForeignCharacter(code) => {
                        format!("it holds a character that packing never writes (U+{code:04X})")
                    }
                    WrongLength => "it is shorter or longer than its header says".into(),
                };
                format!("the saved data is packed, but {what}")
            }
            Locale::Ja => {
                let what = match self {
                    Missing(field) => {
                        let field = match field {
                            HeaderField::Length => "長さ",
                            HeaderField::CompressedLength => "圧縮後の長さ",
                            HeaderField::ChunkSize => "ブロックの大きさ",
                            HeaderField::ChunkLength => "ブロックの長さ",
                        };
                        format!("{field}の記録がありません")
                    }
                    ImpossibleLength => "記録された長さがありえない値です".into(),
                    ImpossibleChunkSize => "記録されたブロックの大きさがありえない値です".into(),
                    MoreChunks => "長さに必要な数より多くのブロックが記録されています".into(),
                    FewerChunks => "長さに必要な数より少ないブロックしか記録されていません".into(),
                    Undecompressable(error) => format!("展開できません（{error}）"),
                    DifferentLength => "展開すると記録と異なる長さになります".into(),
                    NotText => "展開してもテキストになりません".into(),
                    ForeignCharacter(code) => {
                        format!("圧縮では書かれない文字（U+{code:04X}）が含まれています")
                    }
                    WrongLength => "記録された長さより短いか長くなっています".into(),
                };
                format!("保存されたデータは圧縮されていますが、{what}")
            }
        }
    }
}

impl std::fmt::Display for StoredDamage {
    /// The English reason.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Locale::En))
    }
}

/// Why a stored value that unpacked (or was plain) is not a readable dataset, for the storage banner:
/// its first error with its path, cut to 300 characters, and how many more problems there are.
pub fn stored_problems(problems: &[Problem]) -> Bilingual {
    let first = problems.iter().find(|p| p.is_error());
    let text = |locale: Locale| -> String {
        let shown: String = match first {
            None => match locale {
                Locale::En => "it could not be read".to_string(),
                Locale::Ja => "読み込めませんでした".to_string(),
            },
            Some(problem) => {
                // The banner puts the reason in parentheses: the Japanese sentence's stop goes.
                let message = problem.text(locale);
                let message = match locale {
                    Locale::En => message,
                    Locale::Ja => message.strip_suffix('。').unwrap_or(message),
                };
                match (problem.path.is_empty(), locale) {
                    (true, _) => message.to_string(),
                    (false, Locale::En) => format!("{}: {message}", problem.path),
                    (false, Locale::Ja) => format!("{}：{message}", problem.path),
                }
            }
        }
        .chars()
        .take(300)
        .collect();
        match (problems.len(), locale) {
            (0 | 1, _) => shown,
            (n, Locale::En) => format!("{shown} (and {} more problems)", n - 1),
            (n, Locale::Ja) => format!("{shown}（ほかに{}件の問題）", n - 1),
        }
    };
    Bilingual {
        en: text(Locale::En),
        ja: text(Locale::Ja),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Each row: a message, its exact English and its exact Japanese.
    #[test]
    fn messages_with_values_in_both_languages() {
        let number = json!(12);
        let text = json!("2017");
        let array = json!(["VV-059"]);
        let fault = UrlFault::Scheme("javascript".into());
        let cases: Vec<(Message, &str, &str)> = vec![
            (
                Message::Syntax { detail: "expected value", line: 3, column: 20 },
                "This is not valid JSON: expected value at line 3, column 20",
                "JSONとして正しくありません（3行目、20列目）。値が必要な位置に値がありません。",
            ),
            (
                Message::Syntax { detail: "EOF while parsing a list", line: 8, column: 14 },
                "This is not valid JSON: the file ends too early (EOF while parsing a list); it may be truncated at line 8, column 14",
                "JSONとして正しくありません（8行目、14列目）。配列の途中でファイルが終わっています。ファイルが途中で切れている可能性があります。",
            ),
            (
                Message::Syntax { detail: "some future words", line: 1, column: 1 },
                "This is not valid JSON: some future words at line 1, column 1",
                "JSONとして正しくありません（1行目、1列目）。原因：some future words。",
            ),
            (
                Message::FileTooLarge { bytes: 70.0 * 1_048_576.0, limit_mb: 64 },
                "The file is 70.0 MB; the largest file this app reads is 64 MB.",
                "ファイルのサイズは70.0MBです。このアプリが読み込めるのは64MBまでのファイルです。",
            ),
            (
                Message::NotUtf8 { byte: 8, line: 2 },
                "The file is not UTF-8 text: byte 8 (line 2) is not valid UTF-8. Save it as UTF-8 and try again.",
                "このファイルはUTF-8のテキストではありません。8バイト目（2行目）がUTF-8として正しくありません。UTF-8で保存し直してから、もう一度お試しください。",
            ),
            (
                Message::FormatMissing { keys: vec!["type", "features"] },
                "is missing: this file is a JSON object with the keys type, features, probably from another tool. Expected a Vientiane Vision dataset: a JSON object with \"format\": \"vientiane-vision\", \"version\": 1, a \"title\" and an \"activities\" array.",
                "「format」がありません。このファイルはキー「type」「features」を持つJSONオブジェクトで、おそらく別のツールのファイルです。読み込めるのは、「\"format\": \"vientiane-vision\"」、「\"version\": 1」、「title」、配列の「activities」を持つJSONオブジェクト（ビエンチャン・ビジョンのデータセット）です。",
            ),
            (
                Message::PartOfNotText { found: &number },
                "must be the id of the programme this activity is part of, not the number 12",
                "この活動が属する事業のidでなければなりません（数値「12」になっています）。",
            ),
            (
                Message::YearNotNumber { found: &text },
                "must be a year as a number, not the text \"2017\"",
                "年を表す数値でなければなりません（文字列「2017」になっています）。",
            ),
            (
                Message::NotArray { found: &array },
                "must be an array, not an array of 1 elements",
                "配列でなければなりません（要素1個の配列になっています）。",
            ),
            (
                Message::JoinedLate { state: MemberState::TimorLeste },
                "Timor-Leste joined ASEAN only in 2025, after this activity",
                "東ティモールがASEANに加盟したのは2025年で、この活動より後です。",
            ),
            (
                Message::FollowUpOutside { year: 2024, start: 2017, end: Some(2018) },
                "2024 is outside the activity's years (2017–2018)",
                "2024年は活動の期間（2017年～2018年）の外です。",
            ),
            (
                Message::FollowUpOutside { year: 2010, start: 2017, end: None },
                "2010 is outside the activity's years (2017–ongoing)",
                "2010年は活動の期間（2017年～（継続中））の外です。",
            ),
            (
                Message::Url { fault: &fault, url: "javascript:alert(1)" },
                "\"javascript:alert(1)\" uses the \"javascript:\" scheme; only http:// and https:// addresses are accepted",
                "「javascript:alert(1)」は「javascript:」スキームのアドレスです。使えるのは http:// と https:// のアドレスだけです。",
            ),
            (
                Message::CodeUnknown { code: "XYZ", codes: MessageText::MeasureCodes },
                "\"XYZ\" is not PIL, CBC, DETC, JTE or HRDAE",
                "「XYZ」はPIL、CBC、DETC、JTE、HRDAEのいずれかではありません。",
            ),
            (
                Message::CodeNotChosen { codes: MessageText::StatusCodes, found: &number },
                "must be planned, ongoing or completed, not the number 12",
                "「planned」「ongoing」「completed」のいずれかでなければなりません（数値「12」になっています）。",
            ),
            (
                Message::PartOf { fault: PartOfFault::TooLong(80), programme: "p" },
                "is 80 characters long; an id is at most 64",
                "80文字あります。idは64文字までです。",
            ),
            (
                Message::IdTaken { id: "A-1" },
                "\"A-1\" is already used by another activity",
                "「A-1」はほかの活動ですでに使われています。",
            ),
        ];
        for (message, en, ja) in cases {
            assert_eq!(message.text(Locale::En), en);
            assert_eq!(message.text(Locale::Ja), ja);
        }
    }

    #[test]
    fn values_are_described_and_shortened_in_both_languages() {
        let long = json!("あ".repeat(61));
        assert_eq!(describe(Locale::En, &json!(null)), "null");
        assert_eq!(describe(Locale::Ja, &json!(true)), "真偽値「true」");
        assert_eq!(describe(Locale::Ja, &json!({})), "オブジェクト");
        assert_eq!(
            describe(Locale::Ja, &long),
            format!("文字列「{}…」", "あ".repeat(60))
        );
        assert_eq!(shorten(&"x".repeat(60)), "x".repeat(60));
    }

    #[test]
    fn every_serde_json_description_has_its_japanese_sentence() {
        let broken = [
            "{",
            "[",
            "\"a",
            "tru",
            "{\"a\" 1}",
            "[1 2]",
            "{\"a\":1 \"b\"}",
            "[nul]",
            "[}",
            "\"\\q\"",
            "1e999999",
            "\"\u{1}\"",
            "{1:2}",
            "[\"\\uDC00\\uD800\"]",
            "[1,]",
            "[] x",
            "\"\\uD800\"",
        ];
        for text in broken {
            let error = serde_json::from_str::<Value>(text).expect_err(text);
            let raw = error.to_string();
            let detail = raw.split(" at line ").next().unwrap_or_default();
            let ja = syntax_detail_ja(detail);
            assert!(
                !ja.starts_with("原因"),
                "{text:?}: {detail:?} has no Japanese sentence"
            );
        }
        let deep = "[".repeat(200);
        let error = serde_json::from_str::<Value>(&deep).expect_err("too deep");
        assert!(error.to_string().starts_with("recursion limit exceeded"));
    }

    #[test]
    fn stored_damage_in_both_languages() {
        let damage = StoredDamage::Missing(HeaderField::CompressedLength);
        assert_eq!(
            damage.to_string(),
            "the saved data is packed, but its compressed length is missing"
        );
        assert_eq!(
            damage.text(Locale::Ja),
            "保存されたデータは圧縮されていますが、圧縮後の長さの記録がありません"
        );
        let reason = Bilingual::from(StoredDamage::ForeignCharacter(0x41));
        assert_eq!(
            reason.en,
            "the saved data is packed, but it holds a character that packing never writes (U+0041)"
        );
        assert_eq!(
            reason.text(Locale::Ja),
            "保存されたデータは圧縮されていますが、圧縮では書かれない文字（U+0041）が含まれています"
        );
    }

    #[test]
    fn a_stored_values_problems_are_summed_up_for_the_banner() {
        let problems = vec![
            Problem::error("title", MessageText::MustNotBeEmpty),
            Problem::warning(
                "activities[0].fields[0]",
                Message::FieldUnusual { label: "x" },
            ),
            Problem::error(
                "activities[0].start",
                Message::YearOutOfRange { year: 1900 },
            ),
        ];
        let reason = stored_problems(&problems);
        assert_eq!(reason.en, "title: must not be empty (and 2 more problems)");
        assert_eq!(reason.ja, "title：空にはできません（ほかに2件の問題）");
        let newer = [Problem::error(
            "version",
            Message::NewerVersion { version: 2 },
        )];
        assert_eq!(
            stored_problems(&newer).ja,
            "version：このファイルは形式バージョン2で、新しいバージョンのアプリで書き出されたものです。このアプリが読み込めるのはバージョン1だけです。新しいアプリで開くか、そちらでバージョン1としてエクスポートしてください"
        );
        assert_eq!(stored_problems(&[]).ja, "読み込めませんでした");
    }
}
