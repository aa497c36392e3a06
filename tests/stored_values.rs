//! Reading any stored string, under an allocator that refuses what a wasm32 page cannot have.
//!
//! Natively a 64-bit process reserves a 3 GB buffer without complaint, so a length read from storage
//! that sizes an allocation passes every ordinary test and still aborts the browser app (issue 11:
//! `vva-packed:lz4:1:3000000000:…` blanked the page at every start). This test binary's allocator
//! refuses any single allocation above `bounded_alloc::LIMIT`, which aborts the test process the same way.

#![cfg(not(target_arch = "wasm32"))]

#[path = "support/bounded_alloc.rs"]
mod bounded_alloc;

use proptest::prelude::*;
use vientiane_vision_atlas::model::format::read_dataset_text;
use vientiane_vision_atlas::model::stored::{self, CHUNKED_PREFIX, PACKED_PREFIX};

/// The load path of a stored value: unpack, then read the JSON. Errors are fine; a panic or an
/// abort is not.
fn load(stored: &str) -> Result<(), String> {
    let json = stored::from_stored(stored).map_err(|damage| damage.to_string())?;
    read_dataset_text(&json)
        .map(|_| ())
        .map_err(|problems| format!("{} problems", problems.len()))
}

#[test]
fn damaged_lengths_are_refused_before_anything_is_allocated() {
    let cases = [
        // Issue 11's values: 3 GB and 1.5 GB of compressed bytes claimed, and 100 bytes from one.
        "1:3000000000:\u{0800}\u{0801}",
        "1:1500000000:\u{0800}\u{0801}",
        "100:1:\u{0800}\u{0801}",
        // Lengths at and beyond what wasm32 can address, and just over the JSON limit.
        "4294967295:4294967295:\u{0800}",
        "18446744073709551615:18446744073709551615:\u{0800}",
        "67108865:262144:\u{0800}",
        "67108864:300000000:\u{0800}",
        "0:0:",
        "1:0:",
        ":::",
    ];
    for case in cases {
        let stored = format!("{PACKED_PREFIX}{case}");
        let error = load(&stored).expect_err(case);
        assert!(
            error.starts_with("the saved data is packed"),
            "{case}: {error}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    /// Any header numbers with any body: an error or a dataset, never a panic or a huge allocation.
    #[test]
    fn any_packed_header_is_read_safely(
        json_len in prop_oneof![0usize..4096, any::<usize>(), Just(usize::MAX)],
        compressed_len in prop_oneof![0usize..4096, any::<usize>()],
        body in proptest::collection::vec(0x0700u32..0x8900, 0..64),
    ) {
        let body: String = body.into_iter().filter_map(char::from_u32).collect();
        let stored = format!("{PACKED_PREFIX}{json_len}:{compressed_len}:{body}");
        let _ = load(&stored);
    }

    /// Any chunked header with any body.
    #[test]
    fn any_chunked_header_is_read_safely(
        json_len in prop_oneof![0usize..8192, any::<usize>()],
        chunk_len in prop_oneof![Just(1024usize), 0usize..4096, any::<usize>()],
        sizes in proptest::collection::vec(prop_oneof![0usize..4096, any::<usize>()], 0..6),
        body in proptest::collection::vec(0x0700u32..0x8900, 0..64),
    ) {
        let body: String = body.into_iter().filter_map(char::from_u32).collect();
        let sizes: Vec<String> = sizes.iter().map(ToString::to_string).collect();
        let stored = format!("{CHUNKED_PREFIX}{json_len}:{chunk_len}:{}:{body}", sizes.join(","));
        let _ = load(&stored);
    }

    /// Any string at all, as storage may hold after another program or a damaged profile wrote it.
    #[test]
    fn any_stored_string_is_read_safely(stored in any::<String>()) {
        let _ = load(&stored);
        let _ = load(&format!("{PACKED_PREFIX}{stored}"));
        let _ = load(&format!("{CHUNKED_PREFIX}{stored}"));
    }
}
