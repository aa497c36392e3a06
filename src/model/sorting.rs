//! Stable sorting through one shared copy of the standard library's sort.
//!
//! Every `slice::sort_by` call site is compiled into its own copy of the sort (about 3.5 kB of wasm
//! each), because the copy is specialised for the element type and for the closure. The model sorts
//! seven kinds of lists, so [`sort_by`] sorts positions instead: the standard sort runs once, in
//! [`stable_order`], on `usize` with a `dyn` comparison, and each call site only keeps the small loop
//! that moves its elements into place. The order is exactly that of `slice::sort_by`: the same stable
//! algorithm, comparing the same elements.

use std::cmp::Ordering;

/// The positions `0..len` in the order of `compare`, which compares two positions; equal positions
/// keep their order (a stable sort).
pub fn stable_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    positions.sort_by(|&i, &j| compare(i, j));
    positions
}

/// Sorts `items` by `compare` exactly as `items.sort_by(compare)` would (stable), through
/// [`stable_order`].
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &|i, j| compare(&items[i], &items[j]));
    arrange(items, order);
}

/// Puts `items[order[k]]` at position `k`, for every `k`, by following each cycle of the permutation
/// with swaps. `order` must be a permutation of `0..items.len()` (as [`stable_order`] returns).
fn arrange<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut position = start;
        loop {
            let source = order[position];
            // A position is done once it holds its element; marking it so ends the cycle's walk.
            order[position] = position;
            if source == start {
                break;
            }
            items.swap(position, source);
            position = source;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so that the comparison below covers many shapes without a
    /// random seed.
    fn numbers(seed: u64, len: usize, range: u64) -> Vec<u64> {
        let mut state = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (0..len)
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (state >> 33) % range
            })
            .collect()
    }

    #[test]
    fn sorts_exactly_like_the_standard_stable_sort() {
        for seed in 0..200 {
            for (len, range) in [(0, 1), (1, 1), (2, 2), (7, 3), (20, 5), (64, 10), (300, 40)] {
                // Pairs of (key, original position): sorting by the key alone shows stability.
                let items: Vec<(u64, usize)> = numbers(seed, len, range)
                    .into_iter()
                    .enumerate()
                    .map(|(i, key)| (key, i))
                    .collect();
                let mut expected = items.clone();
                expected.sort_by_key(|a| a.0);
                let mut sorted = items.clone();
                sort_by(&mut sorted, |a, b| a.0.cmp(&b.0));
                assert_eq!(sorted, expected, "seed {seed}, length {len}");
                let mut descending = items;
                sort_by(&mut descending, |a, b| b.0.cmp(&a.0));
                expected.sort_by_key(|a| std::cmp::Reverse(a.0));
                assert_eq!(
                    descending, expected,
                    "seed {seed}, length {len}, descending"
                );
            }
        }
    }

    #[test]
    fn stable_order_keeps_equal_positions_in_order() {
        let keys = [3, 1, 3, 2, 1];
        let order = stable_order(keys.len(), &|i, j| keys[i].cmp(&keys[j]));
        assert_eq!(order, vec![1, 4, 3, 0, 2]);
    }

    #[test]
    fn moves_owned_values() {
        let mut words: Vec<String> = ["pear", "Apple", "fig", "apple"]
            .into_iter()
            .map(str::to_string)
            .collect();
        sort_by(&mut words, |a, b| a.to_lowercase().cmp(&b.to_lowercase()));
        assert_eq!(words, ["Apple", "apple", "fig", "pear"]);
    }
}
