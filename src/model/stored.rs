//! The form a dataset takes in the browser's local storage.
//!
//! A small dataset is stored as its compact format-v1 JSON, readable in the browser's developer tools.
//! A large one is *packed*: its JSON is compressed with LZ4 (fast in both directions, so a save of
//! 10,000 activities stays within the save budget) and the compressed bytes are spread 15 bits to a
//! character over the Basic Multilingual Plane. Browsers count local storage in UTF-16 code units
//! (Chromium allows 5,242,880 of them per origin), so 15 bits per unit holds almost twice as much as
//! one byte per character, and no unit is a surrogate, which a browser could mangle.
//!
//! A packed value reads `vva-packed:lz4:<JSON bytes>:<compressed bytes>:` followed by the packed
//! characters. JSON never starts with `v`, so the two forms cannot be confused, and an older build
//! that meets a packed value treats it as unreadable: it backs it up and never overwrites it.

use std::borrow::Cow;

/// Marks a packed value; the version of the packing is part of it.
pub const PACKED_PREFIX: &str = "vva-packed:lz4:";

/// Compact JSON of at least this many bytes is packed; smaller datasets stay plain JSON.
pub const PACK_FROM_BYTES: usize = 256 * 1024;

/// The largest JSON a packed value may claim to hold, so a damaged length cannot make the app try to
/// allocate gigabytes. Far above what the app's own limits let a dataset reach.
const MAX_UNPACKED_BYTES: usize = 512 * 1024 * 1024;

/// The first code unit used for packed characters: 15-bit values map to U+0800..U+87FF, all of them
/// ordinary characters below the surrogate range.
const UNIT_BASE: u32 = 0x0800;

/// A dataset's compact JSON in the form local storage keeps.
#[derive(Debug, PartialEq, Eq)]
pub enum StoredForm<'a> {
    /// A small dataset: the JSON as it is.
    Plain(&'a str),
    /// A large one: the packed value as UTF-16LE bytes (two a code unit), which the browser's
    /// `TextDecoder` turns into a string without the value passing through UTF-8 again.
    Packed(Vec<u8>),
}

/// Whether the compact JSON `json` is large enough to be stored packed.
pub fn packs(json: &str) -> bool {
    json.len() >= PACK_FROM_BYTES
}

/// The form to store the compact JSON `json` in: the JSON itself when it is small, packed otherwise.
pub fn stored_form(json: &str) -> StoredForm<'_> {
    if packs(json) {
        StoredForm::Packed(pack_utf16le(json))
    } else {
        StoredForm::Plain(json)
    }
}

/// Whether a stored value is in the packed form.
pub fn is_packed(stored: &str) -> bool {
    stored.starts_with(PACKED_PREFIX)
}

/// Packs `json` whatever its size (see [`stored_form`] for the choice).
pub fn pack(json: &str) -> String {
    utf16le_text(&pack_utf16le(json))
}

/// The packed value of `json` as UTF-16LE bytes: the ASCII header, then one unit per 15 bits of the
/// LZ4-compressed JSON (the last one padded with zero bits).
pub fn pack_utf16le(json: &str) -> Vec<u8> {
    let compressed = lz4_flex::block::compress(json.as_bytes());
    let header = format!("{PACKED_PREFIX}{}:{}:", json.len(), compressed.len());
    let mut packed = Vec::with_capacity((header.len() + compressed.len() * 8 / 15 + 1) * 2);
    for byte in header.bytes() {
        packed.extend_from_slice(&[byte, 0]);
    }
    let mut bits: u32 = 0;
    let mut held: u32 = 0;
    for &byte in &compressed {
        bits = (bits << 8) | u32::from(byte);
        held += 8;
        if held >= 15 {
            held -= 15;
            push_unit(&mut packed, (bits >> held) & 0x7FFF);
            bits &= (1 << held) - 1;
        }
    }
    if held > 0 {
        push_unit(&mut packed, (bits << (15 - held)) & 0x7FFF);
    }
    packed
}

/// The size of the stored form of `json` without building it: what a browser's quota counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StoredSize {
    /// UTF-16 code units of the stored value.
    pub units: usize,
    /// Whether every unit is below U+0100. WebKit keeps such a string at one byte a unit and counts it
    /// so against its quota; a packed value never is.
    pub latin1: bool,
}

/// The size of what [`stored_form`] would store for `json`. A packed value's size needs the
/// compressed length, so this compresses (but does not spread the bits into characters).
pub fn stored_size(json: &str) -> StoredSize {
    if packs(json) {
        let compressed = lz4_flex::block::compress(json.as_bytes()).len();
        let header = format!("{PACKED_PREFIX}{}:{compressed}:", json.len());
        StoredSize {
            units: header.len() + (compressed * 8).div_ceil(15),
            latin1: false,
        }
    } else {
        StoredSize {
            units: json.encode_utf16().count(),
            latin1: json.chars().all(|c| u32::from(c) < 0x100),
        }
    }
}

/// Appends the code unit `UNIT_BASE + value` (U+0800..U+87FF), little-endian.
fn push_unit(packed: &mut Vec<u8>, value: u32) {
    let code = UNIT_BASE + value;
    packed.extend_from_slice(&[(code & 0xFF) as u8, (code >> 8) as u8]);
}

/// Text from UTF-16LE bytes; the packed bytes hold no surrogates, so nothing is replaced.
fn utf16le_text(bytes: &[u8]) -> String {
    char::decode_utf16(
        bytes
            .chunks_exact(2)
            .map(|pair| u16::from_le_bytes([pair[0], pair[1]])),
    )
    .map(|unit| unit.unwrap_or(char::REPLACEMENT_CHARACTER))
    .collect()
}

/// The JSON held by a stored value: the value itself when plain, unpacked when packed. The error says,
/// in words for the storage banner, why a packed value cannot be read.
pub fn from_stored(stored: &str) -> Result<Cow<'_, str>, String> {
    match stored.strip_prefix(PACKED_PREFIX) {
        None => Ok(Cow::Borrowed(stored)),
        Some(rest) => unpack(rest).map(Cow::Owned),
    }
}

fn unpack(rest: &str) -> Result<String, String> {
    let damaged = |what: &str| format!("the saved data is packed, but {what}");
    let mut header = rest.splitn(3, ':');
    let json_len: usize = header
        .next()
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| damaged("its length is missing"))?;
    let compressed_len: usize = header
        .next()
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| damaged("its compressed length is missing"))?;
    let units = header.next().unwrap_or_default();
    // LZ4 cannot shrink data more than about 255 times, so a larger claim is damage.
    if json_len > MAX_UNPACKED_BYTES || json_len > compressed_len.saturating_mul(256) {
        return Err(damaged("its length is impossible"));
    }
    let mut compressed = Vec::with_capacity(compressed_len);
    let mut bits: u32 = 0;
    let mut held: u32 = 0;
    for character in units.chars() {
        let value = u32::from(character).wrapping_sub(UNIT_BASE);
        if value > 0x7FFF {
            return Err(damaged(&format!(
                "it holds a character that packing never writes (U+{:04X})",
                u32::from(character)
            )));
        }
        bits = (bits << 15) | value;
        held += 15;
        while held >= 8 {
            held -= 8;
            compressed.push((bits >> held) as u8);
        }
        // Only the low `held` bits are still needed; dropping the rest keeps `bits` from overflowing.
        bits &= (1 << held) - 1;
    }
    // The last character may carry up to 14 bits of padding, which can add one byte.
    if compressed.len() < compressed_len || compressed.len() > compressed_len + 1 {
        return Err(damaged("it is shorter or longer than its header says"));
    }
    compressed.truncate(compressed_len);
    let json = lz4_flex::block::decompress(&compressed, json_len)
        .map_err(|error| damaged(&format!("it cannot be decompressed ({error})")))?;
    if json.len() != json_len {
        return Err(damaged("it decompresses to a different length"));
    }
    String::from_utf8(json).map_err(|_| damaged("it does not decompress to text"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{default_dataset, Dataset};

    /// [`stored_form`] as text, as the browser ends up holding it.
    fn to_stored(json: &str) -> Cow<'_, str> {
        match stored_form(json) {
            StoredForm::Plain(text) => Cow::Borrowed(text),
            StoredForm::Packed(bytes) => Cow::Owned(utf16le_text(&bytes)),
        }
    }

    /// A dataset well above the packing threshold: the default activities repeated under new ids.
    fn large_json() -> String {
        let sample = default_dataset();
        let mut dataset = Dataset::empty("Packed");
        for round in 0..12 {
            for activity in &sample.activities {
                let mut copy = activity.clone();
                copy.id = format!("{}-{round}", activity.id);
                dataset.activities.push(copy);
            }
        }
        dataset.to_compact_json()
    }

    #[test]
    fn small_json_is_stored_as_it_is() {
        let json = default_dataset().to_compact_json();
        assert!(json.len() < PACK_FROM_BYTES);
        assert_eq!(stored_form(&json), StoredForm::Plain(&json));
        assert!(matches!(to_stored(&json), Cow::Borrowed(s) if s == json));
        assert_eq!(from_stored(&json).as_deref(), Ok(json.as_str()));
    }

    #[test]
    fn large_json_is_packed_smaller_and_round_trips() {
        let json = large_json();
        assert!(json.len() >= PACK_FROM_BYTES, "{}", json.len());
        let stored = to_stored(&json);
        assert!(is_packed(&stored));
        let StoredForm::Packed(bytes) = stored_form(&json) else {
            panic!("large JSON is packed");
        };
        assert_eq!(bytes.len(), stored.encode_utf16().count() * 2);
        let units = stored.encode_utf16().count();
        // Storage counts UTF-16 units: the packed value must need far fewer than the JSON's bytes.
        assert!(
            units * 3 < json.len(),
            "{units} units for {} bytes",
            json.len()
        );
        assert!(stored.chars().skip(PACKED_PREFIX.len()).all(|c| {
            let code = u32::from(c);
            !(0xD800..=0xDFFF).contains(&code) && code >= 0x20
        }));
        assert_eq!(from_stored(&stored).as_deref(), Ok(json.as_str()));
    }

    #[test]
    fn every_length_of_input_round_trips() {
        // The bit packing has a different remainder for each length modulo 15; cover all of them,
        // with text that is non-ASCII too.
        let mut json = String::new();
        for length in 0..64 {
            let packed = pack(&json);
            assert_eq!(
                from_stored(&packed).as_deref(),
                Ok(json.as_str()),
                "{length}"
            );
            json.push(if length % 3 == 0 { 'ő' } else { 'a' });
        }
    }

    #[test]
    fn damaged_packed_values_are_errors_not_panics() {
        let good = pack(&large_json());
        let header_end = good.match_indices(':').nth(3).map_or(0, |(i, _)| i + 1);
        let cut_short: String = good.chars().take(good.chars().count() - 10).collect();
        let mut bad_character = good.clone();
        bad_character.push('\u{9000}');
        let mut below_range = good.clone();
        below_range.push('a');
        let mut flipped: Vec<char> = good.chars().collect();
        let middle = header_end + (flipped.len() - header_end) / 2;
        flipped[middle] = if flipped[middle] == '\u{0800}' {
            '\u{0801}'
        } else {
            '\u{0800}'
        };
        let flipped: String = flipped.into_iter().collect();
        let cases: Vec<(&str, String, &str)> = vec![
            ("no lengths", PACKED_PREFIX.to_string(), "length is missing"),
            (
                "no compressed length",
                format!("{PACKED_PREFIX}12:"),
                "compressed length is missing",
            ),
            (
                "impossible length",
                format!("{PACKED_PREFIX}999999999999:10:abc"),
                "impossible",
            ),
            ("cut short", cut_short, "shorter or longer"),
            ("character above the range", bad_character, "never writes"),
            ("character below the range", below_range, "never writes"),
            (
                "empty body",
                format!("{PACKED_PREFIX}10:4:"),
                "shorter or longer",
            ),
        ];
        for (name, stored, expected) in cases {
            let error = from_stored(&stored).expect_err(name);
            assert!(error.contains(expected), "{name}: {error}");
            assert!(error.starts_with("the saved data is packed"), "{name}");
        }
        // A flipped bit either fails to decompress or changes the text; it never panics.
        if let Ok(text) = from_stored(&flipped) {
            assert_ne!(text, large_json());
        }
    }

    #[test]
    fn stored_size_is_the_size_of_what_is_stored() {
        let large = large_json();
        let cases: Vec<(&str, String, bool)> = vec![
            ("empty", String::new(), true),
            ("ascii", r#"{"title":"Seminar"}"#.to_string(), true),
            ("latin-1", r#"{"title":"Séminaire"}"#.to_string(), true),
            (
                "japanese",
                r#"{"title":"ビエンチャン・ビジョン"}"#.to_string(),
                false,
            ),
            ("astral", r#"{"title":"🛳 ship"}"#.to_string(), false),
            ("packed", large, false),
        ];
        for (name, json, latin1) in cases {
            let stored = to_stored(&json);
            let size = stored_size(&json);
            assert_eq!(size.units, stored.encode_utf16().count(), "{name}");
            assert_eq!(size.latin1, latin1, "{name}");
        }
    }
}
