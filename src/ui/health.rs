//! The storage health panel of the Data view: how much this site stores of what the browser allows,
//! whether the browser keeps it for good, when the dataset was last saved and exported, and a warning
//! while the dataset has never been exported (a browser may clear site data; an exported file is the
//! only copy that survives that).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::t;
use crate::model::i18n::data::{format_bytes, local_usage, saved_at, site_usage, DataText};
use crate::model::i18n::{Locale, Phrase};
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
    let language = state.language;
    let usage_text = move || {
        let locale = language.get();
        let Estimate { usage, quota } = estimate.get();
        match (usage, quota) {
            (Some(usage), Some(quota)) if quota > 0.0 => site_usage(
                locale,
                &format_bytes(usage),
                &format_bytes(quota),
                usage / quota,
            ),
            (Some(usage), _) => format_bytes(usage),
            _ => DataText::BrowserDoesNotSay.text(locale).to_string(),
        }
    };
    let local_text = move || {
        local_usage(
            language.get(),
            local_units.get(),
            stored::LOCAL_STORAGE_QUOTA_UNITS,
        )
    };
    let last_saved = move || {
        time_label(
            language.get(),
            state.meta.with(|m| m.last_saved),
            DataText::NotSavedYet,
        )
    };
    let last_exported = move || {
        time_label(
            language.get(),
            state.meta.with(|m| m.last_exported),
            DataText::NeverFromHere,
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
            <h3 id="storage-health-title">{t(DataText::StorageHealth)}</h3>
            <Show when=never_exported>
                <p class="storage-health__warning" role="note" data-testid="never-exported-warning">
                    <strong>{t(DataText::NeverExported)}</strong>
                    {t(DataText::NeverExportedWhy)}
                </p>
            </Show>
            <dl class="storage-health__facts">
                <div>
                    <dt>{t(DataText::DatasetHere)}</dt>
                    <dd data-testid="storage-local">{local_text}</dd>
                </div>
                <div>
                    <dt>{t(DataText::SiteStorage)}</dt>
                    <dd data-testid="storage-usage">{usage_text}</dd>
                </div>
                <div>
                    <dt>{t(DataText::KeptForGood)}</dt>
                    <dd data-testid="storage-persisted">
                        {move || persistence_text(persistence.get()).text(language.get())}
                    </dd>
                </div>
                <div>
                    <dt>{t(DataText::LastSaved)}</dt>
                    <dd data-testid="storage-last-saved">{last_saved}</dd>
                </div>
                <div>
                    <dt>{t(DataText::LastExported)}</dt>
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

/// A local date and time ("2026-11-28 17:04", 「2026年11月28日 17:04」), or `never` when there is none.
fn time_label(locale: Locale, millis: Option<f64>, never: DataText) -> String {
    let Some(millis) = millis else {
        return never.text(locale).to_string();
    };
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis));
    saved_at(
        locale,
        (
            date.get_full_year() as i32,
            date.get_month() + 1,
            date.get_date(),
        ),
        (date.get_hours(), date.get_minutes()),
    )
}

/// The sentence for the browser's answer to "keep this site's storage".
pub fn persistence_text(persistence: Persistence) -> DataText {
    match persistence {
        Persistence::Persistent => DataText::Persistent,
        Persistence::BestEffort => DataText::BestEffort,
        Persistence::Unknown => DataText::PersistenceUnknown,
    }
}
