//! The output: the guide URL and the chosen scopes, each with its copy button,
//! the separator menu, and "Why each scope?".

use std::sync::Arc;

use leptos::prelude::*;

use super::copy::Copier;
use crate::dom;
use crate::dom::host::WidgetRoot;
use crate::model::text::fill;
use crate::model::{Access, Catalog, ScopeIndex, ScopeSet, Selection, Separator, Texts};

/// The URL field and the scopes output, with their copy buttons.
#[component]
pub fn Output(
    catalog: Arc<Catalog>,
    texts: Arc<Texts>,
    prefix: String,
    selection: RwSignal<Selection>,
    /// The smallest grant of the chosen actions' scopes.
    grant: Memo<ScopeSet>,
    /// The page's address with the selection in it.
    href: Memo<String>,
    copier: Copier,
    /// Where the widget's elements are, by id.
    root: WidgetRoot,
) -> impl IntoView {
    view! {
        <div class="guides-scope-selector__url-section">
            <GuideUrl texts=texts.clone() id=format!("{prefix}-url") href copier=copier.clone() root=root.clone() />
            <ScopesOutput catalog=catalog.clone() texts=texts.clone() prefix grant copier root />
            <p class="guides-scope-selector__muted guides-scope-selector__hint" prop:hidden=move || !selection.read().is_empty()>
                {texts.scopes_hint().clone()}
            </p>
            <WhyEachScope catalog texts selection grant />
        </div>
    }
}

/// The guide URL, read-only, with Copy URL.
#[component]
fn GuideUrl(
    texts: Arc<Texts>,
    id: String,
    href: Memo<String>,
    copier: Copier,
    root: WidgetRoot,
) -> impl IntoView {
    let done = texts.copied_url().clone();
    let copy = {
        let id = id.clone();
        move |_| {
            copier.copy(
                href.get_untracked(),
                root.element(&id).map(Into::into),
                done.clone(),
            )
        }
    };

    view! {
        <label class="guides-scope-selector__muted guides-scope-selector__field-label" for=id.clone()>
            {texts.url_label().clone()}
        </label>
        <div class="guides-scope-selector__row-group">
            <input
                type="text"
                readonly
                id=id
                class="guides-scope-selector__input guides-scope-selector__url"
                data-guide-url=""
                prop:value=href
            />
            <button type="button" class="guides-scope-selector__copy-btn" data-guide-copy-url="" on:click=copy>
                {texts.copy_url().clone()}
            </button>
        </div>
    }
}

/// The scopes to grant, joined by the chosen separator, with Copy scopes.
#[component]
fn ScopesOutput(
    catalog: Arc<Catalog>,
    texts: Arc<Texts>,
    prefix: String,
    grant: Memo<ScopeSet>,
    copier: Copier,
    root: WidgetRoot,
) -> impl IntoView {
    // The chosen separator's value, as the menu has it.
    let separator = RwSignal::new(Separator::default().value().to_owned());
    let text = move || Separator::from_value(&separator.read()).join(&grant.read().names(&catalog));
    let (output_id, label_id, separator_id) = (
        format!("{prefix}-scopes"),
        format!("{prefix}-scopes-label"),
        format!("{prefix}-separator"),
    );
    let copy = {
        let (text, done, id) = (
            text.clone(),
            texts.copied_scopes().clone(),
            output_id.clone(),
        );
        move |_| copier.copy(text(), root.element(&id).map(Into::into), done.clone())
    };

    view! {
        <div class="guides-scope-selector__muted guides-scope-selector__field-label" id=label_id.clone()>
            {texts.scopes_label().clone()}
        </div>
        <div class="guides-scope-selector__row-group">
            <pre
                id=output_id
                class="guides-scope-selector__input guides-scope-selector__output"
                role="textbox"
                aria-readonly="true"
                aria-multiline="true"
                aria-labelledby=label_id
                tabindex="0"
                data-guide-scopes-output=""
            >
                {text}
            </pre>
            <div class="guides-scope-selector__output-controls">
                <label class="guides-scope-selector__muted" for=separator_id.clone()>
                    {texts.separator_label().clone()}
                </label>
                <select
                    id=separator_id
                    class="guides-scope-selector__input"
                    data-guide-scope-delimiter=""
                    prop:value=separator
                    on:change=move |ev| separator.set(event_target_value(&ev))
                >
                    {Separator::ALL.map(|s| view! { <option value=s.value()>{texts.separator(s).clone()}</option> }).collect_view()}
                </select>
                <button type="button" class="guides-scope-selector__copy-btn" data-guide-copy-scopes="" on:click=copy>
                    {texts.copy_scopes().clone()}
                </button>
            </div>
        </div>
    }
}

/// "Why each scope?": each scope the chosen actions need, read or write, with
/// the chosen actions that need it, and the granted scope that includes it
/// when it is left out of the output. Built only while its panel is open.
#[component]
fn WhyEachScope(
    catalog: Arc<Catalog>,
    texts: Arc<Texts>,
    selection: RwSignal<Selection>,
    grant: Memo<ScopeSet>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let title = texts.needed_by_title().clone();
    let lines = move || {
        if !open.get() {
            return String::new();
        }
        let index = ScopeIndex::new(&catalog, &selection.read());
        let grant = grant.read();
        let line = |(scope, labels): (_, Vec<&str>)| {
            let access = match catalog.scope_access(scope) {
                Access::Read => texts.access_read(),
                Access::Write => texts.access_write(),
            };
            let by = grant.covering(&catalog, scope);
            let values = [
                ("scope", catalog.scope_name(scope)),
                ("access", access),
                ("actions", &labels.join(", ")),
                ("by", by.map_or("", |by| catalog.scope_name(by))),
            ];
            let template = match by {
                Some(_) => texts.covered_by(),
                None => texts.needed_by(),
            };
            fill(template, &values)
        };
        let lines: Vec<String> = index.needed_by(&catalog).into_iter().map(line).collect();
        lines.join("\n")
    };

    view! {
        <details
            class="guides-scope-selector__more"
            on:toggle=move |ev| open.set(dom::focus::is_open(&ev))
        >
            <summary class="guides-scope-selector__more-summary">{title}</summary>
            <p class="guides-scope-selector__lines" data-guide-scopes-needed-by="">{lines}</p>
        </details>
    }
}
