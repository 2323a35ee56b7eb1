//! Sorting, in one place.
//!
//! Every sort in the widget orders `u32` indices (scope ids, row positions, or
//! indices into a list of names) through one comparison function, so the bundle
//! carries one copy of the standard library's sort instead of one per element
//! type and closure (about 3 KB compressed).

use std::cmp::Ordering;

/// Sorts indices by `compare` (not stable: callers break ties themselves).
pub fn sort_by(indices: &mut [u32], compare: &dyn Fn(u32, u32) -> Ordering) {
    indices.sort_unstable_by(|&a, &b| compare(a, b));
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
    fn sort_by_uses_the_comparison() {
        let mut ids = vec![1, 2, 3, 4];
        sort_by(&mut ids, &|a, b| b.cmp(&a));
        assert_eq!(ids, [4, 3, 2, 1]);
    }
}
