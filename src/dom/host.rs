//! The host element: its attributes in, its ready state and change event out.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, CustomEventInit, Element, HtmlElement};

use super::document;

/// The selector that finds host elements.
const SELECTOR: &str = "[data-guides-scope-selector]";

/// Every host element on the page, in document order.
pub fn all() -> Vec<Element> {
    let Some(list) = document().and_then(|d| d.query_selector_all(SELECTOR).ok()) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

/// Whether `element` is part of a widget (a host or inside one): such markup is
/// never part of the guide.
pub fn inside_widget(element: &Element) -> bool {
    element.closest(SELECTOR).ok().flatten().is_some()
}

/// An attribute's value, if present.
pub fn attribute(host: &Element, name: &str) -> Option<String> {
    host.get_attribute(name)
}

/// Removes the static placeholder markup the page served inside the host.
pub fn clear(host: &Element) {
    host.set_text_content(None);
}

/// Shows `message` in the host as an alert, in place of a widget.
pub fn show_error(host: &Element, message: &str) {
    let Some(document) = document() else { return };
    let Ok(paragraph) = document.create_element("p") else {
        return;
    };
    paragraph.set_class_name("guides-scope-selector__error");
    let _ = paragraph.set_attribute("role", "alert");
    let _ = paragraph.set_attribute("data-guide-error", "");
    paragraph.set_text_content(Some(message));
    let _ = host.append_child(&paragraph);
}

/// The host as the element Leptos mounts into.
pub fn as_html(host: &Element) -> Option<HtmlElement> {
    host.clone().dyn_into::<HtmlElement>().ok()
}

/// Sets or removes a valueless marker attribute such as `data-guide-ready`.
pub fn mark(host: &Element, name: &str, on: bool) {
    let _ = if on {
        host.set_attribute(name, "")
    } else {
        host.remove_attribute(name)
    };
}

/// Dispatches the bubbling `guide-scopes-change` event with `detail`, given as
/// JSON text.
pub fn announce_change(host: &Element, detail: &str) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(&js_sys::JSON::parse(detail).unwrap_or(JsValue::NULL));
    if let Ok(event) = CustomEvent::new_with_event_init_dict("guide-scopes-change", &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// Calls `on_change` whenever elements are added to or removed from the page
/// (a single-page-app docs site swapping its article). Runs for the life of the
/// page.
pub fn watch(on_change: impl FnMut() + 'static) {
    use wasm_bindgen::closure::Closure;
    use web_sys::{MutationObserver, MutationObserverInit};

    let Some(root) = document().and_then(|d| d.document_element()) else {
        return;
    };
    let callback = Closure::<dyn FnMut()>::new(on_change);
    let Ok(observer) = MutationObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    let options = MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    if observer.observe_with_options(&root, &options).is_ok() {
        // The observer and its callback live as long as the page.
        callback.forget();
    }
}

/// Calls `f` once the page's markup is parsed: now, or at `DOMContentLoaded`.
pub fn when_parsed(f: impl FnOnce() + 'static) {
    let Some(document) = document() else { return };
    if document.ready_state() != "loading" {
        return f();
    }
    let mut f = Some(f);
    gloo_events::EventListener::once(&document, "DOMContentLoaded", move |_| {
        if let Some(f) = f.take() {
            f();
        }
    })
    .forget();
}
