//! Groups of actions, by the resource their scopes name.
//!
//! `public.workflows.readWorkflows` names `workflows`; an action's first scope
//! decides its group unless its `"group"` field names one. Groups keep the
//! order in which the page first mentions them, and actions keep the page's
//! order within their group.

use std::ops::Range;

/// How a widget groups its actions: the host's `data-guide-group-by`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GroupBy {
    /// By resource (the default).
    #[default]
    Resource,
    /// Not at all: one plain table in the page's order (`none`).
    Nothing,
}

impl GroupBy {
    /// Reads the attribute's value: `none` (in any case) turns grouping off;
    /// anything else, or no attribute, groups by resource.
    pub fn from_attribute(value: Option<&str>) -> GroupBy {
        match value {
            Some(value) if value.trim().eq_ignore_ascii_case("none") => GroupBy::Nothing,
            _ => GroupBy::Resource,
        }
    }
}

/// A run of actions that share a resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The resource, or the action's `"group"`; empty for actions without
    /// scopes or group, shown under the `group-other` text.
    pub name: String,
    /// The actions' positions in the catalog (groups are contiguous).
    pub actions: Range<usize>,
}

/// The resource a scope names:
/// - a URL (`https://www.googleapis.com/auth/gmail.readonly`): its last path
///   segment up to the first dot, `gmail`;
/// - three or more dotted segments (`public.workflows.readWorkflows`): the
///   second, `workflows`;
/// - two (`Mail.Send`): the first, `Mail`;
/// - anything else (`repo`, `read:org`): the whole scope.
///
/// ```
/// use guide_scopes::model::group::resource;
/// assert_eq!(resource("public.workflows.readWorkflows"), "workflows");
/// assert_eq!(resource("https://www.googleapis.com/auth/gmail.readonly"), "gmail");
/// ```
pub fn resource(scope: &str) -> &str {
    // Byte offsets rather than `str` patterns: the pattern searchers and their
    // panic messages would cost the bundle 4 KB.
    let bytes = scope.as_bytes();
    let find = |from: usize, to: usize, byte: u8| {
        let found = bytes.get(from..to)?.iter().position(|&b| b == byte);
        found.map(|at| from + at)
    };
    let (start, end) = match bytes.windows(3).position(|w| w == b"://") {
        Some(at) => {
            let after = at + 3;
            let query = bytes[after..].iter().position(|&b| b == b'?' || b == b'#');
            let mut end = query.map_or(bytes.len(), |q| after + q);
            while end > after && bytes[end - 1] == b'/' {
                end -= 1;
            }
            let start = bytes[after..end]
                .iter()
                .rposition(|&b| b == b'/')
                .map_or(after, |s| after + s + 1);
            (start, find(start, end, b'.').unwrap_or(end))
        }
        None => match find(0, bytes.len(), b'.') {
            Some(first) => match find(first + 1, bytes.len(), b'.') {
                Some(second) => (first + 1, second),
                None => (0, first),
            },
            None => (0, bytes.len()),
        },
    };
    match scope.get(start..end) {
        Some(named) if !named.is_empty() => named,
        _ => scope,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_scopes_name_their_middle_segment() {
        assert_eq!(resource("public.workflows.readWorkflows"), "workflows");
        assert_eq!(resource("public.records.readRecords"), "records");
        assert_eq!(resource("a.b.c.d"), "b");
        assert_eq!(resource("Mail.Send"), "Mail");
    }

    #[test]
    fn url_scopes_name_their_last_path_segment() {
        let google = "https://www.googleapis.com/auth/";
        assert_eq!(resource(&format!("{google}gmail.readonly")), "gmail");
        assert_eq!(resource(&format!("{google}gmail.send")), "gmail");
        assert_eq!(resource(&format!("{google}drive")), "drive");
        assert_eq!(resource(&format!("{google}calendar.events/")), "calendar");
        assert_eq!(
            resource("https://graph.microsoft.com/User.Read?x=1"),
            "User"
        );
        assert_eq!(resource("https://example.com"), "example");
    }

    #[test]
    fn other_scopes_are_their_own_resource() {
        assert_eq!(resource("repo"), "repo");
        assert_eq!(resource("read:org"), "read:org");
        assert_eq!(resource(".hidden"), ".hidden");
        assert_eq!(resource("a..b"), "a..b");
        assert_eq!(resource("https://x.org/.well"), "https://x.org/.well");
    }

    #[test]
    fn none_turns_grouping_off() {
        assert_eq!(GroupBy::from_attribute(None), GroupBy::Resource);
        assert_eq!(GroupBy::from_attribute(Some("resource")), GroupBy::Resource);
        assert_eq!(GroupBy::from_attribute(Some(" None ")), GroupBy::Nothing);
        assert_eq!(GroupBy::from_attribute(Some("")), GroupBy::Resource);
    }
}
