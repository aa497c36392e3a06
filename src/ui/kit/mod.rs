//! The small shared UI kit: the controls and pieces that several views show, one file each, so that a
//! control behaves the same wherever it appears. Each component is thin (its rules live in
//! `model/`) and documents every prop.

pub mod activity_row;
pub mod other_filters;
pub mod vocabulary_select;
pub mod year_range;

pub use activity_row::{row_key, ActivityRow, RowKey};
pub use other_filters::OtherFiltersNote;
pub use vocabulary_select::{measure_choices, VocabularySelect};
pub use year_range::YearRange;
