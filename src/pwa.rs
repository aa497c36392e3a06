//! The app as an installable web app that works offline.
//!
//! The build writes `sw.js` beside `index.html` (`scripts/post_build.py`): a service worker that
//! precaches every file of that build under a cache named after their contents. This module registers
//! it, says "A new version is available — reload" when a newer build's worker is waiting (instead of
//! letting it take over a page that runs the old code), and asks the browser to keep this site's storage
//! (`navigator.storage.persist()`), whose answer the storage health panel shows.
//!
//! Nothing is registered from `file://` (the single-file build: service workers cannot run there), in
//! a page marked as the single file, or in browsers without `navigator.serviceWorker` (plain `http://`
//! on another host than localhost). The app works the same without it, only not offline.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// The service worker's address, relative so that the app works under any sub-path.
pub const WORKER_URL: &str = "./sw.js";
/// The message that tells a waiting worker to take over (`sw.js` listens for it).
pub const SKIP_WAITING: &str = "skip-waiting";
/// How long the page waits for the new worker to take over before it reloads anyway.
const SWITCH_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(4);
/// `<meta name="atlas-build" content="single-file">` marks the single-file build.
const SINGLE_FILE_SELECTOR: &str = r#"meta[name="atlas-build"][content="single-file"]"#;

/// Whether the browser keeps this site's storage until the user clears it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Persistence {
    /// The browser has not answered (yet), or cannot say.
    #[default]
    Unknown,
    /// Storage is kept until the user clears it.
    Persistent,
    /// The browser may clear storage when space runs low ("best effort").
    BestEffort,
}

impl Persistence {
    /// The value of `data-persisted`: "true", "false" or "unknown".
    pub fn code(self) -> &'static str {
        match self {
            Persistence::Unknown => "unknown",
            Persistence::Persistent => "true",
            Persistence::BestEffort => "false",
        }
    }

    fn from_answer(answer: Option<bool>) -> Persistence {
        match answer {
            Some(true) => Persistence::Persistent,
            Some(false) => Persistence::BestEffort,
            None => Persistence::Unknown,
        }
    }
}

/// What the rest of the app reads about the installed app: shared through context.
#[derive(Clone, Copy)]
pub struct PwaState {
    /// The browser's answer to "keep this site's storage".
    pub persistence: RwSignal<Persistence>,
    /// A newer build is installed (or already took over in another tab): this page should reload.
    pub update_ready: RwSignal<bool>,
    /// The user chose to reload into the new build; the reload happens once the new worker controls
    /// the page, so that the old and the new files never mix.
    reload_requested: RwSignal<bool>,
}

/// Starts the installed-app machinery once, from the shell, and shares its state.
pub fn start() -> PwaState {
    let pwa = PwaState {
        persistence: RwSignal::new(Persistence::Unknown),
        update_ready: RwSignal::new(false),
        reload_requested: RwSignal::new(false),
    };
    provide_context(pwa);
    leptos::task::spawn_local(ask_persistence(pwa));
    if let Some(container) = worker_container() {
        leptos::task::spawn_local(register(pwa, container));
    }
    pwa
}

/// The installed-app state, when the shell started it (components mounted alone get none).
pub fn use_pwa() -> Option<PwaState> {
    use_context::<PwaState>()
}

/// Asks once per page load to keep this site's storage, unless it is kept already.
async fn ask_persistence(pwa: PwaState) {
    let Some(manager) = storage_manager() else {
        return;
    };
    let kept = match manager.persisted() {
        Ok(promise) => JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()),
        Err(_) => None,
    };
    let answer = if kept == Some(true) {
        kept
    } else {
        match manager.persist() {
            Ok(promise) => JsFuture::from(promise)
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .or(kept),
            Err(_) => kept,
        }
    };
    pwa.persistence.set(Persistence::from_answer(answer));
}

/// `navigator.storage`, where the browser has it (secure contexts only).
pub fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = window().navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    (!value.is_undefined() && !value.is_null()).then(|| value.unchecked_into())
}

/// `navigator.serviceWorker`, where the page may use one.
fn worker_container() -> Option<ServiceWorkerContainer> {
    let window = window();
    if window.location().protocol().ok().as_deref() == Some("file:") {
        return None;
    }
    let single_file = window
        .document()
        .and_then(|d| d.query_selector(SINGLE_FILE_SELECTOR).ok().flatten())
        .is_some();
    if single_file {
        return None;
    }
    let navigator = window.navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    (!value.is_undefined() && !value.is_null()).then(|| value.unchecked_into())
}

/// Registers `sw.js` and follows its updates.
async fn register(pwa: PwaState, container: ServiceWorkerContainer) {
    // The new worker controls the page: reload into the new build if the user asked for it; another
    // tab's choice leaves this page running and keeps the banner up, so nothing is lost by surprise.
    let on_controller_change = Closure::<dyn Fn()>::new(move || {
        if pwa.reload_requested.get_untracked() {
            pwa.reload_requested.set(false);
            let _ = window().location().reload();
        } else {
            pwa.update_ready.set(true);
        }
    });
    container.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
    on_controller_change.forget();

    let registration = match JsFuture::from(container.register(WORKER_URL)).await {
        Ok(registration) => registration.unchecked_into::<ServiceWorkerRegistration>(),
        Err(error) => {
            // Not fatal: the app works, only not offline. A warning, not an error, for the console.
            web_sys::console::warn_2(
                &JsValue::from_str("The offline copy of the app could not be set up:"),
                &error,
            );
            return;
        }
    };

    // A worker installed during an earlier visit may be waiting already. Without a controller this is
    // the first install, which takes over on the next load by itself: nothing to announce then.
    let controlled = move || container_controls_page();
    if registration.waiting().is_some() && controlled() {
        pwa.update_ready.set(true);
    }

    let watched = registration.clone();
    let on_update_found = Closure::<dyn Fn()>::new(move || {
        let Some(installing) = watched.installing() else {
            return;
        };
        let worker = installing.clone();
        let on_state_change = Closure::<dyn Fn()>::new(move || {
            if worker.state() == ServiceWorkerState::Installed && controlled() {
                pwa.update_ready.set(true);
            }
        });
        installing.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
        on_state_change.forget();
    });
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();
}

/// Whether a service worker controls this page (it was loaded through one).
fn container_controls_page() -> bool {
    worker_container().is_some_and(|c| c.controller().is_some())
}

/// Lets the waiting worker take over, then reloads once it controls the page. Without a waiting
/// worker (another tab already switched), reloads at once.
async fn switch_to_new_build(pwa: PwaState) {
    let Some(container) = worker_container() else {
        let _ = window().location().reload();
        return;
    };
    let registration = JsFuture::from(container.get_registration())
        .await
        .ok()
        .filter(|r| !r.is_undefined())
        .map(|r| r.unchecked_into::<ServiceWorkerRegistration>());
    match registration.and_then(|r| r.waiting()) {
        Some(waiting) => {
            pwa.reload_requested.set(true);
            if waiting
                .post_message(&JsValue::from_str(SKIP_WAITING))
                .is_err()
            {
                pwa.reload_requested.set(false);
                let _ = window().location().reload();
                return;
            }
            // Should the new worker never take over (the browser dropped it), reload anyway rather
            // than leave the button disabled: the page then offers the update again if it still waits.
            set_timeout(
                move || {
                    if pwa.reload_requested.get_untracked() {
                        let _ = window().location().reload();
                    }
                },
                SWITCH_TIMEOUT,
            );
        }
        None => {
            let _ = window().location().reload();
        }
    }
}

/// The banner that offers the new build.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let Some(pwa) = use_pwa() else {
        return ().into_any();
    };
    view! {
        <Show when=move || pwa.update_ready.get()>
            <div class="banner banner--update" role="status" data-testid="update-available">
                <p>"A new version is available — reload to use it. Your data stays as it is."</p>
                <div class="banner__actions">
                    <button
                        class="button button--primary"
                        data-testid="update-reload"
                        disabled=move || pwa.reload_requested.get()
                        on:click=move |_| leptos::task::spawn_local(switch_to_new_build(pwa))
                    >
                        "Reload"
                    </button>
                </div>
            </div>
        </Show>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn persistence_codes_are_the_test_hook_values() {
        let cases = [
            (None, "unknown"),
            (Some(true), "true"),
            (Some(false), "false"),
        ];
        for (answer, code) in cases {
            assert_eq!(Persistence::from_answer(answer).code(), code, "{answer:?}");
        }
    }
}
