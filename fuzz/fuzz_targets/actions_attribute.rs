//! Any text in `data-guide-actions-json`: parsing either succeeds or explains
//! itself, and a parsed catalog survives search, selection and guide gates.
#![no_main]

use guide_scopes::model::{Catalog, Gate, Query, Selection};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match Catalog::parse(text) {
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
