//! "Reset to sample data": replaces the dataset with the researched sample, after asking.

use leptos::prelude::*;

use crate::i18n::t;
use crate::model::i18n::data::{self as words, DataText};
use crate::model::i18n::Phrase;
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
                        {t(DataText::ResetAsk)}
                    </button>
                }
            >
                <div class="confirm" role="alertdialog" aria-labelledby="reset-question">
                    <p id="reset-question">
                        {move || words::reset_question(
                            state.language.get(),
                            state.dataset.with(|d| d.activities.len())
                        )}
                    </p>
                    <button class="button button--danger" data-testid="reset-sample-confirm" on:click=move |_| {
                        asking.set(false);
                        state.start_from_sample();
                        let done = DataText::ResetDone.text(state.language.get_untracked());
                        state.notice.set(Some(done.to_string()));
                    }>{t(DataText::ResetConfirm)}</button>
                    <button class="button" data-testid="reset-sample-cancel" on:click=move |_| asking.set(false)>{t(DataText::Cancel)}</button>
                </div>
            </Show>
        </div>
    }
}
