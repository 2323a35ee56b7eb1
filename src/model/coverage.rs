//! "What do my scopes allow?": the actions that the scopes a reader's existing
//! OAuth client already has fully cover.

use super::unknown::{Collector, Unknown};
use super::{url, Catalog, ScopeId, ScopeSet, Selection};

/// Unknown pasted scopes the message names at most; the others are counted.
pub const NAMED: usize = 20;

/// What a set of granted scopes allows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Coverage {
    /// Every action (with at least one scope) whose scopes are all granted.
    pub selection: Selection,
    /// Granted scopes that no action of this connector needs: the first
    /// [`NAMED`] in paste order, and how many different ones in all.
    pub unknown: Unknown,
    /// Actions with some but not all of their scopes granted, and the scopes
    /// they still miss.
    pub partial: Vec<(usize, Vec<ScopeId>)>,
}

/// What the scopes in pasted text allow, or `None` when it names no scope.
/// Scopes may be separated by spaces, newlines, commas, semicolons or pipes,
/// or given as an OAuth `scope=` query parameter (a whole authorize URL works
/// too). One pass over the text: linear in its length, whatever it repeats.
pub fn cover(catalog: &Catalog, pasted: &str) -> Option<Coverage> {
    let query = pasted.split_once('?').map_or(pasted, |(_, query)| query);
    let oauth = url::raw_param(query, "scope").map(url::decode);
    let source = oauth.as_deref().unwrap_or(pasted);
    let mut known = ScopeSet::empty(catalog.scopes().len());
    let mut unknown = Collector::new(NAMED);
    let mut any = false;
    for scope in source
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '|'))
        .filter(|scope| !scope.is_empty())
    {
        any = true;
        // A scope grants the scopes it includes too.
        let includes = catalog.includes(scope);
        match catalog.scope_id(scope) {
            Some(id) => known.insert(id),
            None if includes.is_empty() => unknown.add(scope.into()),
            None => {}
        }
        for &id in includes {
            known.insert(id);
        }
    }
    if !any {
        return None;
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
    Some(Coverage {
        selection,
        unknown: unknown.finish(),
        partial,
    })
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

    fn covered(text: &str) -> Vec<usize> {
        cover(&catalog(), text)
            .unwrap()
            .selection
            .positions()
            .collect()
    }

    #[test]
    fn a_broad_scope_grants_the_scopes_it_includes() {
        let mut c = catalog();
        c.imply(r#"{"all": ["w", "admin"], "admin": ["h"], "w": ["r"]}"#)
            .unwrap();
        let coverage = cover(&c, "all").unwrap();
        assert_eq!(
            coverage.selection.positions().collect::<Vec<_>>(),
            [0, 1, 2]
        );
        assert_eq!(coverage.unknown.count, 0);
        // A catalog scope grants what it includes too.
        let coverage = cover(&c, "w").unwrap();
        assert_eq!(coverage.selection.positions().collect::<Vec<_>>(), [0, 1]);
        // Without the attribute, "all" is no scope of this connector.
        assert_eq!(cover(&catalog(), "all").unwrap().unknown.count, 1);
    }

    #[test]
    fn reads_every_separator() {
        for text in ["r w", "r\nw", "r,w", "r;w", "r|w", " r , w ,, r "] {
            assert_eq!(covered(text), [0, 1], "{text:?}");
        }
    }

    #[test]
    fn reads_an_oauth_query_or_authorize_url() {
        assert_eq!(covered("scope=r%20w"), [0, 1]);
        assert_eq!(
            covered("https://idp.example/authorize?client_id=x&scope=r+w&state=1"),
            [0, 1]
        );
    }

    #[test]
    fn selects_fully_covered_actions_and_reports_the_rest() {
        let c = catalog();
        let coverage = cover(&c, "r other.scope r").unwrap();
        assert_eq!(coverage.selection.positions().collect::<Vec<_>>(), [0]);
        assert_eq!(coverage.unknown.named, ["other.scope"]);
        assert_eq!(coverage.partial, [(1, vec![c.scope_id("w").unwrap()])]);
        let everything = cover(&c, "r w h").unwrap();
        assert_eq!(
            everything.selection.positions().collect::<Vec<_>>(),
            [0, 1, 2]
        );
        assert!(everything.partial.is_empty() && everything.unknown.count == 0);
    }

    #[test]
    fn names_the_first_unknown_scopes_once_and_counts_them_all() {
        let text: Vec<String> = (0..1000).map(|i| format!("u{} r", i % 30)).collect();
        let unknown = cover(&catalog(), &text.join("\n")).unwrap().unknown;
        let first: Vec<String> = (0..NAMED).map(|i| format!("u{i}")).collect();
        assert_eq!(unknown.named, first);
        assert_eq!(unknown.count, 30);
    }

    #[test]
    fn nothing_pasted_is_no_coverage() {
        assert_eq!(cover(&catalog(), "  ,; "), None);
    }
}
