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
pub mod report;
pub mod reset;
pub mod trends;
pub mod vision;

use leptos::prelude::*;

use crate::model::sources::{has_official_source, source_kind, SourceKind};
use crate::model::validate::check_url;
use crate::model::{Activity, Confidence, Scope, Source};

/// The measures of an activity as short-code badges ("dialogue" when it has none).
#[component]
pub fn MeasureBadges(activity: Activity) -> impl IntoView {
    if activity.measures.is_empty() {
        return view! { <span class="badge badge--none" title="Dialogue or exchange, no measure">"dialogue"</span> }.into_any();
    }
    activity
        .measures
        .iter()
        .map(|m| {
            view! {
                <span class=format!("badge badge--{}", m.code().to_lowercase()) title=m.name()>
                    {m.short_label()}
                </span>
            }
        })
        .collect_view()
        .into_any()
}

/// "ASEAN-wide" or the member states' names.
pub fn places_label(activity: &Activity) -> String {
    match activity.scope {
        Scope::AseanWide => "ASEAN-wide".to_string(),
        Scope::MemberStates => activity
            .countries
            .iter()
            .map(|c| c.name())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// A marker shown on records the sources leave uncertain.
#[component]
pub fn ConfidenceMark(confidence: Confidence) -> impl IntoView {
    (confidence == Confidence::Uncertain).then(|| {
        view! {
            <span class="confidence confidence--uncertain" title="Uncertain: the sources do not fully confirm this record">
                "uncertain"
            </span>
        }
    })
}

/// A marker shown on activities backed by at least one official source (`model::sources`).
#[component]
pub fn OfficialMark(activity: Activity) -> impl IntoView {
    has_official_source(&activity).then(|| {
        view! {
            <span
                class="badge badge--official"
                data-testid="official-badge"
                title="Backed by an official source: a government's or an intergovernmental body's own page"
            >
                "official source"
            </span>
        }
    })
}

/// A source link. Only `http`/`https` addresses become links, opened in a new tab without giving the
/// new page access to this one; anything else is shown as plain text. Every source says whether it is
/// official or secondary (`data-source-kind`, and in words on hover and for screen readers).
#[component]
pub fn SourceLink(url: String, #[prop(optional)] title: Option<String>) -> impl IntoView {
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
            <a class=class href=url target="_blank" rel="noopener noreferrer" data-source-kind=kind.code() title=kind.label()>
                {label}
            </a>
            <span class="visually-hidden">{format!(" ({})", kind.label())}</span>
        }
        .into_any()
    } else {
        view! { <span class="source-link source-link--inert" data-source-kind=kind.code()>{label}</span> }
            .into_any()
    }
}

/// A list of sources as links (an activity's, or a follow-up's).
#[component]
pub fn SourceList(sources: Vec<Source>) -> impl IntoView {
    (!sources.is_empty()).then(|| {
        view! {
            <ul class="sources">
                {sources
                    .into_iter()
                    .map(|s| view! { <li><SourceLink url=s.url title=s.title.unwrap_or_default()/></li> })
                    .collect_view()}
            </ul>
        }
    })
}

/// The fixed words the views use about programmes and their dated events (`model::programmes`), in
/// one place so that a translation changes them once; the ones with a number are in `model::wording`.
pub mod programme_words {
    /// The link from a dated event to its programme.
    pub fn part_of(programme_title: &str) -> String {
        format!("part of “{programme_title}”")
    }

    /// What the link does, for its tooltip.
    pub const PART_OF_HINT: &str = "Show the programme and its dated events";

    /// What the events count does, for its tooltip.
    pub const EVENT_COUNT_HINT: &str =
        "Show the programme's dated events; they count with the programme, once";

    /// The header's noun for records when some are dated events (otherwise "activities").
    pub const RECORDS: &str = " records";
    pub const ACTIVITIES: &str = " activities";
}
