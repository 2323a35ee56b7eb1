//! Which actions are chosen, and the scopes they need.

use std::ops::Range;

use super::access::Access;
use super::{Catalog, ScopeId};

/// The chosen actions, by position in the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Selection {
    chosen: Vec<bool>,
}

impl Selection {
    /// Nothing chosen among `len` actions.
    pub fn none(len: usize) -> Selection {
        Selection {
            chosen: vec![false; len],
        }
    }

    /// Every one of `len` actions chosen.
    pub fn all(len: usize) -> Selection {
        Selection {
            chosen: vec![true; len],
        }
    }

    /// Chooses or unchooses one action; positions out of range are ignored.
    pub fn set(&mut self, position: usize, chosen: bool) {
        if let Some(slot) = self.chosen.get_mut(position) {
            *slot = chosen;
        }
    }

    /// How many actions are chosen.
    pub fn count(&self) -> usize {
        self.chosen.iter().filter(|c| **c).count()
    }

    /// True when nothing is chosen.
    pub fn is_empty(&self) -> bool {
        !self.chosen.contains(&true)
    }

    /// True when every action is chosen (and there is at least one).
    pub fn is_all(&self) -> bool {
        !self.chosen.is_empty() && !self.chosen.contains(&false)
    }

    /// Chooses, or unchooses, every action whose flag in `shown` is set: Select
    /// all and the header checkbox act on what the search shows.
    pub fn set_shown(&mut self, shown: &[bool], chosen: bool) {
        self.set_shown_in(shown, 0..shown.len(), chosen);
    }

    /// As [`Selection::set_shown`], among the actions at `positions` only: a
    /// group's checkbox.
    pub fn set_shown_in(&mut self, shown: &[bool], positions: Range<usize>, chosen: bool) {
        let slots = self.chosen.iter_mut().zip(shown).enumerate();
        for (_, (slot, _)) in slots.filter(|(p, (_, s))| **s && positions.contains(p)) {
            *slot = chosen;
        }
    }

    /// Counts among the actions at `positions`, for a group's header.
    pub fn tally(&self, shown: &[bool], positions: Range<usize>) -> Tally {
        let mut tally = Tally::default();
        for (chosen, shown) in self
            .chosen
            .iter()
            .zip(shown)
            .skip(positions.start)
            .take(positions.len())
        {
            tally.chosen += *chosen as usize;
            tally.shown += *shown as usize;
            tally.chosen_shown += (*chosen && *shown) as usize;
        }
        tally
    }

    /// "Read-only": among the actions flagged in `shown`, exactly the reads are
    /// chosen; actions the search hides keep their state.
    pub fn choose_reads(&mut self, shown: &[bool], catalog: &Catalog) {
        let rows = self.chosen.iter_mut().zip(shown).zip(catalog.actions());
        for ((slot, _), action) in rows.filter(|((_, shown), _)| **shown) {
            *slot = action.access == Access::Read;
        }
    }

    /// One flag per action, in table order.
    pub fn flags(&self) -> &[bool] {
        &self.chosen
    }

    /// Positions of the chosen actions, in table order.
    pub fn positions(&self) -> impl Iterator<Item = usize> + '_ {
        self.chosen
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.then_some(i))
    }

    /// The union of the chosen actions' scopes.
    pub fn scopes(&self, catalog: &Catalog) -> ScopeSet {
        let mut set = ScopeSet::empty(catalog.scopes().len());
        for position in self.positions() {
            if let Some(action) = catalog.actions().get(position) {
                for &scope in &action.scopes {
                    set.insert(scope);
                }
            }
        }
        set
    }
}

/// What a group's header shows: its count, and its checkbox's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    /// Chosen actions, shown or not.
    pub chosen: usize,
    /// Actions the search shows.
    pub shown: usize,
    /// Chosen actions the search shows.
    pub chosen_shown: usize,
}

impl Tally {
    /// The checkbox is checked: every shown action is chosen (and one is shown).
    pub fn checked(&self) -> bool {
        self.shown != 0 && self.chosen_shown == self.shown
    }

    /// The search shows none of the group's actions.
    pub fn is_empty(&self) -> bool {
        self.shown == 0
    }

    /// The checkbox is mixed: some shown actions are chosen, not all.
    pub fn mixed(&self) -> bool {
        self.chosen_shown != 0 && self.chosen_shown != self.shown
    }
}

/// For each scope, the positions of the chosen actions that need it: built once
/// per change so that every badge reads its few scopes' lists instead of scanning
/// the whole selection.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ScopeIndex {
    actions: Vec<Vec<u32>>,
}

impl ScopeIndex {
    /// Indexes the chosen actions by scope.
    pub fn new(catalog: &Catalog, selection: &Selection) -> ScopeIndex {
        let mut actions = vec![Vec::new(); catalog.scopes().len()];
        for position in selection.positions() {
            if let Some(action) = catalog.actions().get(position) {
                for &scope in &action.scopes {
                    if let Some(list) = actions.get_mut(scope as usize) {
                        list.push(position as u32);
                    }
                }
            }
        }
        ScopeIndex { actions }
    }

    /// For each chosen scope, in order, the labels of the chosen actions that
    /// need it: why each permission is there, and which one to drop.
    pub fn needed_by<'c>(&self, catalog: &'c Catalog) -> Vec<(ScopeId, Vec<&'c str>)> {
        let label = |p: &u32| catalog.actions().get(*p as usize).map(|a| a.label.as_str());
        (0..self.actions.len() as ScopeId)
            .map(|scope| {
                (
                    scope,
                    self.actions(scope)
                        .iter()
                        .filter_map(label)
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|(_, labels)| !labels.is_empty())
            .collect()
    }

    /// The chosen actions that need `scope`, in table order.
    pub fn actions(&self, scope: ScopeId) -> &[u32] {
        self.actions.get(scope as usize).map_or(&[], Vec::as_slice)
    }
}

/// A set of scopes of one catalog.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ScopeSet {
    members: Vec<bool>,
}

impl ScopeSet {
    /// No scope, among `len`.
    pub fn empty(len: usize) -> ScopeSet {
        ScopeSet {
            members: vec![false; len],
        }
    }

    /// Adds a scope.
    pub fn insert(&mut self, scope: ScopeId) {
        if let Some(slot) = self.members.get_mut(scope as usize) {
            *slot = true;
        }
    }

    /// Whether the scope is in the set.
    pub fn contains(&self, scope: ScopeId) -> bool {
        self.members.get(scope as usize).copied().unwrap_or(false)
    }

    /// True when any of `scopes` is in the set.
    pub fn meets(&self, scopes: &[ScopeId]) -> bool {
        scopes.iter().any(|&s| self.contains(s))
    }

    /// How many scopes are in the set.
    pub fn len(&self) -> usize {
        self.members.iter().filter(|m| **m).count()
    }

    /// True when the set has no scope.
    pub fn is_empty(&self) -> bool {
        !self.members.contains(&true)
    }

    /// The smallest grant that holds every scope of the set: the set without
    /// the scopes another of its scopes includes (see [`Catalog::imply`]).
    pub fn grant(&self, catalog: &Catalog) -> ScopeSet {
        let mut grant = self.clone();
        for (scope, _) in self.members.iter().enumerate().filter(|(_, m)| **m) {
            for &included in catalog.includes(catalog.scope_name(scope as ScopeId)) {
                if let Some(slot) = grant.members.get_mut(included as usize) {
                    *slot = false;
                }
            }
        }
        grant
    }

    /// The scope of the set (a grant) that includes `scope`, if any: none
    /// for a member, which no other member of a grant includes.
    pub fn covering(&self, catalog: &Catalog, scope: ScopeId) -> Option<ScopeId> {
        if self.contains(scope) {
            return None;
        }
        (0..self.members.len() as ScopeId).find(|&by| {
            self.contains(by) && catalog.includes(catalog.scope_name(by)).contains(&scope)
        })
    }

    /// The scope names, sorted.
    pub fn names<'c>(&self, catalog: &'c Catalog) -> Vec<&'c str> {
        self.members
            .iter()
            .enumerate()
            .filter(|(_, m)| **m)
            .map(|(i, _)| catalog.scope_name(i as ScopeId))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        Catalog::parse(
            r#"[{"id":"a","label":"A","scopes":["read","write"]},
                {"id":"b","label":"B","scopes":["read"]},
                {"id":"c","label":"C","scopes":["admin"]}]"#,
        )
        .unwrap()
    }

    #[test]
    fn the_grant_leaves_out_scopes_a_chosen_scope_includes() {
        let mut c = catalog();
        c.imply(r#"{"admin": ["write"], "write": ["read"]}"#)
            .unwrap();
        let all = Selection::all(c.len()).scopes(&c);
        let grant = all.grant(&c);
        assert_eq!(grant.names(&c), ["admin"]);
        let read = c.scope_id("read").unwrap();
        assert_eq!(grant.covering(&c, read), c.scope_id("admin"));
        assert_eq!(grant.covering(&c, c.scope_id("admin").unwrap()), None);
        // Only what is chosen counts: "read" alone is its own grant.
        let mut b = Selection::none(c.len());
        b.set(1, true);
        assert_eq!(b.scopes(&c).grant(&c).names(&c), ["read"]);
        // Without the attribute the grant is the scopes.
        assert_eq!(all.grant(&catalog()), all);
    }

    #[test]
    fn a_group_box_acts_on_its_shown_actions_only() {
        // Two groups, 0..3 and 3..5; the search shows 0, 2, 3 and 4.
        let shown = [true, false, true, true, true];
        let mut selection = Selection::none(5);
        selection.set(1, true);
        selection.set_shown_in(&shown, 0..3, true);
        assert_eq!(selection.positions().collect::<Vec<_>>(), [0, 1, 2]);
        let first = selection.tally(&shown, 0..3);
        assert_eq!((first.chosen, first.shown, first.chosen_shown), (3, 2, 2));
        assert!(first.checked() && !first.mixed());

        selection.set(3, true);
        let second = selection.tally(&shown, 3..5);
        assert_eq!(
            (second.chosen, second.shown, second.chosen_shown),
            (1, 2, 1)
        );
        assert!(!second.checked() && second.mixed());

        // Clearing the first group's shown actions keeps the hidden one.
        selection.set_shown_in(&shown, 0..3, false);
        assert_eq!(selection.positions().collect::<Vec<_>>(), [1, 3]);
        let first = selection.tally(&shown, 0..3);
        assert!(!first.checked() && !first.mixed());
        // A group the search empties is neither checked nor mixed.
        let none = selection.tally(&[false; 5], 0..3);
        assert_eq!((none.chosen, none.shown), (1, 0));
        assert!(!none.checked() && !none.mixed());
    }

    #[test]
    fn read_only_chooses_exactly_the_shown_reads() {
        let catalog = Catalog::parse(
            r#"[{"id":"l","label":"List","scopes":["x.read"]},{"id":"c","label":"Create","scopes":["x.write"]},
                {"id":"g","label":"Get","scopes":["x.read"]},{"id":"d","label":"Delete","scopes":["x.write"]}]"#,
        )
        .unwrap();
        let mut selection = Selection::none(4);
        selection.set(1, true);
        selection.set(3, true);
        // The search shows the first three: "Delete" keeps its state.
        selection.choose_reads(&[true, true, true, false], &catalog);
        assert_eq!(selection.positions().collect::<Vec<_>>(), [0, 2, 3]);
        assert_eq!(catalog.scope_access(0), Access::Read);
        assert_eq!(catalog.scope_access(1), Access::Write);
    }

    #[test]
    fn needed_by_lists_the_chosen_actions_per_scope() {
        let catalog = Catalog::parse(
            r#"[{"id":"a","label":"A","scopes":["s","t"]},{"id":"b","label":"B","scopes":["t"]},{"id":"c","label":"C","scopes":["u"]}]"#,
        )
        .unwrap();
        let mut selection = Selection::none(3);
        selection.set(0, true);
        selection.set(1, true);
        let needed = ScopeIndex::new(&catalog, &selection).needed_by(&catalog);
        let named: Vec<(&str, Vec<&str>)> = needed
            .iter()
            .map(|(s, l)| (catalog.scope_name(*s), l.clone()))
            .collect();
        assert_eq!(named, [("s", vec!["A"]), ("t", vec!["A", "B"])]);
    }

    #[test]
    fn union_is_deduplicated_and_sorted() {
        let catalog = catalog();
        let mut selection = Selection::none(3);
        selection.set(0, true);
        selection.set(1, true);
        selection.set(2, true);
        assert_eq!(
            selection.scopes(&catalog).names(&catalog),
            ["admin", "read", "write"]
        );
    }

    #[test]
    fn empty_selection_has_no_scopes() {
        let catalog = catalog();
        assert!(Selection::none(3).scopes(&catalog).is_empty());
        assert!(Selection::none(3).is_empty());
        assert!(!Selection::none(3).is_all());
    }

    #[test]
    fn counts_and_positions() {
        let mut selection = Selection::none(3);
        selection.set(2, true);
        selection.set(0, true);
        selection.set(0, false);
        selection.set(9, true);
        assert_eq!(selection.count(), 1);
        assert_eq!(selection.positions().collect::<Vec<_>>(), [2]);
        assert!(Selection::all(3).is_all());
        assert!(!Selection::all(0).is_all());
    }

    #[test]
    fn acts_on_shown_rows_only() {
        let mut selection = Selection::none(4);
        selection.set(3, true);
        let shown = [true, false, true, false];
        selection.set_shown(&shown, true);
        assert_eq!(selection.positions().collect::<Vec<_>>(), [0, 2, 3]);
        assert_eq!(selection.tally(&shown, 0..4).chosen_shown, 2);
        selection.set_shown(&shown, false);
        assert_eq!(selection.positions().collect::<Vec<_>>(), [3]);
        assert_eq!(selection.tally(&shown, 0..4).chosen_shown, 0);
    }

    #[test]
    fn meets() {
        let catalog = catalog();
        let mut selection = Selection::none(3);
        selection.set(1, true);
        let set = selection.scopes(&catalog);
        let read = catalog.scope_id("read").unwrap();
        let admin = catalog.scope_id("admin").unwrap();
        assert!(set.meets(&[admin, read]));
        assert!(!set.meets(&[admin]));
        assert!(!set.meets(&[]));
        assert_eq!(set.len(), 1);
    }
}
