//! The one `<select>` over a vocabulary of the Vision (measures, member states, scope, directions,
//! status, confidence): its options are the vocabulary's codes, and the value is a code.

use leptos::prelude::*;

use crate::model::Measure;

/// A `<select>` whose options are codes. The caller labels it and names it (`attr:data-testid`,
/// `attr:id`, `attr:name` and `attr:aria-describedby` land on the `<select>` itself).
#[component]
pub fn VocabularySelect(
    /// The codes and the words the user reads for each, in the order shown.
    choices: Vec<(&'static str, String)>,
    /// The choice of "none of them", shown first, as (code, words): `("", "Any")`, `("ALL", "All
    /// measures")`. Left out where a code is required.
    #[prop(optional)]
    none: Option<(&'static str, &'static str)>,
    /// The code chosen now ("" or the `none` code for none).
    #[prop(into)]
    value: Signal<String>,
    /// Called with the code the user chooses.
    #[prop(into)]
    on_choose: Callback<String>,
) -> impl IntoView {
    let option = move |code: &'static str, words: String| {
        view! { <option value=code selected=move || value.with(|v| v == code)>{words}</option> }
    };
    view! {
        <select
            prop:value=move || value.get()
            on:change:target=move |ev| on_choose.run(ev.target().value())
        >
            {none.map(|(code, words)| option(code, words.to_string()))}
            {choices.into_iter().map(|(code, words)| option(code, words)).collect_view()}
        </select>
    }
}

/// The measures as choices, "CBC — Capacity Building Cooperation": the map's and the filter bar's.
pub fn measure_choices() -> Vec<(&'static str, String)> {
    Measure::ALL
        .iter()
        .map(|m| (m.code(), format!("{} — {}", m.short_label(), m.name())))
        .collect()
}
