//! The JSON Schema of format v1, `public/schema/vientiane-vision-v1.schema.json`, is generated here from
//! Rust mirror types with `schemars`, and this test fails when the committed file differs from what the
//! types generate. After changing the format, regenerate it with
//!
//! ```text
//! UPDATE_SCHEMA=1 cargo test --test schema
//! ```
//!
//! The mirror types cannot drift from the model either: every limit and pattern is written with the
//! rulebook's constant (`model::rules`) and checked against it by one table (`LIMITS`), which must cover
//! every limit the schema states; the enum values are checked against the model's own code lists
//! (`Measure::ALL`, …), the property names against the rulebook's key lists, and the default dataset
//! is checked against the generated schema by a small validator below.

// Native only: it reads files and uses native-only dev-dependencies (see Cargo.toml).
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use schemars::generate::SchemaSettings;
use schemars::transform::{transform_subschemas, Transform};
use schemars::{JsonSchema, Schema};
use serde_json::{Map, Value};
use vientiane_vision_atlas::model::csv::CSV_HEADER;
use vientiane_vision_atlas::model::dataset::{FORMAT_NAME, FORMAT_VERSION};
use vientiane_vision_atlas::model::merge::ACTIVITY_FIELDS;
use vientiane_vision_atlas::model::rules::{
    self, TextRule, ACTIVITY_ID, ACTIVITY_SUMMARY, ACTIVITY_TITLE, DATASET_DESCRIPTION,
    DATASET_TITLE, FIELD_LABEL, FOLLOW_UP_NOTE, ID_PATTERN, MAX_ACTIVITIES, NOT_BLANK_PATTERN,
    SOURCE_TITLE, URL_PATTERN, YEAR_RANGE,
};
use vientiane_vision_atlas::model::{
    default_dataset, Confidence, Direction, Measure, MemberState, Scope, Status,
};

/// The fewest characters a text of `rule` has: one when it may not be empty.
const fn min_chars(rule: TextRule) -> usize {
    if rule.may_be_empty {
        0
    } else {
        1
    }
}

/// A Vientiane Vision Atlas dataset: Japan–ASEAN defense cooperation activities under the Vientiane
/// Vision (format version 1). Keys not described here are allowed and kept by the app. The app's own
/// validator is the reference: it also checks rules JSON Schema does not express (ids unique across
/// activities, field labels unique regardless of case, text lengths counted after trimming, member
/// states listed only when the scope is "member-states", end not before start).
#[derive(JsonSchema)]
#[schemars(
    title = "Vientiane Vision Atlas dataset, format version 1",
    extend("$id" = "vientiane-vision-v1.schema.json"),
    extend("additionalProperties" = true)
)]
#[allow(dead_code)]
struct Dataset {
    /// Always "vientiane-vision": tells this file from other JSON files.
    #[schemars(extend("const" = FORMAT_NAME))]
    format: String,
    /// The format version, 1. A newer app writes a higher number; this format is version 1.
    #[schemars(extend("const" = FORMAT_VERSION))]
    version: u64,
    /// The dataset's name.
    #[schemars(
        length(min = min_chars(DATASET_TITLE), max = DATASET_TITLE.max_chars),
        regex(pattern = NOT_BLANK_PATTERN)
    )]
    title: String,
    /// What the dataset covers, where it comes from.
    #[schemars(length(max = DATASET_DESCRIPTION.max_chars))]
    description: Option<String>,
    /// When the dataset was last changed (RFC 3339 date-time).
    #[schemars(extend("format" = "date-time"))]
    updated: Option<String>,
    /// The cooperation activities, at most 50,000, each with a unique id.
    #[schemars(length(max = MAX_ACTIVITIES))]
    activities: Vec<Activity>,
}

/// One cooperation activity between Japan and ASEAN or its member states.
#[derive(JsonSchema)]
#[schemars(
    extend("additionalProperties" = true),
    extend("allOf" = [
        {
            "if": {"properties": {"scope": {"const": Scope::MemberStates.code()}}, "required": ["scope"]},
            "then": {
                "properties": {"countries": {"type": "array", "minItems": rules::MEMBER_STATES_MIN_COUNTRIES}},
                "required": ["countries"]
            }
        },
        {
            "if": {"properties": {"scope": {"const": Scope::AseanWide.code()}}, "required": ["scope"]},
            "then": {"properties": {"countries": {"maxItems": rules::ASEAN_WIDE_MAX_COUNTRIES}}}
        }
    ])
)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct Activity {
    /// A stable identifier, unique in the dataset: merges match activities by it.
    #[schemars(
        length(min = min_chars(ACTIVITY_ID), max = ACTIVITY_ID.max_chars),
        regex(pattern = ID_PATTERN)
    )]
    id: String,
    #[schemars(
        length(min = min_chars(ACTIVITY_TITLE), max = ACTIVITY_TITLE.max_chars),
        regex(pattern = NOT_BLANK_PATTERN)
    )]
    title: String,
    #[schemars(length(max = ACTIVITY_SUMMARY.max_chars))]
    summary: Option<String>,
    /// The Vision's measures of cooperation; empty for a dialogue or exchange only.
    #[schemars(extend("uniqueItems" = true))]
    measures: Vec<Measure_>,
    /// The Vision's directions of cooperation.
    #[schemars(extend("uniqueItems" = true))]
    directions: Option<Vec<Direction_>>,
    /// Free field labels such as "HA/DR" (1–80 characters each, unique regardless of case).
    #[schemars(inner(length(min = min_chars(FIELD_LABEL), max = FIELD_LABEL.max_chars)))]
    fields: Option<Vec<String>>,
    scope: Scope_,
    /// The member states involved: at least one when the scope is "member-states", none when it is
    /// "asean-wide".
    #[schemars(extend("uniqueItems" = true))]
    countries: Option<Vec<MemberState_>>,
    /// The first year.
    #[schemars(range(min = YEAR_RANGE.0, max = YEAR_RANGE.1))]
    start: i32,
    /// The last year, not before the start; absent or null while ongoing.
    #[schemars(range(min = YEAR_RANGE.0, max = YEAR_RANGE.1))]
    end: Option<i32>,
    status: Option<Status_>,
    /// How sure the sources make the record; absent means verified.
    confidence: Option<Confidence_>,
    /// The id of the programme activity this activity is a dated event of (not its own id). Counts
    /// take a programme and its events as one activity; an event whose programme is missing from the
    /// dataset, or is itself an event, counts as its own activity.
    #[schemars(
        length(min = min_chars(ACTIVITY_ID), max = ACTIVITY_ID.max_chars),
        regex(pattern = ID_PATTERN)
    )]
    part_of: Option<String>,
    /// Dated steps: notes from the annual follow-up of the Vision, or a programme's dated events.
    follow_ups: Option<Vec<FollowUp>>,
    /// Where the record comes from.
    sources: Option<Vec<Source>>,
    /// When the activity was last changed (RFC 3339 date-time); "newer wins" merges compare it.
    #[schemars(extend("format" = "date-time"))]
    updated: Option<String>,
}

/// A dated step of an activity: a note from the annual follow-up at the Japan–ASEAN Defense
/// Vice-Ministerial Forum, or a dated event of a multi-year programme.
#[derive(JsonSchema)]
#[schemars(extend("additionalProperties" = true))]
#[allow(dead_code)]
struct FollowUp {
    #[schemars(range(min = YEAR_RANGE.0, max = YEAR_RANGE.1))]
    year: i32,
    #[schemars(
        length(min = min_chars(FOLLOW_UP_NOTE), max = FOLLOW_UP_NOTE.max_chars),
        regex(pattern = NOT_BLANK_PATTERN)
    )]
    note: String,
    /// Where this step is documented, with the same rules as the activity's sources (added in format
    /// version 1; a build that does not know it keeps it as an unknown key).
    sources: Option<Vec<Source>>,
}

/// A source: an absolute http or https address, with an optional title and access date.
#[derive(JsonSchema)]
#[schemars(extend("additionalProperties" = true))]
#[allow(dead_code)]
struct Source {
    #[schemars(length(max = rules::URL_MAX_BYTES), regex(pattern = URL_PATTERN))]
    url: String,
    #[schemars(length(max = SOURCE_TITLE.max_chars))]
    title: Option<String>,
    /// The day the source was read (YYYY-MM-DD).
    #[schemars(extend("format" = "date"))]
    accessed: Option<String>,
}

/// A measure of the Vientiane Vision: PIL (promotion of international law), CBC (capacity building),
/// DETC (defense equipment and technology), JTE (joint training and exercises), HRDAE (human resource
/// development and academic exchange).
#[derive(JsonSchema)]
#[schemars(rename = "Measure")]
#[allow(dead_code)]
enum Measure_ {
    #[serde(rename = "PIL")]
    Pil,
    #[serde(rename = "CBC")]
    Cbc,
    #[serde(rename = "DETC")]
    Detc,
    #[serde(rename = "JTE")]
    Jte,
    #[serde(rename = "HRDAE")]
    Hrdae,
}

/// A direction of the Vientiane Vision (2016).
#[derive(JsonSchema)]
#[schemars(rename = "Direction")]
#[serde(rename_all = "kebab-case")]
#[allow(dead_code)]
enum Direction_ {
    RuleOfLaw,
    MaritimeSecurity,
    DiverseCapabilities,
}

/// An ASEAN member state by its ISO 3166-1 alpha-3 code.
#[derive(JsonSchema)]
#[schemars(rename = "MemberState")]
#[serde(rename_all = "UPPERCASE")]
#[allow(dead_code)]
enum MemberState_ {
    Brn,
    Khm,
    Idn,
    Lao,
    Mys,
    Mmr,
    Phl,
    Sgp,
    Tha,
    Tls,
    Vnm,
}

/// Whom the activity is with: individual member states, or ASEAN as a whole.
#[derive(JsonSchema)]
#[schemars(rename = "Scope")]
#[serde(rename_all = "kebab-case")]
#[allow(dead_code)]
enum Scope_ {
    MemberStates,
    AseanWide,
}

#[derive(JsonSchema)]
#[schemars(rename = "Status")]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum Status_ {
    Planned,
    Ongoing,
    Completed,
}

#[derive(JsonSchema)]
#[schemars(rename = "Confidence")]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum Confidence_ {
    Verified,
    Uncertain,
}

/// Drops the `format` schemars adds to integers (`int32`, `uint64`): the ranges say more. Also
/// unwraps descriptions.
#[derive(Clone)]
struct NoIntegerFormats;

impl Transform for NoIntegerFormats {
    fn transform(&mut self, schema: &mut Schema) {
        // Doc comments wrap lines; a description reads better as one paragraph.
        if let Some(Value::String(text)) = schema.get_mut("description") {
            *text = text.replace('\n', " ");
        }
        if schema.get("type").and_then(Value::as_str) == Some("integer")
            || schema.get("type") == Some(&serde_json::json!(["integer", "null"]))
        {
            schema.remove("format");
        }
        transform_subschemas(self, schema);
    }
}

fn generate() -> Value {
    let generator = SchemaSettings::draft2020_12()
        .with_transform(NoIntegerFormats)
        .into_generator();
    generator.into_root_schema_for::<Dataset>().to_value()
}

fn schema_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/schema/vientiane-vision-v1.schema.json")
}

fn pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).expect("a schema serializes");
    text.push('\n');
    text
}

#[test]
fn the_committed_schema_is_up_to_date() {
    let generated = pretty(&generate());
    let path = schema_path();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::create_dir_all(path.parent().expect("a parent folder")).expect("mkdir");
        std::fs::write(&path, &generated).expect("write the schema");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is out of date (or missing).\nRegenerate it with:\n\n    UPDATE_SCHEMA=1 cargo test --test schema\n\nand commit the result.",
        path.display()
    );
}

fn definition<'a>(schema: &'a Value, name: &str) -> &'a Value {
    schema
        .pointer(&format!("/$defs/{name}"))
        .unwrap_or_else(|| panic!("$defs/{name} in the schema"))
}

fn enum_values(schema: &Value, name: &str) -> Vec<String> {
    definition(schema, name)["enum"]
        .as_array()
        .unwrap_or_else(|| panic!("{name} is a plain enum"))
        .iter()
        .map(|v| v.as_str().expect("string codes").to_string())
        .collect()
}

fn property_names(object_schema: &Value) -> Vec<String> {
    object_schema["properties"]
        .as_object()
        .expect("properties")
        .keys()
        .cloned()
        .collect()
}

#[test]
fn the_schemas_codes_are_the_models_codes() {
    let schema = generate();
    let codes = |list: Vec<&str>| list.into_iter().map(str::to_string).collect::<Vec<_>>();
    assert_eq!(
        enum_values(&schema, "Measure"),
        codes(Measure::ALL.map(Measure::code).to_vec())
    );
    assert_eq!(
        enum_values(&schema, "Direction"),
        codes(Direction::ALL.map(Direction::code).to_vec())
    );
    assert_eq!(
        enum_values(&schema, "MemberState"),
        codes(MemberState::ALL.map(MemberState::iso3).to_vec())
    );
    assert_eq!(
        enum_values(&schema, "Scope"),
        codes(Scope::ALL.map(Scope::code).to_vec())
    );
    assert_eq!(
        enum_values(&schema, "Status"),
        codes(Status::ALL.map(Status::code).to_vec())
    );
    assert_eq!(
        enum_values(&schema, "Confidence"),
        codes(Confidence::ALL.map(Confidence::code).to_vec())
    );
}

/// The keywords of JSON Schema that state a limit or a rule of a value.
const LIMIT_KEYWORDS: [&str; 9] = [
    "const",
    "minLength",
    "maxLength",
    "pattern",
    "minimum",
    "maximum",
    "minItems",
    "maxItems",
    "uniqueItems",
];

/// Every limit the published schema states, by JSON pointer, with the rulebook's value for it. A limit
/// in the schema that is not in this table fails `every_limit_of_the_schema_is_the_rulebooks`, so a new
/// limit cannot be added to the schema without a rule behind it.
fn limits() -> Vec<(String, Value)> {
    let text = |rule: TextRule, at: &str, blank_refused: bool| {
        let mut rows = vec![(format!("{at}/maxLength"), Value::from(rule.max_chars))];
        if !rule.may_be_empty {
            rows.push((format!("{at}/minLength"), Value::from(1)));
        }
        if blank_refused {
            rows.push((format!("{at}/pattern"), Value::from(NOT_BLANK_PATTERN)));
        }
        rows
    };
    let year = |at: &str| {
        vec![
            (format!("{at}/minimum"), Value::from(YEAR_RANGE.0)),
            (format!("{at}/maximum"), Value::from(YEAR_RANGE.1)),
        ]
    };
    let id = |at: &str| {
        let mut rows = text(ACTIVITY_ID, at, false);
        rows.push((format!("{at}/pattern"), Value::from(ID_PATTERN)));
        rows
    };
    let unique = |at: &str| (format!("{at}/uniqueItems"), Value::Bool(true));
    let activity = "/$defs/Activity/properties";
    let mut rows = vec![
        (
            "/properties/format/const".to_string(),
            Value::from(FORMAT_NAME),
        ),
        (
            "/properties/version/const".to_string(),
            Value::from(FORMAT_VERSION),
        ),
        // The floor schemars gives every unsigned number; the `const` above is the rule.
        ("/properties/version/minimum".to_string(), Value::from(0)),
        (
            "/properties/activities/maxItems".to_string(),
            Value::from(MAX_ACTIVITIES),
        ),
        unique(&format!("{activity}/measures")),
        unique(&format!("{activity}/directions")),
        unique(&format!("{activity}/countries")),
        (
            "/$defs/Activity/allOf/0/if/properties/scope/const".to_string(),
            Value::from(Scope::MemberStates.code()),
        ),
        (
            "/$defs/Activity/allOf/0/then/properties/countries/minItems".to_string(),
            Value::from(rules::MEMBER_STATES_MIN_COUNTRIES),
        ),
        (
            "/$defs/Activity/allOf/1/if/properties/scope/const".to_string(),
            Value::from(Scope::AseanWide.code()),
        ),
        (
            "/$defs/Activity/allOf/1/then/properties/countries/maxItems".to_string(),
            Value::from(rules::ASEAN_WIDE_MAX_COUNTRIES),
        ),
        (
            "/$defs/Source/properties/url/maxLength".to_string(),
            Value::from(rules::URL_MAX_BYTES),
        ),
        (
            "/$defs/Source/properties/url/pattern".to_string(),
            Value::from(URL_PATTERN),
        ),
    ];
    rows.extend(text(DATASET_TITLE, "/properties/title", true));
    rows.extend(text(DATASET_DESCRIPTION, "/properties/description", false));
    rows.extend(id(&format!("{activity}/id")));
    rows.extend(text(ACTIVITY_TITLE, &format!("{activity}/title"), true));
    rows.extend(text(
        ACTIVITY_SUMMARY,
        &format!("{activity}/summary"),
        false,
    ));
    rows.extend(text(
        FIELD_LABEL,
        &format!("{activity}/fields/items"),
        false,
    ));
    rows.extend(year(&format!("{activity}/start")));
    rows.extend(year(&format!("{activity}/end")));
    rows.extend(id(&format!("{activity}/partOf")));
    rows.extend(year("/$defs/FollowUp/properties/year"));
    rows.extend(text(
        FOLLOW_UP_NOTE,
        "/$defs/FollowUp/properties/note",
        true,
    ));
    rows.extend(text(SOURCE_TITLE, "/$defs/Source/properties/title", false));
    rows
}

/// The pointers of every limit keyword in `schema`, found by walking it.
fn stated_limits(schema: &Value, at: &str, found: &mut Vec<String>) {
    let escape = |key: &str| key.replace('~', "~0").replace('/', "~1");
    match schema {
        Value::Object(object) => {
            for (key, value) in object {
                let pointer = format!("{at}/{}", escape(key));
                // `const` and `pattern` are also names of properties; only a keyword's value is a limit.
                let under_properties = at.ends_with("/properties");
                if LIMIT_KEYWORDS.contains(&key.as_str()) && !under_properties {
                    found.push(pointer.clone());
                }
                stated_limits(value, &pointer, found);
            }
        }
        Value::Array(list) => {
            for (index, value) in list.iter().enumerate() {
                stated_limits(value, &format!("{at}/{index}"), found);
            }
        }
        _ => {}
    }
}

#[test]
fn every_limit_of_the_schema_is_the_rulebooks() {
    let schema = generate();
    let table = limits();
    for (pointer, expected) in &table {
        assert_eq!(
            schema.pointer(pointer),
            Some(expected),
            "{pointer}: the schema should state the rulebook's {expected}"
        );
    }
    let mut stated = Vec::new();
    stated_limits(&schema, "", &mut stated);
    let covered: Vec<&str> = table.iter().map(|(pointer, _)| pointer.as_str()).collect();
    let uncovered: Vec<&String> = stated
        .iter()
        .filter(|pointer| !covered.contains(&pointer.as_str()))
        .collect();
    assert!(
        uncovered.is_empty(),
        "limits of the schema with no rulebook entry in `limits()`: {uncovered:?}"
    );
    assert_eq!(
        stated.len(),
        table.len(),
        "a row of `limits()` is listed twice"
    );
}

/// The table above can fail: a schema with one limit changed, or one limit added, is caught.
#[test]
fn the_limits_table_catches_a_changed_or_an_added_limit() {
    let mut changed = generate();
    changed["$defs"]["Activity"]["properties"]["id"]["maxLength"] = Value::from(65);
    let table = limits();
    assert!(table
        .iter()
        .any(|(pointer, expected)| changed.pointer(pointer) != Some(expected)));
    let mut added = generate();
    added["$defs"]["Source"]["properties"]["title"]["minLength"] = Value::from(1);
    let mut stated = Vec::new();
    stated_limits(&added, "", &mut stated);
    assert!(stated.contains(&"/$defs/Source/properties/title/minLength".to_string()));
    assert!(!table
        .iter()
        .any(|(pointer, _)| pointer == "/$defs/Source/properties/title/minLength"));
}

#[test]
fn the_schemas_keys_are_the_rulebooks() {
    let schema = generate();
    assert_eq!(
        property_names(&schema),
        rules::DATASET_KEYS.map(str::to_string)
    );
    let activity = definition(&schema, "Activity");
    assert_eq!(
        property_names(activity),
        ACTIVITY_FIELDS.map(str::to_string)
    );
    assert_eq!(
        CSV_HEADER, ACTIVITY_FIELDS,
        "the CSV columns follow the format"
    );
    assert_eq!(
        property_names(definition(&schema, "FollowUp")),
        rules::FOLLOW_UP_KEYS.map(str::to_string)
    );
    assert_eq!(
        property_names(definition(&schema, "Source")),
        rules::SOURCE_KEYS.map(str::to_string)
    );
    let required = |s: &Value| -> Vec<String> {
        s["required"]
            .as_array()
            .expect("required")
            .iter()
            .map(|v| v.as_str().expect("key").to_string())
            .collect()
    };
    assert_eq!(
        required(&schema),
        ["format", "version", "title", "activities"]
    );
    assert_eq!(
        required(activity),
        ["id", "title", "measures", "scope", "start"]
    );
}

#[test]
fn the_default_dataset_and_its_export_satisfy_the_schema() {
    let schema = generate();
    let exported: Value =
        serde_json::from_str(&default_dataset().to_export_json()).expect("the export is JSON");
    let mut errors = Vec::new();
    check(&schema, &schema, &exported, "", &mut errors);
    assert!(errors.is_empty(), "{errors:#?}");
}

/// A change that makes a valid file invalid.
type Mistake = fn(&mut Value);

/// The schema must also refuse what the app refuses, for the rules it can express.
#[test]
fn the_schema_refuses_typical_mistakes() {
    let schema = generate();
    let base: Value =
        serde_json::from_str(&default_dataset().to_export_json()).expect("the export is JSON");
    let mistakes: Vec<(&str, Mistake)> = vec![
        ("format", |d| d["format"] = "geojson".into()),
        ("version", |d| d["version"] = 2.into()),
        ("activities[0].measures[0]", |d| {
            d["activities"][0]["measures"] = serde_json::json!(["XYZ"])
        }),
        ("activities[0].countries[0]", |d| {
            d["activities"][0]["countries"] = serde_json::json!(["FRA"])
        }),
        ("activities[0].start", |d| {
            d["activities"][0]["start"] = 1900.into()
        }),
        ("activities[0].id", |d| {
            d["activities"][0]["id"] = "has space".into()
        }),
        ("activities[0].scope", |d| {
            d["activities"][0]["scope"] = "bilateral".into()
        }),
        ("activities[0].sources[0].url", |d| {
            d["activities"][0]["sources"] = serde_json::json!([{"url": "javascript:alert(1)"}])
        }),
        ("activities[0].countries", |d| {
            d["activities"][0]["scope"] = "asean-wide".into();
            d["activities"][0]["countries"] = serde_json::json!(["VNM"]);
        }),
        ("activities[0].countries", |d| {
            d["activities"][0]["scope"] = "member-states".into();
            d["activities"][0]["countries"] = serde_json::json!([]);
        }),
        ("activities[0].title", |d| {
            d["activities"][0]
                .as_object_mut()
                .expect("object")
                .remove("title");
        }),
    ];
    for (path, mistake) in mistakes {
        let mut file = base.clone();
        mistake(&mut file);
        let mut errors = Vec::new();
        check(&schema, &schema, &file, "", &mut errors);
        assert!(
            errors.iter().any(|e| e.starts_with(path)),
            "{path}: expected a schema error there, got {errors:?}"
        );
    }
}

/// A small validator for the part of JSON Schema this schema uses (`$ref`, `type`, `enum`, `const`,
/// `properties`, `required`, `items`, `anyOf`, `allOf`, `if`/`then`, ranges, lengths and `uniqueItems`; `pattern` only in the
/// simple forms used above). It exists so the test needs no extra dependency.
fn check(root: &Value, schema: &Value, value: &Value, path: &str, errors: &mut Vec<String>) {
    let Some(schema) = schema.as_object() else {
        return;
    };
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let pointer = reference.trim_start_matches('#');
        let target = root.pointer(pointer).expect("$ref resolves");
        check(root, target, value, path, errors);
    }
    for part in schema
        .get("allOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        check(root, part, value, path, errors);
    }
    if let (Some(condition), Some(then)) = (schema.get("if"), schema.get("then")) {
        let mut unmet = Vec::new();
        check(root, condition, value, path, &mut unmet);
        if unmet.is_empty() {
            check(root, then, value, path, errors);
        }
    }
    if let Some(options) = schema.get("anyOf").and_then(Value::as_array) {
        let fits = options.iter().any(|option| {
            let mut inner = Vec::new();
            check(root, option, value, path, &mut inner);
            inner.is_empty()
        });
        if !fits {
            errors.push(format!("{path}: matches no option"));
        }
    }
    if let Some(expected) = schema.get("type") {
        let kinds: Vec<&str> = match expected {
            Value::String(kind) => vec![kind.as_str()],
            Value::Array(kinds) => kinds.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        if !kinds.iter().any(|kind| has_type(value, kind)) {
            errors.push(format!("{path}: is not {kinds:?}"));
            return;
        }
    }
    if let Some(constant) = schema.get("const") {
        if value != constant {
            errors.push(format!("{path}: is not {constant}"));
        }
    }
    if let Some(options) = schema.get("enum").and_then(Value::as_array) {
        if !options.contains(value) {
            errors.push(format!("{path}: {value} is not one of the codes"));
        }
    }
    match value {
        Value::Object(object) => check_object(root, schema, object, path, errors),
        Value::Array(list) => {
            let count = list.len() as u64;
            if schema
                .get("minItems")
                .and_then(Value::as_u64)
                .is_some_and(|min| count < min)
            {
                errors.push(format!("{path}: too few items"));
            }
            if schema
                .get("maxItems")
                .and_then(Value::as_u64)
                .is_some_and(|max| count > max)
            {
                errors.push(format!("{path}: too many items"));
            }
            if schema.get("uniqueItems") == Some(&Value::Bool(true)) {
                for (index, item) in list.iter().enumerate() {
                    if list[..index].contains(item) {
                        errors.push(format!("{path}[{index}]: repeated"));
                    }
                }
            }
            if let Some(items) = schema.get("items") {
                for (index, item) in list.iter().enumerate() {
                    check(root, items, item, &format!("{path}[{index}]"), errors);
                }
            }
        }
        Value::Number(number) => {
            let n = number.as_f64().unwrap_or(f64::NAN);
            if schema
                .get("minimum")
                .and_then(Value::as_f64)
                .is_some_and(|min| n < min)
                || schema
                    .get("maximum")
                    .and_then(Value::as_f64)
                    .is_some_and(|max| n > max)
            {
                errors.push(format!("{path}: {n} is out of range"));
            }
        }
        Value::String(text) => {
            let length = text.chars().count() as u64;
            if schema
                .get("minLength")
                .and_then(Value::as_u64)
                .is_some_and(|min| length < min)
                || schema
                    .get("maxLength")
                    .and_then(Value::as_u64)
                    .is_some_and(|max| length > max)
            {
                errors.push(format!("{path}: length {length} is out of range"));
            }
            if let Some(pattern) = schema.get("pattern").and_then(Value::as_str) {
                if !simple_pattern_matches(pattern, text) {
                    errors.push(format!("{path}: does not match {pattern}"));
                }
            }
        }
        _ => {}
    }
}

fn check_object(
    root: &Value,
    schema: &Map<String, Value>,
    object: &Map<String, Value>,
    path: &str,
    errors: &mut Vec<String>,
) {
    let join = |key: &str| {
        if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        }
    };
    for key in schema
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let key = key.as_str().expect("required keys are text");
        if !object.contains_key(key) {
            errors.push(format!("{}: is missing", join(key)));
        }
    }
    if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
        for (key, value) in object {
            if let Some(property) = properties.get(key) {
                check(root, property, value, &join(key), errors);
            }
        }
    }
}

fn has_type(value: &Value, kind: &str) -> bool {
    match kind {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        _ => false,
    }
}

/// The patterns above, evaluated by hand (the test has no regex engine).
fn simple_pattern_matches(pattern: &str, text: &str) -> bool {
    match pattern {
        r"\S" => text.chars().any(|c| !c.is_whitespace()),
        r"^[A-Za-z0-9._-]+$" => {
            !text.is_empty()
                && text
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        }
        r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+\S*$" => {
            let lower = text.to_ascii_lowercase();
            let rest = lower
                .strip_prefix("https://")
                .or_else(|| lower.strip_prefix("http://"));
            rest.is_some_and(|rest| {
                let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
                !host.is_empty() && !text.chars().any(char::is_whitespace)
            })
        }
        other => panic!("the test validator does not know the pattern {other}"),
    }
}
