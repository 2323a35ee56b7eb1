//! guide-scopes: a scope picker for OAuth connector setup guides.
//!
//! A documentation page lists a connector's actions as JSON in a
//! `data-guide-actions-json` attribute on an element marked
//! `data-guides-scope-selector`. [`start`] finds every such element and mounts a
//! widget into it: a searchable table of actions, the union of the chosen actions'
//! scopes ready to copy, and a URL that reopens the same choice.
//!
//! - [`model`] holds every decision as plain Rust, tested natively.
//! - [`dom`] is the only code that touches the browser.
//! - [`view`] holds the Leptos components.
#![deny(missing_docs)]

pub mod dom;
pub mod model;
pub mod view;

use std::cell::RefCell;

thread_local! {
    static MOUNTED: RefCell<Vec<view::Mounted>> = const { RefCell::new(Vec::new()) };
}

/// Mounts a widget on every host element of the page.
pub fn start() {
    for host in dom::host::all() {
        if let Some(mounted) = view::mount(&host) {
            MOUNTED.with(|m| m.borrow_mut().push(mounted));
        }
    }
}
