//! Which actions a search shows.

use super::Action;

/// How text is lower-cased: by Unicode's default case conversion, in every
/// script. Natively the standard library's [`str::to_lowercase`]; in the
/// browser the widget passes the platform's own `String.prototype.toLowerCase`
/// (the same Unicode mapping, compared code point by code point in the browser
/// tests), which keeps the standard library's case tables out of the bundle.
pub type Lowercase = fn(&str) -> String;

/// Text as search compares it: lower case, with the final sigma read as σ so
/// that a Greek word typed letter by letter keeps matching, and without a
/// combining dot above (U+0307) right after an `i`: `İ` lower-cases to `i` and
/// that dot, which would keep "istanbul" from finding "İstanbul". Search folds
/// both the text and the query, so the two always agree.
pub(crate) fn fold(text: &str, lowercase: Lowercase) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let lower = lowercase(text);
    if !lower.contains(['\u{307}', 'ς']) {
        return lower;
    }
    let mut folded = String::with_capacity(lower.len());
    for c in lower.chars() {
        match c {
            '\u{307}' if folded.ends_with('i') => {}
            'ς' => folded.push('σ'),
            c => folded.push(c),
        }
    }
    folded
}

/// A parsed search: whitespace-separated terms, each of which must occur
/// (ignoring case) in the action's label, id or one of its scopes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    terms: Vec<String>,
}

impl Query {
    /// Reads what the reader typed, lower-cased by [`str::to_lowercase`].
    pub fn parse(text: &str) -> Query {
        Query::parse_with(text, str::to_lowercase)
    }

    /// Reads what the reader typed, lower-cased by `lowercase`.
    pub fn parse_with(text: &str, lowercase: Lowercase) -> Query {
        Query {
            terms: text
                .split_whitespace()
                .map(|term| fold(term, lowercase))
                .collect(),
        }
    }

    /// True when the search shows every action.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether the action is shown under this search.
    pub fn matches(&self, action: &Action) -> bool {
        // The haystack holds one field per line and terms hold no whitespace, so a
        // term found in it lies within a single field.
        self.terms
            .iter()
            .all(|term| action.haystack.contains(term.as_str()))
    }
}

/// The next shown row after `from` (or before it, going `up`), for arrow keys.
pub fn next_shown(shown: &[bool], from: usize, up: bool) -> Option<usize> {
    if up {
        (0..from.min(shown.len())).rev().find(|&i| shown[i])
    } else {
        (from + 1..shown.len()).find(|&i| shown[i])
    }
}

/// The shown row nearest to `from`, preferring the one below; for moving focus
/// off a row that a search just hid.
pub fn nearest_shown(shown: &[bool], from: usize) -> Option<usize> {
    if shown.get(from).copied().unwrap_or(false) {
        return Some(from);
    }
    next_shown(shown, from, false).or_else(|| next_shown(shown, from, true))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Catalog;

    fn shown(query: &str) -> Vec<String> {
        let catalog = Catalog::parse(
            r#"[{"id":"list_workflows","label":"List All Workflows","scopes":["public.workflows.readWorkflows"]},
                {"id":"create_record","label":"Create A Record","scopes":["public.records.createRecords"]},
                {"id":"délai","label":"Ändern Straße","scopes":["ÉCRIRE"]}]"#,
        )
        .unwrap();
        let query = Query::parse(query);
        catalog
            .actions()
            .iter()
            .filter(|a| query.matches(a))
            .map(|a| a.id.clone())
            .collect()
    }

    #[test]
    fn arrow_keys_skip_hidden_rows() {
        let shown = [true, false, true, false];
        assert_eq!(next_shown(&shown, 0, false), Some(2));
        assert_eq!(next_shown(&shown, 2, false), None);
        assert_eq!(next_shown(&shown, 2, true), Some(0));
        assert_eq!(next_shown(&shown, 0, true), None);
        assert_eq!(next_shown(&shown, 9, true), Some(2));
    }

    #[test]
    fn nearest_prefers_below() {
        let shown = [true, false, false, true];
        assert_eq!(nearest_shown(&shown, 1), Some(3));
        assert_eq!(nearest_shown(&shown, 3), Some(3));
        assert_eq!(nearest_shown(&[false, false], 1), None);
    }

    #[test]
    fn empty_shows_all() {
        assert_eq!(shown("  ").len(), 3);
        assert!(Query::parse(" \t").is_empty());
    }

    #[test]
    fn case_insensitive_label() {
        assert_eq!(shown("WORKFLOWS"), ["list_workflows"]);
    }

    #[test]
    fn every_term_must_match() {
        assert_eq!(shown("create record"), ["create_record"]);
        assert!(shown("create workflows").is_empty());
    }

    #[test]
    fn matches_id_and_scope() {
        assert_eq!(shown("create_record"), ["create_record"]);
        assert_eq!(shown("readworkflows"), ["list_workflows"]);
    }

    #[test]
    fn terms_do_not_span_fields() {
        // "workflows\nlist" would only match if the fields were joined by a space.
        assert!(shown("workflowslist").is_empty());
    }

    #[test]
    fn non_ascii_case_folding() {
        assert_eq!(shown("ändern"), ["délai"]);
        assert_eq!(shown("écrire"), ["délai"]);
    }

    /// The ids of the actions with these labels that `query` shows.
    fn found(labels: &[&str], query: &str) -> Vec<usize> {
        let actions: Vec<String> = labels
            .iter()
            .enumerate()
            .map(|(i, label)| format!(r#"{{"id":"{i}","label":"{label}","scopes":[]}}"#))
            .collect();
        let catalog = Catalog::parse(&format!("[{}]", actions.join(","))).unwrap();
        let query = Query::parse(query);
        catalog
            .actions()
            .iter()
            .filter(|a| query.matches(a))
            .map(|a| a.id.parse().unwrap())
            .collect()
    }

    #[test]
    fn greek_and_cyrillic_ignore_case() {
        let labels = ["ΣΟΦΊΑ", "Привет мир", "Délai d’ÉTÉ"];
        assert_eq!(found(&labels, "σοφία"), [0]);
        assert_eq!(found(&labels, "ПРИВЕТ"), [1]);
        assert_eq!(found(&labels, "МИР"), [1]);
        assert_eq!(found(&labels, "été"), [2]);
        assert_eq!(found(&["σοφία"], "ΣΟΦΊΑ"), [0]);
    }

    #[test]
    fn a_final_sigma_matches_a_sigma_as_the_word_is_typed() {
        // "ΟΔΟΣ" alone lower-cases with a final ς; in "ΟΔΟΣΤ" the Σ is medial.
        assert_eq!(found(&["ΟΔΟΣΤΡΩΜΑ", "οδός"], "ΟΔΟΣ"), [0]);
        assert_eq!(found(&["ΟΔΌΣ"], "οδόσ"), [0]);
        assert_eq!(found(&["ΟΔΌΣ"], "οδός"), [0]);
    }

    #[test]
    fn a_dotted_capital_i_is_an_i() {
        // "İ".to_lowercase() is "i\u{307}": an i and a combining dot above.
        assert_eq!(fold("İstanbul", str::to_lowercase), "istanbul");
        assert_eq!(found(&["İstanbul"], "istanbul"), [0]);
        assert_eq!(found(&["İstanbul"], "İSTANBUL"), [0]);
        assert_eq!(found(&["İSTANBUL"], "İstanbul"), [0]);
        assert_eq!(found(&["istanbul"], "İstanbul"), [0]);
        // The same letter decomposed (I and U+0307) folds the same way.
        assert_eq!(found(&["I\u{307}stanbul"], "istanbul"), [0]);
        // A dot above elsewhere stays, and the dotless ı is another letter.
        assert_eq!(fold("Ȧ\u{307}", str::to_lowercase), "ȧ\u{307}");
        assert!(found(&["İstanbul"], "ıstanbul").is_empty());
    }

    #[test]
    fn armenian_ignores_case() {
        assert_eq!(found(&["ԱԲԳ"], "աբգ"), [0]);
        assert_eq!(found(&["աբգ"], "ԱԲԳ"), [0]);
        assert_eq!(found(&["ԱԲԳ"], "բ"), [0]);
    }

    #[test]
    fn fullwidth_latin_ignores_case() {
        assert_eq!(found(&["ＡＢＣ"], "ａｂｃ"), [0]);
        assert_eq!(found(&["ａｂｃ"], "ＡＢＣ"), [0]);
        // Width still matters: fullwidth is not ASCII.
        assert!(found(&["ＡＢＣ"], "abc").is_empty());
    }

    #[test]
    fn other_scripts_are_found_as_written() {
        assert_eq!(found(&["中文 😀 ß"], "中文"), [0]);
        assert_eq!(found(&["中文 😀 ß"], "😀"), [0]);
        assert_eq!(found(&["Straße"], "STRAẞE"), [0]);
    }
}
