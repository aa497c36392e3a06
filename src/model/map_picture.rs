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
use super::i18n::map::{self as words, MapText};
use super::i18n::{Locale, Phrase};
use super::stats::{class_bounds, class_labels, class_of, MapCounts, MeasureChoice, Place};
use super::vision::MemberState;

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
    /// Where its name ("ASEAN-wide") is written.
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
/// South China Sea. Its name is `MapText::AseanWide`.
pub const ASEAN_WIDE_BOX: AseanWideBox = AseanWideBox::at(672.0, 438.0, 250.0, 112.0);

/// Where Japan's label (`MapText::PartnerLabel`, "Japan (partner)") is written: at sea south of
/// Honshu, with open sea to the map's right edge (the Japanese label is the longer one).
pub const PARTNER_LABEL: TextSpot = TextSpot {
    x: 700.0,
    y: 338.0,
    size: 22.0,
};

/// The states too small to point at, which get a ring-shaped hit target around their anchor.
pub const SMALL_STATES: [MemberState; 2] = [MemberState::Singapore, MemberState::Brunei];
/// Radius of those rings in map units: about 150 km, so a ring is about 22 px across on a 500-px-wide
/// map (the page widens it further on a phone).
pub const RING_RADIUS: f64 = 22.0;
/// Radius of the dot at a ring's centre, filled like the state.
pub const RING_DOT_RADIUS: f64 = 5.0;

/// The part of the picture that follows the counts and the user's choices (the language, the measure
/// and the ASEAN-wide toggle): each member state's count and fill, the ASEAN-wide count, the legend's
/// classes and every place's label. The page keeps one in a memo; an export draws the same one, so
/// both say the same words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MapPicture {
    /// The language of every word of the picture (and of an export drawn from it).
    pub locale: Locale,
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
    /// every member state, worded in `locale`.
    pub fn new(
        locale: Locale,
        counts: &MapCounts,
        measure: MeasureChoice,
        include_asean_wide: bool,
    ) -> MapPicture {
        let member_states =
            MemberState::ALL.map(|state| counts.member_state(state, measure, include_asean_wide));
        let mut in_index_order = [0; 11];
        for (state, count) in MemberState::ALL.into_iter().zip(member_states) {
            in_index_order[state.index()] = count;
        }
        MapPicture {
            locale,
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

    /// What a screen reader says for a place: "Viet Nam: 9 activities, Capacity Building
    /// Cooperation".
    pub fn label(&self, place: Place) -> String {
        words::place_label(self.locale, place, self.count(place), self.measure)
    }

    /// What a screen reader says for the whole map.
    pub fn map_label(&self) -> String {
        words::map_label(self.locale, self.measure)
    }

    /// The legend's heading.
    pub fn legend_title(&self) -> &'static str {
        words::legend_title(self.locale, self.include_asean_wide)
    }

    /// A fixed phrase of the picture in its language (Japan's label, the credit, …).
    pub fn text(&self, phrase: MapText) -> &'static str {
        phrase.text(self.locale)
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

/// The caption of a picture of the map: what is counted, under which measure, over which years, in
/// `locale`. The line on the other filters, when any is set, comes last (the export marks it as
/// holding the user's words).
pub fn caption_lines(
    locale: Locale,
    filters: &Filters,
    include_asean_wide: bool,
    span: Option<(i32, i32)>,
) -> Vec<String> {
    let years = match filters.years_within(span) {
        (Some(from), Some(to)) => Some((from, to)),
        _ => None,
    };
    let mut lines = vec![
        words::caption_measure(locale, filters.measure),
        words::caption_years(locale, years),
        words::caption_counted(locale, include_asean_wide).to_string(),
    ];
    let others = filters.other_filters(locale);
    if !others.is_empty() {
        lines.push(words::caption_also_filtered(locale, &others));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::vision::{Confidence, Status};
    use crate::model::{Activity, Dataset, Scope};

    use crate::model::i18n::map::{measure_phrase, measure_title, place_label};
    use crate::model::vision::Measure;

    #[test]
    fn labels() {
        let en = Locale::En;
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
            assert_eq!(place_label(en, place, count, measure), expected);
        }
        assert_eq!(
            measure_title(en, Some(Measure::HumanResourceDevelopment)),
            "Human Resource Development and Academic Exchange (HRD/AE)"
        );
        assert_eq!(measure_title(en, None), "All measures");
        assert_eq!(measure_phrase(en, None), "all measures");
        assert_eq!(
            measure_phrase(en, Some(Measure::JointTraining)),
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
        let picture = MapPicture::new(Locale::En, &counts, cbc, false);
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
        let added = MapPicture::new(Locale::En, &counts, None, true);
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
            caption_lines(Locale::En, &filters, false, span),
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
            caption_lines(Locale::En, &narrowed, true, span),
            [
                "Measure: all measures (dialogue-only activities included).",
                "Years: 2017 (activities running at any time in it).",
                "Each member state's count includes every ASEAN-wide activity.",
                "Also filtered by status: Completed; confidence: Uncertain; field: “HA/DR”; search: “ship”.",
            ]
        );
        assert_eq!(
            caption_lines(Locale::En, &Filters::default(), false, None)[1],
            "Years: all."
        );
    }

    #[test]
    fn the_picture_and_its_caption_in_japanese() {
        let counts = counts();
        let ja = Locale::Ja;
        let picture = MapPicture::new(ja, &counts, Some(Measure::CapacityBuilding), false);
        let vn = Place::MemberState(MemberState::VietNam);
        assert_eq!(picture.label(vn), "ベトナム 3 件の活動、能力構築支援");
        assert_eq!(
            picture.label(Place::AseanWide),
            format!(
                "ASEAN全体 {} 件の活動、能力構築支援",
                picture.count(Place::AseanWide)
            )
        );
        assert_eq!(
            picture.map_label(),
            "ASEAN加盟国の活動件数の地図：能力構築支援（CBC）"
        );
        assert_eq!(picture.legend_title(), "加盟国ごとの活動件数");
        assert_eq!(
            picture.text(MapText::PartnerName),
            "日本（パートナー国、集計対象外）"
        );
        // The counts and fills do not depend on the language.
        let english = MapPicture::new(Locale::En, &counts, Some(Measure::CapacityBuilding), false);
        assert_eq!(picture.legend(), english.legend());
        for state in MemberState::ALL {
            assert_eq!(picture.fill(state), english.fill(state));
        }
        assert_eq!(
            MapPicture::new(ja, &counts, None, true).legend_title(),
            "加盟国ごとの活動件数（ASEAN全体を加算）"
        );

        let span = Some((2009, 2027));
        let filters = Filters {
            measure: Some(Measure::HumanResourceDevelopment),
            from: Some(2016),
            to: Some(2025),
            ..Filters::default()
        };
        assert_eq!(
            caption_lines(ja, &filters, false, span),
            [
                "協力の手段：人材育成・学術交流（HRD/AE）。",
                "期間：2016年～2025年（期間中のいずれかの時点で実施中の活動）。",
                "加盟国は、その国が関わる活動の件数で色分けしています。ASEAN全体の活動は別に数えています。",
            ]
        );
        let narrowed = Filters {
            status: Some(Status::Completed),
            confidence: Some(Confidence::Uncertain),
            field: Some(" 海洋安全保障 ".into()),
            official: true,
            search: " 乗艦 ".into(),
            from: Some(2017),
            to: Some(2017),
            ..Filters::default()
        };
        assert_eq!(
            caption_lines(ja, &narrowed, true, span),
            [
                "協力の手段：すべての手段（対話・交流のみの活動を含む）。",
                "期間：2017年（その年のいずれかの時点で実施中の活動）。",
                "各加盟国の件数には、ASEAN全体の活動をすべて含みます。",
                "このほか、次の条件で絞り込んでいます（状況：完了、確度：未確認、分野：「海洋安全保障」、公式出典あり、検索：「乗艦」）。",
            ]
        );
        assert_eq!(
            caption_lines(ja, &Filters::default(), false, None)[1],
            "期間：全期間。"
        );
        // The shared note of other filters keeps its English words.
        assert_eq!(
            narrowed.other_filters(Locale::En),
            [
                "status: Completed",
                "confidence: Uncertain",
                "field: “海洋安全保障”",
                "backed by an official source",
                "search: “乗艦”",
            ]
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
