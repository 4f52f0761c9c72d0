#!/usr/bin/env python3
"""Assemble /work/heldout3/gold.json from the per-article parts in this folder.

    python3 gold_parts/build_gold.py

Parts: one <article>.json per article (language, published, entity list, figure rows),
_entities.py (entity table), _events.py (events, agreements, conflicts).
Anchors in the parts are typed with ordinary spaces; each is resolved here to the exact
substring of the one article line it comes from (NBSP / narrow NBSP kept), so that every
anchor in gold.json is an exact substring of exactly one line of its article.
"""
import json, pathlib, re, sys, unicodedata

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT / "corpus"
sys.path.insert(0, str(HERE))
from _entities import ENTITIES                      # noqa: E402
from _events import EVENTS, AGREEMENTS, CONFLICTS   # noqa: E402

SPACES = "[ \u00a0\u202f\u2009]"
PERIOD = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2})?)?")
errors, warnings = [], []


def lines_of(doc):
    return (CORPUS / doc).read_text(encoding="utf-8").split("\n")


def resolve(anchor, doc):
    pat = re.compile(SPACES.join(re.escape(p) for p in anchor.split(" ")))
    hits = [(i, m.group()) for i, l in enumerate(lines_of(doc), 1) for m in [pat.search(l)] if m]
    if not hits:
        errors.append(f"{doc}: anchor not found: {anchor!r}")
        return anchor
    if len(hits) > 1:
        errors.append(f"{doc}: anchor on {len(hits)} lines {[h[0] for h in hits]}: {anchor!r}")
    return hits[0][1]


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def main():
    docs, texts = {}, {}
    for part in sorted(HERE.glob("*.json")):
        doc = part.stem + ".txt"
        if not (CORPUS / doc).exists():
            errors.append(f"part without article: {part.name}")
            continue
        texts[doc] = fold((CORPUS / doc).read_text(encoding="utf-8"))
        p = json.loads(part.read_text(encoding="utf-8"))
        figs = []
        for row in p["figures"]:
            if len(row) != 9:
                errors.append(f"{doc}: bad figure row {row}")
                continue
            anchor, value, unit, metric, period, kind, approx, speaker, optional = row
            if kind not in ("actual", "target", "forecast") or approx not in (
                    "exact", "about", "more_than", "less_than", "almost"):
                errors.append(f"{doc}: bad kind/approx {row}")
            if speaker and speaker not in p["entities"]:
                errors.append(f"{doc}: speaker {speaker} not among the document's entities")
            if period and not PERIOD.fullmatch(period):
                errors.append(f"{doc}: bad period {period}")
            figs.append({"anchor": resolve(anchor, doc), "value": value, "unit": unit, "metric": metric,
                         "period": period, "kind": kind, "approx": approx, "speaker": speaker,
                         "optional": bool(optional)})
        for name in p["entities"]:
            if name not in ENTITIES:
                errors.append(f"{doc}: entity {name!r} not in entity table")
                continue
            forms = [name] + ENTITIES[name][1]
            # crude presence check: a form, or the first 4 letters of each word of a form
            if not any(fold(f) in texts[doc] for f in forms) and not any(
                    all(fold(w)[:4] in texts[doc] for w in f.split()) for f in forms):
                warnings.append(f"{doc}: no form of {name!r} found in the text")
        if len(set(p["entities"])) != len(p["entities"]):
            errors.append(f"{doc}: duplicate entity in list")
        docs[doc] = {"language": p["language"], "published": p["published"], "figures": figs,
                     "entities": p["entities"]}
    missing = {f.name for f in CORPUS.glob("*.txt")} - set(docs)
    if missing:
        errors.append(f"articles without a part: {sorted(missing)}")

    used = {n for d in docs.values() for n in d["entities"]}
    for name in ENTITIES:
        if name not in used:
            errors.append(f"entity {name!r} is in no document")
    alltext = "\n".join(texts.values())
    for name, (_, aliases) in ENTITIES.items():
        for a in aliases:
            if fold(a) not in alltext:
                warnings.append(f"alias not verbatim in corpus (lemma?): {name} <- {a!r}")

    events = []
    for (eid, types, dates, place, actors, edocs, optional, planned) in EVENTS:
        for a in actors + ([place] if place else []):
            if a not in ENTITIES:
                errors.append(f"event {eid}: unknown entity {a}")
        for d in edocs:
            if d not in docs:
                errors.append(f"event {eid}: unknown document {d}")
            elif not optional and not any(a in docs[d]["entities"] for a in actors):
                errors.append(f"event {eid}: no actor listed for {d}")
        ev = {"id": eid, "types": types, "dates": dates, "place": place, "actors": actors, "documents": edocs}
        if optional:
            ev["optional"] = True
        if planned:
            ev["planned"] = True
        if not optional and (not dates or not actors):
            errors.append(f"required event {eid} lacks dates or actors")
        events.append(ev)
    if len({e["id"] for e in events}) != len(events):
        errors.append("duplicate event ids")

    agreements = [{"anchor": resolve(a, d), "document": d, "date": date, "same_as": same}
                  for (a, d, date, same) in AGREEMENTS]

    conflicts = []
    for metric, period, values, note in CONFLICTS:
        for v in values:
            if not any(f["metric"] == metric and f["period"] == period and not f["optional"]
                       and abs(f["value"] - v) <= 0.005 * v for d in docs.values() for f in d["figures"]):
                errors.append(f"conflict {note}: no required figure with value {v}")
        conflicts.append({"metric": metric, "period": period, "values": values, "note": note})

    gold = {"format": "dossier-gold/1", "corpus": "heldout3/corpus", "documents": docs,
            "entities": {n: {"type": t, "aliases": a} for n, (t, a) in ENTITIES.items()},
            "events": events, "agreements": agreements, "conflicts": conflicts}
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    if errors:
        return 1
    (ROOT / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    nf = sum(len(d["figures"]) for d in docs.values())
    nreq = sum(1 for d in docs.values() for f in d["figures"] if not f["optional"])
    print(f"wrote gold.json: {len(docs)} documents, {nf} figures ({nreq} required), {len(ENTITIES)} entities, "
          f"{len(events)} events ({sum(1 for e in events if not e.get('optional'))} required), "
          f"{len(agreements)} agreement mentions in {len({a['same_as'] for a in agreements})} agreements, "
          f"{len(conflicts)} conflicts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
