//! `guide-scopes-openapi`: reads an OpenAPI or Swagger document and prints the
//! actions attribute (or a ready host element) on standard output, and what it
//! left out on standard error.

use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use guide_scopes_openapi::{actions_json, convert, host_element, parse, Options};

/// Writes guide-scopes' data-guide-actions-json attribute from an OpenAPI 3.0 or
/// 3.1, or Swagger 2.0, document (JSON or YAML): one action per operation that
/// needs OAuth 2.0 or OpenID Connect scopes.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// The document; `-` or none reads standard input.
    document: Option<PathBuf>,

    /// Read only this security scheme's requirements (when a document has several).
    #[arg(long, value_name = "NAME")]
    scheme: Option<String>,

    /// Print a host element to paste into a page instead of the JSON: the widget
    /// with the attribute and its loading placeholder, and a list of every scope.
    #[arg(long)]
    html: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("guide-scopes-openapi: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    let (name, text) = read(args.document.as_ref())?;
    let doc = parse(&text).map_err(|e| format!("{name}: {e}"))?;
    let options = Options {
        scheme: args.scheme.clone(),
    };
    let conversion = convert(&doc, &options).map_err(|e| format!("{name}: {e}"))?;

    let output = match args.html {
        true => host_element(&conversion.actions),
        false => actions_json(&conversion.actions),
    };
    let mut stdout = io::stdout().lock();
    stdout
        .write_all(output.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|e| format!("cannot write the output: {e}"))?;
    for line in conversion.summary() {
        eprintln!("{line}");
    }
    Ok(())
}

/// The document's name for messages, and its text.
fn read(path: Option<&PathBuf>) -> Result<(String, String), String> {
    let mut bytes = Vec::new();
    let name = match path.filter(|path| path.as_os_str() != "-") {
        Some(path) => {
            let name = path.display().to_string();
            bytes = std::fs::read(path).map_err(|e| format!("cannot read {name}: {e}"))?;
            name
        }
        None => {
            let mut stdin = io::stdin().lock();
            if stdin.is_terminal() {
                return Err("give a document, or pipe one in (see --help)".to_owned());
            }
            stdin
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            "standard input".to_owned()
        }
    };
    let text = String::from_utf8(bytes).map_err(|_| format!("{name}: not UTF-8 text"))?;
    Ok((name, text))
}
