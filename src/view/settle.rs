//! Waiting for the page's framework to be done with the page.

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use web_sys::Element;

use crate::dom;

/// How often, and how many times at most, to look again (10 s in all; after
/// that the widget goes ahead).
const LOOK_EVERY_MS: u32 = 50;
const LOOKS: u32 = 200;

/// Whether the page's framework is done with every one of `elements` (see
/// `dom::framework::settled`): true at once on a page that has loaded and
/// hydrated, else once it has (at the page's `load` event, or as soon as React
/// has hydrated them after it). `on_settled` runs then, once.
pub fn use_settled(
    elements: Vec<Element>,
    on_settled: impl FnOnce() + 'static,
) -> ReadSignal<bool> {
    let settled = RwSignal::new(false);
    let looking = Looking {
        elements,
        settled,
        on_settled,
        next: StoredValue::new_local(None),
        load: StoredValue::new_local(None),
    };
    looking.look(LOOKS);
    settled.read_only()
}

/// The looking: what to look at, and what to do once settled. Each look that
/// finds the page unsettled hands it on to the next.
struct Looking<F> {
    elements: Vec<Element>,
    settled: RwSignal<bool>,
    on_settled: F,
    /// The next look, held by the widget: dropped, and so cancelled, with it.
    next: StoredValue<Option<Timeout>, LocalStorage>,
    /// The wait for the page's `load` event, held likewise.
    load: StoredValue<Option<EventListener>, LocalStorage>,
}

impl<F: FnOnce() + 'static> Looking<F> {
    fn look(self, left: u32) {
        if !dom::framework::loaded() {
            let load = self.load;
            load.try_set_value(dom::framework::on_load(move || self.look(left)));
            return;
        }
        if left == 0 || self.elements.iter().all(dom::framework::settled) {
            (self.on_settled)();
            let _ = self.settled.try_set(true);
            return;
        }
        let next = self.next;
        let look = Timeout::new(LOOK_EVERY_MS, move || self.look(left - 1));
        next.try_set_value(Some(look));
    }
}
