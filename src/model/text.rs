//! The words the widget shows, in English by default. A site can replace any of
//! them with a `data-guide-text-<key>` attribute on the host, for example
//! `data-guide-text-copy-scopes="Copier les scopes"`.

use super::Separator;

/// Declares the texts once: their keys, defaults and documentation.
macro_rules! texts {
    ($($(#[doc = $doc:literal])* $field:ident = $key:literal, $default:literal;)*) => {
        /// Every text the widget shows, one per key of [`Texts::KEYS`], read
        /// through a method named after it.
        ///
        /// (An array rather than a struct of strings: one loop drops it, where a
        /// field per text made the bundle 0.4 KB larger.)
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct Texts([String; Texts::KEYS.len()]);

        #[allow(non_camel_case_types)]
        enum Slot { $($field,)* }

        impl Texts {
            /// The `<key>` of every `data-guide-text-<key>` attribute, with its
            /// English default.
            pub const KEYS: &'static [(&'static str, &'static str)] = &[$(($key, $default),)*];

            $($(#[doc = $doc])* pub fn $field(&self) -> &String {
                &self.0[Slot::$field as usize]
            })*
        }
    };
}

impl Default for Texts {
    fn default() -> Texts {
        Texts(std::array::from_fn(|i| Texts::KEYS[i].1.to_owned()))
    }
}

impl Texts {
    /// The separator menu's text for `separator`.
    pub fn separator(&self, separator: Separator) -> &String {
        match separator {
            Separator::Space => self.separator_space(),
            Separator::Comma => self.separator_comma(),
            Separator::Semicolon => self.separator_semicolon(),
            Separator::Pipe => self.separator_pipe(),
            Separator::Newline => self.separator_newline(),
            Separator::Json => self.separator_json(),
            Separator::OAuth => self.separator_oauth(),
        }
    }

    /// The defaults, each replaced by `attribute("data-guide-text-<key>")` where
    /// that gives a non-blank value.
    pub fn read(mut attribute: impl FnMut(&str) -> Option<String>) -> Texts {
        let mut texts = Texts::default();
        for (text, (key, _)) in texts.0.iter_mut().zip(Texts::KEYS) {
            let value = attribute(&format!("data-guide-text-{key}"));
            if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
                *text = value;
            }
        }
        texts
    }
}

texts! {
    /// The widget's heading.
    title = "title", "Select Actions to adjust the guide";
    /// The line under the heading.
    intro = "intro", "Some actions may require additional configuration in the provider to be accessible. Choose the actions you need and the guide will be updated.";
    /// The search box's label (read by screen readers).
    search_label = "search-label", "Search actions";
    /// The search box's placeholder.
    search_placeholder = "search-placeholder", "Search actions...";
    /// The Select all button.
    select_all = "select-all", "Select all";
    /// The Read-only button: of the actions shown, exactly those that only read.
    read_only = "read-only", "Read-only";
    /// The Clear button.
    clear = "clear", "Clear";
    /// The table's caption (read by screen readers).
    table_caption = "table-caption", "Actions and the scopes they need";
    /// The header checkbox's label (read by screen readers).
    select_shown = "select-shown", "Select every action shown";
    /// The first column's heading.
    action_column = "action-column", "Action";
    /// The second column's heading.
    scopes_column = "scopes-column", "Scope(s)";
    /// A group's checkbox label (read by screen readers); `{group}` is filled in.
    group_select = "group-select", "Select the actions shown in {group}";
    /// A group's count next to its name; `{selected}` and `{total}` are filled in.
    group_count = "group-count", "{selected} / {total}";
    /// The name of the group of actions that name no scope and no group.
    group_other = "group-other", "Other";
    /// The count under the search; `{shown}`, `{total}` and `{selected}` are filled in.
    count = "count", "{shown} of {total} actions · {selected} selected";
    /// Announced after a search settles; `{shown}` is filled in.
    results = "results", "Matching actions: {shown}.";
    /// Announced after the selection changes; `{actions}` and `{scopes}` are filled in.
    summary = "summary", "Actions selected: {actions}. Scopes: {scopes}.";
    /// Shown when the search hides every action.
    no_results = "no-results", "No actions match your search.";
    /// Shown when the page lists no actions.
    no_actions = "no-actions", "This connector has no actions to choose from.";
    /// The guide URL field's label.
    url_label = "url-label", "Dynamic Guide URL";
    /// The Copy URL button.
    copy_url = "copy-url", "Copy URL";
    /// The scopes output's label.
    scopes_label = "scopes-label", "Scopes Selected";
    /// The separator menu's label.
    separator_label = "separator-label", "Separator";
    /// The separator menu's option for scopes joined by spaces.
    separator_space = "separator-space", "Space";
    /// The option for commas.
    separator_comma = "separator-comma", "Comma";
    /// The option for semicolons.
    separator_semicolon = "separator-semicolon", "Semicolon";
    /// The option for pipes.
    separator_pipe = "separator-pipe", "Pipe";
    /// The option for one scope per line.
    separator_newline = "separator-newline", "Newline";
    /// The option for a JSON array.
    separator_json = "separator-json", "JSON array";
    /// The option for an OAuth `scope=` parameter.
    separator_oauth = "separator-oauth", "OAuth scope=";
    /// The Copy scopes button.
    copy_scopes = "copy-scopes", "Copy scopes";
    /// Shown under the scopes output while nothing is selected.
    scopes_hint = "scopes-hint", "Select actions above to see the scopes they need.";
    /// Announced when Copy scopes is pressed with nothing selected.
    nothing_to_copy = "nothing-to-copy", "Select at least one action first.";
    /// Announced after the scopes were copied.
    copied_scopes = "copied-scopes", "Copied the scopes.";
    /// Announced after the URL was copied.
    copied_url = "copied-url", "Copied the guide URL.";
    /// Announced after a guide scope button was copied; `{scope}` is filled in.
    copied_scope = "copied-scope", "Copied {scope}.";
    /// Announced when the clipboard refused and the text was selected instead.
    press_to_copy = "press-to-copy", "Press Ctrl+C to copy the selected text.";
    /// The heading of the list of which chosen actions need each scope.
    needed_by_title = "needed-by-title", "Why each scope?";
    /// One scope in that list; `{scope}`, `{access}` and `{actions}` are filled in.
    needed_by = "needed-by", "{scope} ({access}): {actions}";
    /// A line of "Why each scope?" for a scope left out of the output because
    /// a chosen scope, `{by}`, includes it (`data-guide-scope-implies`).
    covered_by = "covered-by", "{scope} ({access}): {actions}; included in {by}";
    /// `{access}` for a scope only reading actions need.
    access_read = "access-read", "read";
    /// `{access}` for a scope some action that changes data needs.
    access_write = "access-write", "write";
    /// The paste box's heading.
    paste_title = "paste-title", "What do my scopes allow?";
    /// The paste box's label.
    paste_label = "paste-label", "Paste the scopes your OAuth client already has (any separator, or a scope= parameter):";
    /// Announced after a paste; `{count}` is filled in.
    paste_covered = "paste-covered", "Actions your scopes fully cover, now selected: {count}.";
    /// Lists pasted scopes this connector does not use; `{scopes}` is filled in.
    paste_unknown = "paste-unknown", "Not scopes of this connector: {scopes}.";
    /// One partly covered action; `{action}` and `{scopes}` are filled in.
    paste_partial = "paste-partial", "{action} also needs {scopes}";
    /// After the first few of a long list, how many more it has; `{count}` is filled in.
    more = "more", "(+{count} more)";
    /// Announced when the URL named unknown ids; `{count}` and `{ids}` are filled in.
    unknown_ids = "unknown-ids", "The link named actions this guide does not have, which were left out: {ids}.";
}

/// Fills `{name}` placeholders in a text.
///
/// ```
/// use guide_scopes::model::text::fill;
/// assert_eq!(fill("{a} of {b}", &[("a", "3"), ("b", "9")]), "3 of 9");
/// ```
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let filled = after.split_once('}').and_then(|(name, after)| {
            let (_, value) = values.iter().find(|(known, _)| *known == name)?;
            Some((*value, after))
        });
        match filled {
            Some((value, after)) => {
                out.push_str(value);
                rest = after;
            }
            // Not a placeholder: the brace stays as written.
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_english() {
        assert_eq!(Texts::default().copy_scopes(), "Copy scopes");
    }

    #[test]
    fn attributes_override_and_blank_ones_do_not() {
        let texts = Texts::read(|name| match name {
            "data-guide-text-copy-scopes" => Some("Copier les scopes".into()),
            "data-guide-text-clear" => Some("  ".into()),
            _ => None,
        });
        assert_eq!(texts.copy_scopes(), "Copier les scopes");
        assert_eq!(texts.clear(), "Clear");
    }

    #[test]
    fn fill_leaves_unknown_placeholders_and_stray_braces_alone() {
        assert_eq!(fill("{a} {b} {a} { } {", &[("a", "1")]), "1 {b} 1 { } {");
        assert_eq!(fill("{a}", &[("a", "{a}")]), "{a}");
    }

    #[test]
    fn keys_are_unique() {
        let mut keys: Vec<_> = Texts::KEYS.iter().map(|(k, _)| *k).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), Texts::KEYS.len());
    }

    #[test]
    fn fills_placeholders() {
        let t = Texts::default();
        assert_eq!(
            fill(
                t.count(),
                &[("shown", "12"), ("total", "51"), ("selected", "3")]
            ),
            "12 of 51 actions · 3 selected"
        );
    }
}
