//! The note a view shows when filters it has no controls for (set in the Activities view: status,
//! confidence, field, direction, official source, search) narrow its counts, with a way to remove
//! them: otherwise a count could shrink for a reason the view does not show.

use leptos::prelude::*;

use crate::model::map_export::other_filters;
use crate::model::Filters;
use crate::state::use_atlas;

/// "The matrix also applies the filters set in the Activities view: status: Completed. [Remove
/// them]", or nothing while no such filter is set.
#[component]
pub fn OtherFiltersNote(
    /// The view's name inside the sentence ("map", "matrix"); it also names the test hook
    /// `{view}-other-filters`.
    view: &'static str,
) -> impl IntoView {
    let state = use_atlas();
    let others = Memo::new(move |_| state.filters.with(other_filters));
    move || {
        let others = others.get();
        (!others.is_empty()).then(|| {
            view! {
                <p class="other-filters" data-testid=format!("{view}-other-filters")>
                    {format!(
                        "The {view} also applies the filters set in the Activities view: {}. ",
                        others.join("; ")
                    )}
                    <button
                        type="button"
                        class="button button--small"
                        on:click=move |_| state.filters.update(Filters::clear_other_filters)
                    >
                        "Remove them"
                    </button>
                </p>
            }
        })
    }
}
