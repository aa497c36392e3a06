//! The annual follow-up report: pick a year, read (or print) its headline figures, the active
//! activities grouped by measure with that year's follow-up notes, a chart of the years leading up to
//! it, and the sources. "Print / Save as PDF" opens the browser's print dialog; `style/print.css` lays
//! the report out for A4 and Letter.

use leptos::prelude::*;

use crate::model::report::{
    default_year, format_share, format_share_change, report_years, AnnualReport, Headline,
};
use crate::model::sources::{source_kind, SourceKind};
use crate::model::trends::{opening_first_year, YearTally, OPENING_MIN_ACTIVE};
use crate::model::{wording, Activity, Source};
use crate::state::use_atlas;
use crate::ui::trends::TrendsChart;
use crate::ui::{places_label, ConfidenceMark, MeasureBadges, SourceLink};

/// How many years the report's chart shows, ending with the report's year.
const CHART_YEARS: i32 = 10;

/// One measure's part of the report, owned so that the view can keep it.
#[derive(Clone, Debug, PartialEq)]
struct GroupView {
    code: &'static str,
    heading: String,
    entries: Vec<(Activity, Vec<String>)>,
}

/// The report of a year, owned by the view.
#[derive(Clone, Debug, PartialEq)]
struct YearReport {
    headline: Headline,
    groups: Vec<GroupView>,
    sources: Vec<Source>,
    followed_up: usize,
}

impl YearReport {
    fn of_year(report: AnnualReport<'_>) -> YearReport {
        YearReport {
            headline: report.headline,
            followed_up: report.followed_up(),
            groups: report
                .groups
                .iter()
                .map(|g| GroupView {
                    code: g.code(),
                    heading: g.heading(),
                    entries: g
                        .entries
                        .iter()
                        .map(|e| {
                            (
                                e.activity.clone(),
                                e.notes.iter().map(|n| n.to_string()).collect(),
                            )
                        })
                        .collect(),
                })
                .collect(),
            sources: report.sources.into_iter().cloned().collect(),
        }
    }
}

fn this_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
}

#[component]
pub fn ReportView() -> impl IntoView {
    let state = use_atlas();
    // The year list opens on the Vision's era (from the first year with three active activities, as
    // the trends); "All years" adds the earlier ones.
    let all_years = RwSignal::new(false);
    let every_year = Memo::new(move |_| state.dataset.with(report_years));
    let opening = Memo::new(move |_| state.dataset.with(opening_first_year));
    let years = Memo::new(move |_| {
        let every = every_year.get();
        match opening.get() {
            Some(first) if !all_years.get() => every.into_iter().filter(|y| *y >= first).collect(),
            _ => every,
        }
    });
    let cuts_years =
        move || every_year.with(|e| e.last().copied()) < opening.get() && opening.get().is_some();
    // `None` follows the default (the latest year up to now with activities) until the user picks one.
    let picked = RwSignal::new(None::<i32>);
    let year = Memo::new(move |_| {
        let available = years.get();
        picked
            .get()
            .filter(|y| available.contains(y))
            .or_else(|| state.dataset.with(|d| default_year(d, this_year())))
    });
    let report = Memo::new(move |_| {
        year.get().map(|y| {
            state
                .dataset
                .with(|d| YearReport::of_year(AnnualReport::of_year(d, y)))
        })
    });
    let chart_series = Signal::derive(move || {
        let Some(y) = year.get() else {
            return Vec::new();
        };
        let first = years.with(|ys| ys.last().copied()).unwrap_or(y);
        state.dataset.with(|d| {
            ((y - CHART_YEARS + 1).max(first)..=y)
                .map(|year| YearTally::of_year(&d.activities, year))
                .collect()
        })
    });
    let chart_title = Signal::derive(move || {
        chart_series.with(|s| {
            format!(
                "Activities active per year, {}",
                crate::ui::trends::span_label(s)
            )
        })
    });
    let print = move |_| {
        if let Err(error) = window().print() {
            state.notice.set(Some(format!(
                "The print dialog could not open: {}",
                error
                    .as_string()
                    .unwrap_or_else(|| "refused by the browser".to_string())
            )));
        }
    };

    view! {
        <section class="view report-view" aria-labelledby="view-title">
            <div class="report-view__controls toolbar">
                <h2 id="view-title" class="report-view__title">"Annual follow-up report"</h2>
                <label>
                    "Year"
                    <select
                        data-testid="report-year"
                        prop:value=move || year.get().map(|y| y.to_string()).unwrap_or_default()
                        on:change:target=move |ev| picked.set(ev.target().value().parse().ok())
                    >
                        <For
                            each=move || years.get()
                            key=|y| *y
                            children=move |y| view! {
                                <option value=y.to_string() selected=move || year.get() == Some(y)>{y.to_string()}</option>
                            }
                        />
                    </select>
                </label>
                <Show when=cuts_years>
                    <button
                        class="button button--small"
                        data-testid="report-all-years"
                        aria-pressed=move || if all_years.get() { "true" } else { "false" }
                        title=move || format!(
                            "The list starts in {}, the first year with at least {OPENING_MIN_ACTIVE} active activities",
                            opening.get().unwrap_or_default()
                        )
                        on:click=move |_| all_years.update(|a| *a = !*a)
                    >
                        {move || if all_years.get() {
                            format!("From {} only", opening.get().unwrap_or_default())
                        } else {
                            format!("All years (from {})", every_year.with(|e| e.last().copied()).unwrap_or_default())
                        }}
                    </button>
                </Show>
                <button class="button button--primary" data-testid="report-print" on:click=print>
                    "Print / Save as PDF"
                </button>
            </div>
            {move || match report.get() {
                None => view! {
                    <p class="placeholder" data-testid="report">"There are no activities to report on."</p>
                }.into_any(),
                Some(report) => view! {
                    <ReportBody report=report chart_series=chart_series chart_title=chart_title/>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn ReportBody(
    report: YearReport,
    chart_series: Signal<Vec<YearTally>>,
    chart_title: Signal<String>,
) -> impl IntoView {
    let state = use_atlas();
    let h = report.headline;
    let year = h.year;
    let dataset_title = move || state.dataset.with(|d| d.title.clone());
    let active_count = h.active;
    view! {
        <article class="report" data-testid="report" data-year=year.to_string()>
            <header class="report__header">
                <p class="report__kicker">{dataset_title}</p>
                <h3 class="report__title">{format!("Vientiane Vision follow-up, {year}")}</h3>
                <p class="report__note">
                    {format!(
                        "Activities active at some point in {year}, from the whole dataset. Prepared {} with the Vientiane Vision Atlas.",
                        crate::files::today()
                    )}
                </p>
            </header>

            <section class="report__section" aria-labelledby="report-figures-title">
                <h4 id="report-figures-title" class="visually-hidden">"Headline figures"</h4>
                <dl class="report__figures">
                    <Figure label="Activities active" test_id="report-active" value=h.active.to_string()/>
                    <Figure label="New (started this year)" test_id="report-new" value=h.new.to_string()/>
                    <Figure label="Completed (ended this year)" test_id="report-completed" value=h.completed.to_string()/>
                    <Figure label="Combining two or more measures" test_id="report-combined" value=h.combined.to_string()/>
                    <Figure
                        label="ASEAN-wide share"
                        test_id="report-asean-share"
                        value=format_share(h.asean_wide_share)
                        detail=wording::of_activities(crate::model::i18n::Locale::En, h.asean_wide as usize, h.active as usize)
                    />
                    <Figure
                        label=format!("Change from {}", year - 1)
                        test_id="report-asean-share-change"
                        value=format_share_change(h.share_change())
                        detail=format!("{}: {}", year - 1, format_share(h.previous_share))
                    />
                    <Figure
                        label="Backed by an official source"
                        test_id="report-official-share"
                        value=format_share(h.official_share())
                        detail=wording::of_activities(crate::model::i18n::Locale::En, h.official as usize, h.active as usize)
                    />
                </dl>
                <p class="report__note" data-testid="report-followed-up">
                    {format!(
                        "{} of {} active activities have a follow-up note for {year}.",
                        report.followed_up, active_count
                    )}
                </p>
            </section>

            <figure class="report__chart">
                <TrendsChart series=chart_series title=chart_title id="report-chart" test_id="report-chart"/>
                <figcaption>
                    "Bars: activities active by measure (an activity with several measures counts under each); "
                    "ticks: distinct activities; dashed line: ASEAN-wide share."
                </figcaption>
            </figure>

            <section class="report__section" aria-labelledby="report-measures-title">
                <h4 id="report-measures-title">"Activities by measure"</h4>
                <p class="report__note">
                    "An activity with several measures appears under each of them; dialogue and exchange without a measure are listed last."
                </p>
                {report.groups.into_iter().map(|group| view! { <Group group=group year=year/> }).collect_view()}
            </section>

            <section class="report__section" aria-labelledby="report-sources-title">
                <h4 id="report-sources-title">{format!("Sources ({})", report.sources.len())}</h4>
                <p class="report__note" data-testid="report-sources-official">
                    {format!(
                        "{} of these {} sources are official (a government's or an intergovernmental body's own page, marked ✓); the others are secondary.",
                        report.sources.iter().filter(|s| source_kind(&s.url) == SourceKind::Official).count(),
                        report.sources.len()
                    )}
                </p>
                <ol class="report__sources" data-testid="report-sources">
                    {report.sources.into_iter().map(|s| view! {
                        <li data-testid="report-source">
                            <SourceLink url=s.url.clone() title=s.title.clone().unwrap_or_default() locale=crate::model::i18n::Locale::En/>
                            {s.title.as_deref().is_some_and(|t| !t.trim().is_empty()).then(|| view! {
                                <span class="report__source-url">{format!(" {}", s.url)}</span>
                            })}
                        </li>
                    }).collect_view()}
                </ol>
            </section>
        </article>
    }
}

#[component]
fn Figure(
    #[prop(into)] label: String,
    test_id: &'static str,
    value: String,
    #[prop(optional, into)] detail: Option<String>,
) -> impl IntoView {
    view! {
        <div class="report__figure">
            <dt>{label}</dt>
            <dd>
                <span class="report__figure-value" data-testid=test_id>{value}</span>
                {detail.map(|d| view! { <span class="report__figure-detail">{d}</span> })}
            </dd>
        </div>
    }
}

#[component]
fn Group(group: GroupView, year: i32) -> impl IntoView {
    let count = group.entries.len();
    let heading = format!("{} — {count}", group.heading);
    let badge_class = format!("badge badge--{}", group.code.to_lowercase());
    view! {
        <section class="report__group" data-testid="report-group" data-measure=group.code data-count=count.to_string()>
            <h5 class="report__group-title">
                <span class=badge_class aria-hidden="true"></span>
                {heading}
            </h5>
            {(count == 0).then(|| view! { <p class="placeholder">{format!("None active in {year}.")}</p> })}
            <ul class="report__entries">
                {group.entries.into_iter().map(|(activity, notes)| {
                    let places = places_label(&activity, crate::model::i18n::Locale::En);
                    let confidence = activity.confidence();
                    view! {
                        <li class="report__entry" data-testid="report-entry" data-activity-id=activity.id.clone()>
                            <div class="report__entry-head">
                                <span class="report__entry-title">{activity.title.clone()}</span>
                                <span class="report__entry-years">{activity.years_label()}</span>
                            </div>
                            <div class="report__entry-meta">
                                <MeasureBadges activity=activity.clone() locale=crate::model::i18n::Locale::En/>
                                <span class="report__entry-places">{places}</span>
                                <ConfidenceMark confidence=confidence locale=crate::model::i18n::Locale::En/>
                            </div>
                            {if notes.is_empty() {
                                view! { <p class="report__no-note">{format!("No follow-up note for {year}.")}</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="report__notes" aria-label=format!("Follow-up notes, {year}")>
                                        {notes.into_iter().map(|n| view! { <li data-testid="report-note">{n}</li> }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
