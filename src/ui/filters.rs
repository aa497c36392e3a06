//! The filter bar: one row of controls over the shared [`Filters`](crate::model::Filters), used by the
//! activities list and reusable by any view that narrows the dataset (the matrix). The filters live in
//! the app state and in the URL, so every view that shows them shows the same selection.

use leptos::prelude::*;

use crate::model::filter::field_labels;
use crate::model::{Confidence, Direction, Filters, Measure, MemberState, Scope, Status};
use crate::state::use_atlas;
use crate::ui::kit::{measure_choices, VocabularySelect, YearRange};

/// Controls for every shared filter: text search, measure, member state, "backed by an official
/// source", scope, direction, field, year range, status and confidence, plus "Clear filters" while any
/// is set.
///
/// `search` (default on) shows the text search; `measure` (default on) shows the measure choice, which a
/// view that already has one (the map's legend) can leave out.
#[component]
pub fn FilterBar(
    #[prop(default = true)] search: bool,
    #[prop(default = true)] measure: bool,
) -> impl IntoView {
    let state = use_atlas();
    let filters = state.filters;
    let fields = Memo::new(move |_| state.dataset.with(field_labels));
    // Memos, so that typing in the search does not redraw the other controls.
    let field_choice = Memo::new(move |_| filters.with(|f| f.field.clone()));
    let more = RwSignal::new(false);
    // How many of the filters that fold away on a phone are set, so that a folded filter is never
    // forgotten.
    let folded_set = Memo::new(move |_| {
        filters.with(|f| {
            [
                f.scope.is_some(),
                f.direction.is_some(),
                f.field.is_some(),
                f.from.is_some(),
                f.to.is_some(),
                f.status.is_some(),
                f.confidence.is_some(),
            ]
            .into_iter()
            .filter(|set| *set)
            .count()
        })
    });

    view! {
        <div class="filter-bar toolbar" role="search" aria-label="Filter activities">
            {search.then(|| view! {
                <label class="filter-bar__search">
                    "Search"
                    <input
                        type="search"
                        data-testid="activity-search"
                        placeholder="Title, summary, field, source…"
                        autocomplete="off"
                        prop:value=move || filters.with(|f| f.search.clone())
                        on:input:target=move |ev| {
                            let text = ev.target().value();
                            filters.update(|f| f.search = text);
                        }
                    />
                </label>
            })}
            {measure.then(|| view! {
                <label>
                    "Measure"
                    <VocabularySelect
                        attr:data-testid="filter-measure"
                        none=("", "All measures")
                        choices=measure_choices()
                        value=Memo::new(move |_| filters.with(|f| f.measure.map(Measure::code).unwrap_or_default().to_string()))
                        on_choose=move |code: String| filters.update(|f| f.measure = Measure::from_code(&code))
                    />
                </label>
            })}
            <label>
                "Member state"
                <VocabularySelect
                    attr:data-testid="filter-country"
                    none=("", "Any")
                    choices=MemberState::ALL.iter().map(|m| (m.iso3(), m.name().to_string())).collect()
                    value=Memo::new(move |_| filters.with(|f| f.country.map(MemberState::iso3).unwrap_or_default().to_string()))
                    on_choose=move |code: String| filters.update(|f| f.country = MemberState::from_iso3(&code))
                />
            </label>
            <label class="check filter-bar__check">
                <input
                    type="checkbox"
                    data-testid="filter-official"
                    prop:checked=move || filters.with(|f| f.official)
                    on:change:target=move |ev| {
                        let on = ev.target().checked();
                        filters.update(|f| f.official = on);
                    }
                />
                "Backed by an official source"
            </label>
            // On a phone the less used filters fold away behind one button; on wider screens the
            // wrapper is `display: contents` and they sit in the same row.
            <button
                type="button"
                class="button filter-bar__more-toggle"
                data-testid="filters-more"
                aria-expanded=move || if more.get() { "true" } else { "false" }
                aria-controls="filter-bar-more"
                on:click=move |_| more.update(|m| *m = !*m)
            >
                {move || match folded_set.get() {
                    0 => "More filters".to_string(),
                    n => format!("More filters ({n} set)"),
                }}
            </button>
            <div id="filter-bar-more" class="filter-bar__more" class:filter-bar__more--open=move || more.get()>
                <label>
                    "Scope"
                    <VocabularySelect
                        attr:data-testid="filter-scope"
                        none=("", "Any")
                        choices=Scope::ALL.iter().map(|s| (s.code(), s.name().to_string())).collect()
                        value=Memo::new(move |_| filters.with(|f| f.scope.map(Scope::code).unwrap_or_default().to_string()))
                        on_choose=move |code: String| filters.update(|f| f.scope = Scope::from_code(&code))
                    />
                </label>
                <label>
                    "Direction"
                    <VocabularySelect
                        attr:data-testid="filter-direction"
                        none=("", "Any")
                        choices=Direction::ALL.iter().map(|d| (d.code(), d.name().to_string())).collect()
                        value=Memo::new(move |_| filters.with(|f| f.direction.map(Direction::code).unwrap_or_default().to_string()))
                        on_choose=move |code: String| filters.update(|f| f.direction = Direction::from_code(&code))
                    />
                </label>
                <label>
                    "Field"
                    <select
                        data-testid="filter-field"
                        prop:value=move || field_choice.get().unwrap_or_default()
                        on:change:target=move |ev| {
                            let label = ev.target().value();
                            filters.update(|f| f.field = (!label.is_empty()).then_some(label));
                        }
                    >
                        <option value="">"Any"</option>
                        {move || {
                            let mut labels = fields.get();
                            // A field from the URL that no activity uses any more stays selectable.
                            let current = field_choice.get();
                            if let Some(current) = current.clone() {
                                if !labels.iter().any(|l| l.eq_ignore_ascii_case(&current)) {
                                    labels.insert(0, current);
                                }
                            }
                            let selected = current.unwrap_or_default();
                            labels
                                .into_iter()
                                .map(|label| {
                                    let is_selected = label == selected;
                                    view! { <option value=label.clone() selected=is_selected>{label.clone()}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
                <YearRange test_prefix="filter"/>
                <label>
                    "Status"
                    <VocabularySelect
                        attr:data-testid="filter-status"
                        none=("", "Any")
                        choices=Status::ALL.iter().map(|s| (s.code(), s.name().to_string())).collect()
                        value=Memo::new(move |_| filters.with(|f| f.status.map(Status::code).unwrap_or_default().to_string()))
                        on_choose=move |code: String| filters.update(|f| f.status = Status::from_code(&code))
                    />
                </label>
                <label>
                    "Confidence"
                    <VocabularySelect
                        attr:data-testid="filter-confidence"
                        none=("", "Any")
                        choices=Confidence::ALL.iter().map(|c| (c.code(), c.name().to_string())).collect()
                        value=Memo::new(move |_| filters.with(|f| f.confidence.map(Confidence::code).unwrap_or_default().to_string()))
                        on_choose=move |code: String| filters.update(|f| f.confidence = Confidence::from_code(&code))
                    />
                </label>
            </div>
            <Show when=move || filters.with(Filters::is_narrowing)>
                <button
                    class="button filter-bar__clear"
                    data-testid="filters-clear"
                    on:click=move |_| filters.set(Filters::default())
                >
                    "Clear filters"
                </button>
            </Show>
        </div>
    }
}
