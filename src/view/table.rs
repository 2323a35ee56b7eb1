//! The action table: a header checkbox, then one row per action with a labelled
//! checkbox, in one `<tbody>` per group whose header row has the group's
//! checkbox, name and count and folds it. Rows are built once; a search or a
//! fold only toggles their `hidden`.

use std::any::Any;
use std::ops::Range;
use std::sync::Arc;

use gloo_timers::callback::Timeout;
use leptos::ev::{Event, KeyboardEvent};
use leptos::mount::mount_to;
use leptos::prelude::*;

use super::reactive::{effect, either, handler, memo, row_flags, row_texts};
use crate::dom;
use crate::model::text::fill;
use crate::model::{search, Catalog, Group, Selection, Tally, Texts};

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
    /// The search text: a group folded at one search opens at the next.
    search: RwSignal<String>,
    selection: RwSignal<Selection>,
    /// Applies a reader's change to the selection (and announces it).
    choose: Callback<Selection>,
) -> impl IntoView {
    let row_id = move |prefix: &str, position: usize| format!("{prefix}-action-{position}");
    let chosen_shown = memo(move || selection.read().count_shown(&shown.read()));
    let total = catalog.len();

    // One `<tbody>` per group; with grouping off, or a single group, one
    // without a header row.
    let headed = catalog.is_grouped();
    // A group folded by the reader stays folded while the search text is the
    // one it was folded at: a search opens it, clearing the search folds it
    // again. An open group holds a newline, which no search box can.
    let folded_at: Arc<[RwSignal<String>]> = catalog
        .groups()
        .iter()
        .map(|_| RwSignal::new("\n".to_owned()))
        .collect();
    let folded = memo({
        let folded_at = folded_at.clone();
        move || {
            let search = search.read();
            folded_at
                .iter()
                .map(|at| *at.read() == *search)
                .collect::<Vec<bool>>()
        }
    });
    // Rows a reader can see and reach with the arrow keys.
    let reachable = memo({
        let catalog = catalog.clone();
        move || {
            let (mut rows, folded) = (shown.get(), folded.read());
            for (group, _) in catalog
                .groups()
                .iter()
                .zip(folded.iter())
                .filter(|(_, folded)| **folded)
            {
                rows.iter_mut()
                    .skip(group.actions.start)
                    .take(group.actions.len())
                    .for_each(|row| *row = false);
            }
            rows
        }
    });
    // One flag per group from its tally (its checkbox's state, whether the
    // search empties it).
    let tally_flags = |flag: fn(&Tally) -> bool| {
        let catalog = catalog.clone();
        row_flags(move || {
            let (selection, shown) = (selection.read(), shown.read());
            catalog
                .groups()
                .iter()
                .map(|g| flag(&selection.tally(&shown, g.actions.clone())))
                .collect()
        })
    };
    let group_checked = tally_flags(Tally::checked);
    let group_mixed = tally_flags(Tally::mixed);
    let group_empty = tally_flags(Tally::is_empty);
    let group_open = row_flags(move || folded.read().iter().map(|f| !f).collect());
    // "selected / total" per group, in one pass; a toggle rewrites one count.
    let counts = row_texts({
        let (catalog, template) = (catalog.clone(), texts.group_count().clone());
        move || {
            let selection = selection.read();
            let count = |g: &Group| {
                let chosen = selection
                    .flags()
                    .iter()
                    .skip(g.actions.start)
                    .take(g.actions.len())
                    .filter(|c| **c)
                    .count();
                fill(
                    &template,
                    &[
                        ("selected", &chosen.to_string()),
                        ("total", &g.actions.len().to_string()),
                    ],
                )
            };
            catalog.groups().iter().map(count).collect()
        }
    });

    // One row is in the Tab order (the last one focused, or the nearest shown
    // one); arrow keys move between rows. Tab then crosses the table in one step,
    // however many actions it lists.
    let last_focused = RwSignal::new(0usize);
    let tab_row = memo(move || search::nearest_shown(&reachable.read(), last_focused.get()));
    let hidden = row_flags(move || reachable.read().iter().map(|r| !r).collect());
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
            if let Some(next) = search::next_shown(&reachable.read_untracked(), position, up) {
                dom::focus::focus(&row_id(&prefix, next));
            }
        }
    };

    // The rows at the positions in `range`, in table order.
    let rows = {
        let catalog = catalog.clone();
        move |range: Range<usize>| -> Vec<_> {
            range
                .filter_map(|position| Some((position, catalog.actions().get(position)?)))
                .map(|(position, action)| {
                    let id = row_id(&prefix, position);
                    let (hidden, checked, tab_stop) = (hidden[position], checked[position], tab_stop[position]);
                    let scopes = action
                        .scopes
                        .iter()
                        .map(|&s| view! { <code class="guides-scope-selector__scope">{breakable(catalog.scope_name(s))}</code> })
                        .collect_view();
                    view! {
                        <tr
                            class="guides-scope-selector__row"
                            data-guide-action=action.id.clone()
                            hidden=hidden
                        >
                            <td class="guides-scope-selector__cell guides-scope-selector__cell--check">
                                <input
                                    type="checkbox"
                                    class="guides-scope-selector__checkbox"
                                    id=id.clone()
                                    tabindex=either(tab_stop, "0", "-1")
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
    let rows = Arc::new(rows);

    // A group's `<tbody>`: its header row (when grouped), then the rows at
    // `range`. Later batches may append more rows to it.
    let bodies: Arc<[NodeRef<leptos::html::Tbody>]> =
        catalog.groups().iter().map(|_| NodeRef::new()).collect();
    let section = {
        let (catalog, bodies, rows, texts) =
            (catalog.clone(), bodies.clone(), rows.clone(), texts.clone());
        move |index: usize, range: Range<usize>| {
            let (group, body) = (&catalog.groups()[index], bodies[index]);
            let open = group_open[index];
            let header = headed.then(|| {
                let name = if group.name.is_empty() { texts.group_other() } else { &group.name };
                let count = counts[index];
                let positions = group.actions.clone();
                let toggle = move |ev: Event| {
                    let mut next = selection.get_untracked();
                    next.set_shown_in(&shown.read_untracked(), positions.clone(), event_target_checked(&ev));
                    choose.run(next);
                };
                let folded_at = folded_at[index];
                let fold = move |_| {
                    folded_at.set(if open.get_untracked() { search.get_untracked() } else { "\n".to_owned() });
                };
                view! {
                    <tr class="guides-scope-selector__group-row">
                        <td class="guides-scope-selector__cell guides-scope-selector__cell--check">
                            <input
                                type="checkbox"
                                class="guides-scope-selector__checkbox"
                                aria-label=fill(texts.group_select(), &[("group", name)])
                                prop:checked=group_checked[index]
                                prop:indeterminate=group_mixed[index]
                                on:change=handler(toggle)
                            />
                        </td>
                        <th scope="rowgroup" colspan="2" class="guides-scope-selector__cell guides-scope-selector__group-name">
                            <button
                                type="button"
                                class="guides-scope-selector__group-toggle"
                                aria-expanded=either(open, "true", "false")
                                on:click=handler(fold)
                            >
                                {name.clone()}
                            </button>
                            " "
                            <span class="guides-scope-selector__muted guides-scope-selector__group-count">{count}</span>
                        </th>
                    </tr>
                }
            });
            view! {
                <tbody
                    node_ref=body
                    data-guide-group=headed.then(|| group.name.clone())
                    hidden=group_empty[index]
                >
                    {header}
                    {rows(range)}
                </tbody>
            }
        }
    };

    // Rows are built in batches: the first with the table, before the widget
    // reports ready; the rest appended to their groups' `<tbody>` in later
    // tasks, so a connector with thousands of actions is usable at once. Every
    // group's header exists from the start. The table is `aria-busy` until
    // every row exists.
    let built = RwSignal::new(total.min(ROWS_PER_TASK));
    let later_rows = StoredValue::new_local(Vec::<Box<dyn Any>>::new());
    let next_task = StoredValue::new_local(None::<Timeout>);
    let first = built.get_untracked();
    let sections: Vec<_> = (0..catalog.groups().len())
        .map(|index| section(index, part(&catalog, index, 0..first)))
        .collect();
    effect(move || {
        let start = built.get();
        if start >= total {
            return;
        }
        let (catalog, rows, bodies) = (catalog.clone(), rows.clone(), bodies.clone());
        let task = Timeout::new(0, move || {
            // Each batch makes the browser lay out the whole table again, so
            // batches grow with it: the total work stays linear in the rows.
            let end = (start + ROWS_PER_TASK.max(start / 4)).min(total);
            for index in 0..bodies.len() {
                let part = part(&catalog, index, start..end);
                if part.is_empty() {
                    continue;
                }
                let (Some(body), rows) = (bodies[index].get_untracked(), rows.clone()) else {
                    continue;
                };
                let more = mount_to(body.into(), move || rows(part));
                // Held by the table: dropped, and so unmounted, with it.
                later_rows.try_update_value(|later| later.push(Box::new(more)));
            }
            built.try_set(end);
        });
        next_task.set_value(Some(task));
    });

    view! {
        <table
            class="guides-scope-selector__table"
            aria-busy=move || (built.get() < total).then_some("true")
            on:change=handler(on_change)
            on:focusin=on_focus
            on:keydown=handler(on_key)
        >
            <caption class="guides-scope-selector__visually-hidden">{texts.table_caption().clone()}</caption>
            <thead class="guides-scope-selector__list-header">
                <tr>
                    <th scope="col" class="guides-scope-selector__cell guides-scope-selector__cell--check">
                        <input
                            type="checkbox"
                            class="guides-scope-selector__checkbox"
                            data-guide-select-shown=""
                            aria-label=texts.select_shown().clone()
                            prop:checked=all_chosen
                            prop:indeterminate=some_chosen
                            prop:disabled=move || shown_count.get() == 0
                            on:change=handler(toggle_shown)
                        />
                    </th>
                    <th scope="col" class="guides-scope-selector__cell guides-scope-selector__cell--label">
                        {texts.action_column().clone()}
                    </th>
                    <th scope="col" class="guides-scope-selector__cell guides-scope-selector__cell--scopes">
                        {texts.scopes_column().clone()}
                    </th>
                </tr>
            </thead>
            {sections}
        </table>
    }
}

/// The positions of group `index`'s rows among `batch`.
fn part(catalog: &Catalog, index: usize, batch: Range<usize>) -> Range<usize> {
    let group = catalog
        .groups()
        .get(index)
        .map_or(0..0, |g| g.actions.clone());
    group.start.max(batch.start)..group.end.min(batch.end)
}

/// A scope name that narrow screens may break after each `.`, `/` or `:`
/// (`public.` `workflows.` `readWorkflows`) rather than between any two letters.
fn breakable(scope: &str) -> impl IntoView {
    scope
        .split_inclusive(['.', '/', ':'])
        .map(|part| view! { {part.to_owned()}<wbr /> })
        .collect_view()
}
