//! The activities view: every activity that passes the shared filters, searchable and sortable, with
//! "N of M activities", and the way into the editor (new, edit, duplicate) and out of the dataset
//! (delete, with Undo instead of a question).
//!
//! The list stays quick on 10,000 records: the matching positions are computed once per change in a
//! memo, only the first [`PAGE`] rows are drawn ("Show more" adds the next page), and rows are keyed by
//! [`crate::ui::kit::row_key`] (the id and what the row shows) so that typing in the search keeps the
//! rows that still match.

use std::collections::HashSet;

use leptos::prelude::*;

use crate::i18n::{t, use_language};
use crate::model::edit::{short_title, Draft, NEW_ID_PREFIX};
use crate::model::filter::{keep_matching, Filters, SearchIndex, SortOrder};
use crate::model::history::Change;
use crate::model::i18n::common::{redone, undone, Common};
use crate::model::i18n::editor::{
    change_label, change_notice, redo_hint, show_more, undo_hint, ActivityChange, EditorText,
};
use crate::model::i18n::Phrase;
use crate::model::programmes::{event_counts, programme_positions};
use crate::model::wording;
use crate::state::{use_atlas, AtlasState};
use crate::ui::editor::{EditKind, EditSession, Editor};
use crate::ui::filters::FilterBar;
use crate::ui::kit::{row_key, ActivityRow};

/// How many rows are drawn at first, and how many more each "Show more" adds.
pub const PAGE: usize = 100;

#[component]
pub fn ActivitiesView() -> impl IntoView {
    let state = use_atlas();
    let language = use_language();
    let editing = RwSignal::new(None::<EditSession>);
    let limit = RwSignal::new(PAGE);
    let open = RwSignal::new(HashSet::<String>::new());

    // Sorting depends on the dataset and the sort order only, so typing in the search never sorts.
    let order = Memo::new(move |_| {
        let sort = state.sort.get();
        state.dataset.with(|d| sort.order(&d.activities))
    });
    // Folding the text to lower case happens once per dataset, not on every keystroke.
    let index = Memo::new(move |_| state.dataset.with(|d| SearchIndex::build(&d.activities)));
    let matches = Memo::new(move |_| {
        order.with(|order| {
            index.with(|index| {
                state.filters.with(|filters| {
                    state
                        .dataset
                        .with(|d| keep_matching(&d.activities, order, index, filters))
                })
            })
        })
    });
    let total = Memo::new(move |_| state.dataset.with(|d| d.activities.len()));
    // For each record, the position of its programme when it is a dated event, and how many dated
    // events it has when it is a programme (`model::programmes`): once per change of the dataset.
    let programmes = Memo::new(move |_| {
        state.dataset.with(|d| {
            let positions = programme_positions(&d.activities);
            let events = event_counts(&positions);
            (positions, events)
        })
    });
    // The rows to draw: a key that changes with the record (and with its programme's title or its
    // number of events), and its position for the row to read once.
    let shown = Memo::new(move |_| {
        let limit = limit.get();
        matches.with(|positions| {
            programmes.with(|(programme_of, events)| {
                state.dataset.with(|d| {
                    positions
                        .iter()
                        .take(limit)
                        .filter_map(|&i| {
                            let a = d.activities.get(i)?;
                            let programme = programme_of
                                .get(i)
                                .copied()
                                .flatten()
                                .and_then(|p| d.activities.get(p))
                                .map(|p| p.title.clone());
                            let event_count = events.get(i).copied().unwrap_or_default();
                            Some((
                                row_key(a, programme.as_deref(), event_count, &[]),
                                programme,
                                event_count,
                                i,
                            ))
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    });

    let open_new = move |_| {
        let session = state.dataset.with_untracked(|d| EditSession {
            kind: EditKind::New,
            original_id: None,
            draft: Draft::blank(d.fresh_id(NEW_ID_PREFIX), this_year()),
        });
        open_editor(state, editing, Some(session));
    };
    let close = Callback::new(move |saved: Option<String>| {
        let opener = editing.with_untracked(|e| {
            e.as_ref()
                .and_then(|s| s.original_id.clone())
                .filter(|_| saved.is_none())
        });
        editing.set(None);
        // Give the focus back where the user was: the saved record's row, or the button that opened the
        // editor.
        match saved.or(opener) {
            Some(id) => focus_selector(format!(
                "[data-testid=\"activity-row\"][data-activity-id=\"{id}\"] [data-testid=\"activity-edit\"]"
            )),
            None => focus_selector("[data-testid=\"activity-new\"]".to_string()),
        }
    });

    // One handler for every row's buttons (rows are many; one listener each would cost on every redraw).
    let on_row_action = move |ev: leptos::ev::MouseEvent| {
        use wasm_bindgen::JsCast;
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("button[data-testid]").ok().flatten())
        else {
            return;
        };
        let action = button.get_attribute("data-testid").unwrap_or_default();
        let Some(id) = button
            .closest("[data-activity-id]")
            .ok()
            .flatten()
            .and_then(|row| row.get_attribute("data-activity-id"))
        else {
            return;
        };
        match action.as_str() {
            "activity-toggle" => open.update(|o| {
                if !o.remove(&id) {
                    o.insert(id);
                }
            }),
            "activity-edit" => {
                let session = state.dataset.with_untracked(|d| {
                    d.activity(&id).map(|a| EditSession {
                        kind: EditKind::Edit,
                        original_id: Some(a.id.clone()),
                        draft: Draft::from_activity(a),
                    })
                });
                open_editor(state, editing, session);
            }
            "activity-duplicate" => {
                let session = state.dataset.with_untracked(|d| {
                    d.activity(&id).map(|a| EditSession {
                        kind: EditKind::Duplicate,
                        original_id: None,
                        draft: Draft::duplicate(a, d, language.get_untracked()),
                    })
                });
                open_editor(state, editing, session);
            }
            "activity-delete" => delete_activity(state, &id, editing),
            // Both show the programme with its dated events: a search for the programme's id finds
            // the programme and every record naming it in `partOf`.
            "part-of" | "event-count" => {
                let programme = if action == "part-of" {
                    state
                        .dataset
                        .with_untracked(|d| d.activity(&id).and_then(|a| a.part_of.clone()))
                } else {
                    Some(id)
                };
                if let Some(programme) = programme {
                    state.filters.set(Filters {
                        search: programme,
                        ..Filters::default()
                    });
                }
            }
            _ => {}
        }
    };

    let count_text =
        move || wording::of_activities(language.get(), matches.with(Vec::len), total.get());

    view! {
        <section class="view activities" aria-labelledby="view-title" data-testid="activities-view">
            <div class="activities__head">
                <h2 id="view-title">{t(EditorText::ActivitiesHeading)}</h2>
                <div class="activities__actions">
                    <UndoRedo/>
                    <button class="button button--primary" data-testid="activity-new" on:click=open_new>
                        {t(EditorText::NewActivity)}
                    </button>
                </div>
            </div>
            <FilterBar/>
            <div class="activities__layout" class:activities__layout--editing=move || editing.with(Option::is_some)>
                <div class="activities__list">
                    <div class="activities__bar">
                        <p class="activities__count" data-testid="activity-list-count" role="status">{count_text}</p>
                        <label class="activities__sort">
                            {t(EditorText::SortBy)}" "
                            <select
                                data-testid="activity-sort"
                                prop:value=move || state.sort.get().code()
                                on:change:target=move |ev| {
                                    if let Some(sort) = SortOrder::from_code(&ev.target().value()) {
                                        state.sort.set(sort);
                                    }
                                }
                            >
                                {SortOrder::ALL.into_iter().map(|s| view! {
                                    <option value=s.code() selected=move || state.sort.get() == s>{move || s.label(language.get())}</option>
                                }).collect_view()}
                            </select>
                        </label>
                    </div>
                    <Show when=move || matches.with(Vec::is_empty)>
                        <p class="activities__empty" data-testid="activity-empty">
                            {move || if total.get() == 0 {
                                EditorText::EmptyDataset.text(language.get())
                            } else {
                                EditorText::NoMatch.text(language.get())
                            }}
                        </p>
                    </Show>
                    <ul class="activity-list" data-testid="activity-list" on:click=on_row_action>
                        <For
                            each=move || shown.get()
                            key=|(key, ..)| key.clone()
                            children=move |(_, programme, event_count, position)| {
                                state.dataset.with_untracked(|d| d.activities.get(position).cloned()).map(|activity| {
                                    view! { <ActivityRow activity open links=true programme event_count/> }
                                })
                            }
                        />
                    </ul>
                    <Show when=move || { matches.with(Vec::len) > limit.get() }>
                        <div class="activities__more">
                            <button class="button" data-testid="activity-more" on:click=move |_| limit.update(|n| *n += PAGE)>
                                {move || {
                                    let hidden = matches.with(Vec::len).saturating_sub(limit.get());
                                    show_more(language.get(), hidden.min(PAGE), hidden)
                                }}
                            </button>
                        </div>
                    </Show>
                </div>
                {move || editing.get().map(|session| view! {
                    <div class="activities__editor">
                        <Editor session on_close=close/>
                    </div>
                })}
            </div>
        </section>
    }
}

/// Opens the editor. The toast about the previous action is dismissed: it would cover the form's
/// buttons, and its Undo stays available as the Undo button and Ctrl+Z.
fn open_editor(
    state: AtlasState,
    editing: RwSignal<Option<EditSession>>,
    session: Option<EditSession>,
) {
    if session.is_some() {
        state.notice.set(None);
    }
    editing.set(session);
}

/// Deletes an activity without asking: the toast offers Undo, and so do Ctrl+Z and the Undo button.
fn delete_activity(state: AtlasState, id: &str, editing: RwSignal<Option<EditSession>>) {
    let Some(title) = state
        .dataset
        .with_untracked(|d| d.activity(id).map(|a| short_title(&a.title)))
    else {
        return;
    };
    // The undo step and the notice are worded once, in the language of the moment.
    let locale = state.language.get_untracked();
    state.edit(
        &change_label(locale, ActivityChange::Delete, &title),
        Change::RemoveActivity { id: id.to_string() },
    );
    if editing.with_untracked(|e| {
        e.as_ref()
            .is_some_and(|s| s.original_id.as_deref() == Some(id))
    }) {
        editing.set(None);
    }
    state.notice.set(Some(change_notice(
        locale,
        ActivityChange::Delete,
        &title,
        false,
    )));
    // The row and its button are gone; the toast's Undo is the likeliest next step.
    focus_selector("[data-testid=\"notice-undo\"]".to_string());
}

/// Undo and Redo buttons, named after the change they would revert or repeat.
#[component]
pub fn UndoRedo() -> impl IntoView {
    let state = use_atlas();
    let language = state.language;
    let undo_label = move || state.last_change();
    let redo_label = move || state.next_redo();
    // The steps' labels were worded when each change was made; the words around them follow the
    // language now.
    view! {
        <div class="undo-redo" role="group" aria-label=t(EditorText::UndoRedoGroup)>
            <button
                class="button"
                data-testid="undo"
                disabled=move || undo_label().is_none()
                title=move || {
                    let locale = language.get();
                    undo_label().map_or(EditorText::NothingToUndo.text(locale).to_string(), |l| undo_hint(locale, &l))
                }
                on:click=move |_| {
                    let locale = language.get_untracked();
                    let done = state.undo();
                    state.notice.set(done.map(|label| undone(locale, &label)));
                }
            >
                {t(Common::Undo)}
            </button>
            <button
                class="button"
                data-testid="redo"
                disabled=move || redo_label().is_none()
                title=move || {
                    let locale = language.get();
                    redo_label().map_or(EditorText::NothingToRedo.text(locale).to_string(), |l| redo_hint(locale, &l))
                }
                on:click=move |_| {
                    let locale = language.get_untracked();
                    let done = state.redo();
                    state.notice.set(done.map(|label| redone(locale, &label)));
                }
            >
                {t(EditorText::Redo)}
            </button>
        </div>
    }
}

fn this_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
}

/// Focuses the first element matching `selector` once the view has been redrawn.
fn focus_selector(selector: String) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        let element = document()
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}
