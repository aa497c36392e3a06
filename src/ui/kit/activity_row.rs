//! The one row of an activity, in every list of activities: the Activities list (with its details,
//! actions and links), the map's side panel (with its sources and a programme's dated events) and the
//! matrix's cell list. Every such `<For>` keys its rows by [`row_key`].

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::use_language;
use crate::model::edit::{revision, short_title};
use crate::model::i18n::common::{part_of, Common};
use crate::model::i18n::editor::EditorText;
use crate::model::i18n::{self, Locale, Phrase};
use crate::model::{wording, Activity, Confidence};
use crate::ui::{places_label, ConfidenceMark, MeasureBadges, OfficialMark, SourceList};

/// The key of a row in every `<For>` over activities: the record's id, and a hash of everything the
/// row shows (the record's revision, its programme's title, its dated events), so that a row is drawn
/// again exactly when what it shows changes — an edit here or in another tab — and kept otherwise.
pub type RowKey = (String, u64);

/// The [`RowKey`] of the row of `activity`, shown with the title of its `programme` (when it is a
/// dated event), its `event_count` and its listed `events` (when it is a programme).
pub fn row_key(
    activity: &Activity,
    programme: Option<&str>,
    event_count: usize,
    events: &[Activity],
) -> RowKey {
    let mut hasher = DefaultHasher::new();
    (revision(activity), programme, event_count).hash(&mut hasher);
    for event in events {
        revision(event).hash(&mut hasher);
    }
    (activity.id.clone(), hasher.finish())
}

/// One activity: title, years, measures, places, the uncertain and official marks, and what the
/// variant adds. Test hooks (e2e relies on them): `activity-row` with `data-activity-id`,
/// `activity-toggle`, `activity-edit`, `activity-duplicate`, `activity-delete`, `part-of`,
/// `event-count`, `panel-events` and `panel-event`.
#[component]
pub fn ActivityRow(
    /// The record the row shows.
    activity: Activity,
    /// The ids of the rows whose details are unfolded. Given, the row is the Activities list's: its
    /// title is a button that unfolds the details (id, summary, fields, directions, status,
    /// follow-ups, sources), and it carries Edit, Duplicate and Delete. The row holds no event
    /// handler: the list's one click handler reads the buttons' `data-testid`.
    #[prop(optional)]
    open: Option<RwSignal<HashSet<String>>>,
    /// Whether "part of" and the event count are buttons (read by the list's click handler) that
    /// show the programme with its events; otherwise the count is plain text.
    #[prop(optional)]
    links: bool,
    /// The title of the programme the activity is a dated event of (`model::programmes`), shown as
    /// the "part of" link with `links`.
    #[prop(optional_no_strip)]
    programme: Option<String>,
    /// How many dated events count with the activity when it is a programme; 0 shows nothing.
    #[prop(optional)]
    event_count: usize,
    /// The dated events to list under a programme (the map's panel), each with its years.
    #[prop(optional)]
    events: Vec<Activity>,
    /// Whether the activity's sources are listed under it (the map's panel).
    #[prop(optional)]
    sources: bool,
) -> impl IntoView {
    // A row of the Activities list is drawn hundreds of times per keystroke at worst: it holds no
    // event handler, as few attributes as its meaning needs, and three small reactive closures: the
    // body, which reads the language and so is drawn again, in the new language, on a switch (the
    // `<li>` and its key stay), and, inside it, the toggle's state and the details.
    let language = use_language();
    let id = activity.id.clone();
    let row = Arc::new(Row {
        activity,
        open,
        links,
        programme,
        event_count,
        events,
        sources,
    });
    let body = move || row.body(language.get());
    if open.is_some() {
        view! { <li class="activity-row" data-testid="activity-row" data-activity-id=id>{body}</li> }
            .into_any()
    } else {
        view! {
            <li class="activity-row activity-row--entry" data-testid="activity-row" data-activity-id=id>
                {body}
            </li>
        }
        .into_any()
    }
}

/// What one row shows, kept once and shared by its body's redraws (a switch of language).
struct Row {
    activity: Activity,
    open: Option<RwSignal<HashSet<String>>>,
    links: bool,
    programme: Option<String>,
    event_count: usize,
    events: Vec<Activity>,
    sources: bool,
}

impl Row {
    /// Everything inside the row's `<li>`, in `locale`.
    fn body(self: &Arc<Row>, locale: Locale) -> AnyView {
        let activity = &self.activity;
        let (links, event_count) = (self.links, self.event_count);
        let meta = view! {
            <p class="activity-row__meta">
                <span class="activity-row__years">{activity.years_label_in(locale)}</span>
                <span><MeasureBadges activity=activity.clone() locale/></span>
                <span>{places_label(activity, locale)}</span>
                <ConfidenceMark confidence=activity.confidence() locale/>
                <OfficialMark activity=activity.clone() locale/>
                {self.programme.as_deref().filter(|_| links).map(|title| view! {
                    <button class=LINK_BUTTON data-testid="part-of" title=Common::ProgrammeHint.text(locale)>
                        {part_of(locale, title)}
                    </button>
                })}
                {(event_count > 0 && links).then(|| view! {
                    <button class=LINK_BUTTON data-testid="event-count" title=Common::EventCountHint.text(locale)>
                        {wording::dated_events(locale, event_count)}
                    </button>
                })}
                {(event_count > 0 && !links).then(|| view! {
                    <span data-testid="event-count">{wording::dated_events(locale, event_count)}</span>
                })}
            </p>
        };
        let source_list = self
            .sources
            .then(|| view! { <SourceList sources=activity.sources.clone() locale/> });
        let event_list = (!self.events.is_empty()).then(|| {
            view! {
                <ul class="activity-row__events" data-testid="panel-events">
                    {self.events.iter().map(|event| view! {
                        <li data-testid="panel-event" data-activity-id=event.id.clone()>
                            <span class="activity-row__years">{event.years_label_in(locale)}</span>
                            {event.title.clone()}
                            <ConfidenceMark confidence=event.confidence() locale/>
                        </li>
                    }).collect_view()}
                </ul>
            }
        });

        let Some(open) = self.open else {
            return view! {
                <div class="activity-row__main">
                    <p class="activity-row__title">{activity.title.clone()}</p>
                    {meta}
                </div>
                {source_list}
                {event_list}
            }
            .into_any();
        };
        let is_open = {
            let id = activity.id.clone();
            move || open.with(|o| o.contains(&id))
        };
        let is_open_too = is_open.clone();
        let row = Arc::clone(self);
        view! {
            <div class="activity-row__main">
                <h3>
                    <button
                        class="activity-row__toggle"
                        data-testid="activity-toggle"
                        aria-expanded=move || if is_open() { "true" } else { "false" }
                    >
                        {activity.title.clone()}
                    </button>
                </h3>
                {meta}
            </div>
            // The group's name tells a screen reader which activity "Edit" and "Delete" act on.
            <div class="activity-row__actions" role="group" aria-label=short_title(&activity.title)>
                <button class=SMALL_BUTTON data-testid="activity-edit">{EditorText::Edit.text(locale)}</button>
                <button class=SMALL_BUTTON data-testid="activity-duplicate">{EditorText::Duplicate.text(locale)}</button>
                <button class=DELETE_BUTTON data-testid="activity-delete">{EditorText::Delete.text(locale)}</button>
            </div>
            {source_list}
            {event_list}
            {move || is_open_too().then(|| view! {
                <div class="activity-row__details"><ActivityDetails activity=row.activity.clone() locale/></div>
            })}
        }
        .into_any()
    }
}

/// The row's button classes, as constants rather than literals: a fully literal element is built by
/// cloning an HTML template, which Chromium makes slower than creating it (the clone must be adopted
/// from the template's document), and rows are built by the hundred.
const SMALL_BUTTON: &str = "button button--small";
const DELETE_BUTTON: &str = "button button--small activity-row__delete";
const LINK_BUTTON: &str = "link-button activity-row__programme";

/// What the row keeps folded: id, summary, fields, directions, status, follow-ups (each with its own
/// sources) and sources, in `locale` (the dataset's own text as it is).
#[component]
fn ActivityDetails(activity: Activity, locale: Locale) -> impl IntoView {
    let text = |phrase: EditorText| phrase.text(locale);
    let status = activity.status.map(|s| s.label(locale));
    let fields = i18n::list(locale, &activity.fields);
    let directions: Vec<&str> = activity
        .directions
        .iter()
        .map(|d| d.label(locale))
        .collect();
    // English has always separated directions with semicolons (their names hold no commas, but read
    // as a list of clauses); Japanese lists them with 、.
    let directions = match locale {
        Locale::En => directions.join("; "),
        Locale::Ja => i18n::list(locale, &directions),
    };
    let derived = crate::model::directions::is_derived(&activity);
    let has_sources = !activity.sources.is_empty();
    view! {
        <dl class="activity-row__facts">
            <dt>{text(EditorText::Id)}</dt>
            <dd><code>{activity.id.clone()}</code></dd>
            {activity.summary.clone().map(|s| view! { <dt>{text(EditorText::Summary)}</dt><dd>{s}</dd> })}
            {(!fields.is_empty()).then(|| view! { <dt>{text(EditorText::Fields)}</dt><dd>{fields}</dd> })}
            {(!directions.is_empty()).then(|| view! {
                <dt>{text(EditorText::Directions)}</dt>
                <dd data-testid="activity-directions">
                    {directions}
                    {derived.then(|| view! { <span class="activity-row__derived">{text(EditorText::DirectionsDerived)}</span> })}
                </dd>
            })}
            {status.map(|s| view! { <dt>{text(EditorText::Status)}</dt><dd>{s}</dd> })}
            {(!activity.follow_ups.is_empty()).then(|| view! {
                <dt>{text(EditorText::FollowUps)}</dt>
                <dd>
                    <ul class="activity-row__follow-ups">
                        {activity.follow_ups.iter().map(|f| view! {
                            <li>
                                <strong>{i18n::year(locale, f.year)}</strong>" "{f.note.clone()}
                                // A folded research record keeps its confidence flag as an extra key.
                                {(f.unknown.get("confidence").and_then(|c| c.as_str()) == Some(Confidence::Uncertain.code()))
                                    .then(|| view! { <ConfidenceMark confidence=Confidence::Uncertain locale/> })}
                                <SourceList sources=f.sources.clone() locale/>
                            </li>
                        }).collect_view()}
                    </ul>
                </dd>
            })}
            {has_sources.then(|| view! { <dt>{text(EditorText::Sources)}</dt><dd><SourceList sources=activity.sources.clone() locale/></dd> })}
        </dl>
    }
}
