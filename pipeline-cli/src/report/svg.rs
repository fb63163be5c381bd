//! Inline SVG charts drawn by hand: a diverging bar chart of sentiment scores and a
//! heatmap matrix. Every piece of text from the input is escaped; sizes follow from the
//! number of rows and columns, which the caller bounds.

use std::fmt::Write;

use super::text::{escape, shorten};

/// Width of the bar chart.
const BAR_WIDTH: u32 = 1060;
/// Right edge of the labels, and where the plot starts.
const LABEL_END: u32 = 230;
/// Half the width of the plot (a score of 1).
const HALF: f64 = 180.0;
/// Height of a row.
const ROW: u32 = 24;
/// Room above the rows for the axis.
const TOP: u32 = 28;

/// One bar: a label, a score in `[-1, 1]` (none: nothing to draw), a note on the right.
#[derive(Debug)]
pub struct Bar<'a> {
    /// The actor's name.
    pub label: &'a str,
    /// Its score.
    pub score: Option<f64>,
    /// Counts to show next to the bar.
    pub note: String,
}

/// A diverging colour for a score: red below zero, blue above, white at zero; small
/// scores are made a little stronger so that they stay visible.
pub fn colour(score: f64) -> String {
    let s = if score.is_finite() {
        score.clamp(-1.0, 1.0)
    } else {
        0.0
    };
    let (r, g, b) = if s >= 0.0 {
        (33, 102, 172)
    } else {
        (178, 24, 43)
    };
    let t = s.abs().powf(0.7);
    let mix = |c: u8| (255.0 + (f64::from(c) - 255.0) * t).round() as u8;
    format!("#{:02x}{:02x}{:02x}", mix(r), mix(g), mix(b))
}

/// A signed score with two decimals.
pub fn signed(score: f64) -> String {
    if score.abs() < 0.005 {
        "0.00".to_owned()
    } else {
        format!("{score:+.2}")
    }
}

/// A horizontal bar chart of scores around a zero axis.
pub fn bar_chart(bars: &[Bar<'_>]) -> String {
    let height = TOP + ROW * bars.len() as u32 + 8;
    let zero = f64::from(LABEL_END) + 10.0 + HALF;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" width="{BAR_WIDTH}" height="{height}" viewBox="0 0 {BAR_WIDTH} {height}" role="img" aria-label="actor sentiment">"#
    );
    for (x, label) in [(-1.0, "−1 negative"), (0.0, "0"), (1.0, "+1 positive")] {
        let px = zero + x * HALF;
        let anchor = match label {
            "0" => "middle",
            l if l.starts_with('+') => "end",
            _ => "start",
        };
        let _ = write!(
            s,
            r##"<line x1="{px:.1}" y1="{}" x2="{px:.1}" y2="{}" stroke="#bbb" stroke-dasharray="{}"/><text x="{px:.1}" y="14" class="axis" text-anchor="{anchor}">{label}</text>"##,
            TOP - 6,
            height - 4,
            if x == 0.0 { "none" } else { "3 3" },
        );
    }
    for (i, bar) in bars.iter().enumerate() {
        let y = TOP + ROW * i as u32;
        let mid = y + ROW / 2;
        let label = escape(&shorten(bar.label, 32));
        let _ = write!(
            s,
            r#"<g><title>{}</title><text x="{}" y="{}" text-anchor="end" class="label">{label}</text>"#,
            escape(&format!("{}: {}", bar.label, bar.note)),
            LABEL_END,
            mid + 4,
        );
        if let Some(score) = bar.score {
            let w = score.abs() * HALF;
            let x = if score < 0.0 { zero - w } else { zero };
            let _ = write!(
                s,
                r#"<rect x="{x:.1}" y="{}" width="{:.1}" height="{}" fill="{}"/>"#,
                y + 4,
                w.max(1.0),
                ROW - 8,
                colour(score.signum() * (0.45 + 0.55 * score.abs())),
            );
        }
        let score = bar.score.map_or_else(|| "n/a".to_owned(), signed);
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" class="note"><tspan class="score">{score}</tspan>  {}</text></g>"#,
            zero + HALF + 14.0,
            mid + 4,
            escape(&bar.note),
        );
    }
    s.push_str("</svg>");
    s
}

/// Size of a matrix cell.
const CELL: u32 = 34;
/// Width of the row labels.
const ROW_LABELS: u32 = 200;
/// Most height of the (slanted) column labels.
const COL_LABELS: u32 = 150;
/// Room for the legend under the matrix.
const LEGEND_WIDTH: u32 = 5 * 48 + 40;

/// A heatmap: `rows` × `cols`, each cell a score and a tooltip, or empty.
pub fn heatmap<F>(rows: &[&str], cols: &[&str], cell: F) -> String
where
    F: Fn(usize, usize) -> Option<(f64, String)>,
{
    // slanted labels need about 5 px of height per character, up to 24 characters
    let longest = cols
        .iter()
        .map(|c| c.chars().count().min(25))
        .max()
        .unwrap_or(0) as u32;
    let top = (longest * 5 + 24).min(COL_LABELS);
    let width = (ROW_LABELS + CELL * cols.len() as u32 + 120).max(ROW_LABELS + LEGEND_WIDTH);
    let height = top + CELL * rows.len() as u32 + 50;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" aria-label="speaker to actor sentiment">"#
    );
    for (j, col) in cols.iter().enumerate() {
        let x = ROW_LABELS + CELL * j as u32 + CELL / 2;
        let y = top - 6;
        let _ = write!(
            s,
            r#"<text class="label" transform="translate({x},{y}) rotate(-50)"><title>{}</title>{}</text>"#,
            escape(col),
            escape(&shorten(col, 24)),
        );
    }
    for (i, row) in rows.iter().enumerate() {
        let y = top + CELL * i as u32;
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" text-anchor="end" class="label"><title>{}</title>{}</text>"#,
            ROW_LABELS - 8,
            y + CELL / 2 + 4,
            escape(row),
            escape(&shorten(row, 28)),
        );
        for j in 0..cols.len() {
            let x = ROW_LABELS + CELL * j as u32;
            match cell(i, j) {
                Some((score, tip)) => {
                    let ink = if score.abs() > 0.55 { "#fff" } else { "#222" };
                    let _ = write!(
                        s,
                        r##"<g><title>{}</title><rect x="{x}" y="{y}" width="{CELL}" height="{CELL}" fill="{}" stroke="#fff"/><text x="{}" y="{}" text-anchor="middle" class="cell" fill="{ink}">{}</text></g>"##,
                        escape(&tip),
                        colour(score),
                        x + CELL / 2,
                        y + CELL / 2 + 4,
                        format!("{score:+.1}")
                            .replace("+0.0", "0")
                            .replace("-0.0", "0"),
                    );
                }
                None => {
                    let _ = write!(
                        s,
                        r##"<rect x="{x}" y="{y}" width="{CELL}" height="{CELL}" fill="#f4f4f4" stroke="#fff"/>"##
                    );
                }
            }
        }
    }
    // legend
    let ly = top + CELL * rows.len() as u32 + 16;
    for (k, v) in [-1.0, -0.5, 0.0, 0.5, 1.0].iter().enumerate() {
        let x = ROW_LABELS + 48 * k as u32;
        let _ = write!(
            s,
            r##"<rect x="{x}" y="{ly}" width="16" height="16" fill="{}" stroke="#ccc"/><text x="{}" y="{}" class="axis">{}</text>"##,
            colour(*v),
            x + 20,
            ly + 12,
            if *v == 0.0 {
                "0".to_owned()
            } else {
                format!("{v:+}")
            },
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_run_from_red_through_white_to_blue() {
        assert_eq!(colour(0.0), "#ffffff");
        assert_eq!(colour(1.0), "#2166ac");
        assert_eq!(colour(-1.0), "#b2182b");
        assert_eq!(colour(f64::NAN), "#ffffff");
        assert_eq!(colour(7.0), colour(1.0));
    }

    #[test]
    fn labels_are_escaped() {
        let bars = [Bar {
            label: "<script>x</script>",
            score: Some(-0.5),
            note: "a & b".into(),
        }];
        let svg = bar_chart(&bars);
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("a &amp; b"));
        let m = heatmap(&["<b>"], &["\"q\""], |_, _| Some((0.3, "<i>".into())));
        assert!(!m.contains("<b>") && !m.contains("<i>") && m.contains("&quot;q&quot;"));
    }
}
