//! Any text in `data-guide-actions-json`: parsing either succeeds or explains
//! itself, it calls text JSON exactly when serde_json does (and then names
//! serde_json's line), and a parsed catalog survives search, selection and
//! guide gates.
#![no_main]

use guide_scopes::model::{Catalog, ConfigError, Gate, Query, Selection};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let parsed = Catalog::parse(text);
    // The catalog skips what it does not use as serde_json skips any value.
    match (&parsed, serde_json::from_str::<serde::de::IgnoredAny>(text)) {
        (Err(ConfigError::Syntax { line, column, .. }), Err(e)) => {
            // A raw line break in a string the catalog reads is placed after it.
            assert!(*line <= e.line() + 1);
            assert!(*line != e.line() || (*column >= 1 && *column <= e.column() + 1));
        }
        // A used value serde_json cannot read (a lone surrogate, a huge number).
        (Err(ConfigError::Syntax { .. }), Ok(_)) => {}
        (_, Err(e)) => panic!("serde_json refuses {text:?} ({e}), parse does not: {parsed:?}"),
        (_, Ok(_)) => {}
    }
    match parsed {
        Err(error) => assert!(!error.to_string().is_empty()),
        Ok(catalog) => {
            let query = Query::parse(text);
            let mut selection = Selection::none(catalog.len());
            for (position, action) in catalog.actions().iter().enumerate() {
                assert_eq!(catalog.position(&action.id), Some(position));
                selection.set(position, query.matches(action) || position % 2 == 0);
            }
            let scopes = selection.scopes(&catalog);
            let _ = Gate::parse(&catalog, text).shows(&selection, &scopes);
        }
    }
});
