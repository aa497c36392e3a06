//! The map drawing: other land in grey, Japan as the partner, each member state filled by its class,
//! rings around the states too small to point at, the ASEAN-wide box, and the tooltip over them.
//!
//! Every member state and the ASEAN-wide box is a focusable `role="button"`; the rings only widen
//! the pointer target and stay hidden from assistive technology. A ring's target is drawn under the
//! member states' land, so it takes a tap only at sea: on a phone it is wide enough for a finger and
//! reaches over its neighbours' land, which still answers for itself (whatever the shapes' rings,
//! overlapping islands included).

use leptos::prelude::*;

use super::MapSignals;
use crate::i18n::t;
use crate::map_shapes::{CountryShape, CONTEXT_PATH, COUNTRY_SHAPES, MAP_HEIGHT, MAP_WIDTH};
use crate::model::i18n::map::{self as words, MapText};
use crate::model::map_picture::{
    ASEAN_WIDE_BOX, CLASS_FILLS, CONTEXT_FILL, HATCH_ID, HATCH_LINE_WIDTH, HATCH_STROKE,
    HATCH_TILE, HATCH_TURN, PARTNER_FILL, PARTNER_LABEL, RING_DOT_RADIUS, RING_RADIUS, SEA_FILL,
    SMALL_STATES,
};
use crate::model::stats::Place;
use crate::model::{Measure, MemberState};

fn shape_of(iso3: &str) -> Option<&'static CountryShape> {
    COUNTRY_SHAPES.iter().find(|s| s.iso3 == iso3)
}

/// Where the tooltip of a place points, in map units.
fn anchor_of(place: Place) -> (f64, f64) {
    match place {
        Place::MemberState(state) => shape_of(state.iso3()).map_or((0.0, 0.0), |s| s.anchor),
        Place::AseanWide => ASEAN_WIDE_BOX.top_middle(),
    }
}

#[component]
pub(super) fn AseanMap(signals: MapSignals) -> impl IntoView {
    let japan = shape_of("JPN");
    let label = PARTNER_LABEL;
    view! {
        <div class="map-canvas">
            <svg
                class="map-svg"
                data-testid="asean-map"
                viewBox=format!("0 0 {MAP_WIDTH} {MAP_HEIGHT}")
                role="group"
                aria-label=move || signals.picture.read().map_label()
            >
                <defs>
                    <pattern
                        id=HATCH_ID
                        patternUnits="userSpaceOnUse"
                        width=HATCH_TILE
                        height=HATCH_TILE
                        patternTransform=HATCH_TURN
                    >
                        <rect width=HATCH_TILE height=HATCH_TILE fill=CLASS_FILLS[0]></rect>
                        <line
                            x1="0"
                            y1="0"
                            x2="0"
                            y2=HATCH_TILE
                            stroke=HATCH_STROKE
                            stroke-width=HATCH_LINE_WIDTH
                        ></line>
                    </pattern>
                </defs>
                <rect class="map-sea" width=MAP_WIDTH height=MAP_HEIGHT fill=SEA_FILL></rect>
                <path class="map-context" d=CONTEXT_PATH fill=CONTEXT_FILL aria-hidden="true"></path>
                {japan.map(|shape| view! {
                    <path
                        class="map-partner"
                        data-country="JPN"
                        d=shape.path
                        fill=PARTNER_FILL
                        role="img"
                        aria-label=t(MapText::PartnerName)
                    ></path>
                })}
                <text
                    class="map-partner-label"
                    x=label.x
                    y=label.y
                    font-size=label.size
                    aria-hidden="true"
                >
                    {t(MapText::PartnerLabel)}
                </text>
                {SMALL_STATES
                    .into_iter()
                    .filter_map(|state| shape_of(state.iso3()).map(|shape| (state, shape)))
                    .map(|(state, shape)| view! { <RingTarget signals state shape/> })
                    .collect_view()}
                {MemberState::ALL
                    .into_iter()
                    .filter_map(|state| shape_of(state.iso3()).map(|shape| (state, shape)))
                    .map(|(state, shape)| view! { <MemberStateShape signals state shape/> })
                    .collect_view()}
                {SMALL_STATES
                    .into_iter()
                    .filter_map(|state| shape_of(state.iso3()).map(|shape| (state, shape)))
                    .map(|(state, shape)| view! { <HitRing signals state shape/> })
                    .collect_view()}
                <AseanWideBox signals/>
            </svg>
            <Tooltip signals/>
        </div>
    }
}

/// Opening a place by click, Enter or Space (Space would otherwise scroll the page).
fn opening_handlers(
    signals: MapSignals,
    place: Place,
) -> (
    impl Fn(web_sys::MouseEvent) + 'static,
    impl Fn(web_sys::KeyboardEvent) + 'static,
) {
    (
        move |_| signals.open(place),
        move |event: web_sys::KeyboardEvent| {
            if matches!(event.key().as_str(), "Enter" | " ") {
                event.prevent_default();
                signals.open(place);
            }
        },
    )
}

#[component]
fn MemberStateShape(
    signals: MapSignals,
    state: MemberState,
    shape: &'static CountryShape,
) -> impl IntoView {
    let place = Place::MemberState(state);
    let picture = signals.picture;
    let (on_click, on_keydown) = opening_handlers(signals, place);
    view! {
        <g
            class="map-country"
            class:map-country--selected=move || signals.selected.get() == Some(place)
            class:map-country--hovered=move || signals.hovered.get() == Some(place)
            role="button"
            tabindex="0"
            data-country=state.iso3()
            data-count=move || picture.read().count(place).to_string()
            aria-label=move || picture.read().label(place)
            aria-controls=move || (signals.selected.get() == Some(place)).then_some("country-panel")
            aria-expanded=move || (signals.selected.get() == Some(place)).to_string()
            on:click=on_click
            on:keydown=on_keydown
            on:focus=move |_| signals.focus(place)
            on:blur=move |_| signals.blur(place)
            on:mouseenter=move |_| signals.point(place)
            on:mouseleave=move |_| signals.unpoint(place)
        >
            <path
                class="map-country__shape"
                d=shape.path
                fill=move || picture.read().fill(state).paint()
            ></path>
        </g>
    }
}

/// The larger circular target around a small state, under the land: a tap at sea inside the ring
/// opens the small state, a tap on any land above it opens that land's state.
#[component]
fn RingTarget(
    signals: MapSignals,
    state: MemberState,
    shape: &'static CountryShape,
) -> impl IntoView {
    let place = Place::MemberState(state);
    let (x, y) = shape.anchor;
    view! {
        <circle
            class="map-ring__target"
            data-hit-disc=state.iso3()
            cx=x
            cy=y
            r=RING_RADIUS
            aria-hidden="true"
            on:click=move |_| signals.open(place)
            on:mouseenter=move |_| signals.point(place)
            on:mouseleave=move |_| signals.unpoint(place)
        ></circle>
    }
}

/// The visible ring around a small state and a dot in the state's class colour, over the land (the
/// state itself is only a few pixels wide): the outline takes no pointer, the dot does.
#[component]
fn HitRing(signals: MapSignals, state: MemberState, shape: &'static CountryShape) -> impl IntoView {
    let place = Place::MemberState(state);
    let (x, y) = shape.anchor;
    let fill = move || signals.picture.read().fill(state).paint();
    view! {
        <g
            class="map-ring"
            class:map-ring--active=move || {
                signals.hovered.get() == Some(place) || signals.selected.get() == Some(place)
            }
            data-hit-target=state.iso3()
            aria-hidden="true"
            on:click=move |_| signals.open(place)
            on:mouseenter=move |_| signals.point(place)
            on:mouseleave=move |_| signals.unpoint(place)
        >
            <circle class="map-ring__outline" cx=x cy=y r=RING_RADIUS></circle>
            <circle class="map-ring__dot" cx=x cy=y r=RING_DOT_RADIUS fill=fill></circle>
        </g>
    }
}

/// The ASEAN-wide activities: not a place on the map, so a box of their own at sea.
#[component]
fn AseanWideBox(signals: MapSignals) -> impl IntoView {
    let place = Place::AseanWide;
    let b = ASEAN_WIDE_BOX;
    let picture = signals.picture;
    let count = move || picture.read().count(place);
    let (on_click, on_keydown) = opening_handlers(signals, place);
    view! {
        <g
            class="map-asean-wide"
            class:map-asean-wide--selected=move || signals.selected.get() == Some(place)
            class:map-asean-wide--hovered=move || signals.hovered.get() == Some(place)
            role="button"
            tabindex="0"
            data-testid="asean-wide"
            data-count=move || count().to_string()
            aria-label=move || picture.read().label(place)
            aria-controls=move || (signals.selected.get() == Some(place)).then_some("country-panel")
            aria-expanded=move || (signals.selected.get() == Some(place)).to_string()
            on:click=on_click
            on:keydown=on_keydown
            on:focus=move |_| signals.focus(place)
            on:blur=move |_| signals.blur(place)
            on:mouseenter=move |_| signals.point(place)
            on:mouseleave=move |_| signals.unpoint(place)
        >
            <rect
                class="map-asean-wide__box"
                x=b.x
                y=b.y
                width=b.width
                height=b.height
                rx=b.corner
            ></rect>
            // One text with a space between its lines: a screen reader's (and axe's) reading of the
            // visible text is then "ASEAN-wide 53", which the accessible name contains; two texts read
            // as "ASEAN-wide53", which it does not.
            <text text-anchor="middle">
                <tspan class="map-asean-wide__name" x=b.name.x y=b.name.y font-size=b.name.size>
                    {t(MapText::AseanWide)}
                </tspan>
                " "
                <tspan class="map-asean-wide__count" x=b.count.x y=b.count.y font-size=b.count.size>
                    {count}
                </tspan>
            </text>
        </g>
    }
}

/// The name, the count and the breakdown by measure of the place under the pointer or the focus.
#[component]
fn Tooltip(signals: MapSignals) -> impl IntoView {
    move || {
        signals.hovered.get().map(|place| {
            let (x, y) = anchor_of(place);
            let left = x / MAP_WIDTH * 100.0;
            let top = y / MAP_HEIGHT * 100.0;
            // Near an edge the tooltip hangs inwards, so it stays on a phone's screen.
            let align = if left < 30.0 {
                "start"
            } else if left > 65.0 {
                "end"
            } else {
                "middle"
            };
            let locale = signals.locale();
            let measure = signals.measure.get();
            let include = signals.include_asean_wide.get();
            let count = signals.count(place);
            let (breakdown, all) = signals.state.map_counts.with(|counts| match place {
                Place::MemberState(state) => (
                    counts.breakdown(state, include),
                    counts.member_state(state, None, include),
                ),
                Place::AseanWide => (
                    Measure::ALL.map(|m| (m, counts.asean_wide(Some(m)))),
                    counts.asean_wide(None),
                ),
            });
            view! {
                <div
                    class=format!("map-tooltip map-tooltip--{align}")
                    role="tooltip"
                    data-testid="map-tooltip"
                    data-place=place.code()
                    style:left=format!("{left:.2}%")
                    style:top=format!("{top:.2}%")
                >
                    <strong class="map-tooltip__name">{words::place_name(locale, place)}</strong>
                    <span class="map-tooltip__count">{words::tooltip_count(locale, count, measure)}</span>
                    <ul class="map-tooltip__breakdown">
                        {breakdown
                            .into_iter()
                            .map(|(m, n)| view! {
                                <li>
                                    <span class=format!("badge badge--{}", m.code().to_lowercase())>{m.short_label()}</span>
                                    {n}
                                </li>
                            })
                            .collect_view()}
                    </ul>
                    <span class="map-tooltip__all">
                        {words::tooltip_all(locale, all, include && place != Place::AseanWide)}
                    </span>
                </div>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::i18n::{Locale, Phrase};
    use crate::model::map_export::is_wide;

    /// Every vertex of a path in the generator's dialect (`M x y`, relative `l dx dy …`, `z`).
    fn vertices(path: &str) -> Vec<(f64, f64)> {
        let mut points = Vec::new();
        for ring in path.split('M').filter(|r| !r.is_empty()) {
            let ring = ring.trim_end_matches('z');
            let (start, moves) = ring.split_once('l').unwrap_or((ring, ""));
            let start = numbers(start);
            let mut current = (start[0], start[1]);
            points.push(current);
            for pair in numbers(moves).chunks_exact(2) {
                current = (current.0 + pair[0], current.1 + pair[1]);
                points.push(current);
            }
        }
        points
    }

    /// Numbers in compact SVG notation: "-.5" and "1.2.3" (= 1.2, .3) included.
    fn numbers(text: &str) -> Vec<f64> {
        let mut out = Vec::new();
        let mut token = String::new();
        for c in text.chars() {
            let starts_new = c == '-' || c == ' ' || c == ',' || (c == '.' && token.contains('.'));
            if starts_new && !token.is_empty() && token != "-" {
                out.push(token.parse().expect("a number"));
                token.clear();
            }
            if c != ' ' && c != ',' {
                token.push(c);
            }
        }
        if !token.is_empty() {
            out.push(token.parse().expect("a number"));
        }
        out
    }

    #[test]
    fn every_member_state_and_japan_have_a_shape() {
        for state in MemberState::ALL {
            assert!(shape_of(state.iso3()).is_some(), "{state:?}");
        }
        assert!(shape_of("JPN").is_some());
        for state in SMALL_STATES {
            let (x, y) = anchor_of(Place::MemberState(state));
            assert!(x > RING_RADIUS && y > RING_RADIUS, "{state:?} ring fits");
        }
    }

    /// About how wide a text runs, in ems: a full em for a Japanese character, 0.6 for another.
    fn width_in_ems(text: &str) -> f64 {
        text.chars()
            .map(|c| if is_wide(c) { 1.0 } else { 0.6 })
            .sum()
    }

    /// The longest of a phrase's texts, in ems.
    fn widest(phrase: MapText) -> f64 {
        Locale::ALL
            .into_iter()
            .map(|locale| width_in_ems(phrase.text(locale)))
            .fold(0.0, f64::max)
    }

    /// The ASEAN-wide box and Japan's label sit at open sea: no land (and so no territory) under them,
    /// in either language, and the box's name fits in the box.
    #[test]
    fn the_asean_wide_box_and_the_partner_label_sit_at_sea() {
        let b = ASEAN_WIDE_BOX;
        let (x, y, w, h) = (b.x, b.y, b.width, b.height);
        let (label_x, label_y) = (PARTNER_LABEL.x, PARTNER_LABEL.y);
        // At its largest (28 units, on phones) the label runs this far, above its baseline.
        let label_w = widest(MapText::PartnerLabel) * 28.0;
        assert!(
            label_x + label_w < MAP_WIDTH,
            "Japan's label ends on the map"
        );
        // The box's name at its largest (32 units, on phones) leaves a margin inside the box.
        assert!(
            widest(MapText::AseanWide) * 32.0 < w - 24.0,
            "the box's name fits"
        );
        let areas = [
            ("ASEAN-wide box", (x, y, x + w, y + h)),
            (
                "partner label",
                (label_x, label_y - 28.0, label_x + label_w, label_y + 6.0),
            ),
        ];
        let paths = COUNTRY_SHAPES
            .iter()
            .map(|s| s.path)
            .chain(std::iter::once(CONTEXT_PATH));
        let mut checked = 0;
        for path in paths {
            for (px, py) in vertices(path) {
                for (name, (x0, y0, x1, y1)) in areas {
                    assert!(
                        !(x0..=x1).contains(&px) || !(y0..=y1).contains(&py),
                        "land at ({px}, {py}) under the {name}"
                    );
                }
                checked += 1;
            }
        }
        assert!(checked > 1_000, "parsed the shapes ({checked} points)");
        assert_eq!(
            vertices("M1 2l3 4-1.5.5z"),
            [(1.0, 2.0), (4.0, 6.0), (2.5, 6.5)]
        );
    }
}
