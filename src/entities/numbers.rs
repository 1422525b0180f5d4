//! Values by rules over tokens: DATE, TIME, CARDINAL, ORDINAL, PERCENT, MONEY, QUANTITY.
//!
//! No open news corpus annotates all of these, so they are rules, written to the
//! OntoNotes conventions the spec uses: modifiers stay in ("as many as 40", "about $3
//! billion"), relative dates keep their determiner ("the past 48 hours"), durations are
//! dates ("three years") unless they are minutes or seconds.

use std::ops::Range;

use std::sync::OnceLock;

use super::features::FnvMap;
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
const SCALES: &[&str] = &[
    "hundred", "thousand", "million", "billion", "trillion", "dozen", "bn", "mn", "crore",
    "crores", "lakh", "lakhs",
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
    "jan",
    "feb",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mondays",
    "tuesdays",
    "wednesdays",
    "thursdays",
    "fridays",
    "saturdays",
    "sundays",
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
    "period",
    "half",
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
    "final",
    "second",
    "third",
    "fourth",
];
const MODIFIERS: &[&[&str]] = &[
    &["no", "more", "than"],
    &["not", "more", "than"],
    &["no", "less", "than"],
    &["no", "fewer", "than"],
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
const CURRENCY_SYMBOLS: &[&str] = &[
    "$", "£", "€", "¥", "₹", "₦", "₱", "₩", "₺", "₽", "₴", "₫", "฿", "₵", "us$", "c$", "a$", "hk$",
];
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
    "ringgit",
    "rupiah",
    "dirhams",
    "dirham",
    "shilling",
    "cedis",
    "cedi",
    "kwacha",
    "baht",
    "taka",
    "colones",
    "bolivars",
    "reais",
    "real",
    "zloty",
    "hryvnia",
    "lari",
    "manat",
    "birr",
    "pula",
    "leones",
    "riyal",
    "dinar",
    "krona",
    "kronor",
    "krone",
    "kroner",
    "rials",
    "rial",
];
/// Currency signs and codes written before an amount ("Rs 3,150 crore", "QR 250,000"),
/// matched case-sensitively so that a capitalised word is not taken for one.
const CURRENCY_CODES: &[&str] = &[
    "A$", "AED", "BDT", "C$", "CFA", "CHF", "CNY", "Dh", "Dhs", "EGP", "EUR", "FCFA", "GBP", "GHS",
    "GH₵", "HK$", "IDR", "INR", "JPY", "KD", "KES", "KSh", "KWD", "Ksh", "MYR", "NGN", "NZ$",
    "PHP", "PKR", "QAR", "QR", "R", "RM", "RMB", "Rp", "Rs", "Rs.", "S$", "SAR", "SR", "TSh", "Tk",
    "Tsh", "USD", "VND", "ZAR",
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
    "points",
    "ghz",
    "mhz",
    "gb",
    "tb",
    "kw",
    "kwh",
    "gw",
    "gwh",
    "mwh",
    "nautical",
    "sq",
    "tonnes",
    "mph",
    "knots",
    "volts",
    "watts",
];
const TIME_SUFFIXES: &[&str] = &[
    "a.m.", "p.m.", "am", "pm", "gmt", "utc", "est", "edt", "pst", "pdt", "bst", "cet",
];

fn is_in(list: &[&str], word: &str) -> bool {
    // most tokens are not in any list: cheap length and first-byte checks before
    // comparing (the length sits in the list itself, the bytes behind a pointer each)
    let Some(&first) = word.as_bytes().first() else {
        return false;
    };
    let len = word.len();
    list.iter()
        .any(|w| w.len() == len && w.as_bytes()[0] == first && *w == word)
}

struct Matcher<'d, 'a> {
    doc: &'d Document<'a>,
}

impl<'d, 'a> Matcher<'d, 'a> {
    fn word(&self, i: usize) -> &str {
        self.doc.lower(i)
    }

    /// The token as written ("" past the end).
    fn raw(&self, i: usize) -> &str {
        if i < self.doc.tokens.len() {
            self.doc.token_text(i)
        } else {
            ""
        }
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.doc.tokens.get(i).map(|t| t.kind)
    }

    fn is_digit_number(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Number)
    }

    fn is_capitalised(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word) && self.raw(i).starts_with(char::is_uppercase)
    }

    /// Does token `i` sit right after token `i-1` with no space?
    fn attached(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| !t.space_before)
    }

    fn same_sentence(&self, a: usize, b: usize) -> bool {
        b < self.doc.tokens.len() && self.doc.token_sentence[a] == self.doc.token_sentence[b]
    }

    fn sentence_start(&self, i: usize) -> bool {
        i == 0 || self.doc.token_sentence[i] != self.doc.token_sentence[i - 1]
    }

    /// A number at `i`: digits or number words, with a scale ("2 million", "two dozen",
    /// "twenty-five", "tens of thousands", "hundreds of millions", "two and a half").
    /// Returns its end.
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
        } else if matches!(w, "a" | "half")
            && matches!(
                self.word(i + 1),
                "dozen" | "hundred" | "thousand" | "million" | "billion" | "trillion"
            )
        {
            j = i + 2;
        } else if w == "half" && self.word(i + 1) == "a" && is_in(SCALES, self.word(i + 2)) {
            j = i + 3;
        } else if is_in(VAGUE, w) {
            // "tens of thousands", "hundreds of millions"
            if self.word(i + 1) == "of" && is_in(VAGUE, self.word(i + 2)) {
                return Some(i + 3);
            }
            if w == "tens" {
                return None;
            }
            return Some(i + 1);
        } else {
            return None;
        }
        // scales: "2 million", "1.13bn", "two hundred thousand", "3,150 crore"
        loop {
            let scale = self.word(j);
            let spelled = is_in(SCALES, scale);
            // single-letter scales only when attached: "$5m", not "5 m"
            let short = matches!(scale, "m" | "k" | "b" | "tn") && self.attached(j);
            if !(spelled || short) {
                break;
            }
            j += 1;
        }
        // "two and a half"
        if self.word(j) == "and" && self.word(j + 1) == "a" && self.word(j + 2) == "half" {
            j += 3;
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
                    let amount = matches!(
                        t,
                        EntityType::CARDINAL
                            | EntityType::MONEY
                            | EntityType::PERCENT
                            | EntityType::QUANTITY
                    );
                    // "more than a week", "nearly two years": periods take modifiers too
                    let period = t == EntityType::DATE
                        && (m.len() > 1 || matches!(m[0], "nearly" | "almost" | "about"))
                        && is_in(PERIODS, self.word(end - 1));
                    if (amount || period)
                        && !(m.len() == 1
                            && matches!(m[0], "some" | "over" | "only")
                            && t != EntityType::CARDINAL
                            && t != EntityType::MONEY)
                    {
                        return Some((end, t));
                    }
                }
            }
        }
        // "the past 48 hours", "the last two years", "the first quarter", "the day"
        if w == "the" {
            if let Some((end, t)) = self.relative_date(i + 1) {
                return Some((self.date_tail(end, t), t));
            }
            // "the 1990s"
            if self.is_digit_number(i + 1)
                && self.word(i + 1).ends_with("0s")
                && self.word(i + 1).len() == 5
            {
                return Some((i + 2, EntityType::DATE));
            }
            // "the day", "the week" (not "the day of ...", "the week that ...")
            if matches!(self.word(i + 1), "day" | "week" | "weekend" | "night")
                && !matches!(
                    self.word(i + 2),
                    "of" | "that" | "when" | "before" | "after" | "-" | "in" | "which"
                )
            {
                let t = if self.word(i + 1) == "night" {
                    EntityType::TIME
                } else {
                    EntityType::DATE
                };
                return Some((i + 2, t));
            }
        }
        let (end, t) = self.bare_value(i)?;
        let end = if t == EntityType::DATE {
            self.date_tail(end, t)
        } else {
            end
        };
        Some((end, t))
    }

    /// What may follow a date: "of 2009" / "of this year" after a period ("the third
    /// quarter of this year"), "a year earlier" / "ago".
    fn date_tail(&self, end: usize, t: EntityType) -> usize {
        if t != EntityType::DATE {
            return end;
        }
        let mut end = end;
        if self.word(end) == "of" && is_in(PERIODS, self.word(end - 1)) {
            if self.is_digit_number(end + 1) && is_year(self.word(end + 1)) {
                end += 2;
            } else if matches!(self.word(end + 1), "this" | "last" | "next")
                && matches!(self.word(end + 2), "year" | "month" | "week")
            {
                end += 3;
            }
        }
        if self.word(end) == "a"
            && matches!(self.word(end + 1), "year" | "month" | "week")
            && matches!(self.word(end + 2), "ago" | "earlier" | "later" | "before")
        {
            end += 3;
        }
        end
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
            // "early March", "mid-2014", "later that day", "mid-May"
            if j > i {
                if is_in(MONTHS, r) && self.is_capitalised(j) {
                    if let Some((end, _)) = self.calendar(j) {
                        return Some((end, EntityType::DATE));
                    }
                    return Some((j + 1, EntityType::DATE));
                }
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
        if is_in(WEEKDAYS, next) || (is_in(MONTHS, next) && self.is_capitalised(k)) {
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

    /// An amount after a currency code or sign at `i` ("QR 250,000", "$15 M"), as its end.
    fn amount_after_currency(&self, n_start: usize) -> Option<usize> {
        let mut end = self.number(n_start)?;
        // capitalised scales after a space: "$15 M", "$80 B", "$102 Mil"
        if end == n_start + 1 && matches!(self.raw(end), "M" | "B" | "Mil" | "Bn" | "Mn" | "K") {
            end += 1;
        }
        Some(end)
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
            // "a week", "a decade" (durations are dates)
            "a" if matches!(
                self.word(i + 1),
                "week" | "month" | "year" | "decade" | "fortnight"
            ) && !matches!(self.word(i + 2), "ago" | "earlier" | "later" | "before")
                && !matches!(
                    self.word(i - usize::from(i > 0)),
                    "once" | "twice" | "per" | "times"
                ) =>
            {
                return Some((i + 2, EntityType::DATE));
            }
            _ => {}
        }
        // currency before a number: "$3 billion", "US$ 5", "£2m", "Rs 3,150 crore"
        if is_in(CURRENCY_SYMBOLS, w) || (w == "us" && self.word(i + 1) == "$") {
            let n_start = if w == "us" { i + 2 } else { i + 1 };
            return self
                .amount_after_currency(n_start)
                .map(|end| (end, EntityType::MONEY));
        }
        if is_in(CURRENCY_CODES, self.raw(i))
            && self.is_digit_number(i + 1)
            && (self.raw(i) != "R" || self.raw(i + 1).len() >= 2)
        {
            if let Some(end) = self.amount_after_currency(i + 1) {
                return Some((end, EntityType::MONEY));
            }
        }
        // weekdays and dates by calendar
        if is_in(WEEKDAYS, w) {
            if is_in(DAY_PARTS, self.word(i + 1)) {
                return Some((i + 2, EntityType::TIME));
            }
            // "Friday, March 5, 2014", "Sunday 20 March", "Thursday June 6, 2019"
            let j = if self.word(i + 1) == "," {
                i + 2
            } else {
                i + 1
            };
            if let Some((end, _)) = self.calendar(j) {
                if end > j + 1 || self.is_digit_number(j) {
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
        // "half a percent"
        if w == "half" && self.word(i + 1) == "a" && matches!(self.word(i + 2), "percent" | "per") {
            let end = if self.word(i + 2) == "per" {
                i + 4
            } else {
                i + 3
            };
            return Some((end, EntityType::PERCENT));
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
        // "tens of millions of yuan", "billions of dollars"
        if next == "of" && is_in(VAGUE, w) && is_in(CURRENCY_WORDS, self.word(n_end + 1)) {
            return Some((n_end + 2, EntityType::MONEY));
        }
        // "200-rand note"
        if next == "-" && self.attached(n_end) && is_in(CURRENCY_WORDS, self.word(n_end + 1)) {
            return Some((n_end + 2, EntityType::MONEY));
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
            if matches!(next, "square" | "cubic" | "nautical" | "sq")
                && is_in(QUANTITY_UNITS, self.word(end))
            {
                end += 1;
            }
            return Some((end, EntityType::QUANTITY));
        }
        if self.is_digit_number(i) && n_end == i + 1 && is_year(w) && !self.number_before(i) {
            // "2018-2022", "2021-22", "2022/23", "1293 to 1527"
            let sep = self.word(i + 1);
            if matches!(sep, "-" | "–" | "/" | "to")
                && self.is_digit_number(i + 2)
                && (is_year(self.word(i + 2))
                    || (sep != "to" && self.word(i + 2).len() == 2 && self.attached(i + 2)))
            {
                return Some((i + 3, EntityType::DATE));
            }
            return Some((i + 1, EntityType::DATE));
        }
        // decades: "1990s", "70s"
        if self.is_digit_number(i) && matches!(w.len(), 3 | 5) && w.ends_with("0s") {
            return Some((i + 1, EntityType::DATE));
        }
        if self.is_digit_number(i) && is_numeric_date(w) {
            return Some((i + 1, EntityType::DATE));
        }
        // "4/6/2022"
        if self.is_digit_number(i)
            && w.len() <= 2
            && self.word(i + 1) == "/"
            && self.is_digit_number(i + 2)
            && self.word(i + 2).len() <= 2
            && self.word(i + 3) == "/"
            && self.is_digit_number(i + 4)
            && (self.word(i + 4).len() == 2 || is_year(self.word(i + 4)))
        {
            return Some((i + 5, EntityType::DATE));
        }
        if self.is_label_number(i, n_end) {
            return None;
        }
        // ranges: "3,000 to 5,000", "10-15"
        if matches!(next, "to" | "-" | "–")
            && self.is_digit_number(i)
            && self.is_digit_number(n_end + 1)
        {
            if let Some(end) = self.number(n_end + 1) {
                return Some((end, EntityType::CARDINAL));
            }
        }
        Some((n_end, EntityType::CARDINAL))
    }

    /// A bare number that names rather than counts: "Boeing 787", "Chapter 11",
    /// "Resolution 2328", "version 10.4", "787 Dreamliner", "[3]".
    fn is_label_number(&self, i: usize, n_end: usize) -> bool {
        if !self.is_digit_number(i) || n_end != i + 1 {
            return false;
        }
        let before = i.checked_sub(1);
        let after_name = before.is_some_and(|b| {
            (self.is_capitalised(b) && !self.sentence_start(b) && !is_in(MONTHS, self.word(b)))
                || matches!(self.word(b), "version" | "no." | "number" | "model" | "#")
        });
        let before_name = self.is_capitalised(n_end) && !self.sentence_start(n_end);
        let bracketed = before.is_some_and(|b| self.word(b) == "[") && self.word(n_end) == "]";
        after_name || before_name || bracketed
    }

    /// "March 5", "March 5, 2014", "5 March 2014", "March 2014", "Jun 15 2022", "March".
    fn calendar(&self, i: usize) -> Option<(usize, EntityType)> {
        let w = self.word(i);
        if is_in(MONTHS, w) {
            // "May" and "March" are also words: need a number, a capital letter or a
            // preposition before
            if !self.is_capitalised(i) {
                return None;
            }
            let mut j = i + 1;
            if self.is_digit_number(j)
                && (self.word(j).len() <= 2 || is_ordinal_digits(self.word(j)))
            {
                j += 1;
                if self.word(j) == "," && self.is_digit_number(j + 1) && is_year(self.word(j + 1)) {
                    j += 2;
                } else if self.is_digit_number(j) && is_year(self.word(j)) {
                    j += 1;
                }
            } else if self.is_digit_number(j) && is_year(self.word(j)) {
                j += 1;
            } else if !w.ends_with('.') && w.len() <= 4 && !matches!(w, "may" | "june" | "july") {
                // "Jun", "Dec": abbreviations only with a day or year
                return None;
            } else if matches!(w, "may" | "march") {
                let before = i.checked_sub(1).map_or("", |b| self.word(b));
                let prep = matches!(
                    before,
                    "in" | "since"
                        | "until"
                        | "by"
                        | "from"
                        | "between"
                        | "during"
                        | "of"
                        | "early"
                        | "late"
                        | "mid"
                        | "last"
                        | "next"
                        | "this"
                        | "and"
                        | "-"
                        | "before"
                        | "after"
                        | "through"
                        | "till"
                );
                if !prep || self.sentence_start(i) {
                    return None;
                }
            }
            return Some((j, EntityType::DATE));
        }
        if self.is_digit_number(i)
            && (w.len() <= 2 || is_ordinal_digits(w))
            && is_in(MONTHS, self.word(i + 1))
            && self.is_capitalised(i + 1)
        {
            let mut j = i + 2;
            if self.word(j) == "," && self.is_digit_number(j + 1) && is_year(self.word(j + 1)) {
                j += 2;
            } else if self.is_digit_number(j) && is_year(self.word(j)) {
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

/// "27.08.2022", "4.6.22": day, month and year joined by periods.
fn is_numeric_date(w: &str) -> bool {
    let parts: Vec<&str> = w.split('.').collect();
    parts.len() == 3
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        && (1..=2).contains(&parts[0].len())
        && (1..=2).contains(&parts[1].len())
        && (parts[2].len() == 2 || is_year(parts[2]))
}

fn is_ordinal_digits(w: &str) -> bool {
    let digits = w.bytes().take_while(|b| b.is_ascii_digit()).count();
    digits > 0 && matches!(&w[digits..], "st" | "nd" | "rd" | "th")
}

/// Lower-cased words a value can start with (numbers, symbols and currency codes aside):
/// a quick filter, so most tokens cost one hash lookup.
fn starters() -> &'static FnvMap<&'static str, ()> {
    static SET: OnceLock<FnvMap<&'static str, ()>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = FnvMap::default();
        let lists: [&[&str]; 9] = [
            UNITS,
            VAGUE,
            ORDINALS,
            MONTHS,
            WEEKDAYS,
            RELATIVE,
            CURRENCY_SYMBOLS,
            SCALES,
            &[
                "the",
                "a",
                "an",
                "half",
                "us",
                "this",
                "last",
                "next",
                "earlier",
                "later",
                "early",
                "late",
                "mid",
                "recent",
                "past",
                "coming",
                "today",
                "yesterday",
                "tomorrow",
                "tonight",
                "noon",
                "midnight",
                "overnight",
                "tens",
            ],
        ];
        for list in lists {
            for w in list {
                set.insert(*w, ());
            }
        }
        for m in MODIFIERS {
            set.insert(m[0], ());
        }
        set
    })
}

/// Finds every value in the document, left to right, longest match first.
pub fn find(doc: &Document) -> Vec<ValueSpan> {
    let m = Matcher { doc };
    let starters = starters();
    let mut out = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        let candidate = match doc.tokens[i].kind {
            TokenKind::Number => true,
            TokenKind::Word | TokenKind::Symbol => {
                starters.contains_key(doc.lower(i)) || is_in(CURRENCY_CODES, m.raw(i))
            }
            _ => false,
        };
        if !candidate {
            i += 1;
            continue;
        }
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
        has("cars of the 70s and 80s", "80s", "DATE");
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
    fn more_dates() {
        has("on Sunday 20 March the party", "Sunday 20 March", "DATE");
        has(
            "announced on Thursday June 6, 2019 the list",
            "Thursday June 6, 2019",
            "DATE",
        );
        has("KIGALI, Jun 15 2022 (IPS)", "Jun 15 2022", "DATE");
        has("On Apr. 17, 1830, two factions", "Apr. 17, 1830", "DATE");
        has("during the 2018-2022 term", "2018-2022", "DATE");
        has("will grow in 2021-22, and", "2021-22", "DATE");
        has("ruled from 1979 to 1990, and", "1979 to 1990", "DATE");
        has("before the court on 27.08.2022.", "27.08.2022", "DATE");
        has("and others on 4/6/2022. Court", "4/6/2022", "DATE");
        has("questioned in May, with the agency", "May", "DATE");
        has(
            "One afternoon in mid-February, activists",
            "mid-February",
            "DATE",
        );
        has("mostly on Mondays and Fridays", "Mondays", "DATE");
        has("After spending the day with leaders", "the day", "DATE");
        has(
            "profits in the third quarter of this year, mainly",
            "the third quarter of this year",
            "DATE",
        );
        has(
            "for the final quarter of 2009, Ford",
            "the final quarter of 2009",
            "DATE",
        );
        has(
            "shipping for more than a week now",
            "more than a week",
            "DATE",
        );
        has(
            "almost two and a half years behind",
            "almost two and a half years",
            "DATE",
        );
    }

    #[test]
    fn more_amounts() {
        has("a grant of Rs 3,150 crore for", "Rs 3,150 crore", "MONEY");
        has(
            "a fine of no more than QR 250,000 will",
            "no more than QR 250,000",
            "MONEY",
        );
        has("Raising a $15 M Series B round", "$15 M", "MONEY");
        has(
            "fined tens of millions of yuan last",
            "tens of millions of yuan",
            "MONEY",
        );
        has("your 200-rand note", "200-rand", "MONEY");
        has("a gain of half a percent or", "half a percent", "PERCENT");
        has(
            "face from the 3,000 to 5,000 militants",
            "3,000 to 5,000",
            "CARDINAL",
        );
        has("light at 18:00 UTC. Boeing", "18:00 UTC", "TIME");
        has("dropped by 39 points to", "39 points", "QUANTITY");
    }

    #[test]
    fn labels_are_not_counts() {
        assert!(values("the first Boeing 787 flew")
            .iter()
            .all(|(s, _)| s != "787"));
        assert!(values("filed for Chapter 11 protection").is_empty());
        assert!(values("soldiers died.[3] A physician").is_empty());
    }

    #[test]
    fn not_values() {
        assert!(values("one country by one country").is_empty());
        assert!(values("We may go in march").is_empty());
    }
}
