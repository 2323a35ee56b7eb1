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
    "check", "query", "count", "describe", "lookup", "browse",
];

const WRITES: &[&str] = &[
    "create", "update", "delete", "remove", "write", "send", "cancel", "pause", "resume", "submit",
    "run", "replace", "add", "post", "put", "patch", "upload", "set", "edit", "modify", "approve",
    "reject", "archive", "move", "invite", "assign", "start", "stop", "trigger", "execute",
    "manage", "sign", "apply", "generate", "import", "revoke",
];

/// The access of an action with this label and these scope names.
pub fn classify(label: &str, scopes: &[&str]) -> Access {
    // The label's first word, and the first word of each scope's last segment
    // (`readRecords` → `read`, `mail.send` → `send`).
    let label_verb = label
        .split(|c: char| !c.is_ascii_alphanumeric())
        .find(|w| !w.is_empty());
    let scope_verbs = scopes.iter().map(|scope| {
        let last = scope.rsplit(['.', '/', ':']).next().unwrap_or(scope);
        let end = last.find(|c: char| !c.is_ascii_lowercase() && !c.is_ascii_digit());
        last.get(..end.unwrap_or(last.len())).unwrap_or(last)
    });
    let mut read = false;
    for verb in label_verb.into_iter().chain(scope_verbs) {
        let verb = verb.to_ascii_lowercase();
        if WRITES.contains(&verb.as_str()) {
            return Access::Write;
        }
        read |= READS.contains(&verb.as_str());
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
    fn unclear_counts_as_a_write() {
        assert_eq!(classify("Webhook", &["hooks"]), Write);
        assert_eq!(classify("", &[]), Write);
    }
}
