//! The app's two languages, English and Japanese: the `Locale`, the tables of fixed phrases (one
//! `phrases!` table per area of the app, each phrase written once with both languages side by side),
//! and the formatting of numbers, years, dates and quotations per locale.
//!
//! Why a table of our own rather than `leptos_i18n`: docs/i18n.md gives the measured sizes. In short,
//! the crate brings `leptos-use`, `leptos_meta` and `icu_locale` into a build that counts every
//! kilobyte, while a `match` per locale compiles to one table of string slices, and the macro makes a
//! phrase without its Japanese text a compile error.
//!
//! Rules of this module:
//! - A fixed phrase lives in the `phrases!` table of its area (`common`, `map`, …). A phrase that
//!   holds a value (a count, a year, a name) is a function that takes the `Locale` and builds the
//!   whole sentence in that language (`wording` for the ones several views share), never English
//!   fragments glued to Japanese ones.
//! - Numbers, years and dates go through the functions below, so each locale's conventions (2016年,
//!   2016年～2019年, 「」) are stated once.
//! - The dataset's own text (titles, summaries, notes) is never translated.

pub mod common;
pub mod data;
pub mod editor;
pub mod map;
pub mod messages;
pub mod present;
pub mod views;

/// One of the two languages of the app's own words.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Locale {
    #[default]
    En,
    Ja,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Ja];

    /// The BCP 47 code, as in `?lang=`, `<html lang>` and local storage.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ja => "ja",
        }
    }

    /// The language's name in itself, as the language menu lists it.
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Ja => "日本語",
        }
    }

    /// Reads a stored or typed code: exactly `en` or `ja` (any case, surrounding space ignored).
    pub fn from_code(code: &str) -> Option<Locale> {
        let code = code.trim();
        Locale::ALL
            .into_iter()
            .find(|locale| locale.code().eq_ignore_ascii_case(code))
    }

    /// The language for a first visit, from the browser's preferred languages in order
    /// (`navigator.languages`): the first one this app speaks wins, so `["fr", "ja", "en"]` gives
    /// Japanese and `["en-GB", "ja"]` English. Nothing this app speaks gives English.
    pub fn preferred<'a>(languages: impl IntoIterator<Item = &'a str>) -> Locale {
        languages
            .into_iter()
            .find_map(|tag| {
                let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
                Locale::from_code(primary)
            })
            .unwrap_or_default()
    }
}

/// A table of fixed phrases: each key has its English and its Japanese text.
pub trait Phrase: Copy + 'static {
    fn en(self) -> &'static str;
    fn ja(self) -> &'static str;

    /// The phrase in `locale`.
    fn text(self, locale: Locale) -> &'static str {
        match locale {
            Locale::En => self.en(),
            Locale::Ja => self.ja(),
        }
    }
}

/// Declares one area's table of phrases: an enum of keys and, for each key, its English and Japanese
/// text. Leaving out either text is a compile error; the table's own test (generated here) fails on an
/// empty text, on a Japanese text that is the English one left untranslated, and on stray template
/// marks. One table per module, so each area's test has its own name.
macro_rules! phrases {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$key_meta:meta])* $key:ident => $en:literal, $ja:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$key_meta])* $key, )+
        }

        impl $name {
            /// Every key of the table, in its order.
            pub const ALL: &'static [$name] = &[$($name::$key),+];
        }

        impl $crate::model::i18n::Phrase for $name {
            fn en(self) -> &'static str {
                match self {
                    $($name::$key => $en,)+
                }
            }
            fn ja(self) -> &'static str {
                match self {
                    $($name::$key => $ja,)+
                }
            }
        }

        #[cfg(test)]
        #[test]
        fn every_phrase_is_written_in_both_languages() {
            $crate::model::i18n::check_table($name::ALL);
        }
    };
}
pub(crate) use phrases;

/// Words that stay as they are in Japanese: the Vision's measure codes (with `HRDAE`, the code as a
/// file writes it), names of formats and organisations, the map data's credit, and the name printed on
/// a keyboard's key, as Japanese manuals write it (「Escで終了」). A Japanese text equal to its English
/// one must consist of these (and digits, punctuation and space), or it is an untranslated phrase. The
/// end-to-end check of the Japanese UI uses the same list (`e2e/fixtures/constants.ts`, held to this
/// one by `tests/e2e_constants.rs`).
pub const KEPT_IN_JAPANESE: [&str; 16] = [
    "PIL",
    "CBC",
    "DETC",
    "JTE",
    "HRD/AE",
    "HRDAE",
    "ASEAN",
    "JSON",
    "CSV",
    "SVG",
    "PNG",
    "PDF",
    "URL",
    "Natural Earth",
    "QR",
    "Esc",
];

/// Whether `text` holds no word but the ones kept in Japanese.
pub fn only_kept_words(text: &str) -> bool {
    let mut rest = text.to_string();
    // Longest first, so that "HRD/AE" goes before a shorter code could split it.
    let mut kept = KEPT_IN_JAPANESE;
    kept.sort_by_key(|word| std::cmp::Reverse(word.len()));
    for word in kept {
        rest = rest.replace(word, " ");
    }
    !rest.chars().any(|c| c.is_ascii_alphabetic())
}

/// The test every `phrases!` table runs on itself.
#[cfg(test)]
pub fn check_table<P: Phrase + std::fmt::Debug>(all: &[P]) {
    assert!(!all.is_empty());
    for &phrase in all {
        let (en, ja) = (phrase.en(), phrase.ja());
        assert!(
            !en.trim().is_empty(),
            "{phrase:?}: the English text is empty"
        );
        assert!(
            !ja.trim().is_empty(),
            "{phrase:?}: the Japanese text is empty"
        );
        assert_eq!(
            ja.trim(),
            ja,
            "{phrase:?}: the Japanese text has outer spaces"
        );
        assert!(
            ja != en || only_kept_words(ja),
            "{phrase:?}: the Japanese text is the English one ({en:?})"
        );
        assert!(
            !en.contains('{') && !ja.contains('{'),
            "{phrase:?}: a fixed phrase holds no template; write a function for a phrase with a value"
        );
    }
}

/// A count in half-width digits, in both languages without grouping (`12345`), as the app has
/// always written counts: tests, the benchmark and people's notes compare them as written.
pub fn count(_locale: Locale, n: usize) -> String {
    n.to_string()
}

/// A share in per cent, rounded: `42 %` in English as the app has always written it, `42%` in
/// Japanese.
pub fn percent(locale: Locale, share: f64) -> String {
    match locale {
        Locale::En => format!("{share:.0} %"),
        Locale::Ja => format!("{share:.0}%"),
    }
}

/// A year as a phrase on its own: `2016`, `2016年`.
pub fn year(locale: Locale, year: i32) -> String {
    match locale {
        Locale::En => year.to_string(),
        Locale::Ja => format!("{year}年"),
    }
}

/// A span of years: `2016–2019`, `2016年～2019年` (one year alone when both ends are the same).
pub fn year_span(locale: Locale, from: i32, to: i32) -> String {
    if from == to {
        return year(locale, from);
    }
    match locale {
        Locale::En => format!("{from}–{to}"),
        Locale::Ja => format!("{from}年～{to}年"),
    }
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A calendar day: `26 Oct 2025`, `2025年10月26日`. A month outside 1–12 is written as a number.
pub fn date(locale: Locale, year: i32, month: u32, day: u32) -> String {
    match locale {
        Locale::En => match month.checked_sub(1).and_then(|m| MONTHS_EN.get(m as usize)) {
            Some(name) => format!("{day} {name} {year}"),
            None => format!("{year}-{month:02}-{day:02}"),
        },
        Locale::Ja => format!("{year}年{month}月{day}日"),
    }
}

/// A day written `YYYY-MM-DD` (or the start of a date-time), in `locale`'s form; anything else is
/// returned as it is.
pub fn iso_date(locale: Locale, text: &str) -> String {
    let mut parts = text.get(..10).unwrap_or_default().splitn(3, '-');
    let parsed = (|| {
        let year = parts.next()?.parse::<i32>().ok()?;
        let month = parts.next()?.parse::<u32>().ok()?;
        let day = parts.next()?.parse::<u32>().ok()?;
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((year, month, day))
    })();
    match parsed {
        Some((year, month, day)) => date(locale, year, month, day),
        None => text.to_string(),
    }
}

/// A quoted name: “Ship Rider”, 「Ship Rider」.
pub fn quoted(locale: Locale, text: &str) -> String {
    match locale {
        Locale::En => format!("“{text}”"),
        Locale::Ja => format!("「{text}」"),
    }
}

/// A list of names: `a, b, c` and `a、b、c`.
pub fn list<S: AsRef<str>>(locale: Locale, names: &[S]) -> String {
    let separator = match locale {
        Locale::En => ", ",
        Locale::Ja => "、",
    };
    let names: Vec<&str> = names.iter().map(AsRef::as_ref).collect();
    names.join(separator)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_hostile_codes_are_refused() {
        for locale in Locale::ALL {
            assert_eq!(Locale::from_code(locale.code()), Some(locale));
        }
        assert_eq!(Locale::from_code(" JA "), Some(Locale::Ja));
        for hostile in ["", "jp", "ja-JP", "fr", "en\0", "<script>", "ja;en"] {
            assert_eq!(Locale::from_code(hostile), None, "{hostile:?}");
        }
    }

    #[test]
    fn the_first_language_the_app_speaks_wins() {
        let cases: [(&[&str], Locale); 8] = [
            (&["ja"], Locale::Ja),
            (&["ja-JP", "en-US"], Locale::Ja),
            (&["en-US", "ja"], Locale::En),
            (&["fr-FR", "ja", "en"], Locale::Ja),
            (&["fr-FR", "de"], Locale::En),
            (&[], Locale::En),
            (&["JA_jp"], Locale::Ja),
            (&["", "  ", "ja"], Locale::Ja),
        ];
        for (languages, expected) in cases {
            assert_eq!(
                Locale::preferred(languages.iter().copied()),
                expected,
                "{languages:?}"
            );
        }
    }

    #[test]
    fn numbers_years_and_dates_per_locale() {
        let cases = [
            (count(Locale::En, 0), "0"),
            (count(Locale::Ja, 999), "999"),
            (count(Locale::Ja, 50_000), "50000"),
            (percent(Locale::En, 41.6), "42 %"),
            (percent(Locale::Ja, 41.6), "42%"),
            (year(Locale::En, 2016), "2016"),
            (year(Locale::Ja, 2016), "2016年"),
            (year_span(Locale::En, 2016, 2019), "2016–2019"),
            (year_span(Locale::Ja, 2016, 2019), "2016年～2019年"),
            (year_span(Locale::Ja, 2016, 2016), "2016年"),
            (date(Locale::En, 2025, 10, 26), "26 Oct 2025"),
            (date(Locale::Ja, 2025, 10, 26), "2025年10月26日"),
            (date(Locale::En, 2025, 13, 1), "2025-13-01"),
            (
                iso_date(Locale::Ja, "2026-12-02T06:00:00Z"),
                "2026年12月2日",
            ),
            (iso_date(Locale::En, "2016-11-16"), "16 Nov 2016"),
            (iso_date(Locale::En, "not a date"), "not a date"),
            (iso_date(Locale::Ja, "2016-00-16"), "2016-00-16"),
            (iso_date(Locale::Ja, "日本"), "日本"),
            (quoted(Locale::En, "Ship Rider"), "“Ship Rider”"),
            (quoted(Locale::Ja, "Ship Rider"), "「Ship Rider」"),
            (list(Locale::En, &["a", "b"]), "a, b"),
            (list(Locale::Ja, &["タイ", "ベトナム"]), "タイ、ベトナム"),
        ];
        for (got, expected) in cases {
            assert_eq!(got, expected);
        }
    }

    #[test]
    fn kept_words_are_only_the_codes() {
        assert!(only_kept_words("PIL"));
        assert!(only_kept_words("JSON / CSV"));
        assert!(only_kept_words("HRD/AE"));
        assert!(only_kept_words("Natural Earth"));
        assert!(only_kept_words("Esc"));
        assert!(!only_kept_words("Map"));
        assert!(!only_kept_words("Escape"));
        assert!(!only_kept_words("ASEAN-wide"));
        assert!(!only_kept_words("JSONs"));
    }
}
