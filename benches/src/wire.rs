//! The wire copy of the `sentiment` benchmark: sentences from templates written for it
//! (countries, capitals, demonyms, organisations, titled people, quotes, negation and
//! contrast, in roughly the proportions of wire copy), shared by `benches/sentiment.rs`
//! and the `sentiment_cpu` example so both read the same documents.

const TEMPLATES: &[&str] = &[
    "{C1} and {C2} signed a defence cooperation agreement in {CAP1} on Tuesday, officials said.",
    "{DEM1} Foreign Minister {P1} praised the talks as constructive and said ties had never been stronger.",
    "“We have a lot of respect for {C2} and its people,” {P1} told reporters after the meeting.",
    "Critics in {CAP2} accused {C1} of waging a disinformation campaign, but {P2} rejected the charge.",
    "The {ORG} warned that the crisis was not over, although aid deliveries had improved slightly.",
    "{P2}, who has led the ministry since 2019, said {DEM2} troops would not withdraw from the border.",
    "Analysts said the deal was a significant step, yet many doubted that {C1} would keep its promises.",
    "The {DEM1} military has held joint drills with {C2} every year, and the two countries plan more.",
    "According to {P1}, the economic corridor could bring prosperity to the region within a decade.",
    "Protesters in {CAP1} denounced the government's decision as reckless and deeply unfair.",
    "{ORG} inspectors found no evidence of violations, a result {CAP2} welcomed warmly.",
    "The attack, which killed 12 people, was condemned by {C2} and by the {ORG} as a brutal act of terrorism.",
];

const COUNTRIES: &[(&str, &str, &str)] = &[
    ("Pakistan", "Pakistani", "Islamabad"),
    ("Russia", "Russian", "Moscow"),
    ("India", "Indian", "New Delhi"),
    ("Japan", "Japanese", "Tokyo"),
    ("Germany", "German", "Berlin"),
    ("Brazil", "Brazilian", "Brasília"),
    ("Kenya", "Kenyan", "Nairobi"),
    ("Turkey", "Turkish", "Ankara"),
];
const PEOPLE: &[&str] = &[
    "Mr. Arjun Mehta",
    "Gen. Olga Petrova",
    "Dr. Samuel Okafor",
    "Ambassador Lena Fischer",
    "Senator Marco Ruiz",
];
const ORGS: &[&str] = &["United Nations", "NATO", "European Union", "World Bank"];

/// The next sentence of the generator whose state is `k`.
pub fn sentence(k: &mut usize) -> String {
    *k = k
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let k = *k;
    let pick = |n: usize, shift: u32| (k >> shift) % n;
    let (c1, d1, cap1) = COUNTRIES[pick(COUNTRIES.len(), 33)];
    let (c2, d2, cap2) = COUNTRIES[pick(COUNTRIES.len(), 40)];
    let mut s = TEMPLATES[pick(TEMPLATES.len(), 47)]
        .replace("{C1}", c1)
        .replace("{C2}", c2)
        .replace("{DEM1}", d1)
        .replace("{DEM2}", d2)
        .replace("{CAP1}", cap1)
        .replace("{CAP2}", cap2)
        .replace("{P1}", PEOPLE[pick(PEOPLE.len(), 51)])
        .replace("{P2}", PEOPLE[pick(PEOPLE.len(), 55)])
        .replace("{ORG}", ORGS[pick(ORGS.len(), 59)]);
    s.push(if pick(4, 61) == 0 { '\n' } else { ' ' });
    s
}

/// A deterministic news-style document of about `bytes` bytes (the benchmark's
/// `article_4k` documents are `article(i, 4_000)` for `i` in `0..64`, `long_64k`
/// `article(i, 64_000)` for `i` in `0..4`).
pub fn article(seed: usize, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 256);
    let mut k = seed;
    while out.len() < bytes {
        out.push_str(&sentence(&mut k));
    }
    out
}

/// `count` documents `article(i, bytes)`, tokenised, as the sentiment stage receives them
/// in the chain (the benchmark's `article_4k` group is `tokenized_articles(4_000, 64)`).
///
/// # Panics
/// If the tokens stage fails on the generated text (a bug of the generator or the stage).
pub fn tokenized_articles(bytes: usize, count: usize) -> Vec<pipeline_core::Document> {
    use pipeline_core::SyncStage;
    let tokens = stages::tokens::TokenStage::default();
    (0..count)
        .map(|i| {
            let mut d = pipeline_core::Document::new(format!("d{i}"), article(i, bytes));
            if let Err(e) = tokens.apply(&mut d) {
                panic!("tokens: {e}");
            }
            d
        })
        .collect()
}
