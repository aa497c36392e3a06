//! The Data view's words: import and its preview, export, the storage-health panel and the reset confirmation.
//!
//! What stays as it is in both languages: JSON paths (`activities[3].countries[1]`) and the keys of
//! the format (a diff's field column), file names (ASCII, `vientiane-vision-2026-12-02.json`), the CSV
//! header (part of the format, `model::csv`), sizes (`8.6 MB`) and the syntax snippet of a bad file.

use super::super::published::{
    CatalogueFault, FetchFault, LinkFault, CATALOGUE_PATH, MAX_CATALOGUE_ENTRIES, MAX_LINK_CHARS,
};
use super::{count, list, phrases, year, Locale, Phrase};

phrases! {
    /// The fixed phrases of this area.
    pub enum DataText {
        DataHeading => "Data", "データ";
        DataLead => "Share the dataset with colleagues as a file: export it here, and import theirs. Everything stays in this browser until you export it.",
            "データセットをファイルにして同僚と共有できます。ここでエクスポートし、同僚のファイルをインポートしてください。エクスポートするまで、すべてはこのブラウザーの中だけにあります。";
        StartAgain => "Start again", "最初から始める";
        DropHint => "Drop the dataset file to preview the import", "データセットのファイルをドロップすると、インポートのプレビューを表示します";

        // Export.
        ExportHeading => "Export", "エクスポート";
        ExportIntro => "Save the dataset as a file to keep a copy or to share it. JSON keeps everything and can be imported again; CSV opens in a spreadsheet.",
            "写しを残したり共有したりするために、データセットをファイルに保存します。JSONはすべてを保持し、再びインポートできます。CSVは表計算ソフトで開けます。";
        WhatToExport => "What to export", "エクスポートする範囲";
        ExportJson => "Export JSON", "JSONをエクスポート";
        ExportCsv => "Export CSV", "CSVをエクスポート";
        SchemaBefore => "The file format is documented by its ", "ファイル形式は";
        SchemaLink => "JSON Schema (format version 1)", "JSONスキーマ（形式バージョン1）";
        SchemaAfter => ".", "で定義されています。";

        // Import.
        ImportHeading => "Import", "インポート";
        ImportIntro => "Bring in a dataset a colleague exported. You see what would change before anything does, and you can undo an import afterwards. You can also drop a file anywhere on the page.",
            "同僚がエクスポートしたデータセットを取り込みます。何かが変わる前に変更内容を確認でき、インポートした後で元に戻すこともできます。ファイルはページのどこにドロップしても構いません。";
        ChooseFile => "Choose a file (.json)", "JSONファイルを選択";
        OrPaste => "…or paste the JSON text", "…またはJSONのテキストを貼り付け";
        PreviewPasted => "Preview the pasted text", "貼り付けたテキストをプレビュー";
        PastedText => "pasted text", "貼り付けたテキスト";
        DroppedFiles => "the dropped files", "ドロップされたファイル";
        UndoImport => "Undo import", "インポートを元に戻す";
        ImportUndone => "The import was undone: the data is as before.", "インポートを元に戻しました。データは以前のとおりです。";
        /// The label of the undo step an import creates (the English one is `state::IMPORT_LABEL`).
        ImportStep => "import", "インポート";
        ProblemsFound => "Problems found", "見つかった問題";
        Error => "Error", "エラー";
        Warning => "Warning", "警告";
        New => "New", "新規";
        Changed => "Changed", "変更あり";
        Unchanged => "Unchanged", "変更なし";
        OnlyHere => "Only here", "このブラウザーのみ";
        Merge => "Merge", "統合";
        Cancel => "Cancel", "キャンセル";

        // Conflicts and the field diff.
        ChangedActivities => "Changed activities", "変更のある活動";
        ForEveryChanged => "For every changed activity", "変更のある活動すべてについて";
        PolicyNewerWins => "Newer “updated” wins", "更新日時が新しい方を採用";
        PolicyKeepMine => "Keep mine", "自分の版を残す";
        PolicyTakeTheirs => "Take theirs", "ファイルの版を採用";
        NewerWinsHint => "“Newer wins” compares the activities’ “updated” times; without a later time on the file’s side, yours is kept.",
            "「更新日時が新しい方を採用」は、両方の活動の更新日時を比べます。ファイル側の日時の方が新しくなければ、自分の版を残します。";
        MineIsNewer => "Yours is newer.", "自分の版の方が新しいです。";
        TheirsIsNewer => "The file’s is newer.", "ファイルの版の方が新しいです。";
        NeitherIsNewer => "Neither is newer by its “updated” time.", "更新日時では、どちらが新しいか決まりません。";
        Field => "Field", "項目";
        YoursColumn => "Yours (this browser)", "自分の版（このブラウザー）";
        TheirsColumn => "The file’s", "ファイルの版";
        NoValue => "(none)", "（なし）";
        KeepingYours => "Keeping yours.", "自分の版を残します。";
        TakingTheirs => "Taking the file’s.", "ファイルの版を採用します。";
        Keep => "Keep", "採用する版";
        AsChosenForAll => "as chosen for all", "全体の選択に従う";
        Yours => "yours", "自分の版";
        TheFiles => "the file’s", "ファイルの版";
        NoMeasure => "none (dialogue or exchange)", "なし（対話・交流）";
        Ongoing => "ongoing", "継続中";

        // Storage health.
        StorageHealth => "Storage health", "保存領域の状態";
        NeverExported => "This dataset has never been exported from this browser.",
            "このデータセットは、このブラウザーから一度もエクスポートされていません。";
        NeverExportedWhy => " Browsers can clear a site's data (when space runs low, or when history is cleared): export a copy above and keep the file somewhere safe.",
            "ブラウザーは、空き容量が少なくなったときや履歴を消去したときに、サイトのデータを消すことがあります。上でエクスポートし、ファイルを安全な場所に保管してください。";
        DatasetHere => "Dataset in this browser", "このブラウザー内のデータセット";
        SiteStorage => "All storage of this site", "このサイトの保存領域全体";
        KeptForGood => "Kept for good", "永続的な保存";
        LastSaved => "Last saved", "最終保存";
        LastExported => "Last exported", "最終エクスポート";
        NotSavedYet => "Not saved yet", "まだ保存されていません";
        NeverFromHere => "Never from this browser", "このブラウザーからは一度もありません";
        BrowserDoesNotSay => "This browser does not say.", "このブラウザーは示していません。";
        NothingStored => "Nothing stored yet: the sample data is built into the app.",
            "まだ何も保存されていません。サンプルデータはアプリに組み込まれています。";
        Persistent => "Yes: the browser keeps this site's data until you clear it.",
            "はい：消去するまで、ブラウザーはこのサイトのデータを保持します。";
        BestEffort => "No: the browser may clear this site's data when space runs low. Export regularly.",
            "いいえ：空き容量が少なくなると、ブラウザーがこのサイトのデータを消すことがあります。定期的にエクスポートしてください。";
        PersistenceUnknown => "Unknown: this browser does not say. Export regularly.",
            "不明：このブラウザーは示していません。定期的にエクスポートしてください。";

        // Reset.
        ResetAsk => "Reset to sample data…", "サンプルデータに戻す…";
        ResetConfirm => "Reset to sample data", "サンプルデータに戻す";
        ResetDone => "Reset to the sample data.", "サンプルデータに戻しました。";

        // Published datasets (`model::published`, `ui/published.rs`).
        PublishedHeading => "Published datasets", "公開データセット";
        PublishedIntro => "Datasets published on this site beside the atlas. Preview one to merge it into yours or to replace yours with it: nothing changes until you choose.",
            "このサイトでアトラスと一緒に公開されているデータセットです。プレビューして、手元のデータに統合するか、置き換えるかを選べます。選ぶまで何も変わりません。";
        PublishedReading => "Reading the list of published datasets…", "公開データセットの一覧を読み込んでいます…";
        PublishedEmpty => "No dataset is published on this site yet.", "このサイトで公開されているデータセットはまだありません。";
        PublishedPreview => "Preview", "プレビュー";
        PublishedFile => "File", "ファイル";
        PublishedUpdated => "Updated", "更新日";
        PublishedUnreadable => "The list of published datasets could not be read.", "公開データセットの一覧を読み込めませんでした。";
        PublishedLeftOut => "Left out of the list:", "一覧から除いた項目：";
    }
}

/// Why a published dataset at `link` could not be fetched (`model::published::FetchFault`).
pub fn published_fault(locale: Locale, link: &str, fault: &FetchFault) -> String {
    let quoted = super::quoted(locale, link);
    match (locale, fault) {
        (Locale::En, FetchFault::Link(fault)) => {
            format!("The link {quoted} was not followed: it {}.", link_fault(locale, *fault))
        }
        (Locale::Ja, FetchFault::Link(fault)) => {
            format!("リンク{quoted}は開きませんでした。{}", link_fault(locale, *fault))
        }
        (Locale::En, FetchFault::Resolved) => format!(
            "The link {quoted} was not followed: it leads away from this app's site or folder."
        ),
        (Locale::Ja, FetchFault::Resolved) => format!(
            "リンク{quoted}は開きませんでした。このアプリのサイトまたはフォルダーの外を指しています。"
        ),
        (Locale::En, FetchFault::FileProtocol) => format!(
            "{quoted} cannot be fetched: this copy of the atlas was opened as a file, and published datasets need it served from a web site. Import the file from the Data view instead."
        ),
        (Locale::Ja, FetchFault::FileProtocol) => format!(
            "{quoted}を取得できません。このアトラスはファイルとして開かれており、公開データセットにはウェブサイトから開く必要があります。代わりに「データ」画面からファイルをインポートしてください。"
        ),
        (Locale::En, FetchFault::NotFound) => format!(
            "There is no file {quoted} on this site (404). Check the link with whoever shared it."
        ),
        (Locale::Ja, FetchFault::NotFound) => format!(
            "このサイトにファイル{quoted}はありません（404）。共有した人にリンクを確認してください。"
        ),
        (Locale::En, FetchFault::Status(status)) => {
            format!("The site did not hand over {quoted}: it answered with the status {status}.")
        }
        (Locale::Ja, FetchFault::Status(status)) => {
            format!("サイトは{quoted}を渡しませんでした（ステータス{status}）。")
        }
        (Locale::En, FetchFault::WrongType(kind)) => format!(
            "{quoted} is not a dataset file: the site sent it as “{kind}” (a dataset is JSON)."
        ),
        (Locale::Ja, FetchFault::WrongType(kind)) => format!(
            "{quoted}はデータセットのファイルではありません。サイトは「{kind}」として送ってきました（データセットはJSONです）。"
        ),
        (Locale::En, FetchFault::Network) => format!(
            "{quoted} could not be fetched: there is no network, and it has not been opened in this browser before. Try again once online."
        ),
        (Locale::Ja, FetchFault::Network) => format!(
            "{quoted}を取得できませんでした。ネットワークにつながっておらず、このブラウザーで開いたこともありません。オンラインになってから、もう一度お試しください。"
        ),
    }
}

/// What is wrong with a link, as the end of a sentence ("it …" in English, a sentence in Japanese).
fn link_fault(locale: Locale, fault: LinkFault) -> String {
    match (locale, fault) {
        (Locale::En, LinkFault::Empty) => "is empty".into(),
        (Locale::Ja, LinkFault::Empty) => "リンクが空です。".into(),
        (Locale::En, LinkFault::TooLong { length }) => {
            format!("is {length} characters long; the limit is {MAX_LINK_CHARS}")
        }
        (Locale::Ja, LinkFault::TooLong { length }) => {
            format!("{length}文字あります。上限は{MAX_LINK_CHARS}文字です。")
        }
        (Locale::En, LinkFault::OtherOrigin) => "is on another site: a published dataset must be a file beside the app, such as datasets/seminar.json".into(),
        (Locale::Ja, LinkFault::OtherOrigin) => "別のサイトを指しています。公開データセットは、datasets/seminar.json のようにアプリと同じ場所に置いたファイルでなければなりません。".into(),
        (Locale::En, LinkFault::FromRoot) => "starts with “/”: write it relative to the app, such as datasets/seminar.json".into(),
        (Locale::Ja, LinkFault::FromRoot) => "「/」で始まっています。datasets/seminar.json のように、アプリからの相対パスで書いてください。".into(),
        (Locale::En, LinkFault::Outside) => "leaves the app's folder (..): a published dataset must lie beside the app or below it".into(),
        (Locale::Ja, LinkFault::Outside) => "アプリのフォルダーの外（..）を指しています。公開データセットは、アプリと同じフォルダーかその下に置いてください。".into(),
        (Locale::En, LinkFault::Unsafe) => "contains a control character or a backslash, or starts or ends with a space".into(),
        (Locale::Ja, LinkFault::Unsafe) => "制御文字またはバックスラッシュを含んでいるか、空白で始まるか終わっています。".into(),
    }
}

/// What is wrong with the catalogue or one of its entries (after its JSON path).
pub fn catalogue_fault(locale: Locale, fault: CatalogueFault) -> String {
    match (locale, fault) {
        (Locale::En, CatalogueFault::NotCatalogue) => format!(
            "is not a catalogue: {CATALOGUE_PATH} must be an object with a list \"datasets\" of {{title, file, description, updated}}"
        ),
        (Locale::Ja, CatalogueFault::NotCatalogue) => format!(
            "一覧の形式ではありません。{CATALOGUE_PATH} は、{{title, file, description, updated}} のリスト「datasets」を持つオブジェクトでなければなりません。"
        ),
        (Locale::En, CatalogueFault::EntryNotObject) => {
            "must be an object with a title and a file".into()
        }
        (Locale::Ja, CatalogueFault::EntryNotObject) => {
            "title と file を持つオブジェクトでなければなりません。".into()
        }
        (_, CatalogueFault::Link(fault)) => link_fault(locale, fault),
        (Locale::En, CatalogueFault::NotDate) => "must be a date such as 2026-11-30".into(),
        (Locale::Ja, CatalogueFault::NotDate) => {
            "2026-11-30 のような日付でなければなりません。".into()
        }
        (Locale::En, CatalogueFault::TooManyEntries { count }) => format!(
            "lists {count} datasets; the first {MAX_CATALOGUE_ENTRIES} are shown"
        ),
        (Locale::Ja, CatalogueFault::TooManyEntries { count }) => format!(
            "{count}件のデータセットがあります。最初の{MAX_CATALOGUE_ENTRIES}件を表示しています。"
        ),
    }
}

/// "1 error", "3 warnings"; 「エラー 3件」.
fn problems(locale: Locale, n: usize, noun: DataNoun) -> String {
    let number = count(locale, n);
    match (locale, noun) {
        (Locale::En, DataNoun::Error) if n == 1 => "1 error".to_string(),
        (Locale::En, DataNoun::Error) => format!("{number} errors"),
        (Locale::En, DataNoun::Warning) if n == 1 => "1 warning".to_string(),
        (Locale::En, DataNoun::Warning) => format!("{number} warnings"),
        (Locale::Ja, DataNoun::Error) => format!("エラー {number}件"),
        (Locale::Ja, DataNoun::Warning) => format!("警告 {number}件"),
    }
}

#[derive(Clone, Copy)]
enum DataNoun {
    Error,
    Warning,
}

/// "1 activity", "活動 1件": the one count of activities (`wording`), here for the sentences below.
fn activities(locale: Locale, n: usize) -> String {
    super::super::wording::activities(locale, n)
}

/// The export's choice of the whole dataset, with its size.
pub fn export_whole(locale: Locale, activities_count: usize) -> String {
    let n = activities(locale, activities_count);
    match locale {
        Locale::En => format!("The whole dataset ({n})"),
        Locale::Ja => format!("データセット全体（{n}）"),
    }
}

/// The export's choice of what the filters show, with its size.
pub fn export_filtered(locale: Locale, activities_count: usize) -> String {
    let n = activities(locale, activities_count);
    match locale {
        Locale::En => format!("What the current filters show ({n})"),
        Locale::Ja => format!("現在の絞り込みで表示中の活動（{n}）"),
    }
}

/// When the whole dataset was last exported as JSON, from `(today, the day of that export)` in local
/// calendar days, or never.
pub fn last_exported(locale: Locale, days: Option<(i64, i64)>) -> String {
    let Some((today, last)) = days else {
        return match locale {
            Locale::En => "Not exported from this browser yet.".to_string(),
            Locale::Ja => "このブラウザーからはまだエクスポートしていません。".to_string(),
        };
    };
    match (locale, today - last) {
        (Locale::En, n) if n <= 0 => "Last exported today.".to_string(),
        (Locale::En, 1) => "Last exported 1 day ago.".to_string(),
        (Locale::En, n) => format!("Last exported {n} days ago."),
        (Locale::Ja, n) if n <= 0 => "最後のエクスポートは今日です。".to_string(),
        (Locale::Ja, n) => format!("最後のエクスポートは{n}日前です。"),
    }
}

/// "Reading “name”…" while a file is read.
pub fn reading(locale: Locale, source: &str) -> String {
    match locale {
        Locale::En => format!("Reading “{source}”…"),
        Locale::Ja => format!("「{source}」を読み込み中…"),
    }
}

/// Why the browser could not hand a file over (its own reason in parentheses).
pub fn unreadable_file(locale: Locale, error: &str) -> String {
    match locale {
        Locale::En => format!("The browser could not read the file ({error})."),
        Locale::Ja => format!("ブラウザーがファイルを読み込めませんでした（{error}）。"),
    }
}

/// More than one file was dropped at once.
pub fn several_files(locale: Locale, files: usize) -> String {
    match locale {
        Locale::En => format!("{files} files were dropped; drop one dataset file at a time."),
        Locale::Ja => format!(
            "{files}個のファイルがドロップされました。データセットのファイルは1つずつドロップしてください。"
        ),
    }
}

/// The heading of a refused file's errors.
pub fn not_imported(locale: Locale, source: &str) -> String {
    match locale {
        Locale::En => format!("“{source}” was not imported"),
        Locale::Ja => format!("「{source}」はインポートされませんでした"),
    }
}

/// What was found in a refused file, and that nothing changed.
pub fn errors_found(locale: Locale, errors: usize, warnings: usize) -> String {
    let errors = problems(locale, errors, DataNoun::Error);
    let warnings = (warnings > 0).then(|| problems(locale, warnings, DataNoun::Warning));
    match (locale, warnings) {
        (Locale::En, None) => {
            format!("{errors} found. Nothing has changed: your data is as it was.")
        }
        (Locale::En, Some(warnings)) => {
            format!("{errors} and {warnings} found. Nothing has changed: your data is as it was.")
        }
        (Locale::Ja, None) => {
            format!("{errors}が見つかりました。何も変更されていません。データは元のままです。")
        }
        (Locale::Ja, Some(warnings)) => format!(
            "{errors}と{warnings}が見つかりました。何も変更されていません。データは元のままです。"
        ),
    }
}

/// The problems a refused file's list leaves out: `problems` more, of `kinds` other messages.
pub fn more_problems(locale: Locale, problems: usize, kinds: usize) -> String {
    match locale {
        Locale::En => format!("…and {problems} more problems of {kinds} other kinds."),
        Locale::Ja => format!("…ほかに{kinds}種類の問題が{problems}件あります。"),
    }
}

/// Where one grouped problem occurs: "at activities[0].id", or "300 places: a, b, c, d, e and 295
/// more" naming the first `shown`; `None` for a problem of the whole file. Paths stay as written.
pub fn problem_places(locale: Locale, paths: &[&str], shown: usize) -> Option<String> {
    match paths {
        [] => None,
        [one] => Some(match locale {
            Locale::En => format!("at {one}"),
            Locale::Ja => format!("場所：{one}"),
        }),
        _ => {
            let n = paths.len();
            let named = list(locale, &paths[..shown.min(n)]);
            let more = n.saturating_sub(shown);
            Some(match (locale, more) {
                (Locale::En, 0) => format!("{n} places: {named}"),
                (Locale::En, more) => format!("{n} places: {named} and {more} more"),
                (Locale::Ja, 0) => format!("{n}か所：{named}"),
                (Locale::Ja, more) => format!("{n}か所：{named}、ほか{more}か所"),
            })
        }
    }
}

/// The line above a valid file's warnings.
pub fn warnings_intro(locale: Locale, warnings: usize) -> String {
    let warnings = problems(locale, warnings, DataNoun::Warning);
    match locale {
        Locale::En => {
            format!("{warnings} — shown for checking, they do not block the import:")
        }
        Locale::Ja => format!("{warnings}（確認のために表示しています。インポートは妨げません）："),
    }
}

/// The heading of an import preview.
pub fn preview_of(locale: Locale, source: &str) -> String {
    match locale {
        Locale::En => format!("Preview of “{source}”"),
        Locale::Ja => format!("「{source}」のプレビュー"),
    }
}

/// How many activities the file and this browser hold.
pub fn preview_sizes(locale: Locale, incoming: usize, local: usize) -> String {
    let (incoming, local) = (activities(locale, incoming), activities(locale, local));
    match locale {
        Locale::En => format!(
            "The file holds {incoming}; this browser holds {local}. Nothing has changed yet."
        ),
        Locale::Ja => format!(
            "ファイルには{incoming}、このブラウザーには{local}があります。まだ何も変更されていません。"
        ),
    }
}

/// What Merge and Replace would do with a file of `incoming` activities, `only_here` of this
/// browser's activities not being in it.
pub fn merge_and_replace(locale: Locale, incoming: usize, only_here: usize) -> String {
    let file = activities(locale, incoming);
    match (locale, only_here) {
        (Locale::En, 0) => format!(
            "Merge adds the new activities, settles the changed ones as chosen below and keeps those found only here. Replace makes this browser hold exactly the file's {file}."
        ),
        (Locale::En, n) => format!(
            "Merge adds the new activities, settles the changed ones as chosen below and keeps those found only here. Replace makes this browser hold exactly the file's {file}, removing the {} found only here.",
            activities(locale, n)
        ),
        (Locale::Ja, 0) => format!(
            "統合すると、新しい活動を追加し、変更のある活動を下の選択どおりに扱い、このブラウザーにしかない活動は残します。置き換えると、このブラウザーの活動はファイルの{file}だけになります。"
        ),
        (Locale::Ja, n) => format!(
            "統合すると、新しい活動を追加し、変更のある活動を下の選択どおりに扱い、このブラウザーにしかない活動は残します。置き換えると、このブラウザーの活動はファイルの{file}だけになり、このブラウザーにしかない{}は削除されます。",
            activities(locale, n)
        ),
    }
}

/// The Replace button: "Replace all 246 activities".
pub fn replace_all(locale: Locale, local: usize) -> String {
    let n = count(locale, local);
    match locale {
        Locale::En => format!("Replace all {n} activities"),
        Locale::Ja => format!("活動 {n}件をすべて置き換え"),
    }
}

/// The changed activities the preview does not list, which follow the policy.
pub fn more_changed(locale: Locale, more: usize) -> String {
    match locale {
        Locale::En => {
            format!("…and {more} more changed activities, settled by the choice above.")
        }
        Locale::Ja => format!("…ほかに変更のある活動が{more}件あり、上の選択に従って扱われます。"),
    }
}

/// The hidden caption of one changed activity's diff table.
pub fn fields_differ(locale: Locale, id: &str) -> String {
    match locale {
        Locale::En => format!("Fields of {id} that differ"),
        Locale::Ja => format!("{id}の異なる項目"),
    }
}

/// The label of one changed activity's own choice.
pub fn keep_which(locale: Locale, id: &str) -> String {
    match locale {
        Locale::En => format!("Keep which version of {id}"),
        Locale::Ja => format!("{id}で採用する版"),
    }
}

/// One follow-up in a diff: "2018: note", 「2018年：note」 (the note is the dataset's own text).
pub fn follow_up(locale: Locale, at: i32, note: &str) -> String {
    match locale {
        Locale::En => format!("{at}: {note}"),
        Locale::Ja => format!("{}：{note}", year(locale, at)),
    }
}

/// Two sentences one after the other: a space between them in English, none in Japanese.
pub fn two_sentences(locale: Locale, first: &str, second: &str) -> String {
    match locale {
        Locale::En => format!("{first} {second}"),
        Locale::Ja => format!("{first}{second}"),
    }
}

/// What an applied import did, for its notice and the line beside "Undo import".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportSummary {
    /// A merge: activities added, conflicts taken from the file, conflicts kept as this browser had
    /// them, activities the same on both sides.
    Merged {
        added: usize,
        updated: usize,
        kept: usize,
        unchanged: usize,
    },
    /// A replacement of `before` activities by the file's `after`.
    Replaced { before: usize, after: usize },
}

/// "Imported “theirs.json”: 2 added, 1 updated, 7 unchanged."
pub fn imported(locale: Locale, source: &str, summary: ImportSummary) -> String {
    let c = |n| count(locale, n);
    match (locale, summary) {
        (
            Locale::En,
            ImportSummary::Merged {
                added,
                updated,
                kept,
                unchanged,
            },
        ) => {
            let kept = match kept {
                0 => String::new(),
                kept => format!(", {} kept as yours", c(kept)),
            };
            format!(
                "Imported “{source}”: {} added, {} updated{kept}, {} unchanged.",
                c(added),
                c(updated),
                c(unchanged)
            )
        }
        (Locale::En, ImportSummary::Replaced { before, after }) => format!(
            "Imported “{source}”: replaced {} activities with the file's {}.",
            c(before),
            c(after)
        ),
        (
            Locale::Ja,
            ImportSummary::Merged {
                added,
                updated,
                kept,
                unchanged,
            },
        ) => {
            let kept = match kept {
                0 => String::new(),
                kept => format!("、自分の版を維持 {}件", c(kept)),
            };
            format!(
                "「{source}」をインポートしました：追加 {}件、更新 {}件{kept}、変更なし {}件。",
                c(added),
                c(updated),
                c(unchanged)
            )
        }
        (Locale::Ja, ImportSummary::Replaced { before, after }) => format!(
            "「{source}」をインポートしました：活動 {}件をファイルの {}件で置き換えました。",
            c(before),
            c(after)
        ),
    }
}

/// An import that would change nothing.
pub fn nothing_to_import(locale: Locale, source: &str) -> String {
    match locale {
        Locale::En => format!(
            "Nothing to import from “{source}”: it holds nothing this browser does not already have."
        ),
        Locale::Ja => format!(
            "「{source}」からインポートするものはありません。このブラウザーにないものは含まれていません。"
        ),
    }
}

/// The reset's question, with the number of activities it replaces.
pub fn reset_question(locale: Locale, activities_count: usize) -> String {
    let n = count(locale, activities_count);
    match locale {
        Locale::En => format!(
            "Replace all {n} activities with the researched sample? You can undo this afterwards."
        ),
        Locale::Ja => format!(
            "活動 {n}件をすべて、調査済みのサンプルデータに置き換えますか？後から元に戻せます。"
        ),
    }
}

/// A local date and time of a save or an export: "2026-11-28 17:04", 「2026年11月28日 17:04」.
pub fn saved_at(locale: Locale, (y, mo, d): (i32, u32, u32), (h, mi): (u32, u32)) -> String {
    match locale {
        Locale::En => format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}"),
        Locale::Ja => format!("{} {h:02}:{mi:02}", super::date(locale, y, mo, d)),
    }
}

/// What the whole site stores of what the browser allows (sizes already written, `format_bytes`).
pub fn site_usage(locale: Locale, usage: &str, quota: &str, share: f64) -> String {
    let share = format_share(locale, share);
    match locale {
        Locale::En => format!("{usage} of {quota} ({share})"),
        Locale::Ja => format!("{quota}中 {usage}（{share}）"),
    }
}

/// What the app's keys take of local storage, counted in UTF-16 code units as browsers count it,
/// against a quota of `quota` units.
pub fn local_usage(locale: Locale, units: usize, quota: usize) -> String {
    if units == 0 {
        return DataText::NothingStored.text(locale).to_string();
    }
    let share = format_share(locale, units as f64 / quota as f64);
    let (units, quota) = (format_units(units), format_units(quota));
    match locale {
        Locale::En => {
            format!("{units} of about {quota} characters that browsers allow ({share})")
        }
        Locale::Ja => format!("ブラウザーが許す約{quota}文字のうち{units}文字（{share}）"),
    }
}

/// A count of characters with thousands separators, "5,242,880" (Japanese groups digits the same
/// way, CLDR ja).
fn format_units(units: usize) -> String {
    let digits = units.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A share as a percentage: "0.4 %", "37 %", and "< 0.1 %" for a tiny but non-zero share; in
/// Japanese without the space, 「37%」, and 「0.1%未満」. The English spaces are non-breaking, so that a
/// narrow screen never wraps between the number and its sign.
pub fn format_share(locale: Locale, share: f64) -> String {
    let percent = share * 100.0;
    let value = if !percent.is_finite() || percent <= 0.0 {
        "0".to_string()
    } else if percent < 0.1 {
        return match locale {
            Locale::En => "<\u{a0}0.1\u{a0}%".to_string(),
            Locale::Ja => "0.1%未満".to_string(),
        };
    } else if percent < 10.0 {
        format!("{percent:.1}")
    } else {
        format!("{percent:.0}")
    };
    match locale {
        Locale::En => format!("{value}\u{a0}%"),
        Locale::Ja => format!("{value}%"),
    }
}

/// Bytes for people: "812 B", "14.2 kB", "3.4 MB", "1.2 GB" (powers of 1024, one decimal, a
/// non-breaking space before the unit), the same in both languages.
pub fn format_bytes(bytes: f64) -> String {
    const UNITS: [&str; 4] = ["kB", "MB", "GB", "TB"];
    if !bytes.is_finite() || bytes < 1024.0 {
        return format!("{}\u{a0}B", bytes.max(0.0).round() as u64);
    }
    let mut value = bytes / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1}\u{a0}{}", UNITS[unit])
}

#[cfg(test)]
mod tests {
    use super::*;
    use Locale::{En, Ja};

    #[test]
    fn sentences_with_values_in_both_languages() {
        let merged = ImportSummary::Merged {
            added: 2,
            updated: 1,
            kept: 1,
            unchanged: 7,
        };
        let cases = [
            (export_whole(En, 246), "The whole dataset (246 activities)"),
            (export_whole(Ja, 246), "データセット全体（活動 246件）"),
            (
                export_filtered(En, 1),
                "What the current filters show (1 activity)",
            ),
            (
                export_filtered(Ja, 12),
                "現在の絞り込みで表示中の活動（活動 12件）",
            ),
            (reading(En, "a.json"), "Reading “a.json”…"),
            (reading(Ja, "a.json"), "「a.json」を読み込み中…"),
            (
                unreadable_file(Ja, "NotReadableError"),
                "ブラウザーがファイルを読み込めませんでした（NotReadableError）。",
            ),
            (
                several_files(En, 3),
                "3 files were dropped; drop one dataset file at a time.",
            ),
            (
                several_files(Ja, 3),
                "3個のファイルがドロップされました。データセットのファイルは1つずつドロップしてください。",
            ),
            (not_imported(En, "bad.json"), "“bad.json” was not imported"),
            (
                not_imported(Ja, "bad.json"),
                "「bad.json」はインポートされませんでした",
            ),
            (
                errors_found(En, 300, 0),
                "300 errors found. Nothing has changed: your data is as it was.",
            ),
            (
                errors_found(En, 1, 1),
                "1 error and 1 warning found. Nothing has changed: your data is as it was.",
            ),
            (
                errors_found(Ja, 3, 2),
                "エラー 3件と警告 2件が見つかりました。何も変更されていません。データは元のままです。",
            ),
            (
                more_problems(En, 40, 3),
                "…and 40 more problems of 3 other kinds.",
            ),
            (more_problems(Ja, 40, 3), "…ほかに3種類の問題が40件あります。"),
            (
                warnings_intro(En, 2),
                "2 warnings — shown for checking, they do not block the import:",
            ),
            (
                warnings_intro(Ja, 1),
                "警告 1件（確認のために表示しています。インポートは妨げません）：",
            ),
            (preview_of(En, "dropped.json"), "Preview of “dropped.json”"),
            (preview_of(Ja, "dropped.json"), "「dropped.json」のプレビュー"),
            (
                preview_sizes(En, 1, 246),
                "The file holds 1 activity; this browser holds 246 activities. Nothing has changed yet.",
            ),
            (
                preview_sizes(Ja, 2, 246),
                "ファイルには活動 2件、このブラウザーには活動 246件があります。まだ何も変更されていません。",
            ),
            (
                merge_and_replace(En, 2, 244),
                "Merge adds the new activities, settles the changed ones as chosen below and keeps those found only here. Replace makes this browser hold exactly the file's 2 activities, removing the 244 activities found only here.",
            ),
            (
                merge_and_replace(En, 1, 0),
                "Merge adds the new activities, settles the changed ones as chosen below and keeps those found only here. Replace makes this browser hold exactly the file's 1 activity.",
            ),
            (
                merge_and_replace(Ja, 2, 244),
                "統合すると、新しい活動を追加し、変更のある活動を下の選択どおりに扱い、このブラウザーにしかない活動は残します。置き換えると、このブラウザーの活動はファイルの活動 2件だけになり、このブラウザーにしかない活動 244件は削除されます。",
            ),
            (replace_all(En, 246), "Replace all 246 activities"),
            (replace_all(Ja, 246), "活動 246件をすべて置き換え"),
            (
                more_changed(En, 5),
                "…and 5 more changed activities, settled by the choice above.",
            ),
            (
                more_changed(Ja, 5),
                "…ほかに変更のある活動が5件あり、上の選択に従って扱われます。",
            ),
            (fields_differ(En, "A-1"), "Fields of A-1 that differ"),
            (fields_differ(Ja, "A-1"), "A-1の異なる項目"),
            (keep_which(En, "A-1"), "Keep which version of A-1"),
            (keep_which(Ja, "A-1"), "A-1で採用する版"),
            (
                two_sentences(En, "Yours is newer.", "Keeping yours."),
                "Yours is newer. Keeping yours.",
            ),
            (
                two_sentences(
                    Ja,
                    DataText::TheirsIsNewer.ja(),
                    DataText::TakingTheirs.ja(),
                ),
                "ファイルの版の方が新しいです。ファイルの版を採用します。",
            ),
            (follow_up(En, 2018, "Second round"), "2018: Second round"),
            (follow_up(Ja, 2018, "第2回"), "2018年：第2回"),
            (
                imported(En, "theirs.json", merged),
                "Imported “theirs.json”: 2 added, 1 updated, 1 kept as yours, 7 unchanged.",
            ),
            (
                imported(
                    En,
                    "theirs.json",
                    ImportSummary::Merged {
                        added: 2,
                        updated: 2,
                        kept: 0,
                        unchanged: 7,
                    },
                ),
                "Imported “theirs.json”: 2 added, 2 updated, 7 unchanged.",
            ),
            (
                imported(Ja, "theirs.json", merged),
                "「theirs.json」をインポートしました：追加 2件、更新 1件、自分の版を維持 1件、変更なし 7件。",
            ),
            (
                imported(
                    En,
                    "small.json",
                    ImportSummary::Replaced {
                        before: 246,
                        after: 2,
                    },
                ),
                "Imported “small.json”: replaced 246 activities with the file's 2.",
            ),
            (
                imported(
                    Ja,
                    "貼り付けたテキスト",
                    ImportSummary::Replaced {
                        before: 246,
                        after: 2,
                    },
                ),
                "「貼り付けたテキスト」をインポートしました：活動 246件をファイルの 2件で置き換えました。",
            ),
            (
                nothing_to_import(En, "a.json"),
                "Nothing to import from “a.json”: it holds nothing this browser does not already have.",
            ),
            (
                nothing_to_import(Ja, "a.json"),
                "「a.json」からインポートするものはありません。このブラウザーにないものは含まれていません。",
            ),
            (
                reset_question(En, 246),
                "Replace all 246 activities with the researched sample? You can undo this afterwards.",
            ),
            (
                reset_question(Ja, 246),
                "活動 246件をすべて、調査済みのサンプルデータに置き換えますか？後から元に戻せます。",
            ),
            (
                saved_at(En, (2026, 11, 28), (17, 4)),
                "2026-11-28 17:04",
            ),
            (
                saved_at(Ja, (2026, 11, 28), (7, 4)),
                "2026年11月28日 07:04",
            ),
        ];
        for (got, expected) in cases {
            assert_eq!(got, expected);
        }
    }

    #[test]
    fn last_exported_counts_calendar_days() {
        let cases = [
            (En, None, "Not exported from this browser yet."),
            (En, Some((100, 100)), "Last exported today."),
            (En, Some((100, 101)), "Last exported today."),
            (En, Some((100, 99)), "Last exported 1 day ago."),
            (En, Some((100, 58)), "Last exported 42 days ago."),
            (
                Ja,
                None,
                "このブラウザーからはまだエクスポートしていません。",
            ),
            (Ja, Some((100, 100)), "最後のエクスポートは今日です。"),
            (Ja, Some((100, 99)), "最後のエクスポートは1日前です。"),
            (Ja, Some((100, 58)), "最後のエクスポートは42日前です。"),
        ];
        for (locale, days, expected) in cases {
            assert_eq!(last_exported(locale, days), expected, "{locale:?} {days:?}");
        }
    }

    #[test]
    fn places_keep_their_paths_as_written() {
        let many: Vec<String> = (0..300)
            .map(|i| format!("activities[{i}].measures[0]"))
            .collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        let cases = [
            (problem_places(En, &[], 5), None),
            (
                problem_places(En, &["activities[1].id"], 5),
                Some("at activities[1].id".to_string()),
            ),
            (
                problem_places(Ja, &["activities[1].id"], 5),
                Some("場所：activities[1].id".to_string()),
            ),
            (
                problem_places(En, &["a", "b"], 5),
                Some("2 places: a, b".to_string()),
            ),
            (
                problem_places(En, &many, 2),
                Some(
                    "300 places: activities[0].measures[0], activities[1].measures[0] and 298 more"
                        .to_string(),
                ),
            ),
            (
                problem_places(Ja, &many, 2),
                Some(
                    "300か所：activities[0].measures[0]、activities[1].measures[0]、ほか298か所"
                        .to_string(),
                ),
            ),
        ];
        for (got, expected) in cases {
            assert_eq!(got, expected);
        }
    }

    #[test]
    fn bytes_read_like_a_file_manager() {
        let cases = [
            (0.0, "0 B"),
            (812.0, "812 B"),
            (1023.0, "1023 B"),
            (1024.0, "1.0 kB"),
            (14_540.0, "14.2 kB"),
            (3.4 * 1024.0 * 1024.0, "3.4 MB"),
            (1.25 * 1024.0 * 1024.0 * 1024.0, "1.2 GB"),
            (-5.0, "0 B"),
            (f64::NAN, "0 B"),
        ];
        for (bytes, expected) in cases {
            assert_eq!(
                format_bytes(bytes).replace('\u{a0}', " "),
                expected,
                "{bytes}"
            );
        }
    }

    #[test]
    fn the_local_share_counts_code_units_against_a_quota_of_code_units() {
        // Issue 11: the panel counted two bytes a unit against a quota of units, so a full store read
        // about 200 %. A full store is 100 %, half of it 50 %.
        let quota = 5_242_880;
        let cases = [
            (En, 0, "Nothing stored yet"),
            (
                En,
                quota,
                "5,242,880 of about 5,242,880 characters that browsers allow (100 %)",
            ),
            (
                En,
                2_621_440,
                "2,621,440 of about 5,242,880 characters that browsers allow (50 %)",
            ),
            (
                En,
                52_429,
                "52,429 of about 5,242,880 characters that browsers allow (1.0 %)",
            ),
            (En, 999, "999 of about 5,242,880"),
            (Ja, 0, "まだ何も保存されていません。"),
            (
                Ja,
                2_621_440,
                "ブラウザーが許す約5,242,880文字のうち2,621,440文字（50%）",
            ),
        ];
        for (locale, units, expected) in cases {
            let text = local_usage(locale, units, quota).replace('\u{a0}', " ");
            assert!(text.starts_with(expected), "{units}: {text}");
        }
    }

    #[test]
    fn shares_keep_small_values_visible() {
        let cases = [
            (En, 0.0, "0 %"),
            (En, 0.0000001, "< 0.1 %"),
            (En, 0.004, "0.4 %"),
            (En, 0.37, "37 %"),
            (En, 1.0, "100 %"),
            (En, f64::INFINITY, "0 %"),
            (Ja, 0.0000001, "0.1%未満"),
            (Ja, 0.004, "0.4%"),
            (Ja, 0.37, "37%"),
        ];
        for (locale, share, expected) in cases {
            assert_eq!(
                format_share(locale, share).replace('\u{a0}', " "),
                expected,
                "{share}"
            );
        }
        assert_eq!(
            site_usage(Ja, "1.0\u{a0}MB", "10.0\u{a0}MB", 0.1),
            "10.0\u{a0}MB中 1.0\u{a0}MB（10%）"
        );
        assert_eq!(
            site_usage(En, "1.0\u{a0}MB", "10.0\u{a0}MB", 0.1),
            "1.0\u{a0}MB of 10.0\u{a0}MB (10\u{a0}%)"
        );
    }
}
