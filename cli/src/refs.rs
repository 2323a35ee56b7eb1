//! `$ref`: local references must point at something; remote ones (another
//! file, a URL) are named and not followed.

use std::collections::HashSet;

use serde_json::Value;

use crate::error::Error;

/// How many `$ref`s in a row are followed before giving up on a cycle.
const MAX_HOPS: usize = 32;

/// What a value turns out to be once its `$ref`s are followed.
#[derive(Debug)]
pub enum Target<'a> {
    /// The value itself, or the one its local references lead to.
    Found(&'a Value),
    /// A reference to another document, not followed.
    Remote,
}

/// Checks every `$ref` in `doc`: each local one must point at something. Returns
/// the others (remote files and URLs, or anchors), each once, in document order.
///
/// Literal data (`example`, `default`, `enum`, `const` and `x-` extensions) may
/// hold anything and is not searched.
pub fn check(doc: &Value) -> Result<Vec<String>, Error> {
    let mut remote = Vec::new();
    let mut seen = HashSet::new();
    // Depth first, children pushed in reverse so they come out in document order.
    let mut stack = vec![(String::from("#"), doc)];
    while let Some((at, value)) = stack.pop() {
        match value {
            Value::Object(fields) => {
                if let Some(Value::String(reference)) = fields.get("$ref") {
                    match local_pointer(reference) {
                        Some(pointer) if doc.pointer(&pointer).is_none() => {
                            let reference = reference.clone();
                            return Err(Error::UnresolvedRef { reference, at });
                        }
                        Some(_) => {}
                        None if seen.insert(reference.as_str()) => remote.push(reference.clone()),
                        None => {}
                    }
                }
                for (key, child) in fields.iter().rev() {
                    if !is_literal(key) {
                        stack.push((child_pointer(&at, key), child));
                    }
                }
            }
            Value::Array(items) => {
                for (index, child) in items.iter().enumerate().rev() {
                    stack.push((child_pointer(&at, &index.to_string()), child));
                }
            }
            _ => {}
        }
    }
    Ok(remote)
}

/// Follows `value`'s `$ref`, and the `$ref` of what it points at, and so on.
/// `at` is where `value` is, for messages.
pub fn follow<'a>(doc: &'a Value, value: &'a Value, at: &str) -> Result<Target<'a>, Error> {
    let mut current = value;
    for _ in 0..MAX_HOPS {
        let Some(reference) = current.get("$ref").and_then(Value::as_str) else {
            return Ok(Target::Found(current));
        };
        let Some(pointer) = local_pointer(reference) else {
            return Ok(Target::Remote);
        };
        current = doc.pointer(&pointer).ok_or_else(|| Error::UnresolvedRef {
            reference: reference.to_owned(),
            at: at.to_owned(),
        })?;
    }
    let reference = value
        .get("$ref")
        .and_then(Value::as_str)
        .unwrap_or_default();
    Err(Error::RefCycle {
        reference: reference.to_owned(),
        at: at.to_owned(),
    })
}

/// The JSON pointer of a reference into this document (`#/components/...`,
/// `#/definitions/...`, or `#` and the empty reference for the whole of it),
/// percent-decoded; `None` for any other reference.
fn local_pointer(reference: &str) -> Option<String> {
    if reference.is_empty() {
        return Some(String::new());
    }
    match reference.strip_prefix('#') {
        Some("") => Some(String::new()),
        Some(pointer) if pointer.starts_with('/') => Some(percent_decode(pointer)),
        _ => None,
    }
}

/// `at` extended by one key, escaped as JSON pointers escape it.
pub fn child_pointer(at: &str, key: &str) -> String {
    format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"))
}

fn is_literal(key: &str) -> bool {
    matches!(key, "example" | "default" | "enum" | "const") || key.starts_with("x-")
}

/// Undoes URI percent-encoding (`%7B` is `{`); a `%` not followed by two hex
/// digits is kept as it is.
fn percent_decode(text: &str) -> String {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        let hex = tail
            .get(..2)
            .and_then(|digits| std::str::from_utf8(digits).ok());
        match hex.and_then(|digits| u8::from_str_radix(digits, 16).ok()) {
            Some(decoded) if byte == b'%' => {
                bytes.push(decoded);
                rest = tail.get(2..).unwrap_or_default();
            }
            _ => {
                bytes.push(byte);
                rest = tail;
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn percent_escapes_are_decoded() {
        assert_eq!(
            percent_decode("/paths/~1pets~1%7Bid%7D"),
            "/paths/~1pets~1{id}"
        );
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
    }

    #[test]
    fn local_references_that_point_at_nothing_are_errors() {
        let doc = json!({"a": {"$ref": "#/b"}, "b": 1, "c": [{"$ref": "#/missing"}]});
        let error = check(&doc).unwrap_err();
        let expected = Error::UnresolvedRef {
            reference: "#/missing".into(),
            at: "#/c/0".into(),
        };
        assert_eq!(error, expected);
    }

    #[test]
    fn remote_references_are_named_once_in_document_order() {
        let doc =
            json!({"a": {"$ref": "b.yaml"}, "c": {"$ref": "a.yaml#/X"}, "d": {"$ref": "b.yaml"}});
        assert_eq!(check(&doc).unwrap(), ["b.yaml", "a.yaml#/X"]);
    }

    #[test]
    fn literal_data_is_not_searched() {
        let doc = json!({"example": {"$ref": "#/nowhere"}, "x-data": {"$ref": "#/nowhere"}});
        assert_eq!(check(&doc).unwrap(), Vec::<String>::new());
    }

    #[test]
    fn chains_are_followed_and_cycles_stop() {
        let doc = json!({"a": {"$ref": "#/b"}, "b": {"$ref": "#/c"}, "c": 1, "d": {"$ref": "#/d"}});
        let a = doc.get("a").unwrap();
        assert!(matches!(follow(&doc, a, "#/a"), Ok(Target::Found(v)) if *v == json!(1)));
        let d = doc.get("d").unwrap();
        assert!(matches!(
            follow(&doc, d, "#/d"),
            Err(Error::RefCycle { .. })
        ));
    }
}
