//! The tag set of the entity tagger: `O` and `B`/`I` of each entity type, with the
//! rule that `I-X` only follows `B-X` or `I-X`.

use pipeline_core::ActorKind;

/// The type of a named entity.
///
/// ```
/// use stages::entities::EntityType;
/// assert_eq!(EntityType::Person.as_str(), "PER");
/// assert_eq!(EntityType::parse("LOC"), Some(EntityType::Place));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityType {
    /// A person (`PER`).
    Person,
    /// An organisation: company, party, institution, team, media (`ORG`).
    Organisation,
    /// A place: country, city, region, continent, sea, building (`LOC`).
    Place,
}

impl EntityType {
    /// Every type, in label order.
    pub const ALL: [EntityType; 3] = [
        EntityType::Person,
        EntityType::Organisation,
        EntityType::Place,
    ];

    /// The CoNLL-style name: `PER`, `ORG`, `LOC`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "PER",
            EntityType::Organisation => "ORG",
            EntityType::Place => "LOC",
        }
    }

    /// Parses `PER`, `ORG`, `LOC` (and `GPE`, `FAC` as places); `None` for the rest.
    pub fn parse(s: &str) -> Option<EntityType> {
        Some(match s {
            "PER" | "PERSON" => EntityType::Person,
            "ORG" | "ORGANIZATION" | "ORGANISATION" => EntityType::Organisation,
            "LOC" | "GPE" | "FAC" | "LOCATION" => EntityType::Place,
            _ => return None,
        })
    }

    /// The actor kind an entity of this type becomes when nothing more is known.
    pub fn actor_kind(self) -> ActorKind {
        match self {
            EntityType::Person => ActorKind::Person,
            EntityType::Organisation => ActorKind::Organisation,
            EntityType::Place => ActorKind::Place,
        }
    }

    fn index(self) -> u8 {
        match self {
            EntityType::Person => 0,
            EntityType::Organisation => 1,
            EntityType::Place => 2,
        }
    }
}

/// Number of tags: `O` plus `B`/`I` of three types.
pub(crate) const N_TAGS: usize = 7;
/// The outside tag.
pub(crate) const O: u8 = 0;

/// The `B` tag of a type.
pub(crate) fn begin(t: EntityType) -> u8 {
    1 + 2 * t.index()
}

/// The `I` tag of a type.
#[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
pub(crate) fn inside(t: EntityType) -> u8 {
    2 + 2 * t.index()
}

/// The type of a tag (`None` for `O`).
pub(crate) fn type_of(tag: u8) -> Option<EntityType> {
    match tag {
        1 | 2 => Some(EntityType::Person),
        3 | 4 => Some(EntityType::Organisation),
        5 | 6 => Some(EntityType::Place),
        _ => None,
    }
}

/// True for an `I` tag.
pub(crate) fn is_inside(tag: u8) -> bool {
    tag != O && tag % 2 == 0
}

/// Whether `tag` may follow `prev`: an `I` tag continues an entity of its own type.
pub(crate) fn allowed(prev: u8, tag: u8) -> bool {
    !is_inside(tag) || (prev != O && type_of(prev) == type_of(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_tags_continue_their_own_type_only() {
        let (bp, ip, bo) = (
            begin(EntityType::Person),
            inside(EntityType::Person),
            begin(EntityType::Organisation),
        );
        assert!(allowed(bp, ip));
        assert!(allowed(ip, ip));
        assert!(!allowed(O, ip));
        assert!(!allowed(bo, ip));
        assert!(allowed(O, bo));
        for t in EntityType::ALL {
            assert_eq!(type_of(begin(t)), Some(t));
            assert_eq!(type_of(inside(t)), Some(t));
            assert_eq!(EntityType::parse(t.as_str()), Some(t));
        }
        assert_eq!(type_of(O), None);
    }
}
