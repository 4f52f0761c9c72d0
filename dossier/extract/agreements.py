"""Agreements per document: named declarations, treaties, programmes, memoranda and plans.

A head noun from the per-language lexicon ("Dichiarazione", "Declaração", "соглашение",
"Deklarasyonu") starts a title that runs through capitalised words and short runs of linking
words ("Programma Comprensivo per la Cooperazione Economica per il 2026–2030"). Lower-case
mentions ("a declaração de parceria estratégica") count only beside a signing or adoption
verb, and bare or counted heads ("a package of documents", "47 agreements") never do.
Titles are glossed into English word by word from the lexicon's glossary; the English title
is used only when every word could be glossed, else the original stays the title.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from anyascii import anyascii
from rapidfuzz import fuzz

from dossier.extract.lexicon import load_lexicon, phrase_pattern
from dossier.extract.titles import Chunk, Kind, english_order, head_first, title_case
from dossier.model import DocAgreement, Document, Mention, Sentence
from dossier.nlp.dates import DateSpan, compatible, merge, parse_partial, precision

__all__ = ["find_agreements", "gloss", "merge_agreements", "same_title", "title_key"]

GAP_MAX = 4  # lower-case content words (links not counted) between capitalised title words
LOWER_MAX = 10  # words of a lower-case title after its head
VERB_KINDS = frozenset({"plan", "programme", "agenda"})  # count only when signed or adopted
SAME_TITLE = 85  # rapidfuzz token_set_ratio of glossed titles naming one document
TOKEN = re.compile(r"[^\W_]+(?:[-–][^\W_]+)*['’]?|[,.;:()«»\"“”!?]")
# Turkish case endings after an apostrophe belong to their word: "Beyannamesi'nin"
TOKEN_SUFFIXED = re.compile(r"[^\W_]+(?:[-–][^\W_]+)*(?:['’][^\W_]*)?|[,.;:()«»\"“”!?]")
YEAR_WORD = re.compile(r"(?:19|20)\d\d")
ENGLISH_STOP = frozenset({"on", "of", "the", "and", "to", "a", "an", "for", "between", "in",
                          "at", "by", "with", "from"})


@dataclass(slots=True, frozen=True)
class _AgreementLex:
    heads: list[tuple[re.Pattern[str], str, str]]  # pattern, kind, English head
    any_head: re.Pattern[str] | None  # all heads at once: most sentences name no document
    plurals: re.Pattern[str] | None  # heads naming a set ("agreements"): counted, never kept
    sign: re.Pattern[str] | None
    idioms: re.Pattern[str] | None
    links: frozenset[str]
    stops: frozenset[str]
    head_final: bool
    glossary: dict[tuple[str, ...], str]
    glossary_len: int
    stems: list[tuple[str, str]]  # glossary keys written "stem*", longest first
    preps: frozenset[str]  # locative prepositions ("в 2022 году" ends a title)
    counts: frozenset[str]  # count words before a head: "una quarantina di accordi"
    prefix_suffixes: tuple[str, ...]  # name adjectives before a head: "Aachener Vertrag"
    adjectives_after: bool  # "cooperazione economica": English puts the adjective first
    adjectives: re.Pattern[str] | None  # words that are such adjectives ("economic*")
    genitive: tuple[str, ...]  # endings of a genitive after a head: "of" ("программа ...ого")
    conjunctions: frozenset[str]  # "und", "ile", "және": a second document may follow


@lru_cache(maxsize=32)
def _alex(language: str) -> _AgreementLex:
    """Compile the agreement lexicon of ``language`` (English when it has none)."""
    lex = load_lexicon(language) or load_lexicon("en")
    sec: dict[str, Any] = lex.get("agreements", {})
    heads = []
    for phrase, (kind, english) in sorted(sec.get("heads", {}).items(),
                                          key=lambda kv: len(kv[0]), reverse=True):
        pat = phrase_pattern([phrase])
        if pat is not None:
            heads.append((pat, str(kind), str(english)))
    sign = phrase_pattern(list(lex.get("triggers", {}).get("agreement", []))
                          + list(sec.get("adopt", [])))
    entries = sec.get("glossary", {})
    glossary = {tuple(_fold(k).split()): str(v) for k, v in entries.items()
                if not k.endswith("*")}
    stems = sorted(((_fold(k[:-1]), str(v)) for k, v in entries.items() if k.endswith("*")),
                   key=lambda kv: len(kv[0]), reverse=True)
    return _AgreementLex(
        heads=heads, any_head=phrase_pattern(list(sec.get("heads", {}))), sign=sign,
        plurals=phrase_pattern(list(sec.get("plurals", []))),
        idioms=phrase_pattern(list(sec.get("idioms", []))),
        links=frozenset(_fold(w) for w in sec.get("links", [])),
        stops=frozenset(_fold(w) for w in sec.get("stops", [])),
        head_final=bool(sec.get("head_final", False)), glossary=glossary,
        glossary_len=max((len(k) for k in glossary), default=1), stems=stems,
        counts=frozenset(_fold(w) for w in sec.get("counts", [])),
        preps=frozenset(_fold(w) for w in lex.get("place", {}).get("prepositions", [])),
        prefix_suffixes=tuple(sec.get("prefix_suffixes", [])),
        adjectives_after=bool(sec.get("adjectives_after", False)),
        adjectives=phrase_pattern([_fold(w) for w in sec.get("adjectives", [])]),
        genitive=tuple(sec.get("genitive_endings", [])),
        conjunctions=frozenset(_fold(w) for w in sec.get("conjunctions", [])),
    )


def _fold(text: str) -> str:
    # casefold turns Turkish "İ" into "i" + combining dot; drop the dot so "İttifak" matches
    return text.casefold().replace("\u0307", "").replace("’", "'").strip()


def _is_cap(tok: str) -> bool:
    # "dell'Amur" (the name after the apostrophe), "Beyannamesi'nin" (a case ending after it)
    return any(p[:1].isupper() or p[:1].isdigit() for p in re.split("['’]", tok) if p)


def _tokens(text: str) -> list[re.Match[str]]:
    out: list[re.Match[str]] = []
    for m in TOKEN.finditer(text):
        out.append(m)
    return out


def _content(tok: str, alex: _AgreementLex) -> bool:
    return tok[:1].isalnum() and _fold(tok) not in alex.links


def _title_span(text: str, hs: int, he: int, alex: _AgreementLex,
                signed: bool) -> tuple[int, int, bool] | None:
    """Return (start, end, named) of the title around the head at ``hs:he``, or None."""
    toks = (_tokens(text[hs:]) if not alex.head_final
            else list(TOKEN_SUFFIXED.finditer(text[:he])))
    if alex.head_final:
        toks = [m for m in toks if m.end() <= hs][::-1]
        base = 0
    else:
        toks = [m for m in toks if m.start() >= he - hs]
        base = hs
    first = next((m.group(0) for m in toks if _content(m.group(0), alex)), "")
    named = first[:1].isalpha() and _is_cap(first)  # "Piano 2025-2027" alone names nothing
    edge, gap, count, seen_cap = None, 0, 0, False
    for k, m in enumerate(toks):
        tok = m.group(0)
        prev = toks[k - 1].group(0) if k else None
        if not tok[:1].isalnum() and tok != ",":
            break
        if _fold(tok) in alex.stops or (alex.sign and alex.sign.fullmatch(tok)):
            break
        if _fold(tok) in alex.conjunctions and _second_head(text, base + m.start(),
                                                            base + m.end(), alex):
            break  # "ein Memorandum über X und ein Memorandum über Y": two documents
        if not named and not _is_cap(tok) and alex.any_head and alex.any_head.fullmatch(tok):
            break  # "соглашение о ... и меморандум о ...": a second document begins
        if (not named and re.fullmatch(r"(?:1[89]|20)\d\d", tok) and prev is not None
                and _fold(prev) in alex.preps):
            break  # "Договор о союзнических отношениях в 2022 году": when, not which
        count += 1
        if named and _is_cap(tok):
            edge, gap = m, 0
            continue
        if alex.head_final and (_head_final_stop(tok, named, alex)
                                or (not named and m.start() == 0)):
            break  # a sentence's first word is its subject ("Тараптар ... декларацияға")
        if tok == ",":
            if not named:
                break
            gap += 1
        elif named:
            gap += _content(tok, alex)
        else:
            if _content(tok, alex):
                if seen_cap and not _is_cap(tok):
                    break  # "... da Língua Russa pela câmara": the name is over
                edge = m
                seen_cap = seen_cap or _is_cap(tok)
            if count >= LOWER_MAX:
                break
            continue
        if gap > GAP_MAX:
            break
    if edge is None or (not named and not signed):
        return None
    if alex.head_final:
        return edge.start(), he, named
    return hs, base + edge.end(), named


def _second_head(text: str, start: int, end: int, alex: _AgreementLex) -> bool:
    """True when another document's head stands across a conjunction at ``start:end``:
    right after it (links skipped) in head-first languages, right before it in head-final
    ones ("... Eylem Planı ile Petrol ... Mutabakat Zaptı")."""
    if alex.any_head is None:
        return False
    if alex.head_final:
        before = re.sub(r"['’]\w+$", "", text[max(0, start - 40):start].rstrip())
        return any(m.end() == len(before) for m in alex.any_head.finditer(before))
    words = text[end:end + 60].split()
    while words and _fold(words[0]) in alex.links:
        words = words[1:]
    if words and "'" in _fold(words[0]):  # "l'Accordo": an elided article
        art, _, rest = _fold(words[0]).partition("'")
        if f"{art}'" in alex.links and rest:
            words[0] = words[0][len(art) + 1:]
    return bool(words) and alex.any_head.match(" ".join(words)) is not None


def _head_final_stop(tok: str, named: bool, alex: _AgreementLex) -> bool:
    """Where a head-final title ("... Ortaklık ve İttifak Deklarasyonu") starts, reading back.

    A named title is one run of capitalised words and links; a lower-case one runs through
    the words the glossary knows, so the sentence's subject ("екі ел басшылары") stays out.
    """
    if _is_cap(tok):
        # a lower-case title may open with a name: "Дарбаза – Мақтаарал теміржолын салу ..."
        return False
    if _fold(tok) in alex.links:
        return False
    return named or _gloss_word(tok, alex) is None


def _gloss_word(word: str, alex: _AgreementLex) -> str | None:
    """English for one word: the glossary, then its stems ("партнерств*" for any case)."""
    folded = _fold(word)
    hit = alex.glossary.get((folded,))
    if hit is not None:
        return hit
    return next((eng for stem, eng in alex.stems if folded.startswith(stem)), None)


def gloss(title: str, language: str | None, head: tuple[int, str] | None = None) -> tuple[str,
                                                                                          bool]:
    """Gloss ``title`` into English; return (English title, every word was known).

    Phrases of the glossary first, then words and stems; names written with a capital in a
    lower-case title pass through ("sul Piano Mattei per l'Africa"); then English word order
    and title case (:mod:`dossier.extract.titles`).
    """
    alex = _alex(language or "en")
    if alex.head_final:  # Turkish case endings after an apostrophe: "Deklarasyonu'nu"
        title = re.sub(r"(?<=\w)['’]\w+", "", title)
    words = [m.group(0) for m in _tokens(title) if m.group(0)[:1].isalnum()]
    folded = [_fold(w) for w in words]
    # capitals mark names only in a title written in lower case ("traité d'Aix-la-Chapelle")
    names_ok = any(w[:1].islower() and f not in alex.links
                   for w, f in zip(words, folded, strict=True))
    out: list[Chunk] = []
    known = True
    i = 0
    while i < len(words):
        for n in range(min(alex.glossary_len, len(words) - i), 0, -1):
            eng = alex.glossary.get(tuple(folded[i:i + n]))
            if eng is not None:
                out.append(Chunk(eng, _kind(folded[i], n, alex)))
                i += n
                break
        else:
            head_eng = _head_english(words[i], alex)
            word_eng = head_eng or _gloss_word(words[i], alex)
            if head_eng and i + 1 < len(words) and _genitive(folded[i + 1], alex):
                head_eng += " of"  # "Программа экономического сотрудничества"
            if word_eng and head_eng:
                word_eng = head_eng
            if word_eng:
                out.append(Chunk(word_eng, "noun" if head_eng else _kind(folded[i], 1, alex)))
            elif words[i][:1].isdigit():
                out.append(Chunk(words[i], "num"))
            elif names_ok and i and _is_cap(words[i]) and words[i].isascii():
                out.append(Chunk(words[i], "name"))
            else:
                out.append(Chunk(words[i], "noun"))
                known = False
            i += 1
    english = english_order(out, alex.adjectives_after)
    if alex.head_final and len(english) > 1:
        english = head_first(english[:-1], english[-1])
    return title_case(english), known


def _genitive(folded: str, alex: _AgreementLex) -> bool:
    """True for a content word in the genitive right after a head (per-language endings)."""
    return folded not in alex.links and folded.endswith(alex.genitive) if alex.genitive \
        else False


def _kind(folded: str, n: int, alex: _AgreementLex) -> Kind:
    """What a glossed source word is: a link word, an adjective that follows its noun, a noun."""
    if n == 1 and folded in alex.links:
        return "link"
    if n == 1 and alex.adjectives and alex.adjectives.fullmatch(folded):
        return "adj"
    return "noun"


def _head_english(word: str, alex: _AgreementLex) -> str | None:
    for pat, _kind, english in alex.heads:
        if pat.fullmatch(word):
            return english
    return None


def title_key(title: str, language: str | None) -> str:
    """Normalised English gloss of a title, for comparing titles across languages."""
    text, _ = gloss(title, language)
    words = [w for w in anyascii(text).casefold().replace("-", " ").split()
             if w.isalnum() and w not in ENGLISH_STOP]
    return " ".join(words)


def same_title(a: str, b: str) -> bool:
    """Tell whether two title keys name one document (one may be a shortened form)."""
    ta, tb = set(a.split()), set(b.split())
    ya, yb = {w for w in ta if YEAR_WORD.fullmatch(w)}, {w for w in tb if YEAR_WORD.fullmatch(w)}
    if ya and yb and ya != yb:
        return False  # the programme for 2025-2027 is not the one for 2026-2030
    if min(len(ta), len(tb)) >= 3 and (ta <= tb or tb <= ta):
        return True
    return fuzz.token_set_ratio(a, b) >= SAME_TITLE


def _trim_place(text: str, ts: int, te: int, mentions: list[Mention], sent_start: int,
                language: str) -> int:
    """End a title before a trailing locative ("... Alliance in Moscow" -> "... Alliance")."""
    preps = {p.lower() for p in load_lexicon(language).get("place", {}).get("prepositions", [])}
    for m in mentions:
        s = m.start - sent_start
        if m.type == "place" and ts < s < te:
            head, _, prep = text[ts:s].rstrip().rpartition(" ")
            if head and prep.lower() in preps:
                return ts + len(head.rstrip(" ,"))
    return te


def _counted(text: str, start: int, alex: _AgreementLex) -> bool:
    """True when a number or a count word stands right before the head ("47 agreements",
    "una quarantina di accordi")."""
    before = [_fold(w) for w in text[max(0, start - 40):start].split()]
    if before and re.fullmatch(r"\d[\d.,\s]*", before[-1]):
        return True
    if before and before[-1] in alex.links:  # "una quarantina di accordi"
        before = before[:-1]
    return bool(before) and before[-1] in alex.counts


def _coordinated(text: str, start: int, counted: list[int], alex: _AgreementLex) -> bool:
    """True for the second head of a counted pair ("14 acuerdos y memorandos")."""
    return any(0 < start - end <= 6 and _fold(text[end:start]) in alex.links for end in counted)


def _prefix_start(text: str, ts: int, alex: _AgreementLex) -> int:
    """Take a name adjective before the head into the title ("der Aachener Vertrag")."""
    m = re.search(r"([^\W\d_]+)\s+$", text[:ts])
    if (m and alex.prefix_suffixes and len(m.group(1)) > 4 and m.group(1)[0].isupper()
            and m.group(1).endswith(alex.prefix_suffixes) and _fold(m.group(1)) not in alex.links):
        return m.start(1)
    return ts


def _after_persons(ts: int, te: int, mentions: list[Mention], sent_start: int,
                   alex: _AgreementLex) -> int:
    """Start a head-final title after the signer's name ("Тоқаев ... келісімге қол қойды").

    A "person" whose name holds a head word ("Şuşa Beyannamesi") is a mis-typed title.
    """
    for m in mentions:
        s, e = m.start - sent_start, m.end - sent_start
        if (m.type == "person" and ts <= s < te and e < te
                and not (alex.any_head and alex.any_head.search(m.text))):
            ts = max(ts, e)
    return ts


def _inside(mentions: list[Mention], start: int, end: int) -> bool:
    return any(m.start <= start and end <= m.end and m.type == "organization" for m in mentions)


def _parties(mentions: list[Mention], doc_top: list[str]) -> list[str]:
    """The countries of the agreement's own sentence, completed by the page's main pair.

    Never the sentences before: "... support for Ukraine. The Aachen Treaty of 2019 ..."
    does not make Ukraine a party to the treaty.
    """
    keys: list[str] = []
    for m in mentions:
        if m.key.startswith("country:") and m.key not in keys:
            keys.append(m.key)
    # one country named beside the signing: the other party is the page's other main
    # country ("Reiche und der kasachische Minister unterzeichneten ...")
    return keys + [k for k in doc_top if k not in keys][:max(0, 2 - len(keys))]


def find_agreements(doc: Document, spans: list[list[DateSpan]] | None = None) -> list[
        DocAgreement]:
    """Find the named agreements of ``doc``, one record per document named."""
    from dossier.extract.events import context_dates, is_heading, sentence_dates, sentence_mentions

    lang = doc.language or "en"
    alex = _alex(lang)
    spans = spans if spans is not None else sentence_dates(doc)
    contexts = context_dates(doc, spans)
    by_sent = sentence_mentions(doc)
    counts = Counter(m.key for m in doc.mentions if m.key.startswith("country:"))
    doc_top = [k for k, _ in counts.most_common(2)]
    found: list[tuple[DocAgreement, bool, bool, bool]] = []
    for i, sent in enumerate(doc.sentences):
        if alex.any_head is None or not alex.any_head.search(sent.text):
            continue
        # "About 20 documents were signed. Among them, an agreement on ...": the list sentence
        # after a signing one names what was signed without a verb of its own
        signed = any(alex.sign and alex.sign.search(doc.sentences[j].text)
                     for j in (i, i - 1) if j >= 0)
        heading = is_heading(sent, i == 0 or doc.sentences[i - 1].paragraph != sent.paragraph)
        here = bool(alex.sign and alex.sign.search(sent.text))
        for ts, te, kind, named in _titles(sent, by_sent[i], alex, lang, signed):
            original = sent.text[ts:te].strip(" ,")
            english, known = gloss(original, lang)
            found.append((DocAgreement(
                title=english if known else original, original_title=original,
                date=_date(spans[i], ts, te, contexts[i]),
                parties=_parties(by_sent[i], doc_top), kind=kind, sentence=i,
                quote=sent.text), named, heading, here))
    return merge_agreements(found, lang)


def _heads(text: str, alex: _AgreementLex) -> list[tuple[int, int, str]]:
    """Head words of ``text`` (start, end, kind), longest first where they overlap, in the
    order titles are read: left to right, or right to left where titles end in their head."""
    taken = [m.span() for m in (alex.idioms.finditer(text) if alex.idioms else ())]
    out: list[tuple[int, int, str]] = []
    plural = [(alex.plurals, "", "")] if alex.plurals is not None else []
    for pat, kind, _eng in [*plural, *alex.heads]:
        for m in pat.finditer(text):
            if all(m.end() <= s or m.start() >= e for s, e in taken):
                taken.append(m.span())
                out.append((m.start(), m.end(), kind))
    return sorted(out, reverse=alex.head_final)


def _titles(sent: Sentence, mentions: list[Mention], alex: _AgreementLex, lang: str,
            signed: bool) -> list[tuple[int, int, str, bool]]:
    """Titles in one sentence: (start, end, kind, named), skipping counted and nested heads."""
    out: list[tuple[int, int, str, bool]] = []
    counted: list[int] = []
    text = sent.text
    for hs, he, kind in _heads(text, alex):
        if any(ts <= hs and he <= te for ts, te, _k, _n in out):
            continue  # "Declaration on ... the Shusha Declaration": part of a longer title
        if not kind or _counted(text, hs, alex) or _coordinated(text, hs, counted, alex):
            counted.append(he)
            continue
        if _inside(mentions, sent.start + hs, sent.start + he):
            continue
        pre = _prefix_start(text, hs, alex) if not alex.head_final else hs
        span = _title_span(text, hs, he, alex, signed or pre < hs)  # "Aachener Vertrag" names
        # a named plan or programme without a signing is a policy ("Piano Mattei")
        if span is None or (kind in VERB_KINDS and not signed):
            continue
        ts, te, named = span
        te = _trim_place(text, ts, te, mentions, sent.start, lang)
        if alex.head_final:
            ts = _after_persons(ts, te, mentions, sent.start, alex)
        elif pre < hs:
            ts, named = pre, True
        if text[ts:te].strip(" ,"):
            out.append((ts, te, kind, named))
    return out


def _date(spans: list[DateSpan], ts: int, te: int, context: str | None) -> str | None:
    """The signing date: a precise date in the sentence outside the title, else the section's."""
    usable = [s for s in spans if precision(s.date) >= 1 and not s.target
              and not (precision(s.date) == 1 and s.end_date)]
    outside = [s for s in usable if s.end <= ts or s.start >= te]
    if not outside:
        # "Aachener Vertrag von 2019": a year inside a named title dates the document
        year = next((s.date for s in usable if precision(s.date) == 1), None)
        if year is None or (context is not None and compatible(year, context)):
            return context
        return year
    best = min(outside, key=lambda s: min(abs(s.end - ts), abs(s.start - te)))
    date: str | None = best.date
    ctx = parse_partial(context)
    # a bare "2019" does not take the section's "--08-29": the two may be years apart
    if (ctx is not None and compatible(date, context) and precision(date) < 3
            and (ctx.year is not None or precision(date) != 1)):
        date = merge(date, context)
    return date


def merge_agreements(found: list[tuple[DocAgreement, bool, bool, bool]], language: str) -> list[
        DocAgreement]:
    """Merge repeated mentions of one agreement in a document, keeping the best mention.

    ``found`` holds (agreement, named, in a headline, beside a signing verb). Best: a named
    title, then a body sentence over a headline (the body names the document in full), then
    the sentence that reports the signing, then the first mention.
    """
    order = sorted(found, key=lambda f: (not f[1], f[2], not f[3], f[0].sentence))
    out: list[DocAgreement] = []
    keys: list[str] = []
    for ag, _named, _heading, _signed in order:
        key = title_key(ag.original_title, language)
        hit = next((j for j, o in enumerate(out) if o.kind == ag.kind
                    and same_title(keys[j], key)
                    and compatible(o.date, ag.date)), None)
        if hit is None and _heading:
            # a headline's short name for the one document of its kind the body names
            same_kind = [j for j, o in enumerate(out) if o.kind == ag.kind
                         and compatible(o.date, ag.date)]
            hit = same_kind[0] if len(same_kind) == 1 else None
        if hit is None:
            out.append(ag)
            keys.append(key)
            continue
        kept = out[hit]
        kept.date = merge(kept.date, ag.date)
        kept.parties += [p for p in ag.parties if p not in kept.parties]
    return sorted(out, key=lambda a: a.sentence)
