//! Any query string: reading and rewriting the selection parameter never panics,
//! and a rewritten query always yields back the value written.
#![no_main]

use guide_scopes::model::url::{decode_selection, encode_selection, raw_param, with_param};
use guide_scopes::model::Catalog;
use libfuzzer_sys::fuzz_target;

const ACTIONS: &str = r#"[{"id":"a","label":"A","scopes":["r"]},{"id":"b,c","label":"B","scopes":["w"]},{"id":"é","label":"E","scopes":[]}]"#;

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else { return };
    let Ok(catalog) = Catalog::parse(ACTIONS) else { return };
    let restored = decode_selection(&catalog, raw_param(query, "actions").unwrap_or(""));
    let value = encode_selection(&catalog, &restored.selection);
    let rewritten = with_param(query, "actions", value.as_deref());
    assert_eq!(raw_param(&rewritten, "actions"), value.as_deref());
    assert_eq!(decode_selection(&catalog, raw_param(&rewritten, "actions").unwrap_or("")).selection, restored.selection);
});
