//! The activity editor: a form over every key of format v1, for a new activity, a copy or an existing
//! record. The form edits a [`Draft`]; the same validation as import runs on every change and its
//! problems show next to the control they concern (`aria-invalid`, `aria-describedby`). Errors block the
//! save, warnings do not. Saving goes through `state.edit`, so it is one undo step and is saved to the
//! device like every other change.

use std::collections::HashSet;

use leptos::prelude::*;

use crate::i18n::{t, use_language, Language};
use crate::model::edit::{
    control_id, path_label, problems_at, problems_within, short_title, Draft, FollowUpDraft,
    SourceDraft,
};
use crate::model::history::Change;
use crate::model::i18n::editor::{
    change_label, change_notice, problem_line, problems_to_fix, unknown_keys, ActivityChange,
    EditorText, Entry,
};
use crate::model::i18n::{self, Locale, Phrase};
use crate::model::vision::KNOWN_FIELDS;
use crate::model::{Confidence, Direction, Measure, MemberState, Problem, Scope, Status};
use crate::state::use_atlas;
use crate::ui::kit::vocabulary_select::measure_choices_in;
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
    language: Language,
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
    let language = use_language();
    let EditSession {
        kind,
        original_id,
        draft: initial,
    } = session;
    let keys: Vec<String> = initial.unknown.keys().cloned().collect();
    // What the form started from, so that leaving it can tell whether anything would be lost.
    let started_from = StoredValue::new(initial.clone());
    let draft = RwSignal::new(initial);
    let original = StoredValue::new(original_id);
    // The editor's own messages are worded in the reader's language, so a switch checks again.
    let problems = Memo::new(move |_| {
        let original = original.get_value();
        let locale = language.get();
        draft.with(|d| {
            state
                .dataset
                .with(|ds| d.problems(ds, original.as_deref(), locale))
        })
    });
    let form = Form {
        language,
        draft,
        problems,
        touched: RwSignal::new(HashSet::new()),
        // An existing record's problems (say, a warning from its import) are worth seeing at once.
        reveal_all: RwSignal::new(kind == EditKind::Edit),
    };
    let blocked = RwSignal::new(false);

    let heading = match kind {
        EditKind::New => EditorText::NewActivity,
        EditKind::Duplicate => EditorText::CopyHeading,
        EditKind::Edit => EditorText::EditHeading,
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
                // The undo step and the notice are worded once, in the language of the moment.
                let locale = language.get_untracked();
                let change = match kind {
                    EditKind::Edit => ActivityChange::Edit,
                    EditKind::New | EditKind::Duplicate => ActivityChange::Add,
                };
                let label = change_label(locale, change, &title);
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
                state
                    .notice
                    .set(Some(change_notice(locale, change, &title, hidden)));
                on_close.run(Some(id));
            }
        }
    };

    // Cancel, the second Cancel button and Escape all leave through here: typed changes are only
    // discarded when the user says so.
    let cancel = move || {
        let changed = draft.with_untracked(|d| started_from.with_value(|start| d != start));
        if changed && !confirm_discard(language.get_untracked()) {
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
                    <h3 id="editor-heading">{t(heading)}</h3>
                    <button
                        type="button"
                        class="button button--ghost"
                        data-testid="activity-cancel"
                        on:click=move |_| cancel()
                    >
                        {t(EditorText::Cancel)}
                    </button>
                </div>

                <TextControl form label=EditorText::Title path="title" required=true node_ref=title_ref
                    get=|d| d.title.clone() set=|d, v| d.title = v />
                <TextControl form label=EditorText::Id path="id"
                    hint=EditorText::IdHint
                    get=|d| d.id.clone() set=|d, v| d.id = v />
                <TextAreaControl form label=EditorText::Summary path="summary"
                    get=|d| d.summary.clone() set=|d, v| d.summary = v />

                <CheckGroup
                    form
                    legend=EditorText::Measures
                    name="measures"
                    hint=EditorText::MeasuresHint
                    choices=measure_choices_in
                    is_on=|d, code| Measure::from_code(code).is_some_and(|m| d.measures.contains(&m))
                    set=|d, code, on| if let Some(m) = Measure::from_code(code) { d.set_measure(m, on) }
                />
                <CheckGroup
                    form
                    legend=EditorText::Directions
                    name="directions"
                    choices=|locale| Direction::ALL.iter().map(|x| (x.code(), x.label(locale).to_string())).collect()
                    is_on=|d, code| Direction::from_code(code).is_some_and(|x| d.directions.contains(&x))
                    set=|d, code, on| if let Some(x) = Direction::from_code(code) { d.set_direction(x, on) }
                />
                {move || form.draft.with(Draft::directions_derived).then(|| view! {
                    <p class="editor__hint" data-testid="editor-directions-derived">
                        {t(EditorText::DirectionsDerivedHint)}
                    </p>
                })}

                <fieldset class="editor__group" id=control_id("scope") aria-describedby=format!("{}-problems", control_id("scope"))>
                    <legend>{t(EditorText::Scope)}</legend>
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
                            {move || scope.label(language.get())}
                        </label>
                    }).collect_view()}
                    <ProblemList form path="scope" within=true/>
                </fieldset>

                <CheckGroup
                    form
                    legend=EditorText::MemberStates
                    name="countries"
                    hint=EditorText::MemberStatesHint
                    choices=|locale| MemberState::ALL.iter().map(|m| (m.iso3(), m.label(locale).to_string())).collect()
                    is_on=|d, code| MemberState::from_iso3(code).is_some_and(|m| d.countries.contains(&m))
                    set=|d, code, on| if let Some(m) = MemberState::from_iso3(code) { d.set_country(m, on) }
                    disabled=Signal::derive(move || draft.with(|d| d.scope == Scope::AseanWide))
                />

                <FieldList form/>

                <div class="editor__row">
                    <TextControl form label=EditorText::StartYear path="start" numeric=true required=true
                        get=|d| d.start.clone() set=|d, v| d.start = v />
                    <TextControl form label=EditorText::EndYear path="end" numeric=true
                        hint=EditorText::EndHint
                        get=|d| d.end.clone() set=|d, v| d.end = v />
                </div>

                <div class="editor__row">
                    <div class="editor__control">
                        <label class="editor__label" for=control_id("status")>{t(EditorText::Status)}</label>
                        <VocabularySelect
                            attr:name="status"
                            attr:id=control_id("status")
                            attr:aria-describedby=format!("{}-problems", control_id("status"))
                            none=("", Signal::derive(t(EditorText::NotStated)))
                            choices=Signal::derive(move || {
                                let locale = language.get();
                                Status::ALL.iter().map(|s| (s.code(), s.label(locale).to_string())).collect()
                            })
                            value=Signal::derive(move || draft.with(|d| d.status.map(Status::code).unwrap_or_default().to_string()))
                            on_choose=move |code: String| {
                                draft.update(|d| d.status = Status::from_code(&code));
                                form.touch("status");
                            }
                        />
                        <ProblemList form path="status" within=false/>
                    </div>
                    <div class="editor__control">
                        <label class="editor__label" for=control_id("confidence")>{t(EditorText::Confidence)}</label>
                        <VocabularySelect
                            attr:name="confidence"
                            attr:id=control_id("confidence")
                            attr:aria-describedby=format!("{}-problems", control_id("confidence"))
                            choices=Signal::derive(move || {
                                let locale = language.get();
                                Confidence::ALL.iter().map(|c| (c.code(), c.label(locale).to_string())).collect()
                            })
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

                <TextControl form label=EditorText::PartOf path="partOf"
                    hint=EditorText::PartOfHint
                    get=|d| d.part_of.clone() set=|d, v| d.part_of = v />

                <FollowUpList form/>
                <SourceListEditor form/>

                {(!keys.is_empty()).then(|| view! {
                    <p class="editor__hint" data-testid="editor-unknown-keys">
                        {move || {
                            let locale = language.get();
                            unknown_keys(locale, keys.len(), &i18n::list(locale, &keys))
                        }}
                    </p>
                })}

                <ProblemSummary form blocked/>

                <div class="editor__actions">
                    <button type="submit" class="button button--primary" data-testid="activity-save">
                        {t(if kind == EditKind::Edit { EditorText::SaveChanges } else { EditorText::AddActivity })}
                    </button>
                    <button type="button" class="button" on:click=move |_| cancel()>{t(EditorText::Cancel)}</button>
                    <span class="editor__status" aria-live="polite">
                        {move || problems_to_fix(language.get(), error_count())}
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
                <p>{t(EditorText::NotSaved)}</p>
                <ul>
                    {move || {
                        let locale = form.language.get();
                        errors().into_iter().map(|p| {
                        let target = control_id(&p.path);
                        let path = p.path.clone();
                        view! {
                            <li>
                                <a href=format!("#{target}") on:click=move |ev| {
                                    ev.prevent_default();
                                    focus_control(&path);
                                }>{problem_line(locale, &path_label(locale, &p.path), p.text(locale))}</a>
                            </li>
                        }
                    }).collect_view()
                    }}
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
            {move || {
                let locale = form.language.get();
                form.shown(&path, within).into_iter().map(|p| {
                    let class = if p.is_error() { "problem problem--error" } else { "problem problem--warning" };
                    let prefix = if p.is_error() { EditorText::ErrorPrefix } else { EditorText::CheckPrefix };
                    view! {
                        <p class=class data-path=p.path.clone()>
                            <span class="visually-hidden">{prefix.text(locale)}</span>{p.text(locale).to_string()}
                        </p>
                    }
                }).collect_view()
            }}
        </div>
    }
}

/// A labelled one-line text box bound to one text of the draft.
#[component]
fn TextControl(
    form: Form,
    label: EditorText,
    path: &'static str,
    get: fn(&Draft) -> String,
    set: fn(&mut Draft, String),
    #[prop(optional)] hint: Option<EditorText>,
    #[prop(optional)] numeric: bool,
    #[prop(optional)] required: bool,
    #[prop(optional)] node_ref: NodeRef<leptos::html::Input>,
) -> impl IntoView {
    let id = control_id(path);
    let described = described_by(path, hint.is_some());
    view! {
        <div class="editor__control">
            <label class="editor__label" for=id.clone()>
                {t(label)}
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
    label: EditorText,
    path: &'static str,
    get: fn(&Draft) -> String,
    set: fn(&mut Draft, String),
) -> impl IntoView {
    let id = control_id(path);
    view! {
        <div class="editor__control">
            <label class="editor__label" for=id.clone()>{t(label)}</label>
            <textarea
                id=id
                name=path
                rows="4"
                aria-invalid=move || form.has_error(path, false).then_some("true")
                aria-describedby=described_by(path, false)
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
fn Hint(path: &'static str, hint: Option<EditorText>) -> impl IntoView {
    hint.map(|hint| {
        view! { <p class="editor__hint" id=format!("{}-hint", control_id(path))>{t(hint)}</p> }
    })
}

/// The ids a control's `aria-describedby` names: its hint (when it has one) and its problems.
fn described_by(path: &str, has_hint: bool) -> String {
    let id = control_id(path);
    if has_hint {
        format!("{id}-hint {id}-problems")
    } else {
        format!("{id}-problems")
    }
}

/// A fieldset of checkboxes over codes (measures, directions, member states). `choices` gives the
/// codes and their words in a locale; only the words follow a switch of language, so the boxes (and
/// the focus) stay.
#[component]
fn CheckGroup(
    form: Form,
    legend: EditorText,
    name: &'static str,
    #[prop(optional)] hint: Option<EditorText>,
    choices: fn(Locale) -> Vec<(&'static str, String)>,
    is_on: fn(&Draft, &str) -> bool,
    set: fn(&mut Draft, &str, bool),
    #[prop(optional, into)] disabled: Signal<bool>,
) -> impl IntoView {
    let id = control_id(name);
    // The codes are the same in every language; English is only where they are read from.
    let codes: Vec<&'static str> = choices(Locale::En)
        .into_iter()
        .map(|(code, _)| code)
        .collect();
    view! {
        <fieldset
            class=if name == "countries" { "editor__group editor__group--columns" } else { "editor__group" }
            id=id
            aria-invalid=move || form.has_error(name, true).then_some("true")
            aria-describedby=described_by(name, hint.is_some())
            prop:disabled=move || disabled.get()
        >
            <legend>{t(legend)}</legend>
            <Hint path=name hint/>
            <div class="editor__checks">
                {codes.into_iter().enumerate().map(|(position, code)| view! {
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
                        {move || choices(form.language.get()).into_iter().nth(position).map(|(_, words)| words)}
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
        <fieldset class="editor__group" id=control_id("fields") aria-describedby=described_by("fields", false)>
            <legend>{t(EditorText::Fields)}</legend>
            <ul class="editor__list">
                {move || (0..count.get()).map(|index| {
                    let path = format!("fields[{index}]");
                    let id = control_id(&path);
                    let path_for_input = path.clone();
                    let path_for_invalid = path.clone();
                    view! {
                        <li class="editor__entry">
                            <label class="visually-hidden" for=id.clone()>
                                {move || Entry::Field.numbered(form.language.get(), index + 1)}
                            </label>
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
                            <RemoveButton form entry=Entry::Field number=index + 1 on_remove=move || {
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
            }>{t(EditorText::AddField)}</button>
            <ProblemList form path="fields" within=false/>
        </fieldset>
    }
}

/// The follow-up notes (year + note) as an editable list.
#[component]
fn FollowUpList(form: Form) -> impl IntoView {
    let count = Memo::new(move |_| form.draft.with(|d| d.follow_ups.len()));
    view! {
        <fieldset class="editor__group" id=control_id("followUps") aria-describedby=described_by("followUps", false)>
            <legend>{t(EditorText::FollowUps)}</legend>
            <p class="editor__hint">{t(EditorText::FollowUpsHint)}</p>
            <ul class="editor__list">
                {move || (0..count.get()).map(|index| view! {
                    <li class="editor__entry editor__entry--grid">
                        <EntryText form index label=EditorText::Year key="year" numeric=true prefix="followUps"
                            get=|d, i| d.follow_ups.get(i).map(|f| f.year.clone())
                            set=|d, i, v| if let Some(f) = d.follow_ups.get_mut(i) { f.year = v } />
                        <EntryText form index label=EditorText::Note key="note" prefix="followUps"
                            get=|d, i| d.follow_ups.get(i).map(|f| f.note.clone())
                            set=|d, i, v| if let Some(f) = d.follow_ups.get_mut(i) { f.note = v } />
                        <RemoveButton form entry=Entry::FollowUp number=index + 1 on_remove=move || {
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
            }>{t(EditorText::AddFollowUp)}</button>
            <ProblemList form path="followUps" within=false/>
        </fieldset>
    }
}

/// The sources (address, title, date accessed) as an editable list.
#[component]
fn SourceListEditor(form: Form) -> impl IntoView {
    let count = Memo::new(move |_| form.draft.with(|d| d.sources.len()));
    view! {
        <fieldset class="editor__group" id=control_id("sources") aria-describedby=described_by("sources", false)>
            <legend>{t(EditorText::Sources)}</legend>
            <ul class="editor__list">
                {move || (0..count.get()).map(|index| view! {
                    <li class="editor__entry editor__entry--grid">
                        <EntryText form index label=EditorText::SourceAddress key="url" kind="url" prefix="sources"
                            get=|d, i| d.sources.get(i).map(|s| s.url.clone())
                            set=|d, i, v| if let Some(s) = d.sources.get_mut(i) { s.url = v } />
                        <EntryText form index label=EditorText::SourceTitle key="title" prefix="sources"
                            get=|d, i| d.sources.get(i).map(|s| s.title.clone())
                            set=|d, i, v| if let Some(s) = d.sources.get_mut(i) { s.title = v } />
                        <EntryText form index label=EditorText::Accessed key="accessed" kind="date" prefix="sources"
                            get=|d, i| d.sources.get(i).map(|s| s.accessed.clone())
                            set=|d, i, v| if let Some(s) = d.sources.get_mut(i) { s.accessed = v } />
                        <RemoveButton form entry=Entry::Source number=index + 1 on_remove=move || {
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
            }>{t(EditorText::AddSource)}</button>
            <ProblemList form path="sources" within=false/>
        </fieldset>
    }
}

/// One text box of a list entry (`sources[1].url`), labelled with the entry's number for screen readers.
#[component]
fn EntryText(
    form: Form,
    index: usize,
    label: EditorText,
    /// The list's key (`followUps`, `sources`).
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
                {t(label)}
                <span class="visually-hidden">
                    {move || Entry::from_key(prefix).map(|entry| entry.which(form.language.get(), index + 1))}
                </span>
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

/// The button that removes entry `number` (from 1) of a list, named after it ("Remove source 2").
#[component]
fn RemoveButton(
    form: Form,
    entry: Entry,
    number: usize,
    on_remove: impl Fn() + 'static,
) -> impl IntoView {
    let label = move || entry.remove(form.language.get(), number);
    view! {
        <button type="button" class="button button--small button--ghost editor__remove" aria-label=label title=label on:click=move |_| on_remove()>
            {t(EditorText::Remove)}
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

/// Asks, in `locale`, before typed changes are thrown away. Without a window (never in the app)
/// nothing is discarded.
fn confirm_discard(locale: Locale) -> bool {
    web_sys::window()
        .and_then(|window| {
            window
                .confirm_with_message(EditorText::DiscardChanges.text(locale))
                .ok()
        })
        .unwrap_or(false)
}
