//! Copying text, with the asynchronous Clipboard API first and a fallback that
//! always leaves the reader able to copy by hand.

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Clipboard, Element, HtmlDocument, HtmlInputElement};

use super::{document, window};

/// What happened when copying.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copied {
    /// The text is on the clipboard.
    Done,
    /// The browser refused; the text is selected on the page for Ctrl+C.
    SelectedForManualCopy,
}

/// Puts `text` on the clipboard. When the Clipboard API is missing (an insecure
/// page) or refuses (permission denied), selects `shown` — the element that
/// displays exactly `text` — and tries the legacy copy command; if that fails too,
/// the selection stays for the reader to copy.
pub async fn copy(text: &str, shown: &Element) -> Copied {
    if let Some(clipboard) = clipboard() {
        if JsFuture::from(clipboard.write_text(text)).await.is_ok() {
            return Copied::Done;
        }
    }
    select(shown);
    if legacy_copy() {
        Copied::Done
    } else {
        Copied::SelectedForManualCopy
    }
}

fn clipboard() -> Option<Clipboard> {
    let navigator = window()?.navigator();
    // `navigator.clipboard` is undefined outside secure contexts; calling a method
    // on it would throw, so look before touching it.
    let value = Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok()?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    Some(value.unchecked_into())
}

fn select(element: &Element) {
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        input.select();
        return;
    }
    // `selectAllChildren`, not a range passed to `addRange`: WebKit ignores
    // `addRange` with a range inside a shadow root (where the widget renders),
    // which left nothing selected and the legacy copy command copying nothing.
    if let Some(Ok(Some(selection))) = document().map(|d| d.get_selection()) {
        let _ = selection.select_all_children(element);
    }
}

fn legacy_copy() -> bool {
    document()
        .and_then(|d| d.dyn_into::<HtmlDocument>().ok())
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false)
}
