//! Share links: the explorer's view (text, filters, pinned item) packed into a URL
//! fragment, so a link reproduces what the sender saw and nothing is sent to a server.
//!
//! Format (version 1), `&`-separated `key=value` pairs after the `#`:
//!
//! | key | value |
//! |---|---|
//! | `v` | format version, `1` (required, first) |
//! | `t` | the text: raw deflate, then base64url without padding; absent = default article |
//! | `types` | hidden entity types, `.`-separated (`PERSON.ORG`) |
//! | `kinds` | hidden claim kinds, `.`-separated (`direct.negated`) |
//! | `spk` | speaker filter: base64url of the entity label, or `-` for unattributed |
//! | `conf` | minimum confidence in percent, 0–100 |
//! | `q` | search text, base64url |
//! | `pin` | pinned item: `e.` + base64url label, or `c.` + the claim's first code point |
//! | `cell` | matrix cell: base64url speaker label (or `-`), `.`, base64url entity label |
//! | `tab` | open sidebar tab: `entities` or `claims` |
//!
//! Labels rather than entity ids are stored because ids are positions in one run of the
//! extractor; a label survives a model update. Unknown keys are ignored so that later
//! version-1 writers can add optional keys.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use thiserror::Error;

/// The format version this module writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// Fragments longer than this (bytes) may be cut by chat apps, mail clients or servers;
/// the page warns the reader.
pub const WARN_LENGTH: usize = 32 * 1024;

/// Largest text a link may inflate to; guards against a "zip bomb" fragment.
pub const MAX_TEXT_BYTES: usize = 16 * 1024 * 1024;

/// Why a share link could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ShareError {
    /// The fragment has no `v=` field first.
    #[error("the link has no format version")]
    MissingVersion,
    /// A version this build does not know (a newer page made the link).
    #[error("the link uses format version {0}, which this page cannot read")]
    UnknownVersion(String),
    /// A field is not valid base64url, deflate or UTF-8 (often a truncated link).
    #[error("the link is damaged or truncated ({0})")]
    Corrupt(&'static str),
    /// The text would inflate past [`MAX_TEXT_BYTES`].
    #[error("the link's text is larger than {} MB", MAX_TEXT_BYTES / (1024 * 1024))]
    TooLarge,
}

/// The pinned item of a view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pinned {
    /// An entity, by its label.
    Entity(String),
    /// A claim, by the first code point of its span.
    Claim(usize),
}

/// Who a speaker filter selects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpeakerRef {
    /// Claims whose speaker entity has this label.
    Label(String),
    /// Claims with no resolved speaker (unattributed quotes, the author's assertions).
    Unattributed,
}

/// Everything a link restores.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ViewState {
    /// The text, or `None` for the default article (which is never put in a link).
    pub text: Option<String>,
    /// Entity type names switched off in the legend.
    pub hidden_types: Vec<String>,
    /// Claim kinds switched off (`direct`, `indirect`, `mixed`, `assertion`, `negated`).
    pub hidden_kinds: Vec<String>,
    /// Speaker filter.
    pub speaker: Option<SpeakerRef>,
    /// Minimum confidence, percent.
    pub min_confidence: u8,
    /// Search text.
    pub query: String,
    /// The pinned entity or claim.
    pub pinned: Option<Pinned>,
    /// Matrix cell filter: (speaker, entity the claims are about).
    pub cell: Option<(SpeakerRef, String)>,
    /// Open sidebar tab.
    pub tab: Option<String>,
}

/// Writes `state` as a fragment (without the leading `#`).
pub fn encode(state: &ViewState) -> String {
    let mut out = format!("v={FORMAT_VERSION}");
    if let Some(text) = &state.text {
        // level 9 is affordable for article-sized texts; huge ones get a faster level
        let level = if text.len() > 1 << 20 { 6 } else { 9 };
        let packed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), level);
        out.push_str("&t=");
        out.push_str(&URL_SAFE_NO_PAD.encode(packed));
    }
    let list = |items: &[String]| {
        items
            .iter()
            .filter(|s| is_token(s))
            .cloned()
            .collect::<Vec<_>>()
            .join(".")
    };
    if !state.hidden_types.is_empty() {
        out.push_str("&types=");
        out.push_str(&list(&state.hidden_types));
    }
    if !state.hidden_kinds.is_empty() {
        out.push_str("&kinds=");
        out.push_str(&list(&state.hidden_kinds));
    }
    if let Some(s) = &state.speaker {
        out.push_str("&spk=");
        out.push_str(&speaker_str(s));
    }
    if state.min_confidence > 0 {
        out.push_str(&format!("&conf={}", state.min_confidence.min(100)));
    }
    if !state.query.is_empty() {
        out.push_str("&q=");
        out.push_str(&b64(&state.query));
    }
    match &state.pinned {
        Some(Pinned::Entity(label)) => out.push_str(&format!("&pin=e.{}", b64(label))),
        Some(Pinned::Claim(start)) => out.push_str(&format!("&pin=c.{start}")),
        None => {}
    }
    if let Some((s, about)) = &state.cell {
        out.push_str(&format!("&cell={}.{}", speaker_str(s), b64(about)));
    }
    if let Some(tab) = state.tab.as_deref().filter(|t| is_token(t)) {
        out.push_str("&tab=");
        out.push_str(tab);
    }
    out
}

/// Reads a fragment (with or without the leading `#`).
pub fn decode(fragment: &str) -> Result<ViewState, ShareError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let mut fields = fragment.split('&');
    match fields.next().and_then(|f| f.strip_prefix("v=")) {
        None => return Err(ShareError::MissingVersion),
        Some(v) if v == FORMAT_VERSION.to_string() => {}
        Some(v) => return Err(ShareError::UnknownVersion(v.chars().take(20).collect())),
    }
    let mut state = ViewState::default();
    for field in fields {
        let (key, value) = field.split_once('=').unwrap_or((field, ""));
        match key {
            "t" => state.text = Some(unpack_text(value)?),
            "types" => state.hidden_types = tokens(value)?,
            "kinds" => state.hidden_kinds = tokens(value)?,
            "spk" => state.speaker = Some(parse_speaker(value)?),
            "conf" => {
                let n: u8 = value
                    .parse()
                    .map_err(|_| ShareError::Corrupt("confidence"))?;
                state.min_confidence = n.min(100);
            }
            "q" => state.query = unb64(value)?,
            "pin" => {
                state.pinned = Some(match value.split_once('.') {
                    Some(("e", label)) => Pinned::Entity(unb64(label)?),
                    Some(("c", start)) => Pinned::Claim(
                        start
                            .parse()
                            .map_err(|_| ShareError::Corrupt("pinned claim"))?,
                    ),
                    _ => return Err(ShareError::Corrupt("pinned item")),
                })
            }
            "cell" => {
                let (s, about) = value
                    .split_once('.')
                    .ok_or(ShareError::Corrupt("matrix cell"))?;
                state.cell = Some((parse_speaker(s)?, unb64(about)?));
            }
            "tab" => {
                if !is_token(value) {
                    return Err(ShareError::Corrupt("tab"));
                }
                state.tab = Some(value.to_string());
            }
            _ => {} // a later version-1 writer's optional key
        }
    }
    Ok(state)
}

/// Deflates and encodes nothing else: the length a link for `text` alone would have.
pub fn text_field_len(text: &str) -> usize {
    let packed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 9);
    packed.len().div_ceil(3) * 4
}

fn unpack_text(value: &str) -> Result<String, ShareError> {
    let packed = URL_SAFE_NO_PAD
        .decode(value)
        .map_err(|_| ShareError::Corrupt("text encoding"))?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_TEXT_BYTES)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLarge,
            _ => ShareError::Corrupt("compressed text"),
        })?;
    String::from_utf8(bytes).map_err(|_| ShareError::Corrupt("text is not UTF-8"))
}

fn b64(s: &str) -> String {
    URL_SAFE_NO_PAD.encode(s.as_bytes())
}

fn unb64(s: &str) -> Result<String, ShareError> {
    let bytes = URL_SAFE_NO_PAD
        .decode(s)
        .map_err(|_| ShareError::Corrupt("field encoding"))?;
    String::from_utf8(bytes).map_err(|_| ShareError::Corrupt("field is not UTF-8"))
}

fn speaker_str(s: &SpeakerRef) -> String {
    match s {
        SpeakerRef::Label(label) => b64(label),
        SpeakerRef::Unattributed => "-".to_string(),
    }
}

fn parse_speaker(s: &str) -> Result<SpeakerRef, ShareError> {
    if s == "-" {
        Ok(SpeakerRef::Unattributed)
    } else {
        unb64(s).map(SpeakerRef::Label)
    }
}

/// Type and kind names are short ASCII words; anything else is rejected, never echoed.
fn is_token(s: &str) -> bool {
    !s.is_empty() && s.len() <= 32 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

fn tokens(value: &str) -> Result<Vec<String>, ShareError> {
    value
        .split('.')
        .filter(|s| !s.is_empty())
        .map(|s| {
            if is_token(s) {
                Ok(s.to_string())
            } else {
                Err(ShareError::Corrupt("filter list"))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> ViewState {
        ViewState {
            text: Some("“That’s not even being raised,” Okoro said. 😀\nÉ & = #".into()),
            hidden_types: vec!["PERSON".into(), "WORK_OF_ART".into()],
            hidden_kinds: vec!["negated".into()],
            speaker: Some(SpeakerRef::Label("Jane Okoro".into())),
            min_confidence: 40,
            query: "a&b=c #x".into(),
            pinned: Some(Pinned::Claim(123)),
            cell: Some((SpeakerRef::Unattributed, "Islamic State".into())),
            tab: Some("claims".into()),
        }
    }

    #[test]
    fn round_trip_everything() {
        let s = full();
        let link = encode(&s);
        assert!(link.starts_with("v=1&t="));
        assert_eq!(decode(&link).unwrap(), s);
        assert_eq!(decode(&format!("#{link}")).unwrap(), s);
    }

    #[test]
    fn default_article_link_has_no_text() {
        let s = ViewState {
            pinned: Some(Pinned::Entity("Jane Okoro".into())),
            ..ViewState::default()
        };
        let link = encode(&s);
        assert!(!link.contains("t="), "{link}");
        assert_eq!(decode(&link).unwrap(), s);
        assert_eq!(encode(&ViewState::default()), "v=1");
    }

    #[test]
    fn fragment_is_url_safe() {
        let link = encode(&full());
        assert!(link
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_=&.".contains(&b)));
    }

    #[test]
    fn corrupt_and_truncated_links_are_errors() {
        let link = encode(&full());
        let text_field = link.split('&').nth(1).unwrap();
        // truncation in the middle of the compressed text
        let cut = &text_field[..text_field.len() / 2];
        assert!(matches!(
            decode(&format!("v=1&{cut}")),
            Err(ShareError::Corrupt(_))
        ));
        assert!(matches!(decode("v=1&t=!!!"), Err(ShareError::Corrupt(_))));
        assert!(matches!(
            decode("v=1&conf=abc"),
            Err(ShareError::Corrupt(_))
        ));
        assert!(matches!(
            decode("v=1&types=<script>"),
            Err(ShareError::Corrupt(_))
        ));
        assert!(matches!(decode("v=1&pin=x"), Err(ShareError::Corrupt(_))));
    }

    #[test]
    fn unknown_or_missing_version() {
        assert_eq!(
            decode("v=2&t=abc"),
            Err(ShareError::UnknownVersion("2".into()))
        );
        assert_eq!(decode(""), Err(ShareError::MissingVersion));
        assert_eq!(decode("#t=abc"), Err(ShareError::MissingVersion));
    }

    #[test]
    fn unknown_keys_are_ignored() {
        assert_eq!(decode("v=1&future=1").unwrap(), ViewState::default());
    }

    #[test]
    fn zip_bomb_is_refused() {
        let zeros = vec![b'a'; MAX_TEXT_BYTES + 1];
        let packed = miniz_oxide::deflate::compress_to_vec(&zeros, 9);
        let link = format!("v=1&t={}", URL_SAFE_NO_PAD.encode(packed));
        assert_eq!(decode(&link), Err(ShareError::TooLarge));
    }

    #[test]
    fn invalid_utf8_text_is_corrupt() {
        let packed = miniz_oxide::deflate::compress_to_vec(&[0xff, 0xfe, 0x00], 9);
        let link = format!("v=1&t={}", URL_SAFE_NO_PAD.encode(packed));
        assert!(matches!(decode(&link), Err(ShareError::Corrupt(_))));
    }

    #[test]
    fn text_field_len_matches_encoding() {
        let text = "Okoro said the U.S. would not take Iran up on its offer. ".repeat(20);
        let link = encode(&ViewState {
            text: Some(text.clone()),
            ..ViewState::default()
        });
        let field = link.split_once("t=").unwrap().1;
        assert!(text_field_len(&text).abs_diff(field.len()) <= 3);
    }
}
