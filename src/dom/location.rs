//! The address bar: reading the query, replacing it in place, and back/forward.

use gloo_events::EventListener;
use web_sys::Url;

use super::window;

/// The page's current address.
pub fn href() -> String {
    window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The page's current query, with its leading `?` (or empty).
pub fn search() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The current address with its query replaced by `query`, fragment kept. The
/// URL API does the assembly, so the result is always a well-formed address.
pub fn href_with_query(query: &str) -> String {
    let current = href();
    match Url::new(&current) {
        Ok(url) => {
            url.set_search(query);
            url.href()
        }
        Err(_) => current,
    }
}

/// Replaces the current history entry's address, keeping its state. Returns
/// false when the browser refuses (a sandboxed frame, a cross-origin address).
pub fn replace(href: &str) -> bool {
    let Some(history) = window().and_then(|w| w.history().ok()) else {
        return false;
    };
    let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
    history
        .replace_state_with_url(&state, "", Some(href))
        .is_ok()
}

/// Calls `on_change` when back or forward changes the address. The listener is
/// removed when the returned value is dropped.
pub fn on_popstate(mut on_change: impl FnMut() + 'static) -> Option<EventListener> {
    let window = window()?;
    Some(EventListener::new(&window, "popstate", move |_| {
        on_change()
    }))
}
