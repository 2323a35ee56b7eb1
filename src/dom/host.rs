//! The host element: its attributes in, its ready state and change event out.

use std::cell::OnceCell;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    CssStyleSheet, CustomEvent, CustomEventInit, Element, HtmlElement, ShadowRoot, ShadowRootInit,
    ShadowRootMode,
};

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

/// Removes the placeholder markup the page served inside the host.
pub fn clear(host: &Element) {
    host.set_text_content(None);
}

/// Where a widget's markup lives: an open shadow root attached to its host, so
/// that the page's styles do not reach it and the page's framework never sees
/// it. (On a host that cannot have a shadow root, a table cell say, the shadow
/// root is on an element that takes the placeholder's place.)
#[derive(Clone)]
pub struct WidgetRoot {
    shadow: ShadowRoot,
    container: HtmlElement,
    /// Whether the page's placeholder is still in the host, unseen.
    beside_placeholder: bool,
}

impl WidgetRoot {
    /// The element the widget is mounted into.
    pub fn container(&self) -> HtmlElement {
        self.container.clone()
    }

    /// The widget's element with this id.
    pub fn element(&self, id: &str) -> Option<HtmlElement> {
        self.shadow.get_element_by_id(id)?.dyn_into().ok()
    }

    /// The id of the widget's element that has keyboard focus, if it has one.
    pub fn focused_id(&self) -> Option<String> {
        Some(self.shadow.active_element()?.id()).filter(|id| !id.is_empty())
    }

    /// Whether the page's placeholder is still in the host, unseen beside the
    /// widget.
    pub fn beside_placeholder(&self) -> bool {
        self.beside_placeholder
    }
}

/// Makes a place for the widget in `host`, styled by `css`: its shadow root,
/// which hides the placeholder while leaving it in the page. The placeholder
/// is the page's framework's to hydrate; `clear` removes it later.
pub fn attach(host: &Element, css: &str) -> Option<WidgetRoot> {
    let document = document()?;
    let open = ShadowRootInit::new(ShadowRootMode::Open);
    let (shadow, beside_placeholder) = match host.shadow_root() {
        Some(shadow) => (shadow, true),
        None => match host.attach_shadow(&open) {
            Ok(shadow) => (shadow, true),
            Err(_) => {
                let stand_in = document.create_element("div").ok()?;
                clear(host);
                host.append_child(&stand_in).ok()?;
                (stand_in.attach_shadow(&open).ok()?, false)
            }
        },
    };
    let container: HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    shadow.set_text_content(None);
    let sheet: JsValue = stylesheet(css)?.into();
    shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    shadow.append_child(&container).ok()?;
    Some(WidgetRoot {
        shadow,
        container,
        beside_placeholder,
    })
}

thread_local! {
    static SHEET: OnceCell<Option<CssStyleSheet>> = const { OnceCell::new() };
}

/// The widget's stylesheet, built once and shared by every widget on the page
/// (a constructed sheet: no `<style>` element, which a strict
/// Content-Security-Policy would refuse).
fn stylesheet(css: &str) -> Option<CssStyleSheet> {
    SHEET.with(|sheet| {
        sheet
            .get_or_init(|| {
                let sheet = CssStyleSheet::new().ok()?;
                sheet.replace_sync(css).ok()?;
                Some(sheet)
            })
            .clone()
    })
}

/// Shows `message` as an alert in place of a widget.
pub fn show_error(root: &WidgetRoot, message: &str) {
    let Some(document) = document() else { return };
    let Ok(paragraph) = document.create_element("p") else {
        return;
    };
    paragraph.set_class_name("guides-scope-selector__error");
    let _ = paragraph.set_attribute("role", "alert");
    let _ = paragraph.set_attribute("data-guide-error", "");
    paragraph.set_text_content(Some(message));
    let _ = root.container.append_child(&paragraph);
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
