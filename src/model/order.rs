//! Sorting, in one place.
//!
//! Every sort in the widget orders `u32` indices (scope ids, row positions, or
//! indices into a list of names) through one comparison function, so the bundle
//! carries one copy of the standard library's sort instead of one per element
//! type and closure (about 3 KB compressed).

use std::cmp::Ordering;

/// Sorts indices by `compare` (not stable: callers break ties themselves).
///
/// A heapsort: O(n log n) in every case, in place, and a tenth of the size of
/// the standard library's pattern-defeating quicksort in the bundle.
pub fn sort_by(indices: &mut [u32], compare: &dyn Fn(u32, u32) -> Ordering) {
    // Moves the value at `root` down until neither child of it is greater.
    let sift_down = |indices: &mut [u32], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && compare(indices[child], indices[child + 1]) == Ordering::Less {
            child += 1;
        }
        if compare(indices[root], indices[child]) != Ordering::Less {
            return;
        }
        indices.swap(root, child);
        root = child;
    };
    let len = indices.len();
    for root in (0..len / 2).rev() {
        sift_down(indices, root, len);
    }
    for end in (1..len).rev() {
        indices.swap(0, end);
        sift_down(indices, 0, end);
    }
}

/// Sorts indices ascending and removes repeats.
pub fn sort_unique(indices: &mut Vec<u32>) {
    sort_by(indices, &|a, b| a.cmp(&b));
    indices.dedup();
}

/// Sorts names and removes repeats, returning them owned.
pub fn unique_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let names: Vec<&str> = names.into_iter().collect();
    let mut order: Vec<u32> = (0..names.len() as u32).collect();
    sort_by(&mut order, &|a, b| names[a as usize].cmp(names[b as usize]));
    order.dedup_by(|a, b| names[*a as usize] == names[*b as usize]);
    order
        .into_iter()
        .map(|i| names[i as usize].to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_unique_orders_and_deduplicates() {
        let mut ids = vec![5, 1, 5, 3, 1, 0];
        sort_unique(&mut ids);
        assert_eq!(ids, [0, 1, 3, 5]);
    }

    #[test]
    fn unique_names_sorts_by_bytes_and_deduplicates() {
        let names = unique_names(["b.write", "a.read", "b.write", "B", "a.read"]);
        assert_eq!(names, ["B", "a.read", "b.write"]);
    }

    #[test]
    fn sort_by_sorts_every_arrangement() {
        // Every permutation of 0..7, with repeats folded in.
        let mut values: Vec<u32> = (0..7).collect();
        let mut count = 0;
        permute(&mut values, 0, &mut |arrangement| {
            let mut sorted: Vec<u32> = arrangement.iter().map(|v| v / 2).collect();
            sort_by(&mut sorted, &|a, b| a.cmp(&b));
            assert!(sorted.windows(2).all(|w| w[0] <= w[1]), "{arrangement:?}");
            count += 1;
        });
        assert_eq!(count, 5040);
        let mut long: Vec<u32> = (0..10_000).map(|i| (i * 7919) % 10_007).collect();
        sort_by(&mut long, &|a, b| a.cmp(&b));
        assert!(long.windows(2).all(|w| w[0] < w[1]));
    }

    fn permute(values: &mut Vec<u32>, from: usize, visit: &mut dyn FnMut(&[u32])) {
        if from == values.len() {
            return visit(values);
        }
        for i in from..values.len() {
            values.swap(from, i);
            permute(values, from + 1, visit);
            values.swap(from, i);
        }
    }

    #[test]
    fn sort_by_uses_the_comparison() {
        let mut ids = vec![1, 2, 3, 4];
        sort_by(&mut ids, &|a, b| b.cmp(&a));
        assert_eq!(ids, [4, 3, 2, 1]);
    }
}
