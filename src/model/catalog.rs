//! The actions a host page offers, read from `data-guide-actions-json`.

use std::collections::HashMap;
use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::access::{self, Access};
use super::group::{self, Group, GroupBy};
use super::implies::{self, ImpliesError};
use super::search::{fold, Lowercase};

/// Index of a scope in [`Catalog::scopes`]. Scopes are numbered in sorted order,
/// so iterating a set of ids in ascending order yields sorted scope names.
pub type ScopeId = u32;

/// One action a reader can choose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    /// Stable identifier, written to the URL.
    pub id: String,
    /// What the reader sees in the table.
    pub label: String,
    /// The scopes this action needs, ascending, without repeats.
    pub scopes: Vec<ScopeId>,
    /// Whether it only reads (its `"access"` field, or guessed from its verbs).
    pub access: Access,
    /// Lower-cased label, id and scope names, one per line, for search.
    pub(crate) haystack: String,
}

/// Every action of a connector, in the order the page lists them (grouped by
/// resource unless grouping is off), and every scope they name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Catalog {
    actions: Vec<Action>,
    /// Scope names, sorted and unique; a [`ScopeId`] indexes this.
    scopes: Vec<String>,
    /// Each action's position, by id.
    by_id: HashMap<String, u32>,
    /// Per scope: a read when every action that needs it only reads.
    scope_access: Vec<Access>,
    /// The groups, in table order: one unnamed group of every action when
    /// there are fewer than two, or grouping is off.
    groups: Vec<Group>,
    /// Whether `groups` are groups a reader sees (two or more by resource).
    grouped: bool,
    /// From `data-guide-scope-implies`, sorted by name: each scope that
    /// includes some of `scopes`, and those (ids, sorted).
    implies: Vec<(String, Vec<ScopeId>)>,
}

/// Why the actions attribute could not be used. Its `Display` is the message the
/// reader sees inside the widget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// The host element has no `data-guide-actions-json` attribute.
    Missing,
    /// The attribute is not JSON at all.
    Syntax {
        /// What is wrong, in serde_json's words.
        message: String,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
    },
    /// The JSON is valid but is not an array.
    NotAnArray {
        /// The JSON type that was found instead.
        found: &'static str,
    },
    /// An item of the array is not an object.
    NotAnObject {
        /// Position in the array, from 0.
        index: usize,
        /// The JSON type that was found instead.
        found: &'static str,
    },
    /// A field of an action is missing, empty or of the wrong type.
    Field {
        /// Position of the action in the array, from 0.
        index: usize,
        /// `id`, `label`, `scopes`, `access` or `group`.
        field: &'static str,
        /// What is wrong with it.
        problem: Problem,
    },
    /// One scope in an action's `scopes` is not a non-empty string.
    Scope {
        /// Position of the action in the array, from 0.
        index: usize,
        /// Position of the scope in `scopes`, from 0.
        position: usize,
        /// What is wrong with it.
        problem: Problem,
    },
    /// Two actions share an id.
    DuplicateId {
        /// The repeated id.
        id: String,
        /// Position of its first use.
        first: usize,
        /// Position of its second use.
        second: usize,
    },
}

/// What is wrong with one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// The field is absent.
    Missing,
    /// The string is empty.
    Empty,
    /// The value has the wrong JSON type.
    WrongType {
        /// What the contract asks for.
        expected: &'static str,
        /// What the page gave.
        found: &'static str,
    },
}

const ATTRIBUTE: &str = "data-guide-actions-json";

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Missing => f.write_str("is missing"),
            Problem::Empty => f.write_str("is an empty string"),
            Problem::WrongType { expected, found } => {
                write!(f, "must be {expected}, but is {found}")
            }
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::Missing => write!(f, "The {ATTRIBUTE} attribute is missing."),
            ConfigError::Syntax {
                message,
                line,
                column,
            } => write!(
                f,
                "The {ATTRIBUTE} attribute is not valid JSON: {message} (line {line}, column {column})."
            ),
            ConfigError::NotAnArray { found } => write!(
                f,
                "The {ATTRIBUTE} attribute must be a JSON array of actions, but is {found}."
            ),
            ConfigError::NotAnObject { index, found } => write!(
                f,
                "Action at index {index} in {ATTRIBUTE} must be an object, but is {found}."
            ),
            ConfigError::Field {
                index,
                field,
                problem,
            } => write!(
                f,
                "Action at index {index} in {ATTRIBUTE}: \"{field}\" {problem}."
            ),
            ConfigError::Scope {
                index,
                position,
                problem,
            } => write!(
                f,
                "Action at index {index} in {ATTRIBUTE}: scope {position} {problem}."
            ),
            ConfigError::DuplicateId { id, first, second } => write!(
                f,
                "Actions at index {first} and {second} in {ATTRIBUTE} share the id \"{id}\"; ids must be unique."
            ),
        }
    }
}

impl std::error::Error for ConfigError {}

/// Where a value stands in the attribute, which decides how deep it is read.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Place {
    /// The attribute itself: an array of actions.
    Root,
    /// An item of that array: an action's fields.
    Action,
    /// An action's `scopes`: an array of strings.
    Scopes,
    /// Any other field the contract names: a string.
    Field,
    /// `data-guide-scope-implies`: an object whose values are arrays of
    /// strings (read as `Scopes`).
    Implies,
}

/// A JSON value, read only as deep as its place needs; anything else is just
/// the name of its type, its contents skipped unread (serde's `IgnoredAny`,
/// which serde_json skips without recursion, so no depth of nesting is too
/// deep).
pub(super) enum Shallow {
    String(String),
    /// The actions of the root, or the scopes of an action.
    List(Vec<Shallow>),
    Action(Box<Record>),
    /// The entries of `data-guide-scope-implies`, in its order.
    Map(Vec<(String, Shallow)>),
    Other(&'static str),
}

/// One action's fields the contract names, as read (absent: `None`, so that a
/// `null` field is there, and not a string). Other fields are skipped.
#[derive(Default)]
pub(super) struct Record {
    id: Option<Shallow>,
    label: Option<Shallow>,
    scopes: Option<Shallow>,
    access: Option<Shallow>,
    group: Option<Shallow>,
}

/// The name of a field of an action.
#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "lowercase")]
enum Key {
    Id,
    Label,
    Scopes,
    Access,
    Group,
    #[serde(other)]
    Other,
}

/// Reads the value at a place: one visitor for every place, so the bundle
/// holds one copy of serde_json's reading code.
impl<'de> DeserializeSeed<'de> for Place {
    type Value = Shallow;

    fn deserialize<D: Deserializer<'de>>(self, json: D) -> Result<Shallow, D::Error> {
        json.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Place {
    type Value = Shallow;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Shallow, E> {
        Ok(Shallow::Other("null"))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Shallow, E> {
        Ok(Shallow::Other("a boolean"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Shallow, E> {
        Ok(Shallow::Other("a number"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Shallow, E> {
        Ok(Shallow::Other("a number"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Shallow, E> {
        Ok(Shallow::Other("a number"))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Shallow, E> {
        Ok(Shallow::String(text.to_owned()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Shallow, A::Error> {
        let item = match self {
            Place::Root => Place::Action,
            Place::Scopes => Place::Field,
            Place::Action | Place::Field | Place::Implies => {
                while items.next_element::<IgnoredAny>()?.is_some() {}
                return Ok(Shallow::Other("an array"));
            }
        };
        let mut list = Vec::new();
        while let Some(value) = items.next_element_seed(item)? {
            list.push(value);
        }
        Ok(Shallow::List(list))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut fields: A) -> Result<Shallow, A::Error> {
        if self == Place::Implies {
            let mut entries = Vec::new();
            // Keys are strings in JSON: the same visitor reads them.
            while let Some(key) = fields.next_key_seed(Place::Field)? {
                let key = match key {
                    Shallow::String(key) => key,
                    _ => String::new(),
                };
                entries.push((key, fields.next_value_seed(Place::Scopes)?));
            }
            return Ok(Shallow::Map(entries));
        }
        if self != Place::Action {
            while fields.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            return Ok(Shallow::Other("an object"));
        }
        let mut record = Record::default();
        // A repeated field counts as its last value, as in JavaScript.
        while let Some(key) = fields.next_key::<Key>()? {
            let (slot, place) = match key {
                Key::Id => (&mut record.id, Place::Field),
                Key::Label => (&mut record.label, Place::Field),
                Key::Scopes => (&mut record.scopes, Place::Scopes),
                Key::Access => (&mut record.access, Place::Field),
                Key::Group => (&mut record.group, Place::Field),
                Key::Other => {
                    fields.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            *slot = Some(fields.next_value_seed(place)?);
        }
        Ok(Shallow::Action(Box::new(record)))
    }
}

/// The name of the JSON type a value was found to be.
pub(super) fn kind(value: &Shallow) -> &'static str {
    match value {
        Shallow::String(_) => "a string",
        Shallow::List(_) => "an array",
        Shallow::Action(_) | Shallow::Map(_) => "an object",
        Shallow::Other(found) => found,
    }
}

pub(super) fn non_empty_str(value: Option<Shallow>) -> Result<String, Problem> {
    match value {
        None => Err(Problem::Missing),
        Some(Shallow::String(s)) if s.is_empty() => Err(Problem::Empty),
        Some(Shallow::String(s)) => Ok(s),
        Some(other) => Err(Problem::WrongType {
            expected: "a string",
            found: kind(&other),
        }),
    }
}

/// serde_json's complaint about text that is not JSON, said once: its message
/// without its own " at line L column C", and the column in characters (serde_json
/// counts bytes) so that it points at the same place in any script.
fn syntax_error(text: &str, error: &serde_json::Error) -> ConfigError {
    let (line, bytes) = (error.line(), error.column());
    let mut message = error.to_string();
    let suffix = format!(" at line {line} column {bytes}");
    if message.ends_with(&suffix) {
        message.truncate(message.len() - suffix.len());
    }
    let line_text = text.split('\n').nth(line.saturating_sub(1)).unwrap_or("");
    let column = line_text
        .char_indices()
        .take_while(|&(at, _)| at < bytes)
        .count();
    ConfigError::Syntax {
        message,
        line,
        column: column.max(1),
    }
}

/// Reads a whole attribute as JSON, as deep as `place` needs.
pub(super) fn read(json: &str, place: Place) -> Result<Shallow, ConfigError> {
    let mut reader = serde_json::Deserializer::from_str(json);
    place
        .deserialize(&mut reader)
        .and_then(|root| reader.end().map(|()| root))
        .map_err(|e| syntax_error(json, &e))
}

/// One action as the page gives it, checked: id, label, scope names, access
/// and group.
struct Checked {
    id: String,
    label: String,
    scopes: Vec<String>,
    access: Access,
    /// The action's `"group"`, or (once derived) its first scope's resource.
    group: Option<String>,
}

/// Checks the item at `index` of the attribute's array.
fn check(index: usize, item: Shallow) -> Result<Checked, ConfigError> {
    let record = match item {
        Shallow::Action(record) => *record,
        other => {
            let found = kind(&other);
            return Err(ConfigError::NotAnObject { index, found });
        }
    };
    let field = |field: &'static str, problem| ConfigError::Field {
        index,
        field,
        problem,
    };
    let id = non_empty_str(record.id).map_err(|p| field("id", p))?;
    let label = non_empty_str(record.label).map_err(|p| field("label", p))?;
    let scopes = match record.scopes {
        Some(Shallow::List(scopes)) => scopes,
        None => return Err(field("scopes", Problem::Missing)),
        Some(other) => {
            let (expected, found) = ("an array of strings", kind(&other));
            return Err(field("scopes", Problem::WrongType { expected, found }));
        }
    };
    let scopes = scopes
        .into_iter()
        .enumerate()
        .map(|(position, scope)| {
            non_empty_str(Some(scope)).map_err(|problem| ConfigError::Scope {
                index,
                position,
                problem,
            })
        })
        .collect::<Result<Vec<String>, _>>()?;
    let access = match record.access {
        None => {
            let names: Vec<&str> = scopes.iter().map(String::as_str).collect();
            access::classify(&label, &names)
        }
        Some(Shallow::String(access)) if access == "read" => Access::Read,
        Some(Shallow::String(access)) if access == "write" => Access::Write,
        Some(other) => {
            let found = match other {
                Shallow::String(_) => "another string",
                other => kind(&other),
            };
            let expected = "\"read\" or \"write\"";
            return Err(field("access", Problem::WrongType { expected, found }));
        }
    };
    // Without a `"group"`, derived from the first scope once every scope of
    // the catalog is known (in `Catalog::parse_with`).
    let group = match record.group {
        None => None,
        group => Some(non_empty_str(group).map_err(|p| field("group", p))?),
    };
    Ok(Checked {
        id,
        label,
        scopes,
        access,
        group,
    })
}

impl Checked {
    /// The action, its scopes numbered as in `scopes` (sorted, unique).
    fn into_action(self, scopes: &[String], lowercase: Lowercase) -> Action {
        // Scope ids follow the names' order, so sorted names give sorted ids.
        let mut names: Vec<&str> = self.scopes.iter().map(String::as_str).collect();
        names.sort_unstable();
        names.dedup();
        let ids = names
            .into_iter()
            .filter_map(|name| scopes.binary_search_by(|s| s.as_str().cmp(name)).ok())
            .map(|i| i as ScopeId)
            .collect();
        let mut haystack = format!("{}\n{}", self.label, self.id);
        for name in &self.scopes {
            haystack.push('\n');
            haystack.push_str(name);
        }
        Action {
            id: self.id,
            label: self.label,
            scopes: ids,
            access: self.access,
            haystack: fold(&haystack, lowercase),
        }
    }
}

/// Each id's page position, or the first id the page repeats.
fn positions_by_id(raw: &[Checked]) -> Result<HashMap<String, u32>, ConfigError> {
    let mut by_id = HashMap::with_capacity(raw.len());
    for (second, action) in raw.iter().enumerate() {
        if let Some(first) = by_id.insert(action.id.clone(), second as u32) {
            return Err(ConfigError::DuplicateId {
                id: action.id.clone(),
                first: first as usize,
                second,
            });
        }
    }
    Ok(by_id)
}

/// Table order, as page positions, and the groups: each group where the page
/// first mentions it, actions in page order within it.
fn table_order(raw: &[Checked]) -> (Vec<u32>, Vec<Group>) {
    let mut index: HashMap<String, u32> = HashMap::new();
    let mut members: Vec<(&str, Vec<u32>)> = Vec::new();
    for (position, action) in raw.iter().enumerate() {
        let name = action.group.as_deref().unwrap_or("");
        let group = *index.entry(name.to_owned()).or_insert_with(|| {
            members.push((name, Vec::new()));
            members.len() as u32 - 1
        });
        members[group as usize].1.push(position as u32);
    }
    let mut table = Vec::with_capacity(raw.len());
    let mut groups = Vec::with_capacity(members.len());
    for (name, positions) in members {
        let start = table.len();
        table.extend(positions);
        groups.push(Group {
            name: name.to_owned(),
            actions: start..table.len(),
        });
    }
    (table, groups)
}

/// Per scope: a read when every action that needs it only reads.
fn scope_access(actions: &[Action], scopes: usize) -> Vec<Access> {
    let mut access = vec![Access::Read; scopes];
    for action in actions.iter().filter(|a| a.access == Access::Write) {
        for &scope in &action.scopes {
            if let Some(access) = access.get_mut(scope as usize) {
                *access = Access::Write;
            }
        }
    }
    access
}

impl Catalog {
    /// Reads the value of `data-guide-actions-json`.
    ///
    /// ```
    /// use guide_scopes::model::Catalog;
    /// let catalog = Catalog::parse(r#"[{"id":"list","label":"List","scopes":["read"]}]"#).unwrap();
    /// assert_eq!(catalog.actions()[0].label, "List");
    /// assert_eq!(catalog.scope_name(catalog.actions()[0].scopes[0]), "read");
    /// ```
    pub fn parse(json: &str) -> Result<Catalog, ConfigError> {
        Catalog::parse_with(json, GroupBy::Resource, str::to_lowercase)
    }

    /// Reads the value of `data-guide-actions-json`, grouping its actions as
    /// `group_by` asks, its search text lower-cased by `lowercase`. Errors name
    /// actions by their index in the attribute.
    pub fn parse_with(
        json: &str,
        group_by: GroupBy,
        lowercase: Lowercase,
    ) -> Result<Catalog, ConfigError> {
        let items = match read(json, Place::Root)? {
            Shallow::List(items) => items,
            other => {
                let found = kind(&other);
                return Err(ConfigError::NotAnArray { found });
            }
        };
        let mut raw = items
            .into_iter()
            .enumerate()
            .map(|(index, item)| check(index, item))
            .collect::<Result<Vec<Checked>, _>>()?;

        let by_id = positions_by_id(&raw)?;
        let mut scopes: Vec<&str> = raw
            .iter()
            .flat_map(|action| action.scopes.iter().map(String::as_str))
            .collect();
        scopes.sort_unstable();
        scopes.dedup();
        let scopes: Vec<String> = scopes.into_iter().map(str::to_owned).collect();

        let (table, groups) = match group_by {
            GroupBy::Resource => {
                let namespace = group::shared_namespace(&scopes);
                for action in raw.iter_mut().filter(|a| a.group.is_none()) {
                    let scope = action.scopes.first().map_or("", String::as_str);
                    action.group = Some(group::resource(scope, namespace).to_owned());
                }
                table_order(&raw)
            }
            GroupBy::Nothing => ((0..raw.len() as u32).collect(), Vec::new()),
        };
        // `by_id` holds page positions; it needs table positions.
        let mut position = vec![0u32; raw.len()];
        for (at, &i) in table.iter().enumerate() {
            position[i as usize] = at as u32;
        }
        let by_id = by_id
            .into_iter()
            .map(|(id, page)| (id, position[page as usize]))
            .collect();
        let grouped = group::worth_grouping(groups.len(), raw.len());
        let groups = match grouped {
            true => groups,
            false => vec![Group {
                name: String::new(),
                actions: 0..raw.len(),
            }],
        };
        let mut raw: Vec<Option<Checked>> = raw.into_iter().map(Some).collect();
        let actions: Vec<Action> = table
            .iter()
            .filter_map(|&i| raw[i as usize].take())
            .map(|action| action.into_action(&scopes, lowercase))
            .collect();
        let scope_access = scope_access(&actions, scopes.len());
        Ok(Catalog {
            actions,
            scopes,
            by_id,
            scope_access,
            groups,
            grouped,
            implies: Vec::new(),
        })
    }

    /// Reads `data-guide-scope-implies`: from then on a scope includes the
    /// scopes the attribute says it does. On error nothing changes.
    pub fn imply(&mut self, json: &str) -> Result<(), ImpliesError> {
        self.implies = implies::closure(self, json)?;
        Ok(())
    }

    /// The scopes of this catalog that the scope `name` includes, directly or
    /// not (see [`Catalog::imply`]); `name` need not be one any action needs.
    pub fn includes(&self, name: &str) -> &[ScopeId] {
        match self
            .implies
            .binary_search_by(|(scope, _)| scope.as_str().cmp(name))
        {
            Ok(at) => &self.implies[at].1,
            Err(_) => &[],
        }
    }

    /// The groups of actions, in table order. When the catalog is not
    /// [grouped](Catalog::is_grouped), one unnamed group holds every action.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// Whether the table shows groups: grouping is on and the actions fall in
    /// two or more.
    pub fn is_grouped(&self) -> bool {
        self.grouped
    }

    /// The actions, in table order: the page's, grouped unless grouping is off.
    pub fn actions(&self) -> &[Action] {
        &self.actions
    }

    /// How many actions there are.
    pub fn len(&self) -> usize {
        self.actions.len()
    }

    /// True when the page offers no actions.
    pub fn is_empty(&self) -> bool {
        self.actions.is_empty()
    }

    /// Whether a scope is only needed by actions that read.
    pub fn scope_access(&self, id: ScopeId) -> Access {
        self.scope_access
            .get(id as usize)
            .copied()
            .unwrap_or(Access::Write)
    }

    /// Every scope any action needs, sorted.
    pub fn scopes(&self) -> &[String] {
        &self.scopes
    }

    /// The name of a scope.
    pub fn scope_name(&self, id: ScopeId) -> &str {
        self.scopes.get(id as usize).map_or("", String::as_str)
    }

    /// The id of a scope name, if any action needs it.
    pub fn scope_id(&self, name: &str) -> Option<ScopeId> {
        self.scopes
            .binary_search_by(|s| s.as_str().cmp(name))
            .ok()
            .map(|i| i as ScopeId)
    }

    /// The position of the action with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).map(|&position| position as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(json: &str) -> String {
        Catalog::parse(json).unwrap_err().to_string()
    }

    #[test]
    fn parses_in_page_order_with_sorted_scopes() {
        let c = Catalog::parse(
            r#"[{"id":"b","label":"B","scopes":["z","a","z"]},{"id":"a","label":"A","scopes":[]}]"#,
        )
        .unwrap();
        assert_eq!(c.len(), 2);
        assert_eq!(c.actions()[0].id, "b");
        assert_eq!(c.scopes(), ["a", "z"]);
        assert_eq!(c.actions()[0].scopes, vec![0, 1]);
        assert_eq!(c.position("a"), Some(1));
        assert_eq!(c.position("b"), Some(0));
        assert_eq!(c.position("c"), None);
        assert_eq!(c.scope_id("z"), Some(1));
        assert_eq!(c.scope_id("q"), None);
    }

    #[test]
    fn ignores_unknown_fields() {
        let c = Catalog::parse(r#"[{"id":"a","label":"A","scopes":["s"],"tags":1}]"#).unwrap();
        assert_eq!(c.actions()[0].label, "A");
    }

    #[test]
    fn access_is_guessed_or_given() {
        let c = Catalog::parse(
            r#"[{"id":"a","label":"List things","scopes":["t.read"]},
                {"id":"b","label":"List things","scopes":["t.read"],"access":"write"},
                {"id":"c","label":"Frobnicate","scopes":[],"access":"read"}]"#,
        )
        .unwrap();
        let access: Vec<Access> = c.actions().iter().map(|a| a.access).collect();
        assert_eq!(access, [Access::Read, Access::Write, Access::Read]);
        let message = err(r#"[{"id":"a","label":"A","scopes":[],"access":"admin"}]"#);
        assert!(
            message.contains(r#""access" must be "read" or "write", but is another string"#),
            "{message}"
        );
        assert!(
            err(r#"[{"id":"a","label":"A","scopes":[],"access":1}]"#).contains("but is a number")
        );
    }

    #[test]
    fn empty_array_is_valid() {
        assert!(Catalog::parse("[]").unwrap().is_empty());
    }

    #[test]
    fn syntax_error_names_line_and_column() {
        let message = err("[\n  {\"id\": }\n]");
        assert!(message.contains("not valid JSON"), "{message}");
        assert!(message.contains("line 2, column 10"), "{message}");
    }

    #[test]
    fn non_array() {
        assert!(err(r#"{"id":"a"}"#).contains("must be a JSON array of actions, but is an object"));
    }

    #[test]
    fn item_not_object() {
        assert!(
            err(r#"[1]"#).contains("index 0")
                && err("[1]").contains("must be an object, but is a number")
        );
    }

    #[test]
    fn missing_id() {
        assert!(err(r#"[{"label":"A","scopes":[]}]"#).contains("\"id\" is missing"));
    }

    #[test]
    fn empty_label() {
        assert!(
            err(r#"[{"id":"a","label":"","scopes":[]}]"#).contains("\"label\" is an empty string")
        );
    }

    #[test]
    fn non_string_label() {
        let message =
            err(r#"[{"id":"a","label":"A","scopes":[]},{"id":"b","label":7,"scopes":[]}]"#);
        assert!(message.contains("index 1"), "{message}");
        assert!(
            message.contains("\"label\" must be a string, but is a number"),
            "{message}"
        );
    }

    #[test]
    fn scopes_not_array() {
        assert!(err(r#"[{"id":"a","label":"A","scopes":"read"}]"#)
            .contains("\"scopes\" must be an array of strings, but is a string"));
        assert!(err(r#"[{"id":"a","label":"A"}]"#).contains("\"scopes\" is missing"));
    }

    #[test]
    fn scope_item_not_string() {
        let message = err(r#"[{"id":"a","label":"A","scopes":["x",null]}]"#);
        assert!(
            message.contains("scope 1 must be a string, but is null"),
            "{message}"
        );
        assert!(
            err(r#"[{"id":"a","label":"A","scopes":[""]}]"#).contains("scope 0 is an empty string")
        );
    }

    #[test]
    fn duplicate_ids() {
        let message = err(
            r#"[{"id":"a","label":"A","scopes":[]},{"id":"b","label":"B","scopes":[]},{"id":"a","label":"C","scopes":[]}]"#,
        );
        assert!(message.contains("index 0 and 2"), "{message}");
        assert!(message.contains("\"a\""), "{message}");
    }

    #[test]
    fn any_depth_of_nesting_is_read_without_recursion() {
        // Far beyond serde_json's recursion limit (128), on the test thread's
        // ordinary stack: what is not needed is skipped, never descended into.
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert_eq!(
            err(&deep),
            "Action at index 0 in data-guide-actions-json must be an object, but is an array."
        );
        assert_eq!(
            err(&format!(r#"{{"a":{deep}}}"#)),
            "The data-guide-actions-json attribute must be a JSON array of actions, but is an object."
        );
        assert_eq!(
            err(&format!(r#"[{{"id":"a","label":"A","scopes":[{deep}]}}]"#)),
            "Action at index 0 in data-guide-actions-json: scope 0 must be a string, but is an array."
        );
        assert_eq!(
            err(&format!(r#"[{{"id":{deep},"label":"A","scopes":[]}}]"#)),
            "Action at index 0 in data-guide-actions-json: \"id\" must be a string, but is an array."
        );
        let json = format!(r#"[{{"id":"a","label":"A","scopes":[],"x":{deep}}}]"#);
        assert_eq!(Catalog::parse(&json).map(|c| c.len()), Ok(1));
        // Skipped, but still checked: text that is not JSON stays an error.
        let broken = err(&format!("{}{}", "[".repeat(10_000), "]".repeat(9_999)));
        assert!(broken.contains("EOF while parsing a list"), "{broken}");
    }

    #[test]
    fn mistakes_in_skipped_values_are_syntax_errors_where_they_are() {
        // serde_json skips values the catalog does not use without reading
        // them, and says a few mistakes there in words of its own.
        let cases = [
            (r#"[{"id":"a","x":[1,]}]"#, "expected value (line 1, column 19)"),
            (r#"[{"id":"a","x":{"b":1,}}]"#, "key must be a string (line 1, column 23)"),
            ("[{\"id\":\"a\",\"x\":\"\u{1}\"}]", "control character (\\u0000-\\u001F) found while parsing a string (line 1, column 16)"),
            (r#"{"a":[1.]}"#, "invalid number (line 1, column 9)"),
            (r#"[[1,"#, "EOF while parsing a value (line 1, column 4)"),
        ];
        for (json, expected) in cases {
            let expected =
                format!("The data-guide-actions-json attribute is not valid JSON: {expected}.");
            assert_eq!(err(json), expected, "{json:?}");
        }
    }

    #[test]
    fn skipped_values_are_checked_as_json_text_only() {
        // serde_json's skipping neither converts numbers nor decodes escapes;
        // the values an action uses are read in full.
        let json = r#"[{"id":"a","label":"A","scopes":[],"x":[1e999,"\uD800"]}]"#;
        assert_eq!(Catalog::parse(json).map(|c| c.len()), Ok(1));
        assert_eq!(
            err(r#"[{"id":"a","label":1e999,"scopes":[]}]"#),
            "The data-guide-actions-json attribute is not valid JSON: number out of range (line 1, column 24)."
        );
        assert_eq!(
            err(r#"[{"id":"a","label":"\uD800","scopes":[]}]"#),
            "The data-guide-actions-json attribute is not valid JSON: unexpected end of hex escape (line 1, column 27)."
        );
    }

    #[test]
    fn syntax_errors_say_what_and_where_once() {
        let cases = [
            ("[{\"id\": }]", "expected value (line 1, column 9)"),
            ("[\n  {\"id\": }\n]", "expected value (line 2, column 10)"),
            (r#"[{"id":"a"},]"#, "trailing comma (line 1, column 13)"),
            (r#"[{"id" "a"}]"#, "expected `:` (line 1, column 8)"),
            ("[1 2]", "expected `,` or `]` (line 1, column 4)"),
            ("[] []", "trailing characters (line 1, column 4)"),
            ("", "EOF while parsing a value (line 1, column 1)"),
            // serde_json says column 0 after a newline; the reader sees 1.
            ("[\n", "EOF while parsing a list (line 2, column 1)"),
            // Columns count characters, not bytes (the `]` is byte 11).
            ("[\"été\", ]", "trailing comma (line 1, column 9)"),
        ];
        for (json, expected) in cases {
            let expected =
                format!("The data-guide-actions-json attribute is not valid JSON: {expected}.");
            assert_eq!(err(json), expected, "{json:?}");
        }
    }

    #[test]
    fn a_null_field_is_there_but_not_a_string() {
        assert_eq!(
            err(r#"[{"id":null,"label":"A","scopes":[]}]"#),
            "Action at index 0 in data-guide-actions-json: \"id\" must be a string, but is null."
        );
        assert!(err(r#"[{"id":"a","label":"A","scopes":null}]"#)
            .contains("\"scopes\" must be an array of strings, but is null"));
        assert!(err(r#"[{"id":"a","label":"A","scopes":[],"access":null}]"#)
            .contains("\"access\" must be \"read\" or \"write\", but is null"));
    }

    #[test]
    fn the_last_of_a_repeated_field_counts() {
        let c = Catalog::parse(
            r#"[{"id":"a","label":"A","x":{"label":"no"},"label":"B","scopes":[]}]"#,
        )
        .unwrap();
        assert_eq!(c.actions()[0].label, "B");
    }

    #[test]
    fn items_name_the_type_they_are() {
        let found = ["1", "-0.5e+3", "true", "null", "\"s\"", "[]", "[{}]"];
        let expected = [
            "a number",
            "a number",
            "a boolean",
            "null",
            "a string",
            "an array",
            "an array",
        ];
        for (json, expected) in found.into_iter().zip(expected) {
            let message = err(&format!("[{json}]"));
            assert!(
                message.ends_with(&format!("must be an object, but is {expected}.")),
                "{message}"
            );
        }
        assert!(err("\"x\"").contains("must be a JSON array of actions, but is a string"));
    }

    #[test]
    fn the_first_repeated_id_in_page_order_is_named() {
        let message = err(
            r#"[{"id":"b","label":"B","scopes":[]},{"id":"a","label":"A","scopes":[]},
                {"id":"b","label":"B","scopes":[]},{"id":"a","label":"A","scopes":[]}]"#,
        );
        assert_eq!(
            message,
            "Actions at index 0 and 2 in data-guide-actions-json share the id \"b\"; ids must be unique."
        );
    }

    #[test]
    fn strings_with_every_escape_read_back() {
        let c = Catalog::parse(
            r#"[{"id":"a","label":"q\" b\\ s\/ \b\f\n\r\t \u00e9 \uD83C\uDF89 ü","scopes":[]}]"#,
        )
        .unwrap();
        assert_eq!(c.actions()[0].label, "q\" b\\ s/ \u{8}\u{c}\n\r\t é 🎉 ü");
    }

    #[test]
    fn missing_attribute_message() {
        assert!(ConfigError::Missing
            .to_string()
            .contains("data-guide-actions-json"));
    }

    /// `(name, labels)` of each group, in table order.
    fn groups(c: &Catalog) -> Vec<(&str, Vec<&str>)> {
        let label = |p: usize| c.actions()[p].label.as_str();
        c.groups()
            .iter()
            .map(|g| (g.name.as_str(), g.actions.clone().map(label).collect()))
            .collect()
    }

    const MIXED: &str = r#"[
        {"id":"w1","label":"W1","scopes":["public.workflows.readWorkflows"]},
        {"id":"r1","label":"R1","scopes":["public.records.readRecords","public.workflows.readWorkflows"]},
        {"id":"w2","label":"W2","scopes":["public.workflows.createWorkflows"]},
        {"id":"x","label":"X","scopes":[]},
        {"id":"h1","label":"H1","scopes":["public.webhooks.readWebhooks"],"group":"records"},
        {"id":"r2","label":"R2","scopes":["public.records.deleteRecords"]}
    ]"#;

    #[test]
    fn groups_by_resource_in_first_mention_order() {
        let c = Catalog::parse(MIXED).unwrap();
        assert!(c.is_grouped());
        assert_eq!(
            groups(&c),
            [
                ("workflows", vec!["W1", "W2"]),
                ("records", vec!["R1", "H1", "R2"]),
                ("", vec!["X"]),
            ]
        );
        // Positions are table positions, everywhere.
        assert_eq!(c.position("w2"), Some(1));
        assert_eq!(c.position("r2"), Some(4));
        assert_eq!(c.position("x"), Some(5));
        assert_eq!(c.actions()[c.position("h1").unwrap()].id, "h1");
    }

    #[test]
    fn grouping_off_keeps_the_page_order() {
        let c = Catalog::parse_with(MIXED, GroupBy::Nothing, str::to_lowercase).unwrap();
        assert!(!c.is_grouped());
        assert_eq!(groups(&c), [("", vec!["W1", "R1", "W2", "X", "H1", "R2"])]);
        let ids: Vec<&str> = c.actions().iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["w1", "r1", "w2", "x", "h1", "r2"]);
        assert_eq!(c.position("r2"), Some(5));
    }

    #[test]
    fn one_group_is_no_grouping() {
        let c = Catalog::parse(
            r#"[{"id":"a","label":"A","scopes":["https://www.googleapis.com/auth/gmail.send"]},
                {"id":"b","label":"B","scopes":["https://www.googleapis.com/auth/gmail.readonly"]}]"#,
        )
        .unwrap();
        assert!(!c.is_grouped());
        assert_eq!(groups(&c), [("", vec!["A", "B"])]);
    }

    #[test]
    fn url_style_scopes_group_by_path() {
        let g = |s: &str| format!("\"https://www.googleapis.com/auth/{s}\"");
        let json = format!(
            r#"[{{"id":"a","label":"A","scopes":[{}]}},{{"id":"b","label":"B","scopes":[{}]}},
                {{"id":"c","label":"C","scopes":[{}]}}]"#,
            g("gmail.send"),
            g("calendar.events"),
            g("gmail.readonly")
        );
        let c = Catalog::parse(&json).unwrap();
        assert_eq!(
            groups(&c),
            [("gmail", vec!["A", "C"]), ("calendar", vec!["B"])]
        );
    }

    #[test]
    fn a_group_field_must_be_a_non_empty_string() {
        let message = err(r#"[{"id":"a","label":"A","scopes":[],"group":1}]"#);
        assert_eq!(
            message,
            "Action at index 0 in data-guide-actions-json: \"group\" must be a string, but is a number."
        );
        let message = err(r#"[{"id":"a","label":"A","scopes":[],"group":""}]"#);
        assert!(
            message.contains("\"group\" is an empty string"),
            "{message}"
        );
    }

    #[test]
    fn errors_name_page_indices_when_grouped() {
        let message = err(
            r#"[{"id":"a","label":"A","scopes":["p.x.r"]},{"id":"b","label":"B","scopes":["p.y.r"]},{"id":"a","label":"C","scopes":["p.y.r"]}]"#,
        );
        assert!(message.contains("index 0 and 2"), "{message}");
    }
}
