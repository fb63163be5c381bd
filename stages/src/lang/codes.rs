//! ISO 639-3 → 639-1 codes and English names.

/// (ISO 639-3, ISO 639-1, English name)
const CODES: &[(&str, &str, &str)] = &[
    ("afr", "af", "Afrikaans"),
    ("aka", "ak", "Akan"),
    ("amh", "am", "Amharic"),
    ("ara", "ar", "Arabic"),
    ("aze", "az", "Azerbaijani"),
    ("bel", "be", "Belarusian"),
    ("ben", "bn", "Bengali"),
    ("bos", "bs", "Bosnian"),
    ("bul", "bg", "Bulgarian"),
    ("cat", "ca", "Catalan"),
    ("ces", "cs", "Czech"),
    ("cmn", "zh", "Chinese"),
    ("zho", "zh", "Chinese"),
    ("cym", "cy", "Welsh"),
    ("dan", "da", "Danish"),
    ("deu", "de", "German"),
    ("ell", "el", "Greek"),
    ("eng", "en", "English"),
    ("epo", "eo", "Esperanto"),
    ("est", "et", "Estonian"),
    ("eus", "eu", "Basque"),
    ("fas", "fa", "Persian"),
    ("pes", "fa", "Persian"),
    ("fin", "fi", "Finnish"),
    ("fra", "fr", "French"),
    ("gle", "ga", "Irish"),
    ("guj", "gu", "Gujarati"),
    ("heb", "he", "Hebrew"),
    ("hin", "hi", "Hindi"),
    ("hrv", "hr", "Croatian"),
    ("hun", "hu", "Hungarian"),
    ("hye", "hy", "Armenian"),
    ("ind", "id", "Indonesian"),
    ("isl", "is", "Icelandic"),
    ("ita", "it", "Italian"),
    ("jav", "jv", "Javanese"),
    ("jpn", "ja", "Japanese"),
    ("kan", "kn", "Kannada"),
    ("kat", "ka", "Georgian"),
    ("kaz", "kk", "Kazakh"),
    ("khm", "km", "Khmer"),
    ("kor", "ko", "Korean"),
    ("lat", "la", "Latin"),
    ("lav", "lv", "Latvian"),
    ("lit", "lt", "Lithuanian"),
    ("lug", "lg", "Ganda"),
    ("mal", "ml", "Malayalam"),
    ("mar", "mr", "Marathi"),
    ("mkd", "mk", "Macedonian"),
    ("mon", "mn", "Mongolian"),
    ("mri", "mi", "Maori"),
    ("msa", "ms", "Malay"),
    ("zsm", "ms", "Malay"),
    ("mya", "my", "Burmese"),
    ("nep", "ne", "Nepali"),
    ("nld", "nl", "Dutch"),
    ("nno", "nn", "Norwegian Nynorsk"),
    ("nob", "nb", "Norwegian Bokmål"),
    ("nor", "no", "Norwegian"),
    ("ori", "or", "Oriya"),
    ("pan", "pa", "Punjabi"),
    ("pol", "pl", "Polish"),
    ("por", "pt", "Portuguese"),
    ("ron", "ro", "Romanian"),
    ("rus", "ru", "Russian"),
    ("sin", "si", "Sinhala"),
    ("slk", "sk", "Slovak"),
    ("slv", "sl", "Slovenian"),
    ("sna", "sn", "Shona"),
    ("som", "so", "Somali"),
    ("sot", "st", "Sotho"),
    ("spa", "es", "Spanish"),
    ("sqi", "sq", "Albanian"),
    ("srp", "sr", "Serbian"),
    ("swa", "sw", "Swahili"),
    ("swe", "sv", "Swedish"),
    ("tam", "ta", "Tamil"),
    ("tel", "te", "Telugu"),
    ("tgl", "tl", "Tagalog"),
    ("tha", "th", "Thai"),
    ("tsn", "tn", "Tswana"),
    ("tso", "ts", "Tsonga"),
    ("tuk", "tk", "Turkmen"),
    ("tur", "tr", "Turkish"),
    ("ukr", "uk", "Ukrainian"),
    ("urd", "ur", "Urdu"),
    ("uzb", "uz", "Uzbek"),
    ("vie", "vi", "Vietnamese"),
    ("xho", "xh", "Xhosa"),
    ("yid", "yi", "Yiddish"),
    ("yor", "yo", "Yoruba"),
    ("zul", "zu", "Zulu"),
];

/// The ISO 639-1 code of an ISO 639-3 code, where one exists.
///
/// ```
/// assert_eq!(stages::lang::iso639_1("eng"), Some("en"));
/// assert_eq!(stages::lang::iso639_1("xyz"), None);
/// ```
pub fn iso639_1(code3: &str) -> Option<&'static str> {
    CODES.iter().find(|c| c.0 == code3).map(|c| c.1)
}

/// The English name of an ISO 639-1 or 639-3 code.
///
/// ```
/// assert_eq!(stages::lang::language_name("de"), Some("German"));
/// assert_eq!(stages::lang::language_name("deu"), Some("German"));
/// ```
pub fn language_name(code: &str) -> Option<&'static str> {
    CODES
        .iter()
        .find(|c| c.1 == code || c.0 == code)
        .map(|c| c.2)
}
