fn main() {
    for a in std::env::args().skip(1) {
        let d = claimlens::text::Document::new(&a);
        let v: Vec<String> = (0..d.tokens.len())
            .map(|i| format!("{}/{:?}", d.token_text(i), d.tokens[i].kind))
            .collect();
        println!("{}", v.join(" "));
    }
}
