//! The selector: search, the action table, the scopes output and the guide URL.

use std::sync::Arc;

use leptos::ev::{Event, KeyboardEvent};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::Element;

use super::guide::GuidePage;
use super::Config;
use crate::dom::{self, clipboard::Copied};
use crate::model::{url, Catalog, Query, Selection, Separator};

/// The interactive widget for one host element.
#[component]
pub fn Selector(catalog: Arc<Catalog>, config: Config, host: Element) -> impl IntoView {
    let Config {
        param,
        prefix,
        target,
    } = config;
    let total = catalog.len();

    // The URL is the source of truth for the selection: read it at mount and on
    // back/forward; every change is written back by the effect below.
    let restore = {
        let (catalog, param) = (catalog.clone(), param.clone());
        move || {
            let search = dom::location::search();
            let raw = url::raw_param(&search, &param).unwrap_or("");
            url::decode_selection(&catalog, raw)
        }
    };
    let restored = restore();
    let selection = RwSignal::new(restored.selection);
    let status = RwSignal::new(unknown_ids_message(&restored.unknown));
    let search = RwSignal::new(String::new());
    let separator = RwSignal::new(Separator::default());

    let popstate = dom::location::on_popstate(move || {
        let restored = restore();
        selection.set(restored.selection);
        if !restored.unknown.is_empty() {
            status.set(unknown_ids_message(&restored.unknown));
        }
    });
    // Owned by this component: dropped, and so removed, when it unmounts.
    StoredValue::new_local(popstate);

    // Read by every row, the count, "no results" and Select all.
    let shown = Memo::new({
        let catalog = catalog.clone();
        move |_| {
            let query = Query::parse(&search.read());
            catalog.actions().iter().map(|a| query.matches(a)).collect::<Vec<bool>>()
        }
    });
    let shown_count = Memo::new(move |_| shown.read().iter().filter(|s| **s).count());
    // Read by the output, the count, the change event and the guide.
    let scopes = Memo::new({
        let catalog = catalog.clone();
        move |_| selection.read().scopes(&catalog)
    });
    let scopes_text = {
        let catalog = catalog.clone();
        move || separator.get().join(&scopes.read().names(&catalog))
    };
    // Read by the URL field, the Copy URL button and the address-bar effect.
    let guide_url = Memo::new({
        let catalog = catalog.clone();
        move |_| {
            let value = url::encode_selection(&catalog, &selection.read());
            let query = url::with_param(&dom::location::search(), &param, value.as_deref());
            dom::location::href_with_query(&query)
        }
    });

    Effect::new(move |_| {
        let href = guide_url.get();
        if href != dom::location::href() {
            dom::location::replace(&href);
        }
    });

    Effect::new({
        let catalog = catalog.clone();
        move |previous: Option<Selection>| {
            let current = selection.get();
            let changed = match &previous {
                Some(previous) => *previous != current,
                None => !current.is_empty(),
            };
            if changed {
                let actions: Vec<&str> = current
                    .positions()
                    .filter_map(|p| catalog.actions().get(p))
                    .map(|a| a.id.as_str())
                    .collect();
                dom::host::announce_change(&host, &actions, &scopes.read().names(&catalog));
            }
            current
        }
    });

    // The guide is walked once; the effect then writes only what changes, and
    // dropping the page (on unmount) restores it as served.
    let page = StoredValue::new_local(GuidePage::scan(&catalog, target.as_deref()));
    Effect::new({
        let catalog = catalog.clone();
        move |_| {
            let (selection, scopes) = (selection.read(), scopes.read());
            page.update_value(|page| page.apply(&catalog, &selection, &scopes));
        }
    });

    let url_field = NodeRef::<html::Input>::new();
    let scopes_field = NodeRef::<html::Pre>::new();
    let copy = move |text: String, shown: Option<Element>, done: String| {
        let Some(shown) = shown else { return };
        if text.is_empty() {
            status.set("Select at least one action first.".to_owned());
            return;
        }
        spawn_local(async move {
            let message = match dom::clipboard::copy(&text, &shown).await {
                Copied::Done => done,
                Copied::SelectedForManualCopy => "Press Ctrl+C to copy the selected text.".to_owned(),
            };
            // The widget may have been removed while the clipboard was busy.
            let _ = status.try_set(message);
        });
    };
    let copy_scopes = {
        let text = scopes_text.clone();
        move |_| copy(text(), scopes_field.get().map(Into::into), "Copied the scopes.".to_owned())
    };
    let copy_url = move |_| {
        copy(
            guide_url.get_untracked(),
            url_field.get().map(Into::into),
            "Copied the guide URL.".to_owned(),
        )
    };
    let copy_buttons = page.with_value(|page| {
        page.on_copy_button(move |value, shown| {
            let done = format!("Copied {value}.");
            copy(value, Some(shown), done)
        })
    });
    StoredValue::new_local(copy_buttons);

    let select_shown = move |_| {
        selection.update(|s| {
            for (position, shown) in shown.read_untracked().iter().enumerate() {
                if *shown {
                    s.set(position, true);
                }
            }
        })
    };
    let clear = move |_| selection.set(Selection::none(total));
    let on_search_key = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" && !search.read_untracked().is_empty() {
            ev.prevent_default();
            search.set(String::new());
        }
    };

    let search_id = format!("{prefix}-search");
    let url_id = format!("{prefix}-url");
    let scopes_label_id = format!("{prefix}-scopes-label");
    let separator_id = format!("{prefix}-separator");
    let rows = catalog
        .actions()
        .iter()
        .enumerate()
        .map(|(position, action)| {
            let checkbox_id = format!("{prefix}-action-{position}");
            let scope_names = action
                .scopes
                .iter()
                .map(|&s| view! { <code class="guides-scope-selector__scope">{catalog.scope_name(s).to_owned()}</code> })
                .collect_view();
            view! {
                <tr
                    class="guides-scope-selector__row"
                    data-guide-action=action.id.clone()
                    hidden=move || !shown.read().get(position).copied().unwrap_or(false)
                >
                    <td class="guides-scope-selector__cell guides-scope-selector__cell--check">
                        <input
                            type="checkbox"
                            class="guides-scope-selector__checkbox"
                            id=checkbox_id.clone()
                            prop:checked=move || selection.read().contains(position)
                            on:change=move |ev: Event| {
                                let on = event_target_checked(&ev);
                                selection.update(|s| s.set(position, on));
                            }
                        />
                    </td>
                    <td class="guides-scope-selector__cell guides-scope-selector__cell--label">
                        <label for=checkbox_id>{action.label.clone()}</label>
                    </td>
                    <td class="guides-scope-selector__cell guides-scope-selector__cell--scopes">
                        {scope_names}
                    </td>
                </tr>
            }
        })
        .collect_view();

    view! {
        <div class="guides-scope-selector__title">"Select Actions to adjust the guide"</div>
        <div class="guides-scope-selector__muted guides-scope-selector__intro">
            "Some actions may require additional configuration in the provider to be accessible. "
            "Choose the actions you need and the guide will be updated."
        </div>
        <div class="guides-scope-selector__toolbar">
            <label class="guides-scope-selector__visually-hidden" for=search_id.clone()>
                "Search actions"
            </label>
            <input
                type="search"
                id=search_id
                class="guides-scope-selector__input guides-scope-selector__search"
                placeholder="Search actions..."
                autocomplete="off"
                data-guide-action-search=""
                prop:value=move || search.get()
                on:input=move |ev| search.set(event_target_value(&ev))
                on:keydown=on_search_key
            />
            <button type="button" class="guides-scope-selector__quick-btn" data-guide-select-all="" on:click=select_shown>
                "Select all"
            </button>
            <button type="button" class="guides-scope-selector__quick-btn" data-guide-clear="" on:click=clear>
                "Clear"
            </button>
        </div>
        <p class="guides-scope-selector__muted guides-scope-selector__count" data-guide-count="">
            {move || format!("{} of {total} actions · {} selected", shown_count.get(), selection.read().count())}
        </p>
        <div class="guides-scope-selector__list">
            <table class="guides-scope-selector__table">
                <caption class="guides-scope-selector__visually-hidden">"Actions and the scopes they need"</caption>
                <thead class="guides-scope-selector__list-header">
                    <tr>
                        <th scope="col" class="guides-scope-selector__cell guides-scope-selector__cell--check">
                            <span class="guides-scope-selector__visually-hidden">"Selected"</span>
                        </th>
                        <th scope="col" class="guides-scope-selector__cell guides-scope-selector__cell--label">"Action"</th>
                        <th scope="col" class="guides-scope-selector__cell guides-scope-selector__cell--scopes">"Scope(s)"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <p
                class="guides-scope-selector__muted guides-scope-selector__empty"
                data-guide-no-results=""
                hidden=move || total == 0 || shown_count.get() != 0
            >
                "No actions match your search."
            </p>
            <p class="guides-scope-selector__muted guides-scope-selector__empty" data-guide-no-actions="" hidden=total != 0>
                "This connector has no actions to choose from."
            </p>
        </div>
        <div class="guides-scope-selector__url-section">
            <label class="guides-scope-selector__muted guides-scope-selector__field-label" for=url_id.clone()>
                "Dynamic Guide URL"
            </label>
            <div class="guides-scope-selector__row-group">
                <input
                    type="text"
                    readonly
                    id=url_id
                    class="guides-scope-selector__input guides-scope-selector__url"
                    data-guide-url=""
                    node_ref=url_field
                    prop:value=move || guide_url.get()
                />
                <button type="button" class="guides-scope-selector__copy-btn" data-guide-copy-url="" on:click=copy_url>
                    "Copy URL"
                </button>
            </div>
            <div class="guides-scope-selector__muted guides-scope-selector__field-label" id=scopes_label_id.clone()>
                "Scopes Selected"
            </div>
            <div class="guides-scope-selector__row-group">
                <pre
                    class="guides-scope-selector__input guides-scope-selector__output"
                    role="textbox"
                    aria-readonly="true"
                    aria-multiline="true"
                    aria-labelledby=scopes_label_id
                    tabindex="0"
                    data-guide-scopes-output=""
                    node_ref=scopes_field
                >
                    {scopes_text}
                </pre>
                <div class="guides-scope-selector__output-controls">
                    <label class="guides-scope-selector__muted" for=separator_id.clone()>"Separator"</label>
                    <select
                        id=separator_id
                        class="guides-scope-selector__input"
                        data-guide-scope-delimiter=""
                        prop:value=move || separator.get().value()
                        on:change=move |ev| separator.set(Separator::from_value(&event_target_value(&ev)))
                    >
                        {Separator::ALL
                            .map(|s| view! { <option value=s.value()>{s.label()}</option> })
                            .collect_view()}
                    </select>
                    <button type="button" class="guides-scope-selector__copy-btn" data-guide-copy-scopes="" on:click=copy_scopes>
                        "Copy scopes"
                    </button>
                </div>
            </div>
            <p class="guides-scope-selector__muted guides-scope-selector__hint" hidden=move || !selection.read().is_empty()>
                "Select actions above to see the scopes they need."
            </p>
        </div>
        <p class="guides-scope-selector__status" role="status" data-guide-status="">
            {move || status.get()}
        </p>
    }
}

fn unknown_ids_message(unknown: &[String]) -> String {
    const SHOWN: usize = 5;
    match unknown.len() {
        0 => String::new(),
        n => {
            let mut names = unknown[..n.min(SHOWN)].join(", ");
            if n > SHOWN {
                names.push_str(&format!(" and {} more", n - SHOWN));
            }
            let noun = if n == 1 { "action" } else { "actions" };
            format!("The link named {n} unknown {noun}, which were left out: {names}.")
        }
    }
}
