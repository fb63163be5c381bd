//! Character classes the tokenizer needs beyond what `std` offers.

/// Zero-width joiner: glues emoji sequences and some Indic/Arabic letter forms.
pub(crate) const ZWJ: char = '\u{200d}';
/// Zero-width non-joiner: inside Persian and Indic words.
pub(crate) const ZWNJ: char = '\u{200c}';

/// Combining marks (and other characters that only modify the character before them):
/// they never start a token and stay with the letter they follow.
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036f}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05bd}'
        | '\u{05bf}'
        | '\u{05c1}'..='\u{05c2}'
        | '\u{05c4}'..='\u{05c5}'
        | '\u{05c7}'
        | '\u{0610}'..='\u{061a}'
        | '\u{064b}'..='\u{065f}'
        | '\u{0670}'
        | '\u{06d6}'..='\u{06dc}'
        | '\u{06df}'..='\u{06e4}'
        | '\u{06e7}'..='\u{06e8}'
        | '\u{06ea}'..='\u{06ed}'
        | '\u{0711}'
        | '\u{0730}'..='\u{074a}'
        | '\u{07a6}'..='\u{07b0}'
        | '\u{0816}'..='\u{082d}'
        | '\u{08d3}'..='\u{08ff}'
        | '\u{1ab0}'..='\u{1aff}'
        | '\u{1dc0}'..='\u{1dff}'
        | '\u{20d0}'..='\u{20ff}'
        | '\u{302a}'..='\u{302f}'
        | '\u{3099}'..='\u{309a}'
        | '\u{fe00}'..='\u{fe0f}'
        | '\u{fe20}'..='\u{fe2f}'
        | '\u{e0100}'..='\u{e01ef}'
    ) || is_indic_sign(c)
}

/// Vowel signs, viramas and other non-letters of the Indic blocks (Devanagari to
/// Malayalam, Sinhala), which belong to the syllable before them.
fn is_indic_sign(c: char) -> bool {
    matches!(c, '\u{0900}'..='\u{0dff}')
        && !c.is_alphanumeric()
        && !matches!(c, '\u{0964}' | '\u{0965}' | '\u{0970}' | '\u{0df4}')
}

/// Scripts written without spaces between words: Han, Hiragana and Katakana are cut per
/// character (Katakana per run), Thai, Lao, Khmer and Myanmar per run of the script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NoSpace {
    /// One token per character.
    PerChar,
    /// One token per run of this block.
    Run(Block),
}

/// A block of a run-tokenised script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Block {
    Katakana,
    Thai,
    Lao,
    Khmer,
    Myanmar,
}

/// The no-space script `c` belongs to, if any.
pub(crate) fn no_space(c: char) -> Option<NoSpace> {
    match c {
        '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{20000}'..='\u{3134f}'
        | '\u{3040}'..='\u{3096}'
        | '\u{309d}'..='\u{309f}'
        | '\u{3005}'..='\u{3007}' => Some(NoSpace::PerChar),
        '\u{30a0}'..='\u{30ff}' | '\u{31f0}'..='\u{31ff}' | '\u{ff66}'..='\u{ff9f}' => {
            if c == '\u{30fb}' {
                None // katakana middle dot is punctuation
            } else {
                Some(NoSpace::Run(Block::Katakana))
            }
        }
        '\u{0e01}'..='\u{0e4e}' | '\u{0e50}'..='\u{0e59}' if c != '\u{0e3f}' => {
            Some(NoSpace::Run(Block::Thai))
        }
        '\u{0e81}'..='\u{0edf}' => Some(NoSpace::Run(Block::Lao)),
        '\u{1780}'..='\u{17d3}' | '\u{17dc}'..='\u{17dd}' | '\u{17e0}'..='\u{17e9}' => {
            Some(NoSpace::Run(Block::Khmer))
        }
        '\u{1000}'..='\u{1049}' | '\u{1050}'..='\u{109f}' => Some(NoSpace::Run(Block::Myanmar)),
        _ => None,
    }
}

/// True when `c` continues a run of `block`.
pub(crate) fn in_block(c: char, block: Block) -> bool {
    matches!(no_space(c), Some(NoSpace::Run(b)) if b == block)
        || (block == Block::Katakana && matches!(c, '\u{3099}'..='\u{309c}'))
}

/// Characters that start an emoji (Extended_Pictographic, roughly), not counting regional
/// indicators, keycap bases and symbols that are emoji only with U+FE0F after them.
pub(crate) fn is_emoji(c: char) -> bool {
    matches!(c,
        '\u{1f000}'..='\u{1f0ff}'
        | '\u{1f10d}'..='\u{1f1e5}'
        | '\u{1f200}'..='\u{1faff}'
        | '\u{2600}'..='\u{27bf}'
        | '\u{231a}'..='\u{231b}'
        | '\u{2328}'
        | '\u{23cf}'
        | '\u{23e9}'..='\u{23f3}'
        | '\u{23f8}'..='\u{23fa}'
        | '\u{2b05}'..='\u{2b07}'
        | '\u{2b1b}'..='\u{2b1c}'
        | '\u{2b50}'
        | '\u{2b55}'
        | '\u{2934}'..='\u{2935}'
        | '\u{3030}'
        | '\u{303d}'
        | '\u{3297}'
        | '\u{3299}'
    )
}

/// Regional indicator symbols: two make a flag.
pub(crate) fn is_regional_indicator(c: char) -> bool {
    matches!(c, '\u{1f1e6}'..='\u{1f1ff}')
}

/// Characters that extend the emoji before them: skin tones, variation selectors, the
/// keycap mark and tag characters (subdivision flags).
pub(crate) fn is_emoji_modifier(c: char) -> bool {
    matches!(c,
        '\u{1f3fb}'..='\u{1f3ff}' | '\u{fe0e}' | '\u{fe0f}' | '\u{20e3}' | '\u{e0020}'..='\u{e007f}'
    )
}

/// Quote marks of every style; each is always a token of its own.
pub(crate) use crate::text::is_quote_mark as is_quote;

/// Marks that close a quotation or a bracket (kept with the sentence they end).
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '»'
            | '›'
            | '」'
            | '』'
            | '〞'
            | '〟'
            | ')'
            | ']'
            | '}'
            | '）'
            | '］'
    )
}

/// Marks that open a quotation or a bracket.
pub(crate) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '‚'
            | '«'
            | '‹'
            | '「'
            | '『'
            | '〝'
            | '('
            | '['
            | '{'
            | '（'
            | '［'
    )
}

/// Non-ASCII punctuation (General Category P*, the common blocks).
pub(crate) fn is_punct(c: char) -> bool {
    matches!(c,
        '\u{a1}' | '\u{a7}' | '\u{ab}' | '\u{b6}' | '\u{b7}' | '\u{bb}' | '\u{bf}'
        | '\u{37e}' | '\u{387}'
        | '\u{55a}'..='\u{55f}' | '\u{589}' | '\u{58a}'
        | '\u{5be}' | '\u{5c0}' | '\u{5c3}' | '\u{5c6}' | '\u{5f3}' | '\u{5f4}'
        | '\u{60c}' | '\u{60d}' | '\u{61b}' | '\u{61e}' | '\u{61f}' | '\u{66a}'..='\u{66d}' | '\u{6d4}'
        | '\u{964}' | '\u{965}' | '\u{970}' | '\u{df4}'
        | '\u{e4f}' | '\u{e5a}' | '\u{e5b}'
        | '\u{104a}'..='\u{104f}' | '\u{17d4}'..='\u{17d6}' | '\u{17d8}'..='\u{17da}'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{2043}' | '\u{2045}'..='\u{2051}'
        | '\u{2053}'..='\u{205e}'
        | '\u{2e00}'..='\u{2e4f}'
        | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301f}' | '\u{30fb}'
        | '\u{fe10}'..='\u{fe19}' | '\u{fe30}'..='\u{fe4f}' | '\u{fe50}'..='\u{fe6b}'
        | '\u{ff01}'..='\u{ff03}' | '\u{ff05}'..='\u{ff0a}' | '\u{ff0c}'..='\u{ff0f}'
        | '\u{ff1a}' | '\u{ff1b}' | '\u{ff1f}' | '\u{ff20}' | '\u{ff3b}'..='\u{ff3d}'
        | '\u{ff3f}' | '\u{ff5b}' | '\u{ff5d}' | '\u{ff5f}'..='\u{ff65}'
    )
}

/// Non-ASCII symbols: currency, maths, arrows, technical and geometric shapes, …
pub(crate) fn is_symbol(c: char) -> bool {
    matches!(c,
        '\u{a2}'..='\u{a6}' | '\u{a8}' | '\u{a9}' | '\u{ac}' | '\u{ae}'..='\u{b1}' | '\u{b4}'
        | '\u{b8}' | '\u{d7}' | '\u{f7}'
        | '\u{2044}' | '\u{2052}'
        | '\u{20a0}'..='\u{20cf}'
        | '\u{2100}'..='\u{214f}'
        | '\u{2190}'..='\u{23ff}'
        | '\u{2400}'..='\u{24ff}'
        | '\u{2500}'..='\u{25ff}'
        | '\u{2700}'..='\u{27ff}'
        | '\u{2900}'..='\u{2bff}'
        | '\u{3004}' | '\u{3012}' | '\u{3013}' | '\u{3020}' | '\u{3036}' | '\u{3037}'
        | '\u{ff04}' | '\u{ff0b}' | '\u{ff1c}'..='\u{ff1e}' | '\u{ff3e}' | '\u{ff40}'
        | '\u{ff5c}' | '\u{ff5e}' | '\u{ffe0}'..='\u{ffee}'
    )
}

/// ASCII symbols (the rest of ASCII punctuation is `punct`).
pub(crate) fn is_ascii_symbol(b: u8) -> bool {
    matches!(
        b,
        b'$' | b'%' | b'+' | b'<' | b'=' | b'>' | b'^' | b'|' | b'~'
    )
}

/// True for a character that can continue a word: letters, digits, combining marks.
/// Whitespace-free scripts are excluded: they are cut by [`no_space`].
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if matches!(c, '\u{2000}'..='\u{206f}') {
        // general punctuation (’ “ ” — …), the usual non-ASCII neighbour of a word
        return false;
    }
    (c.is_alphanumeric() && no_space(c).is_none()) || is_mark(c) || c == '\u{ad}'
}
