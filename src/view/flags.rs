//! One signal per table row, following a whole-table value.

use std::sync::Arc;

use leptos::prelude::*;

/// Per-row signals that follow `source` (one flag per row). When `source`
/// changes, only the rows whose flag changed are notified: toggling one of 5,000
/// rows updates one checkbox, and a keystroke in the search touches only the rows
/// it shows or hides, instead of re-running a binding in every row.
pub fn row_flags(source: impl Fn() -> Vec<bool> + 'static) -> Arc<[RwSignal<bool>]> {
    let initial = untrack(&source);
    let flags: Arc<[RwSignal<bool>]> = initial.iter().map(|&flag| RwSignal::new(flag)).collect();
    Effect::new({
        let flags = flags.clone();
        move |previous: Option<Vec<bool>>| {
            let current = source();
            let previous = previous.as_ref().unwrap_or(&initial);
            for ((flag, now), before) in flags.iter().zip(&current).zip(previous) {
                if now != before {
                    flag.set(*now);
                }
            }
            current
        }
    });
    flags
}
