//! Values by rules over tokens: DATE, TIME, CARDINAL, ORDINAL, PERCENT, MONEY, QUANTITY.
//!
//! No open news corpus annotates all of these, so they are rules, written to the
//! OntoNotes conventions the spec uses: modifiers stay in ("as many as 40", "about $3
//! billion"), relative dates keep their determiner ("the past 48 hours"), durations are
//! dates ("three years") unless they are minutes or seconds.

use std::ops::Range;

use crate::schema::EntityType;
use crate::text::{Document, TokenKind};

/// A value found by the rules: token range and type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueSpan {
    /// Token indices.
    pub tokens: Range<usize>,
    /// DATE, TIME, CARDINAL, ORDINAL, PERCENT, MONEY or QUANTITY.
    pub entity_type: EntityType,
}

const UNITS: &[&str] = &[
    "zero",
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
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
];
const VAGUE: &[&str] = &[
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "scores",
    "tens",
];
const ORDINALS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fifteenth",
    "twentieth",
    "hundredth",
];
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
const DAY_PARTS: &[&str] = &["morning", "afternoon", "evening", "night", "overnight"];
const PERIODS: &[&str] = &[
    "day",
    "days",
    "week",
    "weeks",
    "weekend",
    "weekends",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "quarter",
    "quarters",
    "season",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "hours",
    "hour",
];
const SHORT_PERIODS: &[&str] = &["minute", "minutes", "second", "seconds"];
const RELATIVE: &[&str] = &[
    "this",
    "last",
    "next",
    "past",
    "coming",
    "previous",
    "recent",
    "same",
    "following",
];
const MODIFIERS: &[&[&str]] = &[
    &["as", "many", "as"],
    &["as", "much", "as"],
    &["as", "few", "as"],
    &["more", "than"],
    &["fewer", "than"],
    &["less", "than"],
    &["at", "least"],
    &["at", "most"],
    &["up", "to"],
    &["an", "estimated"],
    &["just", "over"],
    &["just", "under"],
    &["nearly"],
    &["almost"],
    &["about"],
    &["around"],
    &["roughly"],
    &["approximately"],
    &["some"],
    &["over"],
    &["only"],
];
const CURRENCY_SYMBOLS: &[&str] = &["$", "£", "€", "¥", "₹", "us$", "c$", "a$", "hk$"];
const CURRENCY_WORDS: &[&str] = &[
    "dollar",
    "dollars",
    "euro",
    "euros",
    "pound",
    "pounds",
    "sterling",
    "yen",
    "yuan",
    "renminbi",
    "rupee",
    "rupees",
    "franc",
    "francs",
    "peso",
    "pesos",
    "rubles",
    "roubles",
    "ruble",
    "won",
    "lira",
    "riyals",
    "dinars",
    "shillings",
    "naira",
    "rand",
    "cents",
];
const QUANTITY_UNITS: &[&str] = &[
    "mile",
    "miles",
    "km",
    "kilometer",
    "kilometers",
    "kilometre",
    "kilometres",
    "meter",
    "meters",
    "metre",
    "metres",
    "feet",
    "foot",
    "ft",
    "inch",
    "inches",
    "yard",
    "yards",
    "kg",
    "kilogram",
    "kilograms",
    "kilo",
    "kilos",
    "gram",
    "grams",
    "ton",
    "tons",
    "tonne",
    "tonnes",
    "lb",
    "lbs",
    "acre",
    "acres",
    "hectare",
    "hectares",
    "barrel",
    "barrels",
    "gallon",
    "gallons",
    "liter",
    "liters",
    "litre",
    "litres",
    "degree",
    "degrees",
    "mph",
    "cm",
    "mm",
    "megawatts",
    "mw",
    "gigawatts",
    "calories",
    "square",
    "cubic",
];
const TIME_SUFFIXES: &[&str] = &[
    "a.m.", "p.m.", "am", "pm", "gmt", "utc", "est", "edt", "pst", "pdt", "bst", "cet",
];

fn is_in(list: &[&str], word: &str) -> bool {
    // most tokens are not in any list: a cheap first-byte check before comparing
    let Some(&first) = word.as_bytes().first() else {
        return false;
    };
    list.iter().any(|w| w.as_bytes()[0] == first && *w == word)
}

struct Matcher<'d, 'a> {
    doc: &'d Document<'a>,
}

impl<'d, 'a> Matcher<'d, 'a> {
    fn word(&self, i: usize) -> &str {
        self.doc.lower(i)
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.doc.tokens.get(i).map(|t| t.kind)
    }

    fn is_digit_number(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Number)
    }

    /// Does token `i` sit right after token `i-1` with no space?
    fn attached(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| !t.space_before)
    }

    fn same_sentence(&self, a: usize, b: usize) -> bool {
        b < self.doc.tokens.len() && self.doc.token_sentence[a] == self.doc.token_sentence[b]
    }

    /// A number at `i`: digits or number words, with a scale ("2 million", "two dozen",
    /// "twenty-five", "tens of thousands"). Returns its end.
    fn number(&self, i: usize) -> Option<usize> {
        let w = self.word(i);
        let mut j;
        if self.is_digit_number(i) {
            if is_ordinal_digits(w) {
                return None;
            }
            j = i + 1;
        } else if is_in(UNITS, w) {
            j = i + 1;
            // twenty-five
            if self.kind(j) == Some(TokenKind::Hyphen) && is_in(UNITS, self.word(j + 1)) {
                j += 2;
            }
        } else if w == "a"
            && matches!(
                self.word(i + 1),
                "dozen" | "hundred" | "thousand" | "million" | "billion"
            )
        {
            j = i + 2;
        } else if w == "tens" && self.word(i + 1) == "of" && is_in(VAGUE, self.word(i + 2)) {
            return Some(i + 3);
        } else if is_in(VAGUE, w) && w != "tens" {
            return Some(i + 1);
        } else {
            return None;
        }
        // scales: "2 million", "1.13bn", "two hundred thousand"
        loop {
            let scale = self.word(j);
            let spelled = matches!(
                scale,
                "hundred" | "thousand" | "million" | "billion" | "trillion" | "dozen" | "bn" | "mn"
            );
            // single-letter scales only when attached: "$5m", not "5 m"
            let short = matches!(scale, "m" | "k" | "b" | "tn") && self.attached(j);
            if !(spelled || short) {
                break;
            }
            j += 1;
        }
        Some(j)
    }

    /// Longest value starting at `i`.
    fn value_at(&self, i: usize) -> Option<(usize, EntityType)> {
        let w = self.word(i);
        // modifiers ("as many as 40") are attached to what follows
        for m in MODIFIERS {
            if (0..m.len()).all(|k| self.word(i + k) == m[k]) && self.same_sentence(i, i + m.len())
            {
                if let Some((end, t)) = self.bare_value(i + m.len()) {
                    if matches!(
                        t,
                        EntityType::CARDINAL
                            | EntityType::MONEY
                            | EntityType::PERCENT
                            | EntityType::QUANTITY
                    ) && !(m.len() == 1
                        && matches!(m[0], "some" | "over" | "only")
                        && t != EntityType::CARDINAL
                        && t != EntityType::MONEY)
                    {
                        return Some((end, t));
                    }
                }
            }
        }
        // "the past 48 hours", "the last two years", "the first quarter"
        if w == "the" {
            if let Some((end, t)) = self.relative_date(i + 1) {
                return Some((end, t));
            }
            // "the 1990s"
            if self.is_digit_number(i + 1)
                && self.word(i + 1).ends_with("0s")
                && self.word(i + 1).len() == 5
            {
                return Some((i + 2, EntityType::DATE));
            }
        }
        self.bare_value(i)
    }

    /// Relative dates: "this week", "earlier this month", "last Friday", "past 48 hours".
    fn relative_date(&self, i: usize) -> Option<(usize, EntityType)> {
        let w = self.word(i);
        let mut j = i;
        if matches!(w, "earlier" | "later" | "early" | "late" | "mid") {
            j += 1;
            if self.kind(j) == Some(TokenKind::Hyphen) {
                j += 1;
            }
        }
        let r = self.word(j);
        if !is_in(RELATIVE, r) && r != "first" {
            // "early March", "mid-2014", "later that day"
            if j > i {
                if let Some((end, t)) = self.bare_value(j) {
                    if t == EntityType::DATE {
                        return Some((end, t));
                    }
                }
                if r == "that" && is_in(PERIODS, self.word(j + 1)) {
                    return Some((j + 2, EntityType::DATE));
                }
            }
            return None;
        }
        let k = j + 1;
        let next = self.word(k);
        if is_in(PERIODS, next) {
            return Some((k + 1, EntityType::DATE));
        }
        if is_in(DAY_PARTS, next) {
            return Some((k + 1, EntityType::TIME));
        }
        if is_in(WEEKDAYS, next) || is_in(MONTHS, next) {
            return Some((k + 1, EntityType::DATE));
        }
        // "past 48 hours", "last two years", "next few weeks", "first three months"
        let n_end = if matches!(next, "few" | "several" | "couple") {
            Some(if self.word(k + 1) == "of" {
                k + 2
            } else {
                k + 1
            })
        } else {
            self.number(k)
        };
        if let Some(n) = n_end {
            if is_in(PERIODS, self.word(n)) {
                return Some((n + 1, EntityType::DATE));
            }
            if is_in(SHORT_PERIODS, self.word(n)) {
                return Some((n + 1, EntityType::TIME));
            }
        }
        None
    }

    /// A value without a leading modifier.
    fn bare_value(&self, i: usize) -> Option<(usize, EntityType)> {
        let w = self.word(i);
        if w.is_empty() {
            return None;
        }
        // relative dates without "the"
        if matches!(
            w,
            "this"
                | "last"
                | "next"
                | "earlier"
                | "later"
                | "early"
                | "late"
                | "mid"
                | "recent"
                | "past"
                | "coming"
        ) {
            if let Some(v) = self.relative_date(i) {
                return Some(v);
            }
        }
        match w {
            "today" | "yesterday" | "tomorrow" => {
                if is_in(DAY_PARTS, self.word(i + 1)) {
                    return Some((i + 2, EntityType::TIME));
                }
                return Some((i + 1, EntityType::DATE));
            }
            "tonight" | "noon" | "midnight" | "overnight" => {
                return Some((i + 1, EntityType::TIME))
            }
            _ => {}
        }
        // currency before a number: "$3 billion", "US$ 5", "£2m"
        if is_in(CURRENCY_SYMBOLS, w) || (w == "us" && self.word(i + 1) == "$") {
            let n_start = if w == "us" { i + 2 } else { i + 1 };
            if let Some(end) = self.number(n_start) {
                return Some((end, EntityType::MONEY));
            }
            return None;
        }
        // weekdays and dates by calendar
        if is_in(WEEKDAYS, w) {
            if is_in(DAY_PARTS, self.word(i + 1)) {
                return Some((i + 2, EntityType::TIME));
            }
            // "Friday, March 5, 2014"
            if self.word(i + 1) == "," && is_in(MONTHS, self.word(i + 2)) {
                if let Some((end, _)) = self.calendar(i + 2) {
                    return Some((end, EntityType::DATE));
                }
            }
            return Some((i + 1, EntityType::DATE));
        }
        if let Some(v) = self.calendar(i) {
            return Some(v);
        }
        // ordinals: "2nd", "first" (not "first lady": a capitalised noun after)
        if self.is_digit_number(i) && is_ordinal_digits(w) {
            return Some((i + 1, EntityType::ORDINAL));
        }
        if is_in(ORDINALS, w) {
            if w == "second" && self.number_before(i) {
                return None;
            }
            return Some((i + 1, EntityType::ORDINAL));
        }
        // numbers with what follows them
        let n_end = self.number(i)?;
        // "one" alone is too often a pronoun ("one by one"); keep it with a scale or unit
        if w == "one" && n_end == i + 1 {
            let next = self.word(i + 1);
            if !(is_in(CURRENCY_WORDS, next)
                || is_in(QUANTITY_UNITS, next)
                || next == "%"
                || next == "percent")
            {
                return None;
            }
        }
        let next = self.word(n_end);
        if next == "%" || next == "percent" || (next == "per" && self.word(n_end + 1) == "cent") {
            let end = if next == "per" { n_end + 2 } else { n_end + 1 };
            return Some((end, EntityType::PERCENT));
        }
        if next == "percentage" && self.word(n_end + 1) == "points" {
            return Some((n_end + 2, EntityType::PERCENT));
        }
        if is_in(CURRENCY_WORDS, next) {
            return Some((n_end + 1, EntityType::MONEY));
        }
        if is_in(TIME_SUFFIXES, next)
            || (self.is_digit_number(i) && w.contains(':') && n_end == i + 1)
        {
            let end = if is_in(TIME_SUFFIXES, next) {
                n_end + 1
            } else {
                n_end
            };
            return Some((end, EntityType::TIME));
        }
        if is_in(PERIODS, next) || (next == "-" && is_in(PERIODS, self.word(n_end + 1))) {
            let mut end = if next == "-" { n_end + 2 } else { n_end + 1 };
            if matches!(self.word(end), "ago" | "old" | "later" | "earlier") {
                end += 1;
            }
            return Some((end, EntityType::DATE));
        }
        if is_in(SHORT_PERIODS, next) {
            return Some((n_end + 1, EntityType::TIME));
        }
        if is_in(QUANTITY_UNITS, next) {
            let mut end = n_end + 1;
            if matches!(next, "square" | "cubic") && is_in(QUANTITY_UNITS, self.word(end)) {
                end += 1;
            }
            return Some((end, EntityType::QUANTITY));
        }
        if self.is_digit_number(i) && n_end == i + 1 && is_year(w) && !self.number_before(i) {
            return Some((i + 1, EntityType::DATE));
        }
        if self.is_digit_number(i) && w.len() == 5 && w.ends_with("0s") {
            return Some((i + 1, EntityType::DATE));
        }
        Some((n_end, EntityType::CARDINAL))
    }

    /// "March 5", "March 5, 2014", "5 March 2014", "March 2014", "March".
    fn calendar(&self, i: usize) -> Option<(usize, EntityType)> {
        let w = self.word(i);
        if is_in(MONTHS, w) {
            // "May" and "March" are also words: need a number or capital letter
            let cap = self
                .doc
                .token_text(i)
                .starts_with(|c: char| c.is_uppercase());
            if !cap {
                return None;
            }
            let mut j = i + 1;
            if self.is_digit_number(j)
                && (self.word(j).len() <= 2 || is_ordinal_digits(self.word(j)))
            {
                j += 1;
                if self.word(j) == "," && self.is_digit_number(j + 1) && is_year(self.word(j + 1)) {
                    j += 2;
                }
            } else if self.is_digit_number(j) && is_year(self.word(j)) {
                j += 1;
            } else if matches!(w, "may" | "march") {
                return None;
            }
            return Some((j, EntityType::DATE));
        }
        if self.is_digit_number(i) && w.len() <= 2 && is_in(MONTHS, self.word(i + 1)) {
            let mut j = i + 2;
            if self.is_digit_number(j) && is_year(self.word(j)) {
                j += 1;
            }
            return Some((j, EntityType::DATE));
        }
        None
    }

    fn number_before(&self, i: usize) -> bool {
        i > 0 && (self.is_digit_number(i - 1) || is_in(UNITS, self.word(i - 1)))
    }
}

fn is_year(w: &str) -> bool {
    w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && matches!(&w[..2], "18" | "19" | "20")
}

fn is_ordinal_digits(w: &str) -> bool {
    let digits = w.bytes().take_while(|b| b.is_ascii_digit()).count();
    digits > 0 && matches!(&w[digits..], "st" | "nd" | "rd" | "th")
}

/// Finds every value in the document, left to right, longest match first.
pub fn find(doc: &Document) -> Vec<ValueSpan> {
    let m = Matcher { doc };
    let mut out = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        match m.value_at(i) {
            Some((end, t)) if end > i && m.same_sentence(i, end - 1) => {
                out.push(ValueSpan {
                    tokens: i..end,
                    entity_type: t,
                });
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(String, &'static str)> {
        let doc = Document::new(text);
        find(&doc)
            .into_iter()
            .map(|v| {
                (
                    text[doc.token_span(v.tokens)].to_string(),
                    v.entity_type.as_str(),
                )
            })
            .collect()
    }

    fn has(text: &str, span: &str, t: &str) {
        let v = values(text);
        assert!(
            v.iter().any(|(s, ty)| s == span && *ty == t),
            "{span} {t} not in {v:?}"
        );
    }

    #[test]
    fn dates() {
        has("While visiting Turkey Friday to press", "Friday", "DATE");
        has(
            "joined the coalition earlier this week, has",
            "earlier this week",
            "DATE",
        );
        has(
            "Over the past 48 hours there have been",
            "the past 48 hours",
            "DATE",
        );
        has("On March 5, 2014, it ended", "March 5, 2014", "DATE");
        has("in 2014 the war", "2014", "DATE");
        has("three years ago", "three years ago", "DATE");
        has("in the 1990s", "the 1990s", "DATE");
    }

    #[test]
    fn times() {
        has("at 3 p.m. on Monday", "3 p.m.", "TIME");
        has("on Thursday night the", "Thursday night", "TIME");
    }

    #[test]
    fn numbers_keep_modifiers() {
        has("as many as 40 countries", "as many as 40", "CARDINAL");
        has("holding dozens of citizens", "dozens", "CARDINAL");
        has("more than 1,000 people", "more than 1,000", "CARDINAL");
        has("a rise of 76% last year", "76%", "PERCENT");
        has("profit of $1.13bn in", "$1.13bn", "MONEY");
        has("about $3 billion was", "about $3 billion", "MONEY");
        has("some 40 miles away", "40 miles", "QUANTITY");
        has("the 2nd time", "2nd", "ORDINAL");
        has("the first time", "first", "ORDINAL");
    }

    #[test]
    fn not_values() {
        assert!(values("one country by one country").is_empty());
        assert!(values("We may go in march").is_empty());
    }
}
