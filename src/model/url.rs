//! The selection in the URL query: `?actions=id1,id2`, `?actions=all`, or absent.
//!
//! The query is edited as text so that every other parameter keeps its exact
//! bytes: re-serialising through `URLSearchParams` would rewrite `%20` as `+` and
//! `?flag` as `?flag=`. The browser's URL API then sets the result.

use std::borrow::Cow;

use super::unknown::{Collector, Unknown};
use super::{Catalog, Selection};

/// The value that stands for every action.
pub const ALL: &str = "all";

/// Unknown ids a link's message names at most; the others are counted.
pub const NAMED: usize = 5;

/// The selection read from a URL, and what in it was not understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// The actions the URL names.
    pub selection: Selection,
    /// Ids in the URL that no action has: the first [`NAMED`] in URL order,
    /// and how many different ones in all.
    pub unknown: Unknown,
}

/// The still-encoded value of the first parameter called `name` in `query` (with
/// or without its leading `?`). A parameter without `=` has the value `""`.
pub fn raw_param<'q>(query: &'q str, name: &str) -> Option<&'q str> {
    raw_pairs(query)
        .map(split)
        .find_map(|(key, value)| (decode(key) == name).then_some(value))
}

/// `query` with the parameter `name` set to the already-encoded `value`, or
/// removed when `value` is `None`. The first occurrence keeps its place, repeats
/// are removed, everything else is kept byte for byte. The result starts with `?`
/// unless it is empty, so that a pair whose own name starts with `?` survives the
/// URL API's `search` setter (which removes one leading `?`).
pub fn with_param(query: &str, name: &str, value: Option<&str>) -> String {
    let ours = value.map(|value| format!("{}={value}", encode(name)));
    let mut out: Vec<&str> = Vec::new();
    let mut placed = false;
    for pair in raw_pairs(query) {
        if decode(split(pair).0) != name {
            out.push(pair);
        } else if !placed {
            placed = true;
            out.extend(ours.as_deref());
        }
    }
    if !placed {
        out.extend(ours.as_deref());
    }
    if out.is_empty() {
        String::new()
    } else {
        format!("?{}", out.join("&"))
    }
}

/// The parameter value for a selection: `None` when nothing is chosen, [`ALL`]
/// when everything is, else the chosen ids in table order, each percent-encoded,
/// joined by commas.
pub fn encode_selection(catalog: &Catalog, selection: &Selection) -> Option<String> {
    if selection.is_empty() {
        return None;
    }
    if selection.is_all() && catalog.position(ALL).is_none() {
        return Some(ALL.to_owned());
    }
    let ids: Vec<String> = selection
        .positions()
        .filter_map(|p| catalog.actions().get(p))
        .map(|action| encode(&action.id))
        .collect();
    Some(ids.join(","))
}

/// The selection for a still-encoded parameter value. Empty items are skipped;
/// [`ALL`] anywhere chooses everything (unless an action is called `all`).
/// Linear in the value's length, however many ids it repeats or does not know.
pub fn decode_selection(catalog: &Catalog, raw: &str) -> Restored {
    let mut selection = Selection::none(catalog.len());
    let mut unknown = Collector::new(NAMED);
    let mut everything = false;
    for id in raw.split(',').filter(|item| !item.is_empty()).map(decode) {
        match catalog.position(&id) {
            Some(position) => selection.set(position, true),
            None if id == ALL => everything = true,
            None => unknown.add(id),
        }
    }
    if everything {
        selection = Selection::all(catalog.len());
    }
    Restored {
        selection,
        unknown: unknown.finish(),
    }
}

fn raw_pairs(query: &str) -> impl Iterator<Item = &str> {
    let query = query.strip_prefix('?').unwrap_or(query);
    query.split('&').filter(|pair| !pair.is_empty())
}

fn split(pair: &str) -> (&str, &str) {
    pair.split_once('=').unwrap_or((pair, ""))
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub fn encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for &byte in text.as_bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            out.push('%');
            out.push(HEX[(byte >> 4) as usize] as char);
            out.push(HEX[(byte & 15) as usize] as char);
        }
    }
    out
}

/// Decodes a query component as browsers do: `+` is a space, `%XX` a byte, a `%`
/// not followed by two hex digits stays as it is, and bytes that are not UTF-8
/// become U+FFFD. Text with nothing to decode is borrowed as it is.
pub fn decode(raw: &str) -> Cow<'_, str> {
    if !raw.contains(['%', '+']) {
        return Cow::Borrowed(raw);
    }
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (
                bytes.get(i + 1).and_then(hex),
                bytes.get(i + 2).and_then(hex),
            ) {
                (Some(hi), Some(lo)) => {
                    out.push(hi << 4 | lo);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            other => out.push(other),
        }
        i += 1;
    }
    Cow::Owned(String::from_utf8_lossy(&out).into_owned())
}

fn hex(byte: &u8) -> Option<u8> {
    (*byte as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        Catalog::parse(
            r#"[{"id":"list","label":"List","scopes":["r"]},
                {"id":"get","label":"Get","scopes":["r"]},
                {"id":"créer, vite","label":"Create","scopes":["w"]}]"#,
        )
        .unwrap()
    }

    fn selection(positions: &[usize]) -> Selection {
        let mut s = Selection::none(3);
        for &p in positions {
            s.set(p, true);
        }
        s
    }

    #[test]
    fn encodes_in_table_order() {
        let c = catalog();
        assert_eq!(
            encode_selection(&c, &selection(&[1, 0])).as_deref(),
            Some("list,get")
        );
        assert_eq!(encode_selection(&c, &selection(&[])), None);
        assert_eq!(
            encode_selection(&c, &selection(&[0, 1, 2])).as_deref(),
            Some("all")
        );
    }

    #[test]
    fn non_ascii_and_comma_ids_round_trip() {
        let c = catalog();
        let raw = encode_selection(&c, &selection(&[2, 0])).unwrap();
        assert_eq!(raw, "list,cr%C3%A9er%2C%20vite");
        assert_eq!(decode_selection(&c, &raw).selection, selection(&[0, 2]));
    }

    #[test]
    fn decodes_and_reports_unknown_ids() {
        let restored = decode_selection(&catalog(), "get,nope,,nope,%3Cscript%3E");
        assert_eq!(restored.selection, selection(&[1]));
        assert_eq!(restored.unknown.named, ["nope", "<script>"]);
        assert_eq!(restored.unknown.count, 2);
    }

    #[test]
    fn all_mixed_with_ids_means_all() {
        assert!(decode_selection(&catalog(), "get,all").selection.is_all());
        assert_eq!(decode_selection(&catalog(), "all").unknown.count, 0);
    }

    #[test]
    fn invalid_percent_encoding_is_kept_literally() {
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("a+b%20c"), "a b c");
        assert_eq!(decode("%00"), "\0");
        assert_eq!(decode("%FF"), "\u{FFFD}");
    }

    #[test]
    fn finds_first_param() {
        assert_eq!(
            raw_param("?a=1&actions=x,y&actions=z", "actions"),
            Some("x,y")
        );
        assert_eq!(raw_param("actions", "actions"), Some(""));
        assert_eq!(raw_param("?act%69ons=q", "actions"), Some("q"));
        assert_eq!(raw_param("?a=1", "actions"), None);
        assert_eq!(raw_param("", "actions"), None);
    }

    #[test]
    fn replaces_and_keeps_other_params_byte_for_byte() {
        assert_eq!(
            with_param("?a=b%20c&flag&actions=old&d=+", "actions", Some("x,y")),
            "?a=b%20c&flag&actions=x,y&d=+"
        );
        assert_eq!(with_param("?a=1", "actions", Some("x")), "?a=1&actions=x");
        assert_eq!(with_param("", "actions", Some("x")), "?actions=x");
    }

    #[test]
    fn removes_param_and_repeats() {
        assert_eq!(
            with_param("?actions=1&a=2&actions=3", "actions", None),
            "?a=2"
        );
        assert_eq!(
            with_param("?actions=1&actions=3", "actions", Some("z")),
            "?actions=z"
        );
        assert_eq!(with_param("?actions", "actions", None), "");
        assert_eq!(with_param("?e=", "actions", None), "?e=");
    }

    #[test]
    fn a_name_starting_with_a_question_mark_is_not_ours() {
        // Found by fuzzing: "??actions" names the parameter "?actions".
        let rewritten = with_param("??actions&=", "actions", None);
        assert_eq!(rewritten, "??actions&=");
        assert_eq!(raw_param(&rewritten, "actions"), None);
    }

    #[test]
    fn unknown_ids_are_named_once_in_link_order_however_many() {
        let catalog = Catalog::parse(r#"[{"id":"a","label":"A","scopes":["s"]}]"#).unwrap();
        let raw: Vec<String> = (0..20_000)
            .map(|i| format!("x{}", i % 7))
            .chain(["a".into(), "x%37".into()])
            .collect();
        let restored = decode_selection(&catalog, &raw.join(","));
        assert_eq!(restored.unknown.named, ["x0", "x1", "x2", "x3", "x4"]);
        assert_eq!(restored.unknown.count, 8);
        assert_eq!(restored.selection.count(), 1);
    }
}
