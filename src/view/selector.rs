//! The selector: search, the action table, the scopes output and the guide URL.

use std::sync::Arc;

use gloo_timers::callback::Timeout;
use leptos::ev::{Event, KeyboardEvent};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::Element;

use super::guide::GuidePage;
use super::paste::PasteBox;
use super::reactive::{effect, handler, hold, memo};
use super::table::ActionTable;
use super::Config;
use crate::dom::{self, clipboard::Copied};
use crate::model::text::fill;
use crate::model::{
    search, separator, url, Access, Catalog, Query, ScopeIndex, Selection, Separator, Texts,
};

/// How long the search must rest before its result count is announced.
const ANNOUNCE_RESULTS_AFTER_MS: u32 = 500;
/// How long the selection must rest before the address bar is rewritten.
const WRITE_ADDRESS_AFTER_MS: u32 = 80;

/// The interactive widget for one host element.
#[component]
pub fn Selector(catalog: Arc<Catalog>, config: Config, host: Element) -> impl IntoView {
    let Config {
        param,
        prefix,
        target,
        texts,
        ..
    } = config;
    let texts = Arc::new(texts);
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
    let unknown_message = {
        let texts = texts.clone();
        move |unknown: &[String]| unknown_ids_message(&texts, unknown)
    };
    let restored = restore();
    let selection = RwSignal::new(restored.selection);
    // The live region's text: the latest thing worth telling the reader.
    let status = RwSignal::new(unknown_message(&restored.unknown));
    let search = RwSignal::new(String::new());
    let separator = RwSignal::new(Separator::default());

    // A pending write of the address bar (see the effect below).
    let address_timer = StoredValue::new_local(None::<Timeout>);
    let popstate = dom::location::on_popstate(move || {
        // Back/forward wins over a write still waiting for its turn.
        address_timer.set_value(None);
        // Setting the selection, even to an equal one, also refreshes the URL
        // field, since back/forward may have changed other parts of the address.
        let restored = restore();
        selection.set(restored.selection);
        if !restored.unknown.is_empty() {
            status.set(unknown_message(&restored.unknown));
        }
    });
    hold(popstate);

    // Read by every row, the count, "no results", Select all and the header box.
    let shown = memo({
        let catalog = catalog.clone();
        move || {
            let query = Query::parse(&search.read());
            catalog
                .actions()
                .iter()
                .map(|a| query.matches(a))
                .collect::<Vec<bool>>()
        }
    });
    let shown_count = memo(move || shown.read().iter().filter(|s| **s).count());
    // Read by the output, the summary, the change event and the guide.
    let scopes = memo({
        let catalog = catalog.clone();
        move || selection.read().scopes(&catalog)
    });
    let scopes_text = {
        let catalog = catalog.clone();
        move || separator.get().join(&scopes.read().names(&catalog))
    };
    // The selection as its query parameter value; read by the URL field and the
    // address bar.
    let encoded = memo({
        let catalog = catalog.clone();
        move || url::encode_selection(&catalog, &selection.read())
    });
    // The current address with the selection in it: the URL field and Copy URL.
    let guide_url = memo({
        let param = param.clone();
        move || {
            selection.track();
            address_with(&param, encoded.read().as_deref())
        }
    });

    // Every change a reader makes goes through here, so each one is announced.
    let choose = Callback::new({
        let texts = texts.clone();
        move |next: Selection| {
            selection.set(next);
            let actions = selection.read_untracked().count().to_string();
            let scopes = scopes.read_untracked().len().to_string();
            status.set(fill(
                texts.summary(),
                &[("actions", &actions), ("scopes", &scopes)],
            ));
        }
    });

    // The address bar follows the selection shortly after each change: Chromium
    // spends milliseconds per replaceState and ignores bursts of them, so a run
    // of clicks writes once. The URL field is never behind. At mount, the address
    // is rewritten only if it needs correcting (unknown ids, an empty parameter).
    let needs_correction = guide_url.get_untracked() != dom::location::href();
    let mut written: Option<Option<String>> = None;
    effect(move || {
        let value = encoded.get();
        if written
            .as_ref()
            .map_or(needs_correction, |written| *written != value)
        {
            let (param, value) = (param.clone(), value.clone());
            let write = Timeout::new(WRITE_ADDRESS_AFTER_MS, move || {
                // Applied to the address as it is now, which others may have changed.
                let href = address_with(&param, value.as_deref());
                if href != dom::location::href() {
                    dom::location::replace(&href);
                }
            });
            // Replacing a pending write cancels it.
            address_timer.set_value(Some(write));
        }
        written = Some(value);
    });

    let mut announced: Option<Selection> = None;
    effect({
        let catalog = catalog.clone();
        move || {
            let current = selection.get();
            let changed = match &announced {
                Some(previous) => *previous != current,
                None => !current.is_empty(),
            };
            if changed {
                let actions: Vec<&str> = current
                    .positions()
                    .filter_map(|p| catalog.actions().get(p))
                    .map(|a| a.id.as_str())
                    .collect();
                let detail = separator::change_detail(&actions, &scopes.read().names(&catalog));
                dom::host::announce_change(&host, &detail);
            }
            announced = Some(current);
        }
    });

    // The guide is walked once; the effect then writes only what changes, and
    // dropping the page (on unmount) restores it as served.
    let page = StoredValue::new_local(GuidePage::scan(&catalog, target.as_deref(), &prefix));
    effect({
        let catalog = catalog.clone();
        move || {
            let (selection, scopes) = (selection.read(), scopes.read());
            page.update_value(|page| page.apply(&catalog, &selection, &scopes));
        }
    });

    // A search that hides the focused row moves focus to the nearest row still
    // shown, or to the search box, so keyboard users never lose their place.
    let search_id = format!("{prefix}-search");
    effect({
        let (prefix, search_id) = (prefix.clone(), search_id.clone());
        move || {
            let shown = shown.read();
            let row = format!("{prefix}-action-");
            let Some(position) = dom::focus::focused_id()
                .and_then(|id| id.strip_prefix(&row).and_then(|p| p.parse::<usize>().ok()))
            else {
                return;
            };
            match search::nearest_shown(&shown, position) {
                Some(p) if p == position => {}
                Some(p) => dom::focus::focus(&format!("{row}{p}")),
                None => dom::focus::focus(&search_id),
            }
        }
    });

    let url_field = NodeRef::<html::Input>::new();
    let scopes_field = NodeRef::<html::Pre>::new();
    let copy = {
        let texts = texts.clone();
        move |text: String, shown: Option<Element>, done: String| {
            let Some(shown) = shown else { return };
            if text.is_empty() {
                status.set(texts.nothing_to_copy().clone());
                return;
            }
            let refused = texts.press_to_copy().clone();
            spawn_local(async move {
                let message = match dom::clipboard::copy(&text, &shown).await {
                    Copied::Done => done,
                    Copied::SelectedForManualCopy => refused,
                };
                // The widget may have been removed while the clipboard was busy.
                let _ = status.try_set(message);
            });
        }
    };
    let copy_scopes = {
        let (copy, text, done) = (
            copy.clone(),
            scopes_text.clone(),
            texts.copied_scopes().clone(),
        );
        move |_| copy(text(), scopes_field.get().map(Into::into), done.clone())
    };
    let copy_url = {
        let (copy, done) = (copy.clone(), texts.copied_url().clone());
        move |_| {
            copy(
                guide_url.get_untracked(),
                url_field.get().map(Into::into),
                done.clone(),
            )
        }
    };
    let copy_buttons = page.with_value(|page| {
        let template = texts.copied_scope().clone();
        page.on_copy_button(move |value, shown| {
            let done = fill(&template, &[("scope", &value)]);
            copy(value, Some(shown), done)
        })
    });
    hold(copy_buttons);

    let select_shown = move |_| {
        let mut next = selection.get_untracked();
        next.set_shown(&shown.read_untracked(), true);
        choose.run(next);
    };
    let clear = move |_| choose.run(Selection::none(total));
    let read_only = {
        let catalog = catalog.clone();
        move |_| {
            let mut next = selection.get_untracked();
            next.choose_reads(&shown.read_untracked(), &catalog);
            choose.run(next);
        }
    };

    // Why each scope is there: built only while its panel is open.
    let why_open = RwSignal::new(false);
    let needed_by = {
        let (catalog, texts) = (catalog.clone(), texts.clone());
        move || {
            if !why_open.get() {
                return String::new();
            }
            let index = ScopeIndex::new(&catalog, &selection.read());
            let lines: Vec<String> = index
                .needed_by(&catalog)
                .into_iter()
                .map(|(scope, labels)| {
                    let access = match catalog.scope_access(scope) {
                        Access::Read => &texts.access_read(),
                        Access::Write => &texts.access_write(),
                    };
                    let values = [
                        ("scope", catalog.scope_name(scope)),
                        ("access", access),
                        ("actions", &labels.join(", ")),
                    ];
                    fill(texts.needed_by(), &values)
                })
                .collect();
            lines.join("\n")
        }
    };

    // The result count is announced once the reader pauses, not per keystroke.
    let results_timer = StoredValue::new_local(None::<Timeout>);
    let on_search = {
        let template = texts.results().clone();
        move |ev| {
            search.set(event_target_value(&ev));
            let template = template.clone();
            let timer = Timeout::new(ANNOUNCE_RESULTS_AFTER_MS, move || {
                if let Some(count) = shown_count.try_get_untracked() {
                    let _ = status.try_set(fill(&template, &[("shown", &count.to_string())]));
                }
            });
            // Replacing the previous timer cancels it.
            results_timer.set_value(Some(timer));
        }
    };
    let on_search_key = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" && !search.read_untracked().is_empty() {
            ev.prevent_default();
            search.set(String::new());
        }
    };
    // "/" jumps to the search from anywhere in the widget, as on many docs sites.
    let on_widget_key = {
        let search_id = search_id.clone();
        move |ev: KeyboardEvent| {
            if ev.key() == "/"
                && !ev.ctrl_key()
                && !ev.meta_key()
                && !dom::focus::takes_text(ev.target())
            {
                ev.prevent_default();
                dom::focus::focus(&search_id);
            }
        }
    };

    let url_id = format!("{prefix}-url");
    let scopes_label_id = format!("{prefix}-scopes-label");
    let separator_id = format!("{prefix}-separator");
    let count_text = {
        let template = texts.count().clone();
        move || {
            fill(
                &template,
                &[
                    ("shown", &shown_count.get().to_string()),
                    ("total", &total.to_string()),
                    ("selected", &selection.read().count().to_string()),
                ],
            )
        }
    };

    view! {
        <div class="guides-scope-selector__body" on:keydown=handler(on_widget_key)>
            <div class="guides-scope-selector__title">{texts.title().clone()}</div>
            <div class="guides-scope-selector__muted guides-scope-selector__intro">{texts.intro().clone()}</div>
            <div class="guides-scope-selector__toolbar">
                <label class="guides-scope-selector__visually-hidden" for=search_id.clone()>
                    {texts.search_label().clone()}
                </label>
                <input
                    type="search"
                    id=search_id
                    class="guides-scope-selector__input guides-scope-selector__search"
                    placeholder=texts.search_placeholder().clone()
                    autocomplete="off"
                    data-guide-action-search=""
                    prop:value=search
                    on:input=handler(on_search)
                    on:keydown=handler(on_search_key)
                />
                <button type="button" class="guides-scope-selector__quick-btn" data-guide-select-all="" on:click=handler(select_shown)>
                    {texts.select_all().clone()}
                </button>
                <button type="button" class="guides-scope-selector__quick-btn" data-guide-select-read-only="" on:click=handler(read_only)>
                    {texts.read_only().clone()}
                </button>
                <button type="button" class="guides-scope-selector__quick-btn" data-guide-clear="" on:click=handler(clear)>
                    {texts.clear().clone()}
                </button>
            </div>
            <p class="guides-scope-selector__muted guides-scope-selector__count" data-guide-count="">{count_text}</p>
            <div class="guides-scope-selector__list">
                <ActionTable
                    catalog=catalog.clone()
                    texts=texts.clone()
                    prefix=prefix.clone()
                    shown
                    shown_count
                    search
                    selection
                    choose
                />
                <p
                    class="guides-scope-selector__muted guides-scope-selector__empty"
                    data-guide-no-results=""
                    hidden=move || total == 0 || shown_count.get() != 0
                >
                    {texts.no_results().clone()}
                </p>
                <p class="guides-scope-selector__muted guides-scope-selector__empty" data-guide-no-actions="" hidden=total != 0>
                    {texts.no_actions().clone()}
                </p>
            </div>
            <div class="guides-scope-selector__url-section">
                <label class="guides-scope-selector__muted guides-scope-selector__field-label" for=url_id.clone()>
                    {texts.url_label().clone()}
                </label>
                <div class="guides-scope-selector__row-group">
                    <input
                        type="text"
                        readonly
                        id=url_id
                        class="guides-scope-selector__input guides-scope-selector__url"
                        data-guide-url=""
                        node_ref=url_field
                        prop:value=guide_url
                    />
                    <button type="button" class="guides-scope-selector__copy-btn" data-guide-copy-url="" on:click=handler(copy_url)>
                        {texts.copy_url().clone()}
                    </button>
                </div>
                <div class="guides-scope-selector__muted guides-scope-selector__field-label" id=scopes_label_id.clone()>
                    {texts.scopes_label().clone()}
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
                        <label class="guides-scope-selector__muted" for=separator_id.clone()>
                            {texts.separator_label().clone()}
                        </label>
                        <select
                            id=separator_id
                            class="guides-scope-selector__input"
                            data-guide-scope-delimiter=""
                            prop:value=move || separator.get().value()
                            on:change=handler(move |ev: Event| separator.set(Separator::from_value(&event_target_value(&ev))))
                        >
                            {Separator::ALL
                                .map(|s| view! { <option value=s.value()>{s.label()}</option> })
                                .collect_view()}
                        </select>
                        <button type="button" class="guides-scope-selector__copy-btn" data-guide-copy-scopes="" on:click=handler(copy_scopes)>
                            {texts.copy_scopes().clone()}
                        </button>
                    </div>
                </div>
                <p class="guides-scope-selector__muted guides-scope-selector__hint" hidden=move || !selection.read().is_empty()>
                    {texts.scopes_hint().clone()}
                </p>
                <details
                    class="guides-scope-selector__more"
                    on:toggle=handler(move |ev: Event| why_open.set(dom::focus::is_open(&ev)))
                >
                    <summary class="guides-scope-selector__more-summary">{texts.needed_by_title().clone()}</summary>
                    <p class="guides-scope-selector__lines" data-guide-scopes-needed-by="">{needed_by}</p>
                </details>
            </div>
            <PasteBox catalog=catalog.clone() texts=texts.clone() prefix=prefix.clone() choose status />
            <p class="guides-scope-selector__status" role="status" data-guide-status="">
                {status}
            </p>
        </div>
    }
}

/// The current address with `param` set to `value`, or removed.
fn address_with(param: &str, value: Option<&str>) -> String {
    dom::location::href_with_query(&url::with_param(&dom::location::search(), param, value))
}

fn unknown_ids_message(texts: &Texts, unknown: &[String]) -> String {
    const SHOWN: usize = 5;
    if unknown.is_empty() {
        return String::new();
    }
    let mut ids = unknown[..unknown.len().min(SHOWN)].join(", ");
    if unknown.len() > SHOWN {
        ids.push_str(&format!(" (+{} more)", unknown.len() - SHOWN));
    }
    fill(
        texts.unknown_ids(),
        &[("ids", &ids), ("count", &unknown.len().to_string())],
    )
}
