//! The Vision page: what the Vientiane Vision is, in the words of its sources
//! (`shared/reference/vision-facts.md`; in Japanese, MOD's own terms), so that every label in the app
//! has a meaning.

use leptos::prelude::*;

use crate::i18n::{t, use_language};
use crate::model::i18n::views::{self as words, ViewsText};
use crate::model::{Direction, Measure, MemberState};

#[component]
pub fn VisionView() -> impl IntoView {
    let language = use_language();
    view! {
        <section class="view view--prose" aria-labelledby="view-title" data-testid="vision-page">
            <h2 id="view-title">{t(ViewsText::VisionHeading)}</h2>
            <p class="lead">{t(ViewsText::VisionLead)}</p>

            <h3>{t(ViewsText::Purposes)}</h3>
            <ul>
                <li>{t(ViewsText::PurposePartnership)}</li>
                <li>{t(ViewsText::PurposeResilience)}</li>
            </ul>

            <h3>{t(ViewsText::HowItGrew)}</h3>
            <ol class="timeline">
                <li><strong>{t(ViewsText::Era1990s)}</strong>{t(ViewsText::Era1990sText)}</li>
                <li><strong>{t(ViewsText::Era2000s)}</strong>{t(ViewsText::Era2000sText)}</li>
                <li><strong>{t(ViewsText::Era2010s)}</strong>{t(ViewsText::Era2010sText)}</li>
            </ol>

            <h3>{t(ViewsText::ThreeDirections)}</h3>
            <dl class="definitions">
                {Direction::ALL.into_iter().map(|d| view! {
                    <dt><code>{d.code()}</code>" "{move || d.label(language.get())}</dt>
                    <dd>{t(direction_text(d))}</dd>
                }).collect_view()}
            </dl>

            <h3>{t(ViewsText::FiveMeasures)}</h3>
            <p>{t(ViewsText::FiveMeasuresLead)}</p>
            <dl class="definitions">
                {Measure::ALL.into_iter().map(|m| view! {
                    <dt><span class=format!("badge badge--{}", m.code().to_lowercase())>{m.short_label()}</span>" "{move || m.label(language.get())}</dt>
                    <dd>{t(words::measure_text(m))}</dd>
                }).collect_view()}
            </dl>

            <h3>{t(ViewsText::ScopeHeading)}</h3>
            <p>
                {t(ViewsText::ScopeText)}<em>{t(ViewsText::ScopeMemberStates)}</em>{t(ViewsText::ScopeOr)}
                <em>{t(ViewsText::ScopeAseanWide)}</em>{t(ViewsText::ScopeEnd)}
            </p>

            <h3>{t(ViewsText::Vision2Heading)}</h3>
            <p>{t(ViewsText::Vision2Text)}</p>
            <ul>
                <li><strong>{t(ViewsText::HeartToHeart)}</strong>{t(ViewsText::HeartToHeartText)}</li>
                <li><strong>{t(ViewsText::TailoredLasting)}</strong>{t(ViewsText::TailoredLastingText)}</li>
                <li><strong>{t(ViewsText::EqualOpen)}</strong>{t(ViewsText::EqualOpenText)}</li>
            </ul>
            <p>{t(ViewsText::PriorityAreas)}</p>

            <h3>{t(ViewsText::FollowUpHeading)}</h3>
            <p>{t(ViewsText::FollowUpText)}</p>

            <h3>{t(ViewsText::MemberStatesHeading)}</h3>
            <table class="table">
                <caption>{t(ViewsText::MemberStatesCaption)}</caption>
                <thead><tr><th scope="col">{t(ViewsText::MemberState)}</th><th scope="col">{t(ViewsText::Code)}</th><th scope="col">{t(ViewsText::Joined)}</th></tr></thead>
                <tbody>
                    {MemberState::ALL.into_iter().map(|s| {
                        let j = s.joined();
                        view! { <tr><th scope="row">{move || s.label(language.get())}</th><td><code>{s.iso3()}</code></td><td>{move || words::joined(language.get(), j)}</td></tr> }
                    }).collect_view()}
                </tbody>
            </table>

            <h3>{t(ViewsText::Sources)}</h3>
            <ul class="sources">
                <li><a href="https://www.mod.go.jp/e/press/conference/2016/11/16.html" target="_blank" rel="noopener noreferrer">{t(ViewsText::SourcePressConference)}</a></li>
                <li><a href="https://www.mod.go.jp/j/approach/exchange/dialogue/j-asean/vientianevision.html" target="_blank" rel="noopener noreferrer">{t(ViewsText::SourceVisionPage)}</a></li>
                <li><a href="https://www.mod.go.jp/j/publication/wp/wp2021/backdata/siryo45.csv" target="_blank" rel="noopener noreferrer">{t(ViewsText::SourceWhitePaper)}</a></li>
                <li><a href="https://www.mod.go.jp/en/d_act/exc/vm_forum/9th.html" target="_blank" rel="noopener noreferrer">{t(ViewsText::SourceNinthForum)}</a></li>
                <li><a href="https://www.mod.go.jp/asdf/news/release/2023/0220/" target="_blank" rel="noopener noreferrer">{t(ViewsText::SourceAsdf)}</a></li>
            </ul>
        </section>
    }
}

/// What a direction asks for, as the Vision page explains it.
fn direction_text(direction: Direction) -> ViewsText {
    match direction {
        Direction::RuleOfLaw => ViewsText::RuleOfLawText,
        Direction::MaritimeSecurity => ViewsText::MaritimeSecurityText,
        Direction::DiverseCapabilities => ViewsText::DiverseCapabilitiesText,
    }
}
