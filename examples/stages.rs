use claimlens::claims::{attribution, features::TokenFacts, models, roles};
use claimlens::text::Document;
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let texts: Vec<String> = std::fs::read_to_string(path).unwrap().lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["text"].as_str().unwrap().to_string()).collect();
    let _ = models::cue(); let _ = models::attr(); let _ = models::checkworthy();
    let (mut t_doc, mut t_ent, mut t_facts, mut t_cue, mut t_roles, mut t_claims) = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
    let (mut ncue, mut nwin, mut ntok) = (0, 0, 0);
    for text in &texts {
        let t = Instant::now();
        let doc = Document::new(text);
        t_doc += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let ents = claimlens::entities::extract(&doc);
        t_ent += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let f = TokenFacts::new(&doc, &ents);
        t_facts += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let cues = attribution::find_cues(&doc, &f);
        t_cue += t.elapsed().as_secs_f64();
        ntok += doc.tokens.len();
        ncue += cues.len();
        for c in &cues { nwin += roles::window(&doc, &f, &c.tokens).len(); }
        let t = Instant::now();
        let _d = attribution::find_drafts(&doc, &ents, &f);
        t_roles += t.elapsed().as_secs_f64() ;
        let t = Instant::now();
        let _c = claimlens::claims::extract(&doc, &ents, &Default::default());
        t_claims += t.elapsed().as_secs_f64();
    }
    println!("doc {:.0}ms ent {:.0}ms facts {:.0}ms cue {:.0}ms drafts(cue+roles) {:.0}ms claims-total {:.0}ms; tokens {} cues {} window tokens {}",
        t_doc*1e3, t_ent*1e3, t_facts*1e3, t_cue*1e3, t_roles*1e3, t_claims*1e3, ntok, ncue, nwin);
}
