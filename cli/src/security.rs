//! Security schemes, and the scopes an operation's requirements ask for.

use serde_json::{Map, Value};

use crate::document::{kind, Spec};
use crate::error::Error;
use crate::refs::{self, child_pointer, Target};

/// The document's security schemes, by name, in document order.
#[derive(Debug, Default)]
pub struct Schemes {
    schemes: Vec<Scheme>,
}

#[derive(Debug)]
struct Scheme {
    name: String,
    /// Its `type`, or `remote` for a reference that was not followed.
    kind: String,
}

impl Scheme {
    fn is_oauth(&self) -> bool {
        matches!(self.kind.as_str(), "oauth2" | "openIdConnect")
    }
}

impl Schemes {
    /// Reads the schemes where `spec` keeps them.
    pub fn read(doc: &Value, spec: Spec) -> Result<Schemes, Error> {
        let mut at = String::from("#");
        let mut place = Some(doc);
        for key in spec.schemes_place().split('.') {
            at = child_pointer(&at, key);
            place = place.and_then(|value| value.get(key));
        }
        let entries = match place {
            None | Some(Value::Null) => return Ok(Schemes::default()),
            Some(value) => object(value, &at)?,
        };
        let mut schemes = Vec::new();
        for (name, value) in entries {
            let at = child_pointer(&at, name);
            let kind = match refs::follow(doc, value, &at)? {
                Target::Remote => "remote".to_owned(),
                Target::Found(scheme) => {
                    let fields = object(scheme, &at)?;
                    let kind = fields
                        .get("type")
                        .and_then(Value::as_str)
                        .unwrap_or_default();
                    kind.to_owned()
                }
            };
            schemes.push(Scheme {
                name: name.clone(),
                kind,
            });
        }
        Ok(Schemes { schemes })
    }

    /// The names of the OAuth 2.0 and OpenID Connect schemes, in document order.
    pub fn oauth(&self) -> Vec<String> {
        let oauth = self.schemes.iter().filter(|scheme| scheme.is_oauth());
        oauth.map(|scheme| scheme.name.clone()).collect()
    }

    /// Checks that `name`, given with `--scheme`, is an OAuth 2.0 or OpenID
    /// Connect scheme of the document.
    pub fn check_choice(&self, name: &str) -> Result<(), Error> {
        match self.schemes.iter().find(|scheme| scheme.name == name) {
            None => Err(Error::UnknownScheme {
                name: name.to_owned(),
                available: self.oauth(),
            }),
            Some(scheme) if !scheme.is_oauth() => Err(Error::NotOAuth {
                name: name.to_owned(),
                kind: scheme.kind.clone(),
            }),
            Some(_) => Ok(()),
        }
    }

    fn find(&self, name: &str) -> Option<&Scheme> {
        self.schemes.iter().find(|scheme| scheme.name == name)
    }
}

/// The scopes an operation needs, from its list of security requirement
/// objects (alternatives: any one of them grants access).
///
/// Only requirements that name an OAuth 2.0 or OpenID Connect scheme count (the
/// scheme `only`, when one is given); the scopes of one requirement are those of
/// its OAuth schemes. Of several such requirements the one with the fewest
/// scopes wins, the first on a tie. `None` when no requirement counts.
pub fn scopes(
    requirements: &[Value],
    at: &str,
    operation: &str,
    schemes: &Schemes,
    only: Option<&str>,
) -> Result<Option<Vec<String>>, Error> {
    let mut best: Option<Vec<String>> = None;
    for (index, requirement) in requirements.iter().enumerate() {
        let at = child_pointer(at, &index.to_string());
        let mut counts = false;
        let mut scopes: Vec<String> = Vec::new();
        for (name, names) in object(requirement, &at)? {
            let Some(scheme) = schemes.find(name) else {
                let name = name.clone();
                return Err(Error::UndefinedScheme {
                    name,
                    operation: operation.to_owned(),
                });
            };
            if !scheme.is_oauth() || only.is_some_and(|only| only != name) {
                continue;
            }
            counts = true;
            for scope in scope_names(names, &child_pointer(&at, name))? {
                if !scopes.contains(&scope) {
                    scopes.push(scope);
                }
            }
        }
        let fewer = best.as_ref().is_none_or(|best| scopes.len() < best.len());
        if counts && fewer {
            best = Some(scopes);
        }
    }
    Ok(best)
}

/// The scope names of one scheme in a requirement: a list of non-empty strings.
fn scope_names(value: &Value, at: &str) -> Result<Vec<String>, Error> {
    let items = match value {
        Value::Array(items) => items,
        other => return Err(shape(at, "a list of scopes", other)),
    };
    let mut names = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        match item.as_str().map(str::trim) {
            Some(name) if !name.is_empty() => names.push(name.to_owned()),
            _ => {
                let at = child_pointer(at, &index.to_string());
                return Err(shape(&at, "a scope name", item));
            }
        }
    }
    Ok(names)
}

/// `value` as a mapping, or an error saying where it is not one.
pub fn object<'a>(value: &'a Value, at: &str) -> Result<&'a Map<String, Value>, Error> {
    value
        .as_object()
        .ok_or_else(|| shape(at, "a mapping", value))
}

/// The error for a value of the wrong type.
pub fn shape(at: &str, expected: &'static str, found: &Value) -> Error {
    let found = match found {
        Value::String(text) if text.trim().is_empty() => "an empty string",
        other => kind(other),
    };
    Error::Shape {
        at: at.to_owned(),
        expected,
        found,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn schemes() -> Schemes {
        let doc = json!({"openapi": "3.0.3", "components": {"securitySchemes": {
            "oauth": {"type": "oauth2"},
            "oidc": {"type": "openIdConnect"},
            "key": {"type": "apiKey"},
        }}});
        Schemes::read(&doc, Spec::OpenApi3).unwrap()
    }

    fn pick(requirements: Value, only: Option<&str>) -> Option<Vec<String>> {
        let requirements = requirements.as_array().unwrap().clone();
        scopes(&requirements, "#/security", "GET /", &schemes(), only).unwrap()
    }

    #[test]
    fn the_alternative_with_fewest_scopes_wins_the_first_on_a_tie() {
        let requirements = json!([{"oauth": ["a", "b"]}, {"oidc": ["c"]}, {"oauth": ["d"]}]);
        assert_eq!(pick(requirements, None), Some(vec!["c".to_owned()]));
    }

    #[test]
    fn non_oauth_alternatives_do_not_count() {
        assert_eq!(pick(json!([{"key": []}, {}]), None), None);
        let combined = json!([{"key": []}, {"key": [], "oauth": ["a", "a"]}]);
        assert_eq!(pick(combined, None), Some(vec!["a".to_owned()]));
    }

    #[test]
    fn a_chosen_scheme_ignores_the_others() {
        let requirements = json!([{"oidc": []}, {"oauth": ["a"], "oidc": ["b"]}]);
        assert_eq!(
            pick(requirements, Some("oauth")),
            Some(vec!["a".to_owned()])
        );
    }
}
