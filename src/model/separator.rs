//! How the chosen scopes are written out for a provider's console: joined by a
//! separator, or as a JSON array, or as an OAuth `scope` query parameter.

/// The separators a reader can pick, in the order the menu lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Separator {
    /// `a b` — what most OAuth consoles and the `scope` parameter use.
    #[default]
    Space,
    /// `a,b`
    Comma,
    /// `a;b`
    Semicolon,
    /// `a|b`
    Pipe,
    /// One scope per line.
    Newline,
    /// `["a","b"]`, for configuration files and API calls.
    Json,
    /// `scope=a%20b`, ready to append to an OAuth authorize URL.
    OAuth,
}

impl Separator {
    /// Every separator, in menu order.
    pub const ALL: [Separator; 7] = [
        Separator::Space,
        Separator::Comma,
        Separator::Semicolon,
        Separator::Pipe,
        Separator::Newline,
        Separator::Json,
        Separator::OAuth,
    ];

    /// The `<option value>` of the separator menu.
    pub fn value(self) -> &'static str {
        match self {
            Separator::Space => "space",
            Separator::Comma => "comma",
            Separator::Semicolon => "semicolon",
            Separator::Pipe => "pipe",
            Separator::Newline => "newline",
            Separator::Json => "json",
            Separator::OAuth => "oauth",
        }
    }

    /// The separator for an `<option value>`; unknown values give the default.
    pub fn from_value(value: &str) -> Separator {
        Separator::ALL
            .into_iter()
            .find(|s| s.value() == value)
            .unwrap_or_default()
    }

    /// Writes out scope names; nothing at all for no scopes.
    pub fn join(self, scopes: &[&str]) -> String {
        let separator = match self {
            Separator::Space => " ",
            Separator::Comma => ",",
            Separator::Semicolon => ";",
            Separator::Pipe => "|",
            Separator::Newline => "\n",
            Separator::Json if scopes.is_empty() => return String::new(),
            Separator::Json => return json_array(scopes),
            Separator::OAuth if scopes.is_empty() => return String::new(),
            // RFC 6749 §3.3: space-delimited, then percent-encoded for the query.
            Separator::OAuth => return format!("scope={}", super::url::encode(&scopes.join(" "))),
        };
        scopes.join(separator)
    }
}

/// A JSON array of strings.
pub fn json_array(items: &[&str]) -> String {
    // Writing strings into a `String` cannot fail.
    serde_json::to_string(items).unwrap_or_default()
}

/// The `guide-scopes-change` event's detail as JSON: the chosen action ids,
/// the scopes they need, and the smallest grant that holds those. The page
/// parses it in one call, which for thousands of ids is far cheaper than
/// building the arrays element by element. (Three arrays written by
/// [`json_array`] rather than a derived `Serialize`: the bundle holds one
/// serializer, 0.17 KB less.)
pub fn change_detail(actions: &[&str], scopes: &[&str], grant: &[&str]) -> String {
    let [actions, scopes, grant] = [actions, scopes, grant].map(json_array);
    format!(r#"{{"actions":{actions},"scopes":{scopes},"grant":{grant}}}"#)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_detail_is_json_with_escaped_ids() {
        let detail = change_detail(&["a\"b", "c\nd"], &["r", "w"], &["w"]);
        assert_eq!(
            detail,
            r#"{"actions":["a\"b","c\nd"],"scopes":["r","w"],"grant":["w"]}"#
        );
        let parsed: serde_json::Value = serde_json::from_str(&detail).unwrap();
        assert_eq!(parsed["actions"][1], "c\nd");
    }

    #[test]
    fn joins() {
        let scopes = ["a", "b"];
        let joined: Vec<String> = Separator::ALL.iter().map(|s| s.join(&scopes)).collect();
        assert_eq!(
            joined,
            [
                "a b",
                "a,b",
                "a;b",
                "a|b",
                "a\nb",
                r#"["a","b"]"#,
                "scope=a%20b"
            ]
        );
    }

    #[test]
    fn json_escapes_and_parses_back() {
        let scopes = [
            "quote\"back\\slash",
            "tab\tnew\nline",
            "ü",
            "\u{0}\u{1f}</script>",
        ];
        let json = Separator::Json.join(&scopes);
        let parsed: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(parsed, scopes);
    }

    #[test]
    fn nothing_selected_writes_nothing() {
        for s in Separator::ALL {
            assert_eq!(s.join(&[]), "");
        }
    }

    #[test]
    fn values_round_trip() {
        for s in Separator::ALL {
            assert_eq!(Separator::from_value(s.value()), s);
        }
        assert_eq!(Separator::from_value("tab"), Separator::Space);
    }
}
