//! Trains the cue tagger (`models/cue.clm`) and the source/content tagger
//! (`models/attr.clm`) on PolNeAR train (structured averaged perceptron, BILOU, Viterbi),
//! reporting dev figures after each epoch.

use std::ops::Range;
use std::path::Path;

use rayon::prelude::*;

use super::corpus::{char_to_byte_table, read_jsonl, set_path, AttrDoc, CharSpan};
use super::TrainError;
use crate::claims::cues::{self, Cue};
use crate::claims::features::TokenFacts;
use crate::claims::roles;
use crate::claims::sequence::{Scratch, SeqFeatures, SeqModel, SeqTrainer};
use crate::entities::{self, Entities};
use crate::tagger::{Bilou, ModelFile, WriteOptions};
use crate::text::Document;

/// Hash bits of the cue tagger's features.
pub const CUE_BITS: u32 = 18;
/// Recall bias the cue tagger decodes with (meta "outside_bias", subtracted from the
/// outside tag's score): on PolNeAR dev it trades precision 0.859 → 0.829 for recall
/// 0.692 → 0.736 (session 7, MODEL.md).
pub const CUE_OUTSIDE_BIAS: f32 = 10.0;
/// Hash bits of the role tagger's features.
pub const ROLE_BITS: u32 = 16;

/// A gold attribution in token ranges.
#[derive(Debug, Clone)]
pub struct TokAttr {
    /// Cue parts.
    pub cue: Vec<Range<usize>>,
    /// Source parts.
    pub source: Vec<Range<usize>>,
    /// Content parts.
    pub content: Vec<Range<usize>>,
}

/// A PolNeAR document, analysed the way the pipeline analyses text, with its gold
/// attributions in token ranges.
pub struct Prepared {
    /// Text (owned; `doc` borrows it through a leak-free self-reference avoided by
    /// re-creating the document on demand).
    pub text: String,
    /// Gold attributions.
    pub attrs: Vec<TokAttr>,
    /// Token ranges inside ignore regions (Discard).
    pub ignore: Vec<Range<usize>>,
}

/// Token range covering the code-point span `s` (tokens that overlap it).
fn tokens_of(doc: &Document, table: &[usize], s: &CharSpan) -> Range<usize> {
    let b0 = table.get(s[0]).copied().unwrap_or(doc.text.len());
    let b1 = table.get(s[1]).copied().unwrap_or(doc.text.len());
    let start = doc.tokens.partition_point(|t| t.end <= b0);
    let end = doc.tokens.partition_point(|t| t.start < b1);
    start..end.max(start)
}

/// Reads a PolNeAR split and maps its spans to tokens.
pub fn prepare(split: &str) -> Result<Vec<Prepared>, TrainError> {
    let docs: Vec<AttrDoc> = read_jsonl(&set_path(split, "attr-polnear")?)?;
    Ok(docs
        .into_par_iter()
        .map(|d| {
            let doc = Document::new(&d.text);
            let table = char_to_byte_table(&d.text);
            let conv = |spans: &[CharSpan]| -> Vec<Range<usize>> {
                spans
                    .iter()
                    .map(|s| tokens_of(&doc, &table, s))
                    .filter(|r| !r.is_empty())
                    .collect()
            };
            let attrs = d
                .attributions
                .iter()
                .map(|a| {
                    let cue = match &a.cue_parts {
                        Some(p) => conv(p),
                        None => conv(&[a.cue]),
                    };
                    let source = match (&a.source_parts, &a.source) {
                        (Some(p), _) => conv(p),
                        (None, Some(s)) => conv(&[*s]),
                        _ => Vec::new(),
                    };
                    TokAttr {
                        cue,
                        source,
                        content: conv(&a.content),
                    }
                })
                .filter(|a| !a.cue.is_empty())
                .collect();
            let ignore = conv(&d.ignore);
            Prepared {
                text: d.text,
                attrs,
                ignore,
            }
        })
        .collect())
}

/// Tiny deterministic generator for shuffling.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// One training sequence: features and gold tags, and its document's index.
struct Example {
    feats: SeqFeatures,
    gold: Vec<usize>,
    doc: usize,
}

fn cue_examples(docs: &[Prepared], bilou: &Bilou, bits: u32) -> Vec<Example> {
    docs.par_iter()
        .enumerate()
        .flat_map_iter(|(d, p)| {
            let doc = Document::new(&p.text);
            let ents = entities::extract(&doc);
            let facts = TokenFacts::new(&doc, &ents);
            let mut out = Vec::new();
            for s in &doc.segments.sentences {
                let r = s.tokens.clone();
                if r.is_empty() || p.ignore.iter().any(|g| g.start < r.end && r.start < g.end) {
                    continue;
                }
                let spans: Vec<(Range<usize>, usize)> = p
                    .attrs
                    .iter()
                    .flat_map(|a| a.cue.iter())
                    .filter(|c| c.start >= r.start && c.end <= r.end)
                    .map(|c| (c.start - r.start..c.end - r.start, 0))
                    .collect();
                let gold = bilou.encode(r.len(), &spans);
                let mut feats = SeqFeatures::default();
                cues::features(&doc, &facts, r, bits, &mut feats);
                out.push(Example {
                    feats,
                    gold,
                    doc: d,
                });
            }
            out
        })
        .collect()
}

/// Span-level precision/recall counts: (correct, predicted, gold).
fn span_counts(bilou: &Bilou, pred: &[usize], gold: &[usize]) -> (usize, usize, usize) {
    let p = bilou.decode(pred);
    let g = bilou.decode(gold);
    let ok = p.iter().filter(|x| g.contains(x)).count();
    (ok, p.len(), g.len())
}

/// Overlap-matched counts: (predicted spans overlapping a gold one, predicted, gold).
fn overlap_counts(bilou: &Bilou, pred: &[usize], gold: &[usize]) -> (usize, usize, usize) {
    let p = bilou.decode(pred);
    let g = bilou.decode(gold);
    let ok = p
        .iter()
        .filter(|(r, _)| g.iter().any(|(s, _)| r.start < s.end && s.start < r.end))
        .count();
    (ok, p.len(), g.len())
}

fn f1(ok: usize, np: usize, ng: usize) -> f64 {
    let p = if np > 0 { ok as f64 / np as f64 } else { 0.0 };
    let r = if ng > 0 { ok as f64 / ng as f64 } else { 0.0 };
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// Trains `soup_size(name)` runs with shuffle seeds 0x5eed, 0x5eed + 1, ... and returns
/// the tables of their mean averaged weights (one run: that run's tables).
fn train_soup(
    name: &str,
    types: &[&str],
    bits: u32,
    train: &mut [Example],
    dev: &[Example],
    epochs: usize,
    report: &dyn Fn(&SeqModel, &[Example]) -> String,
) -> Vec<(String, crate::tagger::LinearModel)> {
    let members = soup_size(name);
    let mut soup = crate::tagger::Soup::default();
    let mut last = SeqTrainer::new(types, bits);
    for member in 0..members {
        let mut trainer = SeqTrainer::new(types, bits);
        train_loop(
            name,
            &mut trainer,
            train,
            dev,
            epochs,
            0x5eed + member as u64,
            report,
        );
        if members == 1 {
            return trainer.finish();
        }
        soup.add(trainer.averaged());
        last = trainer;
    }
    let tables = last.tables_from(&soup.mean());
    eprintln!(
        "{name}: mean of {members} runs: dev {}",
        report(&seq_model(last.bilou(), tables.clone()), dev)
    );
    tables
}

/// Independent training runs averaged into a model: the mean of several runs' averaged
/// weights generalises better than any one run (cue tagger: see MODEL.md). `SOUP=N`
/// overrides it.
fn soup_size(name: &str) -> usize {
    std::env::var("SOUP")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if name == "attr" { ATTR_SOUP } else { CUE_SOUP })
        .max(1)
}

/// Default of [`soup_size`] for the cue tagger.
const CUE_SOUP: usize = 1;
/// Default of [`soup_size`] for the role tagger.
const ATTR_SOUP: usize = 1;

fn train_loop(
    name: &str,
    trainer: &mut SeqTrainer,
    train: &mut [Example],
    dev: &[Example],
    epochs: usize,
    seed: u64,
    report: &dyn Fn(&SeqModel, &[Example]) -> String,
) {
    let mut rng = Lcg(seed);
    for epoch in 1..=epochs {
        let t0 = std::time::Instant::now();
        rng.shuffle(train);
        let mut errors = 0;
        for ex in train.iter() {
            errors += trainer.learn(&ex.feats, &ex.gold) as usize;
        }
        eprintln!(
            "{name} epoch {epoch}: {errors} of {} sequences wrong ({:.1}s); dev {}",
            train.len(),
            t0.elapsed().as_secs_f64(),
            report(&averaged(trainer), dev)
        );
    }
}

/// The averaged model so far, as inference would load it.
fn averaged(trainer: &SeqTrainer) -> SeqModel {
    seq_model(trainer.bilou(), trainer.finish())
}

/// A model over `bilou` from a trainer's tables, as inference would load it.
fn seq_model(bilou: &Bilou, tables: Vec<(String, crate::tagger::LinearModel)>) -> SeqModel {
    let types: Vec<String> = bilou.types().to_vec();
    let types: Vec<&str> = types.iter().map(String::as_str).collect();
    let file = ModelFile {
        name: "eval".into(),
        feature_set: 0,
        labels: bilou.tag_names(),
        meta: Vec::new(),
        tables,
    };
    SeqModel::from_file(&file, &types).expect("a trainer's own tables are well formed")
}

/// Share of the largest weight below which emission weights are dropped when a model is
/// written: most hashed features carry tiny weights, and leaving them out shrinks the file
/// (it ships in the wasm) at no measurable cost.
fn prune_fraction(name: &str) -> f32 {
    std::env::var("PRUNE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if name == "attr" { PRUNE } else { CUE_PRUNE })
}

/// Evenly spaced magnitudes the emission weights are stored with (the transitions stay
/// exact): 8-bit weights for the cue tagger; 10-bit ones for the role tagger, whose 8-bit
/// version lost a discontinuous content part on the default article (+35 kB).
fn weight_levels(name: &str) -> usize {
    if name == "attr" {
        512
    } else {
        128
    }
}

/// Default of [`prune_fraction`] for the role tagger.
const PRUNE: f32 = 0.01;
/// Default of [`prune_fraction`] for the cue tagger: at 2^18 buckets most of its weights
/// are tiny: dropping those below 5% of the largest makes the file 2.6 times smaller
/// (427 → 165 kB) for −0.005 cue F1 on dev sentences.
const CUE_PRUNE: f32 = 0.05;

/// The trainer's averaged tables with small emission weights set to zero.
fn pruned_tables(
    name: &str,
    mut tables: Vec<(String, crate::tagger::LinearModel)>,
) -> Vec<(String, crate::tagger::LinearModel)> {
    let cut = (prune_fraction(name) * i16::MAX as f32) as i32;
    for (name, t) in &mut tables {
        if name == "emission" {
            for w in &mut t.weights {
                if (*w as i32).abs() < cut {
                    *w = 0;
                }
            }
        }
    }
    tables
}

fn write_model(
    path: &str,
    name: &str,
    feature_set: u32,
    bilou: &Bilou,
    tables: Vec<(String, crate::tagger::LinearModel)>,
    meta: Vec<(String, String)>,
    report: &dyn Fn(&SeqModel) -> String,
) -> Result<(), TrainError> {
    let mut meta = meta;
    if soup_size(name) > 1 {
        meta.push(("soup".into(), soup_size(name).to_string()));
    }
    meta.push(("pruned_below".into(), prune_fraction(name).to_string()));
    meta.push(("emission_levels".into(), weight_levels(name).to_string()));
    let file = ModelFile {
        name: name.to_string(),
        feature_set,
        labels: bilou.tag_names(),
        meta,
        tables: pruned_tables(name, tables),
    };
    let bytes = file.to_bytes_with(&WriteOptions {
        // stored, not deflated: the explorer's download is gzip-compressed anyway (a little
        // smaller so), and the first analysis does not inflate it (see MODEL.md)
        level: 0,
        codebooks: vec![("emission".into(), weight_levels(name))],
    });
    let types: Vec<&str> = bilou.types().iter().map(String::as_str).collect();
    // scored as written (8-bit emission weights), not as trained
    if let Ok(m) = ModelFile::from_bytes(&bytes, feature_set)
        .and_then(|written| SeqModel::from_file(&written, &types))
    {
        eprintln!("{name} as written: dev {}", report(&m));
    }
    std::fs::create_dir_all(Path::new(path).parent().unwrap_or(Path::new(".")))
        .and_then(|_| std::fs::write(path, &bytes))
        .map_err(|source| TrainError::Io {
            path: path.to_string(),
            source,
        })?;
    eprintln!("wrote {path} ({} bytes)", bytes.len());
    Ok(())
}

fn meta(command: &str, epochs: usize, bits: u32) -> Vec<(String, String)> {
    vec![
        (
            "command".into(),
            format!("cargo run --release --features train --bin train -- {command}"),
        ),
        (
            "data".into(),
            "PolNeAR v1.0.0 train split (../shared/data/polnear/train via build_sets.py --split train); research use only".into(),
        ),
        ("epochs".into(), epochs.to_string()),
        ("hash_bits".into(), bits.to_string()),
        (
            "trainer".into(),
            "structured averaged perceptron, BILOU, constrained Viterbi".into(),
        ),
    ]
}

/// Platt parameters turning a cue span's margin into the probability that it is a cue:
/// a tagger trained on nine tenths of the train documents tags the other tenth, and each
/// span it finds is right when it overlaps a gold cue.
fn calibrate_cues(examples: &[Example], epochs: usize) -> (f32, f32) {
    // as many runs as the model itself, so that margins are on the model's scale
    let members = soup_size("cue");
    let mut train: Vec<&Example> = examples.iter().filter(|e| e.doc % 10 != 0).collect();
    let mut soup = crate::tagger::Soup::default();
    let mut trainer = SeqTrainer::new(cues::TYPES, CUE_BITS);
    for member in 0..members {
        trainer = SeqTrainer::new(cues::TYPES, CUE_BITS);
        let mut rng = Lcg(0xca1 + member as u64);
        for _ in 0..epochs {
            rng.shuffle(&mut train);
            for ex in &train {
                trainer.learn(&ex.feats, &ex.gold);
            }
        }
        if members > 1 {
            soup.add(trainer.averaged());
        }
    }
    let model = if members == 1 {
        averaged(&trainer)
    } else {
        seq_model(trainer.bilou(), trainer.tables_from(&soup.mean()))
    };
    let mut scratch = Scratch::default();
    let mut scored = Vec::new();
    for ex in examples.iter().filter(|e| e.doc % 10 == 0) {
        let tags = model.decode(&ex.feats, &mut scratch);
        let gold = model.bilou.decode(&ex.gold);
        for (span, _) in model.bilou.decode(&tags) {
            let margin = model.margin(&scratch, &tags, span.clone());
            let right = gold
                .iter()
                .any(|(g, _)| g.start < span.end && span.start < g.end);
            scored.push((margin, right));
        }
    }
    let (a, b) = super::checkworthy::platt(&scored);
    let right = scored.iter().filter(|s| s.1).count();
    eprintln!(
        "cue calibration: {} held-out spans, {right} right; Platt a {a:.4} b {b:.4}",
        scored.len()
    );
    (a, b)
}

/// Trains the cue tagger and writes `models/cue.clm`.
pub fn train_cue(epochs: usize) -> Result<(), TrainError> {
    let t0 = std::time::Instant::now();
    let train_docs = prepare("train")?;
    let dev_docs = prepare("dev")?;
    let bilou = SeqTrainer::new(cues::TYPES, CUE_BITS).bilou().clone();
    let mut train = cue_examples(&train_docs, &bilou, CUE_BITS);
    let dev = cue_examples(&dev_docs, &bilou, CUE_BITS);
    eprintln!(
        "cue: {} train sentences, {} dev sentences ({:.1}s to prepare)",
        train.len(),
        dev.len(),
        t0.elapsed().as_secs_f64()
    );
    let report = |t: &SeqModel, dev: &[Example]| {
        let (mut ok, mut np, mut ng) = (0, 0, 0);
        let (mut ook, mut onp, mut ong) = (0, 0, 0);
        let mut scratch = Scratch::default();
        for ex in dev {
            let pred = t.decode(&ex.feats, &mut scratch);
            let c = span_counts(&t.bilou, &pred, &ex.gold);
            ok += c.0;
            np += c.1;
            ng += c.2;
            let c = overlap_counts(&t.bilou, &pred, &ex.gold);
            ook += c.0;
            onp += c.1;
            ong += c.2;
        }
        format!(
            "cue exact F1 {:.3}, overlap F1 {:.3} (pred {np}, gold {ng})",
            f1(ok, np, ng),
            f1(ook, onp, ong)
        )
    };
    let tables = train_soup(
        "cue",
        cues::TYPES,
        CUE_BITS,
        &mut train,
        &dev,
        epochs,
        &report,
    );
    let (a, b) = calibrate_cues(&train, epochs);
    let mut meta = meta("cue", epochs, CUE_BITS);
    meta.push(("platt_a".into(), a.to_string()));
    meta.push(("platt_b".into(), b.to_string()));
    meta.push(("outside_bias".into(), CUE_OUTSIDE_BIAS.to_string()));
    write_model(
        "models/cue.clm",
        "cue",
        cues::FEATURE_SET,
        &bilou,
        tables,
        meta,
        &|m| report(m, &dev),
    )?;
    eprintln!("cue: done in {:.1}s", t0.elapsed().as_secs_f64());
    Ok(())
}

fn role_examples(docs: &[Prepared], bilou: &Bilou, bits: u32) -> Vec<Example> {
    docs.par_iter()
        .enumerate()
        .flat_map_iter(|(d, p)| {
            let doc = Document::new(&p.text);
            let ents: Entities = entities::extract(&doc);
            let facts = TokenFacts::new(&doc, &ents);
            let mut in_cue = vec![u32::MAX; doc.tokens.len()];
            for (k, a) in p.attrs.iter().enumerate() {
                for c in &a.cue {
                    for slot in &mut in_cue[c.clone()] {
                        *slot = k as u32;
                    }
                }
            }
            let mut out = Vec::new();
            for (k, a) in p.attrs.iter().enumerate() {
                let (Some(first), Some(last)) = (a.cue.first(), a.cue.last()) else {
                    continue;
                };
                if p.ignore
                    .iter()
                    .any(|g| g.start <= first.start && last.end <= g.end)
                {
                    continue;
                }
                let cue: Cue = cues::make_cue(&doc, &facts, first.start..last.end);
                let win = roles::window(&doc, &facts, &cue.tokens);
                let mut spans = Vec::new();
                for (parts, t) in [(&a.source, roles::SRC), (&a.content, roles::CON)] {
                    for r in parts.iter() {
                        let s = r.start.max(win.start);
                        let e = r.end.min(win.end);
                        // never over the cue itself
                        let (s, e) = if s < cue.tokens.start && e > cue.tokens.start {
                            (s, cue.tokens.start)
                        } else if s < cue.tokens.end && e > cue.tokens.end {
                            (cue.tokens.end, e)
                        } else {
                            (s, e)
                        };
                        if s < e && (e <= cue.tokens.start || s >= cue.tokens.end) {
                            spans.push((s - win.start..e - win.start, t));
                        }
                    }
                }
                spans.sort_by_key(|(r, _)| r.start);
                let gold = bilou.encode(win.len(), &spans);
                let mut feats = SeqFeatures::default();
                let other = |t: usize| in_cue[t] != u32::MAX && in_cue[t] != k as u32;
                roles::features(&doc, &facts, &cue, win, &other, bits, &mut feats);
                out.push(Example {
                    feats,
                    gold,
                    doc: d,
                });
            }
            out
        })
        .collect()
}

/// Trains the source/content tagger and writes `models/attr.clm`.
pub fn train_attr(epochs: usize) -> Result<(), TrainError> {
    let t0 = std::time::Instant::now();
    let train_docs = prepare("train")?;
    let dev_docs = prepare("dev")?;
    let bilou = SeqTrainer::new(roles::TYPES, ROLE_BITS).bilou().clone();
    let mut train = role_examples(&train_docs, &bilou, ROLE_BITS);
    let dev = role_examples(&dev_docs, &bilou, ROLE_BITS);
    eprintln!(
        "attr: {} train cues, {} dev cues ({:.1}s to prepare)",
        train.len(),
        dev.len(),
        t0.elapsed().as_secs_f64()
    );
    let report = |t: &SeqModel, dev: &[Example]| {
        // token-level overlap F1 per role, given the gold cue
        let mut c = [[0usize; 3]; 2];
        let mut scratch = Scratch::default();
        for ex in dev {
            let pred = t.decode(&ex.feats, &mut scratch);
            for (&p, &g) in pred.iter().zip(&ex.gold) {
                let pt = t.bilou.split(p).1;
                let gt = t.bilou.split(g).1;
                for (role, counts) in c.iter_mut().enumerate() {
                    let (isp, isg) = (pt == Some(role), gt == Some(role));
                    counts[0] += (isp && isg) as usize;
                    counts[1] += isp as usize;
                    counts[2] += isg as usize;
                }
            }
        }
        format!(
            "given gold cues: source token F1 {:.3}, content token F1 {:.3}",
            f1(c[0][0], c[0][1], c[0][2]),
            f1(c[1][0], c[1][1], c[1][2])
        )
    };
    let tables = train_soup(
        "attr",
        roles::TYPES,
        ROLE_BITS,
        &mut train,
        &dev,
        epochs,
        &report,
    );
    write_model(
        "models/attr.clm",
        "attr",
        roles::FEATURE_SET,
        &bilou,
        tables,
        meta("attr", epochs, ROLE_BITS),
        &|m| report(m, &dev),
    )?;
    eprintln!("attr: done in {:.1}s", t0.elapsed().as_secs_f64());
    Ok(())
}
