//! The activities list, its filter bar, the shared activity row and year range, and the editor's words.
//!
//! Fixed phrases are in [`EditorText`]; a phrase that holds a value (a title, a count, a key) is a
//! function below that builds the whole sentence in the locale.

use super::{phrases, quoted, Locale};

phrases! {
    /// The fixed phrases of this area.
    pub enum EditorText {
        // The activities view.
        ActivitiesHeading => "Activities", "活動一覧";
        NewActivity => "New activity", "新しい活動";
        SortBy => "Sort by", "並べ替え";
        SortYearAscending => "Year, oldest first", "年（古い順）";
        SortYearDescending => "Year, newest first", "年（新しい順）";
        SortTitleAscending => "Title, A–Z", "名称（A→Z）";
        SortTitleDescending => "Title, Z–A", "名称（Z→A）";
        EmptyDataset => "The dataset has no activities yet. Add one with “New activity”, or import a file in Data.",
            "データセットにはまだ活動がありません。「新しい活動」で追加するか、「データ」でファイルをインポートしてください。";
        NoMatch => "No activity matches these filters.", "この絞り込みに該当する活動はありません。";
        UndoRedoGroup => "Undo and redo", "元に戻す・やり直す";
        Redo => "Redo", "やり直す";
        NothingToUndo => "Nothing to undo", "元に戻す操作はありません";
        NothingToRedo => "Nothing to redo", "やり直す操作はありません";

        // The filter bar.
        FilterActivities => "Filter activities", "活動の絞り込み";
        Search => "Search", "検索";
        SearchPlaceholder => "Title, summary, field, source…", "名称、概要、分野、出典…";
        Measure => "Measure", "協力の手段";
        AllMeasures => "All measures", "すべての手段";
        MemberState => "Member state", "加盟国";
        Any => "Any", "指定なし";
        OfficialOnly => "Backed by an official source", "公式出典あり";
        MoreFilters => "More filters", "その他の絞り込み";
        Scope => "Scope", "対象範囲";
        Direction => "Direction", "協力の方向性";
        Field => "Field", "分野";
        Status => "Status", "状況";
        Confidence => "Confidence", "確度";
        ClearFilters => "Clear filters", "絞り込みを解除";

        // The year range.
        YearsActive => "Years active", "実施年";
        From => "From", "開始";
        To => "To", "終了";
        YearPlaceholder => "Year", "年";
        AllYears => "All years", "全期間";

        // The note of filters set elsewhere.
        RemoveThem => "Remove them", "解除する";
        OfficialFilter => "backed by an official source", "公式出典あり";

        // The activity row.
        Edit => "Edit", "編集";
        Duplicate => "Duplicate", "複製";
        Delete => "Delete", "削除";
        Id => "Id", "ID";
        Summary => "Summary", "概要";
        Fields => "Fields", "分野";
        Directions => "Directions", "協力の方向性";
        FollowUps => "Follow-ups", "フォローアップ";
        Sources => "Sources", "出典";
        DirectionsDerived => " (derived from measures and fields)", "（手段と分野から導出）";

        // The editor.
        CopyHeading => "Copy of an activity", "活動のコピー";
        EditHeading => "Edit activity", "活動の編集";
        Cancel => "Cancel", "キャンセル";
        Title => "Title", "名称";
        IdHint => "Letters, digits, '.', '_' and '-'; unique in the dataset.",
            "英字、数字、「.」「_」「-」を使い、データセット内で重複しないIDにします。";
        Measures => "Measures", "協力の手段";
        MeasuresHint => "Leave all unticked for dialogue or exchange only.",
            "対話・交流のみの場合は、どれにもチェックを入れません。";
        DirectionsDerivedHint => "These directions were derived from the measures and fields; ticking or unticking one makes them yours.",
            "この方向性は手段と分野から導出されたものです。チェックを変えると、手動で選んだ方向性になります。";
        MemberStates => "Member states", "加盟国";
        MemberStatesHint => "Only for the scope “Member states”; an ASEAN-wide activity involves every member.",
            "対象範囲が「個別の加盟国」の場合のみ選びます。ASEAN全体の活動はすべての加盟国が対象です。";
        AddField => "Add field", "分野を追加";
        StartYear => "Start year", "開始年";
        EndYear => "End year", "終了年";
        EndHint => "Empty while ongoing.", "実施中の間は空欄にします。";
        NotStated => "Not stated", "記載なし";
        PartOf => "Part of programme (id)", "所属する事業（ID）";
        PartOfHint => "The id of the programme this is a dated event of; it then counts with the programme, once. Empty for none.",
            "この活動を日付のある行事として含む事業のID。事業と合わせて1件と数えます。なければ空欄にします。";
        FollowUpsHint => "Notes from the annual Japan–ASEAN Defense Vice-Ministerial Forum.",
            "毎年の日ASEAN防衛当局次官級会合での記録です。";
        Year => "Year", "年";
        Note => "Note", "内容";
        AddFollowUp => "Add follow-up", "フォローアップを追加";
        SourceAddress => "Address (http or https)", "アドレス（http または https）";
        SourceTitle => "Title", "題名";
        Accessed => "Accessed", "閲覧日";
        AddSource => "Add source", "出典を追加";
        Remove => "Remove", "削除";
        NotSaved => "The activity was not saved. Fix these first:", "活動は保存されていません。先に次の点を直してください：";
        SaveChanges => "Save changes", "変更を保存";
        AddActivity => "Add activity", "活動を追加";
        ErrorPrefix => "Error: ", "エラー：";
        CheckPrefix => "Check: ", "確認：";
        DiscardChanges => "Discard the changes to this activity?", "この活動への変更を破棄しますか？";

        // The places of problems, in the list after a refused save.
        PartOfProgramme => "Part of programme", "所属する事業";
        LastUpdated => "Last updated", "最終更新";
        YearMissing => "is missing: give a year such as 2016", "入力されていません。2016のように年を入力してください";
    }
}

/// "More filters (2 set)" on the button that folds the less used filters away on a phone.
pub fn more_filters_set(locale: Locale, set: usize) -> String {
    match locale {
        Locale::En => format!("More filters ({set} set)"),
        Locale::Ja => format!("その他の絞り込み（{set}件設定中）"),
    }
}

/// The button under a long list: "Show 100 more (250 not shown)".
pub fn show_more(locale: Locale, more: usize, hidden: usize) -> String {
    match locale {
        Locale::En => format!("Show {more} more ({hidden} not shown)"),
        Locale::Ja => format!("さらに{more}件を表示（未表示 {hidden}件）"),
    }
}

/// The Undo button's tooltip: "Undo delete “Ship Rider” (Ctrl+Z)".
pub fn undo_hint(locale: Locale, label: &str) -> String {
    match locale {
        Locale::En => format!("Undo {label} (Ctrl+Z)"),
        Locale::Ja => format!("元に戻す：{label}（Ctrl+Z）"),
    }
}

/// The Redo button's tooltip: "Redo delete “Ship Rider” (Ctrl+Shift+Z)".
pub fn redo_hint(locale: Locale, label: &str) -> String {
    match locale {
        Locale::En => format!("Redo {label} (Ctrl+Shift+Z)"),
        Locale::Ja => format!("やり直す：{label}（Ctrl+Shift+Z）"),
    }
}

/// What a change made here does to an activity, as its undo step names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActivityChange {
    Add,
    Edit,
    Delete,
}

/// The undo step's label of a change to the activity titled `title`: "delete “Ship Rider”",
/// 「「Ship Rider」の削除」. It follows "Undo " / "Undone: " in the buttons and notices.
pub fn change_label(locale: Locale, change: ActivityChange, title: &str) -> String {
    let title = quoted(locale, title);
    match (locale, change) {
        (Locale::En, ActivityChange::Add) => format!("add {title}"),
        (Locale::En, ActivityChange::Edit) => format!("edit {title}"),
        (Locale::En, ActivityChange::Delete) => format!("delete {title}"),
        (Locale::Ja, ActivityChange::Add) => format!("{title}の追加"),
        (Locale::Ja, ActivityChange::Edit) => format!("{title}の編集"),
        (Locale::Ja, ActivityChange::Delete) => format!("{title}の削除"),
    }
}

/// The notice after a change to the activity titled `title`: "Deleted “Ship Rider”.", "Saved “Ship
/// Rider”; the current filters hide it." (`hidden`: the saved record does not pass the filters).
pub fn change_notice(locale: Locale, change: ActivityChange, title: &str, hidden: bool) -> String {
    let title = quoted(locale, title);
    match locale {
        Locale::En => {
            let verb = match change {
                ActivityChange::Add => "Added",
                ActivityChange::Edit => "Saved",
                ActivityChange::Delete => "Deleted",
            };
            if hidden {
                format!("{verb} {title}; the current filters hide it.")
            } else {
                format!("{verb} {title}.")
            }
        }
        Locale::Ja => {
            let verb = match change {
                ActivityChange::Add => "追加",
                ActivityChange::Edit => "保存",
                ActivityChange::Delete => "削除",
            };
            if hidden {
                format!("{title}を{verb}しました。現在の絞り込みでは表示されません。")
            } else {
                format!("{title}を{verb}しました。")
            }
        }
    }
}

/// The note of a view whose counts the Activities view's other filters narrow (`ignored`: the view
/// leaves them out instead). `view` is the view's name in `locale` ("matrix", 「マトリックス」),
/// `others` the filters already listed in `locale`. The English sentence ends with a space before
/// its button, as it always has.
pub fn other_filters_note(locale: Locale, view: &str, others: &str, ignored: bool) -> String {
    match (locale, ignored) {
        (Locale::En, true) => {
            format!("The filters set in the Activities view ({others}) do not apply to the {view}.")
        }
        (Locale::En, false) => {
            format!("The {view} also applies the filters set in the Activities view: {others}. ")
        }
        (Locale::Ja, true) => {
            format!("活動一覧で設定した絞り込み（{others}）は、{view}には適用されません。")
        }
        (Locale::Ja, false) => {
            format!("{view}には、活動一覧で設定した絞り込みも適用されています：{others}。")
        }
    }
}

/// The editor's line for "this many problems to fix", empty for none.
pub fn problems_to_fix(locale: Locale, count: usize) -> String {
    match (locale, count) {
        (_, 0) => String::new(),
        (Locale::En, 1) => "1 problem to fix".to_string(),
        (Locale::En, n) => format!("{n} problems to fix"),
        (Locale::Ja, n) => format!("修正が必要な問題：{n}件"),
    }
}

/// One line of the list of problems after a refused save: "Title: must not be empty".
pub fn problem_line(locale: Locale, place: &str, message: &str) -> String {
    match locale {
        Locale::En => format!("{place}: {message}"),
        Locale::Ja => format!("{place}：{message}"),
    }
}

/// The note on a record holding keys this version does not know (`keys`, already listed).
pub fn unknown_keys(locale: Locale, count: usize, keys: &str) -> String {
    match locale {
        Locale::En => {
            let some = if count == 1 {
                "a key".to_string()
            } else {
                format!("{count} keys")
            };
            format!(
                "This record also holds {some} this version does not know ({keys}); they are kept as \
                 they are."
            )
        }
        Locale::Ja => format!(
            "この記録には、この版が扱わないキーが{count}個あります（{keys}）。そのまま保持されます。"
        ),
    }
}

/// The numbered entry of an editable list, for a label or a button: "Field 2", "Remove source 3",
/// and the hidden part of an entry's labels, " (follow-up 1)".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    Field,
    FollowUp,
    Source,
}

impl Entry {
    /// The entry's name without a number: "Follow-up", 「フォローアップ」.
    pub fn name(self, locale: Locale) -> &'static str {
        match (locale, self) {
            (Locale::En, Entry::Field) => "Field",
            (Locale::En, Entry::FollowUp) => "Follow-up",
            (Locale::En, Entry::Source) => "Source",
            (Locale::Ja, Entry::Field) => "分野",
            (Locale::Ja, Entry::FollowUp) => "フォローアップ",
            (Locale::Ja, Entry::Source) => "出典",
        }
    }

    /// The list's key in format v1 (`fields`, `followUps`, `sources`).
    pub fn from_key(key: &str) -> Option<Entry> {
        match key {
            "fields" => Some(Entry::Field),
            "followUps" => Some(Entry::FollowUp),
            "sources" => Some(Entry::Source),
            _ => None,
        }
    }

    /// "Field 2", 「分野 2」 (`number` counts from 1).
    pub fn numbered(self, locale: Locale, number: usize) -> String {
        format!("{} {number}", self.name(locale))
    }

    /// The remove button's name: "Remove field 2", 「分野 2 を削除」.
    pub fn remove(self, locale: Locale, number: usize) -> String {
        match (locale, self) {
            (Locale::En, Entry::Field) => format!("Remove field {number}"),
            (Locale::En, Entry::FollowUp) => format!("Remove follow-up {number}"),
            (Locale::En, Entry::Source) => format!("Remove source {number}"),
            (Locale::Ja, _) => format!("{}を削除", self.numbered(locale, number)),
        }
    }

    /// What a screen reader hears after an entry's label: " (follow-up 1)", 「（フォローアップ 1）」.
    pub fn which(self, locale: Locale, number: usize) -> String {
        match (locale, self) {
            (Locale::En, Entry::Field) => format!(" (field {number})"),
            (Locale::En, Entry::FollowUp) => format!(" (follow-up {number})"),
            (Locale::En, Entry::Source) => format!(" (source {number})"),
            (Locale::Ja, _) => format!("（{}）", self.numbered(locale, number)),
        }
    }
}

/// A key inside a list entry, after the entry's name: "Source 2, address", 「出典 2のアドレス」.
/// A key the form has no words for is shown as it is.
pub fn entry_key(locale: Locale, entry: &str, key: &str) -> String {
    match locale {
        Locale::En => match key {
            "url" => format!("{entry}, address"),
            "accessed" => format!("{entry}, date accessed"),
            other => format!("{entry}, {other}"),
        },
        Locale::Ja => match key {
            "url" => format!("{entry}のアドレス"),
            "accessed" => format!("{entry}の閲覧日"),
            "year" => format!("{entry}の年"),
            "note" => format!("{entry}の内容"),
            "title" => format!("{entry}の題名"),
            other => format!("{entry}の{other}"),
        },
    }
}

/// The editor's refusal of a year box's text that is not a number.
pub fn not_a_year(locale: Locale, typed: &str) -> String {
    match locale {
        Locale::En => format!("\"{typed}\" is not a year; write it with four digits, such as 2016"),
        Locale::Ja => format!("「{typed}」は年ではありません。2016のように4桁で入力してください"),
    }
}

/// The warning on a `partOf` that names no activity of the dataset.
pub fn no_such_programme(locale: Locale, id: &str) -> String {
    match locale {
        Locale::En => format!(
            "no activity has the id \"{id}\"; until one has, this activity counts as its own"
        ),
        Locale::Ja => {
            format!("ID「{id}」の活動はありません。その活動ができるまで、この活動は単独で数えます")
        }
    }
}

/// The warning on a `partOf` that names an activity which is itself a dated event.
pub fn programme_is_an_event(locale: Locale, id: &str) -> String {
    match locale {
        Locale::En => format!(
            "\"{id}\" is itself a dated event of a programme, so this activity counts as its own"
        ),
        Locale::Ja => format!("「{id}」は事業の日付のある行事であるため、この活動は単独で数えます"),
    }
}

/// A copy's title in the editor before the user changes it: "Ship Rider (copy)".
pub fn copy_title(locale: Locale, title: &str) -> String {
    match locale {
        Locale::En => format!("{title} (copy)"),
        Locale::Ja => format!("{title}（コピー）"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_with_values_in_both_languages() {
        let (en, ja) = (Locale::En, Locale::Ja);
        let cases = [
            (more_filters_set(en, 1), "More filters (1 set)"),
            (more_filters_set(ja, 3), "その他の絞り込み（3件設定中）"),
            (show_more(en, 100, 9800), "Show 100 more (9800 not shown)"),
            (show_more(ja, 100, 9800), "さらに100件を表示（未表示 9800件）"),
            (
                undo_hint(en, "delete “Ship Rider”"),
                "Undo delete “Ship Rider” (Ctrl+Z)",
            ),
            (
                undo_hint(ja, "「Ship Rider」の削除"),
                "元に戻す：「Ship Rider」の削除（Ctrl+Z）",
            ),
            (
                redo_hint(en, "add “PKO seminar”"),
                "Redo add “PKO seminar” (Ctrl+Shift+Z)",
            ),
            (
                redo_hint(ja, "「PKO seminar」の追加"),
                "やり直す：「PKO seminar」の追加（Ctrl+Shift+Z）",
            ),
            (
                change_label(en, ActivityChange::Delete, "Ship Rider"),
                "delete “Ship Rider”",
            ),
            (
                change_label(en, ActivityChange::Edit, "Ship Rider"),
                "edit “Ship Rider”",
            ),
            (
                change_label(en, ActivityChange::Add, "Ship Rider"),
                "add “Ship Rider”",
            ),
            (
                change_label(ja, ActivityChange::Delete, "Ship Rider"),
                "「Ship Rider」の削除",
            ),
            (
                change_label(ja, ActivityChange::Edit, "Ship Rider"),
                "「Ship Rider」の編集",
            ),
            (
                change_label(ja, ActivityChange::Add, "Ship Rider"),
                "「Ship Rider」の追加",
            ),
            (
                change_notice(en, ActivityChange::Delete, "Ship Rider", false),
                "Deleted “Ship Rider”.",
            ),
            (
                change_notice(en, ActivityChange::Add, "Ship Rider", false),
                "Added “Ship Rider”.",
            ),
            (
                change_notice(en, ActivityChange::Edit, "Ship Rider", true),
                "Saved “Ship Rider”; the current filters hide it.",
            ),
            (
                change_notice(ja, ActivityChange::Delete, "Ship Rider", false),
                "「Ship Rider」を削除しました。",
            ),
            (
                change_notice(ja, ActivityChange::Add, "Ship Rider", true),
                "「Ship Rider」を追加しました。現在の絞り込みでは表示されません。",
            ),
            (
                change_notice(ja, ActivityChange::Edit, "Ship Rider", false),
                "「Ship Rider」を保存しました。",
            ),
            (
                other_filters_note(en, "matrix", "status: Completed", false),
                "The matrix also applies the filters set in the Activities view: status: Completed. ",
            ),
            (
                other_filters_note(en, "trends", "search: “PKO”", true),
                "The filters set in the Activities view (search: “PKO”) do not apply to the trends.",
            ),
            (
                other_filters_note(ja, "マトリックス", "状況：完了", false),
                "マトリックスには、活動一覧で設定した絞り込みも適用されています：状況：完了。",
            ),
            (
                other_filters_note(ja, "推移", "検索：「PKO」", true),
                "活動一覧で設定した絞り込み（検索：「PKO」）は、推移には適用されません。",
            ),
            (problems_to_fix(en, 0), ""),
            (problems_to_fix(en, 1), "1 problem to fix"),
            (problems_to_fix(en, 4), "4 problems to fix"),
            (problems_to_fix(ja, 0), ""),
            (problems_to_fix(ja, 4), "修正が必要な問題：4件"),
            (
                problem_line(en, "Title", "must not be empty"),
                "Title: must not be empty",
            ),
            (problem_line(ja, "名称", "空です"), "名称：空です"),
            (
                unknown_keys(en, 1, "zLater"),
                "This record also holds a key this version does not know (zLater); they are kept \
                 as they are.",
            ),
            (
                unknown_keys(en, 2, "a, b"),
                "This record also holds 2 keys this version does not know (a, b); they are kept as \
                 they are.",
            ),
            (
                unknown_keys(ja, 2, "a、b"),
                "この記録には、この版が扱わないキーが2個あります（a、b）。そのまま保持されます。",
            ),
            (
                entry_key(en, "Source 2", "url"),
                "Source 2, address",
            ),
            (
                entry_key(en, "Source 1", "accessed"),
                "Source 1, date accessed",
            ),
            (
                entry_key(en, "Follow-up 4", "year"),
                "Follow-up 4, year",
            ),
            (entry_key(ja, "出典 2", "url"), "出典 2のアドレス"),
            (entry_key(ja, "フォローアップ 4", "year"), "フォローアップ 4の年"),
            (
                not_a_year(en, "20x4"),
                "\"20x4\" is not a year; write it with four digits, such as 2016",
            ),
            (
                not_a_year(ja, "20x4"),
                "「20x4」は年ではありません。2016のように4桁で入力してください",
            ),
            (
                no_such_programme(en, "NOWHERE"),
                "no activity has the id \"NOWHERE\"; until one has, this activity counts as its own",
            ),
            (
                no_such_programme(ja, "NOWHERE"),
                "ID「NOWHERE」の活動はありません。その活動ができるまで、この活動は単独で数えます",
            ),
            (
                programme_is_an_event(en, "EV"),
                "\"EV\" is itself a dated event of a programme, so this activity counts as its own",
            ),
            (
                programme_is_an_event(ja, "EV"),
                "「EV」は事業の日付のある行事であるため、この活動は単独で数えます",
            ),
            (copy_title(en, "Ship Rider"), "Ship Rider (copy)"),
            (copy_title(ja, "Ship Rider"), "Ship Rider（コピー）"),
        ];
        for (got, expected) in cases {
            assert_eq!(got, expected);
        }
    }

    #[test]
    fn numbered_entries_in_both_languages() {
        let (en, ja) = (Locale::En, Locale::Ja);
        let cases = [
            (Entry::Field.numbered(en, 2), "Field 2"),
            (Entry::Field.remove(en, 2), "Remove field 2"),
            (Entry::FollowUp.remove(en, 1), "Remove follow-up 1"),
            (Entry::Source.remove(en, 3), "Remove source 3"),
            (Entry::FollowUp.which(en, 1), " (follow-up 1)"),
            (Entry::Source.which(en, 2), " (source 2)"),
            (Entry::Field.numbered(ja, 2), "分野 2"),
            (Entry::Field.remove(ja, 2), "分野 2を削除"),
            (Entry::FollowUp.remove(ja, 1), "フォローアップ 1を削除"),
            (Entry::Source.which(ja, 2), "（出典 2）"),
        ];
        for (got, expected) in cases {
            assert_eq!(got, expected);
        }
        assert_eq!(Entry::from_key("followUps"), Some(Entry::FollowUp));
        assert_eq!(Entry::from_key("measures"), None);
    }
}
