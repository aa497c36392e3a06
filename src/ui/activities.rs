//! The activities view (placeholder until its issue lands).

use leptos::prelude::*;

#[component]
pub fn ActivitiesView() -> impl IntoView {
    view! {
        <section class="view" aria-labelledby="view-title">
            <h2 id="view-title">"Activities"</h2>
            <p class="placeholder">"This view is being built."</p>
        </section>
    }
}
