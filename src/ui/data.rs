//! The Data view — sharing a dataset: export, import (with its preview) and reset — and the page-wide
//! drop zone that starts an import from any view.

use leptos::ev;
use leptos::prelude::*;

use crate::i18n::t;
use crate::model::i18n::data::DataText;
use crate::state::{use_atlas, View};
use crate::ui::export::ExportPanel;
use crate::ui::import::{use_import_session, ImportPanel, ImportSource, Refusal};
use crate::ui::reset::ResetToSample;

#[component]
pub fn DataView() -> impl IntoView {
    view! {
        <section class="view view--data" aria-labelledby="view-title">
            <h2 id="view-title">{t(DataText::DataHeading)}</h2>
            <p class="lead">{t(DataText::DataLead)}</p>
            <div class="data-panels">
                <ExportPanel/>
                <ImportPanel/>
            </div>
            <crate::ui::published::PublishedDatasets/>
            <crate::ui::health::StorageHealth/>
            <section class="card data-panel" aria-labelledby="reset-title">
                <h3 id="reset-title">{t(DataText::StartAgain)}</h3>
                <ResetToSample/>
            </section>
        </section>
    }
}

/// Listens for files dragged over the page: shows a drop hint, and a dropped file opens the import
/// preview in the Data view, whichever view is showing. Drags that carry no file (text, links) are left
/// to the browser.
#[component]
pub fn ImportDropZone() -> impl IntoView {
    let state = use_atlas();
    let session = use_import_session();
    // dragenter/dragleave fire for every element crossed; the depth tells when the drag left the page.
    let depth = RwSignal::new(0_i32);

    let enter = window_event_listener(ev::dragenter, move |event| {
        if carries_files(&event) {
            depth.update(|d| *d += 1);
        }
    });
    let over = window_event_listener(ev::dragover, move |event| {
        if carries_files(&event) {
            // Without this the browser would open the file instead of letting the page take it.
            event.prevent_default();
            if let Some(transfer) = event.data_transfer() {
                transfer.set_drop_effect("copy");
            }
            if depth.get_untracked() == 0 {
                depth.set(1);
            }
        }
    });
    let leave = window_event_listener(ev::dragleave, move |event| {
        if carries_files(&event) {
            depth.update(|d| *d = (*d - 1).max(0));
        }
    });
    let drop = window_event_listener(ev::drop, move |event| {
        if !carries_files(&event) {
            return;
        }
        event.prevent_default();
        depth.set(0);
        let Some(files) = event.data_transfer().and_then(|t| t.files()) else {
            return;
        };
        state.view.set(View::Data);
        match (files.length(), files.get(0)) {
            (1, Some(file)) => session.read_file(file),
            (0, _) | (_, None) => {}
            (count, Some(_)) => session.refuse(ImportSource::Dropped, Refusal::SeveralFiles(count)),
        }
    });
    on_cleanup(move || {
        enter.remove();
        over.remove();
        leave.remove();
        drop.remove();
    });

    view! {
        <Show when=move || { depth.get() > 0 }>
            <div class="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
                <p>{t(DataText::DropHint)}</p>
            </div>
        </Show>
    }
}

/// Whether a drag carries files (and not only text or a link).
fn carries_files(event: &web_sys::DragEvent) -> bool {
    event.data_transfer().is_some_and(|transfer| {
        transfer
            .types()
            .iter()
            .any(|kind| kind.as_string().as_deref() == Some("Files"))
    })
}
