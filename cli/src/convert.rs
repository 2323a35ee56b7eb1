//! From a document to actions: one per operation that needs OAuth scopes.

use std::collections::HashSet;

use serde::Serialize;
use serde_json::Value;

use crate::document::Spec;
use crate::error::Error;
use crate::naming::{snake_case, words};
use crate::refs::{self, child_pointer, Target};
use crate::security::{self, object, shape, Schemes};

/// The HTTP methods that name operations in a path item.
const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// What the conversion may be told.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Use only this security scheme's requirements.
    pub scheme: Option<String>,
}

/// One action, as the widget's `data-guide-actions-json` has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Action {
    /// Unique; written to the page's URL.
    pub id: String,
    /// What the reader sees.
    pub label: String,
    /// The scopes the operation needs.
    pub scopes: Vec<String>,
    /// The operation's first tag.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// `read` for GET and HEAD, `write` otherwise.
    pub access: Access,
}

/// Whether an action only reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Access {
    /// GET and HEAD.
    Read,
    /// Every other method.
    Write,
}

/// The actions of a document, and what the author should know about them.
#[derive(Debug, Clone, Default)]
pub struct Conversion {
    /// One per operation with an OAuth requirement, in document order.
    pub actions: Vec<Action>,
    /// Operations without one.
    pub left_out: Vec<LeftOut>,
    /// Actions whose id another action had first.
    pub renamed: Vec<Renamed>,
    /// References to other documents, which were not followed.
    pub not_followed: Vec<String>,
    /// The OAuth schemes whose requirements were read.
    pub schemes: Vec<String>,
}

/// An operation that is not an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// `GET /path`.
    pub operation: String,
    /// Why.
    pub reason: Reason,
}

/// Why an operation is not an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Its `security` is `[]`: it needs no sign-in.
    Public,
    /// Neither it nor the document has a `security` requirement.
    NoRequirement,
    /// Its requirements name no OAuth 2.0 or OpenID Connect scheme.
    NoOAuth,
    /// Its requirements do not name the scheme chosen with `--scheme`.
    NotChosen(String),
}

/// An action whose id was taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renamed {
    /// `GET /path`.
    pub operation: String,
    /// The id it would have had.
    pub wanted: String,
    /// The id it has.
    pub id: String,
}

/// Turns an OpenAPI 3 or Swagger 2.0 document into actions.
pub fn convert(doc: &Value, options: &Options) -> Result<Conversion, Error> {
    let spec = Spec::of(doc)?;
    let not_followed = refs::check(doc)?;
    let schemes = Schemes::read(doc, spec)?;
    let oauth = schemes.oauth();
    if let Some(name) = &options.scheme {
        schemes.check_choice(name)?;
    } else if oauth.is_empty() {
        let place = spec.schemes_place();
        return Err(Error::NoOAuthScheme { place });
    }
    let mut conversion = Conversion {
        not_followed,
        schemes: options.scheme.clone().map_or(oauth, |name| vec![name]),
        ..Conversion::default()
    };
    let walk = Walk {
        doc,
        schemes: &schemes,
        only: options.scheme.as_deref(),
    };
    let mut taken = HashSet::new();
    let mut operations = 0;
    for operation in walk.operations()? {
        operations += 1;
        match walk.scopes(&operation)? {
            Ok(scopes) => {
                let action = operation.action(scopes);
                conversion.actions.push(unique(
                    action,
                    &operation,
                    &mut taken,
                    &mut conversion.renamed,
                ));
            }
            Err(reason) => conversion.left_out.push(LeftOut {
                operation: operation.name(),
                reason,
            }),
        }
    }
    if conversion.actions.is_empty() {
        return Err(Error::NoActions { operations });
    }
    Ok(conversion)
}

/// `action` with an id no earlier action has: its own, else with `_2`, `_3`...
fn unique(
    mut action: Action,
    operation: &Operation,
    taken: &mut HashSet<String>,
    renamed: &mut Vec<Renamed>,
) -> Action {
    let wanted = action.id.clone();
    let mut suffix = 2;
    while taken.contains(&action.id) {
        action.id = format!("{wanted}_{suffix}");
        suffix += 1;
    }
    if action.id != wanted {
        let id = action.id.clone();
        renamed.push(Renamed {
            operation: operation.name(),
            wanted,
            id,
        });
    }
    taken.insert(action.id.clone());
    action
}

/// One operation of the document, and where it is.
struct Operation<'a> {
    method: &'a str,
    path: &'a str,
    fields: &'a serde_json::Map<String, Value>,
    at: String,
}

impl Operation<'_> {
    /// `GET /pets/{petId}`.
    fn name(&self) -> String {
        format!("{} {}", self.method.to_uppercase(), self.path)
    }

    /// A text field on one line (runs of whitespace as one space); `None`
    /// when it is missing, blank or not text.
    fn text(&self, field: &str) -> Option<String> {
        let text = self.fields.get(field)?.as_str()?;
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        (!text.is_empty()).then_some(text)
    }

    /// The action for this operation, which needs `scopes`. Its id may still
    /// be taken (see [`unique`]).
    fn action(&self, scopes: Vec<String>) -> Action {
        let operation_id = self.text("operationId");
        let id = operation_id
            .as_deref()
            .map(snake_case)
            .filter(|id| !id.is_empty());
        let id = id.unwrap_or_else(|| snake_case(&format!("{} {}", self.method, self.path)));
        let label = self.text("summary");
        let label = label.or_else(|| operation_id.as_deref().map(words).filter(|w| !w.is_empty()));
        let group = self
            .fields
            .get("tags")
            .and_then(Value::as_array)
            .and_then(|tags| tags.first());
        let group = group
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|tag| !tag.is_empty());
        let access = match self.method {
            "get" | "head" => Access::Read,
            _ => Access::Write,
        };
        Action {
            id,
            label: label.unwrap_or_else(|| self.name()),
            scopes,
            group: group.map(str::to_owned),
            access,
        }
    }
}

/// What the walk over the paths needs to know.
struct Walk<'a> {
    doc: &'a Value,
    schemes: &'a Schemes,
    only: Option<&'a str>,
}

impl<'a> Walk<'a> {
    /// Every operation, in the order of the document's paths and methods.
    fn operations(&self) -> Result<Vec<Operation<'a>>, Error> {
        let paths = match self.doc.get("paths") {
            None | Some(Value::Null) => return Ok(Vec::new()),
            Some(paths) => object(paths, "#/paths")?,
        };
        let mut operations = Vec::new();
        for (path, item) in paths {
            if path.starts_with("x-") {
                continue;
            }
            let at = child_pointer("#/paths", path);
            let item = match refs::follow(self.doc, item, &at)? {
                Target::Found(item) => object(item, &at)?,
                // Named in the summary with every other remote reference.
                Target::Remote => continue,
            };
            for (method, operation) in item {
                if !METHODS.contains(&method.as_str()) {
                    continue;
                }
                let at = child_pointer(&at, method);
                let fields = object(operation, &at)?;
                operations.push(Operation {
                    method,
                    path,
                    fields,
                    at,
                });
            }
        }
        Ok(operations)
    }

    /// The scopes `operation` needs, or why it is not an action.
    fn scopes(&self, operation: &Operation) -> Result<Result<Vec<String>, Reason>, Error> {
        let (requirements, at) = match operation.fields.get("security") {
            Some(requirements) => (requirements, child_pointer(&operation.at, "security")),
            None => match self.doc.get("security") {
                Some(requirements) => (requirements, String::from("#/security")),
                None => return Ok(Err(Reason::NoRequirement)),
            },
        };
        let requirements = match requirements {
            Value::Array(requirements) => requirements,
            other => return Err(shape(&at, "a list of security requirements", other)),
        };
        if requirements.is_empty() {
            return Ok(Err(Reason::Public));
        }
        let name = operation.name();
        let scopes = security::scopes(requirements, &at, &name, self.schemes, self.only)?;
        let reason = match self.only {
            Some(name) => Reason::NotChosen(name.to_owned()),
            None => Reason::NoOAuth,
        };
        Ok(scopes.ok_or(reason))
    }
}

impl Conversion {
    /// What the author should know, a line each: how many actions, the
    /// operations left out and why, renamed ids, references not followed.
    pub fn summary(&self) -> Vec<String> {
        let mut lines = Vec::new();
        let operations = self.actions.len() + self.left_out.len();
        lines.push(format!(
            "{} from {} (schemes: {})",
            count(self.actions.len(), "action", "actions"),
            count(operations, "operation", "operations"),
            self.schemes.join(", ")
        ));
        if !self.left_out.is_empty() {
            lines.push(format!(
                "left out {}:",
                count(self.left_out.len(), "operation", "operations")
            ));
        }
        for left_out in &self.left_out {
            let why = match &left_out.reason {
                Reason::Public => "`security: []`, it needs no sign-in".to_owned(),
                Reason::NoRequirement => "no security requirement".to_owned(),
                Reason::NoOAuth => "no OAuth 2.0 or OpenID Connect requirement".to_owned(),
                Reason::NotChosen(name) => format!("no requirement names `{name}`"),
            };
            lines.push(format!("  {}: {why}", left_out.operation));
        }
        if !self.renamed.is_empty() {
            lines.push(format!(
                "renamed {} whose id was taken:",
                count(self.renamed.len(), "action", "actions")
            ));
        }
        for renamed in &self.renamed {
            lines.push(format!(
                "  {}: {} -> {}",
                renamed.operation, renamed.wanted, renamed.id
            ));
        }
        for reference in &self.not_followed {
            lines.push(format!(
                "not followed: `$ref: {reference}` (another document)"
            ));
        }
        lines
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
