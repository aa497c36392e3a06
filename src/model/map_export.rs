//! The standalone SVG file of the map, for slides: the picture described in `model::map_picture`
//! drawn with every style inline (nothing refers to the page's CSS), beside a text column with the
//! legend, the ASEAN-wide count, the caption, the boundary disclaimer and the credit.
//!
//! Plain Rust: the view passes in the shapes, the picture it shows and the filters and gets the file
//! back, so the export is tested natively. The page draws the same `MapPicture` (`ui::map::drawing`).

use std::fmt::Write as _;

use super::filter::Filters;
use super::i18n::map::{self as words, MapText};
use super::i18n::Locale;
use super::map_picture::{
    caption_lines, MapPicture, TextSpot, ACCENT, ASEAN_WIDE_BOX, BORDER_STROKE, BOX_FILL,
    CLASS_FILLS, CONTEXT_FILL, HATCH_ID, HATCH_LINE_WIDTH, HATCH_STROKE, HATCH_TILE, HATCH_TURN,
    INK, INK_SOFT, PARTNER_FILL, PARTNER_LABEL, RING_DOT_RADIUS, RING_RADIUS, SEA_FILL,
    SMALL_STATES,
};
use super::stats::{MeasureChoice, Place};
use super::vision::{Measure, MemberState};

/// The map's shapes, handed over by the view (they live in the generated `map_shapes` module).
#[derive(Clone, Debug)]
pub struct MapGeometry<'a> {
    pub width: f64,
    pub height: f64,
    /// All other land, one path.
    pub context: &'a str,
    /// `(iso3, path, anchor)` for the member states and Japan.
    pub countries: Vec<(&'a str, &'a str, (f64, f64))>,
}

/// Everything an exported file shows: the picture (whose language is the file's), and what its
/// caption says.
#[derive(Clone, Debug)]
pub struct MapExport<'a> {
    pub geometry: MapGeometry<'a>,
    /// The picture the page shows (the counts under its measure and toggle).
    pub picture: &'a MapPicture,
    /// The filters the caption describes.
    pub filters: &'a Filters,
    /// The dataset's first and last year.
    pub span: Option<(i32, i32)>,
    /// The dataset's title: user text, escaped on the way out.
    pub title: &'a str,
    /// The day of the export, `YYYY-MM-DD`.
    pub date: &'a str,
}

/// A finished SVG file and its size in CSS pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportedMap {
    pub svg: String,
    pub width: u32,
    pub height: u32,
}

/// The file name of an export without its extension: `vientiane-vision-map-CBC-2026-01-31`.
pub fn export_file_stem(measure: MeasureChoice, date: &str) -> String {
    let measure = measure.map_or("ALL", Measure::code);
    format!("vientiane-vision-map-{measure}-{date}")
}

/// Escapes text for XML content and attribute values, and drops the characters XML 1.0 cannot hold
/// at all (control characters), so no dataset text can break or inject into the file.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether a character takes a full em (two columns): CJK ideographs, kana, Hangul and the full-width
/// forms. Every other character counts as half of that, about an average Latin letter.
pub fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

/// The width of a text in columns: two for a wide character ([`is_wide`]), one for any other.
pub fn columns(text: &str) -> usize {
    text.chars().map(|c| 1 + usize::from(is_wide(c))).sum()
}

/// Japanese line-breaking rules (kinsoku): a line never starts with closing punctuation, a small
/// kana or a prolonged sound mark, and never ends with an opening bracket.
fn starts_no_line(c: char) -> bool {
    "、。，．・：；？！）」』】〕〉》～ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々".contains(c)
}

fn ends_no_line(c: char) -> bool {
    "（「『【〔〈《".contains(c)
}

/// The pieces of a word between which a line may break: beside a wide character (Japanese has no
/// spaces between words), except where kinsoku forbids it or between a number and its counter
/// (2016年, 12件). A word of Latin letters is one piece.
fn pieces(word: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut previous: Option<char> = None;
    for (at, c) in word.char_indices() {
        if let Some(p) = previous {
            let may_break = (is_wide(p) || is_wide(c))
                && !starts_no_line(c)
                && !ends_no_line(p)
                && !(p.is_ascii_digit() && is_wide(c));
            if may_break {
                pieces.push(&word[start..at]);
                start = at;
            }
        }
        previous = Some(c);
    }
    if start < word.len() {
        pieces.push(&word[start..]);
    }
    pieces
}

/// Breaks text into lines of at most `width` columns ([`columns`]: a Latin letter is one, a Japanese
/// character two) at spaces, and in Japanese between characters too; a longer word gets a line of its
/// own. SVG text does not wrap by itself.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split_whitespace() {
        for (index, piece) in pieces(word).into_iter().enumerate() {
            let space = usize::from(index == 0 && !line.is_empty());
            let needed = columns(piece);
            if !line.is_empty() && used + space + needed > width {
                lines.push(std::mem::take(&mut line));
                used = 0;
            } else if space == 1 {
                line.push(' ');
                used += 1;
            }
            line.push_str(piece);
            used += needed;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

const FONT: &str =
    "system-ui, -apple-system, &apos;Segoe UI&apos;, Roboto, &apos;Noto Sans&apos;, \
                    &apos;Hiragino Sans&apos;, sans-serif";
/// The Japanese file names the Japanese system fonts first, so that a viewer without a language hint
/// does not take Chinese glyph forms from a pan-CJK font.
const FONT_JA: &str = "&apos;Hiragino Sans&apos;, &apos;Hiragino Kaku Gothic ProN&apos;, \
                       &apos;Yu Gothic UI&apos;, &apos;Yu Gothic&apos;, Meiryo, &apos;Noto Sans CJK JP&apos;, \
                       &apos;Noto Sans JP&apos;, system-ui, sans-serif";
/// The mark on an element whose text holds the user's own words (the dataset's title, a searched or
/// field text), which stay as written in either language: a check for words left untranslated in
/// the export skips what carries it, as it skips `[data-dataset-text]` on the page.
const DATASET_TEXT: &str = " data-dataset-text=\"\"";
/// Where the map sits in the export, and the column of text beside it.
const MARGIN: f64 = 24.0;
const MAP_TOP: f64 = 112.0;
const COLUMN_WIDTH: f64 = 470.0;
/// Columns per line in the text column at 16 px ([`columns`]: 25 Japanese characters).
const COLUMN_CHARS: usize = 50;

/// The hatch that marks zero ([`HATCH_ID`]), as the page's map defines it too.
fn hatch_pattern() -> String {
    format!(
        "<pattern id=\"{HATCH_ID}\" patternUnits=\"userSpaceOnUse\" width=\"{HATCH_TILE}\" \
         height=\"{HATCH_TILE}\" patternTransform=\"{HATCH_TURN}\"><rect width=\"{HATCH_TILE}\" \
         height=\"{HATCH_TILE}\" fill=\"{}\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"{HATCH_TILE}\" \
         stroke=\"{HATCH_STROKE}\" stroke-width=\"{HATCH_LINE_WIDTH}\"/></pattern>",
        CLASS_FILLS[0]
    )
}

/// Assembles a standalone SVG picture of the map: title, the map itself, the legend, the ASEAN-wide
/// count, the caption with the measure and the filters, the boundary disclaimer and the credit. Every
/// style is inline; nothing refers to the page.
pub fn export_svg(export: &MapExport) -> ExportedMap {
    let picture = export.picture;
    let locale = picture.locale;
    let measure = picture.measure;
    let map_w = export.geometry.width;
    let map_h = export.geometry.height;
    let column_x = MARGIN + map_w + 32.0;

    // The body first: the picture's height depends on how long the caption runs.
    let mut body = String::with_capacity(40_000);
    let title = escape_xml(export.title);
    let subtitle = escape_xml(&words::export_subtitle(locale, measure));
    let _ = writeln!(
        body,
        "<text x=\"{MARGIN}\" y=\"52\" font-size=\"30\" font-weight=\"700\" fill=\"{INK}\"{DATASET_TEXT}>{title}</text>\n\
         <text x=\"{MARGIN}\" y=\"90\" font-size=\"21\" fill=\"{INK_SOFT}\">{subtitle}</text>"
    );
    write_map(&mut body, export);

    // The text column: legend, then the caption, then the disclaimer and the credit.
    let mut y = MAP_TOP + 20.0;
    let _ = writeln!(
        body,
        "<text x=\"{column_x}\" y=\"{y}\" font-size=\"20\" font-weight=\"700\" fill=\"{INK}\">{}</text>",
        escape_xml(picture.legend_title())
    );
    y += 16.0;
    let mut entries: Vec<(&str, String)> = picture
        .legend()
        .into_iter()
        .map(|(fill, label)| (fill.paint(), label))
        .collect();
    entries.push((PARTNER_FILL, picture.text(MapText::PartnerName).to_string()));
    entries.push((
        CONTEXT_FILL,
        picture.text(MapText::OtherCountries).to_string(),
    ));
    for (fill, label) in entries {
        let _ = writeln!(
            body,
            "<rect x=\"{column_x}\" y=\"{y}\" width=\"34\" height=\"22\" fill=\"{fill}\" \
             stroke=\"{BORDER_STROKE}\" stroke-width=\"0.8\"/><text x=\"{}\" y=\"{}\" font-size=\"17\" \
             fill=\"{INK}\">{}</text>",
            column_x + 46.0,
            y + 17.0,
            escape_xml(&label)
        );
        y += 30.0;
    }
    y += 24.0;
    let (before, after) = words::asean_wide_total(locale);
    let _ = writeln!(
        body,
        "<text x=\"{column_x}\" y=\"{y}\" font-size=\"17\" fill=\"{INK}\">{}\
         <tspan font-weight=\"700\">{}</tspan>{}</text>",
        escape_xml(before),
        picture.count(Place::AseanWide),
        escape_xml(after)
    );
    y += 38.0;
    let mut caption: Vec<String> = caption_lines(
        locale,
        export.filters,
        picture.include_asean_wide,
        export.span,
    );
    // The user's own words in the caption: a field or a search text in its last line (the one on the
    // other filters, there whenever either is set), the dataset's title in the source line.
    let own_filter_words = export
        .filters
        .field
        .as_deref()
        .is_some_and(|f| !f.trim().is_empty())
        || !export.filters.search.trim().is_empty();
    let last_filter_line = caption.len().saturating_sub(1);
    caption.push(words::caption_source(
        locale,
        export.title.trim(),
        export.date,
    ));
    let source_line = caption.len() - 1;
    for (index, line) in caption.into_iter().enumerate() {
        let own = index == source_line || (own_filter_words && index == last_filter_line);
        let mark = if own { DATASET_TEXT } else { "" };
        for part in wrap(&line, COLUMN_CHARS) {
            let _ = writeln!(
                body,
                "<text x=\"{column_x}\" y=\"{y}\" font-size=\"16\" fill=\"{INK}\"{mark}>{}</text>",
                escape_xml(&part)
            );
            y += 22.0;
        }
        y += 8.0;
    }
    // The disclaimer and the credit sit at the bottom of the column, or below a long caption.
    let notes: Vec<String> = wrap(picture.text(MapText::BoundaryDisclaimer), COLUMN_CHARS + 4)
        .into_iter()
        .chain(std::iter::once(picture.text(MapText::Credit).to_string()))
        .collect();
    let mut note_y = (MAP_TOP + map_h - 20.0 * (notes.len() as f64 - 1.0)).max(y + 10.0);
    for line in notes {
        let _ = writeln!(
            body,
            "<text x=\"{column_x}\" y=\"{note_y}\" font-size=\"14\" fill=\"{INK_SOFT}\">{}</text>",
            escape_xml(&line)
        );
        note_y += 20.0;
    }

    let width = (column_x + COLUMN_WIDTH + MARGIN).ceil();
    let height = (MAP_TOP + map_h + MARGIN).max(note_y).ceil();
    // The English file stays as it always was; the Japanese one says its language, so that viewers
    // pick Japanese glyph forms for the Han characters it shares with Chinese.
    let (font, lang) = match locale {
        Locale::En => (FONT, ""),
        Locale::Ja => (FONT_JA, " xml:lang=\"ja\""),
    };
    let mut svg = String::with_capacity(body.len() + 1_000);
    let _ = write!(
        svg,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"{lang} width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" font-family=\"{font}\">\n\
         <title{DATASET_TEXT}>{title} — {subtitle}</title>\n<defs>{}</defs>\n\
         <rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>\n",
        hatch_pattern()
    );
    svg.push_str(&body);
    svg.push_str("</svg>\n");
    ExportedMap {
        svg,
        width: width as u32,
        height: height as u32,
    }
}

/// The map part of an export: sea, other land, Japan, the member states by class, the rings around
/// the small states, Japan's label and the ASEAN-wide box.
fn write_map(out: &mut String, export: &MapExport) {
    let picture = export.picture;
    let geometry = &export.geometry;
    let _ = writeln!(
        out,
        "<g transform=\"translate({MARGIN} {MAP_TOP})\">\n\
         <rect width=\"{}\" height=\"{}\" fill=\"{SEA_FILL}\" stroke=\"{CONTEXT_FILL}\" stroke-width=\"1\"/>\n\
         <path d=\"{}\" fill=\"{CONTEXT_FILL}\"/>",
        geometry.width,
        geometry.height,
        escape_xml(geometry.context)
    );
    for (iso3, path, _) in &geometry.countries {
        let (fill, title) = match MemberState::from_iso3(iso3) {
            Some(state) => (
                picture.fill(state).paint(),
                picture.label(Place::MemberState(state)),
            ),
            None if *iso3 == "JPN" => {
                (PARTNER_FILL, picture.text(MapText::PartnerName).to_string())
            }
            None => (PARTNER_FILL, iso3.to_string()),
        };
        let _ = writeln!(
            out,
            "<path d=\"{}\" fill=\"{fill}\" stroke=\"{BORDER_STROKE}\" stroke-width=\"0.7\" \
             stroke-linejoin=\"round\"><title>{}</title></path>",
            escape_xml(path),
            escape_xml(&title)
        );
    }
    for state in SMALL_STATES {
        let anchor = geometry
            .countries
            .iter()
            .find(|(iso3, _, _)| *iso3 == state.iso3())
            .map(|(_, _, anchor)| *anchor);
        if let Some((x, y)) = anchor {
            let _ = writeln!(
                out,
                "<circle cx=\"{x}\" cy=\"{y}\" r=\"{RING_RADIUS}\" fill=\"none\" stroke=\"{INK}\" \
                 stroke-width=\"2\"/>\n<circle cx=\"{x}\" cy=\"{y}\" r=\"{RING_DOT_RADIUS}\" fill=\"{}\" \
                 stroke=\"{INK}\" stroke-width=\"1\"/>",
                picture.fill(state).paint()
            );
        }
    }
    let TextSpot { x, y, size } = PARTNER_LABEL;
    // Japanese has no italic: a slanted Japanese font is only a distorted upright one.
    let style = match picture.locale {
        Locale::En => " font-style=\"italic\"",
        Locale::Ja => "",
    };
    let _ = writeln!(
        out,
        "<text x=\"{x}\" y=\"{y}\" font-size=\"{size}\"{style} fill=\"{INK_SOFT}\">{}</text>",
        escape_xml(picture.text(MapText::PartnerLabel))
    );
    write_asean_wide_box(out, picture);
    out.push_str("</g>\n");
}

/// The ASEAN-wide box as drawn in an export (the page draws the same [`ASEAN_WIDE_BOX`]).
fn write_asean_wide_box(out: &mut String, picture: &MapPicture) {
    let b = ASEAN_WIDE_BOX;
    let count = picture.count(Place::AseanWide);
    let box_name = escape_xml(picture.text(MapText::AseanWide));
    let (name, number) = (b.name, b.count);
    let _ = write!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" fill=\"{BOX_FILL}\" stroke=\"{ACCENT}\" \
         stroke-width=\"3\"/>\n<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"600\" fill=\"{ACCENT}\" \
         text-anchor=\"middle\">{box_name}</text>\n<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"700\" \
         fill=\"{INK}\" text-anchor=\"middle\">{count}</text>\n",
        b.x, b.y, b.width, b.height, b.corner, name.x, name.y, name.size, number.x, number.y, number.size,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::i18n::{only_kept_words, Phrase};
    use crate::model::map_picture::HATCH_PAINT;
    use crate::model::stats::MapCounts;
    use crate::model::{Activity, Dataset, Scope};

    #[test]
    fn escaping_and_wrapping() {
        assert_eq!(
            escape_xml("a<b>&\"c'\u{0}\u{7}\td"),
            "a&lt;b&gt;&amp;&quot;c&apos; d"
        );
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(wrap("unbreakable-word x", 5), ["unbreakable-word", "x"]);
        assert!(wrap("  ", 10).is_empty());
        assert_eq!(
            export_file_stem(Some(Measure::CapacityBuilding), "2026-01-31"),
            "vientiane-vision-map-CBC-2026-01-31"
        );
        assert_eq!(export_file_stem(None, "d"), "vientiane-vision-map-ALL-d");
    }

    /// Japanese breaks between characters, never before closing punctuation or after an opening
    /// bracket, and keeps a number with its counter; Latin text still breaks only at spaces.
    #[test]
    fn japanese_wraps_between_characters() {
        let sentence = "加盟国は、その国が関わる活動の件数で色分けしています。";
        assert_eq!(
            wrap(sentence, 20),
            [
                "加盟国は、その国が関",
                "わる活動の件数で色分",
                "けしています。"
            ]
        );
        assert_eq!(
            wrap(sentence, 8),
            [
                "加盟国",
                "は、その",
                "国が関わ",
                "る活動の",
                "件数で色",
                "分けして",
                "います。"
            ]
        );
        assert_eq!(
            wrap("ASEAN全体の活動 12件", 12),
            ["ASEAN全体の", "活動 12件"]
        );
        assert_eq!(wrap("2016年～2019年", 8), ["2016年～", "2019年"]);
        assert_eq!(wrap("（期間中）の", 6), ["（期間", "中）の"]);
        assert_eq!(wrap("（期間中）の", 4), ["（期", "間", "中）", "の"]);
        for width in [10, 30, 50] {
            for line in wrap(sentence, width) {
                assert!(columns(&line) <= width, "{line}");
            }
        }
        assert_eq!(columns("ASEAN全体"), 9);
        assert!(is_wide('～') && is_wide('「') && is_wide('ー') && !is_wide('–'));
    }

    fn geometry() -> MapGeometry<'static> {
        MapGeometry {
            width: 100.0,
            height: 100.0,
            context: "M0 0l1 0 0 1z",
            countries: vec![
                ("BRN", "M1 1l1 0 0 1z", (1.0, 1.0)),
                ("JPN", "M5 5l1 0 0 1z", (5.0, 5.0)),
                ("SGP", "M2 2l1 0 0 1z", (2.0, 2.0)),
                ("VNM", "M3 3l1 0 0 1z", (3.0, 3.0)),
            ],
        }
    }

    /// Checks that every tag opened is closed in order (enough to catch broken markup from text).
    fn assert_well_formed(svg: &str) {
        let body = svg.split_once("?>").map_or(svg, |(_, rest)| rest);
        let mut stack: Vec<String> = Vec::new();
        let mut rest = body;
        while let Some(open) = rest.find('<') {
            let close = rest[open..].find('>').expect("tag closes") + open;
            let tag = &rest[open + 1..close];
            assert!(!tag.contains('<'), "stray < in {tag}");
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop().as_deref(), Some(name), "closing {name}");
            } else if !tag.ends_with('/') {
                stack.push(tag.split_whitespace().next().expect("tag name").to_string());
            }
            rest = &rest[close + 1..];
        }
        assert!(stack.is_empty(), "unclosed: {stack:?}");
        // Outside tags only escaped text remains.
        assert!(!body.contains("&&"));
    }

    /// The text nodes of an SVG joined by single spaces, as a reader sees them.
    fn text_of(svg: &str) -> String {
        let mut text = String::new();
        let mut in_tag = false;
        for c in svg.chars() {
            match c {
                '<' => {
                    in_tag = true;
                    text.push(' ');
                }
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn export_is_standalone_escaped_and_complete() {
        let mut dataset = Dataset::empty("t");
        let mut vn = Activity::new("vn", "x", 2017);
        vn.scope = Scope::MemberStates;
        vn.countries = vec![MemberState::VietNam];
        vn.measures = vec![Measure::CapacityBuilding];
        let aw = Activity::new("aw", "y", 2018);
        dataset.activities = vec![vn, aw];
        let filters = Filters {
            measure: Some(Measure::CapacityBuilding),
            search: "<script>alert('x')</script> & co".into(),
            ..Filters::default()
        };
        let counts = MapCounts::build(&Dataset::empty("none"), &Filters::default());
        let counts_with = MapCounts::build(&dataset, &Filters::default());
        for counts in [&counts, &counts_with] {
            let picture = MapPicture::new(Locale::En, counts, filters.measure, false);
            let exported = export_svg(&MapExport {
                geometry: geometry(),
                picture: &picture,
                filters: &filters,
                span: Some((2017, 2018)),
                title: "Japan & ASEAN <draft> \"v2\"",
                date: "2026-01-31",
            });
            let svg = &exported.svg;
            assert_well_formed(svg);
            assert!(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""));
            assert!(!svg.contains("<script"), "dataset text is escaped");
            assert!(!svg.contains("class="), "no CSS classes: styles are inline");
            assert!(svg.contains("Japan &amp; ASEAN &lt;draft&gt; &quot;v2&quot;"));
            assert!(svg.contains("Measure: Capacity Building Cooperation (CBC)."));
            let text = text_of(svg);
            assert!(
                text.contains(&escape_xml(MapText::BoundaryDisclaimer.en())),
                "{text}"
            );
            assert!(svg.contains("Made with Natural Earth."));
            assert!(svg.contains(">Japan (partner)</text>"));
            assert!(svg.contains("Japan, the partner (not counted)"));
            assert!(svg.contains(PARTNER_FILL));
            assert!(svg.contains("ASEAN-wide"));
            assert_eq!(svg.matches("<path").count(), 5, "context + 4 countries");
            assert_eq!(svg.matches(&format!("r=\"{RING_RADIUS}\"")).count(), 2);
            assert!(exported.width > 100 && exported.height > 100);
            assert!(svg.contains(&format!("width=\"{}\"", exported.width)));
        }
        let picture = MapPicture::new(Locale::En, &counts_with, filters.measure, false);
        let svg = export_svg(&MapExport {
            geometry: geometry(),
            picture: &picture,
            filters: &filters,
            span: None,
            title: "t",
            date: "d",
        })
        .svg;
        // Viet Nam has the one CBC activity (the only class, its first colour); Singapore has none
        // (the hatch).
        assert!(svg.contains(&format!("fill=\"{}\"", CLASS_FILLS[1])));
        assert!(svg.contains("fill=\"url(#map-hatch)\""));
        assert!(svg.contains("Viet Nam: 1 activity, Capacity Building Cooperation"));
    }

    /// The text runs of an SVG (the content between tags), unescaped, each with whether the element
    /// that holds it is marked as the user's own words.
    fn marked_runs(svg: &str) -> Vec<(bool, String)> {
        let body = svg.split_once("?>").map_or(svg, |(_, rest)| rest);
        body.split('<')
            .filter_map(|part| part.split_once('>'))
            .map(|(tag, text)| {
                let text = text
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&apos;", "'")
                    .replace("&amp;", "&");
                (tag.contains(DATASET_TEXT.trim()), text)
            })
            .filter(|(_, text)| !text.trim().is_empty())
            .collect()
    }

    fn text_runs(svg: &str) -> Vec<String> {
        marked_runs(svg).into_iter().map(|(_, text)| text).collect()
    }

    /// The exported map in Japanese: the caption, the legend, the box, Japan's label, the disclaimer
    /// and the credit in Japanese, user text escaped, and no English word left.
    #[test]
    fn the_export_in_japanese() {
        let mut dataset = Dataset::empty("t");
        let mut vn = Activity::new("vn", "x", 2017);
        vn.scope = Scope::MemberStates;
        vn.countries = vec![MemberState::VietNam];
        vn.measures = vec![Measure::CapacityBuilding];
        let mut aw = Activity::new("aw", "y", 2018);
        aw.measures = vec![Measure::CapacityBuilding];
        dataset.activities = vec![vn, aw];
        let counts = MapCounts::build(&dataset, &Filters::default());
        let filters = Filters {
            measure: Some(Measure::CapacityBuilding),
            from: Some(2016),
            to: Some(2025),
            search: "<乗艦> & 「協力」".into(),
            ..Filters::default()
        };
        let picture = MapPicture::new(Locale::Ja, &counts, filters.measure, true);
        let exported = export_svg(&MapExport {
            geometry: geometry(),
            picture: &picture,
            filters: &filters,
            span: Some((2009, 2027)),
            title: "日ASEAN <防衛> & \"協力\"",
            date: "2026-01-31",
        });
        let svg = &exported.svg;
        assert_well_formed(svg);
        assert!(svg.contains("xml:lang=\"ja\""));
        assert!(!svg.contains("italic"), "no slanted Japanese");
        assert!(
            !svg.contains("<乗艦>") && !svg.contains("<防衛>"),
            "user text is escaped"
        );
        assert!(svg.contains("日ASEAN &lt;防衛&gt; &amp; &quot;協力&quot;"));
        let runs = text_runs(svg);
        let text: String = runs.concat();
        for expected in [
            "加盟国ごとの活動件数：能力構築支援（CBC）",
            "加盟国ごとの活動件数（ASEAN全体を加算）",
            "協力の手段：能力構築支援（CBC）。",
            "期間：2016年～2025年（期間中のいずれかの時点で実施中の活動）。",
            "各加盟国の件数には、ASEAN全体の活動をすべて含みます。",
            "このほか、次の条件で絞り込んでいます（検索：「<乗艦> & 「協力」」）。",
            "出典：日ASEAN <防衛> & \"協力\"、ビエンチャン・ビジョン・アトラス、2026年1月31日。",
            "日本（パートナー国、集計対象外）",
            "その他の国",
            "ASEAN全体の活動：1件",
            MapText::BoundaryDisclaimer.ja(),
            "ベトナム 2 件の活動、能力構築支援",
        ] {
            assert!(text.contains(expected), "{expected} not in {text}");
        }
        // The lines that stand alone, exactly: the legend's classes, the box, Japan, the credit.
        for line in [
            "加盟国ごとの活動件数（ASEAN全体を加算）",
            "日本（パートナー国）",
            "ASEAN全体",
            "Natural Earth のデータを使用しています。",
            "0",
            "1",
            "2",
        ] {
            assert!(
                runs.iter().any(|run| run == line),
                "no run {line:?} in {runs:?}"
            );
        }
        // Every text run is Japanese, numbers, kept codes or the credit's "Natural Earth".
        for run in &runs {
            assert!(only_kept_words(run), "English left in {run:?}");
        }

        // The user's own words stay as written, in elements marked as theirs; nothing else is marked,
        // and every other run is Japanese.
        let english = Filters {
            search: "Ship Rider".into(),
            ..filters.clone()
        };
        let svg = export_svg(&MapExport {
            geometry: geometry(),
            picture: &picture,
            filters: &english,
            span: Some((2009, 2027)),
            title: "Japan–ASEAN defense cooperation under the Vientiane Vision",
            date: "2026-01-31",
        })
        .svg;
        assert_well_formed(&svg);
        let runs = marked_runs(&svg);
        let marked: Vec<&str> = runs
            .iter()
            .filter(|(marked, _)| *marked)
            .map(|(_, text)| text.as_str())
            .collect();
        assert!(marked[0].starts_with(
            "Japan–ASEAN defense cooperation under the Vientiane Vision — 加盟国ごとの活動件数"
        ));
        assert_eq!(
            marked[1],
            "Japan–ASEAN defense cooperation under the Vientiane Vision"
        );
        assert!(marked.iter().any(|run| run.starts_with("このほか、")));
        assert!(marked
            .iter()
            .any(|run| run.starts_with("出典：Japan–ASEAN")));
        for (marked, run) in &runs {
            assert!(*marked || only_kept_words(run), "English left in {run:?}");
        }
        // The caption's own lines are not marked.
        for own in [
            "協力の手段：能力構築支援（CBC）。",
            "日本（パートナー国）",
            "ASEAN全体",
        ] {
            assert!(runs.contains(&(false, own.to_string())), "{own}");
        }
    }

    #[test]
    fn long_captions_grow_the_picture() {
        let counts = MapCounts::default();
        let filters = Filters {
            search: "word ".repeat(400),
            ..Filters::default()
        };
        let exported = export_svg(&MapExport {
            geometry: geometry(),
            picture: &MapPicture::new(Locale::En, &counts, None, true),
            filters: &filters,
            span: None,
            title: "t",
            date: "d",
        });
        assert_well_formed(&exported.svg);
        assert!(exported.height > 112 + 100 + 24);
        assert!(exported
            .svg
            .contains(&format!("height=\"{}\"", exported.height)));
    }

    /// The attributes of every `<name …>` element in `svg`, as numbers where they are numbers.
    fn elements(svg: &str, name: &str) -> Vec<Vec<(String, String)>> {
        let open = format!("<{name} ");
        svg.match_indices(&open)
            .map(|(at, _)| {
                let tag = &svg[at + open.len()..];
                let tag = &tag[..tag.find('>').expect("tag closes")];
                tag.split('"')
                    .collect::<Vec<_>>()
                    .chunks_exact(2)
                    .map(|pair| {
                        let key = pair[0].trim().trim_end_matches('=').to_string();
                        (key, pair[1].to_string())
                    })
                    .collect()
            })
            .collect()
    }

    fn number(element: &[(String, String)], key: &str) -> f64 {
        element
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.parse().expect("a number"))
            .unwrap_or_else(|| panic!("no {key} in {element:?}"))
    }

    /// Every ring, the ASEAN-wide box with its texts, Japan's label and the hatch of the exported file
    /// sit where the picture's description puts them (the page draws from the same constants).
    #[test]
    fn the_exported_map_is_drawn_from_the_description() {
        let counts = MapCounts::default();
        let picture = MapPicture::new(Locale::En, &counts, None, false);
        let svg = export_svg(&MapExport {
            geometry: geometry(),
            picture: &picture,
            filters: &Filters::default(),
            span: None,
            title: "t",
            date: "d",
        })
        .svg;
        let start = svg.find("<g transform").expect("the map group");
        let map = &svg[start..start + svg[start..].find("</g>").expect("closes")];

        let anchors: Vec<(f64, f64)> = SMALL_STATES
            .iter()
            .map(|state| {
                let (_, _, anchor) = geometry()
                    .countries
                    .into_iter()
                    .find(|(iso3, _, _)| *iso3 == state.iso3())
                    .expect("a small state's shape");
                anchor
            })
            .collect();
        let circles = elements(map, "circle");
        assert_eq!(
            circles.len(),
            2 * SMALL_STATES.len(),
            "a ring and a dot each"
        );
        for (index, circle) in circles.iter().enumerate() {
            let centre = (number(circle, "cx"), number(circle, "cy"));
            assert_eq!(centre, anchors[index / 2], "{circle:?}");
            let radius = [RING_RADIUS, RING_DOT_RADIUS][index % 2];
            assert_eq!(number(circle, "r"), radius, "{circle:?}");
        }
        // With no activity at all every state, and so every ring's dot, is hatched.
        assert!(circles[1].contains(&("fill".into(), HATCH_PAINT.into())));

        let boxes: Vec<_> = elements(map, "rect")
            .into_iter()
            .filter(|rect| rect.iter().any(|(k, _)| k == "rx"))
            .collect();
        assert_eq!(boxes.len(), 1, "one rounded box");
        let b = ASEAN_WIDE_BOX;
        let drawn = &boxes[0];
        assert_eq!(
            ["x", "y", "width", "height", "rx"].map(|k| number(drawn, k)),
            [b.x, b.y, b.width, b.height, b.corner]
        );

        let texts: Vec<[f64; 3]> = elements(map, "text")
            .iter()
            .map(|text| ["x", "y", "font-size"].map(|k| number(text, k)))
            .collect();
        let spot = |s: TextSpot| [s.x, s.y, s.size];
        assert_eq!(
            texts,
            [spot(PARTNER_LABEL), spot(b.name), spot(b.count)],
            "Japan's label, then the box's name and count"
        );

        let patterns = elements(&svg, "pattern");
        assert_eq!(patterns.len(), 1);
        assert!(patterns[0].contains(&("id".into(), HATCH_ID.into())));
        assert_eq!(
            ["width", "height"].map(|k| number(&patterns[0], k)),
            [HATCH_TILE; 2]
        );
        assert!(patterns[0].contains(&("patternTransform".into(), HATCH_TURN.into())));
        let line = &elements(&svg, "line")[0];
        assert_eq!(number(line, "y2"), HATCH_TILE);
        assert_eq!(number(line, "stroke-width"), HATCH_LINE_WIDTH);
    }
}
