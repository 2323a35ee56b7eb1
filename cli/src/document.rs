//! Reading the text of a document: JSON or YAML, and which specification.

use serde_json::Value;

use crate::error::Error;

/// The specification a document follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spec {
    /// OpenAPI 3.0 or 3.1: schemes in `components.securitySchemes`.
    OpenApi3,
    /// Swagger 2.0: schemes in `securityDefinitions`.
    Swagger2,
}

impl Spec {
    /// Which specification `doc` follows, from its `openapi` or `swagger` field.
    pub fn of(doc: &Value) -> Result<Spec, Error> {
        let fields = match doc {
            Value::Object(fields) => fields,
            Value::Null => return Err(not_open_api("the document is empty")),
            other => {
                let reason = format!("the document is {}, not a mapping", kind(other));
                return Err(not_open_api(&reason));
            }
        };
        if let Some(version) = fields.get("openapi") {
            let version = version_text(version);
            return match version.starts_with("3.") {
                true => Ok(Spec::OpenApi3),
                false => Err(Error::UnsupportedVersion {
                    field: "openapi",
                    version,
                }),
            };
        }
        if let Some(version) = fields.get("swagger") {
            let version = version_text(version);
            return match version == "2.0" || version == "2" {
                true => Ok(Spec::Swagger2),
                false => Err(Error::UnsupportedVersion {
                    field: "swagger",
                    version,
                }),
            };
        }
        Err(not_open_api(
            "it has neither an `openapi` nor a `swagger` field",
        ))
    }

    /// Where the document's security schemes live, as keys joined by dots.
    pub fn schemes_place(self) -> &'static str {
        match self {
            Spec::OpenApi3 => "components.securitySchemes",
            Spec::Swagger2 => "securityDefinitions",
        }
    }
}

/// Parses `text` as JSON when it starts like a JSON object, else as YAML.
/// (YAML would read most JSON too, but serde_json's messages are the ones a
/// JSON author expects.)
pub fn parse(text: &str) -> Result<Value, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start().starts_with('{') {
        parse_json(text)
    } else {
        parse_yaml(text)
    }
}

fn parse_json(text: &str) -> Result<Value, Error> {
    serde_json::from_str(text).map_err(|e| {
        let (line, column) = (e.line(), e.column());
        let message = e.to_string();
        let suffix = format!(" at line {line} column {column}");
        let message = message.strip_suffix(&suffix).unwrap_or(&message).to_owned();
        Error::Syntax {
            format: "JSON",
            line,
            column,
            message,
        }
    })
}

fn parse_yaml(text: &str) -> Result<Value, Error> {
    // The default budget suits configuration files; the largest public API
    // descriptions have millions of nodes. Aliases stay limited.
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_events: 50_000_000,
            max_nodes: 20_000_000,
            max_depth: 128,
            max_total_scalar_bytes: 512 * 1024 * 1024,
        },
        strict_booleans: true,
        with_snippet: false,
    };
    serde_saphyr::from_str_with_options(text, options).map_err(|e| {
        let location = e.location();
        let line = location.map_or(0, |l| l.line()) as usize;
        let column = location.map_or(0, |l| l.column()) as usize;
        let message = e.to_string();
        let suffix = format!(" at line {line}, column {column}");
        let message = message.strip_suffix(&suffix).unwrap_or(&message);
        // The parser suggests one of its own options for repeated keys.
        let message = message
            .split(", set DuplicateKeyPolicy")
            .next()
            .unwrap_or(message);
        Error::Syntax {
            format: "YAML",
            line,
            column,
            message: message.to_owned(),
        }
    })
}

fn version_text(version: &Value) -> String {
    match version {
        Value::String(text) => text.trim().to_owned(),
        other => other.to_string(),
    }
}

fn not_open_api(reason: &str) -> Error {
    Error::NotOpenApi {
        reason: reason.to_owned(),
    }
}

/// The JSON type of `value`, with its article, for messages.
pub fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping",
    }
}
