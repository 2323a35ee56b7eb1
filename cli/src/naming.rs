//! Ids and labels from operation ids, methods and paths.

/// `text` in snake_case: words split at punctuation and at case changes
/// (`listPets` → `list_pets`, `HTTPServer` → `http_server`, `pets.get` →
/// `pets_get`), lower-cased, joined by `_`.
pub fn snake_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    let mut chars = text.chars().peekable();
    let mut previous: Option<char> = None;
    while let Some(c) = chars.next() {
        if !c.is_alphanumeric() {
            if !out.is_empty() && !out.ends_with('_') {
                out.push('_');
            }
            previous = None;
            continue;
        }
        let next = chars.peek().copied();
        if c.is_uppercase() && starts_word(previous, next) && !out.ends_with('_') {
            out.push('_');
        }
        out.extend(c.to_lowercase());
        previous = Some(c);
    }
    out.trim_end_matches('_').to_owned()
}

/// Whether an upper-case letter between `previous` and `next` starts a word:
/// after a lower-case letter or a digit (`listPets`, `v2Users`), or as the last
/// capital of an acronym before a lower-case letter (the `S` of `HTTPServer`).
fn starts_word(previous: Option<char>, next: Option<char>) -> bool {
    match previous {
        None => false,
        Some(p) if p.is_lowercase() || p.is_numeric() => true,
        Some(p) => p.is_uppercase() && next.is_some_and(char::is_lowercase),
    }
}

/// An operation id in words, the first capitalised: `listPets` → `List pets`.
pub fn words(operation_id: &str) -> String {
    let spaced = snake_case(operation_id).replace('_', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operation_ids_become_snake_case() {
        let cases = [
            ("listPets", "list_pets"),
            ("getPetByID", "get_pet_by_id"),
            ("HTTPServerStatus", "http_server_status"),
            ("getV2Users", "get_v2_users"),
            ("pets.list", "pets_list"),
            ("Delete-Pet", "delete_pet"),
            ("already_snake", "already_snake"),
            ("  --weird__name--  ", "weird_name"),
            ("get /pets/{petId}", "get_pets_pet_id"),
            ("Élément", "élément"),
            ("!!!", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(snake_case(input), expected, "{input}");
        }
    }

    #[test]
    fn operation_ids_become_words() {
        assert_eq!(words("listPets"), "List pets");
        assert_eq!(words("getPetByID"), "Get pet by id");
        assert_eq!(words("--"), "");
    }
}
