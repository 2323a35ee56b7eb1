//! The selector: the widget for one host element, composed of its parts.

use std::sync::Arc;

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use web_sys::Element;

use super::address::use_address;
use super::change::announce_changes;
use super::copy::Copier;
use super::guide::{sync_guide, GuidePage};
use super::output::Output;
use super::paste::PasteBox;
use super::settle::use_settled;
use super::table::{rescue_focus, ActionTable, NoRows, RowIds};
use super::toolbar::{Count, Toolbar};
use super::Config;
use crate::dom;
use crate::dom::host::WidgetRoot;
use crate::model::text::fill;
use crate::model::{Catalog, Query, ScopeSet, Selection, Texts, Unknown};

/// The interactive widget for one host element.
#[component]
pub fn Selector(
    catalog: Arc<Catalog>,
    config: Config,
    /// What the status line says first: a problem with the page's optional
    /// attributes, or nothing.
    notice: String,
    host: Element,
    /// Where the widget's markup lives: the host's shadow root.
    root: WidgetRoot,
) -> impl IntoView {
    let Config {
        param,
        prefix,
        target,
        texts,
        ..
    } = config;
    let texts = Arc::new(texts);
    let total = catalog.len();

    // The live region's text: the latest thing worth telling the reader.
    let status = RwSignal::new(notice);
    let on_unknown = announce_unknown_ids(status, texts.clone());
    let address = use_address(catalog.clone(), param, on_unknown);
    let selection = address.selection;
    let search = RwSignal::new(String::new());

    let shown = shown_by(catalog.clone(), search);
    let scopes = scopes_of(catalog.clone(), selection);
    let grant = grant_of(catalog.clone(), scopes);

    let choose = announced_choice(selection, grant, status, texts.clone());

    let copier = Copier::new(status, texts.clone());
    announce_changes(host.clone(), catalog.clone(), selection, scopes, grant);
    // The guide, and the placeholder the page served in the host, are the
    // page's framework's until it is done with them (hydration).
    let page = GuidePage::scan(&catalog, target.as_deref(), &prefix);
    let elements = [vec![host.clone()], page.elements()].concat();
    let settled = use_settled(elements, mark_ready(host, root.clone()));
    sync_guide(
        catalog.clone(),
        page,
        settled,
        selection,
        scopes,
        copier.clone(),
        &texts,
    );
    let (ids, search_id) = (
        RowIds::new(&prefix, root.clone()),
        format!("{prefix}-search"),
    );
    rescue_focus(ids.clone(), shown, search_id.clone());

    let on_key = slash_to_search(root.clone(), search_id.clone());

    view! {
        <div class="guides-scope-selector__body" on:keydown=on_key>
            <div class="guides-scope-selector__title">{texts.title().clone()}</div>
            <div class="guides-scope-selector__muted guides-scope-selector__intro">{texts.intro().clone()}</div>
            <Toolbar catalog=catalog.clone() texts=texts.clone() search_id search shown selection choose status />
            <Count texts=texts.clone() total shown selection />
            // Out of the Tab order (Firefox puts scroll boxes in it): the rows
            // are the way in, and arrow keys scroll it.
            <div class="guides-scope-selector__list" tabindex="-1">
                <ActionTable catalog=catalog.clone() texts=texts.clone() ids shown search selection choose />
                <NoRows texts=texts.clone() total shown />
            </div>
            <Output catalog=catalog.clone() texts=texts.clone() prefix=prefix.clone() selection grant href=address.href copier root />
            <PasteBox catalog texts=texts.clone() prefix choose status />
            <p class="guides-scope-selector__status" role="status" data-guide-status="">
                {status}
            </p>
        </div>
    }
}

/// Which rows the search shows, by position.
fn shown_by(catalog: Arc<Catalog>, search: RwSignal<String>) -> Memo<Vec<bool>> {
    Memo::new(move |_| {
        let query = Query::parse_with(&search.read(), dom::text::lowercase);
        catalog.actions().iter().map(|a| query.matches(a)).collect()
    })
}

/// The chosen actions' scopes.
fn scopes_of(catalog: Arc<Catalog>, selection: RwSignal<Selection>) -> Memo<ScopeSet> {
    Memo::new(move |_| selection.read().scopes(&catalog))
}

/// The smallest grant that holds the chosen actions' scopes.
fn grant_of(catalog: Arc<Catalog>, scopes: Memo<ScopeSet>) -> Memo<ScopeSet> {
    Memo::new(move |_| scopes.read().grant(&catalog))
}

/// Tells the reader, in the status line, which ids a link named that this
/// guide does not have.
fn announce_unknown_ids(status: RwSignal<String>, texts: Arc<Texts>) -> impl Fn(&Unknown) {
    move |unknown: &Unknown| {
        if unknown.count > 0 {
            status.set(unknown_ids_message(&texts, unknown));
        }
    }
}

/// "/" jumps to the search from anywhere in the widget, as on many docs sites.
fn slash_to_search(root: WidgetRoot, search_id: String) -> impl Fn(KeyboardEvent) {
    move |ev: KeyboardEvent| {
        let typing = dom::focus::takes_text(ev.target());
        if ev.key() == "/" && !ev.ctrl_key() && !ev.meta_key() && !typing {
            ev.prevent_default();
            dom::focus::focus(&root, &search_id);
        }
    }
}

/// Marks the host ready, and removes the placeholder beside the widget: for
/// when the page's framework is done with them.
fn mark_ready(host: Element, root: WidgetRoot) -> impl FnOnce() {
    move || {
        if root.beside_placeholder() {
            dom::host::clear(&host);
        }
        dom::host::mark(&host, "data-guide-ready", true);
    }
}

/// Applies a reader's change to the selection and announces it (how many
/// actions, and how many scopes to grant): every change a reader makes goes
/// through here.
fn announced_choice(
    selection: RwSignal<Selection>,
    scopes: Memo<ScopeSet>,
    status: RwSignal<String>,
    texts: Arc<Texts>,
) -> Callback<Selection> {
    Callback::new(move |next: Selection| {
        selection.set(next);
        let actions = selection.read_untracked().count().to_string();
        let scopes = scopes.read_untracked().len().to_string();
        let values = [("actions", actions.as_str()), ("scopes", scopes.as_str())];
        status.set(fill(texts.summary(), &values));
    })
}

/// "The link named actions this guide does not have…", naming the first few.
fn unknown_ids_message(texts: &Texts, unknown: &Unknown) -> String {
    let ids = unknown.list(texts.more());
    let count = unknown.count.to_string();
    fill(texts.unknown_ids(), &[("ids", &ids), ("count", &count)])
}
