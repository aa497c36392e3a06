//! The years in motion: a slider over the data's years and a Play button that steps it about once a
//! second, so that a seminar sees the cooperation grow year by year. The slider's year is the shared
//! year range with both bounds on it (`Filters::show_year`), so the map, its list and the address
//! follow it as they follow the year boxes, and the count on the map and the list behind it agree at
//! every step.
//!
//! Test hooks: `year-slider` (the range input), `year-label` (the year shown, or the range) and
//! `year-play` (with `data-playing`).

use std::time::Duration;

use leptos::prelude::*;

use super::MapSignals;
use crate::i18n::t;
use crate::model::filter::{first_played_year, next_played_year};
use crate::model::i18n::map::MapText;
use crate::model::i18n::Phrase;

/// How long each year stays on the map while playing.
const STEP: Duration = Duration::from_millis(1000);

#[component]
pub(super) fn YearPlayer(signals: MapSignals) -> impl IntoView {
    let filters = signals.state.filters;
    let shown = Memo::new(move |_| filters.with(|f| f.single_year()));
    let interval = StoredValue::new(None::<IntervalHandle>);
    // Each Play starts a new run; a tick of an older run does nothing. Clearing the timer is enough
    // in a browser, but a timer id that does not fit the handle's 32 bits (a test's fake clock has
    // such ids) would otherwise keep an old run stepping beside the new one.
    let run = StoredValue::new(0_u32);
    let playing = RwSignal::new(false);

    let show = move |year: i32| {
        filters.maybe_update(|f| {
            let changed = f.single_year() != Some(year);
            if changed {
                f.show_year(year);
            }
            changed
        });
    };
    let stop = move || {
        run.update_value(|r| *r = r.wrapping_add(1));
        if let Some(handle) = interval.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        // Also called as the map leaves the page, when the signal may be gone already.
        playing.try_set(false);
    };
    let step = move || {
        let next = signals.span.get_untracked().and_then(|span| {
            let current = shown.get_untracked()?;
            next_played_year(current, span)
        });
        match next {
            Some(year) => show(year),
            None => stop(),
        }
    };
    let play = move || {
        let Some(span) = signals.span.get_untracked() else {
            return;
        };
        show(first_played_year(shown.get_untracked(), span));
        run.update_value(|r| *r = r.wrapping_add(1));
        let this_run = run.get_value();
        let tick = move || {
            if run.try_get_value() == Some(this_run) {
                step();
            }
        };
        // A browser that refuses a timer leaves the button as it was: the year is shown, nothing plays.
        if let Ok(handle) = set_interval_with_handle(tick, STEP) {
            interval.set_value(Some(handle));
            playing.set(true);
        }
    };
    on_cleanup(stop);

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
                data-playing=move || playing.get().to_string()
                disabled=move || signals.span.get().is_none()
                on:click=move |_| if playing.get_untracked() { stop() } else { play() }
            >
                {move || {
                    let phrase = if playing.get() { MapText::PauseYears } else { MapText::PlayYears };
                    phrase.text(signals.locale())
                }}
            </button>
        </div>
    }
}
