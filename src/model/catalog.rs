//! The actions a host page offers, read from `data-guide-actions-json`.

use std::fmt;

use super::access::{self, Access};
use super::fold::fold;
use super::group::{self, Group, GroupBy};
use super::json::{self, Item, List, Value};
use super::order;

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
    /// Indices into `actions`, sorted by id, for looking ids up.
    by_id: Vec<u32>,
    /// Per scope: a read when every action that needs it only reads.
    scope_access: Vec<Access>,
    /// The groups, in table order: one unnamed group of every action when
    /// there are fewer than two, or grouping is off.
    groups: Vec<Group>,
    /// Whether `groups` are groups a reader sees (two or more by resource).
    grouped: bool,
}

/// Why the actions attribute could not be used. Its `Display` is the message the
/// reader sees inside the widget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// The host element has no `data-guide-actions-json` attribute.
    Missing,
    /// The attribute is not JSON at all.
    Syntax {
        /// What is wrong.
        message: &'static str,
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

fn non_empty_str(value: Option<&Value>) -> Result<&str, Problem> {
    match value {
        None => Err(Problem::Missing),
        Some(Value::Str(s)) if s.is_empty() => Err(Problem::Empty),
        Some(Value::Str(s)) => Ok(s),
        Some(Value::Other(found)) => Err(Problem::WrongType {
            expected: "a string",
            found,
        }),
    }
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
        Catalog::parse_with(json, GroupBy::Resource)
    }

    /// Reads the value of `data-guide-actions-json`, grouping its actions as
    /// `group_by` asks. Errors name actions by their index in the attribute.
    pub fn parse_with(json: &str, group_by: GroupBy) -> Result<Catalog, ConfigError> {
        let root = json::actions(json).map_err(|e| ConfigError::Syntax {
            message: e.message,
            line: e.line,
            column: e.column,
        })?;
        let items = match root {
            List::Items(items) => items,
            List::Other(found) => return Err(ConfigError::NotAnArray { found }),
        };

        // First pass: check every item and collect the raw scope names.
        let mut raw = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            let fields = match item {
                Item::Object(fields) => fields,
                Item::Other(found) => return Err(ConfigError::NotAnObject { index, found }),
            };
            let field = |field: &'static str, problem| ConfigError::Field {
                index,
                field,
                problem,
            };
            let id = non_empty_str(fields.id.as_ref()).map_err(|p| field("id", p))?;
            let label = non_empty_str(fields.label.as_ref()).map_err(|p| field("label", p))?;
            let scopes = match &fields.scopes {
                Some(List::Items(scopes)) => scopes,
                other => {
                    return Err(ConfigError::Field {
                        index,
                        field: "scopes",
                        problem: match other {
                            Some(List::Other(found)) => Problem::WrongType {
                                expected: "an array of strings",
                                found,
                            },
                            _ => Problem::Missing,
                        },
                    })
                }
            };
            let scopes = scopes
                .iter()
                .enumerate()
                .map(|(position, scope)| {
                    non_empty_str(Some(scope)).map_err(|problem| ConfigError::Scope {
                        index,
                        position,
                        problem,
                    })
                })
                .collect::<Result<Vec<&str>, _>>()?;
            let access = match &fields.access {
                None => access::classify(label, &scopes),
                Some(Value::Str(access)) if access == "read" => Access::Read,
                Some(Value::Str(access)) if access == "write" => Access::Write,
                Some(other) => {
                    let found = match other {
                        Value::Str(_) => "another string",
                        Value::Other(found) => found,
                    };
                    let expected = "\"read\" or \"write\"";
                    return Err(field("access", Problem::WrongType { expected, found }));
                }
            };
            let group = match &fields.group {
                None => scopes.first().map_or("", |scope| group::resource(scope)),
                group => non_empty_str(group.as_ref()).map_err(|p| field("group", p))?,
            };
            raw.push((id, label, scopes, access, group));
        }

        let mut by_id: Vec<u32> = (0..raw.len() as u32).collect();
        order::sort_by(&mut by_id, &|a, b| {
            raw[a as usize].0.cmp(raw[b as usize].0).then(a.cmp(&b))
        });
        if let Some(pair) = by_id
            .windows(2)
            .find(|pair| raw[pair[0] as usize].0 == raw[pair[1] as usize].0)
        {
            return Err(ConfigError::DuplicateId {
                id: raw[pair[0] as usize].0.to_owned(),
                first: pair[0] as usize,
                second: pair[1] as usize,
            });
        }

        let scopes = order::unique_names(raw.iter().flat_map(|(_, _, s, _, _)| s.iter().copied()));

        // Table order: each group where the page first mentions it, actions in
        // page order within it.
        let mut table: Vec<u32> = (0..raw.len() as u32).collect();
        let mut groups = Vec::new();
        if group_by == GroupBy::Resource {
            let name = |i: u32| raw[i as usize].4;
            order::sort_by(&mut table, &|a, b| name(a).cmp(name(b)).then(a.cmp(&b)));
            // Each action's group, by where the page first mentions it.
            let mut first = vec![0u32; raw.len()];
            for run in table.chunk_by(|&a, &b| name(a) == name(b)) {
                for &i in run {
                    first[i as usize] = run[0];
                }
            }
            order::sort_by(&mut table, &|a, b| {
                first[a as usize].cmp(&first[b as usize]).then(a.cmp(&b))
            });
            for run in table.chunk_by(|&a, &b| first[a as usize] == first[b as usize]) {
                let start = groups.last().map_or(0, |g: &Group| g.actions.end);
                groups.push(Group {
                    name: name(run[0]).to_owned(),
                    actions: start..start + run.len(),
                });
            }
            // `by_id` holds page positions; it now needs table positions.
            let mut position = vec![0u32; raw.len()];
            for (at, &i) in table.iter().enumerate() {
                position[i as usize] = at as u32;
            }
            for i in &mut by_id {
                *i = position[*i as usize];
            }
        }
        let grouped = groups.len() > 1;
        if !grouped {
            groups = vec![Group {
                name: String::new(),
                actions: 0..raw.len(),
            }];
        }
        let mut raw: Vec<_> = raw.into_iter().map(Some).collect();

        let actions = table
            .iter()
            .filter_map(|&i| raw[i as usize].take())
            .map(|(id, label, names, access, _)| {
                let mut ids: Vec<ScopeId> = names
                    .iter()
                    .filter_map(|name| scopes.binary_search_by(|s| s.as_str().cmp(name)).ok())
                    .map(|i| i as ScopeId)
                    .collect();
                order::sort_unique(&mut ids);
                let mut haystack = format!("{label}\n{id}");
                for name in &names {
                    haystack.push('\n');
                    haystack.push_str(name);
                }
                Action {
                    id: id.to_owned(),
                    label: label.to_owned(),
                    scopes: ids,
                    access,
                    haystack: fold(&haystack),
                }
            })
            .collect::<Vec<Action>>();

        let mut scope_access = vec![Access::Read; scopes.len()];
        for action in actions
            .iter()
            .filter(|a: &&Action| a.access == Access::Write)
        {
            for &scope in &action.scopes {
                if let Some(access) = scope_access.get_mut(scope as usize) {
                    *access = Access::Write;
                }
            }
        }
        Ok(Catalog {
            actions,
            scopes,
            by_id,
            scope_access,
            groups,
            grouped,
        })
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
        self.by_id
            .binary_search_by(|&i| self.actions[i as usize].id.as_str().cmp(id))
            .ok()
            .map(|found| self.by_id[found] as usize)
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
    fn deep_nesting_is_an_error_not_a_crash() {
        // Nesting is skipped without recursion, so no depth can exhaust the stack.
        let json = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(err(&json)
            .contains("index 0 in data-guide-actions-json must be an object, but is an array"));
        let json = format!(
            r#"[{{"id":"a","label":"A","scopes":[],"x":{}{}}}]"#,
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        assert_eq!(Catalog::parse(&json).map(|c| c.len()), Ok(1));
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
        let c = Catalog::parse_with(MIXED, GroupBy::Nothing).unwrap();
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
