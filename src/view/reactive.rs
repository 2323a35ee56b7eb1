//! The widget's reactive helpers.
//!
//! Leptos compiles a copy of its effect, memo and event-listener machinery for
//! every closure type handed to it. These helpers box the closure first, so all
//! of the widget's effects share one copy, its memos one copy per value type and
//! its event handlers one copy per event type. (Bindings in the view stay plain
//! closures: boxing them as `Signal`s was measured 1.5 KB larger.)

use std::any::Any;
use std::sync::Arc;

use leptos::prelude::*;

/// Runs `run` once the widget is mounted, then again whenever a signal it read
/// last time changes. For keeping the page and the URL in step, nothing else.
pub fn effect(run: impl FnMut() + 'static) {
    boxed_effect(Box::new(run));
}

fn boxed_effect(mut run: Box<dyn FnMut()>) {
    Effect::new(move |_| run());
}

/// A value derived from signals, recomputed when they change; readers are
/// notified only when the value differs from the previous one.
pub fn memo<T>(derive: impl Fn() -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    boxed_memo(Box::new(derive))
}

fn boxed_memo<T>(derive: Box<dyn Fn() -> T + Send + Sync>) -> Memo<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| derive())
}

/// Keeps `value` (a listener, an observer) for as long as the component lives,
/// and drops it, so removing it, when the component unmounts.
pub fn hold(value: impl Any) {
    StoredValue::new_local(vec![Box::new(value) as Box<dyn Any>]);
}

/// An event handler, boxed: pass it as `on:click=handler(...)`.
pub fn handler<E: 'static>(handle: impl FnMut(E) + 'static) -> Box<dyn FnMut(E)> {
    Box::new(handle)
}

/// An attribute value that is `yes` while `flag` is set and `no` otherwise
/// (one closure type for every such attribute, so one copy of its code).
pub fn either(
    flag: RwSignal<bool>,
    yes: &'static str,
    no: &'static str,
) -> impl Fn() -> &'static str + Copy {
    move || if flag.get() { yes } else { no }
}

/// Per-row signals that follow `source` (one flag per row). When `source`
/// changes, only the rows whose flag changed are notified: toggling one of 5,000
/// rows updates one checkbox, and a keystroke in the search touches only the rows
/// it shows or hides, instead of re-running a binding in every row.
pub fn row_flags(source: impl Fn() -> Vec<bool> + 'static) -> Arc<[RwSignal<bool>]> {
    fan_out(Box::new(source))
}

/// As [`row_flags`], with a text per row (or group).
pub fn row_texts(source: impl Fn() -> Vec<String> + 'static) -> Arc<[RwSignal<String>]> {
    fan_out(Box::new(source))
}

fn fan_out<T>(source: Box<dyn Fn() -> Vec<T>>) -> Arc<[RwSignal<T>]>
where
    T: PartialEq + Clone + Send + Sync + 'static,
{
    let mut previous = untrack(&source);
    let values: Arc<[RwSignal<T>]> = previous
        .iter()
        .map(|value| RwSignal::new(value.clone()))
        .collect();
    effect({
        let values = values.clone();
        move || {
            let current = source();
            for ((value, now), before) in values.iter().zip(&current).zip(&previous) {
                if now != before {
                    value.set(now.clone());
                }
            }
            previous = current;
        }
    });
    values
}
