//! The filter bar: one row of controls over the shared [`Filters`](crate::model::Filters), used by the
//! activities list and reusable by any view that narrows the dataset (the matrix). The filters live in
//! the app state and in the URL, so every view that shows them shows the same selection.

use leptos::prelude::*;

use crate::i18n::{t, use_language, Language};
use crate::model::filter::field_labels;
use crate::model::i18n::editor::{more_filters_set, EditorText};
use crate::model::i18n::{Locale, Phrase};
use crate::model::{Confidence, Direction, Filters, Measure, MemberState, Scope, Status};
use crate::state::use_atlas;
use crate::ui::kit::{measure_choices, VocabularySelect, YearRange};

/// A vocabulary's choices in the current language, for a `VocabularySelect`.
fn choices_in(
    language: Language,
    choices: fn(Locale) -> Vec<(&'static str, String)>,
) -> Signal<Vec<(&'static str, String)>> {
    Signal::derive(move || choices(language.get()))
}

/// "Any": the first choice of every optional filter, in the current language.
fn any() -> (&'static str, Signal<&'static str>) {
    ("", Signal::derive(t(EditorText::Any)))
}

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
    let language = use_language();
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
        <div class="filter-bar toolbar" role="search" aria-label=t(EditorText::FilterActivities)>
            {search.then(|| view! {
                <label class="filter-bar__search">
                    {t(EditorText::Search)}
                    <input
                        type="search"
                        data-testid="activity-search"
                        placeholder=t(EditorText::SearchPlaceholder)
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
                    {t(EditorText::Measure)}
                    <VocabularySelect
                        attr:data-testid="filter-measure"
                        none=("", Signal::derive(t(EditorText::AllMeasures)))
                        choices=measure_choices()
                        value=Memo::new(move |_| filters.with(|f| f.measure.map(Measure::code).unwrap_or_default().to_string()))
                        on_choose=move |code: String| filters.update(|f| f.measure = Measure::from_code(&code))
                    />
                </label>
            })}
            <label>
                {t(EditorText::MemberState)}
                <VocabularySelect
                    attr:data-testid="filter-country"
                    none=any()
                    choices=choices_in(language, |locale| MemberState::ALL.iter().map(|m| (m.iso3(), m.label(locale).to_string())).collect())
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
                {t(EditorText::OfficialOnly)}
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
                {move || {
                    let locale = language.get();
                    match folded_set.get() {
                        0 => EditorText::MoreFilters.text(locale).to_string(),
                        n => more_filters_set(locale, n),
                    }
                }}
            </button>
            <div id="filter-bar-more" class="filter-bar__more" class:filter-bar__more--open=move || more.get()>
                <label>
                    {t(EditorText::Scope)}
                    <VocabularySelect
                        attr:data-testid="filter-scope"
                        none=any()
                        choices=choices_in(language, |locale| Scope::ALL.iter().map(|s| (s.code(), s.label(locale).to_string())).collect())
                        value=Memo::new(move |_| filters.with(|f| f.scope.map(Scope::code).unwrap_or_default().to_string()))
                        on_choose=move |code: String| filters.update(|f| f.scope = Scope::from_code(&code))
                    />
                </label>
                <label>
                    {t(EditorText::Direction)}
                    <VocabularySelect
                        attr:data-testid="filter-direction"
                        none=any()
                        choices=choices_in(language, |locale| Direction::ALL.iter().map(|d| (d.code(), d.label(locale).to_string())).collect())
                        value=Memo::new(move |_| filters.with(|f| f.direction.map(Direction::code).unwrap_or_default().to_string()))
                        on_choose=move |code: String| filters.update(|f| f.direction = Direction::from_code(&code))
                    />
                </label>
                <label>
                    {t(EditorText::Field)}
                    <select
                        data-testid="filter-field"
                        prop:value=move || field_choice.get().unwrap_or_default()
                        on:change:target=move |ev| {
                            let label = ev.target().value();
                            filters.update(|f| f.field = (!label.is_empty()).then_some(label));
                        }
                    >
                        <option value="">{t(EditorText::Any)}</option>
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
                    {t(EditorText::Status)}
                    <VocabularySelect
                        attr:data-testid="filter-status"
                        none=any()
                        choices=choices_in(language, |locale| Status::ALL.iter().map(|s| (s.code(), s.label(locale).to_string())).collect())
                        value=Memo::new(move |_| filters.with(|f| f.status.map(Status::code).unwrap_or_default().to_string()))
                        on_choose=move |code: String| filters.update(|f| f.status = Status::from_code(&code))
                    />
                </label>
                <label>
                    {t(EditorText::Confidence)}
                    <VocabularySelect
                        attr:data-testid="filter-confidence"
                        none=any()
                        choices=choices_in(language, |locale| Confidence::ALL.iter().map(|c| (c.code(), c.label(locale).to_string())).collect())
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
                    {t(EditorText::ClearFilters)}
                </button>
            </Show>
        </div>
    }
}
