//! How strong a record's backing is: each source is **official** (a government or an
//! intergovernmental body) or **secondary** (news, blogs, companies, private institutes, reposts).
//!
//! The one rule, by the address's host name (lower case, without a port or a trailing dot):
//!
//! 1. a government or military top-level domain: `*.gov`, `*.mil`, `*.int`;
//! 2. a government or military second-level domain under a country code: `*.gov.xx`, `*.go.xx`,
//!    `*.mil.xx` (`mod.go.jp`, `mofa.go.jp`, `emb-japan.go.jp`, `mindef.gov.sg`, `afp.mil.ph`, …);
//! 3. an intergovernmental body in [`OFFICIAL_DOMAINS`] or one of its subdomains (`asean.org`, …).
//!
//! Everything else is secondary, including sites that reproduce official releases (they are still a
//! copy). An address that cannot be read is secondary.

use super::dataset::{Activity, Source};
use super::i18n::common::Common;

/// Intergovernmental bodies whose domains rule 1 and 2 do not cover: the list, in one place.
pub const OFFICIAL_DOMAINS: [&str; 2] = ["asean.org", "un.org"];

/// Whether a source is a government's or an intergovernmental body's own page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceKind {
    Official,
    Secondary,
}

impl SourceKind {
    /// The value of the `data-source-kind` attribute on a source link.
    pub fn code(self) -> &'static str {
        match self {
            SourceKind::Official => "official",
            SourceKind::Secondary => "secondary",
        }
    }

    /// Words for people, as a phrase of the common table.
    pub fn label(self) -> Common {
        match self {
            SourceKind::Official => Common::SourceOfficial,
            SourceKind::Secondary => Common::SourceSecondary,
        }
    }
}

/// The kind of the source at `url`.
pub fn source_kind(url: &str) -> SourceKind {
    match host(url) {
        Some(host) if is_official_host(&host) => SourceKind::Official,
        _ => SourceKind::Secondary,
    }
}

/// Whether at least one of the activity's own sources, or of its follow-ups' sources, is official.
pub fn has_official_source(activity: &Activity) -> bool {
    let official = |s: &Source| source_kind(&s.url) == SourceKind::Official;
    activity.sources.iter().any(official)
        || activity
            .follow_ups
            .iter()
            .any(|f| f.sources.iter().any(official))
}

/// The host name of an absolute `http`/`https` address, in lower case, or `None`.
fn host(url: &str) -> Option<String> {
    let trimmed = url.trim();
    let (scheme, rest) = trimmed.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let host_port = authority.rsplit('@').next()?;
    let host = host_port.split(':').next()?.trim_end_matches('.');
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

fn is_official_host(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    let top = labels.last().copied().unwrap_or_default();
    if labels.len() >= 2 && matches!(top, "gov" | "mil" | "int") {
        return true;
    }
    if labels.len() >= 3 {
        let second = labels[labels.len() - 2];
        let country = top.len() == 2 && top.bytes().all(|b| b.is_ascii_lowercase());
        if country && matches!(second, "gov" | "go" | "mil") {
            return true;
        }
    }
    OFFICIAL_DOMAINS
        .iter()
        .any(|domain| host == *domain || host.ends_with(&format!(".{domain}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::i18n::Phrase;
    use crate::model::FollowUp;

    #[test]
    fn the_rule_table() {
        use SourceKind::{Official, Secondary};
        let table = [
            // Japan's ministries, the prime minister's office, embassies, the white-paper archive.
            (
                "https://www.mod.go.jp/en/d_act/exc/cap_b/about.html",
                Official,
            ),
            (
                "http://www.mod.go.jp/j/approach/exchange/cap_build/index.html",
                Official,
            ),
            (
                "https://mofa.go.jp/mofaj/press/release/pressit_000001_02880.html",
                Official,
            ),
            (
                "http://japan.kantei.go.jp/98_abe/actions/201911/_00070.html",
                Official,
            ),
            (
                "https://www.my.emb-japan.go.jp/itpr_ja/newinfo_23072018.html",
                Official,
            ),
            (
                "http://www.clearing.mod.go.jp/hakusho_data/2017/html/nc033000.html",
                Official,
            ),
            (
                "https://nids.mod.go.jp/publication/commentary/commentary407.html",
                Official,
            ),
            // Other governments and armed forces.
            (
                "https://www.mindef.gov.sg/news-and-events/latest-releases",
                Official,
            ),
            ("https://www.afp.mil.ph/news/ph-japan-bilateral", Official),
            ("https://jmh.usembassy.gov/20210331164057/", Official),
            (
                "https://www.navy.mil/submit/display.asp?story_id=53859",
                Official,
            ),
            (
                "https://www.cpf.navy.mil/Newsroom/News/Article/2750018/",
                Official,
            ),
            ("https://timor-leste.gov.tl/?lang=en&p=6653", Official),
            ("https://www.mod.go.th/", Official),
            ("https://www.kemhan.go.id/", Official),
            // Intergovernmental bodies.
            ("https://asean.org/japan/", Official),
            ("https://jaif.asean.org/project-brief/x", Official),
            ("https://www.un.org/en/", Official),
            ("https://www.nato.int/", Official),
            // Case, ports, user names and a trailing dot do not change the answer.
            ("HTTPS://WWW.MOD.GO.JP/en/", Official),
            ("https://user@www.mod.go.jp:443/en/", Official),
            ("https://www.mod.go.jp./en/", Official),
            // Secondary: news, blogs, reproductions of official releases, private institutes.
            ("https://portal-worlds.com/news/asean/30366", Secondary),
            (
                "https://j-defense.ikaros.jp/docs/mod/000707.html",
                Secondary,
            ),
            (
                "https://www3.nhk.or.jp/nhkworld/en/news/20230306_25/",
                Secondary,
            ),
            (
                "https://www.japantimes.co.jp/?post_type=news&p=2316047",
                Secondary,
            ),
            ("http://blog.kinaforum.com/2017/06/x.html", Secondary),
            ("https://www.jdrac.org/performance/", Secondary),
            ("https://ipdefenseforum.com/x", Secondary),
            ("http://www.tatoli.tl/en/2021/07/02/x/", Secondary),
            // Look-alikes: the official word must be the domain itself, not part of a name or path.
            ("https://gov.example.com/", Secondary),
            ("https://example.com/www.mod.go.jp/", Secondary),
            ("https://mod.go.jp.example.com/", Secondary),
            ("https://notasean.org/", Secondary),
            ("https://asean.org.example.net/", Secondary),
            ("https://www.go.com/", Secondary),
            ("https://gov/", Secondary),
            // Not a web address.
            ("javascript:alert(1)", Secondary),
            ("ftp://www.mod.go.jp/", Secondary),
            ("www.mod.go.jp/en/", Secondary),
            ("", Secondary),
        ];
        for (url, expected) in table {
            assert_eq!(source_kind(url), expected, "{url}");
        }
    }

    #[test]
    fn codes_and_labels() {
        assert_eq!(SourceKind::Official.code(), "official");
        assert_eq!(SourceKind::Secondary.code(), "secondary");
        assert_eq!(SourceKind::Official.label().en(), "official source");
    }

    fn source(url: &str) -> Source {
        Source {
            url: url.into(),
            title: None,
            accessed: None,
            unknown: Default::default(),
        }
    }

    #[test]
    fn an_activity_is_officially_backed_by_any_official_source_of_its_own_or_of_a_follow_up() {
        let mut activity = Activity::new("a", "A", 2020);
        assert!(!has_official_source(&activity));
        activity.sources = vec![source("https://portal-worlds.com/x")];
        assert!(!has_official_source(&activity));
        activity.follow_ups.push(FollowUp {
            year: 2020,
            note: "event".into(),
            sources: vec![source("https://www.mod.go.jp/x")],
            unknown: Default::default(),
        });
        assert!(has_official_source(&activity));
        activity.follow_ups.clear();
        activity.sources.push(source("https://www.mindef.gov.sg/x"));
        assert!(has_official_source(&activity));
    }
}
