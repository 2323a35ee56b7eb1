//! Property tests for the pure model: whatever the page or the URL holds, the
//! model neither panics nor loses information.
#![cfg(not(target_arch = "wasm32"))]

use guide_scopes::model::url::{self, decode_selection, encode_selection, raw_param, with_param};
use guide_scopes::model::{Catalog, ConfigError, Gate, GroupBy, Query, Selection};
use proptest::prelude::*;

/// A catalog of actions with arbitrary unique ids (commas, `%`, `+`, spaces,
/// non-ASCII...) and scopes drawn from a small pool, so that actions share them.
fn catalog() -> impl Strategy<Value = Catalog> {
    let scope = prop::sample::select(vec!["a.read", "a.write", "b.read", "b.write", "c", "ç.ü"]);
    prop::collection::btree_set("[^\u{0}]{1,12}", 1..12).prop_flat_map(move |ids| {
        let n = ids.len();
        (Just(ids), prop::collection::vec(prop::collection::vec(scope.clone(), 0..4), n))
    })
    .prop_map(|(ids, scopes)| {
        let actions: Vec<serde_json::Value> = ids
            .into_iter()
            .zip(scopes)
            .map(|(id, scopes)| serde_json::json!({ "id": id, "label": format!("Label {id}"), "scopes": scopes }))
            .collect();
        Catalog::parse(&serde_json::Value::Array(actions).to_string()).expect("generated catalogs are valid")
    })
}

/// Actions as a page would list them: unique ids and labels of any
/// characters, scopes from a pool whose resources differ, repeats included.
fn actions() -> impl Strategy<Value = Vec<(String, String, Vec<String>)>> {
    let scope = prop::sample::select(vec![
        "p.a.read",
        "p.a.write",
        "p.b.read",
        "c",
        "ç.ü",
        "https://x.org/auth/d.e",
    ])
    .prop_map(str::to_owned);
    prop::collection::btree_set("\\PC{1,8}|.{1,8}", 1..10)
        .prop_flat_map(move |ids| {
            let n = ids.len();
            (
                Just(ids.into_iter().collect::<Vec<String>>()),
                prop::collection::vec("\\PC{1,8}|.{1,8}", n),
                prop::collection::vec(prop::collection::vec(scope.clone(), 0..4), n),
            )
        })
        .prop_map(|(ids, labels, scopes)| {
            ids.into_iter()
                .zip(labels)
                .zip(scopes)
                .map(|((id, label), scopes)| (id, label, scopes))
                .collect()
        })
}

/// The actions as the attribute's JSON array.
fn actions_json(actions: &[(String, String, Vec<String>)]) -> serde_json::Value {
    actions
        .iter()
        .map(|(id, label, scopes)| serde_json::json!({ "id": id, "label": label, "scopes": scopes, "note": [1, {"x": null}] }))
        .collect()
}

/// Any JSON value, a few levels deep, with strings of any characters.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e6f64..1e6).prop_map(Value::from),
        ".{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![
                        Just("id".to_owned()),
                        Just("label".to_owned()),
                        Just("scopes".to_owned()),
                        ".{0,4}"
                    ],
                    inner
                ),
                0..6
            )
            .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}

/// JSON text, valid or not: a serialised value, sometimes nested in more
/// arrays than serde_json's recursion limit (128), with a few characters that
/// matter to JSON inserted, deleted or replaced.
fn json_text() -> impl Strategy<Value = String> {
    let edit = (
        any::<prop::sample::Index>(),
        0u8..3,
        prop::sample::select(
            "[]{}\",:\\/u0123456789abcdefABCDEF.eE+- \ntrufalsn\u{1}é"
                .chars()
                .collect::<Vec<_>>(),
        ),
    );
    let depth = prop_oneof![3 => Just(0usize), 1 => 120usize..300];
    (json_value(), depth, prop::collection::vec(edit, 0..3)).prop_map(|(value, depth, edits)| {
        let text = format!("{}{value}{}", "[".repeat(depth), "]".repeat(depth));
        let mut chars: Vec<char> = text.chars().collect();
        for (at, kind, c) in edits {
            let at = at.index(chars.len() + 1);
            match kind {
                0 => chars.insert(at, c),
                1 if at < chars.len() => {
                    chars.remove(at);
                }
                _ if at < chars.len() => chars[at] = c,
                _ => chars.push(c),
            }
        }
        chars.into_iter().collect()
    })
}

/// Whether serde_json's `Value` refuses JSON text for a reason of its own:
/// nesting beyond its recursion limit, a number beyond `f64`, an unpaired
/// surrogate escape. The catalog skips what it does not need without building
/// values, so it takes such text unless the problem is in a value it uses.
fn refused_by_value_only(message: &str) -> bool {
    [
        "recursion limit exceeded",
        "number out of range",
        "unexpected end of hex escape",
    ]
    .iter()
    .any(|reason| message.starts_with(reason))
        || message.contains("surrogate")
}

/// `text` as a JSON string literal with every non-ASCII character written as
/// `\u` escapes (surrogate pairs beyond the BMP).
fn escaped_everywhere(text: &str) -> String {
    let mut out = String::from("\"");
    for unit in text.encode_utf16() {
        match unit {
            0x20..=0x7e if unit != u16::from(b'"') && unit != u16::from(b'\\') => {
                out.push(char::from(unit as u8))
            }
            _ => out.push_str(&format!("\\u{unit:04X}")),
        }
    }
    out.push('"');
    out
}

fn selection_of(len: usize, picks: &[usize]) -> Selection {
    let mut selection = Selection::none(len);
    for &p in picks {
        selection.set(p % len.max(1), true);
    }
    selection
}

proptest! {
    #[test]
    fn a_syntax_error_exactly_when_the_text_is_not_json(text in json_text()) {
        // The catalog reads what it uses and skips the rest as serde_json skips
        // any value, at any depth: that skipping is the reference.
        let skipped = serde_json::from_str::<serde::de::IgnoredAny>(&text);
        match (Catalog::parse(&text), skipped) {
            (Err(ConfigError::Syntax { message, line, column }), Err(e)) => {
                prop_assert!(!message.contains(" at line "), "{:?}", message);
                if !refused_by_value_only(&message) {
                    // Not JSON text: serde_json's complaint, said once, at its place
                    // (a raw line break in a string it reads is placed after the
                    // break, where skipping places it before).
                    let after_break = message.starts_with("control character") && line == e.line() + 1;
                    prop_assert!(line == e.line() || after_break, "{:?}: line {} vs {}", text, line, e);
                    // Columns count characters, from 1; serde_json's count bytes
                    // (and reading places a control character a byte later).
                    prop_assert!(after_break || (column >= 1 && column <= e.column() + 1), "{} vs {}", column, e.column());
                    // Its words: reading and skipping may word one mistake apart
                    // ("EOF while parsing a value", "invalid number").
                    prop_assert!(!message.is_empty());
                } else {
                    // A value the catalog uses, read before the mistake.
                    prop_assert!(line <= e.line(), "{:?}: line {} after {}", text, line, e);
                }
            }
            // JSON text whose used values serde_json cannot read.
            (Err(ConfigError::Syntax { message, .. }), Ok(_)) => {
                prop_assert!(refused_by_value_only(&message), "{:?}: {:?}", text, message);
            }
            (other, Err(e)) => prop_assert!(false, "{:?} is not JSON ({}), but parse gave {:?}", text, e, other),
            (_, Ok(_)) => {}
        }
        // Whatever serde_json's Value refuses is refused here too, or only
        // Value has the reason.
        if let (Ok(_), Err(e)) = (Catalog::parse(&text), serde_json::from_str::<serde_json::Value>(&text)) {
            prop_assert!(refused_by_value_only(&e.to_string()), "{:?}: {}", text, e);
        }
    }

    #[test]
    fn valid_catalogs_read_back_exactly(actions in actions(), group in any::<bool>()) {
        let json = serde_json::to_string(&actions_json(&actions)).unwrap();
        let group_by = if group { GroupBy::Resource } else { GroupBy::Nothing };
        let catalog = Catalog::parse_with(&json, group_by, str::to_lowercase).unwrap();
        prop_assert_eq!(catalog.len(), actions.len());
        // Every action is found by its id, with its label and its scopes
        // (sorted, without repeats).
        for (id, label, scopes) in &actions {
            let position = catalog.position(id);
            prop_assert!(position.is_some(), "{:?} not found", id);
            let action = &catalog.actions()[position.unwrap()];
            prop_assert_eq!(&action.id, id);
            prop_assert_eq!(&action.label, label);
            let mut expected: Vec<&str> = scopes.iter().map(String::as_str).collect();
            expected.sort_unstable();
            expected.dedup();
            let names: Vec<&str> = action.scopes.iter().map(|&s| catalog.scope_name(s)).collect();
            prop_assert_eq!(names, expected);
        }
        // The groups cover the table, in order, without gaps.
        let mut end = 0;
        for group in catalog.groups() {
            prop_assert_eq!(group.actions.start, end);
            end = group.actions.end;
        }
        prop_assert_eq!(end, catalog.len());
        if !group {
            let ids: Vec<&str> = catalog.actions().iter().map(|a| a.id.as_str()).collect();
            let page: Vec<&str> = actions.iter().map(|(id, _, _)| id.as_str()).collect();
            prop_assert_eq!(ids, page);
        }
    }

    #[test]
    fn errors_name_the_attributes_own_index(actions in actions(), at in any::<prop::sample::Index>(),
                                            fault in 0usize..4) {
        let mut items = actions_json(&actions);
        let index = at.index(actions.len());
        let (field, message) = match fault {
            0 => ("label", format!("Action at index {index} in data-guide-actions-json: \"label\" must be a string, but is a number.")),
            1 => ("id", format!("Action at index {index} in data-guide-actions-json: \"id\" is an empty string.")),
            2 => ("scopes", format!("Action at index {index} in data-guide-actions-json: \"scopes\" must be an array of strings, but is an object.")),
            _ => ("group", format!("Action at index {index} in data-guide-actions-json: \"group\" must be a string, but is null.")),
        };
        let bad = match fault {
            0 => serde_json::json!(7),
            1 => serde_json::json!(""),
            2 => serde_json::json!({}),
            _ => serde_json::Value::Null,
        };
        items[index][field] = bad;
        let json = serde_json::to_string(&items).unwrap();
        prop_assert_eq!(Catalog::parse(&json).unwrap_err().to_string(), message);
    }

    #[test]
    fn strings_read_back_exactly_however_they_are_escaped(label in "\\PC{1,12}|.{1,12}", plain in any::<bool>()) {
        let written = if plain { serde_json::to_string(&label).unwrap() } else { escaped_everywhere(&label) };
        let text = format!(r#"[{{"id":"a","label":{written},"scopes":[{written}]}}]"#);
        let catalog = Catalog::parse(&text).unwrap();
        prop_assert_eq!(&catalog.actions()[0].label, &label);
        prop_assert_eq!(catalog.scope_name(0), label.as_str());
    }

    #[test]
    fn url_round_trips_any_selection(catalog in catalog(), picks in prop::collection::vec(0usize..64, 0..12),
                                     other in "[a-z]{1,5}=[^&#]{0,8}") {
        let selection = selection_of(catalog.len(), &picks);
        let value = encode_selection(&catalog, &selection);
        let query = with_param(&format!("?{other}"), "actions", value.as_deref());
        // Whatever the ids hold, the parameter is found again and decodes to the
        // same selection, and the other parameter keeps its exact bytes.
        let raw = raw_param(&query, "actions");
        prop_assert_eq!(raw.is_some(), !selection.is_empty());
        let restored = decode_selection(&catalog, raw.unwrap_or(""));
        prop_assert_eq!(&restored.selection, &selection);
        prop_assert_eq!(restored.unknown.count, 0);
        let kept = format!("?{}", other);
        prop_assert!(query.starts_with(&kept));
    }

    #[test]
    fn decoding_never_panics(catalog in catalog(), raw in ".{0,64}", name in ".{0,8}", query in ".{0,64}") {
        let restored = decode_selection(&catalog, &raw);
        prop_assert!(restored.selection.count() <= catalog.len());
        let _ = raw_param(&query, &name);
        let _ = with_param(&query, &name, Some(&raw));
        let _ = url::decode(&raw);
    }

    #[test]
    fn scope_union_ignores_order_and_repeats(catalog in catalog(), picks in prop::collection::vec(0usize..64, 0..12)) {
        let forward = selection_of(catalog.len(), &picks);
        let mut reversed: Vec<usize> = picks.iter().rev().copied().collect();
        reversed.extend(&picks);
        let backward = selection_of(catalog.len(), &reversed);
        prop_assert_eq!(forward.scopes(&catalog), backward.scopes(&catalog));
        // Every chosen action's scopes are in the union, and nothing else is.
        let names = forward.scopes(&catalog).names(&catalog).into_iter().map(str::to_owned).collect::<Vec<_>>();
        let mut expected: Vec<String> = forward
            .positions()
            .flat_map(|p| catalog.actions()[p].scopes.iter().map(|&s| catalog.scope_name(s).to_owned()))
            .collect();
        expected.sort();
        expected.dedup();
        prop_assert_eq!(names, expected);
    }

    #[test]
    fn search_never_panics(catalog in catalog(), text in ".{0,40}") {
        let query = Query::parse(&text);
        for action in catalog.actions() {
            let _ = query.matches(action);
        }
    }

    #[test]
    fn parsing_never_panics(text in ".{0,200}") {
        let _ = Catalog::parse(&text);
    }

    #[test]
    fn visibility_matches_a_reference(catalog in catalog(), picks in prop::collection::vec(0usize..64, 0..6),
                                      list in prop::collection::vec(prop::sample::select(vec!["a.read", " b.write ", "c", "zz.unknown", "", " "]), 0..5)) {
        let selection = selection_of(catalog.len(), &picks);
        let scopes = selection.scopes(&catalog);
        let attribute = list.join(",");
        // The rule, stated directly on strings.
        let chosen: Vec<String> = scopes.names(&catalog).into_iter().map(str::to_owned).collect();
        let listed: Vec<&str> = attribute.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
        let reference = selection.is_empty() || listed.is_empty() || listed.iter().any(|s| chosen.iter().any(|c| c == s));
        prop_assert_eq!(Gate::parse(&catalog, &attribute).shows(&selection, &scopes), reference);
    }
}
