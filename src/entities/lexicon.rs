//! Word lists the entity stage consults (`data/lexicon/`, see its README for sources and
//! licences): as tagger features (is this word a first name, part of a place or an
//! organisation name, a title?) and as type refiners (GPE or LOC, which country a
//! demonym names, the canonical form of an alias). They are general knowledge, never an
//! answer key: the tagger decides what is a name.
//!
//! Entries are tokenized with the pipeline's own tokenizer and looked up by a hash of
//! their lower-cased tokens, so "Gulf of Aden", "al-Assad" or "U.S." match exactly the
//! tokens a document has; a document is scanned once ([`Lexicon::annotate`]).

use std::sync::OnceLock;

use super::features::FnvMap;
use crate::text::{tokenize, Document, TokenKind};

/// Lexicon membership bits of one token (see [`bit`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LexFlags(pub u32);

/// Bit numbers of [`LexFlags`].
pub mod bit {
    /// A first name.
    pub const FIRST_NAME: usize = 0;
    /// Part of a place name (any kind).
    pub const PLACE: usize = 1;
    /// Part of a country, state, province or city name.
    pub const GPE: usize = 2;
    /// Part of a region, sea, river or mountain name.
    pub const LOC: usize = 3;
    /// Part of a demonym ("French", "Middle Eastern").
    pub const DEMONYM: usize = 4;
    /// Part of a religious, political or ethnic group word ("Sunni", "Republicans").
    pub const NORP: usize = 5;
    /// Part of a listed organisation name.
    pub const ORG: usize = 6;
    /// A word that ends organisation names ("Inc.", "Ministry").
    pub const ORG_SUFFIX: usize = 7;
    /// Part of a title or honorific ("Secretary of State", "Mr.").
    pub const TITLE: usize = 8;
    /// A surname particle ("de", "bin", "van").
    pub const PARTICLE: usize = 9;
    /// A person suffix ("Jr.", "III").
    pub const PERSON_SUFFIX: usize = 10;
    /// The matched entry is also an everyday word ("Chad", "Nice", "Mark").
    pub const COMMON: usize = 11;
    /// A month name.
    pub const MONTH: usize = 12;
    /// A weekday name.
    pub const WEEKDAY: usize = 13;
    /// A reporting verb ("said").
    pub const CUE: usize = 14;
    /// A number word.
    pub const NUMBER: usize = 15;
    /// A word that starts organisation names ("National", "Royal").
    pub const ORG_HEAD: usize = 16;
    /// Part of a country name.
    pub const COUNTRY: usize = 17;
    /// Part of a city name.
    pub const CITY: usize = 18;
    /// A first name common in many places.
    pub const FIRST_NAME_STRONG: usize = 19;
    /// Continues a place name begun on the previous token.
    pub const PLACE_CONT: usize = 20;
    /// Continues an organisation name begun on the previous token.
    pub const ORG_CONT: usize = 21;
    /// Continues a title begun on the previous token.
    pub const TITLE_CONT: usize = 22;
    /// Continues a demonym or group word begun on the previous token.
    pub const NORP_CONT: usize = 23;
    /// A common surname (US Census list).
    pub const SURNAME: usize = 24;
    /// A capitalised word that no name list has (no first name, surname, place,
    /// organisation, demonym, group word or title): an unseen name is more often an
    /// organisation or a small place than a person with a listed name.
    pub const UNLISTED: usize = 25;
    /// Number of bits in use.
    pub const COUNT: usize = 26;
}

impl LexFlags {
    /// Is bit `b` set?
    #[inline]
    pub fn has(self, b: usize) -> bool {
        self.0 >> b & 1 == 1
    }

    /// Sets bit `b`.
    #[inline]
    pub fn set(&mut self, b: usize) {
        self.0 |= 1 << b;
    }
}

/// Kind of a place, for the GPE / LOC split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    /// Country, state, province, city.
    Gpe,
    /// Region, continent, sea, river, mountain.
    Loc,
}

/// What the lexicons say about one (possibly multi-token) entry.
#[derive(Debug, Clone, Copy, Default)]
pub struct Entry {
    /// Membership bits the entry gives each of its tokens.
    pub flags: LexFlags,
    /// GPE or LOC, for place names.
    pub place: Option<PlaceKind>,
    /// Index into [`Lexicon::string`] of the canonical place or organisation name.
    pub canonical: Option<u32>,
    /// Index into [`Lexicon::string`] of the place a demonym relates to.
    pub demonym_of: Option<u32>,
    /// Index into [`Lexicon::string`] of an organisation's acronym.
    pub acronym: Option<u32>,
    /// The sex a given name (nearly) always has: pronoun resolution keeps "he" off
    /// a Jacqueline.
    pub gender: Option<Gender>,
}

/// The sex of a given name, when the name says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// Men's name ("John").
    Male,
    /// Women's name ("Maria").
    Female,
}

/// The lexicons, indexed by a hash of their lower-cased tokens.
#[derive(Debug, Default)]
pub struct Lexicon {
    entries: FnvMap<u64, Entry>,
    /// Longest entry (in tokens) starting with each first-token hash.
    longest: FnvMap<u64, u8>,
    /// Borrowed from the embedded lists: no allocation per string.
    strings: Vec<&'static str>,
    string_ids: FnvMap<&'static str, u32>,
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
];
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const CUES: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "announced",
    "explained",
    "noted",
    "according",
    "warned",
    "claimed",
    "argued",
    "insisted",
    "asked",
    "urged",
];
const NUMBERS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "thousand",
    "million",
    "billion",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
];

const PLACES: &str = include_str!("../../data/lexicon/places.tsv");
const DEMONYMS: &str = include_str!("../../data/lexicon/demonyms.tsv");
const NORP: &str = include_str!("../../data/lexicon/norp.tsv");
const ORGANIZATIONS: &str = include_str!("../../data/lexicon/organizations.tsv");
const ORG_SUFFIXES: &str = include_str!("../../data/lexicon/org_suffixes.txt");
const TITLES: &str = include_str!("../../data/lexicon/titles.tsv");
const FIRST_NAMES: &str = include_str!("../../data/lexicon/first_names.tsv");
const SURNAMES: &str = include_str!("../../data/lexicon/surnames.tsv");
const PARTICLES: &str = include_str!("../../data/lexicon/surname_particles.txt");
const PERSON_SUFFIXES: &str = include_str!("../../data/lexicon/person_suffixes.txt");

/// Data lines of a list: comments and blank lines skipped, split on tabs.
fn rows(text: &str) -> impl Iterator<Item = Row<'_>> {
    // one pass over the bytes (tabs and newlines are ASCII, so every cut is a char boundary)
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || loop {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        let mut r = Row([""; 6], 0);
        let mut field = pos;
        while pos < bytes.len() && bytes[pos] != b'\n' {
            if bytes[pos] == b'\t' && r.1 < 5 {
                r.0[r.1] = text.get(field..pos).unwrap_or("");
                r.1 += 1;
                field = pos + 1;
            }
            pos += 1;
        }
        let end = if pos > start && bytes[pos - 1] == b'\r' {
            pos - 1
        } else {
            pos
        };
        r.0[r.1] = text.get(field..end.max(field)).unwrap_or("");
        r.1 += 1;
        pos += 1;
        let line = text.get(start..end).unwrap_or("");
        if !line.starts_with('#') && !line.trim().is_empty() {
            return Some(r);
        }
    })
}

/// The tab-separated fields of a list line (at most six), without allocating.
struct Row<'a>([&'a str; 6], usize);

impl<'a> std::ops::Deref for Row<'a> {
    type Target = [&'a str];

    fn deref(&self) -> &[&'a str] {
        &self.0[..self.1]
    }
}

/// Lower-cases like [`Document::lower`].
fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.chars().flat_map(char::to_lowercase).collect()
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// Extends a phrase hash by one lower-cased token.
#[inline]
fn extend(mut h: u64, token: &str) -> u64 {
    for &b in token.as_bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^= 0x1f;
    h.wrapping_mul(0x0000_0100_0000_01b3)
}

/// For a phrase of ASCII letters in words split by single spaces (no space at either
/// end): its [`phrase_hash`] once lower-cased, the hash of its first word and its number
/// of words; `None` for any other phrase (which needs the tokenizer).
///
/// Never inlined, like [`Lexicon::add`]: called once per entry, it soon runs as the
/// browser's optimised code, where the same loop inlined into the one call that builds
/// the lexicon would run in its baseline compiler throughout.
#[inline(never)]
fn simple_phrase_hash(name: &str) -> Option<(u64, u64, usize)> {
    let mut h = FNV_OFFSET;
    let mut first = FNV_OFFSET;
    let mut count = 0usize;
    // the previous byte was a space (or the phrase starts): a space now is not simple
    let mut after_space = true;
    for &b in name.as_bytes() {
        if b == b' ' {
            if after_space {
                return None;
            }
            h ^= 0x1f;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
            if count == 0 {
                first = h;
            }
            count += 1;
            after_space = true;
        } else if b.is_ascii_alphabetic() {
            h ^= b.to_ascii_lowercase() as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
            after_space = false;
        } else {
            return None;
        }
    }
    if after_space && !name.is_empty() {
        return None;
    }
    h ^= 0x1f;
    h = h.wrapping_mul(0x0000_0100_0000_01b3);
    if count == 0 {
        first = h;
    }
    Some((h, first, count + 1))
}

/// Hash of a phrase given as lower-cased tokens.
pub fn phrase_hash<'a>(tokens: impl IntoIterator<Item = &'a str>) -> u64 {
    tokens.into_iter().fold(FNV_OFFSET, extend)
}

impl Lexicon {
    /// An empty lexicon (every flag unset).
    pub fn empty() -> Self {
        Lexicon::default()
    }

    /// The lexicons of `data/lexicon/`, embedded in the binary and decoded once.
    pub fn embedded() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::built_in)
    }

    fn built_in() -> Lexicon {
        // sized for the lists (about 33,000 entries): growing the tables rehashes them
        let mut lex = Lexicon {
            entries: FnvMap::with_capacity_and_hasher(34_000, Default::default()),
            longest: FnvMap::with_capacity_and_hasher(34_000, Default::default()),
            strings: Vec::with_capacity(1 << 12),
            string_ids: FnvMap::with_capacity_and_hasher(1 << 12, Default::default()),
        };
        for (list, b) in [
            (MONTHS, bit::MONTH),
            (WEEKDAYS, bit::WEEKDAY),
            (CUES, bit::CUE),
            (NUMBERS, bit::NUMBER),
        ] {
            for w in list {
                lex.add(w, |e| e.flags.set(b));
            }
        }
        for r in rows(PLACES) {
            let [name, ty, kind, common, ..] = r[..] else {
                continue;
            };
            let canonical = r.get(5).filter(|c| !c.is_empty()).map(|c| lex.intern(c));
            let place = if ty == "LOC" {
                PlaceKind::Loc
            } else {
                PlaceKind::Gpe
            };
            lex.add(name, |e| {
                e.flags.set(bit::PLACE);
                e.flags.set(if place == PlaceKind::Loc {
                    bit::LOC
                } else {
                    bit::GPE
                });
                match kind {
                    "country" | "territory" => e.flags.set(bit::COUNTRY),
                    "city" | "capital" => e.flags.set(bit::CITY),
                    _ => {}
                }
                if common == "1" {
                    e.flags.set(bit::COMMON);
                }
                e.place = Some(place);
                e.canonical = canonical;
            });
        }
        for r in rows(DEMONYMS) {
            let [name, place, ..] = r[..] else { continue };
            let target = lex.intern(place);
            lex.add(name, |e| {
                e.flags.set(bit::DEMONYM);
                e.demonym_of = Some(target);
            });
        }
        for r in rows(NORP) {
            if let Some(name) = r.first() {
                lex.add(name, |e| e.flags.set(bit::NORP));
            }
        }
        for r in rows(ORGANIZATIONS) {
            let [name, acronym, _kind, canonical, common, ..] = r[..] else {
                continue;
            };
            let canonical = (!canonical.is_empty()).then(|| lex.intern(canonical));
            let acronym = (!acronym.is_empty()).then(|| lex.intern(acronym));
            lex.add(name, |e| {
                e.flags.set(bit::ORG);
                if common == "1" {
                    e.flags.set(bit::COMMON);
                }
                e.canonical = e.canonical.or(canonical);
                e.acronym = e.acronym.or(acronym);
            });
        }
        for r in rows(ORG_SUFFIXES) {
            let [word, position, ..] = r[..] else {
                continue;
            };
            lex.add(word, |e| match position {
                "suffix" => e.flags.set(bit::ORG_SUFFIX),
                "head" => e.flags.set(bit::ORG_HEAD),
                _ => {
                    e.flags.set(bit::ORG_SUFFIX);
                    e.flags.set(bit::ORG_HEAD);
                }
            });
        }
        for r in rows(TITLES) {
            if let Some(name) = r.first() {
                lex.add(name, |e| e.flags.set(bit::TITLE));
            }
        }
        for r in rows(FIRST_NAMES) {
            let [name, weight, common, ..] = r[..] else {
                continue;
            };
            let weight: u32 = weight.parse().unwrap_or(0);
            let gender = match r.get(3).copied() {
                Some("m") => Some(Gender::Male),
                Some("f") => Some(Gender::Female),
                _ => None,
            };
            lex.add(name, |e| {
                e.gender = gender;
                e.flags.set(bit::FIRST_NAME);
                if weight >= 8 {
                    e.flags.set(bit::FIRST_NAME_STRONG);
                }
                if common == "1" {
                    e.flags.set(bit::COMMON);
                }
            });
        }
        for r in rows(SURNAMES) {
            let [name, common, ..] = r[..] else {
                continue;
            };
            lex.add(name, |e| {
                e.flags.set(bit::SURNAME);
                if common == "1" {
                    e.flags.set(bit::COMMON);
                }
            });
        }
        for r in rows(PARTICLES) {
            if let Some(name) = r.first() {
                lex.add(name, |e| e.flags.set(bit::PARTICLE));
            }
        }
        for r in rows(PERSON_SUFFIXES) {
            if let Some(name) = r.first() {
                lex.add(name, |e| e.flags.set(bit::PERSON_SUFFIX));
            }
        }
        lex
    }

    fn intern(&mut self, s: &'static str) -> u32 {
        if let Some(&k) = self.string_ids.get(s) {
            return k;
        }
        let k = self.strings.len() as u32;
        self.strings.push(s);
        self.string_ids.insert(s, k);
        k
    }

    /// The string with index `k` (canonical names, demonym targets, acronyms).
    pub fn string(&self, k: u32) -> &str {
        self.strings.get(k as usize).copied().unwrap_or("")
    }

    /// Adds (or updates) the entry for `name`, tokenized like a document. (Not inlined:
    /// see [`simple_phrase_hash`].)
    #[inline(never)]
    fn add(&mut self, name: &str, update: impl FnOnce(&mut Entry)) {
        // plain ASCII words split on spaces exactly as the tokenizer would split them,
        // hashed as they are lower-cased without allocating the tokens (most entries). One
        // pass over the bytes: the page runs this once per entry in the browser's baseline
        // compiler, where each extra scan (`contains`, `split`) costs as much as the hash.
        let simple = simple_phrase_hash(name);
        let (h, first, count) = if let Some(simple) = simple {
            simple
        } else {
            let tokens: Vec<String> = tokenize(name).iter().map(|t| lower(t.text(name))).collect();
            let Some(first) = tokens.first() else {
                return;
            };
            (
                phrase_hash(tokens.iter().map(String::as_str)),
                phrase_hash([first.as_str()]),
                tokens.len(),
            )
        };
        if count == 0 || count > 12 {
            return;
        }
        update(self.entries.entry(h).or_default());
        let longest = self.longest.entry(first).or_default();
        *longest = (*longest).max(count as u8);
    }

    /// The entry for a phrase given as lower-cased tokens.
    pub fn lookup<'a>(&self, tokens: impl IntoIterator<Item = &'a str>) -> Option<&Entry> {
        self.entries.get(&phrase_hash(tokens))
    }

    /// The entry for tokens `range` of a document.
    pub fn lookup_tokens(&self, doc: &Document, range: std::ops::Range<usize>) -> Option<&Entry> {
        self.lookup(range.map(|k| doc.lower(k)))
    }

    /// Membership flags of a single lower-cased word.
    pub fn flags(&self, lower: &str) -> LexFlags {
        self.lookup([lower]).map(|e| e.flags).unwrap_or_default()
    }

    /// The sex a given name (lower-cased) says, if the name is listed and says one.
    pub fn name_gender(&self, lower: &str) -> Option<Gender> {
        self.lookup([lower]).and_then(|e| e.gender)
    }

    /// GPE or LOC for a listed place name.
    pub fn place_kind(&self, name: &str) -> Option<PlaceKind> {
        let tokens: Vec<String> = tokenize(name).iter().map(|t| lower(t.text(name))).collect();
        self.lookup(tokens.iter().map(String::as_str))
            .and_then(|e| e.place)
    }

    /// The place a demonym or nationality word names ("French" → "France").
    pub fn demonym_place(&self, word: &str) -> Option<&str> {
        self.lookup([lower(word).as_str()])
            .and_then(|e| e.demonym_of)
            .map(|k| self.string(k))
    }

    /// Membership flags of every token of a document: each listed phrase found in the
    /// text marks all its tokens (phrases of different lists may overlap), and tokens
    /// after a phrase's first carry its class's continuation bit.
    pub fn annotate(&self, doc: &Document) -> Vec<LexFlags> {
        self.annotate_from(doc, |i| self.phrase_start(doc.lower(i)))
    }

    /// What [`Self::annotate`] needs of a word (lower-cased) that may open listed
    /// phrases: its hash as a phrase's first word, the most words a phrase it opens has,
    /// and the flags of the word alone if it is listed; `None` when it opens no phrase.
    /// The same for every occurrence of the word, so a caller that knows a document's
    /// distinct words looks each up once ([`Self::annotate_words`]).
    pub fn phrase_start(&self, lower: &str) -> Option<PhraseStart> {
        let first = extend(FNV_OFFSET, lower);
        let &longest = self.longest.get(&first)?;
        Some(PhraseStart {
            hash: first,
            longest,
            alone: self.entries.get(&first).map(|e| e.flags),
        })
    }

    /// [`Self::annotate`] with each token's [`PhraseStart`] found by its distinct word:
    /// token `i` is word `word_of[i]`, whose start is `starts[word_of[i]]` (from
    /// [`Self::phrase_start`] of its lower-cased text).
    pub fn annotate_words(
        &self,
        doc: &Document,
        word_of: &[u32],
        starts: &[Option<PhraseStart>],
    ) -> Vec<LexFlags> {
        self.annotate_from(doc, |i| {
            word_of
                .get(i)
                .and_then(|&w| starts.get(w as usize))
                .copied()
                .flatten()
        })
    }

    fn annotate_from(
        &self,
        doc: &Document,
        start_of: impl Fn(usize) -> Option<PhraseStart>,
    ) -> Vec<LexFlags> {
        let n = doc.tokens.len();
        let mut out = vec![LexFlags::default(); n];
        if self.entries.is_empty() {
            return out;
        }
        for i in 0..n {
            if !matches!(doc.tokens[i].kind, TokenKind::Word | TokenKind::Number) {
                continue;
            }
            let Some(start) = start_of(i) else {
                continue;
            };
            let sentence = doc.token_sentence[i];
            let mut h = start.hash;
            let mut j = i + 1;
            loop {
                // (the word alone was looked up with its start)
                let flags = if j == i + 1 {
                    start.alone
                } else {
                    self.entries.get(&h).map(|e| e.flags)
                };
                if let Some(f) = flags {
                    for (k, slot) in out[i..j].iter_mut().enumerate() {
                        slot.0 |= f.0;
                        if k > 0 {
                            for (class, cont) in [
                                (bit::PLACE, bit::PLACE_CONT),
                                (bit::ORG, bit::ORG_CONT),
                                (bit::TITLE, bit::TITLE_CONT),
                                (bit::DEMONYM, bit::NORP_CONT),
                                (bit::NORP, bit::NORP_CONT),
                            ] {
                                if f.has(class) {
                                    slot.set(cont);
                                }
                            }
                        }
                    }
                }
                if j - i >= start.longest as usize || j >= n || doc.token_sentence[j] != sentence {
                    break;
                }
                h = extend(h, doc.lower(j));
                j += 1;
            }
        }
        let names = [
            bit::FIRST_NAME,
            bit::SURNAME,
            bit::PLACE,
            bit::ORG,
            bit::DEMONYM,
            bit::NORP,
            bit::TITLE,
        ]
        .iter()
        .fold(0u32, |m, &b| m | 1 << b);
        for (i, slot) in out.iter_mut().enumerate() {
            if slot.0 & names == 0
                && doc.tokens[i].kind == TokenKind::Word
                && doc.token_text(i).starts_with(char::is_uppercase)
            {
                slot.set(bit::UNLISTED);
            }
        }
        out
    }
}

/// A word that opens listed phrases (see [`Lexicon::phrase_start`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseStart {
    /// Its hash as the first word of a phrase.
    hash: u64,
    /// The most words of a phrase it opens.
    longest: u8,
    /// Its flags alone, if it is listed.
    alone: Option<LexFlags>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lists_load() {
        let lex = Lexicon::embedded();
        assert!(lex.flags("secretary").has(bit::TITLE));
        assert!(lex.flags("friday").has(bit::WEEKDAY));
        assert!(lex.flags("france").has(bit::COUNTRY));
        assert!(lex.flags("john").has(bit::FIRST_NAME));
        assert!(!lex.flags("okoro").has(bit::TITLE));
        assert_eq!(lex.place_kind("Gulf of Aden"), Some(PlaceKind::Loc));
        assert_eq!(lex.place_kind("Tehran"), Some(PlaceKind::Gpe));
        assert_eq!(lex.place_kind("U.S."), Some(PlaceKind::Gpe));
        assert_eq!(lex.demonym_place("French"), Some("France"));
    }

    #[test]
    fn list_lines_split_on_tabs() {
        let text = "# comment\nA\tb\tc\r\n\nlast\n";
        let r: Vec<Vec<&str>> = rows(text).map(|r| r.to_vec()).collect();
        assert_eq!(r, vec![vec!["A", "b", "c"], vec!["last"]]);
    }

    #[test]
    fn fast_path_matches_the_tokenizer() {
        for name in [
            "New York",
            "Gulf of Aden",
            "Okoro",
            "United Nations Security Council",
        ] {
            let fast: Vec<String> = name.split(' ').map(|w| w.to_ascii_lowercase()).collect();
            let slow: Vec<String> = tokenize(name).iter().map(|t| lower(t.text(name))).collect();
            assert_eq!(fast, slow);
            let hashed = simple_phrase_hash(name).map(|(h, _, n)| (h, n));
            assert_eq!(
                hashed,
                Some((phrase_hash(slow.iter().map(String::as_str)), slow.len()))
            );
        }
    }

    /// The flags of the first token whose text is `w`.
    fn flags_of(doc: &Document, f: &[LexFlags], w: &str) -> LexFlags {
        let k = (0..doc.tokens.len())
            .find(|&k| doc.token_text(k) == w)
            .expect("word in text");
        f[k]
    }

    #[test]
    fn phrases_mark_their_tokens() {
        let lex = Lexicon::embedded();
        let doc = Document::new("Secretary of State Jane Okoro flew over the Gulf of Aden.");
        let f = lex.annotate(&doc);
        let at = |w: &str| flags_of(&doc, &f, w);
        assert!(at("Secretary").has(bit::TITLE));
        assert!(at("State").has(bit::TITLE_CONT));
        assert!(at("Aden").has(bit::PLACE_CONT));
        assert!(at("Aden").has(bit::LOC));
        assert!(at("Jane").has(bit::FIRST_NAME));
    }

    #[test]
    fn surnames_and_unlisted_names() {
        let lex = Lexicon::embedded();
        assert!(lex.flags("johnson").has(bit::SURNAME));
        assert!(lex.flags("young").has(bit::COMMON));
        let doc = Document::new("Jane Johnson of Foxconn met the mayor of Paris.");
        let f = lex.annotate(&doc);
        let at = |w: &str| flags_of(&doc, &f, w);
        assert!(at("Johnson").has(bit::SURNAME));
        assert!(at("Foxconn").has(bit::UNLISTED));
        assert!(!at("Paris").has(bit::UNLISTED));
        assert!(!at("Jane").has(bit::UNLISTED));
        assert!(!at("mayor").has(bit::UNLISTED));
    }

    #[test]
    fn per_word_starts_annotate_the_same() {
        let lex = Lexicon::embedded();
        let doc = Document::new(
            "The Secretary of State flew to New York City and New Delhi; new york, the \
             Gulf of Aden. New York's mayor met Jane in the Gulf of Aden, New",
        );
        let mut texts: Vec<&str> = Vec::new();
        let mut word_of = Vec::new();
        let mut starts = Vec::new();
        for i in 0..doc.tokens.len() {
            let t = doc.token_text(i);
            let w = texts.iter().position(|&x| x == t).unwrap_or_else(|| {
                texts.push(t);
                starts.push(lex.phrase_start(doc.lower(i)));
                texts.len() - 1
            });
            word_of.push(w as u32);
        }
        let whole = lex.annotate(&doc);
        assert_eq!(lex.annotate_words(&doc, &word_of, &starts), whole);
        assert!(whole.iter().any(|f| f.has(bit::PLACE_CONT)));
    }

    /// The old two-pass form of [`simple_phrase_hash`] (check, then split and hash).
    fn simple_reference(name: &str) -> Option<(u64, u64, usize)> {
        let simple = name.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ')
            && !name.contains("  ")
            && !name.starts_with(' ')
            && !name.ends_with(' ');
        if !simple {
            return None;
        }
        let words: Vec<&str> = name.split(' ').collect();
        let first = phrase_hash([words[0].to_ascii_lowercase().as_str()]);
        let lower: Vec<String> = words.iter().map(|w| w.to_ascii_lowercase()).collect();
        Some((
            phrase_hash(lower.iter().map(String::as_str)),
            first,
            words.len(),
        ))
    }

    #[test]
    fn one_pass_phrase_hash_matches_split_and_hash() {
        for name in [
            "",
            " ",
            "a",
            "Paris",
            "Gulf of Aden",
            "New  York",
            " Rome",
            "Rome ",
            "al-Assad",
            "U.S.",
            "São Paulo",
            "A B C D",
            "x  ",
            "  ",
        ] {
            assert_eq!(simple_phrase_hash(name), simple_reference(name), "{name:?}");
        }
    }
}
