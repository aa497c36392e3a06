//! The language the app speaks, as a signal every view reads: chosen once at start (the address's
//! `?lang=`, else the stored choice, else the browser's preferred languages), changed by the header's
//! menu, kept in local storage (through `storage`, which works in the single file opened from
//! `file://`, where cookies do not), and mirrored on `<html lang>` and the page's `<title>`.
//!
//! The words themselves are in `model::i18n`; this module only makes them reactive. `t(phrase)` is one
//! closure type for every phrase of a table, so a hundred labels cost one copy of the code.

use leptos::prelude::*;

use crate::model::i18n::common::Common;
use crate::model::i18n::{Locale, Phrase};
use crate::storage;

/// The app's language: one signal, provided by the shell.
#[derive(Clone, Copy)]
pub struct Language(RwSignal<Locale>);

impl Language {
    /// The language at start: `?lang=` in the address overrides the stored choice, which overrides the
    /// browser's preferences. An unknown `lang` value is ignored like any unknown query value.
    pub fn start(from_address: Option<Locale>) -> Language {
        let locale = from_address
            .or_else(|| {
                storage::load_language()
                    .as_deref()
                    .and_then(Locale::from_code)
            })
            .unwrap_or_else(browser_preference);
        Language(RwSignal::new(locale))
    }

    /// The current language, tracked: a closure that reads it follows a switch.
    pub fn get(self) -> Locale {
        self.0.get()
    }

    /// The current language, for an event handler that builds a message once.
    pub fn get_untracked(self) -> Locale {
        self.0.get_untracked()
    }

    /// Switches the language and keeps the choice. A choice that cannot be stored still applies to
    /// this page; the error is returned for the caller to show.
    pub fn choose(self, locale: Locale) -> Result<(), String> {
        self.0.set(locale);
        storage::store_language(locale.code())
    }

    /// Keeps `<html lang>` and the page's `<title>` in the chosen language, so that screen readers
    /// pronounce the page right and browsers pick Japanese glyph forms for shared Han characters.
    /// Called by the shell once it is mounted: an effect needs the app's executor, which the state
    /// alone (as the browser tests build it) does not have.
    pub fn mirror_on_document(self) {
        Effect::new(move |_| {
            let locale = self.get();
            let Some(document) = window().document() else {
                return;
            };
            if let Some(root) = document.document_element() {
                let _ = root.set_attribute("lang", locale.code());
            }
            document.set_title(Common::AppName.text(locale));
        });
    }
}

/// The browser's preferred language among the two (`navigator.languages`, else `navigator.language`).
fn browser_preference() -> Locale {
    let navigator = window().navigator();
    let languages: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|value| value.as_string())
        .chain(navigator.language())
        .collect();
    Locale::preferred(languages.iter().map(String::as_str))
}

/// The shell's language. Every component sits under the shell, which provides it.
pub fn use_language() -> Language {
    // A plain message: `expect_context` would put the type's name in the wasm.
    use_context::<Language>().expect("the shell provides the language")
}

/// A phrase in the current language, as a closure for a text node or an attribute: it follows a
/// switch of language without re-creating the element, so focus, input and open dialogs stay.
pub fn t<P>(phrase: P) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static
where
    P: Phrase + Send + Sync,
{
    let language = use_language();
    move || phrase.text(language.get())
}
