//! The years in motion: a slider over the data's years and a Play button that steps it about once a
//! second, so that a seminar sees the cooperation grow year by year. The slider's year is the shared
//! year range with both bounds on it (`Filters::show_year`), so the map, its list and the address
//! follow it as they follow the year boxes, and the count on the map and the list behind it agree at
//! every step.
//!
//! Playing lives in [`YearPlayback`], one per page, which presentation mode's keys drive too.
//!
//! Test hooks: `year-slider` (the range input), `year-label` (the year shown, or the range) and
//! `year-play` (with `data-playing`).

use std::time::Duration;

use leptos::prelude::*;

use super::MapSignals;
use crate::i18n::t;
use crate::model::filter::{first_played_year, next_played_year, stepped_year};
use crate::model::i18n::map::MapText;
use crate::model::i18n::Phrase;
use crate::model::Filters;
use crate::state::{AtlasState, View};

/// How long each year stays on the map while playing.
const STEP: Duration = Duration::from_millis(1000);

/// Playing the years: one per page, shared by the map's Play button and presentation mode's keys
/// (`Space` plays or pauses, `←`/`→` step), so that both drive the same run and show the same state.
/// Every field is a copyable handle.
#[derive(Clone, Copy)]
pub struct YearPlayback {
    filters: RwSignal<Filters>,
    /// The dataset's first and last year.
    pub span: Memo<Option<(i32, i32)>>,
    /// The one year shown, when both bounds of the year range are on it.
    pub shown: Memo<Option<i32>>,
    interval: StoredValue<Option<IntervalHandle>>,
    /// Each Play starts a new run; a tick of an older run does nothing. Clearing the timer is enough
    /// in a browser, but a timer id that does not fit the handle's 32 bits (a test's fake clock has
    /// such ids) would otherwise keep an old run stepping beside the new one.
    run: StoredValue<u32>,
    playing: RwSignal<bool>,
}

impl YearPlayback {
    /// Made once by the shell; a change of view stops playing (the next view starts still).
    pub fn new(state: AtlasState) -> YearPlayback {
        let filters = state.filters;
        let playback = YearPlayback {
            filters,
            span: Memo::new(move |_| state.dataset.with(|d| d.year_span())),
            shown: Memo::new(move |_| filters.with(|f| f.single_year())),
            interval: StoredValue::new(None),
            run: StoredValue::new(0),
            playing: RwSignal::new(false),
        };
        Effect::new(move |previous: Option<View>| {
            let view = state.view.get();
            if previous.is_some_and(|previous| previous != view) {
                playback.stop();
            }
            view
        });
        playback
    }

    /// Whether the years are playing (tracked).
    pub fn playing(self) -> bool {
        self.playing.get()
    }

    /// Shows one year on every view (both bounds of the shared year range on it).
    pub fn show(self, year: i32) {
        self.filters.maybe_update(|f| {
            let changed = f.single_year() != Some(year);
            if changed {
                f.show_year(year);
            }
            changed
        });
    }

    /// Stops playing, leaving the year shown as it is.
    pub fn stop(self) {
        self.run.update_value(|r| *r = r.wrapping_add(1));
        if let Some(handle) = self.interval.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        self.playing.try_set(false);
    }

    fn step(self) {
        let next = self.span.get_untracked().and_then(|span| {
            let current = self.shown.get_untracked()?;
            next_played_year(current, span)
        });
        match next {
            Some(year) => self.show(year),
            None => self.stop(),
        }
    }

    /// Plays from the year shown (or the first), one year a [`STEP`], and stops at the last.
    pub fn play(self) {
        let Some(span) = self.span.get_untracked() else {
            return;
        };
        self.stop();
        self.show(first_played_year(self.shown.get_untracked(), span));
        let run = self.run;
        let this_run = run.get_value();
        let tick = move || {
            if run.try_get_value() == Some(this_run) {
                self.step();
            }
        };
        // A browser that refuses a timer leaves the button as it was: the year is shown, nothing plays.
        if let Ok(handle) = set_interval_with_handle(tick, STEP) {
            self.interval.set_value(Some(handle));
            self.playing.set(true);
        }
    }

    /// Play, or pause while playing.
    pub fn toggle(self) {
        if self.playing.get_untracked() {
            self.stop();
        } else {
            self.play();
        }
    }

    /// Shows the previous or the next year (`stepped_year`), pausing a run first: a presenter who
    /// steps by hand has taken over from Play.
    pub fn step_by_hand(self, forward: bool) {
        let Some(span) = self.span.get_untracked() else {
            return;
        };
        self.stop();
        self.show(stepped_year(self.shown.get_untracked(), span, forward));
    }
}

#[component]
pub(super) fn YearPlayer(signals: MapSignals) -> impl IntoView {
    let playback = expect_context::<YearPlayback>();
    let filters = signals.state.filters;
    let shown = playback.shown;
    let show = move |year: i32| playback.show(year);
    let label = move || {
        let locale = signals.locale();
        let span = signals.span.get();
        filters.with(|f| f.years_shown(locale, span))
    };
    let bounds = move || signals.span.get().unwrap_or_default();

    view! {
        <div class="year-player" role="group" aria-label=t(MapText::YearShown)>
            <label class="year-player__slider">
                <span class="year-player__name">{t(MapText::YearShown)}</span>
                <input
                    type="range"
                    data-testid="year-slider"
                    step="1"
                    min=move || bounds().0.to_string()
                    max=move || bounds().1.to_string()
                    prop:value=move || {
                        shown.get().or_else(|| filters.with(|f| f.from)).unwrap_or(bounds().0).to_string()
                    }
                    aria-valuetext=label
                    disabled=move || signals.span.get().is_none()
                    on:input:target=move |ev| {
                        if let Ok(year) = ev.target().value().parse::<i32>() {
                            show(year);
                        }
                    }
                />
            </label>
            <span class="year-player__year" data-testid="year-label">{label}</span>
            <button
                class="button"
                data-testid="year-play"
                data-playing=move || playback.playing().to_string()
                disabled=move || signals.span.get().is_none()
                on:click=move |_| playback.toggle()
            >
                {move || {
                    let phrase = if playback.playing() { MapText::PauseYears } else { MapText::PlayYears };
                    phrase.text(signals.locale())
                }}
            </button>
        </div>
    }
}
