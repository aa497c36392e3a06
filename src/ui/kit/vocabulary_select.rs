//! The one `<select>` over a vocabulary of the Vision (measures, member states, scope, directions,
//! status, confidence): its options are the vocabulary's codes, and the value is a code.

use leptos::prelude::*;

use crate::i18n::use_language;
use crate::model::i18n::Locale;
use crate::model::Measure;

/// The choice of "none of them": its code and the words the user reads, fixed (`("", "Any")`) or
/// following the language (`("", Signal::derive(t(EditorText::Any)))`).
#[derive(Clone, Copy)]
pub struct NoneChoice {
    code: &'static str,
    words: Signal<&'static str>,
}

impl From<(&'static str, &'static str)> for NoneChoice {
    fn from((code, words): (&'static str, &'static str)) -> NoneChoice {
        NoneChoice {
            code,
            words: Signal::stored(words),
        }
    }
}

impl From<(&'static str, Signal<&'static str>)> for NoneChoice {
    fn from((code, words): (&'static str, Signal<&'static str>)) -> NoneChoice {
        NoneChoice { code, words }
    }
}

/// A `<select>` whose options are codes. The caller labels it and names it (`attr:data-testid`,
/// `attr:id`, `attr:name` and `attr:aria-describedby` land on the `<select>` itself).
#[component]
pub fn VocabularySelect(
    /// The codes and the words the user reads for each, in the order shown: a fixed list, or a signal
    /// that gives the words in the current language (the options are then redrawn on a switch, and
    /// the chosen code stays chosen).
    #[prop(into)]
    choices: Signal<Vec<(&'static str, String)>>,
    /// The choice of "none of them", shown first, as (code, words): `("", "Any")`, `("ALL", "All
    /// measures")`, or with words that follow the language. Left out where a code is required.
    #[prop(optional, into)]
    none: Option<NoneChoice>,
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
            {none.map(|none| view! {
                <option value=none.code selected=move || value.with(|v| v == none.code)>{move || none.words.get()}</option>
            })}
            {move || choices.get().into_iter().map(|(code, words)| option(code, words)).collect_view()}
        </select>
    }
}

/// The measures as choices in the current language, "CBC — Capacity Building Cooperation",
/// 「CBC — 能力構築支援」 (the code stays a code): the map's and the filter bar's.
pub fn measure_choices() -> Signal<Vec<(&'static str, String)>> {
    let language = use_language();
    Signal::derive(move || measure_choices_in(language.get()))
}

/// The measures as choices in `locale`.
pub fn measure_choices_in(locale: Locale) -> Vec<(&'static str, String)> {
    Measure::ALL
        .iter()
        .map(|m| {
            (
                m.code(),
                format!("{} — {}", m.short_label(), m.label(locale)),
            )
        })
        .collect()
}
