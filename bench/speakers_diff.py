"""List, per gold figure, the gold speaker next to the exported one (speaker failure analysis).

The last line gives figure_speaker's count and, which the scorer does not count, how many
figures the gold leaves to the writer (speaker null) got a speaker anyway.

    python3 bench/speakers_diff.py GOLD.json EXPORT.json [--all]

Imports the shared scorer when it is reachable (its name normalisation and matching), so the
verdict here is the scorer's own.
"""

from __future__ import annotations

import importlib.util
import json
import pathlib
import sys

_SCORER = pathlib.Path(__file__).resolve().parents[1] / "../shared/eval/score.py"


def _scorer():  # type: ignore[no-untyped-def]
    """Load the shared scorer module (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("score", _SCORER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"scorer not found: {_SCORER}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main(argv: list[str]) -> int:
    """Print one line per gold figure with a speaker (or every figure with --all)."""
    sc = _scorer()
    gold = json.loads(pathlib.Path(argv[0]).read_text(encoding="utf-8"))
    data = json.loads(pathlib.Path(argv[1]).read_text(encoding="utf-8"))
    show_all = "--all" in argv
    ex = sc.Export(data)
    preds: dict[str, list[dict]] = {}
    for f in data.get("figures", []):
        preds.setdefault(ex.doc(f.get("document")), []).append(f)
    ok = n = false = null = 0
    for k, g in sorted(gold["documents"].items()):
        pool = preds.get(k, [])
        used: set[int] = set()
        for gf in g["figures"]:
            anchor = sc.norm(gf["anchor"])
            hit = next((i for i, p in enumerate(pool) if i not in used
                        and sc.close(p.get("value"), gf["value"])
                        and str(p.get("unit", "")).lower() == gf["unit"].lower()
                        and anchor in sc.norm(p.get("quote", ""))), None)
            if hit is None:
                continue
            used.add(hit)
            if gf["optional"]:
                continue
            ours = pool[hit].get("speaker")
            names = ex.entity_names(ours)
            ours_name = ex.entities.get(ours, {}).get("name") if ours else None
            good = bool(names & sc.gold_names(gold, gf["speaker"])) if gf["speaker"] else not ours
            if gf["speaker"]:
                n += 1
                ok += good
            else:  # the writer's own figure: a speaker here is a false attribution
                null += 1
                false += not good
            if show_all or (gf["speaker"] and not good):
                mark = "ok " if good else "BAD"
                print(f"{mark} {k[:5]} want={gf['speaker']!s:22} got={ours_name!s:22} "
                      f"{gf['anchor'][:50]!r}")
    print(f"speaker {ok}/{n}; false speakers on the writer's figures {false}/{null}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
