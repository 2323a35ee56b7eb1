//! Property tests for the pure model: whatever the page or the URL holds, the
//! model neither panics nor loses information.
#![cfg(not(target_arch = "wasm32"))]

use guide_scopes::model::url::{self, decode_selection, encode_selection, raw_param, with_param};
use guide_scopes::model::{Catalog, ConfigError, Gate, Query, Selection};
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

/// JSON text, valid or not: a serialised value with a few characters that
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
    (json_value(), prop::collection::vec(edit, 0..3)).prop_map(|(value, edits)| {
        let mut chars: Vec<char> = value.to_string().chars().collect();
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
    fn the_attribute_reader_accepts_exactly_the_json_serde_json_accepts(text in json_text()) {
        let reference = serde_json::from_str::<serde_json::Value>(&text);
        let ours = Catalog::parse(&text);
        let syntax_error = matches!(ours, Err(ConfigError::Syntax { .. }));
        match reference {
            // serde_json also refuses numbers beyond f64, and unpaired surrogates
            // in values the reader skips: both valid JSON text.
            Err(e) if e.to_string().contains("number out of range") => {}
            Err(e) if e.to_string().contains("surrogate") && !syntax_error => {}
            Err(e) => prop_assert!(syntax_error, "serde_json refuses {:?} ({}), the reader does not: {:?}", text, e, ours),
            Ok(_) => prop_assert!(!syntax_error, "serde_json reads {:?}, the reader refuses it: {:?}", text, ours),
        }
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
        prop_assert!(restored.unknown.is_empty());
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
