//! What a reader's input named that the widget does not know (ids in a link,
//! pasted scopes): the first few, to name in a message, and how many in all.

use std::borrow::Cow;
use std::collections::HashMap;

/// The unknown items of one input.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Unknown {
    /// The first few, in input order, without repeats.
    pub named: Vec<String>,
    /// How many different ones the input had.
    pub count: usize,
}

impl Unknown {
    /// The named items joined by ", ", then `more` with `{count}` filled in
    /// when there were others: `a, b (+3 more)`.
    pub fn list(&self, more: &str) -> String {
        let mut list = self.named.join(", ");
        if self.count > self.named.len() {
            let rest = (self.count - self.named.len()).to_string();
            list.push(' ');
            list.push_str(&super::text::fill(more, &[("count", &rest)]));
        }
        list
    }
}

/// Gathers an [`Unknown`] in one pass over an input: each item costs one hash
/// look-up and one copy, so an input of any length is read in linear time.
pub struct Collector {
    /// Each item seen. A map whose values go unused, of the type the catalog
    /// finds ids with: the bundle holds one copy of the hash table's code
    /// (−0.65 KB brotli against a set of borrowed items).
    seen: HashMap<String, u32>,
    named: Vec<String>,
    limit: usize,
}

impl Collector {
    /// A collector that names the first `limit` items.
    pub fn new(limit: usize) -> Collector {
        Collector {
            seen: HashMap::new(),
            named: Vec::new(),
            limit,
        }
    }

    /// Notes one unknown item (a repeat counts once).
    pub fn add(&mut self, item: Cow<str>) {
        let item = item.into_owned();
        if self.named.len() < self.limit && !self.seen.contains_key(&item) {
            self.named.push(item.clone());
        }
        self.seen.insert(item, 0);
    }

    /// What was noted.
    pub fn finish(self) -> Unknown {
        Unknown {
            count: self.seen.len(),
            named: self.named,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(items: &[&'static str], limit: usize) -> Unknown {
        let mut collector = Collector::new(limit);
        for item in items {
            collector.add(Cow::Borrowed(item));
        }
        collector.finish()
    }

    #[test]
    fn names_the_first_few_once_and_counts_the_rest() {
        let unknown = collect(&["b", "a", "b", "c", "a", "d"], 2);
        assert_eq!(unknown.named, ["b", "a"]);
        assert_eq!(unknown.count, 4);
        assert_eq!(unknown.list("(+{count} more)"), "b, a (+2 more)");
        assert_eq!(collect(&["x", "x"], 2).list("(+{count} more)"), "x");
        assert_eq!(collect(&[], 2), Unknown::default());
    }
}
