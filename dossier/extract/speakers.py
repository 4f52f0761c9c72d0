"""Who says a figure: reporting verbs, "according to", pronouns, headings and colon lists.

Rules, in order, per sentence: "according to X"; a person mention before a reporting verb
(its subject); a pronoun or bare title ("Egli", "The Kazakh president") before a reporting
verb, meaning the last person who spoke; a reporting verb followed by a person ("disse
Putin."). A speaker then holds for the rest of its paragraph; a paragraph ending in ":" hands
it to the list items below; a heading naming a person ("Vladimir Putin: ...") governs what
follows until the next such heading. Everything else is the writer's own (None).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from dossier.model import Document, Mention
from dossier.nlp.numbers.lexicon import SPACE, alt, lexicon

_HEADING_MAX = 110
_LIST_ITEM_MAX = 260
_LABEL = re.compile(r"^[^\W\d][^:.!?]{0,40}:\s")
_END = re.compile(r"[.!?…\"”»)]\s*$")
#: a closing quote, then a comma and/or dash, ending right before a reporting verb
_QUOTE_CLOSED = re.compile(r"[\"”»“]\s*,?\s*[—–-]?\s*$")
_QUOTE_OPEN = re.compile(r"^\W{0,3}[\"“«„]")
_QUOTE_ATTRIBUTED = re.compile(r"[\"”»]\s*,?\s*[—–-]|[\"”»],")


@dataclass(slots=True, kw_only=True)
class SpeakerCues:
    """Compiled speaker cues of one language."""

    reporting: re.Pattern[str]
    according: re.Pattern[str]
    pronoun: re.Pattern[str]
    titles: re.Pattern[str]
    prodrop: re.Pattern[str] | None
    continuation: re.Pattern[str] | None  # "По его словам", "Оның сөзінше": the last speaker


@lru_cache(maxsize=32)
def speaker_cues(language: str | None) -> SpeakerCues:
    """Return the compiled speaker cues for ``language``."""
    s = lexicon(language).section("speakers")
    title = alt(s.get("titles", []))
    return SpeakerCues(  # no IGNORECASE flag: alt() is case-insensitive and scans faster alone
        reporting=re.compile(alt(s.get("reporting", []))),
        according=re.compile(rf"{alt(s.get('according', []))}(?:{SPACE}{title})*{SPACE}?$"),
        pronoun=re.compile(rf"^(?:[^,]{{0,60}},\s*)?{alt(s.get('pronouns', []))}"),
        titles=re.compile(rf"^(?:\W*{title}\W*)*$"),
        prodrop=re.compile(s["prodrop_re"]) if s.get("prodrop_re") else None,
        continuation=re.compile(s["continuation_re"], re.IGNORECASE)
        if s.get("continuation_re") else None,
    )


def canonical_people(mentions: list[Mention]) -> dict[str, str]:
    """Map each person key to the fullest key sharing its surname ("putin" -> "vladimir putin")."""
    keys = {m.key for m in mentions if m.type == "person"}
    out: dict[str, str] = {}
    for key in keys:
        name = key.split(":", 1)[-1].split()
        best = key
        for other in keys:
            oname = other.split(":", 1)[-1].split()
            if name and oname and oname[-1] == name[-1] and len(oname) > len(best.split()):
                best = other
        out[key] = best
    return out


class SpeakerFinder:
    """Assigns a speaker (person entity key or None) to every sentence of a document."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.cues = speaker_cues(doc.language)
        self.people = sorted((m for m in doc.mentions if m.type == "person"), key=lambda m: m.start)
        self.canon = canonical_people(self.people)
        self._starts = [m.start for m in self.people]
        self.last: str | None = None

    def _persons(self, start: int, end: int) -> list[Mention]:
        """Return the person mentions inside [start, end)."""
        i = bisect.bisect_left(self._starts, start)
        j = bisect.bisect_left(self._starts, end)
        return self.people[i:j]

    def sentence_speaker(self, idx: int) -> str | None:
        """Return who speaks in sentence ``idx`` by its own words, or None."""
        s = self.doc.sentences[idx]
        text = s.text
        persons = self._persons(s.start, s.end)
        for p in persons:
            if self.cues.according.search(text, 0, p.start - s.start):
                return self.canon[p.key]
        if self.cues.continuation and self.cues.continuation.match(text):
            return self.last
        verbs = [m.start() for m in self.cues.reporting.finditer(text)]
        if not verbs:
            return None
        first = verbs[0]
        subjects = [p for p in persons if p.end - s.start <= first]
        if subjects:
            return self.canon[subjects[-1].key]
        if self.cues.pronoun.match(text) or (self.cues.prodrop and self.cues.prodrop.match(text)):
            return self.last
        quoted = bool(_QUOTE_CLOSED.search(text, 0, first))  # '"...", — сказал Путин на ...'
        for p in persons:
            gap = text[first:p.start - s.start]
            tail = text[p.end - s.start:p.end - s.start + 1]
            if len(gap) < 60 and (quoted or tail in ("", ".", ",", ";", "!")) and \
                    self.cues.titles.match(_after_verb(gap)):
                return self.canon[p.key]
        return None

    def quote_start(self, idxs: list[int], end: int) -> int | None:
        """Return the sentence of ``idxs`` up to ``end`` that opens the quote closed at ``end``."""
        for i in reversed([i for i in idxs if i <= end]):
            if _QUOTE_OPEN.match(self.doc.sentences[i].text):
                return i
        return None

    def heading_person(self, idxs: list[int]) -> str | None:
        """Return the person a heading line names ("Vladimir Putin: ...") or None."""
        s = self.doc.sentences[idxs[0]]
        persons = self._persons(s.start, self.doc.sentences[idxs[-1]].end)
        if len({self.canon[p.key] for p in persons}) != 1:
            return None
        lead = self.doc.text[s.start:persons[0].start]
        return self.canon[persons[0].key] if self.cues.titles.match(lead) else None

    def assign(self) -> list[str | None]:
        """Return the speaker of every sentence."""
        out: list[str | None] = [None] * len(self.doc.sentences)
        heading: str | None = None
        carry: str | None = None
        previous: str | None = None
        for idxs in _paragraphs(self.doc):
            text = self.doc.text[self.doc.sentences[idxs[0]].start:self.doc.sentences[idxs[-1]].end]
            if _is_heading(text):
                named = self.heading_person(idxs)
                if named:
                    heading = self.last = named
                carry = previous = None
                for i in idxs:
                    out[i] = named
                continue
            listed = carry is not None and (len(text) <= _LIST_ITEM_MAX or _LABEL.match(text))
            current = carry if listed else None
            for i in idxs:
                said = self.sentence_speaker(i)
                if said:
                    current = self.last = said
                    opened = self.quote_start(idxs, i) if _QUOTE_ATTRIBUTED.search(
                        self.doc.sentences[i].text) else None
                    for j in range(opened if opened is not None else i, i):
                        out[j] = said  # a quote over several sentences, attributed at its end
                out[i] = current or heading
            if text.rstrip().endswith(":"):
                carry = current or previous or heading
            elif not listed:
                carry = None
            previous = current
        return out


def _after_verb(gap: str) -> str:
    """Return the words between a reporting verb's start and a person (without the verb)."""
    parts = gap.split(None, 1)
    return parts[1] if len(parts) > 1 else ""


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
