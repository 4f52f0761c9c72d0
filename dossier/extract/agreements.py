"""Agreements per document: named declarations, treaties, programmes, memoranda and plans.

A head noun from the per-language lexicon ("Dichiarazione", "Declaração", "соглашение",
"Deklarasyonu") starts a title that runs through capitalised words and short runs of linking
words ("Piano Generale per la Collaborazione Industriale per il 2031–2035"). Lower-case
mentions ("a declaração de amizade e vizinhança") count only beside a signing or adoption
verb, and bare or counted heads ("a package of documents", "47 agreements") never do.
Titles are glossed into English word by word from the lexicon's glossary; the English title
is used only when every word could be glossed, else the original stays the title.

The lexicon and the English glosses live in :mod:`dossier.extract.glossing`.
"""

from __future__ import annotations

import re
from collections import Counter

from dossier.extract.eventargs import sentence_mentions
from dossier.extract.eventdates import carried_date, context_dates, is_heading, sentence_dates
from dossier.extract.glossing import (
    AgreementLex,
    agreement_lex,
    fold,
    gloss,
    gloss_word,
    is_cap,
    same_title,
    title_key,
    tokens,
)
from dossier.extract.lexicon import load_lexicon
from dossier.model import DocAgreement, Document, Mention, Sentence
from dossier.nlp.dates import DateSpan, compatible, merge, parse_partial, precision

__all__ = ["find_agreements", "gloss", "merge_agreements", "same_title", "title_key"]

GAP_MAX = 4  # lower-case content words (links not counted) between capitalised title words
LOWER_MAX = 10  # words of a lower-case title after its head
VERB_KINDS = frozenset({"plan", "programme", "agenda"})  # count only when signed or adopted
# Turkish case endings after an apostrophe belong to their word: "Beyannamesi'nin"
TOKEN_SUFFIXED = re.compile(r"[^\W_]+(?:[-–][^\W_]+)*(?:['’][^\W_]*)?|[,.;:()«»\"“”!?]")


def _content(tok: str, alex: AgreementLex) -> bool:
    return tok[:1].isalnum() and fold(tok) not in alex.links


def _title_span(text: str, hs: int, he: int, alex: AgreementLex,
                signed: bool) -> tuple[int, int, bool] | None:
    """Return (start, end, named) of the title around the head at ``hs:he``, or None."""
    toks = (tokens(text[hs:]) if not alex.head_final
            else list(TOKEN_SUFFIXED.finditer(text[:he])))
    if alex.head_final:
        toks = [m for m in toks if m.end() <= hs][::-1]
        base = 0
    else:
        toks = [m for m in toks if m.start() >= he - hs]
        base = hs
    first = next((m.group(0) for m in toks if _content(m.group(0), alex)), "")
    named = first[:1].isalpha() and is_cap(first)  # "Piano 2025-2027" alone names nothing
    edge, gap, count, seen_cap, topic = None, 0, 0, False, False
    for k, m in enumerate(toks):
        tok = m.group(0)
        prev = toks[k - 1].group(0) if k else None
        if not tok[:1].isalnum() and tok != ",":
            break
        if ((fold(tok) in alex.stops and not _article_before_topic(toks, k, alex))
                or (alex.sign and alex.sign.fullmatch(tok))):
            break
        topic = topic or fold(tok) in alex.topic_links
        if fold(tok) in alex.conjunctions and _second_head(text, base + m.start(),
                                                            base + m.end(), alex):
            break  # "ein Memorandum über X und ein Memorandum über Y": two documents
        nested = False
        if not named and not is_cap(tok) and alex.any_head and alex.any_head.fullmatch(tok):
            if not _nested_head(toks, k, alex):
                break  # "соглашение о ... и меморандум о ...": a second document begins
            nested = True
        if (not named and re.fullmatch(r"(?:1[89]|20)\d\d", tok) and prev is not None
                and fold(prev) in alex.preps):
            break  # "Соглашение о морском сообщении в 2019 году": when, not which
        count += 1
        if named and is_cap(tok):
            edge, gap = m, 0
            continue
        if alex.head_final and ((_head_final_stop(tok, named, alex, topic)
                                and not _between_caps(toks, k, named))
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
                if seen_cap and not is_cap(tok) and not nested:
                    break  # "... da Arte Sacra pela prefeitura": the name is over
                edge = m
                # the nested head's own words follow in lower case ("декларации о ...")
                seen_cap = (seen_cap or is_cap(tok)) and not nested
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


def _second_head(text: str, start: int, end: int, alex: AgreementLex) -> bool:
    """True when another document's head stands across a conjunction at ``start:end``:
    right after it (links skipped) in head-first languages, right before it in head-final
    ones ("... Eylem Planı ile Petrol ... Mutabakat Zaptı")."""
    if alex.any_head is None:
        return False
    if alex.head_final:
        before = re.sub(r"['’]\w+$", "", text[max(0, start - 40):start].rstrip())
        return any(m.end() == len(before) for m in alex.any_head.finditer(before))
    words = text[end:end + 80].split()
    while words and fold(words[0]) in alex.links:
        words = words[1:]
    if words and "'" in fold(words[0]):  # "l'Accordo": an elided article
        art, _, rest = fold(words[0]).partition("'")
        if f"{art}'" in alex.links and rest:
            words[0] = words[0][len(art) + 1:]
    if words and alex.any_head.match(" ".join(words)) is not None:
        return True
    # "... и Совместный план действий", "... and a Joint Action Plan": a capitalised word
    # opens the next document's name, its head one or two words on
    return (len(words) > 1 and is_cap(words[0]) and not words[0][:1].isdigit()
            and any(alex.any_head.match(" ".join(words[k:])) is not None for k in (1, 2)))


def _nested_head(toks: list[re.Match[str]], k: int, alex: AgreementLex) -> bool:
    """True for a head that a capitalised name adjective qualifies inside a lower-case title:
    "план действий по реализации Шушинской декларации" names one plan, not a plan and a
    declaration (a second document stands after a conjunction or a comma instead)."""
    if alex.head_final or k == 0:
        return False
    prev = toks[k - 1].group(0)
    return (is_cap(prev) and not prev[:1].isdigit() and fold(prev) not in alex.links
            and not (alex.any_head is not None and alex.any_head.fullmatch(prev)))


def _head_final_stop(tok: str, named: bool, alex: AgreementLex, topic: bool) -> bool:
    """Where a head-final title ("... Ortaklık ve İttifak Deklarasyonu") starts, reading back.

    A named title is one run of capitalised words and links; a lower-case one runs through
    the words the glossary knows, so the sentence's subject ("екі ел басшылары") stays out.
    Past a topic postposition ("... tedarikine ilişkin mutabakat zaptı", "... туралы
    меморандум") every word up to the clause's edge is the topic, known or not.
    """
    if is_cap(tok):
        # a lower-case title may open with a name: "Дарбаза – Мақтаарал теміржолын салу ..."
        return False
    if fold(tok) in alex.links:
        return False
    return named or (gloss_word(tok, alex) is None and not topic)


def _between_caps(toks: list[re.Match[str]], k: int, named: bool) -> bool:
    """True for one lower-case particle inside a named title, capitalised words on both
    sides: "Müttefiklik İlişkilerinin Daha da Derinleştirilmesine İlişkin Ortak Bildiri"."""
    return (named and 0 < k < len(toks) - 1 and is_cap(toks[k - 1].group(0))
            and is_cap(toks[k + 1].group(0)) and toks[k + 1].group(0)[:1].isalpha()
            and toks[k + 1].start() > 0)


def _article_before_topic(toks: list[re.Match[str]], k: int, alex: AgreementLex) -> bool:
    """True for an article right before a head-final head whose topic comes first: "bir" in
    "... konusunda bir mutabakat zaptı" (elsewhere "bir" ends the title)."""
    return (alex.head_final and k == 0 and len(toks) > 1
            and fold(toks[1].group(0)) in alex.topic_links)


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


def _counted(text: str, start: int, alex: AgreementLex) -> bool:
    """True when a number or a count word stands right before the head ("47 agreements",
    "una quarantina di accordi")."""
    before = [fold(w) for w in text[max(0, start - 40):start].split()]
    if before and re.fullmatch(r"\d[\d.,\s]*", before[-1]):
        return True
    if before and before[-1] in alex.links:  # "una quarantina di accordi"
        before = before[:-1]
    return bool(before) and before[-1] in alex.counts


def _coordinated(text: str, start: int, counted: list[int], alex: AgreementLex) -> bool:
    """True for the second head of a counted pair ("14 acuerdos y memorandos")."""
    return any(0 < start - end <= 6 and fold(text[end:start]) in alex.links for end in counted)


def _prefix_start(text: str, ts: int, alex: AgreementLex) -> int:
    """Take a name adjective before the head into the title ("der Aachener Vertrag")."""
    m = re.search(r"([^\W\d_]+)\s+$", text[:ts])
    if (m and alex.prefix_suffixes and len(m.group(1)) > 4 and m.group(1)[0].isupper()
            and m.group(1).endswith(alex.prefix_suffixes) and fold(m.group(1)) not in alex.links):
        return m.start(1)
    return ts


def _after_persons(ts: int, te: int, mentions: list[Mention], sent_start: int,
                   alex: AgreementLex) -> int:
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
    lang = doc.language or "en"
    alex = agreement_lex(lang)
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
                date=carried_date(doc, spans, i, contexts[i]) or _date(spans[i], ts, te,
                                                                        contexts[i]),
                parties=_parties(by_sent[i], doc_top), kind=kind, sentence=i,
                quote=sent.text), named, heading, here))
    return merge_agreements(found, lang)


def _heads(text: str, alex: AgreementLex) -> list[tuple[int, int, str]]:
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


def _titles(sent: Sentence, mentions: list[Mention], alex: AgreementLex, lang: str,
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
        if span is None and pre < hs:
            span = (hs, he, True)  # "der Aachener Vertrag wurde ...": the name is all there is
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
