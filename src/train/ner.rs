//! Trains the name tagger from the normalised NER sets (en-worldwide-newswire, GUM,
//! MEANTIME, re3d), with **partial labels**: each corpus teaches only the classes it
//! annotates.
//!
//! A structured averaged perceptron over BILOU tags. For each sentence the update moves
//! the weights from the model's best tag sequence towards the best sequence that agrees
//! with the corpus (a latent-gold perceptron): inside a gold mention the tags are fixed
//! (a class may allow several tagger types: GUM's "place" is PLACE or FAC); outside,
//! a token may be `O` or any tag of a type the corpus does not annotate (GUM has no NORP,
//! so "American" there is never taught to be `O`); ignore regions and mentions that do
//! not fall on token boundaries allow every tag. Sentences are visited in a fixed-seed
//! shuffled order, so training is deterministic.

pub mod wordclusters;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use serde::Deserialize;

use super::corpus::{char_to_byte_table, read_jsonl, set_path, NerDoc};
use super::TrainError;
use crate::entities::features::{DocContext, Featurizer, WordClusters, FEATURE_SET};
use crate::entities::lexicon::Lexicon;
use crate::entities::tagger::NerTagger;
use crate::tagger::bilou::Part;
use crate::tagger::viterbi::{decode_into, Scratch, Transitions};
use crate::tagger::{Bilou, ModelFile, Perceptron, WriteOptions};
use crate::text::{Document, OffsetMap};

/// The NER training sets, in the order they are read.
pub const SETS: [&str; 4] = [
    "ner-en-worldwide-newswire",
    "ner-gum",
    "ner-meantime-en",
    "ner-re3d",
];

/// GUM genres trained on: build_sets.py's CC BY genres plus the CC BY-SA ones (Wikipedia
/// biographies, Wikivoyage); never the non-commercial ones.
pub const DEFAULT_GUM_GENRES: &str = "news,interview,academic,court,bio,voyage";

/// What to train.
#[derive(Debug, Clone)]
pub struct NerOptions {
    /// Passes over the training sentences.
    pub epochs: usize,
    /// Feature buckets: `2^bits`.
    pub bits: u32,
    /// Seed of the sentence shuffle.
    pub seed: u64,
    /// Independent training runs (shuffle seeds `seed`, `seed + 1`, ...) whose averaged
    /// weights are averaged again into the model (1: a single run).
    pub soup: usize,
    /// Span types the tagger predicts (tagger type "PLACE" stands for GPE|LOC).
    pub types: Vec<String>,
    /// Sets to train on, each with how many times its sentences are visited per epoch.
    pub sets: Vec<(String, usize)>,
    /// Where to write the model.
    pub out: PathBuf,
    /// Epochs after which to score the averaged model on the dev sets (diagnostics).
    pub eval_epochs: Vec<usize>,
    /// Weights whose absolute value (in quantised units) is below this are dropped.
    pub prune: i16,
    /// Evenly spaced weight magnitudes the emission table is stored with (128: 8-bit
    /// weights; 0: exact 16-bit weights).
    pub levels: usize,
    /// GUM genres to train on (`None`: build_sets.py's default, the CC BY ones).
    pub gum_genres: Option<String>,
    /// Treat re3d entities below the set's confidence cut (0.5) as unknown rather than
    /// as not-a-name (re3d drops them from its gold, though most are real names).
    pub re3d_uncertain: bool,
    /// Sets whose capitalised words outside any annotation are unknown rather than
    /// not-a-name: sets that annotate only part of the names (re3d's gold omits names
    /// its annotators were unsure of, e.g. 9 of its 17 "Assad"s).
    pub open_caps: Vec<String>,
    /// Learn word clusters from the train texts and use them as features.
    pub clusters: Option<wordclusters::ClusterOptions>,
}

impl Default for NerOptions {
    fn default() -> Self {
        NerOptions {
            epochs: 8,
            bits: 20,
            seed: 0x5eed,
            soup: 5,
            types: ["PERSON", "NORP", "ORG", "PLACE", "FAC"]
                .map(String::from)
                .to_vec(),
            sets: SETS.iter().map(|s| (s.to_string(), 1)).collect(),
            out: PathBuf::from("models/ner.clm"),
            eval_epochs: Vec::new(),
            prune: 300,
            levels: 128,
            gum_genres: Some(DEFAULT_GUM_GENRES.to_string()),
            re3d_uncertain: false,
            open_caps: Vec::new(),
            clusters: Some(wordclusters::ClusterOptions::default()),
        }
    }
}

#[derive(Deserialize)]
struct Meta {
    classes: BTreeMap<String, Vec<String>>,
}

/// Classes of the sets that are values, found by rules rather than the tagger.
const VALUE_CLASSES: &[&str] = &[
    "DATE", "TIME", "MONEY", "PERCENT", "NUM", "CARDINAL", "QUANTITY", "ORDINAL",
];

/// OntoNotes labels a tagger type stands for.
fn onto_labels(t: &str) -> Vec<&str> {
    match t {
        "PLACE" => vec!["GPE", "LOC"],
        other => vec![other],
    }
}

/// One training sentence: its tokens' features and allowed-tag masks.
struct Sequence {
    /// Index of its first token in [`Data::token_feats`].
    first: usize,
    len: usize,
    /// Corpus index.
    corpus: usize,
}

/// Every training sentence, flattened.
#[derive(Default)]
struct Data {
    feats: Vec<u32>,
    /// Start of each token's features in `feats` (one extra entry at the end).
    token_feats: Vec<usize>,
    masks: Vec<u64>,
    sequences: Vec<Sequence>,
}

impl Data {
    fn token(&self, k: usize) -> &[u32] {
        &self.feats[self.token_feats[k]..self.token_feats[k + 1]]
    }
}

/// Counts of what loading found.
#[derive(Debug, Default, Clone)]
struct LoadStats {
    docs: usize,
    tokens: usize,
    mentions: usize,
    misaligned: usize,
    cross_sentence: usize,
}

/// Tag masks of one corpus's classes.
struct CorpusLabels {
    /// Tagger types allowed for each class.
    class_types: BTreeMap<String, Vec<usize>>,
    /// Mask of an unannotated token: `O` plus every tag of unannotated types.
    outside: u64,
}

fn corpus_labels(meta: &Meta, types: &[String], bilou: &Bilou) -> CorpusLabels {
    let mut class_types = BTreeMap::new();
    let mut annotated = vec![false; types.len()];
    for (class, labels) in &meta.classes {
        let mut ts: Vec<usize> = types
            .iter()
            .enumerate()
            .filter(|(_, t)| onto_labels(t).iter().any(|l| labels.iter().any(|x| x == l)))
            .map(|(k, _)| k)
            .collect();
        // A class that merges places and facilities (GUM, MEANTIME, re3d "place") teaches
        // PLACE: left free, the latent choice drifts towards FAC for common places.
        if let Some(p) = types.iter().position(|t| t == "PLACE") {
            if ts.contains(&p) {
                ts.retain(|&t| types[t] != "FAC");
                let fac = types.iter().position(|t| t == "FAC");
                annotated_extra(&mut annotated, fac);
            }
        }
        for &t in &ts {
            annotated[t] = true;
        }
        class_types.insert(class.clone(), ts);
    }
    let mut outside = 1u64;
    for (t, &a) in annotated.iter().enumerate() {
        // Only group words are left free where a corpus does not annotate them: a free
        // PRODUCT would drift onto any capitalised token those corpora leave unlabelled
        // ("U.S." in "U.S.-led"), and their product names are ignore regions anyway.
        if !a && types[t] == "NORP" {
            for p in [Part::Begin, Part::Inside, Part::Last, Part::Unit] {
                outside |= 1 << bilou.tag(p, t);
            }
        }
    }
    CorpusLabels {
        class_types,
        outside,
    }
}

fn annotated_extra(annotated: &mut [bool], t: Option<usize>) {
    if let Some(t) = t {
        annotated[t] = true;
    }
}

/// Token range exactly covering bytes `[s, e)`, if the span falls on token boundaries.
fn token_range(doc: &Document, s: usize, e: usize) -> Option<std::ops::Range<usize>> {
    let a = doc.tokens.partition_point(|t| t.start < s);
    let b = doc.tokens.partition_point(|t| t.end <= e);
    (a < b && doc.tokens[a].start == s && doc.tokens[b - 1].end == e).then_some(a..b)
}

/// Tokens overlapping bytes `[s, e)`.
fn overlapping(doc: &Document, s: usize, e: usize) -> std::ops::Range<usize> {
    let a = doc.tokens.partition_point(|t| t.end <= s);
    let b = doc.tokens.partition_point(|t| t.start < e);
    a..b.max(a)
}

/// Allowed-tag masks of a document's tokens.
fn doc_masks(
    doc: &Document,
    nd: &NerDoc,
    labels: &CorpusLabels,
    bilou: &Bilou,
    stats: &mut LoadStats,
) -> Vec<u64> {
    let all: u64 = if bilou.tags() == 64 {
        u64::MAX
    } else {
        (1u64 << bilou.tags()) - 1
    };
    let table = char_to_byte_table(doc.text);
    let byte = |c: usize| table.get(c).copied().unwrap_or(doc.text.len());
    let mut masks = vec![labels.outside; doc.tokens.len()];
    for ig in &nd.ignore {
        for m in &mut masks[overlapping(doc, byte(ig.start), byte(ig.end))] {
            *m = all;
        }
    }
    for e in &nd.entities {
        let (s, t) = (byte(e.start), byte(e.end));
        let Some(ts) = labels.class_types.get(&e.label) else {
            continue;
        };
        if ts.is_empty() {
            // a value class the tagger does not predict: its tokens are not names; a name
            // class it does not predict (PRODUCT): unknown
            if !VALUE_CLASSES.contains(&e.label.as_str()) {
                for m in &mut masks[overlapping(doc, s, t)] {
                    *m = all;
                }
            }
            continue;
        }
        stats.mentions += 1;
        let Some(r) = token_range(doc, s, t) else {
            stats.misaligned += 1;
            for m in &mut masks[overlapping(doc, s, t)] {
                *m = all;
            }
            continue;
        };
        if doc.token_sentence[r.start] != doc.token_sentence[r.end - 1] {
            stats.cross_sentence += 1;
            for m in &mut masks[r] {
                *m = all;
            }
            continue;
        }
        for (k, i) in r.clone().enumerate() {
            let part = if r.len() == 1 {
                Part::Unit
            } else if k == 0 {
                Part::Begin
            } else if i + 1 == r.end {
                Part::Last
            } else {
                Part::Inside
            };
            masks[i] = ts.iter().fold(0, |m, &t| m | 1 << bilou.tag(part, t));
        }
    }
    masks
}

/// Lets every capitalised word that the corpus left outside its annotations take any
/// tag (see [`NerOptions::open_caps`]).
fn open_capitalised(doc: &Document, masks: &mut [u64], outside: u64, bilou: &Bilou) {
    let all: u64 = if bilou.tags() == 64 {
        u64::MAX
    } else {
        (1u64 << bilou.tags()) - 1
    };
    for (i, m) in masks.iter_mut().enumerate() {
        if *m == outside
            && doc.tokens[i].kind == crate::text::TokenKind::Word
            && doc.token_text(i).starts_with(char::is_uppercase)
        {
            *m = all;
        }
    }
}

/// The train set `name`, built with the requested GUM genres.
fn train_set_path(name: &str, opts: &NerOptions) -> Result<PathBuf, TrainError> {
    let Some(genres) = opts.gum_genres.as_deref().filter(|_| name == "ner-gum") else {
        return set_path("train", name);
    };
    let dir = PathBuf::from(format!(
        "target/train-sets-gum/{}",
        genres.replace(',', "-")
    ));
    let path = dir.join("train").join(format!("{name}.jsonl"));
    if !path.exists() {
        let status = Command::new("python3")
            .arg("../shared/eval/build_sets.py")
            .args([
                "--split",
                "train",
                "--only",
                name,
                "--gum-genres",
                genres,
                "--out",
            ])
            .arg(&dir)
            .status()
            .map_err(|e| TrainError::BuildSets(format!("build_sets.py: {e}")))?;
        if !status.success() || !path.exists() {
            return Err(TrainError::BuildSets(format!(
                "{} was not written",
                path.display()
            )));
        }
    }
    Ok(path)
}

/// A raw re3d entity record (`../shared/data/re3d/train/<source>/entities.jsonl`).
#[derive(Deserialize)]
struct Re3dEntity {
    begin: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: String,
    #[serde(rename = "documentId")]
    document: String,
    confidence: f64,
}

/// Marks the name-type entities re3d annotates with confidence below 0.5 as ignore
/// regions of the training documents (the set leaves them out of the gold, so they would
/// otherwise teach "not a name" for what annotators mostly did call a name).
fn add_re3d_uncertain(docs: &mut [NerDoc]) -> Result<(), TrainError> {
    let root = Path::new("../shared/data/re3d/train");
    let Ok(sources) = std::fs::read_dir(root) else {
        return Ok(());
    };
    let mut by_doc: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    let mut sources: Vec<PathBuf> = sources.flatten().map(|e| e.path()).collect();
    sources.sort();
    for dir in sources {
        let path = dir.join("entities.jsonl");
        if !path.exists() {
            continue;
        }
        let source = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for e in read_jsonl::<Re3dEntity>(&path)? {
            let name_type = matches!(
                e.kind.as_str(),
                "Person" | "Organisation" | "Location" | "Nationality"
            );
            if name_type && e.confidence < 0.5 {
                by_doc
                    .entry(format!("{source}/{}", e.document))
                    .or_default()
                    .push((e.begin, e.end));
            }
        }
    }
    for d in docs {
        if let Some(spans) = by_doc.get(&d.id) {
            for &(start, end) in spans {
                d.ignore.push(super::corpus::IgnoreSpan { start, end });
            }
        }
    }
    Ok(())
}

fn meta_path(set: &Path) -> PathBuf {
    let s = set.display().to_string();
    PathBuf::from(format!("{}.meta.json", s.trim_end_matches(".jsonl")))
}

fn load_meta(set: &Path) -> Result<Meta, TrainError> {
    let path = meta_path(set);
    let text = std::fs::read_to_string(&path).map_err(|source| TrainError::Io {
        path: path.display().to_string(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|e| TrainError::Format {
        path: path.display().to_string(),
        line: 0,
        message: e.to_string(),
    })
}

fn load(
    opts: &NerOptions,
    bilou: &Bilou,
    lex: &Lexicon,
    clusters: Option<&WordClusters>,
    data: &mut Data,
) -> Result<Vec<LoadStats>, TrainError> {
    let mut featurizer = Featurizer::new(opts.bits);
    let mut all_stats = Vec::new();
    for (c, (name, _)) in opts.sets.iter().enumerate() {
        let path = train_set_path(name, opts)?;
        let meta = load_meta(&path)?;
        let labels = corpus_labels(&meta, &opts.types, bilou);
        let mut docs: Vec<NerDoc> = read_jsonl(&path)?;
        if name == "ner-re3d" && opts.re3d_uncertain {
            add_re3d_uncertain(&mut docs)?;
        }
        let mut stats = LoadStats::default();
        for nd in &docs {
            let doc = Document::new(&nd.text);
            let ctx = DocContext::with_clusters(&doc, lex, clusters);
            let mut masks = doc_masks(&doc, nd, &labels, bilou, &mut stats);
            if opts.open_caps.iter().any(|s| s == name) {
                open_capitalised(&doc, &mut masks, labels.outside, bilou);
            }
            stats.docs += 1;
            stats.tokens += doc.tokens.len();
            for s in &doc.segments.sentences {
                let r = s.tokens.clone();
                if r.is_empty() {
                    continue;
                }
                let first = data.token_feats.len();
                for i in r.clone() {
                    data.token_feats.push(data.feats.len());
                    featurizer.features(&doc, &ctx, &r, i, &mut data.feats);
                    data.masks.push(masks[i]);
                }
                data.sequences.push(Sequence {
                    first,
                    len: r.len(),
                    corpus: c,
                });
            }
        }
        all_stats.push(stats);
    }
    data.token_feats.push(data.feats.len());
    Ok(all_stats)
}

/// splitmix64: a small deterministic generator for the shuffles.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// The trainer's state.
struct Trainer {
    bilou: Bilou,
    emission: Perceptron,
    transition: Perceptron,
    clusters: Option<crate::tagger::LinearModel>,
}

impl Trainer {
    fn transitions(&self) -> Transitions {
        let n = self.bilou.tags();
        let mut learned = vec![0.0f32; (n + 1) * n];
        let mut row = vec![0.0f32; n];
        for prev in 0..=n {
            self.transition.scores(&[prev as u32], &mut row);
            learned[prev * n..(prev + 1) * n].copy_from_slice(&row);
        }
        let mut t = Transitions::from_bilou(&self.bilou);
        t.add_scores(&learned);
        t
    }

    fn model(&self, opts: &NerOptions, meta: Vec<(String, String)>) -> ModelFile {
        self.model_from(self.emission.finish(), self.transition.finish(), opts, meta)
    }

    /// The model file holding the given emission and transition tables.
    fn model_from(
        &self,
        mut emission: crate::tagger::LinearModel,
        transition: crate::tagger::LinearModel,
        opts: &NerOptions,
        meta: Vec<(String, String)>,
    ) -> ModelFile {
        if opts.prune > 0 {
            for w in &mut emission.weights {
                if w.abs() < opts.prune {
                    *w = 0;
                }
            }
        }
        ModelFile {
            name: "ner".into(),
            feature_set: FEATURE_SET,
            labels: self.bilou.tag_names(),
            meta,
            tables: [
                ("emission".to_string(), emission),
                ("transitions".to_string(), transition),
            ]
            .into_iter()
            .chain(self.clusters.clone().map(|c| ("clusters".to_string(), c)))
            .collect(),
        }
    }
}

/// How the model file is written: stored (not deflated), the emission weights on
/// `opts.levels` evenly spaced magnitudes (8-bit weights by default; the transitions and
/// the word-cluster table stay exact). Stored because inflating its 1 MB payload took 6-7
/// ms of the tagger's first use, while the explorer's download is gzip-compressed anyway
/// (gzip -9 of the stored payload: 597 kB, the deflated file: 601 kB).
fn write_options(opts: &NerOptions) -> WriteOptions {
    WriteOptions {
        level: 0,
        codebooks: if opts.levels > 0 {
            vec![("emission".to_string(), opts.levels)]
        } else {
            Vec::new()
        },
    }
}

/// What a training run did.
#[derive(Debug, Clone)]
pub struct NerReport {
    /// Seconds spent training (loading excluded).
    pub train_seconds: f64,
    /// Seconds spent loading and featurising.
    pub load_seconds: f64,
    /// Bytes of the model file.
    pub model_bytes: usize,
    /// Lines describing the data.
    pub lines: Vec<String>,
}

/// Trains the tagger and writes the model file.
pub fn train(opts: &NerOptions, command: &str) -> Result<NerReport, TrainError> {
    let bilou = Bilou::new(opts.types.iter().cloned());
    let n = bilou.tags();
    let lex = Lexicon::embedded();
    let t0 = Instant::now();
    let cluster_table = match &opts.clusters {
        Some(co) => {
            let paths = opts
                .sets
                .iter()
                .map(|(name, _)| train_set_path(name, opts))
                .collect::<Result<Vec<_>, _>>()?;
            let texts = wordclusters::training_texts(&paths)?;
            let (table, words) = wordclusters::learn(&texts, co);
            eprintln!(
                "word clusters: {words} words from {} train texts into {} / {} clusters in {:.1}s",
                texts.len(),
                co.fine,
                co.coarse,
                t0.elapsed().as_secs_f64()
            );
            Some(table)
        }
        None => None,
    };
    let clusters = cluster_table
        .as_ref()
        .and_then(|t| WordClusters::from_table(crate::tagger::CompactLinear::from_linear(t)));
    let mut data = Data::default();
    let stats = load(opts, &bilou, lex, clusters.as_ref(), &mut data)?;
    let load_seconds = t0.elapsed().as_secs_f64();
    let mut lines = Vec::new();
    for ((name, rep), s) in opts.sets.iter().zip(&stats) {
        lines.push(format!(
            "{name:28} x{rep} {:4} docs {:7} tokens {:6} name mentions ({} off token boundaries, {} across sentences)",
            s.docs, s.tokens, s.mentions, s.misaligned, s.cross_sentence
        ));
    }
    for l in &lines {
        eprintln!("{l}");
    }
    eprintln!(
        "loaded {} sentences, {} tokens, {} features in {load_seconds:.1}s",
        data.sequences.len(),
        data.masks.len(),
        data.feats.len()
    );

    let mut trainer = Trainer {
        emission: Perceptron::new(n, 1 << opts.bits),
        transition: Perceptron::new(n, n + 1),
        bilou: bilou.clone(),
        clusters: cluster_table,
    };
    let mut order: Vec<usize> = Vec::new();
    for (k, s) in data.sequences.iter().enumerate() {
        for _ in 0..opts.sets[s.corpus].1 {
            order.push(k);
        }
    }
    let mut emissions = Vec::new();
    let mut scratch = Scratch::default();
    let (mut pred, mut gold) = (Vec::new(), Vec::new());
    let t1 = Instant::now();
    let meta_base = |epochs: usize| -> Vec<(String, String)> {
        let mut meta: Vec<(String, String)> = vec![
            ("types".into(), opts.types.join(",")),
            ("bits".into(), opts.bits.to_string()),
            ("epochs".into(), epochs.to_string()),
            ("seed".into(), opts.seed.to_string()),
            (
                "sets".into(),
                opts.sets
                    .iter()
                    .map(|(s, r)| format!("{s}x{r}"))
                    .collect::<Vec<_>>()
                    .join(","),
            ),
            (
                "gum_genres".into(),
                opts.gum_genres
                    .clone()
                    .unwrap_or_else(|| "build_sets.py default".into()),
            ),
            ("re3d_uncertain".into(), opts.re3d_uncertain.to_string()),
            ("prune".into(), opts.prune.to_string()),
            ("levels".into(), opts.levels.to_string()),
            (
                "clusters".into(),
                opts.clusters.as_ref().map_or("none".into(), |c| {
                    format!(
                        "{} fine / {} coarse, min count {}, {} context words, {} iterations",
                        c.fine, c.coarse, c.min_count, c.contexts, c.iterations
                    )
                }),
            ),
            ("command".into(), command.to_string()),
            (
                "data".into(),
                "../shared/data via ../shared/eval/build_sets.py --split train (NER sets; \
                 word clusters also read the PolNeAR, ClaimBuster and CLEF train texts)"
                    .into(),
            ),
        ];
        if !opts.open_caps.is_empty() {
            // only when used, so that the default command still writes the same file
            meta.push(("open_caps".into(), opts.open_caps.join(",")));
        }
        if opts.soup > 1 {
            meta.push(("soup".into(), opts.soup.to_string()));
        }
        meta
    };
    let members = opts.soup.max(1);
    let mut soup = crate::tagger::Soup::default();
    for member in 0..members {
        let mut rng = Rng(opts.seed.wrapping_add(member as u64));
        if member > 0 {
            trainer.emission = Perceptron::new(n, 1 << opts.bits);
            trainer.transition = Perceptron::new(n, n + 1);
            order.sort_unstable();
        }
        for epoch in 1..=opts.epochs {
            rng.shuffle(&mut order);
            let mut trans = trainer.transitions();
            let (mut errors, mut tokens, mut skipped) = (0usize, 0usize, 0usize);
            for &k in &order {
                let seq = &data.sequences[k];
                emissions.clear();
                emissions.resize(seq.len * n, 0.0);
                for j in 0..seq.len {
                    trainer.emission.scores(
                        data.token(seq.first + j),
                        &mut emissions[j * n..(j + 1) * n],
                    );
                }
                let masks = &data.masks[seq.first..seq.first + seq.len];
                if !decode_into(&emissions, &trans, Some(masks), &mut scratch, &mut gold) {
                    skipped += 1;
                    continue;
                }
                decode_into(&emissions, &trans, None, &mut scratch, &mut pred);
                trainer.emission.tick();
                trainer.transition.tick();
                tokens += seq.len;
                if pred == gold {
                    continue;
                }
                let mut changed = false;
                for j in 0..seq.len {
                    if pred[j] != gold[j] {
                        errors += 1;
                        trainer
                            .emission
                            .learn(data.token(seq.first + j), gold[j], pred[j]);
                    }
                    let gp = if j == 0 { 0 } else { gold[j - 1] + 1 };
                    let pp = if j == 0 { 0 } else { pred[j - 1] + 1 };
                    if (gp, gold[j]) != (pp, pred[j]) {
                        trainer.transition.update(gp as u32, gold[j], 1.0);
                        trainer.transition.update(pp as u32, pred[j], -1.0);
                        changed = true;
                    }
                }
                if changed {
                    trans = trainer.transitions();
                }
            }
            eprintln!(
            "epoch {epoch:2}: {:.2}% token errors, {skipped} sentences without a consistent path, {:.1}s",
            100.0 * errors as f64 / tokens.max(1) as f64,
            t1.elapsed().as_secs_f64()
        );
            if opts.eval_epochs.contains(&epoch) && epoch != opts.epochs {
                let model = trainer.model(opts, meta_base(epoch));
                let tagger = NerTagger::from_bytes(&model.to_bytes_with(&write_options(opts)))?;
                evaluate(&tagger, "dev", &format!("epoch{epoch}"))?;
            }
        }
        if members > 1 {
            soup.add(vec![
                trainer.emission.averaged(),
                trainer.transition.averaged(),
            ]);
            eprintln!("soup member {} of {members} done", member + 1);
        }
    }
    let train_seconds = t1.elapsed().as_secs_f64();
    let model = if let [emission, transition] = &soup.mean()[..] {
        trainer.model_from(
            crate::tagger::LinearModel::quantise(n, 1 << opts.bits, emission),
            crate::tagger::LinearModel::quantise(n, n + 1, transition),
            opts,
            meta_base(opts.epochs),
        )
    } else {
        trainer.model(opts, meta_base(opts.epochs))
    };
    if let Ok(e) = model.table("emission") {
        let (rows, nz) = table_stats(e);
        let hist = {
            let mut h = [0usize; 17];
            for &w in &e.weights {
                if w != 0 {
                    h[(16 - w.unsigned_abs().leading_zeros()) as usize] += 1;
                }
            }
            h
        };
        eprintln!(
            "emission: {rows} non-zero rows, {nz} non-zero weights; |w| log2 histogram {hist:?}"
        );
    }
    let bytes = model.to_bytes_with(&write_options(opts));
    std::fs::write(&opts.out, &bytes).map_err(|source| TrainError::Io {
        path: opts.out.display().to_string(),
        source,
    })?;
    Ok(NerReport {
        train_seconds,
        load_seconds,
        model_bytes: bytes.len(),
        lines,
    })
}

/// Runs the entity stage with `tagger` over a split's NER sets, writes predictions under
/// `target/ner-eval/` and prints `score.py`'s summary of each.
pub fn evaluate(tagger: &NerTagger, split: &str, tag: &str) -> Result<(), TrainError> {
    let dir = PathBuf::from("target/ner-eval");
    std::fs::create_dir_all(&dir).map_err(|source| TrainError::Io {
        path: dir.display().to_string(),
        source,
    })?;
    let names: &[&str] = if split == "seed" {
        &["ner-seed"]
    } else {
        &SETS
    };
    for &name in names {
        let path = if split == "train" {
            set_path("train", name)?
        } else {
            PathBuf::from(format!("target/eval-sets/{split}/{name}.jsonl"))
        };
        if !path.exists() {
            eprintln!(
                "{}: missing (run ../shared/eval/score-dev.sh once)",
                path.display()
            );
            continue;
        }
        let docs: Vec<NerDoc> = read_jsonl(&path)?;
        let pred_path = dir.join(format!("{tag}-{split}-{name}.jsonl"));
        let mut out = Vec::new();
        for nd in &docs {
            let doc = Document::new(&nd.text);
            let found = crate::entities::extract_with(&doc, tagger);
            let offsets = OffsetMap::new(&nd.text);
            let ents: Vec<serde_json::Value> = found
                .mentions
                .iter()
                .map(|m| {
                    serde_json::json!({
                        "start": offsets.to_char(m.span.start),
                        "end": offsets.to_char(m.span.end),
                        "label": m.entity_type.as_str(),
                    })
                })
                .collect();
            let line = serde_json::json!({"id": nd.id, "entities": ents});
            writeln!(out, "{line}").map_err(|source| TrainError::Io {
                path: pred_path.display().to_string(),
                source,
            })?;
        }
        std::fs::write(&pred_path, out).map_err(|source| TrainError::Io {
            path: pred_path.display().to_string(),
            source,
        })?;
        let output = Command::new("python3")
            .arg("../shared/eval/score.py")
            .arg("--set")
            .arg(&path)
            .arg("--pred")
            .arg(&pred_path)
            .output()
            .map_err(|e| TrainError::BuildSets(format!("score.py: {e}")))?;
        let text = String::from_utf8_lossy(&output.stdout);
        for l in text.lines().filter(|l| !l.trim().is_empty()) {
            println!("[{tag} {split}] {l}");
        }
    }
    Ok(())
}

/// Non-zero rows and weights of a model table (size diagnostics).
pub fn table_stats(m: &crate::tagger::LinearModel) -> (usize, usize) {
    let rows = m
        .weights
        .chunks(m.labels)
        .filter(|r| r.iter().any(|&w| w != 0))
        .count();
    let nz = m.weights.iter().filter(|&&w| w != 0).count();
    (rows, nz)
}
