"""The entity stage: a layered recogniser that works in every language.

No multilingual NER model ships inside a PyPI package (issue 4), so this is written here:
1. gazetteer spans (countries, cities, organisations in many languages and scripts);
2. demonyms and adjectives ("russo", "Kazakh", "российский") as a *relation* to the country;
3. capitalised candidate spans typed by per-language cues (titles, organisation heads,
   reporting verbs) and by shape;
4. document-level checks (document.py): a surname alone takes the key of the full name,
   and weak candidates survive only when the document supports them elsewhere.
Tokens, candidates and keys are in tokens.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import ClassVar

import pycountry

from dossier.model import Document, EntityType, Mention
from dossier.nlp.entities.byline import add_authors
from dossier.nlp.entities.config import LangConfig, load_config
from dossier.nlp.entities.document import apply_model, resolve_in_document
from dossier.nlp.entities.evidence import dateline_sources
from dossier.nlp.entities.gazetteer import (
    GazEntry,
    Gazetteer,
    find_inflected,
    inflected_base,
    load_gazetteer,
)
from dossier.nlp.entities.lemma import person_lemma, stem_lemma
from dossier.nlp.entities.models import load_tagger
from dossier.nlp.entities.normalize import fold
from dossier.nlp.entities.regions import region_phrase
from dossier.nlp.entities.roles import mark_actors
from dossier.nlp.entities.tokens import Cand, Tok, name_key, tokenize

__all__ = ["EntityStage", "apply_model", "resolve_in_document", "tokenize"]

MAX_TOKENS = 8  # longest gazetteer span tried, in tokens
SMALL_PLACE_RANK = 3000  # GeoNames towns past this population rank (about 250,000 people)
LOOKBACK = 3  # tokens before a span searched for a title ("presidente russo Vladimir Putin")


@dataclass(slots=True)
class EntityStage:
    """Find person, country, organisation and place mentions with provisional keys."""

    name: ClassVar[str] = "entities"
    requires: ClassVar[tuple[str, ...]] = ("sentences", "language")
    assigns: ClassVar[tuple[str, ...]] = ("mentions",)
    max_tokens: int = MAX_TOKENS
    #: languages whose NER model types the shape-only candidates (see models.py); off by
    #: default: the models run at 7-11 documents/s per core, under the 100 docs/s budget
    models: frozenset[str] = frozenset()
    _gaz: Gazetteer | None = field(default=None, repr=False)

    def __call__(self, doc: Document) -> Document:
        if self._gaz is None:
            self._gaz = load_gazetteer()
        cfg = load_config(doc.language)
        cands: list[Cand] = []
        spans = [(s.start, s.end) for s in doc.sentences] or [(0, len(doc.text))]
        for si, (start, end) in enumerate(spans):
            toks = tokenize(doc.text, start, end)
            cands.extend(self._sentence(toks, si, cfg, self._gaz))
        cands.extend(_dateline_cands(doc.text, spans, cands, self._gaz, cfg))
        tagger = load_tagger(cfg.code) if cfg.code in self.models else None
        if tagger is not None:
            cands = apply_model(cands, spans, doc.text, tagger, cfg)
        doc.mentions = resolve_in_document(cands, doc.text, cfg)
        mark_actors(doc.mentions, doc.text, cfg)
        doc.mentions = add_authors(doc, doc.mentions, cfg, self._gaz)
        return doc

    def _sentence(self, toks: list[Tok], si: int, cfg: LangConfig, gaz: Gazetteer) -> list[Cand]:
        """Run the gazetteer, demonym and candidate layers over one sentence."""
        _mark_particles(toks, cfg)
        shouting = _is_shouting(toks)
        headline = not shouting and _is_headline(toks, cfg)
        taken = [False] * len(toks)
        out = _gazetteer_pass(toks, si, cfg, gaz, taken, self.max_tokens, shouting)
        dems = _demonym_pass(toks, si, cfg, taken)
        starts = {c.mention.start for c in dems}
        dem = {k for k, t in enumerate(toks) if t.start in starts} if starts else set()
        cands = _candidate_pass(toks, si, cfg, taken, shouting, headline, dem)
        orgs = [c.mention for c in cands if c.mention.type == "organization"]
        # "Università Statale Cilena Bernardo O'Higgins": the adjective belongs to the name there
        out.extend(c for c in dems if not any(o.start <= c.mention.start < o.end for o in orgs))
        out.extend(cands)
        return out


def _mark_particles(toks: list[Tok], cfg: LangConfig) -> None:
    """'al-Sisi', 'es-Sudani', 'ibn-Saud': a lower-case name particle glued to a capitalised
    name is a capitalised name word, so the name is not cut before it."""
    for t in toks:
        if t.cap or "-" not in t.text:
            continue
        head, _, rest = t.text.partition("-")
        if not t.cap and rest[:1].isupper() and fold(head) in cfg.name_particles:
            t.cap = True


def _dateline_cands(text: str, spans: list[tuple[int, int]], cands: list[Cand], gaz: Gazetteer,
                    cfg: LangConfig) -> list[Cand]:
    """Agencies named in dateline brackets ("Berlin (dpa) -"), lower case included."""
    out: list[Cand] = []
    for place, (a, b) in dateline_sources(text):
        where = gaz.find((fold(place),)) if place else None
        if (place and (where is None or where.type not in ("place", "country"))) \
                or any(c.mention.start < b and a < c.mention.end for c in cands):
            continue  # "Der Umsatz (netto) -": no place, no dateline
        word = text[a:b]
        hit = gaz.exact.get(word) or gaz.exact.get(word.upper()) or gaz.find((fold(word),))
        key = hit.key if hit is not None else name_key("organization", word, cfg)
        si = next((k for k, (s, e) in enumerate(spans) if s <= a < e), 0)
        m = Mention(start=a, end=b, text="", type="organization", key=key, sentence=si,
                    source="cue")
        out.append(Cand(mention=m, words=[fold(word)], lexical=hit is None))
    return out


@lru_cache(maxsize=1)
def currency_codes() -> frozenset[str]:
    """ISO 4217 codes (USD, KZT): all-caps words that are not organisations."""
    return frozenset(c.alpha_3 for c in pycountry.currencies)


def _is_shouting(toks: list[Tok]) -> bool:
    """A line in capitals: acronym and case cues mean nothing there."""
    words = [t for t in toks if t.text[0].isalpha()]
    return len(words) >= 3 and sum(t.upper for t in words) >= 0.6 * len(words)


def _is_headline(toks: list[Tok], cfg: LangConfig) -> bool:
    """A title-case line (English headlines): capitals are not evidence of names there."""
    words = [t for t in toks if t.text[0].isalpha()
             and t.f not in cfg.connectors and t.f not in cfg.stopwords]
    return len(words) >= 2 and all(t.cap for t in words)


def _mention(toks: list[Tok], i: int, j: int, si: int, typ: EntityType, key: str,
             source: str, relation: str | None = None) -> Mention:
    # text is filled from the document at the end, so it keeps the original spacing
    return Mention(start=toks[i].start, end=toks[j - 1].end, text="", type=typ, key=key,
                   sentence=si, source=source, relation=relation)


def _lookup(toks: list[Tok], i: int, n: int, gaz: Gazetteer, cfg: LangConfig,
            shouting: bool) -> GazEntry | None:
    """Gazetteer entry for toks[i:i+n], trying the exact acronym table for one word."""
    if n == 1:
        t = toks[i]
        hit = gaz.exact.get(t.text.replace(".", ""))
        if hit is not None or t.f in cfg.not_names:  # "March", "LUG" are months, not towns
            return hit
        if t.upper and not shouting and len(t.text) <= 4:
            # a capitalised dateline city ("ROMA, 23 LUG") is a place; other caps are acronyms
            hit = gaz.find((t.f,)) if len(t.text) == 4 else None
            return hit if hit is not None and hit.type in ("place", "country") else None
    if toks[i + n - 1].f in cfg.connectors or not all(t.joined for t in toks[i + 1:i + n]):
        return None
    hit = gaz.find(tuple(t.f for t in toks[i:i + n]))
    if hit is None and n == 1:
        hit = find_inflected(toks[i].f, cfg.case_endings)
    return hit


def _gazetteer_pass(toks: list[Tok], si: int, cfg: LangConfig, gaz: Gazetteer,
                    taken: list[bool], max_tokens: int, shouting: bool) -> list[Cand]:
    """Longest gazetteer matches starting at capitalised words, left to right."""
    out: list[Cand] = []
    i = 0
    while i < len(toks):
        # a lower-case head starts only names of two words or more ("mer Rouge")
        lower = not toks[i].cap
        if (lower and toks[i].f not in gaz.lower_first) \
                or (toks[i].f in cfg.stopwords and not toks[i].upper):
            i += 1
            continue
        # only lengths some name starting with this word has (most words start none)
        longest = gaz.first.get(toks[i].f) or gaz.first.get(toks[i].f.replace("-", ""), 1)
        for n in range(min(max_tokens, longest, len(toks) - i), 1 if lower else 0, -1):
            hit = _lookup(toks, i, n, gaz, cfg, shouting)
            if hit is not None and n == 1 and (_inside_name(toks, i, hit, cfg) or
                                               (hit.type == "place" and cfg.demonym(toks[i].f))):
                hit = None  # "Kazakh" is the adjective, not the town in Azerbaijan
            if hit is not None:
                m = _mention(toks, i, i + n, si, hit.type, hit.key, "gazetteer")  # type: ignore[arg-type]
                weak = n == 1 and _small_place(toks, i, hit, gaz, cfg)
                if n == 1:
                    m.lemma = _gazetteer_lemma(toks[i], gaz, cfg)
                out.append(Cand(mention=m, words=[t.f for t in toks[i:i + n]], lexical=False,
                                weak=weak))
                taken[i:i + n] = [True] * n
                i += n
                break
        else:
            if not lower:
                out.extend(_hyphen_parts(toks[i], si, gaz, taken, i))
            i += 1
    return out


def _small_place(toks: list[Tok], i: int, hit: GazEntry, gaz: Gazetteer,
                 cfg: LangConfig) -> bool:
    """A small town named by a common-looking word needs support: a German noun ("Zahlen",
    "Uran", "Ende") or a short word ("Yen", "Chi") is a town only after a locative cue."""
    if gaz.rank.get(hit.key, 0) < SMALL_PLACE_RANK:
        return False
    if i > 0 and toks[i - 1].f in cfg.locative_cues:
        return False
    if toks[i].initial and i + 1 < len(toks) and not toks[i + 1].joined:
        return False  # a dateline: "Toulon (dpa) -", "Aktau, 3 June"
    return cfg.nouns_capitalised or len(toks[i].text) <= 3


def _gazetteer_lemma(tok: Tok, gaz: Gazetteer, cfg: LangConfig) -> str | None:
    """Base form of a gazetteer word found through its case ending (Астанада -> Астана)."""
    if gaz.find((tok.f,)) is not None or tok.upper:
        return None
    found = inflected_base(tok.f, cfg.case_endings)
    if found is None:
        return None
    lemma = stem_lemma(tok.text, found[1], found[2])
    return lemma if lemma != tok.text else None


def _hyphen_parts(tok: Tok, si: int, gaz: Gazetteer, taken: list[bool], i: int) -> list[Cand]:
    """'Kazakhstan-Russia relations': each part of a hyphenated pair of known names."""
    parts = tok.text.split("-")
    if len(parts) < 2:
        return []
    hits = [gaz.find((fold(p),)) for p in parts]
    if any(h is None or h.type not in ("country", "place") for h in hits):
        return []
    out, start = [], tok.start
    for part, hit in zip(parts, hits, strict=True):
        assert hit is not None
        m = Mention(start=start, end=start + len(part), text="", type=hit.type,  # type: ignore[arg-type]
                    key=hit.key, sentence=si, source="gazetteer")
        out.append(Cand(mention=m, words=[fold(part)], lexical=False))
        start += len(part) + 1
    taken[i] = True
    return out


def _namelike(t: Tok, cfg: LangConfig) -> bool:
    return t.cap and not t.upper and t.f not in cfg.stopwords and t.f not in cfg.not_names \
        and t.f not in cfg.person_titles and cfg.demonym(t.f) is None


def _inside_name(toks: list[Tok], i: int, hit: GazEntry, cfg: LangConfig) -> bool:
    """A one-word city or firm glued to other capitalised words is part of a longer name."""
    # an inflected word ends a name (Kazakh "Тоқаев Ақордада"): inner words take no case
    gaz = load_gazetteer()
    inflected = gaz.find((toks[i].f,)) is None and toks[i].text.replace(".", "") not in gaz.exact
    if toks[i].upper:
        return False
    titled = i > 0 and toks[i].joined and toks[i - 1].f in cfg.person_titles
    if titled and (not inflected or cfg.apostrophe_suffixes):
        return True  # "Başbakan Sudani", "il presidente Montenegro": a title names a person
    if inflected:  # "Владимира Путина": a declined given name, not the town of Vladimir
        return _given_name(toks[i], cfg) and i + 1 < len(toks) and toks[i + 1].joined \
            and _namelike(toks[i + 1], cfg)
    if hit.type == "country":
        return False
    if hit.type == "place" and _after_given_name(toks, i, cfg, gaz):
        return True  # "Juan Ramón", "Ibrahim Khalil": a town's name inside a person's
    # a city after a name is usually a separate word ("Тоқаев Мәскеуде"); a firm is not
    left = hit.type == "organization" and i > 1 and toks[i].joined and _namelike(toks[i - 1], cfg)
    # ... but a town after an initial ("Lisa Marie B. Bastos") or an acronym ("BRICS Summit") is
    if i > 0 and toks[i].joined and (toks[i - 1].upper or len(toks[i - 1].text) == 1):
        left = left or (hit.type == "place" and toks[i - 1].cap)
    right = i + 1 < len(toks) and toks[i + 1].joined and _namelike(toks[i + 1], cfg) \
        and gaz.find((toks[i + 1].f,)) is None
    return left or right


def _after_given_name(toks: list[Tok], i: int, cfg: LangConfig, gaz: Gazetteer) -> bool:
    """A place word right after one capitalised name word that opens a run mid-sentence
    ("valico di Ibrahim Khalil"); not after a longer name ("es-Sudani Ankara'ya")."""
    if i == 0 or not toks[i].joined or not _namelike(toks[i - 1], cfg) or toks[i - 1].initial \
            or cfg.nouns_capitalised or toks[i - 1].f in cfg.place_heads | cfg.org_heads:
        return False  # "Gebiet Karaganda": a German noun is no given name
    if i > 1 and toks[i - 1].joined and toks[i - 2].cap:
        return False
    return gaz.find((toks[i - 1].f,)) is None


def _given_name(tok: Tok, cfg: LangConfig) -> bool:
    """True when a word is a listed given name, possibly declined (Владимира)."""
    rules = cfg.lemma_rules
    return bool(rules.given_names) and \
        person_lemma(f"{tok.text} X", rules).split()[0].lower() in rules.given_names


def _demonym_pass(toks: list[Tok], si: int, cfg: LangConfig, taken: list[bool]) -> list[Cand]:
    """Demonyms and adjectives of countries, kept as a relation to the country."""
    out: list[Cand] = []
    for i, t in enumerate(toks):
        code = None if taken[i] else cfg.demonym(t.f)
        if code is not None:
            m = _mention(toks, i, i + 1, si, "country", f"country:{code}", "demonym", "demonym")
            out.append(Cand(mention=m, words=[t.f], lexical=False))
            taken[i] = True
    return out


def _candidate_pass(toks: list[Tok], si: int, cfg: LangConfig, taken: list[bool],
                    shouting: bool, headline: bool, dem: set[int]) -> list[Cand]:
    """Runs of capitalised words not claimed by a gazetteer, typed by cues and shape."""
    out: list[Cand] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if taken[i] or not t.cap or (t.f in cfg.stopwords and not t.upper):
            i += 1
            continue
        j = _extend(toks, i, cfg, taken, dem)
        if j - i >= 2 and t.initial and cfg.clause_suffixes and t.f.endswith(cfg.clause_suffixes):
            i += 1  # "Тараптар Шу ...", "Кездесуде Исибаны": a case-marked common word first
        words = [x.f for x in toks[i:j]]
        lead, titled = _title_end(words, cfg)
        if lead < len(words):
            cand = _classify(toks, i + lead, j, si, cfg, taken, titled, shouting, headline)
            if cand is not None:
                out.append(cand)
        i = j
    return out


def _title_end(words: list[str], cfg: LangConfig) -> tuple[int, bool]:
    """Where the name starts after leading titles, and whether a person title was seen."""
    inner = [k for k in range(len(words) - 1) if words[k] in cfg.person_titles]
    if inner and not set(words[inner[-1] + 1:]) & cfg.org_heads:
        return inner[-1] + 1, True  # "Deputy Trade Minister Elena Marsh"
    if set(words) & cfg.org_heads:
        return 0, False  # "Forum di Cooperazione", "Ministry of Foreign Affairs" stay whole
    lead, titled = 0, False
    while lead < len(words) and (words[lead] in cfg.person_titles or words[lead] in cfg.not_names
                                 or (lead and words[lead] in cfg.connectors)):
        titled = titled or words[lead] in cfg.person_titles
        lead += 1
    return lead, titled


def _extend(toks: list[Tok], i: int, cfg: LangConfig, taken: list[bool],
            dem: set[int] | None = None) -> int:
    """End of the capitalised run starting at i, across connectors (da, di, von, of); an
    organisation name also takes capitalised demonyms (Università Nazionale Kazaka)."""
    j, org = i + 1, toks[i].f in cfg.org_heads
    while j < len(toks) and toks[j].joined and (
            not taken[j] or (org and dem is not None and j in dem and toks[j].cap)):
        t = toks[j]
        if cfg.nouns_capitalised and t.upper and not toks[j - 1].upper and t.f not in cfg.org_heads:
            break  # "Entwicklungsagentur JICA": a noun before an acronym is no part of it
        if t.cap and (t.f not in cfg.stopwords or t.upper):
            org = org or t.f in cfg.org_heads
            j += 1
        elif (t.f in cfg.connectors or (org and t.f in cfg.org_connectors)) \
                and (k := _after_connectors(toks, j, cfg)) and not taken[k]:
            j = k + 1  # "de Sousa", "de la Fuente", "van der Leyen"
            org = org or toks[k].f in cfg.org_heads
        elif org and _article_link(toks, j, cfg, taken):
            j += 3  # "Organizzazione per la Lingua", "Organization for the Prohibition"
        else:
            break
    return j


def _after_connectors(toks: list[Tok], j: int, cfg: LangConfig) -> int:
    """Index of the capitalised word after one or two connectors at j ("de la"), else 0."""
    for k in (j + 1, j + 2):
        if k >= len(toks) or not toks[k].joined:
            return 0
        if toks[k].cap:
            return k
        if toks[k].f not in cfg.connectors:
            return 0
    return 0


def _article_link(toks: list[Tok], j: int, cfg: LangConfig, taken: list[bool]) -> bool:
    """An organisation connector and an article between two capitalised words."""
    if j + 2 >= len(toks) or not (toks[j + 1].joined and toks[j + 2].joined):
        return False
    return toks[j].f in cfg.org_prepositions and toks[j + 1].f in cfg.stopwords \
        and not toks[j + 1].cap and toks[j + 2].cap and not taken[j + 2]


def _classify(toks: list[Tok], i: int, j: int, si: int, cfg: LangConfig, taken: list[bool],
              titled: bool, shouting: bool, headline: bool) -> Cand | None:
    """Type a capitalised run from cues, then by shape; weak when only the shape speaks."""
    words = [t.f for t in toks[i:j]]
    parts = [p for w in words for p in w.split("-")]  # "North-South" is two common words
    if all(w in cfg.not_names or w in cfg.stopwords for w in parts):
        return None
    name = " ".join(t.text for t in toks[i:j])
    # "губернатор Краснодарского края": the region noun outweighs a title before it
    region = region_phrase(toks, i, j, si, cfg, load_gazetteer())
    if region is not None:
        return region
    cue = _cue_type(toks, i, j, cfg, taken, titled)
    if cue is not None:
        m = _mention(toks, i, j, si, cue, name_key(cue, name, cfg), "cue")
        return Cand(mention=m, words=words)
    if _adjective_phrase(toks, i, j, cfg):
        return None
    # capitals of an acronym are not sentence case, so its position says nothing
    single = j - i == 1
    initial = toks[i].initial and not toks[j - 1].quoted and not toks[i].upper
    if single and toks[i].upper and toks[i].text in currency_codes():
        return None
    if single and toks[i].upper and not shouting:
        typ: EntityType = "organization"
    elif not single and all(t.cap and not t.upper for t in toks[i:j]) and j - i <= 4 and \
            not any(t.f.endswith(cfg.common_suffixes) for t in toks[i:j] if cfg.common_suffixes):
        typ = "person"
    else:
        typ = "other"
    # "un Consolato Generale": a capitalised phrase after an indefinite article is common
    indefinite = i > 0 and toks[i - 1].f in cfg.indefinite_articles and toks[i].joined
    # German capitalises nouns, not acronyms: "die Entwicklungsagentur JICA" is a name
    nouns = cfg.nouns_capitalised and not (single and toks[i].upper)
    weak = shouting or headline or nouns or (single and initial) or indefinite or \
        (any(t.upper for t in toks[i:j]) and not single)
    m = _mention(toks, i, j, si, typ, name_key(typ, name, cfg), "shape")
    return Cand(mention=m, words=words, weak=weak, shape_only=True)


def _adjective_phrase(toks: list[Tok], i: int, j: int, cfg: LangConfig) -> bool:
    """Russian capitalises only the first word of a phrase: capitalised adjectives agreeing
    with a lower-case adjective or head noun ("Высшего Евразийского экономического совета",
    "на Красной площади") open a phrase; the capitals alone are no name."""
    ends = cfg.adjective_endings
    if not ends or j >= len(toks) or not toks[j].joined or toks[j].cap:
        return False
    if not all(t.f.endswith(ends) for t in toks[i:j]):
        return False
    nxt = toks[j].f
    heads = cfg.org_heads | cfg.place_heads
    return nxt.endswith(ends) or nxt in heads or any(
        nxt[:len(nxt) - len(e)] in {h[:-1] for h in heads} for e in cfg.case_endings
        if nxt.endswith(e))


def _cue_type(toks: list[Tok], i: int, j: int, cfg: LangConfig, taken: list[bool],
              titled: bool) -> EntityType | None:
    """Type given by a cue word inside, before or after the run."""
    words = {t.f for t in toks[i:j]}
    if words & cfg.org_heads:
        return "organization"
    if words & cfg.place_heads:
        return "place"
    if titled or _title_before(toks, i, cfg, taken):
        return "person"
    # only spaces between name and verb: "Energia Nucleare: Ha annunciato" is a label
    after = [t.f for t in toks[j:j + 2]]
    after = after[:next((k for k, t in enumerate(toks[j:j + 2]) if not t.joined), 2)]
    if after and (after[0] in cfg.reporting_verbs or " ".join(after) in cfg.reporting_verbs):
        return "person"
    return None


def _title_before(toks: list[Tok], i: int, cfg: LangConfig, taken: list[bool]) -> bool:
    """A title shortly before, with only countries, demonyms or connectors between."""
    for k in range(i - 1, max(-1, i - 1 - LOOKBACK), -1):
        if toks[k].f in cfg.person_titles:
            return True
        if not (taken[k] or toks[k].f in cfg.connectors or toks[k].f in cfg.stopwords):
            return False
    return False
