//! Any text in `data-guide-actions-json`: parsing either succeeds or explains
//! itself, it calls text JSON exactly when serde_json does, and a parsed catalog
//! survives search, selection and guide gates.
#![no_main]

use guide_scopes::model::{Catalog, ConfigError, Gate, Query, Selection};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let parsed = Catalog::parse(text);
    let syntax_error = matches!(parsed, Err(ConfigError::Syntax { .. }));
    match serde_json::from_str::<serde_json::Value>(text) {
        // serde_json also refuses numbers beyond f64, nesting beyond 128 levels
        // and unpaired surrogates in values the reader skips: valid JSON text
        // that the reader accepts.
        Err(e) if e.to_string().contains("out of range") || e.to_string().contains("recursion") => {}
        Err(e) if e.to_string().contains("surrogate") && !syntax_error => {}
        Err(e) => assert!(syntax_error, "serde_json refuses {text:?} ({e}), the reader does not"),
        Ok(_) => assert!(!syntax_error, "serde_json reads {text:?}, the reader refuses it: {parsed:?}"),
    }
    match parsed {
        Err(error) => assert!(!error.to_string().is_empty()),
        Ok(catalog) => {
            let query = Query::parse(text);
            let mut selection = Selection::none(catalog.len());
            for (position, action) in catalog.actions().iter().enumerate() {
                selection.set(position, query.matches(action) || position % 2 == 0);
            }
            let scopes = selection.scopes(&catalog);
            let _ = Gate::parse(&catalog, text).shows(&selection, &scopes);
        }
    }
});
