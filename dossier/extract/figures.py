"""The figures stage: every quantity of a document with what, when, how sure and who said it.

Quantities come from :mod:`dossier.nlp.numbers`; this module attaches the metric and measure
(lexicon cues near the number, its clause first), the period (:mod:`.periods`), the kind
(target, forecast, actual), the speaker (:mod:`.speakers`) and the subjects (countries).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import ClassVar

from dossier.extract.numbered import NumberedNames
from dossier.extract.periods import PeriodMention, choose_period, deadline, period_finder
from dossier.extract.spans import SpanSet
from dossier.extract.speakers import assign_speakers
from dossier.model import Document, Figure
from dossier.nlp.numbers import Quantity, lexicon, scanner
from dossier.nlp.numbers.phrases import KeyedPhrases, alt

#: the words after a count that may name what is counted: six words (long Russian or Kazakh
#: adjectives before the noun) or 48 characters (short Turkish or Italian ones), whichever
#: reaches further; beyond that a noun is more often another phrase's ("150 tourists
#: visited the fair of energy companies")
_WORDS_AFTER = re.compile(r"(?:\W*\w+(?:[-'’]\w+)*){1,6}")
_CLAUSE = re.compile(r"[;:()\[\]«»“”\"]|,(?!\d)|\s[–—-]\s|\n")
_FLOWS = ("trade_turnover", "exports", "imports")
_ENERGY_UNITS = {"tonne", "barrel", "m3", "MW", "GW", "kWh"}
_MEASURE = {
    "trade_turnover": "trade turnover", "exports": "exports", "imports": "imports",
    "investment": "investment", "investment_stock": "accumulated investment", "gdp": "GDP",
    "energy": "energy", "population": "population", "companies": "companies",
    "joint_projects": "joint projects", "students": "students", "universities": "universities",
}


@dataclass(slots=True, kw_only=True)
class Cues:
    """Compiled figure cues of one language."""

    metrics: KeyedPhrases
    stock: re.Pattern[str]
    counts: KeyedPhrases
    compound_counts: list[tuple[re.Pattern[str], str]]  # heads of compounds (de)
    compound_not: re.Pattern[str]  # compounds that count something else ("Gemeinschafts...")
    measures: list[tuple[re.Pattern[str], str]]
    target: re.Pattern[str]
    target_after: re.Pattern[str]
    target_or_build: re.Pattern[str]  # "construction of 800 schools" is a target
    target_after_or_build: re.Pattern[str]
    forecast: re.Pattern[str]
    forecast_after: re.Pattern[str]
    contrast: re.Pattern[str]  # "alors que", "while": a cue before does not reach past it
    current: re.Pattern[str]
    bilateral: re.Pattern[str]
    currency: re.Pattern[str]
    since: re.Pattern[str]
    verb_final: bool
    comparison: re.Pattern[str]


@lru_cache(maxsize=32)
def cues(language: str | None) -> Cues:
    """Return the compiled figure cues for ``language`` (phrase regexes are case-insensitive)."""
    lex = lexicon(language)
    metrics = {k: v for k, v in lex.section("metrics").items() if k not in ("stock", "since_re")}
    k = lex.section("kind")
    return Cues(
        metrics=KeyedPhrases(metrics),
        stock=re.compile(alt(lex.section("metrics").get("stock", []))),
        counts=KeyedPhrases(lex.section("counts")),
        compound_counts=_compound_heads(lex.section("counts"))
        if lex.section("grammar").get("compound_nouns") else [],
        compound_not=re.compile(lex.section("grammar").get("compound_not_re") or r"(?!x)x"),
        measures=[(re.compile(alt([cue])), m) for cue, m in lex.section("measures").items()],
        target=re.compile(alt(k.get("target", []))),
        target_after=re.compile(alt(k.get("target_after", []))),
        target_or_build=re.compile(alt([*k.get("target", []), *k.get("build", [])])),
        target_after_or_build=re.compile(alt([*k.get("target_after", []),
                                              *k.get("build_after", [])])),
        forecast=re.compile(alt(k.get("forecast", []))),
        forecast_after=re.compile(alt(k.get("forecast_after", []))),
        contrast=re.compile(alt(k.get("contrast", []))),
        current=re.compile(rf"{alt(k.get('current', []))}\W*(?:\w+\W+){{0,2}}$"),
        bilateral=re.compile(
            "|".join([alt(lex.section("subjects").get("bilateral", [])),
                      lex.section("subjects").get("bilateral_re") or r"(?!x)x"])),
        currency=re.compile(alt([w for ws in lex.section("currency").get("words", {}).values()
                                 for w in ws])),
        since=re.compile(lex.section("metrics").get("since_re") or r"(?!x)x", re.IGNORECASE),
        verb_final=bool(k.get("verb_final", False)),
        comparison=re.compile(alt(lex.section("subjects").get("comparison", []))),
    )


def _compound_heads(table: dict[str, list[str]]) -> list[tuple[re.Pattern[str], str]]:
    """Return (pattern, key) that find a counted noun as the head (end) of a compound word
    ("Energieunternehmen", "Partnerhochschulen"), for languages that write compounds solid."""
    out = []
    for key, cues_ in table.items():
        heads = [re.escape(c.rstrip("*")) + (r"\w*" if c.endswith("*") else "")
                 for c in cues_ if " " not in c.strip()]
        if heads:
            out.append((re.compile(rf"(?:{'|'.join(heads)})$", re.IGNORECASE), key))
    return out


def clauses(text: str) -> list[tuple[int, int]]:
    """Return the clause spans of a sentence (split at punctuation that is not a decimal comma)."""
    cuts = [0, *(m.start() for m in _CLAUSE.finditer(text)), len(text)]
    return list(pairwise(cuts)) or [(0, len(text))]


def _clause_of(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """Return the clause span holding sentence offset ``pos``."""
    for a, b in spans:
        if a <= pos < b:
            return a, b
    return spans[-1]


class FigureStage:
    """Pipeline stage: find the figures of a document."""

    name: ClassVar[str] = "figures"
    requires: ClassVar[tuple[str, ...]] = ("sentences", "mentions", "language", "published")
    assigns: ClassVar[tuple[str, ...]] = ("figures",)

    def __call__(self, doc: Document) -> Document:
        doc.figures = extract_figures(doc)
        return doc


def extract_figures(doc: Document) -> list[Figure]:
    """Return the figures of ``doc`` (needs text, sentences, mentions, language)."""
    # imported here: tablefigures reuses this module's cues
    from dossier.extract.tablefigures import parse_row, row_figures

    if not doc.sentences:
        return []
    rows = {i: row for i, s in enumerate(doc.sentences) if (row := parse_row(s.text))}
    quantities = scanner(doc.language).find(doc.text)
    if not quantities and not rows:
        return []
    starts = [s.start for s in doc.sentences]
    by_sentence: dict[int, list[Quantity]] = {i: [] for i in rows}
    names = NumberedNames(doc)
    for q in quantities:
        i = bisect.bisect_right(starts, q.start) - 1
        if i >= 0 and q.end <= doc.sentences[i].end and i not in rows \
                and not names.in_name(q, doc.sentences[i]):
            by_sentence.setdefault(i, []).append(q)
    speakers = assign_speakers(doc)
    subjects = _Subjects(doc, quantities)
    reader = _SentenceReader(doc)
    figures: list[Figure] = []
    for i in sorted(by_sentence):
        here = subjects.of(i)
        found = row_figures(doc, i, rows[i]) if i in rows else reader.read(i, by_sentence[i], here)
        for fig in found:
            fig.speaker = speakers[i]
            fig.subjects = list(here)
            fig.unit = _shared_currency(doc.language, fig.unit, here)
            figures.append(fig)
    _repeated_amounts(figures)
    return figures


def _repeated_amounts(figures: list[Figure]) -> None:
    """Give an amount named again without its metric ("the $100 billion target") the
    metric, and the period if it has none, of its first mention in the document."""
    first: dict[tuple[float, str], Figure] = {}
    for fig in figures:
        if fig.unit is None or fig.value is None or fig.unit in ("count", "percent"):
            continue
        key = (fig.value, fig.unit)
        prev = first.setdefault(key, fig)
        if prev is fig or fig.metric is not None or prev.metric is None:
            continue
        fig.metric, fig.measure = prev.metric, prev.measure
        if fig.period is None and fig.kind == prev.kind:
            fig.period = prev.period


class _Subjects:
    """The countries a sentence's figures are about.

    The sentence's own countries first (a domestic figure keeps its one country), else
    its paragraph's, else the document's two main ones; a bilateral cue ("between the two
    countries", "взаимная торговля") adds the main pair. Countries inside a currency name
    ("долларов США", "dollari USA", "ABD doları") are not subjects, nor are countries a
    figure is compared with ("mehr als mit Schweden oder Norwegen").
    """

    def __init__(self, doc: Document, quantities: list[Quantity]) -> None:
        self.doc = doc
        self.cues = cues(doc.language)
        self.top = _top_countries(doc)
        # quantities and compared clauses: a country inside one is no subject
        blocked = SpanSet([(q.start, q.end) for q in quantities] + self._compared(doc.text))
        self.mentions = [m for m in doc.mentions if m.key.startswith("country:")
                         and not blocked.overlaps(m.start, m.end)
                         and not self._in_currency(m.start, m.end)]

    def _compared(self, text: str) -> list[tuple[int, int]]:
        """Return the spans after a comparison cue, up to the clause's end (60 chars at most)."""
        out = []
        for m in self.cues.comparison.finditer(text):
            stop = _CLAUSE.search(text, m.end(), m.end() + 60)
            out.append((m.end(), stop.start() if stop else m.end() + 60))
        return out

    def _in_currency(self, start: int, end: int) -> bool:
        """Return True for a country named inside a currency ("долларах США", "US dollars")."""
        lo = max(0, start - 24)
        return any(c.start() < end and start < c.end()
                   for c in self.cues.currency.finditer(self.doc.text, lo, end + 24))

    def of(self, idx: int) -> list[str]:
        """Return the subject keys of sentence ``idx``."""
        s = self.doc.sentences[idx]
        own = self._keys(s.start, s.end)
        context = s.text
        if not own:
            para = [t for t in self.doc.sentences if t.paragraph == s.paragraph]
            own = self._keys(para[0].start, para[-1].end) if para else []
            context = self.doc.text[para[0].start:para[-1].end] if para else s.text
        if len(own) < 2 and (not own or self.cues.bilateral.search(context)):
            own = list(dict.fromkeys([*own, *self.top]))
        return own

    def _keys(self, start: int, end: int) -> list[str]:
        """Return the country keys mentioned in ``[start, end)``, in order."""
        return list(dict.fromkeys(m.key for m in self.mentions if start <= m.start < end))


class _SentenceReader:
    """Attaches metric, measure, period and kind to the quantities of one sentence."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.cues = cues(doc.language)
        self.periods = period_finder(doc.language)

    def read(self, idx: int, quantities: list[Quantity], subjects: list[str]) -> list[Figure]:
        """Return the figures of sentence ``idx`` (``subjects``: its countries)."""
        s = self.doc.sentences[idx]
        text = s.text
        spans = clauses(text)
        found = self.periods.find(text, self.doc.published)
        periods = [p for p in self._resolve_same_year(idx, found)
                   if not self.periods.is_base(text, p)]
        positions = [q.start - s.start for q in quantities]
        out = []
        for q, pos in zip(quantities, positions, strict=True):
            clause = _clause_of(spans, pos)
            kind = self._kind(text, clause, pos, q.end - s.start, positions, q.unit)
            metric, measure = self._metric(idx, text, clause, pos, q)
            others = [p for p in positions if p != pos]
            period = choose_period(periods, pos, clause, target=kind != "actual",
                                   between=others, text=text)
            if period is None and kind == "actual" and (due := deadline(periods, clause)):
                kind, period = "target", due  # "l'équipement de 800 écoles d'ici 2031"
            value = self._period_value(period, metric, kind, subjects)
            # an undated actual investment is what has accumulated; a planned one is a flow
            if metric == "investment" and ((value is None and kind == "actual")
                                           or self._stock(text, clause, pos)):
                metric, measure, value = "investment_stock", _MEASURE["investment_stock"], None
            out.append(Figure(
                sentence=idx, start=q.start, end=q.end, surface=q.surface, quote=text,
                value=q.value, unit=q.unit, measure=measure, metric=metric, period=value,
                kind=kind, approx=q.approx, upper=q.upper, vague=q.vague,  # type: ignore[arg-type]
            ))
        return out

    def _stock(self, text: str, clause: tuple[int, int], pos: int) -> bool:
        """Return True for a cumulative amount: "accumulated", or "since 2005" in the clause."""
        return bool(self.cues.stock.search(text, clause[0], pos)
                    or self.cues.since.search(text, clause[0], clause[1]))

    def _resolve_same_year(self, idx: int, periods: list[PeriodMention]) -> list[PeriodMention]:
        """Give "in the same year" the last year named before it in the document."""
        if not any(p.same for p in periods):
            return periods
        year = None
        for j in range(idx - 1, -1, -1):
            found = [p.period[:4] for p in self.periods.find(self.doc.sentences[j].text, None)
                     if p.period and p.period[:4].isdigit()]
            if found:
                year = found[-1]
                break
        return [PeriodMention(start=p.start, end=p.end, period=year) if p.same else p
                for p in periods]

    def _period_value(
        self, period: PeriodMention | None, metric: str | None, kind: str, subjects: list[str],
    ) -> str | None:
        """Return the period string; annual flows with no date are last year's, if known."""
        if period is not None and period.fiscal is not None:
            return _fiscal_period(period.fiscal, subjects, self.doc.language)
        if period is not None:
            return period.period
        pub = self.doc.published
        if metric in _FLOWS and kind == "actual" and pub and pub[:4].isdigit():
            return str(int(pub[:4]) - 1)  # "the current trade volume" is last full year's
        return None

    def _kind(self, text: str, clause: tuple[int, int], pos: int, end: int,
              positions: list[int], unit: str | None = None) -> str:
        """Return target, forecast or actual from cues in the figure's clause."""
        c = self.cues
        if c.forecast.search(text, clause[0], pos):
            return "forecast"
        # building makes a count or an amount a target, not the size of what is built
        sized = unit is not None and unit not in ("count", "percent") and not unit.isupper()
        target = c.target if sized else c.target_or_build
        target_after = c.target_after if sized else c.target_after_or_build
        current = c.current.search(text, clause[0], pos)
        if not current and target.search(text, clause[0], pos):
            return "target"
        # a cue in an earlier clause: "Эксперты ожидают, что ...", "Hedefimiz, ..."
        # a contrast ("..., alors que ...") starts a clause no earlier cue reaches
        since = max((m.end() for m in c.contrast.finditer(text, 0, pos)), default=0)
        fronted = [(self._fronted(c.forecast, text, pos, positions, 160, since), "forecast")]
        if not current:
            fronted.append((self._fronted(target, text, pos, positions, 80, since), "target"))
        cue, kind = max(fronted)
        if cue >= 0:
            return kind
        # verb-final clauses (tr, kk, de): "15 milyar dolara çıkarmak", "auf 50 Mrd. geschätzt"
        # verb-final languages close the clause with the verb that governs every figure in it
        after = clause[1] if c.verb_final else _after_window(text, end, clause[1], positions)
        if target_after.search(text, end, after):
            return "target"
        if c.forecast_after.search(text, end, after):
            return "forecast"
        return "actual"

    @staticmethod
    def _fronted(rx: re.Pattern[str], text: str, pos: int, positions: list[int],
                 reach: int, since: int = 0) -> int:
        """Return where the last cue before the number ends, or -1.

        The cue must lie within ``reach`` characters, with no other figure and no
        semicolon between it and the number.
        """
        start = max(since, pos - reach, text.rfind(";", 0, pos) + 1)
        hits = list(rx.finditer(text, start, pos))
        if not hits or any(hits[-1].end() <= p < pos for p in positions):
            return -1
        return hits[-1].end()

    def _metric(
        self, idx: int, text: str, clause: tuple[int, int], pos: int, q: Quantity,
    ) -> tuple[str | None, str | None]:
        """Return (metric, measure) for a quantity."""
        hits = [(start, key) for start, _, key in self.cues.metrics.finditer(text)
                if key != "energy" or q.unit in _ENERGY_UNITS]
        if q.unit == "count":
            metric, measure = self._count_metric(text, pos, q)
            if metric is None and (hit := _nearest(hits, clause, pos)) == "population":
                return hit, _MEASURE[hit]  # "uma população de 11 milhões de habitantes"
            return metric, measure
        if q.unit == "percent":
            return None, None
        if q.unit in _ENERGY_UNITS and any(k == "energy" and clause[0] <= p < clause[1]
                                           for p, k in hits):
            return "energy", _MEASURE["energy"]  # tonnes of LNG exported are an energy volume
        metric = _nearest(hits, clause, pos) or self._previous_metric(idx, q)
        if metric == "deals":
            return None, None  # "24 agreements worth $3.7 billion": no trade flow
        return metric, _MEASURE.get(metric) if metric else None

    def _previous_metric(self, idx: int, q: Quantity) -> str | None:
        """Return the last metric cue of the previous sentence of the same paragraph."""
        if idx == 0:
            return None
        prev = self.doc.sentences[idx - 1]
        if prev.paragraph != self.doc.sentences[idx].paragraph:
            return None
        hits = [key for _, _, key in self.cues.metrics.finditer(prev.text)
                if key != "deals" and (key != "energy" or q.unit in _ENERGY_UNITS)]
        return hits[-1] if hits else None

    def _count_metric(self, text: str, pos: int, q: Quantity) -> tuple[str | None, str | None]:
        """Return (metric, measure) of a count from its counted noun phrase."""
        noun = q.noun or ""
        # the counted thing may follow a few adjectives ("150 крупных и средних российских
        # компаний", "Sei sedi di grandi ospedali")
        tail = _WORDS_AFTER.match(text, pos + len(q.surface))
        after = text[pos:max(tail.end() if tail else 0, pos + len(q.surface) + 48)]
        metric = self.cues.counts.search(noun) or self.cues.counts.search(_CLAUSE.split(after)[0]) \
            or self._compound_count(noun)
        measure = next((name for rx, name in self.cues.measures if rx.search(noun)), None)
        if metric and not measure:
            measure = _MEASURE.get(metric)
        return metric, measure or noun or None


    def _compound_count(self, noun: str) -> str | None:
        """Return the count key of the first word of ``noun`` that ends in a counted noun."""
        for word in noun.split():
            if self.cues.compound_not.search(word):
                continue
            for rx, key in self.cues.compound_counts:
                if rx.search(word):
                    return key
        return None


def _after_window(text: str, end: int, clause_end: int, positions: list[int]) -> int:
    """Return where the cue search after a figure stops: clause end, next figure, 60 chars."""
    nxt = [p for p in positions if p >= end]
    return min(clause_end, end + 60, *nxt)


def _nearest(hits: list[tuple[int, str]], clause: tuple[int, int], pos: int) -> str | None:
    """Return the cue nearest to ``pos``: in the clause first (before, then after), then before."""
    inside = [(p, g) for p, g in hits if clause[0] <= p < clause[1]]
    before = [(p, g) for p, g in inside if p < pos]
    if before:
        return before[-1][1]
    if inside:
        return inside[0][1]
    earlier = [(p, g) for p, g in hits if p < pos]
    return earlier[-1][1] if earlier else None


def _shared_currency(language: str | None, unit: str | None, subjects: list[str]) -> str | None:
    """Return the other country's code for a shared currency word (манат: AZN or TMT)."""
    for code, home, other, other_code in lexicon(language).section("currency").get("shared", []):
        if unit == code and f"country:{other}" in subjects and f"country:{home}" not in subjects:
            return str(other_code)
    return unit


def _fiscal_period(years: tuple[int, int], subjects: list[str], language: str | None) -> str:
    """Return a fiscal year as months when a subject's fiscal year is known (India: April)."""
    starts = lexicon(language).section("fiscal_year_start")
    month = next((int(starts[k[8:]]) for k in subjects
                  if k.startswith("country:") and k[8:] in starts), None)
    if month is None or month == 1:
        return f"{years[0]}/{years[1]}"
    return f"{years[0]}-{month:02d}/{years[1]}-{month - 1:02d}"


def _top_countries(doc: Document) -> list[str]:
    """Return the document's two most-mentioned countries."""
    counts = Counter(m.key for m in doc.mentions if m.key.startswith("country:"))
    return [k for k, _ in counts.most_common(2)]
