//! The learned name tagger: hashed token features ([`super::features`]) scored by a
//! quantised linear model, decoded per sentence with constrained Viterbi over BILOU tags.
//! Trained by `cargo run --release --features train --bin train -- ner` (see MODEL.md);
//! the model file is embedded in the binary and the wasm and decoded once.

use std::ops::Range;
use std::sync::OnceLock;

use super::features::{DocContext, Featurizer, WordClusters, FEATURE_SET};
use crate::tagger::bilou::Part;
use crate::tagger::viterbi::{decode_into, Scratch, Transitions};
use crate::tagger::{Bilou, CompactLinear, CompactModelFile, ModelError};
use crate::text::Document;

/// The embedded model (`models/ner.clm`).
static EMBEDDED: &[u8] = include_bytes!("../../models/ner.clm");

/// Platt scaling of the span margin ([`NerTagger::confidence`]), fitted on the dev sets.
const CONFIDENCE_SCALE: f32 = 0.0143;
/// See [`CONFIDENCE_SCALE`].
const CONFIDENCE_SHIFT: f32 = 0.757;

/// The scaled margin behind a confidence: the inverse of the squashing in
/// [`NerTagger::confidence`] (rule-made mentions map through the same curve).
pub fn evidence(confidence: f32) -> f32 {
    let c = confidence.clamp(0.001, 0.999);
    (c / (1.0 - c)).ln() - CONFIDENCE_SHIFT
}

/// A span the tagger found: tokens, index into [`NerTagger::types`], confidence.
#[derive(Debug, Clone, PartialEq)]
pub struct TaggedSpan {
    /// Token indices.
    pub tokens: Range<usize>,
    /// Index of its type in [`NerTagger::types`].
    pub type_index: usize,
    /// How sure the tagger is, in [0, 1].
    pub confidence: f32,
}

/// A loaded name tagger.
#[derive(Debug, Clone)]
pub struct NerTagger {
    bilou: Bilou,
    bits: u32,
    emission: CompactLinear,
    transitions: Transitions,
    clusters: Option<WordClusters>,
    meta: Vec<(String, String)>,
}

/// Reusable buffers for tagging, so a document allocates only its outputs.
#[derive(Debug, Default)]
struct Buffers {
    features: Vec<u32>,
    ends: Vec<u32>,
    slots: Vec<u32>,
    emissions: Vec<f32>,
    scratch: Scratch,
    tags: Vec<usize>,
    /// Partial scores of each distinct word's word-only features.
    word_sums: Vec<[i32; 32]>,
    /// The distinct word of each token of a sentence (whose partial scores it starts
    /// from).
    base: Vec<u32>,
    /// The next sentence's context features, computed while this one's rows arrive.
    next: SentenceFeatures,
}

/// The context features of one sentence's tokens, laid out as
/// [`CompactLinear::score_many_from`] reads them.
#[derive(Debug, Default)]
struct SentenceFeatures {
    features: Vec<u32>,
    ends: Vec<u32>,
    /// The distinct word of each token.
    base: Vec<u32>,
}

impl NerTagger {
    /// Builds a tagger from a model file written by the trainer.
    pub fn from_model(mut model: CompactModelFile) -> Result<NerTagger, ModelError> {
        let meta_get = |k: &str| model.meta(k).map(str::to_string);
        let types: Vec<String> = meta_get("types")
            .ok_or(ModelError::Corrupt("no 'types' in the model metadata"))?
            .split(',')
            .map(str::to_string)
            .collect();
        let bits: u32 = meta_get("bits")
            .and_then(|b| b.parse().ok())
            .ok_or(ModelError::Corrupt("no 'bits' in the model metadata"))?;
        let bilou = Bilou::new(types);
        if bilou.tags() > 64 || model.labels != bilou.tag_names() {
            return Err(ModelError::Corrupt("labels do not match the types"));
        }
        let trans = model.table("transitions")?;
        let n = bilou.tags();
        if trans.labels() != n || trans.buckets() != n + 1 {
            return Err(ModelError::Corrupt("table dimensions"));
        }
        let mut learned = vec![0.0f32; (n + 1) * n];
        for prev in 0..=n {
            trans.score_into(&[prev as u32], &mut learned[prev * n..(prev + 1) * n]);
        }
        let mut transitions = Transitions::from_bilou(&bilou);
        transitions.add_scores(&learned);
        let clusters = match model.tables.iter().position(|(name, _)| name == "clusters") {
            Some(k) => Some(
                WordClusters::from_table(model.tables.swap_remove(k).1)
                    .ok_or(ModelError::Corrupt("cluster table"))?,
            ),
            None => None,
        };
        let k = model
            .tables
            .iter()
            .position(|(name, _)| name == "emission")
            .ok_or_else(|| ModelError::MissingTable {
                model: model.name.clone(),
                table: "emission".into(),
            })?;
        let emission = model.tables.swap_remove(k).1;
        if emission.labels() != n || emission.buckets() != 1 << bits {
            return Err(ModelError::Corrupt("table dimensions"));
        }
        Ok(NerTagger {
            bilou,
            bits,
            emission,
            transitions,
            clusters,
            meta: model.meta,
        })
    }

    /// Decodes a model file's bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<NerTagger, ModelError> {
        NerTagger::from_model(CompactModelFile::from_bytes(bytes, FEATURE_SET)?)
    }

    /// The embedded tagger, decoded on first use; the error if it does not load (the
    /// entity stage then falls back to capitalisation rules).
    pub fn embedded() -> Result<&'static NerTagger, &'static ModelError> {
        static TAGGER: OnceLock<Result<NerTagger, ModelError>> = OnceLock::new();
        TAGGER
            .get_or_init(|| NerTagger::from_bytes(EMBEDDED))
            .as_ref()
    }

    /// The span types it predicts ("PERSON", "PLACE", ...).
    pub fn types(&self) -> &[String] {
        self.bilou.types()
    }

    /// The word clusters its features use, if it was trained with them.
    pub fn clusters(&self) -> Option<&WordClusters> {
        self.clusters.as_ref()
    }

    /// The per-document context this tagger's features need.
    pub fn context(&self, doc: &Document, lex: &super::lexicon::Lexicon) -> DocContext {
        DocContext::with_clusters(doc, lex, self.clusters())
    }

    /// Provenance recorded at training time.
    pub fn meta(&self) -> &[(String, String)] {
        &self.meta
    }

    /// Tags a document, sentence by sentence.
    pub fn tag(&self, doc: &Document, ctx: &DocContext) -> Vec<TaggedSpan> {
        let mut out = Vec::new();
        let featurizer = Featurizer::new(self.bits);
        let mut b = Buffers::default();
        self.word_sums(&featurizer, ctx, &mut b);
        let n = self.bilou.tags();
        // the pipelining pays through prefetches, which only x86-64 has: elsewhere (the
        // wasm) the plain loop, and no code for it in the bundle
        let pipelined = cfg!(target_arch = "x86_64") && self.emission.lanes_fit();
        let mut sentences = doc
            .segments
            .sentences
            .iter()
            .map(|s| s.tokens.clone())
            .filter(|r| !r.is_empty())
            .peekable();
        if pipelined {
            if let Some(first) = sentences.peek() {
                self.context_features(&featurizer, doc, ctx, first, &mut b.next);
                self.emission.prefetch_index(&b.next.features);
            }
        }
        while let Some(range) = sentences.next() {
            if pipelined {
                // the table reads of a sentence overlap the work around them: its index
                // entries were asked for a sentence ahead, its rows now, and the next
                // sentence's features are computed before they are summed
                std::mem::swap(&mut b.next.features, &mut b.features);
                std::mem::swap(&mut b.next.ends, &mut b.ends);
                std::mem::swap(&mut b.next.base, &mut b.base);
                self.emission.fill_slots(&b.features, &mut b.slots);
                if let Some(next) = sentences.peek() {
                    self.context_features(&featurizer, doc, ctx, next, &mut b.next);
                    self.emission.prefetch_index(&b.next.features);
                }
                b.emissions.clear();
                b.emissions.resize(range.len() * n, 0.0);
                self.emission.score_slots_from(
                    &b.slots,
                    &b.ends,
                    &b.word_sums,
                    &b.base,
                    &mut b.emissions,
                );
            } else {
                self.emissions(&featurizer, doc, ctx, &range, &mut b);
            }
            if !decode_into(
                &b.emissions,
                &self.transitions,
                None,
                &mut b.scratch,
                &mut b.tags,
            ) {
                continue;
            }
            for (r, t) in self.bilou.decode(&b.tags) {
                let confidence = self.confidence(&b.emissions, &b.tags, &r);
                out.push(TaggedSpan {
                    tokens: range.start + r.start..range.start + r.end,
                    type_index: t,
                    confidence,
                });
            }
        }
        out
    }

    /// Scores the word-only features of each distinct word of the document once (most
    /// words recur, and these features are the same at every occurrence).
    fn word_sums(&self, featurizer: &Featurizer, ctx: &DocContext, b: &mut Buffers) {
        b.word_sums.clear();
        if !self.emission.lanes_fit() {
            return;
        }
        b.features.clear();
        b.ends.clear();
        for w in 0..ctx.words() {
            featurizer.word_features(ctx, ctx.word_token(w), &mut b.features);
            b.ends.push(b.features.len() as u32);
        }
        self.emission
            .sum_many(&b.features, &b.ends, &mut b.word_sums, &mut b.slots);
    }

    /// The context features of the tokens of `range` into `f` (and each token's distinct
    /// word), for [`CompactLinear::score_slots_from`] on top of [`Self::word_sums`].
    /// (Not inlined: one copy of the feature code for its two callers keeps the wasm
    /// small; it runs once per sentence.)
    #[inline(never)]
    fn context_features(
        &self,
        featurizer: &Featurizer,
        doc: &Document,
        ctx: &DocContext,
        range: &Range<usize>,
        f: &mut SentenceFeatures,
    ) {
        f.features.clear();
        f.ends.clear();
        f.base.clear();
        for i in range.clone() {
            featurizer.context_features(doc, ctx, range, i, &mut f.features);
            f.ends.push(f.features.len() as u32);
            f.base.push(ctx.word_of(i) as u32);
        }
    }

    /// The emission scores of the tokens of `range` into `b.emissions`: each token's
    /// word partial sums (from [`Self::word_sums`]) plus its context features.
    fn emissions(
        &self,
        featurizer: &Featurizer,
        doc: &Document,
        ctx: &DocContext,
        range: &Range<usize>,
        b: &mut Buffers,
    ) {
        let n = self.bilou.tags();
        b.emissions.clear();
        b.emissions.resize(range.len() * n, 0.0);
        b.features.clear();
        b.ends.clear();
        if !self.emission.lanes_fit() {
            // too many labels for the partial sums: all features at once
            let mut featurizer = featurizer.clone();
            for i in range.clone() {
                featurizer.features(doc, ctx, range, i, &mut b.features);
                b.ends.push(b.features.len() as u32);
            }
            self.emission
                .score_many(&b.features, &b.ends, &mut b.emissions, &mut b.slots);
            return;
        }
        let mut f = std::mem::take(&mut b.next);
        self.context_features(featurizer, doc, ctx, range, &mut f);
        self.emission.score_many_from(
            &f.features,
            &f.ends,
            &b.word_sums,
            &f.base,
            &mut b.emissions,
            &mut b.slots,
        );
        b.next = f;
    }

    /// How sure the tagger is of the span `r` (tokens of the sentence) with the tags
    /// `tags`: the emission score of the chosen labelling minus that of the best
    /// alternative labelling of the same tokens (all outside, or the same span with
    /// another type), squashed to (0, 1) with a scale fitted on dev data (MODEL.md).
    /// Alternatives keep the span's BILOU shape, so a tag no valid path could take (a
    /// `B-` before an outside token) never counts as a rival.
    fn confidence(&self, emissions: &[f32], tags: &[usize], r: &Range<usize>) -> f32 {
        let n = self.bilou.tags();
        let types = self.bilou.types().len();
        let mut chosen = 0.0;
        let mut outside = 0.0;
        let mut by_type = [0.0f32; 16];
        for k in r.clone() {
            let Some(row) = emissions.get(k * n..(k + 1) * n) else {
                return 0.0;
            };
            let tag = tags.get(k).copied().unwrap_or(0);
            let part = self.bilou.split(tag).0;
            chosen += row[tag];
            outside += row[0];
            for (t, sum) in by_type.iter_mut().enumerate().take(types) {
                *sum += row.get(self.bilou.tag(part, t)).copied().unwrap_or(0.0);
            }
        }
        let own = tags
            .get(r.start)
            .and_then(|&t| self.bilou.split(t).1)
            .unwrap_or(usize::MAX);
        let mut rival = outside;
        for (t, &sum) in by_type.iter().enumerate().take(types) {
            if t != own && sum > rival {
                rival = sum;
            }
        }
        let margin = chosen - rival;
        let c = 1.0 / (1.0 + (-(CONFIDENCE_SCALE * margin + CONFIDENCE_SHIFT)).exp());
        (c * 1000.0).round() / 1000.0
    }

    /// Stage timings for benchmarks: (featurize, score, decode) in nanoseconds of thread
    /// CPU time are not portable, so this only splits the work: it runs `stage` (0 =
    /// features, 1 = + scores, 2 = + Viterbi) over the document and returns a checksum.
    #[doc(hidden)]
    pub fn bench_stage(&self, doc: &Document, ctx: &DocContext, stage: u8) -> f32 {
        let mut featurizer = Featurizer::new(self.bits);
        let mut b = Buffers::default();
        let n = self.bilou.tags();
        let mut sum = 0.0f32;
        if stage >= 1 {
            self.word_sums(&featurizer, ctx, &mut b);
        }
        for s in &doc.segments.sentences {
            let range = s.tokens.clone();
            if range.is_empty() {
                continue;
            }
            if stage >= 1 {
                self.emissions(&featurizer, doc, ctx, &range, &mut b);
                sum += b.emissions[0];
            } else {
                b.emissions.clear();
                b.emissions.resize(range.len() * n, 0.0);
                b.features.clear();
                b.ends.clear();
                for i in range.clone() {
                    featurizer.features(doc, ctx, &range, i, &mut b.features);
                    b.ends.push(b.features.len() as u32);
                }
                sum += b.features.len() as f32;
            }
            if stage >= 2 {
                decode_into(
                    &b.emissions,
                    &self.transitions,
                    None,
                    &mut b.scratch,
                    &mut b.tags,
                );
                sum += b.tags.len() as f32;
            }
        }
        sum
    }

    /// The tag of `part` for type index `t` (for tests and tools).
    pub fn tag_id(&self, part: Part, t: usize) -> usize {
        self.bilou.tag(part, t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::lexicon::Lexicon;

    fn spans(text: &str) -> Vec<(String, f32)> {
        let Ok(tagger) = NerTagger::embedded() else {
            panic!("the embedded name model loads");
        };
        let doc = Document::new(text);
        let ctx = tagger.context(&doc, Lexicon::embedded());
        tagger
            .tag(&doc, &ctx)
            .into_iter()
            .map(|s| {
                let start = doc.tokens[s.tokens.start].start;
                let end = doc.tokens[s.tokens.end - 1].end;
                (text[start..end].to_string(), s.confidence)
            })
            .collect()
    }

    #[test]
    fn plain_names_are_confident() {
        // Every valid labelling is a rival, never a tag no path could take: the old
        // per-tag margin gave "Turkey" and "Paris" here a confidence near 0.
        let found = spans("Ana Ruiz flew to Turkey on Friday and met officials in Paris.");
        for name in ["Turkey", "Paris"] {
            let c = found.iter().find(|(t, _)| t == name).map(|&(_, c)| c);
            assert!(c.is_some_and(|c| c > 0.7), "{name}: {c:?} in {found:?}");
        }
    }

    #[test]
    fn evidence_inverts_the_confidence_curve() {
        for margin in [-50.0f32, 0.0, 30.0, 120.0] {
            let c = 1.0 / (1.0 + (-(CONFIDENCE_SCALE * margin + CONFIDENCE_SHIFT)).exp());
            assert!((evidence(c) - CONFIDENCE_SCALE * margin).abs() < 1e-3);
        }
        assert!(evidence(0.9) > evidence(0.7));
    }
}
