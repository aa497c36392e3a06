//! The note a view shows when filters it has no controls for (set in the Activities view: status,
//! confidence, field, direction, official source, search) narrow its counts, with a way to remove
//! them: otherwise a count could shrink for a reason the view does not show.

use leptos::prelude::*;

use crate::i18n::{t, use_language};
use crate::model::i18n::common::Common;
use crate::model::i18n::editor::{other_filters_note, EditorText};
use crate::model::i18n::{Locale, Phrase};
use crate::model::Filters;
use crate::state::use_atlas;

/// "The matrix also applies the filters set in the Activities view: status: Completed. [Remove
/// them]" (or, for a view that leaves them out, that they do not apply), or nothing while no such
/// filter is set; in the current language.
#[component]
pub fn OtherFiltersNote(
    /// The view's name inside the English sentence ("map", "matrix", "trends"); it also names the
    /// test hook `{view}-other-filters`, and the view's name in Japanese is the navigation's.
    view: &'static str,
    /// Whether the view leaves those filters out (the trends count every activity): the note then
    /// says so, and has no button.
    #[prop(optional)]
    ignored: bool,
) -> impl IntoView {
    let state = use_atlas();
    let language = use_language();
    let test_id = format!("{view}-other-filters");
    // The filters' names depend on the language, so the memo reads it: a switch rewords the note.
    let others = Memo::new(move |_| {
        let locale = language.get();
        state.filters.with(|f| f.other_filters_label(locale))
    });
    move || {
        let others = others.get();
        let locale = language.get();
        (!others.is_empty()).then(|| {
            let sentence = other_filters_note(locale, view_name(locale, view), &others, ignored);
            view! {
                <p class="other-filters" data-testid=test_id.clone()>
                    {sentence}
                    {(!ignored).then(|| view! {
                        <button
                            type="button"
                            class="button button--small"
                            on:click=move |_| state.filters.update(Filters::clear_other_filters)
                        >
                            {t(EditorText::RemoveThem)}
                        </button>
                    })}
                </p>
            }
        })
    }
}

/// The view's name inside the note: the English code as it is, the navigation's name in Japanese.
fn view_name(locale: Locale, view: &'static str) -> &'static str {
    let phrase = match view {
        "map" => Common::ViewMap,
        "matrix" => Common::ViewMatrix,
        "trends" => Common::ViewTrends,
        "report" => Common::ViewReport,
        _ => return view,
    };
    match locale {
        Locale::En => view,
        Locale::Ja => phrase.ja(),
    }
}
