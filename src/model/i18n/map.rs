//! The map view's words: its controls, the side panel, the legend, the ASEAN-wide box, the caption,
//! disclaimer and credit, and the exported map (SVG and PNG).
//!
//! The fixed phrases are in [`MapText`]; every phrase that holds a value (a count, a measure, a name,
//! a year) is a function below that builds the whole sentence in its language. `model::map_picture`
//! decides which sentences a picture of the map shows; this module only words them, so the page and
//! the exported file say the same thing.

use super::common::Common;
use super::{list, phrases, year, year_span, Locale, Phrase};
use crate::model::stats::{MeasureChoice, Place};

phrases! {
    /// The fixed phrases of this area.
    pub enum MapText {
        MapHeading => "Map", "地図";
        MapHint => "Select a member state or the ASEAN-wide box (click it, or Tab to it and press Enter) to list the activities behind its number.",
            "加盟国またはASEAN全体の枠を選ぶと（クリックするか、タブキーで移動してエンターキーを押します）、その数の内訳となる活動を一覧表示します。";
        MeasureLabel => "Measure", "協力の手段";
        AllMeasures => "All measures", "すべての手段";
        IncludeAseanWide => "Add ASEAN-wide activities to every member state", "ASEAN全体の活動を各加盟国に加算";
        ExportGroup => "Export the map", "地図のエクスポート";
        /// The year slider's label: the map shows what was active in the year it stands on.
        YearShown => "Year shown", "表示する年";
        /// The button that steps the slider through the data's years, about one a second.
        PlayYears => "Play the years", "年を順に再生";
        PauseYears => "Pause", "一時停止";
        ExportSvg => "Export SVG", "SVGをエクスポート";
        ExportPng => "Export PNG", "PNGをエクスポート";
        LegendTitle => "Activities per member state", "加盟国ごとの活動件数";
        LegendTitleAdded => "Activities per member state, ASEAN-wide added", "加盟国ごとの活動件数（ASEAN全体を加算）";
        /// The name written in the ASEAN-wide box, and the ASEAN-wide row of the table.
        AseanWide => "ASEAN-wide", "ASEAN全体";
        /// The words written on the map beside Japan.
        PartnerLabel => "Japan (partner)", "日本（パートナー国）";
        /// What Japan's shape is called for a screen reader and in the legend (glossary A9).
        PartnerName => "Japan, the partner (not counted)", "日本（パートナー国、集計対象外）";
        /// The legend's key to the other land.
        OtherCountries => "Other countries", "その他の国";
        /// The boundary disclaimer shown under the map and in every export (glossary C5).
        BoundaryDisclaimer => "Boundaries are simplified and imply no position on the status of any territory; no maritime claims are drawn.",
            "境界線は簡略化して表示しており、いかなる地域の領有・地位についても立場を示すものではありません。海洋における境界や権利主張は表示していません。";
        /// The data credit Natural Earth asks for.
        Credit => "Made with Natural Earth.", "Natural Earth のデータを使用しています。";
        TableSummary => "The numbers as a table", "数値を表で表示";
        MemberStateColumn => "Member state", "加盟国";
        OnTheMapColumn => "On the map", "地図上の数";
        Close => "Close", "閉じる";
        PanelEmpty => "No activities under this measure in these years.", "この手段・期間に該当する活動はありません。";
    }
}

/// A place's name: the member state's short name (MOD's in Japanese), or the ASEAN-wide box's.
pub fn place_name(locale: Locale, place: Place) -> &'static str {
    match place {
        Place::MemberState(state) => state.label(locale),
        Place::AseanWide => MapText::AseanWide.text(locale),
    }
}

/// "Capacity Building Cooperation (CBC)", 「能力構築支援（CBC）」, or "All measures".
pub fn measure_title(locale: Locale, measure: MeasureChoice) -> String {
    match (locale, measure) {
        (Locale::En, Some(m)) => format!("{} ({})", m.label(locale), m.short_label()),
        (Locale::Ja, Some(m)) => format!("{}（{}）", m.label(locale), m.short_label()),
        (_, None) => MapText::AllMeasures.text(locale).to_string(),
    }
}

/// The measure inside a sentence: "Capacity Building Cooperation (CBC)", or "all measures".
pub fn measure_phrase(locale: Locale, measure: MeasureChoice) -> String {
    match (locale, measure) {
        (_, Some(_)) => measure_title(locale, measure),
        (Locale::En, None) => "all measures".to_string(),
        (Locale::Ja, None) => "すべての手段".to_string(),
    }
}

/// What a screen reader says for a place on the map: "Viet Nam: 9 activities, Capacity Building
/// Cooperation"; 「ベトナム 9 件の活動、能力構築支援」.
pub fn place_label(locale: Locale, place: Place, count: u32, measure: MeasureChoice) -> String {
    let name = place_name(locale, place);
    let activities = crate::model::wording::activities(locale, count as usize);
    match (locale, measure) {
        (Locale::En, Some(m)) => format!("{name}: {activities}, {}", m.label(locale)),
        (Locale::En, None) => format!("{name}: {activities}, all measures"),
        // The name, then the number as its own word: the ASEAN-wide box shows "ASEAN全体 53", and its
        // accessible name must hold that visible text (WCAG 2.5.3), which 「ASEAN全体：活動 53件」 does not.
        (Locale::Ja, Some(m)) => format!("{name} {count} 件の活動、{}", m.label(locale)),
        (Locale::Ja, None) => format!("{name} {count} 件の活動、すべての手段"),
    }
}

/// What a screen reader says for the whole map.
pub fn map_label(locale: Locale, measure: MeasureChoice) -> String {
    let measure = measure_phrase(locale, measure);
    match locale {
        Locale::En => {
            format!("Map of the ASEAN member states by number of activities: {measure}")
        }
        Locale::Ja => format!("ASEAN加盟国の活動件数の地図：{measure}"),
    }
}

/// The legend's heading.
pub fn legend_title(locale: Locale, asean_wide_added: bool) -> &'static str {
    if asean_wide_added {
        MapText::LegendTitleAdded.text(locale)
    } else {
        MapText::LegendTitle.text(locale)
    }
}

/// The legend's key to the ASEAN-wide box: "ASEAN-wide: 53 activities with ASEAN as a whole, added to
/// every member state".
pub fn asean_wide_key(locale: Locale, count: u32, added: bool) -> String {
    let n = super::count(locale, count as usize);
    match locale {
        Locale::En => format!(
            "ASEAN-wide: {} with ASEAN as a whole{}",
            crate::model::wording::activities(locale, count as usize),
            if added {
                ", added to every member state"
            } else {
                ""
            }
        ),
        Locale::Ja => format!(
            "ASEAN全体の枠：ASEAN全体を対象とする活動 {n}件{}",
            if added {
                "（各加盟国に加算）"
            } else {
                ""
            }
        ),
    }
}

/// The boundary disclaimer and the credit as the page writes them under the legend.
pub fn disclaimer_and_credit(locale: Locale) -> String {
    let (disclaimer, credit) = (
        MapText::BoundaryDisclaimer.text(locale),
        MapText::Credit.text(locale),
    );
    match locale {
        Locale::En => format!("{disclaimer} {credit}"),
        // Japanese runs sentences on after 。 without a space.
        Locale::Ja => format!("{disclaimer}{credit}"),
    }
}

/// The caption of the table of numbers.
pub fn table_caption(locale: Locale, asean_wide_added: bool, measure: MeasureChoice) -> String {
    let measure = measure_phrase(locale, measure);
    match locale {
        Locale::En => format!(
            "Activities per member state{}; the map shows {measure}.",
            if asean_wide_added {
                " (ASEAN-wide activities added)"
            } else {
                ""
            }
        ),
        Locale::Ja => format!(
            "加盟国ごとの活動件数{}。地図には{measure}の件数を表示しています。",
            if asean_wide_added {
                "（ASEAN全体の活動を加算）"
            } else {
                ""
            }
        ),
    }
}

/// The tooltip's count under the measure shown: "9 activities, all measures".
pub fn tooltip_count(locale: Locale, count: u32, measure: MeasureChoice) -> String {
    let activities = crate::model::wording::activities(locale, count as usize);
    let measure = measure_phrase(locale, measure);
    match locale {
        Locale::En => format!("{activities}, {measure}"),
        Locale::Ja => format!("{activities}、{measure}"),
    }
}

/// The tooltip's count under every measure: "All measures: 12 (ASEAN-wide added)".
pub fn tooltip_all(locale: Locale, all: u32, asean_wide_added: bool) -> String {
    match locale {
        Locale::En => format!(
            "All measures: {all}{}",
            if asean_wide_added {
                " (ASEAN-wide added)"
            } else {
                ""
            }
        ),
        Locale::Ja => format!(
            "すべての手段：{all}件{}",
            if asean_wide_added {
                "（ASEAN全体を加算）"
            } else {
                ""
            }
        ),
    }
}

/// The side panel's close button, for a screen reader: "Close the list of Viet Nam".
pub fn close_list(locale: Locale, place: Place) -> String {
    let name = place_name(locale, place);
    match locale {
        Locale::En => format!("Close the list of {name}"),
        Locale::Ja => format!("{name}の一覧を閉じる"),
    }
}

/// Which activities the side panel lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Listed {
    /// The ASEAN-wide box's: the activities with ASEAN as a whole.
    AseanWide,
    /// A member state's, with the ASEAN-wide ones added.
    OwnPlusAseanWide,
    /// A member state's own.
    Own,
}

/// The side panel's summary line: "9 activities · Capacity Building Cooperation (CBC) · 2016–2025 ·
/// activities that involve it".
pub fn panel_summary(
    locale: Locale,
    count: usize,
    measure: MeasureChoice,
    years: (Option<i32>, Option<i32>),
    listed: Listed,
) -> String {
    let activities = crate::model::wording::activities(locale, count);
    let measure = measure_title(locale, measure);
    let years = crate::model::wording::years(locale, years.0, years.1);
    let listed = match (locale, listed) {
        (Locale::En, Listed::AseanWide) => "activities with ASEAN as a whole",
        (Locale::En, Listed::OwnPlusAseanWide) => "its own activities plus every ASEAN-wide one",
        (Locale::En, Listed::Own) => "activities that involve it",
        (Locale::Ja, Listed::AseanWide) => "ASEAN全体を対象とする活動",
        (Locale::Ja, Listed::OwnPlusAseanWide) => "その国の活動とASEAN全体のすべての活動",
        (Locale::Ja, Listed::Own) => "その国が関わる活動",
    };
    match locale {
        Locale::En => format!("{activities} · {measure} · {years} · {listed}"),
        Locale::Ja => format!("{activities}／{measure}／{years}／{listed}"),
    }
}

/// The notice after a failed export (`format` is "SVG" or "PNG"), with the browser's reason.
pub fn export_failed(locale: Locale, format: &str, error: &str) -> String {
    match locale {
        Locale::En => format!("The {format} export failed: {error}"),
        Locale::Ja => format!("{format}のエクスポートに失敗しました：{error}"),
    }
}

/// The caption's line on the measure.
pub fn caption_measure(locale: Locale, measure: MeasureChoice) -> String {
    match (locale, measure) {
        (Locale::En, Some(_)) => format!("Measure: {}.", measure_title(locale, measure)),
        (Locale::En, None) => {
            "Measure: all measures (dialogue-only activities included).".to_string()
        }
        (Locale::Ja, Some(_)) => format!("協力の手段：{}。", measure_title(locale, measure)),
        (Locale::Ja, None) => {
            "協力の手段：すべての手段（対話・交流のみの活動を含む）。".to_string()
        }
    }
}

/// The caption's line on the years (both ends as the map counts them, or `None` for all years).
pub fn caption_years(locale: Locale, years: Option<(i32, i32)>) -> String {
    match (locale, years) {
        (Locale::En, Some((from, to))) if from == to => {
            format!("Years: {from} (activities running at any time in it).")
        }
        (Locale::En, Some((from, to))) => {
            format!("Years: {from}–{to} (activities running at any time in the range).")
        }
        (Locale::En, None) => "Years: all.".to_string(),
        (Locale::Ja, Some((from, to))) if from == to => format!(
            "期間：{}（その年のいずれかの時点で実施中の活動）。",
            year(locale, from)
        ),
        (Locale::Ja, Some((from, to))) => format!(
            "期間：{}（期間中のいずれかの時点で実施中の活動）。",
            year_span(locale, from, to)
        ),
        (Locale::Ja, None) => "期間：全期間。".to_string(),
    }
}

/// The caption's line on what a member state's colour counts.
pub fn caption_counted(locale: Locale, asean_wide_added: bool) -> &'static str {
    match (locale, asean_wide_added) {
        (Locale::En, true) => "Each member state's count includes every ASEAN-wide activity.",
        (Locale::En, false) => {
            "Member states are coloured by the activities that involve them; ASEAN-wide activities \
             are counted separately."
        }
        (Locale::Ja, true) => "各加盟国の件数には、ASEAN全体の活動をすべて含みます。",
        (Locale::Ja, false) => {
            "加盟国は、その国が関わる活動の件数で色分けしています。ASEAN全体の活動は別に数えています。"
        }
    }
}

/// The caption's line on the other filters (`Filters::other_filters`); `others` is not empty.
pub fn caption_also_filtered(locale: Locale, others: &[String]) -> String {
    match locale {
        Locale::En => format!("Also filtered by {}.", others.join("; ")),
        Locale::Ja => format!(
            "このほか、次の条件で絞り込んでいます（{}）。",
            list(locale, others)
        ),
    }
}

/// The exported map's last caption line: the dataset's title (user text), the app, the day of the
/// export (`YYYY-MM-DD`, kept as it is in English).
pub fn caption_source(locale: Locale, title: &str, date: &str) -> String {
    let app = Common::AppName.text(locale);
    match locale {
        Locale::En => format!("Source: {title}, {app}, {date}."),
        Locale::Ja => format!("出典：{title}、{app}、{}。", super::iso_date(locale, date)),
    }
}

/// The exported map's subtitle, under the dataset's title.
pub fn export_subtitle(locale: Locale, measure: MeasureChoice) -> String {
    let measure = measure_title(locale, measure);
    match locale {
        Locale::En => format!("Activities per member state: {measure}"),
        Locale::Ja => format!("加盟国ごとの活動件数：{measure}"),
    }
}

/// The words before and after the number of ASEAN-wide activities in the exported legend, which
/// sets the number in bold: ("ASEAN-wide activities: ", ""), 「ASEAN全体の活動：」「件」.
pub fn asean_wide_total(locale: Locale) -> (&'static str, &'static str) {
    match locale {
        Locale::En => ("ASEAN-wide activities: ", ""),
        Locale::Ja => ("ASEAN全体の活動：", "件"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::vision::{Confidence, Direction, Measure, MemberState, Status};

    const VN: Place = Place::MemberState(MemberState::VietNam);
    const CBC: MeasureChoice = Some(Measure::CapacityBuilding);

    /// The one filter `set` sets, in words, as the caption lists it.
    fn other_filter(locale: Locale, set: impl FnOnce(&mut crate::model::Filters)) -> String {
        let mut filters = crate::model::Filters::default();
        set(&mut filters);
        filters.other_filters(locale).concat()
    }

    #[test]
    fn sentences_in_both_languages() {
        let (en, ja) = (Locale::En, Locale::Ja);
        let cases = [
            (place_name(ja, VN).to_string(), "ベトナム"),
            (place_name(ja, Place::AseanWide).to_string(), "ASEAN全体"),
            (measure_title(en, CBC), "Capacity Building Cooperation (CBC)"),
            (measure_title(ja, CBC), "能力構築支援（CBC）"),
            (
                measure_title(ja, Some(Measure::HumanResourceDevelopment)),
                "人材育成・学術交流（HRD/AE）",
            ),
            (measure_title(en, None), "All measures"),
            (measure_title(ja, None), "すべての手段"),
            (measure_phrase(en, None), "all measures"),
            (measure_phrase(ja, None), "すべての手段"),
            (
                place_label(en, VN, 9, CBC),
                "Viet Nam: 9 activities, Capacity Building Cooperation",
            ),
            (place_label(ja, VN, 9, CBC), "ベトナム 9 件の活動、能力構築支援"),
            (
                place_label(ja, Place::AseanWide, 0, None),
                "ASEAN全体 0 件の活動、すべての手段",
            ),
            (
                map_label(ja, Some(Measure::JointTraining)),
                "ASEAN加盟国の活動件数の地図：訓練・演習（JTE）",
            ),
            (
                asean_wide_key(en, 53, true),
                "ASEAN-wide: 53 activities with ASEAN as a whole, added to every member state",
            ),
            (asean_wide_key(en, 1, false), "ASEAN-wide: 1 activity with ASEAN as a whole"),
            (
                asean_wide_key(ja, 53, true),
                "ASEAN全体の枠：ASEAN全体を対象とする活動 53件（各加盟国に加算）",
            ),
            (
                table_caption(en, true, None),
                "Activities per member state (ASEAN-wide activities added); the map shows all measures.",
            ),
            (
                table_caption(ja, false, CBC),
                "加盟国ごとの活動件数。地図には能力構築支援（CBC）の件数を表示しています。",
            ),
            (tooltip_count(en, 12, None), "12 activities, all measures"),
            (tooltip_count(ja, 1, CBC), "活動 1件、能力構築支援（CBC）"),
            (tooltip_all(en, 12, true), "All measures: 12 (ASEAN-wide added)"),
            (tooltip_all(ja, 12, false), "すべての手段：12件"),
            (close_list(en, VN), "Close the list of Viet Nam"),
            (close_list(ja, VN), "ベトナムの一覧を閉じる"),
            (
                panel_summary(en, 9, CBC, (Some(2016), Some(2025)), Listed::Own),
                "9 activities · Capacity Building Cooperation (CBC) · 2016–2025 · activities that involve it",
            ),
            (
                panel_summary(ja, 9, CBC, (Some(2016), Some(2025)), Listed::Own),
                "活動 9件／能力構築支援（CBC）／2016年～2025年／その国が関わる活動",
            ),
            (
                panel_summary(ja, 1, None, (None, None), Listed::AseanWide),
                "活動 1件／すべての手段／全期間／ASEAN全体を対象とする活動",
            ),
            (
                export_failed(en, "SVG", "NotAllowedError: no"),
                "The SVG export failed: NotAllowedError: no",
            ),
            (
                export_failed(ja, "PNG", "x"),
                "PNGのエクスポートに失敗しました：x",
            ),
            (
                other_filter(ja, |f| f.status = Some(Status::Completed)),
                "状況：完了",
            ),
            (
                other_filter(ja, |f| f.direction = Some(Direction::MaritimeSecurity)),
                "協力の方向性：海洋安全保障の強化",
            ),
            (other_filter(ja, |f| f.search = "ship".to_string()), "検索：「ship」"),
            (other_filter(en, |f| f.search = "ship".to_string()), "search: “ship”"),
            (caption_measure(ja, CBC), "協力の手段：能力構築支援（CBC）。"),
            (
                caption_years(ja, Some((2016, 2025))),
                "期間：2016年～2025年（期間中のいずれかの時点で実施中の活動）。",
            ),
            (
                caption_years(ja, Some((2017, 2017))),
                "期間：2017年（その年のいずれかの時点で実施中の活動）。",
            ),
            (caption_years(ja, None), "期間：全期間。"),
            (
                caption_also_filtered(ja, &["状況：完了".into(), "検索：「ship」".into()]),
                "このほか、次の条件で絞り込んでいます（状況：完了、検索：「ship」）。",
            ),
            (
                caption_source(en, "Atlas", "2026-01-31"),
                "Source: Atlas, Vientiane Vision Atlas, 2026-01-31.",
            ),
            (
                caption_source(ja, "日ASEAN", "2026-01-31"),
                "出典：日ASEAN、ビエンチャン・ビジョン・アトラス、2026年1月31日。",
            ),
            (
                export_subtitle(ja, None),
                "加盟国ごとの活動件数：すべての手段",
            ),
            (
                disclaimer_and_credit(ja),
                "境界線は簡略化して表示しており、いかなる地域の領有・地位についても立場を示すものではありません。海洋における境界や権利主張は表示していません。Natural Earth のデータを使用しています。",
            ),
        ];
        for (got, expected) in cases {
            assert_eq!(got, expected);
        }
        assert_eq!(asean_wide_total(ja), ("ASEAN全体の活動：", "件"));
    }

    /// The Japanese sentences hold no English word but the kept codes (the user's own text aside).
    #[test]
    fn the_japanese_sentences_keep_only_codes() {
        let ja = Locale::Ja;
        let mut sentences = vec![
            map_label(ja, None),
            asean_wide_key(ja, 3, true),
            table_caption(ja, true, None),
            tooltip_all(ja, 3, true),
            caption_measure(ja, None),
            caption_years(ja, Some((2016, 2019))),
            caption_counted(ja, true).to_string(),
            caption_counted(ja, false).to_string(),
            export_subtitle(ja, CBC),
            asean_wide_total(ja).0.to_string(),
            other_filter(ja, |f| f.official = true),
            other_filter(ja, |f| f.confidence = Some(Confidence::Uncertain)),
            disclaimer_and_credit(ja),
        ];
        for listed in [Listed::AseanWide, Listed::OwnPlusAseanWide, Listed::Own] {
            sentences.push(panel_summary(ja, 2, CBC, (Some(2016), None), listed));
        }
        for measure in Measure::ALL {
            sentences.push(place_label(ja, VN, 2, Some(measure)));
            sentences.push(measure_title(ja, Some(measure)));
        }
        for state in MemberState::ALL {
            sentences.push(close_list(ja, Place::MemberState(state)));
        }
        for sentence in sentences {
            assert!(super::super::only_kept_words(&sentence), "{sentence}");
        }
    }
}
