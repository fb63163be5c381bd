//! Entities: what names the people, organisations and places of a text. For now the
//! multilingual [`gazetteer`] of places and international organisations, which the entity
//! tagger reads as features and the actor finder uses to tie mentions to countries.

pub mod gazetteer;
