//! The word lists of the `quotes` stage, parsed once from the data files under `data/`.
//!
//! See `data/README.md` for what each file holds.

use super::languages::{QuoteLanguage, LANGUAGES};
use super::wordmap::WordMap;
use crate::text::class_lines;

/// Word classes, as bit flags (one word can belong to several classes).
pub(crate) mod class {
    pub const SPEECH: u32 = 1;
    pub const TELL: u32 = 1 << 1;
    pub const BELIEF: u32 = 1 << 2;
    pub const NOUN: u32 = 1 << 3;
    pub const PRON: u32 = 1 << 4;
    pub const TITLE: u32 = 1 << 5;
    pub const ROLE: u32 = 1 << 6;
    pub const GROUP: u32 = 1 << 7;
    pub const DET: u32 = 1 << 8;
    pub const FILLER: u32 = 1 << 9;
    pub const APPOS: u32 = 1 << 10;
    pub const CONN: u32 = 1 << 11;
    pub const STOP: u32 = 1 << 12;
    pub const TIME: u32 = 1 << 13;
    /// First word of a multi-word source phrase (`according`).
    pub const PHRASE: u32 = 1 << 14;
    /// `that` (or its equivalent) introducing a reported clause.
    pub const THAT: u32 = 1 << 15;
    /// Verbs that may take a clause without `that`.
    pub const BARE: u32 = 1 << 16;
    /// Words of office names dropped with a title before a name.
    pub const OFFICE: u32 = 1 << 17;
    /// Nouns of a person's job that stand before a name (`pollster Frank Luntz`).
    pub const AGENT: u32 = 1 << 18;
    /// Verbs that name or label an object with a quoted word (`called it “a disgrace”`).
    pub const LABEL: u32 = 1 << 19;
    /// Speech acts and stances whose object is what is attributed (`accused him of …`,
    /// `endorsed Clinton`).
    pub const ACT: u32 = 1 << 20;
    /// Verbs of asking, whose clause opens with `whether`, `if`, `why`….
    pub const ASK: u32 = 1 << 21;
    /// Capitalised labels before a colon that are not speakers (`BREAKING:`, `Watch:`).
    pub const NOLABEL: u32 = 1 << 22;
    /// Head words of organisation names (`Foreign Office`, `Washington Post`): such a
    /// name is no person, so `he`/`she` never resolve to it.
    pub const ORG: u32 = 1 << 23;
    /// Stances: verbs of supporting or opposing, whose object is the stance's target
    /// (`supports the bill`), when `stances = true`.
    pub const STANCE: u32 = 1 << 24;
    /// Intentions and wishes, whose object or `to` clause is the intention (`wants a
    /// recount`, `declined to comment`), unless `intentions = false`.
    pub const INTENT: u32 = 1 << 25;
    /// Appearances and expectations (`seems`, `appears`, `is expected to`): the whole
    /// clause is attributed, with no speaker, when `appearances = true`.
    pub const APPEAR: u32 = 1 << 26;
    /// Verbs of talking whose topic is attributed only after `about` or `of` (`talked
    /// about [the economy]`; not `spoke first`, `spoke on condition of anonymity`).
    pub const TOPIC: u32 = 1 << 27;
    /// Nouns of works and programmes whose title may follow in quote marks (`the show
    /// “Night Court”`, `her memoir, “Hard Roads”`): a title there is no speech.
    pub const MEDIA: u32 = 1 << 28;
    /// Any verb cue.
    pub const CUE: u32 = SPEECH | TELL | BELIEF;
}

/// Word lists matched case-sensitively against a token as written (the `list NAME: …`
/// lines of the data files), as bit flags. A language whose file does not define a list
/// takes the English one (the rules using them were written for English).
pub(crate) mod list {
    /// Auxiliary and modal verb forms (`has`, `would`, `is`).
    pub const AUXILIARY: u128 = 1;
    /// Words of an aside between commas after a speaker (`X, for example, said`).
    pub const ASIDE: u128 = 1 << 1;
    /// Verb forms that make a cue word a verb, not a noun (`said`, `told`, `found`).
    pub const VERB_FORM: u128 = 1 << 2;
    /// Words of a verb chain before an infinitive cue (`went on to say`, `likely to`).
    pub const INFINITIVE_CHAIN: u128 = 1 << 3;
    /// Words before a cue word that make it a noun (`many attacks`, `two states`).
    pub const NOUN_MODIFIER: u128 = 1 << 4;
    /// Words after an object pronoun that are no label (`called him on Monday`).
    pub const OBJECT_PARTICLE: u128 = 1 << 5;
    /// Prepositions of an adjunct after an attribution (`told reporters on Monday`).
    pub const ADJUNCT_PREPOSITION: u128 = 1 << 6;
    /// Determiners before a group noun that make it a description (`the officials`), matched lowercased.
    pub const GROUP_DETERMINER: u128 = 1 << 7;
    /// Words after which a subject phrase may start (`and`, `but`, `that`).
    pub const PHRASE_BOUNDARY: u128 = 1 << 8;
    /// Words trimmed before a second cue inside reported content.
    pub const INNER_CUE_LINK: u128 = 1 << 9;
    /// Words joining a second cue inside reported content (`and`, `but`, `before`).
    pub const INNER_CUE_JOINER: u128 = 1 << 10;
    /// Articles and demonstratives, as written, before a cue word used as a noun (`a tweet`).
    pub const ARTICLE: u128 = 1 << 11;
    /// Verbs that open a relative's reported clause (`the probe the agency said was ongoing`).
    pub const RELATIVE_CLAUSE_VERB: u128 = 1 << 12;
    /// Words that open an asked question (`asked whether …`).
    pub const QUESTION_WORD: u128 = 1 << 13;
    /// Words after a cue that open no bare clause (`told him`, `said so`, `said yes`).
    pub const NO_CLAUSE_START: u128 = 1 << 14;
    /// Words after a quantifier that make it a share (`about half`, `more than`).
    pub const SHARE_WORD: u128 = 1 << 15;
    /// Quantifiers that open a reported clause (`said about half of the cuts were …`).
    pub const QUANTIFIER: u128 = 1 << 16;
    /// Determiners that open a clause's subject after `told Y` (`told reporters this was …`).
    pub const SUBJECT_DETERMINER: u128 = 1 << 17;
    /// Count and share words that can be a subject (`one in three`, `most`), matched lowercased.
    pub const COUNT_WORD: u128 = 1 << 18;
    /// Words of an approximate count (`about half`, `nearly 40 percent`), matched lowercased.
    pub const APPROXIMATOR: u128 = 1 << 19;
    /// Object pronouns before an unquoted label (`called him a liar`).
    pub const OBJECT_PRONOUN: u128 = 1 << 20;
    /// Forms of `be` before an expectation (`is expected to`).
    pub const BE_FORM: u128 = 1 << 21;
    /// Words after an appearance verb that make it a physical appearance (`appeared on TV`).
    pub const APPEARANCE_PLACE: u128 = 1 << 22;
    /// Conjunctions and subordinators where an appearance clause starts (`but it seems …`).
    pub const CLAUSE_CONJUNCTION: u128 = 1 << 23;
    /// Words that open the question of `Asked …` (`Asked whether`, `Asked about`).
    pub const ASKED_OPENER: u128 = 1 << 24;
    /// Verbs after `the statement by X that` that make `that` a relative (`that was released`).
    pub const STATEMENT_RELATIVE_VERB: u128 = 1 << 25;
    /// Subordinators that open a sentence before its main clause (`While X said …, Y …`), matched lowercased.
    pub const FRONTED_SUBORDINATOR: u128 = 1 << 26;
    /// Subordinators that open a reported clause (`said [that] if …`), matched lowercased.
    pub const CLAUSE_SUBORDINATOR: u128 = 1 << 27;
    /// Subordinators after a comma that end reported content (`…, while …`).
    pub const SUBORDINATE_AFTER_COMMA: u128 = 1 << 28;
    /// Words after a comma that open the writer's comment on a fragment (`, a charge that`).
    pub const WRITER_COMMENT_OPENER: u128 = 1 << 29;
    /// `-ing` words that are no writer's participle (`including`, `according`).
    pub const NON_PARTICIPLE_ING: u128 = 1 << 30;
    /// Prepositions after a participle that make it passive (`accused of`, `praised by`).
    pub const PASSIVE_PREPOSITION: u128 = 1 << 31;
    /// Capitalised conjunctions skipped at a sentence start (`But while …`), as written.
    pub const SENTENCE_CONJUNCTION: u128 = 1 << 32;
    /// Object pronouns that are a whole addressee (`told him`).
    pub const ADDRESSEE_PRONOUN: u128 = 1 << 33;
    /// Determiners of a subject after a `tell` addressee (`told reporters this was …`).
    pub const TOLD_CLAUSE_SUBJECT: u128 = 1 << 34;
    /// Subject pronouns that show a clause has begun.
    pub const SUBJECT_PRONOUN: u128 = 1 << 35;
    /// Sentence connectives before a source phrase (`In addition, according to X`), matched lowercased.
    pub const CONNECTIVE: u128 = 1 << 36;
    /// Poll nouns, matched lowercased.
    pub const POLL: u128 = 1 << 37;
    /// Words that make a poll specific (`the latest poll`, `our survey`).
    pub const POLL_MODIFIER: u128 = 1 << 38;
    /// Forms of `be` before a progressive cue (`was saying`).
    pub const PROGRESSIVE_BE: u128 = 1 << 39;
    /// Words before a participle of saying (`while saying`, `before adding`).
    pub const PARTICIPLE_OPENER: u128 = 1 << 40;
    /// Prepositions after a speech verb that allow a longer reach for `that` (`said in an interview … that`).
    pub const FAR_ADJUNCT_OPENER: u128 = 1 << 41;
    /// Prepositions of a fronted phrase in a bare clause (`said in politics it takes time`).
    pub const FRONTED_PREPOSITION: u128 = 1 << 42;
    /// Subject pronouns of a main clause after a condition (`said if elected he would …`).
    pub const CONDITIONAL_SUBJECT: u128 = 1 << 43;
    /// Intention words that may be nouns (`have plans to`, `no wish to`).
    pub const INTENT_NOUN: u128 = 1 << 44;
    /// Auxiliaries that show a word is verb-like (`has`, `will`).
    pub const VERBISH_AUXILIARY: u128 = 1 << 45;
    /// Coordinating conjunctions between quoted fragments (`and`, `but`, `et`, `und`, `y`).
    pub const COORDINATOR: u128 = 1 << 46;
    /// Verb forms that can follow a name as its verb (`said`, `calls`).
    pub const NAME_VERB_FORM: u128 = 1 << 47;
    /// Relative pronouns that open reported words (`which he called “…”`).
    pub const RELATIVE_PRONOUN: u128 = 1 << 48;
    /// Capitalised verbs of a title-case headline (`Mayor Says …`), as written.
    pub const HEADLINE_VERB: u128 = 1 << 49;
    /// Quantifiers of a group before `of` (`most of the senators`), as written.
    pub const GROUP_QUANTIFIER: u128 = 1 << 50;
    /// Words before a time word between a speaker and its verb (`X on Friday said`).
    pub const TIME_OPENER: u128 = 1 << 51;
    /// Heads of one named or specific poll (`the latest Fox poll`, `the RealClearPolitics average`), matched lowercased.
    pub const POLL_HEAD: u128 = 1 << 52;
    /// Conjunctions after which a loose subject may start (`But hacking specialists say`), matched lowercased.
    pub const SUBJECT_CONJUNCTION: u128 = 1 << 53;
    /// Relative words that a reported clause which lost its subject starts with (`[which it said was fair]`).
    pub const RELATIVE_ANTECEDENT: u128 = 1 << 54;
    /// Capitalised conjunctions before a sentence-opening `as` (`But as X reported, …`), as written.
    pub const AS_CLAUSE_OPENER: u128 = 1 << 55;
    /// Words after an intention word that make it a noun (`the plan for`, `the plan is`).
    pub const AFTER_INTENT_NOUN: u128 = 1 << 56;
    /// Words before an intention word that make it a noun (`have plans to`, `no wish to`).
    pub const BEFORE_INTENT_NOUN: u128 = 1 << 57;
    /// Words before `attack(s)`/`states` that make it a verb (`who attacks`, `to attack`).
    pub const BEFORE_VERB_READING: u128 = 1 << 58;
    /// Adverbs between `and` and its verb (`and even questioned`).
    pub const COORDINATED_ADVERB: u128 = 1 << 59;
    /// Particles after a verb that follows a speaker after a quote (`he points out.`).
    pub const VERB_PARTICLE: u128 = 1 << 60;
    /// Conjunctions after which another attribution may begin (`…, and Y said`, `while critics argue`).
    pub const ATTRIBUTION_CONJUNCTION: u128 = 1 << 61;
    /// Relative pronouns that open a relative clause (`voters who said`, `a probe which`).
    pub const RELATIVE_WORD: u128 = 1 << 62;
    /// Relative pronouns before a label verb's subject (`what he calls “…”`).
    pub const OBJECT_RELATIVE: u128 = 1 << 63;
    /// Participles and adjectives of expectation (`is expected to`, `is likely to`).
    pub const EXPECTATION: u128 = 1 << 64;
    /// Count nouns right before a speech verb (`a majority said`, `40 percent say`).
    pub const COUNT_HEAD: u128 = 1 << 65;
    /// Words before a speaker that make the cue a comment (`As X noted`, `what X said`), matched lowercased.
    pub const AS_WHAT_HOW: u128 = 1 << 66;
    /// Verbs of viewing whose object and `as …` are attributed (`voters see him as …`).
    pub const VIEW_VERB: u128 = 1 << 67;
    /// Words before a cue word that make it a noun (`secretary of state`, `Trump’s tweet`).
    pub const NOUN_BEFORE_CUE: u128 = 1 << 68;
    /// Cue words with a common noun reading (`attack`, `states`).
    pub const NOUN_HEAD_WORD: u128 = 1 << 69;
    /// Words linking a cue to an earlier one (`said before adding`, `and then predicted`).
    pub const CHAIN_LINK: u128 = 1 << 70;
    /// Words before a quote that make it a work's title (`on “Today”`, `NBC’s “Today”`).
    pub const TITLE_BEFORE_QUOTE: u128 = 1 << 71;
    /// Coordinating conjunctions before a quote that carry an attribution on (`…, and “B”`).
    pub const COORDINATING: u128 = 1 << 72;
    /// Number words from two to ten (`two states`, `Two in three said`).
    pub const NUMBER: u128 = 1 << 73;
    /// Singular person pronouns (`he`, `elle`, `ich`), lowercase: a speaker that resolves
    /// to the last person speaker.
    pub const PERSON_PRONOUN: u128 = 1 << 74;
    /// Plural or neuter pronouns (`they`, `ils`, `sie`), lowercase: a speaker that
    /// resolves to the last speaker that is no person.
    pub const PLURAL_PRONOUN: u128 = 1 << 75;
    /// Relative pronouns that open a relative clause after a subject or an appositive (`an aide who spoke …`, `Jo Lee, a historian, who notes …`).
    pub const RELATIVE_WHO: u128 = 1 << 76;
    /// Relative pronouns that open a relative clause after a comma (`Y, who said …`).
    pub const RELATIVE_AFTER_COMMA: u128 = 1 << 77;
    /// Conjunctions before a coordinated verb (`and said`, `but later said`).
    pub const VERB_COORDINATOR: u128 = 1 << 78;
    /// Conjunctions between coordinated phrases (`farmers and small traders`, `“illegals” and “thugs”`).
    pub const PHRASE_COORDINATOR: u128 = 1 << 79;
    /// Answers taken as the content of a speech verb (`said yes`, `said no to the war`).
    pub const ANSWER_WORD: u128 = 1 << 80;
    /// Words that open a conditional after a speech verb (`said if she wins, …`).
    pub const CONDITIONAL_OPENER: u128 = 1 << 81;
    /// Definite articles before a description that resolves to an earlier speaker (`the minister`), matched lowercased, of every language here.
    pub const DEFINITE_ARTICLE: u128 = 1 << 82;
    /// Words that open an inserted example after a group (`Several senators, including Smith, said`).
    pub const EXAMPLE_OPENER: u128 = 1 << 83;
    /// Words inside a description after an inverted cue besides its modifiers (`said the secretary of state …`).
    pub const DESCRIPTION_LINK: u128 = 1 << 84;
    /// Prepositions after `attack(s)` that make it a noun with its complement (`attacks on`, `attack against`).
    pub const NOUN_COMPLEMENT: u128 = 1 << 85;
    /// Forms of `put` before `it` that attribute a quote (`As the magazine put it, “…”`).
    pub const PUT_VERB: u128 = 1 << 86;
    /// `As` opening a sentence whose quote takes whole words (`As X wrote, “…”`), in both casings.
    pub const AS_OPENER: u128 = 1 << 87;
    /// `asked` in both casings, which may open an unnamed asker's question (`Asked whether …, X said`).
    pub const ASKED_FORM: u128 = 1 << 88;
    /// `when` in both casings before `asked` (`When asked about …,`).
    pub const ASKED_WHEN: u128 = 1 << 89;
    /// `if` in both casings before `asked` at a sentence start or after a comma (`If asked, …`).
    pub const ASKED_IF: u128 = 1 << 90;
    /// Words before a number that make it a count as a speech verb's subject (`six in 10 said`, `all five say`).
    pub const COUNT_LINK: u128 = 1 << 91;
    /// Pronouns that do not open a bare reported clause after a cue's time words or a
    /// `tell` verb's addressee (`said on Friday it …`, `told reporters you …`).
    pub const UNCLAUSED_PRONOUN: u128 = 1 << 92;
    /// Forms of `warn` that take `of` as their particle (`warned of …`).
    pub const WARN_VERB: u128 = 1 << 93;
    /// Words skipped with the time words after a `tell` verb's addressee (`told reporters on Monday he …`).
    pub const ADDRESSEE_TIME_WORD: u128 = 1 << 94;
    /// Prepositions between a statement noun and its source (`a statement by X that …`).
    pub const STATEMENT_SOURCE_PREPOSITION: u128 = 1 << 95;
    /// The possessive `’s` as a token of its own, with either apostrophe (`the Party’s Nachman Shai told`, `told NBC’s “Today”`).
    pub const POSSESSIVE_CLITIC: u128 = 1 << 96;
    /// Subjunctive verb forms that carry reported speech on into the next sentence
    /// without a cue (`Er sagte, er komme. Er [sei] bereit.`).
    pub const SUBJUNCTIVE: u128 = 1 << 97;
    /// Sources that follow their speaker (`Dem Minister zufolge …`).
    pub const SOURCE_POSTPOSITION: u128 = 1 << 98;
    /// Cue words that attribute only the clause before them to the speaker right after
    /// them (`…, so Merkel.`), never a clause after them.
    pub const INVERTED_ONLY: u128 = 1 << 99;
    /// Words that open a parenthetical cue whose content is around it (`er will, wie
    /// Herr Dr. Brahm sagt, nichts …`), matched lowercased.
    pub const PARENTHETICAL_OPENER: u128 = 1 << 100;
    /// Nouns of saying whose content follows as a `that` clause or after a colon (`die
    /// Mitteilung, daß …`, `mit den Worten: „…“`), matched as written.
    pub const SPEECH_NOUN: u128 = 1 << 101;
    /// Articles that mark an object, never a subject (German `den`, `dem`): a noun
    /// phrase they open right after a cue is its addressee (`befahl den Wachen, …`).
    pub const OBJECT_ARTICLE: u128 = 1 << 102;
    /// Prepositions that name whom a cue addresses (German `zu`, French `à`): after a
    /// question, the reply in the next turn is that person's (`fragte X zu Y`).
    pub const ADDRESSEE: u128 = 1 << 103;
    /// Verb forms that are also possessives (German `meine`, `meinen`): a cue only
    /// before punctuation or a function word (`Ich meine, …`, not `meine Begleiter`).
    pub const POSSESSIVE_HOMOGRAPH: u128 = 1 << 104;
    /// The words that close a verb of saying split around its object (German particles
    /// and predicatives: `zeigte … an, daß`, `machen darauf aufmerksam, daß`, `gab zu
    /// bedenken, daß`): one right before the comma of a `that` clause is its cue.
    pub const SPLIT_CUE: u128 = 1 << 105;
    /// The finite verbs of the verbs of saying split around their object (German
    /// `zeigte`, `drückte`, `machte`): one must stand before a [`SPLIT_CUE`] word.
    pub const SEPARABLE_VERB: u128 = 1 << 106;
    /// Prepositions that open a sentence with its source (German `Nach dem Bericht hat
    /// …`), matched as written.
    pub const SOURCE_PREPOSITION: u128 = 1 << 107;
    /// Finite auxiliaries that open a main clause right after a comma: German reported
    /// content ends before one (`…, daß er Tadel enthielt, war die Krisis da`).
    pub const MAIN_AUXILIARY: u128 = 1 << 108;
}

/// A map with a fast non-cryptographic hasher (FxHash): keys are short words we wrote,
/// looked up once per token.
pub(crate) type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// One language's lexicon.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    /// Lowercased word (as bytes, so that a word lowercased on the stack needs no UTF-8
    /// check) → its classes, and the [`list`]s it is in (those of the lists' words that
    /// lowercasing leaves unchanged), so that one lookup per token finds both.
    words: WordMap,
    /// The list words that lowercasing changes (`And`, `Says`) → the lists they are in
    /// (the second half of each entry; the classes are unused).
    cased_lists: WordMap,
    /// Multi-word source phrases, each as lowercased words.
    pub phrases: Vec<Vec<String>>,
    /// A phrase's first word → the indices in [`Self::phrases`] of the phrases it opens,
    /// in that order (so that a token is matched against its own phrases only).
    pub phrase_starts: FastMap<String, Vec<usize>>,
    /// Whether paragraphs opening with a dash are dialogue lines.
    pub dialogue_dash: bool,
    /// Whether a cue may leave its subject out (see [`QuoteLanguage::pro_drop`]).
    pub pro_drop: bool,
    /// Whether the reported-speech rules of `reported.rs` run (see
    /// [`QuoteLanguage::reported`]).
    pub reported: bool,
    /// Whether every noun is capitalised (see [`QuoteLanguage::capitalised_nouns`]).
    pub capitalised_nouns: bool,
    /// Whether a quote after its attribution's sentence is a turn of its own (see
    /// [`QuoteLanguage::split_turns`]).
    pub split_turns: bool,
    /// Whether long uncued quotations are quotes (see
    /// [`QuoteLanguage::uncued_quotations`]).
    pub uncued_quotations: bool,
    /// The `title` entries that are endings (`-chef` → `chef`): titles inside compounds.
    pub title_endings: Vec<String>,
    /// Word as written → the [`list`]s it is in.
    lists: FastMap<String, u128>,
    /// The lists this language's file defines.
    own_lists: u128,
    /// The length in bytes of the longest word in any list (longer words are in none).
    longest_listed: usize,
}

impl Lexicon {
    /// The classes of a lowercased word (0 when unknown).
    pub fn classes(&self, lower: &str) -> u32 {
        self.classes_of_bytes(lower.as_bytes())
    }

    /// The lists `word` is in as written, and the lists it is in lowercased (as
    /// [`str::to_lowercase`] does): computed once per token.
    pub fn lists_of(&self, word: &str) -> (u128, u128) {
        if word.len() > self.longest_listed && word.is_ascii() {
            return (0, 0);
        }
        let exact = self.lists.get(word).copied().unwrap_or(0);
        if word
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            return (exact, exact);
        }
        let lower = if word.is_ascii() {
            let mut stack = [0u8; 32];
            match stack.get_mut(..word.len()) {
                Some(buf) => {
                    buf.copy_from_slice(word.as_bytes());
                    buf.make_ascii_lowercase();
                    std::str::from_utf8(buf)
                        .ok()
                        .and_then(|w| self.lists.get(w))
                        .copied()
                }
                None => self.lists.get(&word.to_ascii_lowercase()).copied(),
            }
        } else if word.chars().all(lowercases_to_itself) {
            // (`str::to_lowercase` changes none of its characters: no copy to look up)
            Some(exact)
        } else {
            self.lists.get(&word.to_lowercase()).copied()
        };
        (exact, lower.unwrap_or(0))
    }

    /// Whether this language's own file defines any of the lists `lists`.
    pub fn defines(&self, lists: u128) -> bool {
        self.own_lists & lists != 0
    }

    /// Whether `word`, as written (case-sensitive), is in any of the lists `lists`.
    pub fn in_list(&self, word: &str, lists: u128) -> bool {
        self.lists.get(word).is_some_and(|&l| l & lists != 0)
    }

    /// The classes of a lowercased word given as its UTF-8 bytes.
    fn classes_of_bytes(&self, lower: &[u8]) -> u32 {
        self.words.get(lower).map_or(0, |e| e.0)
    }

    /// A token's classes (as [`Self::classes_any`]) and its lists as written and
    /// lowercased (as [`Self::lists_of`]), in one lookup for most words (inline: short
    /// ASCII words, nearly all; the others out of line).
    #[inline]
    pub fn lookup_any(&self, word: &str, buf: &mut String) -> (u32, u128, u128) {
        let Some((written, lower)) = super::wordmap::pack_ascii_lower(word.as_bytes()) else {
            return self.lookup_other(word, buf);
        };
        let (classes, lists) = self.words.get_packed(lower).copied().unwrap_or((0, 0));
        if written == lower {
            return (classes, lists, lists);
        }
        (
            classes,
            self.cased_lists.get_packed(written).map_or(0, |e| e.1),
            lists,
        )
    }

    /// [`Self::lookup_any`] for a word longer than a packed key or not ASCII.
    #[inline(never)]
    fn lookup_other(&self, word: &str, buf: &mut String) -> (u32, u128, u128) {
        let mut stack = [0u8; 32];
        if let Some(lower) = stack.get_mut(..word.len()).filter(|_| word.is_ascii()) {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            let (classes, lists) = self.words.get(&*lower).copied().unwrap_or((0, 0));
            if *lower == *word.as_bytes() {
                return (classes, lists, lists);
            }
            let written = self.cased_lists.get(word.as_bytes()).map_or(0, |e| e.1);
            return (classes, written, lists);
        }
        let (written, lowered) = self.lists_of(word);
        (self.classes_any(word, buf), written, lowered)
    }

    /// The classes of a word in any case: looked up as it is when lowercasing would not
    /// change it (most words), else lowercased first — on the stack for short ASCII
    /// words, into `buf` otherwise.
    pub fn classes_any(&self, word: &str, buf: &mut String) -> u32 {
        if word
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
        {
            return self.classes(word);
        }
        if word.is_ascii() {
            let mut stack = [0u8; 32];
            if let Some(lower) = stack.get_mut(..word.len()) {
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                return self.classes_of_bytes(lower);
            }
        } else if word.chars().all(lowercases_to_itself) {
            return self.classes(word);
        }
        crate::text::lowercase_into(buf, word);
        self.classes(buf)
    }

    /// The classes of a word lowercased as [`str::to_lowercase`] does, without
    /// allocating for ASCII words (where that is the same as [`Self::classes_any`]).
    pub fn classes_str_lower(&self, word: &str) -> u32 {
        if word.is_ascii() {
            self.classes_any(word, &mut String::new())
        } else {
            self.classes(&word.to_lowercase())
        }
    }

    /// Parses one language's data file (and the shared source phrases) into a lexicon.
    fn parse(lang: &QuoteLanguage, phrases: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        for (cls, words) in class_lines(lang.data) {
            if let Some(name) = cls.strip_prefix("list ") {
                let bit = list_bit(name.trim());
                lex.own_lists |= bit;
                for w in words.flat_map(forms) {
                    *lex.lists.entry(w).or_insert(0) |= bit;
                }
                continue;
            }
            let bit = match cls {
                "speech" => class::SPEECH,
                "tell" => class::TELL,
                "belief" => class::BELIEF,
                "noun" => class::NOUN,
                "pron" => class::PRON,
                "title" => class::TITLE,
                "role" => class::ROLE,
                "group" => class::GROUP,
                "det" => class::DET,
                "filler" => class::FILLER,
                "appos" => class::APPOS,
                "conn" => class::CONN,
                "stop" => class::STOP,
                "time" => class::TIME,
                "bare" => class::BARE,
                "office" => class::OFFICE,
                "agent" => class::AGENT,
                "label" => class::LABEL,
                "act" => class::ACT,
                "ask" => class::ASK,
                "nolabel" => class::NOLABEL,
                "org" => class::ORG,
                "stance" => class::STANCE,
                "intent" => class::INTENT,
                "appear" => class::APPEAR,
                "topic" => class::TOPIC,
                "media" => class::MEDIA,
                _ => 0,
            };
            for w in words.flat_map(forms) {
                lex.words.entry(w.to_lowercase().as_bytes()).0 |= bit;
            }
        }
        for &w in LANGUAGES.iter().flat_map(|l| l.that_words) {
            lex.words.entry(w.as_bytes()).0 |= class::THAT;
        }
        for (_, words) in class_lines(phrases).filter(|(cls, _)| *cls == "before") {
            let words: Vec<String> = words.map(str::to_lowercase).collect();
            if let Some(first) = words.first() {
                lex.words.entry(first.as_bytes()).0 |= class::PHRASE;
                lex.phrases.push(words);
            }
        }
        // longest phrases first, so `as per the statement by` wins over `as per`
        lex.phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        for (k, p) in lex.phrases.iter().enumerate() {
            if let Some(first) = p.first() {
                lex.phrase_starts.entry(first.clone()).or_default().push(k);
            }
        }
        lex.dialogue_dash = lang.dialogue_dash;
        lex.pro_drop = lang.pro_drop;
        lex.reported = lang.reported;
        lex.capitalised_nouns = lang.capitalised_nouns;
        lex.split_turns = lang.split_turns;
        lex.uncued_quotations = lang.uncued_quotations;
        lex.title_endings = lex
            .words
            .iter()
            .filter(|(w, e)| w.first() == Some(&b'-') && e.0 & class::TITLE != 0)
            .filter_map(|(w, _)| std::str::from_utf8(&w[1..]).ok().map(str::to_owned))
            .collect();
        lex
    }
}

/// The word forms an entry of a data file stands for: itself, or for `stem{a,b,}` the
/// stem with each ending (`сказал{,а,и}` → `сказал`, `сказала`, `сказали`).
fn forms(entry: &str) -> Vec<String> {
    match entry.split_once('{') {
        Some((stem, rest)) if rest.ends_with('}') => rest[..rest.len() - 1]
            .split(',')
            .map(|end| format!("{stem}{end}"))
            .collect(),
        _ => vec![entry.to_owned()],
    }
}

const PHRASES: &str = include_str!("data/phrases.txt");

/// Every language's lexicon and the quotation marks.
#[derive(Debug)]
pub(crate) struct Lexicons {
    langs: Vec<(&'static str, Lexicon)>,
    /// Opening mark → (is double, closers).
    pub marks: FastMap<char, (bool, Vec<char>)>,
}

impl Lexicons {
    /// Parses every language's data file and the quotation marks.
    pub fn load() -> Lexicons {
        let mut langs: Vec<(&'static str, Lexicon)> = LANGUAGES
            .iter()
            .map(|lang| (lang.code, Lexicon::parse(lang, PHRASES)))
            .collect();
        // the English lists for the lists a language does not define
        let english: Vec<(String, u128)> = langs
            .first()
            .map(|(_, en)| en.lists.iter().map(|(w, &l)| (w.clone(), l)).collect())
            .unwrap_or_default();
        for (_, lex) in langs.iter_mut().skip(1) {
            for (w, l) in &english {
                let missing = l & !lex.own_lists;
                if missing != 0 {
                    *lex.lists.entry(w.clone()).or_insert(0) |= missing;
                }
            }
        }
        for (_, lex) in &mut langs {
            lex.longest_listed = lex.lists.keys().map(String::len).max().unwrap_or(0);
            for (w, &l) in &lex.lists {
                if w.to_lowercase() == *w {
                    lex.words.entry(w.as_bytes()).1 |= l;
                } else {
                    lex.cased_lists.entry(w.as_bytes()).1 = l;
                }
            }
        }
        let marks = crate::text::quote_pairs().into_iter().collect();
        Lexicons { langs, marks }
    }

    /// Whether `word`, as written, is in the list `list` of any language (the speaker
    /// pronouns: resolved the same whatever the document's language).
    pub fn in_any_list(&self, word: &str, list: u128) -> bool {
        self.langs.iter().any(|(_, lex)| lex.in_list(word, list))
    }

    /// The lexicon for a language code (ISO 639-1 or 639-3); English for unknown
    /// languages.
    pub fn get(&self, code: Option<&str>) -> &Lexicon {
        // an ISO 639-3 code through the one code table (of the languages here, `fra`,
        // `deu`, `spa` and `eng`); a language not in `LANGUAGES` falls to English
        let code = code.map_or("en", |c| crate::lang::iso639_1(c).unwrap_or(c));
        self.langs
            .iter()
            .find(|(c, _)| *c == code)
            .or_else(|| self.langs.first())
            .map(|(_, l)| l)
            .unwrap_or(&EMPTY)
    }
}

/// The bit of a `list NAME:` line (0 for an unknown name).
fn list_bit(name: &str) -> u128 {
    match name {
        "auxiliary" => list::AUXILIARY,
        "aside" => list::ASIDE,
        "verb_form" => list::VERB_FORM,
        "infinitive_chain" => list::INFINITIVE_CHAIN,
        "noun_modifier" => list::NOUN_MODIFIER,
        "object_particle" => list::OBJECT_PARTICLE,
        "adjunct_preposition" => list::ADJUNCT_PREPOSITION,
        "group_determiner" => list::GROUP_DETERMINER,
        "phrase_boundary" => list::PHRASE_BOUNDARY,
        "inner_cue_link" => list::INNER_CUE_LINK,
        "inner_cue_joiner" => list::INNER_CUE_JOINER,
        "article" => list::ARTICLE,
        "relative_clause_verb" => list::RELATIVE_CLAUSE_VERB,
        "question_word" => list::QUESTION_WORD,
        "no_clause_start" => list::NO_CLAUSE_START,
        "share_word" => list::SHARE_WORD,
        "quantifier" => list::QUANTIFIER,
        "subject_determiner" => list::SUBJECT_DETERMINER,
        "count_word" => list::COUNT_WORD,
        "approximator" => list::APPROXIMATOR,
        "object_pronoun" => list::OBJECT_PRONOUN,
        "be_form" => list::BE_FORM,
        "appearance_place" => list::APPEARANCE_PLACE,
        "clause_conjunction" => list::CLAUSE_CONJUNCTION,
        "asked_opener" => list::ASKED_OPENER,
        "statement_relative_verb" => list::STATEMENT_RELATIVE_VERB,
        "fronted_subordinator" => list::FRONTED_SUBORDINATOR,
        "clause_subordinator" => list::CLAUSE_SUBORDINATOR,
        "subordinate_after_comma" => list::SUBORDINATE_AFTER_COMMA,
        "writer_comment_opener" => list::WRITER_COMMENT_OPENER,
        "non_participle_ing" => list::NON_PARTICIPLE_ING,
        "passive_preposition" => list::PASSIVE_PREPOSITION,
        "sentence_conjunction" => list::SENTENCE_CONJUNCTION,
        "addressee_pronoun" => list::ADDRESSEE_PRONOUN,
        "told_clause_subject" => list::TOLD_CLAUSE_SUBJECT,
        "subject_pronoun" => list::SUBJECT_PRONOUN,
        "connective" => list::CONNECTIVE,
        "poll" => list::POLL,
        "poll_modifier" => list::POLL_MODIFIER,
        "progressive_be" => list::PROGRESSIVE_BE,
        "participle_opener" => list::PARTICIPLE_OPENER,
        "far_adjunct_opener" => list::FAR_ADJUNCT_OPENER,
        "fronted_preposition" => list::FRONTED_PREPOSITION,
        "conditional_subject" => list::CONDITIONAL_SUBJECT,
        "intent_noun" => list::INTENT_NOUN,
        "verbish_auxiliary" => list::VERBISH_AUXILIARY,
        "coordinator" => list::COORDINATOR,
        "name_verb_form" => list::NAME_VERB_FORM,
        "relative_pronoun" => list::RELATIVE_PRONOUN,
        "headline_verb" => list::HEADLINE_VERB,
        "group_quantifier" => list::GROUP_QUANTIFIER,
        "time_opener" => list::TIME_OPENER,
        "poll_head" => list::POLL_HEAD,
        "subject_conjunction" => list::SUBJECT_CONJUNCTION,
        "relative_antecedent" => list::RELATIVE_ANTECEDENT,
        "as_clause_opener" => list::AS_CLAUSE_OPENER,
        "after_intent_noun" => list::AFTER_INTENT_NOUN,
        "before_intent_noun" => list::BEFORE_INTENT_NOUN,
        "before_verb_reading" => list::BEFORE_VERB_READING,
        "coordinated_adverb" => list::COORDINATED_ADVERB,
        "verb_particle" => list::VERB_PARTICLE,
        "attribution_conjunction" => list::ATTRIBUTION_CONJUNCTION,
        "relative_word" => list::RELATIVE_WORD,
        "object_relative" => list::OBJECT_RELATIVE,
        "expectation" => list::EXPECTATION,
        "count_head" => list::COUNT_HEAD,
        "as_what_how" => list::AS_WHAT_HOW,
        "view_verb" => list::VIEW_VERB,
        "noun_before_cue" => list::NOUN_BEFORE_CUE,
        "noun_head_word" => list::NOUN_HEAD_WORD,
        "chain_link" => list::CHAIN_LINK,
        "title_before_quote" => list::TITLE_BEFORE_QUOTE,
        "coordinating" => list::COORDINATING,
        "number" => list::NUMBER,
        "person_pronoun" => list::PERSON_PRONOUN,
        "plural_pronoun" => list::PLURAL_PRONOUN,
        "relative_who" => list::RELATIVE_WHO,
        "relative_after_comma" => list::RELATIVE_AFTER_COMMA,
        "verb_coordinator" => list::VERB_COORDINATOR,
        "phrase_coordinator" => list::PHRASE_COORDINATOR,
        "answer_word" => list::ANSWER_WORD,
        "conditional_opener" => list::CONDITIONAL_OPENER,
        "definite_article" => list::DEFINITE_ARTICLE,
        "example_opener" => list::EXAMPLE_OPENER,
        "description_link" => list::DESCRIPTION_LINK,
        "noun_complement" => list::NOUN_COMPLEMENT,
        "put_verb" => list::PUT_VERB,
        "as_opener" => list::AS_OPENER,
        "asked_form" => list::ASKED_FORM,
        "asked_when" => list::ASKED_WHEN,
        "asked_if" => list::ASKED_IF,
        "count_link" => list::COUNT_LINK,
        "unclaused_pronoun" => list::UNCLAUSED_PRONOUN,
        "warn_verb" => list::WARN_VERB,
        "addressee_time_word" => list::ADDRESSEE_TIME_WORD,
        "statement_source_preposition" => list::STATEMENT_SOURCE_PREPOSITION,
        "possessive_clitic" => list::POSSESSIVE_CLITIC,
        "subjunctive" => list::SUBJUNCTIVE,
        "source_postposition" => list::SOURCE_POSTPOSITION,
        "inverted_only" => list::INVERTED_ONLY,
        "parenthetical_opener" => list::PARENTHETICAL_OPENER,
        "speech_noun" => list::SPEECH_NOUN,
        "object_article" => list::OBJECT_ARTICLE,
        "addressee" => list::ADDRESSEE,
        "possessive_homograph" => list::POSSESSIVE_HOMOGRAPH,
        "split_cue" => list::SPLIT_CUE,
        "separable_verb" => list::SEPARABLE_VERB,
        "source_preposition" => list::SOURCE_PREPOSITION,
        "main_auxiliary" => list::MAIN_AUXILIARY,
        _ => 0,
    }
}

static EMPTY: std::sync::LazyLock<Lexicon> = std::sync::LazyLock::new(Lexicon::default);

/// Whether [`char::to_lowercase`] maps `c` to itself alone (punctuation, digits,
/// lowercase letters).
fn lowercases_to_itself(c: char) -> bool {
    let mut lower = c.to_lowercase();
    lower.next() == Some(c) && lower.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_list_named_in_the_data_files_is_known() {
        for QuoteLanguage { code, data, .. } in LANGUAGES {
            for (cls, _) in class_lines(data) {
                if let Some(name) = cls.strip_prefix("list ") {
                    assert_ne!(list_bit(name.trim()), 0, "{code}.txt: unknown list {name}");
                }
            }
        }
    }

    /// The rule the data files were read with before [`class_lines`]: everything from
    /// the first `#` is a comment, the rest trimmed and split at its first `:`.
    fn class_lines_stripping_inline_comments(src: &str) -> Vec<(&str, Vec<&str>)> {
        src.lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter_map(|l| l.split_once(':'))
            .map(|(cls, words)| (cls.trim(), words.split_whitespace().collect()))
            .collect()
    }

    /// Source phrases are shared by every language: none may start with a word common
    /// in another (`a detta di` made the English `a` a phrase opener).
    #[test]
    fn no_source_phrase_starts_with_a_common_english_word() {
        let lex = Lexicons::load();
        let en = lex.get(Some("en"));
        // (`in the words of` is an English phrase of its own)
        for w in ["a", "the", "to", "on", "of", "by", "with", "and"] {
            assert_eq!(en.classes(w) & class::PHRASE, 0, "{w}");
        }
        assert_ne!(en.classes("according") & class::PHRASE, 0);
        assert_ne!(lex.get(Some("ru")).classes("по") & class::PHRASE, 0);
    }

    #[test]
    fn an_entry_with_endings_stands_for_each_form() {
        assert_eq!(forms("said"), ["said"]);
        assert_eq!(forms("сказал{,а,и}"), ["сказал", "сказала", "сказали"]);
        assert_eq!(forms("afirm{ó,aron}"), ["afirmó", "afirmaron"]);
        assert_eq!(forms("odd{"), ["odd{"]);
        let lex = Lexicons::load();
        let ru = lex.get(Some("ru"));
        assert_ne!(ru.classes("сказала") & class::SPEECH, 0);
        assert_ne!(ru.classes("заявили") & class::SPEECH, 0);
    }

    #[test]
    fn every_data_file_parses_as_with_inline_comments_stripped() {
        let files = LANGUAGES.iter().map(|l| l.data).chain([PHRASES]);
        for src in files.chain([include_str!("data/marks.txt")]) {
            let got: Vec<(&str, Vec<&str>)> =
                class_lines(src).map(|(c, w)| (c, w.collect())).collect();
            assert_eq!(got, class_lines_stripping_inline_comments(src));
            assert!(!got.is_empty());
        }
    }

    #[test]
    fn three_letter_codes_map_as_before_and_others_fall_to_english() {
        let lex = Lexicons::load();
        let en: *const Lexicon = lex.get(Some("en"));
        for (code3, code) in [
            ("fra", "fr"),
            ("deu", "de"),
            ("spa", "es"),
            ("por", "pt"),
            ("rus", "ru"),
            ("ces", "cs"),
        ] {
            assert!(
                std::ptr::eq(lex.get(Some(code3)), lex.get(Some(code))),
                "{code3}"
            );
            assert!(!std::ptr::eq(lex.get(Some(code)), en), "{code}");
        }
        for other in ["eng", "pl", "xx", ""] {
            assert!(std::ptr::eq(lex.get(Some(other)), en), "{other}");
        }
        assert!(std::ptr::eq(lex.get(None), en));
    }

    #[test]
    fn speaker_pronouns_are_those_of_every_language() {
        let lex = Lexicons::load();
        let person = [
            "he", "she", "il", "elle", "er", "sie", "él", "ella", "i", "je", "ich", "yo", "ele",
            "ela", "он", "она", "on", "ona",
        ];
        let plural = [
            "they", "it", "ils", "elles", "es", "ellos", "ellas", "eles", "они", "oni",
        ];
        for w in person {
            assert!(lex.in_any_list(w, list::PERSON_PRONOUN), "{w}");
            assert!(!lex.in_any_list(w, list::PLURAL_PRONOUN), "{w}");
        }
        for w in plural {
            assert!(lex.in_any_list(w, list::PLURAL_PRONOUN), "{w}");
        }
        for w in ["He", "we", "nous", "him", "Он"] {
            assert!(
                !lex.in_any_list(w, list::PERSON_PRONOUN | list::PLURAL_PRONOUN),
                "{w}"
            );
        }
    }

    #[test]
    fn number_words_are_one_list() {
        let lex = Lexicons::load();
        let en = lex.get(Some("en"));
        for w in ["two", "seven", "ten"] {
            assert!(en.in_list(w, list::NUMBER), "{w}");
            assert!(
                !en.in_list(w, list::NOUN_MODIFIER | list::COUNT_WORD),
                "{w}"
            );
        }
        assert!(!en.in_list("one", list::NUMBER) && en.in_list("one", list::COUNT_WORD));
        assert!(lex.get(Some("de")).in_list("seven", list::NUMBER));
    }

    #[test]
    fn dialogue_dashes_and_that_words_come_from_the_language_table() {
        let lex = Lexicons::load();
        let dashes: Vec<bool> = ["en", "fr", "de", "es", "it", "pt", "ru", "cs", "fra", "spa"]
            .into_iter()
            .map(|c| lex.get(Some(c)).dialogue_dash)
            .collect();
        assert_eq!(
            dashes,
            [false, true, false, true, true, true, true, false, true, true]
        );
        let pro_drop: Vec<bool> = ["en", "fr", "de", "es", "pt", "ru", "cs"]
            .into_iter()
            .map(|c| lex.get(Some(c)).pro_drop)
            .collect();
        assert_eq!(pro_drop, [false, false, false, true, true, true, true]);
        assert!(!lex.get(Some("en")).reported && lex.get(Some("ru")).reported);
        for code in ["en", "fr", "de", "es", "ru", "cs"] {
            for w in ["that", "que", "dass", "daß", "qu'", "qu’", "что", "že"] {
                assert_ne!(
                    lex.get(Some(code)).classes(w) & class::THAT,
                    0,
                    "{code} {w}"
                );
            }
        }
    }

    #[test]
    fn the_marks_table_is_the_shared_one() {
        let lex = Lexicons::load();
        assert_eq!(lex.marks.len(), crate::text::quote_pairs().len());
        assert_eq!(lex.marks[&'«'], crate::text::quote_pairs()[&'«']);
    }

    #[test]
    fn word_lists_match_as_written_and_other_languages_take_the_english_ones() {
        let lex = Lexicons::load();
        let (en, fr) = (lex.get(Some("en")), lex.get(Some("fr")));
        assert!(en.in_list("would", list::AUXILIARY));
        assert!(!en.in_list("Would", list::AUXILIARY));
        assert!(!en.in_list("would", list::ASIDE));
        assert!(fr.in_list("however", list::ASIDE));
        assert!(!fr.in_list("However", list::ASIDE));
        assert_eq!(en.lists_of("Would").0 & list::AUXILIARY, 0);
        assert_ne!(en.lists_of("Would").1 & list::AUXILIARY, 0);
        assert_ne!(en.lists_of("would").0 & list::AUXILIARY, 0);
        assert_eq!(en.lists_of("unquestionably"), (0, 0));
        // the one-lookup path agrees with the plain one
        let mut buf = String::new();
        for w in [
            "would", "Would", "And", "and", "Says", "’s", "Über", "ÉTAT", "however",
        ] {
            let (classes, written, lowered) = en.lookup_any(w, &mut buf);
            assert_eq!(classes, en.classes_any(w, &mut buf), "{w}");
            assert_eq!((written, lowered), en.lists_of(w), "{w}");
        }
    }

    /// The lists that replaced the rules' inline word matches hold exactly those words,
    /// as written (`Who` is not `who`), in every language (which take the English ones).
    #[test]
    fn lists_hold_the_words_the_rules_matched_inline() {
        let lex = Lexicons::load();
        let lists: &[(u128, &[&str])] = &[
            (list::RELATIVE_WHO, &["who", "whose"]),
            (list::RELATIVE_AFTER_COMMA, &["which", "who"]),
            (list::VERB_COORDINATOR, &["and", "but"]),
            (list::PHRASE_COORDINATOR, &["and", "or"]),
            (list::ANSWER_WORD, &["no", "yes"]),
            (list::CONDITIONAL_OPENER, &["if", "unless"]),
            (list::EXAMPLE_OPENER, &["including", "like"]),
            (list::DESCRIPTION_LINK, &["of", "the"]),
            (list::NOUN_COMPLEMENT, &["against", "on"]),
            (list::PUT_VERB, &["put", "puts"]),
            (list::AS_OPENER, &["As", "as"]),
            (list::ASKED_FORM, &["Asked", "asked"]),
            (list::ASKED_WHEN, &["When", "when"]),
            (list::ASKED_IF, &["If", "if"]),
            (list::COUNT_LINK, &["all", "in"]),
            (list::UNCLAUSED_PRONOUN, &["it", "you"]),
            (list::WARN_VERB, &["warned", "warns"]),
            (list::ADDRESSEE_TIME_WORD, &["last", "on"]),
            (list::STATEMENT_SOURCE_PREPOSITION, &["by", "of"]),
            (list::POSSESSIVE_CLITIC, &["'s", "’s"]),
        ];
        for &(bit, words) in lists {
            for code in ["en", "fr", "de", "es"] {
                let l = lex.get(Some(code));
                let mut held: Vec<&str> = (l.lists.iter())
                    .filter(|&(_, &b)| b & bit != 0)
                    .map(|(w, _)| w.as_str())
                    .collect();
                held.sort_unstable();
                assert_eq!(held, words, "{code}");
            }
        }
        // the definite articles: English's list, and each other language's own
        let held = |code: &str| -> Vec<String> {
            let mut v: Vec<String> = (lex.get(Some(code)).lists.iter())
                .filter(|&(_, &b)| b & list::DEFINITE_ARTICLE != 0)
                .map(|(w, _)| w.clone())
                .collect();
            v.sort_unstable();
            v
        };
        assert_eq!(held("en"), ["der", "die", "el", "la", "le", "the"]);
        assert_eq!(held("de"), ["das", "dem", "den", "der", "des", "die"]);
        assert_eq!(held("fr"), ["l'", "la", "le", "les", "l’"]);
    }
}
