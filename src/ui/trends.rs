//! The trends view: activities active per year, stacked by measure, with the share of ASEAN-wide
//! activities and the number of activities combining measures, as an SVG chart with a data table and
//! SVG/PNG export. The chart component is shared with the annual report.

use leptos::prelude::*;

use crate::files;
use crate::i18n::{t, use_language};
use crate::model::i18n::views::{self as words, ViewsText, YearFigures};
use crate::model::i18n::{common, percent, Locale, Phrase};
use crate::model::trends::{
    axis_ticks, opening_first_year, year_label_step, yearly_series_between, YearTally,
    OPENING_MIN_ACTIVE,
};
use crate::model::{wording, Measure, Scope};
use crate::state::use_atlas;
use crate::ui::kit::{OtherFiltersNote, YearRange};

/// The measure colours of `style/main.css` (`--measure-*`, Okabe–Ito). The chart writes them as
/// attributes rather than CSS variables so that an exported SVG or PNG looks the same anywhere; a test
/// keeps them equal to the stylesheet.
pub fn measure_colour(measure: Option<Measure>) -> &'static str {
    match measure {
        Some(Measure::InternationalLaw) => "#0072b2",
        Some(Measure::CapacityBuilding) => "#e69f00",
        Some(Measure::EquipmentAndTechnology) => "#009e73",
        Some(Measure::JointTraining) => "#cc79a7",
        Some(Measure::HumanResourceDevelopment) => "#56b4e9",
        None => "#999999",
    }
}

/// The ASEAN-wide share line: Okabe–Ito vermillion, dashed, with round marks.
const SHARE_COLOUR: &str = "#d55e00";
/// Text, axes, the distinct-activity ticks and the combined-measures line.
const INK: &str = "#1b2430";
const GRID: &str = "#d5dbe2";
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";

/// The stack's segments from the bottom: the five measures, then "no measure".
const SEGMENTS: [Option<Measure>; 6] = [
    Some(Measure::InternationalLaw),
    Some(Measure::CapacityBuilding),
    Some(Measure::EquipmentAndTechnology),
    Some(Measure::JointTraining),
    Some(Measure::HumanResourceDevelopment),
    None,
];

/// A segment's name: the measure's code in both languages, or "no measure".
fn segment_label(locale: Locale, measure: Option<Measure>) -> &'static str {
    measure.map_or(ViewsText::NoMeasure.text(locale), Measure::short_label)
}

/// A segment's long name, for a tooltip.
fn segment_title(locale: Locale, measure: Option<Measure>) -> &'static str {
    measure.map_or(ViewsText::DialogueNoMeasure.text(locale), |m| {
        m.label(locale)
    })
}

fn segment_count(tally: &YearTally, measure: Option<Measure>) -> u32 {
    measure.map_or(tally.no_measure, |m| tally.count(m))
}

/// The chart's drawing area in SVG units; the SVG scales to its container.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
}

impl Frame {
    pub const CHART: Frame = Frame {
        width: 960.0,
        height: 480.0,
        left: 64.0,
        right: 886.0,
        top: 64.0,
        bottom: 348.0,
    };

    fn plot_height(&self) -> f64 {
        self.bottom - self.top
    }

    /// The band of year `index` among `count`: its left edge and width.
    pub fn band(&self, index: usize, count: usize) -> (f64, f64) {
        let width = (self.right - self.left) / count.max(1) as f64;
        (self.left + width * index as f64, width)
    }

    /// The y of a count on the left axis, whose top is `top`.
    pub fn y_count(&self, value: f64, top: u32) -> f64 {
        self.bottom - value / f64::from(top.max(1)) * self.plot_height()
    }

    /// The y of a percentage on the right axis (0–100 %).
    pub fn y_share(&self, percent: f64) -> f64 {
        self.bottom - percent.clamp(0.0, 100.0) / 100.0 * self.plot_height()
    }
}

/// Rounds a coordinate to a tenth, so the SVG stays small and its text stable.
fn r(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// The line through the years that have a value, broken where a year has none: one `points` string per
/// unbroken run.
pub fn line_runs(points: &[Option<(f64, f64)>]) -> Vec<String> {
    points
        .split(|p| p.is_none())
        .filter(|run| !run.is_empty())
        .map(|run| {
            run.iter()
                .flatten()
                .map(|(x, y)| format!("{},{}", r(*x), r(*y)))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The years of a series in `locale`: "2016–2025" or 「2016年～2025年」, one year alone, or nothing.
pub fn span_label(locale: Locale, series: &[YearTally]) -> String {
    words::span(
        locale,
        series
            .first()
            .zip(series.last())
            .map(|(f, l)| (f.year, l.year)),
    )
}

fn year_summary(locale: Locale, t: &YearTally) -> String {
    let segments: Vec<(&str, u32)> = SEGMENTS
        .iter()
        .map(|m| (segment_label(locale, *m), segment_count(t, *m)))
        .collect();
    words::year_summary(
        locale,
        &YearFigures {
            year: t.year,
            active: t.active,
            segments: &segments,
            share: t.asean_wide_share(),
            combined: t.combined,
        },
    )
}

/// The stacked-bar chart of a series. `id` prefixes the element ids (a page may hold two charts);
/// `test_id` is the chart's `data-testid`.
#[component]
pub fn TrendsChart(
    #[prop(into)] series: Signal<Vec<YearTally>>,
    #[prop(into)] title: Signal<String>,
    id: &'static str,
    test_id: &'static str,
    #[prop(optional)] node_ref: NodeRef<leptos::svg::Svg>,
) -> impl IntoView {
    let frame = Frame::CHART;
    let language = use_language();
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled_by = title_id.clone();
    let described_by = desc_id.clone();
    let top = Memo::new(move |_| {
        series.with(|s| {
            let max = s
                .iter()
                .map(|t| t.stack_height().max(t.active))
                .max()
                .unwrap_or(0);
            axis_ticks(max, 5)
        })
    });
    let description = move || {
        let locale = language.get();
        series.with(|s| words::chart_description(locale, &span_label(locale, s)))
    };

    let grid = move || {
        let (top_value, ticks) = top.get();
        ticks
            .into_iter()
            .map(|tick| {
                let y = r(frame.y_count(f64::from(tick), top_value));
                view! {
                    <line x1=r(frame.left) x2=r(frame.right) y1=y.clone() y2=y.clone() stroke=GRID stroke-width="1"/>
                    <text x=r(frame.left - 8.0) y=y dy="4" text-anchor="end" font-size="12" fill=INK>{tick.to_string()}</text>
                }
            })
            .collect_view()
    };
    let share_axis = move || {
        let locale = language.get();
        [0u32, 25, 50, 75, 100]
            .into_iter()
            .map(|share| {
                let y = r(frame.y_share(f64::from(share)));
                view! {
                    <text x=r(frame.right + 8.0) y=y dy="4" font-size="12" fill=SHARE_COLOUR>{percent(locale, f64::from(share))}</text>
                }
            })
            .collect_view()
    };
    let bars = move || {
        let (top_value, _) = top.get();
        let locale = language.get();
        series.with(|s| {
            let count = s.len();
            let label_step = year_label_step(count, ((frame.right - frame.left) / 44.0) as usize);
            s.iter()
                .enumerate()
                .map(|(index, tally)| {
                    let (x, band) = frame.band(index, count);
                    let bar = (band * 0.72).min(56.0);
                    let bar_x = x + (band - bar) / 2.0;
                    let mut base = 0.0;
                    let segments = SEGMENTS
                        .iter()
                        .filter(|m| segment_count(tally, **m) > 0)
                        .map(|m| {
                            let value = f64::from(segment_count(tally, *m));
                            let y_top = frame.y_count(base + value, top_value);
                            let y_bottom = frame.y_count(base, top_value);
                            base += value;
                            view! {
                                <rect
                                    x=r(bar_x)
                                    y=r(y_top)
                                    width=r(bar)
                                    height=r(y_bottom - y_top)
                                    fill=measure_colour(*m)
                                    stroke="#ffffff"
                                    stroke-width="0.5"
                                    data-measure=m.map_or("NONE", Measure::code)
                                    data-count=segment_count(tally, *m).to_string()
                                />
                            }
                        })
                        .collect_view();
                    let tick = (tally.active > 0).then(|| {
                        let y = r(frame.y_count(f64::from(tally.active), top_value));
                        // The tick overhangs its bar a little, but never reaches the next year's.
                        let overhang = ((band - bar) / 2.0 - 1.0).clamp(0.0, 2.0);
                        view! {
                            <line
                                class="trends-chart__active"
                                x1=r(bar_x - overhang)
                                x2=r(bar_x + bar + overhang)
                                y1=y.clone()
                                y2=y
                                stroke=INK
                                stroke-width="2.5"
                            />
                        }
                    });
                    let label = (tally.year % label_step == 0 || count == 1).then(|| {
                        view! {
                            <text x=r(x + band / 2.0) y=r(frame.bottom + 18.0) text-anchor="middle" font-size="12" fill=INK>
                                {tally.year.to_string()}
                            </text>
                        }
                    });
                    view! {
                        <g
                            class="trends-chart__year"
                            data-year=tally.year.to_string()
                            data-active=tally.active.to_string()
                            data-stack=tally.stack_height().to_string()
                            data-combined=tally.combined.to_string()
                            data-asean-wide=tally.asean_wide.to_string()
                        >
                            <title>{year_summary(locale, tally)}</title>
                            {segments}
                            {tick}
                            {label}
                        </g>
                    }
                })
                .collect_view()
        })
    };
    let lines = move || {
        let (top_value, _) = top.get();
        series.with(|s| {
            let count = s.len();
            let centre = |index: usize| {
                let (x, band) = frame.band(index, count);
                x + band / 2.0
            };
            let combined: Vec<Option<(f64, f64)>> = s
                .iter()
                .enumerate()
                .map(|(i, t)| Some((centre(i), frame.y_count(f64::from(t.combined), top_value))))
                .collect();
            let share: Vec<Option<(f64, f64)>> = s
                .iter()
                .enumerate()
                .map(|(i, t)| t.asean_wide_share().map(|p| (centre(i), frame.y_share(p))))
                .collect();
            let marks = count <= 40;
            let mark_radius = if marks { "3.5" } else { "2" };
            view! {
                <g class="trends-chart__combined" data-series="combined">
                    {line_runs(&combined).into_iter().map(|points| view! {
                        <polyline points=points fill="none" stroke=INK stroke-width="2" stroke-linejoin="round"/>
                    }).collect_view()}
                    {marks.then(|| combined.iter().flatten().map(|(x, y)| view! {
                        <rect x=r(x - 3.0) y=r(y - 3.0) width="6" height="6" fill="#ffffff" stroke=INK stroke-width="1.5"/>
                    }).collect_view())}
                </g>
                <g class="trends-chart__share" data-series="asean-wide-share">
                    {line_runs(&share).into_iter().map(|points| view! {
                        <polyline points=points fill="none" stroke=SHARE_COLOUR stroke-width="2.5" stroke-dasharray="7 4" stroke-linejoin="round"/>
                    }).collect_view()}
                    {share.iter().flatten().map(|(x, y)| view! {
                        <circle cx=r(*x) cy=r(*y) r=mark_radius fill=SHARE_COLOUR/>
                    }).collect_view()}
                </g>
            }
        })
    };

    view! {
        <svg
            class="trends-chart"
            data-testid=test_id
            node_ref=node_ref
            xmlns="http://www.w3.org/2000/svg"
            viewBox=format!("0 0 {} {}", frame.width, frame.height)
            width=r(frame.width)
            height=r(frame.height)
            role="img"
            aria-labelledby=labelled_by
            aria-describedby=described_by
            font-family=FONT
        >
            <title id=title_id>{move || title.get()}</title>
            <desc id=desc_id>{description}</desc>
            <rect x="0" y="0" width=r(frame.width) height=r(frame.height) fill="#ffffff"/>
            <text x=r(frame.left) y="28" font-size="17" font-weight="600" fill=INK>{move || title.get()}</text>
            <text x=r(frame.left) y="48" font-size="12" fill=INK>{t(ViewsText::ChartSubtitle)}</text>
            <g class="trends-chart__grid">{grid}</g>
            <g class="trends-chart__share-axis">{share_axis}</g>
            <g class="trends-chart__bars">{bars}</g>
            {lines}
            <line x1=r(frame.left) x2=r(frame.right) y1=r(frame.bottom) y2=r(frame.bottom) stroke=INK stroke-width="1"/>
            <text
                font-size="12"
                fill=INK
                text-anchor="middle"
                transform=format!("translate(16 {}) rotate(-90)", r((frame.top + frame.bottom) / 2.0))
            >
                {t(ViewsText::ActivitiesActive)}
            </text>
            <text
                font-size="12"
                fill=SHARE_COLOUR
                text-anchor="middle"
                transform=format!(
                    "translate({} {}) rotate(90)",
                    r(frame.width - 14.0),
                    r((frame.top + frame.bottom) / 2.0)
                )
            >
                {t(ViewsText::AseanWideShare)}
            </text>
            <text x=r((frame.left + frame.right) / 2.0) y=r(frame.bottom + 40.0) text-anchor="middle" font-size="12" fill=INK>
                {t(ViewsText::Year)}
            </text>
            <Legend frame=frame/>
        </svg>
    }
}

/// The legend, inside the SVG so that it travels with an export and a printout.
#[component]
fn Legend(frame: Frame) -> impl IntoView {
    let language = use_language();
    let y1 = frame.bottom + 70.0;
    let y2 = y1 + 26.0;
    let column = (frame.right - frame.left) / 6.0;
    let swatches = SEGMENTS
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let x = frame.left + column * i as f64;
            view! {
                <g data-legend=m.map_or("NONE", Measure::code)>
                    <rect x=r(x) y=r(y1 - 11.0) width="14" height="14" fill=measure_colour(*m)/>
                    <text x=r(x + 20.0) y=r(y1) font-size="13" fill=INK>
                        {move || segment_label(language.get(), *m)}
                        <title>{move || segment_title(language.get(), *m)}</title>
                    </text>
                </g>
            }
        })
        .collect_view();
    let third = (frame.right - frame.left) / 3.0;
    let x0 = frame.left;
    let x1 = frame.left + third;
    let x2 = frame.left + 2.0 * third;
    view! {
        <g class="trends-chart__legend">
            {swatches}
            <g data-legend="active">
                <line x1=r(x0) x2=r(x0 + 18.0) y1=r(y2 - 4.0) y2=r(y2 - 4.0) stroke=INK stroke-width="2.5"/>
                <text x=r(x0 + 24.0) y=r(y2) font-size="13" fill=INK>{t(ViewsText::LegendActive)}</text>
            </g>
            <g data-legend="combined">
                <line x1=r(x1) x2=r(x1 + 22.0) y1=r(y2 - 4.0) y2=r(y2 - 4.0) stroke=INK stroke-width="2"/>
                <rect x=r(x1 + 8.0) y=r(y2 - 7.0) width="6" height="6" fill="#ffffff" stroke=INK stroke-width="1.5"/>
                <text x=r(x1 + 28.0) y=r(y2) font-size="13" fill=INK>{t(ViewsText::LegendCombined)}</text>
            </g>
            <g data-legend="asean-wide-share">
                <line x1=r(x2) x2=r(x2 + 24.0) y1=r(y2 - 4.0) y2=r(y2 - 4.0) stroke=SHARE_COLOUR stroke-width="2.5" stroke-dasharray="7 4"/>
                <circle cx=r(x2 + 12.0) cy=r(y2 - 4.0) r="3.5" fill=SHARE_COLOUR/>
                <text x=r(x2 + 30.0) y=r(y2) font-size="13" fill=INK>{t(ViewsText::LegendShare)}</text>
            </g>
        </g>
    }
}

/// The same numbers as the chart, as a table.
#[component]
pub fn TrendsTable(
    #[prop(into)] series: Signal<Vec<YearTally>>,
    test_id: &'static str,
) -> impl IntoView {
    let language = use_language();
    view! {
        <div class="table-scroll">
            <table class="table trends-table" data-testid=test_id>
                <caption>{move || {
                    let locale = language.get();
                    series.with(|s| words::active_per_year(locale, &span_label(locale, s)))
                }}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(ViewsText::Year)}</th>
                        <th scope="col">{t(ViewsText::TableActive)}</th>
                        {SEGMENTS.iter().map(|m| view! {
                            <th scope="col" title=move || segment_title(language.get(), *m)>
                                {move || segment_label(language.get(), *m)}
                            </th>
                        }).collect_view()}
                        <th scope="col">{move || Scope::AseanWide.label(language.get())}</th>
                        <th scope="col">{t(ViewsText::AseanWideShare)}</th>
                        <th scope="col">{t(ViewsText::TableCombined)}</th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || series.get()
                        key=|t| *t
                        children=move |t| {
                            view! {
                                <tr data-year=t.year.to_string()>
                                    <th scope="row">{t.year.to_string()}</th>
                                    <td data-col="active">{t.active.to_string()}</td>
                                    {SEGMENTS.iter().map(|m| view! {
                                        <td data-col=m.map_or("NONE", Measure::code)>{segment_count(&t, *m).to_string()}</td>
                                    }).collect_view()}
                                    <td data-col="asean-wide">{t.asean_wide.to_string()}</td>
                                    <td data-col="share">
                                        {move || words::share(language.get(), t.asean_wide_share())}
                                    </td>
                                    <td data-col="combined">{t.combined.to_string()}</td>
                                </tr>
                            }
                        }
                    />
                </tbody>
            </table>
        </div>
    }
}

/// The exported SVG file: the chart's markup as a standalone document.
pub fn standalone_svg(markup: &str) -> String {
    let markup = if markup.contains("xmlns=\"http://www.w3.org/2000/svg\"") {
        markup.to_string()
    } else {
        markup.replacen("<svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"", 1)
    };
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{markup}\n")
}

/// Offers the chart behind `svg` as an SVG file, or as a PNG at twice its size; a failure is told in
/// `locale`. The file holds the chart's words in the language it is drawn in.
pub fn export_chart(
    svg: NodeRef<leptos::svg::Svg>,
    stem: &str,
    png: bool,
    notice: RwSignal<Option<String>>,
    locale: Locale,
) -> Result<(), String> {
    let element = svg
        .get_untracked()
        .ok_or(ViewsText::ChartMissing.text(locale))?;
    let text = standalone_svg(&element.outer_html());
    let name = format!("{stem}-{}", files::today());
    if png {
        let frame = Frame::CHART;
        let file_name = format!("{name}.png");
        leptos::task::spawn_local(async move {
            let result =
                files::chart_svg_to_png(&text, frame.width as u32, frame.height as u32, 2.0)
                    .await
                    .and_then(|blob| files::download_blob(&file_name, &blob));
            if let Err(error) = result {
                notice.set(Some(words::png_export_failed(locale, &error)));
            }
        });
        Ok(())
    } else {
        files::download_text(&format!("{name}.svg"), "image/svg+xml", &text)
    }
}

#[component]
pub fn TrendsView() -> impl IntoView {
    let state = use_atlas();
    let language = use_language();
    // The chart opens on the first year with three active activities; "All years" goes back to the
    // dataset's first year. A "From" year the user sets wins over both.
    let all_years = RwSignal::new(false);
    let opening = Memo::new(move |_| state.dataset.with(opening_first_year));
    let first_year = Memo::new(move |_| state.dataset.with(|d| d.year_span().map(|s| s.0)));
    let series = Memo::new(move |_| {
        let (from, to) = state.filters.with(|f| (f.from, f.to));
        let from = from.or_else(|| (!all_years.get()).then(|| opening.get()).flatten());
        state
            .dataset
            .with(|dataset| yearly_series_between(dataset, from, to))
    });
    // Whether the opening range leaves earlier years out (and the toggle has something to do).
    let cuts_years = move || {
        state.filters.with(|f| f.from.is_none())
            && matches!((opening.get(), first_year.get()), (Some(o), Some(f)) if o > f)
    };
    let opening_note = move || {
        let (opening, first) = (
            opening.get().unwrap_or_default(),
            first_year.get().unwrap_or_default(),
        );
        let locale = language.get();
        if all_years.get() {
            words::all_years_note(locale, first)
        } else {
            words::opening_note(locale, opening, OPENING_MIN_ACTIVE, first)
        }
    };
    let title = Signal::derive(move || {
        let locale = language.get();
        series.with(|s| words::trends_title(locale, &span_label(locale, s)))
    });
    let chart = NodeRef::<leptos::svg::Svg>::new();
    let export = move |png: bool| {
        let locale = language.get_untracked();
        if let Err(error) =
            export_chart(chart, "vientiane-vision-trends", png, state.notice, locale)
        {
            state
                .notice
                .set(Some(common::export_failed(locale, &error)));
        }
    };
    let latest = move || {
        let locale = language.get();
        series.with(|s| {
            s.iter()
                .rev()
                .find(|t| t.active > 0)
                .map(|t| {
                    wording::latest_year(
                        locale,
                        t.year,
                        t.active as usize,
                        t.asean_wide as usize,
                        t.asean_wide_share(),
                        t.combined as usize,
                    )
                })
                .unwrap_or_else(|| ViewsText::NoActivitiesYet.text(locale).to_string())
        })
    };

    view! {
        <section class="view trends" aria-labelledby="view-title">
            <h2 id="view-title">{t(ViewsText::TrendsHeading)}</h2>
            <p class="trends__lead">
                {t(ViewsText::TrendsLead)}
                {latest}
            </p>
            <div class="toolbar">
                <YearRange test_prefix="trends"/>
                <Show when=cuts_years>
                    <p class="trends__opening" data-testid="trends-opening">
                        {opening_note}" "
                        <button
                            class="button button--small"
                            data-testid="trends-all-years"
                            aria-pressed=move || if all_years.get() { "true" } else { "false" }
                            on:click=move |_| all_years.update(|a| *a = !*a)
                        >
                            {move || if all_years.get() {
                                words::from_year(language.get(), opening.get().unwrap_or_default())
                            } else {
                                ViewsText::AllYears.text(language.get()).to_string()
                            }}
                        </button>
                    </p>
                </Show>
                <button class="button" data-testid="trends-export-svg" on:click=move |_| export(false)>{t(ViewsText::ExportSvg)}</button>
                <button class="button" data-testid="trends-export-png" on:click=move |_| export(true)>{t(ViewsText::ExportPng)}</button>
            </div>
            <OtherFiltersNote view="trends" ignored=true/>
            <Show
                when=move || series.with(|s| !s.is_empty())
                fallback=move || view! { <p class="placeholder">{t(ViewsText::NothingToChart)}</p> }
            >
                <figure class="chart-figure">
                    // On a narrow screen the chart scrolls sideways: the region is a tab stop so that
                    // a keyboard can scroll it too (WCAG 2.1.1).
                    <div class="chart-scroll" tabindex="0" role="region" aria-label=move || title.get()>
                        <TrendsChart series=series title=title id="trends" test_id="trends-chart" node_ref=chart/>
                    </div>
                </figure>
            </Show>
            <details class="trends__table" data-testid="trends-table-toggle">
                <summary>{t(ViewsText::AsTable)}</summary>
                <TrendsTable series=series test_id="trends-table"/>
            </details>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The chart's colours are the stylesheet's `--measure-*` variables.
    #[test]
    fn measure_colours_match_the_stylesheet() {
        let css = include_str!("../../style/main.css");
        for m in SEGMENTS {
            let variable = format!(
                "--measure-{}:",
                m.map_or("none", |m| m.code()).to_lowercase()
            );
            let line = css
                .lines()
                .find(|l| l.trim_start().starts_with(&variable))
                .unwrap_or_else(|| panic!("{variable} is in main.css"));
            assert!(
                line.contains(measure_colour(m)),
                "{variable} is {line}, the chart uses {}",
                measure_colour(m)
            );
        }
    }

    #[test]
    fn lines_break_at_years_without_a_value() {
        let points = [
            Some((1.0, 2.0)),
            Some((3.0, 4.25)),
            None,
            Some((5.0, 6.0)),
            None,
        ];
        assert_eq!(line_runs(&points), ["1,2 3,4.3", "5,6"]);
        assert!(line_runs(&[None, None]).is_empty());
    }

    #[test]
    fn bands_fill_the_plot() {
        let frame = Frame::CHART;
        let (x0, w) = frame.band(0, 10);
        let (x9, _) = frame.band(9, 10);
        assert_eq!(x0, frame.left);
        assert!((x9 + w - frame.right).abs() < 1e-9);
        assert_eq!(frame.y_share(100.0), frame.top);
        assert_eq!(frame.y_count(0.0, 10), frame.bottom);
    }

    #[test]
    fn standalone_svg_declares_its_namespace_once() {
        let text = standalone_svg("<svg class=\"x\"><text>a &amp; b</text></svg>");
        assert!(text.starts_with("<?xml"));
        assert_eq!(text.matches("xmlns=").count(), 1);
        let already = standalone_svg("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>");
        assert_eq!(already.matches("xmlns=").count(), 1);
    }
}
