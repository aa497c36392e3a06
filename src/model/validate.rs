//! Turns parsed JSON into a [`Dataset`], collecting **every** problem with its JSON path.
//!
//! Errors block a file; warnings (a member listed before it joined ASEAN, a follow-up outside the
//! activity's years, an unknown field label) are shown but do not. The editor validates through the same
//! code, so the rules can never drift apart.

use std::collections::HashSet;
use std::fmt;

use serde_json::{Map, Value};

use super::dataset::{
    Activity, Dataset, FollowUp, Source, UnknownKeys, ACTIVITY_KEYS, FORMAT_NAME, FORMAT_VERSION,
};
use super::i18n::messages::{Bilingual, Message, MessageText};
use super::i18n::Locale;
use super::rules::{self, CountriesFault, TextRule};
use super::vision::{is_known_field, Confidence, Direction, Measure, MemberState, Scope, Status};

mod clean;

/// The limits and the date rules live in the rulebook; they are named here too, where readers of the
/// validation look for them.
pub use super::rules::{is_date, is_rfc3339, MAX_ACTIVITIES, YEAR_RANGE};
pub use clean::decode_clean;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in a file, located by its JSON path (`activities[3].countries[1]`), with its
/// message in both languages (`model::i18n::messages`); the path is the same in both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub path: String,
    /// The message in English, as files, tests and the English UI have it.
    pub message: String,
    /// The same message in Japanese.
    pub message_ja: String,
    /// The offending text, for a problem that has one to show (a JSON syntax error); the message stays
    /// one plain sentence.
    pub snippet: Option<Snippet>,
}

/// An excerpt of the line where a file stops being readable, and where in it the reader stopped: the
/// import shows it in monospace with a caret under that column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// Up to 30 characters either side of the column, from the offending line.
    pub text: String,
    /// The column of the caret within `text`, in characters.
    pub caret: usize,
}

impl Problem {
    /// The message in `locale`, for display; the JSON path stays as it is in both languages.
    pub fn text(&self, locale: Locale) -> &str {
        match locale {
            Locale::En => &self.message,
            Locale::Ja => &self.message_ja,
        }
    }

    /// An error at `path`. The message is a [`Message`] or a [`MessageText`], written here in both
    /// languages; a plain string is the same text in both (a browser's own words).
    pub fn error(path: impl Into<String>, message: impl Into<Bilingual>) -> Problem {
        Problem::new(Severity::Error, path.into(), message.into())
    }

    /// A warning at `path`, as [`Problem::error`].
    pub fn warning(path: impl Into<String>, message: impl Into<Bilingual>) -> Problem {
        Problem::new(Severity::Warning, path.into(), message.into())
    }

    fn new(severity: Severity, path: String, message: Bilingual) -> Problem {
        Problem {
            severity,
            path,
            message: message.en,
            message_ja: message.ja,
            snippet: None,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// A dataset that passed validation, with the warnings found on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub dataset: Dataset,
    pub warnings: Vec<Problem>,
}

/// Validates a whole file. `Err` holds every problem found (errors first in file order, warnings too).
pub fn decode_dataset(value: &Value) -> Result<Decoded, Vec<Problem>> {
    let object = match check_kind(value) {
        Ok(object) => object,
        Err(problem) => return Err(vec![problem]),
    };
    let mut problems = Vec::new();
    let mut unknown = UnknownKeys::new();
    for (key, value) in object {
        if !rules::DATASET_KEYS.contains(&key.as_str()) {
            unknown.insert(key.clone(), value.clone());
        }
    }
    let title = required_text(object, "", "title", rules::DATASET_TITLE, &mut problems);
    let description = optional_text(
        object,
        "",
        "description",
        rules::DATASET_DESCRIPTION,
        &mut problems,
    );
    let updated = optional_timestamp(object, "", "updated", &mut problems);
    let activities = match object.get("activities") {
        None => {
            problems.push(Problem::error("activities", MessageText::ActivitiesMissing));
            Vec::new()
        }
        Some(Value::Array(list)) if list.len() > MAX_ACTIVITIES => {
            problems.push(Problem::error(
                "activities",
                Message::TooManyActivities { count: list.len() },
            ));
            return Err(problems);
        }
        Some(Value::Array(list)) => {
            let mut seen = HashSet::with_capacity(list.len());
            let mut activities = Vec::with_capacity(list.len());
            for (index, value) in list.iter().enumerate() {
                let path = format!("activities[{index}]");
                if let Some(activity) = decode_activity_at(value, &path, &mut problems) {
                    if !seen.insert(activity.id.clone()) {
                        problems.push(Problem::error(
                            format!("{path}.id"),
                            Message::DuplicateId { id: &activity.id },
                        ));
                    }
                    activities.push(activity);
                }
            }
            activities
        }
        Some(other) => {
            problems.push(Problem::error(
                "activities",
                Message::ActivitiesNotArray { found: other },
            ));
            Vec::new()
        }
    };
    if problems.iter().any(Problem::is_error) {
        return Err(problems);
    }
    Ok(Decoded {
        dataset: Dataset {
            title: title.unwrap_or_default(),
            description,
            updated,
            activities,
            unknown,
        },
        warnings: problems,
    })
}

/// Validates one activity as the editor has it. `other_ids` are the ids of every *other* activity, so
/// that a duplicate id is reported on the `id` field.
pub fn validate_activity(activity: &Activity, other_ids: &HashSet<&str>) -> Vec<Problem> {
    let value = serde_json::to_value(activity).unwrap_or(Value::Null);
    let mut problems = Vec::new();
    decode_activity_at(&value, "", &mut problems);
    if other_ids.contains(activity.id.as_str()) {
        problems.push(Problem::error("id", Message::IdTaken { id: &activity.id }));
    }
    problems
}

/// Recognises the kind of file before looking at its content, so that another tool's file gets one
/// clear sentence rather than a hundred schema errors.
fn check_kind(value: &Value) -> Result<&Map<String, Value>, Problem> {
    let object = match value {
        Value::Object(object) => object,
        Value::Array(list) => {
            return Err(Problem::error(
                "",
                Message::ArrayNotDataset {
                    elements: list.len(),
                },
            ))
        }
        other => {
            return Err(Problem::error(
                "",
                Message::ValueNotDataset { found: other },
            ))
        }
    };
    match object.get("format") {
        Some(Value::String(name)) if name == FORMAT_NAME => {}
        Some(Value::String(name)) => {
            return Err(Problem::error("format", Message::OtherFormat { name }))
        }
        Some(other) => {
            return Err(Problem::error(
                "format",
                Message::FormatNotText { found: other },
            ))
        }
        None => {
            let keys: Vec<&str> = object.keys().take(6).map(String::as_str).collect();
            return Err(Problem::error("format", Message::FormatMissing { keys }));
        }
    }
    match object.get("version") {
        Some(Value::Number(n)) if n.as_u64() == Some(FORMAT_VERSION) => Ok(object),
        Some(Value::Number(n)) if n.as_u64().is_some_and(|v| v > FORMAT_VERSION) => {
            Err(Problem::error(
                "version",
                Message::NewerVersion {
                    version: n.as_u64().unwrap_or_default(),
                },
            ))
        }
        Some(other) => Err(Problem::error(
            "version",
            Message::VersionNotOne { found: other },
        )),
        None => Err(Problem::error("version", Message::VersionMissing)),
    }
}

fn join(base: &str, key: &str) -> String {
    if base.is_empty() {
        key.to_string()
    } else {
        format!("{base}.{key}")
    }
}

fn decode_activity_at(value: &Value, path: &str, problems: &mut Vec<Problem>) -> Option<Activity> {
    let Value::Object(object) = value else {
        problems.push(Problem::error(
            path,
            Message::ActivityNotObject { found: value },
        ));
        return None;
    };
    // Problems are only ever appended, so this activity's are the ones from here on.
    let problems_before = problems.len();
    let id = required_text(object, path, "id", rules::ACTIVITY_ID, problems);
    if let Some(id) = &id {
        if !id.is_empty() && !rules::is_id_alphabet(id) {
            problems.push(Problem::error(join(path, "id"), Message::IdAlphabet { id }));
        }
    }
    let title = required_text(object, path, "title", rules::ACTIVITY_TITLE, problems);
    let summary = optional_text(object, path, "summary", rules::ACTIVITY_SUMMARY, problems);
    let measures = code_list(
        object,
        path,
        "measures",
        true,
        Measure::from_code,
        MessageText::MeasureCodes,
        problems,
    );
    let directions = code_list(
        object,
        path,
        "directions",
        false,
        Direction::from_code,
        MessageText::DirectionCodes,
        problems,
    );
    let fields = decode_fields(object, path, problems);
    let scope = match object.get("scope") {
        None => {
            problems.push(Problem::error(
                join(path, "scope"),
                MessageText::ScopeMissing,
            ));
            None
        }
        Some(Value::String(code)) => match Scope::from_code(code) {
            Some(scope) => Some(scope),
            None => {
                problems.push(Problem::error(
                    join(path, "scope"),
                    Message::ScopeUnknown { code },
                ));
                None
            }
        },
        Some(other) => {
            problems.push(Problem::error(
                join(path, "scope"),
                Message::ScopeNotText { found: other },
            ));
            None
        }
    };
    let countries = code_list(
        object,
        path,
        "countries",
        false,
        MemberState::from_iso3,
        MessageText::CountryCodes,
        problems,
    );
    let start = year_at(object, path, "start", true, problems).flatten();
    let end = year_at(object, path, "end", false, problems);
    let status = optional_code(
        object,
        path,
        "status",
        Status::from_code,
        MessageText::StatusCodes,
        problems,
    );
    let confidence = optional_code(
        object,
        path,
        "confidence",
        Confidence::from_code,
        MessageText::ConfidenceCodes,
        problems,
    );
    let part_of = decode_part_of(object, path, id.as_deref(), problems);
    let follow_ups = decode_follow_ups(object, path, problems);
    let sources = decode_sources(object, path, problems);
    let updated = optional_timestamp(object, path, "updated", problems);

    // Rules that tie several keys together run only on keys that were themselves valid.
    if let (Some(scope), Some(countries)) = (scope, &countries) {
        match rules::countries_fault(scope, countries.len()) {
            Some(CountriesFault::TooFewForMemberStates) => problems.push(Problem::error(
                join(path, "countries"),
                MessageText::CountriesNeeded,
            )),
            Some(CountriesFault::NamedWhenAseanWide) => problems.push(Problem::error(
                join(path, "countries"),
                MessageText::CountriesWhenAseanWide,
            )),
            None => {}
        }
    }
    if let (Some(start), Some(Some(end))) = (start, end) {
        if !rules::end_fits(start, end) {
            problems.push(Problem::error(
                join(path, "end"),
                Message::EndBeforeStart { start, end },
            ));
        }
    }
    if let (Some(start), Some(countries)) = (start, &countries) {
        for (index, state) in countries.iter().enumerate() {
            let joined = state.joined().year;
            if !rules::joined_in_time(joined, start, end.flatten()) {
                problems.push(Problem::warning(
                    format!("{}[{index}]", join(path, "countries")),
                    Message::JoinedLate { state: *state },
                ));
            }
        }
    }
    if let (Some(start), Some(follow_ups)) = (start, &follow_ups) {
        let last = end.flatten();
        for (index, follow_up) in follow_ups.iter().enumerate() {
            if !rules::follow_up_year_fits(follow_up.year, start, last) {
                problems.push(Problem::warning(
                    format!("{}[{index}].year", join(path, "followUps")),
                    Message::FollowUpOutside {
                        year: follow_up.year,
                        start,
                        end: last,
                    },
                ));
            }
        }
    }

    if problems[problems_before..].iter().any(Problem::is_error) {
        return None;
    }
    let mut unknown = UnknownKeys::new();
    for (key, value) in object {
        if !ACTIVITY_KEYS.contains(&key.as_str()) {
            unknown.insert(key.clone(), value.clone());
        }
    }
    Some(Activity {
        id: id?,
        title: title?,
        summary,
        measures: measures?,
        directions: directions.unwrap_or_default(),
        fields: fields.unwrap_or_default(),
        scope: scope?,
        countries: countries.unwrap_or_default(),
        start: start?,
        end: end.flatten(),
        status,
        confidence,
        part_of,
        follow_ups: follow_ups.unwrap_or_default(),
        sources: sources.unwrap_or_default(),
        updated,
        unknown,
    })
}

/// `partOf`: the id of the programme an activity is a dated event of. It must read as an id (the
/// rules of `id`) and must not name the activity itself. An id that names no activity of the file is
/// not an error: a partial file or a deleted programme leaves the event counted as its own activity.
fn decode_part_of(
    object: &Map<String, Value>,
    path: &str,
    own_id: Option<&str>,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    let at = join(path, "partOf");
    match object.get("partOf") {
        None | Some(Value::Null) => None,
        Some(Value::String(programme)) => {
            if let Some(message) = part_of_problem(programme, own_id) {
                problems.push(Problem::error(at, message));
                None
            } else {
                Some(programme.clone())
            }
        }
        Some(other) => {
            problems.push(Problem::error(at, Message::PartOfNotText { found: other }));
            None
        }
    }
}

/// What is wrong with `programme` as the `partOf` of the activity `own_id`, or `None` when nothing is:
/// the one rule of the general path, the fast path and the editor.
pub fn part_of_problem<'a>(programme: &'a str, own_id: Option<&str>) -> Option<Message<'a>> {
    let fault = rules::part_of_fault(programme, own_id)?;
    Some(Message::PartOf { fault, programme })
}

fn decode_fields(
    object: &Map<String, Value>,
    path: &str,
    problems: &mut Vec<Problem>,
) -> Option<Vec<String>> {
    let list = optional_array(object, path, "fields", problems)?;
    let mut seen = HashSet::new();
    let mut fields = Vec::with_capacity(list.len());
    for (index, value) in list.iter().enumerate() {
        let at = format!("{}[{index}]", join(path, "fields"));
        match value {
            Value::String(label) => {
                if !rules::FIELD_LABEL.accepts(label) {
                    let length = rules::FIELD_LABEL.length(label);
                    problems.push(Problem::error(at, Message::FieldLabelLength { length }));
                } else if !seen.insert(label.trim().to_lowercase()) {
                    problems.push(Problem::error(
                        at,
                        Message::FieldTwice {
                            label: label.trim(),
                        },
                    ));
                } else {
                    if !is_known_field(label) {
                        problems.push(Problem::warning(
                            at,
                            Message::FieldUnusual {
                                label: label.trim(),
                            },
                        ));
                    }
                    fields.push(label.clone());
                }
            }
            other => problems.push(Problem::error(at, Message::FieldNotText { found: other })),
        }
    }
    Some(fields)
}

fn decode_follow_ups(
    object: &Map<String, Value>,
    path: &str,
    problems: &mut Vec<Problem>,
) -> Option<Vec<FollowUp>> {
    let list = optional_array(object, path, "followUps", problems)?;
    let mut follow_ups = Vec::with_capacity(list.len());
    let problems_before = problems.len();
    for (index, value) in list.iter().enumerate() {
        let at = format!("{}[{index}]", join(path, "followUps"));
        let Value::Object(entry) = value else {
            problems.push(Problem::error(
                at,
                Message::FollowUpNotObject { found: value },
            ));
            continue;
        };
        let year = year_at(entry, &at, "year", true, problems).flatten();
        let note = required_text(entry, &at, "note", rules::FOLLOW_UP_NOTE, problems);
        // A follow-up's sources obey the same rules as the activity's, checked by the same code.
        let sources = decode_sources(entry, &at, problems);
        let unknown = entry
            .iter()
            .filter(|(key, _)| !rules::FOLLOW_UP_KEYS.contains(&key.as_str()))
            .map(|(key, value)| (key.clone(), value.clone()))
            .collect();
        if let (Some(year), Some(note)) = (year, note) {
            follow_ups.push(FollowUp {
                year,
                note,
                sources: sources.unwrap_or_default(),
                unknown,
            });
        }
    }
    let clean = !problems[problems_before..].iter().any(Problem::is_error);
    clean.then_some(follow_ups)
}

fn decode_sources(
    object: &Map<String, Value>,
    path: &str,
    problems: &mut Vec<Problem>,
) -> Option<Vec<Source>> {
    let list = optional_array(object, path, "sources", problems)?;
    let mut sources = Vec::with_capacity(list.len());
    for (index, value) in list.iter().enumerate() {
        let at = format!("{}[{index}]", join(path, "sources"));
        let Value::Object(entry) = value else {
            problems.push(Problem::error(
                at,
                Message::SourceNotObject { found: value },
            ));
            continue;
        };
        let url = match entry.get("url") {
            Some(Value::String(url)) => match check_url(url) {
                Ok(()) => Some(url.clone()),
                Err(fault) => {
                    problems.push(Problem::error(
                        join(&at, "url"),
                        Message::Url { fault: &fault, url },
                    ));
                    None
                }
            },
            Some(other) => {
                problems.push(Problem::error(
                    join(&at, "url"),
                    Message::UrlNotText { found: other },
                ));
                None
            }
            None => {
                problems.push(Problem::error(join(&at, "url"), MessageText::UrlMissing));
                None
            }
        };
        let title = optional_text(entry, &at, "title", rules::SOURCE_TITLE, problems);
        let accessed = match entry.get("accessed") {
            None | Some(Value::Null) => None,
            Some(Value::String(date)) if is_date(date) => Some(date.clone()),
            Some(other) => {
                problems.push(Problem::error(
                    join(&at, "accessed"),
                    Message::AccessedNotDate { found: other },
                ));
                None
            }
        };
        let unknown = entry
            .iter()
            .filter(|(key, _)| !rules::SOURCE_KEYS.contains(&key.as_str()))
            .map(|(key, value)| (key.clone(), value.clone()))
            .collect();
        if let Some(url) = url {
            sources.push(Source {
                url,
                title,
                accessed,
                unknown,
            });
        }
    }
    Some(sources)
}

/// The rule of source addresses (`rules::url_fault`: absolute `http` and `https` addresses only), with
/// what is wrong with an address that breaks it (`Message::Url` words it).
pub fn check_url(url: &str) -> Result<(), rules::UrlFault> {
    match rules::url_fault(url) {
        None => Ok(()),
        Some(fault) => Err(fault),
    }
}

fn required_text(
    object: &Map<String, Value>,
    path: &str,
    key: &str,
    rule: TextRule,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    let at = join(path, key);
    match object.get(key) {
        Some(Value::String(text)) => {
            let length = rule.length(text);
            if length == 0 && !rule.may_be_empty {
                problems.push(Problem::error(at, MessageText::MustNotBeEmpty));
                None
            } else if length > rule.max_chars {
                problems.push(Problem::error(
                    at,
                    Message::TooLong {
                        length,
                        limit: rule.max_chars,
                    },
                ));
                None
            } else {
                Some(text.clone())
            }
        }
        Some(other) => {
            problems.push(Problem::error(at, Message::NotText { found: other }));
            None
        }
        None => {
            problems.push(Problem::error(at, MessageText::Missing));
            None
        }
    }
}

fn optional_text(
    object: &Map<String, Value>,
    path: &str,
    key: &str,
    rule: TextRule,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    match object.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) => {
            // Every optional text of the format may be empty (`rules`); only its length is checked.
            let length = rule.length(text);
            if length > rule.max_chars {
                problems.push(Problem::error(
                    join(path, key),
                    Message::TooLong {
                        length,
                        limit: rule.max_chars,
                    },
                ));
                None
            } else {
                Some(text.clone())
            }
        }
        Some(other) => {
            problems.push(Problem::error(
                join(path, key),
                Message::NotText { found: other },
            ));
            None
        }
    }
}

fn optional_timestamp(
    object: &Map<String, Value>,
    path: &str,
    key: &str,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    match object.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) if is_rfc3339(text) => Some(text.clone()),
        Some(other) => {
            problems.push(Problem::error(
                join(path, key),
                Message::NotTimestamp { found: other },
            ));
            None
        }
    }
}

fn optional_array<'v>(
    object: &'v Map<String, Value>,
    path: &str,
    key: &str,
    problems: &mut Vec<Problem>,
) -> Option<&'v Vec<Value>> {
    match object.get(key) {
        None | Some(Value::Null) => Some(EMPTY.get_or_init(Vec::new)),
        Some(Value::Array(list)) => Some(list),
        Some(other) => {
            problems.push(Problem::error(
                join(path, key),
                Message::NotArray { found: other },
            ));
            None
        }
    }
}

static EMPTY: std::sync::OnceLock<Vec<Value>> = std::sync::OnceLock::new();

/// A list of unique codes. `None` when the key is unusable; `Some(empty)` when absent and optional.
fn code_list<T: PartialEq + Copy>(
    object: &Map<String, Value>,
    path: &str,
    key: &str,
    required: bool,
    parse: fn(&str) -> Option<T>,
    codes_named: MessageText,
    problems: &mut Vec<Problem>,
) -> Option<Vec<T>> {
    if required && !object.contains_key(key) {
        problems.push(Problem::error(join(path, key), MessageText::ListMissing));
        return None;
    }
    let list = optional_array(object, path, key, problems)?;
    let mut codes = Vec::with_capacity(list.len());
    let mut valid = true;
    for (index, value) in list.iter().enumerate() {
        let at = format!("{}[{index}]", join(path, key));
        match value {
            Value::String(code) => match parse(code) {
                Some(parsed) if codes.contains(&parsed) => {
                    problems.push(Problem::error(at, Message::CodeTwice { code }));
                    valid = false;
                }
                Some(parsed) => codes.push(parsed),
                None => {
                    problems.push(Problem::error(
                        at,
                        Message::CodeUnknown {
                            code,
                            codes: codes_named,
                        },
                    ));
                    valid = false;
                }
            },
            other => {
                problems.push(Problem::error(
                    at,
                    Message::CodeNotText {
                        codes: codes_named,
                        found: other,
                    },
                ));
                valid = false;
            }
        }
    }
    valid.then_some(codes)
}

fn optional_code<T>(
    object: &Map<String, Value>,
    path: &str,
    key: &str,
    parse: fn(&str) -> Option<T>,
    codes_named: MessageText,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    match object.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(code)) => {
            let parsed = parse(code);
            if parsed.is_none() {
                problems.push(Problem::error(
                    join(path, key),
                    Message::CodeUnknown {
                        code,
                        codes: codes_named,
                    },
                ));
            }
            parsed
        }
        Some(other) => {
            problems.push(Problem::error(
                join(path, key),
                Message::CodeNotChosen {
                    codes: codes_named,
                    found: other,
                },
            ));
            None
        }
    }
}

/// A year. Returns `None` when unusable, `Some(None)` when absent or null and optional.
fn year_at(
    object: &Map<String, Value>,
    path: &str,
    key: &str,
    required: bool,
    problems: &mut Vec<Problem>,
) -> Option<Option<i32>> {
    let at = join(path, key);
    match object.get(key) {
        None | Some(Value::Null) if required => {
            problems.push(Problem::error(at, MessageText::YearMissing));
            None
        }
        None | Some(Value::Null) => Some(None),
        Some(Value::Number(n)) => match n.as_i64() {
            Some(year) if rules::is_year(year) => Some(Some(year as i32)),
            Some(year) => {
                problems.push(Problem::error(at, Message::YearOutOfRange { year }));
                None
            }
            None => {
                problems.push(Problem::error(at, Message::NotWholeYear { number: n }));
                None
            }
        },
        Some(other) => {
            problems.push(Problem::error(at, Message::YearNotNumber { found: other }));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn minimal() -> Value {
        json!({
            "format": "vientiane-vision", "version": 1, "title": "Test",
            "activities": [{
                "id": "A-1", "title": "Ship Rider", "measures": ["PIL"], "scope": "asean-wide", "start": 2017
            }]
        })
    }

    /// Sets `activities[0].<key>` to `value` (or removes it when `value` is `None`).
    fn with_activity(key: &str, value: Option<Value>) -> Value {
        let mut file = minimal();
        let activity = file["activities"][0].as_object_mut().unwrap();
        match value {
            Some(value) => activity.insert(key.to_string(), value),
            None => activity.remove(key),
        };
        file
    }

    #[test]
    fn minimal_file_decodes() {
        let decoded = decode_dataset(&minimal()).expect("valid");
        assert_eq!(decoded.dataset.title, "Test");
        assert_eq!(
            decoded.dataset.activities[0].measures,
            vec![Measure::InternationalLaw]
        );
        assert!(decoded.warnings.is_empty());
    }

    /// Each row: a file, and the (path, fragment of the message) of the single error it must produce.
    #[test]
    fn activity_errors_are_located() {
        let cases: Vec<(Value, &str, &str)> = vec![
            (with_activity("id", None), "activities[0].id", "missing"),
            (
                with_activity("id", Some(json!("has space"))),
                "activities[0].id",
                "may only use",
            ),
            (
                with_activity("id", Some(json!("x".repeat(65)))),
                "activities[0].id",
                "limit is 64",
            ),
            (
                with_activity("title", Some(json!("   "))),
                "activities[0].title",
                "must not be empty",
            ),
            (
                with_activity("title", Some(json!("t".repeat(301)))),
                "activities[0].title",
                "limit is 300",
            ),
            (
                with_activity("summary", Some(json!("s".repeat(5001)))),
                "activities[0].summary",
                "limit is 5000",
            ),
            (
                with_activity("measures", None),
                "activities[0].measures",
                "missing",
            ),
            (
                with_activity("measures", Some(json!(["XYZ"]))),
                "activities[0].measures[0]",
                "\"XYZ\" is not PIL",
            ),
            (
                with_activity("measures", Some(json!(["CBC", "CBC"]))),
                "activities[0].measures[1]",
                "twice",
            ),
            (
                with_activity("directions", Some(json!(["north"]))),
                "activities[0].directions[0]",
                "not rule-of-law",
            ),
            (
                with_activity("scope", Some(json!("bilateral"))),
                "activities[0].scope",
                "not a scope",
            ),
            (
                with_activity("countries", Some(json!(["VNM"]))),
                "activities[0].countries",
                "must be empty",
            ),
            (
                with_activity("start", Some(json!(1900))),
                "activities[0].start",
                "outside the years",
            ),
            (
                with_activity("start", Some(json!("2017"))),
                "activities[0].start",
                "must be a year",
            ),
            (
                with_activity("end", Some(json!(2010))),
                "activities[0].end",
                "before the start year 2017",
            ),
            (
                with_activity("status", Some(json!("done"))),
                "activities[0].status",
                "not planned",
            ),
            (
                with_activity("confidence", Some(json!("maybe"))),
                "activities[0].confidence",
                "not verified",
            ),
            (
                with_activity("fields", Some(json!(["HA/DR", "ha/dr"]))),
                "activities[0].fields[1]",
                "listed twice",
            ),
            (
                with_activity("followUps", Some(json!([{"year": 2018}]))),
                "activities[0].followUps[0].note",
                "missing",
            ),
            (
                with_activity("sources", Some(json!([{"url": "javascript:alert(1)"}]))),
                "activities[0].sources[0].url",
                "\"javascript:\" scheme",
            ),
            (
                with_activity(
                    "followUps",
                    Some(
                        json!([{"year": 2017, "note": "n", "sources": [{"url": "ftp://x.org/a"}]}]),
                    ),
                ),
                "activities[0].followUps[0].sources[0].url",
                "\"ftp:\" scheme",
            ),
            (
                with_activity(
                    "followUps",
                    Some(
                        json!([{"year": 2017, "note": "n", "sources": [{"title": "no address"}]}]),
                    ),
                ),
                "activities[0].followUps[0].sources[0].url",
                "every source needs a web address",
            ),
            (
                with_activity(
                    "followUps",
                    Some(json!([{"year": 2017, "note": "n", "sources": "https://x.org"}])),
                ),
                "activities[0].followUps[0].sources",
                "must be an array",
            ),
            (
                with_activity("sources", Some(json!([{"url": "/relative"}]))),
                "activities[0].sources[0].url",
                "not an absolute",
            ),
            (
                with_activity(
                    "sources",
                    Some(json!([{"url": "https://x.org", "accessed": "May 2020"}])),
                ),
                "activities[0].sources[0].accessed",
                "YYYY-MM-DD",
            ),
            (
                with_activity("updated", Some(json!("yesterday"))),
                "activities[0].updated",
                "RFC 3339",
            ),
            (
                with_activity("partOf", Some(json!(12))),
                "activities[0].partOf",
                "must be the id of the programme this activity is part of, not the number 12",
            ),
            (
                with_activity("partOf", Some(json!(["VV-059"]))),
                "activities[0].partOf",
                "not an array of 1 elements",
            ),
            (
                with_activity("partOf", Some(json!(""))),
                "activities[0].partOf",
                "must not be empty",
            ),
            (
                with_activity("partOf", Some(json!("VV 059"))),
                "activities[0].partOf",
                "\"VV 059\" is not an id",
            ),
            (
                with_activity("partOf", Some(json!("A-1"))),
                "activities[0].partOf",
                "names the activity itself (\"A-1\")",
            ),
        ];
        for (file, path, fragment) in cases {
            let problems = decode_dataset(&file).expect_err(path);
            let errors: Vec<_> = problems.iter().filter(|p| p.is_error()).collect();
            assert_eq!(errors.len(), 1, "{path}: {errors:?}");
            assert_eq!(errors[0].path, path);
            assert!(
                errors[0].message.contains(fragment),
                "{path}: {}",
                errors[0].message
            );
        }
    }

    /// A `partOf` naming no activity of the file is no problem (a partial file, a deleted programme):
    /// the event then counts as its own activity. Both reading paths agree.
    #[test]
    fn part_of_may_name_an_activity_outside_the_file() {
        let file = with_activity("partOf", Some(json!("ELSEWHERE-1")));
        let decoded = decode_dataset(&file).expect("valid");
        assert!(decoded.warnings.is_empty());
        assert_eq!(
            decoded.dataset.activities[0].part_of.as_deref(),
            Some("ELSEWHERE-1")
        );
        let fast = clean::decode_clean(&file.to_string()).expect("the fast path reads it too");
        assert_eq!(fast, decoded.dataset);
        let itself = with_activity("partOf", Some(json!("A-1")));
        assert!(clean::decode_clean(&itself.to_string()).is_none());
    }

    #[test]
    fn member_states_scope_needs_countries() {
        let mut file = with_activity("scope", Some(json!("member-states")));
        let problems = decode_dataset(&file).unwrap_err();
        assert_eq!(problems[0].path, "activities[0].countries");
        file["activities"][0]["countries"] = json!(["VNM", "PHL"]);
        let decoded = decode_dataset(&file).unwrap();
        assert_eq!(
            decoded.dataset.activities[0].countries,
            vec![MemberState::VietNam, MemberState::Philippines]
        );
    }

    #[test]
    fn all_problems_are_reported_at_once() {
        let file = json!({
            "format": "vientiane-vision", "version": 1, "title": "",
            "activities": [
                {"id": "a", "title": "x", "measures": ["BAD"], "scope": "asean-wide", "start": 2017},
                {"id": "a", "title": "y", "measures": [], "scope": "member-states", "countries": ["FRA"], "start": 2017},
                {"id": "b", "title": "z", "measures": [], "scope": "asean-wide", "start": 2020, "end": 2019}
            ]
        });
        let problems = decode_dataset(&file).unwrap_err();
        let paths: Vec<_> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "title",
                "activities[0].measures[0]",
                "activities[1].countries[0]",
                "activities[2].end"
            ]
        );
    }

    #[test]
    fn duplicate_ids_are_errors() {
        let mut file = minimal();
        let copy = file["activities"][0].clone();
        file["activities"].as_array_mut().unwrap().push(copy);
        let problems = decode_dataset(&file).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, "activities[1].id");
    }

    #[test]
    fn warnings_do_not_block() {
        let mut file = with_activity("scope", Some(json!("member-states")));
        file["activities"][0]["countries"] = json!(["TLS"]);
        file["activities"][0]["end"] = json!(2018);
        file["activities"][0]["fields"] = json!(["Basket weaving"]);
        file["activities"][0]["followUps"] = json!([{"year": 2024, "note": "late"}]);
        let decoded = decode_dataset(&file).expect("warnings only");
        let paths: Vec<_> = decoded.warnings.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "activities[0].fields[0]",
                "activities[0].countries[0]",
                "activities[0].followUps[0].year"
            ]
        );
        assert!(decoded
            .warnings
            .iter()
            .all(|w| w.severity == Severity::Warning));
    }

    #[test]
    fn wrong_kinds_of_file_get_one_clear_message() {
        let cases = [
            (json!([1, 2]), "", "JSON array of 2 elements"),
            (json!("text"), "", "holds the text"),
            (
                json!({"type": "FeatureCollection", "features": []}),
                "format",
                "keys type, features",
            ),
            (json!({"format": "geojson"}), "format", "\"geojson\" file"),
            (
                json!({"format": "vientiane-vision", "version": 2}),
                "version",
                "reads version 1 only",
            ),
            (
                json!({"format": "vientiane-vision", "version": "1"}),
                "version",
                "must be the number 1",
            ),
            (json!({"format": "vientiane-vision"}), "version", "missing"),
        ];
        for (file, path, fragment) in cases {
            let problems = decode_dataset(&file).unwrap_err();
            assert_eq!(problems.len(), 1, "{file}");
            assert_eq!(problems[0].path, path);
            assert!(
                problems[0].message.contains(fragment),
                "{}",
                problems[0].message
            );
        }
    }

    #[test]
    fn unknown_keys_are_kept_at_every_level() {
        let mut file = minimal();
        file["x-top"] = json!({"nested": [1, 2]});
        file["activities"][0]["x-act"] = json!(true);
        file["activities"][0]["followUps"] = json!([{"year": 2017, "note": "n", "x-fu": 1}]);
        file["activities"][0]["sources"] = json!([{"url": "https://mod.go.jp", "x-src": "s"}]);
        let dataset = decode_dataset(&file).unwrap().dataset;
        let back: Value = serde_json::from_str(&dataset.to_compact_json()).unwrap();
        assert_eq!(back, file);
    }

    #[test]
    fn validate_activity_reports_duplicate_id_on_the_id_field() {
        let activity = Activity::new("A-1", "x", 2020);
        let others: HashSet<&str> = ["A-1"].into_iter().collect();
        let problems = validate_activity(&activity, &others);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, "id");
        let mut bad = Activity::new("B", " ", 2020);
        bad.end = Some(2019);
        let paths: Vec<_> = validate_activity(&bad, &HashSet::new())
            .into_iter()
            .map(|p| p.path)
            .collect();
        assert_eq!(paths, ["title", "end"]);
    }

    /// The messages spell out the rulebook's id alphabet as it is.
    #[test]
    fn id_messages_name_the_rulebooks_alphabet() {
        let file = with_activity("id", Some(json!("has space")));
        let problems = decode_dataset(&file).unwrap_err();
        assert!(problems[0].message.contains(rules::ID_ALPHABET));
        let problem = part_of_problem("VV 059", None)
            .expect("not an id")
            .text(Locale::En);
        assert!(problem.contains(rules::ID_ALPHABET), "{problem}");
    }

    #[test]
    fn timestamps_and_dates() {
        for good in [
            "2026-11-27T10:00:00Z",
            "2026-11-27T10:00:00.123+09:00",
            "2026-01-01t00:00:00z",
        ] {
            assert!(is_rfc3339(good), "{good}");
        }
        for bad in [
            "2026-11-27",
            "2026-13-27T10:00:00Z",
            "2026-11-27T25:00:00Z",
            "2026-11-27T10:00:00",
            "2026-11-27T10:00:00.Z",
            "２０２６-11-27T10:00:00Z",
        ] {
            assert!(!is_rfc3339(bad), "{bad}");
        }
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2024-2-29"));
    }
}
