//! How much local storage each browser engine gives a page, and what a stored value costs there.
//!
//! The engines differ, and the difference decides whether a large dataset can be kept: Chromium
//! (Chrome, Edge) and Firefox count a value in UTF-16 code units and allow 5,242,880 of them per
//! origin; WebKit (Safari, and every browser on iOS) allows 5,242,880 *bytes* and counts a string at
//! one byte a unit only when every unit is below U+0100, two otherwise. A packed dataset
//! ([`crate::model::stored`]) uses characters from U+0800, so WebKit holds about half as many packed
//! activities as the others. These figures were measured in each engine (docs/engines.md, README);
//! `src/storage.rs` asks this module before an import is applied, so the preview can say that a file
//! will not fit instead of the save failing afterwards.

use crate::model::i18n::Locale;
use crate::model::stored::StoredSize;

/// A browser engine, as far as its local storage quota goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// Chromium's Blink: Chrome, Edge, Opera, Brave, Chromium.
    Blink,
    /// Firefox's Gecko (on desktop and Android).
    Gecko,
    /// WebKit: Safari, every browser on iOS and iPadOS, WebKitGTK (Epiphany, MiniBrowser).
    WebKit,
    /// Anything else: assumed to count like Blink, the most common engine.
    Other,
}

/// Per-origin quota of Blink and Gecko, in UTF-16 code units (key and value together).
const UNITS_QUOTA: usize = 5 * 1024 * 1024;
/// Per-origin quota of WebKit, in bytes (one a unit for an all-Latin-1 string, two otherwise).
const WEBKIT_BYTES_QUOTA: usize = 5 * 1024 * 1024;

impl Engine {
    /// The engine of a browser from its `navigator.userAgent`. Chromium's string also names
    /// `AppleWebKit` and `Safari`, and Firefox on iOS (`FxiOS`) is WebKit, so the order matters.
    pub fn from_user_agent(user_agent: &str) -> Engine {
        let has = |token: &str| user_agent.contains(token);
        if has("Firefox/") && !has("AppleWebKit/") {
            Engine::Gecko
        } else if has("Chrome/") || has("Chromium/") || has("Edg/") {
            Engine::Blink
        } else if has("AppleWebKit/") {
            Engine::WebKit
        } else {
            Engine::Other
        }
    }

    /// The engine's name in a sentence for a user ("… and Firefox keeps at most …").
    pub fn name(self, locale: Locale) -> &'static str {
        match (locale, self) {
            (Locale::En, Engine::Blink | Engine::Other) => "this browser",
            (Locale::En, Engine::Gecko) => "Firefox",
            (Locale::En, Engine::WebKit) => "Safari's engine, WebKit,",
            (Locale::Ja, Engine::Blink | Engine::Other) => "このブラウザー",
            (Locale::Ja, Engine::Gecko) => "Firefox",
            (Locale::Ja, Engine::WebKit) => "Safari のエンジン（WebKit）",
        }
    }

    /// The quota in bytes as the engine counts them (Blink and Gecko: two a code unit).
    pub fn quota_bytes(self) -> usize {
        match self {
            Engine::WebKit => WEBKIT_BYTES_QUOTA,
            Engine::Blink | Engine::Gecko | Engine::Other => UNITS_QUOTA * 2,
        }
    }

    /// What a string of `size` costs against [`Engine::quota_bytes`].
    pub fn cost_bytes(self, size: StoredSize) -> usize {
        match self {
            Engine::WebKit if size.latin1 => size.units,
            Engine::WebKit | Engine::Blink | Engine::Gecko | Engine::Other => size.units * 2,
        }
    }
}

/// Whether a dataset's stored form fits in an engine's local storage beside what is already there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Room {
    pub engine: Engine,
    /// Bytes (as the engine counts them) the dataset's key and value would take.
    pub needed: usize,
    /// Bytes left for them: the quota less what the origin's other keys take.
    pub available: usize,
}

impl Room {
    /// The room for a value of `value` under the key `key`, when the origin's other keys already
    /// take `others` bytes.
    pub fn for_value(engine: Engine, key: &str, value: StoredSize, others: usize) -> Room {
        let key_size = StoredSize {
            units: key.encode_utf16().count(),
            latin1: key.chars().all(|c| u32::from(c) < 0x100),
        };
        Room {
            engine,
            needed: engine.cost_bytes(key_size) + engine.cost_bytes(value),
            available: engine.quota_bytes().saturating_sub(others),
        }
    }

    pub fn fits(&self) -> bool {
        self.needed <= self.available
    }
}

/// What the import preview says when the dataset after Merge or after Replace would not fit, or
/// `None` when both fit. The import is not blocked: the app keeps working in memory and offers the
/// export, as after any failed save, but the user learns it before applying.
pub fn import_warning(locale: Locale, merge: Room, replace: Room) -> Option<String> {
    let limit = megabytes(merge.available.max(replace.available));
    let engine = merge.engine.name(locale);
    let webkit = merge.engine == Engine::WebKit;
    let (m, r) = (megabytes(merge.needed), megabytes(replace.needed));
    let fits = (merge.fits(), replace.fits());
    if fits == (true, true) {
        return None;
    }
    Some(match locale {
        Locale::En => {
            let after = match fits {
                (false, true) => {
                    format!("after Merge the data would need {m} (after Replace {r}, which fits)")
                }
                (true, false) => {
                    format!("after Replace the data would need {r} (after Merge {m}, which fits)")
                }
                _ => format!("the data would need {m} after Merge and {r} after Replace"),
            };
            let why = if webkit {
                " Safari and other WebKit browsers hold about half as much as Chrome, Edge or Firefox."
            } else {
                ""
            };
            format!(
                "Too large to be saved in this browser: {after}, and {engine} keeps at most {limit} for this page.{why} You can still import it and work with it, but it will not be kept here after you close the page: export it to keep it."
            )
        }
        Locale::Ja => {
            let after = match fits {
                (false, true) => {
                    format!("統合後のデータには{m}が必要ですが（置き換え後は{r}で、収まります）")
                }
                (true, false) => {
                    format!("置き換え後のデータには{r}が必要ですが（統合後は{m}で、収まります）")
                }
                _ => format!("データには統合後に{m}、置き換え後に{r}が必要ですが"),
            };
            let why = if webkit {
                "Safari などの WebKit ブラウザーが保存できる量は、Chrome、Edge、Firefox の約半分です。"
            } else {
                ""
            };
            format!(
                "このブラウザーには大きすぎて保存できません。{after}、{engine}がこのページに保存できるのは最大{limit}です。{why}インポートして作業することはできますが、ページを閉じるとこのブラウザーには残りません。残すにはエクスポートしてください。"
            )
        }
    })
}

/// Megabytes with one decimal, for messages ("8.6 MB").
pub fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engines_are_told_apart_by_their_user_agent() {
        let cases = [
            ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36", Engine::Blink),
            ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 Edg/156.0.0.0", Engine::Blink),
            ("Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0", Engine::Gecko),
            ("Mozilla/5.0 (Android 15; Mobile; rv:153.0) Gecko/153.0 Firefox/153.0", Engine::Gecko),
            ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0 Safari/605.1.15", Engine::WebKit),
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 26_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/156.0 Mobile/15E148 Safari/604.1", Engine::WebKit),
            ("Mozilla/5.0 (iPhone; CPU iPhone OS 26_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/153.0 Mobile/15E148 Safari/605.1.15", Engine::WebKit),
            ("Mozilla/5.0 (X11; Ubuntu; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15", Engine::WebKit),
            ("", Engine::Other),
            ("curl/8.0", Engine::Other),
        ];
        for (user_agent, engine) in cases {
            assert_eq!(Engine::from_user_agent(user_agent), engine, "{user_agent}");
        }
    }

    #[test]
    fn webkit_counts_wide_strings_twice_and_latin1_once() {
        let wide = StoredSize {
            units: 1000,
            latin1: false,
        };
        let narrow = StoredSize {
            units: 1000,
            latin1: true,
        };
        let cases = [
            (Engine::Blink, wide, 2000),
            (Engine::Blink, narrow, 2000),
            (Engine::Gecko, wide, 2000),
            (Engine::Gecko, narrow, 2000),
            (Engine::WebKit, wide, 2000),
            (Engine::WebKit, narrow, 1000),
            (Engine::Other, narrow, 2000),
        ];
        for (engine, size, cost) in cases {
            assert_eq!(engine.cost_bytes(size), cost, "{engine:?} {size:?}");
        }
        assert_eq!(Engine::Blink.quota_bytes(), 10_485_760);
        assert_eq!(Engine::Gecko.quota_bytes(), 10_485_760);
        assert_eq!(Engine::WebKit.quota_bytes(), 5_242_880);
    }

    #[test]
    fn room_counts_the_key_and_what_other_keys_take() {
        let key = "vientiane-vision-atlas:v1:dataset";
        let packed = |units| StoredSize {
            units,
            latin1: false,
        };
        // WebKit: a packed value of 2,621,423 units is the most that fits an empty origin (2 × units + 33 key bytes).
        let exact = Room::for_value(Engine::WebKit, key, packed(2_621_423), 0);
        assert_eq!(exact.needed, 2 * 2_621_423 + 33);
        assert!(exact.fits());
        assert!(!Room::for_value(Engine::WebKit, key, packed(2_621_424), 0).fits());
        // The 4.28 million units of 50,000 generated activities fit Chromium and Firefox, not WebKit.
        let fifty_thousand = packed(4_280_000);
        assert!(Room::for_value(Engine::Blink, key, fifty_thousand, 0).fits());
        assert!(Room::for_value(Engine::Gecko, key, fifty_thousand, 0).fits());
        assert!(!Room::for_value(Engine::WebKit, key, fifty_thousand, 0).fits());
        // What other keys take is no longer available; more than the quota leaves nothing.
        let crowded = Room::for_value(Engine::Blink, key, fifty_thousand, 2_000_000);
        assert_eq!(crowded.available, 8_485_760);
        assert!(!crowded.fits());
        assert_eq!(
            Room::for_value(Engine::Blink, key, packed(1), usize::MAX).available,
            0
        );
    }

    #[test]
    fn megabytes_have_one_decimal() {
        assert_eq!(megabytes(5_242_880), "5.2 MB");
        assert_eq!(megabytes(8_560_066), "8.6 MB");
        assert_eq!(megabytes(0), "0.0 MB");
    }

    #[test]
    fn the_import_warning_names_what_does_not_fit() {
        let key = "vientiane-vision-atlas:v1:dataset";
        let room = |engine, units| {
            Room::for_value(
                engine,
                key,
                StoredSize {
                    units,
                    latin1: false,
                },
                0,
            )
        };
        let small = 100_000;
        let large = 4_280_000;
        assert_eq!(
            import_warning(
                Locale::En,
                room(Engine::WebKit, small),
                room(Engine::WebKit, small)
            ),
            None
        );
        assert_eq!(
            import_warning(
                Locale::En,
                room(Engine::Blink, large),
                room(Engine::Blink, large)
            ),
            None
        );

        let both = import_warning(
            Locale::En,
            room(Engine::WebKit, large),
            room(Engine::WebKit, large),
        );
        let both = both.expect("50,000 activities do not fit WebKit");
        assert!(
            both.contains("would need 8.6 MB after Merge and 8.6 MB after Replace"),
            "{both}"
        );
        assert!(
            both.contains("and Safari's engine, WebKit, keeps at most 5.2 MB for this page."),
            "{both}"
        );
        assert!(
            both.contains("hold about half as much as Chrome, Edge or Firefox"),
            "{both}"
        );
        assert!(both.contains("export it to keep it"), "{both}");

        let merge_only = import_warning(
            Locale::En,
            room(Engine::WebKit, large),
            room(Engine::WebKit, small),
        );
        let merge_only = merge_only.expect("the merge does not fit");
        assert!(merge_only.starts_with("Too large to be saved in this browser: after Merge the data would need 8.6 MB (after Replace 0.2 MB, which fits)"), "{merge_only}");

        let replace_only = import_warning(
            Locale::En,
            room(Engine::Gecko, small),
            room(Engine::Gecko, 6_000_000),
        );
        let replace_only = replace_only.expect("the replace does not fit");
        assert!(
            replace_only.contains(
                "after Replace the data would need 12.0 MB (after Merge 0.2 MB, which fits)"
            ),
            "{replace_only}"
        );
        assert!(
            replace_only.contains("Firefox keeps at most 10.5 MB"),
            "{replace_only}"
        );
        assert!(!replace_only.contains("WebKit"), "{replace_only}");
    }

    #[test]
    fn the_import_warning_in_japanese() {
        let key = "vientiane-vision-atlas:v1:dataset";
        let room = |engine, units| {
            Room::for_value(
                engine,
                key,
                StoredSize {
                    units,
                    latin1: false,
                },
                0,
            )
        };
        let (small, large) = (100_000, 4_280_000);
        let cases = [
            (
                import_warning(Locale::Ja, room(Engine::WebKit, large), room(Engine::WebKit, large)),
                "このブラウザーには大きすぎて保存できません。データには統合後に8.6 MB、置き換え後に8.6 MBが必要ですが、Safari のエンジン（WebKit）がこのページに保存できるのは最大5.2 MBです。Safari などの WebKit ブラウザーが保存できる量は、Chrome、Edge、Firefox の約半分です。インポートして作業することはできますが、ページを閉じるとこのブラウザーには残りません。残すにはエクスポートしてください。",
            ),
            (
                import_warning(Locale::Ja, room(Engine::Gecko, small), room(Engine::Gecko, 6_000_000)),
                "このブラウザーには大きすぎて保存できません。置き換え後のデータには12.0 MBが必要ですが（統合後は0.2 MBで、収まります）、Firefoxがこのページに保存できるのは最大10.5 MBです。インポートして作業することはできますが、ページを閉じるとこのブラウザーには残りません。残すにはエクスポートしてください。",
            ),
            (
                import_warning(Locale::Ja, room(Engine::Blink, 6_000_000), room(Engine::Blink, small)),
                "このブラウザーには大きすぎて保存できません。統合後のデータには12.0 MBが必要ですが（置き換え後は0.2 MBで、収まります）、このブラウザーがこのページに保存できるのは最大10.5 MBです。インポートして作業することはできますが、ページを閉じるとこのブラウザーには残りません。残すにはエクスポートしてください。",
            ),
        ];
        for (got, expected) in cases {
            assert_eq!(got.as_deref(), Some(expected));
        }
        assert_eq!(
            import_warning(
                Locale::Ja,
                room(Engine::WebKit, small),
                room(Engine::WebKit, small)
            ),
            None
        );
    }
}
