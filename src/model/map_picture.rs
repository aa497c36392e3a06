//! The picture of the map, described once: its colours and the hatch that marks zero, where the
//! ASEAN-wide box, the rings around the small states and Japan's label sit and how large their text
//! is, how each member state is filled under the current counts, the legend, the caption, and what a
//! screen reader hears for each place.
//!
//! Two renderers draw this one description: the reactive map on the page (`ui::map`) and the
//! standalone SVG file for slides (`model::map_export`), so the page and an exported file show the
//! same picture. Every size and offset of the picture is stated here and nowhere else; the page's
//! style sheet only adds outlines, hover and focus, and enlarges the rings and texts on phones.
//!
//! Plain Rust: the shapes themselves are generated (`map_shapes`) and handed in by the view.

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
/// Outline of the ASEAN-wide box and colour of its name.
pub const ACCENT: &str = "#0b5cad";
/// The inside of the ASEAN-wide box.
pub const BOX_FILL: &str = "#ffffff";

/// The id of the hatch pattern. Both renderers use it: the page holds one map, and an exported file is
/// a document of its own.
pub const HATCH_ID: &str = "map-hatch";
/// The paint that refers to the hatch (a test keeps it equal to [`HATCH_ID`]).
pub const HATCH_PAINT: &str = "url(#map-hatch)";
/// The hatch is square tiles of the zero class's grey, this many map units wide, each crossed by one
/// line of [`HATCH_LINE_WIDTH`], and the tiles are turned by [`HATCH_TURN`].
pub const HATCH_TILE: f64 = 7.0;
pub const HATCH_LINE_WIDTH: f64 = 2.0;
pub const HATCH_TURN: &str = "rotate(45)";

/// How a member state (and the dot in its ring) is filled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    /// A count of zero: the hatch, so that "none" never reads as "few".
    Hatch,
    /// One of the palette classes 1 to 5 (an index into [`CLASS_FILLS`]).
    Class(usize),
}

impl Fill {
    /// The fill of `count` under the class `bounds` (`stats::class_bounds`).
    pub fn of(count: u32, bounds: &[u32]) -> Fill {
        match class_of(count, bounds) {
            0 => Fill::Hatch,
            class => Fill::Class(class.min(CLASS_FILLS.len() - 1)),
        }
    }

    /// The palette class, 0 for the hatch.
    pub fn class(self) -> usize {
        match self {
            Fill::Hatch => 0,
            Fill::Class(class) => class,
        }
    }

    /// The SVG paint: a palette colour, or the hatch pattern.
    pub fn paint(self) -> &'static str {
        match self {
            Fill::Hatch => HATCH_PAINT,
            Fill::Class(class) => CLASS_FILLS[class],
        }
    }
}

/// Where a line of text sits (the middle of its baseline, in map units) and its font size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextSpot {
    pub x: f64,
    pub y: f64,
    pub size: f64,
}

/// The ASEAN-wide box: a rounded rectangle, its name above its count, both centred.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AseanWideBox {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// Radius of its rounded corners.
    pub corner: f64,
    /// Where "ASEAN-wide" is written.
    pub name: TextSpot,
    /// Where the count is written.
    pub count: TextSpot,
}

impl AseanWideBox {
    const fn at(x: f64, y: f64, width: f64, height: f64) -> AseanWideBox {
        let middle = x + width / 2.0;
        AseanWideBox {
            x,
            y,
            width,
            height,
            corner: 14.0,
            name: TextSpot {
                x: middle,
                y: y + 38.0,
                size: 26.0,
            },
            count: TextSpot {
                x: middle,
                y: y + 92.0,
                size: 44.0,
            },
        }
    }

    /// The middle of its top edge, where the tooltip points.
    pub fn top_middle(&self) -> (f64, f64) {
        (self.x + self.width / 2.0, self.y)
    }
}

/// The ASEAN-wide box, in the open Pacific east of the Philippines, clear of any land and of the
/// South China Sea.
pub const ASEAN_WIDE_BOX: AseanWideBox = AseanWideBox::at(672.0, 438.0, 250.0, 112.0);
/// The name written in the box.
pub const ASEAN_WIDE_NAME: &str = "ASEAN-wide";

/// Where "Japan (partner)" is written: at sea south of Honshu.
pub const PARTNER_LABEL: TextSpot = TextSpot {
    x: 700.0,
    y: 338.0,
    size: 22.0,
};
/// The words written on the map beside Japan.
pub const PARTNER_LABEL_TEXT: &str = "Japan (partner)";
/// What Japan's shape is called for a screen reader and in the legend.
pub const PARTNER_NAME: &str = "Japan, the partner (not counted)";
/// The legend's key to the other land.
pub const CONTEXT_NAME: &str = "Other countries";

/// The states too small to point at, which get a ring-shaped hit target around their anchor.
pub const SMALL_STATES: [MemberState; 2] = [MemberState::Singapore, MemberState::Brunei];
/// Radius of those rings in map units: about 150 km, so a ring is about 22 px across on a 500-px-wide
/// map (the page widens it further on a phone).
pub const RING_RADIUS: f64 = 22.0;
/// Radius of the dot at a ring's centre, filled like the state.
pub const RING_DOT_RADIUS: f64 = 5.0;

/// The boundary disclaimer shown under the map and in every export.
pub const BOUNDARY_DISCLAIMER: &str =
    "Boundaries are simplified and imply no position on the status of \
     any territory; no maritime claims are drawn.";
/// The data credit Natural Earth asks for.
pub const CREDIT: &str = "Made with Natural Earth.";

/// The part of the picture that follows the counts and the user's choices (the measure and the
/// ASEAN-wide toggle): each member state's count and fill, the ASEAN-wide count, the legend's classes
/// and every place's label. The page keeps one in a memo; an export draws the same one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MapPicture {
    pub measure: MeasureChoice,
    pub include_asean_wide: bool,
    /// Counts by `MemberState::index`.
    member_states: [u32; 11],
    asean_wide: u32,
    /// Upper bounds of the palette classes.
    bounds: Vec<u32>,
}

impl MapPicture {
    /// The picture of `counts` under a measure, with or without the ASEAN-wide activities added to
    /// every member state.
    pub fn new(counts: &MapCounts, measure: MeasureChoice, include_asean_wide: bool) -> MapPicture {
        let member_states =
            MemberState::ALL.map(|state| counts.member_state(state, measure, include_asean_wide));
        let mut in_index_order = [0; 11];
        for (state, count) in MemberState::ALL.into_iter().zip(member_states) {
            in_index_order[state.index()] = count;
        }
        MapPicture {
            measure,
            include_asean_wide,
            member_states: in_index_order,
            asean_wide: counts.asean_wide(measure),
            bounds: class_bounds(member_states.into_iter().max().unwrap_or(0)),
        }
    }

    /// The number shown for a place.
    pub fn count(&self, place: Place) -> u32 {
        match place {
            Place::MemberState(state) => self.member_states[state.index()],
            Place::AseanWide => self.asean_wide,
        }
    }

    /// How a member state is filled.
    pub fn fill(&self, state: MemberState) -> Fill {
        Fill::of(self.count(Place::MemberState(state)), &self.bounds)
    }

    /// What a screen reader says for a place (see [`place_label`]).
    pub fn label(&self, place: Place) -> String {
        place_label(place, self.count(place), self.measure)
    }

    /// What a screen reader says for the whole map.
    pub fn map_label(&self) -> String {
        format!(
            "Map of the ASEAN member states by number of activities: {}",
            measure_phrase(self.measure)
        )
    }

    /// The legend's heading.
    pub fn legend_title(&self) -> &'static str {
        if self.include_asean_wide {
            "Activities per member state, ASEAN-wide added"
        } else {
            "Activities per member state"
        }
    }

    /// The legend's swatches: zero (the hatch) first, then each class with its range of counts.
    pub fn legend(&self) -> Vec<(Fill, String)> {
        let classes = class_labels(&self.bounds)
            .into_iter()
            .enumerate()
            .map(|(index, label)| (Fill::Class((index + 1).min(CLASS_FILLS.len() - 1)), label));
        std::iter::once((Fill::Hatch, "0".to_string()))
            .chain(classes)
            .collect()
    }
}

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
        activities(crate::model::i18n::Locale::En, count as usize)
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

    /// Viet Nam with three capacity-building activities, Singapore with one, one ASEAN-wide activity.
    fn counts() -> MapCounts {
        let mut dataset = Dataset::empty("t");
        let in_state = |id: &str, state: MemberState| {
            let mut activity = Activity::new(id, "x", 2017);
            activity.scope = Scope::MemberStates;
            activity.countries = vec![state];
            activity.measures = vec![Measure::CapacityBuilding];
            activity
        };
        let activities = vec![
            in_state("v1", MemberState::VietNam),
            in_state("v2", MemberState::VietNam),
            in_state("v3", MemberState::VietNam),
            in_state("s1", MemberState::Singapore),
            Activity::new("aw", "y", 2018),
        ];
        dataset.activities = activities;
        MapCounts::build(&dataset, &Filters::default())
    }

    #[test]
    fn the_picture_follows_counts_measure_and_toggle() {
        let counts = counts();
        let cbc = Some(Measure::CapacityBuilding);
        let picture = MapPicture::new(&counts, cbc, false);
        let vn = Place::MemberState(MemberState::VietNam);
        assert_eq!(picture.count(vn), 3);
        assert_eq!(picture.count(Place::AseanWide), counts.asean_wide(cbc));
        // The top of the scale is Viet Nam's 3: it takes the darkest class, zero takes the hatch.
        assert_eq!(picture.fill(MemberState::VietNam), Fill::Class(3));
        assert_eq!(picture.fill(MemberState::Singapore), Fill::Class(1));
        assert_eq!(picture.fill(MemberState::Laos), Fill::Hatch);
        assert_eq!(Fill::Hatch.paint(), HATCH_PAINT);
        assert_eq!(Fill::Class(3).paint(), CLASS_FILLS[3]);
        assert_eq!(
            picture.legend(),
            [
                (Fill::Hatch, "0".to_string()),
                (Fill::Class(1), "1".to_string()),
                (Fill::Class(2), "2".to_string()),
                (Fill::Class(3), "3".to_string()),
            ]
        );
        assert_eq!(
            picture.label(vn),
            "Viet Nam: 3 activities, Capacity Building Cooperation"
        );
        assert_eq!(
            picture.map_label(),
            "Map of the ASEAN member states by number of activities: Capacity Building Cooperation (CBC)"
        );
        assert_eq!(picture.legend_title(), "Activities per member state");
        // Adding the ASEAN-wide activities lifts every state by their number.
        let added = MapPicture::new(&counts, None, true);
        let aw = counts.asean_wide(None);
        assert!(aw > 0);
        assert_eq!(
            added.count(vn),
            counts.member_state(MemberState::VietNam, None, false) + aw
        );
        assert_eq!(added.count(Place::MemberState(MemberState::Laos)), aw);
        assert_ne!(added.fill(MemberState::Laos), Fill::Hatch);
        assert_eq!(
            added.legend_title(),
            "Activities per member state, ASEAN-wide added"
        );
    }

    #[test]
    fn hatch_paint_names_the_hatch() {
        assert_eq!(HATCH_PAINT, format!("url(#{HATCH_ID})"));
    }

    #[test]
    fn the_asean_wide_box_holds_its_texts() {
        let b = ASEAN_WIDE_BOX;
        assert_eq!((b.x, b.y, b.width, b.height), (672.0, 438.0, 250.0, 112.0));
        for spot in [b.name, b.count] {
            assert_eq!(spot.x, b.x + b.width / 2.0, "centred");
            assert!(
                spot.y - spot.size * 0.75 > b.y && spot.y < b.y + b.height,
                "{spot:?} inside"
            );
        }
        assert!(b.name.y < b.count.y, "the name above the count");
        assert_eq!(b.top_middle(), (797.0, 438.0));
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
