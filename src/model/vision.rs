//! The Vientiane Vision's own vocabulary: its five measures, three directions, the ASEAN member states,
//! and the scope of an activity (individual member states or ASEAN-wide).
//!
//! Every code here is part of the interchange format (version 1): renaming one breaks other people's files.

use std::fmt;

use super::i18n::Locale;

/// One of the five means of cooperation named by the Vision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Measure {
    /// PIL: promotion of international law, chiefly of the sea and the air.
    InternationalLaw,
    /// CBC: capacity building cooperation.
    CapacityBuilding,
    /// DETC: defense equipment and technology cooperation.
    EquipmentAndTechnology,
    /// JTE: joint training and exercises.
    JointTraining,
    /// HRDAE: human resource development and academic exchange (shown as "HRD/AE").
    HumanResourceDevelopment,
}

impl Measure {
    /// The five measures in the Vision's order.
    pub const ALL: [Measure; 5] = [
        Measure::InternationalLaw,
        Measure::CapacityBuilding,
        Measure::EquipmentAndTechnology,
        Measure::JointTraining,
        Measure::HumanResourceDevelopment,
    ];

    /// The code used in files and URLs, e.g. `CBC`.
    pub fn code(self) -> &'static str {
        match self {
            Measure::InternationalLaw => "PIL",
            Measure::CapacityBuilding => "CBC",
            Measure::EquipmentAndTechnology => "DETC",
            Measure::JointTraining => "JTE",
            Measure::HumanResourceDevelopment => "HRDAE",
        }
    }

    /// The short label shown on badges and axes, e.g. `HRD/AE`.
    pub fn short_label(self) -> &'static str {
        match self {
            Measure::HumanResourceDevelopment => "HRD/AE",
            other => other.code(),
        }
    }

    /// The full English name.
    pub fn name(self) -> &'static str {
        match self {
            Measure::InternationalLaw => "Promotion of International Law",
            Measure::CapacityBuilding => "Capacity Building Cooperation",
            Measure::EquipmentAndTechnology => "Defense Equipment and Technology Cooperation",
            Measure::JointTraining => "Joint Training and Exercises",
            Measure::HumanResourceDevelopment => "Human Resource Development and Academic Exchange",
        }
    }

    /// The full name in `locale`: MOD's own words in Japanese (glossary A3; PIL's is a proposal).
    pub fn label(self, locale: Locale) -> &'static str {
        match locale {
            Locale::En => self.name(),
            Locale::Ja => match self {
                Measure::InternationalLaw => "国際法の認識共有の促進",
                Measure::CapacityBuilding => "能力構築支援",
                Measure::EquipmentAndTechnology => "防衛装備・技術協力",
                Measure::JointTraining => "訓練・演習",
                Measure::HumanResourceDevelopment => "人材育成・学術交流",
            },
        }
    }

    /// Parses a file or URL code. Codes are case-sensitive, as in the format.
    pub fn from_code(code: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.code() == code)
    }

    /// Position in [`Measure::ALL`], used to index per-measure tables.
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.short_label())
    }
}

/// One of the Vision's three directions of cooperation (2016).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Direction {
    /// Supporting ASEAN's efforts to uphold international law, especially at sea and in the air.
    RuleOfLaw,
    /// Capabilities for information gathering, surveillance and search and rescue at sea and in the air.
    MaritimeSecurity,
    /// Coping with diverse and complex security challenges (HA/DR, PKO, mines and UXO, cyber, …).
    DiverseCapabilities,
}

impl Direction {
    /// The three directions in the Vision's order.
    pub const ALL: [Direction; 3] = [
        Direction::RuleOfLaw,
        Direction::MaritimeSecurity,
        Direction::DiverseCapabilities,
    ];

    /// The code used in files, e.g. `maritime-security`.
    pub fn code(self) -> &'static str {
        match self {
            Direction::RuleOfLaw => "rule-of-law",
            Direction::MaritimeSecurity => "maritime-security",
            Direction::DiverseCapabilities => "diverse-capabilities",
        }
    }

    /// The English name shown to users.
    pub fn name(self) -> &'static str {
        match self {
            Direction::RuleOfLaw => "Rule of law",
            Direction::MaritimeSecurity => "Maritime security",
            Direction::DiverseCapabilities => "Diverse and complex security challenges",
        }
    }

    /// The short name for narrow places (a matrix column).
    pub fn short_label(self) -> &'static str {
        match self {
            Direction::RuleOfLaw => "Rule of law",
            Direction::MaritimeSecurity => "Maritime security",
            Direction::DiverseCapabilities => "Diverse challenges",
        }
    }

    /// What the direction is about, in the Vision's words (a tooltip).
    pub fn description(self) -> &'static str {
        match self {
            Direction::RuleOfLaw => {
                "Supporting ASEAN's efforts to uphold international law, especially at sea and in the air"
            }
            Direction::MaritimeSecurity => {
                "Capabilities for information gathering, surveillance and search and rescue at sea and in the air"
            }
            Direction::DiverseCapabilities => {
                "Coping with diverse and complex security challenges: HA/DR, PKO, mines and UXO, cyber and more"
            }
        }
    }

    /// The name in `locale` (glossary A2: MOD's short labels).
    pub fn label(self, locale: Locale) -> &'static str {
        match locale {
            Locale::En => self.name(),
            Locale::Ja => match self {
                Direction::RuleOfLaw => "「法の支配」の貫徹",
                Direction::MaritimeSecurity => "海洋安全保障の強化",
                Direction::DiverseCapabilities => "多分野にわたるASEANの能力向上",
            },
        }
    }

    /// The short name in `locale`, for narrow places.
    pub fn short_label_in(self, locale: Locale) -> &'static str {
        match locale {
            Locale::En => self.short_label(),
            Locale::Ja => match self {
                Direction::RuleOfLaw => "法の支配",
                Direction::MaritimeSecurity => "海洋安全保障",
                Direction::DiverseCapabilities => "多分野の能力向上",
            },
        }
    }

    /// What the direction is about, in `locale` (a tooltip; the Japanese follows MOD's wording).
    pub fn description_in(self, locale: Locale) -> &'static str {
        match locale {
            Locale::En => self.description(),
            Locale::Ja => match self {
                Direction::RuleOfLaw => {
                    "紛争の平和的解決の基礎となる「法の支配」を貫徹するため、海洋及び航空分野における国際法の認識の共有を支援"
                }
                Direction::MaritimeSecurity => {
                    "海洋及び上空の情報収集・警戒監視、捜索救難の能力向上を支援"
                }
                Direction::DiverseCapabilities => {
                    "人道支援・災害救援（HA/DR）、PKO、地雷・不発弾処理、サイバーセキュリティなど、多様化・複雑化する安全保障上の課題への対処を支援"
                }
            },
        }
    }

    pub fn from_code(code: &str) -> Option<Direction> {
        Direction::ALL.into_iter().find(|d| d.code() == code)
    }
}

/// A calendar date, used for the day each member state joined ASEAN.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct JoinDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// One of the eleven ASEAN member states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MemberState {
    Brunei,
    Cambodia,
    Indonesia,
    Laos,
    Malaysia,
    Myanmar,
    Philippines,
    Singapore,
    Thailand,
    VietNam,
    TimorLeste,
}

impl MemberState {
    /// All members, alphabetically by English short name (the order of lists and tables).
    pub const ALL: [MemberState; 11] = [
        MemberState::Brunei,
        MemberState::Cambodia,
        MemberState::Indonesia,
        MemberState::Laos,
        MemberState::Malaysia,
        MemberState::Myanmar,
        MemberState::Philippines,
        MemberState::Singapore,
        MemberState::Thailand,
        MemberState::TimorLeste,
        MemberState::VietNam,
    ];

    /// ISO 3166-1 alpha-3 code, as used in files, URLs and map shapes.
    pub fn iso3(self) -> &'static str {
        match self {
            MemberState::Brunei => "BRN",
            MemberState::Cambodia => "KHM",
            MemberState::Indonesia => "IDN",
            MemberState::Laos => "LAO",
            MemberState::Malaysia => "MYS",
            MemberState::Myanmar => "MMR",
            MemberState::Philippines => "PHL",
            MemberState::Singapore => "SGP",
            MemberState::Thailand => "THA",
            MemberState::VietNam => "VNM",
            MemberState::TimorLeste => "TLS",
        }
    }

    /// The English short name, as ASEAN writes it.
    pub fn name(self) -> &'static str {
        match self {
            MemberState::Brunei => "Brunei Darussalam",
            MemberState::Cambodia => "Cambodia",
            MemberState::Indonesia => "Indonesia",
            MemberState::Laos => "Lao PDR",
            MemberState::Malaysia => "Malaysia",
            MemberState::Myanmar => "Myanmar",
            MemberState::Philippines => "Philippines",
            MemberState::Singapore => "Singapore",
            MemberState::Thailand => "Thailand",
            MemberState::VietNam => "Viet Nam",
            MemberState::TimorLeste => "Timor-Leste",
        }
    }

    /// The short name in `locale`: MOD's and MOFA's short names in Japanese (glossary b; not CLDR's,
    /// which writes Myanmar as 「ミャンマー (ビルマ)」).
    pub fn label(self, locale: Locale) -> &'static str {
        match locale {
            Locale::En => self.name(),
            Locale::Ja => match self {
                MemberState::Brunei => "ブルネイ",
                MemberState::Cambodia => "カンボジア",
                MemberState::Indonesia => "インドネシア",
                MemberState::Laos => "ラオス",
                MemberState::Malaysia => "マレーシア",
                MemberState::Myanmar => "ミャンマー",
                MemberState::Philippines => "フィリピン",
                MemberState::Singapore => "シンガポール",
                MemberState::Thailand => "タイ",
                MemberState::VietNam => "ベトナム",
                MemberState::TimorLeste => "東ティモール",
            },
        }
    }

    /// The day the state became a member of ASEAN.
    pub fn joined(self) -> JoinDate {
        let (year, month, day) = match self {
            MemberState::Indonesia
            | MemberState::Malaysia
            | MemberState::Philippines
            | MemberState::Singapore
            | MemberState::Thailand => (1967, 8, 8),
            MemberState::Brunei => (1984, 1, 7),
            MemberState::VietNam => (1995, 7, 28),
            MemberState::Laos | MemberState::Myanmar => (1997, 7, 23),
            MemberState::Cambodia => (1999, 4, 30),
            MemberState::TimorLeste => (2025, 10, 26),
        };
        JoinDate { year, month, day }
    }

    pub fn from_iso3(code: &str) -> Option<MemberState> {
        MemberState::ALL.into_iter().find(|m| m.iso3() == code)
    }

    /// Position in [`MemberState::ALL`], used to index per-country tables.
    pub fn index(self) -> usize {
        MemberState::ALL
            .iter()
            .position(|m| *m == self)
            .unwrap_or_default()
    }
}

impl fmt::Display for MemberState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Whom an activity is with: ASEAN as a whole, or individual member states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scope {
    /// Cooperation aimed at ASEAN as a whole, the Vision's stated aim.
    AseanWide,
    /// Cooperation with one or more individual member states.
    MemberStates,
}

impl Scope {
    pub const ALL: [Scope; 2] = [Scope::MemberStates, Scope::AseanWide];

    pub fn code(self) -> &'static str {
        match self {
            Scope::AseanWide => "asean-wide",
            Scope::MemberStates => "member-states",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Scope::AseanWide => "ASEAN-wide",
            Scope::MemberStates => "Member states",
        }
    }

    /// The name in `locale` (ASEAN全体 is MOD's; 個別の加盟国 a proposal, glossary A4).
    pub fn label(self, locale: Locale) -> &'static str {
        match (locale, self) {
            (Locale::En, _) => self.name(),
            (Locale::Ja, Scope::AseanWide) => "ASEAN全体",
            (Locale::Ja, Scope::MemberStates) => "個別の加盟国",
        }
    }

    pub fn from_code(code: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// Where an activity stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Planned,
    Ongoing,
    Completed,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Planned, Status::Ongoing, Status::Completed];

    pub fn code(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Ongoing => "ongoing",
            Status::Completed => "completed",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Status::Planned => "Planned",
            Status::Ongoing => "Ongoing",
            Status::Completed => "Completed",
        }
    }

    /// The name in `locale`.
    pub fn label(self, locale: Locale) -> &'static str {
        match (locale, self) {
            (Locale::En, _) => self.name(),
            (Locale::Ja, Status::Planned) => "予定",
            (Locale::Ja, Status::Ongoing) => "実施中",
            (Locale::Ja, Status::Completed) => "完了",
        }
    }

    pub fn from_code(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// How sure the sources make us of a record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Confidence {
    #[default]
    Verified,
    Uncertain,
}

impl Confidence {
    pub const ALL: [Confidence; 2] = [Confidence::Verified, Confidence::Uncertain];

    pub fn code(self) -> &'static str {
        match self {
            Confidence::Verified => "verified",
            Confidence::Uncertain => "uncertain",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Confidence::Verified => "Verified",
            Confidence::Uncertain => "Uncertain",
        }
    }

    /// The name in `locale` (glossary A9, proposed).
    pub fn label(self, locale: Locale) -> &'static str {
        match (locale, self) {
            (Locale::En, _) => self.name(),
            (Locale::Ja, Confidence::Verified) => "確認済み",
            (Locale::Ja, Confidence::Uncertain) => "未確認",
        }
    }

    pub fn from_code(code: &str) -> Option<Confidence> {
        Confidence::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// Field labels the Vision and its follow-ups name; offered as suggestions, and a label outside this list
/// is accepted with a warning so that typos are caught.
pub const KNOWN_FIELDS: &[&str] = &[
    "HA/DR",
    "PKO",
    "Mine/UXO clearance",
    "Cybersecurity",
    "Defense buildup planning",
    "Maritime security",
    "International law",
    "Maritime domain awareness",
    "Search and rescue",
    "Military medicine",
    "Aviation safety",
    "Aviation meteorology",
    "Air domain awareness",
    "Air surveillance",
    "Maritime surveillance",
    "Engineering",
    "Vehicle maintenance",
    "Aviation maintenance",
    "Ship maintenance",
    "Defense equipment",
    "Policy dialogue",
    "Policy framework",
    "WPS",
    "Environmental security",
    "Climate change",
    "Non-combatant evacuation",
    "Oceanography",
    "Space",
    "Education",
    "Joint exercises",
    "Infectious diseases",
    "Cyber",
    "Aviation",
    "Air domain",
    // Labels the researched default dataset uses (scripts/research/).
    "50th anniversary",
    "AOIP",
    "Academic exchange",
    "Air and missile defence",
    "Air defence",
    "Air operations",
    "Air transport",
    "Airborne operations",
    "Airlift",
    "Alumni network",
    "Amphibious operations",
    "Anti-submarine warfare",
    "CBRE",
    "CBRNE",
    "Capacity building",
    "Civil-military relations",
    "Coastal defence",
    "Combined arms",
    "Communications",
    "Counter-terrorism",
    "Damage control",
    "Defense exchange",
    "Defense technology",
    "Disaster management",
    "Disaster risk reduction",
    "Diving medicine",
    "IUU fishing",
    "Information sharing",
    "Infrastructure",
    "Jungle warfare",
    "Language education",
    "Logistics",
    "Maritime cooperation",
    "Multinational coordination",
    "Naval diplomacy",
    "Naval exchange",
    "Naval port call",
    "Naval staff talks",
    "Naval vessels",
    "Officer training",
    "Radar maintenance",
    "Surveying",
    "Rule of law",
    "VBSS",
    "Water purification",
];

/// Whether `label` is one of [`KNOWN_FIELDS`], compared case-insensitively.
pub fn is_known_field(label: &str) -> bool {
    let label = label.trim();
    KNOWN_FIELDS
        .iter()
        .any(|known| known.eq_ignore_ascii_case(label))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for m in Measure::ALL {
            assert_eq!(Measure::from_code(m.code()), Some(m));
        }
        for d in Direction::ALL {
            assert_eq!(Direction::from_code(d.code()), Some(d));
        }
        for s in MemberState::ALL {
            assert_eq!(MemberState::from_iso3(s.iso3()), Some(s));
            assert_eq!(MemberState::ALL[s.index()], s);
        }
        for s in Scope::ALL {
            assert_eq!(Scope::from_code(s.code()), Some(s));
        }
        assert_eq!(Measure::from_code("cbc"), None, "codes are case-sensitive");
    }

    #[test]
    fn the_vision_has_five_measures_three_directions_eleven_members() {
        let codes: Vec<_> = Measure::ALL.iter().map(|m| m.code()).collect();
        assert_eq!(codes, ["PIL", "CBC", "DETC", "JTE", "HRDAE"]);
        assert_eq!(Measure::HumanResourceDevelopment.short_label(), "HRD/AE");
        assert_eq!(Direction::ALL.len(), 3);
        let mut iso: Vec<_> = MemberState::ALL.iter().map(|m| m.iso3()).collect();
        iso.sort_unstable();
        assert_eq!(
            iso,
            ["BRN", "IDN", "KHM", "LAO", "MMR", "MYS", "PHL", "SGP", "THA", "TLS", "VNM"]
        );
    }

    #[test]
    fn join_dates() {
        let table = [
            (MemberState::Indonesia, (1967, 8, 8)),
            (MemberState::Brunei, (1984, 1, 7)),
            (MemberState::VietNam, (1995, 7, 28)),
            (MemberState::Laos, (1997, 7, 23)),
            (MemberState::Myanmar, (1997, 7, 23)),
            (MemberState::Cambodia, (1999, 4, 30)),
            (MemberState::TimorLeste, (2025, 10, 26)),
        ];
        for (state, (year, month, day)) in table {
            assert_eq!(state.joined(), JoinDate { year, month, day }, "{state}");
        }
    }

    #[test]
    fn known_fields_are_case_insensitive() {
        assert!(is_known_field("ha/dr"));
        assert!(is_known_field(" Cybersecurity "));
        assert!(!is_known_field("Basket weaving"));
    }

    #[test]
    fn the_vocabulary_in_japanese_is_the_glossary() {
        // The V- terms of ../shared/reference/vision-terms-ja.md, exactly.
        let states = [
            (MemberState::Brunei, "ブルネイ"),
            (MemberState::Cambodia, "カンボジア"),
            (MemberState::Indonesia, "インドネシア"),
            (MemberState::Laos, "ラオス"),
            (MemberState::Malaysia, "マレーシア"),
            (MemberState::Myanmar, "ミャンマー"),
            (MemberState::Philippines, "フィリピン"),
            (MemberState::Singapore, "シンガポール"),
            (MemberState::Thailand, "タイ"),
            (MemberState::VietNam, "ベトナム"),
            (MemberState::TimorLeste, "東ティモール"),
        ];
        for (state, name) in states {
            assert_eq!(state.label(Locale::Ja), name);
            assert_eq!(state.label(Locale::En), state.name());
        }
        let measures = [
            (Measure::CapacityBuilding, "能力構築支援"),
            (Measure::EquipmentAndTechnology, "防衛装備・技術協力"),
            (Measure::JointTraining, "訓練・演習"),
            (Measure::HumanResourceDevelopment, "人材育成・学術交流"),
        ];
        for (measure, name) in measures {
            assert_eq!(measure.label(Locale::Ja), name);
        }
        assert_eq!(Scope::AseanWide.label(Locale::Ja), "ASEAN全体");
        // Every Japanese label is written, and no two of a vocabulary are the same.
        fn distinct(labels: Vec<&'static str>) {
            let mut sorted = labels.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), labels.len(), "{labels:?}");
            assert!(labels.iter().all(|l| !l.trim().is_empty()), "{labels:?}");
        }
        distinct(Measure::ALL.iter().map(|m| m.label(Locale::Ja)).collect());
        distinct(Direction::ALL.iter().map(|d| d.label(Locale::Ja)).collect());
        distinct(
            Direction::ALL
                .iter()
                .map(|d| d.short_label_in(Locale::Ja))
                .collect(),
        );
        distinct(
            Direction::ALL
                .iter()
                .map(|d| d.description_in(Locale::Ja))
                .collect(),
        );
        distinct(
            MemberState::ALL
                .iter()
                .map(|m| m.label(Locale::Ja))
                .collect(),
        );
        distinct(Scope::ALL.iter().map(|s| s.label(Locale::Ja)).collect());
        distinct(Status::ALL.iter().map(|s| s.label(Locale::Ja)).collect());
        distinct(
            Confidence::ALL
                .iter()
                .map(|c| c.label(Locale::Ja))
                .collect(),
        );
    }
}
