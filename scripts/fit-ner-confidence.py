#!/usr/bin/env python3
"""Fits the name tagger's confidence curve (CONFIDENCE_SCALE, CONFIDENCE_SHIFT in
src/entities/tagger.rs): logistic regression of "this mention is exactly right" (strict
span and class, as ../shared/eval/score.py counts it) on the tagger's span margin, over
the tagger's mentions in the dev sets of en-worldwide-newswire, GUM and MEANTIME (re3d is
left out: it leaves many names unannotated).

The margin is recovered from each mention's confidence by inverting the current curve, so
give the constants the binary was built with. Usage, from the repo root:

    ../shared/eval/score-dev.sh            # once, builds target/eval-sets/dev
    cargo build --release --features cli --bin claimlens
    python3 scripts/fit-ner-confidence.py 0.0143 0.757

Prints the fitted constants and a reliability table (predicted vs observed accuracy).
"""
import json
import math
import subprocess
import sys

SETS = ["ner-en-worldwide-newswire", "ner-gum", "ner-meantime-en"]
TAGGED = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
RULE_CONFIDENCES = {0.5, 0.6, 0.8}  # fixed values of rule-made mentions (names.rs, mod.rs)


def samples(scale, shift):
    xs, ys = [], []
    for name in SETS:
        path = f"target/eval-sets/dev/{name}.jsonl"
        gold = [json.loads(line) for line in open(path, encoding="utf-8")]
        meta = json.load(open(f"target/eval-sets/dev/{name}.meta.json", encoding="utf-8"))
        class_of = {label: c for c, labels in meta["classes"].items() for label in labels}
        out = subprocess.run(["target/release/claimlens", "batch"], input=open(path, "rb").read(),
                             capture_output=True, check=True).stdout.decode("utf-8")
        pred = {d["id"]: d for d in map(json.loads, out.splitlines())}
        for g in gold:
            spans = {(m["start"], m["end"], m["label"]) for m in g["entities"]}
            ignore = [(r["start"], r["end"]) if isinstance(r, dict) else tuple(r) for r in g.get("ignore", [])]
            for m in pred[g["id"]].get("mentions", []):
                c = class_of.get(m["type"])
                if m["type"] not in TAGGED or c is None or m["confidence"] in RULE_CONFIDENCES:
                    continue
                key = (m["start"], m["end"], c)
                if key not in spans and any(a < key[1] and key[0] < b for a, b in ignore):
                    continue  # the corpus cannot say
                p = min(max(m["confidence"], 0.001), 0.999)
                xs.append((math.log(p / (1 - p)) - shift) / scale)
                ys.append(1 if key in spans else 0)
    return xs, ys


def fit(xs, ys):
    a = b = 0.0
    for _ in range(50):  # Newton's method on the log-likelihood
        g0 = g1 = h00 = h01 = h11 = 0.0
        for x, y in zip(xs, ys):
            p = 1 / (1 + math.exp(-max(-50.0, min(50.0, a * x + b))))
            w = p * (1 - p)
            g0 += (p - y) * x
            g1 += p - y
            h00 += w * x * x
            h01 += w * x
            h11 += w
        det = h00 * h11 - h01 * h01
        a -= (h11 * g0 - h01 * g1) / det
        b -= (-h01 * g0 + h00 * g1) / det
    return a, b


def main():
    scale, shift = float(sys.argv[1]), float(sys.argv[2])
    xs, ys = samples(scale, shift)
    a, b = fit(xs, ys)
    print(f"{len(xs)} mentions, {sum(ys) / len(xs):.3f} right")
    print(f"CONFIDENCE_SCALE = {a:.4f}, CONFIDENCE_SHIFT = {b:.3f}")
    bins = {}
    for x, y in zip(xs, ys):
        k = min(int(10 / (1 + math.exp(-(a * x + b)))), 9)
        n, r = bins.get(k, (0, 0))
        bins[k] = (n + 1, r + y)
    print("confidence  mentions  right")
    for k in sorted(bins):
        n, r = bins[k]
        print(f"{k / 10:.1f}-{(k + 1) / 10:.1f}  {n:8d}  {r / n:.3f}")


if __name__ == "__main__":
    main()
