//! The map view: the ASEAN member states coloured by the number of activities under one measure, the
//! ASEAN-wide count beside them, a side panel listing the activities behind any count, a table of the
//! same numbers, and SVG/PNG export for slides.
//!
//! The counts come from `state.map_counts` (rebuilt only when the dataset or the years change), so
//! switching the measure only looks eleven numbers up. What the map shows under the current choices is
//! one `model::map_picture::MapPicture` in a memo: the drawing, the legend and the SVG export all draw it.

mod drawing;
mod panel;
mod years;

pub use years::YearPlayback;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::files;
use crate::i18n::t;
use crate::map_shapes::{CONTEXT_PATH, COUNTRY_SHAPES, MAP_HEIGHT, MAP_WIDTH};
use crate::model::i18n::map::{self as words, MapText};
use crate::model::i18n::{Locale, Phrase};
use crate::model::map_export::{export_file_stem, export_svg, ExportedMap, MapExport, MapGeometry};
use crate::model::map_picture::{MapPicture, PARTNER_FILL};
use crate::model::stats::{MeasureChoice, Place};
use crate::model::{Measure, MemberState};
use crate::state::{use_atlas, AtlasState};
use crate::ui::kit::vocabulary_select::measure_choices_in;
use crate::ui::kit::{OtherFiltersNote, VocabularySelect, YearRange};

/// The map's derived signals, shared by its parts. Every field is a cheap, copyable handle.
#[derive(Clone, Copy)]
struct MapSignals {
    state: AtlasState,
    measure: Memo<MeasureChoice>,
    include_asean_wide: Memo<bool>,
    selected: Memo<Option<Place>>,
    /// What the map shows under the current language, counts, measure and toggle (a pointer or the
    /// focus moving does not rebuild it).
    picture: Memo<MapPicture>,
    /// The dataset's first and last year (the default year range).
    span: Memo<Option<(i32, i32)>>,
    /// The place under the pointer.
    pointed: RwSignal<Option<Place>>,
    /// The place with the keyboard focus.
    focused: RwSignal<Option<Place>>,
    /// The place whose tooltip shows: the one under the pointer, else the focused one.
    hovered: Memo<Option<Place>>,
    /// The side panel's heading, which takes the focus when the user opens the panel.
    panel_heading: NodeRef<leptos::html::H3>,
}

impl MapSignals {
    fn new(state: AtlasState) -> MapSignals {
        let measure = Memo::new(move |_| state.filters.with(|f| f.measure));
        let include_asean_wide = Memo::new(move |_| state.map.with(|m| m.include_asean_wide));
        let selected = Memo::new(move |_| state.map.with(|m| m.selected));
        // Twelve lookups per change of language, measure or toggle; the table itself is not rebuilt.
        let picture = Memo::new(move |_| {
            let (locale, measure, include) = (
                state.language.get(),
                measure.get(),
                include_asean_wide.get(),
            );
            state
                .map_counts
                .with(|counts| MapPicture::new(locale, counts, measure, include))
        });
        let span = expect_context::<YearPlayback>().span;
        let pointed = RwSignal::new(None);
        let focused = RwSignal::new(None);
        let hovered = Memo::new(move |_| pointed.get().or(focused.get()));
        MapSignals {
            state,
            measure,
            include_asean_wide,
            selected,
            picture,
            span,
            pointed,
            focused,
            hovered,
            panel_heading: NodeRef::new(),
        }
    }

    /// The count shown for a place under the current measure and toggle (tracked).
    fn count(self, place: Place) -> u32 {
        self.picture.read().count(place)
    }

    /// The language of the app's words (tracked).
    fn locale(self) -> Locale {
        self.state.language.get()
    }

    /// Opens the side panel on `place` and moves the focus to it once it has rendered.
    fn open(self, place: Place) {
        self.state.map.update(|m| m.selected = Some(place));
        let heading = self.panel_heading;
        request_animation_frame(move || {
            if let Some(heading) = heading.get_untracked() {
                let _ = heading.focus();
            }
        });
    }

    /// Closes the side panel and gives the focus back to the place it showed.
    fn close(self) {
        let Some(place) = self.selected.get_untracked() else {
            return;
        };
        self.state.map.update(|m| m.selected = None);
        focus_place(place);
    }

    /// Forgets `place` as pointed at (or focused) unless another place has taken over meanwhile.
    /// A blur also fires while the map is being taken out of the page (leaving presentation mode with
    /// a state focused), when its signals are already disposed: then there is nothing to forget.
    fn leave(signal: RwSignal<Option<Place>>, place: Place) {
        if signal.try_get_untracked().flatten() == Some(place) {
            signal.try_set(None);
        }
    }

    fn point(self, place: Place) {
        self.pointed.set(Some(place));
    }

    fn unpoint(self, place: Place) {
        MapSignals::leave(self.pointed, place);
    }

    fn focus(self, place: Place) {
        self.focused.set(Some(place));
    }

    fn blur(self, place: Place) {
        MapSignals::leave(self.focused, place);
    }
}

/// Focuses the map element of a place. SVG elements have no typed `focus()` in the enabled web-sys
/// features, so the DOM method is called by name.
fn focus_place(place: Place) {
    let selector = match place {
        Place::MemberState(state) => format!("[data-country=\"{}\"]", state.iso3()),
        Place::AseanWide => "[data-testid=\"asean-wide\"]".to_string(),
    };
    let Some(element) = document().query_selector(&selector).ok().flatten() else {
        return;
    };
    if let Ok(focus) = js_sys::Reflect::get(&element, &"focus".into()) {
        if let Some(focus) = focus.dyn_ref::<js_sys::Function>() {
            let _ = focus.call0(&element);
        }
    }
}

#[component]
pub fn MapView() -> impl IntoView {
    let state = use_atlas();
    let signals = MapSignals::new(state);

    // Escape closes the side panel from anywhere in the view (the panel or the map), except while
    // typing in a form field, where Escape belongs to the field.
    let escape = window_event_listener(ev::keydown, move |event| {
        if event.key() != "Escape" || signals.selected.get_untracked().is_none() {
            return;
        }
        let in_field = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if !in_field {
            event.prevent_default();
            signals.close();
        }
    });
    on_cleanup(move || escape.remove());

    view! {
        <section class="view map-view" aria-labelledby="view-title" data-testid="map-view">
            <div class="map-head">
                <h2 id="view-title">{t(MapText::MapHeading)}</h2>
                <MapControls signals/>
            </div>
            <OtherFiltersNote view="map"/>
            <div class="map-layout">
                <figure class="map-figure">
                    <drawing::AseanMap signals/>
                </figure>
                <div class="map-side">
                    <MapLegend signals/>
                    {move || match signals.selected.get() {
                        Some(place) => view! { <panel::CountryPanel signals place/> }.into_any(),
                        None => view! {
                            <p class="map-hint" data-testid="map-hint">{t(MapText::MapHint)}</p>
                        }
                        .into_any(),
                    }}
                </div>
            </div>
            <CountsTable signals/>
        </section>
    }
}

/// Measure, years, the ASEAN-wide toggle and the two exports.
#[component]
fn MapControls(signals: MapSignals) -> impl IntoView {
    let state = signals.state;
    let filters = state.filters;
    let current_code = move || signals.measure.get().map_or("ALL", Measure::code);

    view! {
        <div class="toolbar map-controls">
            <label>
                {t(MapText::MeasureLabel)}
                // Its options are plain words: a switch of language draws the select again (its value
                // is the filters', so nothing is lost).
                {move || {
                    let locale = signals.locale();
                    view! {
                        <VocabularySelect
                            attr:data-testid="measure-select"
                            none=("ALL", MapText::AllMeasures.text(locale))
                            choices=measure_choices_in(locale)
                            value=Signal::derive(move || current_code().to_string())
                            on_choose=move |code: String| {
                                let measure = Measure::from_code(&code);
                                filters.maybe_update(|f| {
                                    let changed = f.measure != measure;
                                    f.measure = measure;
                                    changed
                                });
                            }
                        />
                    }
                }}
            </label>
            <YearRange test_prefix="map"/>
            <years::YearPlayer signals/>
            <label class="check map-controls__toggle">
                <input
                    type="checkbox"
                    data-testid="include-asean-wide"
                    prop:checked=move || signals.include_asean_wide.get()
                    on:change:target=move |ev| {
                        let checked = ev.target().checked();
                        state.map.update(|m| m.include_asean_wide = checked);
                    }
                />
                {t(MapText::IncludeAseanWide)}
            </label>
            <div class="map-controls__export" role="group" aria-label=t(MapText::ExportGroup)>
                <button class="button" data-testid="export-map-svg" on:click=move |_| export_as_svg(signals)>
                    {t(MapText::ExportSvg)}
                </button>
                <button class="button" data-testid="export-map-png" on:click=move |_| export_as_png(signals)>
                    {t(MapText::ExportPng)}
                </button>
            </div>
        </div>
    }
}

/// The picture's legend (zero first, then each class), plus the keys to Japan and the ASEAN-wide box.
/// Each swatch is painted like the map (the zero one with the map's hatch).
#[component]
fn MapLegend(signals: MapSignals) -> impl IntoView {
    let picture = signals.picture;
    view! {
        <div class="map-legend" data-testid="map-legend" role="group" aria-labelledby="map-legend-title">
            <h3 id="map-legend-title" class="map-legend__title">
                {move || picture.read().legend_title()}
            </h3>
            <ul class="map-legend__classes">
                {move || {
                    picture
                        .read()
                        .legend()
                        .into_iter()
                        .map(|(fill, label)| view! {
                            <li class="map-legend__class" data-class=fill.class().to_string()>
                                <svg class="map-legend__swatch" aria-hidden="true">
                                    <rect width="100%" height="100%" fill=fill.paint()></rect>
                                </svg>
                                <span class="map-legend__label">{label}</span>
                            </li>
                        })
                        .collect_view()
                }}
            </ul>
            <ul class="map-legend__keys">
                <li>
                    <span class="map-legend__swatch" style:background=PARTNER_FILL aria-hidden="true"></span>
                    {t(MapText::PartnerName)}
                </li>
                <li>
                    <span class="map-legend__swatch map-legend__swatch--asean" aria-hidden="true"></span>
                    {move || words::asean_wide_key(
                        signals.locale(),
                        signals.count(Place::AseanWide),
                        signals.include_asean_wide.get(),
                    )}
                </li>
            </ul>
            <p class="map-legend__note" data-testid="map-credit">
                {move || words::disclaimer_and_credit(signals.locale())}
            </p>
        </div>
    }
}

/// The same numbers as a real table, for screen readers and for reading exact values.
#[component]
fn CountsTable(signals: MapSignals) -> impl IntoView {
    let counts = signals.state.map_counts;
    let include = signals.include_asean_wide;
    let member_row = move |state: MemberState| {
        let place = Place::MemberState(state);
        view! {
            <tr data-row=state.iso3()>
                <th scope="row">{move || state.label(signals.locale())}</th>
                <td class="map-table__shown">{move || signals.count(place)}</td>
                {Measure::ALL
                    .into_iter()
                    .map(|m| view! {
                        <td>{move || counts.with(|c| c.member_state(state, Some(m), include.get()))}</td>
                    })
                    .collect_view()}
                <td>{move || counts.with(|c| c.member_state(state, None, include.get()))}</td>
            </tr>
        }
    };
    view! {
        <details class="map-table" data-testid="map-table">
            <summary>{t(MapText::TableSummary)}</summary>
            <div class="map-table__scroll">
                <table class="table">
                    <caption>
                        {move || words::table_caption(
                            signals.locale(),
                            include.get(),
                            signals.measure.get(),
                        )}
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(MapText::MemberStateColumn)}</th>
                            <th scope="col">{t(MapText::OnTheMapColumn)}</th>
                            {Measure::ALL
                                .into_iter()
                                .map(|m| view! {
                                    <th scope="col">
                                        <abbr title=move || m.label(signals.locale())>{m.short_label()}</abbr>
                                    </th>
                                })
                                .collect_view()}
                            <th scope="col">{t(MapText::AllMeasures)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {MemberState::ALL.into_iter().map(member_row).collect_view()}
                        <tr data-row="ASEAN">
                            <th scope="row">{t(MapText::AseanWide)}</th>
                            <td class="map-table__shown">{move || signals.count(Place::AseanWide)}</td>
                            {Measure::ALL
                                .into_iter()
                                .map(|m| view! { <td>{move || counts.with(|c| c.asean_wide(Some(m)))}</td> })
                                .collect_view()}
                            <td>{move || counts.with(|c| c.asean_wide(None))}</td>
                        </tr>
                    </tbody>
                </table>
            </div>
        </details>
    }
}

/// The picture of the map as it stands, with its caption, in the language of the page (the picture
/// carries it).
fn picture(signals: MapSignals) -> (ExportedMap, String) {
    let state = signals.state;
    let geometry = MapGeometry {
        width: MAP_WIDTH,
        height: MAP_HEIGHT,
        context: CONTEXT_PATH,
        countries: COUNTRY_SHAPES
            .iter()
            .map(|s| (s.iso3, s.path, s.anchor))
            .collect(),
    };
    let filters = state.filters.get_untracked();
    let title = state.dataset.with_untracked(|d| d.title.clone());
    let date = files::today();
    let exported = export_svg(&MapExport {
        geometry,
        picture: &signals.picture.read_untracked(),
        filters: &filters,
        span: signals.span.get_untracked(),
        title: &title,
        date: &date,
    });
    (exported, export_file_stem(filters.measure, &date))
}

fn export_as_svg(signals: MapSignals) {
    let (exported, stem) = picture(signals);
    if let Err(error) = files::download_text(&format!("{stem}.svg"), "image/svg+xml", &exported.svg)
    {
        let locale = signals.state.language.get_untracked();
        signals
            .state
            .notice
            .set(Some(words::export_failed(locale, "SVG", &error)));
    }
}

fn export_as_png(signals: MapSignals) {
    let (exported, stem) = picture(signals);
    let notice = signals.state.notice;
    let locale = signals.state.language.get_untracked();
    leptos::task::spawn_local(async move {
        let result = files::chart_svg_to_png(&exported.svg, exported.width, exported.height, 2.0)
            .await
            .and_then(|blob| files::download_blob(&format!("{stem}.png"), &blob));
        if let Err(error) = result {
            notice.set(Some(words::export_failed(locale, "PNG", &error)));
        }
    });
}
