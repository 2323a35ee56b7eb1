//! "What do my scopes allow?": a collapsed box where a reader pastes the scopes
//! their OAuth client already has; the actions those scopes fully cover become
//! the selection (and so land in the URL like any other).

use std::sync::Arc;

use leptos::ev::Event;
use leptos::prelude::*;

use crate::model::coverage::cover;
use crate::model::text::fill;
use crate::model::{Catalog, Selection, Texts};

/// Partly covered actions listed at most; the rest are counted.
const PARTIAL_SHOWN: usize = 20;

/// The paste box.
#[component]
pub fn PasteBox(
    catalog: Arc<Catalog>,
    texts: Arc<Texts>,
    prefix: String,
    /// Applies a selection (and announces it).
    choose: Callback<Selection>,
    /// The live region's text.
    status: RwSignal<String>,
) -> impl IntoView {
    // What the last paste left over, as the text the reader sees: pasted scopes
    // this connector does not know, and the actions they cover only in part.
    let unknown = RwSignal::new(String::new());
    let partial = RwSignal::new(String::new());
    let (title, label) = (texts.paste_title().clone(), texts.paste_label().clone());
    let on_input = move |ev: Event| {
        let Some(coverage) = cover(&catalog, &event_target_value(&ev)) else {
            unknown.set(String::new());
            partial.set(String::new());
            return;
        };
        let count = coverage.selection.count().to_string();
        choose.run(coverage.selection);
        status.set(fill(texts.paste_covered(), &[("count", &count)]));
        unknown.set(match coverage.unknown.count {
            0 => String::new(),
            _ => fill(
                texts.paste_unknown(),
                &[("scopes", &coverage.unknown.list(texts.more()))],
            ),
        });
        // One line per action, as text: a list of elements would cost the
        // bundle far more than it gives the reader.
        let mut lines: Vec<String> = coverage
            .partial
            .iter()
            .take(PARTIAL_SHOWN)
            .filter_map(|(position, missing)| {
                let action = catalog.actions().get(*position)?;
                let scopes: Vec<&str> = missing.iter().map(|&s| catalog.scope_name(s)).collect();
                Some(fill(
                    texts.paste_partial(),
                    &[("action", &action.label), ("scopes", &scopes.join(", "))],
                ))
            })
            .collect();
        if coverage.partial.len() > PARTIAL_SHOWN {
            let more = (coverage.partial.len() - PARTIAL_SHOWN).to_string();
            lines.push(fill(texts.more(), &[("count", &more)]));
        }
        partial.set(lines.join("\n"));
    };
    let paste_id = format!("{prefix}-paste");

    view! {
        <details class="guides-scope-selector__more guides-scope-selector__paste">
            <summary class="guides-scope-selector__more-summary">{title}</summary>
            <label class="guides-scope-selector__muted guides-scope-selector__field-label" for=paste_id.clone()>
                {label}
            </label>
            <textarea
                id=paste_id
                rows="3"
                spellcheck="false"
                class="guides-scope-selector__input guides-scope-selector__paste-box"
                data-guide-paste-scopes=""
                on:input=on_input
            ></textarea>
            <p class="guides-scope-selector__muted" data-guide-paste-unknown="">{unknown}</p>
            <p class="guides-scope-selector__lines" data-guide-paste-partial="">{partial}</p>
        </details>
    }
}
