//! The one builder of activities for the model's tests, so that each test says only what matters to
//! it, by name (`.member_states(&[…])`, `.asean_wide()`), instead of a row of bare parameters.

use super::dataset::Activity;
use super::vision::{Measure, MemberState, Scope};

/// An activity under construction: ASEAN-wide, no measure, in 2000 alone, titled by its id, until a
/// call says otherwise.
pub struct ActivityBuilder {
    activity: Activity,
}

impl ActivityBuilder {
    pub fn new(id: &str) -> ActivityBuilder {
        ActivityBuilder {
            activity: Activity::new(id, id, 2000),
        }
    }

    pub fn title(mut self, title: &str) -> ActivityBuilder {
        self.activity.title = title.to_string();
        self
    }

    /// The first year; the last follows it until [`ActivityBuilder::end`] or
    /// [`ActivityBuilder::ongoing`] says otherwise.
    pub fn start(mut self, year: i32) -> ActivityBuilder {
        self.activity.start = year;
        self.activity.end = Some(year);
        self
    }

    pub fn end(mut self, year: i32) -> ActivityBuilder {
        self.activity.end = Some(year);
        self
    }

    /// No last year: the activity goes on.
    pub fn ongoing(mut self) -> ActivityBuilder {
        self.activity.end = None;
        self
    }

    pub fn measures(mut self, measures: &[Measure]) -> ActivityBuilder {
        self.activity.measures = measures.to_vec();
        self
    }

    /// In these member states (the scope becomes "member states").
    pub fn member_states(mut self, states: &[MemberState]) -> ActivityBuilder {
        self.activity.scope = Scope::MemberStates;
        self.activity.countries = states.to_vec();
        self
    }

    /// Aimed at ASEAN as a whole (the default); member states already named stay listed.
    pub fn asean_wide(mut self) -> ActivityBuilder {
        self.activity.scope = Scope::AseanWide;
        self
    }

    pub fn fields(mut self, fields: &[&str]) -> ActivityBuilder {
        self.activity.fields = fields.iter().map(|f| f.to_string()).collect();
        self
    }

    /// A dated event of the programme `programme`.
    pub fn part_of(mut self, programme: &str) -> ActivityBuilder {
        self.activity.part_of = Some(programme.to_string());
        self
    }

    pub fn updated(mut self, timestamp: &str) -> ActivityBuilder {
        self.activity.updated = Some(timestamp.to_string());
        self
    }

    pub fn build(self) -> Activity {
        self.activity
    }
}
