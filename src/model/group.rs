//! Groups of actions, by the resource their scopes name.
//!
//! `public.workflows.readWorkflows` names `workflows`, `Mail.ReadWrite` names
//! `Mail`, `read:org` names `org`; an action's first scope decides its group
//! unless its `"group"` field names one. Groups keep the
//! order in which the page first mentions them, and actions keep the page's
//! order within their group.

use std::ops::Range;

use super::access::is_access_word;

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

/// The namespace every scope of a catalog begins with, which names no
/// resource (`public` in `public.workflows.readWorkflows`): the first segment,
/// before a `.` or `:`, when it is the same in every scope and none is a URL.
/// `scopes` is sorted.
pub fn shared_namespace(scopes: &[String]) -> Option<&str> {
    fn first(scope: &str) -> Option<&str> {
        let at = scope.find(|c: char| c == '.' || c == ':')?;
        let url = scope.as_bytes().windows(3).any(|w| w == b"://");
        (!url).then(|| scope.get(..at))?
    }
    let namespace = first(scopes.first()?)?;
    scopes
        .iter()
        .all(|scope| first(scope) == Some(namespace))
        .then_some(namespace)
}

/// The resource a scope names, after the catalog's shared namespace:
/// - a URL (`https://www.googleapis.com/auth/gmail.readonly`): its last path
///   segment (or, without a path, its host) up to the first dot, `gmail`;
/// - otherwise, of its segments (split at `.` and `:`), the one just before
///   the first that says how the scope may be used (a verb or a qualifier such
///   as `read`, `ReadWrite`, `readWorkflows`, `All`):
///   `public.workflows.readWorkflows` → `workflows`, `Directory.ReadWrite.All`
///   → `Directory`, `crm.objects.contacts.read` → `contacts`; when the first
///   segment is that word, the first after it that is not (`read:org`,
///   `admin:org` → `org`); with no such word, the second of three or more
///   segments, else the first (`repo:status` → `repo`);
/// - and of that segment's parts (split at `_` and `-`), the first that is not
///   such a word: `public_repo` and `repo_deployment` → `repo`,
///   `read_products` → `products`, `read:jira-work` → `jira`.
///
/// ```
/// use guide_scopes::model::group::resource;
/// assert_eq!(resource("public.workflows.readWorkflows", None), "workflows");
/// assert_eq!(resource("https://www.googleapis.com/auth/gmail.readonly", None), "gmail");
/// assert_eq!(resource("Directory.ReadWrite.All", None), "Directory");
/// assert_eq!(resource("admin:org", None), "org");
/// ```
pub fn resource<'s>(scope: &'s str, namespace: Option<&str>) -> &'s str {
    let stripped = strip_namespace(scope, namespace);
    let found = named_in(stripped);
    // A namespace with nothing but access words after it (`x.read`) is the
    // resource after all.
    if stripped.len() < scope.len() && is_access_word(found) {
        return named_in(scope);
    }
    found
}

fn named_in(scope: &str) -> &str {
    let named = match url_name(scope) {
        Some(name) => name.split(|c: char| c == '.').next().unwrap_or(name),
        None => segment(scope),
    };
    let part = named
        .split(|c: char| c == '_' || c == '-')
        .find(|part| !part.is_empty() && !is_access_word(part));
    match part {
        Some(part) => part,
        None if !named.is_empty() => named,
        None => scope,
    }
}

fn strip_namespace<'s>(scope: &'s str, namespace: Option<&str>) -> &'s str {
    let Some(namespace) = namespace else {
        return scope;
    };
    match scope.get(namespace.len() + 1..) {
        Some(rest) if scope.as_bytes().starts_with(namespace.as_bytes()) && !rest.is_empty() => rest,
        _ => scope,
    }
}

/// A URL scope's last path segment, or its host when it has no path.
fn url_name(scope: &str) -> Option<&str> {
    // Byte offsets rather than `str` patterns: the pattern searchers and their
    // panic messages would cost the bundle 4 KB.
    let bytes = scope.as_bytes();
    let after = bytes.windows(3).position(|w| w == b"://")? + 3;
    let mut end = bytes[after..]
        .iter()
        .position(|&b| b == b'?' || b == b'#')
        .map_or(bytes.len(), |at| after + at);
    while end > after && bytes[end - 1] == b'/' {
        end -= 1;
    }
    let start = bytes[after..end]
        .iter()
        .rposition(|&b| b == b'/')
        .map_or(after, |at| after + at + 1);
    scope.get(start..end).filter(|name| !name.is_empty())
}

/// The segment of a scope that names its resource (see [`resource`]).
fn segment(scope: &str) -> &str {
    let segments = || scope.split(|c: char| c == '.' || c == ':').filter(|s| !s.is_empty());
    let mut before = None;
    for segment in segments() {
        match (is_access_word(segment), before) {
            // The first access word after a resource.
            (true, Some(resource)) => return resource,
            (true, None) => {}
            // The first segment after leading access words (or separators):
            // anything before it means it does not begin the scope.
            (false, None) if segment.as_ptr() != scope.as_ptr() => return segment,
            (false, _) => before = Some(segment),
        }
    }
    let nth = usize::from(segments().count() >= 3);
    segments().nth(nth).unwrap_or(scope)
}

/// Whether a catalog split into `groups` groups is worth showing as groups:
/// two at least, and not one per action.
pub fn worth_grouping(groups: usize, actions: usize) -> bool {
    groups >= 2 && groups < actions
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every family of scope shapes, with the group a reader should see.
    const FAMILIES: &[(&str, &[(&str, &str)])] = &[
        ("namespace.resource.verb", &[
            ("public.workflows.readWorkflows", "workflows"),
            ("public.records.createRecords", "records"),
            ("public.workflows.pauseAndResume", "workflows"),
        ]),
        ("Resource.Operation[.Constraint]", &[
            ("Mail.Read", "Mail"),
            ("Mail.ReadWrite", "Mail"),
            ("Mail.Send", "Mail"),
            ("User.ReadBasic.All", "User"),
            ("Directory.ReadWrite.All", "Directory"),
            ("Files.ReadWrite.AppFolder", "Files"),
            ("Sites.FullControl.All", "Sites"),
            ("EAS.AccessAsUser.All", "EAS"),
        ]),
        ("verb:resource and resource:sub", &[
            ("read:org", "org"),
            ("write:org", "org"),
            ("admin:org", "org"),
            ("admin:org_hook", "org"),
            ("repo", "repo"),
            ("repo:status", "repo"),
            ("repo:invite", "repo"),
            ("repo_deployment", "repo"),
            ("public_repo", "repo"),
            ("admin:repo_hook", "repo"),
            ("user:email", "user"),
            ("user", "user"),
            ("read:packages", "packages"),
        ]),
        ("resource:verb", &[
            ("channels:read", "channels"),
            ("channels:history", "channels"),
            ("chat:write", "chat"),
            ("users:read.email", "users"),
        ]),
        ("verb:resource-part", &[
            ("read:jira-work", "jira"),
            ("write:jira-work", "jira"),
            ("manage:jira-project", "jira"),
            ("read:confluence-content.all", "confluence"),
            ("write:confluence-content", "confluence"),
        ]),
        ("verb_resource", &[
            ("read_products", "products"),
            ("write_orders", "orders"),
            ("read_all_orders", "orders"),
        ]),
        ("product.objects.resource.verb", &[
            ("crm.objects.contacts.read", "contacts"),
            ("crm.objects.contacts.write", "contacts"),
            ("crm.objects.deals.read", "deals"),
        ]),
        ("URL", &[
            ("https://www.googleapis.com/auth/gmail.readonly", "gmail"),
            ("https://www.googleapis.com/auth/gmail.send", "gmail"),
            ("https://www.googleapis.com/auth/drive.file", "drive"),
            ("https://www.googleapis.com/auth/drive.metadata.readonly", "drive"),
            ("https://www.googleapis.com/auth/calendar.events/", "calendar"),
            ("https://mail.google.com/", "mail"),
            ("https://graph.microsoft.com/User.Read?x=1", "User"),
        ]),
        ("bare words", &[
            ("api", "api"),
            ("openid", "openid"),
            ("email", "email"),
            ("refresh_token", "refresh"),
        ]),
    ];

    #[test]
    fn every_family_of_scope_shapes_names_a_resource() {
        for (family, cases) in FAMILIES {
            for (scope, expected) in *cases {
                assert_eq!(resource(scope, None), *expected, "{family}: {scope}");
            }
        }
    }

    #[test]
    fn a_group_is_never_an_access_word() {
        for (_, cases) in FAMILIES {
            for (scope, _) in *cases {
                let name = resource(scope, None);
                assert!(!is_access_word(name), "{scope} → {name}");
            }
        }
    }

    #[test]
    fn a_namespace_every_scope_shares_names_no_resource() {
        let scopes = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let shared = scopes(&["acme.records", "acme.workflows.read"]);
        assert_eq!(shared_namespace(&shared), Some("acme"));
        assert_eq!(resource("acme.records", shared_namespace(&shared)), "records");
        assert_eq!(resource("acme.records", None), "acme");
        // Unless nothing but access words follow it.
        let verbs = scopes(&["x.read", "x.write"]);
        assert_eq!(resource("x.write", shared_namespace(&verbs)), "x");
        assert_eq!(shared_namespace(&scopes(&["a.x", "b.y"])), None);
        assert_eq!(shared_namespace(&scopes(&["public", "public.x"])), None);
        let urls = scopes(&["https://a.com/x", "https://a.com/y"]);
        assert_eq!(shared_namespace(&urls), None);
        assert_eq!(shared_namespace(&[]), None);
    }

    #[test]
    fn odd_scopes_fall_back_to_themselves() {
        assert_eq!(resource(".hidden", None), "hidden");
        assert_eq!(resource("a..b", None), "a");
        assert_eq!(resource("a.b.c.d", None), "b");
        assert_eq!(resource("https://x.org/.well", None), "https://x.org/.well");
        assert_eq!(resource("read", None), "read");
        assert_eq!(resource("", None), "");
    }

    #[test]
    fn groups_are_shown_when_there_are_two_and_not_one_per_action() {
        assert!(worth_grouping(2, 3));
        assert!(!worth_grouping(1, 50));
        assert!(!worth_grouping(39, 39));
    }

    #[test]
    fn none_turns_grouping_off() {
        assert_eq!(GroupBy::from_attribute(None), GroupBy::Resource);
        assert_eq!(GroupBy::from_attribute(Some("resource")), GroupBy::Resource);
        assert_eq!(GroupBy::from_attribute(Some(" None ")), GroupBy::Nothing);
        assert_eq!(GroupBy::from_attribute(Some("")), GroupBy::Resource);
    }
}
