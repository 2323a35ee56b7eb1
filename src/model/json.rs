//! Reading the actions attribute: just the JSON the contract needs, straight
//! into the few shapes it cares about. A value is either a string or, for
//! messages, the name of its JSON type; unknown fields are skipped; no general
//! JSON tree is built.
//!
//! The reader is written out here rather than taken from serde_json: it accepts
//! exactly RFC 8259 JSON (a property test compares it with serde_json on
//! generated text), explains what is wrong at which line and column, skips
//! nesting of any depth without recursion, and costs a fraction of serde_json's
//! code in the bundle every reader downloads.

/// One JSON value, as far as a field of an action needs it.
#[derive(Debug)]
pub enum Value {
    /// A string.
    Str(String),
    /// Anything else, by the name of its type ("a number", "an object"...).
    Other(&'static str),
}

/// A JSON value that should be an array of `T`.
#[derive(Debug)]
pub enum List<T> {
    /// It is an array.
    Items(Vec<T>),
    /// It is not, and this is its type.
    Other(&'static str),
}

/// An item of the actions array that is an object: its known fields.
#[derive(Debug, Default)]
pub struct Fields {
    pub id: Option<Value>,
    pub label: Option<Value>,
    pub scopes: Option<List<Value>>,
    pub access: Option<Value>,
    pub group: Option<Value>,
}

/// An item of the actions array.
#[derive(Debug)]
pub enum Item {
    /// An object.
    Object(Fields),
    /// Anything else, by the name of its type.
    Other(&'static str),
}

/// Text that is not JSON: what is wrong, and where (1-based, in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: &'static str,
    pub line: usize,
    pub column: usize,
}

type Read<T> = Result<T, SyntaxError>;

/// Reads the whole attribute: an array of items, or the name of what it is
/// instead.
pub fn actions(text: &str) -> Read<List<Item>> {
    let mut reader = Reader { text, at: 0 };
    let actions = reader.list(Reader::item)?;
    match reader.peek() {
        None => Ok(actions),
        Some(_) => Err(reader.error("unexpected text after the JSON value")),
    }
}

struct Reader<'a> {
    text: &'a str,
    /// Byte offset of the next byte to read; always on a character boundary.
    at: usize,
}

impl Reader<'_> {
    /// The next byte after any whitespace, without taking it.
    fn peek(&mut self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(self.at) {
            self.at += 1;
        }
        bytes.get(self.at).copied()
    }

    /// Takes the next byte (after whitespace) if it is `byte`.
    fn take(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        self.at += usize::from(found);
        found
    }

    /// The text from the current position on.
    fn rest(&self) -> &str {
        self.text.get(self.at..).unwrap_or_default()
    }

    /// What is wrong at the current position.
    fn error(&self, message: &'static str) -> SyntaxError {
        let before = self.text.get(..self.at).unwrap_or(self.text);
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        SyntaxError {
            message,
            line: before.matches('\n').count() + 1,
            column: before.get(line_start..).unwrap_or_default().chars().count() + 1,
        }
    }

    /// After an array's element or an object's member: `true` at the closing
    /// bracket `close`, `false` after a `,` with more to come.
    fn ends(&mut self, close: u8) -> Read<bool> {
        if self.take(close) {
            return Ok(true);
        }
        if !self.take(b',') {
            let message = match close {
                b']' => "expected `,` or `]`",
                _ => "expected `,` or `}`",
            };
            return Err(self.error(message));
        }
        match self.peek() {
            Some(next) if next == close => Err(self.error("trailing comma")),
            _ => Ok(false),
        }
    }

    /// An array of `element`s, or the type of whatever is there instead.
    fn list<T>(&mut self, element: fn(&mut Self) -> Read<T>) -> Read<List<T>> {
        if !self.take(b'[') {
            return self.skip().map(List::Other);
        }
        let mut items = Vec::new();
        if self.take(b']') {
            return Ok(List::Items(items));
        }
        loop {
            items.push(element(self)?);
            if self.ends(b']')? {
                return Ok(List::Items(items));
            }
        }
    }

    /// An item of the actions array: an object's known fields.
    fn item(&mut self) -> Read<Item> {
        if !self.take(b'{') {
            return self.skip().map(Item::Other);
        }
        let mut fields = Fields::default();
        if self.take(b'}') {
            return Ok(Item::Object(fields));
        }
        loop {
            // A repeated field counts as its last value, as in JavaScript.
            match self.key(true)?.as_str() {
                "id" => fields.id = Some(self.value()?),
                "label" => fields.label = Some(self.value()?),
                "scopes" => fields.scopes = Some(self.list(Reader::value)?),
                "access" => fields.access = Some(self.value()?),
                "group" => fields.group = Some(self.value()?),
                _ => {
                    self.skip()?;
                }
            }
            if self.ends(b'}')? {
                return Ok(Item::Object(fields));
            }
        }
    }

    /// A string, or the type of whatever is there instead.
    fn value(&mut self) -> Read<Value> {
        match self.peek() {
            Some(b'"') => self.string(true).map(Value::Str),
            _ => self.skip().map(Value::Other),
        }
    }

    /// An object's key and the `:` after it (see [`Reader::string`] for `keep`).
    fn key(&mut self, keep: bool) -> Read<String> {
        if self.peek() != Some(b'"') {
            return Err(self.error("expected a key in double quotes"));
        }
        let key = self.string(keep)?;
        if !self.take(b':') {
            return Err(self.error("expected `:`"));
        }
        Ok(key)
    }

    /// Checks and passes over any one value, returning the name of its type.
    /// Arrays and objects are followed with a stack of their closing brackets,
    /// not by recursion, so no depth of nesting can exhaust the call stack.
    fn skip(&mut self) -> Read<&'static str> {
        let mut open: Vec<u8> = Vec::new();
        let mut kind = None;
        loop {
            let this = match self.peek() {
                Some(b'[') => {
                    self.at += 1;
                    if !self.take(b']') {
                        open.push(b']');
                        kind.get_or_insert("an array");
                        continue;
                    }
                    "an array"
                }
                Some(b'{') => {
                    self.at += 1;
                    if !self.take(b'}') {
                        open.push(b'}');
                        kind.get_or_insert("an object");
                        self.key(false)?;
                        continue;
                    }
                    "an object"
                }
                Some(b'"') => self.string(false).map(|_| "a string")?,
                Some(b't') => self.word("true", "a boolean")?,
                Some(b'f') => self.word("false", "a boolean")?,
                Some(b'n') => self.word("null", "null")?,
                Some(b'-' | b'0'..=b'9') => self.number()?,
                Some(_) => return Err(self.error("expected a value")),
                None => return Err(self.error("the text ends where a value should be")),
            };
            let kind = *kind.get_or_insert(this);
            // After a value: close what it ends, or go on to the next one.
            loop {
                let Some(&close) = open.last() else {
                    return Ok(kind);
                };
                if self.ends(close)? {
                    open.pop();
                } else {
                    if close == b'}' {
                        self.key(false)?;
                    }
                    break;
                }
            }
        }
    }

    /// `true`, `false` or `null`.
    fn word(&mut self, word: &str, kind: &'static str) -> Read<&'static str> {
        if !self.rest().starts_with(word) {
            return Err(self.error("expected a value"));
        }
        self.at += word.len();
        Ok(kind)
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while let Some(b'0'..=b'9') = self.text.as_bytes().get(self.at) {
            self.at += 1;
        }
        self.at - start
    }

    /// `-`? (`0` | non-zero digits) (`.` digits)? ((`e`|`E`) (`+`|`-`)? digits)?
    fn number(&mut self) -> Read<&'static str> {
        let bytes = self.text.as_bytes();
        self.at += usize::from(bytes.get(self.at) == Some(&b'-'));
        let whole = match bytes.get(self.at) {
            Some(b'0') => {
                self.at += 1;
                1
            }
            _ => self.digits(),
        };
        if whole == 0 {
            return Err(self.error("invalid number"));
        }
        if bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        if let Some(b'e' | b'E') = bytes.get(self.at) {
            self.at += 1;
            self.at += usize::from(matches!(bytes.get(self.at), Some(b'+' | b'-')));
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        Ok("a number")
    }

    /// A string, at its opening quote. Strings the widget does not `keep` (in
    /// values it skips) are only checked, as serde does for ignored values: an
    /// unpaired surrogate there, legal JSON text but not a character, is no
    /// reason to refuse the actions the widget does read.
    fn string(&mut self, keep: bool) -> Read<String> {
        let bytes = self.text.as_bytes();
        self.at += 1;
        let mut out = String::new();
        loop {
            let run = self.at;
            while let Some(&byte) = bytes.get(self.at) {
                if byte == b'"' || byte == b'\\' || byte < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // The run stops before an ASCII byte or at the end: a char boundary.
            if keep {
                out.push_str(self.text.get(run..self.at).unwrap_or_default());
            }
            match bytes.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let c = self.escape(keep)?;
                    if keep {
                        out.push(c);
                    }
                }
                Some(_) => return Err(self.error("control character in a string (escape it)")),
                None => return Err(self.error("the text ends inside a string")),
            }
        }
    }

    /// The character an escape stands for, just after its backslash; with
    /// `keep` false, `\u` escapes are checked for four hex digits only.
    fn escape(&mut self, keep: bool) -> Read<char> {
        let c = match self.text.as_bytes().get(self.at) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.at += 1;
                let unit = self.hex()?;
                let code = match unit {
                    _ if !keep => return Ok(' '),
                    0xD800..=0xDBFF if self.rest().starts_with("\\u") => {
                        self.at += 2;
                        match self.hex()? {
                            low @ 0xDC00..=0xDFFF => {
                                0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                            }
                            _ => return Err(self.error("lone surrogate in a \\u escape")),
                        }
                    }
                    _ => unit,
                };
                return match char::from_u32(code) {
                    Some(c) => Ok(c),
                    None => Err(self.error("lone surrogate in a \\u escape")),
                };
            }
            Some(_) => return Err(self.error("invalid escape")),
            None => return Err(self.error("the text ends inside a string")),
        };
        self.at += 1;
        Ok(c)
    }

    /// Four hex digits of a `\u` escape.
    fn hex(&mut self) -> Read<u32> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self
                .text
                .as_bytes()
                .get(self.at)
                .and_then(|&b| char::from(b).to_digit(16));
            let Some(digit) = digit else {
                return Err(self.error("invalid \\u escape"));
            };
            code = code * 16 + digit;
            self.at += 1;
        }
        Ok(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> (&'static str, usize, usize) {
        let e = actions(text).unwrap_err();
        (e.message, e.line, e.column)
    }

    fn labels(text: &str) -> Vec<String> {
        let Ok(List::Items(items)) = actions(text) else {
            panic!("not an array: {text}")
        };
        items
            .into_iter()
            .map(|item| match item {
                Item::Object(Fields {
                    label: Some(Value::Str(label)),
                    ..
                }) => label,
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn reads_strings_with_every_escape() {
        let text = r#"[{"label": "q\" b\\ s\/ \b\f\n\r\t \u00e9 \uD83C\uDF89 ü"}]"#;
        assert_eq!(labels(text), ["q\" b\\ s/ \u{8}\u{c}\n\r\t é 🎉 ü"]);
    }

    #[test]
    fn names_the_type_of_anything_else() {
        let text = r#"[1, -0.5e+3, true, false, null, "s", [], {}, [[1], {"a": [2]}]]"#;
        let Ok(List::Items(items)) = actions(text) else {
            panic!("not an array")
        };
        let kinds: Vec<&str> = items
            .iter()
            .map(|item| match item {
                Item::Other(kind) => kind,
                Item::Object(_) => "an object",
            })
            .collect();
        let expected = [
            "a number",
            "a number",
            "a boolean",
            "a boolean",
            "null",
            "a string",
            "an array",
            "an object",
            "an array",
        ];
        assert_eq!(kinds, expected);
    }

    #[test]
    fn the_last_of_a_repeated_field_counts_and_unknown_fields_are_skipped() {
        let text = r#"[{"label": "A", "x": {"label": "no"}, "label": "B"}]"#;
        assert_eq!(labels(text), ["B"]);
    }

    #[test]
    fn syntax_errors_say_what_and_where() {
        assert_eq!(error("[\n  {\"id\": }\n]"), ("expected a value", 2, 10));
        assert_eq!(error(r#"[{"id":"a"},]"#), ("trailing comma", 1, 13));
        assert_eq!(error(r#"[{"id":"a",}]"#), ("trailing comma", 1, 12));
        assert_eq!(error(r#"[{"x":[1,]}]"#), ("trailing comma", 1, 10));
        assert_eq!(error(r#"[{"id" "a"}]"#), ("expected `:`", 1, 8));
        assert_eq!(
            error(r#"[{id: 1}]"#),
            ("expected a key in double quotes", 1, 3)
        );
        assert_eq!(error("[1 2]"), ("expected `,` or `]`", 1, 4));
        assert_eq!(error(r#"[{"a":1 "b":2}]"#), ("expected `,` or `}`", 1, 9));
        assert_eq!(
            error("[\"é\u{1}\"]"),
            ("control character in a string (escape it)", 1, 4)
        );
        assert_eq!(error(r#"["\x"]"#), ("invalid escape", 1, 4));
        assert_eq!(error(r#"["\u12G4"]"#), ("invalid \\u escape", 1, 7));
        let lone = ("lone surrogate in a \\u escape", 1, 15);
        assert_eq!(error(r#"[{"id":"\uD800"}]"#), lone);
        assert_eq!(error(r#"[{"id":"\uDC00"}]"#), lone);
        assert_eq!(error("[01]"), ("expected `,` or `]`", 1, 3));
        assert_eq!(error("[1.]"), ("invalid number", 1, 4));
        assert_eq!(error("[-]"), ("invalid number", 1, 3));
        assert_eq!(error("[1e+]"), ("invalid number", 1, 5));
        assert_eq!(error("[tru]"), ("expected a value", 1, 2));
        assert_eq!(
            error("[] []"),
            ("unexpected text after the JSON value", 1, 4)
        );
        assert_eq!(error("[\"abc"), ("the text ends inside a string", 1, 6));
        assert_eq!(error(""), ("the text ends where a value should be", 1, 1));
    }

    #[test]
    fn skipped_values_are_checked_but_not_decoded() {
        // An unpaired surrogate is legal JSON text; in a field the widget ignores
        // it costs nothing.
        let text = r#"[{"note": "\uD83D", "x": {"\uDC00": 1}, "label": "A"}, "\uD800"]"#;
        assert_eq!(labels(text), ["A", "Other(\"a string\")"]);
        assert_eq!(
            error(r#"[{"note": "\uD83G"}]"#),
            ("invalid \\u escape", 1, 17)
        );
        assert_eq!(error(r#"[{"note": "\q"}]"#), ("invalid escape", 1, 13));
    }

    #[test]
    fn deep_nesting_is_skipped_without_recursion() {
        let text = format!("[{}1{}]", "[{\"a\":".repeat(50_000), "}]".repeat(50_000));
        assert!(matches!(actions(&text), Ok(List::Items(items)) if items.len() == 1));
        let broken = format!("[{}]", "[".repeat(50_000));
        assert!(actions(&broken).is_err());
    }
}
