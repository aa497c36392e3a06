//! The annual follow-up report: pick a year, read (or print) its headline figures, the active
//! activities grouped by measure with that year's follow-up notes, a chart of the years leading up to
//! it, and the sources. "Print / Save as PDF" opens the browser's print dialog; `style/print.css` lays
//! the report out for A4 and Letter.

use leptos::prelude::*;

use crate::i18n::{t, use_language};
use crate::model::i18n::views::{self as words, ViewsText};
use crate::model::i18n::{Locale, Phrase};
use crate::model::report::{default_year, report_years, AnnualReport, Headline};
use crate::model::sources::{source_kind, SourceKind};
use crate::model::trends::{opening_first_year, YearTally, OPENING_MIN_ACTIVE};
use crate::model::{wording, Activity, Measure, Source};
use crate::state::use_atlas;
use crate::ui::trends::{narrow_window, TrendsChart};
use crate::ui::{places_label, ConfidenceMark, MeasureBadges, SourceLink};

/// How many years the report's chart shows, ending with the report's year.
const CHART_YEARS: i32 = 10;

/// One measure's part of the report, owned so that the view can keep it.
#[derive(Clone, Debug, PartialEq)]
struct GroupView {
    code: &'static str,
    measure: Option<Measure>,
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
                    measure: g.measure,
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
    let language = use_language();
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
        let locale = language.get();
        chart_series
            .with(|s| words::active_per_year(locale, &crate::ui::trends::span_label(locale, s)))
    });
    let print = move |_| {
        if let Err(error) = window().print() {
            let locale = language.get_untracked();
            let reason = error
                .as_string()
                .unwrap_or_else(|| ViewsText::PrintRefused.text(locale).to_string());
            state.notice.set(Some(words::print_failed(locale, &reason)));
        }
    };

    view! {
        <section class="view report-view" aria-labelledby="view-title">
            <div class="report-view__controls toolbar">
                <h2 id="view-title" class="report-view__title">{t(ViewsText::ReportHeading)}</h2>
                <label>
                    {t(ViewsText::Year)}
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
                        title=move || words::report_list_starts(
                            language.get(),
                            opening.get().unwrap_or_default(),
                            OPENING_MIN_ACTIVE,
                        )
                        on:click=move |_| all_years.update(|a| *a = !*a)
                    >
                        {move || if all_years.get() {
                            words::from_year_only(language.get(), opening.get().unwrap_or_default())
                        } else {
                            words::all_years_from(
                                language.get(),
                                every_year.with(|e| e.last().copied()).unwrap_or_default(),
                            )
                        }}
                    </button>
                </Show>
                <button class="button button--primary" data-testid="report-print" on:click=print>
                    {t(ViewsText::PrintPdf)}
                </button>
            </div>
            {move || match report.get() {
                None => view! {
                    <p class="placeholder" data-testid="report">{t(ViewsText::NothingToReport)}</p>
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
    let language = use_language();
    let h = report.headline;
    let year = h.year;
    let dataset_title = move || state.dataset.with(|d| d.title.clone());
    let active_count = h.active;
    let today = crate::files::today();
    let sources_count = report.sources.len();
    let official_count = report
        .sources
        .iter()
        .filter(|s| source_kind(&s.url) == SourceKind::Official)
        .count();
    let followed_up = report.followed_up;
    // A fixed phrase as a text that follows the language, for a `Figure`'s label.
    let phrase = move |p: ViewsText| move || p.text(language.get()).to_string();
    view! {
        <article class="report" data-testid="report" data-year=year.to_string()>
            <header class="report__header">
                <p class="report__kicker">{dataset_title}</p>
                <h3 class="report__title">{move || words::report_title(language.get(), year)}</h3>
                <p class="report__note">{move || words::report_note(language.get(), year, &today)}</p>
            </header>

            <section class="report__section" aria-labelledby="report-figures-title">
                <h4 id="report-figures-title" class="visually-hidden">{t(ViewsText::HeadlineFigures)}</h4>
                <dl class="report__figures">
                    <Figure label=phrase(ViewsText::ActivitiesActive) test_id="report-active" value=h.active.to_string()/>
                    <Figure label=phrase(ViewsText::FigureNew) test_id="report-new" value=h.new.to_string()/>
                    <Figure label=phrase(ViewsText::FigureCompleted) test_id="report-completed" value=h.completed.to_string()/>
                    <Figure label=phrase(ViewsText::FigureCombined) test_id="report-combined" value=h.combined.to_string()/>
                    <Figure
                        label=phrase(ViewsText::AseanWideShare)
                        test_id="report-asean-share"
                        value=move || words::share(language.get(), h.asean_wide_share)
                        detail=move || wording::of_activities(language.get(), h.asean_wide as usize, h.active as usize)
                    />
                    <Figure
                        label=move || words::change_from(language.get(), year - 1)
                        test_id="report-asean-share-change"
                        value=move || words::share_change(language.get(), h.share_change())
                        detail=move || words::previous_share(language.get(), year - 1, h.previous_share)
                    />
                    <Figure
                        label=phrase(ViewsText::FigureOfficial)
                        test_id="report-official-share"
                        value=move || words::share(language.get(), h.official_share())
                        detail=move || wording::of_activities(language.get(), h.official as usize, h.active as usize)
                    />
                </dl>
                <p class="report__note" data-testid="report-followed-up">
                    {move || words::followed_up(language.get(), followed_up, active_count, year)}
                </p>
            </section>

            <figure class="report__chart">
                <TrendsChart series=chart_series title=chart_title id="report-chart" test_id="report-chart" narrow=narrow_window()/>
                <figcaption>{t(ViewsText::ReportChartCaption)}</figcaption>
            </figure>

            <section class="report__section" aria-labelledby="report-measures-title">
                <h4 id="report-measures-title">{t(ViewsText::ByMeasure)}</h4>
                <p class="report__note">{t(ViewsText::ByMeasureNote)}</p>
                {report.groups.into_iter().map(|group| view! { <Group group=group year=year/> }).collect_view()}
            </section>

            <section class="report__section" aria-labelledby="report-sources-title">
                <h4 id="report-sources-title">{move || words::sources_heading(language.get(), sources_count)}</h4>
                <p class="report__note" data-testid="report-sources-official">
                    {move || words::sources_official(language.get(), official_count, sources_count)}
                </p>
                <ol class="report__sources" data-testid="report-sources">
                    {report.sources.into_iter().map(|s| {
                        let titled = s.title.as_deref().is_some_and(|t| !t.trim().is_empty());
                        let url = s.url.clone();
                        view! {
                            <li data-testid="report-source">
                                {move || view! {
                                    <SourceLink url=s.url.clone() title=s.title.clone().unwrap_or_default() locale=language.get()/>
                                }}
                                {titled.then(|| view! {
                                    <span class="report__source-url">{format!(" {url}")}</span>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </section>
        </article>
    }
}

/// One headline figure: its label, its value and an optional detail, each a text that may follow the
/// language.
#[component]
fn Figure(
    #[prop(into)] label: Signal<String>,
    test_id: &'static str,
    #[prop(into)] value: Signal<String>,
    #[prop(optional, into)] detail: Option<Signal<String>>,
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
    let language = use_language();
    let count = group.entries.len();
    let measure = group.measure;
    let heading = move || {
        let locale = language.get();
        let heading = words::group_heading(locale, measure);
        words::group_title(locale, &heading, count)
    };
    let badge_class = format!("badge badge--{}", group.code.to_lowercase());
    view! {
        <section class="report__group" data-testid="report-group" data-measure=group.code data-count=count.to_string()>
            <h5 class="report__group-title">
                <span class=badge_class aria-hidden="true"></span>
                {heading}
            </h5>
            {(count == 0).then(|| view! { <p class="placeholder">{move || words::none_active(language.get(), year)}</p> })}
            <ul class="report__entries">
                {group.entries.into_iter().map(|(activity, notes)| {
                    let confidence = activity.confidence();
                    let id = activity.id.clone();
                    let title = activity.title.clone();
                    // One closure per entry draws what the language changes: its years, badges,
                    // places and marks.
                    let entry_words = move || {
                        let locale: Locale = language.get();
                        view! {
                            <div class="report__entry-head">
                                <span class="report__entry-title">{title.clone()}</span>
                                <span class="report__entry-years">{activity.years_label_in(locale)}</span>
                            </div>
                            <div class="report__entry-meta">
                                <MeasureBadges activity=activity.clone() locale/>
                                <span class="report__entry-places">{places_label(&activity, locale)}</span>
                                <ConfidenceMark confidence=confidence locale/>
                            </div>
                        }
                    };
                    view! {
                        <li class="report__entry" data-testid="report-entry" data-activity-id=id>
                            {entry_words}
                            {if notes.is_empty() {
                                view! { <p class="report__no-note">{move || words::no_note(language.get(), year)}</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="report__notes" aria-label=move || words::notes_label(language.get(), year)>
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
