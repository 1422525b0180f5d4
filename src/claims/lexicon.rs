//! Word lists of attribution: reporting verbs in every inflection, noun cues, negators,
//! pronouns, hedges. The learned models use them as features (so a verb seen rarely in
//! training still generalises), and the rule fallback uses them directly.

use std::sync::OnceLock;

/// What a word is to the attribution lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LexClass {
    /// Not a cue word.
    None,
    /// A verb of saying ("say", "announce", "tweet").
    Speech,
    /// A verb of thinking, wanting or perceiving ("believe", "want", "expect").
    Cognition,
    /// A noun that introduces content ("statement", "report", "claim").
    Noun,
}

/// Inflection of a verb form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    /// Base form ("say").
    Base,
    /// Third person singular ("says").
    Third,
    /// Past tense or participle ("said", "written").
    Past,
    /// Gerund or present participle ("saying").
    Gerund,
    /// A noun.
    Noun,
}

/// Verbs of saying, each line: base, 3sg, past (and participle if different), gerund.
const SPEECH: &[&str] = &[
    "say says said saying",
    "tell tells told telling",
    "add adds added adding",
    "acknowledge acknowledges acknowledged acknowledging",
    "admit admits admitted admitting",
    "advise advises advised advising",
    "allege alleges alleged alleging",
    "announce announces announced announcing",
    "answer answers answered answering",
    "argue argues argued arguing",
    "ask asks asked asking",
    "assert asserts asserted asserting",
    "assure assures assured assuring",
    "blame blames blamed blaming",
    "blast blasts blasted blasting",
    "boast boasts boasted boasting",
    "brag brags bragged bragging",
    "call calls called calling",
    "caution cautions cautioned cautioning",
    "charge charges charged charging",
    "cite cites cited citing",
    "claim claims claimed claiming",
    "comment comments commented commenting",
    "complain complains complained complaining",
    "concede concedes conceded conceding",
    "conclude concludes concluded concluding",
    "confirm confirms confirmed confirming",
    "contend contends contended contending",
    "counter counters countered countering",
    "criticize criticizes criticized criticizing criticise criticises criticised criticising",
    "declare declares declared declaring",
    "decry decries decried decrying",
    "demand demands demanded demanding",
    "deny denies denied denying",
    "describe describes described describing",
    "disclose discloses disclosed disclosing",
    "dismiss dismisses dismissed dismissing",
    "dispute disputes disputed disputing",
    "echo echoes echoed echoing",
    "email emails emailed emailing",
    "emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising",
    "estimate estimates estimated estimating",
    "explain explains explained explaining",
    "express expresses expressed expressing",
    "indicate indicates indicated indicating",
    "inform informs informed informing",
    "insist insists insisted insisting",
    "joke jokes joked joking",
    "lament laments lamented lamenting",
    "maintain maintains maintained maintaining",
    "mention mentions mentioned mentioning",
    "note notes noted noting",
    "object objects objected objecting",
    "observe observes observed observing",
    "pledge pledges pledged pledging",
    "point points pointed pointing",
    "post posts posted posting",
    "praise praises praised praising",
    "predict predicts predicted predicting",
    "proclaim proclaims proclaimed proclaiming",
    "promise promises promised promising",
    "propose proposes proposed proposing",
    "protest protests protested protesting",
    "question questions questioned questioning",
    "quip quips quipped quipping",
    "recall recalls recalled recalling",
    "recount recounts recounted recounting",
    "reiterate reiterates reiterated reiterating",
    "reject rejects rejected rejecting",
    "remark remarks remarked remarking",
    "remind reminds reminded reminding",
    "repeat repeats repeated repeating",
    "reply replies replied replying",
    "report reports reported reporting",
    "respond responds responded responding",
    "retort retorts retorted retorting",
    "reveal reveals revealed revealing",
    "scoff scoffs scoffed scoffing",
    "signal signals signaled signalled signaling signalling",
    "shout shouts shouted shouting",
    "speak speaks spoke spoken speaking",
    "state states stated stating",
    "stress stresses stressed stressing",
    "suggest suggests suggested suggesting",
    "swear swears swore sworn swearing",
    "testify testifies testified testifying",
    "threaten threatens threatened threatening",
    "tweet tweets tweeted tweeting",
    "urge urges urged urging",
    "vow vows vowed vowing",
    "warn warns warned warning",
    "wave waves waved waving",
    "write writes wrote written writing",
    "accuse accuses accused accusing",
    "agree agrees agreed agreeing",
    "attack attacks attacked attacking",
    "condemn condemns condemned condemning",
    "defend defends defended defending",
    "endorse endorses endorsed endorsing",
    "insinuate insinuates insinuated insinuating",
    "imply implies implied implying",
    "instruct instructs instructed instructing",
    "order orders ordered ordering",
    "recommend recommends recommended recommending",
    "slam slams slammed slamming",
    "tout touts touted touting",
    "wonder wonders wondered wondering",
    "whisper whispers whispered whispering",
    "yell yells yelled yelling",
    "concur concurs concurred concurring",
    "clarify clarifies clarified clarifying",
    "specify specifies specified specifying",
    "elaborate elaborates elaborated elaborating",
    "reckon reckons reckoned reckoning",
    "chant chants chanted chanting",
    "read reads read reading",
    "quote quotes quoted quoting",
    "show shows showed shown showing",
    "find finds found finding",
];

/// Verbs of thinking, wanting, knowing and perceiving.
const COGNITION: &[&str] = &[
    "believe believes believed believing",
    "think thinks thought thinking",
    "consider considers considered considering",
    "expect expects expected expecting",
    "fear fears feared fearing",
    "feel feels felt feeling",
    "hope hopes hoped hoping",
    "know knows knew known knowing",
    "want wants wanted wanting",
    "wish wishes wished wishing",
    "worry worries worried worrying",
    "doubt doubts doubted doubting",
    "assume assumes assumed assuming",
    "suspect suspects suspected suspecting",
    "suppose supposes supposed supposing",
    "understand understands understood understanding",
    "realize realizes realized realizing realise realises realised realising",
    "recognize recognizes recognized recognizing recognise recognises recognised recognising",
    "see sees saw seen seeing",
    "view views viewed viewing",
    "imagine imagines imagined imagining",
    "learn learns learned learnt learning",
    "prefer prefers preferred preferring",
    "plan plans planned planning",
    "seek seeks sought seeking",
    "intend intends intended intending",
    "support supports supported supporting",
    "oppose opposes opposed opposing",
    "favor favors favored favoring favour favours favoured favouring",
    "seem seems seemed seeming",
    "appear appears appeared appearing",
    "decide decides decided deciding",
    "determine determines determined determining",
    "estimate estimates estimated estimating",
    "insist insists insisted insisting",
    "predict predicts predicted predicting",
    "guess guesses guessed guessing",
    "conclude concludes concluded concluding",
    "argue argues argued arguing",
];

/// Nouns that introduce content ("a statement", "reports").
const NOUNS: &[&str] = &[
    "according",
    "statement",
    "statements",
    "report",
    "reports",
    "claim",
    "claims",
    "announcement",
    "announcements",
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "assertion",
    "assertions",
    "criticism",
    "criticisms",
    "comment",
    "comments",
    "remark",
    "remarks",
    "testimony",
    "interview",
    "interviews",
    "speech",
    "speeches",
    "promise",
    "promises",
    "pledge",
    "pledges",
    "warning",
    "warnings",
    "suggestion",
    "suggestions",
    "argument",
    "arguments",
    "belief",
    "beliefs",
    "view",
    "views",
    "opinion",
    "opinions",
    "estimate",
    "estimates",
    "poll",
    "polls",
    "survey",
    "surveys",
    "study",
    "studies",
    "analysis",
    "memo",
    "letter",
    "tweet",
    "tweets",
    "post",
    "release",
    "denial",
    "denials",
    "admission",
    "insistence",
    "question",
    "questions",
    "proposal",
    "proposals",
    "plan",
    "plans",
    "call",
    "calls",
    "decision",
    "support",
    "opposition",
    "endorsement",
    "attack",
    "attacks",
    "praise",
    "complaint",
    "complaints",
    "fears",
    "hopes",
    "concerns",
    "concern",
    "rumors",
    "rumours",
    "revelation",
    "revelations",
    "quoted",
    "citing",
];

/// Words that negate or refuse a following cue.
pub const NEGATORS: &[&str] = &[
    "not",
    "n't",
    "n’t",
    "never",
    "declined",
    "declines",
    "decline",
    "declining",
    "refused",
    "refuses",
    "refuse",
    "refusing",
    "no",
    "without",
    "neither",
    "nor",
];

/// Personal and demonstrative pronouns that can be sources.
pub const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me", "who", "this",
];

struct Tables {
    /// (form, class, inflection), sorted by form.
    forms: Vec<(&'static str, LexClass, Form)>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut forms: Vec<(&'static str, LexClass, Form)> = Vec::new();
        for (list, class) in [(SPEECH, LexClass::Speech), (COGNITION, LexClass::Cognition)] {
            for line in list {
                let words: Vec<&'static str> = line.split(' ').collect();
                for (k, w) in words.iter().enumerate() {
                    let form = if k == 0 {
                        Form::Base
                    } else if w.ends_with("ing") {
                        Form::Gerund
                    } else if k == 1 {
                        Form::Third
                    } else {
                        Form::Past
                    };
                    forms.push((w, class, form));
                }
            }
        }
        for w in NOUNS {
            forms.push((w, LexClass::Noun, Form::Noun));
        }
        // speech wins over cognition, verbs over nouns, for a form listed twice
        forms.sort_by(|a, b| a.0.cmp(b.0));
        forms.dedup_by(|later, earlier| later.0 == earlier.0);
        Tables { forms }
    })
}

/// Every (form, class, inflection) of the lexicon, sorted by form.
pub fn entries() -> impl Iterator<Item = (&'static str, LexClass, Form)> {
    tables().forms.iter().copied()
}

/// The lexicon entry of a lower-cased word, if any.
pub fn lookup(word: &str) -> Option<(LexClass, Form)> {
    let t = tables();
    t.forms
        .binary_search_by(|e| e.0.cmp(word))
        .ok()
        .map(|k| (t.forms[k].1, t.forms[k].2))
}

/// Is `word` (lower case) an inflection of a verb of saying?
pub fn is_speech_verb(word: &str) -> bool {
    matches!(lookup(word), Some((LexClass::Speech, f)) if f != Form::Noun)
}

/// Is `word` (lower case) a reporting verb of any class?
pub fn is_reporting_verb(word: &str) -> bool {
    matches!(
        lookup(word),
        Some((LexClass::Speech | LexClass::Cognition, _))
    )
}

/// Is `word` (lower case) a negator ("not", "declined", "never")?
pub fn is_negator(word: &str) -> bool {
    NEGATORS.contains(&word)
}

/// Is `word` (lower case) a personal pronoun that can be a source?
pub fn is_pronoun(word: &str) -> bool {
    PRONOUNS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections() {
        assert_eq!(lookup("said"), Some((LexClass::Speech, Form::Past)));
        assert_eq!(lookup("signalled"), Some((LexClass::Speech, Form::Past)));
        assert_eq!(
            lookup("acknowledging"),
            Some((LexClass::Speech, Form::Gerund))
        );
        assert_eq!(lookup("says"), Some((LexClass::Speech, Form::Third)));
        assert_eq!(lookup("believe"), Some((LexClass::Cognition, Form::Base)));
        assert_eq!(lookup("statement"), Some((LexClass::Noun, Form::Noun)));
        assert_eq!(lookup("table"), None);
        assert!(is_speech_verb("waved"));
        assert!(is_negator("n’t"));
    }
}
