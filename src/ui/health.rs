//! The storage health panel of the Data view: how much this site stores of what the browser allows,
//! whether the browser keeps it for good, when the dataset was last saved and exported, and a warning
//! while the dataset has never been exported (a browser may clear site data; an exported file is the
//! only copy that survives that).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::model::stored;
use crate::pwa::{self, Persistence};
use crate::state::use_atlas;
use crate::storage;

/// What `navigator.storage.estimate()` said, in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Estimate {
    pub usage: Option<f64>,
    pub quota: Option<f64>,
}

#[component]
pub fn StorageHealth() -> impl IntoView {
    let state = use_atlas();
    let persistence = pwa::use_pwa()
        .map(|p| p.persistence)
        .unwrap_or_else(|| RwSignal::new(Persistence::Unknown));
    let estimate = RwSignal::new(Estimate::default());
    // The app's own keys; re-read after every save (the meta changes with each one).
    let local_units = Memo::new(move |_| {
        state.meta.track();
        storage::units_used()
    });

    // Ask the browser again whenever a save or an export happened, so the numbers follow the data.
    Effect::new(move |_| {
        state.meta.track();
        leptos::task::spawn_local(async move {
            let next = read_estimate().await;
            // The panel may be gone by the time the browser answers.
            let _ = estimate.try_set(next);
        });
    });

    let used_attr = move || {
        estimate
            .get()
            .usage
            .map(|u| format!("{u:.0}"))
            .unwrap_or_default()
    };
    let usage_text = move || {
        let Estimate { usage, quota } = estimate.get();
        match (usage, quota) {
            (Some(usage), Some(quota)) if quota > 0.0 => format!(
                "{} of {} ({})",
                format_bytes(usage),
                format_bytes(quota),
                format_share(usage / quota)
            ),
            (Some(usage), _) => format_bytes(usage),
            _ => "This browser does not say.".to_string(),
        }
    };
    let local_text = move || local_usage_text(local_units.get());
    let last_saved = move || time_label(state.meta.with(|m| m.last_saved), "Not saved yet");
    let last_exported = move || {
        time_label(
            state.meta.with(|m| m.last_exported),
            "Never from this browser",
        )
    };
    let never_exported = move || state.meta.with(|m| m.last_exported.is_none());

    view! {
        <section
            class="card data-panel storage-health"
            aria-labelledby="storage-health-title"
            data-testid="storage-health"
            data-persisted=move || persistence.get().code()
            data-used-bytes=used_attr
            data-quota-bytes=move || estimate.get().quota.map(|q| format!("{q:.0}")).unwrap_or_default()
            data-local-units=move || local_units.get().to_string()
        >
            <h3 id="storage-health-title">"Storage health"</h3>
            <Show when=never_exported>
                <p class="storage-health__warning" role="note" data-testid="never-exported-warning">
                    <strong>"This dataset has never been exported from this browser."</strong>
                    " Browsers can clear a site's data (when space runs low, or when history is cleared): "
                    "export a copy above and keep the file somewhere safe."
                </p>
            </Show>
            <dl class="storage-health__facts">
                <div>
                    <dt>"Dataset in this browser"</dt>
                    <dd data-testid="storage-local">{local_text}</dd>
                </div>
                <div>
                    <dt>"All storage of this site"</dt>
                    <dd data-testid="storage-usage">{usage_text}</dd>
                </div>
                <div>
                    <dt>"Kept for good"</dt>
                    <dd data-testid="storage-persisted">{move || persistence_text(persistence.get())}</dd>
                </div>
                <div>
                    <dt>"Last saved"</dt>
                    <dd data-testid="storage-last-saved">{last_saved}</dd>
                </div>
                <div>
                    <dt>"Last exported"</dt>
                    <dd data-testid="storage-last-exported">{last_exported}</dd>
                </div>
            </dl>
        </section>
    }
}

/// Asks the browser how much this site stores and may store.
async fn read_estimate() -> Estimate {
    let Some(manager) = pwa::storage_manager() else {
        return Estimate::default();
    };
    let Ok(promise) = manager.estimate() else {
        return Estimate::default();
    };
    match JsFuture::from(promise).await {
        Ok(value) => {
            let estimate: web_sys::StorageEstimate = value.unchecked_into();
            Estimate {
                usage: estimate.get_usage(),
                quota: estimate.get_quota(),
            }
        }
        Err(_) => Estimate::default(),
    }
}

/// A local date and time ("2026-11-28 17:04"), or `never` when there is none.
fn time_label(millis: Option<f64>, never: &str) -> String {
    let Some(millis) = millis else {
        return never.to_string();
    };
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// The sentence for the browser's answer to "keep this site's storage".
pub fn persistence_text(persistence: Persistence) -> &'static str {
    match persistence {
        Persistence::Persistent => "Yes: the browser keeps this site's data until you clear it.",
        Persistence::BestEffort => {
            "No: the browser may clear this site's data when space runs low. Export regularly."
        }
        Persistence::Unknown => "Unknown: this browser does not say. Export regularly.",
    }
}

/// Bytes for people: "812 B", "14.2 kB", "3.4 MB", "1.2 GB" (powers of 1024, one decimal, a
/// non-breaking space before the unit).
pub fn format_bytes(bytes: f64) -> String {
    const UNITS: [&str; 4] = ["kB", "MB", "GB", "TB"];
    if !bytes.is_finite() || bytes < 1024.0 {
        return format!("{}\u{a0}B", bytes.max(0.0).round() as u64);
    }
    let mut value = bytes / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1}\u{a0}{}", UNITS[unit])
}

/// What the app's keys take of local storage, counted in UTF-16 code units as browsers count it.
pub fn local_usage_text(units: usize) -> String {
    if units == 0 {
        return "Nothing stored yet: the sample data is built into the app.".to_string();
    }
    format!(
        "{} of about {} characters that browsers allow ({})",
        format_units(units),
        format_units(stored::LOCAL_STORAGE_QUOTA_UNITS),
        format_share(stored::quota_share(units))
    )
}

/// A count of characters with thousands separators: "5,242,880".
fn format_units(units: usize) -> String {
    let digits = units.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A share as a percentage: "0.4 %", "37 %", and "< 0.1 %" for a tiny but non-zero share. The spaces
/// are non-breaking, so that a narrow screen never wraps between the number and its sign.
pub fn format_share(share: f64) -> String {
    let percent = share * 100.0;
    if !percent.is_finite() || percent <= 0.0 {
        "0\u{a0}%".to_string()
    } else if percent < 0.1 {
        "<\u{a0}0.1\u{a0}%".to_string()
    } else if percent < 10.0 {
        format!("{percent:.1}\u{a0}%")
    } else {
        format!("{percent:.0}\u{a0}%")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_read_like_a_file_manager() {
        let cases = [
            (0.0, "0 B"),
            (812.0, "812 B"),
            (1023.0, "1023 B"),
            (1024.0, "1.0 kB"),
            (14_540.0, "14.2 kB"),
            (3.4 * 1024.0 * 1024.0, "3.4 MB"),
            (1.25 * 1024.0 * 1024.0 * 1024.0, "1.2 GB"),
            (-5.0, "0 B"),
            (f64::NAN, "0 B"),
        ];
        for (bytes, expected) in cases {
            assert_eq!(
                format_bytes(bytes).replace('\u{a0}', " "),
                expected,
                "{bytes}"
            );
        }
    }

    #[test]
    fn the_local_share_counts_code_units_against_a_quota_of_code_units() {
        // Issue 11: the panel counted two bytes a unit against a quota of units, so a full store read
        // about 200 %. A full store is 100 %, half of it 50 %.
        let cases = [
            (0, "Nothing stored yet"),
            (
                stored::LOCAL_STORAGE_QUOTA_UNITS,
                "5,242,880 of about 5,242,880 characters that browsers allow (100 %)",
            ),
            (
                2_621_440,
                "2,621,440 of about 5,242,880 characters that browsers allow (50 %)",
            ),
            (
                52_429,
                "52,429 of about 5,242,880 characters that browsers allow (1.0 %)",
            ),
            (999, "999 of about 5,242,880"),
        ];
        for (units, expected) in cases {
            let text = local_usage_text(units).replace('\u{a0}', " ");
            assert!(text.starts_with(expected), "{units}: {text}");
        }
    }

    #[test]
    fn shares_keep_small_values_visible() {
        let cases = [
            (0.0, "0 %"),
            (0.0000001, "< 0.1 %"),
            (0.004, "0.4 %"),
            (0.37, "37 %"),
            (1.0, "100 %"),
            (f64::INFINITY, "0 %"),
        ];
        for (share, expected) in cases {
            assert_eq!(
                format_share(share).replace('\u{a0}', " "),
                expected,
                "{share}"
            );
        }
    }
}
