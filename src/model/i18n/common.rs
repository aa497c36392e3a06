//! The shell's words (header, navigation, save status, storage banners, notices, the update banner,
//! the footer) and the small pieces every view shows (badges, source kinds, common buttons).

use super::{phrases, Locale};

phrases! {
    /// The shell's fixed phrases.
    pub enum Common {
        AppName => "Vientiane Vision Atlas", "ビエンチャン・ビジョン・アトラス";
        SkipToContent => "Skip to content", "本文へ移動";
        /// The header's button that shows the view's address and its QR code.
        ShareView => "Share this view", "この表示を共有";
        ShareAddress => "Address of this view", "この表示のアドレス";
        ShareHint => "Scan the code with a phone to open this same view, in this language.",
            "スマートフォンでコードを読み取ると、同じ表示を同じ言語で開けます。";
        CopyAddress => "Copy", "コピー";
        AddressCopied => "Copied.", "コピーしました。";
        CopyRefused => "This browser did not copy: the address is selected, copy it with Ctrl+C (⌘C).",
            "このブラウザではコピーできませんでした。アドレスを選択したので、Ctrl+C（⌘C）でコピーしてください。";
        QrLabel => "QR code of this view's address", "この表示のアドレスのQRコード";
        QrTooLong => "This address is too long for a QR code: share it as text.",
            "このアドレスはQRコードにするには長すぎます。文字のまま共有してください。";
        CloseShare => "Close", "閉じる";
        Footer => "Vientiane Vision Atlas runs entirely in your browser: your data stays on this device. Map data: Made with Natural Earth.",
            "ビエンチャン・ビジョン・アトラスはすべてブラウザーの中で動作し、データはこの端末から出ません。地図データ：Natural Earth のデータを使用しています。";
        ViewsNav => "Views", "表示";
        ViewMap => "Map", "地図";
        ViewMatrix => "Matrix", "マトリックス";
        ViewActivities => "Activities", "活動一覧";
        ViewTrends => "Trends", "推移";
        ViewReport => "Report", "報告";
        ViewVision => "Vision", "ビジョン";
        ViewData => "Data", "データ";
        LanguageLabel => "Language / 言語", "言語 / Language";
        RenameDataset => "Rename the dataset", "データセットの名前を変更";
        DatasetTitle => "Dataset title", "データセット名";
        SavedHere => "Saved on this device", "この端末に保存済み";
        Saving => "Saving…", "保存中…";
        NotSaved => "Not saved", "未保存";
        NotSavedSeeAbove => "Not saved (see above)", "未保存（上記を参照）";
        ExportNow => "Export now", "今すぐエクスポート";
        UnreadableTitle => "The data saved in this browser could not be read", "このブラウザーに保存されたデータを読み込めませんでした";
        UnreadableKept => "It has not been changed or overwritten", "データは変更も上書きもされていません";
        UnreadableSample => ". You are looking at the sample data; nothing is saved until you choose.",
            "。現在はサンプルデータを表示しています。選択するまで何も保存されません。";
        DownloadRaw => "Download the saved data as it is", "保存されたデータをそのままダウンロード";
        StartFromSample => "Start from sample data", "サンプルデータから始める";
        TakeOtherTab => "Load their version (mine stays one Undo away)", "他のタブの版を読み込む（自分の版は「元に戻す」1回で戻せます）";
        KeepMine => "Keep mine and save it", "自分の版を残して保存";
        Undo => "Undo", "元に戻す";
        OtherTabStep => "load the changes saved in another tab", "他のタブで保存された変更の読み込み";
        Dismiss => "Dismiss", "閉じる";
        UndoAnyway => "Undo anyway", "それでも元に戻す";
        KeepThem => "Keep them", "残す";
        UndoRemovesOtherTab => " It would remove the changes that another tab saved, in this tab and in storage.",
            "このタブと保存領域から、他のタブが保存した変更が削除されます。";
        UnsavedOnLeave => "Your latest changes are not saved yet.", "最新の変更はまだ保存されていません。";
        UpdateAvailable => "A new version is available — reload to use it. Your data stays as it is.",
            "新しい版があります。再読み込みすると使えます。データはそのまま残ります。";
        Reload => "Reload", "再読み込み";
        Dialogue => "dialogue", "対話・交流";
        DialogueHint => "Dialogue or exchange, no measure", "対話・交流（手段の分類なし）";
        Uncertain => "uncertain", "未確認";
        UncertainHint => "Uncertain: the sources do not fully confirm this record", "未確認：出典がこの記録を十分に裏付けていません";
        OfficialSource => "official source", "公式出典";
        OfficialSourceHint => "Backed by an official source: a government's or an intergovernmental body's own page",
            "公式出典あり：政府または政府間機関自身のページ";
        SourceOfficial => "official source", "公式出典";
        SourceSecondary => "secondary source", "二次出典";
        ProgrammeHint => "Show the programme and its dated events", "事業と日付のある行事を表示";
        EventCountHint => "Show the programme's dated events; they count with the programme, once",
            "事業の日付のある行事を表示（行事は事業と合わせて1件と数えます）";
    }
}

/// "Undone: {label}." after an undo.
pub fn undone(locale: Locale, label: &str) -> String {
    match locale {
        Locale::En => format!("Undone: {label}."),
        Locale::Ja => format!("元に戻しました：{label}。"),
    }
}

/// "Redone: {label}." after a redo.
pub fn redone(locale: Locale, label: &str) -> String {
    match locale {
        Locale::En => format!("Redone: {label}."),
        Locale::Ja => format!("やり直しました：{label}。"),
    }
}

/// The question before an undo that would remove another tab's saved work.
pub fn undo_question(locale: Locale, label: &str) -> String {
    match locale {
        Locale::En => format!("Undo “{label}”?"),
        Locale::Ja => format!("「{label}」を元に戻しますか？"),
    }
}

/// A failed export or download, with the browser's reason.
pub fn export_failed(locale: Locale, error: &str) -> String {
    match locale {
        Locale::En => format!("Export failed: {error}"),
        Locale::Ja => format!("エクスポートできませんでした：{error}"),
    }
}

/// A failed download of the stored value, with the browser's reason.
pub fn download_failed(locale: Locale, error: &str) -> String {
    match locale {
        Locale::En => format!("Download failed: {error}"),
        Locale::Ja => format!("ダウンロードできませんでした：{error}"),
    }
}

/// The language choice could not be kept in this browser (it still applies to this page).
pub fn language_not_kept(locale: Locale, error: &str) -> String {
    match locale {
        Locale::En => format!(
            "The language is switched for this page, but the browser did not keep the choice ({error})."
        ),
        Locale::Ja => format!("この画面の言語は切り替えましたが、ブラウザーに選択を保存できませんでした（{error}）。"),
    }
}

/// The unreadable stored value's reason, in parentheses.
pub fn unreadable_reason(locale: Locale, reason: &str) -> String {
    match locale {
        Locale::En => format!(" ({reason}). "),
        Locale::Ja => format!("（{reason}）。"),
    }
}

/// Where the copy of an unreadable stored value is kept.
pub fn backup_kept(locale: Locale, key: &str) -> String {
    match locale {
        Locale::En => format!(", and a copy is kept under the storage key \"{key}\""),
        Locale::Ja => format!("。写しを保存キー「{key}」に残しています"),
    }
}

/// Another tab saved a different version while this one had unsaved changes.
pub fn other_tab_conflict(locale: Locale, title: &str, activities: usize) -> String {
    match locale {
        Locale::En => format!(
            "Another tab saved a different version of the data (\"{title}\", {activities} activities) while you had unsaved changes here."
        ),
        Locale::Ja => format!(
            "このタブに未保存の変更がある間に、他のタブが別の版のデータ（「{title}」、活動 {activities}件）を保存しました。"
        ),
    }
}

/// Another tab's save was adopted.
pub fn other_tab_loaded(locale: Locale, activities: usize) -> String {
    match locale {
        Locale::En => format!(
            "Loaded the changes saved in another tab ({activities} activities). Undo asks first: it would remove that tab's work."
        ),
        Locale::Ja => format!(
            "他のタブで保存された変更を読み込みました（活動 {activities}件）。元に戻す前に確認します：そのタブの作業が削除されるためです。"
        ),
    }
}

/// The link from a dated event to its programme: "part of “Ship Rider”", 「「Ship Rider」の一部」.
pub fn part_of(locale: Locale, programme_title: &str) -> String {
    match locale {
        Locale::En => format!("part of “{programme_title}”"),
        Locale::Ja => format!("「{programme_title}」の一部"),
    }
}

/// Why the browser did not save: each `storage::SaveError`, with its detail.
pub enum SaveFailure<'a> {
    Full(&'a str),
    Unavailable(&'a str),
    Mismatch,
    TooLarge { megabytes: usize, limit: usize },
}

/// The storage banner's sentence for a failed save.
pub fn save_failed(locale: Locale, failure: SaveFailure<'_>) -> String {
    match (locale, failure) {
        (Locale::En, SaveFailure::Full(detail)) => format!(
            "The browser's storage for this page is full, so your latest changes are not saved ({detail}). The app keeps working with the data in memory: export it now to keep it."
        ),
        (Locale::Ja, SaveFailure::Full(detail)) => format!(
            "このページのブラウザー保存領域がいっぱいのため、最新の変更は保存されていません（{detail}）。アプリはメモリ上のデータで動作を続けます。残すには今すぐエクスポートしてください。"
        ),
        (Locale::En, SaveFailure::Unavailable(detail)) => format!(
            "This browser does not let the page use local storage ({detail}), for example in a private window. The app works, but nothing is kept after you close it: export your data to keep it."
        ),
        (Locale::Ja, SaveFailure::Unavailable(detail)) => format!(
            "このブラウザーでは、このページがローカルストレージを使えません（{detail}）。プライベートウィンドウなどが考えられます。アプリは動作しますが、閉じると何も残りません。残すにはデータをエクスポートしてください。"
        ),
        (Locale::En, SaveFailure::Mismatch) => "The browser stored something other than what was written. Your latest changes may not be saved: export your data to keep it.".to_string(),
        (Locale::Ja, SaveFailure::Mismatch) => "ブラウザーが書き込んだものと異なる内容を保存しました。最新の変更は保存されていない可能性があります。残すにはデータをエクスポートしてください。".to_string(),
        (Locale::En, SaveFailure::TooLarge { megabytes, limit }) => format!(
            "The dataset has grown to {megabytes} MB, more than the {limit} MB the app can read back, so it is not saved in this browser. Split it and export the parts to keep them."
        ),
        (Locale::Ja, SaveFailure::TooLarge { megabytes, limit }) => format!(
            "データセットが{megabytes} MBになり、アプリが読み戻せる{limit} MBを超えたため、このブラウザーには保存されていません。分割し、各部分をエクスポートして残してください。"
        ),
    }
}
