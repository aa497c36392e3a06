//! The side panel: exactly the activities behind the number of the selected place, under the same
//! measure, years and ASEAN-wide toggle as the map (both come from `model::stats`, so they agree). A
//! programme with dated events is one row, counted once, with its events listed under it.

use std::hash::{DefaultHasher, Hash, Hasher};

use leptos::prelude::*;

use super::MapSignals;
use crate::model::map_picture::{activities_phrase, measure_title};
use crate::model::stats::{counted_behind, Place};
use crate::model::year_range::year_range;
use crate::model::Activity;
use crate::ui::{
    places_label, programme_words, ConfidenceMark, MeasureBadges, OfficialMark, SourceList,
};

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
        let count = activities.with(Vec::len) as u32;
        let years = match state.filters.with(|f| year_range(f, signals.span.get())) {
            (Some(from), Some(to)) if from == to => from.to_string(),
            (Some(from), Some(to)) => format!("{from}–{to}"),
            _ => "all years".to_string(),
        };
        let counted = match (place, signals.include_asean_wide.get()) {
            (Place::AseanWide, _) => "activities with ASEAN as a whole",
            (_, true) => "its own activities plus every ASEAN-wide one",
            (_, false) => "activities that involve it",
        };
        format!(
            "{} · {} · {years} · {counted}",
            activities_phrase(count),
            measure_title(signals.measure.get())
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
                    {place.name()}
                </h3>
                <button
                    class="button button--small"
                    data-testid="close-panel"
                    aria-label=format!("Close the list of {}", place.name())
                    on:click=move |_| signals.close()
                >
                    "Close"
                </button>
            </div>
            <p class="map-panel__summary" data-testid="panel-summary">{summary}</p>
            <Show
                when=move || activities.with(|list| !list.is_empty())
                fallback=|| view! {
                    <p class="map-panel__empty">"No activities under this measure in these years."</p>
                }
            >
                <ol class="map-panel__list">
                    <For each=move || activities.get() key=row_key let:row>
                        <ActivityRow activity=row.activity events=row.events/>
                    </For>
                </ol>
            </Show>
        </aside>
    }
}

/// A row's key changes whenever what the row shows changes, so an edit made elsewhere (another tab)
/// re-renders it while the panel is open.
fn row_key(row: &Row) -> (String, u64) {
    let activity = &row.activity;
    let mut hasher = DefaultHasher::new();
    for event in &row.events {
        (&event.id, &event.title, event.start, event.end).hash(&mut hasher);
    }
    activity.title.hash(&mut hasher);
    activity.start.hash(&mut hasher);
    activity.end.hash(&mut hasher);
    activity.measures.hash(&mut hasher);
    activity.countries.hash(&mut hasher);
    activity.confidence.hash(&mut hasher);
    for source in &activity.sources {
        source.url.hash(&mut hasher);
        source.title.hash(&mut hasher);
    }
    (activity.id.clone(), hasher.finish())
}

#[component]
fn ActivityRow(activity: Activity, events: Vec<Activity>) -> impl IntoView {
    let places = places_label(&activity);
    let id = activity.id.clone();
    let title = activity.title.clone();
    let years = activity.years_label();
    let confidence = activity.confidence();
    view! {
        <li class="map-panel__row" data-testid="activity-row" data-activity-id=id>
            <p class="map-panel__row-title">
                {title}
                <ConfidenceMark confidence/>
            </p>
            <p class="map-panel__meta">
                <span class="map-panel__years">{years}</span>
                <MeasureBadges activity=activity.clone()/>
                <span class="map-panel__places">{places}</span>
                <OfficialMark activity=activity.clone()/>
            </p>
            <SourceList sources=activity.sources/>
            {(!events.is_empty()).then(|| view! {
                <p class="map-panel__event-count" data-testid="event-count">{programme_words::event_count(events.len())}</p>
                <ul class="map-panel__events" data-testid="panel-events">
                    {events.into_iter().map(|event| view! {
                        <li data-testid="panel-event" data-activity-id=event.id.clone()>
                            <span class="map-panel__years">{event.years_label()}</span>
                            {event.title.clone()}
                            <ConfidenceMark confidence=event.confidence()/>
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </li>
    }
}
