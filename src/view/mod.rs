//! Leptos components, and mounting them into host elements.

mod address;
mod change;
mod copy;
mod fan_out;
mod guide;
mod output;
mod paste;
mod selector;
mod settle;
mod table;
mod toolbar;

use std::any::Any;
use std::cell::Cell;
use std::sync::Arc;

use leptos::mount::mount_to;
use leptos::prelude::*;
use web_sys::Element;

use crate::dom::{self, host};
use crate::model::{Catalog, GroupBy, Texts};
pub use selector::Selector;

/// What a host element asks of its widget, read once at mount.
#[derive(Debug, Clone)]
pub struct Config {
    /// The URL query parameter that carries the selection.
    pub param: String,
    /// Prefix for element ids, unique per widget on the page.
    pub prefix: String,
    /// `data-guide-target`: a CSS selector for the part of the page to filter.
    pub target: Option<String>,
    /// The words to show, from `data-guide-text-*` or the English defaults.
    pub texts: Texts,
    /// `data-guide-group-by`: by resource, or `none`.
    pub group_by: GroupBy,
}

impl Config {
    /// Reads the host's optional attributes, with their defaults.
    pub fn read(host: &Element, prefix: String) -> Config {
        let param = host::attribute(host, "data-guide-query-param")
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| "actions".to_owned());
        let target = host::attribute(host, "data-guide-target");
        let texts = Texts::read(|name| host::attribute(host, name));
        let group_by =
            GroupBy::from_attribute(host::attribute(host, "data-guide-group-by").as_deref());
        Config {
            param,
            prefix,
            target,
            texts,
            group_by,
        }
    }
}

thread_local! {
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(1) };
}

/// A mounted widget. Dropping it unmounts the widget and releases everything it
/// holds: its reactive owner, its window listeners and its timers.
pub struct Mounted {
    _handle: Box<dyn Any>,
}

/// The widget's own stylesheet, adopted by its shadow root.
const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

/// Mounts a live widget in the host's shadow root, over the placeholder the page
/// served, or a message naming what is wrong with its actions attribute.
pub fn mount(host: &Element) -> Option<Mounted> {
    let instance = NEXT_INSTANCE.with(|n| n.replace(n.get() + 1));
    let config = Config::read(host, format!("gss{instance}"));
    let lowercase = dom::text::lowercase;
    // A bad implication attribute is said in the status line; the widget
    // works without it.
    let mut notice = String::new();
    let parsed = match host::attribute(host, "data-guide-actions-json") {
        Some(json) => Catalog::parse_with(&json, config.group_by, lowercase).map(|mut catalog| {
            if let Some(implies) = host::attribute(host, "data-guide-scope-implies") {
                if let Err(error) = catalog.imply(&implies) {
                    notice = error.to_string();
                }
            }
            Arc::new(catalog)
        }),
        None => Err(crate::model::ConfigError::Missing),
    };
    let root = host::attach(host, WIDGET_CSS)?;
    host::mark(host, "data-guide-ready", false);
    host::mark(host, "data-guide-invalid", parsed.is_err());
    let handle: Box<dyn Any> = match parsed {
        Ok(catalog) => {
            let (host, widget) = (host.clone(), root.clone());
            let view = move || view! { <Selector catalog config notice host root=widget /> };
            Box::new(mount_to(root.container(), view))
        }
        // A message and nothing to react to: no widget is mounted.
        Err(error) => {
            host::show_error(&root, &error.to_string());
            Box::new(())
        }
    };
    Some(Mounted { _handle: handle })
}
