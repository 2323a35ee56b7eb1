//! What can go wrong, worded for the author who runs the command.

use std::fmt;

/// Why a document could not be turned into actions. Its `Display` is the
/// message the command prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The text is not valid JSON or YAML.
    Syntax {
        /// `JSON` or `YAML`.
        format: &'static str,
        /// 1-based line of the problem (0 when the parser gives none).
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What is wrong, in the parser's words.
        message: String,
    },
    /// The text parses, but is not an OpenAPI or Swagger document.
    NotOpenApi {
        /// What was found instead.
        reason: String,
    },
    /// An `openapi` or `swagger` version this command does not read.
    UnsupportedVersion {
        /// `openapi` or `swagger`.
        field: &'static str,
        /// The version the document gives.
        version: String,
    },
    /// The document defines no OAuth 2.0 or OpenID Connect security scheme.
    NoOAuthScheme {
        /// Where the document's schemes live.
        place: &'static str,
    },
    /// `--scheme` names a scheme the document does not define.
    UnknownScheme {
        /// The name given.
        name: String,
        /// The document's OAuth 2.0 and OpenID Connect schemes.
        available: Vec<String>,
    },
    /// `--scheme` names a scheme that is not OAuth 2.0 or OpenID Connect.
    NotOAuth {
        /// The name given.
        name: String,
        /// Its `type`.
        kind: String,
    },
    /// A security requirement names a scheme the document does not define.
    UndefinedScheme {
        /// The scheme's name.
        name: String,
        /// The operation, as `GET /path`.
        operation: String,
    },
    /// A local `$ref` points at nothing.
    UnresolvedRef {
        /// The reference.
        reference: String,
        /// Where it appears, as a JSON pointer.
        at: String,
    },
    /// A chain of `$ref`s that never ends.
    RefCycle {
        /// The first reference of the chain.
        reference: String,
        /// Where it appears, as a JSON pointer.
        at: String,
    },
    /// A part of the document has the wrong type.
    Shape {
        /// Where, as a JSON pointer.
        at: String,
        /// What the specification asks for.
        expected: &'static str,
        /// What the document has.
        found: &'static str,
    },
    /// No operation has an OAuth 2.0 or OpenID Connect security requirement.
    NoActions {
        /// How many operations the document has.
        operations: usize,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Syntax {
                format,
                line: 0,
                message,
                ..
            } => {
                write!(f, "not valid {format}: {message}")
            }
            Error::Syntax {
                format,
                line,
                column,
                message,
            } => {
                write!(
                    f,
                    "not valid {format}: line {line}, column {column}: {message}"
                )
            }
            Error::NotOpenApi { reason } => {
                write!(f, "not an OpenAPI or Swagger document: {reason}")
            }
            Error::UnsupportedVersion { field, version } => write!(
                f,
                "`{field}: {version}` is a version this command does not read \
                 (it reads OpenAPI 3.0 and 3.1, and Swagger 2.0)"
            ),
            Error::NoOAuthScheme { place } => write!(
                f,
                "no OAuth 2.0 or OpenID Connect security scheme in `{place}`, \
                 so no operation names the scopes it needs"
            ),
            Error::UnknownScheme { name, available } => {
                write!(f, "no security scheme named `{name}`")?;
                write_choices(f, available)
            }
            Error::NotOAuth { name, kind } => write!(
                f,
                "security scheme `{name}` is of type `{kind}`, \
                 not OAuth 2.0 or OpenID Connect, so it has no scopes"
            ),
            Error::UndefinedScheme { name, operation } => write!(
                f,
                "{operation} requires security scheme `{name}`, which the document does not define"
            ),
            Error::UnresolvedRef { reference, at } => {
                write!(
                    f,
                    "`$ref: {reference}` at {at} points at nothing in the document"
                )
            }
            Error::RefCycle { reference, at } => {
                write!(f, "`$ref: {reference}` at {at} leads back to itself")
            }
            Error::Shape {
                at,
                expected,
                found,
            } => {
                write!(f, "{at} should be {expected}, but is {found}")
            }
            Error::NoActions { operations: 0 } => write!(f, "the document has no operations"),
            Error::NoActions { operations } => write!(
                f,
                "no operation requires an OAuth 2.0 or OpenID Connect scheme \
                 (of {operations} in the document)"
            ),
        }
    }
}

fn write_choices(f: &mut fmt::Formatter<'_>, names: &[String]) -> fmt::Result {
    let names: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    match names.as_slice() {
        [] => Ok(()),
        [one] => write!(f, " (the OAuth 2.0 scheme is {one})"),
        many => write!(f, " (the OAuth 2.0 schemes are {})", many.join(", ")),
    }
}

impl std::error::Error for Error {}
