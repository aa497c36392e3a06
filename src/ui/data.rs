//! The data view (placeholder until its issue lands).

use leptos::prelude::*;

use crate::ui::reset::ResetToSample;

#[component]
pub fn DataView() -> impl IntoView {
    view! {
        <section class="view" aria-labelledby="view-title">
            <h2 id="view-title">"Data"</h2>
            <p class="placeholder">"This view is being built."</p>
            <ResetToSample/>
        </section>
    }
}
