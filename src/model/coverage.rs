//! "What do my scopes allow?": the actions that the scopes a reader's existing
//! OAuth client already has fully cover.

use std::collections::HashSet;

use super::{url, Catalog, ScopeId, ScopeSet, Selection};

/// The scopes in pasted text: separated by spaces, newlines, commas, semicolons
/// or pipes, or given as an OAuth `scope=` query parameter (a whole authorize
/// URL works too). In order, without repeats.
pub fn parse_granted(text: &str) -> Vec<String> {
    let query = text.split_once('?').map_or(text, |(_, query)| query);
    let oauth = url::raw_param(query, "scope").map(url::decode);
    let source = oauth.as_deref().unwrap_or(text);
    let mut seen = HashSet::new();
    source
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '|'))
        .filter(|scope| !scope.is_empty() && seen.insert(*scope))
        .map(str::to_owned)
        .collect()
}

/// What a set of granted scopes allows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Coverage {
    /// Every action (with at least one scope) whose scopes are all granted.
    pub selection: Selection,
    /// Granted scopes that no action of this connector needs.
    pub unknown: Vec<String>,
    /// Actions with some but not all of their scopes granted, and the scopes
    /// they still miss.
    pub partial: Vec<(usize, Vec<ScopeId>)>,
}

/// The actions `granted` fully covers, and what is left over either way.
pub fn cover(catalog: &Catalog, granted: &[String]) -> Coverage {
    let mut known = ScopeSet::empty(catalog.scopes().len());
    let mut unknown = Vec::new();
    for scope in granted {
        match catalog.scope_id(scope) {
            Some(id) => known.insert(id),
            None => unknown.push(scope.clone()),
        }
    }
    let mut selection = Selection::none(catalog.len());
    let mut partial = Vec::new();
    for (position, action) in catalog.actions().iter().enumerate() {
        let missing: Vec<ScopeId> = action
            .scopes
            .iter()
            .copied()
            .filter(|&s| !known.contains(s))
            .collect();
        if missing.is_empty() {
            selection.set(position, !action.scopes.is_empty());
        } else if missing.len() < action.scopes.len() {
            partial.push((position, missing));
        }
    }
    Coverage {
        selection,
        unknown,
        partial,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        Catalog::parse(
            r#"[{"id":"list","label":"List","scopes":["r"]},
                {"id":"make","label":"Make","scopes":["r","w"]},
                {"id":"hook","label":"Hook","scopes":["h"]},
                {"id":"ping","label":"Ping","scopes":[]}]"#,
        )
        .unwrap()
    }

    #[test]
    fn reads_every_separator() {
        for text in ["r w", "r\nw", "r,w", "r;w", "r|w", " r , w ,, r "] {
            assert_eq!(parse_granted(text), ["r", "w"], "{text:?}");
        }
    }

    #[test]
    fn reads_an_oauth_query_or_authorize_url() {
        assert_eq!(parse_granted("scope=r%20w"), ["r", "w"]);
        assert_eq!(
            parse_granted("https://idp.example/authorize?client_id=x&scope=r+w&state=1"),
            ["r", "w"]
        );
    }

    #[test]
    fn selects_fully_covered_actions_and_reports_the_rest() {
        let c = catalog();
        let coverage = cover(&c, &parse_granted("r other.scope"));
        assert_eq!(coverage.selection.positions().collect::<Vec<_>>(), [0]);
        assert_eq!(coverage.unknown, ["other.scope"]);
        assert_eq!(coverage.partial, [(1, vec![c.scope_id("w").unwrap()])]);
        let everything = cover(&c, &parse_granted("r w h"));
        assert_eq!(
            everything.selection.positions().collect::<Vec<_>>(),
            [0, 1, 2]
        );
        assert!(everything.partial.is_empty() && everything.unknown.is_empty());
    }

    #[test]
    fn nothing_pasted_covers_nothing() {
        assert!(cover(&catalog(), &parse_granted("  ")).selection.is_empty());
    }
}
