//! A person's grammatical gender, from what a news text says of them: given names
//! ([`given_name`], a table of 25,593 names from public-domain US birth and census
//! counts, see `data/LICENSE-given-names.md`), honorifics and role nouns ([`title`]:
//! `Mrs.`, `Frau`, `Mme`, `Sr.`, `г-жа`, `die Ministerin`), surname endings ([`surname`]:
//! `-ова`, `-ová`, `-ский`) and pronouns ([`pronoun`]: `she`, `er`, `elle`, `él`,
//! `она`, `ona`). The quotes stage's speaker resolution and the sentiment stage's actor
//! finder read it to link a pronoun to the nearest person it agrees with.
//!
//! Every function answers `None` when the word says nothing; an unknown gender agrees
//! with everything ([`agrees`]).
//!
//! ```
//! use stages::text::gender::{self, Gender};
//! assert_eq!(gender::given_name("Ayesha"), Some(Gender::Female));
//! assert_eq!(gender::of_name(&["Mehmet", "Kaya"]), Some(Gender::Male));
//! assert_eq!(gender::title("Frau"), Some(Gender::Female));
//! assert_eq!(gender::surname("Иванова"), Some(Gender::Female));
//! assert_eq!(gender::pronoun("он"), Some(Gender::Male));
//! assert!(gender::agrees(None, Some(Gender::Male)));
//! ```

use std::sync::OnceLock;

use super::class_lines;
use super::data_lines;

/// A person's grammatical gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Gender {
    /// `she`, `Mrs.`, `Ayesha`.
    Female,
    /// `he`, `Mr.`, `Mehmet`.
    Male,
}

/// Two genders agree unless both are known and differ.
pub fn agrees(a: Option<Gender>, b: Option<Gender>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// The given names: `[female, male]`, each sorted as the file lists them (no sort at
/// start-up: a unit test checks the order).
fn names() -> &'static [Vec<&'static str>; 2] {
    static NAMES: OnceLock<[Vec<&'static str>; 2]> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut out = [Vec::with_capacity(16_100), Vec::with_capacity(9_600)];
        let mut g = None;
        for line in data_lines(include_str!("data/given_names.txt")) {
            match line.trim() {
                "[f]" => g = Some(0),
                "[m]" => g = Some(1),
                w => {
                    if let Some(g) = g {
                        out[g].push(w);
                    }
                }
            }
        }
        out
    })
}

/// The given names of [`names`] hashed, for the look-ups of every name mention (a binary
/// search over 25,000 strings cost about 3 % of a run's CPU time).
fn by_name() -> &'static rustc_hash::FxHashMap<&'static str, Gender> {
    static BY_NAME: OnceLock<rustc_hash::FxHashMap<&'static str, Gender>> = OnceLock::new();
    BY_NAME.get_or_init(|| {
        let [f, m] = names();
        let mut map = rustc_hash::FxHashMap::default();
        map.reserve(f.len() + m.len());
        map.extend(f.iter().map(|&w| (w, Gender::Female)));
        map.extend(m.iter().map(|&w| (w, Gender::Male)));
        map
    })
}

/// The words of `data/gender_words.txt` by kind.
struct Words {
    honorific: Vec<(String, Gender)>,
    role: Vec<(String, Gender)>,
    pronoun: Vec<(String, Gender)>,
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut w = Words {
            honorific: Vec::new(),
            role: Vec::new(),
            pronoun: Vec::new(),
        };
        for (class, list) in class_lines(include_str!("data/gender_words.txt")) {
            let (kind, g) = class.rsplit_once(' ').unwrap_or(("", class));
            let g = match g {
                "f" => Gender::Female,
                "m" => Gender::Male,
                _ => continue,
            };
            let to = match kind {
                "" => &mut w.honorific,
                "role" => &mut w.role,
                "pronoun" => &mut w.pronoun,
                _ => continue,
            };
            to.extend(list.map(|x| (x.to_owned(), g)));
        }
        for v in [&mut w.honorific, &mut w.role, &mut w.pronoun] {
            v.sort_unstable();
        }
        w
    })
}

fn find(list: &[(String, Gender)], w: &str) -> Option<Gender> {
    list.binary_search_by(|(x, _)| x.as_str().cmp(w))
        .ok()
        .map(|i| list[i].1)
}

/// `f` of [`lowered`]`(w, fold)`: a short ASCII word (most words the callers ask about)
/// is lowercased on the stack, without allocating; any other goes through [`lowered`].
fn with_lowered<R>(w: &str, fold: bool, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 24];
    if w.len() <= buf.len() && w.is_ascii() {
        let out = &mut buf[..w.len()];
        for (d, s) in out.iter_mut().zip(w.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        // ASCII bytes are always UTF-8; unaccenting changes no ASCII letter
        if let Ok(l) = std::str::from_utf8(out) {
            return f(l);
        }
    }
    f(&lowered(w, fold))
}

/// `w` lowercased, with the accents of Latin letters dropped when `fold` (`François` →
/// `francois`).
fn lowered(w: &str, fold: bool) -> String {
    w.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if fold { unaccent(c) } else { c })
        .collect()
}

/// A Latin letter without its accent; other characters unchanged.
fn unaccent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' | 'č' | 'ć' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ů' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ř' => 'r',
        'ł' => 'l',
        _ => c,
    }
}

/// The gender of a given name (`Ayesha`, `Mehmet`, `François`), any case; `None` for a
/// name the table lacks or that is given to both (`Andrea`, `Jean`, `Kim`). A
/// hyphenated name the table lacks goes by its first part that says something
/// (`Jean-Pierre` → `Pierre`).
pub fn given_name(w: &str) -> Option<Gender> {
    let look = |k: &str| by_name().get(k).copied();
    with_lowered(w, true, |key| {
        // (a word without a hyphen is its only part: not looked up twice)
        look(key).or_else(|| {
            key.contains('-')
                .then(|| key.split('-').find_map(look))
                .flatten()
        })
    })
}

/// The gender an honorific or a role noun marks (`Mrs.`, `Herr`, `Mme`, `Sra.`, `г-н`,
/// `spokeswoman`, `Ministerin`, `presidenta`), any case.
pub fn title(w: &str) -> Option<Gender> {
    honorific(w).or_else(|| role(w))
}

/// The gender an honorific marks (`Mrs.`, `Herr`, `Mme`, `Sra.`, `г-н`), any case.
pub fn honorific(w: &str) -> Option<Gender> {
    with_lowered(w, false, |l| find(&words().honorific, l))
}

/// The gender a role noun marks (`spokeswoman`, `presidenta`, `Ministerin`,
/// `Regierungssprecherin`), any case. German nouns of a person in `-in` (not the plural
/// `-innen`) are women: `-erin`, `-entin`, `-antin`, `-istin`, `-chefin`.
pub fn role(w: &str) -> Option<Gender> {
    let l = lowered(w, false);
    if let Some(g) = find(&words().role, &l) {
        return Some(g);
    }
    const DE_FEMALE: [&str; 6] = ["erin", "entin", "antin", "istin", "chefin", "torin"];
    (w.chars().next().is_some_and(char::is_uppercase)
        && l.chars().count() > 6
        && DE_FEMALE.iter().any(|e| l.ends_with(e)))
    .then_some(Gender::Female)
}

/// The gender a surname's ending marks: Russian `-ова`/`-ева`/`-ина`/`-ская` (and their
/// Latin spellings `-ova`, `-eva`) and Czech `-ová` are women; Russian `-ов`/`-ев`/`-ин`/
/// `-ский` men.
pub fn surname(w: &str) -> Option<Gender> {
    with_lowered(w, false, surname_lowered)
}

/// [`surname`] of a lowercased word.
fn surname_lowered(l: &str) -> Option<Gender> {
    if l.chars().count() < 5 {
        return None;
    }
    const FEMALE: [&str; 9] = [
        "ова", "ева", "ёва", "ина", "ская", "цкая", "ová", "ova", "eva",
    ];
    const MALE: [&str; 6] = ["ов", "ев", "ёв", "ин", "ский", "цкий"];
    if FEMALE.iter().any(|e| l.ends_with(e)) {
        Some(Gender::Female)
    } else if MALE.iter().any(|e| l.ends_with(e)) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// The gender of a third-person singular pronoun (`he`, `sie` → `None`, `elle`, `él`,
/// `ela`, `она`, `ona`, and their other cases), any case. The caller knows the word is
/// a pronoun of the document's language: the table mixes the languages.
pub fn pronoun(w: &str) -> Option<Gender> {
    with_lowered(w, false, |l| find(&words().pronoun, l))
}

/// The gender of a person's full name, as its words: the first given name among all but
/// the last word (an office word the caller left in front says nothing: `Engineer Tomas
/// Berg`), else the last word's surname ending. A name of one word says nothing: it is
/// mostly a surname (`Christie`, `Kelly`), and the given names' table would misread it.
pub fn of_name(words: &[&str]) -> Option<Gender> {
    let [rest @ .., last] = words else {
        return None;
    };
    if rest.is_empty() {
        return None;
    }
    rest.iter()
        .find_map(|w| given_name(w))
        .or_else(|| surname(last))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_names_from_the_table_in_any_case_and_with_accents() {
        assert_eq!(given_name("AYESHA"), Some(Gender::Female));
        assert_eq!(given_name("mehmet"), Some(Gender::Male));
        assert_eq!(given_name("François"), Some(Gender::Male));
        assert_eq!(given_name("Olga"), Some(Gender::Female));
        // given to both, or a man's name in one language and a woman's in another
        assert_eq!(given_name("Andrea"), None);
        assert_eq!(given_name("Jean"), None);
        assert_eq!(given_name("Kim"), None);
        assert_eq!(given_name("Xyzzyq"), None);
        assert_eq!(given_name("Jean-Pierre"), Some(Gender::Male));
    }

    #[test]
    fn the_table_is_sorted_and_has_both_genders() {
        let [f, m] = names();
        assert!(f.len() > 15_000 && m.len() > 9_000);
        for t in [f, m] {
            assert!(t.windows(2).all(|p| p[0] < p[1]), "sorted, no repeats");
        }
        // a name is of one gender only
        assert!(f.iter().all(|w| m.binary_search(w).is_err()));
    }

    #[test]
    fn honorifics_and_role_nouns_in_five_languages() {
        for w in ["Mrs.", "Ms", "Frau", "Mme", "Sra.", "г-жа", "paní"] {
            assert_eq!(title(w), Some(Gender::Female), "{w}");
        }
        for w in ["Mr.", "Herr", "M.", "Sr.", "г-н", "señor"] {
            assert_eq!(title(w), Some(Gender::Male), "{w}");
        }
        for w in [
            "Ministerin",
            "Regierungssprecherin",
            "presidenta",
            "spokeswoman",
        ] {
            assert_eq!(role(w), Some(Gender::Female), "{w}");
        }
        assert_eq!(role("spokesman"), Some(Gender::Male));
        // plural, a place, a word that says nothing
        for w in ["Ministerinnen", "Berlin", "Kremlin", "ministre", "Minister"] {
            assert_eq!(role(w), None, "{w}");
        }
    }

    #[test]
    fn surname_endings() {
        assert_eq!(surname("Иванова"), Some(Gender::Female));
        assert_eq!(surname("Петров"), Some(Gender::Male));
        assert_eq!(surname("Навальный"), None);
        assert_eq!(surname("Novotná"), None);
        assert_eq!(surname("Dvořáková"), Some(Gender::Female));
        assert_eq!(surname("Sharapova"), Some(Gender::Female));
        assert_eq!(surname("Smith"), None);
        assert_eq!(of_name(&["Anna", "Petrov"]), Some(Gender::Female));
        assert_eq!(of_name(&["Kasparov"]), None);
        assert_eq!(of_name(&["Christie"]), None);
        assert_eq!(of_name(&["Chris", "Christie"]), None);
        assert_eq!(of_name(&["Engineer", "Tomas", "Berg"]), Some(Gender::Male));
    }

    #[test]
    fn pronouns_in_seven_languages_and_german_sie_says_nothing() {
        for w in ["she", "Her", "elle", "ella", "ela", "она", "ona"] {
            assert_eq!(pronoun(w), Some(Gender::Female), "{w}");
        }
        for w in ["he", "His", "er", "il", "él", "ele", "он", "on"] {
            assert_eq!(pronoun(w), Some(Gender::Male), "{w}");
        }
        assert_eq!(pronoun("sie"), None);
        assert_eq!(pronoun("they"), None);
        assert!(agrees(Some(Gender::Male), None));
        assert!(!agrees(Some(Gender::Male), Some(Gender::Female)));
    }
}
