//! "Share this view": the view's whole address (language, view, measure, years, selection), a Copy
//! button and the address's QR code, so a presenter can hand the same view to an audience's phones.
//! The address is the one the address bar holds a frame later (`url_state::view_address`); the QR
//! code is drawn from it by `model::qr` while the panel is open, and only then.
//!
//! Test hooks: `share-view` (the header's button), `share-panel`, `share-address`, `share-copy`,
//! `share-copy-status`, `share-close` and `svg[data-testid="view-qr"]`.

use leptos::prelude::*;

use crate::files;
use crate::i18n::t;
use crate::model::i18n::common::Common;
use crate::model::qr::qr_picture;
use crate::state::use_atlas;
use crate::url_state::view_address;

/// What became of the last Copy (of the address it names: a later address makes it stale).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Copied {
    Yes,
    Refused,
}

#[component]
pub fn ShareView(
    /// Whether the panel is open, when someone besides its button opens it (presentation mode's `Q`).
    #[prop(optional)]
    open: Option<RwSignal<bool>>,
) -> impl IntoView {
    let state = use_atlas();
    let open = open.unwrap_or_else(|| RwSignal::new(false));
    let copied = RwSignal::new(None::<(String, Copied)>);
    let toggle_ref = NodeRef::<leptos::html::Button>::new();
    let address_ref = NodeRef::<leptos::html::Input>::new();
    // Followed only while the panel is open: a closed panel costs nothing on each change of view.
    let address = Memo::new(move |_| {
        if open.get() {
            view_address(state)
        } else {
            String::new()
        }
    });
    let picture = Memo::new(move |_| address.with(|a| qr_picture(a)));

    let close = move || {
        open.set(false);
        if let Some(button) = toggle_ref.get_untracked() {
            let _ = button.focus();
        }
    };
    let toggle = move |_| {
        if open.get_untracked() {
            close();
        } else {
            open.set(true);
            // The panel is drawn in this turn; its address takes the focus in the next frame.
            request_animation_frame(move || {
                if let Some(input) = address_ref.get_untracked() {
                    let _ = input.focus();
                    input.select();
                }
            });
        }
    };
    let copy = move |_| {
        let text = address.get_untracked();
        leptos::task::spawn_local(async move {
            match files::copy_text(&text).await {
                Ok(()) => copied.set(Some((text, Copied::Yes))),
                Err(_) => {
                    copied.set(Some((text, Copied::Refused)));
                    if let Some(input) = address_ref.get_untracked() {
                        let _ = input.focus();
                        input.select();
                    }
                }
            }
        });
    };
    // The outcome of the last Copy, while the address is still the one copied.
    let status = move || {
        copied.with(|last| match last {
            Some((text, outcome)) if address.with(|a| a == text) => Some(match outcome {
                Copied::Yes => t(Common::AddressCopied)(),
                Copied::Refused => t(Common::CopyRefused)(),
            }),
            _ => None,
        })
    };
    let code = move || match picture.get() {
        Some(qr) => {
            let width = qr.width.to_string();
            let view_box = format!("0 0 {width} {width}");
            view! {
                <svg
                    class="share__qr"
                    data-testid="view-qr"
                    xmlns="http://www.w3.org/2000/svg"
                    viewBox=view_box
                    role="img"
                    aria-label=t(Common::QrLabel)
                    shape-rendering="crispEdges"
                >
                    <rect width=width.clone() height=width fill="#ffffff"></rect>
                    <path d=qr.path fill="#000000"></path>
                </svg>
            }
            .into_any()
        }
        None => view! { <p class="share__too-long">{t(Common::QrTooLong)}</p> }.into_any(),
    };

    view! {
        <div class="share">
            <button
                class="button button--small share__toggle"
                data-testid="share-view"
                node_ref=toggle_ref
                aria-expanded=move || open.get().to_string()
                aria-controls="share-panel"
                on:click=toggle
            >
                {t(Common::ShareView)}
            </button>
            <Show when=move || open.get()>
                <div
                    id="share-panel"
                    class="share__panel"
                    data-testid="share-panel"
                    role="dialog"
                    aria-labelledby="share-title"
                    on:keydown=move |event| {
                        if event.key() == "Escape" {
                            event.stop_propagation();
                            close();
                        }
                    }
                >
                    <h2 id="share-title" class="share__title">{t(Common::ShareView)}</h2>
                    <label class="share__address">
                        <span>{t(Common::ShareAddress)}</span>
                        <input
                            type="text"
                            readonly
                            data-testid="share-address"
                            node_ref=address_ref
                            prop:value=move || address.get()
                        />
                    </label>
                    <div class="share__actions">
                        <button class="button" data-testid="share-copy" on:click=copy>{t(Common::CopyAddress)}</button>
                        <span class="share__status" role="status" data-testid="share-copy-status">{status}</span>
                        <button class="button share__close" data-testid="share-close" on:click=move |_| close()>
                            {t(Common::CloseShare)}
                        </button>
                    </div>
                    {code}
                    <p class="share__hint">{t(Common::ShareHint)}</p>
                </div>
            </Show>
        </div>
    }
}
