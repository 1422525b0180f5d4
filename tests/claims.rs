//! Claims as the spec defines them (§4, the worked examples of §5) and robustness: odd,
//! straight, curly, nested and scare quotes, multi-paragraph quotations, empty input.

use claimlens::{analyze, Analysis, Claim, ClaimKind, Polarity};

fn attributed(a: &Analysis) -> Vec<&Claim> {
    a.claims.iter().filter(|c| c.cue.is_some()).collect()
}

fn by_cue<'a>(a: &'a Analysis, cue: &str) -> Vec<&'a Claim> {
    a.claims
        .iter()
        .filter(|c| c.cue.as_ref().is_some_and(|s| s.text == cue))
        .collect()
}

fn content(c: &Claim) -> Vec<&str> {
    c.content.iter().map(|s| s.text.as_str()).collect()
}

fn speaker_label<'a>(a: &'a Analysis, c: &Claim) -> Option<&'a str> {
    c.speaker.map(|e| a.entities[e].label.as_str())
}

fn check_spans(text: &str, a: &Analysis) {
    let chars: Vec<char> = text.chars().collect();
    for c in &a.claims {
        let spans = c
            .content
            .iter()
            .chain(c.cue.iter())
            .chain(c.source.iter())
            .chain(std::iter::once(&c.span));
        for s in spans {
            assert!(
                s.start <= s.end && s.end <= chars.len(),
                "{s:?} out of bounds"
            );
            let covered: String = chars[s.start..s.end].iter().collect();
            assert_eq!(covered, s.text, "span text is what its offsets cover");
        }
        if let Some(w) = c.checkworthiness {
            assert!((0.0..=1.0).contains(&w));
        }
        assert!((0.0..=1.0).contains(&c.confidence));
    }
}

#[test]
fn every_embedded_model_loads() {
    for (name, error) in claimlens::claims::models::status() {
        assert_eq!(error, None, "model {name} does not load");
    }
}

const LEAD: &str = "Secretary of State John Kerry visited Turkey on Friday. ";

#[test]
fn spec_direct_quotation() {
    let text = format!("{LEAD}“That’s not even being raised,” Kerry said.");
    let a = analyze(&text);
    check_spans(&text, &a);
    let c = by_cue(&a, "said");
    assert_eq!(c.len(), 1, "{:#?}", a.claims);
    assert_eq!(c[0].kind, ClaimKind::Direct);
    assert_eq!(content(c[0]), ["That’s not even being raised,"]);
    assert_eq!(c[0].source.as_ref().unwrap().text, "Kerry");
    assert_eq!(speaker_label(&a, c[0]), Some("John Kerry"));
    assert_eq!(c[0].polarity, Polarity::Asserted);
}

#[test]
fn spec_indirect_report() {
    let text =
        format!("{LEAD}Kerry said his French counterparts have not called him to ask about that.");
    let a = analyze(&text);
    check_spans(&text, &a);
    let c = by_cue(&a, "said");
    assert_eq!(c.len(), 1, "{:#?}", a.claims);
    assert_eq!(c[0].kind, ClaimKind::Indirect);
    assert_eq!(
        content(c[0]),
        ["his French counterparts have not called him to ask about that"]
    );
    assert_eq!(speaker_label(&a, c[0]), Some("John Kerry"));
}

#[test]
fn spec_negated_cue_and_pronoun_source() {
    let text = format!(
        "{LEAD}Kerry said as many as 40 countries have offered some level of assistance, \
         although he declined to say which countries have agreed to participate in military \
         strikes, aside from France."
    );
    let a = analyze(&text);
    check_spans(&text, &a);
    let said = by_cue(&a, "said");
    assert_eq!(said.len(), 1, "{:#?}", a.claims);
    assert_eq!(
        content(said[0]),
        ["as many as 40 countries have offered some level of assistance"]
    );
    assert_eq!(said[0].polarity, Polarity::Asserted);
    let declined = by_cue(&a, "declined to say");
    assert_eq!(declined.len(), 1, "{:#?}", a.claims);
    assert_eq!(declined[0].polarity, Polarity::Negated);
    assert_eq!(declined[0].source.as_ref().unwrap().text, "he");
    assert_eq!(speaker_label(&a, declined[0]), Some("John Kerry"));
    assert!(declined[0].content[0]
        .text
        .starts_with("which countries have agreed"));
}

#[test]
fn discontinuous_content_around_a_parenthetical_cue() {
    let text =
        format!("{LEAD}The French, Kerry said, have agreed to take military action in Iraq.");
    let a = analyze(&text);
    let c = by_cue(&a, "said");
    assert_eq!(c.len(), 1, "{:#?}", a.claims);
    assert_eq!(
        content(c[0]),
        ["The French", "have agreed to take military action in Iraq"]
    );
    assert_eq!(speaker_label(&a, c[0]), Some("John Kerry"));
}

#[test]
fn negated_auxiliary_cues() {
    for (text, cue) in [
        (
            "He didn’t say whether they would be willing to do so.",
            "didn’t say",
        ),
        (
            "She did not say whether the talks would resume.",
            "did not say",
        ),
        (
            "The company did not announce a new plan on Tuesday.",
            "did not announce",
        ),
    ] {
        let a = analyze(text);
        let c: Vec<&Claim> = attributed(&a)
            .into_iter()
            .filter(|c| {
                c.cue
                    .as_ref()
                    .unwrap()
                    .text
                    .ends_with(cue.split(' ').next_back().unwrap())
            })
            .collect();
        assert_eq!(c.len(), 1, "{text}: {:#?}", a.claims);
        assert_eq!(c[0].polarity, Polarity::Negated, "{text}");
    }
}

#[test]
fn multi_paragraph_quotation_is_one_content() {
    let text = "“We will fight on the beaches,” Smith said. “We will fight in the fields and \
                in the streets.\n\n“We will never surrender.”\n\nThe speech ended there.";
    let a = analyze(text);
    check_spans(text, &a);
    let c = by_cue(&a, "said");
    assert_eq!(c.len(), 1, "{:#?}", a.claims);
    assert_eq!(c[0].kind, ClaimKind::Direct);
    let last = c[0].content.last().unwrap();
    assert!(
        last.text.ends_with("We will never surrender."),
        "{:?}",
        content(c[0])
    );
    assert!(!c[0].content.iter().any(|p| p.text.contains("speech ended")));
}

#[test]
fn a_quotation_before_its_cue_does_not_take_later_sentences() {
    // the cue's sentence ends after the source: its content came before, so the
    // paragraph's unquoted sentences that follow are not the speaker's
    let text = "Nigeria is holding a two-day celebration of the life of the poet, with a \
                concert at the national stadium on 3 May. Other stars are expected to join \
                the line-up in the coming weeks. \"Bello's poems are simple and universal,\" \
                said Okafor. \"For all of us, at any age there is always - beyond the pure \
                joy of the verse - a lesson to learn.\" There are year-long events planned \
                across the country to celebrate Bello and his work. The governor and his \
                wife visited Abuja on Monday to help promote the festivities. The pair were \
                at a city library to honour literary critic Musa Dan \"the voice we thought \
                we knew so well\".";
    let a = analyze(text);
    check_spans(text, &a);
    let c = by_cue(&a, "said");
    assert_eq!(c.len(), 1, "{:#?}", a.claims);
    assert_eq!(c[0].kind, ClaimKind::Direct, "{:?}", content(c[0]));
    assert!(
        content(c[0]).iter().any(|p| p.contains("lesson to learn")),
        "{:?}",
        content(c[0])
    );
    assert!(
        !content(c[0])
            .iter()
            .any(|p| p.contains("Abuja") || p.contains("library")),
        "{:?}",
        content(c[0])
    );
}

#[test]
fn mixed_report_with_a_quoted_fragment() {
    let text = "The minister said the plan was “a disaster for everyone” and would be dropped.";
    let a = analyze(text);
    let c = by_cue(&a, "said");
    assert_eq!(c.len(), 1, "{:#?}", a.claims);
    assert_eq!(c[0].kind, ClaimKind::Mixed);
}

#[test]
fn according_to_takes_its_source_after() {
    let text = "The economy grew by 3 percent last year, according to government figures.";
    let a = analyze(text);
    let c = by_cue(&a, "according to");
    assert_eq!(c.len(), 1, "{:#?}", a.claims);
    assert!(c[0].source.as_ref().unwrap().text.contains("figures"));
    assert!(c[0].content[0].text.starts_with("The economy grew"));
}

#[test]
fn unresolved_source_keeps_a_null_speaker() {
    let text = "Conflicting reports said the talks had failed.";
    let a = analyze(text);
    for c in attributed(&a) {
        assert_eq!(c.speaker, None, "{c:#?}");
    }
}

/// Texts that stress quotation handling; none may panic or let a claim run past the
/// paragraph of an unbalanced mark.
const ODD: &[&str] = &[
    "",
    " ",
    "\n\n",
    "“",
    "”",
    "\"",
    "\"\"\"",
    "“”",
    "said",
    "He said",
    "He said:",
    "“Unclosed quotation, he said.\n\nA second paragraph that nobody said anything in.",
    "He said: \"one, two\n\nThe next paragraph is plain. \"Then another\" one.",
    "Straight \"quotes,\" he said, \"and curly “ones” mixed.\"",
    "“Quotes ‘inside’ quotes are fine,” she said. “‘Really?’ he asked.”",
    "The so-called “coalition of the willing” met in “Paris.”",
    "Her book “The Art of the Deal” was, critics said, “a bestseller.”",
    "”Backwards“ marks, she said.",
    "\"\"He said\"\" ''twice''",
    "‘single’ and 'straight single' quotes, he said.",
    "... — “ — ” — said — according to —",
    "😀 “emoji 👩‍👩‍👧 quote,” said Zoë Ünal. مرحبا “שלום”",
    "He said\r\n\r\n“CRLF paragraphs.”\r\n",
    "according to",
    "declined to say",
];

#[test]
fn odd_quotation_marks_never_crash_or_swallow() {
    for text in ODD {
        let a = analyze(text);
        check_spans(text, &a);
        let chars: Vec<char> = text.chars().collect();
        for c in attributed(&a) {
            for p in &c.content {
                let inner: String = chars[p.start..p.end].iter().collect();
                assert!(
                    !inner.contains("\n\n") || inner.matches('“').count() > 1,
                    "{text:?}: content crosses a paragraph: {inner:?}"
                );
            }
        }
    }
}

#[test]
fn unbalanced_mark_stays_in_its_paragraph() {
    let text = "“Unclosed quotation, he said.\n\nA second paragraph that nobody said anything \
                in, and a third sentence.";
    let a = analyze(text);
    let first_paragraph_end = text.find("\n\n").unwrap();
    let first_paragraph_chars = text[..first_paragraph_end].chars().count();
    for c in attributed(&a) {
        if c.cue.as_ref().unwrap().start < first_paragraph_chars {
            for p in &c.content {
                assert!(p.end <= first_paragraph_chars, "{c:#?}");
            }
        }
    }
}

#[test]
fn scare_quotes_are_not_claims() {
    let text = "The so-called “coalition of the willing” met in Paris on Monday.";
    let a = analyze(text);
    assert!(attributed(&a).is_empty(), "{:#?}", a.claims);
}

#[test]
fn long_input_is_handled_linearly() {
    // many paragraphs with quotations, some unbalanced
    let mut text = String::new();
    for k in 0..400 {
        text.push_str(&format!(
            "“Item {k} is ready,” Smith said. Officials said {k} reports were filed.\n\n"
        ));
        if k % 7 == 0 {
            text.push_str("“An unbalanced paragraph.\n\n");
        }
    }
    let t = std::time::Instant::now();
    let a = analyze(&text);
    check_spans(&text, &a);
    assert!(attributed(&a).len() >= 400);
    // generous bound even for a debug build on a loaded machine
    assert!(t.elapsed().as_secs() < 60);
}

#[test]
fn assertions_carry_checkworthiness() {
    let text = "The Islamic State is holding dozens of Turkish citizens hostage. What a day.";
    let a = analyze(text);
    let found: Vec<&Claim> = a
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Assertion)
        .collect();
    assert!(!found.is_empty());
    for c in &found {
        assert!(c.cue.is_none() && c.source.is_none());
        assert!(c.checkworthiness.is_some());
    }
    let hostage = found
        .iter()
        .find(|c| c.span.text.contains("hostage"))
        .expect("the factual sentence is an assertion");
    let other = found.iter().find(|c| c.span.text.contains("What a day"));
    if let Some(o) = other {
        assert!(o.checkworthiness < hostage.checkworthiness);
    }
}

#[test]
fn a_colon_after_the_cue_takes_what_follows_not_the_previous_quotation() {
    let text = "\"There are hundreds and hundreds of characters in a typical Okoro game,\" \
                said Ada Obi, Okoro's audio and external resources producer. \"Those people \
                live in any city and village and so we need ordinary people, people with \
                interesting faces.\" She added: \"Not everyone is a model in the world so we \
                don't want just models in our games.\" People chosen to appear in a game will \
                have their head scanned in three dimensions.";
    let a = analyze(text);
    check_spans(text, &a);
    let c = by_cue(&a, "added:");
    assert_eq!(c.len(), 1, "{:#?}", a.claims);
    assert!(
        !content(c[0]).iter().any(|p| p.contains("any city")),
        "{:?}",
        content(c[0])
    );
    assert!(
        content(c[0]).iter().any(|p| p.contains("just models")),
        "{:?}",
        content(c[0])
    );
}

#[test]
fn a_participle_of_saying_ends_the_report_before_it() {
    let text = "The union leader Ada Obi attacked the governor on Tuesday, saying he had \
                broken every promise he made to teachers.";
    let a = analyze(text);
    check_spans(text, &a);
    let attacked = by_cue(&a, "attacked");
    assert_eq!(attacked.len(), 1, "{:?}", attributed(&a));
    assert_eq!(content(attacked[0]), ["the governor on Tuesday"]);
    let saying = by_cue(&a, "saying");
    assert_eq!(saying.len(), 1);
    assert_eq!(
        content(saying[0]),
        ["he had broken every promise he made to teachers"]
    );
}

#[test]
fn speakers_continue_and_sources_leave_relative_clauses() {
    let text = "Ada Obi, a research director at analyst Gartner, told the BBC that Acme had \
                done a good job. \u{201c}They have created a very seamless package,\u{201d} \
                she said. She added that the threat from others was always present.\n\n\
                Acme spokesman Tunde Bello said the plan would go ahead.\n\n\
                The company, which hopes to keep its place in the market, also said the gold \
                version would be dropped.";
    let a = analyze(text);
    check_spans(text, &a);
    // "she said" after Ada Obi's report is Ada Obi, not the nearest name in her source
    for cue in ["said", "added"] {
        let c = by_cue(&a, cue);
        assert!(!c.is_empty(), "{cue}: {:?}", attributed(&a));
        assert_eq!(speaker_label(&a, c[0]), Some("Ada Obi"), "{cue}");
    }
    // a person named in the source speaks, not the organisation before the name
    let bello = a
        .claims
        .iter()
        .find(|c| c.source.as_ref().is_some_and(|s| s.text.contains("Bello")))
        .expect("the spokesman's report");
    assert_eq!(speaker_label(&a, bello), Some("Tunde Bello"));
    // "The company, which …, also said": the source is the clause's head
    let also = by_cue(&a, "also said");
    assert_eq!(also.len(), 1, "{:?}", attributed(&a));
    assert_eq!(
        also[0].source.as_ref().map(|s| s.text.as_str()),
        Some("The company")
    );
}
