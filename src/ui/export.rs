//! The export panel of the Data view: JSON (the lossless format) and CSV (for spreadsheets), for the
//! whole dataset or only what the current filters show, and when the data was last exported.

use leptos::prelude::*;

use crate::files;
use crate::i18n::t;
use crate::model::csv::{to_csv, ExportScope};
use crate::model::i18n::common as words;
use crate::model::i18n::data::{self as data_words, DataText};
use crate::state::use_atlas;

/// Where the format's JSON Schema is served, relative to the page.
pub const SCHEMA_HREF: &str = "schema/vientiane-vision-v1.schema.json";

#[component]
pub fn ExportPanel() -> impl IntoView {
    let state = use_atlas();
    let scope = RwSignal::new(ExportScope::Whole);
    let whole_count = move || state.dataset.with(|d| d.activities.len());
    let filtered_count = move || {
        state.filters.with(|filters| {
            state
                .dataset
                .with(|d| d.activities.iter().filter(|a| filters.matches(a)).count())
        })
    };

    let export = move |csv: bool| {
        let chosen = scope.get_untracked();
        let (name, mime, text) = state.filters.with_untracked(|filters| {
            state.dataset.with_untracked(|dataset| {
                if csv {
                    (
                        format!("vientiane-vision-{}.csv", files::today()),
                        "text/csv;charset=utf-8",
                        to_csv(chosen.activities(dataset, filters)),
                    )
                } else {
                    (
                        format!("vientiane-vision-{}.json", files::today()),
                        "application/json",
                        chosen.dataset(dataset, filters).to_export_json(),
                    )
                }
            })
        });
        match files::download_text(&name, mime, &text) {
            // "Last exported" and the never-exported warning are about having a copy that can bring
            // everything back: only the whole dataset as JSON is one. A CSV or a filtered file is not.
            Ok(()) if !csv && chosen == ExportScope::Whole => state.mark_exported(),
            Ok(()) => {}
            Err(error) => state.notice.set(Some(words::export_failed(
                state.language.get_untracked(),
                &error,
            ))),
        }
    };

    view! {
        <section class="card data-panel" aria-labelledby="export-title">
            <h3 id="export-title">{t(DataText::ExportHeading)}</h3>
            <p class="data-panel__intro">{t(DataText::ExportIntro)}</p>
            <label class="field">
                <span>{t(DataText::WhatToExport)}</span>
                <select
                    data-testid="export-scope"
                    prop:value=move || scope.get().code()
                    on:change:target=move |ev| {
                        scope.set(ExportScope::from_code(&ev.target().value()).unwrap_or_default())
                    }
                >
                    <option value="whole">
                        {move || data_words::export_whole(state.language.get(), whole_count())}
                    </option>
                    <option value="filtered">
                        {move || data_words::export_filtered(state.language.get(), filtered_count())}
                    </option>
                </select>
            </label>
            <div class="toolbar data-panel__actions">
                <button class="button button--primary" data-testid="export-json" on:click=move |_| export(false)>
                    {t(DataText::ExportJson)}
                </button>
                <button class="button" data-testid="export-csv" on:click=move |_| export(true)>
                    {t(DataText::ExportCsv)}
                </button>
            </div>
            <LastExported/>
            <p class="data-panel__hint">
                {t(DataText::SchemaBefore)}
                <a href=SCHEMA_HREF download="vientiane-vision-v1.schema.json">{t(DataText::SchemaLink)}</a>
                {t(DataText::SchemaAfter)}
            </p>
        </section>
    }
}

/// "Last exported N days ago", counted in calendar days of the user's time zone.
#[component]
fn LastExported() -> impl IntoView {
    let state = use_atlas();
    let label = move || {
        let last = state.meta.with(|meta| meta.last_exported);
        let now = js_sys::Date::now();
        data_words::last_exported(
            state.language.get(),
            last.map(|last| (local_day(now), local_day(last))),
        )
    };
    let stale = move || {
        let last = state.meta.with(|meta| meta.last_exported);
        last.is_none_or(|last| local_day(js_sys::Date::now()) - local_day(last) > 30)
    };
    view! {
        <p class="last-exported" class:last-exported--stale=stale data-testid="last-exported">
            {label}
        </p>
    }
}

/// The local calendar day (days since 1970-01-01 in the user's time zone) of a time in milliseconds.
fn local_day(millis: f64) -> i64 {
    let offset_minutes =
        js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis)).get_timezone_offset();
    day_number(millis, offset_minutes)
}

/// Days since 1970-01-01 of `millis`, in a time zone `offset_minutes` behind UTC (JavaScript's sign).
pub fn day_number(millis: f64, offset_minutes: f64) -> i64 {
    ((millis - offset_minutes * 60_000.0) / 86_400_000.0).floor() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_follow_the_time_zone() {
        let hour = 3_600_000.0;
        // 23:00 UTC on day 0 is already day 1 in Tokyo (offset -540 minutes in JavaScript's sign).
        assert_eq!(day_number(23.0 * hour, 0.0), 0);
        assert_eq!(day_number(23.0 * hour, -540.0), 1);
        // 01:00 UTC on day 1 is still day 0 in New York (offset +300).
        assert_eq!(day_number(25.0 * hour, 300.0), 0);
    }
}
