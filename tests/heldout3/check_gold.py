#!/usr/bin/env python3
"""Check the blind held-out gold (heldout3): structure, anchors, and gold-as-export = 1.000.

    python3 /work/heldout3/check_gold.py [GOLD.json] [--write-export PATH]

1. validates gold.json against the format of /work/shared/eval/gold/seeds.json (dossier-gold/1):
   same keys, allowed values, every speaker / actor / place a listed entity;
2. checks that every figure and agreement anchor is an exact substring of exactly one line of
   its article;
3. converts the gold into a dossier/1 export (what a perfect system would hand over) and scores
   it with /work/shared/eval/score.py: every score must be 1.000.
Exit status 0 when all checks pass.
"""
import argparse, importlib.util, json, pathlib, re, sys

HERE = pathlib.Path(__file__).resolve().parent
SCORER = pathlib.Path("/work/shared/eval/score.py")

FIG_KEYS = ["anchor", "value", "unit", "metric", "period", "kind", "approx", "speaker", "optional"]
METRICS = {"trade_turnover", "exports", "imports", "investment", "investment_stock", "companies",
           "joint_projects", "students", "universities", "gdp", "population", "energy", "other"}
KINDS = {"actual", "target", "forecast"}
APPROX = {"exact", "about", "more_than", "less_than", "almost"}
TYPES = {"person", "country", "organization", "place", "other"}
EV_TYPES = {"visit", "meeting", "agreement", "forum", "statement", "other"}
EV_KEYS = {"id", "types", "dates", "place", "actors", "documents"}
PERIOD = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2})?)?")
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def load_scorer():
    spec = importlib.util.spec_from_file_location("score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def validate(gold, corpus):
    errs = []
    if set(gold) != {"format", "corpus", "documents", "entities", "events", "agreements", "conflicts"}:
        errs.append(f"top-level keys: {sorted(gold)}")
    if gold.get("format") != "dossier-gold/1":
        errs.append(f"format: {gold.get('format')}")
    files = {p.name for p in corpus.glob("*.txt")}
    if set(gold["documents"]) != files:
        errs.append(f"documents differ from corpus: {sorted(set(gold['documents']) ^ files)}")
    for name, e in gold["entities"].items():
        if set(e) != {"type", "aliases"} or e["type"] not in TYPES or not e["aliases"]:
            errs.append(f"entity {name}: {e}")
    lines = {}
    for doc, g in gold["documents"].items():
        if set(g) != {"language", "published", "figures", "entities"}:
            errs.append(f"{doc}: keys {sorted(g)}")
        if g["language"] != doc[:2]:
            errs.append(f"{doc}: language {g['language']}")
        if g["published"] is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", g["published"]):
            errs.append(f"{doc}: published {g['published']}")
        lines[doc] = (corpus / doc).read_text(encoding="utf-8").split("\n")
        for n in g["entities"]:
            if n not in gold["entities"]:
                errs.append(f"{doc}: unknown entity {n}")
        for f in g["figures"]:
            if list(f) != FIG_KEYS:
                errs.append(f"{doc}: figure keys {list(f)}")
            if f["metric"] not in METRICS or f["kind"] not in KINDS or f["approx"] not in APPROX:
                errs.append(f"{doc}: figure values {f}")
            if not isinstance(f["value"], (int, float)) or not isinstance(f["optional"], bool):
                errs.append(f"{doc}: figure value/optional {f}")
            if f["period"] is not None and not PERIOD.fullmatch(f["period"]):
                errs.append(f"{doc}: figure period {f}")
            if f["speaker"] and f["speaker"] not in g["entities"]:
                errs.append(f"{doc}: speaker {f['speaker']} not a document entity")
            n = sum(f["anchor"] in line for line in lines[doc])
            if n != 1:
                errs.append(f"{doc}: figure anchor on {n} lines: {f['anchor']!r}")
    for e in gold["events"]:
        if not EV_KEYS <= set(e) <= EV_KEYS | {"optional", "planned"}:
            errs.append(f"event {e.get('id')}: keys {sorted(e)}")
        if not set(e["types"]) <= EV_TYPES:
            errs.append(f"event {e['id']}: types {e['types']}")
        if any(not DATE.fullmatch(d) for d in e["dates"]):
            errs.append(f"event {e['id']}: dates {e['dates']}")
        for a in e["actors"] + ([e["place"]] if e["place"] else []):
            if a not in gold["entities"]:
                errs.append(f"event {e['id']}: unknown entity {a}")
        for d in e["documents"]:
            if d not in gold["documents"]:
                errs.append(f"event {e['id']}: unknown document {d}")
    for a in gold["agreements"]:
        if set(a) != {"anchor", "document", "date", "same_as"}:
            errs.append(f"agreement keys {sorted(a)}")
        n = sum(a["anchor"] in line for line in lines.get(a["document"], []))
        if n != 1:
            errs.append(f"agreement anchor on {n} lines of {a['document']}: {a['anchor']!r}")
    for c in gold["conflicts"]:
        if not {"metric", "period", "values"} <= set(c) <= {"metric", "period", "values", "note"}:
            errs.append(f"conflict keys {sorted(c)}")
        for v in c["values"]:
            if not any(not f["optional"] and f["metric"] == c["metric"] and f["period"] == c["period"]
                       and abs(f["value"] - v) <= 0.005 * v for g in gold["documents"].values() for f in g["figures"]):
                errs.append(f"conflict value {v} ({c.get('note')}) is no required gold figure")
    return errs, lines


def to_export(gold, lines):
    """What a perfect system would export for this corpus."""
    doc_id = {doc: f"d{i}" for i, doc in enumerate(gold["documents"], 1)}
    ent_id = {name: f"e{i}" for i, name in enumerate(gold["entities"], 1)}
    line_of = lambda doc, anchor: next(l for l in lines[doc] if anchor in l)
    out = {"format": "dossier/1", "documents": [], "entities": [], "figures": [], "events": [],
           "agreements": [], "conflicts": []}
    for doc, g in gold["documents"].items():
        out["documents"].append({"id": doc_id[doc], "source": f"corpus/{doc}", "title": lines[doc][0],
                                 "language": g["language"], "published": g["published"]})
    for name, e in gold["entities"].items():
        out["entities"].append({"id": ent_id[name], "name": name, "type": e["type"], "aliases": e["aliases"],
                                "documents": [doc_id[d] for d, g in gold["documents"].items() if name in g["entities"]]})
    n = 0
    for doc, g in gold["documents"].items():
        for f in g["figures"]:
            n += 1
            out["figures"].append({"id": f"f{n}", "document": doc_id[doc], "quote": line_of(doc, f["anchor"]),
                                   "value": f["value"], "unit": f["unit"], "measure": None,
                                   "metric": None if f["metric"] == "other" else f["metric"],
                                   "period": f["period"], "kind": f["kind"], "approx": f["approx"],
                                   "speaker": ent_id[f["speaker"]] if f["speaker"] else None, "subjects": []})
    for i, e in enumerate(gold["events"], 1):
        out["events"].append({"id": f"v{i}", "type": e["types"][0], "date": (e["dates"] or [None])[0],
                              "status": "planned" if e.get("planned") else "happened",
                              "place": ent_id.get(e["place"]), "actors": [ent_id[a] for a in e["actors"]],
                              "title": e["id"], "documents": [doc_id[d] for d in e["documents"]], "evidence": []})
    groups = {}
    for a in gold["agreements"]:
        groups.setdefault(a["same_as"], []).append(a)
    for i, (same, members) in enumerate(groups.items(), 1):
        out["agreements"].append({"id": f"a{i}", "title": same, "date": members[0]["date"], "parties": [],
                                  "documents": sorted({doc_id[m["document"]] for m in members}),
                                  # evidence = the agreement's own words, not the whole sentence: several
                                  # sentences name two or three agreements, and score.py takes the first
                                  # exported agreement whose evidence holds the anchor
                                  "evidence": [{"document": doc_id[m["document"]], "quote": m["anchor"]}
                                               for m in members]})
    for i, c in enumerate(gold["conflicts"], 1):
        figs = [f["id"] for f in out["figures"] if f["metric"] == c["metric"] and f["period"] == c["period"]
                and any(abs(f["value"] - v) <= 0.005 * v for v in c["values"])]
        out["conflicts"].append({"id": f"c{i}", "metric": c["metric"], "period": c["period"], "subjects": [],
                                 "figures": figs})
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", default=str(HERE / "gold.json"))
    ap.add_argument("--write-export", metavar="PATH")
    a = ap.parse_args(argv)
    gold_path = pathlib.Path(a.gold)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    corpus = gold_path.resolve().parent / "corpus"
    errs, lines = validate(gold, corpus)
    for e in errs:
        print("ERROR:", e)
    export = to_export(gold, lines)
    if a.write_export:
        pathlib.Path(a.write_export).write_text(json.dumps(export, ensure_ascii=False, indent=1), encoding="utf-8")
    s = load_scorer().score(gold, export)
    bad = []
    for k, v in s.items():
        if k.startswith("_"):
            continue
        print(f"{k:21} {'-' if v is None else f'{v:.3f}'}")
        if v is not None and v != 1.0:
            bad.append(k)
        if v is None:
            bad.append(k + " (undefined)")
    c = s["_counts"]
    print(f"\nfigures: {c['figures_gold']} required in gold, {c['figures_pred']} in the gold-as-export "
          f"(incl. optional ones); missed: {c['figures_missed']}")
    docs = gold["documents"]
    print(f"{len(docs)} documents ({sum(1 for d in docs.values() if d['published'])} dated), "
          f"{sum(len(d['figures']) for d in docs.values())} figures "
          f"({sum(not f['optional'] for d in docs.values() for f in d['figures'])} required), "
          f"{sum(len(d['entities']) for d in docs.values())} (document, entity) pairs, {len(gold['entities'])} entities "
          f"({sum(1 for e in gold['entities'].values() if len(e['aliases']) >= 2)} with two or more forms), "
          f"{len(gold['events'])} events ({sum(not e.get('optional') for e in gold['events'])} required), "
          f"{len(gold['agreements'])} agreement mentions in {len({x['same_as'] for x in gold['agreements']})} agreements, "
          f"{len(gold['conflicts'])} conflicts")
    if errs or bad:
        print(f"\nFAIL: {len(errs)} structural errors; scores below 1.000: {bad}")
        return 1
    print("\nOK: gold is well-formed and the gold-as-export scores 1.000 everywhere")
    return 0


if __name__ == "__main__":
    sys.exit(main())
