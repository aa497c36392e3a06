//! The form a dataset takes in the browser's local storage.
//!
//! A small dataset is stored as its compact format-v1 JSON, readable in the browser's developer tools.
//! A large one is *packed*: its JSON is compressed with LZ4 (fast in both directions, so a save of
//! 10,000 activities stays within the save budget) and the compressed bytes are spread 15 bits to a
//! character over the Basic Multilingual Plane. Browsers count local storage in UTF-16 code units
//! (Chromium allows 5,242,880 of them per origin), so 15 bits per unit holds almost twice as much as
//! one byte per character, and no unit is a surrogate, which a browser could mangle.
//!
//! The JSON is compressed in chunks of 4 MiB as it is serialised ([`Packer`]), so a save never holds
//! the whole JSON of a large dataset, nor LZ4's worst-case buffer for it: at 50,000 activities that was
//! 90 MB of transient memory on every save, and the memory of 100 edits there passed 256 MB. A packed
//! value reads
//! `vva-packed:lz4-chunks:<JSON bytes>:<chunk bytes>:<compressed size of each chunk, comma-separated>:`
//! followed by the packed characters of all chunks. The first release wrote one block,
//! `vva-packed:lz4:<JSON bytes>:<compressed bytes>:`, which is still read.
//!
//! JSON never starts with `v`, so the forms cannot be confused, and an older build that meets a packed
//! value it does not know treats it as unreadable: it backs it up and never overwrites it. Every length
//! in a header is checked against the characters really present before anything is allocated.

use std::borrow::Cow;

use super::format::MAX_FILE_BYTES;
use super::i18n::messages::{HeaderField, StoredDamage};

/// Marks a packed value of the first release: one LZ4 block (read, no longer written).
pub const PACKED_PREFIX: &str = "vva-packed:lz4:";
/// Marks a packed value compressed in chunks: what this build writes.
pub const CHUNKED_PREFIX: &str = "vva-packed:lz4-chunks:";
/// What every packed value starts with, whatever its version.
const ANY_PACKED_PREFIX: &str = "vva-packed:";

/// Uncompressed bytes of each chunk this build writes. The reader takes the size from the header,
/// within [`CHUNK_BYTES_READ`]. Each chunk is compressed on its own (LZ4's dictionary mode made the
/// save a third slower), so a chunk boundary loses the matches into the chunk before: 4 MiB chunks
/// keep that near 1 % of the stored size while a save holds at most two chunks' worth of JSON.
const CHUNK_BYTES: usize = 4 << 20;
/// The chunk sizes a reader accepts, so that a damaged header cannot ask for one chunk per byte.
const CHUNK_BYTES_READ: std::ops::RangeInclusive<usize> = 1024..=(16 << 20);

/// What Chromium allows one origin in local storage, in UTF-16 code units (keys and values together).
/// Browsers count local storage in code units, so every figure about it (the health panel, the
/// capacity benchmark) uses this unit, never bytes.
pub const LOCAL_STORAGE_QUOTA_UNITS: usize = 5_242_880;

/// The share of [`LOCAL_STORAGE_QUOTA_UNITS`] that `units` code units take (1.0 when full).
pub fn quota_share(units: usize) -> f64 {
    units as f64 / LOCAL_STORAGE_QUOTA_UNITS as f64
}

/// Compact JSON of at least this many bytes is packed; smaller datasets stay plain JSON.
pub const PACK_FROM_BYTES: usize = 256 * 1024;

/// The largest JSON a stored value may hold: the largest file the app reads. A packed value that
/// claims more is damaged (so a damaged length cannot make the app allocate gigabytes, which aborts a
/// wasm32 page), and a save never writes more (`storage::save` refuses it), so whatever is stored can
/// be read back and exported as a file that imports again.
pub const MAX_STORED_JSON_BYTES: usize = MAX_FILE_BYTES;

/// The first code unit used for packed characters: 15-bit values map to U+0800..U+87FF, all of them
/// ordinary characters below the surrogate range.
const UNIT_BASE: u32 = 0x0800;

/// A dataset's compact JSON in the form local storage keeps.
#[derive(Debug, PartialEq, Eq)]
pub enum StoredForm<'a> {
    /// A small dataset: the JSON as it is.
    Plain(Cow<'a, str>),
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
        let mut packer = Packer::default();
        packer.push(json.as_bytes());
        StoredForm::Packed(packer.finish_packed())
    } else {
        StoredForm::Plain(Cow::Borrowed(json))
    }
}

/// The stored form of `dataset`, serialised and packed in one pass. Fails with the JSON's size when
/// it is larger than [`MAX_STORED_JSON_BYTES`] (nothing larger is ever stored).
pub fn dataset_form(dataset: &super::Dataset) -> Result<StoredForm<'static>, usize> {
    let packer = packed_dataset(dataset);
    if packer.total > MAX_STORED_JSON_BYTES {
        return Err(packer.total);
    }
    Ok(packer.finish())
}

/// Whether a stored value is in a packed form (of any version).
pub fn is_packed(stored: &str) -> bool {
    stored.starts_with(ANY_PACKED_PREFIX)
}

/// Packs `json` whatever its size (see [`stored_form`] for the choice).
pub fn pack(json: &str) -> String {
    let mut packer = Packer::default();
    packer.push(json.as_bytes());
    utf16le_text(&packer.finish_packed())
}

/// Takes compact JSON as it is written and compresses it chunk by chunk. The first
/// [`PACK_FROM_BYTES`] are kept as they are, so that a small dataset is stored as plain JSON; past
/// them, only the compressed chunks and one chunk of JSON are held.
#[derive(Default)]
pub struct Packer {
    /// JSON bytes not yet compressed: everything while the dataset is small, then at most one chunk.
    pending: Vec<u8>,
    /// Whether the JSON has reached the packing threshold.
    packing: bool,
    /// The compressed chunks, one after the other.
    compressed: Vec<u8>,
    /// The compressed size of each chunk.
    sizes: Vec<usize>,
    /// LZ4's output buffer for one chunk (its worst case), reused.
    scratch: Vec<u8>,
    /// JSON bytes written so far; past [`MAX_STORED_JSON_BYTES`] nothing more is kept.
    total: usize,
}

impl Packer {
    /// Takes the next bytes of the JSON.
    pub fn push(&mut self, bytes: &[u8]) {
        self.total += bytes.len();
        if self.total > MAX_STORED_JSON_BYTES {
            return;
        }
        if self.packing {
            self.feed(bytes);
            return;
        }
        self.pending.extend_from_slice(bytes);
        if self.pending.len() >= PACK_FROM_BYTES {
            // From here on the JSON goes out in chunks: what was held is the start of the first ones.
            self.packing = true;
            let held = std::mem::replace(&mut self.pending, Vec::with_capacity(CHUNK_BYTES));
            self.feed(&held);
        }
    }

    /// Adds bytes to the pending chunk, compressing each chunk as it fills.
    fn feed(&mut self, mut bytes: &[u8]) {
        while !bytes.is_empty() {
            let room = CHUNK_BYTES - self.pending.len();
            let (now, later) = bytes.split_at(room.min(bytes.len()));
            self.pending.extend_from_slice(now);
            bytes = later;
            if self.pending.len() == CHUNK_BYTES {
                self.compress_pending();
            }
        }
    }

    /// Compresses the pending JSON as one chunk.
    fn compress_pending(&mut self) {
        let needed = lz4_flex::block::get_maximum_output_size(self.pending.len());
        if self.scratch.len() < needed {
            self.scratch.resize(needed, 0);
        }
        // The scratch buffer has LZ4's worst-case size for this input, so compressing cannot fail; if
        // it ever did, the chunk is stored as an empty one and the value fails its read-back check.
        let size = lz4_flex::block::compress_into(&self.pending, &mut self.scratch).unwrap_or(0);
        self.compressed.extend_from_slice(&self.scratch[..size]);
        self.sizes.push(size);
        self.pending.clear();
    }

    /// Compresses what is still pending and returns the packed value's header.
    fn finish_header(&mut self) -> String {
        if !self.pending.is_empty() || self.sizes.is_empty() {
            self.compress_pending();
        }
        let sizes: Vec<String> = self.sizes.iter().map(ToString::to_string).collect();
        format!(
            "{CHUNKED_PREFIX}{}:{CHUNK_BYTES}:{}:",
            self.total,
            sizes.join(",")
        )
    }

    /// The size of the stored form, without building it.
    pub fn finish_size(mut self) -> StoredSize {
        if !self.packing {
            let json = String::from_utf8_lossy(&self.pending);
            return StoredSize {
                units: json.encode_utf16().count(),
                latin1: json.chars().all(|c| u32::from(c) < 0x100),
            };
        }
        let header = self.finish_header();
        StoredSize {
            units: header.len() + (self.compressed.len() * 8).div_ceil(15),
            latin1: false,
        }
    }

    /// The stored form: the JSON itself when it stayed small, packed otherwise.
    pub fn finish(self) -> StoredForm<'static> {
        if self.packing {
            StoredForm::Packed(self.finish_packed())
        } else {
            // serde_json writes UTF-8, and so does every caller of `push`.
            StoredForm::Plain(Cow::Owned(
                String::from_utf8(self.pending).unwrap_or_default(),
            ))
        }
    }

    /// The packed value as UTF-16LE bytes: the ASCII header, then one unit per 15 bits of the
    /// compressed chunks (the last one padded with zero bits).
    fn finish_packed(mut self) -> Vec<u8> {
        let header = self.finish_header();
        let compressed = std::mem::take(&mut self.compressed);
        drop(self);
        let units = (compressed.len() * 8).div_ceil(15);
        let mut packed = vec![0; (header.len() + units) * 2];
        let (header_bytes, unit_bytes) = packed.split_at_mut(header.len() * 2);
        for (pair, byte) in header_bytes.chunks_exact_mut(2).zip(header.bytes()) {
            pair[0] = byte;
        }
        spread_units(&compressed, unit_bytes);
        packed
    }
}

/// Writes `bytes` as 15-bit code units (UTF-16LE) into `units`, which has room for exactly
/// `ceil(bits / 15)` of them; the last one is padded with zero bits. Fifteen bytes are eight units,
/// taken from two overlapping big-endian 64-bit words, so the bulk needs no carry between groups (a
/// bit-by-bit loop cost about a sixth of the save of 10,000 activities).
fn spread_units(bytes: &[u8], units: &mut [u8]) {
    let groups = bytes.chunks_exact(15);
    let rest = groups.remainder();
    let (bulk, tail) = units.split_at_mut(bytes.len() / 15 * 16);
    for (group, out) in groups.zip(bulk.chunks_exact_mut(16)) {
        let mut word = [0u8; 8];
        word.copy_from_slice(&group[..8]);
        let first = u64::from_be_bytes(word);
        word.copy_from_slice(&group[7..]);
        let second = u64::from_be_bytes(word);
        for index in 0..4 {
            // Units 0-3 are the top 60 bits of bytes 0-7; units 4-7 the low 60 bits of bytes 7-14.
            put_unit(&mut out[index * 2..], (first >> (49 - 15 * index)) as u32);
            put_unit(
                &mut out[8 + index * 2..],
                (second >> (45 - 15 * index)) as u32,
            );
        }
    }
    let mut bits: u32 = 0;
    let mut held: u32 = 0;
    let mut at = 0;
    for &byte in rest {
        bits = (bits << 8) | u32::from(byte);
        held += 8;
        if held >= 15 {
            held -= 15;
            put_unit(&mut tail[at..], bits >> held);
            at += 2;
            bits &= (1 << held) - 1;
        }
    }
    if held > 0 {
        put_unit(&mut tail[at..], bits << (15 - held));
    }
}

/// Writes the code unit `UNIT_BASE + (value & 0x7FFF)` (U+0800..U+87FF), little-endian, at the start
/// of `out`.
fn put_unit(out: &mut [u8], value: u32) {
    let code = UNIT_BASE + (value & 0x7FFF);
    out[0] = (code & 0xFF) as u8;
    out[1] = (code >> 8) as u8;
}

impl std::io::Write for Packer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.push(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
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

/// The size of what [`stored_form`] would store for `json`, without spreading it into characters.
pub fn stored_size(json: &str) -> StoredSize {
    let mut packer = Packer::default();
    packer.push(json.as_bytes());
    packer.finish_size()
}

/// The size of what a save of `dataset` would store, serialised and compressed chunk by chunk (the
/// import preview asks this of a merged dataset, so it never holds the whole JSON either).
pub fn dataset_stored_size(dataset: &super::Dataset) -> StoredSize {
    packed_dataset(dataset).finish_size()
}

/// `dataset`'s compact JSON pushed through a packer. serde_json writes a token at a time; a 64 KiB
/// buffer in between hands the packer large pieces (measured in wasm at 10,000 activities: 28 ms for
/// the whole pass with it, 34 ms with tokens pushed one by one, and three times slower before
/// `Packer::push` took slices).
fn packed_dataset(dataset: &super::Dataset) -> Packer {
    let mut packer = Packer::default();
    {
        let mut buffered = std::io::BufWriter::with_capacity(64 * 1024, &mut packer);
        dataset.write_compact_json(&mut buffered);
        // Writing into a packer cannot fail, so neither can the flush.
        let _ = std::io::Write::flush(&mut buffered);
    }
    packer
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
pub fn from_stored(stored: &str) -> Result<Cow<'_, str>, StoredDamage> {
    if let Some(rest) = stored.strip_prefix(CHUNKED_PREFIX) {
        return unpack_chunks(rest).map(Cow::Owned);
    }
    match stored.strip_prefix(PACKED_PREFIX) {
        None => Ok(Cow::Borrowed(stored)),
        Some(rest) => unpack(rest).map(Cow::Owned),
    }
}

/// A length from a header, which must be a plain decimal number.
fn header_number(field: Option<&str>, what: HeaderField) -> Result<usize, StoredDamage> {
    field
        .and_then(|n| n.parse().ok())
        .ok_or(StoredDamage::Missing(what))
}

/// The one-block form of the first release.
fn unpack(rest: &str) -> Result<String, StoredDamage> {
    let mut header = rest.splitn(3, ':');
    let json_len = header_number(header.next(), HeaderField::Length)?;
    let compressed_len = header_number(header.next(), HeaderField::CompressedLength)?;
    let units = header.next().unwrap_or_default();
    // Both lengths come from storage and size allocations below, so each is checked against what is
    // really there before anything is allocated. LZ4 cannot shrink data more than about 255 times.
    if json_len > MAX_STORED_JSON_BYTES || json_len > compressed_len.saturating_mul(256) {
        return Err(StoredDamage::ImpossibleLength);
    }
    let compressed = unpack_units(units, compressed_len)?;
    let json = lz4_flex::block::decompress(&compressed, json_len)
        .map_err(|error| StoredDamage::Undecompressable(error.to_string()))?;
    if json.len() != json_len {
        return Err(StoredDamage::DifferentLength);
    }
    String::from_utf8(json).map_err(|_| StoredDamage::NotText)
}

/// The chunked form this build writes.
fn unpack_chunks(rest: &str) -> Result<String, StoredDamage> {
    let mut header = rest.splitn(4, ':');
    let json_len = header_number(header.next(), HeaderField::Length)?;
    let chunk_len = header_number(header.next(), HeaderField::ChunkSize)?;
    let sizes_field = header.next().unwrap_or_default();
    let units = header.next().unwrap_or_default();
    if json_len > MAX_STORED_JSON_BYTES {
        return Err(StoredDamage::ImpossibleLength);
    }
    if !CHUNK_BYTES_READ.contains(&chunk_len) {
        return Err(StoredDamage::ImpossibleChunkSize);
    }
    // One chunk at least (an empty JSON is one empty chunk), and exactly as many as the length needs.
    let chunks = json_len.div_ceil(chunk_len).max(1);
    let mut sizes = Vec::with_capacity(chunks);
    for field in sizes_field.split(',') {
        if sizes.len() == chunks {
            return Err(StoredDamage::MoreChunks);
        }
        sizes.push(header_number(Some(field), HeaderField::ChunkLength)?);
    }
    if sizes.len() != chunks {
        return Err(StoredDamage::FewerChunks);
    }
    let compressed_len = sizes
        .iter()
        .try_fold(0usize, |sum, &size| sum.checked_add(size))
        .ok_or(StoredDamage::ImpossibleLength)?;
    let compressed = unpack_units(units, compressed_len)?;
    let mut json = vec![0u8; json_len];
    let mut read = 0;
    for (index, &size) in sizes.iter().enumerate() {
        let start = index * chunk_len;
        let end = (start + chunk_len).min(json_len);
        let written =
            lz4_flex::block::decompress_into(&compressed[read..read + size], &mut json[start..end])
                .map_err(|error| StoredDamage::Undecompressable(error.to_string()))?;
        if written != end - start {
            return Err(StoredDamage::DifferentLength);
        }
        read += size;
    }
    String::from_utf8(json).map_err(|_| StoredDamage::NotText)
}

/// The bytes spread over the packed characters `units`, which must hold exactly `expected` of them
/// (the last character may add one byte of padding).
fn unpack_units(units: &str, expected: usize) -> Result<Vec<u8>, StoredDamage> {
    // Every packed character is three bytes of UTF-8 and carries 15 bits, so the characters present
    // bound the bytes they can hold: checked before the buffer is allocated.
    if expected > units.len() / 3 * 15 / 8 + 1 {
        return Err(StoredDamage::WrongLength);
    }
    let mut bytes = Vec::with_capacity(expected + 1);
    let mut bits: u32 = 0;
    let mut held: u32 = 0;
    for character in units.chars() {
        let value = u32::from(character).wrapping_sub(UNIT_BASE);
        if value > 0x7FFF {
            return Err(StoredDamage::ForeignCharacter(u32::from(character)));
        }
        bits = (bits << 15) | value;
        held += 15;
        while held >= 8 {
            held -= 8;
            bytes.push((bits >> held) as u8);
        }
        // Only the low `held` bits are still needed; dropping the rest keeps `bits` from overflowing.
        bits &= (1 << held) - 1;
        // A value longer than its header is damaged; stop before it grows the buffer any further.
        if bytes.len() > expected + 1 {
            return Err(StoredDamage::WrongLength);
        }
    }
    if bytes.len() < expected || bytes.len() > expected + 1 {
        return Err(StoredDamage::WrongLength);
    }
    bytes.truncate(expected);
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{default_dataset, Dataset};

    /// [`stored_form`] as text, as the browser ends up holding it.
    fn to_stored(json: &str) -> Cow<'_, str> {
        match stored_form(json) {
            StoredForm::Plain(text) => text,
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
        assert_eq!(
            stored_form(&json),
            StoredForm::Plain(Cow::Borrowed(json.as_str()))
        );
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
            // The values of issue 11: a compressed length that would size a 3 GB buffer, one of
            // 1.5 GB, and a length LZ4 could never reach.
            (
                "compressed length of 3 GB",
                format!("{PACKED_PREFIX}1:3000000000:\u{0800}\u{0801}"),
                "shorter or longer",
            ),
            (
                "compressed length of 1.5 GB",
                format!("{PACKED_PREFIX}1:1500000000:\u{0800}\u{0801}"),
                "shorter or longer",
            ),
            (
                "length beyond LZ4",
                format!("{PACKED_PREFIX}100:1:\u{0800}"),
                "decompress",
            ),
            (
                "length beyond the file limit",
                format!(
                    "{PACKED_PREFIX}{}:{}:",
                    MAX_STORED_JSON_BYTES + 1,
                    usize::MAX
                ),
                "impossible",
            ),
            (
                "lengths beyond usize",
                format!("{PACKED_PREFIX}99999999999999999999999:1:"),
                "length is missing",
            ),
        ];
        for (name, stored, expected) in cases {
            let error = from_stored(&stored).expect_err(name).to_string();
            assert!(error.contains(expected), "{name}: {error}");
            assert!(error.starts_with("the saved data is packed"), "{name}");
        }
        // A flipped bit either fails to decompress or changes the text; it never panics.
        if let Ok(text) = from_stored(&flipped) {
            assert_ne!(text, large_json());
        }
    }

    /// The first release's writer: one LZ4 block for the whole JSON. Values it wrote are still read.
    fn legacy_pack(json: &str) -> String {
        let compressed = lz4_flex::block::compress(json.as_bytes());
        let mut packed = Vec::new();
        for byte in format!("{PACKED_PREFIX}{}:{}:", json.len(), compressed.len()).bytes() {
            packed.extend_from_slice(&[byte, 0]);
        }
        packed.extend(spread_bit_by_bit(&compressed));
        utf16le_text(&packed)
    }

    /// The first release's spreading of bytes into 15-bit units, one bit-shift per byte: the reference
    /// the grouped [`spread_units`] must agree with.
    fn spread_bit_by_bit(bytes: &[u8]) -> Vec<u8> {
        let mut units = Vec::new();
        let mut push = |value: u32| {
            let code = UNIT_BASE + (value & 0x7FFF);
            units.extend_from_slice(&[(code & 0xFF) as u8, (code >> 8) as u8]);
        };
        let (mut bits, mut held) = (0u32, 0u32);
        for &byte in bytes {
            bits = (bits << 8) | u32::from(byte);
            held += 8;
            if held >= 15 {
                held -= 15;
                push(bits >> held);
                bits &= (1 << held) - 1;
            }
        }
        if held > 0 {
            push(bits << (15 - held));
        }
        units
    }

    #[test]
    fn grouped_spreading_agrees_with_the_bit_by_bit_one() {
        // Every length around the 15-byte groups, with bytes that set every bit position somewhere.
        for length in 0..=76 {
            let bytes: Vec<u8> = (0..length)
                .map(|index: usize| (index.wrapping_mul(151) ^ 0xA5) as u8)
                .collect();
            let expected = spread_bit_by_bit(&bytes);
            let mut units = vec![0; (length * 8).div_ceil(15) * 2];
            spread_units(&bytes, &mut units);
            assert_eq!(units, expected, "{length} bytes");
        }
        let all_ones = [0xFF; 30];
        let mut units = vec![0; 32];
        spread_units(&all_ones, &mut units);
        assert!(
            units.chunks_exact(2).all(|pair| pair == [0xFF, 0x87]),
            "{units:?}"
        );
    }

    /// Many rounds of the default activities: several chunks of JSON.
    fn json_of_rounds(rounds: usize) -> (Dataset, String) {
        let sample = default_dataset();
        let mut dataset = Dataset::empty("Chunks");
        for round in 0..rounds {
            for activity in &sample.activities {
                let mut copy = activity.clone();
                copy.id = format!("{}-{round}", activity.id);
                dataset.activities.push(copy);
            }
        }
        let json = dataset.to_compact_json();
        (dataset, json)
    }

    #[test]
    fn values_of_the_first_release_are_still_read() {
        for json in [large_json(), String::new(), "{\"a\":1}".to_string()] {
            let legacy = legacy_pack(&json);
            assert!(legacy.starts_with(PACKED_PREFIX) && is_packed(&legacy));
            assert_eq!(from_stored(&legacy).as_deref(), Ok(json.as_str()));
        }
    }

    #[test]
    fn a_large_dataset_is_packed_in_chunks_as_it_is_serialised() {
        let (dataset, json) = json_of_rounds(150);
        assert!(json.len() > 2 * CHUNK_BYTES, "{}", json.len());
        let StoredForm::Packed(streamed) = dataset_form(&dataset).expect("within the limit") else {
            panic!("a large dataset is packed");
        };
        // Serialising into the packer gives the same value as packing the finished JSON.
        let StoredForm::Packed(buffered) = stored_form(&json) else {
            panic!("large JSON is packed");
        };
        assert_eq!(streamed, buffered);
        let text = utf16le_text(&streamed);
        assert!(text.starts_with(CHUNKED_PREFIX));
        let chunks = json.len().div_ceil(CHUNK_BYTES);
        let header: Vec<&str> = text.splitn(6, ':').collect();
        assert_eq!(header[4].split(',').count(), chunks, "{}", header[4]);
        assert_eq!(from_stored(&text).as_deref(), Ok(json.as_str()));
        // Chunks cost almost nothing against one block (LZ4 matches within 64 KiB anyway).
        let (chunked, single) = (
            text.encode_utf16().count(),
            legacy_pack(&json).encode_utf16().count(),
        );
        assert!(
            chunked < single * 105 / 100,
            "{chunked} units chunked, {single} as one block"
        );
    }

    #[test]
    fn a_small_dataset_is_plain_and_a_huge_one_is_refused() {
        let small = default_dataset();
        assert_eq!(
            dataset_form(&small),
            Ok(StoredForm::Plain(Cow::Owned(small.to_compact_json())))
        );
        let mut huge = Dataset::empty("Huge");
        huge.description = Some("x".repeat(MAX_STORED_JSON_BYTES));
        assert!(matches!(dataset_form(&huge), Err(size) if size > MAX_STORED_JSON_BYTES));
    }

    #[test]
    fn damaged_chunked_headers_are_errors() {
        let good = pack(&json_of_rounds(20).1);
        let body = good
            .rsplit_once(':')
            .map(|(_, body)| body)
            .unwrap_or_default();
        let cases: Vec<(String, &str)> = vec![
            (CHUNKED_PREFIX.to_string(), "length is missing"),
            (format!("{CHUNKED_PREFIX}10:"), "chunk size is missing"),
            (
                format!("{CHUNKED_PREFIX}10:1:5:{body}"),
                "chunk size is impossible",
            ),
            (
                format!("{CHUNKED_PREFIX}10:999999999999:5:{body}"),
                "chunk size is impossible",
            ),
            (
                format!("{CHUNKED_PREFIX}99999999999:1048576:5:{body}"),
                "length is impossible",
            ),
            (
                format!("{CHUNKED_PREFIX}3000000:1048576:5:{body}"),
                "fewer chunks",
            ),
            (
                format!("{CHUNKED_PREFIX}10:1048576:5,5:{body}"),
                "more chunks",
            ),
            (
                format!("{CHUNKED_PREFIX}10:1048576:x:{body}"),
                "chunk length is missing",
            ),
            (
                format!("{CHUNKED_PREFIX}10:1048576:3000000000:\u{0800}"),
                "shorter or longer",
            ),
            (
                format!(
                    "{CHUNKED_PREFIX}2097152:1048576:{},{}:",
                    usize::MAX,
                    usize::MAX
                ),
                "impossible",
            ),
        ];
        for (stored, expected) in cases {
            let name: String = stored.chars().take(60).collect();
            let error = from_stored(&stored).expect_err(&name).to_string();
            assert!(error.contains(expected), "{name}: {error}");
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
