"""Who says a figure: quotes, reporting verbs, "according to", pronouns, titles and headings.

Rules, in order, per sentence: "according to X" (or "X'e göre", "X-тің айтуынша"); "according
to him" (the last speaker); "according to the president" (the person of that role, see
:mod:`.roles`); a person before a reporting verb (its subject, unless an object: "met Putin");
a bare title or pronoun before the verb ("Il Presidente russo ha", "Он также отметил"); a
reporting verb followed by a person or a title ('", — заявил Оверчук', '" diyen Erdoğan',
'— сказал казахстанский президент'). A quote over several sentences (:mod:`.quotes`) takes
the speaker named after its end or before its start; a dialogue-dash paragraph the speaker it
names. A speaker then holds for the rest of its paragraph, and reported speech (German
Konjunktiv) continues it into the next; a paragraph ending in ":" hands it to the list items
below; a heading that is only a person's name ("Vladimir Putin: ...") governs what follows
until the next such heading. Non-persons (a mention made of title words: "Ejecutivo"), the
byline author and objects are never speakers. Everything else is the writer's own (None).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from dossier import lang as langdata
from dossier.extract.quotes import is_dialogue, quote_spans
from dossier.extract.roles import RoleIndex, RoleRef, role_vocabulary
from dossier.extract.speakable import speaker_people
from dossier.extract.speakerscan import ACCORDING, AFTER, REPORTING, SELF, cue_sentences
from dossier.model import Document, Mention
from dossier.nlp.numbers.lexicon import SPACE, alt, lexicon

_HEADING_MAX = 110
_LIST_ITEM_MAX = 260
_LABEL_WORDS = 4  # a section label after "Name:" is short; a headline's claim is longer
_LABEL = re.compile(r"^[^\W\d][^:.!?]{0,40}:\s")
_END = re.compile(r"[.!?…\"”»)]\s*$")
#: a closing quote, then a comma and/or dash, ending right before a reporting verb
_QUOTE_CLOSED = re.compile(r"[\"”»“]\s*,?\s*[—–-]?\s*$")
#: what may not stand between an inverted reporting verb and its subject
_BREAK = re.compile(r"[,;:«»\"“”„()!?]|\.\s")
_CLAUSE_END = re.compile(r"[,;:.!?()«»\"“”]")
#: the end of a quote before its verb's subject ('"...," the minister told')
_QUOTE_OPEN_END = re.compile(r"[\"”»“]\s*,?\s*[—–-]?\s*(?=\w[^\"”»“]*$)")
#: an aside between subject and verb (", de son côté,") that does not count as words
_ASIDE = re.compile(r",[^,]{0,30},")
_SUBJECT_GAP = 2  # words between a subject title and its verb ("a également", "ha poi")
_CUE_REACH = 160  # characters between "according to" and the name (titles between)
_VERB_REACH = 60  # characters between a reporting verb and the speaker named after it
_TITLE_REACH = 25  # characters between a subject title and its reporting verb
_NEVER = re.compile(r"(?!x)x")
#: what a sentence says when its speaker is someone we cannot name ("the trade minister
#: of Iraq said", no such person known): the sentence is no one's, the last speaker stops
SOMEONE = "\x00someone"


@dataclass(slots=True, kw_only=True)
class SpeakerCues:
    """Compiled speaker cues of one language."""

    reporting: re.Pattern[str]
    according: re.Pattern[str]
    pronoun: re.Pattern[str]
    titles: re.Pattern[str]
    prodrop: re.Pattern[str] | None
    continuation: re.Pattern[str] | None  # "По его словам", "Оның сөзінше": the last speaker
    cue: re.Pattern[str] = _NEVER  # an "according to" cue alone
    after: re.Pattern[str] = _NEVER  # right after a source: "'a göre", "-тің айтуынша"
    after_cue: re.Pattern[str] = _NEVER  # the postposition alone
    self_ref: re.Pattern[str] = _NEVER  # "according to him": the last speaker
    complementizer: re.Pattern[str] = _NEVER
    objects: re.Pattern[str] = _NEVER  # before a person: "met", "with"
    object_after: re.Pattern[str] = _NEVER  # after a person: Turkish "'i", " ile"
    object_form: re.Pattern[str] = _NEVER  # the mention's own case ending: Kazakh "-мен"
    indirect: re.Pattern[str] | None = None  # reported speech (Konjunktiv) continues the speaker
    title_words: tuple[str, ...] = ()
    quote_pronoun: re.Pattern[str] = _NEVER  # '"...," he said': a pronoun right after a quote
    verb_final: bool = False  # the verb ends the clause (kk, tr): a subject title may stand far
    backward: re.Pattern[str] = _NEVER  # "Об этом заявил X": X said the sentence before
    source: re.Pattern[str] = _NEVER  # "according to" whatever source: not the last speaker


def speaker_data(language: str | None) -> dict[str, Any]:
    """Return the speaker cues of ``language`` (figures.toml [speakers] + speakers.toml)."""
    out = dict(lexicon(language).section("speakers"))
    for key, value in langdata.load((language or "en").lower()[:2], "speakers").items():
        if isinstance(value, list):
            out[key] = list(dict.fromkeys([*out.get(key, []), *value]))
        elif value or key not in out:
            out[key] = value
    return out


def _opt(pattern: str | None, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Compile an optional regex from the data files (a never-matching one when empty)."""
    return re.compile(pattern, flags) if pattern else _NEVER


@lru_cache(maxsize=32)
def speaker_cues(language: str | None) -> SpeakerCues:
    """Return the compiled speaker cues for ``language``."""
    s = speaker_data(language)
    title = alt(s.get("titles", []))
    after = alt(s.get("according_after", [])) if s.get("according_after") else ""
    objects = alt(s.get("objects", [])) if s.get("objects") else ""
    return SpeakerCues(  # no IGNORECASE flag: alt() is case-insensitive and scans faster alone
        reporting=re.compile(alt(s.get("reporting", []))),
        according=re.compile(rf"{alt(s.get('according', []))}(?:{SPACE}{title})*{SPACE}?$"),
        pronoun=re.compile(rf"^(?:[^,]{{0,60}},\s*)?{alt(s.get('pronouns', []))}(?!\w)"),
        titles=re.compile(rf"^(?:\W*{title}\W*)*$"),
        prodrop=re.compile(s["prodrop_re"]) if s.get("prodrop_re") else None,
        continuation=re.compile(s["continuation_re"], re.IGNORECASE)
        if s.get("continuation_re") else None,
        cue=re.compile(alt(s["according"])) if s.get("according") else _NEVER,
        after=re.compile(rf"[\w'’-]{{0,6}}{SPACE}{after}") if after else _NEVER,
        after_cue=re.compile(after) if after else _NEVER,
        self_ref=re.compile(rf"(?:^|[,;:—–]\s*)\W*{alt(s['according_self'])}")
        if s.get("according_self") else _NEVER,
        complementizer=re.compile(alt(s["complementizers"]))
        if s.get("complementizers") else _NEVER,
        objects=re.compile(rf"{objects}{SPACE}(?P<gap>(?:\S+{SPACE}){{0,4}})$") if objects
        else _NEVER,
        object_after=_opt(s.get("object_after_re")),
        object_form=_opt(s.get("mention_object_re")),
        indirect=re.compile(s["indirect_re"]) if s.get("indirect_re") else None,
        title_words=tuple(s.get("titles", [])),
        quote_pronoun=re.compile(rf"[\"”»“]\s*,?\s*[—–-]?\s*{alt(s.get('pronouns', []))}\W*$"),
        verb_final=bool(s.get("verb_final")),
        backward=_opt(s.get("backward_re")),
        source=_opt(s.get("source_re")),
    )


def canonical_people(mentions: list[Mention]) -> dict[str, str]:
    """Map each person key to the fullest key sharing its surname ("putin" -> "vladimir putin").

    A longer key that holds another person's surname before its own ("tokayev shavkat
    mirziyoyev", two names run together) is not a fuller form of either.
    """
    # first-seen order and mention counts break ties: a set's order changes between runs
    count = Counter(m.key for m in mentions if m.type == "person")
    keys = list(count)
    names = {k: k.split(":", 1)[-1].split() for k in keys}
    surnames = {n[-1] for n in names.values() if n}
    out: dict[str, str] = {}
    for key in keys:
        name, best = names[key], key
        for other in keys:
            oname = names[other]
            if not (name and oname and oname[-1] == name[-1]) or len(oname) < len(names[best]):
                continue
            if len(oname) == len(names[best]) and (best == key or count[other] <= count[best]):
                continue  # of two fuller forms as long, the one named more often
            if len(oname) <= 4 and not surnames & set(oname[:-1]):
                best = other
        out[key] = best
    for key, name in names.items():  # "tokayev akorda", "tokayev shavkat mirziyoyev"
        heads = [k for k, n in names.items() if 1 < len(n) < len(name) and name[:len(n)] == n]
        if out[key] == key and heads:
            out[key] = out[max(heads, key=lambda k: len(names[k]))]
    return out


class SpeakerFinder:
    """Assigns a speaker (person entity key or None) to every sentence of a document."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.cues = speaker_cues(doc.language)
        vocab = role_vocabulary(doc.language, self.cues.title_words)
        self.people = speaker_people(doc, self.cues.titles, vocab)
        self.canon = canonical_people(self.people)
        self._starts = [m.start for m in self.people]
        self.roles = RoleIndex(doc, vocab, self.canon, self.people)
        quoted = [m for m in doc.mentions if m.type == "other"]
        self._quoted = {m.start: m for m in quoted}  # "other" names speak only after a quote
        self._cued = cue_sentences(doc)  # the cue lists each sentence may hold (bits)
        self.last: str | None = None

    def _persons(self, start: int, end: int) -> list[Mention]:
        """Return the person mentions inside [start, end)."""
        i = bisect.bisect_left(self._starts, start)
        j = bisect.bisect_left(self._starts, end)
        return self.people[i:j]

    def _key(self, p: Mention) -> str:
        return self.canon.get(p.key, p.key)

    def _resolve(self, start: int, end: int) -> str | None:
        """Return the person meant by the title phrase in [start, end), or None."""
        ref = self.roles.title_ref(start, end) if start < end else None
        return self.roles.resolve(ref, start, self.last) if ref else None

    def sentence_speaker(self, idx: int) -> str | None:
        """Return who speaks in sentence ``idx`` by its own words, or None."""
        s = self.doc.sentences[idx]
        text = s.text
        if not self._cued[idx]:  # no cue phrase: "По его словам" or "according to data" left
            return self.last if self._continues(text) else self._source(text)
        persons = self._persons(s.start, s.end)
        bits = self._cued[idx]
        return (self._according(s.start, text, persons, bits)
                or (self.last if self.cues.continuation and self.cues.continuation.match(text)
                    else None)
                or (self._reported(s.start, text, persons) if bits & REPORTING else None)
                or self._source(text))

    def _source(self, text: str) -> str | None:
        """Return SOMEONE for "according to" a source that is no person ("according to data")."""
        return SOMEONE if self.cues.source.search(text) else None

    def _continues(self, text: str) -> bool:
        """Return True when ``text`` opens with a cue for the last speaker (and there is one)."""
        return bool(self.last and self.cues.continuation and self.cues.continuation.match(text))

    def _silent(self, idxs: list[int], carried: bool) -> bool:
        """Return True when no sentence of a paragraph can name a speaker and none can stop
        one: no cue phrase, no speaker carried in (``carried``), no reported speech to go on.
        Such a paragraph changes nothing; its sentences have no speaker."""
        sents = self.doc.sentences
        return not carried and not any(self._cued[i] or self._continues(sents[i].text)
                                       for i in idxs)

    def _indirect(self, idx: int, spoke_at: int, n: int) -> bool:
        """Return True when sentence ``idx`` of paragraph ``n`` goes on in reported speech."""
        return bool(self.cues.indirect and spoke_at >= n - 1
                    and self.cues.indirect.search(self.doc.sentences[idx].text))

    def _according(self, base: int, text: str, persons: list[Mention], bits: int) -> str | None:
        """Return the source of "according to X", "X'e göre", "according to him/the minister".

        ``bits`` tell which cue lists the sentence may hold: the others' regexes cannot match.
        """
        cued, after = bits & ACCORDING, bits & AFTER
        for p in persons if cued or after else ():
            head = text[:p.start - base]
            if cued and (self.cues.according.search(head, max(0, len(head) - _CUE_REACH))
                         or self._cued_title(base, head)):
                return self._key(p)
            if after and self.cues.after.match(text[p.end - base:]):
                return self._key(p)
        if bits & SELF and self.last and self.cues.self_ref.search(text):
            return self.last
        for m in self.cues.cue.finditer(text) if cued else ():
            stop = _CLAUSE_END.search(text, m.end())
            end = base + (stop.start() if stop else len(text))
            ref = self.roles.title_prefix(base + m.end(), end)  # "Laut dem Kanzler investieren"
            if ref:
                return self.roles.resolve(ref, base + m.start(), self.last)
        for m in self.cues.after_cue.finditer(text) if after else ():
            lo = max(text.rfind(",", 0, m.start()), text.rfind(";", 0, m.start())) + 1
            found = self._resolve(base + lo, base + m.start())
            if found:
                return found
        return None

    def _cued_title(self, base: int, head: str) -> bool:
        """Return True when ``head`` ends in "according to" + a role title (+ comma)."""
        cues = list(self.cues.cue.finditer(head))
        if not cues:
            return False
        start = cues[-1].end()
        return self.roles.title_ref(base + start, base + len(head)) is not None

    def _reported(self, base: int, text: str, persons: list[Mention]) -> str | None:
        """Return the speaker around a reporting verb: subject, pronoun, title or inverted."""
        verbs = list(self.cues.reporting.finditer(text))
        if not verbs:
            return None
        first = verbs[0].start()
        subjects = [p for p in persons if p.end - base <= first and not self._object(base, text, p)]
        if subjects:
            return self._key(subjects[-1])
        found = self._title_subject(base, text, first)  # before pronouns: "o ministro" has a holder
        if not found and (self.cues.pronoun.match(text)
                          or self.cues.quote_pronoun.search(text, 0, first)
                          or (self.cues.prodrop and self.cues.prodrop.match(text))):
            return self.last
        for v in verbs:
            found = found or self._inverted(base, text, v, persons)
        return found

    def _object(self, base: int, text: str, p: Mention) -> bool:
        """Return True when ``p`` is an object ("met Putin", "Aliyev ile", "Путинмен")."""
        m = self.cues.objects.search(text, max(0, p.start - base - 60), p.start - base)
        if m and self.cues.titles.match(m.group("gap")):
            return True
        return bool(self.cues.object_after.match(text[p.end - base:])
                    or self.cues.object_form.search(p.text))

    def _title_subject(self, base: int, text: str, verb: int) -> str | None:
        """Return the person a title before the verb stands for ("Il Presidente russo ha")."""
        lead = re.match(r"[^,]{0,60},\s*", text[:verb])  # "Por su parte, el jefe del ..."
        quote = _QUOTE_OPEN_END.search(text, 0, verb)  # '"...," the minister told'
        starts = [0, lead.end() if lead else -1, quote.end() if quote else -1]
        for start in sorted({x for x in starts if x >= 0}):
            found = self._lead_title(base, text, start, verb)
            if found:
                return found
        return None

    def _lead_title(self, base: int, text: str, start: int, verb: int) -> str | None:
        """Return the person of a title at ``start`` that is the subject of the verb."""
        held = self.roles.title_lead(base + start, base + verb)
        if held:  # "La ministre a par ailleurs souligné", "Сыртқы істер министрі ... айтты"
            gap = _ASIDE.sub(" ", text[held[1] - base:verb])
            if (self.cues.verb_final and not _CLAUSE_END.search(gap)) \
                    or len(gap.split()) <= _SUBJECT_GAP:
                return self.roles.resolve(held[0], base + start, self.last) or SOMEONE
        end = _CLAUSE_END.search(text, start, verb)
        stop = end.start() if end else verb
        # a subject set off by a comma may stand far from a final verb (Turkish, Russian)
        if verb - stop <= _TITLE_REACH or (end and text[stop] == "," and not start):
            return self._resolve(base + start, base + stop)
        return None

    def _inverted(self, base: int, text: str, verb: re.Match[str],
                  persons: list[Mention]) -> str | None:
        """Return the subject named after a reporting verb ('", — заявил Оверчук')."""
        quoted = bool(_QUOTE_CLOSED.search(text, 0, verb.start()))
        after = [*persons, *self._others_after(base, verb.end(), quoted)]
        for p in sorted(after, key=lambda m: m.start):
            gap = text[verb.end():p.start - base]
            broken = _BREAK.search(gap) and not self.cues.titles.match(gap)  # "a dit M. X"
            if p.start - base < verb.end() or len(gap) > _VERB_REACH or broken \
                    or self.cues.complementizer.search(gap):
                continue
            tail = text[p.end - base:p.end - base + 1]
            if quoted or tail in ("", ".", ",", ";", "!") or len(gap.split()) <= 3 \
                    or self.cues.titles.match(gap):
                return self._key(p)
            break
        stop = _CLAUSE_END.search(text, verb.end())
        end = stop.start() if stop else len(text)
        if quoted or end == len(text) or text[end] in ".!?":
            return self._resolve(base + verb.end(), base + end)
        return None

    def _others_after(self, base: int, pos: int, quoted: bool) -> list[Mention]:
        """Return a name of unknown type right after the verb of a quote ('", ha detto Meloni')."""
        if not quoted:
            return []
        i = pos + base
        while i < len(self.doc.text) and self.doc.text[i].isspace():
            i += 1
        m = self._quoted.get(i)
        return [m] if m else []

    def heading_person(self, idxs: list[int]) -> str | None:
        """Return the person a heading line is made of ("Vladimir Putin: ...") or None."""
        s = self.doc.sentences[idxs[0]]
        end = self.doc.sentences[idxs[-1]].end
        persons = self._persons(s.start, end)
        if len({self._key(p) for p in persons}) != 1:
            return None
        lead = self.doc.text[s.start:persons[0].start]
        tail = self.doc.text[persons[-1].end:end].strip()
        if tail and not tail.startswith((":", "—", "–", "-")):
            return None  # a headline about the person, not a section of their words
        return self._key(persons[0]) if self.cues.titles.match(lead) else None

    def _span_speakers(self, idxs: list[int], text: str, start: int) -> dict[int, int]:
        """Map each sentence inside a quote over several sentences to the quote's last sentence."""
        sents = self.doc.sentences
        spans = quote_spans(self.doc.text, start, sents[idxs[-1]].end)
        if is_dialogue(text):
            spans.append((start, sents[idxs[-1]].end))
        inside: dict[int, int] = {}
        for a, b in spans:
            covered = [i for i in idxs if sents[i].start < b and a < sents[i].end]
            if len(covered) > 1:
                for i in covered:
                    inside.setdefault(i, covered[-1])
        return inside

    def assign(self) -> list[str | None]:
        """Return the speaker of every sentence."""
        out: list[str | None] = [None] * len(self.doc.sentences)
        heading: str | None = None
        body = False  # a headline claim before the body is about its own line only
        carry: str | None = None
        previous: str | None = None
        spoke_at = -2  # paragraph number where the last speaker was named
        for n, idxs in enumerate(_paragraphs(self.doc)):
            start = self.doc.sentences[idxs[0]].start
            text = self.doc.text[start:self.doc.sentences[idxs[-1]].end]
            if _is_heading(text):
                named = self.heading_person(idxs)
                if named and (body or not _is_claim(text)):
                    heading = self.last = named
                carry = previous = None
                for i in idxs:
                    out[i] = named
                continue
            body = True
            listed = carry is not None and (len(text) <= _LIST_ITEM_MAX or _LABEL.match(text))
            current = carry if listed else None
            reported = bool(self.cues.indirect) and spoke_at >= n - 1
            if not self._silent(idxs, bool(current or heading or reported)):
                current, spoke_at = self._paragraph(n, idxs, out, current, heading, spoke_at)
            if text.rstrip().endswith(":"):
                carry = current or previous or heading
            elif not listed:
                carry = None
            previous = current
        return out

    def _paragraph(self, n: int, idxs: list[int], out: list[str | None], current: str | None,
                   heading: str | None, spoke_at: int) -> tuple[str | None, int]:
        """Give the sentences of paragraph ``n`` their speakers in ``out``; return the speaker
        at its end and the paragraph where the last speaker was named."""
        sents = self.doc.sentences
        start = sents[idxs[0]].start
        text = self.doc.text[start:sents[idxs[-1]].end]
        inside = self._span_speakers(idxs, text, start)
        quoted: dict[int, str | None] = {}
        for i in idxs:
            said = self._quote_speaker(i, inside, quoted, text) if i in inside \
                else self._said(i, bool(current or heading), spoke_at, n)
            if not said and self._indirect(i, spoke_at, n):
                said = self.last  # reported speech goes on: "..., sagte X. Das sei ..."
            if said == SOMEONE:  # a source we cannot name: not the last speaker
                current = out[i] = None
                continue
            if said:
                current = self.last = said
                spoke_at = n
                if i and out[i - 1] is None and self.cues.backward.match(sents[i].text):
                    out[i - 1] = said
            out[i] = current or heading
        return current, spoke_at

    def _said(self, i: int, carried: bool, spoke_at: int, n: int) -> str | None:
        """``sentence_speaker``, reading "according to" a source only where it matters: it
        stops a speaker carried on, or reported speech going on (``_indirect``)."""
        if self._cued[i] or self._continues(self.doc.sentences[i].text):
            return self.sentence_speaker(i)
        if carried or self._indirect(i, spoke_at, n):
            return self._source(self.doc.sentences[i].text)
        return None

    def _quote_speaker(self, i: int, inside: dict[int, int], quoted: dict[int, str | None],
                       text: str) -> str | None:
        """Return the speaker of a quote that sentence ``i`` is part of (found once per quote)."""
        end = inside[i]
        if end not in quoted:
            first = min(j for j, e in inside.items() if e == end)
            said = self.sentence_speaker(end) or self.sentence_speaker(first)
            if not said and is_dialogue(text):
                said = next((x for j in range(first, end + 1)
                             if (x := self.sentence_speaker(j))), None)
            quoted[end] = said
        return quoted[end]


def _is_claim(heading: str) -> bool:
    """Return True for a headline quoting a claim ("Putin: trade will reach $300 bn"), which
    speaks for its own line only, unlike a section label ("Vladimir Putin: The Regions")."""
    claim = heading.partition(":")[2]
    return any(c.isdigit() for c in claim) or len(claim.split()) > _LABEL_WORDS


def _is_heading(text: str) -> bool:
    """Return True for a short title line (no sentence-final punctuation, no colon at the end)."""
    t = text.strip()
    return bool(t) and len(t) <= _HEADING_MAX and not _END.search(t) and not t.endswith(":")


def _paragraphs(doc: Document) -> list[list[int]]:
    """Group sentence indices by paragraph."""
    groups: dict[int, list[int]] = {}
    for i, s in enumerate(doc.sentences):
        groups.setdefault(s.paragraph, []).append(i)
    return [groups[k] for k in sorted(groups)]


def assign_speakers(doc: Document) -> list[str | None]:
    """Return the speaker entity key (or None) of every sentence of ``doc``."""
    return SpeakerFinder(doc).assign()


__all__ = ["RoleRef", "SpeakerCues", "SpeakerFinder", "assign_speakers", "canonical_people",
           "speaker_cues", "speaker_data"]
