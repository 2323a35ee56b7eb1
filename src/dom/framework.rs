//! The page's own framework: whether it is done with the elements the widget
//! will change.
//!
//! Docs platforms render pages on the server and then hydrate them in the
//! browser (React: Docusaurus, Mintlify, Nextra). Hydration expects the DOM to
//! be exactly as served; a widget that rewrites the guide before then makes
//! React throw the page away and render it again.

use gloo_events::EventListener;
use js_sys::Object;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Node};

use super::{document, window};

/// Whether the page has loaded: its own scripts, and so their hydration, have
/// run.
pub fn loaded() -> bool {
    document().is_some_and(|d| d.ready_state() == "complete")
}

/// Calls `on_load` at the page's `load` event, while the listener is kept.
pub fn on_load(on_load: impl FnOnce() + 'static) -> Option<EventListener> {
    let window = window()?;
    Some(EventListener::once(&window, "load", move |_| on_load()))
}

/// Whether the page has loaded and React, where a React root holds `element`,
/// has hydrated it.
pub fn settled(element: &Element) -> bool {
    loaded() && (!in_react_root(element) || has_key(element, "__reactFiber$"))
}

/// Whether an ancestor of `node` (the document included) is a React root.
fn in_react_root(node: &Node) -> bool {
    let mut at = node.parent_node();
    while let Some(node) = at {
        if has_key(&node, "__reactContainer$") {
            return true;
        }
        at = node.parent_node();
    }
    false
}

/// Whether `value` has an own property whose name starts with `prefix` (React
/// marks the nodes it owns with such keys).
fn has_key(value: &JsValue, prefix: &str) -> bool {
    let Some(object) = value.dyn_ref::<Object>() else {
        return false;
    };
    Object::keys(object)
        .iter()
        .any(|key| key.as_string().is_some_and(|key| key.starts_with(prefix)))
}
