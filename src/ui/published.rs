//! The Data view's list of published datasets: the site's optional catalogue
//! (`datasets/index.json`, read by `model::published`) with a Preview button for each file, which
//! opens the usual import preview. A site without a catalogue shows nothing here.

use leptos::prelude::*;

use crate::files;
use crate::i18n::t;
use crate::model::i18n::data::DataText;
use crate::model::i18n::iso_date;
use crate::model::merge::group_problems;
use crate::model::published::{
    read_catalogue, Catalogue, CatalogueEntry, FetchFault, CATALOGUE_PATH,
};
use crate::model::Problem;
use crate::state::use_atlas;
use crate::ui::import::{use_import_session, ProblemList, Refusal};

/// What is known of a catalogue the section shows.
#[derive(Clone, Debug)]
enum Listing {
    Reading,
    /// The site answered, but not with a catalogue it could hand over.
    Refused(FetchFault),
    /// The file is there but is not a catalogue.
    Unreadable(Vec<Problem>),
    Read(Catalogue),
}

#[component]
pub fn PublishedDatasets() -> impl IntoView {
    // `None`: no catalogue on this site, or none reachable from here (opened as a file, or offline
    // before it was ever read), and the section is not shown.
    let listing = RwSignal::new(Some(Listing::Reading));
    leptos::task::spawn_local(async move {
        let read = match files::fetch_published(CATALOGUE_PATH).await {
            Ok(bytes) => match read_catalogue(&bytes) {
                Ok(catalogue) => Some(Listing::Read(catalogue)),
                Err(problems) => Some(Listing::Unreadable(problems)),
            },
            Err(FetchFault::NotFound | FetchFault::FileProtocol | FetchFault::Network) => None,
            Err(fault) => Some(Listing::Refused(fault)),
        };
        // The Data view may have been left while the catalogue was on its way.
        let _ = listing.try_set(read);
    });

    move || {
        listing.get().map(|shown| {
            view! {
                <section
                    class="card data-panel published"
                    aria-labelledby="published-title"
                    data-testid="published-datasets"
                >
                    <h3 id="published-title">{t(DataText::PublishedHeading)}</h3>
                    <p class="data-panel__intro">{t(DataText::PublishedIntro)}</p>
                    <ListingView listing=shown/>
                </section>
            }
        })
    }
}

#[component]
fn ListingView(listing: Listing) -> impl IntoView {
    match listing {
        Listing::Reading => view! {
            <p role="status">{t(DataText::PublishedReading)}</p>
        }
        .into_any(),
        Listing::Refused(fault) => {
            let refusal = Refusal::Published {
                link: CATALOGUE_PATH.to_string(),
                fault,
            };
            view! {
                <div class="import-errors" data-testid="published-errors">
                    <p>{t(DataText::PublishedUnreadable)}</p>
                    <ProblemList rows=Vec::new() refusal=Some(refusal)/>
                </div>
            }
            .into_any()
        }
        Listing::Unreadable(problems) => view! {
            <div class="import-errors" data-testid="published-errors">
                <p>{t(DataText::PublishedUnreadable)}</p>
                <LocatedProblems problems=problems/>
            </div>
        }
        .into_any(),
        Listing::Read(catalogue)
            if catalogue.entries.is_empty() && catalogue.problems.is_empty() =>
        {
            view! { <p data-testid="published-empty">{t(DataText::PublishedEmpty)}</p> }.into_any()
        }
        Listing::Read(Catalogue { entries, problems }) => {
            let left_out = (!problems.is_empty()).then(|| {
                view! {
                    <div class="published__left-out" data-testid="published-left-out">
                        <p>{t(DataText::PublishedLeftOut)}</p>
                        <LocatedProblems problems=problems/>
                    </div>
                }
            });
            let rows = entries
                .into_iter()
                .enumerate()
                .map(|(index, entry)| view! { <Entry index=index entry=entry/> })
                .collect_view();
            view! {
                <ul class="published__list">{rows}</ul>
                {left_out}
            }
            .into_any()
        }
    }
}

/// The catalogue's problems, grouped and located like an import's.
#[component]
fn LocatedProblems(problems: Vec<Problem>) -> impl IntoView {
    let rows = group_problems(&problems).into_iter().enumerate().collect();
    view! { <ProblemList rows=rows refusal=None/> }
}

/// One published dataset: its title, description, file and date, and its Preview button.
#[component]
fn Entry(index: usize, entry: CatalogueEntry) -> impl IntoView {
    let language = use_atlas().language;
    let session = use_import_session();
    let title_id = format!("published-{index}");
    let CatalogueEntry {
        title,
        file,
        description,
        updated,
    } = entry;
    let link = file.clone();
    let named = file.clone();
    view! {
        <li class="published__entry" data-testid="published-entry" data-file=named>
            <div class="published__text">
                <h4 id=title_id.clone()>{title}</h4>
                {description.map(|text| view! { <p>{text}</p> })}
                <dl class="published__facts">
                    <dt>{t(DataText::PublishedFile)}</dt>
                    <dd><code>{file}</code></dd>
                    {updated.map(|date| {
                        let written = date.clone();
                        view! {
                            <dt>{t(DataText::PublishedUpdated)}</dt>
                            <dd>
                                <time datetime=date>{move || iso_date(language.get(), &written)}</time>
                            </dd>
                        }
                    })}
                </dl>
            </div>
            <button
                class="button"
                data-testid="published-preview"
                aria-describedby=title_id
                on:click=move |_| session.open_published(link.clone())
            >
                {t(DataText::PublishedPreview)}
            </button>
        </li>
    }
}
