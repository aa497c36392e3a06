//! The matrix view (placeholder until its issue lands).

use leptos::prelude::*;

#[component]
pub fn MatrixView() -> impl IntoView {
    view! {
        <section class="view" aria-labelledby="view-title">
            <h2 id="view-title">"Matrix"</h2>
            <p class="placeholder">"This view is being built."</p>
        </section>
    }
}
