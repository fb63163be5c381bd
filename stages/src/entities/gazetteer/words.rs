//! How a word is looked up: its core (without a French or Italian elided article, an
//! English possessive), its key (lowercased, without dots, one apostrophe), its case, and
//! how a gazetteer form is cut into words the way the tokenizer cuts text.

/// Elided articles and prepositions before an apostrophe (`l’`, `d’`, `dell’`), lowercased.
const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "dell", "all", "dall", "nell", "sull", "coll",
];

/// True for an apostrophe (straight, curly or grave).
#[inline]
pub(super) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`' | 'ʼ')
}

/// The byte range of `word`'s core: without an elided article before an apostrophe
/// (`L’Allemagne` → `Allemagne`) and without a possessive ending (`Russia’s`, `Nations’`).
pub(super) fn core(word: &str) -> (usize, usize) {
    // no straight apostrophe or grave, and no byte that begins ’, ‘ or ʼ: the whole word
    if !word
        .bytes()
        .any(|b| matches!(b, b'\'' | b'`' | 0xE2 | 0xCA))
    {
        return (0, word.len());
    }
    let mut start = 0;
    if let Some((i, c)) = word.char_indices().take(6).find(|&(_, c)| is_apostrophe(c)) {
        let head = &word[..i];
        let rest = i + c.len_utf8();
        if rest < word.len() && ELISIONS.iter().any(|e| head.eq_ignore_ascii_case(e)) {
            start = rest;
        }
    }
    let mut end = word.len();
    let tail = &word[start..];
    for suffix in ["'s", "’s", "'S", "’S", "'", "’"] {
        if tail.len() > suffix.len() && tail.ends_with(suffix) {
            end -= suffix.len();
            break;
        }
    }
    (start, end)
}

/// The lookup key of a word: lowercased, dots dropped (`U.N.` = `UN`), every apostrophe
/// straight, Russian `ё` written `е` (as most texts do). Returns `word` itself when it is already its key, else writes into `buf`.
#[inline]
pub(super) fn key<'a>(buf: &'a mut String, word: &'a str) -> &'a str {
    let plain = word
        .bytes()
        .all(|b| !b.is_ascii_uppercase() && b != b'.' && b < 0x80 && b != b'`');
    if plain {
        return word;
    }
    buf.clear();
    if word.is_ascii() {
        // the loop below, byte by byte: the only ASCII apostrophes are `'` and `` ` ``
        buf.reserve(word.len());
        for b in word.bytes() {
            match b {
                b'.' => {}
                b'\'' | b'`' => buf.push('\''),
                b => buf.push(char::from(b.to_ascii_lowercase())),
            }
        }
        return buf;
    }
    for c in word.chars() {
        match c {
            '.' => {}
            c if is_apostrophe(c) => buf.push('\''),
            c if c.is_ascii() => buf.push(c.to_ascii_lowercase()),
            // Latin-1 (`Ü`, `ß`, `é`) without the Unicode tables: the capitals `À`..`Þ`
            // but `×` lowercase 32 code points on, the rest are their own lower case
            '\u{80}'..='\u{FF}' => buf.push(latin1_lower(c)),
            'ё' | 'Ё' => buf.push('е'),
            c => buf.extend(c.to_lowercase()),
        }
    }
    buf
}

/// The lower case of a Latin-1 char (`U+0080`..`U+00FF`), as [`char::to_lowercase`] gives
/// it (a test checks every one).
#[inline]
fn latin1_lower(c: char) -> char {
    match c {
        '\u{C0}'..='\u{DE}' if c != '×' => char::from_u32(u32::from(c) + 32).unwrap_or(c),
        c => c,
    }
}

/// The longest word [`ascii_key`] keys on the stack.
pub(super) const ASCII_KEY_MAX: usize = 64;

/// Byte class of [`ascii_key`]: an upper-case letter.
const B_UPPER: u8 = 1;
/// Byte class: a dot.
const B_DOT: u8 = 2;
/// Byte class: an apostrophe or grave (the word may have an elision or possessive to cut)
/// or a byte of a non-ASCII character.
const B_OTHER: u8 = 4;

/// The class of every byte value.
const BYTE_CLASSES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'A'..=b'Z' => B_UPPER,
            b'.' => B_DOT,
            b'\'' | b'`' | 0x80..=0xFF => B_OTHER,
            _ => 0,
        };
        b += 1;
    }
    t
};

/// The class of a word of at most [`ASCII_KEY_MAX`] ASCII characters without an
/// apostrophe or grave, for [`ascii_lower`] (such a word is its own core, [`core`]): 0 when
/// the word is its own key. `None` for any other word: those take [`core`] and [`key`].
#[inline]
pub(super) fn ascii_class(word: &[u8]) -> Option<u8> {
    if word.len() > ASCII_KEY_MAX {
        return None;
    }
    let class = word
        .iter()
        .fold(0, |c, &b| c | BYTE_CLASSES[usize::from(b)]);
    (class & B_OTHER == 0).then_some(class)
}

/// The key ([`key`]) of a word of class `class` ([`ascii_class`]): the word itself, or
/// the word lowercased without dots, written into `buf`.
#[inline]
pub(super) fn ascii_lower<'a>(
    word: &'a [u8],
    class: u8,
    buf: &'a mut [u8; ASCII_KEY_MAX],
) -> &'a [u8] {
    if class == 0 {
        return word;
    }
    let mut n = 0;
    for &b in word {
        if b != b'.' {
            buf[n] = b.to_ascii_lowercase();
            n += 1;
        }
    }
    &buf[..n]
}

/// The key of a word of ASCII characters without an apostrophe or grave ([`ascii_class`]
/// and [`ascii_lower`]); `None` for any other word.
#[inline]
pub(super) fn ascii_key<'a>(word: &'a [u8], buf: &'a mut [u8; ASCII_KEY_MAX]) -> Option<&'a [u8]> {
    ascii_class(word).map(|class| ascii_lower(word, class, buf))
}

/// What case a word of a form asks of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Case {
    /// No cased letter (Han, Arabic, `-`), or written in lower case in the form: any case.
    Any,
    /// Capitalised in the form (`Russia`): the text's word must begin with a capital.
    Upper,
    /// An acronym (`US`, `NATO`, `U.N.`): every letter a capital in the text too.
    Acronym,
}

impl Case {
    /// The case rule of a form's word (its core).
    pub(super) fn of(word: &str) -> Case {
        if word.is_ascii() {
            let mut letters = word.bytes().filter(u8::is_ascii_alphabetic);
            return match letters.next() {
                Some(first) if first.is_ascii_uppercase() => {
                    let (mut upper, mut lower) = (1, false);
                    for b in letters {
                        lower |= b.is_ascii_lowercase();
                        upper += usize::from(b.is_ascii_uppercase());
                    }
                    if !lower && upper >= 2 {
                        Case::Acronym
                    } else {
                        Case::Upper
                    }
                }
                _ => Case::Any,
            };
        }
        let mut letters = word.chars().filter(|c| c.is_alphabetic());
        let Some(first) = letters.next() else {
            return Case::Any;
        };
        if !first.is_uppercase() {
            return Case::Any;
        }
        let mut upper = 1;
        for c in letters {
            if c.is_lowercase() {
                return Case::Upper;
            }
            upper += usize::from(c.is_uppercase());
        }
        if upper >= 2 {
            Case::Acronym
        } else {
            Case::Upper
        }
    }

    /// True when `word` (a core from the text) satisfies the rule.
    #[inline]
    pub(super) fn accepts(self, word: &str) -> bool {
        match self {
            Case::Any => true,
            Case::Upper => word
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_lowercase()),
            Case::Acronym => !word.chars().any(char::is_lowercase),
        }
    }
}

/// True for a Han character: the tokenizer makes each one a token.
#[inline]
pub(super) fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

/// Calls `f` with each word of a gazetteer form, cut as the tokenizer cuts text: at white
/// space, around hyphens (`Guinea-Bissau` → `Guinea`, `-`, `Bissau`), and around each Han
/// character.
pub(super) fn for_each_word<'a>(form: &'a str, mut f: impl FnMut(&'a str)) {
    // most forms: ASCII without a hyphen, cut at (ASCII) white space only
    if form.is_ascii() && !form.contains('-') {
        form.split_ascii_whitespace().for_each(f);
        return;
    }
    for piece in form.split_whitespace() {
        if piece.is_ascii() && !piece.contains('-') {
            f(piece);
            continue;
        }
        let mut start = 0;
        for (i, c) in piece.char_indices() {
            if c == '-' || is_han(c) {
                if start < i {
                    f(&piece[start..i]);
                }
                let end = i + c.len_utf8();
                f(&piece[i..end]);
                start = end;
            }
        }
        if start < piece.len() {
            f(&piece[start..]);
        }
    }
}

/// The words of a gazetteer form ([`for_each_word`]).
#[cfg(test)]
pub(super) fn split_form(form: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for_each_word(form, |w| out.push(w));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn core_of(w: &str) -> &str {
        let (s, e) = core(w);
        &w[s..e]
    }

    #[test]
    fn core_drops_elisions_and_possessives() {
        assert_eq!(core_of("L’Allemagne"), "Allemagne");
        assert_eq!(core_of("d'Italie"), "Italie");
        assert_eq!(core_of("dell’Italia"), "Italia");
        assert_eq!(core_of("Russia’s"), "Russia");
        assert_eq!(core_of("Nations’"), "Nations");
        assert_eq!(core_of("O’Brien"), "O’Brien");
        assert_eq!(core_of("l’"), "l");
        assert_eq!(core_of("’"), "’");
    }

    #[test]
    fn keys_are_lowercase_without_dots() {
        let mut buf = String::new();
        assert_eq!(key(&mut buf, "U.N."), "un");
        assert_eq!(key(&mut buf, "Россия"), "россия");
        assert_eq!(key(&mut buf, "moscow"), "moscow");
        assert_eq!(key(&mut buf, "Quai d’Orsay"), "quai d'orsay");
        assert_eq!(key(&mut buf, "Соединённые"), "соединенные");
    }

    #[test]
    fn ascii_keys_are_the_keys_of_their_words() {
        let mut stack = [0; ASCII_KEY_MAX];
        let mut buf = String::new();
        for w in [
            "moscow", "Moscow", "U.N.", "NATO", "a", "-", "&", "...", "x.Y", "A-B",
        ] {
            let fast = ascii_key(w.as_bytes(), &mut stack).map(<[u8]>::to_vec);
            assert_eq!(fast.as_deref(), Some(key(&mut buf, w).as_bytes()), "{w}");
            assert_eq!(core(w), (0, w.len()), "{w}");
        }
        for w in ["Russia’s", "d'Italie", "Россия", "o`neil", "Zürich"] {
            assert_eq!(ascii_key(w.as_bytes(), &mut stack), None, "{w}");
        }
        let long = "A".repeat(ASCII_KEY_MAX + 1);
        assert_eq!(ascii_key(long.as_bytes(), &mut stack), None);
        let longest = "A".repeat(ASCII_KEY_MAX);
        assert_eq!(
            ascii_key(longest.as_bytes(), &mut stack),
            Some(key(&mut buf, &longest).as_bytes())
        );
    }

    #[test]
    fn a_lower_case_word_keys_to_a_lower_case_letter() {
        // the sketch of lower-case first words holds only the keys that begin with a
        // lower-case letter: the key of every word that begins with one must, too
        let mut buf = String::new();
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.is_lowercase())
        {
            let w = c.to_string();
            let k = key(&mut buf, &w);
            assert!(k.chars().next().is_some_and(char::is_lowercase), "{c:?}");
        }
    }

    #[test]
    fn latin1_lower_case_is_unicode_lower_case() {
        for c in ('\u{80}'..='\u{FF}').chain(['Ü', 'ß', 'É']) {
            let unicode: Vec<char> = c.to_lowercase().collect();
            assert_eq!(unicode, [latin1_lower(c)], "{c:?}");
        }
        assert_eq!(key(&mut String::new(), "MÜNCHEN"), "münchen");
    }

    #[test]
    fn case_rules() {
        assert_eq!(Case::of("US"), Case::Acronym);
        assert_eq!(Case::of("U.N."), Case::Acronym);
        assert_eq!(Case::of("Russia"), Case::Upper);
        assert_eq!(Case::of("mer"), Case::Any);
        assert_eq!(Case::of("北"), Case::Any);
        assert!(!Case::Acronym.accepts("us"));
        assert!(!Case::Acronym.accepts("Us"));
        assert!(Case::Acronym.accepts("US"));
        assert!(Case::Upper.accepts("RUSSIA"));
        assert!(!Case::Upper.accepts("russia"));
        assert!(Case::Upper.accepts("روسيا"));
    }

    #[test]
    fn forms_split_like_text() {
        assert_eq!(split_form("Guinea-Bissau"), ["Guinea", "-", "Bissau"]);
        assert_eq!(split_form("New  York"), ["New", "York"]);
        assert_eq!(split_form("俄罗斯"), ["俄", "罗", "斯"]);
        assert_eq!(split_form("ロシア"), ["ロシア"]);
        assert_eq!(split_form("Quai d’Orsay"), ["Quai", "d’Orsay"]);
    }
}
