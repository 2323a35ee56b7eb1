//! The address: the selection lives in the URL query. It is read when the
//! widget mounts and again on back/forward, and written back with
//! `replaceState` once a change rests.

use std::sync::Arc;

use gloo_timers::callback::Timeout;
use leptos::prelude::*;

use crate::dom;
use crate::model::url::{self, Restored};
use crate::model::{Catalog, Selection, Unknown};

/// How long the selection must rest before the address bar is rewritten:
/// Chromium spends milliseconds per `replaceState` and ignores bursts of them,
/// so a run of clicks writes once.
const WRITE_AFTER_MS: u32 = 80;

/// The selection, kept in step with the address bar.
#[derive(Clone, Copy)]
pub struct Address {
    /// The chosen actions: the source of truth is the URL, read into this.
    pub selection: RwSignal<Selection>,
    /// The page's address with the selection in it, for the URL field and
    /// Copy URL. Never behind the selection, though the address bar may be.
    pub href: Memo<String>,
}

/// Reads the selection from the URL's `param` and keeps the two in step.
/// `on_unknown` hears the ids a link named that the catalog does not have, at
/// mount and after back/forward.
pub fn use_address(
    catalog: Arc<Catalog>,
    param: String,
    on_unknown: impl Fn(&Unknown) + 'static,
) -> Address {
    let read = {
        let (catalog, param) = (catalog.clone(), param.clone());
        move || -> Restored {
            let query = dom::location::search();
            url::decode_selection(&catalog, url::raw_param(&query, &param).unwrap_or(""))
        }
    };
    let restored = read();
    on_unknown(&restored.unknown);
    let selection = RwSignal::new(restored.selection);

    // The selection as its query parameter value (empty: no parameter; a
    // chosen action's id is never empty).
    let encoded = Memo::new(move |_| {
        url::encode_selection(&catalog, &selection.read()).unwrap_or_default()
    });
    let href = Memo::new({
        let param = param.clone();
        move |_| {
            // Back/forward sets the selection even to an equal one, since it may
            // have changed other parts of the address.
            selection.track();
            address_with(&param, &encoded.read())
        }
    });

    let pending = StoredValue::new_local(None::<Timeout>);
    // At mount the address is rewritten only if it needs correcting (unknown
    // ids, an empty parameter); after that, whenever the value changes.
    let needs_correction = href.get_untracked() != dom::location::href();
    Effect::new(move |written: Option<String>| {
        let value = encoded.get();
        if written.map_or(needs_correction, |written| written != value) {
            let (param, value) = (param.clone(), value.clone());
            let write = Timeout::new(WRITE_AFTER_MS, move || {
                // Applied to the address as it is now, which others may have changed.
                let href = address_with(&param, &value);
                if href != dom::location::href() {
                    dom::location::replace(&href);
                }
            });
            // Replacing a pending write cancels it.
            pending.set_value(Some(write));
        }
        value
    });

    let popstate = dom::location::on_popstate(move || {
        // Back/forward wins over a write still waiting for its turn.
        pending.set_value(None);
        let restored = read();
        selection.set(restored.selection);
        on_unknown(&restored.unknown);
    });
    // Owned by the widget: dropped, and so removed, when it unmounts.
    StoredValue::new_local(popstate);

    Address { selection, href }
}

/// The current address with `param` set to `value`, or removed when `value`
/// is empty.
fn address_with(param: &str, value: &str) -> String {
    let value = (!value.is_empty()).then_some(value);
    dom::location::href_with_query(&url::with_param(&dom::location::search(), param, value))
}
