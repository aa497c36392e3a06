//! The year range the map's two year boxes edit: which years a box accepts, what it shows when the
//! user set no bound (the dataset's own first or last year), and how typing a year moves the range.
//!
//! Plain Rust, tested natively; the map's controls (`ui::map`) call it.

use super::filter::Filters;

/// The year range the map counts, as shown in its two year boxes: each bound the user set, or else the
/// dataset's own first or last year. `None` for a bound when neither exists (an empty dataset).
pub fn year_range(filters: &Filters, span: Option<(i32, i32)>) -> (Option<i32>, Option<i32>) {
    (
        filters.from.or(span.map(|s| s.0)),
        filters.to.or(span.map(|s| s.1)),
    )
}

/// Which end of the year range a year box edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearBound {
    From,
    To,
}

/// The years a year box accepts (the same range the query string accepts).
pub const YEAR_LIMITS: (i32, i32) = (1900, 2200);

/// Applies a year typed into the From or To box. Returns `false` (and changes nothing) for a year
/// outside [`YEAR_LIMITS`].
///
/// A year equal to the dataset's own first (or last) year clears the bound, so the range keeps
/// following the data after an import. A From after To moves To along, and a To before From moves
/// From along, so the range is never empty.
pub fn set_year_bound(
    filters: &mut Filters,
    bound: YearBound,
    year: i32,
    span: Option<(i32, i32)>,
) -> bool {
    if !(YEAR_LIMITS.0..=YEAR_LIMITS.1).contains(&year) {
        return false;
    }
    let (from, to) = year_range(filters, span);
    let (mut from, mut to) = match bound {
        YearBound::From => (Some(year), to.map(|t| t.max(year))),
        YearBound::To => (from.map(|f| f.min(year)), Some(year)),
    };
    if let Some((first, last)) = span {
        if from == Some(first) {
            from = None;
        }
        if to == Some(last) {
            to = None;
        }
    }
    filters.from = from;
    filters.to = to;
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (from, to) before, the edit, (from, to) after, whether the year was accepted.
    type Case = (
        (Option<i32>, Option<i32>),
        YearBound,
        i32,
        (Option<i32>, Option<i32>),
        bool,
    );

    #[test]
    fn year_bounds() {
        let span = Some((2009, 2027));
        // (from, to) before, edit, (from, to) after, accepted
        let cases: [Case; 8] = [
            (
                (None, None),
                YearBound::From,
                2016,
                (Some(2016), None),
                true,
            ),
            ((None, None), YearBound::To, 2025, (None, Some(2025)), true),
            // Back to the dataset's own first year: the bound follows the data again.
            (
                (Some(2016), None),
                YearBound::From,
                2009,
                (None, None),
                true,
            ),
            (
                (Some(2016), Some(2020)),
                YearBound::To,
                2027,
                (Some(2016), None),
                true,
            ),
            // From after To moves To along; To before From moves From along.
            (
                (None, Some(2020)),
                YearBound::From,
                2022,
                (Some(2022), Some(2022)),
                true,
            ),
            (
                (Some(2016), None),
                YearBound::To,
                2012,
                (Some(2012), Some(2012)),
                true,
            ),
            // Outside the accepted years: nothing changes.
            (
                (Some(2016), None),
                YearBound::From,
                19,
                (Some(2016), None),
                false,
            ),
            ((None, None), YearBound::To, 99999, (None, None), false),
        ];
        for (index, ((from, to), bound, year, expected, accepted)) in cases.into_iter().enumerate()
        {
            let mut filters = Filters {
                from,
                to,
                ..Filters::default()
            };
            assert_eq!(
                set_year_bound(&mut filters, bound, year, span),
                accepted,
                "case {index}"
            );
            assert_eq!((filters.from, filters.to), expected, "case {index}");
        }
        // Without a dataset span every typed year is kept as it is.
        let mut filters = Filters::default();
        set_year_bound(&mut filters, YearBound::From, 2016, None);
        assert_eq!((filters.from, filters.to), (Some(2016), None));
        assert_eq!(
            year_range(&Filters::default(), span),
            (Some(2009), Some(2027))
        );
        assert_eq!(year_range(&Filters::default(), None), (None, None));
    }
}
