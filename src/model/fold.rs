//! Case folding for search.
//!
//! The standard library's `to_lowercase` carries Unicode's full case tables,
//! about 6.7 KB of the compressed bundle, for a search box. Connector labels,
//! ids and scope names are written in Latin, Greek or Cyrillic script, whose
//! capitals map to small letters by a few arithmetic rules; this folds those,
//! and leaves every other character as it is (so a search still finds it by
//! exact case). Search folds both the text and the query, so the two always
//! agree.

/// The text with every capital letter this module knows replaced by its small
/// letter.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        // Most labels, ids and scope names: one pass over bytes.
        return text.to_ascii_lowercase();
    }
    text.chars().map(fold_char).collect()
}

/// One character's small letter, or the character itself.
pub fn fold_char(c: char) -> char {
    let n = c as u32;
    let even = n % 2 == 0;
    let small = match n {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => n + 0x20,
        // Latin Extended-A alternates capital, small; İ (U+0130) folds to i.
        0x130 => 0x69,
        0x100..=0x137 | 0x14A..=0x177 if even => n + 1,
        0x139..=0x148 | 0x179..=0x17E if !even => n + 1,
        0x178 => 0xFF,
        // Latin Extended-B (pinyin, Romanian) and Latin Extended Additional
        // (Vietnamese, Welsh...) alternate the same way; ẞ folds to ß.
        0x1CD..=0x1DC if !even => n + 1,
        0x1DE..=0x1EF | 0x1F8..=0x21F | 0x222..=0x233 if even => n + 1,
        0x1E00..=0x1E95 | 0x1EA0..=0x1EFF if even => n + 1,
        0x1E9E => 0xDF,
        // Greek, with accented capitals and final sigma.
        0x386 => 0x3AC,
        0x388..=0x38A => n + 0x25,
        0x38C => 0x3CC,
        0x38E..=0x38F => n + 0x3F,
        0x391..=0x3A1 | 0x3A3..=0x3AB => n + 0x20,
        0x3C2 => 0x3C3,
        0x3D8..=0x3EF if even => n + 1,
        // Cyrillic.
        0x400..=0x40F => n + 0x50,
        0x410..=0x42F => n + 0x20,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if even => n + 1,
        0x4C0 => 0x4CF,
        0x4C1..=0x4CE if !even => n + 1,
        _ => n,
    };
    char::from_u32(small).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_like_the_standard_library_in_the_scripts_it_covers() {
        let ranges = [0x20..0x250, 0x370..0x400, 0x400..0x530, 0x1E00..0x1F00];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let expected: String = match c {
                'İ' => "i".into(),
                'ς' => "σ".into(),
                'ẞ' => "ß".into(),
                _ => c.to_lowercase().collect(),
            };
            // Characters outside the rules (Latin Extended-B, for instance) stay
            // as they are; the rules must never disagree with Unicode.
            let folded = fold_char(c);
            assert!(
                folded.to_string() == expected || folded == c,
                "{c:?} (U+{:04X}) folded to {folded:?}, Unicode says {expected:?}",
                c as u32
            );
        }
    }

    #[test]
    fn folds_every_capital_of_latin_1_greek_and_cyrillic() {
        let capitals = "ABCXYZÀÉÑÖØÞĀĆĘŁŃŒŠŸŽǍǛȘȚẠẾỸẞΑΣΩΆΏϘϮЁЖЯѢӀӁӍ";
        for c in capitals.chars() {
            assert_ne!(fold_char(c), c, "{c} was not folded");
        }
        assert_eq!(fold("Délai d’ÉTÉ ΣΟΦΊΑ Привет"), "délai d’été σοφία привет");
    }

    #[test]
    fn leaves_other_characters_alone() {
        assert_eq!(
            fold("scope.read 42 _-/ 中文 😀 ß"),
            "scope.read 42 _-/ 中文 😀 ß"
        );
    }
}
