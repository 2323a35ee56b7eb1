//! Which parts of the guide a selection keeps.
//!
//! Steps, sections and action badges name the scopes they are about. Their lists
//! are parsed once, when the widget mounts, into a [`Gate`]; after that each
//! change of selection is a few integer look-ups per element.

use super::{Catalog, ScopeId, ScopeIndex, ScopeSet, Selection};

/// The scopes a guide element is about.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Gate {
    /// The listed scopes that some action needs, ascending.
    known: Vec<ScopeId>,
    /// Whether the element lists any scope at all. An element that lists only
    /// scopes no action needs is never needed by a selection.
    listed: bool,
}

impl Gate {
    /// Reads a comma-separated scope list such as `data-guide-scopes="a, b"`.
    pub fn parse(catalog: &Catalog, list: &str) -> Gate {
        let mut names: Vec<&str> = list
            .split(',')
            .map(str::trim)
            .filter(|name| !name.is_empty())
            .collect();
        let listed = !names.is_empty();
        // Scope ids follow the names' order, so sorted names give sorted ids.
        names.sort_unstable();
        names.dedup();
        let known = names
            .iter()
            .filter_map(|name| catalog.scope_id(name))
            .collect();
        Gate { known, listed }
    }

    /// The gate of a single scope, as on `li[data-guide-display-scope]`.
    pub fn single(catalog: &Catalog, scope: &str) -> Gate {
        let scope = scope.trim();
        Gate {
            known: catalog.scope_id(scope).into_iter().collect(),
            listed: !scope.is_empty(),
        }
    }

    /// Steps and sections: shown when they list no scope or share one with
    /// the selected scopes. Scope list items use the same rule with one scope.
    pub fn admits(&self, selected: &ScopeSet) -> bool {
        !self.listed || selected.meets(&self.known)
    }

    /// Whether a step, section or scope list item is shown: always with nothing
    /// selected (the guide as served), else when the gate [admits](Gate::admits)
    /// the selected scopes.
    pub fn shows(&self, selection: &Selection, selected: &ScopeSet) -> bool {
        selection.is_empty() || self.admits(selected)
    }

    /// An action badge's text: the labels of the chosen actions that need any of
    /// the gate's scopes, sorted and joined by ", "; `None` when there are none.
    pub fn badge_labels(&self, catalog: &Catalog, chosen: &ScopeIndex) -> Option<String> {
        let actions = catalog.actions();
        let mut labels: Vec<&str> = self
            .known
            .iter()
            .flat_map(|&scope| chosen.actions(scope))
            .filter_map(|&p| actions.get(p as usize))
            .map(|a| a.label.as_str())
            .collect();
        if labels.is_empty() {
            return None;
        }
        labels.sort_unstable();
        labels.dedup();
        Some(labels.join(", "))
    }

    /// What an "Enables actions" badge shows for a selection.
    pub fn badge(&self, catalog: &Catalog, selection: &Selection, chosen: &ScopeIndex) -> Badge {
        if selection.is_empty() {
            return Badge::AsServed;
        }
        self.badge_labels(catalog, chosen)
            .map_or(Badge::Hidden, Badge::Labels)
    }
}

/// The state of an "Enables actions" badge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Badge {
    /// Nothing is selected: the badge as the page served it.
    AsServed,
    /// No selected action needs the badge's scopes.
    Hidden,
    /// The labels to show, sorted and joined by ", ".
    Labels(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        Catalog::parse(
            r#"[{"id":"list","label":"List Records","scopes":["records.read"]},
                {"id":"make","label":"Create A Record","scopes":["records.write","records.read"]},
                {"id":"hook","label":"Add Webhook","scopes":["hooks.write"]}]"#,
        )
        .unwrap()
    }

    fn index(catalog: &Catalog, selection: &Selection) -> ScopeIndex {
        ScopeIndex::new(catalog, selection)
    }

    fn chosen(catalog: &Catalog, positions: &[usize]) -> (Selection, ScopeSet) {
        let mut selection = Selection::none(catalog.len());
        for &p in positions {
            selection.set(p, true);
        }
        let scopes = selection.scopes(catalog);
        (selection, scopes)
    }

    #[test]
    fn empty_list_is_always_shown() {
        let c = catalog();
        let (_, s) = chosen(&c, &[2]);
        assert!(Gate::parse(&c, "").admits(&s));
        assert!(Gate::parse(&c, " , ,").admits(&s));
    }

    #[test]
    fn whitespace_around_items_is_ignored() {
        let c = catalog();
        let (_, s) = chosen(&c, &[0]);
        assert!(Gate::parse(&c, " hooks.write ,  records.read ").admits(&s));
        assert!(!Gate::parse(&c, "hooks.write").admits(&s));
    }

    #[test]
    fn unknown_scopes_never_meet_a_selection() {
        let c = catalog();
        let (_, s) = chosen(&c, &[0, 1, 2]);
        assert!(!Gate::parse(&c, "nobody.needs.this").admits(&s));
        assert!(!Gate::single(&c, "nobody.needs.this").admits(&s));
        assert!(Gate::single(&c, "records.write").admits(&s));
    }

    #[test]
    fn nothing_selected_shows_the_guide_as_served() {
        let c = catalog();
        let (sel, s) = chosen(&c, &[]);
        assert!(Gate::parse(&c, "hooks.write").shows(&sel, &s));
        assert!(Gate::parse(&c, "nobody.needs.this").shows(&sel, &s));
        assert_eq!(
            Gate::parse(&c, "hooks.write").badge(&c, &sel, &index(&c, &sel)),
            Badge::AsServed
        );
        let (sel, s) = chosen(&c, &[0]);
        assert!(!Gate::parse(&c, "hooks.write").shows(&sel, &s));
        assert_eq!(
            Gate::parse(&c, "hooks.write").badge(&c, &sel, &index(&c, &sel)),
            Badge::Hidden
        );
        assert_eq!(
            Gate::parse(&c, "records.read").badge(&c, &sel, &index(&c, &sel)),
            Badge::Labels("List Records".into())
        );
    }

    #[test]
    fn badge_lists_sorted_labels_of_needing_actions() {
        let c = catalog();
        let gate = Gate::parse(&c, "records.read,hooks.write");
        let (sel, _) = chosen(&c, &[0, 1]);
        assert_eq!(
            gate.badge_labels(&c, &index(&c, &sel)).as_deref(),
            Some("Create A Record, List Records")
        );
        let (sel, _) = chosen(&c, &[2]);
        assert_eq!(
            gate.badge_labels(&c, &index(&c, &sel)).as_deref(),
            Some("Add Webhook")
        );
        let gate = Gate::parse(&c, "records.write");
        assert_eq!(gate.badge_labels(&c, &index(&c, &sel)), None);
    }
}
