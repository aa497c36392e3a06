//! Presentation mode: the map (or the matrix, or the trends chart) fills the screen for a projector,
//! with type sized for the back of the room and no editing controls; a few keys drive it (the table
//! of keys is `model::presentation`, which the key legend lists too). Entered with the header's
//! "Present" button, which also asks the browser for the whole screen (the Fullscreen API, refused
//! without a click and by some browsers: the layout then fills the window), or with `?present=1`.
//! `Esc`, the "Leave" button, or leaving the browser's full screen end it.
//!
//! Test hooks: `present` (the header's button), `presentation` (the layout's root, with
//! `data-fullscreen`), `present-view-map|matrix|trends`, `present-keys-toggle`, `present-keys` (the
//! key legend), `present-keys-close`, `present-exit`.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::t;
use crate::model::i18n::present::PresentText;
use crate::model::presentation::{command_text, Command, Presented, KEY_LEGEND};
use crate::state::{use_atlas, AtlasState, View};
use crate::ui::map::YearPlayback;

/// The attribute on `<html>` while presenting: the stylesheet scales the root font size with it, so
/// every size given in `rem` grows for a projector at once.
const PRESENTING_ATTRIBUTE: &str = "data-presenting";

/// The header's "Present" button.
#[component]
pub fn PresentButton() -> impl IntoView {
    let state = use_atlas();
    view! {
        <button
            class="button button--small present__toggle"
            data-testid="present"
            id="present-button"
            title=t(PresentText::PresentHint)
            on:click=move |_| enter(state)
        >
            {t(PresentText::Present)}
        </button>
    }
}

/// Starts presenting, asking for the whole screen (allowed here: it follows the user's click).
fn enter(state: AtlasState) {
    state.view.update(|view| *view = view.presented());
    state.presenting.set(true);
    if let Some(root) = document().document_element() {
        call_for_promise(&root, "requestFullscreen");
    }
}

/// Stops presenting, leaves the browser's full screen if the page holds it, and gives the focus back
/// to the "Present" button once the normal layout is drawn.
fn leave(state: AtlasState) {
    state.presenting.set(false);
    if fullscreen_now() {
        call_for_promise(&document(), "exitFullscreen");
    }
    request_animation_frame(|| {
        if let Some(button) = document().get_element_by_id("present-button") {
            if let Ok(button) = button.dyn_into::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        }
    });
}

/// Whether the page holds the browser's full screen now.
fn fullscreen_now() -> bool {
    js_sys::Reflect::get(&document(), &"fullscreenElement".into())
        .is_ok_and(|element| !element.is_null() && !element.is_undefined())
}

/// Calls a method of the Fullscreen API by name (older engines lack it, so it is looked up rather
/// than bound) and lets its promise settle quietly: a refusal leaves the full-window layout, which
/// is presentation mode's own answer to a browser that will not give the whole screen.
fn call_for_promise(target: &JsValue, method: &str) {
    let Ok(function) = js_sys::Reflect::get(target, &method.into()) else {
        return;
    };
    let Some(function) = function.dyn_ref::<js_sys::Function>() else {
        return;
    };
    if let Ok(result) = function.call0(target) {
        if let Ok(promise) = result.dyn_into::<js_sys::Promise>() {
            leptos::task::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
}

/// Whether a key pressed on `target` belongs to that element rather than to presentation mode: text
/// fields, selects and the range slider take their own keys, and a focused button takes Space.
fn belongs_to_target(target: Option<web_sys::EventTarget>, key: &str) -> bool {
    let Some(element) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    match element.tag_name().as_str() {
        "INPUT" | "TEXTAREA" | "SELECT" => true,
        "BUTTON" | "SUMMARY" | "A" => key == " " || key == "Enter",
        _ => false,
    }
}

#[component]
pub fn Presentation(
    /// The current view, drawn by the shell (the same components as the normal layout).
    children: ChildrenFn,
) -> impl IntoView {
    let state = use_atlas();
    let playback = expect_context::<YearPlayback>();
    let keys_open = RwSignal::new(false);
    let share_open = RwSignal::new(false);
    let fullscreen = RwSignal::new(fullscreen_now());

    if let Some(root) = document().document_element() {
        let _ = root.set_attribute(PRESENTING_ATTRIBUTE, "");
    }
    on_cleanup(|| {
        if let Some(root) = document().document_element() {
            let _ = root.remove_attribute(PRESENTING_ATTRIBUTE);
        }
    });

    // Leaving the browser's full screen (its own Esc, or F11) ends presentation mode too: the
    // presenter asked to leave, and the browser took the key before the page could see it. The
    // event is fired at the document and bubbles to the window.
    let screen_handle = window_event_listener(
        ev::Custom::<web_sys::Event>::new("fullscreenchange"),
        move |_| {
            let now = fullscreen_now();
            if fullscreen.get_untracked() && !now {
                leave(state);
            }
            fullscreen.try_set(now);
        },
    );
    let keys_handle = window_event_listener(ev::keydown, move |event| {
        let key = event.key();
        if event.ctrl_key() || event.meta_key() || event.alt_key() || event.default_prevented() {
            return;
        }
        if belongs_to_target(event.target(), &key) {
            return;
        }
        let Some(command) = Command::from_key(&key) else {
            return;
        };
        if !command.answered_on(state.view.get_untracked().presented_as()) {
            return;
        }
        event.prevent_default();
        match command {
            Command::ChooseMeasure(measure) => state.filters.maybe_update(|f| {
                let changed = f.measure != measure;
                f.measure = measure;
                changed
            }),
            Command::PreviousYear => playback.step_by_hand(false),
            Command::NextYear => playback.step_by_hand(true),
            Command::PlayPause => playback.toggle(),
            Command::ToggleAseanWide => {
                state
                    .map
                    .update(|m| m.include_asean_wide = !m.include_asean_wide);
            }
            Command::ShowQr => share_open.update(|open| *open = !*open),
            Command::ShowKeys => keys_open.update(|open| *open = !*open),
            // Esc closes what is open first: the key legend, the share panel, the map's side
            // panel, and leaves only from the bare view. The side panel is the map's to close (its
            // own listener, which runs after this one, also gives the focus back), so this one
            // only leaves it be.
            Command::Leave => {
                let panel_open = state.view.get_untracked().presented_as() == Presented::Map
                    && state.map.with_untracked(|m| m.selected.is_some());
                if keys_open.get_untracked() {
                    keys_open.set(false);
                } else if share_open.get_untracked() {
                    share_open.set(false);
                } else if !panel_open {
                    leave(state);
                }
            }
        }
    });
    on_cleanup(move || {
        screen_handle.remove();
        keys_handle.remove();
    });

    let title = move || state.dataset.with(|d| d.title.clone());

    view! {
        <div
            class="presentation"
            data-testid="presentation"
            data-fullscreen=move || fullscreen.get().to_string()
        >
            <header class="presentation__bar">
                <p class="presentation__title">{title}</p>
                <nav class="presentation__views" aria-label=t(PresentText::PresentedViews)>
                    {View::PRESENTED
                        .into_iter()
                        .map(|view| view! {
                            <button
                                class="button button--small"
                                class:button--primary=move || state.view.get().presented() == view
                                aria-current=move || (state.view.get().presented() == view).then_some("page")
                                data-testid=format!("present-view-{}", view.code())
                                on:click=move |_| state.view.set(view)
                            >
                                {t(view.label())}
                            </button>
                        })
                        .collect_view()}
                </nav>
                <button
                    class="button button--small"
                    data-testid="present-keys-toggle"
                    aria-expanded=move || keys_open.get().to_string()
                    aria-controls="present-keys"
                    on:click=move |_| keys_open.update(|open| *open = !*open)
                >
                    {t(PresentText::Keys)}
                </button>
                <crate::ui::share::ShareView open=share_open/>
                <button class="button button--small" data-testid="present-exit" on:click=move |_| leave(state)>
                    {t(PresentText::Leave)}
                </button>
            </header>
            <main id="main" class="presentation__main" tabindex="-1">
                {children()}
            </main>
            <Show when=move || keys_open.get()>
                <KeyLegend keys_open/>
            </Show>
        </div>
    }
}

/// The key legend: the keys that mean something on the view shown, each with what it does.
#[component]
fn KeyLegend(keys_open: RwSignal<bool>) -> impl IntoView {
    let state = use_atlas();
    let rows = move || {
        let locale = state.language.get();
        let presented = state.view.get().presented_as();
        KEY_LEGEND
            .into_iter()
            .filter(|(_, command)| command.answered_on(presented))
            .map(|(name, command)| {
                view! {
                    <tr>
                        <th scope="row"><kbd>{name.text(locale)}</kbd></th>
                        <td>{command_text(command, locale)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div
            id="present-keys"
            class="presentation__keys"
            role="dialog"
            aria-labelledby="present-keys-title"
            data-testid="present-keys"
        >
            <h2 id="present-keys-title">{t(PresentText::KeysTitle)}</h2>
            <table class="presentation__key-table">
                <tbody>{rows}</tbody>
            </table>
            <button
                class="button button--small"
                data-testid="present-keys-close"
                on:click=move |_| keys_open.set(false)
            >
                {t(PresentText::CloseKeys)}
            </button>
        </div>
    }
}
