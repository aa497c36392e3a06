//! The benchmark hook: `window.atlasBench`, installed only when the page is opened with `?bench=1`.
//!
//! `bench/run.mjs` (see `docs/benchmark.md`) measures the release build in headless Chromium. Most of
//! its figures are taken through the UI itself (the measure select, the search box, the import file
//! picker); this hook gives it the few things the UI cannot time precisely enough from outside. Every
//! function runs the same code the app runs — the import pipeline of the Data view, the state's
//! `replace`, the storage module's writes — and only adds `performance.now()` around the steps.
//!
//! Without the flag nothing is installed, so the same release build carries the hook inert. The flag is
//! read once at start-up (the URL sync drops unknown keys from the address bar afterwards).
//!
//! Functions (synchronous; results are plain objects; times in milliseconds):
//! - `importBytes(uint8Array)` → `{ms: {text, read, preview, total}, bytes, activities, added, changed,
//!   unchanged, onlyHere, warnings, errors, problems, refused}`: a file's bytes → text → validated
//!   dataset → preview against the current dataset, as a file picked in the Data view
//!   (`format::read_dataset_bytes`, then `merge::preview`). A file over the size limit is refused by the
//!   app (`refused` holds the message the user sees); the steps after that are still timed so that the
//!   figure exists.
//! - `importText(text)` → the same, from text (the paste box of the Data view).
//! - `loadDataset(text)` → `{ms, activities}` or `{error}`: reads the text and replaces the dataset
//!   through `AtlasState::replace` (an undo step and the debounced save follow, as for an import).
//! - `saveNow()` → `{ok, bytes, units, packed, serializeMs, packMs, writeMs, totalMs, error}`:
//!   serialises the current dataset to compact JSON, puts it in its stored form (`model::stored`: packed
//!   when large) and writes it through `storage::write_form`, as the debounced save does. `bytes` is
//!   the JSON's size, `units` the UTF-16 units stored.
//! - `timeSearch(text)` → `{ms, matches}`: the shared filters with `text` as the search, applied to
//!   every activity through `Filters::matches` (what the map and matrix counts use), without drawing.
//!   The activities list answers the same question from a search index built once per dataset, so
//!   this is an upper bound of the model's share of a keystroke there.
//! - `wasmMemoryBytes()` → the size of the wasm linear memory in bytes.
//! - `tryStore(text)` → `{ok, bytes, units, packed, error, quota, restored, estimate}`: writes the
//!   dataset in `text` as the app's save writes it, through `storage::save_json` (the capacity probe),
//!   then puts back exactly what was stored before. `estimate` is what the import preview would have
//!   said first (`storage::room_for`: `{engine, needed, available, fits}`), so a probe can check the
//!   estimate against the browser.

use leptos::prelude::{GetUntracked, WithUntracked};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::format;
use crate::model::merge;
use crate::model::stored;
use crate::model::Filters;
use crate::state::AtlasState;
use crate::storage::{self, SaveError};

/// The query-string key that turns the hook on (`?bench=1`).
pub const FLAG: &str = "bench";

/// Whether the page was opened with the benchmark flag.
pub fn requested() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let query = window.location().search().unwrap_or_default();
    query
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair == FLAG || pair == format!("{FLAG}=1"))
}

/// Installs `window.atlasBench` when the page was opened with the flag; does nothing otherwise.
pub fn install(state: AtlasState) {
    if !requested() {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let hook = js_sys::Object::new();
    define(
        &hook,
        "importBytes",
        Closure::<dyn Fn(Vec<u8>) -> JsValue>::new(move |bytes: Vec<u8>| {
            to_js(&import_bytes(state, &bytes))
        })
        .into_js_value(),
    );
    define(
        &hook,
        "importText",
        Closure::<dyn Fn(String) -> JsValue>::new(move |text: String| {
            to_js(&import_bytes(state, text.as_bytes()))
        })
        .into_js_value(),
    );
    define(
        &hook,
        "loadDataset",
        Closure::<dyn Fn(String) -> JsValue>::new(move |text: String| {
            to_js(&load_dataset(state, &text))
        })
        .into_js_value(),
    );
    define(
        &hook,
        "saveNow",
        Closure::<dyn Fn() -> JsValue>::new(move || to_js(&save_now(state))).into_js_value(),
    );
    define(
        &hook,
        "timeSearch",
        Closure::<dyn Fn(String) -> JsValue>::new(move |search: String| {
            to_js(&time_search(state, search))
        })
        .into_js_value(),
    );
    define(
        &hook,
        "wasmMemoryBytes",
        Closure::<dyn Fn() -> f64>::new(wasm_memory_bytes).into_js_value(),
    );
    define(
        &hook,
        "historyActivities",
        Closure::<dyn Fn() -> f64>::new(move || state.history_activities() as f64).into_js_value(),
    );
    define(
        &hook,
        "tryStore",
        Closure::<dyn Fn(String) -> JsValue>::new(move |text: String| {
            to_js(&try_store(state, &text))
        })
        .into_js_value(),
    );
    let _ = js_sys::Reflect::set(&window, &JsValue::from_str("atlasBench"), &hook);
}

fn define(hook: &js_sys::Object, name: &str, function: JsValue) {
    let _ = js_sys::Reflect::set(hook, &JsValue::from_str(name), &function);
}

/// Hands a result to JavaScript as a plain object.
fn to_js(value: &Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap_or(JsValue::NULL)
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or(0.0, |performance| performance.now())
}

/// The import of the Data view, step by step: what `format::read_dataset_bytes` does (the size and
/// encoding check, then `format::read_dataset_text`), then `merge::preview` against the current dataset.
fn import_bytes(state: AtlasState, bytes: &[u8]) -> Value {
    let started = now();
    let checked = format::text_from_bytes(bytes);
    let after_text = now();
    // Beyond the size limit the app stops here, with this message; the rest is still timed.
    let refused = checked.as_ref().err().map(ToString::to_string);
    let text = match checked {
        Ok(text) => text,
        Err(_) => match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(_) => return json!({ "errors": 1, "problems": [refused] }),
        },
    };
    let decoded = match format::read_dataset_text(text) {
        Ok(decoded) => decoded,
        Err(problems) => {
            let errors = problems.iter().filter(|p| p.is_error()).count();
            let first: Vec<String> = problems.iter().take(5).map(ToString::to_string).collect();
            return json!({ "errors": errors, "problems": first, "refused": refused });
        }
    };
    let after_read = now();
    let preview = state
        .dataset
        .with_untracked(|local| merge::preview(local, &decoded.dataset));
    let finished = now();
    json!({
        "ms": {
            "text": after_text - started,
            "read": after_read - after_text,
            "preview": finished - after_read,
            "total": finished - started,
        },
        "bytes": bytes.len(),
        "activities": decoded.dataset.activities.len(),
        "added": preview.added.len(),
        "changed": preview.changed.len(),
        "unchanged": preview.unchanged,
        "onlyHere": preview.only_here.len(),
        "warnings": decoded.warnings.len(),
        "problems": decoded.warnings.iter().take(5).map(ToString::to_string).collect::<Vec<_>>(),
        "errors": 0,
        "refused": refused,
    })
}

/// Replaces the dataset as "Replace" in the import preview does.
fn load_dataset(state: AtlasState, text: &str) -> Value {
    let started = now();
    match format::read_dataset_text(text) {
        Ok(decoded) => {
            let activities = decoded.dataset.activities.len();
            state.replace("load a benchmark dataset", decoded.dataset);
            json!({ "ms": now() - started, "activities": activities })
        }
        Err(problems) => json!({
            "error": problems.first().map(ToString::to_string).unwrap_or_default(),
            "errors": problems.iter().filter(|p| p.is_error()).count(),
        }),
    }
}

/// What the debounced save does: the stored form, serialised and packed in one pass
/// (`stored::dataset_form`), then `storage::write_form` (write, read back, meta). The JSON's size is
/// measured apart, after the timed part.
fn save_now(state: AtlasState) -> Value {
    let started = now();
    let form = state.dataset.with_untracked(stored::dataset_form);
    let packed = now();
    let is_packed = matches!(form, Ok(stored::StoredForm::Packed(_)));
    let result = match form {
        Ok(form) => storage::write_form(form),
        Err(size) => Err(storage::SaveError::TooLarge(size)),
    };
    let written = now();
    let bytes = state.dataset.with_untracked(|d| d.to_compact_json().len());
    let serialized = started;
    json!({
        "ok": result.is_ok(),
        "bytes": bytes,
        "units": result.as_ref().ok(),
        "packed": is_packed,
        "serializeMs": serialized - started,
        "packMs": packed - serialized,
        "writeMs": written - packed,
        "totalMs": written - started,
        "error": // The benchmark's report is in English whatever the page's language.
        result.err().map(|e| e.message(crate::model::i18n::Locale::En)),
    })
}

/// The shared filters, with `search` as the text, over every activity (`Filters::matches`).
fn time_search(state: AtlasState, search: String) -> Value {
    let filters = Filters {
        search,
        ..state.filters.get_untracked()
    };
    let started = now();
    let matches = state
        .dataset
        .with_untracked(|d| d.activities.iter().filter(|a| filters.matches(a)).count());
    json!({ "ms": now() - started, "matches": matches })
}

fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|memory| memory.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(0.0, |buffer| f64::from(buffer.byte_length()))
}

/// Tries to store the dataset in `text` exactly as the app's save would write it (read, then
/// `Dataset::to_compact_json`), then restores the stored dataset and meta as they were. When nothing was
/// stored before, the app's current dataset is written instead (what its next save would write anyway),
/// since the storage module offers no removal.
fn try_store(state: AtlasState, text: &str) -> Value {
    let stored_json = match format::read_dataset_text(text) {
        Ok(decoded) => decoded.dataset.to_compact_json(),
        Err(problems) => {
            return json!({ "ok": false, "error": problems.first().map(ToString::to_string) })
        }
    };
    let text = stored_json.as_str();
    // What the import preview would have said about this dataset, before anything is written.
    let room = storage::room_for(text);
    let before = storage::raw_dataset();
    let meta = storage::load_meta();
    let result = storage::save_json(text);
    let restored = match &before {
        Some(previous) => storage::write_stored(previous),
        None => state.dataset.with_untracked(storage::save),
    };
    let _ = storage::store_meta(&meta);
    json!({
        "ok": result.is_ok(),
        "bytes": text.len(),
        "units": result.as_ref().ok(),
        "packed": stored::packs(text),
        "quota": matches!(result, Err(SaveError::QuotaExceeded(_))),
        "error": result.err().map(|e| e.message(crate::model::i18n::Locale::En)),
        "restored": restored.is_ok(),
        "estimate": {
            "engine": format!("{:?}", room.engine),
            "needed": room.needed,
            "available": room.available,
            "fits": room.fits(),
        },
    })
}
