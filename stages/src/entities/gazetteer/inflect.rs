//! Case endings of the inflecting languages (`data/inflections.txt`): a word read in the
//! text (`России`, `Polsce`, `Deutschlands`) is rewritten into the forms it may have in
//! the gazetteer (`Россия`, `Polska`, `Deutschland`); only forms the gazetteer holds count.

use crate::text::class_lines;

const INFLECTIONS: &str = include_str!("../data/inflections.txt");

/// Characters a stem keeps at least, and a rewritten word has at least, so that short
/// words are never rewritten (`Оба`, `es`) but `Києві` still reaches `Київ`, `дома` `дом`.
const MIN_STEM_CHARS: usize = 2;
const MIN_WORD_CHARS: usize = 3;

/// The ending rules of one language: `(text ending, name ending)`, lowercased.
#[derive(Debug, Default)]
pub(super) struct Rules {
    /// The language's ISO 639-1 code.
    pub(super) lang: String,
    /// The rules, longest text ending first.
    rules: Vec<(String, String)>,
}

impl Rules {
    /// Calls `found` with each rewrite of `key` (a lowercased word) under the rules, using
    /// `buf` for the candidate; stops early when `found` returns true.
    pub(super) fn candidates(
        &self,
        key: &str,
        buf: &mut String,
        mut found: impl FnMut(&str) -> bool,
    ) {
        for (from, to) in &self.rules {
            let Some(stem) = key.strip_suffix(from.as_str()) else {
                continue;
            };
            let stem_chars = stem.chars().count();
            if stem_chars < MIN_STEM_CHARS
                || stem_chars + to.chars().count() < MIN_WORD_CHARS
                || (from.is_empty() && to.is_empty())
            {
                continue;
            }
            buf.clear();
            buf.push_str(stem);
            buf.push_str(to);
            if buf != key && found(buf) {
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
            Rules {
                lang: lang.to_string(),
                rules,
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
        let mut buf = String::new();
        rules.candidates(word, &mut buf, |c| {
            out.push(c.to_string());
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
    fn short_stems_are_never_rewritten() {
        assert!(rewrites("ru", "оба").is_empty());
        assert!(rewrites("uk", "києві").contains(&"київ".to_string()));
        assert!(rewrites("de", "es").is_empty());
    }
}
