//! Least privilege: whether an action only reads, or also changes something.
//!
//! Connector labels start with a verb ("List All Records", "Create A Webhook")
//! and scope names usually carry one too (`public.records.readRecords`). An
//! action is a read when those verbs are reads and none is a write; anything
//! unclear counts as a write, so "Read-only" never grants more than it says.
//! An action's `"access": "read"` or `"write"` field overrides the guess.

/// What an action does with the reader's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Only reads.
    Read,
    /// Creates, changes, deletes or sends something (or is not clearly a read).
    Write,
}

const READS: &[&str] = &[
    "read", "list", "get", "retrieve", "fetch", "search", "find", "view", "show", "download",
    "check", "query", "count", "describe", "lookup", "browse", "readonly", "readbasic",
    "history",
];

const WRITES: &[&str] = &[
    "create", "update", "delete", "remove", "write", "send", "cancel", "pause", "resume", "submit",
    "run", "replace", "add", "post", "put", "patch", "upload", "set", "edit", "modify", "approve",
    "reject", "archive", "move", "invite", "assign", "start", "stop", "trigger", "execute",
    "manage", "sign", "apply", "generate", "import", "revoke", "readwrite", "admin",
    "fullcontrol",
];

/// Words that qualify access rather than name a resource (`Directory.Read.All`,
/// `public_repo`, `drive.metadata.readonly`).
const QUALIFIERS: &[&str] = &[
    "all", "full", "metadata", "shared", "public", "private", "basic", "own", "accessasuser",
];

/// The entry of `list` that `word` is, in any case.
fn among(list: &[&'static str], word: &str) -> Option<&'static str> {
    list.iter().copied().find(|w| w.eq_ignore_ascii_case(word))
}

/// The word's verb, if it is a read or write verb in any case (`read`,
/// `ReadWrite`) or starts with one in camelCase (`readWorkflows`).
fn verb(word: &str) -> Option<&'static str> {
    let camel = word
        .bytes()
        .position(|b| b.is_ascii_uppercase())
        .filter(|&at| at > 0 && word.as_bytes()[..at].iter().all(u8::is_ascii_lowercase))
        .and_then(|at| word.get(..at));
    [Some(word), camel]
        .into_iter()
        .flatten()
        .find_map(|w| among(READS, w).or_else(|| among(WRITES, w)))
}

/// Whether a word of a scope says how it may be used, not what it is about:
/// a verb or a qualifier, in any case.
pub fn is_access_word(word: &str) -> bool {
    verb(word).is_some() || among(QUALIFIERS, word).is_some()
}

/// The words of a text: runs of ASCII letters and digits.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The access of an action with this label and these scope names.
pub fn classify(label: &str, scopes: &[&str]) -> Access {
    // The label's first word, and every word of the scopes (`read:org`,
    // `Directory.ReadWrite.All`, `readRecords` → `read`).
    let label_verb = words(label).take(1);
    let scope_words = scopes.iter().flat_map(|scope| words(scope));
    let mut read = false;
    for verb in label_verb.chain(scope_words).filter_map(verb) {
        if WRITES.contains(&verb) {
            return Access::Write;
        }
        read |= READS.contains(&verb);
    }
    if read {
        Access::Read
    } else {
        Access::Write
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Access::{Read, Write};

    #[test]
    fn reads_by_label_and_scope_verbs() {
        assert_eq!(
            classify("List All Workflows", &["public.workflows.readWorkflows"]),
            Read
        );
        assert_eq!(
            classify(
                "Retrieve Sign Step Status",
                &["public.workflows.readSignStatus"]
            ),
            Read
        );
        assert_eq!(
            classify("Download Data Export File", &["public.export.readReports"]),
            Read
        );
        assert_eq!(
            classify(
                "Get contacts",
                &["https://api.example.com/auth/contacts.readonly"]
            ),
            Read
        );
    }

    #[test]
    fn any_write_verb_makes_a_write() {
        assert_eq!(
            classify("Create A Record", &["public.records.createRecords"]),
            Write
        );
        assert_eq!(
            classify("Pause A Workflow", &["public.workflows.pauseAndResume"]),
            Write
        );
        assert_eq!(classify("List And Send", &["mail.send"]), Write);
        assert_eq!(classify("Get messages", &["mail.read", "mail.send"]), Write);
        assert_eq!(
            classify(
                "Submit A Request To Generate A New Data Export",
                &["public.export.createReports"]
            ),
            Write
        );
    }

    #[test]
    fn provider_scope_shapes() {
        let table: &[(&str, &[&str], Access)] = &[
            ("Get an organisation", &["read:org"], Read),
            ("Get an organisation", &["admin:org"], Write),
            ("Get an organisation", &["write:org"], Write),
            ("Get users", &["User.ReadBasic.All"], Read),
            ("Get a directory object", &["Directory.ReadWrite.All"], Write),
            ("Get a directory object", &["Directory.Read.All"], Read),
            ("Get mail", &["Mail.Read"], Read),
            ("Get files", &["https://www.googleapis.com/auth/drive.readonly"], Read),
            ("Get files", &["https://www.googleapis.com/auth/drive"], Read),
            ("Get a file", &["https://www.googleapis.com/auth/drive.file"], Read),
            ("Conversations history", &["channels:history"], Read),
            ("Post a message", &["chat:write"], Write),
            ("Get issues", &["read:jira-work"], Read),
            ("Get pages", &["write:confluence-content"], Write),
            ("Get products", &["read_products"], Read),
            ("Get orders", &["write_orders"], Write),
            ("Get contacts", &["crm.objects.contacts.read"], Read),
            ("Get contacts", &["crm.objects.contacts.write"], Write),
            ("Get a repository", &["repo"], Read),
        ];
        for (label, scopes, access) in table {
            assert_eq!(classify(label, scopes), *access, "{label} {scopes:?}");
        }
    }

    #[test]
    fn access_words_in_any_case_and_camel_case() {
        for word in ["read", "ReadWrite", "readonly", "All", "admin", "readWorkflows", "pauseAndResume", "public"] {
            assert!(is_access_word(word), "{word}");
        }
        for word in ["Mail", "workflows", "org", "repo", "readme", "Reader", "contacts"] {
            assert!(!is_access_word(word), "{word}");
        }
    }

    #[test]
    fn unclear_counts_as_a_write() {
        assert_eq!(classify("Webhook", &["hooks"]), Write);
        assert_eq!(classify("", &[]), Write);
    }
}
