//! The shell: header with the dataset's title, navigation, the storage banner, and the current view.
//! It also wires the page's events that concern the whole app: saving when the page is hidden,
//! changes saved by other tabs, undo/redo shortcuts.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::files;
use crate::i18n::t;
use crate::model::history::Change;
use crate::model::i18n::common::{self as words, Common};
use crate::model::i18n::{Locale, Phrase};
use crate::model::wording;
use crate::state::{use_atlas, AtlasState, SaveState, StorageBanner, View};
use crate::storage;
use crate::ui;

pub fn mount() {
    leptos::mount::mount_to_body(App);
}

#[component]
pub fn App() -> impl IntoView {
    let state = AtlasState::load();
    provide_context(state);
    provide_context(state.language);
    state.language.mirror_on_document();
    // One import for the whole page: the drop zone starts it on any view, the Data view shows it.
    let import = ui::import::ImportSession::new(state);
    provide_context(import);
    // Inert unless the page was opened with `?bench=1` (read before the URL sync rewrites the query).
    crate::bench::install(state);
    crate::url_state::sync_with_location(state);
    // `?dataset=` opens the import preview of a published file, in the Data view where its choices
    // are: a projector's layout has no room for them.
    if let Some(link) = state.published.get_untracked() {
        state.presenting.set(false);
        state.view.set(View::Data);
        import.open_published(link);
    }
    wire_page_events(state);
    crate::pwa::start();

    // One run of the years for the page: the map's Play button and presentation mode's keys share it.
    provide_context(ui::map::YearPlayback::new(state));

    // The banners and notices show in both layouts: a failure is visible while presenting too.
    view! {
        <StorageBannerView/>
        <crate::pwa::UpdateBanner/>
        <Notice/>
        <UndoConfirmation/>
        <Show
            when=move || state.presenting.get()
            fallback=move || view! {
                <a class="skip-link" href="#main">{t(Common::SkipToContent)}</a>
                <Header/>
                <ui::data::ImportDropZone/>
                <main id="main" class="main" tabindex="-1">
                    <CurrentView/>
                </main>
                <footer class="footer">
                    <p>{t(Common::Footer)}</p>
                </footer>
            }
        >
            <ui::present::Presentation>
                <CurrentView/>
            </ui::present::Presentation>
        </Show>
    }
}

/// The view chosen in the navigation (in presentation mode, the map, the matrix or the trends chart).
#[component]
fn CurrentView() -> impl IntoView {
    let state = use_atlas();
    move || {
        let view = state.view.get();
        let view = if state.presenting.get() {
            view.presented()
        } else {
            view
        };
        match view {
            View::Map => view! { <ui::map::MapView/> }.into_any(),
            View::Matrix => view! { <ui::matrix::MatrixView/> }.into_any(),
            View::Activities => view! { <ui::activities::ActivitiesView/> }.into_any(),
            View::Trends => view! { <ui::trends::TrendsView/> }.into_any(),
            View::Report => view! { <ui::report::ReportView/> }.into_any(),
            View::Vision => view! { <ui::vision::VisionView/> }.into_any(),
            View::Data => view! { <ui::data::DataView/> }.into_any(),
        }
    }
}

/// Saves when the page is hidden or closed, follows other tabs, and answers Ctrl+Z / Ctrl+Shift+Z.
fn wire_page_events(state: AtlasState) {
    // A pending save must not be lost when the user closes the tab or switches away.
    let flush = Closure::<dyn Fn()>::new(move || {
        if state.save_pending() {
            state.save_now();
        }
    });
    if let Some(document) = window().document() {
        let _ = document
            .add_event_listener_with_callback("visibilitychange", flush.as_ref().unchecked_ref());
    }
    let _ = window().add_event_listener_with_callback("pagehide", flush.as_ref().unchecked_ref());
    flush.forget();

    let storage_handle = window_event_listener(ev::storage, move |event| {
        if event.key().as_deref() == Some(storage::DATASET_KEY) {
            state.other_tab_saved(event.new_value());
        }
    });

    let keys_handle = window_event_listener(ev::keydown, move |event| {
        let in_text_field = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if in_text_field || !(event.ctrl_key() || event.meta_key()) {
            return;
        }
        let key = event.key().to_lowercase();
        let done = match (key.as_str(), event.shift_key()) {
            ("z", false) => state
                .undo()
                .map(|label| words::undone(state.language.get_untracked(), &label)),
            ("z", true) | ("y", false) => state
                .redo()
                .map(|label| words::redone(state.language.get_untracked(), &label)),
            _ => return,
        };
        event.prevent_default();
        if let Some(message) = done {
            state.notice.set(Some(message));
        }
    });

    let unload_handle = window_event_listener(ev::beforeunload, move |event| {
        // Only while changes are not yet written: otherwise closing the page loses nothing. A pending
        // save is tried first; the prompt shows only if the changes still could not be written (storage
        // full or unavailable, or saving held back by an unreadable stored value).
        if state.save_pending() {
            state.save_now();
        }
        if state.unsaved.get_untracked() {
            event.prevent_default();
            event.set_return_value(Common::UnsavedOnLeave.text(state.language.get_untracked()));
        }
    });

    on_cleanup(move || {
        storage_handle.remove();
        keys_handle.remove();
        unload_handle.remove();
    });
}

#[component]
fn Header() -> impl IntoView {
    let state = use_atlas();
    let editing = RwSignal::new(false);
    let title = move || state.dataset.with(|d| d.title.clone());
    let count = move || state.dataset.with(|d| d.activities.len());
    // How many activities the counts see (a programme with its dated events once); shown only when it
    // differs from the number of records.
    let counted = Memo::new(move |_| state.dataset.with(crate::model::programmes::counted_total));
    let has_events = move || counted.get() != count();
    let input_ref = NodeRef::<leptos::html::Input>::new();

    let commit = move || {
        if let Some(input) = input_ref.get_untracked() {
            let next = input.value().trim().to_string();
            if crate::model::rules::DATASET_TITLE.accepts(&next)
                && next != state.dataset.with_untracked(|d| d.title.clone())
            {
                state.edit("rename the dataset", Change::Rename { title: next });
            }
        }
        editing.set(false);
    };

    Effect::new(move |_| {
        if editing.get() {
            if let Some(input) = input_ref.get() {
                let _ = input.focus();
                input.select();
            }
        }
    });

    view! {
        <header class="header">
            <div class="header__brand">
                <span class="header__app">{t(Common::AppName)}</span>
                <Show
                    when=move || editing.get()
                    fallback=move || view! {
                        <button
                            class="header__title"
                            data-testid="dataset-title"
                            title=t(Common::RenameDataset)
                            on:click=move |_| editing.set(true)
                        >
                            {title}
                        </button>
                    }
                >
                    <input
                        class="header__title-input"
                        data-testid="dataset-title-input"
                        aria-label=t(Common::DatasetTitle)
                        maxlength=crate::model::rules::DATASET_TITLE_MAX_CHARS_TEXT
                        node_ref=input_ref
                        prop:value=title
                        on:keydown=move |event| match event.key().as_str() {
                            "Enter" => commit(),
                            "Escape" => {
                                // Leaving the field also blurs it, which commits: restore the title first.
                                if let Some(input) = input_ref.get_untracked() {
                                    input.set_value(&state.dataset.with_untracked(|d| d.title.clone()));
                                }
                                editing.set(false);
                            }
                            _ => {}
                        }
                        on:blur=move |_| commit()
                    />
                </Show>
                <span class="header__count">
                    <span data-testid="activity-count">{count}</span>
                    {move || {
                        let locale = state.language.get();
                        if has_events() {
                            wording::records_noun(locale, count())
                        } else {
                            wording::activities_noun(locale, count())
                        }
                    }}
                    <Show when=has_events>
                        {move || if state.language.get() == Locale::Ja { "（" } else { " (" }}
                        <span data-testid="counted-count">{move || wording::counted_note(state.language.get(), counted.get())}</span>
                        {move || if state.language.get() == Locale::Ja { "）" } else { ")" }}
                    </Show>
                </span>
                <SaveStatus/>
                <LanguageSelect/>
            </div>
            // The share button ends the navigation's row rather than the brand's, whose wrapping
            // changes with the save status: there it would move the page under the pointer.
            <div class="header__bar">
            <nav class="nav" aria-label=t(Common::ViewsNav)>
                {View::ALL
                    .into_iter()
                    .map(|view| {
                        view! {
                            <button
                                class="nav__link"
                                class:nav__link--active=move || state.view.get() == view
                                aria-current=move || (state.view.get() == view).then_some("page")
                                data-testid=format!("nav-{}", view.code())
                                on:click=move |_| state.view.set(view)
                            >
                                {t(view.label())}
                            </button>
                        }
                    })
                    .collect_view()}
            </nav>
            <crate::ui::present::PresentButton/>
            <crate::ui::share::ShareView/>
            </div>
        </header>
    }
}

#[component]
fn SaveStatus() -> impl IntoView {
    let state = use_atlas();
    let text = move || {
        let phrase = match state.save_state.get() {
            SaveState::Saved(_) if !state.unsaved.get() => Common::SavedHere,
            SaveState::Saved(_) | SaveState::Pending => Common::Saving,
            SaveState::Failed(_) => Common::NotSaved,
            SaveState::Held => Common::NotSavedSeeAbove,
        };
        phrase.text(state.language.get())
    };
    view! {
        <span class="save-status" data-testid="save-status" role="status">{text}</span>
    }
}

/// The persistent banner about storage problems. It stays until the problem is resolved.
#[component]
fn StorageBannerView() -> impl IntoView {
    let state = use_atlas();
    let export_now = move |_| {
        let text = state.dataset.with_untracked(|d| d.to_export_json());
        let name = format!("vientiane-vision-{}.json", files::today());
        match files::download_text(&name, "application/json", &text) {
            Ok(()) => state.mark_exported(),
            Err(error) => state.notice.set(Some(words::export_failed(
                state.language.get_untracked(),
                &error,
            ))),
        }
    };
    let download_raw = move |_| {
        let raw = storage::saved_dataset_text().unwrap_or_default();
        let name = format!("vientiane-vision-saved-{}.json", files::today());
        if let Err(error) = files::download_text(&name, "application/octet-stream", &raw) {
            state.notice.set(Some(words::download_failed(
                state.language.get_untracked(),
                &error,
            )));
        }
    };

    move || {
        state.banner.get().map(|banner| match banner {
            StorageBanner::SaveFailed(error) => view! {
                <div class="banner banner--error" role="alert" data-testid="storage-banner" data-kind="save-failed">
                    <p>{move || error.message(state.language.get())}</p>
                    <div class="banner__actions">
                        <button class="button button--primary" data-testid="export-now" on:click=export_now>{t(Common::ExportNow)}</button>
                    </div>
                </div>
            }
            .into_any(),
            StorageBanner::Unreadable { reason, backup_key } => view! {
                <div class="banner banner--warning" role="alert" data-testid="storage-banner" data-kind="unreadable">
                    <p>
                        <strong>{t(Common::UnreadableTitle)}</strong>
                        {move || {
                            let locale = state.language.get();
                            words::unreadable_reason(locale, reason.text(locale))
                        }}
                        {t(Common::UnreadableKept)}
                        {backup_key.map(|key| move || words::backup_kept(state.language.get(), &key))}
                        {t(Common::UnreadableSample)}
                    </p>
                    <div class="banner__actions">
                        <button class="button button--primary" data-testid="download-raw" on:click=download_raw>
                            {t(Common::DownloadRaw)}
                        </button>
                        <button class="button" data-testid="start-from-sample" on:click=move |_| state.start_from_sample()>
                            {t(Common::StartFromSample)}
                        </button>
                    </div>
                </div>
            }
            .into_any(),
            StorageBanner::OtherTabChanged(theirs) => view! {
                <div class="banner banner--warning" role="alert" data-testid="storage-banner" data-kind="other-tab">
                    <p>
                        {move || words::other_tab_conflict(
                            state.language.get(),
                            &theirs.title,
                            theirs.activities.len(),
                        )}
                    </p>
                    <div class="banner__actions">
                        <button class="button" data-testid="take-other-tab" on:click=move |_| state.resolve_other_tab(true)>
                            {t(Common::TakeOtherTab)}
                        </button>
                        <button class="button button--primary" data-testid="keep-mine" on:click=move |_| state.resolve_other_tab(false)>
                            {t(Common::KeepMine)}
                        </button>
                    </div>
                </div>
            }
            .into_any(),
        })
    }
}

/// A short message after an action, with Undo when there is something to undo.
#[component]
fn Notice() -> impl IntoView {
    let state = use_atlas();
    // A notice fades after a while so it does not cover the page; a newer notice restarts the clock.
    let dismiss = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let shown = state.notice.get();
        dismiss.update_value(|pending| {
            if let Some(handle) = pending.take() {
                handle.clear();
            }
            if shown.is_some() {
                *pending = set_timeout_with_handle(
                    move || {
                        if state.notice.get_untracked() == shown {
                            state.notice.set(None);
                        }
                    },
                    std::time::Duration::from_secs(12),
                )
                .ok();
            }
        });
    });
    move || {
        state.notice.get().map(|message| {
            view! {
                <div class="notice" role="status" data-testid="notice">
                    <span>{message}</span>
                    <Show when=move || state.last_change().is_some()>
                        <button class="button button--small" data-testid="notice-undo" on:click=move |_| {
                            let undone = state.undo();
                            state.notice.set(undone.map(|label| words::undone(state.language.get_untracked(), &label)));
                        }>{t(Common::Undo)}</button>
                    </Show>
                    <button class="button button--small button--ghost" aria-label=t(Common::Dismiss) on:click=move |_| state.notice.set(None)>"×"</button>
                </div>
            }
        })
    }
}

/// Asks before an undo that would remove what another tab saved (the step this tab recorded when it
/// adopted that tab's save). The safe choice, keeping them, has the focus.
#[component]
fn UndoConfirmation() -> impl IntoView {
    let state = use_atlas();
    let keep_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if state.undo_confirmation.with(Option::is_some) {
            if let Some(button) = keep_ref.get() {
                let _ = button.focus();
            }
        }
    });
    move || {
        state.undo_confirmation.get().map(|label| {
            view! {
                <div class="confirm confirm--undo" role="alertdialog" aria-labelledby="undo-question" data-testid="undo-confirmation">
                    <p id="undo-question">
                        <strong>{move || words::undo_question(state.language.get(), &label)}</strong>
                        {t(Common::UndoRemovesOtherTab)}
                    </p>
                    <button class="button button--danger" data-testid="confirm-undo" on:click=move |_| {
                        let undone = state.confirm_undo();
                        state.notice.set(undone.map(|label| words::undone(state.language.get_untracked(), &label)));
                    }>{t(Common::UndoAnyway)}</button>
                    <button class="button" data-testid="cancel-undo" node_ref=keep_ref on:click=move |_| state.undo_confirmation.set(None)>
                        {t(Common::KeepThem)}
                    </button>
                </div>
            }
        })
    }
}

/// The language menu: English / 日本語, labelled in both languages. Switching changes every word at
/// once and keeps the view, the filters, the selection and any open dialog (they live in signals the
/// switch does not touch).
#[component]
fn LanguageSelect() -> impl IntoView {
    let state = use_atlas();
    let on_change = move |event: ev::Event| {
        let Some(locale) = Locale::from_code(&event_target_value(&event)) else {
            return;
        };
        if let Err(error) = state.language.choose(locale) {
            state
                .notice
                .set(Some(words::language_not_kept(locale, &error)));
        }
    };
    view! {
        <select
            class="language-select"
            data-testid="language-select"
            aria-label=t(Common::LanguageLabel)
            title=t(Common::LanguageLabel)
            on:change=on_change
        >
            {Locale::ALL
                .into_iter()
                .map(|locale| view! {
                    <option
                        value=locale.code()
                        lang=locale.code()
                        selected=move || state.language.get() == locale
                    >
                        {locale.endonym()}
                    </option>
                })
                .collect_view()}
        </select>
    }
}
