//! A tokenizer for English news that keeps byte offsets into the original text.
//!
//! Words, numbers, abbreviations with their periods ("U.S.", "Gen.", "a.m."), clitics split
//! off ("wouldn’t" → "would" + "n’t", "Turkey’s" → "Turkey" + "’s"), hyphenated compounds
//! split into addressable parts ("U.S.-led" → "U.S." "-" "led"), URLs, emails, dashes,
//! ellipses, quotation marks and emoji. No token cuts a grapheme (a combining mark or a
//! zero-width joiner stays with its base).

use unicode_segmentation::GraphemeCursor;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (possibly with inner apostrophes or periods: "O'Brien", "U.S.").
    Word,
    /// Starts with a digit: "48", "1,000", "3.5", "2nd", "1990s", "3:30".
    Number,
    /// A split-off clitic: "’s", "'re", "n't", or a lone plural-possessive apostrophe.
    Clitic,
    /// A quotation mark: `"` `“` `”` `‘` `’` `'` `«` `»` `„`.
    Quote,
    /// `-` joining two word parts without spaces ("U.S.-led").
    Hyphen,
    /// A dash between words: `—`, `–`, `--`, or a spaced `-`.
    Dash,
    /// `…` or `...`.
    Ellipsis,
    /// `.`, `!` or `?`.
    Terminal,
    /// Other punctuation: `,` `;` `:` `(` `)` ...
    Punct,
    /// Currency and other symbols: `$` `%` `€` `&`.
    Symbol,
    /// An emoji or other pictograph (a whole grapheme cluster).
    Emoji,
    /// `http://...`, `https://...`, `www....`.
    Url,
    /// `name@host.tld`.
    Email,
}

/// One token: a byte range of the text plus what surrounds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What the token is.
    pub kind: TokenKind,
    /// Whitespace separates it from the previous token (or it starts the text).
    pub space_before: bool,
    /// Line breaks in the whitespace before it (capped at 255).
    pub newlines_before: u8,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// A word or number (something that can be part of a name or a value).
    pub fn is_wordlike(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }
}

/// Abbreviations that keep their period (lower case, without the period). Single letters
/// and dotted letter groups ("U.S", "a.m", "Ph.D") are recognised by shape instead.
const ABBREVIATIONS: &[&str] = &[
    "adm", "approx", "apr", "assn", "aug", "ave", "blvd", "brig", "capt", "cmdr", "co", "col",
    "corp", "cpl", "dec", "dept", "dr", "est", "etc", "feb", "fig", "fla", "ft", "gen", "gov",
    "hon", "inc", "jan", "jr", "jul", "jun", "lt", "ltd", "maj", "mar", "mass", "messrs", "mr",
    "mrs", "ms", "mt", "no", "nos", "nov", "oct", "pfc", "ph", "pres", "prof", "pt", "rep", "reps",
    "rev", "sen", "sens", "sep", "sept", "sgt", "sr", "st", "supt", "univ", "vol", "vs",
];

/// Is `word` (without a trailing period) an abbreviation that takes one?
pub fn is_abbreviation(word: &str) -> bool {
    let bytes = word.as_bytes();
    if bytes.is_empty() {
        return false;
    }
    // dotted groups of one or two letters: U.S, a.m, e.g, Ph.D, U.K
    if word.contains('.') {
        return word.split('.').all(|part| {
            !part.is_empty() && part.len() <= 2 && part.bytes().all(|b| b.is_ascii_alphabetic())
        });
    }
    // a single capital letter is an initial: "John F. Kennedy"
    if bytes.len() == 1 {
        return bytes[0].is_ascii_uppercase();
    }
    if bytes.len() > 7 || !bytes.iter().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let mut lower = [0u8; 8];
    for (i, b) in bytes.iter().enumerate() {
        lower[i] = b.to_ascii_lowercase();
    }
    let lower = &lower[..bytes.len()];
    ABBREVIATIONS
        .binary_search_by(|a| a.as_bytes().cmp(lower))
        .is_ok()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '‘' | '’' | '\'' | '«' | '»' | '„' | '‟' | '‹' | '›' | '`'
    )
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}'
}

/// Pictographs: emoji and symbol blocks that are neither words nor punctuation.
fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF)
}

/// The end of the grapheme cluster that `pos` falls in, or `pos` if it is a boundary.
fn grapheme_end(text: &str, pos: usize) -> usize {
    let bytes = text.as_bytes();
    // between two ASCII characters is always a boundary (CR LF never ends a token); a
    // non-ASCII character on either side may join them (a combining mark after, a
    // prepended mark before)
    if pos >= text.len() || (bytes[pos].is_ascii() && (pos == 0 || bytes[pos - 1].is_ascii())) {
        return pos;
    }
    let mut cursor = GraphemeCursor::new(pos, text.len(), true);
    match cursor.is_boundary(text, 0) {
        Ok(true) => pos,
        _ => {
            let mut cursor = GraphemeCursor::new(pos, text.len(), true);
            cursor
                .next_boundary(text, 0)
                .ok()
                .flatten()
                .unwrap_or(text.len())
        }
    }
}

struct Tokenizer<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    space_before: bool,
    newlines: u32,
}

impl<'a> Tokenizer<'a> {
    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        if end <= start {
            return;
        }
        // never cut a combining mark or a joiner off its base
        let end = grapheme_end(self.text, end);
        self.tokens.push(Token {
            start,
            end,
            kind,
            space_before: self.space_before,
            newlines_before: self.newlines.min(255) as u8,
        });
        self.space_before = false;
        self.newlines = 0;
    }

    fn char_at(&self, pos: usize) -> Option<char> {
        self.text.get(pos..).and_then(|s| s.chars().next())
    }

    fn char_before(&self, pos: usize) -> Option<char> {
        self.text.get(..pos).and_then(|s| s.chars().next_back())
    }

    /// End of the run of non-space characters starting at `pos`.
    fn run_end(&self, pos: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut end = pos;
        while end < bytes.len() {
            let b = bytes[end];
            if b.is_ascii_whitespace() {
                break;
            }
            if b >= 0x80 {
                match self.char_at(end) {
                    Some(c) if is_space(c) => break,
                    Some(c) => end += c.len_utf8(),
                    None => break,
                }
            } else {
                end += 1;
            }
        }
        end
    }

    /// URL or email starting at `pos`, as its end (trailing punctuation left out).
    fn link_at(&self, pos: usize) -> Option<(usize, TokenKind)> {
        let rest = &self.text[pos..];
        let has_prefix = |p: &[u8]| {
            rest.as_bytes()
                .get(..p.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(p))
        };
        let starts_url = rest.len() > 8
            && (has_prefix(b"https://") || has_prefix(b"http://") || has_prefix(b"www."));
        let first = rest.chars().next()?;
        if !starts_url && !is_word_char(first) {
            return None;
        }
        let run_end = self.run_end(pos);
        let run = &self.text[pos..run_end];
        let kind = if starts_url {
            TokenKind::Url
        } else {
            let at = run.find('@')?;
            let (local, domain) = (&run[..at], &run[at + 1..]);
            let local_ok = !local.is_empty()
                && local
                    .chars()
                    .all(|c| is_word_char(c) || matches!(c, '.' | '_' | '+' | '-'));
            let dot = domain.find('.')?;
            if !local_ok || dot == 0 || !domain.chars().next().is_some_and(is_word_char) {
                return None;
            }
            TokenKind::Email
        };
        let trimmed = run.trim_end_matches(|c: char| {
            matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '>' | '"' | '\'' | '”' | '’' | '»'
            )
        });
        if kind == TokenKind::Email {
            // the domain must still have a dot after trimming
            let domain = &trimmed[trimmed.find('@')? + 1..];
            if !domain.contains('.') || domain.ends_with('.') {
                return None;
            }
            if !trimmed
                .chars()
                .all(|c| is_word_char(c) || matches!(c, '.' | '_' | '+' | '-' | '@'))
            {
                return None;
            }
        }
        Some((pos + trimmed.len(), kind))
    }

    /// Scans a word or number at `pos` and pushes it (with any clitic split off).
    fn word(&mut self, pos: usize) -> usize {
        let text = self.text;
        let mut end = pos;
        let mut chars = text[pos..].char_indices().peekable();
        let mut prev: Option<char> = None;
        while let Some((i, c)) = chars.next() {
            let here = pos + i;
            if is_word_char(c) {
                end = here + c.len_utf8();
                prev = Some(c);
                continue;
            }
            let next = chars.peek().map(|&(_, n)| n);
            let joins = match c {
                // 1,000 · 3.5 · U.S · e.g · 3:30
                ',' | ':' => {
                    prev.is_some_and(|p| p.is_ascii_digit())
                        && next.is_some_and(|n| n.is_ascii_digit())
                }
                '.' => prev.is_some() && next.is_some_and(is_word_char),
                // O'Brien, don't, Turkey’s (clitics are split off afterwards)
                '\'' | '’' => {
                    prev.is_some_and(|p| p.is_alphabetic())
                        && next.is_some_and(|n| n.is_alphabetic())
                }
                // AT&T
                '&' => {
                    prev.is_some_and(|p| p.is_ascii_uppercase())
                        && next.is_some_and(|n| n.is_ascii_uppercase())
                }
                _ => {
                    // combining marks and joiners inside a word stay in it
                    !c.is_ascii() && grapheme_end(text, here) != here
                }
            };
            if !joins {
                break;
            }
            end = here + c.len_utf8();
            prev = Some(c);
        }
        let word = &text[pos..end];
        // an abbreviation keeps its period
        if text[end..].starts_with('.') && is_abbreviation(word) {
            self.push(pos, end + 1, TokenKind::Word);
            return end + 1;
        }
        self.push_word(pos, end);
        end
    }

    /// Pushes `[start, end)` as a word, splitting clitics and number suffixes.
    fn push_word(&mut self, start: usize, end: usize) {
        let word = &self.text[start..end];
        let first_is_digit = word.as_bytes()[0].is_ascii_digit();
        if first_is_digit {
            // 1.13bn → 1.13 + bn; 2nd, 1990s, 3:30 stay whole
            let digits_end = word
                .char_indices()
                .find(|&(_, c)| !(c.is_ascii_digit() || c == ',' || c == '.' || c == ':'))
                .map(|(i, _)| i)
                .unwrap_or(word.len());
            let suffix = &word[digits_end..];
            let keep_whole = suffix.is_empty()
                || matches!(
                    suffix.to_ascii_lowercase().as_str(),
                    "st" | "nd" | "rd" | "th" | "s"
                )
                || !suffix.chars().all(|c| c.is_alphabetic())
                // a combining mark after the digits belongs to the last digit's grapheme
                || grapheme_end(self.text, start + digits_end) != start + digits_end;
            if keep_whole {
                self.push(start, end, TokenKind::Number);
            } else {
                self.push(start, start + digits_end, TokenKind::Number);
                self.push(start + digits_end, end, TokenKind::Word);
            }
            return;
        }
        if let Some(split) = clitic_split(word) {
            self.push(start, start + split, TokenKind::Word);
            self.push(start + split, end, TokenKind::Clitic);
        } else {
            self.push(start, end, TokenKind::Word);
        }
    }

    fn run(mut self) -> Vec<Token> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut pos = 0;
        self.space_before = true;
        while pos < bytes.len() {
            let Some(c) = self.char_at(pos) else { break };
            if is_space(c) {
                if c == '\n' {
                    self.newlines += 1;
                }
                self.space_before = true;
                pos += c.len_utf8();
                continue;
            }
            // a stray combining mark after a space belongs to that space
            if !c.is_ascii() && grapheme_end(text, pos) != pos {
                let after = grapheme_end(text, pos);
                if let Some(last) = self.tokens.last_mut() {
                    if last.end == pos {
                        last.end = after;
                    }
                }
                pos = after;
                continue;
            }
            if self.space_before || self.tokens.is_empty() {
                if let Some((end, kind)) = self.link_at(pos) {
                    self.push(pos, end, kind);
                    pos = end;
                    continue;
                }
            }
            if is_word_char(c) {
                let end = self.word(pos);
                pos = self.tokens.last().map_or(end, |t| t.end.max(end));
                continue;
            }
            let len = c.len_utf8();
            let next = self.char_at(pos + len);
            let prev = self.char_before(pos);
            let (end, kind) = match c {
                '.' if text[pos..].starts_with("...") => (pos + 3, TokenKind::Ellipsis),
                '…' => (pos + len, TokenKind::Ellipsis),
                '.' | '!' | '?' => {
                    // keep runs like "?!" together
                    let mut end = pos + 1;
                    while end < bytes.len() && matches!(bytes[end], b'!' | b'?') {
                        end += 1;
                    }
                    (end, TokenKind::Terminal)
                }
                '-' if text[pos..].starts_with("--") => {
                    let mut end = pos + 2;
                    while end < bytes.len() && bytes[end] == b'-' {
                        end += 1;
                    }
                    (end, TokenKind::Dash)
                }
                '-' => {
                    let joined = !self.space_before
                        && prev.is_some_and(is_word_char_or_period)
                        && next.is_some_and(is_word_char);
                    (
                        pos + 1,
                        if joined {
                            TokenKind::Hyphen
                        } else {
                            TokenKind::Dash
                        },
                    )
                }
                '—' | '–' | '―' | '‒' => (pos + len, TokenKind::Dash),
                // doubled marks stand for double quotes in wire copy and PTB text:
                // ``like this'' and ''like this''
                '`' | '\'' if text[pos + 1..].starts_with(c) => (pos + 2, TokenKind::Quote),
                c if is_apostrophe(c)
                    && !self.space_before
                    && prev.is_some_and(|p| p == 's' || p == 'S')
                    && !next.is_some_and(is_word_char) =>
                {
                    // plural possessive: "countries’" (a closing single quote reads the same;
                    // the quotation pairing decides which it is)
                    (pos + len, TokenKind::Clitic)
                }
                c if is_quote_char(c) => (pos + len, TokenKind::Quote),
                c if is_emoji(c) => (pos + len, TokenKind::Emoji),
                c if c.is_ascii_punctuation()
                    && !matches!(
                        c,
                        '$' | '%' | '&' | '#' | '@' | '+' | '=' | '<' | '>' | '^' | '|' | '~' | '*'
                    ) =>
                {
                    (pos + len, TokenKind::Punct)
                }
                c if is_general_punctuation(c) => (pos + len, TokenKind::Punct),
                _ => (pos + len, TokenKind::Symbol),
            };
            self.push(pos, end, kind);
            pos = self.tokens.last().map_or(end, |t| t.end.max(end));
        }
        self.tokens
    }
}

fn is_word_char_or_period(c: char) -> bool {
    is_word_char(c) || c == '.'
}

fn is_general_punctuation(c: char) -> bool {
    matches!(c as u32, 0x2010..=0x2027 | 0x2030..=0x205E | 0x3000..=0x303F | 0xFF01..=0xFF0F | 0xA1 | 0xBF | 0xB7)
}

/// Where a clitic starts in `word`, if it ends with one ("wouldn’t" → 5, "Turkey’s" → 6).
fn clitic_split(word: &str) -> Option<usize> {
    let lower_ends = |suffix: &str| {
        word.len() > suffix.len()
            && word.is_char_boundary(word.len() - suffix.len())
            && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    for nt in ["n't", "n’t"] {
        if lower_ends(nt) {
            return Some(word.len() - nt.len());
        }
    }
    for clitic in [
        "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m",
    ] {
        if lower_ends(clitic) {
            return Some(word.len() - clitic.len());
        }
    }
    None
}

/// Splits `text` into tokens, in text order.
pub fn tokenize(text: &str) -> Vec<Token> {
    Tokenizer {
        text,
        tokens: Vec::with_capacity(text.len() / 5 + 1),
        space_before: true,
        newlines: 0,
    }
    .run()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(
            toks("the U.S. and U.K. said"),
            ["the", "U.S.", "and", "U.K.", "said"]
        );
        assert_eq!(
            toks("Mr. Smith met Gen. Allen"),
            ["Mr.", "Smith", "met", "Gen.", "Allen"]
        );
        assert_eq!(
            toks("at 3 p.m. on Jan. 5"),
            ["at", "3", "p.m.", "on", "Jan.", "5"]
        );
        assert_eq!(toks("John F. Kennedy"), ["John", "F.", "Kennedy"]);
        assert_eq!(toks("It ended."), ["It", "ended", "."]);
        assert_eq!(toks("on Apr. 17"), ["on", "Apr.", "17"]);
    }

    #[test]
    fn abbreviation_list_is_sorted() {
        // is_abbreviation binary-searches it
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn contractions_and_possessives() {
        assert_eq!(toks("wouldn’t"), ["would", "n’t"]);
        assert_eq!(toks("can't"), ["ca", "n't"]);
        assert_eq!(toks("That’s it"), ["That", "’s", "it"]);
        assert_eq!(toks("they're"), ["they", "'re"]);
        assert_eq!(toks("Turkey’s border"), ["Turkey", "’s", "border"]);
        assert_eq!(toks("O'Brien's dog"), ["O'Brien", "'s", "dog"]);
        assert_eq!(
            toks("the countries’ leaders"),
            ["the", "countries", "’", "leaders"]
        );
    }

    #[test]
    fn hyphenated_parts_stay_addressable() {
        assert_eq!(toks("U.S.-led"), ["U.S.", "-", "led"]);
        assert_eq!(toks("anti-ISIS"), ["anti", "-", "ISIS"]);
        let t = tokenize("anti-ISIS");
        assert_eq!(t[1].kind, TokenKind::Hyphen);
        assert!(!t[2].space_before);
    }

    #[test]
    fn numbers() {
        assert_eq!(toks("1,000 people"), ["1,000", "people"]);
        assert_eq!(toks("3.5%"), ["3.5", "%"]);
        assert_eq!(toks("$1.13bn"), ["$", "1.13", "bn"]);
        assert_eq!(toks("the 1990s, 2nd"), ["the", "1990s", ",", "2nd"]);
        assert_eq!(toks("48 hours."), ["48", "hours", "."]);
        assert_eq!(toks("at 3:30"), ["at", "3:30"]);
    }

    #[test]
    fn dashes_ellipses_quotes() {
        assert_eq!(toks("borders — and"), ["borders", "—", "and"]);
        assert_eq!(toks("wait... what…"), ["wait", "...", "what", "…"]);
        assert_eq!(
            toks("“That’s not,” Okafor said."),
            ["“", "That", "’s", "not", ",", "”", "Okafor", "said", "."]
        );
        assert_eq!(toks("\"Yes\""), ["\"", "Yes", "\""]);
        assert_eq!(toks("1990 - 2000 -- ok"), ["1990", "-", "2000", "--", "ok"]);
    }

    #[test]
    fn urls_emails_emoji() {
        assert_eq!(
            toks("see https://example.com/a?b=1."),
            ["see", "https://example.com/a?b=1", "."]
        );
        assert_eq!(
            toks("mail jo.doe@example.org, now"),
            ["mail", "jo.doe@example.org", ",", "now"]
        );
        assert_eq!(
            toks("great 👍🏽 news 👩‍👩‍👧!"),
            ["great", "👍🏽", "news", "👩‍👩‍👧", "!"]
        );
    }

    #[test]
    fn combining_marks_stay_with_their_base() {
        let text = "Cafe\u{301} and \u{301}x";
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        }
        assert_eq!(toks("Cafe\u{301} ok"), ["Cafe\u{301}", "ok"]);
        // a prepended mark joins the following space into its grapheme
        let text = "A\u{11d46} \u{1f300}";
        for t in tokenize(text) {
            let mut cursor = GraphemeCursor::new(t.end, text.len(), true);
            assert_eq!(cursor.is_boundary(text, 0), Ok(true), "{t:?}");
        }
    }

    #[test]
    fn newlines_are_counted() {
        let t = tokenize("a\n\nb\nc");
        assert_eq!(t[1].newlines_before, 2);
        assert_eq!(t[2].newlines_before, 1);
    }
}
