//! Waiting for the page's framework to be done with the page.

use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::Element;

use crate::dom;

/// How often, and how many times at most, to look again (10 s in all; after
/// that the widget goes ahead).
const LOOK_EVERY_MS: u32 = 50;
const LOOKS: u32 = 200;

/// Whether the page's framework is done with every one of `elements` (see
/// `dom::framework::settled`): true at once on a page that has loaded and
/// hydrated, else once it has.
pub fn use_settled(elements: Vec<Element>) -> ReadSignal<bool> {
    let all_settled = move || elements.iter().all(dom::framework::settled);
    let settled = RwSignal::new(all_settled());
    if !settled.get_untracked() {
        spawn_local(async move {
            for _ in 0..LOOKS {
                TimeoutFuture::new(LOOK_EVERY_MS).await;
                // The widget may have been removed in the meantime.
                if settled.try_get_untracked().is_none() || all_settled() {
                    break;
                }
            }
            let _ = settled.try_set(true);
        });
    }
    settled.read_only()
}
