//! The view state in the query string (`?view=map&measure=CBC&country=VNM&from=2016&to=2025&lang=ja`), so a
//! reload or a shared link restores it on any static server: no path routing, only `replaceState`.

use leptos::prelude::*;

use crate::model::filter::SortOrder;
use crate::model::i18n::Locale;
use crate::model::stats::Place;
use crate::model::Filters;
use crate::state::{AtlasState, MapState, View};

/// Everything the query string can hold.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UrlState {
    pub view: View,
    pub filters: Filters,
    pub map: MapState,
    pub sort: SortOrder,
    /// The language (`lang=en|ja`): always written, so that every shared or QR address opens in the
    /// language it was made in; absent or unknown when read means "the stored or browser choice".
    pub lang: Option<Locale>,
    /// Presentation mode (`present=1`), so that a reload keeps presenting. The address handed to an
    /// audience leaves it out ([`view_address`]): a phone opens the same view in its normal layout.
    pub present: bool,
    /// A published dataset to preview (`dataset=datasets/seminar.json`), as the address says it: the
    /// link is checked when it is fetched (`model::published`), so that a bad one gets its message.
    /// Like `present`, it is left out of the address handed to an audience.
    pub dataset: Option<String>,
}

impl UrlState {
    /// Reads a query string (with or without its leading `?`), ignoring anything it does not know.
    pub fn parse(query: &str) -> UrlState {
        let pairs: Vec<(String, String)> = form_urlencoded_pairs(query.trim_start_matches('?'));
        let borrowed = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        let mut state = UrlState {
            filters: Filters::from_query_pairs(borrowed),
            ..UrlState::default()
        };
        for (key, value) in &pairs {
            match key.as_str() {
                "view" => state.view = View::from_code(value).unwrap_or_default(),
                "country" => state.map.selected = Place::from_code(value),
                "aw" => state.map.include_asean_wide = value == "1",
                "sort" => state.sort = SortOrder::from_code(value).unwrap_or_default(),
                "lang" => state.lang = Locale::from_code(value),
                "present" => state.present = value == "1",
                "dataset" => state.dataset = Some(value.clone()),
                _ => {}
            }
        }
        state
    }

    /// Writes the query string, leaving out defaults so that links stay short.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = vec![("view", self.view.code().to_string())];
        pairs.extend(self.filters.to_query_pairs());
        if let Some(place) = self.map.selected {
            pairs.push(("country", place.code().to_string()));
        }
        if self.map.include_asean_wide {
            pairs.push(("aw", "1".to_string()));
        }
        if self.sort != SortOrder::default() {
            pairs.push(("sort", self.sort.code().to_string()));
        }
        if let Some(locale) = self.lang {
            pairs.push(("lang", locale.code().to_string()));
        }
        if self.present {
            pairs.push(("present", "1".to_string()));
        }
        if let Some(link) = &self.dataset {
            pairs.push(("dataset", link.clone()));
        }
        let encoded: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("{k}={}", encode_component(v)))
            .collect();
        format!("?{}", encoded.join("&"))
    }
}

/// Splits `a=1&b=two%20words` into decoded pairs.
fn form_urlencoded_pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            (decode_component(key), decode_component(value))
        })
        .collect()
}

fn decode_component(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The language the page's address asks for (`?lang=ja`), read once at start before anything else.
pub fn language_in_address() -> Option<Locale> {
    let query = window().location().search().unwrap_or_default();
    UrlState::parse(&query).lang
}

/// The view as it is now (tracked).
fn url_state_now(state: AtlasState) -> UrlState {
    UrlState {
        view: state.view.get(),
        filters: state.filters.get(),
        map: state.map.get(),
        sort: state.sort.get(),
        lang: Some(state.language.get()),
        present: state.presenting.get(),
        dataset: state.published.get(),
    }
}

/// The query string of the view as it is now (tracked): what the address holds once written.
pub fn view_query(state: AtlasState) -> String {
    url_state_now(state).to_query()
}

/// The whole address of the view as it is now (tracked), as the share panel and its QR code hand it
/// out: the page's own address, without its query or fragment, then the view's query without
/// presentation mode or a published dataset's preview (the audience's phones open the same view,
/// language, measure, years and selection in the normal layout). Outside presentation mode it is
/// what the address bar shows a frame later.
pub fn view_address(state: AtlasState) -> String {
    let href = window().location().href().unwrap_or_default();
    let page = href.split(['?', '#']).next().unwrap_or_default();
    let shared = UrlState {
        present: false,
        dataset: None,
        ..url_state_now(state)
    };
    format!("{page}{}", shared.to_query())
}

/// Applies the page's query string to the state, then keeps the query string in step with it.
pub fn sync_with_location(state: AtlasState) {
    let query = window().location().search().unwrap_or_default();
    let parsed = UrlState::parse(&query);
    state.presenting.set(parsed.present);
    state.view.set(if parsed.present {
        parsed.view.presented()
    } else {
        parsed.view
    });
    state.filters.set(parsed.filters);
    state.map.set(parsed.map);
    state.sort.set(parsed.sort);
    state.published.set(parsed.dataset);

    // `history.replaceState` costs Chromium several milliseconds, so it is written after the next frame
    // is painted rather than on the input path (every keystroke in a search changes the query), and a
    // burst of changes before then makes one write.
    let pending = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        let scheduled = pending.with_value(Option::is_some);
        pending.set_value(Some(view_query(state)));
        if !scheduled {
            request_animation_frame(move || {
                set_timeout(
                    move || write_query(pending.try_update_value(Option::take).flatten()),
                    std::time::Duration::ZERO,
                )
            });
        }
    });
}

fn write_query(query: Option<String>) {
    let Some(query) = query else { return };
    let current = window().location().search().unwrap_or_default();
    if current != query {
        let _ = window().history().and_then(|history| {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&query))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Measure, MemberState};

    #[test]
    fn query_round_trip() {
        let parsed = UrlState::parse(
            "?view=map&measure=CBC&country=VNM&from=2016&to=2025&aw=1&q=ship%20rider&lang=ja",
        );
        assert_eq!(parsed.lang, Some(Locale::Ja));
        assert_eq!(parsed.view, View::Map);
        assert_eq!(parsed.filters.measure, Some(Measure::CapacityBuilding));
        assert_eq!(
            parsed.map.selected,
            Some(Place::MemberState(MemberState::VietNam))
        );
        assert!(parsed.map.include_asean_wide);
        assert_eq!(parsed.filters.from, Some(2016));
        assert_eq!(parsed.filters.search, "ship rider");
        assert_eq!(UrlState::parse(&parsed.to_query()), parsed);
    }

    #[test]
    fn presentation_mode_is_kept_in_the_address_only_when_on() {
        let presenting = UrlState::parse("?view=matrix&present=1&measure=JTE");
        assert!(presenting.present);
        assert_eq!(presenting.view, View::Matrix);
        assert_eq!(UrlState::parse(&presenting.to_query()), presenting);
        assert!(presenting.to_query().ends_with("&present=1"));
        for query in [
            "?present=0",
            "?present=",
            "?present=true",
            "?present=11",
            "?view=map",
        ] {
            let parsed = UrlState::parse(query);
            assert!(!parsed.present, "{query}");
            assert!(!parsed.to_query().contains("present"), "{query}");
        }
    }

    #[test]
    fn a_published_dataset_in_the_address_is_kept_as_written_for_the_fetch_to_judge() {
        let opened = UrlState::parse("?view=map&dataset=datasets%2Fseminar%202026.json");
        assert_eq!(
            opened.dataset.as_deref(),
            Some("datasets/seminar 2026.json")
        );
        assert_eq!(UrlState::parse(&opened.to_query()), opened);
        // A hostile link is read as text, never followed here: the fetch refuses it with a message.
        for (query, link) in [
            (
                "?dataset=https%3A%2F%2Fexample.org%2Fa.json",
                "https://example.org/a.json",
            ),
            (
                "?dataset=%2F%2Fexample.org%2Fa.json",
                "//example.org/a.json",
            ),
            ("?dataset=..%2Fsecret.json", "../secret.json"),
            ("?dataset=", ""),
        ] {
            let parsed = UrlState::parse(query);
            assert_eq!(parsed.dataset.as_deref(), Some(link), "{query}");
            assert_eq!(UrlState::parse(&parsed.to_query()), parsed, "{query}");
        }
        assert_eq!(UrlState::parse("?view=data").dataset, None);
        assert!(!UrlState::parse("?view=data").to_query().contains("dataset"));
    }

    #[test]
    fn an_unknown_language_in_the_address_is_ignored() {
        for query in [
            "?lang=fr",
            "?lang=",
            "?lang=%E6%97%A5",
            "?lang=ja-JP",
            "?lang=<b>",
        ] {
            assert_eq!(UrlState::parse(query).lang, None, "{query}");
        }
        assert_eq!(UrlState::parse("?lang=EN").lang, Some(Locale::En));
    }
}
