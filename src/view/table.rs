//! The action table: a header checkbox, then one row per action with a labelled
//! checkbox. Rows are built once; a search only toggles their `hidden`.

use std::any::Any;
use std::ops::Range;
use std::sync::Arc;

use gloo_timers::callback::Timeout;
use leptos::ev::{Event, KeyboardEvent};
use leptos::mount::mount_to;
use leptos::prelude::*;

use super::reactive::{effect, handler, memo, row_flags};
use crate::dom;
use crate::model::{search, Catalog, Selection, Texts};

/// How many rows are built before ready, and at least per later task.
const ROWS_PER_TASK: usize = 200;

/// The table of actions.
#[component]
pub fn ActionTable(
    catalog: Arc<Catalog>,
    texts: Arc<Texts>,
    prefix: String,
    /// Which rows the search shows, by position.
    shown: Memo<Vec<bool>>,
    /// How many rows the search shows.
    shown_count: Memo<usize>,
    selection: RwSignal<Selection>,
    /// Applies a reader's change to the selection (and announces it).
    choose: Callback<Selection>,
) -> impl IntoView {
    let row_id = move |prefix: &str, position: usize| format!("{prefix}-action-{position}");
    let chosen_shown = memo(move || selection.read().count_shown(&shown.read()));
    // One row is in the Tab order (the last one focused, or the nearest shown
    // one); arrow keys move between rows. Tab then crosses the table in one step,
    // however many actions it lists.
    let last_focused = RwSignal::new(0usize);
    let tab_row = memo(move || search::nearest_shown(&shown.read(), last_focused.get()));
    let total = catalog.len();
    let visible = row_flags(move || shown.get());
    let checked = row_flags(move || selection.read().flags().to_vec());
    let tab_stop = row_flags(move || {
        let tab_row = tab_row.get();
        (0..total).map(|p| Some(p) == tab_row).collect()
    });

    let all_chosen = move || {
        let (chosen, shown) = (chosen_shown.get(), shown_count.get());
        shown != 0 && chosen == shown
    };
    let some_chosen = move || {
        let (chosen, shown) = (chosen_shown.get(), shown_count.get());
        chosen != 0 && chosen != shown
    };
    let toggle_shown = move |ev: Event| {
        let mut next = selection.get_untracked();
        next.set_shown(&shown.read_untracked(), event_target_checked(&ev));
        choose.run(next);
    };

    // One listener of each kind for the whole table, not three per row: a row is
    // found from its checkbox's id, `<prefix>-action-<position>`.
    let row_prefix = format!("{prefix}-action-");
    let position_of = move |ev: &Event| {
        dom::focus::target_id(ev)?
            .strip_prefix(&row_prefix)?
            .parse::<usize>()
            .ok()
    };
    let on_change = {
        let position_of = position_of.clone();
        move |ev: Event| {
            let Some(position) = position_of(&ev) else {
                return;
            };
            let mut next = selection.get_untracked();
            next.set(position, event_target_checked(&ev));
            choose.run(next);
        }
    };
    let on_focus = {
        let position_of = position_of.clone();
        move |ev: leptos::ev::FocusEvent| {
            if let Some(position) = position_of(&ev) {
                last_focused.set(position);
            }
        }
    };
    let on_key = {
        let prefix = prefix.clone();
        move |ev: KeyboardEvent| {
            let up = match ev.key().as_str() {
                "ArrowUp" => true,
                "ArrowDown" => false,
                _ => return,
            };
            let Some(position) = position_of(&ev) else {
                return;
            };
            ev.prevent_default();
            if let Some(next) = search::next_shown(&shown.read_untracked(), position, up) {
                dom::focus::focus(&row_id(&prefix, next));
            }
        }
    };

    // The rows at the positions in `range`, in page order.
    let rows = {
        let catalog = catalog.clone();
        move |range: Range<usize>| -> Vec<_> {
            range
                .filter_map(|position| Some((position, catalog.actions().get(position)?)))
                .map(|(position, action)| {
                    let id = row_id(&prefix, position);
                    let (visible, checked, tab_stop) = (visible[position], checked[position], tab_stop[position]);
                    let scopes = action
                        .scopes
                        .iter()
                        .map(|&s| view! { <code class="guides-scope-selector__scope">{breakable(catalog.scope_name(s))}</code> })
                        .collect_view();
                    view! {
                        <tr
                            class="guides-scope-selector__row"
                            data-guide-action=action.id.clone()
                            hidden=move || !visible.get()
                        >
                            <td class="guides-scope-selector__cell guides-scope-selector__cell--check">
                                <input
                                    type="checkbox"
                                    class="guides-scope-selector__checkbox"
                                    id=id.clone()
                                    tabindex=move || if tab_stop.get() { "0" } else { "-1" }
                                    prop:checked=checked
                                />
                            </td>
                            <td class="guides-scope-selector__cell guides-scope-selector__cell--label">
                                <label for=id>{action.label.clone()}</label>
                            </td>
                            <td class="guides-scope-selector__cell guides-scope-selector__cell--scopes">{scopes}</td>
                        </tr>
                    }
                })
                .collect()
        }
    };

    // Rows are built in batches: the first with the table, before the widget
    // reports ready; the rest appended in later tasks, so a connector with
    // thousands of actions is usable at once. The table is `aria-busy` until
    // every row exists.
    let tbody = NodeRef::<leptos::html::Tbody>::new();
    let built = RwSignal::new(total.min(ROWS_PER_TASK));
    let later_rows = StoredValue::new_local(Vec::<Box<dyn Any>>::new());
    let next_task = StoredValue::new_local(None::<Timeout>);
    let first_rows = rows(0..built.get_untracked());
    let rows = Arc::new(rows);
    effect(move || {
        let start = built.get();
        let Some(tbody) = tbody.get_untracked().filter(|_| start < total) else {
            return;
        };
        let rows = rows.clone();
        let task = Timeout::new(0, move || {
            // Each batch makes the browser lay out the whole table again, so
            // batches grow with it: the total work stays linear in the rows.
            let end = (start + ROWS_PER_TASK.max(start / 4)).min(total);
            let more = mount_to(tbody.into(), move || rows(start..end));
            // Held by the table: dropped, and so unmounted, with it.
            later_rows.try_update_value(|later| later.push(Box::new(more)));
            built.try_set(end);
        });
        next_task.set_value(Some(task));
    });

    view! {
        <table class="guides-scope-selector__table" aria-busy=move || (built.get() < total).then_some("true")>
            <caption class="guides-scope-selector__visually-hidden">{texts.table_caption.clone()}</caption>
            <thead class="guides-scope-selector__list-header">
                <tr>
                    <th scope="col" class="guides-scope-selector__cell guides-scope-selector__cell--check">
                        <input
                            type="checkbox"
                            class="guides-scope-selector__checkbox"
                            data-guide-select-shown=""
                            aria-label=texts.select_shown.clone()
                            prop:checked=all_chosen
                            prop:indeterminate=some_chosen
                            prop:disabled=move || shown_count.get() == 0
                            on:change=handler(toggle_shown)
                        />
                    </th>
                    <th scope="col" class="guides-scope-selector__cell guides-scope-selector__cell--label">
                        {texts.action_column.clone()}
                    </th>
                    <th scope="col" class="guides-scope-selector__cell guides-scope-selector__cell--scopes">
                        {texts.scopes_column.clone()}
                    </th>
                </tr>
            </thead>
            <tbody node_ref=tbody on:change=handler(on_change) on:focusin=on_focus on:keydown=handler(on_key)>
                {first_rows}
            </tbody>
        </table>
    }
}

/// A scope name that narrow screens may break after each `.`, `/` or `:`
/// (`public.` `workflows.` `readWorkflows`) rather than between any two letters.
fn breakable(scope: &str) -> impl IntoView {
    scope
        .split_inclusive(['.', '/', ':'])
        .map(|part| view! { {part.to_owned()}<wbr /> })
        .collect_view()
}
