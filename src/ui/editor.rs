//! The activity editor: a form over every key of format v1, for a new activity, a copy or an existing
//! record. The form edits a [`Draft`]; the same validation as import runs on every change and its
//! problems show next to the control they concern (`aria-invalid`, `aria-describedby`). Errors block the
//! save, warnings do not. Saving goes through `state.edit`, so it is one undo step and is saved to the
//! device like every other change.

use std::collections::HashSet;

use leptos::prelude::*;

use crate::model::edit::{
    control_id, path_label, problems_at, problems_within, short_title, Draft, FollowUpDraft,
    SourceDraft,
};
use crate::model::history::Change;
use crate::model::vision::KNOWN_FIELDS;
use crate::model::{Confidence, Direction, Measure, MemberState, Problem, Scope, Status};
use crate::state::use_atlas;
use crate::ui::kit::VocabularySelect;

/// What the editor was opened for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditKind {
    New,
    Duplicate,
    Edit,
}

/// One opening of the editor: the form's starting point and the record it replaces, if any.
#[derive(Clone, Debug, PartialEq)]
pub struct EditSession {
    pub kind: EditKind,
    /// The id of the record being edited; `None` for a new activity or a copy.
    pub original_id: Option<String>,
    pub draft: Draft,
}

/// What the form's parts share.
#[derive(Clone, Copy)]
struct Form {
    draft: RwSignal<Draft>,
    problems: Memo<Vec<Problem>>,
    /// Paths the user has changed: their problems show at once. The rest show after a save attempt.
    touched: RwSignal<HashSet<String>>,
    reveal_all: RwSignal<bool>,
}

impl Form {
    fn touch(&self, path: &str) {
        if !self.touched.with_untracked(|t| t.contains(path)) {
            self.touched.update(|t| {
                t.insert(path.to_string());
            });
        }
    }

    fn is_shown(&self, path: &str) -> bool {
        // A problem inside a list entry (`sources[1].url`) shows once that entry's control was touched;
        // one on a whole group (`countries[2]`) once the group was.
        let group = path.split(['[', '.']).next().unwrap_or(path);
        self.reveal_all.get() || self.touched.with(|t| t.contains(path) || t.contains(group))
    }

    /// The shown problems at exactly `path`, or anywhere within the list `path` when `within`.
    fn shown(&self, path: &str, within: bool) -> Vec<Problem> {
        self.problems.with(|problems| {
            let found: Vec<Problem> = if within {
                problems_within(problems, path).cloned().collect()
            } else {
                problems_at(problems, path).cloned().collect()
            };
            found
                .into_iter()
                .filter(|p| self.is_shown(&p.path))
                .collect()
        })
    }

    fn has_error(&self, path: &str, within: bool) -> bool {
        self.shown(path, within).iter().any(Problem::is_error)
    }
}

/// The editor panel. `on_close` receives the id of the saved record, or `None` when cancelled.
#[component]
pub fn Editor(session: EditSession, on_close: Callback<Option<String>>) -> impl IntoView {
    let state = use_atlas();
    let EditSession {
        kind,
        original_id,
        draft: initial,
    } = session;
    let unknown_keys: Vec<String> = initial.unknown.keys().cloned().collect();
    // What the form started from, so that leaving it can tell whether anything would be lost.
    let started_from = StoredValue::new(initial.clone());
    let draft = RwSignal::new(initial);
    let original = StoredValue::new(original_id);
    let problems = Memo::new(move |_| {
        let original = original.get_value();
        draft.with(|d| state.dataset.with(|ds| d.problems(ds, original.as_deref())))
    });
    let form = Form {
        draft,
        problems,
        touched: RwSignal::new(HashSet::new()),
        // An existing record's problems (say, a warning from its import) are worth seeing at once.
        reveal_all: RwSignal::new(kind == EditKind::Edit),
    };
    let blocked = RwSignal::new(false);

    let heading = match kind {
        EditKind::New => "New activity",
        EditKind::Duplicate => "Copy of an activity",
        EditKind::Edit => "Edit activity",
    };

    let save = move || {
        let now = crate::state::now_utc();
        let original = original.get_value();
        let built = draft.with_untracked(|d| {
            state
                .dataset
                .with_untracked(|ds| d.build(ds, original.as_deref(), &now))
        });
        match built {
            Err(problems) => {
                form.reveal_all.set(true);
                blocked.set(true);
                if let Some(first) = problems.iter().find(|p| p.is_error()) {
                    focus_control(&first.path);
                }
            }
            Ok(activity) => {
                blocked.set(false);
                let id = activity.id.clone();
                let title = short_title(&activity.title);
                let label = match kind {
                    EditKind::Edit => format!("edit “{title}”"),
                    EditKind::New | EditKind::Duplicate => format!("add “{title}”"),
                };
                state.edit(
                    &label,
                    Change::PutActivity {
                        original_id: original.clone(),
                        activity: Box::new(activity),
                    },
                );
                let hidden = !state.filters.with_untracked(|f| {
                    state
                        .dataset
                        .with_untracked(|d| d.activity(&id).is_some_and(|a| f.matches(a)))
                });
                let verb = if kind == EditKind::Edit {
                    "Saved"
                } else {
                    "Added"
                };
                let message = if hidden {
                    format!("{verb} “{title}”; the current filters hide it.")
                } else {
                    format!("{verb} “{title}”.")
                };
                state.notice.set(Some(message));
                on_close.run(Some(id));
            }
        }
    };

    // Cancel, the second Cancel button and Escape all leave through here: typed changes are only
    // discarded when the user says so.
    let cancel = move || {
        let changed = draft.with_untracked(|d| started_from.with_value(|start| d != start));
        if changed && !confirm_discard() {
            return;
        }
        on_close.run(None);
    };

    let title_ref = NodeRef::<leptos::html::Input>::new();
    request_animation_frame(move || {
        if let Some(input) = title_ref.get_untracked() {
            let _ = input.focus();
        }
    });

    let error_count = move || problems.with(|p| p.iter().filter(|p| p.is_error()).count());

    view! {
        <section
            class="editor card"
            aria-labelledby="editor-heading"
            data-testid="activity-editor"
            on:keydown=move |ev| {
                if ev.key() == "Escape" && !ev.default_prevented() {
                    ev.prevent_default();
                    cancel();
                }
            }
        >
            <datalist id="known-fields">
                {KNOWN_FIELDS.iter().map(|f| view! { <option value=*f></option> }).collect_view()}
            </datalist>
            <form
                class="editor__form"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    save();
                }
            >
                <div class="editor__head">
                    <h3 id="editor-heading">{heading}</h3>
                    <button
                        type="button"
                        class="button button--ghost"
                        data-testid="activity-cancel"
                        on:click=move |_| cancel()
                    >
                        "Cancel"
                    </button>
                </div>

                <TextControl form label="Title" path="title" required=true node_ref=title_ref
                    get=|d| d.title.clone() set=|d, v| d.title = v />
                <TextControl form label="Id" path="id"
                    hint="Letters, digits, '.', '_' and '-'; unique in the dataset."
                    get=|d| d.id.clone() set=|d, v| d.id = v />
                <TextAreaControl form label="Summary" path="summary"
                    get=|d| d.summary.clone() set=|d, v| d.summary = v />

                <CheckGroup
                    form
                    legend="Measures"
                    name="measures"
                    hint="Leave all unticked for dialogue or exchange only."
                    choices=Measure::ALL.iter().map(|m| (m.code(), format!("{} — {}", m.short_label(), m.name()))).collect()
                    is_on=|d, code| Measure::from_code(code).is_some_and(|m| d.measures.contains(&m))
                    set=|d, code, on| if let Some(m) = Measure::from_code(code) { d.set_measure(m, on) }
                />
                <CheckGroup
                    form
                    legend="Directions"
                    name="directions"
                    hint=""
                    choices=Direction::ALL.iter().map(|x| (x.code(), x.name().to_string())).collect()
                    is_on=|d, code| Direction::from_code(code).is_some_and(|x| d.directions.contains(&x))
                    set=|d, code, on| if let Some(x) = Direction::from_code(code) { d.set_direction(x, on) }
                />
                {move || form.draft.with(Draft::directions_derived).then(|| view! {
                    <p class="editor__hint" data-testid="editor-directions-derived">
                        "These directions were derived from the measures and fields; ticking or unticking one makes them yours."
                    </p>
                })}

                <fieldset class="editor__group" id=control_id("scope") aria-describedby=format!("{}-problems", control_id("scope"))>
                    <legend>"Scope"</legend>
                    {Scope::ALL.into_iter().map(|scope| view! {
                        <label class="check">
                            <input
                                type="radio"
                                name="scope"
                                value=scope.code()
                                prop:checked=move || draft.with(|d| d.scope == scope)
                                on:change=move |_| {
                                    draft.update(|d| d.scope = scope);
                                    form.touch("scope");
                                }
                            />
                            {scope.name()}
                        </label>
                    }).collect_view()}
                    <ProblemList form path="scope" within=true/>
                </fieldset>

                <CheckGroup
                    form
                    legend="Member states"
                    name="countries"
                    hint="Only for the scope “Member states”; an ASEAN-wide activity involves every member."
                    choices=MemberState::ALL.iter().map(|m| (m.iso3(), m.name().to_string())).collect()
                    is_on=|d, code| MemberState::from_iso3(code).is_some_and(|m| d.countries.contains(&m))
                    set=|d, code, on| if let Some(m) = MemberState::from_iso3(code) { d.set_country(m, on) }
                    disabled=Signal::derive(move || draft.with(|d| d.scope == Scope::AseanWide))
                />

                <FieldList form/>

                <div class="editor__row">
                    <TextControl form label="Start year" path="start" numeric=true required=true
                        get=|d| d.start.clone() set=|d, v| d.start = v />
                    <TextControl form label="End year" path="end" numeric=true
                        hint="Empty while ongoing."
                        get=|d| d.end.clone() set=|d, v| d.end = v />
                </div>

                <div class="editor__row">
                    <div class="editor__control">
                        <label class="editor__label" for=control_id("status")>"Status"</label>
                        <VocabularySelect
                            attr:name="status"
                            attr:id=control_id("status")
                            attr:aria-describedby=format!("{}-problems", control_id("status"))
                            none=("", "Not stated")
                            choices=Status::ALL.iter().map(|s| (s.code(), s.name().to_string())).collect()
                            value=Signal::derive(move || draft.with(|d| d.status.map(Status::code).unwrap_or_default().to_string()))
                            on_choose=move |code: String| {
                                draft.update(|d| d.status = Status::from_code(&code));
                                form.touch("status");
                            }
                        />
                        <ProblemList form path="status" within=false/>
                    </div>
                    <div class="editor__control">
                        <label class="editor__label" for=control_id("confidence")>"Confidence"</label>
                        <VocabularySelect
                            attr:name="confidence"
                            attr:id=control_id("confidence")
                            attr:aria-describedby=format!("{}-problems", control_id("confidence"))
                            choices=Confidence::ALL.iter().map(|c| (c.code(), c.name().to_string())).collect()
                            value=Signal::derive(move || draft.with(|d| d.confidence.unwrap_or_default().code().to_string()))
                            on_choose=move |code: String| {
                                if let Some(c) = Confidence::from_code(&code) {
                                    draft.update(|d| d.set_confidence(c));
                                    form.touch("confidence");
                                }
                            }
                        />
                        <ProblemList form path="confidence" within=false/>
                    </div>
                </div>

                <TextControl form label="Part of programme (id)" path="partOf"
                    hint="The id of the programme this is a dated event of; it then counts with the programme, once. Empty for none."
                    get=|d| d.part_of.clone() set=|d, v| d.part_of = v />

                <FollowUpList form/>
                <SourceListEditor form/>

                {(!unknown_keys.is_empty()).then(|| view! {
                    <p class="editor__hint" data-testid="editor-unknown-keys">
                        {format!(
                            "This record also holds {} this version does not know ({}); they are kept as they are.",
                            if unknown_keys.len() == 1 { "a key".to_string() } else { format!("{} keys", unknown_keys.len()) },
                            unknown_keys.join(", ")
                        )}
                    </p>
                })}

                <ProblemSummary form blocked/>

                <div class="editor__actions">
                    <button type="submit" class="button button--primary" data-testid="activity-save">
                        {if kind == EditKind::Edit { "Save changes" } else { "Add activity" }}
                    </button>
                    <button type="button" class="button" on:click=move |_| cancel()>"Cancel"</button>
                    <span class="editor__status" aria-live="polite">
                        {move || match error_count() {
                            0 => String::new(),
                            1 => "1 problem to fix".to_string(),
                            n => format!("{n} problems to fix"),
                        }}
                    </span>
                </div>
            </form>
        </section>
    }
}

/// After a refused save: every problem in one list, each a link to its control.
#[component]
fn ProblemSummary(form: Form, blocked: RwSignal<bool>) -> impl IntoView {
    let errors = move || {
        form.problems.with(|p| {
            p.iter()
                .filter(|p| p.is_error())
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || blocked.get() && !errors().is_empty()>
            <div class="editor__summary" role="alert" data-testid="editor-problems">
                <p>"The activity was not saved. Fix these first:"</p>
                <ul>
                    {move || errors().into_iter().map(|p| {
                        let target = control_id(&p.path);
                        let path = p.path.clone();
                        view! {
                            <li>
                                <a href=format!("#{target}") on:click=move |ev| {
                                    ev.prevent_default();
                                    focus_control(&path);
                                }>{format!("{}: {}", path_label(&p.path), p.message)}</a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// The messages for one control, in the element its `aria-describedby` names.
#[component]
fn ProblemList(form: Form, path: &'static str, within: bool) -> impl IntoView {
    problem_list(form, path.to_string(), within)
}

fn problem_list(form: Form, path: String, within: bool) -> impl IntoView {
    let id = format!("{}-problems", control_id(&path));
    view! {
        <div class="editor__problems" id=id>
            {move || form.shown(&path, within).into_iter().map(|p| {
                let class = if p.is_error() { "problem problem--error" } else { "problem problem--warning" };
                let prefix = if p.is_error() { "Error: " } else { "Check: " };
                view! { <p class=class data-path=p.path.clone()><span class="visually-hidden">{prefix}</span>{p.message.clone()}</p> }
            }).collect_view()}
        </div>
    }
}

/// A labelled one-line text box bound to one text of the draft.
#[component]
fn TextControl(
    form: Form,
    label: &'static str,
    path: &'static str,
    get: fn(&Draft) -> String,
    set: fn(&mut Draft, String),
    #[prop(optional)] hint: &'static str,
    #[prop(optional)] numeric: bool,
    #[prop(optional)] required: bool,
    #[prop(optional)] node_ref: NodeRef<leptos::html::Input>,
) -> impl IntoView {
    let id = control_id(path);
    let described = described_by(path, hint);
    view! {
        <div class="editor__control">
            <label class="editor__label" for=id.clone()>
                {label}
                {required.then(|| view! { <span class="editor__required" aria-hidden="true">" *"</span> })}
            </label>
            <input
                node_ref=node_ref
                type="text"
                id=id.clone()
                name=path
                autocomplete="off"
                inputmode=numeric.then_some("numeric")
                class:editor__year=numeric
                aria-required=required.then_some("true")
                aria-invalid=move || form.has_error(path, false).then_some("true")
                aria-describedby=described
                prop:value=move || form.draft.with(get)
                on:input:target=move |ev| {
                    let value = ev.target().value();
                    form.draft.update(|d| set(d, value));
                    form.touch(path);
                }
            />
            <Hint path hint/>
            <ProblemList form path within=false/>
        </div>
    }
}

/// A labelled multi-line text box bound to one text of the draft.
#[component]
fn TextAreaControl(
    form: Form,
    label: &'static str,
    path: &'static str,
    get: fn(&Draft) -> String,
    set: fn(&mut Draft, String),
) -> impl IntoView {
    let id = control_id(path);
    view! {
        <div class="editor__control">
            <label class="editor__label" for=id.clone()>{label}</label>
            <textarea
                id=id
                name=path
                rows="4"
                aria-invalid=move || form.has_error(path, false).then_some("true")
                aria-describedby=described_by(path, "")
                prop:value=move || form.draft.with(get)
                on:input:target=move |ev| {
                    let value = ev.target().value();
                    form.draft.update(|d| set(d, value));
                    form.touch(path);
                }
            ></textarea>
            <ProblemList form path within=false/>
        </div>
    }
}

#[component]
fn Hint(path: &'static str, hint: &'static str) -> impl IntoView {
    (!hint.is_empty()).then(|| {
        view! { <p class="editor__hint" id=format!("{}-hint", control_id(path))>{hint}</p> }
    })
}

fn described_by(path: &str, hint: &str) -> String {
    let id = control_id(path);
    if hint.is_empty() {
        format!("{id}-problems")
    } else {
        format!("{id}-hint {id}-problems")
    }
}

/// A fieldset of checkboxes over codes (measures, directions, member states).
#[component]
fn CheckGroup(
    form: Form,
    legend: &'static str,
    name: &'static str,
    hint: &'static str,
    choices: Vec<(&'static str, String)>,
    is_on: fn(&Draft, &str) -> bool,
    set: fn(&mut Draft, &str, bool),
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    let id = control_id(name);
    view! {
        <fieldset
            class=if name == "countries" { "editor__group editor__group--columns" } else { "editor__group" }
            id=id
            aria-invalid=move || form.has_error(name, true).then_some("true")
            aria-describedby=described_by(name, hint)
            prop:disabled=move || disabled.get()
        >
            <legend>{legend}</legend>
            <Hint path=name hint/>
            <div class="editor__checks">
                {choices.into_iter().map(|(code, text)| view! {
                    <label class="check">
                        <input
                            type="checkbox"
                            name=name
                            value=code
                            prop:checked=move || form.draft.with(|d| is_on(d, code))
                            on:change:target=move |ev| {
                                let on = ev.target().checked();
                                form.draft.update(|d| set(d, code, on));
                                form.touch(name);
                            }
                        />
                        {text}
                    </label>
                }).collect_view()}
            </div>
            <ProblemList form path=name within=true/>
        </fieldset>
    }
}

/// The field labels as an editable list, with the Vision's vocabulary as suggestions.
#[component]
fn FieldList(form: Form) -> impl IntoView {
    let count = Memo::new(move |_| form.draft.with(|d| d.fields.len()));
    view! {
        <fieldset class="editor__group" id=control_id("fields") aria-describedby=described_by("fields", "")>
            <legend>"Fields"</legend>
            <ul class="editor__list">
                {move || (0..count.get()).map(|index| {
                    let path = format!("fields[{index}]");
                    let id = control_id(&path);
                    let path_for_input = path.clone();
                    let path_for_invalid = path.clone();
                    view! {
                        <li class="editor__entry">
                            <label class="visually-hidden" for=id.clone()>{format!("Field {}", index + 1)}</label>
                            <input
                                type="text"
                                id=id.clone()
                                name=path.clone()
                                list="known-fields"
                                autocomplete="off"
                                aria-invalid=move || form.has_error(&path_for_invalid, false).then_some("true")
                                aria-describedby=format!("{id}-problems")
                                prop:value=move || form.draft.with(|d| d.fields.get(index).cloned().unwrap_or_default())
                                on:input:target=move |ev| {
                                    let value = ev.target().value();
                                    form.draft.update(|d| if let Some(f) = d.fields.get_mut(index) { *f = value });
                                    form.touch(&path_for_input);
                                }
                            />
                            <RemoveButton label=format!("Remove field {}", index + 1) on_remove=move || {
                                form.draft.update(|d| { if index < d.fields.len() { d.fields.remove(index); } });
                                form.touch("fields");
                            }/>
                            {problem_list(form, path, false)}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <button type="button" class="button button--small" data-testid="add-field" on:click=move |_| {
                let index = form.draft.with_untracked(|d| d.fields.len());
                form.draft.update(|d| d.fields.push(String::new()));
                focus_control(&format!("fields[{index}]"));
            }>"Add field"</button>
            <ProblemList form path="fields" within=false/>
        </fieldset>
    }
}

/// The follow-up notes (year + note) as an editable list.
#[component]
fn FollowUpList(form: Form) -> impl IntoView {
    let count = Memo::new(move |_| form.draft.with(|d| d.follow_ups.len()));
    view! {
        <fieldset class="editor__group" id=control_id("followUps") aria-describedby=described_by("followUps", "")>
            <legend>"Follow-ups"</legend>
            <p class="editor__hint">"Notes from the annual Japan–ASEAN Defense Vice-Ministerial Forum."</p>
            <ul class="editor__list">
                {move || (0..count.get()).map(|index| view! {
                    <li class="editor__entry editor__entry--grid">
                        <EntryText form index label="Year" key="year" numeric=true prefix="followUps"
                            get=|d, i| d.follow_ups.get(i).map(|f| f.year.clone())
                            set=|d, i, v| if let Some(f) = d.follow_ups.get_mut(i) { f.year = v } />
                        <EntryText form index label="Note" key="note" prefix="followUps"
                            get=|d, i| d.follow_ups.get(i).map(|f| f.note.clone())
                            set=|d, i, v| if let Some(f) = d.follow_ups.get_mut(i) { f.note = v } />
                        <RemoveButton label=format!("Remove follow-up {}", index + 1) on_remove=move || {
                            form.draft.update(|d| { if index < d.follow_ups.len() { d.follow_ups.remove(index); } });
                            form.touch("followUps");
                        }/>
                    </li>
                }).collect_view()}
            </ul>
            <button type="button" class="button button--small" data-testid="add-follow-up" on:click=move |_| {
                let index = form.draft.with_untracked(|d| d.follow_ups.len());
                form.draft.update(|d| d.follow_ups.push(FollowUpDraft::default()));
                focus_control(&format!("followUps[{index}].year"));
            }>"Add follow-up"</button>
            <ProblemList form path="followUps" within=false/>
        </fieldset>
    }
}

/// The sources (address, title, date accessed) as an editable list.
#[component]
fn SourceListEditor(form: Form) -> impl IntoView {
    let count = Memo::new(move |_| form.draft.with(|d| d.sources.len()));
    view! {
        <fieldset class="editor__group" id=control_id("sources") aria-describedby=described_by("sources", "")>
            <legend>"Sources"</legend>
            <ul class="editor__list">
                {move || (0..count.get()).map(|index| view! {
                    <li class="editor__entry editor__entry--grid">
                        <EntryText form index label="Address (http or https)" key="url" kind="url" prefix="sources"
                            get=|d, i| d.sources.get(i).map(|s| s.url.clone())
                            set=|d, i, v| if let Some(s) = d.sources.get_mut(i) { s.url = v } />
                        <EntryText form index label="Title" key="title" prefix="sources"
                            get=|d, i| d.sources.get(i).map(|s| s.title.clone())
                            set=|d, i, v| if let Some(s) = d.sources.get_mut(i) { s.title = v } />
                        <EntryText form index label="Accessed" key="accessed" kind="date" prefix="sources"
                            get=|d, i| d.sources.get(i).map(|s| s.accessed.clone())
                            set=|d, i, v| if let Some(s) = d.sources.get_mut(i) { s.accessed = v } />
                        <RemoveButton label=format!("Remove source {}", index + 1) on_remove=move || {
                            form.draft.update(|d| { if index < d.sources.len() { d.sources.remove(index); } });
                            form.touch("sources");
                        }/>
                    </li>
                }).collect_view()}
            </ul>
            <button type="button" class="button button--small" data-testid="add-source" on:click=move |_| {
                let index = form.draft.with_untracked(|d| d.sources.len());
                form.draft.update(|d| d.sources.push(SourceDraft::default()));
                focus_control(&format!("sources[{index}].url"));
            }>"Add source"</button>
            <ProblemList form path="sources" within=false/>
        </fieldset>
    }
}

/// One text box of a list entry (`sources[1].url`), labelled with the entry's number for screen readers.
#[component]
fn EntryText(
    form: Form,
    index: usize,
    label: &'static str,
    prefix: &'static str,
    key: &'static str,
    get: fn(&Draft, usize) -> Option<String>,
    set: fn(&mut Draft, usize, String),
    #[prop(optional)] numeric: bool,
    #[prop(default = "text")] kind: &'static str,
) -> impl IntoView {
    let path = format!("{prefix}[{index}].{key}");
    let id = control_id(&path);
    let touched_path = path.clone();
    let invalid_path = path.clone();
    view! {
        <div class="editor__control">
            <label class="editor__label" for=id.clone()>
                {label}
                <span class="visually-hidden">{format!(" ({} {})", entry_name(prefix), index + 1)}</span>
            </label>
            <input
                type=kind
                id=id.clone()
                name=path.clone()
                autocomplete="off"
                inputmode=numeric.then_some("numeric")
                class:editor__year=numeric
                aria-invalid=move || form.has_error(&invalid_path, false).then_some("true")
                aria-describedby=format!("{id}-problems")
                prop:value=move || form.draft.with(|d| get(d, index).unwrap_or_default())
                on:input:target=move |ev| {
                    let value = ev.target().value();
                    form.draft.update(|d| set(d, index, value));
                    form.touch(&touched_path);
                }
            />
            {problem_list(form, path, false)}
        </div>
    }
}

fn entry_name(prefix: &str) -> &'static str {
    match prefix {
        "followUps" => "follow-up",
        "sources" => "source",
        _ => "entry",
    }
}

#[component]
fn RemoveButton(label: String, on_remove: impl Fn() + 'static) -> impl IntoView {
    view! {
        <button type="button" class="button button--small button--ghost editor__remove" aria-label=label.clone() title=label on:click=move |_| on_remove()>
            "Remove"
        </button>
    }
}

/// Moves the focus to the control for a problem's path once the form has been drawn.
fn focus_control(path: &str) {
    let id = control_id(path);
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        let element = document()
            .get_element_by_id(&id)
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            // A fieldset cannot take the focus; its first control can.
            let target = if element.tag_name() == "FIELDSET" {
                element
                    .query_selector("input:not([disabled])")
                    .ok()
                    .flatten()
                    .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
                    .unwrap_or(element)
            } else {
                element
            };
            let _ = target.focus();
        }
    });
}

/// Asks before typed changes are thrown away. Without a window (never in the app) nothing is discarded.
fn confirm_discard() -> bool {
    web_sys::window()
        .and_then(|window| {
            window
                .confirm_with_message("Discard the changes to this activity?")
                .ok()
        })
        .unwrap_or(false)
}
