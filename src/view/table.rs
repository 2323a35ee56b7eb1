//! The action table: a header checkbox, then one row per action with a labelled
//! checkbox, in one `<tbody>` per group whose header row has the group's
//! checkbox, name and count and folds it. Rows are built once; a search or a
//! fold only toggles their `hidden`.

use std::any::Any;
use std::ops::Range;
use std::sync::Arc;

use gloo_timers::callback::Timeout;
use leptos::ev::{Event, FocusEvent, KeyboardEvent};
use leptos::html::Tbody;
use leptos::mount::mount_to;
use leptos::prelude::*;

use super::fan_out::fan_out;
use crate::dom;
use crate::dom::host::WidgetRoot;
use crate::model::text::fill;
use crate::model::{search, Catalog, Group, Selection, Tally, Texts};

/// How many rows are built before ready, and at least per later task.
const ROWS_PER_TASK: usize = 200;

/// The ids of the rows' checkboxes, `<widget>-action-<position>`: built and
/// read here only.
#[derive(Clone)]
pub struct RowIds {
    prefix: String,
    root: WidgetRoot,
}

impl RowIds {
    /// The row ids of the widget in `root` whose element ids start with `widget`.
    pub fn new(widget: &str, root: WidgetRoot) -> RowIds {
        RowIds {
            prefix: format!("{widget}-action-"),
            root,
        }
    }

    fn id(&self, position: usize) -> String {
        format!("{}{position}", self.prefix)
    }

    fn position(&self, id: &str) -> Option<usize> {
        id.strip_prefix(&self.prefix)?.parse().ok()
    }

    /// The row an event happened in.
    fn of_event(&self, ev: &Event) -> Option<usize> {
        self.position(&dom::focus::target_id(ev)?)
    }

    /// The row that has keyboard focus.
    fn focused(&self) -> Option<usize> {
        self.position(&self.root.focused_id()?)
    }

    fn focus(&self, position: usize) {
        dom::focus::focus(&self.root, &self.id(position));
    }
}

/// The table of actions.
#[component]
pub fn ActionTable(
    catalog: Arc<Catalog>,
    texts: Arc<Texts>,
    ids: RowIds,
    /// Which rows the search shows, by position.
    shown: Memo<Vec<bool>>,
    /// The search text: a group folded at one search opens at the next.
    search: RwSignal<String>,
    selection: RwSignal<Selection>,
    /// Applies a reader's change to the selection (and announces it).
    choose: Callback<Selection>,
) -> impl IntoView {
    let groups = GroupState::new(&catalog, search, shown, selection);
    let reachable = groups.reachable(&catalog, shown);
    // One row is in the Tab order (the last one focused, or the nearest one a
    // reader can see); arrow keys move between rows. Tab then crosses the table
    // in one step, however many actions it lists.
    let last_focused = RwSignal::new(0usize);
    let tab_row = Memo::new(move |_| search::nearest_shown(&reachable.read(), last_focused.get()));
    let total = catalog.len();
    let rows = Rows {
        catalog: catalog.clone(),
        ids: ids.clone(),
        hidden: fan_out(move || reachable.read().iter().map(|r| !r).collect()),
        checked: fan_out(move || selection.read().flags().to_vec()),
        tab_stop: fan_out(move || {
            let tab_row = tab_row.get();
            (0..total).map(|p| Some(p) == tab_row).collect()
        }),
    };

    let (on_change, on_focus, on_key) =
        row_listeners(ids, reachable, last_focused, selection, choose);
    let bodies: Arc<[NodeRef<Tbody>]> = catalog.groups().iter().map(|_| NodeRef::new()).collect();
    let built = build_later(catalog.clone(), rows.clone(), bodies.clone());
    let first = built.get_untracked();
    let sections: Vec<_> = (0..catalog.groups().len())
        .map(|index| {
            let header = catalog.is_grouped().then(|| {
                view! { <GroupHeader catalog=catalog.clone() texts=texts.clone() index groups=groups.clone() search shown selection choose /> }
            });
            view! {
                <tbody
                    node_ref=bodies[index]
                    data-guide-group=catalog.is_grouped().then(|| catalog.groups()[index].name.clone())
                    hidden=groups.empty[index]
                >
                    {header}
                    {rows.build(part(&catalog, index, 0..first))}
                </tbody>
            }
        })
        .collect();

    view! {
        <table
            class="guides-scope-selector__table"
            aria-busy=move || if built.get() < total { "true" } else { "false" }
            on:change=on_change
            on:focusin=on_focus
            on:keydown=on_key
        >
            <caption class="guides-scope-selector__visually-hidden">{texts.table_caption().clone()}</caption>
            <HeaderRow texts shown selection choose />
            {sections}
        </table>
    }
}

/// What the table says when it shows no rows: the search matches nothing, or
/// the connector has no actions.
#[component]
pub fn NoRows(texts: Arc<Texts>, total: usize, shown: Memo<Vec<bool>>) -> impl IntoView {
    view! {
        <p
            class="guides-scope-selector__muted guides-scope-selector__empty"
            data-guide-no-results=""
            prop:hidden=move || total == 0 || shown.read().contains(&true)
        >
            {texts.no_results().clone()}
        </p>
        <p class="guides-scope-selector__muted guides-scope-selector__empty" data-guide-no-actions="" hidden=total != 0>
            {texts.no_actions().clone()}
        </p>
    }
}

/// The table's listeners, one of each kind for every row rather than three
/// per row: a checkbox changed, a row focused, an arrow key pressed.
fn row_listeners(
    ids: RowIds,
    reachable: Memo<Vec<bool>>,
    last_focused: RwSignal<usize>,
    selection: RwSignal<Selection>,
    choose: Callback<Selection>,
) -> (impl Fn(Event), impl Fn(FocusEvent), impl Fn(KeyboardEvent)) {
    let on_change = {
        let ids = ids.clone();
        move |ev: Event| {
            if let Some(position) = ids.of_event(&ev) {
                let mut next = selection.get_untracked();
                next.set(position, event_target_checked(&ev));
                choose.run(next);
            }
        }
    };
    let on_focus = {
        let ids = ids.clone();
        move |ev: FocusEvent| {
            if let Some(position) = ids.of_event(&ev) {
                last_focused.set(position);
            }
        }
    };
    let on_key = move |ev: KeyboardEvent| {
        let up = match ev.key().as_str() {
            "ArrowUp" => true,
            "ArrowDown" => false,
            _ => return,
        };
        let Some(position) = ids.of_event(&ev) else {
            return;
        };
        ev.prevent_default();
        if let Some(next) = search::next_shown(&reachable.read_untracked(), position, up) {
            ids.focus(next);
        }
    };
    (on_change, on_focus, on_key)
}

/// The column headings, with the checkbox that chooses or clears every row the
/// search shows (mixed while only some of them are chosen).
#[component]
fn HeaderRow(
    texts: Arc<Texts>,
    shown: Memo<Vec<bool>>,
    selection: RwSignal<Selection>,
    choose: Callback<Selection>,
) -> impl IntoView {
    // Like a group's box, over every row the search shows.
    let tally = move || {
        let (selection, shown) = (selection.read(), shown.read());
        selection.tally(&shown, 0..shown.len())
    };
    let toggle = move |ev: Event| {
        let mut next = selection.get_untracked();
        next.set_shown(&shown.read_untracked(), event_target_checked(&ev));
        choose.run(next);
    };

    view! {
        <thead class="guides-scope-selector__list-header">
            <tr>
                <th scope="col" class="guides-scope-selector__cell guides-scope-selector__cell--check">
                    <input
                        type="checkbox"
                        class="guides-scope-selector__checkbox"
                        data-guide-select-shown=""
                        aria-label=texts.select_shown().clone()
                        prop:checked=move || tally().checked()
                        prop:indeterminate=move || tally().mixed()
                        prop:disabled=move || !shown.read().contains(&true)
                        on:change=toggle
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
    }
}

/// Each group's state, one signal per group for its header row to bind to.
#[derive(Clone)]
struct GroupState {
    /// The search text each group was folded at, or `None` while it is open.
    /// A group stays folded while the search is that text: a search opens it,
    /// clearing the search folds it again.
    folded_at: Arc<[RwSignal<Option<String>>]>,
    /// Which groups are folded now, by index.
    folded: Memo<Vec<bool>>,
    checked: Arc<[RwSignal<bool>]>,
    mixed: Arc<[RwSignal<bool>]>,
    /// Whether the search shows none of the group's rows.
    empty: Arc<[RwSignal<bool>]>,
}

impl GroupState {
    fn new(
        catalog: &Arc<Catalog>,
        search: RwSignal<String>,
        shown: Memo<Vec<bool>>,
        selection: RwSignal<Selection>,
    ) -> GroupState {
        let folded_at: Arc<[RwSignal<Option<String>>]> = catalog
            .groups()
            .iter()
            .map(|_| RwSignal::new(None))
            .collect();
        let folded = Memo::new({
            let folded_at = folded_at.clone();
            move |_| {
                let search = search.read();
                let at_search =
                    |at: &RwSignal<Option<String>>| at.read().as_ref() == Some(&*search);
                folded_at.iter().map(at_search).collect::<Vec<bool>>()
            }
        });
        // A group's checkbox state and emptiness, fanned out from one pass: a
        // change notifies only the groups whose state changed.
        let tallies = |flag: fn(&Tally) -> bool| {
            let catalog = catalog.clone();
            fan_out(move || {
                let (selection, shown) = (selection.read(), shown.read());
                let tally = |g: &Group| flag(&selection.tally(&shown, g.actions.clone()));
                catalog.groups().iter().map(tally).collect()
            })
        };
        GroupState {
            folded_at,
            folded,
            checked: tallies(Tally::checked),
            mixed: tallies(Tally::mixed),
            empty: tallies(Tally::is_empty),
        }
    }

    /// The rows a reader can see and reach with the arrow keys: shown by the
    /// search, in an open group.
    fn reachable(&self, catalog: &Arc<Catalog>, shown: Memo<Vec<bool>>) -> Memo<Vec<bool>> {
        let (catalog, folded) = (catalog.clone(), self.folded);
        Memo::new(move |_| {
            let mut rows = shown.get();
            for (group, _) in catalog
                .groups()
                .iter()
                .zip(folded.read().iter())
                .filter(|(_, f)| **f)
            {
                if let Some(rows) = rows.get_mut(group.actions.clone()) {
                    rows.fill(false);
                }
            }
            rows
        })
    }
}

/// A group's header row: its checkbox, its name (a button that folds it) and
/// its count.
#[component]
fn GroupHeader(
    catalog: Arc<Catalog>,
    texts: Arc<Texts>,
    index: usize,
    groups: GroupState,
    search: RwSignal<String>,
    shown: Memo<Vec<bool>>,
    selection: RwSignal<Selection>,
    choose: Callback<Selection>,
) -> impl IntoView {
    let group = &catalog.groups()[index];
    let name = if group.name.is_empty() {
        texts.group_other().clone()
    } else {
        group.name.clone()
    };
    let positions = group.actions.clone();
    // "selected / total": rerun on every change of selection, one short count.
    let count = {
        let (range, template) = (positions.clone(), texts.group_count().clone());
        move || {
            let total = range.len().to_string();
            let chosen = selection.read();
            let flags = chosen.flags().get(range.clone()).unwrap_or_default();
            let selected = flags.iter().filter(|c| **c).count().to_string();
            fill(&template, &[("selected", &selected), ("total", &total)])
        }
    };
    let toggle = move |ev: Event| {
        let mut next = selection.get_untracked();
        next.set_shown_in(
            &shown.read_untracked(),
            positions.clone(),
            event_target_checked(&ev),
        );
        choose.run(next);
    };
    // Folded or not changes only when a group is folded or the search changes.
    let (folded, folded_at) = (groups.folded, groups.folded_at[index]);
    let open = move || !folded.read().get(index).copied().unwrap_or(false);
    let fold = move |_| folded_at.set(untrack(open).then(|| search.get_untracked()));

    view! {
        <tr class="guides-scope-selector__group-row">
            <td class="guides-scope-selector__cell guides-scope-selector__cell--check">
                <input
                    type="checkbox"
                    class="guides-scope-selector__checkbox"
                    aria-label=fill(texts.group_select(), &[("group", &name)])
                    prop:checked=groups.checked[index]
                    prop:indeterminate=groups.mixed[index]
                    on:change=toggle
                />
            </td>
            <th scope="rowgroup" colspan="2" class="guides-scope-selector__cell guides-scope-selector__group-name">
                <button
                    type="button"
                    class="guides-scope-selector__group-toggle"
                    aria-expanded=move || if open() { "true" } else { "false" }
                    on:click=fold
                >
                    {name}
                </button>
                " "
                <span class="guides-scope-selector__muted guides-scope-selector__group-count">{count}</span>
            </th>
        </tr>
    }
}

/// Builds rows, each bound to its own signals.
#[derive(Clone)]
struct Rows {
    catalog: Arc<Catalog>,
    ids: RowIds,
    hidden: Arc<[RwSignal<bool>]>,
    checked: Arc<[RwSignal<bool>]>,
    /// Whether the row's checkbox is the table's one Tab stop.
    tab_stop: Arc<[RwSignal<bool>]>,
}

impl Rows {
    /// The rows at the positions in `range`, in table order.
    fn build(&self, range: Range<usize>) -> Vec<impl IntoView> {
        let catalog = &self.catalog;
        range
            .filter_map(|position| Some((position, catalog.actions().get(position)?)))
            .map(|(position, action)| {
                let id = self.ids.id(position);
                let tab_stop = self.tab_stop[position];
                let scopes = action
                    .scopes
                    .iter()
                    .map(|&s| view! { <code class="guides-scope-selector__scope">{catalog.scope_name(s).to_owned()}</code> })
                    .collect_view();
                view! {
                    <tr class="guides-scope-selector__row" data-guide-action=action.id.clone() hidden=self.hidden[position]>
                        <td class="guides-scope-selector__cell guides-scope-selector__cell--check">
                            <input
                                type="checkbox"
                                class="guides-scope-selector__checkbox"
                                id=id.clone()
                                tabindex=move || if tab_stop.get() { "0" } else { "-1" }
                                prop:checked=self.checked[position]
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
}

/// Builds the rows the table was not built with, in later tasks, appending each
/// batch to its groups' `<tbody>`: a connector with thousands of actions is
/// usable at once. Returns how many rows exist so far (the table is `aria-busy`
/// until every row does).
fn build_later(
    catalog: Arc<Catalog>,
    rows: Rows,
    bodies: Arc<[NodeRef<Tbody>]>,
) -> RwSignal<usize> {
    let built = RwSignal::new(catalog.len().min(ROWS_PER_TASK));
    let later = Batches {
        catalog,
        rows,
        bodies,
        built,
        held: StoredValue::new_local(Vec::new()),
        next: StoredValue::new_local(None),
    };
    later.schedule();
    built
}

/// The rows still to build, a batch per task.
#[derive(Clone)]
struct Batches {
    catalog: Arc<Catalog>,
    rows: Rows,
    bodies: Arc<[NodeRef<Tbody>]>,
    /// How many rows exist.
    built: RwSignal<usize>,
    /// Each batch's rows, held by the table: dropped, and so unmounted, with it.
    held: StoredValue<Vec<Box<dyn Any>>, LocalStorage>,
    /// The next batch's task, cancelled when the table goes.
    next: StoredValue<Option<Timeout>, LocalStorage>,
}

impl Batches {
    fn schedule(self) {
        let start = self.built.get_untracked();
        if start < self.catalog.len() {
            let next = self.next;
            next.set_value(Some(Timeout::new(0, move || self.build(start))));
        }
    }

    fn build(self, start: usize) {
        // Each batch makes the browser lay out the whole table again, so
        // batches grow with it: the total work stays linear in the rows.
        let end = (start + ROWS_PER_TASK.max(start / 4)).min(self.catalog.len());
        for (index, body) in self.bodies.iter().enumerate() {
            let part = part(&self.catalog, index, start..end);
            let Some(body) = body.get_untracked().filter(|_| !part.is_empty()) else {
                continue;
            };
            let rows = self.rows.clone();
            let batch = mount_to(body.into(), move || rows.build(part));
            self.held
                .try_update_value(|held| held.push(Box::new(batch)));
        }
        // The table may have gone while the batch was waiting.
        if self.built.try_set(end).is_none() {
            self.schedule();
        }
    }
}

/// Moves focus when a search hides the focused row: to the nearest row still
/// shown, or to the search box, so keyboard users never lose their place.
pub fn rescue_focus(ids: RowIds, shown: Memo<Vec<bool>>, search_id: String) {
    Effect::new(move |_| {
        let shown = shown.read();
        let Some(position) = ids.focused() else {
            return;
        };
        match search::nearest_shown(&shown, position) {
            Some(nearest) if nearest == position => {}
            Some(nearest) => ids.focus(nearest),
            None => dom::focus::focus(&ids.root, &search_id),
        }
    });
}

/// The positions of group `index`'s rows among `batch`.
fn part(catalog: &Catalog, index: usize, batch: Range<usize>) -> Range<usize> {
    let group = catalog
        .groups()
        .get(index)
        .map_or(0..0, |g| g.actions.clone());
    group.start.max(batch.start)..group.end.min(batch.end)
}
