//! The trends view: activities active per year, stacked by measure, with the share of ASEAN-wide
//! activities and the number of activities combining measures, as an SVG chart with a data table and
//! SVG/PNG export. The chart component is shared with the annual report.

use leptos::prelude::*;

use crate::files;
use crate::i18n::{t, use_language};
use crate::model::i18n::views::{self as words, ViewsText, YearFigures};
use crate::model::i18n::{common, percent, Locale, Phrase};
use crate::model::map_export::wrap;
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

/// Below this window width (CSS px) the charts take the narrow frame: the wide one would shrink its
/// 12-unit text under 9 px, or scroll sideways.
pub const NARROW_BELOW: f64 = 720.0;

/// The chart's drawing area and layout in SVG units; the SVG scales to its container.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    /// Where the title and subtitle start.
    pub text_left: f64,
    /// The legend's entries per row: the six segments, then the three lines.
    pub segment_columns: usize,
    pub line_columns: usize,
}

/// The first baseline of the title, and the height of each of its lines and of the subtitle's.
const TITLE_Y: f64 = 28.0;
const TITLE_SIZE: f64 = 17.0;
const TITLE_LINE: f64 = 21.0;
const SUBTITLE_SIZE: f64 = 12.0;
const SUBTITLE_LINE: f64 = 15.0;
/// About how wide an average Latin letter is, in ems: the title is broken into lines by it (a
/// Japanese character counts twice, as `map_export::wrap` counts).
const LETTER_EMS: f64 = 0.6;

impl Frame {
    /// The chart on a wide screen, in an export and in print: a title and a subtitle of one line
    /// each, the legend in two rows.
    pub const CHART: Frame = Frame {
        width: 960.0,
        height: 480.0,
        left: 64.0,
        right: 886.0,
        top: 64.0,
        bottom: 348.0,
        text_left: 64.0,
        segment_columns: 6,
        line_columns: 3,
    };

    /// The chart on a phone: 360 units wide, so that its text is about as large on a 390-px screen
    /// as it is written; the legend in five rows. Its height follows from the header
    /// ([`Frame::with_header`]).
    pub const NARROW: Frame = Frame {
        width: 360.0,
        height: 0.0,
        left: 44.0,
        right: 300.0,
        top: 64.0,
        bottom: 304.0,
        text_left: 12.0,
        segment_columns: 3,
        line_columns: 1,
    };

    /// The frame with room above the plot for a title and a subtitle of so many lines, and below
    /// it for the legend.
    pub fn with_header(self, title_lines: usize, subtitle_lines: usize) -> Frame {
        let extra = (title_lines.max(1) - 1) as f64 * TITLE_LINE
            + (subtitle_lines.max(1) - 1) as f64 * SUBTITLE_LINE;
        let moved = Frame {
            top: self.top + extra,
            bottom: self.bottom + extra,
            ..self
        };
        Frame {
            // Whole units: the PNG export reads the size back as an integer.
            height: self
                .height
                .max(moved.legend_baseline(LegendRow::Last) + 20.0)
                .ceil(),
            ..moved
        }
    }

    /// How many columns of `map_export::wrap` a line of text of this size may take.
    fn columns_for(&self, size: f64) -> usize {
        ((self.width - self.text_left - 8.0) / (size * LETTER_EMS)) as usize
    }

    /// The baseline of a legend row.
    fn legend_baseline(&self, row: LegendRow) -> f64 {
        let first = self.bottom + 70.0;
        let segment_rows = SEGMENTS.len().div_ceil(self.segment_columns);
        let line_rows = 3usize.div_ceil(self.line_columns);
        let last_segment = first + 22.0 * (segment_rows - 1) as f64;
        match row {
            LegendRow::Segment(row) => first + 22.0 * row as f64,
            LegendRow::Line(row) => last_segment + 26.0 + 24.0 * row as f64,
            LegendRow::Last => last_segment + 26.0 + 24.0 * (line_rows - 1) as f64,
        }
    }

    /// Where legend entry `index` of a row of `columns` goes: its left edge and baseline.
    fn legend_spot(&self, index: usize, columns: usize, row: fn(usize) -> LegendRow) -> (f64, f64) {
        let column = (self.right - self.left) / columns as f64;
        (
            self.left + column * (index % columns) as f64,
            self.legend_baseline(row(index / columns)),
        )
    }

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

/// A row of the legend: one of the segments' rows, one of the lines' rows, or the last of all.
#[derive(Clone, Copy, Debug)]
enum LegendRow {
    Segment(usize),
    Line(usize),
    Last,
}

/// The chart's frame and its title and subtitle broken into the lines that fit it.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartLayout {
    pub frame: Frame,
    pub title: Vec<String>,
    pub subtitle: Vec<String>,
}

impl ChartLayout {
    pub fn new(narrow: bool, title: &str, subtitle: &str) -> ChartLayout {
        let base = if narrow { Frame::NARROW } else { Frame::CHART };
        let title = wrap(title, base.columns_for(TITLE_SIZE));
        let subtitle = wrap(subtitle, base.columns_for(SUBTITLE_SIZE));
        ChartLayout {
            frame: base.with_header(title.len(), subtitle.len()),
            title,
            subtitle,
        }
    }

    /// The baseline of the subtitle's first line.
    fn subtitle_y(&self) -> f64 {
        TITLE_Y + TITLE_LINE * (self.title.len().max(1) - 1) as f64 + 20.0
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
    /// Whether to draw the phone's frame ([`narrow_window`]); the wide one otherwise.
    #[prop(optional, into)]
    narrow: Signal<bool>,
) -> impl IntoView {
    let language = use_language();
    let layout = Memo::new(move |_| {
        ChartLayout::new(
            narrow.get(),
            &title.get(),
            ViewsText::ChartSubtitle.text(language.get()),
        )
    });
    let frame = Signal::derive(move || layout.with(|l| l.frame));
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
        let frame = frame.get();
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
        let frame = frame.get();
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
        let frame = frame.get();
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
        let frame = frame.get();
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

    // The title and subtitle, one `text` per line; the title's first line is the chart's name.
    let header = move || {
        layout.with(|l| {
            let x = r(l.frame.text_left);
            let title = l.title.iter().enumerate().map(|(i, line)| {
                let y = r(TITLE_Y + TITLE_LINE * i as f64);
                view! { <text x=x.clone() y=y font-size=TITLE_SIZE font-weight="600" fill=INK>{line.clone()}</text> }
            });
            let subtitle_y = l.subtitle_y();
            let subtitle = l.subtitle.iter().enumerate().map(|(i, line)| {
                let y = r(subtitle_y + SUBTITLE_LINE * i as f64);
                view! { <text x=x.clone() y=y font-size=SUBTITLE_SIZE fill=INK>{line.clone()}</text> }
            });
            view! {
                <g class="trends-chart__header">
                    {title.collect_view()}
                    {subtitle.collect_view()}
                </g>
            }
        })
    };
    // The axis names, under the plot and beside it.
    let axis_names = move || {
        let frame = frame.get();
        let middle = r((frame.top + frame.bottom) / 2.0);
        view! {
            <line x1=r(frame.left) x2=r(frame.right) y1=r(frame.bottom) y2=r(frame.bottom) stroke=INK stroke-width="1"/>
            <text font-size="12" fill=INK text-anchor="middle" transform=format!("translate(16 {middle}) rotate(-90)")>
                {t(ViewsText::ActivitiesActive)}
            </text>
            <text
                font-size="12"
                fill=SHARE_COLOUR
                text-anchor="middle"
                transform=format!("translate({} {middle}) rotate(90)", r(frame.width - 14.0))
            >
                {t(ViewsText::AseanWideShare)}
            </text>
            <text x=r((frame.left + frame.right) / 2.0) y=r(frame.bottom + 40.0) text-anchor="middle" font-size="12" fill=INK>
                {t(ViewsText::Year)}
            </text>
        }
    };

    view! {
        <svg
            class="trends-chart"
            class:trends-chart--narrow=move || narrow.get()
            data-testid=test_id
            data-frame=move || if narrow.get() { "narrow" } else { "wide" }
            node_ref=node_ref
            xmlns="http://www.w3.org/2000/svg"
            viewBox=move || {
                let frame = frame.get();
                format!("0 0 {} {}", r(frame.width), r(frame.height))
            }
            width=move || r(frame.get().width)
            height=move || r(frame.get().height)
            role="img"
            aria-labelledby=labelled_by
            aria-describedby=described_by
            font-family=FONT
        >
            <title id=title_id>{move || title.get()}</title>
            <desc id=desc_id>{description}</desc>
            <rect x="0" y="0" width=move || r(frame.get().width) height=move || r(frame.get().height) fill="#ffffff"/>
            {header}
            <g class="trends-chart__grid">{grid}</g>
            <g class="trends-chart__share-axis">{share_axis}</g>
            <g class="trends-chart__bars">{bars}</g>
            {lines}
            {axis_names}
            {move || view! { <Legend frame=frame.get()/> }}
        </svg>
    }
}

/// The legend, inside the SVG so that it travels with an export and a printout.
#[component]
fn Legend(frame: Frame) -> impl IntoView {
    let language = use_language();
    let swatches = SEGMENTS
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let (x, y) = frame.legend_spot(i, frame.segment_columns, LegendRow::Segment);
            view! {
                <g data-legend=m.map_or("NONE", Measure::code)>
                    <rect x=r(x) y=r(y - 11.0) width="14" height="14" fill=measure_colour(*m)/>
                    <text x=r(x + 20.0) y=r(y) font-size="13" fill=INK>
                        {move || segment_label(language.get(), *m)}
                        <title>{move || segment_title(language.get(), *m)}</title>
                    </text>
                </g>
            }
        })
        .collect_view();
    let line = |index: usize| frame.legend_spot(index, frame.line_columns, LegendRow::Line);
    let ((x0, y0), (x1, y1), (x2, y2)) = (line(0), line(1), line(2));
    view! {
        <g class="trends-chart__legend">
            {swatches}
            <g data-legend="active">
                <line x1=r(x0) x2=r(x0 + 18.0) y1=r(y0 - 4.0) y2=r(y0 - 4.0) stroke=INK stroke-width="2.5"/>
                <text x=r(x0 + 24.0) y=r(y0) font-size="13" fill=INK>{t(ViewsText::LegendActive)}</text>
            </g>
            <g data-legend="combined">
                <line x1=r(x1) x2=r(x1 + 22.0) y1=r(y1 - 4.0) y2=r(y1 - 4.0) stroke=INK stroke-width="2"/>
                <rect x=r(x1 + 8.0) y=r(y1 - 7.0) width="6" height="6" fill="#ffffff" stroke=INK stroke-width="1.5"/>
                <text x=r(x1 + 28.0) y=r(y1) font-size="13" fill=INK>{t(ViewsText::LegendCombined)}</text>
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
        // The PNG is as large as the frame drawn (wide or narrow), read off the chart itself; its
        // sizes are whole units, and an integer parse costs less code than a float's.
        let size = |name: &str, fallback: f64| {
            element
                .get_attribute(name)
                .and_then(|value| value.parse::<u32>().ok())
                .unwrap_or(fallback as u32)
        };
        let (width, height) = (
            size("width", Frame::CHART.width),
            size("height", Frame::CHART.height),
        );
        let file_name = format!("{name}.png");
        leptos::task::spawn_local(async move {
            let result = files::chart_svg_to_png(&text, width, height, 2.0)
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

/// Whether the window is narrower than [`NARROW_BELOW`], followed as it is resized or turned.
pub fn narrow_window() -> Signal<bool> {
    fn is_narrow() -> bool {
        window()
            .inner_width()
            .ok()
            .and_then(|width| width.as_f64())
            .is_some_and(|width| width < NARROW_BELOW)
    }
    let narrow = RwSignal::new(is_narrow());
    let listener = window_event_listener(leptos::ev::resize, move |_| {
        let now = is_narrow();
        if narrow.get_untracked() != now {
            narrow.set(now);
        }
    });
    on_cleanup(move || listener.remove());
    narrow.into()
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
    let narrow = narrow_window();
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
                // A phone gets a chart drawn for its width (`Frame::NARROW`), so nothing scrolls
                // sideways.
                <figure class="chart-figure">
                    <TrendsChart series=series title=title id="trends" test_id="trends-chart" node_ref=chart narrow=narrow/>
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
    use crate::model::map_export::columns;

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

    /// A title of one line and a subtitle of one line keep the wide chart as it always was.
    #[test]
    fn the_wide_frame_is_unchanged_by_a_one_line_header() {
        assert_eq!(Frame::CHART.with_header(1, 1), Frame::CHART);
        let layout = ChartLayout::new(
            false,
            "Japan–ASEAN defense cooperation per year, 2013–2026",
            ViewsText::ChartSubtitle.text(Locale::En),
        );
        assert_eq!((layout.title.len(), layout.subtitle.len()), (1, 1));
        assert_eq!(layout.frame, Frame::CHART);
    }

    /// On a phone the header breaks into lines that fit, the plot moves down under it and the
    /// legend's last row stays inside the picture, in both languages.
    #[test]
    fn the_narrow_frame_makes_room_for_its_header_and_legend() {
        let cases = [
            (
                Locale::En,
                "Japan–ASEAN defense cooperation per year, 2013–2026",
                2,
                3,
            ),
            (
                Locale::Ja,
                "日ASEAN防衛協力の年別推移（2013年～2026年）",
                2,
                2,
            ),
        ];
        for (locale, title, title_lines, subtitle_lines) in cases {
            let layout = ChartLayout::new(true, title, ViewsText::ChartSubtitle.text(locale));
            let frame = layout.frame;
            assert_eq!(
                layout.title.len(),
                title_lines,
                "{locale:?} {:?}",
                layout.title
            );
            assert_eq!(
                layout.subtitle.len(),
                subtitle_lines,
                "{locale:?} {:?}",
                layout.subtitle
            );
            assert_eq!(
                layout.title.concat().replace(' ', ""),
                title.replace(' ', "")
            );
            for line in &layout.title {
                assert!(columns(line) <= frame.columns_for(TITLE_SIZE), "{line}");
            }
            let last_subtitle =
                layout.subtitle_y() + SUBTITLE_LINE * (layout.subtitle.len() - 1) as f64;
            assert!(
                last_subtitle + 12.0 <= frame.top,
                "{locale:?}: header above the plot"
            );
            assert_eq!(frame.bottom - frame.top, 240.0, "the plot keeps its height");
            let legend_end = frame.legend_baseline(LegendRow::Last);
            assert!(legend_end > frame.legend_baseline(LegendRow::Line(1)));
            assert!(
                legend_end + 12.0 <= frame.height,
                "{locale:?}: legend inside"
            );
            assert_eq!(frame.width, 360.0);
        }
    }

    /// The legend's entries fill the rows left to right, and no two share a place.
    #[test]
    fn legend_entries_never_overlap() {
        for frame in [Frame::CHART, Frame::NARROW.with_header(2, 3)] {
            let mut spots: Vec<(f64, f64)> = (0..SEGMENTS.len())
                .map(|i| frame.legend_spot(i, frame.segment_columns, LegendRow::Segment))
                .chain((0..3).map(|i| frame.legend_spot(i, frame.line_columns, LegendRow::Line)))
                .collect();
            let count = spots.len();
            spots.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
            spots.dedup();
            assert_eq!(spots.len(), count, "{frame:?}");
            assert!(spots
                .iter()
                .all(|(x, _)| *x >= frame.left && *x < frame.right));
        }
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
