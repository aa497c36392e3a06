//! The matrix view: a real table of activity counts, member states and ASEAN-wide against the measures
//! (or the fields), heat-shaded with the map's palette. It is the map's accessible twin: every cell is a
//! button that lists exactly the activities it counts.

use leptos::prelude::*;

use crate::i18n::{t, use_language};
use crate::model::i18n::views::{self as words, ViewsText};
use crate::model::i18n::Locale;
use crate::model::matrix::{counted_in_cell, row_label, Column, Matrix, MatrixMode};
use crate::model::stats::Place;
use crate::model::{wording, Activity, Filters};
use crate::state::use_atlas;
use crate::ui::kit::{row_key, ActivityRow, OtherFiltersNote, YearRange};

/// The cell whose activities are listed under the table. Its name is not kept: the list's heading
/// names it from the current matrix, so that it follows a switch of language.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Selection {
    place: Place,
    column: Column,
}

#[component]
pub fn MatrixView() -> impl IntoView {
    let state = use_atlas();
    let language = use_language();
    let mode = RwSignal::new(MatrixMode::Measures);
    let selected = RwSignal::new(None::<Selection>);
    // The matrix ignores the measure, country and scope filters (its columns and rows are those), so
    // changing them on the map does not rebuild it.
    let filters = Memo::new(move |_| {
        let mut base = state.filters.get();
        base.measure = None;
        base.country = None;
        base.scope = None;
        base
    });
    let matrix = Memo::new(move |_| {
        let mode = mode.get();
        let locale = language.get();
        filters.with(|f| state.dataset.with(|d| Matrix::build(d, f, mode, locale)))
    });
    let legend = Memo::new(move |_| matrix.with(|m| m.legend_labels(language.get())));
    // The one cell of the grid that is a tab stop (WAI-ARIA grid pattern): the matrix is a single stop
    // in the page's tab order, and the arrow keys move within it. Kept inside the table's bounds when a
    // mode change gives it fewer columns.
    let active = RwSignal::new((0usize, 0usize));
    let bounded_active = Memo::new(move |_| {
        let (row, col) = active.get();
        matrix.with(|m| {
            (
                row.min(m.rows.len().saturating_sub(1)),
                col.min(m.columns.len().saturating_sub(1)),
            )
        })
    });
    let on_grid_key = move |event: leptos::ev::KeyboardEvent| {
        let (rows, cols) = matrix.with(|m| (m.rows.len(), m.columns.len()));
        let Some(next) = grid_step(
            bounded_active.get_untracked(),
            (rows, cols),
            &event.key(),
            event.ctrl_key(),
        ) else {
            return;
        };
        event.prevent_default();
        active.set(next);
        focus_cell(&event, next);
    };

    view! {
        <section class="view matrix-view" aria-labelledby="view-title">
            <h2 id="view-title">{t(ViewsText::MatrixHeading)}</h2>
            <p class="matrix-view__lead">{t(ViewsText::MatrixLead)}</p>
            <div class="toolbar matrix-view__controls">
                <fieldset class="segmented" data-testid="matrix-mode">
                    <legend>{t(ViewsText::MatrixColumns)}</legend>
                    {MatrixMode::ALL.into_iter().map(|m| view! {
                        <label class="segmented__option">
                            <input
                                type="radio"
                                name="matrix-mode"
                                value=m.code()
                                data-testid=format!("matrix-mode-{}", m.code())
                                prop:checked=move || mode.get() == m
                                on:change=move |_| {
                                    mode.set(m);
                                    selected.set(None);
                                }
                            />
                            <span>{t(m.label())}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
                <YearRange test_prefix="matrix"/>
            </div>
            <OtherFiltersNote view="matrix"/>
            <div class="table-scroll matrix-scroll">
                <table
                    class="table matrix"
                    role="grid"
                    aria-describedby="matrix-keys"
                    data-testid="matrix"
                    data-mode=move || mode.get().code()
                    on:keydown=on_grid_key
                >
                    <caption>{move || caption(language.get(), mode.get(), &filters.get())}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(ViewsText::MemberState)}</th>
                            {move || matrix.with(|m| m.columns.iter().map(|head| view! {
                                <th
                                    scope="col"
                                    class="matrix__col"
                                    class:matrix__col--total=head.column == Column::Total
                                    class:matrix__col--current=state.filters.with(|f| f.measure.is_some_and(|x| head.column == Column::Measure(x)))
                                    title=head.title.clone()
                                    data-col=head.column.code()
                                >
                                    {head.label.clone()}
                                </th>
                            }).collect_view())}
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            // The matrix is built in the current language, so this redraws with it.
                            let locale = language.get();
                            matrix.with(|m| m.rows.iter().zip(&m.counts).enumerate().map(|(row, (place, counts))| {
                                let place = *place;
                                let cells = m.columns.iter().zip(counts).enumerate().map(|(col, (head, count))| {
                                    let count = *count;
                                    let class = m.class_of_cell(row, col);
                                    let label = words::cell_name(locale, row_label(place, locale), &head.label);
                                    let column = head.column.clone();
                                    let this = Selection { place, column: column.clone() };
                                    let is_selected = {
                                        let column = column.clone();
                                        move || selected.with(|s| s.as_ref().is_some_and(|s| s.place == place && s.column == column))
                                    };
                                    view! {
                                        <td
                                            class=format!("matrix__cell matrix__cell--class-{class}")
                                            class:matrix__cell--total=column == Column::Total
                                            data-row=place.code()
                                            data-col=column.code()
                                            data-count=count.to_string()
                                        >
                                            <button
                                                class="matrix__button"
                                                data-cell=format!("{row}-{col}")
                                                tabindex=move || if bounded_active.get() == (row, col) { "0" } else { "-1" }
                                                on:focus=move |_| active.set((row, col))
                                                aria-pressed=move || if is_selected() { "true" } else { "false" }
                                                aria-label=words::cell_count(locale, &label, count as usize)
                                                on:click=move |_| selected.set(Some(this.clone()))
                                            >
                                                {count.to_string()}
                                            </button>
                                        </td>
                                    }
                                }).collect_view();
                                view! {
                                    <tr class:matrix__row--asean=place == Place::AseanWide>
                                        <th scope="row" data-row=place.code()>{row_label(place, locale)}</th>
                                        {cells}
                                    </tr>
                                }
                            }).collect_view())
                        }}
                    </tbody>
                </table>
            </div>
            <p class="matrix-view__note" id="matrix-keys">{t(ViewsText::MatrixKeys)}</p>
            <MatrixLegend labels=legend/>
            <p class="matrix-view__note">{t(ViewsText::MatrixCountingNote)}</p>
            <CellActivities selected=selected filters=filters matrix=matrix/>
        </section>
    }
}

fn caption(locale: Locale, mode: MatrixMode, filters: &Filters) -> String {
    words::matrix_caption(
        locale,
        mode,
        &wording::years(locale, filters.from, filters.to),
    )
}

/// The palette's classes, as on the map.
#[component]
fn MatrixLegend(labels: Memo<Vec<String>>) -> impl IntoView {
    view! {
        <div class="matrix-legend" aria-label=t(ViewsText::LegendLabel)>
            <span class="matrix-legend__title">{t(ViewsText::LegendTitle)}</span>
            <span class="matrix-legend__item">
                <span class="matrix-legend__swatch matrix__cell--class-0"></span>"0"
            </span>
            {move || labels.get().into_iter().enumerate().map(|(i, label)| view! {
                <span class="matrix-legend__item">
                    <span class=format!("matrix-legend__swatch matrix__cell--class-{}", i + 1)></span>
                    {label}
                </span>
            }).collect_view()}
            <span class="matrix-legend__note">{t(ViewsText::LegendNote)}</span>
        </div>
    }
}

/// The activities behind the chosen cell, sorted by year.
#[component]
fn CellActivities(
    selected: RwSignal<Option<Selection>>,
    filters: Memo<Filters>,
    matrix: Memo<Matrix>,
) -> impl IntoView {
    let state = use_atlas();
    let language = use_language();
    let activities = Memo::new(move |_| {
        selected.with(|s| {
            s.as_ref().map(|s| {
                filters.with(|f| {
                    state.dataset.with(|d| {
                        // A programme is listed once; its row says how many dated events count with it.
                        counted_in_cell(d, f, s.place, &s.column)
                            .into_iter()
                            .map(|c| (c.record.clone(), c.events.len()))
                            .collect::<Vec<(Activity, usize)>>()
                    })
                })
            })
        })
    });
    move || {
        selected.get().map(|s| {
            let count = move || activities.with(|a| a.as_ref().map_or(0, Vec::len));
            // The cell's name in the current language, from the matrix's header of its column.
            let heading = {
                let (place, column) = (s.place, s.column.clone());
                move || {
                    let locale = language.get();
                    let column_label = matrix.with(|m| {
                        m.columns
                            .iter()
                            .find(|head| head.column == column)
                            .map_or_else(|| column.code(), |head| head.label.clone())
                    });
                    let cell = words::cell_name(locale, row_label(place, locale), &column_label);
                    words::cell_count(locale, &cell, count())
                }
            };
            view! {
                <section
                    class="card matrix-selection"
                    data-testid="matrix-selection"
                    data-row=s.place.code()
                    data-col=s.column.code()
                    aria-live="polite"
                >
                    <div class="matrix-selection__head">
                        <h3>{heading}</h3>
                        <button class="button button--small" on:click=move |_| selected.set(None)>{t(ViewsText::Close)}</button>
                    </div>
                    <Show when=move || count() == 0>
                        <p class="placeholder">{t(ViewsText::EmptyCell)}</p>
                    </Show>
                    <ul class="matrix-selection__list" data-testid="matrix-activities">
                        <For
                            each=move || activities.get().unwrap_or_default()
                            key=|(a, events)| row_key(a, None, *events, &[])
                            children=move |(a, event_count)| view! { <ActivityRow activity=a event_count/> }
                        />
                    </ul>
                </section>
            }
        })
    }
}

/// The cell the key `key` moves to from `at` in a grid of `size` (rows, columns), or `None` for a key
/// the grid does not handle. Moves stop at the edges, as the WAI-ARIA grid pattern has them.
fn grid_step(
    at: (usize, usize),
    size: (usize, usize),
    key: &str,
    ctrl: bool,
) -> Option<(usize, usize)> {
    let (row, col) = at;
    let (rows, cols) = size;
    if rows == 0 || cols == 0 {
        return None;
    }
    let (last_row, last_col) = (rows - 1, cols - 1);
    Some(match key {
        "ArrowRight" => (row, (col + 1).min(last_col)),
        "ArrowLeft" => (row, col.saturating_sub(1)),
        "ArrowDown" => ((row + 1).min(last_row), col),
        "ArrowUp" => (row.saturating_sub(1), col),
        "Home" if ctrl => (0, 0),
        "End" if ctrl => (last_row, last_col),
        "Home" => (row, 0),
        "End" => (row, last_col),
        "PageDown" => ((row + 5).min(last_row), col),
        "PageUp" => (row.saturating_sub(5), col),
        _ => return None,
    })
}

/// Moves the focus to the button of cell `cell` in the table the key event came from.
fn focus_cell(event: &leptos::ev::KeyboardEvent, cell: (usize, usize)) {
    use wasm_bindgen::JsCast;
    let Some(table) = event
        .current_target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let selector = format!("button[data-cell=\"{}-{}\"]", cell.0, cell.1);
    if let Ok(Some(button)) = table.query_selector(&selector) {
        if let Ok(button) = button.dyn_into::<web_sys::HtmlElement>() {
            let _ = button.focus();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::grid_step;

    #[test]
    fn the_arrow_keys_move_within_the_grid_and_stop_at_its_edges() {
        let size = (12, 6);
        let cases = [
            ((0, 0), "ArrowRight", false, Some((0, 1))),
            ((0, 5), "ArrowRight", false, Some((0, 5))),
            ((0, 0), "ArrowLeft", false, Some((0, 0))),
            ((3, 2), "ArrowDown", false, Some((4, 2))),
            ((11, 2), "ArrowDown", false, Some((11, 2))),
            ((0, 2), "ArrowUp", false, Some((0, 2))),
            ((3, 2), "Home", false, Some((3, 0))),
            ((3, 2), "End", false, Some((3, 5))),
            ((3, 2), "Home", true, Some((0, 0))),
            ((3, 2), "End", true, Some((11, 5))),
            ((9, 1), "PageDown", false, Some((11, 1))),
            ((3, 1), "PageUp", false, Some((0, 1))),
            ((3, 1), "Enter", false, None),
            ((3, 1), "a", false, None),
        ];
        for (at, key, ctrl, expected) in cases {
            assert_eq!(
                grid_step(at, size, key, ctrl),
                expected,
                "{key} from {at:?}"
            );
        }
        assert_eq!(grid_step((0, 0), (0, 6), "ArrowDown", false), None);
    }
}
