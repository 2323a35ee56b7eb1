//! Keyboard focus.

use wasm_bindgen::JsCast;
use web_sys::{EventTarget, HtmlElement, HtmlInputElement};

use super::host::WidgetRoot;

/// Moves focus to the widget's element with this id, if there is one.
pub fn focus(root: &WidgetRoot, id: &str) {
    if let Some(element) = root.element(id) {
        let _ = element.focus();
    }
}

/// Whether typing into `target` enters text (where `/` must stay a character).
pub fn takes_text(target: Option<EventTarget>) -> bool {
    let Some(element) = target.and_then(|t| t.dyn_into::<HtmlElement>().ok()) else {
        return false;
    };
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        return !matches!(
            input.type_().as_str(),
            "checkbox" | "radio" | "button" | "submit" | "reset"
        );
    }
    matches!(element.tag_name().as_str(), "TEXTAREA" | "SELECT") || element.is_content_editable()
}

/// The id of the element an event happened on, if it has one.
pub fn target_id(event: &web_sys::Event) -> Option<String> {
    let id = event.target()?.dyn_into::<web_sys::Element>().ok()?.id();
    (!id.is_empty()).then_some(id)
}

/// Whether the `<details>` element an event came from is open.
pub fn is_open(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|target| js_sys::Reflect::get(&target, &"open".into()).ok())
        .and_then(|open| open.as_bool())
        .unwrap_or(false)
}
