//! The quote cases of `tests/quotes/cases.txt`, run through the public API: every text
//! goes through `TokenStage` and `QuoteStage` (with the case's language hint and config),
//! and the quotes that come out are compared with the expected ones. All failing cases
//! are reported at once, each with its file line, what was expected and what came out
//! (written in the file's own syntax, ready to paste), then the test fails.
//!
//! The file's format is documented at its top; the parser is below, with its own tests.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fmt::{self, Write as _};

use pipeline_core::{Document, QuoteKind, SyncStage};
use stages::quotes::{QuoteConfig, QuoteStage};
use stages::tokens::TokenStage;

/// The cases file, relative to this crate.
const CASES_PATH: &str = "tests/quotes/cases.txt";
const CASES: &str = include_str!("quotes/cases.txt");

/// One piece of a field pattern: literal text or a `*` wildcard.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Lit(String),
    Star,
}

/// What a field of an expected quote must be.
#[derive(Debug, Clone, PartialEq)]
enum Field {
    /// `*` alone (or the field left out): anything, present or not.
    Any,
    /// `-`: no value (no speaker, no cue).
    Absent,
    /// Text, where `*` stands for any run of characters (`\*` is a star).
    Pattern(Vec<Piece>),
}

impl Field {
    fn matches(&self, got: Option<&str>) -> bool {
        match (self, got) {
            (Field::Any, _) => true,
            (Field::Absent, got) => got.is_none(),
            (Field::Pattern(_), None) => false,
            (Field::Pattern(pieces), Some(got)) => glob(pieces, got),
        }
    }
}

/// Whether `text` matches the pieces, `Star` standing for any run of characters.
fn glob(pieces: &[Piece], text: &str) -> bool {
    match pieces.split_first() {
        None => text.is_empty(),
        Some((Piece::Lit(lit), rest)) => text
            .strip_prefix(lit.as_str())
            .is_some_and(|tail| glob(rest, tail)),
        Some((Piece::Star, rest)) => text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .any(|i| glob(rest, &text[i..])),
    }
}

/// An expected quote: kind, content, speaker mention, speaker entity, cue.
#[derive(Debug, Clone, PartialEq)]
struct Expect {
    kind: Option<QuoteKind>,
    fields: [Field; 4],
    /// The line as written, for the report.
    source: String,
}

const FIELD_NAMES: [&str; 4] = ["content", "speaker", "entity", "cue"];

/// A quote as it came out, its spans cut from the text.
#[derive(Debug, Clone, PartialEq)]
struct Got {
    kind: QuoteKind,
    fields: [Option<String>; 4],
}

impl Got {
    /// The first field that does not match `want`, by name, if any.
    fn mismatch(&self, want: &Expect) -> Option<&'static str> {
        if want.kind.is_some_and(|k| k != self.kind) {
            return Some("kind");
        }
        (0..4)
            .find(|&i| !want.fields[i].matches(self.fields[i].as_deref()))
            .map(|i| FIELD_NAMES[i])
    }
}

impl fmt::Display for Got {
    /// The quote in the file's syntax: `direct | content | speaker | entity | cue`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", kind_name(self.kind))?;
        for field in &self.fields {
            match field {
                None => f.write_str(" | -")?,
                Some(s) => write!(f, " | {}", escape(s))?,
            }
        }
        Ok(())
    }
}

/// One case of the file.
#[derive(Debug, Clone, Default)]
struct Case {
    name: String,
    section: String,
    line: usize,
    text: Option<String>,
    /// The language hint; `None` for `lang: -`.
    lang: Option<String>,
    config: Option<String>,
    /// `quote:` lines: every quote, in order.
    quotes: Vec<Expect>,
    /// `nothing`: no quote at all.
    nothing: bool,
    /// `some:` lines: a quote like this is among them.
    some: Vec<Expect>,
    /// `none:` lines: no quote is like this.
    none: Vec<Expect>,
}

/// A malformed line of the cases file.
#[derive(Debug, PartialEq)]
struct ParseError {
    line: usize,
    message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{CASES_PATH}:{}: {}", self.line, self.message)
    }
}

fn kind_name(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Indirect => "indirect",
    }
}

/// Writes `s` so that [`unescape`] gives it back: `\`, `|`, `*` and line breaks escaped,
/// invisible characters as `\u{…}`.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '|' => out.push_str("\\|"),
            '*' => out.push_str("\\*"),
            '\n' => out.push_str("\\n"),
            c if c.is_control()
                || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}') =>
            {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// Reads the escapes of a value into pieces: `\n`, `\\`, `\|`, `\*`, `\s` (a space, for
/// one at either end), `\u{hex}`; an unescaped `*` is a wildcard when `stars` is set.
fn unescape(s: &str, stars: bool) -> Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut lit = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') => lit.push('\n'),
                Some('s') => lit.push(' '),
                Some(c @ ('\\' | '|' | '*')) => lit.push(c),
                Some('u') => {
                    let rest = chars.as_str();
                    let hex = rest
                        .strip_prefix('{')
                        .and_then(|r| r.split_once('}'))
                        .map(|(hex, _)| hex)
                        .ok_or_else(|| format!("`\\u` needs `{{hex}}` in `{s}`"))?;
                    let c = u32::from_str_radix(hex, 16)
                        .ok()
                        .and_then(char::from_u32)
                        .ok_or_else(|| format!("`\\u{{{hex}}}` is no character"))?;
                    lit.push(c);
                    chars = rest[hex.len() + 2..].chars();
                }
                other => {
                    return Err(format!(
                        "unknown escape `\\{}` in `{s}`",
                        other.unwrap_or(' ')
                    ))
                }
            },
            '*' if stars => {
                if !lit.is_empty() {
                    pieces.push(Piece::Lit(std::mem::take(&mut lit)));
                }
                pieces.push(Piece::Star);
            }
            c => lit.push(c),
        }
    }
    if !lit.is_empty() {
        pieces.push(Piece::Lit(lit));
    }
    Ok(pieces)
}

/// The plain text of a value (a `*` stays a star).
fn unescape_text(s: &str) -> Result<String, String> {
    Ok(unescape(s, false)?
        .into_iter()
        .map(|p| match p {
            Piece::Lit(s) => s,
            Piece::Star => "*".into(),
        })
        .collect())
}

/// Splits a quote line at its unescaped `|`.
fn split_fields(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut start, mut escaped) = (0, false);
    for (i, c) in s.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '|' => {
                out.push(s[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(s[start..].trim());
    out
}

/// Parses `KIND | CONTENT | SPEAKER | ENTITY | CUE` (fields left out at the end are `*`).
fn parse_expect(value: &str) -> Result<Expect, String> {
    let parts = split_fields(value);
    if parts.len() > 5 {
        return Err(format!(
            "a quote has at most 5 fields (kind | content | speaker | entity | cue), found {}",
            parts.len()
        ));
    }
    let kind = match parts[0] {
        "*" => None,
        "direct" => Some(QuoteKind::Direct),
        "partial" => Some(QuoteKind::Partial),
        "indirect" => Some(QuoteKind::Indirect),
        other => {
            return Err(format!(
                "unknown kind `{other}` (direct, partial, indirect or *)"
            ))
        }
    };
    let mut fields = [Field::Any, Field::Any, Field::Any, Field::Any];
    for (i, part) in parts.iter().skip(1).enumerate() {
        fields[i] = match *part {
            "*" => Field::Any,
            "-" => Field::Absent,
            "" => return Err(format!("empty {} field (write `*` or `-`)", FIELD_NAMES[i])),
            p => Field::Pattern(unescape(p, true)?),
        };
    }
    Ok(Expect {
        kind,
        fields,
        source: value.to_owned(),
    })
}

/// Parses the cases file.
fn parse(src: &str) -> Result<Vec<Case>, ParseError> {
    let mut cases: Vec<Case> = Vec::new();
    let mut section = String::new();
    for (i, raw) in src.lines().enumerate() {
        let line = i + 1;
        let err = |message: String| ParseError { line, message };
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some(name) = trimmed.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            section = name.trim().to_owned();
            continue;
        }
        if trimmed == "nothing" {
            let case = cases
                .last_mut()
                .ok_or_else(|| err("`nothing` before any `case:`".into()))?;
            case.nothing = true;
            continue;
        }
        let (key, value) = trimmed
            .split_once(':')
            .ok_or_else(|| err(format!("expected `key: value`, found `{trimmed}`")))?;
        let (key, value) = (key.trim(), value.trim());
        if key == "case" {
            if value.is_empty() {
                return Err(err("a case needs a name".into()));
            }
            if let Some(old) = cases.iter().find(|c| c.name == value) {
                return Err(err(format!(
                    "case `{value}` is already defined on line {}",
                    old.line
                )));
            }
            cases.push(Case {
                name: value.to_owned(),
                section: section.clone(),
                line,
                lang: Some("en".into()),
                ..Case::default()
            });
            continue;
        }
        let case = cases
            .last_mut()
            .ok_or_else(|| err(format!("`{key}:` before any `case:`")))?;
        match key {
            "text" => {
                if case.text.is_some() {
                    return Err(err(format!("case `{}` has two texts", case.name)));
                }
                case.text = Some(unescape_text(value).map_err(err)?);
            }
            "lang" => case.lang = (value != "-").then(|| value.to_owned()),
            "config" => case.config = Some(value.to_owned()),
            "quote" => case.quotes.push(parse_expect(value).map_err(err)?),
            "some" => case.some.push(parse_expect(value).map_err(err)?),
            "none" => case.none.push(parse_expect(value).map_err(err)?),
            other => {
                return Err(err(format!(
                    "unknown key `{other}` (case, text, lang, config, quote, some, none)"
                )))
            }
        }
    }
    for case in &cases {
        let err = |message: String| ParseError {
            line: case.line,
            message: format!("case `{}`: {message}", case.name),
        };
        if case.text.is_none() {
            return Err(err("no `text:`".into()));
        }
        if case.nothing && !(case.quotes.is_empty() && case.some.is_empty()) {
            return Err(err("`nothing` with expected quotes".into()));
        }
        if !case.nothing && case.quotes.is_empty() && case.some.is_empty() && case.none.is_empty() {
            return Err(err(
                "no expectation (`quote:`, `some:`, `none:` or `nothing`)".into(),
            ));
        }
        if let Some(config) = &case.config {
            config_of(config).map_err(err)?;
        }
    }
    Ok(cases)
}

/// The config of `beliefs = false, unattributed = true`: the default with these set.
fn config_of(overrides: &str) -> Result<QuoteConfig, String> {
    let toml_src = overrides.replace(',', "\n");
    toml::from_str(&toml_src).map_err(|e| format!("bad config `{overrides}`: {e}"))
}

/// The quotes of the case's text.
fn run(case: &Case) -> Vec<Got> {
    let text = case.text.as_deref().unwrap_or_default();
    let config = case
        .config
        .as_deref()
        .map_or_else(QuoteConfig::default, |c| config_of(c).expect("checked"));
    let mut doc = Document::new(case.name.as_str(), text);
    if let Some(lang) = &case.lang {
        doc.set_lang_hint(lang.as_str());
    }
    TokenStage::default().apply(&mut doc).expect("tokens");
    QuoteStage::new(config).apply(&mut doc).expect("quotes");
    doc.quotes()
        .expect("a quotes layer")
        .iter()
        .map(|q| Got {
            kind: q.kind,
            fields: [
                Some(q.span.slice(text).to_owned()),
                q.speaker.as_ref().map(|s| s.span.slice(text).to_owned()),
                q.speaker.as_ref().map(|s| s.entity.clone()),
                q.cue.as_ref().map(|c| c.slice(text).to_owned()),
            ],
        })
        .collect()
}

/// What is wrong with `got` for `case`, one line a problem; empty when it passes.
fn check(case: &Case, got: &[Got]) -> Vec<String> {
    let mut problems = Vec::new();
    if case.nothing && !got.is_empty() {
        problems.push(format!("expected no quote, got {}", got.len()));
    }
    if !case.quotes.is_empty() {
        if case.quotes.len() == got.len() {
            for (i, (want, got)) in case.quotes.iter().zip(got).enumerate() {
                if let Some(field) = got.mismatch(want) {
                    problems.push(format!(
                        "quote {}: {field} differs\n      expected: {}\n      got:      {got}",
                        i + 1,
                        want.source
                    ));
                }
            }
        } else {
            problems.push(format!(
                "expected {} quotes, got {}",
                case.quotes.len(),
                got.len()
            ));
        }
    }
    for want in &case.some {
        if got.iter().all(|g| g.mismatch(want).is_some()) {
            problems.push(format!("no quote is like `some: {}`", want.source));
        }
    }
    for want in &case.none {
        if let Some(g) = got.iter().find(|g| g.mismatch(want).is_none()) {
            problems.push(format!("`none: {}` matches `{g}`", want.source));
        }
    }
    problems
}

/// The report of one failing case: where it is, what went wrong, what came out.
fn report(case: &Case, got: &[Got], problems: &[String]) -> String {
    let mut out = format!(
        "{CASES_PATH}:{}: case `{}` [{}]\n  text: {}\n",
        case.line,
        case.name,
        case.section,
        escape(case.text.as_deref().unwrap_or_default())
    );
    for p in problems {
        let _ = writeln!(out, "  - {p}");
    }
    out.push_str("  got:\n");
    if got.is_empty() {
        out.push_str("    nothing\n");
    }
    for g in got {
        let _ = writeln!(out, "    quote: {g}");
    }
    out
}

#[test]
fn quote_cases() {
    let cases = parse(CASES).unwrap_or_else(|e| panic!("{e}"));
    assert!(!cases.is_empty(), "no cases in {CASES_PATH}");
    let mut failures = Vec::new();
    for case in &cases {
        let got = run(case);
        let problems = check(case, &got);
        if !problems.is_empty() {
            failures.push(report(case, &got, &problems));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} quote cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn every_section_is_known_and_used() {
    let cases = parse(CASES).unwrap_or_else(|e| panic!("{e}"));
    let known = [
        "direct",
        "partial",
        "indirect",
        "cues",
        "spans",
        "speakers",
        "languages",
        "configs",
        "negatives",
    ];
    for case in &cases {
        assert!(
            known.contains(&case.section.as_str()),
            "{CASES_PATH}:{}: case `{}` is in unknown section `[{}]`",
            case.line,
            case.name,
            case.section
        );
    }
    for section in known {
        assert!(
            cases.iter().any(|c| c.section == section),
            "no case in section [{section}]"
        );
    }
}

#[cfg(test)]
mod parser {
    use super::*;

    fn error_of(src: &str) -> ParseError {
        parse(src).expect_err("a malformed file")
    }

    #[test]
    fn a_well_formed_case_parses() {
        let src = "# comment\n[direct]\ncase: one\ntext: “Hi,\\n” she said.\nlang: fr\n\
                   config: beliefs = false, stances = true\n\
                   quote: direct | Hi,\\n | she | * | -\nquote: * | a*b\n";
        let cases = parse(src).unwrap();
        assert_eq!(cases.len(), 1);
        let c = &cases[0];
        assert_eq!(
            (c.name.as_str(), c.section.as_str(), c.line),
            ("one", "direct", 3)
        );
        assert_eq!(c.text.as_deref(), Some("“Hi,\n” she said."));
        assert_eq!(c.lang.as_deref(), Some("fr"));
        assert_eq!(c.quotes.len(), 2);
        assert_eq!(c.quotes[0].kind, Some(QuoteKind::Direct));
        assert_eq!(
            c.quotes[0].fields,
            [
                Field::Pattern(vec![Piece::Lit("Hi,\n".into())]),
                Field::Pattern(vec![Piece::Lit("she".into())]),
                Field::Any,
                Field::Absent
            ]
        );
        assert_eq!(c.quotes[1].kind, None);
        assert_eq!(c.quotes[1].fields[2], Field::Any);
        let config = config_of(c.config.as_deref().unwrap()).unwrap();
        assert!(!config.beliefs && config.stances && config.intentions);
    }

    #[test]
    fn malformed_cases_name_their_line() {
        let e = error_of("case: a\ntext: x\nquote: quoted | x\n");
        assert_eq!(e.line, 3);
        assert!(e.message.contains("unknown kind `quoted`"), "{e}");
        let e = error_of("case: a\ntext: x\nnothing\ncase: b\ntext: y\nwhat: z\n");
        assert_eq!(e.line, 6);
        assert!(e.message.contains("unknown key `what`"), "{e}");
        let e = error_of("case: a\ntext: x\nnothing\n\ncase: a\ntext: y\nnothing\n");
        assert_eq!(
            (e.line, e.message.contains("already defined on line 1")),
            (5, true)
        );
        let e = error_of("case: a\ntext: x\nquote: direct | | Okafor\n");
        assert_eq!(e.line, 3);
        assert!(e.message.contains("empty content field"), "{e}");
        let e = error_of("text: x\n");
        assert_eq!(e.line, 1);
        let e = error_of("case: a\nnothing\n");
        assert!(e.message.contains("no `text:`"), "{e}");
        let e = error_of("case: a\ntext: x\n");
        assert!(e.message.contains("no expectation"), "{e}");
        let e = error_of("case: a\ntext: x\nconfig: belief = false\nnothing\n");
        assert_eq!(e.line, 1);
        assert!(e.message.contains("bad config"), "{e}");
        let e = error_of("case: a\ntext: \\q\nnothing\n");
        assert_eq!(e.line, 2);
        assert!(e.message.contains("unknown escape"), "{e}");
        assert_eq!(e.to_string(), format!("{CASES_PATH}:2: {}", e.message));
    }

    #[test]
    fn patterns_match_with_wildcards_and_escapes() {
        let p = |s: &str| parse_expect(&format!("* | {s}")).unwrap().fields[0].clone();
        assert!(p("We will*on time,").matches(Some("We will build it on time,")));
        assert!(!p("We will*on time,").matches(Some("We will build it on time")));
        assert!(p("*partner*").matches(Some("a reliable partner.")));
        assert!(!p("a").matches(Some("ab")));
        assert!(p("a \\| b \\* c").matches(Some("a | b * c")));
        assert!(!p("a \\* c").matches(Some("a b c")));
        assert!(p("\\u{202a}x").matches(Some("\u{202a}x")));
        assert!(!p("x").matches(None));
        assert!(p("-").matches(None) && !p("-").matches(Some("x")));
        assert!(p("*").matches(None) && p("*").matches(Some("x")));
    }

    #[test]
    fn a_got_quote_reads_back_as_its_own_expectation() {
        let got = Got {
            kind: QuoteKind::Partial,
            fields: [
                Some("a | b * c\n\u{202a}".into()),
                None,
                None,
                Some("said".into()),
            ],
        };
        let want = parse_expect(&got.to_string()).unwrap();
        assert_eq!(got.mismatch(&want), None, "{got}");
        let other = parse_expect("partial | a | - | - | said").unwrap();
        assert_eq!(got.mismatch(&other), Some("content"));
    }

    #[test]
    fn a_wrong_expectation_fails() {
        let case = &parse(
            "case: a\ntext: “We will wait,” Okafor said.\n\
             quote: direct | We will wait, | Okafor | Okafor | told\n",
        )
        .unwrap()[0];
        let problems = check(case, &run(case));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("cue differs"), "{problems:?}");
        let case = &parse("case: a\ntext: “We will wait,” Okafor said.\nnothing\n").unwrap()[0];
        assert_eq!(check(case, &run(case)).len(), 1);
    }
}
