//! The export panel of the Data view: JSON (the lossless format) and CSV (for spreadsheets), for the
//! whole dataset or only what the current filters show, and when the data was last exported.

use leptos::prelude::*;

use crate::files;
use crate::model::csv::{to_csv, ExportScope};
use crate::model::wording;
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
            Err(error) => state.notice.set(Some(format!("Export failed: {error}"))),
        }
    };

    view! {
        <section class="card data-panel" aria-labelledby="export-title">
            <h3 id="export-title">"Export"</h3>
            <p class="data-panel__intro">
                "Save the dataset as a file to keep a copy or to share it. "
                "JSON keeps everything and can be imported again; CSV opens in a spreadsheet."
            </p>
            <label class="field">
                <span>"What to export"</span>
                <select
                    data-testid="export-scope"
                    prop:value=move || scope.get().code()
                    on:change:target=move |ev| {
                        scope.set(ExportScope::from_code(&ev.target().value()).unwrap_or_default())
                    }
                >
                    <option value="whole">
                        {move || format!("The whole dataset ({})", wording::activities(crate::model::i18n::Locale::En, whole_count()))}
                    </option>
                    <option value="filtered">
                        {move || format!("What the current filters show ({})", wording::activities(crate::model::i18n::Locale::En, filtered_count()))}
                    </option>
                </select>
            </label>
            <div class="toolbar data-panel__actions">
                <button class="button button--primary" data-testid="export-json" on:click=move |_| export(false)>
                    "Export JSON"
                </button>
                <button class="button" data-testid="export-csv" on:click=move |_| export(true)>
                    "Export CSV"
                </button>
            </div>
            <LastExported/>
            <p class="data-panel__hint">
                "The file format is documented by its "
                <a href=SCHEMA_HREF download="vientiane-vision-v1.schema.json">"JSON Schema (format version 1)"</a>
                "."
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
        exported_label(last.map(|last| (local_day(now), local_day(last))))
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

/// The sentence for `(today, the day of the last export)`, or for never.
pub fn exported_label(days: Option<(i64, i64)>) -> String {
    match days {
        None => "Not exported from this browser yet.".to_string(),
        Some((today, last)) => match today - last {
            n if n <= 0 => "Last exported today.".to_string(),
            1 => "Last exported 1 day ago.".to_string(),
            n => format!("Last exported {n} days ago."),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_count_calendar_days() {
        let cases = [
            (None, "Not exported from this browser yet."),
            (Some((100, 100)), "Last exported today."),
            (Some((100, 101)), "Last exported today."),
            (Some((100, 99)), "Last exported 1 day ago."),
            (Some((100, 58)), "Last exported 42 days ago."),
        ];
        for (days, expected) in cases {
            assert_eq!(exported_label(days), expected);
        }
    }

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
