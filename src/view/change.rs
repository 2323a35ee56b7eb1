//! The `guide-scopes-change` event: the host tells the page what was chosen.

use std::sync::Arc;

use leptos::prelude::*;
use web_sys::Element;

use crate::dom;
use crate::model::{separator, Catalog, ScopeSet, Selection};

/// Dispatches `guide-scopes-change` on `host` after each change of selection,
/// and once at mount when a link opened the widget with a selection.
pub fn announce_changes(
    host: Element,
    catalog: Arc<Catalog>,
    selection: RwSignal<Selection>,
    scopes: Memo<ScopeSet>,
    grant: Memo<ScopeSet>,
) {
    Effect::new(move |previous: Option<Selection>| {
        let current = selection.get();
        let changed = match &previous {
            Some(previous) => *previous != current,
            None => !current.is_empty(),
        };
        if changed {
            let actions: Vec<&str> = current
                .positions()
                .filter_map(|p| catalog.actions().get(p))
                .map(|a| a.id.as_str())
                .collect();
            let (scopes, grant) = (scopes.read(), grant.read());
            let detail =
                separator::change_detail(&actions, &scopes.names(&catalog), &grant.names(&catalog));
            dom::host::announce_change(&host, &detail);
        }
        current
    });
}
