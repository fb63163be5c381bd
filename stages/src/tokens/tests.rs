//! Unit tests and property tests of the tokenizer and the sentence splitter. Every text
//! here is written for these tests.

use super::*;
use pipeline_core::{Sentence, Token, TokenKind};
use proptest::prelude::*;

fn toks(t: &str) -> Vec<&str> {
    tokenize(t).iter().map(|x| x.span.slice(t)).collect()
}

fn kinds(t: &str) -> Vec<(&str, TokenKind)> {
    tokenize(t)
        .iter()
        .map(|x| (x.span.slice(t), x.kind))
        .collect()
}

fn kind_of(t: &str, token: &str) -> TokenKind {
    kinds(t)
        .into_iter()
        .find(|(s, _)| *s == token)
        .map(|(_, k)| k)
        .unwrap_or_else(|| panic!("no token {token:?} in {:?}", toks(t)))
}

fn sents(t: &str) -> Vec<&str> {
    let tokens = tokenize(t);
    split_sentences(t, &tokens)
        .iter()
        .map(|s| s.span.slice(t))
        .collect()
}

// ---------------------------------------------------------------- tokens

#[test]
fn splits_punctuation_and_keeps_numbers() {
    assert_eq!(
        toks("In 2018, 1,100 troops."),
        ["In", "2018", ",", "1,100", "troops", "."]
    );
}

#[test]
fn numbers_with_separators_and_currencies() {
    assert_eq!(
        toks("It cost $1.9 billion, up 16% from €2.5m; 3,40 in Berlin."),
        [
            "It", "cost", "$", "1.9", "billion", ",", "up", "16", "%", "from", "€", "2.5", "m",
            ";", "3,40", "in", "Berlin", "."
        ]
    );
    assert_eq!(kind_of("paid $1.9 now", "1.9"), TokenKind::Number);
    assert_eq!(kind_of("paid $1.9 now", "$"), TokenKind::Symbol);
    assert_eq!(kind_of("up 16% now", "%"), TokenKind::Symbol);
}

#[test]
fn units_glued_to_numbers_are_split_but_ordinals_stay() {
    assert_eq!(
        toks("A 375mm gun, 650k people at 5pm on the 19th in the 1980s."),
        [
            "A", "375", "mm", "gun", ",", "650", "k", "people", "at", "5", "pm", "on", "the",
            "19th", "in", "the", "1980s", "."
        ]
    );
}

#[test]
fn a_lost_space_after_a_period_still_ends_the_sentence() {
    assert_eq!(
        toks("he said.The talks"),
        ["he", "said", ".", "The", "talks"]
    );
    assert_eq!(
        sents("He left, he said.The talks went on."),
        ["He left, he said.", "The talks went on."]
    );
    assert_eq!(
        toks("see example.com and Newsfeed.Com"),
        ["see", "example.com", "and", "Newsfeed.Com"]
    );
}

#[test]
fn dates_times_and_phone_numbers_stay_whole() {
    assert_eq!(
        toks("On 08/16/2000 at 12:05 call 853-3242 or 410-468-3798, not 13-17."),
        [
            "On",
            "08/16/2000",
            "at",
            "12:05",
            "call",
            "853-3242",
            "or",
            "410-468-3798",
            ",",
            "not",
            "13",
            "-",
            "17",
            "."
        ]
    );
}

#[test]
fn contractions_and_possessives_are_surface_tokens() {
    assert_eq!(
        toks("I'm sure they didn't see Arafat's car, we’ll see O'Neill."),
        [
            "I'm", "sure", "they", "didn't", "see", "Arafat's", "car", ",", "we’ll", "see",
            "O'Neill", "."
        ]
    );
}

#[test]
fn hyphenated_compounds_follow_ud_ewt() {
    assert_eq!(
        toks("a 15-year term for al-Qaida's self-driven e-mail and non-binding re-wording"),
        [
            "a",
            "15",
            "-",
            "year",
            "term",
            "for",
            "al",
            "-",
            "Qaida's",
            "self",
            "-",
            "driven",
            "e-mail",
            "and",
            "non-binding",
            "re-wording"
        ]
    );
    assert_eq!(
        toks("Zarb-e-Azb and co-operation"),
        ["Zarb", "-", "e", "-", "Azb", "and", "co-operation"]
    );
}

#[test]
fn ellipses_and_punctuation_runs() {
    assert_eq!(
        toks("Wait... what?! No…— really!!!"),
        ["Wait", "...", "what", "?!", "No", "…", "—", "really", "!!!"]
    );
    assert_eq!(toks("see -- here ***"), ["see", "--", "here", "***"]);
}

#[test]
fn urls_and_emails() {
    let t = "See https://example.org/a_b?x=1&y=(2). Or (www.example.com/news), mail jane.doe@example.org.";
    assert_eq!(
        toks(t),
        [
            "See",
            "https://example.org/a_b?x=1&y=(2)",
            ".",
            "Or",
            "(",
            "www.example.com/news",
            ")",
            ",",
            "mail",
            "jane.doe@example.org",
            "."
        ]
    );
    assert_eq!(kind_of(t, "www.example.com/news"), TokenKind::Url);
    assert_eq!(kind_of(t, "jane.doe@example.org"), TokenKind::Email);
    assert_eq!(
        kind_of("visit nlpipe.org today", "nlpipe.org"),
        TokenKind::Url
    );
}

#[test]
fn handles_and_hashtags() {
    let t = "Thanks @nlpipe_dev for #BreakingNews and #1.";
    assert_eq!(
        kinds(t),
        [
            ("Thanks", TokenKind::Word),
            ("@nlpipe_dev", TokenKind::Handle),
            ("for", TokenKind::Word),
            ("#BreakingNews", TokenKind::Hashtag),
            ("and", TokenKind::Word),
            ("#", TokenKind::Punct),
            ("1", TokenKind::Number),
            (".", TokenKind::Punct),
        ]
    );
}

#[test]
fn emoji_sequences_are_single_tokens() {
    let t = "Great 👍🏽 family 👨‍👩‍👧 flag 🇵🇰 key 1️⃣ love ❤️ smile :-) ok👍";
    assert_eq!(
        kinds(t)
            .into_iter()
            .filter(|(_, k)| *k == TokenKind::Emoji)
            .map(|(s, _)| s)
            .collect::<Vec<_>>(),
        ["👍🏽", "👨‍👩‍👧", "🇵🇰", "1️⃣", "❤️", ":-)", "👍"]
    );
    assert_eq!(toks("ok👍"), ["ok", "👍"]);
}

#[test]
fn abbreviations_and_titles_keep_their_period() {
    assert_eq!(
        toks("Gen. Sharif, Mr. Khan, Dr. Yusuf, Lt. Gen. Talat Masood (ret.) and J. Smith met in Sept. 2021 in the U.S. capital."),
        ["Gen.", "Sharif", ",", "Mr.", "Khan", ",", "Dr.", "Yusuf", ",", "Lt.", "Gen.", "Talat", "Masood", "(", "ret.", ")", "and", "J.", "Smith", "met", "in", "Sept.", "2021", "in", "the", "U.S.", "capital", "."]
    );
}

#[test]
fn german_title_and_month_abbreviations_do_not_end_the_sentence() {
    assert_eq!(
        sents("Der Vertrag des Hrn. Weber gilt seit Febr. 1851 in Bonn. Er endet bald."),
        [
            "Der Vertrag des Hrn. Weber gilt seit Febr. 1851 in Bonn.",
            "Er endet bald."
        ]
    );
    assert_eq!(
        sents("Er meldete, daß Se. Majestät abgereist sei. Gut."),
        ["Er meldete, daß Se. Majestät abgereist sei.", "Gut."]
    );
}

#[test]
fn title_glued_to_a_name_is_split() {
    assert_eq!(toks("Mr.Yusuf spoke"), ["Mr.", "Yusuf", "spoke"]);
}

#[test]
fn abbreviation_at_sentence_end_gives_up_its_period() {
    assert_eq!(
        toks("They live in the U.S."),
        ["They", "live", "in", "the", "U.S", "."]
    );
    assert_eq!(
        toks("Made in the U.S. The rest came later."),
        ["Made", "in", "the", "U.S", ".", "The", "rest", "came", "later", "."]
    );
    assert_eq!(toks("He fell ill."), ["He", "fell", "ill", "."]);
    assert_eq!(
        toks("Call No. 5 now, or say no."),
        ["Call", "No.", "5", "now", ",", "or", "say", "no", "."]
    );
}

#[test]
fn every_quote_style_is_its_own_token() {
    let t = "«Oui» „Ja“ ‚so‘ ‹non› 「東」 『京』 \"yes\" 'no' “fine”";
    let marks: Vec<&str> = kinds(t)
        .into_iter()
        .filter(|(s, k)| *k == TokenKind::Punct && s.chars().count() == 1)
        .map(|(s, _)| s)
        .collect();
    assert_eq!(
        marks,
        [
            "«", "»", "„", "“", "‚", "‘", "‹", "›", "「", "」", "『", "』", "\"", "\"", "'", "'",
            "“", "”"
        ]
    );
}

#[test]
fn apostrophe_or_closing_single_quote() {
    assert_eq!(
        toks("We want the United Nations’ scope to grow, said the militia’s chief."),
        [
            "We",
            "want",
            "the",
            "United",
            "Nations’",
            "scope",
            "to",
            "grow",
            ",",
            "said",
            "the",
            "militia’s",
            "chief",
            "."
        ]
    );
    assert_eq!(
        toks("a ‘flagship strategic venture’ and ‘the Nations’ role"),
        [
            "a",
            "‘",
            "flagship",
            "strategic",
            "venture",
            "’",
            "and",
            "‘",
            "the",
            "Nations",
            "’",
            "role"
        ]
    );
    assert_eq!(
        toks("the 'proof' that the players' union won"),
        ["the", "'", "proof", "'", "that", "the", "players'", "union", "won"]
    );
    assert_eq!(
        toks("rock 'n' roll in the '90s with 'em"),
        ["rock", "'", "n", "'", "roll", "in", "the", "'90s", "with", "'em"]
    );
}

#[test]
fn possessive_inside_a_single_quotation() {
    assert_eq!(
        toks("He said: 'It's the players' fault.' Then ‘the Nations’ scope’ grew."),
        [
            "He",
            "said",
            ":",
            "'",
            "It's",
            "the",
            "players'",
            "fault",
            ".",
            "'",
            "Then",
            "‘",
            "the",
            "Nations’",
            "scope",
            "’",
            "grew",
            "."
        ]
    );
}

#[test]
fn clock_abbreviations_end_a_sentence_before_a_capital() {
    assert_eq!(
        sents("The council met at 3 p.m. Analysts expect a vote at 10 a.m. EST on Friday."),
        [
            "The council met at 3 p.m.",
            "Analysts expect a vote at 10 a.m. EST on Friday."
        ]
    );
    assert_eq!(
        toks("at 3 p.m. Analysts"),
        ["at", "3", "p.m", ".", "Analysts"]
    );
}

#[test]
fn datelines_stay_in_their_sentence() {
    assert_eq!(
        sents("ISLAMABAD: Pakistan and Japan signed a deal. Talks went on."),
        [
            "ISLAMABAD: Pakistan and Japan signed a deal.",
            "Talks went on."
        ]
    );
    assert_eq!(
        toks("ISLAMABAD (Reuters) - Talks"),
        ["ISLAMABAD", "(", "Reuters", ")", "-", "Talks"]
    );
}

#[test]
fn cjk_gets_one_token_per_character_with_offsets() {
    let t = "東京は晴れ。カタカナ語も";
    let tokens = tokenize(t);
    let got: Vec<(&str, usize)> = tokens
        .iter()
        .map(|x| (x.span.slice(t), x.span.start))
        .collect();
    assert_eq!(
        got,
        [
            ("東", 0),
            ("京", 3),
            ("は", 6),
            ("晴", 9),
            ("れ", 12),
            ("。", 15),
            ("カタカナ", 18),
            ("語", 30),
            ("も", 33)
        ]
    );
    assert_eq!(sents("我很好。你呢？好！"), ["我很好。", "你呢？", "好！"]);
}

#[test]
fn thai_gets_runs_and_marks_stay_attached() {
    assert_eq!(toks("สวัสดีครับ ผม"), ["สวัสดีครับ", "ผม"]);
    assert_eq!(toks("नमस्ते दुनिया।"), ["नमस्ते", "दुनिया", "।"]);
    assert_eq!(toks("Cafe\u{301} noir"), ["Cafe\u{301}", "noir"]);
}

#[test]
fn right_to_left_text_keeps_logical_order() {
    let t = "قال الوزير: «السلام مهم». שָׁלוֹם עולם";
    assert_eq!(
        toks(t),
        [
            "قال",
            "الوزير",
            ":",
            "«",
            "السلام",
            "مهم",
            "»",
            ".",
            "שָׁלוֹם",
            "עולם"
        ]
    );
    let starts: Vec<usize> = tokenize(t).iter().map(|x| x.span.start).collect();
    assert!(starts.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn invisible_format_characters_are_tokens_not_gaps() {
    let t = "\u{feff}Hello\u{200b}world \u{200e}x";
    assert_eq!(
        toks(t),
        ["\u{feff}", "Hello", "\u{200b}", "world", "\u{200e}", "x"]
    );
    assert_eq!(kind_of(t, "\u{200b}"), TokenKind::Other);
}

// ------------------------------------------------------------- sentences

#[test]
fn quote_ends_sentence_inside_marks() {
    assert_eq!(
        sents("“It is fine.” He left. Mr. Khan stayed."),
        ["“It is fine.”", "He left.", "Mr. Khan stayed."]
    );
    assert_eq!(
        sents("He said it would solve regional issues.” The talks ended. (See below.) Next"),
        [
            "He said it would solve regional issues.”",
            "The talks ended.",
            "(See below.)",
            "Next"
        ]
    );
}

#[test]
fn closing_quotes_of_other_languages_stay_with_their_sentence() {
    assert_eq!(
        sents("Il a dit : « Nous sommes prêts. » Il est parti."),
        ["Il a dit : « Nous sommes prêts. »", "Il est parti."]
    );
    assert_eq!(
        sents("Sie sagte: „Wir sind bereit.“ Dann ging sie. »Gut.« Ende."),
        [
            "Sie sagte: „Wir sind bereit.“",
            "Dann ging sie.",
            "»Gut.«",
            "Ende."
        ]
    );
    assert_eq!(
        sents("He left.\" Then she came."),
        ["He left.\"", "Then she came."]
    );
}

#[test]
fn question_inside_quotes_before_speaker_continues() {
    assert_eq!(
        sents("“Why now?” he asked. “Because!” she said."),
        ["“Why now?” he asked.", "“Because!” she said."]
    );
}

#[test]
fn no_break_after_titles_initials_and_abbreviations() {
    let t = "Gen. Sharif met Mr. Khan and Dr. Yusuf. Lt. Gen. Talat Masood (ret.) in the Army spoke. J. Smith of the U.S. Army agreed on Sept. 11 with Sen. Lee.";
    assert_eq!(
        sents(t),
        [
            "Gen. Sharif met Mr. Khan and Dr. Yusuf.",
            "Lt. Gen. Talat Masood (ret.) in the Army spoke.",
            "J. Smith of the U.S. Army agreed on Sept. 11 with Sen. Lee."
        ]
    );
}

#[test]
fn abbreviation_can_end_a_sentence() {
    assert_eq!(
        sents("It was made in the U.S. The rest came from Acme Inc. But not all."),
        [
            "It was made in the U.S.",
            "The rest came from Acme Inc.",
            "But not all."
        ]
    );
}

#[test]
fn paragraph_breaks_always_end_a_sentence() {
    assert_eq!(
        sents("The talks went on and\n\nthe delegates left\n\n\nNo period here"),
        [
            "The talks went on and",
            "the delegates left",
            "No period here"
        ]
    );
}

#[test]
fn newline_ends_a_headline() {
    assert_eq!(
        sents("Talks Resume\nThe minister spoke.\nPublished in Dawn, June 19th, 2019"),
        [
            "Talks Resume",
            "The minister spoke.",
            "Published in Dawn, June 19th, 2019"
        ]
    );
    // a wrapped line that continues the sentence does not
    assert_eq!(
        sents("The minister, who arrived\nlate, spoke to Gen.\nSharif."),
        ["The minister, who arrived\nlate, spoke to Gen.\nSharif."]
    );
}

#[test]
fn lowercase_after_a_period_starts_a_sentence_but_not_after_an_ellipsis() {
    assert_eq!(
        sents("i went home. then i slept... and woke up. ok?"),
        ["i went home.", "then i slept... and woke up.", "ok?"]
    );
}

#[test]
fn separator_lines_stand_alone() {
    assert_eq!(
        sents("He left. *** She stayed."),
        ["He left.", "***", "She stayed."]
    );
}

#[test]
fn empty_and_blank_texts() {
    assert!(tokenize("").is_empty());
    assert!(tokenize(" \n\t\u{3000}").is_empty());
    assert!(split_sentences("", &[]).is_empty());
}

#[test]
fn split_sentences_survives_foreign_tokens() {
    // tokens that do not come from `tokenize`: out of range, reversed, unsorted
    let bad = [
        Token::new(pipeline_core::Span::unchecked(5, 2), TokenKind::Word),
        Token::new(pipeline_core::Span::unchecked(40, 90), TokenKind::Punct),
        Token::new(pipeline_core::Span::unchecked(0, 1), TokenKind::Word),
    ];
    let _ = split_sentences("short.", &bad);
}

#[test]
fn stage_sets_both_layers() {
    let doc = crate::annotate("Mr. Khan left. He said so.", &[&TokenStage::default()])
        .expect("the tokens stage never fails");
    assert_eq!(doc.tokens().map(<[Token]>::len), Some(8));
    assert_eq!(doc.sentences().map(<[Sentence]>::len), Some(2));
}

// --------------------------------------------------- pathological inputs

/// Checks the invariants every tokenization must hold; returns a description of the
/// first violation.
fn check(text: &str, tokens: &[Token], sentences: &[Sentence]) -> Result<(), String> {
    let mut pos = 0;
    for t in tokens {
        let (s, e) = (t.span.start, t.span.end);
        if s < pos || e <= s || e > text.len() {
            return Err(format!("bad span {s}..{e} after {pos}"));
        }
        if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            return Err(format!("span {s}..{e} not on char boundaries"));
        }
        if !text[pos..s].chars().all(char::is_whitespace) {
            return Err(format!("non-whitespace gap {:?}", &text[pos..s]));
        }
        if text[s..e].chars().any(char::is_whitespace) {
            return Err(format!("whitespace inside token {:?}", &text[s..e]));
        }
        pos = e;
    }
    if !text[pos..].chars().all(char::is_whitespace) {
        return Err(format!("non-whitespace tail {:?}", &text[pos..]));
    }
    // tokens and gaps put back together give the text
    let mut rebuilt = String::with_capacity(text.len());
    let mut pos = 0;
    for t in tokens {
        rebuilt.push_str(&text[pos..t.span.start]);
        rebuilt.push_str(t.span.slice(text));
        pos = t.span.end;
    }
    rebuilt.push_str(&text[pos..]);
    if rebuilt != text {
        return Err("tokens and gaps do not restore the text".into());
    }
    // sentences: sorted, disjoint, made of whole tokens, covering every token
    let mut k = 0;
    for s in sentences {
        let first = tokens.get(k).ok_or("sentence past the last token")?;
        if first.span.start != s.span.start {
            return Err(format!("sentence {:?} does not start at token {k}", s.span));
        }
        while tokens.get(k).is_some_and(|t| t.span.end <= s.span.end) {
            k += 1;
        }
        if tokens[k - 1].span.end != s.span.end {
            return Err(format!("sentence {:?} does not end at a token end", s.span));
        }
    }
    if k != tokens.len() {
        return Err(format!("{} tokens outside any sentence", tokens.len() - k));
    }
    Ok(())
}

fn check_text(text: &str) {
    let tokens = tokenize(text);
    let sentences = split_sentences(text, &tokens);
    if let Err(e) = check(text, &tokens, &sentences) {
        panic!("{e}");
    }
}

#[test]
fn a_megabyte_without_whitespace() {
    for unit in [
        "a.",
        "a-",
        "ab.c@",
        "1,",
        "x'",
        "http://a",
        "‘’",
        "👍\u{200d}",
        "東",
        "ไทย",
        "#a",
        "@a.",
        "U.S.",
    ] {
        let text = unit.repeat(1_000_000 / unit.len());
        check_text(&text);
    }
}

#[test]
fn a_hundred_thousand_quote_marks() {
    for unit in ["\"", "'", "’", "“", "” ", "' ", "s' "] {
        check_text(&unit.repeat(100_000));
    }
}

#[test]
fn a_ten_megabyte_word() {
    let text = "a".repeat(10_000_000);
    let tokens = tokenize(&text);
    assert_eq!(tokens.len(), 1);
    assert_eq!(tokens[0].span.len(), text.len());
}

#[test]
fn a_megabyte_of_whitespace_after_an_abbreviation() {
    let text = format!("Inc.{}The", " ".repeat(1_000_000));
    check_text(&text);
}

// ------------------------------------------------------------ properties

/// Text made of the characters the tokenizer treats specially.
fn tricky() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "a",
        "Z",
        "é",
        "1",
        "0",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\t",
        ".",
        "...",
        ",",
        "'",
        "’",
        "‘",
        "\"",
        "“",
        "”",
        "«",
        "»",
        "-",
        "—",
        "/",
        ":",
        "@",
        "#",
        "$",
        "%",
        "&",
        "_",
        "(",
        ")",
        "!",
        "?",
        "http://",
        "www.",
        "Mr",
        "U.S",
        "Gen",
        "s",
        "n't",
        "e",
        "😀",
        "👍",
        "\u{1f3fd}",
        "\u{200d}",
        "\u{fe0f}",
        "\u{20e3}",
        "🇵",
        "東",
        "ไ",
        "\u{0e31}",
        "ש",
        "\u{05b8}",
        "ب",
        "\u{064e}",
        "\u{0301}",
        "\u{200c}",
        "\u{200b}",
        "\u{feff}",
        "\u{ad}",
        "न",
        "\u{94d}",
        "。",
        "？",
        "\r\n",
        "\u{2029}",
        "\u{85}",
        "\u{3000}",
    ]);
    prop::collection::vec(atoms, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn invariants_hold_on_tricky_text(text in tricky()) {
        let tokens = tokenize(&text);
        let sentences = split_sentences(&text, &tokens);
        prop_assert_eq!(check(&text, &tokens, &sentences), Ok(()));
    }

    #[test]
    fn invariants_hold_on_any_text(text in "\\PC{0,60}") {
        let tokens = tokenize(&text);
        let sentences = split_sentences(&text, &tokens);
        prop_assert_eq!(check(&text, &tokens, &sentences), Ok(()));
    }

    #[test]
    fn invariants_hold_on_any_chars_even_controls(text in "(?s).{0,60}") {
        let tokens = tokenize(&text);
        let sentences = split_sentences(&text, &tokens);
        prop_assert_eq!(check(&text, &tokens, &sentences), Ok(()));
    }

    #[test]
    fn deterministic(text in tricky()) {
        let a = tokenize(&text);
        let b = tokenize(&text);
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(split_sentences(&text, &a), split_sentences(&text, &b));
    }

    #[test]
    fn stage_never_fails(text in tricky()) {
        let doc = crate::annotate(&text, &[&TokenStage::default()]);
        prop_assert!(doc.is_ok());
    }

    #[test]
    fn ascii_runs_eight_at_a_time_end_where_byte_by_byte(bytes in prop::collection::vec(any::<u8>(), 0..40), alnum in "[a-zA-Z0-9]{0,20}") {
        let mut b = alnum.into_bytes();
        b.extend_from_slice(&bytes);
        let slow = b.iter().position(|c| !c.is_ascii_alphanumeric()).unwrap_or(b.len());
        prop_assert_eq!(super::tokenizer::ascii_alnum_len(&b), slow);
    }
}
