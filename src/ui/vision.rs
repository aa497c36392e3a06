//! The Vision page: what the Vientiane Vision is, in the words of its sources
//! (`shared/reference/vision-facts.md`), so that every label in the app has a meaning.

use leptos::prelude::*;

use crate::model::{Direction, Measure, MemberState};

#[component]
pub fn VisionView() -> impl IntoView {
    view! {
        <section class="view view--prose" aria-labelledby="view-title" data-testid="vision-page">
            <h2 id="view-title">"The Vientiane Vision"</h2>
            <p class="lead">
                "Japan's Defense Minister Tomomi Inada announced the Vientiane Vision on 16 November 2016 at the "
                "2nd ASEAN–Japan Defence Ministers' Informal Meeting in Vientiane: Japan's own initiative, and a "
                "guideline for defense cooperation with ASEAN as a whole. It was the first transparent statement "
                "of the overall direction and priority fields of that cooperation, meant to support ASEAN's "
                "centrality and unity."
            </p>

            <h3>"Purposes"</h3>
            <ul>
                <li>"Strengthen the Japan–ASEAN strategic partnership that sustains a free and open Indo-Pacific."</li>
                <li>"Support ASEAN's centrality and unity by strengthening its resilience."</li>
            </ul>

            <h3>"How the cooperation grew"</h3>
            <ol class="timeline">
                <li><strong>"1990s — exchanges."</strong>" Defense exchanges with ASEAN states began around 1990."</li>
                <li><strong>"2000s — cooperation."</strong>" They became more practical; from 2009 the Japan–ASEAN Defense Vice-Ministerial Forum met in Japan."</li>
                <li><strong>"2010s — deepening."</strong>" Cooperation deepened through the ADMM-Plus and capacity building, then the Vision (2016) and Vision 2.0 (2019)."</li>
            </ol>

            <h3>"Three directions"</h3>
            <dl class="definitions">
                {Direction::ALL.into_iter().map(|d| view! {
                    <dt><code>{d.code()}</code>" "{d.name()}</dt>
                    <dd>{direction_text(d)}</dd>
                }).collect_view()}
            </dl>

            <h3>"Five measures"</h3>
            <p>"The means of cooperation; the map, the matrix and the trends count activities by these."</p>
            <dl class="definitions">
                {Measure::ALL.into_iter().map(|m| view! {
                    <dt><span class=format!("badge badge--{}", m.code().to_lowercase())>{m.short_label()}</span>" "{m.name()}</dt>
                    <dd>{measure_text(m)}</dd>
                }).collect_view()}
            </dl>

            <h3>"Individual member states now, ASEAN-wide in future"</h3>
            <p>
                "Japan keeps working with individual member states — the multi-year bilateral capacity-building "
                "projects — and adds cooperation aimed at ASEAN as a whole, combining diverse measures, such as the "
                "Ship Rider programme, the HA/DR invitation programme and the Professional Airmanship Program. "
                "The app marks every activity as either "<em>"member states"</em>" (with the states involved) or "
                <em>"ASEAN-wide"</em>", and the trends view follows the share of ASEAN-wide activities year by year."
            </p>

            <h3>"Vientiane Vision 2.0 (17 November 2019, Bangkok)"</h3>
            <p>
                "Minister Taro Kono updated the Vision after its first three years, placed it in the wider "
                "Indo-Pacific context, and named strengthening ASEAN's resilience as an aim. It set out three principles:"
            </p>
            <ul>
                <li><strong>"Heart-to-heart cooperation"</strong>": respect ASEAN's principles, value personal networks, listen actively to each state's needs."</li>
                <li><strong>"Tailored and lasting cooperation"</strong>": planned, continuous and transparent engagement aimed at sustainable outcomes."</li>
                <li><strong>"Equal and open cooperation"</strong>": international partnerships that serve ASEAN's centrality, unity and resilience."</li>
            </ul>
            <p>"Its priority areas: the rule of law, maritime security, and support for ASEAN in handling disasters and non-traditional threats by itself."</p>

            <h3>"The annual follow-up"</h3>
            <p>
                "When announcing the Vision, Minister Inada said the Japan–ASEAN Defense Vice-Ministerial Forum "
                "would follow it up. The forum has served as the annual review point since (9th forum, Fukuoka, 2017: "
                "\"The Vientiane Vision: current status and prospects\"). The Report view prepares that year's figures."
            </p>

            <h3>"The eleven member states"</h3>
            <table class="table">
                <caption>"ASEAN members and the day each joined"</caption>
                <thead><tr><th scope="col">"Member state"</th><th scope="col">"Code"</th><th scope="col">"Joined"</th></tr></thead>
                <tbody>
                    {MemberState::ALL.into_iter().map(|s| {
                        let j = s.joined();
                        view! { <tr><th scope="row">{s.name()}</th><td><code>{s.iso3()}</code></td><td>{format!("{:04}-{:02}-{:02}", j.year, j.month, j.day)}</td></tr> }
                    }).collect_view()}
                </tbody>
            </table>

            <h3>"Sources"</h3>
            <ul class="sources">
                <li><a href="https://www.mod.go.jp/e/press/conference/2016/11/16.html" target="_blank" rel="noopener noreferrer">"Ministry of Defense, press conference, 16 Nov 2016"</a></li>
                <li><a href="https://www.mod.go.jp/j/approach/exchange/dialogue/j-asean/vientianevision.html" target="_blank" rel="noopener noreferrer">"Ministry of Defense, Vientiane Vision page (Japanese)"</a></li>
                <li><a href="https://www.mod.go.jp/j/publication/wp/wp2021/backdata/siryo45.csv" target="_blank" rel="noopener noreferrer">"Defense of Japan 2021, reference 45 (Vision 2.0)"</a></li>
                <li><a href="https://www.mod.go.jp/en/d_act/exc/vm_forum/9th.html" target="_blank" rel="noopener noreferrer">"9th Japan–ASEAN Defense Vice-Ministerial Forum"</a></li>
                <li><a href="https://www.mod.go.jp/asdf/news/release/2023/0220/" target="_blank" rel="noopener noreferrer">"Air Self-Defense Force, 2023 (purposes of Vision 2.0)"</a></li>
            </ul>
        </section>
    }
}

fn direction_text(direction: Direction) -> &'static str {
    match direction {
        Direction::RuleOfLaw => "Support ASEAN's efforts to uphold international law, especially at sea and in the air, so that disputes are settled peacefully.",
        Direction::MaritimeSecurity => "Help build capabilities for information gathering, surveillance, and search and rescue at sea and in the air above it.",
        Direction::DiverseCapabilities => "Help ASEAN cope with diverse and complex security challenges, building capacity across many fields: HA/DR, PKO, mine and UXO clearance, cyber and others.",
    }
}

fn measure_text(measure: Measure) -> &'static str {
    match measure {
        Measure::InternationalLaw => "Sharing knowledge of international law, chiefly of the sea and the air: seminars, Ship Rider sessions on the law of the sea.",
        Measure::CapacityBuilding => "Multi-year projects that build capabilities: maritime security, HA/DR, engineering, underwater medicine, cyber, UXO.",
        Measure::EquipmentAndTechnology => "Transfers and support of defense equipment and technology, such as aircraft, radars and parts.",
        Measure::JointTraining => "Training and exercises together, bilateral or multilateral.",
        Measure::HumanResourceDevelopment => "Human resource development and academic exchange: education, invitation programmes, seminars.",
    }
}
