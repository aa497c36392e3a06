//! The note a view shows when filters it has no controls for (set in the Activities view: status,
//! confidence, field, direction, official source, search) narrow its counts, with a way to remove
//! them: otherwise a count could shrink for a reason the view does not show.

use leptos::prelude::*;

use crate::model::map_picture::other_filters;
use crate::model::Filters;
use crate::state::use_atlas;

/// "The matrix also applies the filters set in the Activities view: status: Completed. [Remove
/// them]" (or, for a view that leaves them out, that they do not apply), or nothing while no such
/// filter is set.
#[component]
pub fn OtherFiltersNote(
    /// The view's name inside the sentence ("map", "matrix", "trends"); it also names the test hook
    /// `{view}-other-filters`.
    view: &'static str,
    /// Whether the view leaves those filters out (the trends count every activity): the note then
    /// says so, and has no button.
    #[prop(optional)]
    ignored: bool,
) -> impl IntoView {
    let state = use_atlas();
    let others = Memo::new(move |_| state.filters.with(other_filters));
    move || {
        let others = others.get();
        (!others.is_empty()).then(|| {
            let others = others.join("; ");
            let sentence = if ignored {
                format!(
                    "The filters set in the Activities view ({others}) do not apply to the {view}."
                )
            } else {
                format!(
                    "The {view} also applies the filters set in the Activities view: {others}. "
                )
            };
            view! {
                <p class="other-filters" data-testid=format!("{view}-other-filters")>
                    {sentence}
                    {(!ignored).then(|| view! {
                        <button
                            type="button"
                            class="button button--small"
                            on:click=move |_| state.filters.update(Filters::clear_other_filters)
                        >
                            "Remove them"
                        </button>
                    })}
                </p>
            }
        })
    }
}
