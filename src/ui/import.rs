//! The import panel of the Data view: a file picker and a paste box, the preview of what an import would
//! do (with the field-by-field diff of every changed activity and the conflict choices), the errors of a
//! refused file, and "Undo import".
//!
//! Invariant: nothing here changes the dataset until the user clicks Merge or Replace. Reading, parsing,
//! validating and previewing only fill the [`ImportSession`]; a refused or cancelled import leaves the
//! dataset, in memory and in storage, exactly as it was.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::files;
use crate::i18n::t;
use crate::model::format::{check_file_size, read_dataset_bytes};
use crate::model::history::Change;
use crate::model::i18n::common::Common;
use crate::model::i18n::data::{self as words, DataText, ImportSummary};
use crate::model::i18n::{Locale, Phrase};
use crate::model::merge::{
    self, field_diffs, group_problems, ConflictPolicy, FieldDiff, ImportMode, ImportPreview,
    ProblemGroup, Resolution, Side,
};
use crate::model::published::FetchFault;
use crate::model::quota::{self, Room};
use crate::model::{Dataset, Problem, Severity};
use crate::state::{use_atlas, AtlasState};
use crate::storage;

/// How many changed activities the preview lists with their diff; the rest follow the policy.
const CHANGES_SHOWN: usize = 100;
/// How many problem groups a refused file lists; the rest are counted.
const GROUPS_SHOWN: usize = 100;
/// How many places of one grouped problem are named.
const PATHS_SHOWN: usize = 5;

/// Where an import's text came from: a file (its name, shown as it is), the paste box, several
/// files dropped at once, or a published dataset (its link, as the address or the catalogue gave
/// it). The words for the paste box and the dropped files follow the language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportSource {
    File(String),
    Pasted,
    Dropped,
    Published(String),
}

impl ImportSource {
    /// The name the import's messages quote.
    pub fn name(&self, locale: Locale) -> String {
        match self {
            ImportSource::File(name) | ImportSource::Published(name) => name.clone(),
            ImportSource::Pasted => DataText::PastedText.text(locale).to_string(),
            ImportSource::Dropped => DataText::DroppedFiles.text(locale).to_string(),
        }
    }
}

/// Why the app refused a file before the model read it. These are the app's own words, kept as a
/// value so that the error list follows a switch of language like the model's problems do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The browser could not hand the file over (its own reason).
    Unreadable(String),
    /// Several files were dropped at once.
    SeveralFiles(u32),
    /// A published dataset that could not be fetched, with its link.
    Published { link: String, fault: FetchFault },
}

impl Refusal {
    pub fn text(&self, locale: Locale) -> String {
        match self {
            Refusal::Unreadable(error) => words::unreadable_file(locale, error),
            Refusal::SeveralFiles(count) => words::several_files(locale, *count as usize),
            Refusal::Published { link, fault } => fault.text(locale, link),
        }
    }
}

/// A file that passed validation, waiting for Merge, Replace or Cancel.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingImport {
    pub source: ImportSource,
    pub incoming: Dataset,
    pub warnings: Vec<Problem>,
}

/// A file that was refused, with every problem found (or the app's own reason).
#[derive(Clone, Debug, PartialEq)]
pub struct ImportFailure {
    pub source: ImportSource,
    pub problems: Vec<Problem>,
    pub refusal: Option<Refusal>,
}

/// What the last applied import did, shown beside "Undo import" in the current language.
#[derive(Clone, Debug, PartialEq)]
pub struct AppliedImport {
    pub source: ImportSource,
    pub summary: ImportSummary,
}

/// The import in progress. The shell (`app.rs`) provides one for the whole page, so that it outlives
/// the Data view: a file dropped on another view is previewed when the Data view opens.
#[derive(Clone, Copy)]
pub struct ImportSession {
    pub pending: RwSignal<Option<PendingImport>>,
    pub failure: RwSignal<Option<ImportFailure>>,
    pub policy: RwSignal<ConflictPolicy>,
    /// Sides picked for single records, by `id`.
    pub choices: RwSignal<HashMap<String, Side>>,
    /// The name of the file being read, while it is read.
    pub reading: RwSignal<Option<String>>,
    /// What the last applied import did (shown with "Undo import").
    pub applied: RwSignal<Option<AppliedImport>>,
    /// The comparison of the pending file with the dataset as it is now, computed once for the counts,
    /// the conflicts, the storage estimate and the import itself.
    pub preview: Memo<Option<ImportPreview>>,
    /// The published dataset the address names while it is previewed (`AtlasState::published`).
    published: RwSignal<Option<String>>,
}

impl ImportSession {
    pub fn new(state: AtlasState) -> ImportSession {
        let pending = RwSignal::new(None::<PendingImport>);
        let preview = Memo::new(move |_| {
            pending.with(|pending| {
                pending.as_ref().map(|pending| {
                    state
                        .dataset
                        .with(|local| merge::preview(local, &pending.incoming))
                })
            })
        });
        ImportSession {
            pending,
            failure: RwSignal::new(None),
            policy: RwSignal::new(ConflictPolicy::default()),
            choices: RwSignal::new(HashMap::new()),
            reading: RwSignal::new(None),
            applied: RwSignal::new(None),
            preview,
            published: state.published,
        }
    }

    /// Validates `bytes` and shows either the preview or the errors. Changes nothing else.
    pub fn read_bytes(&self, source: ImportSource, bytes: &[u8]) {
        self.reading.set(None);
        self.follow_in_address(&source);
        // Every file starts from the default policy and no per-record choice.
        self.policy.set(ConflictPolicy::default());
        self.choices.set(HashMap::new());
        match read_dataset_bytes(bytes) {
            Ok(decoded) => {
                self.failure.set(None);
                self.pending.set(Some(PendingImport {
                    source,
                    incoming: decoded.dataset,
                    warnings: decoded.warnings,
                }));
            }
            Err(problems) => self.fail(source, problems, None),
        }
    }

    /// Reads a user's file (picked or dropped), then validates it.
    pub fn read_file(&self, file: web_sys::File) {
        let name = file.name();
        if let Err(problem) = check_file_size(file.size()) {
            self.fail(ImportSource::File(name), vec![problem], None);
            return;
        }
        self.reading.set(Some(name.clone()));
        let session = *self;
        leptos::task::spawn_local(async move {
            let source = ImportSource::File(name);
            match files::read_file_bytes(&file).await {
                Ok(bytes) => session.read_bytes(source, &bytes),
                Err(error) => session.fail(source, Vec::new(), Some(Refusal::Unreadable(error))),
            }
        });
    }

    /// Fetches the published dataset at `link` (from `?dataset=` or the catalogue), then validates
    /// it like a picked file: the preview or the located errors, and nothing applied until the user
    /// chooses. The address names the file while its preview is open.
    pub fn open_published(&self, link: String) {
        let source = ImportSource::Published(link.clone());
        self.follow_in_address(&source);
        self.pending.set(None);
        self.failure.set(None);
        self.reading.set(Some(link.clone()));
        let session = *self;
        leptos::task::spawn_local(async move {
            let fetched = files::fetch_published(&link).await;
            // A Cancel, or another file, while the network answered: that answer is not wanted.
            if session.reading.get_untracked().as_deref() != Some(link.as_str()) {
                return;
            }
            match fetched {
                // The size rule is the picked file's; a server sends no size it could be trusted for.
                Ok(bytes) => match check_file_size(bytes.len() as f64) {
                    Ok(()) => session.read_bytes(source, &bytes),
                    Err(problem) => session.fail(source, vec![problem], None),
                },
                Err(fault) => session.refuse(source, Refusal::Published { link, fault }),
            }
        });
    }

    /// Keeps `?dataset=` in step with the import in progress: the published file's link while it is
    /// read or previewed, nothing once another file replaces it.
    fn follow_in_address(&self, source: &ImportSource) {
        let link = match source {
            ImportSource::Published(link) => Some(link.clone()),
            _ => None,
        };
        if self.published.get_untracked() != link {
            self.published.set(link);
        }
    }

    /// Refuses an import before reading anything, with one reason.
    pub fn refuse(&self, source: ImportSource, refusal: Refusal) {
        self.fail(source, Vec::new(), Some(refusal));
    }

    fn fail(&self, source: ImportSource, problems: Vec<Problem>, refusal: Option<Refusal>) {
        self.reading.set(None);
        self.follow_in_address(&source);
        self.pending.set(None);
        self.failure.set(Some(ImportFailure {
            source,
            problems,
            refusal,
        }));
    }

    /// Applies the pending import as one undo step. An import that would change nothing adds no step.
    pub fn apply(&self, state: AtlasState, mode: ImportMode) {
        let resolution = Resolution {
            policy: self.policy.get_untracked(),
            per_record: self.choices.get_untracked(),
        };
        // The preview is read first: bringing it up to date reads the pending file and the dataset.
        let Some((source, next, summary)) = self.preview.with_untracked(|plan| {
            let plan = plan.as_ref()?;
            let pending = self.pending.read_untracked();
            let pending = pending.as_ref()?;
            state.dataset.with_untracked(|local| {
                let (next, summary) = match mode {
                    ImportMode::Merge => (
                        merge::merge_planned(local, &pending.incoming, plan, &resolution),
                        merge_summary(plan, &resolution),
                    ),
                    ImportMode::Replace => (
                        pending.incoming.clone(),
                        ImportSummary::Replaced {
                            before: local.activities.len(),
                            after: pending.incoming.activities.len(),
                        },
                    ),
                };
                // Identical data adds no undo step and no save: the stored bytes stay as they are.
                let summary = (next != *local).then_some(summary);
                Some((pending.source.clone(), next, summary))
            })
        }) else {
            return;
        };
        self.pending.set(None);
        self.failure.set(None);
        self.choices.set(HashMap::new());
        self.published.set(None);
        // The notice and the undo step's label are written once, in the language of the moment.
        let locale = state.language.get_untracked();
        let name = source.name(locale);
        match summary {
            Some(summary) => {
                let label = DataText::ImportStep.text(locale);
                // A merge makes a dataset that no file holds: a change made here, stamped with the
                // present time. A replacing import takes the file as it is, its time included.
                match mode {
                    ImportMode::Merge => state.edit(label, Change::Replace(next)),
                    ImportMode::Replace => state.replace(label, next),
                };
                state
                    .notice
                    .set(Some(words::imported(locale, &name, summary)));
                self.applied.set(Some(AppliedImport { source, summary }));
            }
            None => {
                self.applied.set(None);
                state
                    .notice
                    .set(Some(words::nothing_to_import(locale, &name)));
            }
        }
    }

    /// Drops the pending import and any errors. Nothing was changed, so nothing is restored.
    pub fn cancel(&self) {
        self.published.set(None);
        self.pending.set(None);
        self.failure.set(None);
        self.reading.set(None);
        self.choices.set(HashMap::new());
    }

    /// Undoes the last import, if it is still the last change.
    pub fn undo(&self, state: AtlasState) {
        if state.last_change().as_deref().is_some_and(is_import_step) {
            state.undo();
            let undone = DataText::ImportUndone.text(state.language.get_untracked());
            state.notice.set(Some(undone.to_string()));
        }
        self.applied.set(None);
    }
}

/// Whether an undo step's label is an import's, in whichever language it was written: an import
/// made before a switch of language is still undone by "Undo import".
pub fn is_import_step(label: &str) -> bool {
    Locale::ALL
        .into_iter()
        .any(|locale| DataText::ImportStep.text(locale) == label)
}

fn merge_summary(plan: &ImportPreview, resolution: &Resolution) -> ImportSummary {
    let taken = plan
        .changed
        .iter()
        .filter(|change| resolution.side_for(change) == Side::Theirs)
        .count();
    ImportSummary::Merged {
        added: plan.added.len(),
        updated: taken,
        kept: plan.changed.len() - taken,
        unchanged: plan.unchanged,
    }
}

/// The import session shared by the Data view and the page-wide drop zone, provided by the shell
/// (`app.rs`). Without it a component is mounted outside the app: a programming error.
pub fn use_import_session() -> ImportSession {
    // `expect_context` would name the type in the wasm; a plain message costs less.
    use_context::<ImportSession>().expect("the shell provides the import session")
}

#[component]
pub fn ImportPanel() -> impl IntoView {
    let state = use_atlas();
    let language = state.language;
    let session = use_import_session();
    let paste = RwSignal::new(String::new());
    let file_input = NodeRef::<leptos::html::Input>::new();

    let on_file = move |_| {
        let Some(input) = file_input.get_untracked() else {
            return;
        };
        if let Some(file) = input.files().and_then(|list| list.get(0)) {
            session.read_file(file);
        }
        // Clearing the input lets the same file be chosen again after a fix.
        input.set_value("");
    };
    let read_paste = move |_| {
        let text = paste.get_untracked();
        session.read_bytes(ImportSource::Pasted, text.as_bytes());
    };

    view! {
        <section class="card data-panel" aria-labelledby="import-title">
            <h3 id="import-title">{t(DataText::ImportHeading)}</h3>
            <p class="data-panel__intro">{t(DataText::ImportIntro)}</p>
            <label class="field">
                <span>{t(DataText::ChooseFile)}</span>
                <input
                    type="file"
                    accept=".json,application/json"
                    data-testid="import-file"
                    node_ref=file_input
                    on:change=on_file
                />
            </label>
            <label class="field">
                <span>{t(DataText::OrPaste)}</span>
                <textarea
                    class="import-paste"
                    data-testid="import-paste"
                    rows="4"
                    spellcheck="false"
                    placeholder="{\"format\": \"vientiane-vision\", \"version\": 1, …}"
                    prop:value=move || paste.get()
                    on:input:target=move |ev| paste.set(ev.target().value())
                ></textarea>
            </label>
            <div class="toolbar">
                <button
                    class="button"
                    data-testid="import-paste-read"
                    disabled=move || paste.with(|p| p.trim().is_empty())
                    on:click=read_paste
                >
                    {t(DataText::PreviewPasted)}
                </button>
            </div>
            {move || session.reading.get().map(|name| view! {
                <p class="import-reading" role="status">{move || words::reading(language.get(), &name)}</p>
            })}
            <ImportErrors/>
            <ImportPreviewView/>
            <Show when=move || {
                session.applied.with(Option::is_some)
                    && state.last_change().as_deref().is_some_and(is_import_step)
            }>
                <div class="import-applied" role="status">
                    <p>
                        {move || {
                            let locale = language.get();
                            session.applied.with(|applied| {
                                applied.as_ref().map(|applied| {
                                    words::imported(locale, &applied.source.name(locale), applied.summary)
                                })
                            })
                        }}
                    </p>
                    <button class="button" data-testid="import-undo" on:click=move |_| session.undo(state)>
                        {t(DataText::UndoImport)}
                    </button>
                </div>
            </Show>
        </section>
    }
}

/// The errors of a refused file, all at once, grouped by message.
#[component]
fn ImportErrors() -> impl IntoView {
    let language = use_atlas().language;
    let session = use_import_session();
    let heading = NodeRef::<leptos::html::H4>::new();
    // Focus moves to the errors, which brings them into view (after a drop they may be off screen).
    Effect::new(move |_| {
        if session.failure.with(Option::is_some) {
            if let Some(heading) = heading.get() {
                let _ = heading.focus();
            }
        }
    });
    move || {
        session.failure.get().map(|failure| {
            let errors = failure.problems.iter().filter(|p| p.is_error()).count()
                + usize::from(failure.refusal.is_some());
            let warnings = failure.problems.len() - errors;
            let groups = group_problems(&failure.problems);
            let hidden = groups.len().saturating_sub(GROUPS_SHOWN);
            let hidden_problems: usize = groups
                .iter()
                .skip(GROUPS_SHOWN)
                .map(|g| g.paths.len())
                .sum();
            let rows: Vec<(usize, ProblemGroup)> = groups
                .into_iter()
                .take(GROUPS_SHOWN)
                .enumerate()
                .collect();
            let source = failure.source;
            view! {
                <div
                    class="import-errors"
                    role="alert"
                    data-testid="import-errors"
                    data-errors=errors
                    data-warnings=warnings
                >
                    <h4 tabindex="-1" node_ref=heading>
                        {move || {
                            let locale = language.get();
                            words::not_imported(locale, &source.name(locale))
                        }}
                    </h4>
                    <p>{move || words::errors_found(language.get(), errors, warnings)}</p>
                    <ProblemList rows=rows refusal=failure.refusal/>
                    {(hidden > 0).then(|| view! {
                        <p>{move || words::more_problems(language.get(), hidden_problems, hidden)}</p>
                    })}
                    <button class="button button--small" data-testid="import-errors-dismiss" on:click=move |_| session.cancel()>
                        {t(Common::Dismiss)}
                    </button>
                </div>
            }
        })
    }
}

/// Grouped problems as a list: the message once, then where it occurs. The app's own reason for a
/// refusal, if any, comes first, worded like a problem of the whole file.
#[component]
pub fn ProblemList(rows: Vec<(usize, ProblemGroup)>, refusal: Option<Refusal>) -> impl IntoView {
    let language = use_atlas().language;
    view! {
        <ul class="import-problems" tabindex="0" aria-label=t(DataText::ProblemsFound)>
            {refusal.map(|refusal| view! {
                <li class="import-problem import-problem--error" data-count=1>
                    <span class="import-problem__kind">{t(DataText::Error)}</span>
                    <span class="import-problem__message">{move || refusal.text(language.get())}</span>
                </li>
            })}
            <For each=move || rows.clone() key=|(index, group)| (*index, group.paths.len()) let:row>
                <ProblemItem group=row.1/>
            </For>
        </ul>
    }
}

/// One grouped problem: its message follows the language (`Problem::text`), its paths stay as written.
#[component]
fn ProblemItem(group: ProblemGroup) -> impl IntoView {
    let language = use_atlas().language;
    let class = match group.severity {
        Severity::Error => "import-problem import-problem--error",
        Severity::Warning => "import-problem import-problem--warning",
    };
    let kind = match group.severity {
        Severity::Error => DataText::Error,
        Severity::Warning => DataText::Warning,
    };
    // A syntax error carries the offending line: shown in monospace with a caret under the column.
    let snippet = group
        .snippet
        .map(|snippet| format!("{}\n{}^", snippet.text, " ".repeat(snippet.caret)));
    let places: Vec<String> = group
        .paths
        .iter()
        .filter(|p| !p.is_empty())
        .cloned()
        .collect();
    let has_places = !places.is_empty();
    let place_text = has_places.then_some(move || {
        let named: Vec<&str> = places.iter().map(String::as_str).collect();
        words::problem_places(language.get(), &named, PATHS_SHOWN).unwrap_or_default()
    });
    let problem = group.problem;
    view! {
        <li class=class data-count=group.paths.len()>
            <span class="import-problem__kind">{t(kind)}</span>
            <span class="import-problem__message">{move || problem.text(language.get()).to_string()}</span>
            {snippet.map(|snippet| view! {
                <pre class="import-problem__snippet" data-testid="import-error-snippet">{snippet}</pre>
            })}
            {place_text.map(|text| view! { <span class="import-problem__where">{text}</span> })}
        </li>
    }
}

/// The preview of a valid file: counts, warnings, conflicts with their diff, and the decision.
#[component]
fn ImportPreviewView() -> impl IntoView {
    let state = use_atlas();
    let language = state.language;
    let session = use_import_session();
    let heading = NodeRef::<leptos::html::H4>::new();
    // Focus moves to a new preview, so keyboard and screen-reader users land on it (also after a drop).
    Effect::new(move |_| {
        if session.pending.with(Option::is_some) {
            if let Some(heading) = heading.get() {
                let _ = heading.focus();
            }
        }
    });

    let count = move |pick: fn(&ImportPreview) -> usize| {
        move || session.preview.with(|p| p.as_ref().map_or(0, pick))
    };
    let added = count(|p| p.added.len());
    let changed = count(|p| p.changed.len());
    let unchanged = count(|p| p.unchanged);
    let only_here = count(|p| p.only_here.len());
    let incoming_count = move || {
        session
            .pending
            .with(|p| p.as_ref().map_or(0, |p| p.incoming.activities.len()))
    };
    let local_count = move || state.dataset.with(|d| d.activities.len());
    let source = move |locale: Locale| {
        session.pending.with(|p| {
            p.as_ref()
                .map(|p| p.source.name(locale))
                .unwrap_or_default()
        })
    };
    let warnings = move || {
        session.pending.with(|p| {
            p.as_ref()
                .map(|p| group_problems(&p.warnings))
                .unwrap_or_default()
        })
    };
    // Whether the dataset after Merge and after Replace would fit in this browser's local storage
    // (engines differ: src/model/quota.rs), so the preview can say so before anything is applied.
    let rooms = Memo::new(move |_| {
        let resolution = Resolution {
            policy: session.policy.get(),
            per_record: session.choices.get(),
        };
        session.preview.with(|plan| {
            let plan = plan.as_ref()?;
            let pending = session.pending.read();
            let pending = pending.as_ref()?;
            state.dataset.with(|local| {
                // Replace stores the file's dataset as it is; Merge needs the merged one built.
                let merged = merge::merge_planned(local, &pending.incoming, plan, &resolution);
                Some((
                    storage::room_for_dataset(&merged),
                    storage::room_for_dataset(&pending.incoming),
                ))
            })
        })
    });
    let room_attr =
        move |pick: fn(&(Room, Room)) -> usize| move || rooms.with(|r| r.as_ref().map(pick));

    view! {
        <Show when=move || session.pending.with(Option::is_some)>
            <section
                class="import-preview"
                data-testid="import-preview"
                data-added=added
                data-changed=changed
                data-unchanged=unchanged
                data-only-here=only_here
                data-storage-merge=room_attr(|(merge, _)| merge.needed)
                data-storage-replace=room_attr(|(_, replace)| replace.needed)
                data-storage-available=room_attr(|(merge, _)| merge.available)
                aria-labelledby="import-preview-title"
            >
                <h4 id="import-preview-title" tabindex="-1" node_ref=heading>
                    {move || {
                        let locale = language.get();
                        words::preview_of(locale, &source(locale))
                    }}
                </h4>
                <p>{move || words::preview_sizes(language.get(), incoming_count(), local_count())}</p>
                <dl class="import-counts">
                    <div><dt>{t(DataText::New)}</dt><dd data-testid="import-count-added">{added}</dd></div>
                    <div><dt>{t(DataText::Changed)}</dt><dd data-testid="import-count-changed">{changed}</dd></div>
                    <div><dt>{t(DataText::Unchanged)}</dt><dd data-testid="import-count-unchanged">{unchanged}</dd></div>
                    <div><dt>{t(DataText::OnlyHere)}</dt><dd data-testid="import-count-only-here">{only_here}</dd></div>
                </dl>
                <p class="import-explain">
                    {move || words::merge_and_replace(language.get(), incoming_count(), only_here())}
                </p>
                {move || {
                    let groups = warnings();
                    (!groups.is_empty()).then(|| {
                        let total: usize = groups.iter().map(|g| g.paths.len()).sum();
                        let rows: Vec<(usize, ProblemGroup)> = groups.into_iter().take(GROUPS_SHOWN).enumerate().collect();
                        view! {
                            <div class="import-warnings" data-testid="import-warnings" data-count=total>
                                <p>{move || words::warnings_intro(language.get(), total)}</p>
                                <ProblemList rows=rows refusal=None/>
                            </div>
                        }
                    })
                }}
                {move || {
                    rooms
                        .with(|r| {
                            r.and_then(|(merge, replace)| {
                                quota::import_warning(language.get(), merge, replace)
                            })
                        })
                        .map(|warning| view! {
                            <p class="import-room-warning" role="alert" data-testid="import-room-warning">{warning}</p>
                        })
                }}
                <Conflicts/>
                <div class="toolbar import-actions">
                    <button class="button button--primary" data-testid="import-merge" on:click=move |_| session.apply(state, ImportMode::Merge)>
                        {t(DataText::Merge)}
                    </button>
                    <button class="button button--danger" data-testid="import-replace" on:click=move |_| session.apply(state, ImportMode::Replace)>
                        {move || words::replace_all(language.get(), local_count())}
                    </button>
                    <button class="button" data-testid="import-cancel" on:click=move |_| session.cancel()>
                        {t(DataText::Cancel)}
                    </button>
                </div>
            </section>
        </Show>
    }
}

/// One changed activity as the preview lists it, its diff written in `locale` (a switch of language
/// redraws the rows; the choices live in the session and stay).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct ChangeRow {
    id: String,
    title: String,
    diffs: Vec<FieldDiff>,
    newer: Option<Side>,
    locale: Locale,
}

/// The conflict policy, and every changed activity with its diff and its own choice.
#[component]
fn Conflicts() -> impl IntoView {
    let state = use_atlas();
    let language = state.language;
    let session = use_import_session();
    let rows = Memo::new(move |_| {
        let locale = language.get();
        session.preview.with(|preview| {
            let Some(preview) = preview else {
                return Vec::new();
            };
            session.pending.with(|pending| {
                let Some(pending) = pending else {
                    return Vec::new();
                };
                state.dataset.with(|local| {
                    preview
                        .changed
                        .iter()
                        .take(CHANGES_SHOWN)
                        .filter_map(|change| {
                            let mine = local.activities.get(change.local_index)?;
                            let theirs = pending.incoming.activities.get(change.incoming_index)?;
                            Some(ChangeRow {
                                id: change.id.clone(),
                                title: theirs.title.clone(),
                                diffs: field_diffs(locale, mine, theirs),
                                newer: change.newer,
                                locale,
                            })
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    let changed = move || {
        session
            .preview
            .with(|p| p.as_ref().map_or(0, |p| p.changed.len()))
    };

    view! {
        <Show when=move || { changed() > 0 }>
            <div class="conflicts">
                <h5>{t(DataText::ChangedActivities)}</h5>
                <label class="field field--inline">
                    <span>{t(DataText::ForEveryChanged)}</span>
                    <select
                        data-testid="conflict-policy"
                        prop:value=move || session.policy.get().code()
                        on:change:target=move |ev| {
                            session.policy.set(ConflictPolicy::from_code(&ev.target().value()).unwrap_or_default())
                        }
                    >
                        {ConflictPolicy::ALL
                            .into_iter()
                            .map(|p| view! { <option value=p.code()>{move || p.label(language.get())}</option> })
                            .collect_view()}
                    </select>
                </label>
                <p class="data-panel__hint">{t(DataText::NewerWinsHint)}</p>
                <For each=move || rows.get() key=|row| row.clone() let:row>
                    <ChangeItem row=row/>
                </For>
                {move || {
                    let more = changed().saturating_sub(CHANGES_SHOWN);
                    (more > 0).then(|| view! {
                        <p>{move || words::more_changed(language.get(), more)}</p>
                    })
                }}
            </div>
        </Show>
    }
}

#[component]
fn ChangeItem(row: ChangeRow) -> impl IntoView {
    let language = use_atlas().language;
    let session = use_import_session();
    let id = row.id.clone();
    let newer = row.newer;
    let side = {
        let id = id.clone();
        move || {
            session.choices.with(|choices| {
                choices
                    .get(&id)
                    .copied()
                    .unwrap_or_else(|| session.policy.get().side_given(newer))
            })
        }
    };
    let choice_value = {
        let id = id.clone();
        move || {
            session
                .choices
                .with(|c| c.get(&id).map_or("", |s| s.code()))
        }
    };
    let on_choice = {
        let id = id.clone();
        move |ev: leptos::ev::Targeted<leptos::ev::Event, web_sys::HtmlSelectElement>| {
            let value = ev.target().value();
            session
                .choices
                .update(|choices| match Side::from_code(&value) {
                    Some(side) => {
                        choices.insert(id.clone(), side);
                    }
                    None => {
                        choices.remove(&id);
                    }
                });
        }
    };
    let newer_note = match newer {
        Some(Side::Mine) => DataText::MineIsNewer,
        Some(Side::Theirs) => DataText::TheirsIsNewer,
        None => DataText::NeitherIsNewer,
    };
    let none = DataText::NoValue.text(row.locale);
    let side_for_attr = side.clone();
    let side_for_text = side.clone();
    let diff_id = format!("diff-{id}");
    view! {
        <article class="import-change" data-testid="import-change" data-id=id.clone() data-side=move || side_for_attr().code()>
            <h6>
                <code>{id.clone()}</code>
                " "
                {row.title.clone()}
            </h6>
            <table class="table diff" aria-describedby=diff_id.clone()>
                <caption class="visually-hidden">{words::fields_differ(row.locale, &id)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(DataText::Field)}</th>
                        <th scope="col">{t(DataText::YoursColumn)}</th>
                        <th scope="col">{t(DataText::TheirsColumn)}</th>
                    </tr>
                </thead>
                <tbody>
                    {row
                        .diffs
                        .into_iter()
                        .map(|diff| view! {
                            <tr data-testid="diff-row" data-field=diff.field.clone()>
                                <th scope="row"><code>{diff.field.clone()}</code></th>
                                <td class="diff__mine">{diff.mine.unwrap_or_else(|| none.to_string())}</td>
                                <td class="diff__theirs">{diff.theirs.unwrap_or_else(|| none.to_string())}</td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
            <div class="import-change__choice">
                <p id=diff_id>
                    {move || {
                        let locale = language.get();
                        let side = match side_for_text() {
                            Side::Mine => DataText::KeepingYours,
                            Side::Theirs => DataText::TakingTheirs,
                        };
                        words::two_sentences(locale, newer_note.text(locale), side.text(locale))
                    }}
                </p>
                <label class="field field--inline">
                    <span>{t(DataText::Keep)}</span>
                    <select
                        data-testid="conflict-choice"
                        data-id=id.clone()
                        aria-label=words::keep_which(row.locale, &id)
                        prop:value=choice_value
                        on:change:target=on_choice
                    >
                        <option value="">{t(DataText::AsChosenForAll)}</option>
                        <option value="mine">{t(DataText::Yours)}</option>
                        <option value="theirs">{t(DataText::TheFiles)}</option>
                    </select>
                </label>
            </div>
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::format::MAX_FILE_BYTES;
    use crate::model::merge::ActivityChange;

    fn change(id: &str, newer: Option<Side>) -> ActivityChange {
        ActivityChange {
            id: id.to_string(),
            local_index: 0,
            incoming_index: 0,
            fields: vec!["title".to_string()],
            newer,
        }
    }

    #[test]
    fn the_merge_summary_counts_what_each_conflict_became() {
        let plan = ImportPreview {
            added: vec![0, 1],
            changed: vec![change("a", Some(Side::Theirs)), change("b", None)],
            unchanged: 7,
            only_here: vec![3],
        };
        assert_eq!(
            merge_summary(&plan, &Resolution::default()),
            ImportSummary::Merged {
                added: 2,
                updated: 1,
                kept: 1,
                unchanged: 7
            }
        );
        assert_eq!(
            merge_summary(&plan, &Resolution::with_policy(ConflictPolicy::TakeTheirs)),
            ImportSummary::Merged {
                added: 2,
                updated: 2,
                kept: 0,
                unchanged: 7
            }
        );
    }

    #[test]
    fn an_import_step_is_known_by_its_label_in_either_language() {
        // The English label is the one the state names (and the e2e specs read in "Undone: import.").
        assert_eq!(
            DataText::ImportStep.text(Locale::En),
            crate::state::IMPORT_LABEL
        );
        assert!(is_import_step("import"));
        assert!(is_import_step("インポート"));
        assert!(!is_import_step("edit “A-1”"));
        assert_eq!(ImportSource::Pasted.name(Locale::Ja), "貼り付けたテキスト");
        assert_eq!(
            ImportSource::File("theirs.json".into()).name(Locale::Ja),
            "theirs.json"
        );
        assert_eq!(
            Refusal::SeveralFiles(2).text(Locale::En),
            "2 files were dropped; drop one dataset file at a time."
        );
    }

    #[test]
    fn files_over_64_mb_are_refused_before_reading() {
        assert!(check_file_size(MAX_FILE_BYTES as f64).is_ok());
        let problem = check_file_size(70.0 * 1_048_576.0).unwrap_err();
        assert_eq!(
            problem.text(Locale::En),
            "The file is 70.0 MB; the largest file this app reads is 64 MB."
        );
    }
}
