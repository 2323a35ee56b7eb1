//! guide-scopes: a scope picker for OAuth connector setup guides.
//!
//! A documentation page lists a connector's actions as JSON in a
//! `data-guide-actions-json` attribute on an element marked
//! `data-guides-scope-selector`. [`start`] finds every such element and mounts a
//! widget into it: a searchable table of actions, the union of the chosen actions'
//! scopes ready to copy, a URL that reopens the same choice, and a guide narrowed
//! to the steps those scopes need.
//!
//! - [`model`] holds every decision as plain Rust, tested natively.
//! - [`dom`] is the only code that touches the browser.
//! - [`view`] holds the Leptos components.
#![deny(missing_docs)]

pub mod dom;
pub mod model;
pub mod view;

use std::cell::RefCell;

use web_sys::Element;

thread_local! {
    static MOUNTED: RefCell<Vec<(Element, view::Mounted)>> = const { RefCell::new(Vec::new()) };
}

/// Mounts a widget on every host element of the page, now and whenever one is
/// added later; unmounts the widgets whose hosts are removed.
pub fn start() {
    dom::host::when_parsed(|| {
        sync();
        dom::host::watch(sync);
    });
}

/// Brings the mounted widgets in line with the host elements on the page.
fn sync() {
    let gone: Vec<(Element, view::Mounted)> = MOUNTED.with(|mounted| {
        let mut mounted = mounted.borrow_mut();
        let (kept, gone) = mounted.drain(..).partition(|(host, _)| host.is_connected());
        *mounted = kept;
        gone
    });
    // Dropped outside the borrow: unmounting restores the guide.
    drop(gone);
    for host in dom::host::all() {
        let known = MOUNTED.with(|m| m.borrow().iter().any(|(h, _)| *h == host));
        if !known {
            if let Some(widget) = view::mount(&host) {
                MOUNTED.with(|m| m.borrow_mut().push((host, widget)));
            }
        }
    }
}

// Talc instead of the standard library's dlmalloc: smaller and faster in wasm.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
