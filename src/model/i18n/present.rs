//! Presentation mode's words: its button, its bar and its key legend.

use super::phrases;

phrases! {
    /// Presentation mode's fixed phrases.
    pub enum PresentText {
        /// The header's button that fills the screen with the map for a projector.
        Present => "Present", "発表モード";
        PresentHint => "Fill the screen with the map for a projector; Esc leaves",
            "地図をプロジェクター向けに画面いっぱいに表示します（Escで終了）";
        PresentationLabel => "Presentation", "発表モード";
        /// The bar's button that leaves presentation mode.
        Leave => "Leave (Esc)", "終了（Esc）";
        /// The bar's button that shows or hides the key legend.
        Keys => "Keys (?)", "キー操作（?）";
        KeysTitle => "Keys in presentation mode", "発表モードのキー操作";
        CloseKeys => "Close", "閉じる";
        SpaceKey => "Space", "スペース";
        KeyPreviousYear => "The previous year", "前の年";
        KeyNextYear => "The next year", "次の年";
        KeyPlayPause => "Play or pause the years", "年の再生／一時停止";
        KeyAseanWide => "Add ASEAN-wide activities to every member state, or stop",
            "ASEAN全体の活動を各加盟国に加算／加算をやめる";
        KeyQr => "The address and QR code of this view, for the audience's phones",
            "この表示のアドレスとQRコード（聴衆のスマートフォン用）";
        KeyKeys => "Show or hide this list", "この一覧を表示／非表示";
        KeyLeave => "Leave presentation mode", "発表モードを終了";
        /// The bar's label before the views a presentation can show.
        PresentedViews => "Views shown", "表示する画面";
    }
}
