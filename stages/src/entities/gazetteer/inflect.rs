//! Case endings of the inflecting languages (`data/inflections.txt`): a word read in the
//! text (`России`, `Polsce`, `Deutschlands`) is rewritten into the forms it may have in
//! the gazetteer (`Россия`, `Polska`, `Deutschland`); only forms the gazetteer holds count.

use crate::text::class_lines;

const INFLECTIONS: &str = include_str!("../data/inflections.txt");

/// Characters a stem keeps at least, and a rewritten word has at least, so that short
/// words are never rewritten (`Оба`, `es`) but `Києві` still reaches `Київ`, `дома` `дом`.
const MIN_STEM_CHARS: usize = 2;
const MIN_WORD_CHARS: usize = 3;

/// The ending rules of one language, lowercased.
#[derive(Debug, Default)]
pub(super) struct Rules {
    /// The language's ISO 639-1 code.
    pub(super) lang: String,
    /// The rules, longest text ending first.
    rules: Vec<Rule>,
    /// The last bytes of the rules' text endings, as 256 bits.
    last_bytes: [u64; 4],
    /// Whether a rule has an empty text ending (it applies to every word).
    any_ending: bool,
}

/// One rule: a text ending and the name ending that replaces it, with their lengths in
/// chars (counted once, not per word).
#[derive(Debug, Default)]
struct Rule {
    from: String,
    to: String,
    from_chars: usize,
    to_chars: usize,
}

/// True when `key` ends with `suffix` (a few bytes: compared one by one, no call).
#[inline]
fn ends_with(key: &[u8], suffix: &[u8]) -> bool {
    key.len() >= suffix.len()
        && key
            .iter()
            .rev()
            .zip(suffix.iter().rev())
            .all(|(a, b)| a == b)
}

impl Rules {
    /// False when no rule can rewrite `key` (no text ending ends it): most words, told by
    /// their last byte.
    #[inline]
    pub(super) fn may_rewrite(&self, key: &[u8]) -> bool {
        self.any_ending
            || key
                .last()
                .is_some_and(|&b| self.last_bytes[usize::from(b / 64)] >> (b % 64) & 1 != 0)
    }

    /// Calls `found` with each rewrite of `key` (the UTF-8 bytes of a lowercased word)
    /// under the rules, using `buf` for the candidate (UTF-8 too: a stem ending on a char
    /// boundary and a name ending); stops early when `found` returns true.
    pub(super) fn candidates(
        &self,
        key: &[u8],
        buf: &mut Vec<u8>,
        mut found: impl FnMut(&[u8]) -> bool,
    ) {
        let mut key_chars = None;
        for rule in &self.rules {
            // a rule whose ending is its replacement rewrites nothing (the rewrite would
            // be the key itself)
            if !ends_with(key, rule.from.as_bytes()) || rule.from == rule.to {
                continue;
            }
            // `from` is a whole UTF-8 text, so the stem ends on a char boundary
            let stem = &key[..key.len() - rule.from.len()];
            // the chars of a UTF-8 text are its bytes that continue none
            let chars =
                *key_chars.get_or_insert_with(|| key.iter().filter(|&&b| b & 0xC0 != 0x80).count());
            let stem_chars = chars - rule.from_chars;
            if stem_chars < MIN_STEM_CHARS || stem_chars + rule.to_chars < MIN_WORD_CHARS {
                continue;
            }
            buf.clear();
            buf.extend_from_slice(stem);
            buf.extend_from_slice(rule.to.as_bytes());
            if found(buf) {
                return;
            }
        }
    }
}

/// Every language's rules, from `data/inflections.txt`.
pub(super) fn load() -> Vec<Rules> {
    class_lines(INFLECTIONS)
        .map(|(lang, pairs)| {
            let mut rules: Vec<(String, String)> = pairs
                .filter_map(|p| p.split_once('>'))
                .map(|(a, b)| (a.to_lowercase(), b.to_lowercase()))
                .collect();
            rules.sort_by_key(|(from, _)| std::cmp::Reverse(from.chars().count()));
            rules.dedup();
            let rules: Vec<Rule> = rules
                .into_iter()
                .map(|(from, to)| Rule {
                    from_chars: from.chars().count(),
                    to_chars: to.chars().count(),
                    from,
                    to,
                })
                .collect();
            let mut last_bytes = [0u64; 4];
            for b in rules.iter().filter_map(|r| r.from.as_bytes().last()) {
                last_bytes[usize::from(b / 64)] |= 1 << (b % 64);
            }
            Rules {
                lang: lang.to_string(),
                any_ending: rules.iter().any(|r| r.from.is_empty()),
                rules,
                last_bytes,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewrites(lang: &str, word: &str) -> Vec<String> {
        let all = load();
        let rules = all
            .iter()
            .find(|r| r.lang == lang)
            .expect("language in the table");
        let mut out = Vec::new();
        let mut buf = Vec::new();
        rules.candidates(word.as_bytes(), &mut buf, |c| {
            out.push(String::from_utf8(c.to_vec()).expect("a rewrite is UTF-8"));
            false
        });
        out
    }

    #[test]
    fn every_language_of_the_brief_has_rules() {
        let langs: Vec<String> = load().into_iter().map(|r| r.lang).collect();
        for l in ["ru", "uk", "pl", "cs", "de"] {
            assert!(langs.iter().any(|x| x == l), "{l}");
        }
    }

    #[test]
    fn rewrites_reach_the_nominative() {
        assert!(rewrites("ru", "россии").contains(&"россия".to_string()));
        assert!(rewrites("ru", "китая").contains(&"китай".to_string()));
        assert!(rewrites("ru", "москве").contains(&"москва".to_string()));
        assert!(rewrites("pl", "polsce").contains(&"polska".to_string()));
        assert!(rewrites("cs", "česku").contains(&"česko".to_string()));
        assert!(rewrites("de", "deutschlands").contains(&"deutschland".to_string()));
        assert!(rewrites("uk", "україні").contains(&"україна".to_string()));
    }

    #[test]
    fn words_no_ending_ends_are_never_rewritten() {
        for rules in load() {
            for word in ["deutschland", "россия", "polsce", "abc", "x", "", "ü"] {
                let mut n = 0;
                let mut buf = Vec::new();
                rules.candidates(word.as_bytes(), &mut buf, |_| {
                    n += 1;
                    false
                });
                assert!(n == 0 || rules.may_rewrite(word.as_bytes()), "{word}");
            }
        }
        let de = load()
            .into_iter()
            .find(|r| r.lang == "de")
            .expect("German rules");
        assert!(de.may_rewrite(b"deutschlands"));
        assert!(!de.may_rewrite(b"deutschland"));
    }

    #[test]
    fn short_stems_are_never_rewritten() {
        assert!(rewrites("ru", "оба").is_empty());
        assert!(rewrites("uk", "києві").contains(&"київ".to_string()));
        assert!(rewrites("de", "es").is_empty());
    }
}
