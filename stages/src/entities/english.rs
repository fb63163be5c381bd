//! Rules after the tagger for English documents, on the people it finds (word lists in
//! `data/rules.txt`):
//! - Arabic name particles belong to the name: `al-Hamdani`, `bin Laden`, and the given
//!   name before them (`Yusuf al-Hamdani`);
//! - a storm is no person: `Hurricane Dolores`, and `Dolores` alone in the same document;
//! - a planet or star alone is no person (`Venus`, `Saturn`), nor are letters alone
//!   (`Z`); a group of faith or people is no name (`Shiite`, `Sunni Arab`), nor a
//!   common word set in capitals (`FREE`);
//! - a company's legal form after a comma is part of its name (`Acme, Inc.`);
//! - a file's name is no name (`Report.pdf`), a postscript no part of one (`P.S. Tom`),
//!   and a name after `St.` a place (`St. Thomas`);
//! - a name ending in a word for a shop, restaurant or firm is a place (`Britt's Pizza`,
//!   `Harbor Street Grill`: `venue_en`) or an organisation (`Carl Webb Motorsports`:
//!   `business_en`).

use pipeline_core::{Span, Token};
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::features::{hash_str, TokenView, ALLCAPS, CAP, WORD};
use super::rules::list;
use super::{Entity, EntityType};

/// The classes of `data/rules.txt` the English rules read, one bit each.
const CLASSES: [&str; 8] = [
    "particle",
    "particle_spaced",
    "storm",
    "sky",
    "venue",
    "business",
    "group",
    "company_suffix",
];

/// The English lists as one map from a word's hash ([`TokenView::lower`]) to the bits
/// of its classes ([`CLASSES`]): one lookup a question, no lowercasing.
fn classes() -> &'static FxHashMap<u64, u8> {
    static MAP: OnceLock<FxHashMap<u64, u8>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m: FxHashMap<u64, u8> = FxHashMap::default();
        for (bit, class) in CLASSES.iter().enumerate() {
            for w in list(class, "en").into_iter().flatten() {
                *m.entry(hash_str(w)).or_insert(0) |= 1 << bit;
            }
        }
        m
    })
}

/// Whether token `i`'s word is in the English list `class` (one of [`CLASSES`]).
fn listed(v: &[TokenView], i: usize, class: &str) -> bool {
    let bit = CLASSES
        .iter()
        .position(|c| *c == class)
        .map_or(0, |b| 1u8 << b);
    classes().get(&v[i].lower).is_some_and(|&m| m & bit != 0)
}

/// Applies the rules to the entities of an English document.
pub(super) fn refine(
    text: &str,
    tokens: &[Token],
    v: &[TokenView],
    mut entities: Vec<Entity>,
) -> Vec<Entity> {
    // which tokens a name other than a person's holds
    let mut taken = vec![false; tokens.len()];
    for e in entities.iter().filter(|e| e.kind != EntityType::Person) {
        taken[e.tokens.clone()].iter_mut().for_each(|t| *t = true);
    }
    // storms: the names after `Hurricane`, dropped wherever they stand alone
    let mut storms: FxHashSet<u64> = FxHashSet::default();
    for e in &entities {
        let r = &e.tokens;
        if e.kind == EntityType::Person && r.start > 0 && listed(v, r.start - 1, "storm") {
            storms.insert(v[r.start].lower);
        } else if e.kind == EntityType::Person && r.len() == 2 && listed(v, r.start, "storm") {
            storms.insert(v[r.end - 1].lower);
        }
    }
    entities.retain(|e| {
        let r = &e.tokens;
        let storm =
            e.kind == EntityType::Person && (storms.contains(&v[r.end - 1].lower) && r.len() <= 2);
        let sky = e.kind == EntityType::Person && r.len() == 1 && listed(v, r.start, "sky");
        // `Shiite`, `Sunni Arab`: groups of faith or people, no one name
        let group = e.kind != EntityType::Place && r.clone().all(|j| listed(v, j, "group"));
        // `P D`, `Z`: letters alone
        let letters = e.kind == EntityType::Person
            && r.clone()
                .all(|j| tokens[j].span.slice(text).chars().count() == 1);
        // `FREE`, `NEED`: a common word set in capitals (not `WHO`, `UN`)
        let shouted = r.len() == 1
            && v[r.start].flags & ALLCAPS != 0
            && v[r.start].common
            && tokens[r.start].span.len() > 3;
        // `QuarterlyReport.pdf`: a file's name
        let file = r.clone().any(|j| {
            tokens[j]
                .span
                .slice(text)
                .rsplit_once('.')
                .is_some_and(|(_, ext)| {
                    list("file_extension", "en").is_some_and(|l| l.contains(ext))
                })
        });
        !storm && !sky && !group && !letters && !shouted && !file
    });
    company_suffixes(text, tokens, v, &mut entities);
    for e in &mut entities {
        if e.kind != EntityType::Person {
            continue;
        }
        if e.tokens.len() >= 2 {
            if listed(v, e.tokens.end - 1, "venue") {
                e.kind = EntityType::Place;
            } else if listed(v, e.tokens.end - 1, "business") {
                e.kind = EntityType::Organisation;
            }
        }
        with_particle(text, tokens, v, &taken, e);
        // `P.S. Tom`: the postscript is no part of the name
        let first = tokens[e.tokens.start].span.slice(text);
        if e.tokens.len() >= 2 && matches!(first, "P.S." | "PS") {
            e.tokens.start += 1;
            e.span = Span::unchecked(tokens[e.tokens.start].span.start, e.span.end);
        }
        // `St. Thomas`: a saint's name after the abbreviation is a place
        let s = e.tokens.start;
        if s >= 1
            && matches!(tokens[s - 1].span.slice(text), "St." | "St")
            && tokens[s - 1].span.end < tokens[s].span.start
        {
            e.tokens.start = s - 1;
            e.span = Span::unchecked(tokens[s - 1].span.start, e.span.end);
            e.kind = EntityType::Place;
        }
    }
    // a one-word person the particle's name took in (`Yusuf` of `Yusuf al-Hamdani`)
    // (a sort and binary searches, not a scan of every wide name per entity: a long
    // document holds thousands)
    let mut wide: Vec<(usize, usize)> = entities
        .iter()
        .filter(|e| e.tokens.len() > 1)
        .map(|e| (e.tokens.start, e.tokens.end))
        .collect();
    wide.sort_unstable();
    let mut furthest = Vec::with_capacity(wide.len());
    let mut end = 0;
    for &(_, e) in &wide {
        end = end.max(e);
        furthest.push(end);
    }
    entities.retain(|e| {
        let (start, end) = (e.tokens.start, e.tokens.end);
        let before = wide.partition_point(|w| w.0 < start);
        let upto = wide.partition_point(|w| w.0 <= start);
        // a wide name that starts earlier and reaches as far, or starts here and is longer
        let inside = (before > 0 && furthest[before - 1] >= end)
            || (upto > before && wide[upto - 1].1 > end);
        !inside
    });
    entities
}

/// A company's legal form after a comma belongs to its name (`Acme, Inc.`): the name
/// before it becomes an organisation through the suffix.
fn company_suffixes(text: &str, tokens: &[Token], v: &[TokenView], entities: &mut Vec<Entity>) {
    let mut k = 1;
    while k < entities.len() {
        let (a, b) = (&entities[k - 1], &entities[k]);
        let joined = b.tokens.len() == 1
            && b.tokens.start == a.tokens.end + 1
            && tokens[a.tokens.end].span.slice(text) == ","
            && listed(v, b.tokens.start, "company_suffix");
        if joined {
            let end = b.tokens.end;
            let span_end = b.span.end;
            let a = &mut entities[k - 1];
            a.tokens = a.tokens.start..end;
            a.span = Span::unchecked(a.span.start, span_end);
            a.kind = EntityType::Organisation;
            entities.remove(k);
        } else {
            k += 1;
        }
    }
}

/// Extends a person over an Arabic name particle before it (`al-`, `bin`), and over a
/// capitalised given name before the particle.
fn with_particle(text: &str, tokens: &[Token], v: &[TokenView], taken: &[bool], e: &mut Entity) {
    let s = e.tokens.start;
    let glued = |a: usize, b: usize| tokens[a].span.end == tokens[b].span.start;
    let spaced = |a: usize| text.get(tokens[a].span.end..tokens[a + 1].span.start) == Some(" ");
    let lower = |i: usize| v[i].flags & (WORD | CAP) == WORD;
    let start = if s >= 2
        && tokens[s - 1].span.slice(text) == "-"
        && glued(s - 2, s - 1)
        && glued(s - 1, s)
        && (lower(s - 2) || v[s - 2].flags & (WORD | CAP | ALLCAPS) == WORD | CAP)
        && listed(v, s - 2, "particle")
    {
        s - 2
    } else if s >= 1 && spaced(s - 1) && lower(s - 1) && listed(v, s - 1, "particle_spaced") {
        s - 1
    } else {
        return;
    };
    let start = if start >= 1
        && spaced(start - 1)
        && !taken[start - 1]
        && v[start - 1].flags & (WORD | CAP) == WORD | CAP
        && !v[start - 1].common
    {
        start - 1
    } else {
        start
    };
    e.tokens = start..e.tokens.end;
    e.span = Span::unchecked(tokens[start].span.start, e.span.end);
}

#[cfg(test)]
mod tests {
    use super::super::features::views;
    use super::*;
    use crate::tokens::tokenize;

    /// The entities of `text` after the rules, given the tagger's people.
    fn mend(text: &str, people: &[&str]) -> Vec<(String, EntityType)> {
        let tokens = tokenize(text);
        let v = views(text, &tokens, &[(0, tokens.len())], Some("en"));
        let mut entities = Vec::new();
        let mut from = 0;
        for p in people {
            let start = from + text[from..].find(p).expect("the name is in the text");
            from = start + p.len();
            let a = tokens.iter().position(|t| t.span.start == start).unwrap();
            let b = tokens.iter().position(|t| t.span.end == from).unwrap();
            entities.push(Entity {
                span: Span::unchecked(start, from),
                kind: EntityType::Person,
                tokens: a..b + 1,
            });
        }
        refine(text, &tokens, &v, entities)
            .iter()
            .map(|e| (e.span.slice(text).to_string(), e.kind))
            .collect()
    }

    fn names(found: &[(String, EntityType)]) -> Vec<&str> {
        found.iter().map(|(n, _)| n.as_str()).collect()
    }

    #[test]
    fn arabic_particles_belong_to_the_name() {
        let found = mend(
            "The cleric Yusuf al-Hamdani spoke, and al-Hamdani left.",
            &["Hamdani", "Hamdani"],
        );
        assert_eq!(names(&found), ["Yusuf al-Hamdani", "al-Hamdani"]);
        let found = mend("The cleric Yusuf al-Hamdani spoke.", &["Yusuf", "Hamdani"]);
        assert_eq!(names(&found), ["Yusuf al-Hamdani"]);
        let found = mend("They still look to bin Rashid for advice.", &["Rashid"]);
        assert_eq!(names(&found), ["bin Rashid"]);
    }

    #[test]
    fn storms_and_planets_are_no_people() {
        let found = mend(
            "Hurricane Dolores hit the coast. Dolores weakened, and Marta Ruiz left.",
            &["Dolores", "Dolores", "Marta Ruiz"],
        );
        assert_eq!(names(&found), ["Marta Ruiz"]);
        let found = mend(
            "Tonight Jupiter stands close to the house of Ellen Park.",
            &["Jupiter", "Ellen Park"],
        );
        assert_eq!(names(&found), ["Ellen Park"]);
    }

    #[test]
    fn letters_groups_and_shouted_words_are_no_names() {
        let found = mend(
            "If Q follows R, Shiite leaders and Sunni Arab clans say FREE things to Omar Haddad.",
            &["Q", "Shiite", "Sunni Arab", "FREE", "Omar Haddad"],
        );
        assert_eq!(names(&found), ["Omar Haddad"]);
    }

    #[test]
    fn legal_forms_after_a_comma_belong_to_the_company() {
        let tokens_of = |t: &str| tokenize(t);
        let text = "Talk to Brightwater, Inc. about it.";
        let tokens = tokens_of(text);
        let e = |a: usize, kind| Entity {
            span: Span::unchecked(tokens[a].span.start, tokens[a].span.end),
            kind,
            tokens: a..a + 1,
        };
        let v = views(text, &tokens, &[(0, tokens.len())], Some("en"));
        let found = refine(
            text,
            &tokens,
            &v,
            vec![e(2, EntityType::Person), e(4, EntityType::Organisation)],
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.slice(text), "Brightwater, Inc.");
        assert_eq!(found[0].kind, EntityType::Organisation);
    }

    #[test]
    fn files_postscripts_and_saints() {
        let found = mend(
            "See Prices.pdf. P.S. Irma, we met at St. Ignatius yesterday.",
            &["Prices.pdf", "P.S. Irma", "Ignatius"],
        );
        assert_eq!(names(&found), ["Irma", "St. Ignatius"]);
        assert_eq!(found[1].1, EntityType::Place);
    }

    #[test]
    fn shops_and_firms_are_no_people() {
        let found = mend(
            "We ate at Tony's Pizza, then went to Carl Webb Motorsports with Carl Webb.",
            &["Tony's Pizza", "Carl Webb Motorsports", "Carl Webb"],
        );
        assert_eq!(
            found.iter().map(|(_, k)| *k).collect::<Vec<_>>(),
            [
                EntityType::Place,
                EntityType::Organisation,
                EntityType::Person
            ]
        );
    }
}
