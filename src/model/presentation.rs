//! Presentation mode's keys, stated once: which key does what. The page's key handler reads
//! [`Command::from_key`] and the key legend reads [`KEY_LEGEND`], and a test checks that every key the
//! legend names is answered by the handler, so the two cannot drift apart.

use super::i18n::map::MapText;
use super::i18n::present::PresentText;
use super::i18n::{Locale, Phrase};
use super::vision::Measure;

/// What a key does in presentation mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// `1`–`5` choose PIL…HRD/AE in the Vision's order, `0` all measures.
    ChooseMeasure(Option<Measure>),
    /// `←`: the previous year (`Filters` shows one year).
    PreviousYear,
    /// `→`: the next year.
    NextYear,
    /// `Space`: play the years, or pause them.
    PlayPause,
    /// `A`: count ASEAN-wide activities in every member state, or stop.
    ToggleAseanWide,
    /// `Q`: the view's address and QR code, for the audience's phones.
    ShowQr,
    /// `?`: the key legend.
    ShowKeys,
    /// `Esc`: back to the normal layout.
    Leave,
}

impl Command {
    /// The command of a `KeyboardEvent.key` value, or `None` for a key presentation mode leaves to
    /// the page. Letters are read in either case, so Caps Lock does not turn the keys off.
    pub fn from_key(key: &str) -> Option<Command> {
        let command = match key {
            "0" => Command::ChooseMeasure(None),
            "1" | "2" | "3" | "4" | "5" => {
                let index = usize::from(key.as_bytes()[0] - b'1');
                Command::ChooseMeasure(Measure::ALL.get(index).copied())
            }
            "ArrowLeft" | "Left" => Command::PreviousYear,
            "ArrowRight" | "Right" => Command::NextYear,
            " " | "Spacebar" => Command::PlayPause,
            "a" | "A" => Command::ToggleAseanWide,
            "q" | "Q" => Command::ShowQr,
            "?" => Command::ShowKeys,
            "Escape" | "Esc" => Command::Leave,
            _ => return None,
        };
        Some(command)
    }
}

/// The views presentation mode shows, as far as its keys are concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presented {
    Map,
    Matrix,
    Trends,
}

impl Command {
    /// Whether the command means something on `presented`; the handler ignores it elsewhere and the
    /// key legend leaves it out. The map answers every key. The matrix marks the chosen measure's
    /// column and counts the year shown, but has no ASEAN-wide toggle (ASEAN-wide is its own row).
    /// The trends chart already shows every year and every measure at once.
    pub fn answered_on(self, presented: Presented) -> bool {
        match (self, presented) {
            (Command::ShowQr | Command::ShowKeys | Command::Leave, _) => true,
            (_, Presented::Map) => true,
            (Command::ToggleAseanWide, Presented::Matrix) => false,
            (_, Presented::Matrix) => true,
            (_, Presented::Trends) => false,
        }
    }
}

/// A row of the key legend: the key as printed on the keyboard (or the key's name, per locale) and
/// what it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyName {
    /// A key printed the same in every language (`1`, `←`, `A`, `Esc`).
    Printed(&'static str),
    /// The space bar, whose name is a word.
    Space,
}

impl KeyName {
    pub fn text(self, locale: Locale) -> &'static str {
        match self {
            KeyName::Printed(text) => text,
            KeyName::Space => PresentText::SpaceKey.text(locale),
        }
    }

    /// The `KeyboardEvent.key` value the handler receives for this key (the test that keeps the
    /// legend and the handler in agreement reads it).
    #[cfg(test)]
    fn key_value(self) -> &'static str {
        match self {
            KeyName::Printed("←") => "ArrowLeft",
            KeyName::Printed("→") => "ArrowRight",
            KeyName::Printed("Esc") => "Escape",
            KeyName::Printed(text) => text,
            KeyName::Space => " ",
        }
    }
}

/// The key legend, in the order shown. The measures' rows name each measure by its code and name.
pub const KEY_LEGEND: [(KeyName, Command); 13] = [
    (
        KeyName::Printed("1"),
        Command::ChooseMeasure(Some(Measure::InternationalLaw)),
    ),
    (
        KeyName::Printed("2"),
        Command::ChooseMeasure(Some(Measure::CapacityBuilding)),
    ),
    (
        KeyName::Printed("3"),
        Command::ChooseMeasure(Some(Measure::EquipmentAndTechnology)),
    ),
    (
        KeyName::Printed("4"),
        Command::ChooseMeasure(Some(Measure::JointTraining)),
    ),
    (
        KeyName::Printed("5"),
        Command::ChooseMeasure(Some(Measure::HumanResourceDevelopment)),
    ),
    (KeyName::Printed("0"), Command::ChooseMeasure(None)),
    (KeyName::Printed("←"), Command::PreviousYear),
    (KeyName::Printed("→"), Command::NextYear),
    (KeyName::Space, Command::PlayPause),
    (KeyName::Printed("A"), Command::ToggleAseanWide),
    (KeyName::Printed("Q"), Command::ShowQr),
    (KeyName::Printed("?"), Command::ShowKeys),
    (KeyName::Printed("Esc"), Command::Leave),
];

/// What a command does, in `locale`, as the key legend says it.
pub fn command_text(command: Command, locale: Locale) -> String {
    match command {
        Command::ChooseMeasure(Some(measure)) => {
            format!("{} {}", measure.short_label(), measure.label(locale))
        }
        Command::ChooseMeasure(None) => MapText::AllMeasures.text(locale).to_string(),
        Command::PreviousYear => PresentText::KeyPreviousYear.text(locale).to_string(),
        Command::NextYear => PresentText::KeyNextYear.text(locale).to_string(),
        Command::PlayPause => PresentText::KeyPlayPause.text(locale).to_string(),
        Command::ToggleAseanWide => PresentText::KeyAseanWide.text(locale).to_string(),
        Command::ShowQr => PresentText::KeyQr.text(locale).to_string(),
        Command::ShowKeys => PresentText::KeyKeys.text(locale).to_string(),
        Command::Leave => PresentText::KeyLeave.text(locale).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_key_does_what_the_issue_names() {
        let cases = [
            (
                "1",
                Some(Command::ChooseMeasure(Some(Measure::InternationalLaw))),
            ),
            (
                "2",
                Some(Command::ChooseMeasure(Some(Measure::CapacityBuilding))),
            ),
            (
                "3",
                Some(Command::ChooseMeasure(Some(
                    Measure::EquipmentAndTechnology,
                ))),
            ),
            (
                "4",
                Some(Command::ChooseMeasure(Some(Measure::JointTraining))),
            ),
            (
                "5",
                Some(Command::ChooseMeasure(Some(
                    Measure::HumanResourceDevelopment,
                ))),
            ),
            ("0", Some(Command::ChooseMeasure(None))),
            ("ArrowLeft", Some(Command::PreviousYear)),
            ("ArrowRight", Some(Command::NextYear)),
            (" ", Some(Command::PlayPause)),
            ("a", Some(Command::ToggleAseanWide)),
            ("A", Some(Command::ToggleAseanWide)),
            ("q", Some(Command::ShowQr)),
            ("?", Some(Command::ShowKeys)),
            ("Escape", Some(Command::Leave)),
            // Keys presentation mode leaves alone.
            ("6", None),
            ("9", None),
            ("Enter", None),
            ("Tab", None),
            ("ArrowUp", None),
            ("b", None),
            ("", None),
            ("11", None),
            ("１", None),
        ];
        for (key, expected) in cases {
            assert_eq!(Command::from_key(key), expected, "{key:?}");
        }
    }

    #[test]
    fn the_legend_names_only_keys_the_handler_answers() {
        for (name, command) in KEY_LEGEND {
            assert_eq!(
                Command::from_key(name.key_value()),
                Some(command),
                "{name:?}"
            );
        }
        // And every measure has its row.
        for measure in Measure::ALL {
            assert!(KEY_LEGEND
                .iter()
                .any(|(_, c)| *c == Command::ChooseMeasure(Some(measure))));
        }
    }

    #[test]
    fn each_view_answers_the_keys_that_mean_something_there() {
        use Presented::{Map, Matrix, Trends};
        let cases = [
            // (command, map, matrix, trends)
            (
                Command::ChooseMeasure(Some(Measure::JointTraining)),
                true,
                true,
                false,
            ),
            (Command::ChooseMeasure(None), true, true, false),
            (Command::PreviousYear, true, true, false),
            (Command::NextYear, true, true, false),
            (Command::PlayPause, true, true, false),
            (Command::ToggleAseanWide, true, false, false),
            (Command::ShowQr, true, true, true),
            (Command::ShowKeys, true, true, true),
            (Command::Leave, true, true, true),
        ];
        for (command, map, matrix, trends) in cases {
            assert_eq!(command.answered_on(Map), map, "{command:?} on the map");
            assert_eq!(
                command.answered_on(Matrix),
                matrix,
                "{command:?} on the matrix"
            );
            assert_eq!(command.answered_on(Trends), trends, "{command:?} on trends");
        }
    }

    #[test]
    fn the_legend_reads_in_both_languages() {
        let cbc = Command::ChooseMeasure(Some(Measure::CapacityBuilding));
        assert_eq!(
            command_text(cbc, Locale::En),
            "CBC Capacity Building Cooperation"
        );
        assert_eq!(command_text(cbc, Locale::Ja), "CBC 能力構築支援");
        assert_eq!(KeyName::Space.text(Locale::Ja), "スペース");
        for (name, command) in KEY_LEGEND {
            for locale in Locale::ALL {
                assert!(!name.text(locale).is_empty());
                assert!(!command_text(command, locale).is_empty());
            }
        }
    }
}
