//! Keeping the guide in step with the selection.

use std::sync::Arc;

use gloo_events::EventListener;
use leptos::prelude::*;
use web_sys::Element;

use super::copy::Copier;
use crate::dom::guide::{Guide, Root};
use crate::model::text::fill;
use crate::model::{Badge, Catalog, Gate, ScopeIndex, ScopeSet, Selection, Texts};

/// Narrows the guide to what the selection needs, once `settled` (the page's
/// framework is done with it), from then until the widget unmounts, when the
/// guide is restored as served; and answers the guide's per-scope copy buttons.
pub fn sync_guide(
    catalog: Arc<Catalog>,
    page: GuidePage,
    settled: ReadSignal<bool>,
    selection: RwSignal<Selection>,
    scopes: Memo<ScopeSet>,
    copier: Copier,
    texts: &Texts,
) {
    let template = texts.copied_scope().clone();
    let copy_buttons = page.on_copy_button(move |value, shown| {
        let done = fill(&template, &[("scope", &value)]);
        copier.copy(value, Some(shown), done)
    });
    // Owned by the widget: dropped, and so removed, when it unmounts.
    StoredValue::new_local(copy_buttons);
    // The effect writes only what changes; dropping the page (on unmount)
    // restores it.
    let page = StoredValue::new_local(page);
    Effect::new(move |_| {
        if !settled.get() {
            return;
        }
        let (selection, scopes) = (selection.read(), scopes.read());
        page.update_value(|page| page.apply(&catalog, &selection, &scopes));
    });
}

/// The guide elements one widget controls, each with its gate parsed once.
pub struct GuidePage {
    root: Root,
    guide: Guide,
    gated: Vec<Gate>,
    scope_items: Vec<Gate>,
    badges: Vec<Gate>,
}

impl GuidePage {
    /// Finds the guide under the widget's target and parses every scope list.
    pub fn scan(catalog: &Catalog, target: Option<&str>, widget: &str) -> GuidePage {
        let root = Root::find(target);
        let guide = Guide::scan(&root, widget);
        let list = |part: &crate::dom::guide::Part, name: &str| {
            Gate::parse(catalog, &part.attribute(name).unwrap_or_default())
        };
        let gated = guide
            .gated
            .iter()
            .map(|p| list(p, "data-guide-scopes"))
            .collect();
        let scope_items = guide
            .scope_items
            .iter()
            .map(|p| {
                Gate::single(
                    catalog,
                    &p.attribute("data-guide-display-scope").unwrap_or_default(),
                )
            })
            .collect();
        let badges = guide
            .badges
            .iter()
            .map(|b| list(&b.part, "data-guide-actions-badge-scopes"))
            .collect();
        GuidePage {
            root,
            guide,
            gated,
            scope_items,
            badges,
        }
    }

    /// Every element of the guide the widget may change.
    pub fn elements(&self) -> Vec<Element> {
        self.guide.elements()
    }

    /// Shows, hides and rewrites the guide for a selection.
    pub fn apply(&mut self, catalog: &Catalog, selection: &Selection, scopes: &ScopeSet) {
        let parts = self.guide.gated.iter_mut().zip(&self.gated);
        let items = self.guide.scope_items.iter_mut().zip(&self.scope_items);
        for (part, gate) in parts.chain(items) {
            part.show(gate.shows(selection, scopes));
        }
        let chosen = ScopeIndex::new(catalog, selection);
        for (badge, gate) in self.guide.badges.iter_mut().zip(&self.badges) {
            match gate.badge(catalog, selection, &chosen) {
                Badge::AsServed => {
                    badge.part.show(true);
                    badge.set_labels(None);
                }
                Badge::Hidden => badge.part.show(false),
                Badge::Labels(labels) => {
                    badge.set_labels(Some(&labels));
                    badge.part.show(true);
                }
            }
        }
    }

    /// Listens for clicks on the guide's per-scope copy buttons.
    pub fn on_copy_button(
        &self,
        on_copy: impl FnMut(String, Element) + 'static,
    ) -> Option<EventListener> {
        crate::dom::guide::on_copy_button(&self.root, on_copy)
    }
}
