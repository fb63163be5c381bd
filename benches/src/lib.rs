//! Generated corpora for the criterion benchmarks in `benches/`.
//!
//! Every text is produced here from templates written for this project (no outside
//! text), deterministically, so runs compare. English news has what the stages look for:
//! quotes in several styles, speakers with titles, countries, organisations, sentiment.
//!
//! ```
//! let text = benches::english_article(4096, 7);
//! assert!(text.len() >= 4096);
//! assert_eq!(text, benches::english_article(4096, 7));
//! ```
#![forbid(unsafe_code)]

pub mod wire;

/// A tiny deterministic generator (64-bit LCG): enough to vary templates.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407))
    }

    /// The next number below `n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }

    /// One item of a slice.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const PEOPLE: &[(&str, &str)] = &[
    ("Defence Minister Sara Okafor", "Okafor"),
    ("Gen. Tomas Reyes (ret.)", "Reyes"),
    ("Foreign Secretary Amir Qadri", "Qadri"),
    ("Dr. Lena Hoffmann", "Hoffmann"),
    ("Mr. Daniel Brooks", "Brooks"),
    ("Prime Minister Ayesha Rahman", "Rahman"),
];
const COUNTRIES: &[&str] = &[
    "Pakistan",
    "Russia",
    "the United States",
    "China",
    "India",
    "Turkey",
    "Germany",
    "Brazil",
    "Nigeria",
    "Japan",
];
const DEMONYMS: &[&str] = &[
    "Pakistani",
    "Russian",
    "U.S.",
    "Chinese",
    "Indian",
    "Turkish",
    "German",
];
const ORGS: &[&str] = &[
    "the United Nations",
    "NATO",
    "the foreign ministry",
    "the central bank",
    "the SCO",
    "the World Bank",
];
const VERBS: &[&str] = &[
    "said",
    "told reporters",
    "added",
    "explained",
    "warned",
    "stressed",
];
const POSITIVE: &[&str] = &[
    "a reliable partner",
    "a great success",
    "an important step forward",
    "very constructive",
    "a strong and friendly relationship",
];
const NEGATIVE: &[&str] = &[
    "a serious threat",
    "deeply disappointing",
    "a dangerous provocation",
    "a failure",
    "not trustworthy at all",
];

fn sentence(rng: &mut Rng, out: &mut String) {
    let (full, short) = PEOPLE[rng.below(PEOPLE.len())];
    let country = rng.pick(COUNTRIES);
    let org = rng.pick(ORGS);
    let verb = rng.pick(VERBS);
    let tone = if rng.below(2) == 0 {
        rng.pick(POSITIVE)
    } else {
        rng.pick(NEGATIVE)
    };
    match rng.below(9) {
        0 => out.push_str(&format!("“Our cooperation with {country} is {tone},” {short} {verb}.")),
        1 => out.push_str(&format!("{full} {verb} that {country} had been {tone} in recent talks.")),
        2 => out.push_str(&format!("According to {org}, the agreement with {country} was {tone}.")),
        3 => out.push_str(&format!(
            "“We are not worried about the cost. We are worried about waiting,” said {short}, who also leads the delegation."
        )),
        4 => out.push_str(&format!(
            "The {} delegation arrived in the capital on Tuesday for two days of meetings with {org}.",
            rng.pick(DEMONYMS)
        )),
        5 => out.push_str(&format!(
            "{short} called the decision “{tone}” and said {country} would respond next week."
        )),
        6 => out.push_str(
            "Trade between the two countries rose 16% to $1.9 billion last year, officials said.",
        ),
        7 => out.push_str(&format!("{full} told the committee: “This is {tone}. Nobody here doubts it.”")),
        _ => out.push_str(&format!(
            "Analysts said the talks with {country} were {tone}, but warned that much could still change."
        )),
    }
}

/// An English news-style article of at least `bytes` bytes: a headline, a dateline and
/// paragraphs of 2–4 sentences.
pub fn english_article(bytes: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut text = String::from("Talks on Defence Cooperation Resume in the Capital\nISLAMABAD: ");
    while text.len() < bytes {
        let n = 2 + rng.below(3);
        for i in 0..n {
            if i > 0 {
                text.push(' ');
            }
            sentence(&mut rng, &mut text);
        }
        text.push('\n');
    }
    text
}

const DE: &[&str] = &[
    "„Die Zusammenarbeit mit Polen ist sehr wichtig“, sagte Verteidigungsminister Jonas Weber am Dienstag.",
    "Nach Angaben des Auswärtigen Amts sollen die Gespräche im nächsten Monat fortgesetzt werden.",
    "Die Opposition kritisierte, der Plan helfe Familien kaum, die unter steigenden Mieten leiden.",
    "Weber erklärte, die ersten gemeinsamen Übungen würden im Frühjahr stattfinden.",
    "Der Handel zwischen beiden Ländern stieg im vergangenen Jahr um 16 Prozent.",
];

const RU: &[&str] = &[
    "«Сотрудничество с Пакистаном очень важно для нас», — заявил министр обороны во вторник.",
    "По данным министерства иностранных дел, переговоры продолжатся в следующем месяце.",
    "Представители оппозиции считают, что план почти не поможет семьям, страдающим от роста цен.",
    "Министр добавил, что первые совместные учения пройдут весной.",
    "Товарооборот между странами вырос на 16 процентов в прошлом году.",
];

fn from_sentences(sentences: &[&str], bytes: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut text = String::new();
    while text.len() < bytes {
        text.push_str(rng.pick(sentences));
        text.push(if rng.below(3) == 0 { '\n' } else { ' ' });
    }
    text
}

/// A German news-style article (another Latin-script language) of at least `bytes` bytes.
pub fn german_article(bytes: usize, seed: u64) -> String {
    from_sentences(DE, bytes, seed)
}

/// A Russian news-style article (a non-Latin script) of at least `bytes` bytes.
pub fn russian_article(bytes: usize, seed: u64) -> String {
    from_sentences(RU, bytes, seed)
}

/// The benchmark input table: (name, text). Short and long English news, German, Russian.
pub fn inputs() -> Vec<(&'static str, String)> {
    vec![
        ("en_short_300B", english_article(300, 1)),
        ("en_long_16KiB", english_article(16 * 1024, 2)),
        ("de_4KiB", german_article(4 * 1024, 3)),
        ("ru_4KiB", russian_article(4 * 1024, 4)),
    ]
}

/// `n` English articles of about `bytes` bytes each, for whole-chain runs.
pub fn english_corpus(n: usize, bytes: usize) -> Vec<String> {
    (0..n as u64)
        .map(|i| english_article(bytes, 100 + i))
        .collect()
}
