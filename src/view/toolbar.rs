//! The toolbar: the search box, Select all, Read-only and Clear.

use std::sync::Arc;

use gloo_timers::callback::Timeout;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use crate::model::text::fill;
use crate::model::{Catalog, Selection, Texts};

/// How long the search must rest before its result count is announced.
const ANNOUNCE_RESULTS_AFTER_MS: u32 = 500;

/// The search box and the buttons that choose many actions at once.
#[component]
pub fn Toolbar(
    catalog: Arc<Catalog>,
    texts: Arc<Texts>,
    /// The search box's id (the `/` key and focus rescue move focus to it).
    search_id: String,
    search: RwSignal<String>,
    /// Which rows the search shows, by position.
    shown: Memo<Vec<bool>>,
    selection: RwSignal<Selection>,
    /// Applies a reader's change to the selection (and announces it).
    choose: Callback<Selection>,
    /// The live region's text.
    status: RwSignal<String>,
) -> impl IntoView {
    let total = catalog.len();
    let select_shown = move |_| {
        let mut next = selection.get_untracked();
        next.set_shown(&shown.read_untracked(), true);
        choose.run(next);
    };
    let read_only = move |_| {
        let mut next = selection.get_untracked();
        next.choose_reads(&shown.read_untracked(), &catalog);
        choose.run(next);
    };
    let clear = move |_| choose.run(Selection::none(total));

    view! {
        <div class="guides-scope-selector__toolbar">
            <SearchBox texts=texts.clone() id=search_id search shown status />
            <button type="button" class="guides-scope-selector__quick-btn" data-guide-select-all="" on:click=select_shown>
                {texts.select_all().clone()}
            </button>
            <button type="button" class="guides-scope-selector__quick-btn" data-guide-select-read-only="" on:click=read_only>
                {texts.read_only().clone()}
            </button>
            <button type="button" class="guides-scope-selector__quick-btn" data-guide-clear="" on:click=clear>
                {texts.clear().clone()}
            </button>
        </div>
    }
}

/// The search box. Escape clears it; the result count is announced once the
/// reader pauses, not per keystroke.
#[component]
fn SearchBox(
    texts: Arc<Texts>,
    id: String,
    search: RwSignal<String>,
    shown: Memo<Vec<bool>>,
    status: RwSignal<String>,
) -> impl IntoView {
    let pending = StoredValue::new_local(None::<Timeout>);
    let template = texts.results().clone();
    let on_input = move |ev| {
        search.set(event_target_value(&ev));
        let template = template.clone();
        let announce = Timeout::new(ANNOUNCE_RESULTS_AFTER_MS, move || {
            // The widget may have been removed in the meantime.
            if let Some(count) =
                shown.try_with_untracked(|shown| shown.iter().filter(|s| **s).count())
            {
                let _ = status.try_set(fill(&template, &[("shown", &count.to_string())]));
            }
        });
        // Replacing the pending announcement cancels it.
        pending.set_value(Some(announce));
    };
    let on_key = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" && !search.read_untracked().is_empty() {
            ev.prevent_default();
            search.set(String::new());
        }
    };

    view! {
        <label class="guides-scope-selector__visually-hidden" for=id.clone()>
            {texts.search_label().clone()}
        </label>
        <input
            type="search"
            id=id
            class="guides-scope-selector__input guides-scope-selector__search"
            placeholder=texts.search_placeholder().clone()
            autocomplete="off"
            data-guide-action-search=""
            prop:value=search
            on:input=on_input
            on:keydown=on_key
        />
    }
}

/// "12 of 51 actions · 3 selected": what the table shows.
#[component]
pub fn Count(
    texts: Arc<Texts>,
    total: usize,
    shown: Memo<Vec<bool>>,
    selection: RwSignal<Selection>,
) -> impl IntoView {
    let count = move || {
        let (shown, selected) = (
            shown.read().iter().filter(|s| **s).count().to_string(),
            selection.read().count().to_string(),
        );
        let values = [
            ("shown", shown.as_str()),
            ("total", &total.to_string()),
            ("selected", &selected),
        ];
        fill(texts.count(), &values)
    };
    view! { <p class="guides-scope-selector__muted guides-scope-selector__count" data-guide-count="">{count}</p> }
}
