//! Waiting for the page's framework to be done with the page.

use std::cell::Cell;
use std::rc::Rc;

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
/// hydrated, else once it has. `on_settled` runs then, once.
pub fn use_settled(
    elements: Vec<Element>,
    on_settled: impl FnOnce() + 'static,
) -> ReadSignal<bool> {
    let settled = RwSignal::new(false);
    let looking = Looking {
        elements: Rc::new(elements),
        settled,
        on_settled: Rc::new(Cell::new(Some(Box::new(on_settled)))),
        next: StoredValue::new_local(None),
    };
    looking.look(LOOKS);
    settled.read_only()
}

/// What to do once settled, done once.
type OnSettled = Rc<Cell<Option<Box<dyn FnOnce()>>>>;

/// The state of the looking: what to look at, and what to do once settled.
#[derive(Clone)]
struct Looking {
    elements: Rc<Vec<Element>>,
    settled: RwSignal<bool>,
    on_settled: OnSettled,
    /// The next look, held by the widget: dropped, and so cancelled, with it.
    next: StoredValue<Option<Timeout>, LocalStorage>,
}

impl Looking {
    fn look(self, left: u32) {
        if left == 0 || self.elements.iter().all(dom::framework::settled) {
            if let Some(on_settled) = self.on_settled.take() {
                on_settled();
            }
            let _ = self.settled.try_set(true);
            return;
        }
        let next = self.next;
        let look = Timeout::new(LOOK_EVERY_MS, move || self.look(left - 1));
        next.try_set_value(Some(look));
    }
}
