//! The map's words and its standalone picture: the labels a screen reader hears, the caption that says
//! what a picture of the map shows, and the SVG file assembled from the
//! pre-projected shapes for a slide.
//!
//! Plain Rust: the view passes in the shapes, the counts and the filters and gets text back, so the
//! export is tested natively and never depends on the page's CSS. The on-page map takes its colours and
//! its layout (the ASEAN-wide element, the rings around the small states) from here too, so the page and
//! the exported file always look alike.

use std::fmt::Write as _;

use super::filter::Filters;
use super::stats::{class_bounds, class_labels, class_of, MapCounts, MeasureChoice, Place};
use super::vision::{Measure, MemberState};
use super::wording::activities;

/// Fill of each palette class, 0 ("none") to 5. These equal `--class-0` … `--class-5` in
/// `style/main.css` (ColorBrewer YlGnBu, colour-blind safe); a test keeps the two in step.
pub const CLASS_FILLS: [&str; 6] = [
    "#eceff2", "#c7e9b4", "#7fcdbb", "#41b6c4", "#225ea8", "#0c2c84",
];
/// Japan, the partner: a warm tint outside the sequential scale, so it never reads as a count.
pub const PARTNER_FILL: &str = "#f3d9c6";
/// Every other country's land, merged into one shape.
pub const CONTEXT_FILL: &str = "#dde1e6";
pub const SEA_FILL: &str = "#f7fbff";
pub const INK: &str = "#1b2430";
pub const INK_SOFT: &str = "#4a5563";
/// The lines of the hatch that marks a count of zero.
pub const HATCH_STROKE: &str = "#98a2ad";
/// Outline of the member states and Japan.
pub const BORDER_STROKE: &str = "#5f6b78";
/// Outline of the ASEAN-wide element.
pub const ACCENT: &str = "#0b5cad";

/// The ASEAN-wide element (x, y, width, height in map units): in the open Pacific east of the
/// Philippines, clear of any land and of the South China Sea.
pub const ASEAN_WIDE_BOX: (f64, f64, f64, f64) = (672.0, 438.0, 250.0, 112.0);
/// Where "Japan (partner)" is written: at sea south of Honshu.
pub const PARTNER_LABEL: (f64, f64) = (700.0, 338.0);
/// The states too small to point at, which get a ring-shaped hit target around their anchor.
pub const SMALL_STATES: [MemberState; 2] = [MemberState::Singapore, MemberState::Brunei];
/// Radius of those rings in map units: about 150 km, so a ring is about 22 px across on a 500-px-wide
/// map (the page widens it further on a phone).
pub const RING_RADIUS: f64 = 22.0;

/// The boundary disclaimer shown under the map and in every export.
pub const BOUNDARY_DISCLAIMER: &str =
    "Boundaries are simplified and imply no position on the status of \
     any territory; no maritime claims are drawn.";
/// The data credit Natural Earth asks for.
pub const CREDIT: &str = "Made with Natural Earth.";

/// "Capacity Building Cooperation (CBC)", or "All measures".
pub fn measure_title(measure: MeasureChoice) -> String {
    match measure {
        Some(m) => format!("{} ({})", m.name(), m.short_label()),
        None => "All measures".to_string(),
    }
}

/// The measure inside a sentence: "Capacity Building Cooperation (CBC)", or "all measures".
pub fn measure_phrase(measure: MeasureChoice) -> String {
    match measure {
        Some(_) => measure_title(measure),
        None => "all measures".to_string(),
    }
}

/// What a screen reader says for a place on the map: "Viet Nam: 9 activities, Capacity Building
/// Cooperation".
pub fn place_label(place: Place, count: u32, measure: MeasureChoice) -> String {
    let measure = measure.map_or("all measures", Measure::name);
    format!(
        "{}: {}, {measure}",
        place.name(),
        activities(count as usize)
    )
}

/// The filters other than measure and years that also narrow the map and the matrix (set in the
/// Activities view), in words: "status: Completed", "search: “ship rider”". The scope and country
/// filters do not apply to the map, which shows every place at once.
pub fn other_filters(filters: &Filters) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(status) = filters.status {
        out.push(format!("status: {}", status.name()));
    }
    if let Some(confidence) = filters.confidence {
        out.push(format!("confidence: {}", confidence.name()));
    }
    if let Some(field) = &filters.field {
        out.push(format!("field: “{}”", field.trim()));
    }
    if let Some(direction) = filters.direction {
        out.push(format!("direction: {}", direction.name()));
    }
    if filters.official {
        out.push("backed by an official source".to_string());
    }
    if !filters.search.trim().is_empty() {
        out.push(format!("search: “{}”", filters.search.trim()));
    }
    out
}

/// The caption of a picture of the map: what is counted, under which measure, over which years.
pub fn caption_lines(
    filters: &Filters,
    include_asean_wide: bool,
    span: Option<(i32, i32)>,
) -> Vec<String> {
    let mut lines = vec![match filters.measure {
        Some(m) => format!("Measure: {}.", measure_title(Some(m))),
        None => "Measure: all measures (dialogue-only activities included).".to_string(),
    }];
    lines.push(match filters.years_within(span) {
        (Some(from), Some(to)) if from == to => {
            format!("Years: {from} (activities running at any time in it).")
        }
        (Some(from), Some(to)) => {
            format!("Years: {from}–{to} (activities running at any time in the range).")
        }
        _ => "Years: all.".to_string(),
    });
    lines.push(if include_asean_wide {
        "Each member state's count includes every ASEAN-wide activity.".to_string()
    } else {
        "Member states are coloured by the activities that involve them; ASEAN-wide activities are \
         counted separately."
            .to_string()
    });
    let others = other_filters(filters);
    if !others.is_empty() {
        lines.push(format!("Also filtered by {}.", others.join("; ")));
    }
    lines
}

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

/// Everything a picture of the map shows.
#[derive(Clone, Debug)]
pub struct MapPicture<'a> {
    pub geometry: MapGeometry<'a>,
    pub counts: &'a MapCounts,
    pub filters: &'a Filters,
    pub include_asean_wide: bool,
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

/// Breaks text into lines of at most `width` characters at spaces (a longer word gets a line of its
/// own). SVG text does not wrap by itself.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if !line.is_empty() && needed > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

const FONT: &str =
    "system-ui, -apple-system, &apos;Segoe UI&apos;, Roboto, &apos;Noto Sans&apos;, \
                    &apos;Hiragino Sans&apos;, sans-serif";
/// Where the map sits in the export, and the column of text beside it.
const MARGIN: f64 = 24.0;
const MAP_TOP: f64 = 112.0;
const COLUMN_WIDTH: f64 = 470.0;
/// Characters per line in the text column at 16 px.
const COLUMN_CHARS: usize = 50;

/// The SVG of the hatch that marks zero, with an id of the caller's choosing.
pub fn hatch_pattern(id: &str) -> String {
    format!(
        "<pattern id=\"{id}\" patternUnits=\"userSpaceOnUse\" width=\"7\" height=\"7\" \
         patternTransform=\"rotate(45)\"><rect width=\"7\" height=\"7\" fill=\"{}\"/>\
         <line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"7\" stroke=\"{HATCH_STROKE}\" stroke-width=\"2\"/></pattern>",
        CLASS_FILLS[0]
    )
}

/// The fill of a member state with `count` activities under `bounds`: a class colour, or the hatch.
pub fn fill_for(count: u32, bounds: &[u32], hatch_id: &str) -> String {
    match class_of(count, bounds) {
        0 => format!("url(#{hatch_id})"),
        class => CLASS_FILLS[class.min(CLASS_FILLS.len() - 1)].to_string(),
    }
}

/// Assembles a standalone SVG picture of the map: title, the map itself, the legend, the ASEAN-wide
/// count, the caption with the measure and the filters, the boundary disclaimer and the credit. Every
/// style is inline; nothing refers to the page.
pub fn export_svg(picture: &MapPicture) -> ExportedMap {
    let measure = picture.filters.measure;
    let include = picture.include_asean_wide;
    let counts = picture.counts;
    let bounds = class_bounds(counts.max_member_state(measure, include));
    let map_w = picture.geometry.width;
    let map_h = picture.geometry.height;
    let column_x = MARGIN + map_w + 32.0;
    let hatch = "vva-hatch";

    // The body first: the picture's height depends on how long the caption runs.
    let mut body = String::with_capacity(40_000);
    let title = escape_xml(picture.title);
    let subtitle = escape_xml(&format!(
        "Activities per member state: {}",
        measure_title(measure)
    ));
    let _ = writeln!(
        body,
        "<text x=\"{MARGIN}\" y=\"52\" font-size=\"30\" font-weight=\"700\" fill=\"{INK}\">{title}</text>\n\
         <text x=\"{MARGIN}\" y=\"90\" font-size=\"21\" fill=\"{INK_SOFT}\">{subtitle}</text>"
    );
    write_map(&mut body, picture, &bounds, hatch);

    // The text column: legend, then the caption, then the disclaimer and the credit.
    let mut y = MAP_TOP + 20.0;
    let _ = writeln!(
        body,
        "<text x=\"{column_x}\" y=\"{y}\" font-size=\"20\" font-weight=\"700\" fill=\"{INK}\">{}</text>",
        if include {
            "Activities per member state (ASEAN-wide added)"
        } else {
            "Activities per member state"
        }
    );
    y += 16.0;
    let mut entries: Vec<(String, String)> = vec![(format!("url(#{hatch})"), "0".to_string())];
    entries.extend(
        class_labels(&bounds)
            .into_iter()
            .enumerate()
            .map(|(i, label)| (CLASS_FILLS[(i + 1).min(5)].to_string(), label)),
    );
    entries.push((
        PARTNER_FILL.to_string(),
        "Japan (partner, not counted)".to_string(),
    ));
    entries.push((CONTEXT_FILL.to_string(), "Other countries".to_string()));
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
    let _ = writeln!(
        body,
        "<text x=\"{column_x}\" y=\"{y}\" font-size=\"17\" fill=\"{INK}\">ASEAN-wide activities: \
         <tspan font-weight=\"700\">{}</tspan></text>",
        counts.asean_wide(measure)
    );
    y += 38.0;
    let mut caption: Vec<String> = caption_lines(picture.filters, include, picture.span);
    caption.push(format!(
        "Source: {}, Vientiane Vision Atlas, {}.",
        picture.title.trim(),
        picture.date
    ));
    for line in caption {
        for part in wrap(&line, COLUMN_CHARS) {
            let _ = writeln!(
                body,
                "<text x=\"{column_x}\" y=\"{y}\" font-size=\"16\" fill=\"{INK}\">{}</text>",
                escape_xml(&part)
            );
            y += 22.0;
        }
        y += 8.0;
    }
    // The disclaimer and the credit sit at the bottom of the column, or below a long caption.
    let notes: Vec<String> = wrap(BOUNDARY_DISCLAIMER, COLUMN_CHARS + 4)
        .into_iter()
        .chain(std::iter::once(CREDIT.to_string()))
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
    let mut svg = String::with_capacity(body.len() + 1_000);
    let _ = write!(
        svg,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" font-family=\"{FONT}\">\n\
         <title>{title} — {subtitle}</title>\n<defs>{}</defs>\n\
         <rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>\n",
        hatch_pattern(hatch)
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
/// the small states, and the ASEAN-wide element.
fn write_map(out: &mut String, picture: &MapPicture, bounds: &[u32], hatch: &str) {
    let measure = picture.filters.measure;
    let include = picture.include_asean_wide;
    let counts = picture.counts;
    let geometry = &picture.geometry;
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
        let fill = match MemberState::from_iso3(iso3) {
            Some(state) => fill_for(counts.member_state(state, measure, include), bounds, hatch),
            None => PARTNER_FILL.to_string(),
        };
        let _ = writeln!(
            out,
            "<path d=\"{}\" fill=\"{fill}\" stroke=\"{BORDER_STROKE}\" stroke-width=\"0.7\" \
             stroke-linejoin=\"round\"><title>{}</title></path>",
            escape_xml(path),
            escape_xml(&country_title(iso3, counts, measure, include))
        );
    }
    for state in SMALL_STATES {
        let anchor = geometry
            .countries
            .iter()
            .find(|(iso3, _, _)| *iso3 == state.iso3())
            .map(|(_, _, anchor)| *anchor);
        if let Some((x, y)) = anchor {
            let fill = fill_for(counts.member_state(state, measure, include), bounds, hatch);
            let _ = writeln!(
                out,
                "<circle cx=\"{x}\" cy=\"{y}\" r=\"{RING_RADIUS}\" fill=\"none\" stroke=\"{INK}\" \
                 stroke-width=\"2\"/>\n<circle cx=\"{x}\" cy=\"{y}\" r=\"5\" fill=\"{fill}\" \
                 stroke=\"{INK}\" stroke-width=\"1\"/>"
            );
        }
    }
    let (px, py) = PARTNER_LABEL;
    let _ = writeln!(
        out,
        "<text x=\"{px}\" y=\"{py}\" font-size=\"22\" font-style=\"italic\" fill=\"{INK_SOFT}\">\
         Japan (partner)</text>"
    );
    out.push_str(&asean_wide_element(counts.asean_wide(measure)));
    out.push_str("</g>\n");
}

/// The ASEAN-wide element as drawn in an export (the page draws the same box with its own markup).
fn asean_wide_element(count: u32) -> String {
    let (x, y, w, h) = ASEAN_WIDE_BOX;
    format!(
        "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"14\" fill=\"#ffffff\" stroke=\"{ACCENT}\" \
         stroke-width=\"3\"/>\n<text x=\"{}\" y=\"{}\" font-size=\"26\" font-weight=\"600\" fill=\"{ACCENT}\" \
         text-anchor=\"middle\">ASEAN-wide</text>\n<text x=\"{}\" y=\"{}\" font-size=\"44\" font-weight=\"700\" \
         fill=\"{INK}\" text-anchor=\"middle\">{count}</text>\n",
        x + w / 2.0,
        y + 38.0,
        x + w / 2.0,
        y + 92.0,
    )
}

/// The tooltip of a country in an exported SVG ("Viet Nam: 6 activities").
fn country_title(iso3: &str, counts: &MapCounts, measure: MeasureChoice, include: bool) -> String {
    match MemberState::from_iso3(iso3) {
        Some(state) => place_label(
            Place::MemberState(state),
            counts.member_state(state, measure, include),
            measure,
        ),
        None if iso3 == "JPN" => "Japan (partner)".to_string(),
        None => iso3.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::vision::{Confidence, Status};
    use crate::model::{Activity, Dataset, Scope};

    #[test]
    fn labels() {
        let vn = Place::MemberState(MemberState::VietNam);
        let cases = [
            (
                vn,
                9,
                Some(Measure::CapacityBuilding),
                "Viet Nam: 9 activities, Capacity Building Cooperation",
            ),
            (vn, 1, None, "Viet Nam: 1 activity, all measures"),
            (
                Place::AseanWide,
                0,
                None,
                "ASEAN-wide: 0 activities, all measures",
            ),
        ];
        for (place, count, measure, expected) in cases {
            assert_eq!(place_label(place, count, measure), expected);
        }
        assert_eq!(
            measure_title(Some(Measure::HumanResourceDevelopment)),
            "Human Resource Development and Academic Exchange (HRD/AE)"
        );
        assert_eq!(measure_title(None), "All measures");
        assert_eq!(measure_phrase(None), "all measures");
        assert_eq!(
            measure_phrase(Some(Measure::JointTraining)),
            "Joint Training and Exercises (JTE)"
        );
    }

    #[test]
    fn captions() {
        let span = Some((2009, 2027));
        let filters = Filters {
            measure: Some(Measure::CapacityBuilding),
            from: Some(2016),
            to: Some(2025),
            ..Filters::default()
        };
        assert_eq!(
            caption_lines(&filters, false, span),
            [
                "Measure: Capacity Building Cooperation (CBC).",
                "Years: 2016–2025 (activities running at any time in the range).",
                "Member states are coloured by the activities that involve them; ASEAN-wide activities \
                 are counted separately.",
            ]
        );
        let narrowed = Filters {
            status: Some(Status::Completed),
            confidence: Some(Confidence::Uncertain),
            field: Some(" HA/DR ".into()),
            search: "ship".into(),
            from: Some(2017),
            to: Some(2017),
            ..Filters::default()
        };
        assert_eq!(
            caption_lines(&narrowed, true, span),
            [
                "Measure: all measures (dialogue-only activities included).",
                "Years: 2017 (activities running at any time in it).",
                "Each member state's count includes every ASEAN-wide activity.",
                "Also filtered by status: Completed; confidence: Uncertain; field: “HA/DR”; search: “ship”.",
            ]
        );
        assert_eq!(
            caption_lines(&Filters::default(), false, None)[1],
            "Years: all."
        );
    }

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
            let picture = MapPicture {
                geometry: geometry(),
                counts,
                filters: &filters,
                include_asean_wide: false,
                span: Some((2017, 2018)),
                title: "Japan & ASEAN <draft> \"v2\"",
                date: "2026-01-31",
            };
            let exported = export_svg(&picture);
            let svg = &exported.svg;
            assert_well_formed(svg);
            assert!(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""));
            assert!(!svg.contains("<script"), "dataset text is escaped");
            assert!(!svg.contains("class="), "no CSS classes: styles are inline");
            assert!(svg.contains("Japan &amp; ASEAN &lt;draft&gt; &quot;v2&quot;"));
            assert!(svg.contains("Measure: Capacity Building Cooperation (CBC)."));
            let text = text_of(svg);
            assert!(text.contains(&escape_xml(BOUNDARY_DISCLAIMER)), "{text}");
            assert!(svg.contains(CREDIT));
            assert!(svg.contains("Japan (partner)"));
            assert!(svg.contains(PARTNER_FILL));
            assert!(svg.contains("ASEAN-wide"));
            assert_eq!(svg.matches("<path").count(), 5, "context + 4 countries");
            assert_eq!(svg.matches(&format!("r=\"{RING_RADIUS}\"")).count(), 2);
            assert!(exported.width > 100 && exported.height > 100);
            assert!(svg.contains(&format!("width=\"{}\"", exported.width)));
        }
        let svg = export_svg(&MapPicture {
            geometry: geometry(),
            counts: &counts_with,
            filters: &filters,
            include_asean_wide: false,
            span: None,
            title: "t",
            date: "d",
        })
        .svg;
        // Viet Nam has the one CBC activity (the only class, its first colour); Singapore has none
        // (the hatch).
        assert!(svg.contains(&format!("fill=\"{}\"", CLASS_FILLS[1])));
        assert!(svg.contains("fill=\"url(#vva-hatch)\""));
        assert!(svg.contains("Viet Nam: 1 activity, Capacity Building Cooperation"));
    }

    #[test]
    fn long_captions_grow_the_picture() {
        let counts = MapCounts::default();
        let filters = Filters {
            search: "word ".repeat(400),
            ..Filters::default()
        };
        let exported = export_svg(&MapPicture {
            geometry: geometry(),
            counts: &counts,
            filters: &filters,
            include_asean_wide: true,
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

    /// The map's fills and the page's palette variables must be the same colours.
    #[test]
    fn palette_matches_the_style_sheet() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("style/main.css");
        let css = std::fs::read_to_string(path).expect("style/main.css is readable");
        for (class, fill) in CLASS_FILLS.iter().enumerate() {
            let declaration = format!("--class-{class}: {fill};");
            assert!(css.contains(&declaration), "main.css lacks {declaration}");
        }
        for (name, fill) in [
            ("partner", PARTNER_FILL),
            ("context-land", CONTEXT_FILL),
            ("sea", SEA_FILL),
        ] {
            let declaration = format!("--{name}: {fill};");
            assert!(css.contains(&declaration), "main.css lacks {declaration}");
        }
    }
}
