//! The views and dialogs, one file each, plus the few small pieces they share. Components stay thin:
//! they read signals and call model functions and state actions.

pub mod activities;
pub mod data;
pub mod editor;
pub mod export;
pub mod filters;
pub mod health;
pub mod import;
pub mod kit;
pub mod map;
pub mod matrix;
pub mod present;
pub mod published;
pub mod report;
pub mod reset;
pub mod share;
pub mod trends;
pub mod vision;

use leptos::prelude::*;

use crate::model::i18n::common::Common;
use crate::model::i18n::{self, Locale, Phrase};
use crate::model::sources::{has_official_source, source_kind, SourceKind};
use crate::model::validate::check_url;
use crate::model::{Activity, Confidence, Scope, Source};

// The small pieces below take the locale as a value rather than reading the language signal: they are
// drawn inside a row or a list that is itself redrawn when the language changes, so one reactive
// closure per row is enough (a list of hundreds of rows stays fast).

/// The measures of an activity as short-code badges ("dialogue" when it has none); the code stays a
/// code in both languages, the tooltip names the measure in `locale`.
#[component]
pub fn MeasureBadges(activity: Activity, locale: Locale) -> impl IntoView {
    if activity.measures.is_empty() {
        return view! { <span class="badge badge--none" title=Common::DialogueHint.text(locale)>{Common::Dialogue.text(locale)}</span> }.into_any();
    }
    activity
        .measures
        .iter()
        .map(|m| {
            view! {
                <span class=format!("badge badge--{}", m.code().to_lowercase()) title=m.label(locale)>
                    {m.short_label()}
                </span>
            }
        })
        .collect_view()
        .into_any()
}

/// "ASEAN-wide" or the member states' names, in `locale`.
pub fn places_label(activity: &Activity, locale: Locale) -> String {
    match activity.scope {
        Scope::AseanWide => Scope::AseanWide.label(locale).to_string(),
        Scope::MemberStates => {
            let names: Vec<&str> = activity.countries.iter().map(|c| c.label(locale)).collect();
            i18n::list(locale, &names)
        }
    }
}

/// A marker shown on records the sources leave uncertain.
#[component]
pub fn ConfidenceMark(confidence: Confidence, locale: Locale) -> impl IntoView {
    (confidence == Confidence::Uncertain).then(|| {
        view! {
            <span class="confidence confidence--uncertain" title=Common::UncertainHint.text(locale)>
                {Common::Uncertain.text(locale)}
            </span>
        }
    })
}

/// A marker shown on activities backed by at least one official source (`model::sources`).
#[component]
pub fn OfficialMark(activity: Activity, locale: Locale) -> impl IntoView {
    has_official_source(&activity).then(|| {
        view! {
            <span
                class="badge badge--official"
                data-testid="official-badge"
                title=Common::OfficialSourceHint.text(locale)
            >
                {Common::OfficialSource.text(locale)}
            </span>
        }
    })
}

/// A source link. Only `http`/`https` addresses become links, opened in a new tab without giving the
/// new page access to this one; anything else is shown as plain text. Every source says whether it is
/// official or secondary (`data-source-kind`, and in words on hover and for screen readers).
#[component]
pub fn SourceLink(
    url: String,
    #[prop(optional)] title: Option<String>,
    locale: Locale,
) -> impl IntoView {
    let label = title
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| url.clone());
    let kind = source_kind(&url);
    let class = match kind {
        SourceKind::Official => "source-link source-link--official",
        SourceKind::Secondary => "source-link",
    };
    if check_url(&url).is_ok() {
        view! {
            <a class=class href=url target="_blank" rel="noopener noreferrer" data-source-kind=kind.code() title=kind.label().text(locale)>
                {label}
            </a>
            <span class="visually-hidden">{format!(" ({})", kind.label().text(locale))}</span>
        }
        .into_any()
    } else {
        view! { <span class="source-link source-link--inert" data-source-kind=kind.code()>{label}</span> }
            .into_any()
    }
}

/// A list of sources as links (an activity's, or a follow-up's).
#[component]
pub fn SourceList(sources: Vec<Source>, locale: Locale) -> impl IntoView {
    (!sources.is_empty()).then(|| {
        view! {
            <ul class="sources">
                {sources
                    .into_iter()
                    .map(|s| view! { <li><SourceLink url=s.url title=s.title.unwrap_or_default() locale/></li> })
                    .collect_view()}
            </ul>
        }
    })
}
