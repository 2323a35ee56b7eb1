//! The guide around a widget: its steps, sections, scope lists, action badges and
//! per-scope copy buttons.
//!
//! The page is walked once, at mount. Each element's served state is remembered,
//! so every change writes only what differs from the last write and clearing the
//! selection restores the page exactly as served.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

use super::{document, host::inside_widget};

/// Where an instance looks for guide elements.
pub enum Root {
    /// The whole document.
    Document,
    /// One element, chosen by `data-guide-target`.
    Element(Element),
    /// A target that matched nothing (or was not a valid selector).
    Nothing,
}

impl Root {
    /// The root for a `data-guide-target` value: none or blank means the document.
    pub fn find(target: Option<&str>) -> Root {
        let Some(selector) = target.map(str::trim).filter(|s| !s.is_empty()) else {
            return Root::Document;
        };
        match document().and_then(|d| d.query_selector(selector).ok().flatten()) {
            Some(element) => Root::Element(element),
            None => Root::Nothing,
        }
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = match self {
            Root::Document => document().and_then(|d| d.query_selector_all(selector).ok()),
            Root::Element(e) => e.query_selector_all(selector).ok(),
            Root::Nothing => None,
        };
        let Some(list) = list else { return Vec::new() };
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            // The widgets' own markup is never part of the guide.
            .filter(|e| !inside_widget(e))
            .collect()
    }

    fn target(&self) -> Option<web_sys::EventTarget> {
        match self {
            Root::Document => document().map(Into::into),
            Root::Element(e) => Some(e.clone().into()),
            Root::Nothing => None,
        }
    }
}

/// The attribute in which each widget that hides a guide element leaves its
/// name, so that widgets whose targets overlap do not undo each other: the
/// element stays hidden while any of them hides it.
const HIDDEN_BY: &str = "data-guide-hidden-by";

/// A guide element whose visibility the widget controls.
pub struct Part {
    element: Element,
    /// The page author hid it: it stays hidden whatever is selected.
    served_hidden: bool,
    /// This widget's name in `data-guide-hidden-by`.
    widget: std::rc::Rc<str>,
    shown: bool,
}

impl Part {
    fn new(element: Element, widget: std::rc::Rc<str>) -> Part {
        let served_hidden = element.has_attribute("hidden") && !element.has_attribute(HIDDEN_BY);
        Part {
            element,
            served_hidden,
            widget,
            shown: true,
        }
    }

    /// Shows the element as served (unless another widget hides it), or hides it.
    pub fn show(&mut self, shown: bool) {
        if self.served_hidden || self.shown == shown {
            return;
        }
        self.shown = shown;
        let others = self.element.get_attribute(HIDDEN_BY).unwrap_or_default();
        let mut hiders: Vec<&str> = others
            .split_whitespace()
            .filter(|name| *name != &*self.widget)
            .collect();
        if !shown {
            hiders.push(&self.widget);
        }
        if hiders.is_empty() {
            let _ = self.element.remove_attribute(HIDDEN_BY);
            let _ = self.element.remove_attribute("hidden");
        } else {
            let _ = self.element.set_attribute(HIDDEN_BY, &hiders.join(" "));
            let _ = self.element.set_attribute("hidden", "");
        }
    }

    /// An attribute of the element, as served.
    pub fn attribute(&self, name: &str) -> Option<String> {
        self.element.get_attribute(name)
    }
}

/// An "Enables actions" badge, whose label list the widget rewrites.
pub struct Badge {
    /// The badge itself, for showing and hiding.
    pub part: Part,
    labels: Option<Element>,
    /// The label element's children as served, put back on restore.
    served: Vec<Node>,
    written: Option<String>,
}

impl Badge {
    fn new(element: Element, widget: std::rc::Rc<str>) -> Badge {
        let labels = element
            .query_selector("[data-guide-actions-badge-labels]")
            .ok()
            .flatten();
        let served = labels
            .as_ref()
            .map(|l| {
                let nodes = l.child_nodes();
                (0..nodes.length()).filter_map(|i| nodes.item(i)).collect()
            })
            .unwrap_or_default();
        Badge {
            part: Part::new(element, widget),
            labels,
            served,
            written: None,
        }
    }

    /// Writes `text` into the label list, or puts the served content back.
    pub fn set_labels(&mut self, text: Option<&str>) {
        if self.written.as_deref() == text {
            return;
        }
        let Some(labels) = &self.labels else { return };
        match text {
            Some(text) => labels.set_text_content(Some(text)),
            None => {
                labels.set_text_content(None);
                for node in &self.served {
                    let _ = labels.append_child(node);
                }
            }
        }
        self.written = text.map(str::to_owned);
    }
}

/// Every guide element one widget controls, found once at mount.
pub struct Guide {
    /// `[data-guide-section]` and `[data-guide-step]`.
    pub gated: Vec<Part>,
    /// `li[data-guide-display-scope]` inside `[data-guide-display-scopes]`.
    pub scope_items: Vec<Part>,
    /// `[data-guide-actions-badge]`.
    pub badges: Vec<Badge>,
}

impl Guide {
    /// Walks `root` for the guide elements of the widget called `widget`.
    pub fn scan(root: &Root, widget: &str) -> Guide {
        let widget: std::rc::Rc<str> = widget.into();
        let parts = |selector: &str| -> Vec<Part> {
            root.all(selector)
                .into_iter()
                .map(|e| Part::new(e, widget.clone()))
                .collect()
        };
        Guide {
            gated: parts("[data-guide-section], [data-guide-step]"),
            scope_items: parts("[data-guide-display-scopes] li[data-guide-display-scope]"),
            badges: root
                .all("[data-guide-actions-badge]")
                .into_iter()
                .map(|e| Badge::new(e, widget.clone()))
                .collect(),
        }
    }

    /// Every element this widget may change: the parts, and the badges' label
    /// lists.
    pub fn elements(&self) -> Vec<Element> {
        let parts = self.gated.iter().chain(&self.scope_items);
        let badges = self.badges.iter().map(|b| &b.part);
        let mut elements: Vec<Element> = parts.chain(badges).map(|p| p.element.clone()).collect();
        elements.extend(self.badges.iter().filter_map(|b| b.labels.clone()));
        elements
    }

    /// Puts every element back as the page served it.
    pub fn restore(&mut self) {
        for part in self.gated.iter_mut().chain(self.scope_items.iter_mut()) {
            part.show(true);
        }
        for badge in &mut self.badges {
            badge.part.show(true);
            badge.set_labels(None);
        }
    }
}

impl Drop for Guide {
    /// A widget that goes away leaves the guide as it was served.
    fn drop(&mut self) {
        self.restore();
    }
}

/// Calls `on_copy(value, element showing it)` when a `button[data-copy]` under
/// `root` is clicked. A click is handled by one widget only, even where several
/// widgets' roots overlap.
pub fn on_copy_button(
    root: &Root,
    mut on_copy: impl FnMut(String, Element) + 'static,
) -> Option<EventListener> {
    let target = root.target()?;
    let options = EventListenerOptions::enable_prevent_default();
    Some(EventListener::new_with_options(
        &target,
        "click",
        options,
        move |event| {
            if event.default_prevented() {
                return;
            }
            let Some(button) = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|e| e.closest("button[data-copy]").ok().flatten())
            else {
                return;
            };
            if inside_widget(&button) {
                return;
            }
            let Some(value) = button.get_attribute("data-copy") else {
                return;
            };
            event.prevent_default();
            let shown = text_holder(&button, &value);
            on_copy(value, shown);
        },
    ))
}

/// The element inside `button` whose text is exactly `value` (the label, without
/// the icon), for selecting when the clipboard refuses; else the button.
fn text_holder(button: &Element, value: &str) -> Element {
    let Ok(list) = button.query_selector_all("*") else {
        return button.clone();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .find(|e| e.text_content().is_some_and(|t| t.trim() == value))
        .unwrap_or_else(|| button.clone())
}
