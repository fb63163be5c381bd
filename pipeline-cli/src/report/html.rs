//! The HTML page: one self-contained file with inline CSS and SVG, no script and no
//! reference to anything outside it (a Content-Security-Policy forbids any load).
//! Everything from the input goes through [`escape`].

use std::fmt::Write;

use super::aggregate::Aggregate;
use super::model::{clean_score, polarity, DocView};
use super::svg::{self, signed, Bar};

/// Most bytes of a document's text shown in the documents section.
pub const DOC_TEXT_BYTES: usize = 20_000;
/// Most characters of a quote shown in the table.
const QUOTE_CHARS: usize = 400;
/// Speakers listed in the speakers table.
const TOP_SPEAKERS: usize = 12;
/// Most highlighted spans in one document.
const MAX_SPANS: usize = 5_000;

/// HTML-escapes text for element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // control characters other than tab and newlines are not allowed in HTML
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// At most `max` characters of `text`, with an ellipsis when cut.
pub fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}

/// The longest prefix of `text` of at most `max` bytes that ends on a char boundary.
fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// `1 doc`, `2 docs`.
fn plural(n: u64, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// Page settings.
#[derive(Debug)]
pub struct Page<'a> {
    /// The title.
    pub title: &'a str,
}

const CSS: &str = r#"
:root{--pos:#2166ac;--neg:#b2182b;--ink:#222;--mute:#666;--line:#ddd}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);margin:0;background:#fafafa}
header{background:#1f2d3d;color:#fff;padding:18px 28px}
header h1{margin:0 0 4px;font-size:24px}
header p{margin:0;color:#c9d3de}
nav{padding:8px 28px;background:#eef1f4;border-bottom:1px solid var(--line);position:sticky;top:0;z-index:2}
nav a{margin-right:18px;color:#1f4e79;text-decoration:none;font-weight:600}
main{padding:8px 28px 40px;max-width:1240px}
section{background:#fff;border:1px solid var(--line);border-radius:6px;padding:14px 18px;margin:18px 0}
h2{margin:0 0 10px;font-size:19px}
h3{margin:14px 0 6px;font-size:16px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:14px 0}
.card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:120px}
.card b{display:block;font-size:22px}
.card span{color:var(--mute);font-size:13px}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;vertical-align:top;padding:5px 8px;border-bottom:1px solid #eee}
th{background:#f3f5f7;position:sticky;top:38px}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.muted,.note{color:var(--mute);font-size:13px}
.kind{font-size:12px;padding:1px 6px;border-radius:9px;background:#eee;white-space:nowrap}
.kind-direct{background:#fff3b0}.kind-partial{background:#ffe0b3}.kind-indirect{background:#e3e8ff}
.quote{max-width:640px}
.chart{max-width:100%;height:auto;font-size:12px}
.chart .label{font-size:12px;fill:var(--ink)}
.chart .axis{font-size:11px;fill:var(--mute)}
.chart .note{font-size:11px;fill:var(--mute)}
.chart .score{fill:var(--ink);font-weight:600}
.chart .cell{font-size:10px}
.doc{border-top:1px solid var(--line);padding:10px 0}
.doc h3 a{color:inherit;text-decoration:none}
.text{white-space:pre-wrap;overflow-wrap:anywhere;background:#fcfcfc;border:1px solid #eee;padding:10px;border-radius:4px;max-height:420px;overflow:auto}
.q{background:#fff3b0}.q.qp{background:#ffe0b3}.q.qi{background:#e3e8ff}
.sp{font-weight:700;color:#6a1b9a;border-bottom:2px solid #6a1b9a}
.m{border-bottom:3px solid #999;padding-bottom:1px}
.m.positive{border-color:var(--pos)}.m.negative{border-color:var(--neg)}
.legend span{margin-right:14px}
.scroll{max-height:560px;overflow:auto;border:1px solid #eee}
.scroll th{top:0}
table.narrow{width:auto;min-width:420px}
.pill{display:inline-block;margin:2px 4px 2px 0;padding:1px 8px;border-radius:9px;font-size:12px;border:1px solid #ccc}
.pill.positive{border-color:var(--pos);color:var(--pos)}.pill.negative{border-color:var(--neg);color:var(--neg)}
"#;

/// The whole page.
pub fn render(agg: &Aggregate, page: &Page<'_>) -> String {
    let mut h = String::with_capacity(1 << 16);
    let title = escape(page.title);
    let _ = write!(
        h,
        r##"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><style>{CSS}</style></head><body>
<header><h1>{title}</h1><p>Who said what, about whom, and how: generated by nlpipe {} from {} records.</p></header>
<nav><a href="#quotes">Who said what</a><a href="#actors">Actors</a><a href="#matrix">Speaker → actor</a><a href="#documents">Documents</a><a href="#problems">Problems</a></nav>
<main>"##,
        env!("CARGO_PKG_VERSION"),
        agg.records,
    );
    cards(&mut h, agg);
    quotes_section(&mut h, agg);
    actors_section(&mut h, agg);
    matrix_section(&mut h, agg);
    documents_section(&mut h, agg);
    problems_section(&mut h, agg);
    h.push_str("</main></body></html>\n");
    h
}

fn cards(h: &mut String, agg: &Aggregate) {
    h.push_str(r#"<div class="cards">"#);
    for (n, what) in [
        (agg.documents, "documents"),
        (agg.with_quotes, "with quotes"),
        (agg.quotes, "quotes"),
        (agg.speakers.len() as u64, "speakers"),
        (agg.actors.len() as u64, "actors"),
        (agg.pairs.len() as u64, "speaker → actor pairs"),
        (agg.problem_count, "problems"),
    ] {
        let _ = write!(
            h,
            r#"<div class="card"><b>{n}</b><span>{what}</span></div>"#
        );
    }
    h.push_str("</div>");
}

fn doc_link(agg: &Aggregate, seq: u64, id: &str) -> String {
    if agg.docs.contains_key(&seq) {
        format!(r##"<a href="#doc-{seq}">{}</a>"##, escape(id))
    } else {
        escape(id)
    }
}

fn quotes_section(h: &mut String, agg: &Aggregate) {
    h.push_str(r#"<section id="quotes"><h2>Who said what</h2>"#);
    if agg.quotes == 0 {
        h.push_str(r#"<p class="muted">No quotes in the input. Quotes come from the <code>quotes</code> stage: check that the chain runs it (<code>nlpipe stages</code>).</p></section>"#);
        return;
    }
    let kinds: Vec<String> = agg
        .kinds
        .iter()
        .map(|(k, n)| format!("{n} {}", escape(k)))
        .collect();
    let _ = write!(
        h,
        r#"<p class="muted">{} quotes in {} documents ({}); {} without a speaker.</p>"#,
        agg.quotes,
        agg.with_quotes,
        kinds.join(", "),
        agg.unattributed
    );
    h.push_str(r#"<h3>Most quoted speakers</h3><table class="narrow"><thead><tr><th>Speaker</th><th class="num">Quotes</th><th class="num">Documents</th></tr></thead><tbody>"#);
    for (name, stat) in agg.top_speakers(TOP_SPEAKERS) {
        let _ = write!(
            h,
            r#"<tr><td>{}</td><td class="num">{}</td><td class="num">{}</td></tr>"#,
            escape(name),
            stat.quotes,
            stat.docs
        );
    }
    h.push_str("</tbody></table>");
    let shown = agg.quote_rows.len() as u64;
    let _ = write!(
        h,
        r#"<h3>Quotes</h3><p class="note">{}</p>"#,
        if shown < agg.quotes {
            format!("The first {shown} of {} quotes, in input order (raise with <code>--quotes N</code>).", agg.quotes)
        } else {
            format!("All {shown} quotes, in input order.")
        }
    );
    h.push_str(r#"<div class="scroll"><table><thead><tr><th>Speaker</th><th>Quote</th><th>Kind</th><th>Document</th></tr></thead><tbody>"#);
    for row in agg.quote_rows.values() {
        let speaker = match &row.speaker {
            Some(s) => escape(s),
            None => r#"<span class="muted">(unknown)</span>"#.to_owned(),
        };
        let mention = row
            .mention
            .as_deref()
            .map(|m| format!(r#"<br><span class="muted">as “{}”</span>"#, escape(m)))
            .unwrap_or_default();
        let kind = escape(&row.kind);
        let _ = write!(
            h,
            r#"<tr><td>{speaker}{mention}</td><td class="quote">{}</td><td><span class="kind kind-{kind}">{kind}</span></td><td>{}</td></tr>"#,
            escape(&shorten(&row.text, QUOTE_CHARS)),
            doc_link(agg, row.seq, &row.doc),
        );
    }
    h.push_str("</tbody></table></div></section>");
}

fn actors_section(h: &mut String, agg: &Aggregate) {
    h.push_str(r#"<section id="actors"><h2>Actors and the sentiment toward them</h2>"#);
    if agg.actors.is_empty() {
        h.push_str(r#"<p class="muted">No actors in the input. Actors and their sentiment come from the <code>sentiment</code> stage: check that the chain runs it (<code>nlpipe stages</code>).</p></section>"#);
        return;
    }
    let top = agg.top_actors();
    let _ = write!(
        h,
        r#"<p class="muted">The {} most mentioned of {} actors. A bar is the mean score over the documents mentioning the actor, weighted by mentions, in [−1, 1]; the counts are mentions scored positive / negative / neutral.</p>"#,
        top.len(),
        agg.actors.len()
    );
    let bars: Vec<Bar<'_>> = top
        .iter()
        .map(|(name, s)| Bar {
            label: name,
            score: s.score(),
            note: format!(
                "{}{} in {} · {} pos, {} neg, {} neu",
                if s.kind.is_empty() {
                    String::new()
                } else {
                    format!("{} · ", s.kind)
                },
                plural(s.mentions, "mention"),
                plural(s.docs, "doc"),
                s.positive,
                s.negative,
                s.neutral
            ),
        })
        .collect();
    h.push_str(&svg::bar_chart(&bars));
    h.push_str("</section>");
}

fn matrix_section(h: &mut String, agg: &Aggregate) {
    h.push_str(r#"<section id="matrix"><h2>Who speaks about whom</h2>"#);
    let (rows, cols) = agg.matrix_axes();
    if rows.is_empty() {
        h.push_str(r#"<p class="muted">No sentiment inside quotes (<code>by_source</code>) in the input.</p></section>"#);
        return;
    }
    let _ = write!(
        h,
        r#"<p class="muted">Rows: speakers; columns: actors they mention in their quotes ({} of {} pairs, the speakers and actors with the most such mentions). A cell is the mean sentiment toward the actor inside that speaker's quotes: red negative, blue positive; grey when the speaker never mentions the actor.</p>"#,
        rows.len().saturating_mul(cols.len()).min(agg.pairs.len()),
        agg.pairs.len()
    );
    let svg = svg::heatmap(&rows, &cols, |i, j| {
        let (r, c) = (rows.get(i)?, cols.get(j)?);
        let p = agg.pairs.get(&((*r).to_owned(), (*c).to_owned()))?;
        let score = p.score();
        Some((
            score,
            format!(
                "{r} → {c}: {} ({} in {})",
                signed(score),
                plural(p.weight.round() as u64, "mention"),
                plural(p.docs, "doc")
            ),
        ))
    });
    h.push_str(&svg);
    h.push_str("</section>");
}

/// One highlighted span of a document.
struct Mark {
    start: usize,
    end: usize,
    /// CSS classes.
    class: String,
    /// Tooltip.
    title: String,
}

/// The marks of a document: quotes, speakers, actor mentions; spans that do not fit the
/// text are left out and counted.
fn marks(doc: &DocView, text: &str) -> (Vec<Mark>, usize) {
    let mut marks = Vec::new();
    let mut bad = 0;
    for q in &doc.quotes {
        let speaker = q
            .speaker
            .as_ref()
            .and_then(|s| s.entity.clone().or_else(|| s.text.clone()));
        let kind = q.kind.as_deref().unwrap_or("quote");
        match q.span().range(text) {
            Some((start, end)) => marks.push(Mark {
                start,
                end,
                class: format!(
                    "q {}",
                    match kind {
                        "partial" => "qp",
                        "indirect" => "qi",
                        _ => "qd",
                    }
                ),
                title: format!(
                    "{kind} quote, said by {}",
                    speaker.as_deref().unwrap_or("(unknown)")
                ),
            }),
            None => bad += 1,
        }
        if let Some(sp) = &q.speaker {
            if sp.start.is_some() {
                match sp.span().range(text) {
                    Some((start, end)) => marks.push(Mark {
                        start,
                        end,
                        class: "sp".into(),
                        title: format!("speaker: {}", speaker.as_deref().unwrap_or("?")),
                    }),
                    None => bad += 1,
                }
            }
        }
    }
    for a in &doc.actors {
        let score = a.sentiment.as_ref().and_then(|s| clean_score(s.score));
        let pol = score.map_or("neutral", polarity);
        for m in &a.mentions {
            match m.range(text) {
                Some((start, end)) => marks.push(Mark {
                    start,
                    end,
                    class: format!("m {pol}"),
                    title: format!(
                        "{}{}{}",
                        a.entity,
                        a.kind
                            .as_deref()
                            .map(|k| format!(" ({k})"))
                            .unwrap_or_default(),
                        score.map(|s| format!(" {}", signed(s))).unwrap_or_default()
                    ),
                }),
                None => bad += 1,
            }
        }
    }
    marks.retain(|m| m.start < m.end);
    if marks.len() > MAX_SPANS {
        bad += marks.len() - MAX_SPANS;
        marks.truncate(MAX_SPANS);
    }
    (marks, bad)
}

/// `text` with `marks` as nested-free spans: the text is cut at every mark boundary and
/// each piece gets the classes and tooltips of every mark covering it.
fn highlight(text: &str, marks: &[Mark]) -> String {
    let mut cuts: Vec<usize> = marks
        .iter()
        .flat_map(|m| [m.start, m.end])
        .chain([0, text.len()])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    // marks sorted by start; `active` holds the indexes of marks covering the piece
    let mut order: Vec<usize> = (0..marks.len()).collect();
    order.sort_by_key(|&i| (marks[i].start, marks[i].end));
    let mut next = 0;
    let mut active: Vec<usize> = Vec::new();
    let mut out = String::with_capacity(text.len() * 2);
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        active.retain(|&i| marks[i].end > a);
        while next < order.len() && marks[order[next]].start <= a {
            if marks[order[next]].end > a {
                active.push(order[next]);
            }
            next += 1;
        }
        let piece = escape(&text[a..b]);
        if active.is_empty() {
            out.push_str(&piece);
        } else {
            let mut classes: Vec<&str> = active
                .iter()
                .flat_map(|&i| marks[i].class.split(' '))
                .collect();
            classes.sort_unstable();
            classes.dedup();
            let titles: Vec<&str> = active.iter().map(|&i| marks[i].title.as_str()).collect();
            let _ = write!(
                out,
                r#"<span class="{}" title="{}">{piece}</span>"#,
                escape(&classes.join(" ")),
                escape(&titles.join("\n")),
            );
        }
    }
    out
}

fn documents_section(h: &mut String, agg: &Aggregate) {
    h.push_str(r#"<section id="documents"><h2>Documents</h2>"#);
    let shown = agg.docs.len() as u64;
    let _ = write!(
        h,
        r#"<p class="note">{} <span class="legend"><span class="q qd">direct quote</span> <span class="q qp">partial</span> <span class="q qi">indirect</span> <span class="sp">speaker</span> <span class="m positive">actor, positive</span> <span class="m negative">negative</span> <span class="m neutral">neutral</span></span></p>"#,
        if shown < agg.documents {
            format!("The first {shown} of {} documents in full (raise with <code>--docs N</code>); the counts above cover all of them.", agg.documents)
        } else {
            format!("All {shown} documents.")
        }
    );
    for (seq, doc) in &agg.docs {
        let _ = write!(
            h,
            r##"<div class="doc" id="doc-{seq}"><h3><a href="#doc-{seq}">{}</a></h3>"##,
            escape(&doc.id)
        );
        let speakers: Vec<String> = {
            let mut v: Vec<&str> = doc
                .quotes
                .iter()
                .filter_map(|q| q.speaker.as_ref()?.entity.as_deref())
                .collect();
            v.sort_unstable();
            v.dedup();
            v.into_iter().map(escape).collect()
        };
        let _ = write!(
            h,
            r#"<p class="muted">{} quotes{}</p>"#,
            doc.quotes.len(),
            if speakers.is_empty() {
                String::new()
            } else {
                format!(" by {}", speakers.join(", "))
            }
        );
        if !doc.actors.is_empty() {
            h.push_str("<p>");
            for a in &doc.actors {
                let score = a.sentiment.as_ref().and_then(|s| clean_score(s.score));
                let _ = write!(
                    h,
                    r#"<span class="pill {}">{} {}</span>"#,
                    score.map_or("neutral", polarity),
                    escape(&a.entity),
                    score.map(signed).unwrap_or_default()
                );
            }
            h.push_str("</p>");
        }
        match &doc.text {
            Some(text) => {
                let cut = prefix(text, DOC_TEXT_BYTES);
                let (marks, bad) = marks(doc, cut);
                let _ = write!(h, r#"<div class="text">{}</div>"#, highlight(cut, &marks));
                if cut.len() < text.len() {
                    let _ = write!(
                        h,
                        r#"<p class="note">Text cut at {} of {} bytes.</p>"#,
                        cut.len(),
                        text.len()
                    );
                }
                if bad > 0 {
                    let _ = write!(
                        h,
                        r#"<p class="note">{bad} spans not highlighted (outside the text shown, or offsets that do not fit it).</p>"#
                    );
                }
            }
            None => h.push_str(
                r#"<p class="note">This record carries no text (written with <code>--no-text</code>?): nothing to highlight.</p>"#,
            ),
        }
        h.push_str("</div>");
    }
    h.push_str("</section>");
}

fn problems_section(h: &mut String, agg: &Aggregate) {
    h.push_str(r#"<section id="problems"><h2>Problems</h2>"#);
    if agg.problem_count == 0 {
        h.push_str(r#"<p class="muted">None: every record was read and processed.</p></section>"#);
        return;
    }
    let kinds: Vec<String> = agg
        .problem_kinds
        .iter()
        .map(|(k, n)| format!("{n} × {}", escape(k)))
        .collect();
    let _ = write!(
        h,
        r#"<p>{} records could not be read or processed and are left out of everything above: {}.</p>"#,
        agg.problem_count,
        kinds.join(", ")
    );
    h.push_str(r#"<table><thead><tr><th>Record</th><th>Stage</th><th>Kind</th><th>Message</th></tr></thead><tbody>"#);
    for f in agg.problems.values() {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&f.id),
            escape(&f.stage),
            escape(&f.kind),
            escape(&shorten(&f.message, 300))
        );
    }
    h.push_str("</tbody></table>");
    if (agg.problems.len() as u64) < agg.problem_count {
        let _ = write!(
            h,
            r#"<p class="note">The first {} listed.</p>"#,
            agg.problems.len()
        );
    }
    h.push_str("</section>");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, class: &str) -> Mark {
        Mark {
            start,
            end,
            class: class.into(),
            title: class.into(),
        }
    }

    #[test]
    fn escapes_markup_quotes_and_controls() {
        assert_eq!(
            escape("<a href='x'>\"&\u{0}"),
            "&lt;a href=&#39;x&#39;&gt;&quot;&amp;\u{fffd}"
        );
    }

    #[test]
    fn overlapping_marks_split_into_flat_pieces() {
        let text = "ab<cd>ef";
        let out = highlight(text, &[mark(0, 5, "q"), mark(3, 8, "m")]);
        assert_eq!(
            out,
            r#"<span class="q" title="q">ab&lt;</span><span class="m q" title="q
m">cd</span><span class="m" title="m">&gt;ef</span>"#
        );
    }

    #[test]
    fn prefix_and_shorten_respect_characters() {
        assert_eq!(prefix("héllo", 2), "h");
        assert_eq!(shorten("héllo", 2), "hé…");
        assert_eq!(shorten("hé", 2), "hé");
    }

    mod prop {
        use proptest::prelude::*;

        use crate::report::aggregate::{Aggregate, Limits};
        use crate::report::model::{classify, ActorIn, DocView, Offsets, QuoteIn, SpeakerIn};
        use pipeline_core::OffsetUnit;

        fn off((s, e): (usize, usize)) -> Offsets {
            Offsets {
                start: Some(s),
                end: Some(e),
            }
        }

        proptest! {
            /// Any text with any offsets renders without panicking, and nothing of the
            /// text's markup survives unescaped.
            #[test]
            fn any_document_renders(
                text in "[a-zé<>&\"' \n\u{0}-\u{7f}日本]{0,40}",
                spans in proptest::collection::vec((0usize..60, 0usize..60), 0..10),
                id in ".{0,8}",
            ) {
                let quotes = spans
                    .chunks(2)
                    .map(|c| QuoteIn {
                        start: Some(c[0].0),
                        end: Some(c[0].1),
                        speaker: c.get(1).map(|&(s, e)| SpeakerIn {
                            start: Some(s),
                            end: Some(e),
                            entity: Some(format!("<zz{id}>")),
                            ..SpeakerIn::default()
                        }),
                        ..QuoteIn::default()
                    })
                    .collect();
                let actors = vec![ActorIn {
                    entity: "<x>".into(),
                    mentions: spans.iter().copied().map(off).collect(),
                    ..ActorIn::default()
                }];
                let mut agg = Aggregate::new(Limits { docs: 5, quotes: 5, actors: 5, problems: 5 });
                agg.add_doc(1, DocView { id: id.clone(), text: Some(text.clone()), quotes, actors });
                let html = super::render(&agg, &super::Page { title: "t" });
                let raw_markup = html.contains("<x>") || html.contains('\u{0}');
                let raw_id = html.contains("<zz");
                prop_assert!(!raw_markup && !raw_id);
            }

            /// Any line is classified without panicking.
            #[test]
            fn any_line_is_classified(line in ".{0,80}") {
                let _ = classify("p:1", &line, OffsetUnit::Chars);
                let _ = classify("p:1", &format!("{{\"text\":\"{line}\",\"quotes\":[{{\"start\":3,\"end\":1}}]}}"), OffsetUnit::Chars);
            }
        }
    }
}
