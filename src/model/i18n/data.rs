//! The Data view's words: import and its preview, export, the storage-health panel and the reset confirmation.

use super::phrases;

phrases! {
    /// The fixed phrases of this area.
    pub enum DataText {
        DataHeading => "Data", "データ";
    }
}
