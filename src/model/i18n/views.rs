//! The matrix, trends, report and Vision views' words, the trends chart's export included.
//!
//! Fixed phrases are in [`ViewsText`]; a phrase that holds a value (a year, a count, a share, a name)
//! is one of the functions below, each building its whole sentence in the locale's own word order.
//! Japanese uses MOD's terms (glossary `vision-terms-ja.md`): ASEAN全体, 3つの協力の方向性, 協力の手段,
//! 日ASEAN防衛当局次官級会合, 心と心の協力, きめ細やかで息の長い協力, 対等で開かれた協力.

use super::{count, date, list, percent, phrases, year_span, Locale};
use crate::model::matrix::MatrixMode;
use crate::model::vision::{JoinDate, Measure};

phrases! {
    /// The fixed phrases of this area.
    pub enum ViewsText {
        // The matrix.
        MatrixHeading => "Matrix", "マトリックス";
        MatrixLead => "Activities by member state and measure: the map as a table. Choose a cell to list its activities.",
            "加盟国別・手段別の活動です（地図を表にしたもの）。セルを選ぶと、その活動を一覧表示します。";
        MatrixColumns => "Columns", "列";
        ModeMeasures => "Countries × measures", "国 × 手段";
        ModeFields => "Countries × fields", "国 × 分野";
        ModeDirections => "Countries × directions", "国 × 協力の方向性";
        MemberState => "Member state", "加盟国";
        NoMeasure => "No measure", "手段なし";
        NoMeasureHint => "Dialogue or exchange without any of the five measures",
            "5つの手段のいずれにも当たらない対話・交流";
        NoDirection => "No direction", "方向性なし";
        NoDirectionHint => "Activities that name none of the three directions",
            "3つの協力の方向性のいずれにも当たらない活動";
        NoField => "No field", "分野なし";
        NoFieldHint => "Activities without any field", "分野の記載がない活動";
        Total => "Total", "合計";
        TotalHint => "Every activity of the row (an activity with several measures or fields counts once)",
            "行のすべての活動（複数の手段・分野にまたがる活動も1件と数えます）";
        MatrixKeys => "In the table, the arrow keys move between cells, Home and End go to a row's first and last cell, \
                       Ctrl+Home and Ctrl+End to the table's; Enter or Space lists a cell's activities.",
            "表の中では、矢印キーでセル間を移動し、Home キー・End キーで行の最初・最後のセルへ、Ctrl+Home キー・Ctrl+End キーで表の最初・最後のセルへ移動します。Enter キーまたは Space キーでセルの活動を一覧表示します。";
        MatrixCountingNote => "An activity with several measures, fields or member states counts in each of its cells, and \
                               once in its row's total. The measure, member-state and scope filters do not apply here: the \
                               columns and rows show them all.",
            "複数の手段・分野・加盟国にまたがる活動は、該当するそれぞれのセルで数え、行の合計では1件と数えます。手段・加盟国・対象範囲の絞り込みはここでは適用されません。列と行がそのすべてを示します。";
        LegendLabel => "Shading of the cells", "セルの濃淡";
        LegendTitle => "Activities per cell:", "セルあたりの活動数：";
        LegendNote => "The scale follows the member states, as on the map; the total column is not shaded.",
            "濃淡の段階は、地図と同じく加盟国の件数に合わせています。合計の列には濃淡を付けていません。";
        Close => "Close", "閉じる";
        EmptyCell => "No activity in this cell.", "このセルに該当する活動はありません。";

        // The trends view and its chart (the report draws the same chart).
        TrendsHeading => "Trends", "推移";
        TrendsLead => "Activities active each year up to the dataset's last (an ongoing activity \
                       counts to the last year), by the Vision's five measures; the dashed line follows the share of \
                       ASEAN-wide activities, the Vision's stated direction. The year range below (shared with the map, \
                       the matrix and the list) narrows the chart. ",
            "データの最後の年まで、各年に実施中の活動をビジョンの5つの手段別に示します（継続中の活動は最後の年まで数えます）。破線は、ビジョンが掲げる方向であるASEAN全体の活動の割合です。下の期間（地図・マトリックス・一覧と共通）でグラフを絞り込めます。";
        NoActivitiesYet => "No activities yet.", "まだ活動がありません。";
        AllYears => "All years", "全期間";
        ExportSvg => "Export SVG", "SVGをエクスポート";
        ExportPng => "Export PNG", "PNGをエクスポート";
        NothingToChart => "There are no activities to chart.", "グラフにする活動がありません。";
        AsTable => "The numbers as a table", "数値を表で見る";
        ChartSubtitle => "Activities active per year by measure (an activity with several measures counts once under each)",
            "手段別の年ごとの実施中の活動（複数の手段にまたがる活動は、それぞれの手段で1件と数えます）";
        ActivitiesActive => "Activities active", "実施中の活動";
        AseanWideShare => "ASEAN-wide share", "ASEAN全体の割合";
        Year => "Year", "年";
        DialogueNoMeasure => "Dialogue or exchange without a measure", "手段の分類のない対話・交流";
        LegendActive => "Distinct activities active", "実施中の活動の実数";
        LegendCombined => "Activities combining ≥ 2 measures", "2つ以上の手段を組み合わせた活動";
        LegendShare => "ASEAN-wide share (right axis, %)", "ASEAN全体の割合（右軸、%）";
        TableActive => "Active", "実施中";
        TableCombined => "Combining ≥ 2 measures", "2つ以上の手段の組み合わせ";
        ChartMissing => "the chart is not on the page", "グラフがページにありません";

        // The annual follow-up report.
        ReportHeading => "Annual follow-up report", "年次フォローアップ報告";
        PrintPdf => "Print / Save as PDF", "印刷／PDFとして保存";
        NothingToReport => "There are no activities to report on.", "報告する活動がありません。";
        PrintRefused => "refused by the browser", "ブラウザーに拒否されました";
        HeadlineFigures => "Headline figures", "主な数値";
        FigureNew => "New (started this year)", "新規（この年に開始）";
        FigureCompleted => "Completed (ended this year)", "完了（この年に終了）";
        FigureCombined => "Combining two or more measures", "2つ以上の手段の組み合わせ";
        FigureOfficial => "Backed by an official source", "公式出典あり";
        ReportChartCaption => "Bars: activities active by measure (an activity with several measures counts under each); \
                               ticks: distinct activities; dashed line: ASEAN-wide share.",
            "棒：手段別の実施中の活動（複数の手段にまたがる活動は、それぞれの手段で数えます）。目盛り：活動の実数。破線：ASEAN全体の割合。";
        ByMeasure => "Activities by measure", "手段別の活動";
        ByMeasureNote => "An activity with several measures appears under each of them; dialogue and exchange without a measure are listed last.",
            "複数の手段にまたがる活動は、それぞれの手段の下に掲げます。手段の分類のない対話・交流は最後に掲げます。";
        NoMeasureGroup => "No measure (dialogue and exchange)", "手段なし（対話・交流）";

        // The Vision page.
        VisionHeading => "The Vientiane Vision", "ビエンチャン・ビジョン";
        VisionLead => "Japan's Defense Minister Tomomi Inada announced the Vientiane Vision on 16 November 2016 at the \
                       2nd ASEAN–Japan Defence Ministers' Informal Meeting in Vientiane: Japan's own initiative, and a \
                       guideline for defense cooperation with ASEAN as a whole. It was the first transparent statement \
                       of the overall direction and priority fields of that cooperation, meant to support ASEAN's \
                       centrality and unity.",
            "「ビエンチャン・ビジョン」は、2016年11月16日、ビエンチャンで開かれた第2回日ASEAN防衛担当大臣会合において、稲田朋美防衛大臣が我が国独自のイニシアティブとして表明した、ASEAN全体との防衛協力の指針です。ASEAN全体への防衛協力の方向性について、透明性をもって、重点分野の全体像を初めて示したもので、ASEANの中心性と一体性を後押しすることを目指しています。";
        Purposes => "Purposes", "目的";
        PurposePartnership => "Strengthen the Japan–ASEAN strategic partnership that sustains a free and open Indo-Pacific.",
            "自由で開かれたインド太平洋を支える、日ASEANの戦略的パートナーシップの強化。";
        PurposeResilience => "Support ASEAN's centrality and unity by strengthening its resilience.",
            "ASEANの強靭性の強化を通じた、中心性と一体性への貢献。";
        HowItGrew => "How the cooperation grew", "協力の歩み";
        Era1990s => "1990s — exchanges.", "1990年代：交流。";
        Era1990sText => " Defense exchanges with ASEAN states began around 1990.",
            "1990年頃、ASEAN諸国との防衛交流が始まりました。";
        Era2000s => "2000s — cooperation.", "2000年代：協力。";
        Era2000sText => " They became more practical; from 2009 the Japan–ASEAN Defense Vice-Ministerial Forum met in Japan.",
            "交流はより実践的なものとなり、2009年からは日ASEAN防衛当局次官級会合が日本で開かれています。";
        Era2010s => "2010s — deepening.", "2010年代：深化。";
        Era2010sText => " Cooperation deepened through the ADMM-Plus and capacity building, then the Vision (2016) and Vision 2.0 (2019).",
            "拡大ASEAN国防相会議（ADMMプラス）や能力構築支援を通じて協力が深まり、ビジョン（2016年）、ビジョン2.0（2019年）へと続きました。";
        ThreeDirections => "Three directions", "3つの協力の方向性";
        FiveMeasures => "Five measures", "5つの協力の手段";
        FiveMeasuresLead => "The means of cooperation; the map, the matrix and the trends count activities by these.",
            "防衛協力の手段です。地図・マトリックス・推移では、これらの手段ごとに活動を数えます。";
        ScopeHeading => "Individual member states now, ASEAN-wide in future", "個別の加盟国に加え、今後はASEAN全体へ";
        ScopeText => "Japan keeps working with individual member states — the multi-year bilateral capacity-building \
                      projects — and adds cooperation aimed at ASEAN as a whole, combining diverse measures, such as the \
                      Ship Rider programme, the HA/DR invitation programme and the Professional Airmanship Program. \
                      The app marks every activity as either ",
            "日本は、複数年にわたる二国間の能力構築支援事業など、ASEAN個別の国との協力を続けるとともに、日ASEAN乗艦協力プログラム、HA/DRに関する日ASEAN招へいプログラム、プロフェッショナル・エアマンシップ・プログラムのように、多様な手段を組み合わせてASEAN全体を対象とする協力を加えています。本アプリでは、すべての活動を";
        ScopeMemberStates => "member states", "個別の加盟国";
        ScopeOr => " (with the states involved) or ", "（関係する国を明記）または";
        ScopeAseanWide => "ASEAN-wide", "ASEAN全体";
        ScopeEnd => ", and the trends view follows the share of ASEAN-wide activities year by year.",
            "のいずれかに区分しています。「推移」では、ASEAN全体の活動の割合を年ごとに追うことができます。";
        Vision2Heading => "Vientiane Vision 2.0 (17 November 2019, Bangkok)", "ビエンチャン・ビジョン2.0（2019年11月17日、バンコク）";
        Vision2Text => "Minister Taro Kono updated the Vision after its first three years, placed it in the wider \
                        Indo-Pacific context, and named strengthening ASEAN's resilience as an aim. It set out three principles:",
            "河野太郎防衛大臣は、表明から3年を経たビジョンを更新してより広いインド太平洋の文脈に位置付け、ASEANの強靭性の強化を協力の目的に掲げました。日ASEAN防衛協力の実施3原則として、次の3つを示しています。";
        HeartToHeart => "Heart-to-heart cooperation", "心と心の協力";
        HeartToHeartText => ": respect ASEAN's principles, value personal networks, listen actively to each state's needs.",
            "：ASEANの原則を尊重し、人的ネットワークを重視し、各国のニーズに積極的に耳を傾けます。";
        TailoredLasting => "Tailored and lasting cooperation", "きめ細やかで息の長い協力";
        TailoredLastingText => ": planned, continuous and transparent engagement aimed at sustainable outcomes.",
            "：持続的な成果を目指し、計画的かつ継続的で、透明性の高い関与を行います。";
        EqualOpen => "Equal and open cooperation", "対等で開かれた協力";
        EqualOpenText => ": international partnerships that serve ASEAN's centrality, unity and resilience.",
            "：ASEANの中心性・一体性・強靭性に資する国際的なパートナーシップを築きます。";
        PriorityAreas => "Its priority areas: the rule of law, maritime security, and support for ASEAN in handling disasters and non-traditional threats by itself.",
            "重点分野は、「法の支配」の貫徹、海洋安全保障の強化、災害や非伝統的脅威等の地域的な課題への自律的な対処の支援です。";
        FollowUpHeading => "The annual follow-up", "毎年のフォローアップ";
        FollowUpText => "When announcing the Vision, Minister Inada said the Japan–ASEAN Defense Vice-Ministerial Forum \
                         would follow it up. The forum has served as the annual review point since (9th forum, Fukuoka, 2017: \
                         \"The Vientiane Vision: current status and prospects\"). The Report view prepares that year's figures.",
            "稲田防衛大臣は、ビジョンの表明に当たり、日ASEAN防衛当局次官級会合でフォローアップすると述べました。以来、同会合が毎年の検証の場となっています（第9回会合、福岡、2017年：「ビエンチャン・ビジョンの現状と展望」）。「報告」画面では、その年の数値をまとめます。";
        MemberStatesHeading => "The eleven member states", "ASEAN加盟11か国";
        MemberStatesCaption => "ASEAN members and the day each joined", "ASEAN加盟国と各国の加盟日";
        Code => "Code", "コード";
        Joined => "Joined", "加盟日";
        Sources => "Sources", "出典";
        SourcePressConference => "Ministry of Defense, press conference, 16 Nov 2016", "防衛省、記者会見（2016年11月16日、英語）";
        SourceVisionPage => "Ministry of Defense, Vientiane Vision page (Japanese)", "防衛省「ビエンチャン・ビジョン」のページ";
        SourceWhitePaper => "Defense of Japan 2021, reference 45 (Vision 2.0)", "2021年版防衛白書、資料45（ビエンチャン・ビジョン2.0）";
        SourceNinthForum => "9th Japan–ASEAN Defense Vice-Ministerial Forum", "第9回日ASEAN防衛当局次官級会合（英語）";
        SourceAsdf => "Air Self-Defense Force, 2023 (purposes of Vision 2.0)", "航空自衛隊、2023年（ビジョン2.0の目的）";
        RuleOfLawText => "Support ASEAN's efforts to uphold international law, especially at sea and in the air, so that disputes are settled peacefully.",
            "紛争の平和的解決の基礎となる「法の支配」の貫徹に向け、特に海洋及び航空分野で国際法を守るASEANの取組を支援します。";
        MaritimeSecurityText => "Help build capabilities for information gathering, surveillance, and search and rescue at sea and in the air above it.",
            "海洋及び上空の情報収集・警戒監視、捜索救難の能力向上を支援します。";
        DiverseCapabilitiesText => "Help ASEAN cope with diverse and complex security challenges, building capacity across many fields: HA/DR, PKO, mine and UXO clearance, cyber and others.",
            "多様化・複雑化する安全保障上の課題にASEANが対処できるよう、人道支援・災害救援（HA/DR）、PKO、地雷・不発弾処理、サイバーなど、多分野にわたるASEANの能力向上を支援します。";
        InternationalLawText => "Sharing knowledge of international law, chiefly of the sea and the air: seminars, Ship Rider sessions on the law of the sea.",
            "主に海洋・航空分野の国際法の認識の共有：セミナー、日ASEAN乗艦協力プログラムでの海洋法の研修など。";
        CapacityBuildingText => "Multi-year projects that build capabilities: maritime security, HA/DR, engineering, underwater medicine, cyber, UXO.",
            "能力を構築する複数年の事業：海洋安全保障、人道支援・災害救援（HA/DR）、施設、潜水医学、サイバー、不発弾処理。";
        EquipmentText => "Transfers and support of defense equipment and technology, such as aircraft, radars and parts.",
            "航空機、レーダー、部品などの防衛装備品・技術の移転と支援。";
        JointTrainingText => "Training and exercises together, bilateral or multilateral.",
            "二国間または多国間で共に行う訓練・演習。";
        HumanResourcesText => "Human resource development and academic exchange: education, invitation programmes, seminars.",
            "人材育成・学術交流：教育、招へいプログラム、セミナー。";
    }
}

/// What a measure is, as the Vision page explains it.
pub fn measure_text(measure: Measure) -> ViewsText {
    match measure {
        Measure::InternationalLaw => ViewsText::InternationalLawText,
        Measure::CapacityBuilding => ViewsText::CapacityBuildingText,
        Measure::EquipmentAndTechnology => ViewsText::EquipmentText,
        Measure::JointTraining => ViewsText::JointTrainingText,
        Measure::HumanResourceDevelopment => ViewsText::HumanResourcesText,
    }
}

// ---- The matrix ----

/// The matrix caption: "Activities by member state and measure, 2020–2021"; 「加盟国別・手段別の活動
/// （2020年～2021年）」. `years` is the year range as [`crate::model::wording::years`] says it.
pub fn matrix_caption(locale: Locale, mode: MatrixMode, years: &str) -> String {
    match locale {
        Locale::En => {
            let what = match mode {
                MatrixMode::Measures => "Activities by member state and measure",
                MatrixMode::Fields => "Activities by member state and field",
                MatrixMode::Directions => "Activities by member state and direction",
            };
            format!("{what}, {years}")
        }
        Locale::Ja => {
            let what = match mode {
                MatrixMode::Measures => "手段別",
                MatrixMode::Fields => "分野別",
                MatrixMode::Directions => "方向性別",
            };
            format!("加盟国別・{what}の活動（{years}）")
        }
    }
}

/// A field column's tooltip: "Activities in the field "HA/DR""; 「分野「HA/DR」の活動」.
pub fn field_hint(locale: Locale, field: &str) -> String {
    match locale {
        Locale::En => format!("Activities in the field \"{field}\""),
        Locale::Ja => format!("分野「{field}」の活動"),
    }
}

/// A class of the shading legend: "1–2", "3"; 「1～2」「3」.
pub fn count_range(locale: Locale, lower: u32, upper: u32) -> String {
    if lower == upper {
        return upper.to_string();
    }
    match locale {
        Locale::En => format!("{lower}–{upper}"),
        Locale::Ja => format!("{lower}～{upper}"),
    }
}

/// The legend's last class when some cell is beyond the scale: "9 or more"; 「9以上」.
pub fn or_more(locale: Locale, lower: u32) -> String {
    match locale {
        Locale::En => format!("{lower} or more"),
        Locale::Ja => format!("{lower}以上"),
    }
}

/// A cell's name, its row and its column: "Viet Nam · CBC"; 「ベトナム・CBC」.
pub fn cell_name(locale: Locale, row: &str, column: &str) -> String {
    match locale {
        Locale::En => format!("{row} · {column}"),
        Locale::Ja => format!("{row}・{column}"),
    }
}

/// A cell with its count (its button's label, the heading of its list): "Viet Nam · CBC: 3
/// activities"; 「ベトナム・CBC：活動 3件」.
pub fn cell_count(locale: Locale, cell: &str, activities: usize) -> String {
    let activities = crate::model::wording::activities(locale, activities);
    match locale {
        Locale::En => format!("{cell}: {activities}"),
        Locale::Ja => format!("{cell}：{activities}"),
    }
}

// ---- The trends ----

/// A share in per cent, or "–" for a year without activities (a table cell, a headline figure).
pub fn share(locale: Locale, share: Option<f64>) -> String {
    share.map_or_else(|| "–".to_string(), |s| percent(locale, s))
}

/// The span of a series: "2016–2025", one year alone, or nothing for no years.
pub fn span(locale: Locale, first_last: Option<(i32, i32)>) -> String {
    first_last.map_or_else(String::new, |(first, last)| year_span(locale, first, last))
}

/// The trends chart's title: "Japan–ASEAN defense cooperation per year, 2008–2026";
/// 「日ASEAN防衛協力の年別推移（2008年～2026年）」.
pub fn trends_title(locale: Locale, span: &str) -> String {
    match locale {
        Locale::En => format!("Japan–ASEAN defense cooperation per year, {span}"),
        Locale::Ja if span.is_empty() => "日ASEAN防衛協力の年別推移".to_string(),
        Locale::Ja => format!("日ASEAN防衛協力の年別推移（{span}）"),
    }
}

/// The trends table's caption and the report chart's title: "Activities active per year, 2016–2025";
/// 「年ごとの実施中の活動（2016年～2025年）」.
pub fn active_per_year(locale: Locale, span: &str) -> String {
    match locale {
        Locale::En => format!("Activities active per year, {span}"),
        Locale::Ja if span.is_empty() => "年ごとの実施中の活動".to_string(),
        Locale::Ja => format!("年ごとの実施中の活動（{span}）"),
    }
}

/// The chart's description for screen readers, ending with its years.
pub fn chart_description(locale: Locale, span: &str) -> String {
    match locale {
        Locale::En => format!(
            "Stacked bars: activities active each year by measure (an activity with several measures \
             counts once under each). Black ticks: distinct activities active. Solid line: activities \
             combining two or more measures. Dashed line, right axis: share of ASEAN-wide activities. \
             Years {span}."
        ),
        Locale::Ja => format!(
            "積み上げ棒：各年に実施中の活動の手段別の件数（複数の手段にまたがる活動は、それぞれの手段で1件と数えます）。\
             黒い目盛り：実施中の活動の実数。実線：2つ以上の手段を組み合わせた活動。\
             破線（右軸）：ASEAN全体の活動の割合。対象年：{span}。"
        ),
    }
}

/// The figures of one year.
pub struct YearFigures<'a> {
    pub year: i32,
    pub active: u32,
    /// Each segment of the year's bar: its label (a measure code, or "no measure") and its count.
    pub segments: &'a [(&'a str, u32)],
    pub share: Option<f64>,
    pub combined: u32,
}

/// A year's bar as a sentence (its tooltip): "2019: 12 activities active (PIL 1, …, No measure 2);
/// ASEAN-wide share 42 %; 3 combining two or more measures".
pub fn year_summary(locale: Locale, figures: &YearFigures<'_>) -> String {
    let YearFigures {
        year,
        active,
        segments,
        share,
        combined,
    } = *figures;
    let segments: Vec<String> = segments
        .iter()
        .map(|(label, n)| format!("{label} {n}"))
        .collect();
    let segments = list(locale, &segments);
    match locale {
        Locale::En => {
            let share = share.map_or("no activities".to_string(), |s| percent(locale, s));
            format!(
                "{year}: {active} activities active ({segments}); ASEAN-wide share {share}; {combined} combining two or more measures"
            )
        }
        Locale::Ja => {
            let share = share.map_or("活動なし".to_string(), |s| percent(locale, s));
            format!(
                "{year}年：実施中の活動 {active}件（{segments}）、ASEAN全体の割合 {share}、2つ以上の手段を組み合わせた活動 {combined}件"
            )
        }
    }
}

/// The trends' note when the chart opens after the dataset's first year: "From 2008, the first year
/// with at least 3 active activities (the dataset starts in 1958)."
pub fn opening_note(locale: Locale, opening: i32, min_active: u32, first: i32) -> String {
    match locale {
        Locale::En => format!(
            "From {opening}, the first year with at least {min_active} active activities (the dataset starts in {first})."
        ),
        Locale::Ja => format!(
            "{opening}年から表示しています（実施中の活動が{min_active}件以上となる最初の年。データは{first}年から始まります）。"
        ),
    }
}

/// The same note when every year is shown: "All years, from 1958."; 「1958年からの全期間を表示しています。」
pub fn all_years_note(locale: Locale, first: i32) -> String {
    match locale {
        Locale::En => format!("All years, from {first}."),
        Locale::Ja => format!("{first}年からの全期間を表示しています。"),
    }
}

/// The button back to the opening range: "From 2008"; 「2008年から」.
pub fn from_year(locale: Locale, opening: i32) -> String {
    match locale {
        Locale::En => format!("From {opening}"),
        Locale::Ja => format!("{opening}年から"),
    }
}

/// A failed PNG export, with the browser's reason.
pub fn png_export_failed(locale: Locale, error: &str) -> String {
    match locale {
        Locale::En => format!("PNG export failed: {error}"),
        Locale::Ja => format!("PNGをエクスポートできませんでした：{error}"),
    }
}

// ---- The report ----

/// The tooltip of the report's "All years" button: where the list of years starts, and why.
pub fn report_list_starts(locale: Locale, opening: i32, min_active: u32) -> String {
    match locale {
        Locale::En => format!(
            "The list starts in {opening}, the first year with at least {min_active} active activities"
        ),
        Locale::Ja => format!(
            "一覧は{opening}年（実施中の活動が{min_active}件以上となる最初の年）から始まります"
        ),
    }
}

/// The report's button back to the opening range: "From 2008 only"; 「2008年以降のみ」.
pub fn from_year_only(locale: Locale, opening: i32) -> String {
    match locale {
        Locale::En => format!("From {opening} only"),
        Locale::Ja => format!("{opening}年以降のみ"),
    }
}

/// The report's button to every year: "All years (from 1958)"; 「全期間（1958年から）」.
pub fn all_years_from(locale: Locale, first: i32) -> String {
    match locale {
        Locale::En => format!("All years (from {first})"),
        Locale::Ja => format!("全期間（{first}年から）"),
    }
}

/// The print dialog did not open, with the browser's reason.
pub fn print_failed(locale: Locale, reason: &str) -> String {
    match locale {
        Locale::En => format!("The print dialog could not open: {reason}"),
        Locale::Ja => format!("印刷ダイアログを開けませんでした：{reason}"),
    }
}

/// The report's title: "Vientiane Vision follow-up, 2019"; 「ビエンチャン・ビジョンのフォローアップ（2019年）」.
pub fn report_title(locale: Locale, report_year: i32) -> String {
    match locale {
        Locale::En => format!("Vientiane Vision follow-up, {report_year}"),
        Locale::Ja => format!("ビエンチャン・ビジョンのフォローアップ（{report_year}年）"),
    }
}

/// What the report covers and when it was made; `today` is `YYYY-MM-DD`, written as it is in English
/// and as a Japanese date in Japanese.
pub fn report_note(locale: Locale, report_year: i32, today: &str) -> String {
    match locale {
        Locale::En => format!(
            "Activities active at some point in {report_year}, from the whole dataset. Prepared {today} with the Vientiane Vision Atlas."
        ),
        Locale::Ja => format!(
            "{report_year}年中のいずれかの時点で実施されていた活動を、データセット全体から掲げています。{}、ビエンチャン・ビジョン・アトラスで作成。",
            super::iso_date(locale, today)
        ),
    }
}

/// The label of the change of share: "Change from 2018"; 「2018年からの変化」.
pub fn change_from(locale: Locale, previous_year: i32) -> String {
    match locale {
        Locale::En => format!("Change from {previous_year}"),
        Locale::Ja => format!("{previous_year}年からの変化"),
    }
}

/// The previous year's share under the change: "2018: 33 %"; 「2018年：33%」.
pub fn previous_share(locale: Locale, previous_year: i32, previous: Option<f64>) -> String {
    let previous = share(locale, previous);
    match locale {
        Locale::En => format!("{previous_year}: {previous}"),
        Locale::Ja => format!("{previous_year}年：{previous}"),
    }
}

/// A change of share in percentage points, rounded: "+5 points", "−1 point", "no change", or "–" when
/// either year has no activities; 「+5ポイント」「変化なし」.
pub fn share_change(locale: Locale, change: Option<f64>) -> String {
    let Some(points) = change.map(f64::round) else {
        return "–".to_string();
    };
    if points == 0.0 {
        return match locale {
            Locale::En => "no change".to_string(),
            Locale::Ja => "変化なし".to_string(),
        };
    }
    let sign = if points > 0.0 { "+" } else { "−" };
    let size = points.abs();
    match locale {
        Locale::En if size == 1.0 => format!("{sign}{size} point"),
        Locale::En => format!("{sign}{size} points"),
        Locale::Ja => format!("{sign}{size}ポイント"),
    }
}

/// How many active activities have a note for the year: "1 of 42 active activities have a follow-up
/// note for 2019."
pub fn followed_up(locale: Locale, noted: usize, active: u32, report_year: i32) -> String {
    match locale {
        Locale::En => format!(
            "{noted} of {active} active activities have a follow-up note for {report_year}."
        ),
        Locale::Ja => format!(
            "実施中の活動{active}件のうち{noted}件に、{report_year}年のフォローアップの記録があります。"
        ),
    }
}

/// The sources' heading: "Sources (12)"; 「出典（12件）」.
pub fn sources_heading(locale: Locale, sources: usize) -> String {
    match locale {
        Locale::En => format!("Sources ({sources})"),
        Locale::Ja => format!("出典（{sources}件）"),
    }
}

/// How many of the report's sources are official.
pub fn sources_official(locale: Locale, official: usize, sources: usize) -> String {
    match locale {
        Locale::En => format!(
            "{official} of these {sources} sources are official (a government's or an intergovernmental body's own page, marked ✓); the others are secondary."
        ),
        Locale::Ja => format!(
            "これら{sources}件の出典のうち{official}件が公式出典（政府または政府間機関自身のページ。✓印）で、その他は二次出典です。"
        ),
    }
}

/// A measure group's heading: "Capacity Building Cooperation (CBC)"; 「能力構築支援（CBC）」.
pub fn group_heading(locale: Locale, measure: Option<Measure>) -> String {
    match (locale, measure) {
        (Locale::En, Some(m)) => format!("{} ({})", m.label(locale), m.short_label()),
        (Locale::Ja, Some(m)) => format!("{}（{}）", m.label(locale), m.short_label()),
        (_, None) => super::Phrase::text(ViewsText::NoMeasureGroup, locale).to_string(),
    }
}

/// A group's heading with its number of entries: "Capacity Building Cooperation (CBC) — 12";
/// 「能力構築支援（CBC）：12件」.
pub fn group_title(locale: Locale, heading: &str, entries: usize) -> String {
    let n = count(locale, entries);
    match locale {
        Locale::En => format!("{heading} — {n}"),
        Locale::Ja => format!("{heading}：{n}件"),
    }
}

/// An empty group: "None active in 2019."; 「2019年に実施中の活動はありません。」
pub fn none_active(locale: Locale, report_year: i32) -> String {
    match locale {
        Locale::En => format!("None active in {report_year}."),
        Locale::Ja => format!("{report_year}年に実施中の活動はありません。"),
    }
}

/// An entry without a note: "No follow-up note for 2019."
pub fn no_note(locale: Locale, report_year: i32) -> String {
    match locale {
        Locale::En => format!("No follow-up note for {report_year}."),
        Locale::Ja => format!("{report_year}年のフォローアップの記録はありません。"),
    }
}

/// The label of an entry's notes: "Follow-up notes, 2019"; 「2019年のフォローアップの記録」.
pub fn notes_label(locale: Locale, report_year: i32) -> String {
    match locale {
        Locale::En => format!("Follow-up notes, {report_year}"),
        Locale::Ja => format!("{report_year}年のフォローアップの記録"),
    }
}

// ---- The Vision page ----

/// The day a member state joined ASEAN: `1967-08-08` in English, as the page has always written it;
/// 「1967年8月8日」.
pub fn joined(locale: Locale, day: JoinDate) -> String {
    match locale {
        Locale::En => format!("{:04}-{:02}-{:02}", day.year, day.month, day.day),
        Locale::Ja => date(locale, day.year, u32::from(day.month), u32::from(day.day)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::vision::MemberState;

    const EN: Locale = Locale::En;
    const JA: Locale = Locale::Ja;

    #[test]
    fn the_matrix_phrases_in_both_languages() {
        let cases = [
            (
                matrix_caption(EN, MatrixMode::Measures, "all years"),
                "Activities by member state and measure, all years",
            ),
            (
                matrix_caption(JA, MatrixMode::Fields, "2020年～2021年"),
                "加盟国別・分野別の活動（2020年～2021年）",
            ),
            (
                matrix_caption(JA, MatrixMode::Directions, "全期間"),
                "加盟国別・方向性別の活動（全期間）",
            ),
            (field_hint(EN, "HA/DR"), "Activities in the field \"HA/DR\""),
            (field_hint(JA, "HA/DR"), "分野「HA/DR」の活動"),
            (count_range(EN, 1, 2), "1–2"),
            (count_range(JA, 3, 4), "3～4"),
            (count_range(JA, 5, 5), "5"),
            (or_more(EN, 9), "9 or more"),
            (or_more(JA, 9), "9以上"),
            (cell_name(EN, "Viet Nam", "CBC"), "Viet Nam · CBC"),
            (
                cell_count(EN, "Viet Nam · CBC", 3),
                "Viet Nam · CBC: 3 activities",
            ),
            (cell_count(EN, "Laos · JTE", 1), "Laos · JTE: 1 activity"),
            (
                cell_count(JA, &cell_name(JA, "ベトナム", "CBC"), 3),
                "ベトナム・CBC：活動 3件",
            ),
        ];
        for (got, expected) in cases {
            assert_eq!(got, expected);
        }
    }

    #[test]
    fn the_trends_phrases_in_both_languages() {
        let segments = [("PIL", 1), ("CBC", 3), ("No measure", 2)];
        let figures = YearFigures {
            year: 2019,
            active: 5,
            segments: &segments,
            share: Some(41.6),
            combined: 2,
        };
        let segments_ja = [("PIL", 1), ("CBC", 3), ("手段なし", 2)];
        let figures_ja = YearFigures {
            segments: &segments_ja,
            ..figures
        };
        let empty = YearFigures {
            year: 1960,
            active: 0,
            segments: &[],
            share: None,
            combined: 0,
        };
        let cases = [
            (share(EN, Some(33.3)), "33 %"),
            (share(JA, Some(33.3)), "33%"),
            (share(JA, None), "–"),
            (span(EN, Some((2016, 2025))), "2016–2025"),
            (span(JA, Some((2016, 2025))), "2016年～2025年"),
            (span(JA, Some((2016, 2016))), "2016年"),
            (span(EN, None), ""),
            (
                trends_title(EN, "2008–2026"),
                "Japan–ASEAN defense cooperation per year, 2008–2026",
            ),
            (
                trends_title(JA, "2008年～2026年"),
                "日ASEAN防衛協力の年別推移（2008年～2026年）",
            ),
            (
                active_per_year(EN, "2016–2025"),
                "Activities active per year, 2016–2025",
            ),
            (
                active_per_year(JA, "2016年～2025年"),
                "年ごとの実施中の活動（2016年～2025年）",
            ),
            (active_per_year(JA, ""), "年ごとの実施中の活動"),
            (
                year_summary(EN, &figures),
                "2019: 5 activities active (PIL 1, CBC 3, No measure 2); ASEAN-wide share 42 %; 2 combining two or more measures",
            ),
            (
                year_summary(JA, &figures_ja),
                "2019年：実施中の活動 5件（PIL 1、CBC 3、手段なし 2）、ASEAN全体の割合 42%、2つ以上の手段を組み合わせた活動 2件",
            ),
            (
                year_summary(EN, &empty),
                "1960: 0 activities active (); ASEAN-wide share no activities; 0 combining two or more measures",
            ),
            (
                opening_note(EN, 2008, 3, 1958),
                "From 2008, the first year with at least 3 active activities (the dataset starts in 1958).",
            ),
            (
                opening_note(JA, 2008, 3, 1958),
                "2008年から表示しています（実施中の活動が3件以上となる最初の年。データは1958年から始まります）。",
            ),
            (all_years_note(EN, 1958), "All years, from 1958."),
            (all_years_note(JA, 1958), "1958年からの全期間を表示しています。"),
            (from_year(EN, 2008), "From 2008"),
            (from_year(JA, 2008), "2008年から"),
            (png_export_failed(JA, "x"), "PNGをエクスポートできませんでした：x"),
        ];
        for (got, expected) in cases {
            assert_eq!(got, expected);
        }
        assert!(chart_description(EN, "2016–2025").ends_with("Years 2016–2025."));
        assert!(chart_description(JA, "2016年～2025年").ends_with("対象年：2016年～2025年。"));
    }

    #[test]
    fn the_report_phrases_in_both_languages() {
        let cases = [
            (
                report_list_starts(JA, 2008, 3),
                "一覧は2008年（実施中の活動が3件以上となる最初の年）から始まります",
            ),
            (from_year_only(EN, 2008), "From 2008 only"),
            (from_year_only(JA, 2008), "2008年以降のみ"),
            (all_years_from(EN, 1958), "All years (from 1958)"),
            (all_years_from(JA, 1958), "全期間（1958年から）"),
            (print_failed(JA, "x"), "印刷ダイアログを開けませんでした：x"),
            (report_title(EN, 2019), "Vientiane Vision follow-up, 2019"),
            (
                report_title(JA, 2019),
                "ビエンチャン・ビジョンのフォローアップ（2019年）",
            ),
            (
                report_note(EN, 2019, "2026-01-05"),
                "Activities active at some point in 2019, from the whole dataset. Prepared 2026-01-05 with the Vientiane Vision Atlas.",
            ),
            (
                report_note(JA, 2019, "2026-01-05"),
                "2019年中のいずれかの時点で実施されていた活動を、データセット全体から掲げています。2026年1月5日、ビエンチャン・ビジョン・アトラスで作成。",
            ),
            (change_from(EN, 2018), "Change from 2018"),
            (change_from(JA, 2018), "2018年からの変化"),
            (previous_share(EN, 2018, Some(100.0 / 3.0)), "2018: 33 %"),
            (previous_share(JA, 2018, Some(100.0 / 3.0)), "2018年：33%"),
            (previous_share(JA, 2018, None), "2018年：–"),
            (share_change(EN, Some(50.0)), "+50 points"),
            (share_change(EN, Some(-16.7)), "−17 points"),
            (share_change(EN, Some(-1.0)), "−1 point"),
            (share_change(EN, Some(0.2)), "no change"),
            (share_change(EN, None), "–"),
            (share_change(JA, Some(50.0)), "+50ポイント"),
            (share_change(JA, Some(-1.0)), "−1ポイント"),
            (share_change(JA, Some(-0.3)), "変化なし"),
            (
                followed_up(EN, 1, 42, 2019),
                "1 of 42 active activities have a follow-up note for 2019.",
            ),
            (
                followed_up(JA, 1, 42, 2019),
                "実施中の活動42件のうち1件に、2019年のフォローアップの記録があります。",
            ),
            (sources_heading(EN, 12), "Sources (12)"),
            (sources_heading(JA, 12), "出典（12件）"),
            (
                sources_official(JA, 5, 12),
                "これら12件の出典のうち5件が公式出典（政府または政府間機関自身のページ。✓印）で、その他は二次出典です。",
            ),
            (
                group_heading(EN, Some(Measure::CapacityBuilding)),
                "Capacity Building Cooperation (CBC)",
            ),
            (
                group_heading(JA, Some(Measure::HumanResourceDevelopment)),
                "人材育成・学術交流（HRD/AE）",
            ),
            (group_heading(EN, None), "No measure (dialogue and exchange)"),
            (group_heading(JA, None), "手段なし（対話・交流）"),
            (
                group_title(EN, "Joint Training and Exercises (JTE)", 4),
                "Joint Training and Exercises (JTE) — 4",
            ),
            (group_title(JA, "訓練・演習（JTE）", 4), "訓練・演習（JTE）：4件"),
            (none_active(EN, 2019), "None active in 2019."),
            (none_active(JA, 2019), "2019年に実施中の活動はありません。"),
            (no_note(JA, 2019), "2019年のフォローアップの記録はありません。"),
            (notes_label(EN, 2019), "Follow-up notes, 2019"),
            (notes_label(JA, 2019), "2019年のフォローアップの記録"),
        ];
        for (got, expected) in cases {
            assert_eq!(got, expected);
        }
    }

    #[test]
    fn joining_days() {
        let cases = [
            (EN, MemberState::Brunei, "1984-01-07"),
            (JA, MemberState::Brunei, "1984年1月7日"),
            (JA, MemberState::TimorLeste, "2025年10月26日"),
            (EN, MemberState::Thailand, "1967-08-08"),
        ];
        for (locale, state, expected) in cases {
            assert_eq!(joined(locale, state.joined()), expected, "{state:?}");
        }
    }
}
