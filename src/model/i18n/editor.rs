//! The activities list, its filter bar, the shared activity row and year range, and the editor's words.

use super::phrases;

phrases! {
    /// The fixed phrases of this area.
    pub enum EditorText {
        ActivitiesHeading => "Activities", "活動一覧";
    }
}
