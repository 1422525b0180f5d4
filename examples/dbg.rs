use claimlens::claims::{attribution, features::TokenFacts};
use claimlens::text::Document;
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let doc = Document::new(&text);
    let ents = claimlens::entities::extract(&doc);
    let f = TokenFacts::new(&doc, &ents);
    let cues = attribution::find_cues(&doc, &f);
    for c in &cues {
        println!("CUE {:?} neg={}", &text[doc.token_span(c.tokens.clone())], c.negated);
    }
    for d in attribution::find_drafts(&doc, &ents, &f) {
        println!("DRAFT cue={:?} src={:?} con={:?}", &text[doc.token_span(d.cue.tokens.clone())],
            d.source.map(|s| &text[doc.token_span(s)]),
            d.content.iter().map(|c| &text[doc.token_span(c.clone())]).collect::<Vec<_>>());
    }
}
