//! The only code that touches `localStorage` (gloo-storage for the small meta value; the dataset through
//! bindings that keep megabyte values as JavaScript strings).
//!
//! Keys are namespaced and versioned, because several apps may share an origin on a static host:
//! `vientiane-vision-atlas:v1:dataset` holds the dataset as compact format-v1 JSON, packed when it is
//! large (see [`crate::model::stored`]: LZ4 spread 15 bits to a character, so about 60,000 generated
//! activities fit where 6,000 did as plain JSON), `…:meta` the times of the last save and export, and
//! `…:backup:<time>` copies of stored values this build could not read. Invariant: a stored value this
//! build cannot read (corrupted, or from a newer version) is never overwritten: it is copied to a
//! backup key and the main key is left alone until the user decides.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::format::read_dataset_text;
use crate::model::i18n::common::{save_failed, SaveFailure};
use crate::model::i18n::messages::{stored_problems, Bilingual};
use crate::model::i18n::Locale;
use crate::model::quota::{Engine, Room};
use crate::model::stored::{self, StoredForm};
use crate::model::Dataset;

/// Prefix of every key this app writes.
pub const NAMESPACE: &str = "vientiane-vision-atlas:v1";
/// Where the dataset lives.
pub const DATASET_KEY: &str = "vientiane-vision-atlas:v1:dataset";
/// Where the save and export times live.
pub const META_KEY: &str = "vientiane-vision-atlas:v1:meta";
/// The language chosen in the header's menu (`en` or `ja`), as plain text.
pub const LANGUAGE_KEY: &str = "vientiane-vision-atlas:v1:language";
/// Prefix of backups of unreadable stored values.
pub const BACKUP_PREFIX: &str = "vientiane-vision-atlas:v1:backup:";

/// What was found in storage at start-up.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// Nothing stored yet: a first visit.
    Nothing,
    /// A readable dataset.
    Dataset(Dataset),
    /// A value this build cannot read. It is still under the main key, and copied to `backup_key`.
    Unreadable {
        raw: String,
        /// Why, in both languages (the banner shows it in the current one).
        reason: Bilingual,
        backup_key: Option<String>,
    },
    /// Storage cannot be used at all (private mode, blocked by settings).
    Unavailable(String),
}

/// Why a save failed, in words a user can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The browser's storage quota is full.
    QuotaExceeded(String),
    /// Storage is switched off or blocked.
    Unavailable(String),
    /// The value read back differs from the one written.
    Mismatch,
    /// The dataset's JSON is larger than anything the app reads back (bytes).
    TooLarge(usize),
}

impl SaveError {
    /// The banner's sentence for this failure, in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        let failure = match self {
            SaveError::QuotaExceeded(detail) => SaveFailure::Full(detail),
            SaveError::Unavailable(detail) => SaveFailure::Unavailable(detail),
            SaveError::Mismatch => SaveFailure::Mismatch,
            SaveError::TooLarge(bytes) => SaveFailure::TooLarge {
                megabytes: bytes / 1_048_576,
                limit: stored::MAX_STORED_JSON_BYTES / 1_048_576,
            },
        };
        save_failed(locale, failure)
    }
}

/// Times kept beside the dataset.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Meta {
    /// Milliseconds since the epoch of the last successful save.
    #[serde(default)]
    pub last_saved: Option<f64>,
    /// Milliseconds since the epoch of the last export of the whole dataset as JSON: the only
    /// export that can be imported back whole, so a CSV or a filtered export does not reset it.
    #[serde(default)]
    pub last_exported: Option<f64>,
}

fn describe(error: &StorageError) -> String {
    match error {
        StorageError::JsError(js) => format!("{}: {}", js.name, js.message),
        other => other.to_string(),
    }
}

fn is_quota(error: &StorageError) -> bool {
    matches!(error, StorageError::JsError(js) if js.name == "QuotaExceededError" || js.name == "NS_ERROR_DOM_QUOTA_REACHED" || js.message.to_lowercase().contains("quota"))
}

/// Reads the raw stored text under `key`, distinguishing "absent" from "storage unusable".
fn read_raw(key: &str) -> Result<Option<String>, String> {
    let storage = raw_storage()?;
    storage
        .get_item(key)
        .map_err(|e| format!("reading failed: {}", js_error_text(&e)))
}

fn raw_storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("no window")?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err("local storage is not available".to_string()),
        Err(error) => Err(js_error_text(&error)),
    }
}

fn js_error_text(error: &JsValue) -> String {
    if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
        format!("{}: {}", exception.name(), exception.message())
    } else if let Some(text) = error.as_string() {
        text
    } else {
        "unknown error".to_string()
    }
}

/// Loads the dataset at start-up. An unreadable value is backed up (once) and reported, never replaced.
pub fn load() -> Loaded {
    let raw = match read_raw(DATASET_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Loaded::Nothing,
        Err(reason) => return Loaded::Unavailable(reason),
    };
    match decode_stored(&raw) {
        Ok(dataset) => Loaded::Dataset(dataset),
        Err(reason) => {
            let backup_key = back_up(&raw);
            Loaded::Unreadable {
                raw,
                reason,
                backup_key,
            }
        }
    }
}

/// Reads a stored value, plain or packed: at start-up, and for the `storage` event when another tab
/// saved.
pub fn decode_stored(raw: &str) -> Result<Dataset, Bilingual> {
    let json = stored::from_stored(raw)?;
    read_dataset_text(&json)
        .map(|decoded| decoded.dataset)
        .map_err(|problems| stored_problems(&problems))
}

/// Copies an unreadable value to a backup key, unless an identical backup already exists.
fn back_up(raw: &str) -> Option<String> {
    let storage = raw_storage().ok()?;
    let length = storage.length().ok()?;
    for index in 0..length {
        if let Ok(Some(key)) = storage.key(index) {
            if key.starts_with(BACKUP_PREFIX)
                && storage.get_item(&key).ok().flatten().as_deref() == Some(raw)
            {
                return Some(key);
            }
        }
    }
    let key = format!("{BACKUP_PREFIX}{}", js_sys::Date::new_0().to_iso_string());
    storage.set_item(&key, raw).ok().map(|()| key)
}

/// Writes the dataset and reads it back. Returns the number of UTF-16 units stored. The JSON is packed
/// as it is serialised, so a large dataset's whole JSON is never held at once.
pub fn save(dataset: &Dataset) -> Result<usize, SaveError> {
    // What is stored must read back: a value over the reading limit would be refused at the next start.
    let form = stored::dataset_form(dataset).map_err(SaveError::TooLarge)?;
    write_form(form)
}

/// Writes a dataset's compact JSON, packed when it is large, and reads it back (the benchmark's
/// capacity probe stores text it was given).
pub fn save_json(json: &str) -> Result<usize, SaveError> {
    if json.len() > stored::MAX_STORED_JSON_BYTES {
        return Err(SaveError::TooLarge(json.len()));
    }
    write_form(stored::stored_form(json))
}

/// Writes a dataset in its stored form and reads it back. Returns the number of UTF-16 units stored.
pub fn write_form(form: StoredForm<'_>) -> Result<usize, SaveError> {
    match form {
        StoredForm::Plain(text) => write_value(&JsValue::from_str(&text)),
        StoredForm::Packed(utf16le) => {
            // The packed units go to JavaScript as they are (UTF-16LE), not re-encoded as UTF-8.
            let value = Utf16Decoder::new("utf-16le")
                .and_then(|decoder| decoder.decode(&utf16le))
                .map_err(|error| SaveError::Unavailable(js_error_text(&error)))?;
            write_value(&value)
        }
    }
}

/// Writes a value in its stored form (plain or packed) exactly as it is, reads it back, and records
/// the save time. Returns the number of UTF-16 units stored.
pub fn write_stored(text: &str) -> Result<usize, SaveError> {
    write_value(&JsValue::from_str(text))
}

fn write_value(value: &JsValue) -> Result<usize, SaveError> {
    let storage = raw_storage().map_err(SaveError::Unavailable)?;
    // The value is compared in JavaScript: a read-back through Rust strings would copy megabytes
    // twice more on every save of a large dataset.
    let values = storage.unchecked_ref::<ValueStorage>();
    if let Err(error) = values.set_item(DATASET_KEY, value) {
        let detail = js_error_text(&error);
        return Err(if detail.to_lowercase().contains("quota") {
            SaveError::QuotaExceeded(detail)
        } else {
            SaveError::Unavailable(detail)
        });
    }
    match values.get_item(DATASET_KEY) {
        Ok(back) if back == *value => {
            let mut meta = load_meta();
            meta.last_saved = Some(js_sys::Date::now());
            let _ = store_meta(&meta);
            Ok(value.unchecked_ref::<js_sys::JsString>().length() as usize)
        }
        Ok(_) => Err(SaveError::Mismatch),
        Err(error) => Err(SaveError::Unavailable(js_error_text(&error))),
    }
}

#[wasm_bindgen]
extern "C" {
    /// The browser's `Storage`, with values kept as JavaScript strings rather than Rust ones.
    #[wasm_bindgen(js_name = Storage)]
    type ValueStorage;
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item(this: &ValueStorage, key: &str, value: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item(this: &ValueStorage, key: &str) -> Result<JsValue, JsValue>;

    /// The browser's `TextDecoder`, returning a JavaScript string rather than a Rust one.
    #[wasm_bindgen(js_name = TextDecoder)]
    type Utf16Decoder;
    #[wasm_bindgen(constructor, catch, js_class = "TextDecoder")]
    fn new(label: &str) -> Result<Utf16Decoder, JsValue>;
    #[wasm_bindgen(method, catch, js_class = "TextDecoder")]
    fn decode(this: &Utf16Decoder, input: &[u8]) -> Result<JsValue, JsValue>;
}

/// The stored dataset value exactly as it is: plain JSON or packed.
pub fn raw_dataset() -> Option<String> {
    read_raw(DATASET_KEY).ok().flatten()
}

/// The stored dataset as text a person can open (for "Download the saved data as it is"): a packed
/// value is unpacked when it can be, otherwise it is given exactly as stored, so nothing is withheld.
pub fn saved_dataset_text() -> Option<String> {
    let raw = raw_dataset()?;
    match stored::from_stored(&raw) {
        Ok(json) => Some(json.into_owned()),
        Err(_) => Some(raw),
    }
}

pub fn load_meta() -> Meta {
    LocalStorage::get(META_KEY).unwrap_or_default()
}

pub fn store_meta(meta: &Meta) -> Result<(), String> {
    LocalStorage::set(META_KEY, meta).map_err(|error| {
        if is_quota(&error) {
            "storage is full".to_string()
        } else {
            describe(&error)
        }
    })
}

/// The stored language choice, exactly as stored (the caller reads it with `Locale::from_code`, which
/// ignores anything else).
pub fn load_language() -> Option<String> {
    read_raw(LANGUAGE_KEY).ok().flatten()
}

/// Keeps the language choice, read back like every write.
pub fn store_language(code: &str) -> Result<(), String> {
    let storage = raw_storage()?;
    storage
        .set_item(LANGUAGE_KEY, code)
        .map_err(|error| js_error_text(&error))?;
    match read_raw(LANGUAGE_KEY)? {
        Some(stored) if stored == code => Ok(()),
        _ => Err("the browser stored something else".to_string()),
    }
}

/// Records that the data was exported now.
pub fn mark_exported() -> Meta {
    let mut meta = load_meta();
    meta.last_exported = Some(js_sys::Date::now());
    let _ = store_meta(&meta);
    meta
}

/// Every backup key, newest first.
pub fn backup_keys() -> Vec<String> {
    let Ok(storage) = raw_storage() else {
        return Vec::new();
    };
    let length = storage.length().unwrap_or(0);
    let mut keys: Vec<String> = (0..length)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(BACKUP_PREFIX))
        .collect();
    keys.sort_unstable_by(|a, b| b.cmp(a));
    keys
}

/// UTF-16 code units this app's keys and values take in local storage: the unit browsers count their
/// quota in (see [`stored::LOCAL_STORAGE_QUOTA_UNITS`]).
pub fn units_used() -> usize {
    units_of_keys(|key| key.starts_with(NAMESPACE))
}

/// The UTF-16 code units (key and value) of every key of this origin's local storage that `counts`.
fn units_of_keys(counts: impl Fn(&str) -> bool) -> usize {
    let Ok(storage) = raw_storage() else {
        return 0;
    };
    let length = storage.length().unwrap_or(0);
    (0..length)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| counts(key))
        .map(|key| {
            // The value's length is read in JavaScript: a packed dataset is megabytes, and copying it
            // into Rust only to count it would happen after every save while the panel is open.
            let value_units = storage
                .unchecked_ref::<ValueStorage>()
                .get_item(&key)
                .ok()
                .and_then(|value| value.dyn_into::<js_sys::JsString>().ok())
                .map_or(0, |value| value.length() as usize);
            key.encode_utf16().count() + value_units
        })
        .sum()
}

/// The browser engine this page runs in, for its local storage quota ([`crate::model::quota`]).
pub fn engine() -> Engine {
    web_sys::window()
        .and_then(|window| window.navigator().user_agent().ok())
        .map_or(Engine::Other, |user_agent| {
            Engine::from_user_agent(&user_agent)
        })
}

/// Whether a dataset with the compact JSON `json` would fit in this browser's local storage in place
/// of the stored dataset, beside the origin's other keys (the benchmark's capacity probe asks this of
/// text it was given).
pub fn room_for(json: &str) -> Room {
    room_for_size(stored::stored_size(json))
}

/// Whether `dataset` would fit, sized as a save would store it (serialised and compressed chunk by
/// chunk, so the whole JSON is never held). The import preview asks this before anything is applied.
pub fn room_for_dataset(dataset: &Dataset) -> Room {
    room_for_size(stored::dataset_stored_size(dataset))
}

/// Whether a stored value of `size` fits beside the origin's other keys, which are counted at two
/// bytes a unit, the most any engine charges.
fn room_for_size(size: stored::StoredSize) -> Room {
    let engine = engine();
    let others = units_of_keys(|key| key != DATASET_KEY) * 2;
    Room::for_value(engine, DATASET_KEY, size, others)
}
