//! `data-guide-scope-implies`: scopes that include other scopes. GitHub's
//! `repo` includes `repo:status`, Microsoft Graph's `Mail.ReadWrite` includes
//! `Mail.Read`, Google's `https://mail.google.com/` every Gmail scope. With it,
//! the widget asks for the smallest grant: a scope is left out of the output
//! when another chosen scope includes it.
//!
//! The attribute is a JSON object from a scope to the scopes it includes:
//! `{"repo": ["repo:status", "public_repo"], "Mail.ReadWrite": ["Mail.Read"]}`.
//! Inclusion is transitive; a scope that includes itself (a cycle) is an error.

use std::fmt;

use super::catalog::{self, ConfigError, Problem, Shallow};
use super::{Catalog, ScopeId};

/// The attribute's name, for messages.
const ATTRIBUTE: &str = "data-guide-scope-implies";

/// Why `data-guide-scope-implies` could not be used. Its `Display` is the
/// message the reader sees; the widget then lists scopes without it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImpliesError {
    /// Not JSON at all: serde_json's words, and where (as for the actions).
    Syntax(ConfigError),
    /// Valid JSON, but not an object.
    NotAnObject {
        /// The JSON type found instead.
        found: &'static str,
    },
    /// A scope's value is not an array.
    Entry {
        /// The scope (the object's key).
        scope: String,
        /// What is wrong with its value.
        problem: Problem,
    },
    /// An item of a scope's array is not a non-empty string.
    Included {
        /// The scope (the object's key).
        scope: String,
        /// The item's position in the array, from 0.
        position: usize,
        /// What is wrong with it.
        problem: Problem,
    },
    /// A scope includes itself, directly or through others: the scopes of the
    /// cycle, the first one again at the end.
    Cycle(Vec<String>),
}

impl fmt::Display for ImpliesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImpliesError::Syntax(ConfigError::Syntax {
                message,
                line,
                column,
            }) => write!(
                f,
                "The {ATTRIBUTE} attribute is not valid JSON: {message} (line {line}, column {column})."
            )?,
            ImpliesError::Syntax(other) => write!(f, "{other}")?,
            ImpliesError::NotAnObject { found } => write!(
                f,
                "The {ATTRIBUTE} attribute must be a JSON object from a scope to the scopes it includes, but is {found}."
            )?,
            ImpliesError::Entry { scope, problem } => {
                write!(f, "In {ATTRIBUTE}, \"{scope}\" {problem}.")?
            }
            ImpliesError::Included {
                scope,
                position,
                problem,
            } => write!(
                f,
                "In {ATTRIBUTE}, scope {position} of \"{scope}\" {problem}."
            )?,
            ImpliesError::Cycle(cycle) => write!(
                f,
                "In {ATTRIBUTE}, \"{}\" is a cycle: a scope cannot include itself.",
                cycle.join("\" → \"")
            )?,
        }
        f.write_str(" Scopes are listed without it.")
    }
}

impl std::error::Error for ImpliesError {}

/// Reads the attribute: each scope and the scopes it names, in page order.
fn entries(json: &str) -> Result<Vec<(String, Vec<String>)>, ImpliesError> {
    let entries = match catalog::read(json, catalog::Place::Implies) {
        Ok(Shallow::Map(entries)) => entries,
        Ok(other) => {
            let found = catalog::kind(&other);
            return Err(ImpliesError::NotAnObject { found });
        }
        Err(error) => return Err(ImpliesError::Syntax(error)),
    };
    let mut read = Vec::with_capacity(entries.len());
    for (scope, value) in entries {
        let included = match value {
            Shallow::List(included) => included,
            other => {
                let (expected, found) = ("an array of strings", catalog::kind(&other));
                let problem = Problem::WrongType { expected, found };
                return Err(ImpliesError::Entry { scope, problem });
            }
        };
        let mut names = Vec::with_capacity(included.len());
        for (position, name) in included.into_iter().enumerate() {
            match catalog::non_empty_str(Some(name)) {
                Ok(name) => names.push(name),
                Err(problem) => {
                    return Err(ImpliesError::Included {
                        scope,
                        position,
                        problem,
                    })
                }
            }
        }
        read.push((scope, names));
    }
    Ok(read)
}

/// For each scope the attribute names, sorted by name, the scopes of
/// `catalog` it includes, directly or through others (sorted ids, without
/// itself). Scopes that include none of the catalog's are left out.
pub fn closure(catalog: &Catalog, json: &str) -> Result<Vec<(String, Vec<ScopeId>)>, ImpliesError> {
    let entries = entries(json)?;
    let mut names: Vec<&str> = Vec::new();
    for (scope, included) in &entries {
        names.push(scope);
        names.extend(included.iter().map(String::as_str));
    }
    names.sort_unstable();
    names.dedup();
    let node = |name: &str| names.binary_search(&name).unwrap_or(0);
    let mut edges: Vec<Vec<u32>> = vec![Vec::new(); names.len()];
    for (scope, included) in &entries {
        for name in included {
            edges[node(scope)].push(node(name) as u32);
        }
    }

    // Depth first, without recursion (a chain may be as long as the page
    // likes): each scope's inclusions once those of every scope it names are
    // known. `Some` once known; the scopes on the walk's path are open.
    let mut includes: Vec<Option<Vec<ScopeId>>> = vec![None; names.len()];
    let mut open = vec![false; names.len()];
    for start in 0..names.len() {
        if includes[start].is_some() {
            continue;
        }
        // Each scope on the path, and how many of its edges have been followed.
        let mut path = vec![(start, 0)];
        while let Some(&mut (at, ref mut next)) = path.last_mut() {
            open[at] = true;
            match edges[at].get(*next).map(|&to| to as usize) {
                Some(to) => {
                    *next += 1;
                    if open[to] {
                        let from = path.iter().position(|&(n, _)| n == to).unwrap_or(0);
                        let mut cycle: Vec<String> = Vec::new();
                        for &(n, _) in &path[from..] {
                            cycle.push(names[n].to_owned());
                        }
                        cycle.push(names[to].to_owned());
                        return Err(ImpliesError::Cycle(cycle));
                    }
                    if includes[to].is_none() {
                        path.push((to, 0));
                    }
                }
                None => {
                    let mut all: Vec<ScopeId> = Vec::new();
                    for &to in &edges[at] {
                        let to = to as usize;
                        let named = catalog.scope_id(names[to]);
                        for &id in named.iter().chain(includes[to].iter().flatten()) {
                            if let Err(at) = all.binary_search(&id) {
                                all.insert(at, id);
                            }
                        }
                    }
                    includes[at] = Some(all);
                    open[at] = false;
                    path.pop();
                }
            }
        }
    }
    let mut closure = Vec::new();
    for (name, includes) in names.into_iter().zip(includes) {
        match includes {
            Some(includes) if !includes.is_empty() => closure.push((name.to_owned(), includes)),
            _ => {}
        }
    }
    Ok(closure)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        Catalog::parse(
            r#"[{"id":"status","label":"Status","scopes":["repo:status"]},
                {"id":"repo","label":"Repo","scopes":["repo"]},
                {"id":"read","label":"Read mail","scopes":["Mail.Read"]},
                {"id":"write","label":"Send mail","scopes":["Mail.ReadWrite"]}]"#,
        )
        .unwrap()
    }

    fn names(catalog: &Catalog, closure: &[(String, Vec<ScopeId>)]) -> Vec<(String, Vec<String>)> {
        closure
            .iter()
            .map(|(scope, ids)| {
                let ids = ids
                    .iter()
                    .map(|&id| catalog.scope_name(id).to_owned())
                    .collect();
                (scope.clone(), ids)
            })
            .collect()
    }

    #[test]
    fn inclusion_is_transitive_and_kept_to_the_catalog_scopes() {
        let c = catalog();
        let json = r#"{"admin:repo": ["repo", "delete_repo"], "repo": ["repo:status", "public_repo"],
                       "Mail.ReadWrite": ["Mail.Read"]}"#;
        let closure = closure(&c, json).unwrap();
        assert_eq!(
            names(&c, &closure),
            [
                ("Mail.ReadWrite".to_owned(), vec!["Mail.Read".to_owned()]),
                (
                    "admin:repo".to_owned(),
                    vec!["repo".to_owned(), "repo:status".to_owned()]
                ),
                ("repo".to_owned(), vec!["repo:status".to_owned()]),
            ]
        );
    }

    #[test]
    fn a_repeated_scope_includes_the_scopes_of_both_entries() {
        let c = catalog();
        let closure = closure(&c, r#"{"x": ["repo"], "x": ["Mail.Read"]}"#).unwrap();
        assert_eq!(
            names(&c, &closure),
            [(
                "x".to_owned(),
                vec!["Mail.Read".to_owned(), "repo".to_owned()]
            )]
        );
    }

    #[test]
    fn an_empty_object_implies_nothing() {
        assert_eq!(closure(&catalog(), "{}").unwrap(), []);
        assert_eq!(closure(&catalog(), r#"{"a": []}"#).unwrap(), []);
    }

    #[test]
    fn a_long_chain_is_read_without_recursion() {
        let c = catalog();
        let mut json = String::from("{");
        for i in 0..100_000 {
            json.push_str(&format!("\"s{i}\": [\"s{}\"],", i + 1));
        }
        json.push_str("\"s100000\": [\"repo\"]}");
        let closure = closure(&c, &json).unwrap();
        assert_eq!(closure.len(), 100_001);
        assert!(closure
            .iter()
            .all(|(_, ids)| names(&c, &[(String::new(), ids.clone())])[0].1 == ["repo"]));
    }

    #[test]
    fn bad_attributes_say_what_is_wrong() {
        let message = |json: &str| closure(&catalog(), json).unwrap_err().to_string();
        let cases = [
            (
                r#"{"a": ["b"]"#,
                "is not valid JSON: EOF while parsing an object (line 1, column 11).",
            ),
            (
                r#"["repo"]"#,
                "must be a JSON object from a scope to the scopes it includes, but is an array.",
            ),
            (
                r#"{"repo": "repo:status"}"#,
                "\"repo\" must be an array of strings, but is a string.",
            ),
            (
                r#"{"repo": ["a", 3]}"#,
                "scope 1 of \"repo\" must be a string, but is a number.",
            ),
            (
                r#"{"repo": [""]}"#,
                "scope 0 of \"repo\" is an empty string.",
            ),
            (
                r#"{"a": ["b"], "b": ["c"], "c": ["a"]}"#,
                "\"a\" → \"b\" → \"c\" → \"a\" is a cycle",
            ),
            (r#"{"repo": ["repo"]}"#, "\"repo\" → \"repo\" is a cycle"),
        ];
        for (json, expected) in cases {
            let message = message(json);
            assert!(message.contains(expected), "{json}: {message}");
            assert!(
                message.ends_with("Scopes are listed without it."),
                "{message}"
            );
        }
    }
}
