//! The one year range: "From" and "To" boxes over the shared `filters.from` / `filters.to` (also in
//! the URL), shown by the map, the matrix, the trends and the activities filters alike.
//!
//! Its behaviour is the model's rule, [`Filters::type_year`]: an empty box clears its bound (the
//! placeholder then shows the data's own first or last year); a year of the format (1950–2100) sets
//! it, and a `from` after `to` (or a `to` before `from`) moves the other bound along, so the range is
//! never empty; anything else is refused: the box shows its year again and a hint says why, announced
//! to screen readers. "All years" clears both bounds.

use leptos::prelude::*;

use crate::i18n::{t, use_language};
use crate::model::filter::{Filters, YearBound};
use crate::model::i18n::editor::EditorText;
use crate::model::i18n::Phrase;
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
    let language = use_language();
    let filters = state.filters;
    let span = Memo::new(move |_| state.dataset.with(Dataset::year_span));
    // The last text typed when it was refused, `None` once a year is taken: the hint is worded from it
    // in the current language, so a switch of language rewords it.
    let refused = RwSignal::new(None::<String>);

    let type_year = move |bound: YearBound, input: web_sys::HtmlInputElement| {
        let typed = input.value();
        let mut next = filters.get_untracked();
        match next.type_year(bound, &typed, span.get_untracked()) {
            Ok(()) => {
                refused.set(None);
                filters.maybe_update(|f| {
                    let changed = *f != next;
                    if changed {
                        *f = next;
                    }
                    changed
                });
            }
            Err(_) => refused.set(Some(typed)),
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
            YearBound::From => (EditorText::From, "year-from"),
            YearBound::To => (EditorText::To, "year-to"),
        };
        // The data's own years stay plain digits in both languages: they are what the box takes.
        let placeholder = move || {
            span.get().map_or_else(
                || EditorText::YearPlaceholder.text(language.get()).to_string(),
                |(first, last)| match bound {
                    YearBound::From => first.to_string(),
                    YearBound::To => last.to_string(),
                },
            )
        };
        view! {
            <label class="year-range__field">
                {t(label)}
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
            <legend>{t(EditorText::YearsActive)}</legend>
            {year_box(YearBound::From)}
            {year_box(YearBound::To)}
            <Show when=move || filters.with(|f| f.from.is_some() || f.to.is_some())>
                <button
                    type="button"
                    class="button button--small"
                    data-testid=format!("{test_prefix}-years-clear")
                    on:click=move |_| {
                        refused.set(None);
                        filters.update(Filters::clear_years);
                    }
                >
                    {t(EditorText::AllYears)}
                </button>
            </Show>
            <p class="year-range__hint" id=HINT_ID role="status" data-testid="year-hint">
                {move || refused.with(|typed| {
                    typed.as_deref().map(|typed| wording::year_rejected(language.get(), typed))
                })}
            </p>
        </fieldset>
    }
}
