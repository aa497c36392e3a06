//! The messages of the readers (format, validation) and of the editor's checks: every problem a file or a form can have, in both languages; each keeps its JSON path as it is.

use super::phrases;

phrases! {
    /// The fixed phrases of this area.
    pub enum MessageText {
        FileProblem => "The file could not be read", "ファイルを読み込めませんでした";
    }
}
