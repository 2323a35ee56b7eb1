//! One signal per row, following a value computed for the whole table.
//!
//! A search or a selection is computed once for every row (a `Vec` with one
//! entry per row); binding each row to that `Vec` would re-run a binding in
//! every row on every change. Fanning it out to one signal per row notifies only
//! the rows whose entry changed: toggling one of 5,000 rows updates one
//! checkbox, and a keystroke touches only the rows it shows or hides.

use std::sync::Arc;

use leptos::prelude::*;

/// A signal per entry of `source`, each set when its entry changes.
///
/// The effect inside is a derived cache, kept for speed: the only effect in the
/// widget that does not sync with the page or the URL.
pub fn fan_out<T>(source: impl Fn() -> Vec<T> + 'static) -> Arc<[RwSignal<T>]>
where
    T: PartialEq + Clone + Send + Sync + 'static,
{
    // Boxed, so that the table's fan-outs share one copy of the effect's
    // code per value type instead of one per closure.
    let source: Box<dyn Fn() -> Vec<T>> = Box::new(source);
    let signals: Arc<[RwSignal<T>]> = untrack(&source).into_iter().map(RwSignal::new).collect();
    Effect::new({
        let signals = signals.clone();
        move |_| {
            for (signal, value) in signals.iter().zip(source()) {
                if signal.with_untracked(|current| *current != value) {
                    signal.set(value);
                }
            }
        }
    });
    signals
}
