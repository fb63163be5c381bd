//! The Snowball English stemmer (Porter2, the version `rust-stemmers` 1.2 generates) for
//! ASCII words, on a fixed buffer.
//!
//! `rust-stemmers` rebuilds its `String` at every edit and walks the word char by char
//! through binary searches of its suffix tables (about 3,800 instructions a word on
//! news text); this is the same algorithm, step for step, on bytes: a few hundred. Only
//! first sights of a word reach it (the stage caches stems), but a stream of new text
//! keeps meeting new words. Its output is `rust-stemmers`' byte for byte: the tests
//! compare the two on a word list and on random words made of English endings. Words
//! with a non-ASCII byte or longer than [`MAX_WORD`] bytes are not taken (`None`); the
//! caller stems those with `rust-stemmers`.

/// The longest word taken.
const MAX_WORD: usize = 40;

/// A word being stemmed: its bytes (room for one more, the `e` step 1b may add), its
/// length, and the starts of the regions R1 and R2.
pub(super) struct Stem {
    b: [u8; MAX_WORD + 1],
    len: usize,
    p1: usize,
    p2: usize,
}

/// `a e i o u y`: Snowball's `v`.
fn vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// `v` and `w x Y`: Snowball's `v_WXY`.
fn vowel_wxy(c: u8) -> bool {
    vowel(c) || matches!(c, b'w' | b'x' | b'Y')
}

/// The letters before which `li` is a suffix: Snowball's `valid_LI`.
fn valid_li(c: u8) -> bool {
    matches!(
        c,
        b'c' | b'd' | b'e' | b'g' | b'h' | b'k' | b'm' | b'n' | b'r' | b't'
    )
}

/// Whole words with a stem of their own (Snowball's `exception1`); the stem is the word
/// itself for those only kept from the other steps.
fn exception1(w: &[u8]) -> Option<&'static [u8]> {
    Some(match w {
        b"skis" => b"ski",
        b"skies" => b"sky",
        b"dying" => b"die",
        b"lying" => b"lie",
        b"tying" => b"tie",
        b"idly" => b"idl",
        b"gently" => b"gentl",
        b"ugly" => b"ugli",
        b"early" => b"earli",
        b"only" => b"onli",
        b"singly" => b"singl",
        b"sky" => b"sky",
        b"news" => b"news",
        b"howe" => b"howe",
        b"atlas" => b"atlas",
        b"cosmos" => b"cosmos",
        b"bias" => b"bias",
        b"andes" => b"andes",
        _ => return None,
    })
}

/// Words left as they are after step 1a (Snowball's `exception2`).
fn exception2(w: &[u8]) -> bool {
    matches!(
        w,
        b"inning"
            | b"outing"
            | b"canning"
            | b"herring"
            | b"earring"
            | b"proceed"
            | b"exceed"
            | b"succeed"
    )
}

/// Past the first vowel from `from` and the first non-vowel after it: where a region
/// starts, if the word has one.
fn region(w: &[u8], from: usize) -> Option<usize> {
    let v = from + w.get(from..)?.iter().position(|&c| vowel(c))? + 1;
    Some(v + w[v..].iter().position(|&c| !vowel(c))? + 1)
}

/// Whether `w` ends in a short syllable (Snowball's `shortv`).
fn short_syllable(w: &[u8]) -> bool {
    match *w {
        [.., a, b, c] if !vowel(a) && vowel(b) && !vowel_wxy(c) => true,
        [a, b] => vowel(a) && !vowel(b),
        _ => false,
    }
}

impl Stem {
    /// The stem as text.
    pub(super) fn as_str(&self) -> &str {
        // ASCII bytes only: taken from a `&str` whose every byte is ASCII, and every
        // edit writes ASCII
        std::str::from_utf8(&self.b[..self.len]).unwrap_or_default()
    }

    fn word(&self) -> &[u8] {
        &self.b[..self.len]
    }

    fn ends(&self, suffix: &[u8]) -> bool {
        self.word().ends_with(suffix)
    }

    /// Replaces the last `n` bytes with `by`.
    fn replace(&mut self, n: usize, by: &[u8]) {
        let at = self.len - n;
        self.b[at..at + by.len()].copy_from_slice(by);
        self.len = at + by.len();
    }

    /// Whether the suffix of `n` bytes lies in R1 / R2.
    fn r1(&self, n: usize) -> bool {
        self.p1 + n <= self.len
    }

    fn r2(&self, n: usize) -> bool {
        self.p2 + n <= self.len
    }

    /// Of `suffixes`, the longest the word ends with (longest first in the list).
    fn longest<T: Copy>(&self, suffixes: &[(&[u8], T)]) -> Option<(usize, T)> {
        suffixes
            .iter()
            .find(|(s, _)| self.ends(s))
            .map(|&(s, t)| (s.len(), t))
    }

    /// Marks `y` as a consonant (`Y`) at the start and after a vowel; returns whether
    /// any was (Snowball's `prelude`, after the leading apostrophe).
    fn prelude(&mut self) -> bool {
        let mut found = false;
        if self.len > 0 && self.b[0] == b'y' {
            self.b[0] = b'Y';
            found = true;
        }
        for i in 1..self.len {
            if self.b[i] == b'y' && vowel(self.b[i - 1]) {
                self.b[i] = b'Y';
                found = true;
            }
        }
        found
    }

    fn mark_regions(&mut self) {
        let w = self.word();
        let prefix = [&b"gener"[..], b"commun", b"arsen"]
            .into_iter()
            .find(|p| w.starts_with(p));
        let p1 = match prefix {
            Some(p) => Some(p.len()),
            None => region(w, 0),
        };
        let p2 = p1.and_then(|p| region(w, p));
        let len = w.len();
        self.p1 = p1.unwrap_or(len);
        self.p2 = p2.unwrap_or(len);
    }

    fn step_1a(&mut self) {
        if self.ends(b"'s'") {
            self.len -= 3;
        } else if self.ends(b"'s") {
            self.len -= 2;
        } else if self.ends(b"'") {
            self.len -= 1;
        }
        if self.ends(b"sses") {
            self.replace(4, b"ss");
        } else if self.ends(b"ied") || self.ends(b"ies") {
            let by: &[u8] = if self.len >= 5 { b"i" } else { b"ie" };
            self.replace(3, by);
        } else if self.ends(b"ss") || self.ends(b"us") {
        } else if self.ends(b"s")
            && self.len >= 2
            && self.b[..self.len - 2].iter().any(|&c| vowel(c))
        {
            self.len -= 1;
        }
    }

    fn step_1b(&mut self) {
        const SUFFIXES: &[(&[u8], bool)] = &[
            (b"eedly", true),
            (b"ingly", false),
            (b"edly", false),
            (b"eed", true),
            (b"ing", false),
            (b"ed", false),
        ];
        let Some((n, eed)) = self.longest(SUFFIXES) else {
            return;
        };
        if eed {
            if self.r1(n) {
                self.replace(n, b"ee");
            }
            return;
        }
        if !self.b[..self.len - n].iter().any(|&c| vowel(c)) {
            return;
        }
        self.len -= n;
        let double = matches!(*self.word(), [.., a, b] if a == b
            && matches!(a, b'b' | b'd' | b'f' | b'g' | b'm' | b'n' | b'p' | b'r' | b't'));
        if self.ends(b"at") || self.ends(b"bl") || self.ends(b"iz") {
            self.push_e();
        } else if double {
            self.len -= 1;
        } else if self.p1 == self.len && short_syllable(self.word()) {
            self.push_e();
        }
    }

    fn push_e(&mut self) {
        self.b[self.len] = b'e';
        self.len += 1;
    }

    fn step_1c(&mut self) {
        if let [.., _, b, c] = *self.word() {
            if (c == b'y' || c == b'Y') && !vowel(b) {
                self.b[self.len - 1] = b'i';
            }
        }
    }

    fn step_2(&mut self) {
        const SUFFIXES: &[(&[u8], &[u8])] = &[
            (b"ational", b"ate"),
            (b"ization", b"ize"),
            (b"iveness", b"ive"),
            (b"fulness", b"ful"),
            (b"ousness", b"ous"),
            (b"tional", b"tion"),
            (b"biliti", b"ble"),
            (b"lessli", b"less"),
            (b"fulli", b"ful"),
            (b"ousli", b"ous"),
            (b"entli", b"ent"),
            (b"aliti", b"al"),
            (b"iviti", b"ive"),
            (b"alism", b"al"),
            (b"ation", b"ate"),
            (b"anci", b"ance"),
            (b"enci", b"ence"),
            (b"abli", b"able"),
            (b"alli", b"al"),
            (b"izer", b"ize"),
            (b"ator", b"ate"),
            (b"ogi", b"og"),
            (b"bli", b"ble"),
            (b"li", b""),
        ];
        let Some((n, by)) = self.longest(SUFFIXES) else {
            return;
        };
        if !self.r1(n) {
            return;
        }
        let before = (self.len - n).checked_sub(1).map(|i| self.b[i]);
        match n {
            3 if by == b"og" && before != Some(b'l') => {}
            2 if !before.is_some_and(valid_li) => {}
            _ => self.replace(n, by),
        }
    }

    fn step_3(&mut self) {
        // the suffix, its replacement and whether it must lie in R2 too
        type Rule = (&'static [u8], bool);
        const SUFFIXES: &[(&[u8], Rule)] = &[
            (b"ational", (b"ate", false)),
            (b"tional", (b"tion", false)),
            (b"icate", (b"ic", false)),
            (b"ative", (b"", true)),
            (b"alize", (b"al", false)),
            (b"iciti", (b"ic", false)),
            (b"ical", (b"ic", false)),
            (b"ness", (b"", false)),
            (b"ful", (b"", false)),
        ];
        let Some((n, (by, in_r2))) = self.longest(SUFFIXES) else {
            return;
        };
        if self.r1(n) && (!in_r2 || self.r2(n)) {
            self.replace(n, by);
        }
    }

    fn step_4(&mut self) {
        // the suffix and whether it is `ion` (deleted after `s` or `t` only)
        const SUFFIXES: &[(&[u8], bool)] = &[
            (b"ement", false),
            (b"ance", false),
            (b"ence", false),
            (b"able", false),
            (b"ible", false),
            (b"ment", false),
            (b"ate", false),
            (b"ive", false),
            (b"ize", false),
            (b"iti", false),
            (b"ism", false),
            (b"ion", true),
            (b"ous", false),
            (b"ant", false),
            (b"ent", false),
            (b"ic", false),
            (b"al", false),
            (b"er", false),
        ];
        let Some((n, ion)) = self.longest(SUFFIXES) else {
            return;
        };
        if !self.r2(n) {
            return;
        }
        let before = (self.len - n).checked_sub(1).map(|i| self.b[i]);
        if ion && !matches!(before, Some(b's' | b't')) {
            return;
        }
        self.len -= n;
    }

    fn step_5(&mut self) {
        match *self.word() {
            [.., b'e'] => {
                let rest = self.len - 1;
                if self.r2(1) || (self.r1(1) && !short_syllable(&self.b[..rest])) {
                    self.len = rest;
                }
            }
            [.., b'l', b'l'] if self.r2(1) => self.len -= 1,
            _ => {}
        }
    }
}

/// The Snowball English stem of `word`, as `rust-stemmers` gives it; `None` for words
/// with a non-ASCII byte or longer than [`MAX_WORD`] bytes.
pub(super) fn stem(word: &str) -> Option<Stem> {
    let w = word.as_bytes();
    if w.len() > MAX_WORD || !w.is_ascii() {
        return None;
    }
    let mut s = Stem {
        b: [0; MAX_WORD + 1],
        len: w.len(),
        p1: 0,
        p2: 0,
    };
    if let Some(exception) = exception1(w) {
        s.b[..exception.len()].copy_from_slice(exception);
        s.len = exception.len();
        return Some(s);
    }
    s.b[..w.len()].copy_from_slice(w);
    if w.len() < 3 {
        return Some(s);
    }
    if s.b[0] == b'\'' {
        s.b.copy_within(1..s.len, 0);
        s.len -= 1;
    }
    let y_found = s.prelude();
    s.mark_regions();
    s.step_1a();
    if !exception2(s.word()) {
        s.step_1b();
        s.step_1c();
        s.step_2();
        s.step_3();
        s.step_4();
        s.step_5();
    }
    if y_found {
        for c in &mut s.b[..s.len] {
            if *c == b'Y' {
                *c = b'y';
            }
        }
    }
    Some(s)
}

#[cfg(test)]
mod tests {
    use rust_stemmers::{Algorithm, Stemmer};

    use super::*;

    fn check(snowball: &Stemmer, word: &str) -> Result<(), String> {
        let ours = stem(word).map(|s| s.as_str().to_owned());
        let theirs = snowball.stem(word);
        match ours {
            Some(ours) if ours != theirs => Err(format!("{word:?}: {ours:?}, Snowball {theirs:?}")),
            None if word.len() <= MAX_WORD && word.is_ascii() => Err(format!("{word:?} not taken")),
            _ => Ok(()),
        }
    }

    /// Words through every step and exception, written for this test.
    const WORDS: &str = "a an as is us the gas gaps says kiwis ties cries pies dies lies \
        caresses ponies cats dog's dogs' dog's' 'tis 'hello' 'as ''' yes yell ayy toy \
        boys sayyid youth crying cried flies skis skies sky news howe atlas cosmos bias \
        andes dying lying tying idly gently ugly early only singly inning outing canning \
        herring earring proceed exceed succeed agreed feed agreedly bleed speed hoped \
        hopping hoping conflated troubled sized tanned falling hissing fizzed failing \
        filing happy cry by say enjoy relational conditional rational valenci \
        hesitanci digitizer conformabli radicalli differentli vileli analogousli \
        vietnamization predication operator feudalism decisiveness hopefulness \
        callousness formaliti sensitiviti sensibiliti fulli hopelessli geologi \
        analogi triplicate formative formalize electriciti electrical hopeful goodness \
        revival allowance inference airliner gyroscopic adjustable defensible irritant \
        replacement adjustment dependent adoption homologous communism activate \
        angulariti effective bowdlerize probate rate cease controll roll generate \
        generously communication arsenal arsenic united unity \
        internationalisations negotiations continued talks running said president \
        governments officials reported according statement minister countries \
        a1 covid-19 e-mail long-term u.s. 10th 1990s x-ray yyy y'y 'y yy' \
        sixteen-letters! supercalifragilisticexpialidociousnesses";

    #[test]
    fn the_word_list_stems_as_snowball_does() {
        let snowball = Stemmer::create(Algorithm::English);
        let failures: Vec<String> = WORDS
            .split_whitespace()
            .filter_map(|w| check(&snowball, w).err())
            .collect();
        assert!(failures.is_empty(), "{failures:#?}");
    }

    #[test]
    fn long_and_non_ascii_words_are_left_to_snowball() {
        assert!(stem("négociations").is_none());
        assert!(stem(&"a".repeat(MAX_WORD + 1)).is_none());
        assert_eq!(stem(&"s".repeat(MAX_WORD)).map(|s| s.len), Some(MAX_WORD));
    }

    /// A word list of one's own (one word a line, e.g. every word of a corpus), when
    /// `NLPIPE_STEM_WORDS` names one: `NLPIPE_STEM_WORDS=/usr/share/dict/words cargo
    /// test -p stages --release english`.
    #[test]
    fn a_word_list_named_in_the_environment_stems_as_snowball_does() {
        let Some(path) = std::env::var_os("NLPIPE_STEM_WORDS") else {
            return;
        };
        let text = std::fs::read_to_string(path).expect("the word list reads");
        let snowball = Stemmer::create(Algorithm::English);
        let mut failures = Vec::new();
        let mut checked = 0;
        for line in text.lines() {
            let word = line.trim().to_lowercase();
            checked += 1;
            if let Err(e) = check(&snowball, &word) {
                failures.push(e);
            }
        }
        let shown = &failures[..failures.len().min(50)];
        assert!(
            failures.is_empty(),
            "{} of {checked}: {shown:#?}",
            failures.len()
        );
        eprintln!("{checked} words stem as Snowball's");
    }

    /// Pieces of words: every suffix of every table, the prefixes R1 knows, letters.
    const PIECES: &[&str] = &[
        "'", "'s", "'s'", "ied", "ies", "sses", "ss", "us", "s", "ed", "eed", "ing", "edly",
        "eedly", "ingly", "at", "bl", "iz", "bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt",
        "anci", "enci", "ogi", "li", "bli", "abli", "alli", "fulli", "lessli", "ousli", "entli",
        "aliti", "biliti", "iviti", "tional", "ational", "alism", "ation", "ization", "izer",
        "ator", "iveness", "fulness", "ousness", "icate", "ative", "alize", "iciti", "ical", "ful",
        "ness", "ic", "ance", "ence", "able", "ible", "ate", "ive", "ize", "iti", "al", "ism",
        "ion", "er", "ous", "ant", "ent", "ment", "ement", "e", "l", "y", "Y", "gener", "commun",
        "arsen", "succeed", "proceed", "exceed", "canning", "inning", "earring", "herring",
        "outing", "sky", "news", "a", "b", "c", "d", "h", "k", "o", "r", "t", "u", "w", "x", "hop",
        "run", "stat", "nation", "-", "1",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        /// Words made of stems and English endings, in any order.
        #[test]
        fn words_of_endings_stem_as_snowball_does(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 1..6)
        ) {
            let snowball = Stemmer::create(Algorithm::English);
            let word: String = pieces.concat();
            proptest::prop_assert_eq!(check(&snowball, &word), Ok(()));
        }

        /// Any short string of ASCII letters, apostrophes and a few other bytes.
        #[test]
        fn short_ascii_strings_stem_as_snowball_does(
            word in "[a-zY'0-9-]{0,12}|[aeiouyslbtdg']{0,10}"
        ) {
            let snowball = Stemmer::create(Algorithm::English);
            proptest::prop_assert_eq!(check(&snowball, &word), Ok(()));
        }
    }
}
