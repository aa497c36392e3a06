//! The map view's words: its controls, the side panel, the legend, the ASEAN-wide box, the caption, disclaimer and credit, and the exported map (SVG and PNG).

use super::phrases;

phrases! {
    /// The fixed phrases of this area.
    pub enum MapText {
        MapHeading => "Map", "地図";
    }
}
