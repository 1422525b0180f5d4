//! Word lists the entity stage consults: as tagger features (is this a first name, a
//! place, a title?) and as type refiners (GPE or LOC, which country a demonym names).
//! They are general knowledge, never an answer key: the tagger decides what is a name.

use std::sync::OnceLock;

use super::features::FnvMap;

/// Lexicon membership bits of one token (see [`Lexicon::flags`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LexFlags(pub u16);

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
    /// A demonym ("French").
    pub const DEMONYM: usize = 4;
    /// A religious or political group word ("Sunni", "Republicans").
    pub const NORP: usize = 5;
    /// Part of a known organisation name.
    pub const ORG: usize = 6;
    /// An organisation suffix or head word ("Inc.", "Ministry").
    pub const ORG_SUFFIX: usize = 7;
    /// A title or honorific ("Secretary", "Mr.").
    pub const TITLE: usize = 8;
    /// A surname particle ("de", "bin", "van").
    pub const PARTICLE: usize = 9;
    /// A person suffix ("Jr.", "III").
    pub const PERSON_SUFFIX: usize = 10;
    /// A place name that is also a common word ("Chad", "Nice").
    pub const COMMON: usize = 11;
    /// A month name.
    pub const MONTH: usize = 12;
    /// A weekday name.
    pub const WEEKDAY: usize = 13;
    /// A reporting verb ("said").
    pub const CUE: usize = 14;
    /// A number word.
    pub const NUMBER: usize = 15;
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

/// The lexicons, indexed by lower-cased token.
#[derive(Debug, Default)]
pub struct Lexicon {
    words: FnvMap<String, LexFlags>,
    places: FnvMap<String, PlaceKind>,
    demonyms: FnvMap<String, String>,
}

const TITLES: &[&str] = &[
    "mr.", "mrs.", "ms.", "dr.", "prof.", "sen.", "rep.", "gov.", "gen.", "col.", "lt.", "maj.",
    "capt.", "sgt.", "adm.", "rev.", "president", "secretary", "minister", "senator", "governor",
    "mayor", "judge", "justice", "chancellor", "premier", "king", "queen", "prince", "princess",
    "pope", "ayatollah", "sheikh", "general", "colonel", "captain", "commander", "spokesman",
    "spokeswoman", "chairman", "chairwoman", "ambassador", "envoy", "director", "sir", "lord",
    "lady", "dame", "imam", "rabbi", "bishop", "archbishop", "cardinal", "emir", "sultan",
    "coach", "chief", "deputy", "vice", "prime", "mp", "ceo",
];
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.",
    "sep.", "sept.", "oct.", "nov.", "dec.",
];
const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];
const PARTICLES: &[&str] = &[
    "de", "da", "di", "du", "del", "della", "van", "von", "der", "den", "la", "le", "al", "el",
    "bin", "ibn", "abu", "ben", "dos", "das", "y",
];
const PERSON_SUFFIXES: &[&str] = &["jr.", "sr.", "ii", "iii", "iv", "jr", "sr"];
const ORG_SUFFIXES: &[&str] = &[
    "inc.", "corp.", "co.", "ltd.", "ltd", "llc", "plc", "group", "company", "corporation",
    "ministry", "department", "agency", "committee", "council", "commission", "university",
    "institute", "association", "party", "bank", "army", "forces", "organization",
    "organisation", "union", "federation", "foundation", "authority", "office", "court",
    "police", "front", "movement", "brigade", "brigades", "guard", "club", "network", "news",
    "times", "post", "press", "airlines", "airways", "assembly", "parliament", "senate",
    "congress", "board", "bureau", "service", "services", "society", "league", "school",
    "college", "hospital", "fund", "trust", "alliance", "coalition", "council",
];
const CUES: &[&str] = &[
    "said", "says", "told", "added", "stated", "announced", "explained", "noted", "according",
    "warned", "claimed", "argued", "insisted", "asked", "urged",
];
const NUMBERS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "billion",
    "dozens", "hundreds", "thousands", "millions", "billions",
];

impl Lexicon {
    /// An empty lexicon (every flag unset).
    pub fn empty() -> Self {
        Lexicon::default()
    }

    /// The built-in lexicon, decoded once.
    pub fn embedded() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::built_in)
    }

    fn built_in() -> Lexicon {
        let mut lex = Lexicon::empty();
        for (list, b) in [
            (TITLES, bit::TITLE),
            (MONTHS, bit::MONTH),
            (WEEKDAYS, bit::WEEKDAY),
            (PARTICLES, bit::PARTICLE),
            (PERSON_SUFFIXES, bit::PERSON_SUFFIX),
            (ORG_SUFFIXES, bit::ORG_SUFFIX),
            (CUES, bit::CUE),
            (NUMBERS, bit::NUMBER),
        ] {
            for w in list {
                lex.add_word(w, b);
            }
        }
        lex
    }

    /// Sets bit `b` for the lower-cased word `w`.
    pub fn add_word(&mut self, w: &str, b: usize) {
        self.words.entry(w.to_lowercase()).or_default().set(b);
    }

    /// Membership flags of a lower-cased token.
    #[inline]
    pub fn flags(&self, lower: &str) -> LexFlags {
        if self.words.is_empty() {
            return LexFlags::default();
        }
        self.words.get(lower).copied().unwrap_or_default()
    }

    /// GPE or LOC for a place name (exact, case-insensitive), if listed.
    pub fn place_kind(&self, name: &str) -> Option<PlaceKind> {
        self.places.get(&name.to_lowercase()).copied()
    }

    /// The place a demonym or nationality word names ("French" → "France").
    pub fn demonym_place(&self, word: &str) -> Option<&str> {
        self.demonyms.get(&word.to_lowercase()).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_flags() {
        let lex = Lexicon::embedded();
        assert!(lex.flags("secretary").has(bit::TITLE));
        assert!(lex.flags("friday").has(bit::WEEKDAY));
        assert!(!lex.flags("kerry").has(bit::TITLE));
    }
}
