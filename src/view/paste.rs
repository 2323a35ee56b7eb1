//! "What do my scopes allow?": a collapsed box where a reader pastes the scopes
//! their OAuth client already has; the actions those scopes fully cover become
//! the selection (and so land in the URL like any other).

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::coverage::{cover, parse_granted, Coverage};
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
    let result = RwSignal::new(None::<Coverage>);
    let on_input = {
        let (catalog, texts) = (catalog.clone(), texts.clone());
        move |ev| {
            let granted = parse_granted(&event_target_value(&ev));
            if granted.is_empty() {
                result.set(None);
                return;
            }
            let coverage = cover(&catalog, &granted);
            let count = coverage.selection.count().to_string();
            choose.run(coverage.selection.clone());
            status.set(fill(&texts.paste_covered, &[("count", &count)]));
            result.set(Some(coverage));
        }
    };
    let unknown = {
        let template = texts.paste_unknown.clone();
        move || {
            result.with(|r| match r {
                Some(c) if !c.unknown.is_empty() => fill(&template, &[("scopes", &c.unknown.join(", "))]),
                _ => String::new(),
            })
        }
    };
    let partial = {
        let (catalog, template) = (catalog.clone(), texts.paste_partial.clone());
        move || {
            result.with(|r| {
                let Some(coverage) = r else { return Vec::new() };
                let mut lines: Vec<String> = coverage
                    .partial
                    .iter()
                    .take(PARTIAL_SHOWN)
                    .filter_map(|(position, missing)| {
                        let action = catalog.actions().get(*position)?;
                        let scopes: Vec<&str> = missing.iter().map(|&s| catalog.scope_name(s)).collect();
                        Some(fill(&template, &[("action", &action.label), ("scopes", &scopes.join(", "))]))
                    })
                    .collect();
                if coverage.partial.len() > PARTIAL_SHOWN {
                    lines.push(format!("… +{}", coverage.partial.len() - PARTIAL_SHOWN));
                }
                lines
            })
        }
    };
    let paste_id = format!("{prefix}-paste");

    view! {
        <details class="guides-scope-selector__paste">
            <summary class="guides-scope-selector__paste-summary">{texts.paste_title.clone()}</summary>
            <label class="guides-scope-selector__muted guides-scope-selector__field-label" for=paste_id.clone()>
                {texts.paste_label.clone()}
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
            // One line per action, as text: a list of elements would cost the
            // bundle far more than it gives the reader.
            <p class="guides-scope-selector__paste-partial" data-guide-paste-partial="">
                {move || partial().join("\n")}
            </p>
        </details>
    }
}
