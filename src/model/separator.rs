//! How the chosen scopes are joined for a provider's console.

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
}

impl Separator {
    /// Every separator, in menu order.
    pub const ALL: [Separator; 5] = [
        Separator::Space,
        Separator::Comma,
        Separator::Semicolon,
        Separator::Pipe,
        Separator::Newline,
    ];

    /// The `<option value>` of the separator menu.
    pub fn value(self) -> &'static str {
        match self {
            Separator::Space => "space",
            Separator::Comma => "comma",
            Separator::Semicolon => "semicolon",
            Separator::Pipe => "pipe",
            Separator::Newline => "newline",
        }
    }

    /// The menu's visible text.
    pub fn label(self) -> &'static str {
        match self {
            Separator::Space => "Space",
            Separator::Comma => "Comma",
            Separator::Semicolon => "Semicolon",
            Separator::Pipe => "Pipe",
            Separator::Newline => "Newline",
        }
    }

    /// The separator for an `<option value>`; unknown values give the default.
    pub fn from_value(value: &str) -> Separator {
        Separator::ALL
            .into_iter()
            .find(|s| s.value() == value)
            .unwrap_or_default()
    }

    /// Joins scope names.
    pub fn join(self, scopes: &[&str]) -> String {
        scopes.join(match self {
            Separator::Space => " ",
            Separator::Comma => ",",
            Separator::Semicolon => ";",
            Separator::Pipe => "|",
            Separator::Newline => "\n",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins() {
        let scopes = ["a", "b"];
        let joined: Vec<String> = Separator::ALL.iter().map(|s| s.join(&scopes)).collect();
        assert_eq!(joined, ["a b", "a,b", "a;b", "a|b", "a\nb"]);
    }

    #[test]
    fn values_round_trip() {
        for s in Separator::ALL {
            assert_eq!(Separator::from_value(s.value()), s);
        }
        assert_eq!(Separator::from_value("tab"), Separator::Space);
    }
}
