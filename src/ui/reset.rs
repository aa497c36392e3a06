//! "Reset to sample data": replaces the dataset with the researched sample, after asking.

use leptos::prelude::*;

use crate::state::use_atlas;

#[component]
pub fn ResetToSample() -> impl IntoView {
    let state = use_atlas();
    let asking = RwSignal::new(false);
    view! {
        <div class="reset">
            <Show
                when=move || asking.get()
                fallback=move || view! {
                    <button class="button" data-testid="reset-sample" on:click=move |_| asking.set(true)>
                        "Reset to sample data…"
                    </button>
                }
            >
                <div class="confirm" role="alertdialog" aria-labelledby="reset-question">
                    <p id="reset-question">
                        {move || format!(
                            "Replace all {} activities with the researched sample? You can undo this afterwards.",
                            state.dataset.with(|d| d.activities.len())
                        )}
                    </p>
                    <button class="button button--danger" data-testid="reset-sample-confirm" on:click=move |_| {
                        asking.set(false);
                        state.start_from_sample();
                        state.notice.set(Some("Reset to the sample data.".to_string()));
                    }>"Reset to sample data"</button>
                    <button class="button" data-testid="reset-sample-cancel" on:click=move |_| asking.set(false)>"Cancel"</button>
                </div>
            </Show>
        </div>
    }
}
