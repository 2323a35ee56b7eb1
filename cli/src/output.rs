//! What the command prints: the attribute's JSON, or a ready host element.

use crate::convert::Action;

/// The value of `data-guide-actions-json`: a JSON array with one action a line.
pub fn actions_json(actions: &[Action]) -> String {
    if actions.is_empty() {
        return "[]\n".to_owned();
    }
    let lines: Vec<String> = actions
        .iter()
        .map(|action| format!("  {}", one_line(action)))
        .collect();
    format!("[\n{}\n]\n", lines.join(",\n"))
}

fn one_line(action: &Action) -> String {
    // Serialising strings, vectors and an enum of unit variants cannot fail.
    serde_json::to_string(action).unwrap_or_default()
}

/// A host element for a page: the widget's element with the attribute and the
/// placeholder shown until the widget is ready, then a list of every scope
/// that the guide narrows to the chosen actions' scopes.
pub fn host_element(actions: &[Action]) -> String {
    let json = serde_json::to_string(actions).unwrap_or_default();
    let mut scopes: Vec<&str> = actions
        .iter()
        .flat_map(|action| action.scopes.iter().map(String::as_str))
        .collect();
    scopes.sort_unstable();
    scopes.dedup();

    let mut html = String::new();
    html.push_str("<div class=\"guides-scope-selector\" data-guides-scope-selector\n");
    html.push_str(&format!(
        "     data-guide-actions-json=\"{}\">\n",
        escape(&json)
    ));
    html.push_str("  <div class=\"guides-scope-selector__muted\" data-guide-loading>Loading actions...</div>\n");
    html.push_str("</div>\n\n");
    html.push_str("<div data-guide-display-scopes>\n  <ul>\n");
    for scope in scopes {
        let scope = escape(scope);
        html.push_str(&format!(
            "    <li data-guide-display-scope=\"{scope}\"><code>{scope}</code> \
             <button type=\"button\" data-copy=\"{scope}\" aria-label=\"Copy {scope}\">Copy</button></li>\n"
        ));
    }
    html.push_str("  </ul>\n</div>\n");
    html
}

/// `text` safe inside a quoted HTML attribute and between tags.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_special_character_is_escaped() {
        assert_eq!(escape(r#"a&b"c'd<e>f"#), "a&amp;b&quot;c&#39;d&lt;e&gt;f");
    }
}
