//! Writing systems: which script a letter belongs to, and the dominant script of a text.
//!
//! Script names follow whatlang's (`Latin`, `Cyrillic`, `Mandarin` for Han, …), which the
//! `lang` stage output has used since its first version.

/// A writing system.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    Latin,
    Cyrillic,
    Arabic,
    Devanagari,
    Greek,
    Armenian,
    Georgian,
    Hebrew,
    Thai,
    Hangul,
    Hiragana,
    Katakana,
    Mandarin,
    Bengali,
    Gurmukhi,
    Gujarati,
    Oriya,
    Tamil,
    Telugu,
    Kannada,
    Malayalam,
    Sinhala,
    Myanmar,
    Khmer,
    Ethiopic,
}

/// Number of [`Script`] variants.
pub(crate) const COUNT: usize = 25;

const ALL: [Script; COUNT] = [
    Script::Latin,
    Script::Cyrillic,
    Script::Arabic,
    Script::Devanagari,
    Script::Greek,
    Script::Armenian,
    Script::Georgian,
    Script::Hebrew,
    Script::Thai,
    Script::Hangul,
    Script::Hiragana,
    Script::Katakana,
    Script::Mandarin,
    Script::Bengali,
    Script::Gurmukhi,
    Script::Gujarati,
    Script::Oriya,
    Script::Tamil,
    Script::Telugu,
    Script::Kannada,
    Script::Malayalam,
    Script::Sinhala,
    Script::Myanmar,
    Script::Khmer,
    Script::Ethiopic,
];

impl Script {
    /// The script's name in the output.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Script::Latin => "Latin",
            Script::Cyrillic => "Cyrillic",
            Script::Arabic => "Arabic",
            Script::Devanagari => "Devanagari",
            Script::Greek => "Greek",
            Script::Armenian => "Armenian",
            Script::Georgian => "Georgian",
            Script::Hebrew => "Hebrew",
            Script::Thai => "Thai",
            Script::Hangul => "Hangul",
            Script::Hiragana => "Hiragana",
            Script::Katakana => "Katakana",
            Script::Mandarin => "Mandarin",
            Script::Bengali => "Bengali",
            Script::Gurmukhi => "Gurmukhi",
            Script::Gujarati => "Gujarati",
            Script::Oriya => "Oriya",
            Script::Tamil => "Tamil",
            Script::Telugu => "Telugu",
            Script::Kannada => "Kannada",
            Script::Malayalam => "Malayalam",
            Script::Sinhala => "Sinhala",
            Script::Myanmar => "Myanmar",
            Script::Khmer => "Khmer",
            Script::Ethiopic => "Ethiopic",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The script of a letter (or combining mark of a letter), `None` for anything else: digits,
/// punctuation, symbols, spaces and letters of scripts not listed.
#[inline]
pub(crate) fn of(c: char) -> Option<Script> {
    if c.is_ascii() {
        return c.is_ascii_alphabetic().then_some(Script::Latin);
    }
    let u = c as u32;
    let s = match u {
        0x00AA | 0x00BA | 0x00C0..=0x00D6 | 0x00D8..=0x00F6 | 0x00F8..=0x024F => Script::Latin,
        0x0250..=0x02AF | 0x1E00..=0x1EFF | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A => Script::Latin,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x0530..=0x058F | 0xFB13..=0xFB17 => Script::Armenian,
        0x0590..=0x05FF | 0xFB1D..=0xFB4F => Script::Hebrew,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF => Script::Arabic,
        0xFE70..=0xFEFF => Script::Arabic,
        0x0900..=0x097F | 0xA8E0..=0xA8FF => Script::Devanagari,
        0x0980..=0x09FF => Script::Bengali,
        0x0A00..=0x0A7F => Script::Gurmukhi,
        0x0A80..=0x0AFF => Script::Gujarati,
        0x0B00..=0x0B7F => Script::Oriya,
        0x0B80..=0x0BFF => Script::Tamil,
        0x0C00..=0x0C7F => Script::Telugu,
        0x0C80..=0x0CFF => Script::Kannada,
        0x0D00..=0x0D7F => Script::Malayalam,
        0x0D80..=0x0DFF => Script::Sinhala,
        0x0E00..=0x0E7F => Script::Thai,
        0x1000..=0x109F => Script::Myanmar,
        0x10A0..=0x10FF | 0x1C90..=0x1CBF | 0x2D00..=0x2D2F => Script::Georgian,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xAC00..=0xD7FF => Script::Hangul,
        0x1200..=0x139F | 0x2D80..=0x2DDF => Script::Ethiopic,
        0x1780..=0x17FF | 0x19E0..=0x19FF => Script::Khmer,
        0x3040..=0x309F => Script::Hiragana,
        0x30A0..=0x30FA | 0x30FC..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Katakana,
        0x3005 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => Script::Mandarin,
        0x20000..=0x2EBEF => Script::Mandarin,
        _ => return None,
    };
    // Digits, punctuation and symbols inside those blocks are not letters.
    if c.is_numeric() || is_block_punctuation(u) {
        return None;
    }
    Some(s)
}

fn is_block_punctuation(u: u32) -> bool {
    matches!(
        u,
        0x037E | 0x0387 | 0x03F6 | 0x0482 | 0x055A..=0x055F | 0x0589 | 0x058A | 0x058D..=0x058F
            | 0x05BE | 0x05C0 | 0x05C3 | 0x05C6 | 0x05F3 | 0x05F4 | 0x0600..=0x060F
            | 0x061B..=0x061F | 0x066A..=0x066D | 0x06D4 | 0x06DD | 0x06DE | 0x06E9
            | 0x0964 | 0x0965 | 0x0970 | 0x09F2..=0x09FB | 0x0AF0 | 0x0AF1 | 0x0BF3..=0x0BFA
            | 0x0E3F | 0x0E4F | 0x0E5A | 0x0E5B | 0x104A..=0x104F | 0x10FB | 0x1360..=0x1368
            | 0x17D4..=0x17DB | 0x1FBD | 0x1FBF..=0x1FC1 | 0x1FCD..=0x1FCF | 0x1FDD..=0x1FDF
            | 0x1FED..=0x1FEF | 0x1FFD | 0x1FFE | 0xFD3E | 0xFD3F | 0xFDFC | 0xFDFD
    )
}

/// Letters per script in a text.
#[derive(Debug, Clone, Default)]
pub(crate) struct Counts {
    counts: [u32; COUNT],
}

impl Counts {
    /// Counts the letters of `text` by script.
    pub(crate) fn of(text: &str) -> Counts {
        let mut counts = [0u32; COUNT];
        for c in text.chars() {
            if let Some(s) = of(c) {
                counts[s.index()] += 1;
            }
        }
        Counts { counts }
    }

    /// Letters of `script`.
    pub(crate) fn get(&self, script: Script) -> u32 {
        self.counts[script.index()]
    }

    /// All letters counted.
    pub(crate) fn total(&self) -> u32 {
        self.counts.iter().sum()
    }

    /// The script with the most letters (the first listed wins a tie), `None` if no letters.
    pub(crate) fn dominant(&self) -> Option<Script> {
        let mut best: Option<(Script, u32)> = None;
        for s in ALL {
            let n = self.get(s);
            if n > 0 && !matches!(best, Some((_, m)) if m >= n) {
                best = Some((s, n));
            }
        }
        best.map(|(s, _)| s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_have_scripts_and_other_characters_do_not() {
        assert_eq!(of('a'), Some(Script::Latin));
        assert_eq!(of('ş'), Some(Script::Latin));
        assert_eq!(of('ệ'), Some(Script::Latin));
        assert_eq!(of('ж'), Some(Script::Cyrillic));
        assert_eq!(of('ب'), Some(Script::Arabic));
        assert_eq!(of('क'), Some(Script::Devanagari));
        assert_eq!(of('ा'), Some(Script::Devanagari));
        assert_eq!(of('中'), Some(Script::Mandarin));
        assert_eq!(of('の'), Some(Script::Hiragana));
        assert_eq!(of('한'), Some(Script::Hangul));
        for c in ['1', ' ', '.', '×', '،', '٣', '।', '€', '“', '・'] {
            assert_eq!(of(c), None, "{c}");
        }
    }

    #[test]
    fn dominant_script_is_the_most_frequent() {
        assert_eq!(
            Counts::of("Путин met Biden").dominant(),
            Some(Script::Latin)
        );
        assert_eq!(
            Counts::of("Путин и Байден, Biden").dominant(),
            Some(Script::Cyrillic)
        );
        assert_eq!(Counts::of("12 + 3 !").dominant(), None);
    }
}
