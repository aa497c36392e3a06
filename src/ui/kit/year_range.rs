//! The one year range: "From" and "To" boxes over the shared `filters.from` / `filters.to` (also in
//! the URL), shown by the map, the matrix, the trends and the activities filters alike.
//!
//! Its behaviour is the model's rule, [`Filters::type_year`]: an empty box clears its bound (the
//! placeholder then shows the data's own first or last year); a year of the format (1950–2100) sets
//! it, and a `from` after `to` (or a `to` before `from`) moves the other bound along, so the range is
//! never empty; anything else is refused: the box shows its year again and a hint says why, announced
//! to screen readers. "All years" clears both bounds.

use leptos::prelude::*;

use crate::model::filter::{Filters, YearBound};
use crate::model::{wording, Dataset};
use crate::state::use_atlas;

/// The hint's element id, which both boxes name in `aria-describedby` (one range shows per page).
const HINT_ID: &str = "year-range-hint";

/// The year range of the current view.
///
/// Test hooks: the boxes are `year-from` and `year-to` in every view (only one view shows at a time),
/// the refusal hint `year-hint`.
#[component]
pub fn YearRange(
    /// Names the view's range for tests: the fieldset is `{test_prefix}-years`, its "All years"
    /// button `{test_prefix}-years-clear` (`map`, `matrix`, `trends`, `filter`).
    test_prefix: &'static str,
) -> impl IntoView {
    let state = use_atlas();
    let filters = state.filters;
    let span = Memo::new(move |_| state.dataset.with(Dataset::year_span));
    // Why the last text typed was refused; empty once a year is taken.
    let hint = RwSignal::new(String::new());

    let type_year = move |bound: YearBound, input: web_sys::HtmlInputElement| {
        let typed = input.value();
        let mut next = filters.get_untracked();
        match next.type_year(bound, &typed, span.get_untracked()) {
            Ok(()) => {
                hint.set(String::new());
                filters.maybe_update(|f| {
                    let changed = *f != next;
                    if changed {
                        *f = next;
                    }
                    changed
                });
            }
            Err(_) => hint.set(wording::year_rejected(
                crate::model::i18n::Locale::En,
                &typed,
            )),
        }
        // The box shows what the range holds now: a refused text gives way to the year it replaced,
        // and " 2016" becomes "2016" even when the range did not change.
        let shown = filters.with_untracked(|f| f.year_text(bound));
        if input.value() != shown {
            input.set_value(&shown);
        }
    };
    let year_box = move |bound: YearBound| {
        let (label, test_id) = match bound {
            YearBound::From => ("From", "year-from"),
            YearBound::To => ("To", "year-to"),
        };
        let placeholder = move || {
            span.get().map_or_else(
                || "Year".to_string(),
                |(first, last)| match bound {
                    YearBound::From => first.to_string(),
                    YearBound::To => last.to_string(),
                },
            )
        };
        view! {
            <label class="year-range__field">
                {label}
                <input
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    class="year-range__year"
                    data-testid=test_id
                    aria-describedby=HINT_ID
                    placeholder=placeholder
                    prop:value=move || filters.with(|f| f.year_text(bound))
                    on:change:target=move |ev| type_year(bound, ev.target())
                />
            </label>
        }
    };

    view! {
        <fieldset class="year-range" data-testid=format!("{test_prefix}-years")>
            <legend>"Years active"</legend>
            {year_box(YearBound::From)}
            {year_box(YearBound::To)}
            <Show when=move || filters.with(|f| f.from.is_some() || f.to.is_some())>
                <button
                    type="button"
                    class="button button--small"
                    data-testid=format!("{test_prefix}-years-clear")
                    on:click=move |_| {
                        hint.set(String::new());
                        filters.update(Filters::clear_years);
                    }
                >
                    "All years"
                </button>
            </Show>
            <p class="year-range__hint" id=HINT_ID role="status" data-testid="year-hint">
                {move || hint.get()}
            </p>
        </fieldset>
    }
}
