//! The matrix, trends, report and Vision views' words, the trends chart's export included.

use super::phrases;

phrases! {
    /// The fixed phrases of this area.
    pub enum ViewsText {
        MatrixHeading => "Matrix", "マトリックス";
    }
}
