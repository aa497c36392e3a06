//! The side panel: exactly the activities behind the number of the selected place, under the same
//! measure, years and ASEAN-wide toggle as the map (both come from `model::stats`, so they agree). A
//! programme with dated events is one row, counted once, with its events listed under it.

use leptos::prelude::*;

use super::MapSignals;
use crate::i18n::t;
use crate::model::i18n::map::{self as words, Listed, MapText};
use crate::model::stats::{counted_behind, Place};
use crate::model::Activity;
use crate::ui::kit::{row_key, ActivityRow};

/// A row of the panel: the record behind the count and, for a programme, its dated events.
#[derive(Clone, PartialEq)]
struct Row {
    activity: Activity,
    events: Vec<Activity>,
}

#[component]
pub(super) fn CountryPanel(signals: MapSignals, place: Place) -> impl IntoView {
    let state = signals.state;
    let activities = Memo::new(move |_| {
        let include = signals.include_asean_wide.get();
        let filters = state.filters.read();
        state.dataset.with(|dataset| {
            counted_behind(dataset, &filters, filters.measure, place, include)
                .into_iter()
                .map(|c| Row {
                    activity: c.record.clone(),
                    events: c.events.into_iter().cloned().collect(),
                })
                .collect::<Vec<Row>>()
        })
    });
    let summary = move || {
        let count = activities.with(Vec::len);
        let years = state.filters.with(|f| f.years_within(signals.span.get()));
        let listed = match (place, signals.include_asean_wide.get()) {
            (Place::AseanWide, _) => Listed::AseanWide,
            (_, true) => Listed::OwnPlusAseanWide,
            (_, false) => Listed::Own,
        };
        words::panel_summary(
            signals.locale(),
            count,
            signals.measure.get(),
            years,
            listed,
        )
    };

    view! {
        <aside
            id="country-panel"
            class="map-panel card"
            data-testid="country-panel"
            data-place=place.code()
            aria-labelledby="country-panel-title"
        >
            <div class="map-panel__head">
                <h3 id="country-panel-title" class="map-panel__title" tabindex="-1" node_ref=signals.panel_heading>
                    {move || words::place_name(signals.locale(), place)}
                </h3>
                <button
                    class="button button--small"
                    data-testid="close-panel"
                    aria-label=move || words::close_list(signals.locale(), place)
                    on:click=move |_| signals.close()
                >
                    {t(MapText::Close)}
                </button>
            </div>
            <p class="map-panel__summary" data-testid="panel-summary">{summary}</p>
            <Show
                when=move || activities.with(|list| !list.is_empty())
                fallback=|| view! {
                    <p class="map-panel__empty">{t(MapText::PanelEmpty)}</p>
                }
            >
                <ol class="map-panel__list">
                    <For
                        each=move || activities.get()
                        key=|row| row_key(&row.activity, None, row.events.len(), &row.events)
                        let:row
                    >
                        <ActivityRow activity=row.activity event_count=row.events.len() events=row.events sources=true/>
                    </For>
                </ol>
            </Show>
        </aside>
    }
}
