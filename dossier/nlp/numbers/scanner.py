"""Find quantities in text: numeral, scale, currency, percent, unit, qualifier, counted noun.

Candidates come from one precompiled regex per language; each is then extended rightwards
(range, scale words, currency, percent, unit, counted noun) and checked against what is not a
figure (years, dates, ordinals, ages and durations, numbers inside names, list numbering).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from dossier.nlp.numbers.lexicon import NumberLexicon, lexicon
from dossier.nlp.numbers.numerals import decimal_mark, parse_number
from dossier.nlp.numbers.words import WordNumbers, number_word_keys
from dossier.nlp.phraseindex import PhraseKeys, fold, matches_at, start_finder

_MASK_DIGITS = re.compile(  # one leading \d lets the regex engine skip ahead fast
    r"\d(?:\d{0,3}[./-]\d{1,2}[./-]\d{2,4}"  # 27/11/2024, 2024-11-27, 27.11.2024
    r"|\d?:\d{2}|\d?[ \u00a0]?h[ \u00a0]?\d{2}"  # times: 18:27, 6 h 02, 18h30
    r"|\d{3}\s?[-–—/]\s?(?:\d{4}|\d{2})(?![:.]\d))\b"  # 2026–2030, 2024/25; not "2025 - 18:27"
)
_MASK_LINKS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.\w+")
_KINDS = ("num", "word", "vague", "one", "collective")  # "collective" also finds fractions
_YEAR_AFTER = re.compile(r"[ \t\u00a0\w'’]{0,14}?(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_DIGITS = re.compile(r"\d[\d.,]*")
_WORD = re.compile(r"[ \t\u00a0]*([^\W\d_][\w'’-]*)")  # no space after an elided "d'"
_QUOTE_BEFORE = re.compile(r"[\"“”«„][ \t]*(?:\w+[ \t]+){0,2}$")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_CLAUSE_STOP = re.compile(r"[.;:!?\n«»“”\"()]")
_NOUN_PHRASE_MAX = 4
_FURNITURE_LINE = 160  # page furniture is a short line; an article's sentence may be long
#: numbers whose mark can only be a decimal one: "6.8", "0,8%", "12,45 %" (not "10.30", a time)
#: (a leading \d, the lookbehind after it: the engine then skips to digits fast)
_YEARS = (1800, 2100)


@dataclass(slots=True, kw_only=True)
class Quantity:
    """A quantity read from text: offsets, value in base units, unit, qualifiers."""

    start: int
    end: int
    surface: str
    value: float
    unit: str | None  # ISO 4217 code, "percent", "count" or a unit word ("tonne")
    upper: float | None = None
    vague: bool = False
    approx: str = "exact"
    noun: str | None = None  # the counted noun phrase, for counts


@dataclass(slots=True)
class _Read:
    """A candidate being extended (mutable while the scanner works on it)."""

    start: int
    end: int
    value: float
    kind: str
    unit: str | None = None
    upper: float | None = None
    scaled: bool = False
    noun: str | None = None
    dec: str = ","


class Scanner:
    """Reads the quantities of texts in one language."""

    def __init__(self, language: str | None) -> None:
        self.lex: NumberLexicon = lexicon(language)
        w = self.lex.data.get("words", {})
        self.words = WordNumbers(self.lex.words, list(w.get("connectors", [])))
        self.count_nouns = re.compile(
            "|".join(p.pattern for p in self._count_patterns()) or r"(?!x)x", re.IGNORECASE)
        self._p = self.lex.patterns
        self._needs_between = bool(self.lex.section("grammar").get("between_before"))
        self._capital_nouns = bool(self.lex.section("grammar").get("capitalised_nouns"))
        self._noun_before = bool(self.lex.section("grammar").get("noun_before_re"))
        # the word-led candidates are found in one pass, not one regex scan per kind
        self._starts = start_finder({
            "word": number_word_keys(self.lex.words),
            "vague": PhraseKeys.of(self.lex.vague),
            "one": PhraseKeys.of(self.lex.multipliers),  # followed by a space and a scale
            "collective": PhraseKeys.of({**self.lex.collectives, **self.lex.fractions}),
        })

    def _count_patterns(self) -> list[re.Pattern[str]]:
        """Return the patterns of nouns the lexicon knows as counted things."""
        from dossier.nlp.numbers.lexicon import alt

        cues = [c for cs in self.lex.section("counts").values() for c in cs]
        cues += list(self.lex.section("measures"))
        return [re.compile(alt(cues), re.IGNORECASE)] if cues else []

    def find(self, text: str, *, bare: bool = False) -> list[Quantity]:
        """Return every quantity in ``text``, in order (``bare``: numbers without a noun too)."""
        masked = _MASK_DIGITS.sub(_blank, text)
        if "@" in text or "://" in text or "www." in text:
            masked = _MASK_LINKS.sub(_blank, masked)
        starts = self._starts.starts(fold(masked)) if self._starts else {}
        found = [(m.start(), kind, m) for kind in _KINDS
                 for m in self._candidates(kind, masked, starts)]
        found.sort(key=lambda f: f[0])
        dec = decimal_mark(masked, self.lex.decimal)
        out: list[Quantity] = []
        pos = 0
        for start, kind, m in found:
            if start < pos or (start and (masked[start - 1].isalnum() or (
                    kind == "num" and masked[start - 1] in ".,"))):
                continue
            near, far = self._currency_before(masked, out, start)
            q = self._read(masked, m, kind, bare, near, dec, far)
            if q is not None and not self._furniture(text, q):
                q.surface = text[q.start:q.end]
                out.append(q)
                pos = q.end
        return out

    def _candidates(self, kind: str, masked: str, starts: dict[str, list[int]]
                    ) -> Iterable[re.Match[str]]:
        """Return the candidate matches of one kind, in order (as ``finditer`` finds them)."""
        if kind not in starts:  # digits, or no word index: the regex scans the text
            return self._p["n_" + kind].finditer(masked)
        return matches_at(self._p["n_" + kind], masked, starts[kind])

    def _furniture(self, text: str, q: Quantity) -> bool:
        """Return True for a number on a short line of page furniture ("Lecture 4 min")."""
        lo = text.rfind("\n", 0, q.start) + 1
        hi = text.find("\n", q.end)
        hi = len(text) if hi < 0 else hi
        return hi - lo <= _FURNITURE_LINE and bool(self._p["furniture"].search(text, lo, hi))

    @staticmethod
    def _currency_before(text: str, out: list[Quantity], start: int
                         ) -> tuple[str | None, str | None]:
        """Return the currency of the previous amount if in the same sentence; else (second)
        the last currency of the paragraph, for amounts in billions ("... euros. 'Already 47
        projects, worth about 1.1 billion', he said")."""
        money = [q for q in out[-4:] if q.unit and len(q.unit) == 3 and q.unit.isupper()]
        if not money:
            return None, None
        prev = money[-1]
        if prev is out[-1] and not _SENTENCE_END.search(text, prev.end, start):
            return prev.unit, None
        return None, (None if "\n" in text[prev.end:start] else prev.unit)

    def _base(self, m: re.Match[str], kind: str, dec: str) -> _Read | None:
        """Return the bare number of a candidate match (``dec``: the text's decimal mark)."""
        if kind == "num":
            return _Read(m.start(), m.end(), parse_number(m.group(), dec), "num", dec=dec)
        if kind == "word":
            v = self.words.parse(m.group())
            return None if v is None else _Read(m.start(), m.end(), float(v), "word")
        if kind in ("vague", "collective", "one"):
            low = " ".join(m.group().lower().split())
            if kind == "collective" and any(k.lower() == low for k in self.lex.fractions):
                kind = "fraction"
            table = {"vague": self.lex.vague, "collective": self.lex.collectives,
                     "one": self.lex.multipliers, "fraction": self.lex.fractions}[kind]
            value = next((v for k, v in table.items() if k.lower() == low), None)
            return None if value is None else _Read(m.start(), m.end(), value, kind)
        return None

    def _read(self, text: str, m: re.Match[str], kind: str, bare: bool,
              inherit: str | None = None, dec: str | None = None,
              far: str | None = None) -> Quantity | None:
        """Extend one candidate into a quantity, or return None when it is not a figure."""
        raw = m.group() if kind == "num" else None
        r = self._base(m, kind, dec or self.lex.decimal)
        if r is None or self._not_figure_before(text, r):
            return None
        r.dec = dec or self.lex.decimal
        if r.kind == "fraction":
            return self._fraction(text, r)
        p = self._p
        if r.kind == "num":
            if p["ordinal"].match(text, r.end) or self._list_marker(text, r):
                return None
            rm = p["range"].match(text, r.end)
            if rm and not self._is_year(r.value, raw):
                r.upper = parse_number(rm.group("n"), r.dec)
                r.end = rm.end()
        self._between(text, r)
        self._scale(text, r)
        if r.scaled:
            self._between(text, r)  # "between $5 billion and $7 billion"
        if r.kind == "vague" and r.value >= 1000:
            r.scaled = True  # "Zehntausende": the scale is inside the word
        if r.kind in ("vague", "one") and not r.scaled:
            return None
        self._currency_percent_unit(text, r)
        if r.unit is None and not bare and (sm := p["suffix"].match(text, r.end)):
            r.end = sm.end()  # "800'ü", "30-ға": a case ending on the numeral
        if r.unit is None and not bare:
            if p["duration"].match(text, r.end) or p["month_after"].match(text, r.end):
                return None
            if r.kind == "num" and text[r.end:r.end + 1].isalpha():
                return None  # "5G", "3D": a name, not a quantity
            noun = self._noun(text, r)
            # "14 млрд долларов ... до 19 миллиардов", "3,6 milliards d'euros, dont 2 milliards
            # en subventions"; but "1,8 mil milhões de euros ... 40 mil chilenos"
            if inherit and r.scaled and (noun is None or (
                    r.value >= 1e9 and not self.count_nouns.match(noun))):
                r.unit = inherit
                return self._quantity(text, r)
            if far and r.scaled and r.value >= 1e9 and noun is None:
                r.unit = far  # billions with no noun, an earlier sentence's currency
                return self._quantity(text, r)
            # "25 mil portugueses" after an amount in euros: people, not euros
            noun = noun or self._noun_back(text, r, raw)
            if noun is None:
                return None
            if r.kind == "num" and self._is_year(r.value, raw) and \
                    not self.count_nouns.match(noun):
                return None
            if not r.scaled and r.value != int(r.value):
                return None  # "50,9375'te": a rate or index, not a number of things
            if r.kind == "word" and not r.scaled and (r.value < 2 or (r.value < 3 and (
                    self._p["generic"].match(noun)
                    or self._p["definite"].search(text, max(0, r.start - 12), r.start)))):
                # "one" is the indefinite article in most of these languages; "two" counts
                # ventures and squadrons, but "the two countries" is no figure
                return None
            r.unit, r.noun = "count", noun
        return self._quantity(text, r)

    def _fraction(self, text: str, r: _Read) -> Quantity | None:
        """Return "half of", "un quinto del", "половина" as a percent share, else None.

        "The first half of 2025" is a period, not a share: no ordinal before, no year after.
        """
        p = self._p
        if p["fraction_ordinal"].search(text, max(0, r.start - 24), r.start) or \
                _YEAR_AFTER.match(text, r.end):
            return None
        if p["fraction_follow"].pattern and not p["fraction_follow"].match(text, r.end):
            return None  # "half an hour", "a third party": not a share of something
        r.unit = "percent"
        return self._quantity(text, r)

    def _between(self, text: str, r: _Read) -> None:
        """Read the upper bound of "between X and Y" ("entre 5 e 7", "от 5 до 7")."""
        p = self._p
        if r.upper is not None or r.kind not in ("num", "word"):
            return
        if self._needs_between and not p["between_before"].search(
                text, max(0, r.start - 30), r.start):
            return
        bm = p["between"].match(text, r.end)
        if bm is None:
            return
        upper, end = parse_number(bm.group("n"), r.dec), bm.end()
        if r.scaled:
            sm = p["scale"].match(text, end)
            if sm is None:
                return
            upper, end = upper * self._multiplier(sm.group("s")), sm.end()
            if sm.group(0).endswith(".") and text[end:end + 1] in ("", "\n"):
                end -= 1  # a sentence-final dot is not part of "млрд."
        if upper > r.value:
            r.upper, r.end = upper, end

    def _multiplier(self, word: str) -> float:
        """Return the value of a scale word as matched ("milliards", "млрд")."""
        key = word.lower()
        mult = next((v for k, v in self.lex.scales.items() if k.lower() == key), None)
        if mult is None:
            mult = next(v for k, v in self.lex.scales.items() if re.fullmatch(
                k.rstrip("*") + r"\w*" if k.endswith("*") else re.escape(k), key, re.I))
        return mult

    def _quantity(self, text: str, r: _Read) -> Quantity:
        """Return the finished quantity with its qualifier."""
        approx = self._qualifier(text, r)
        if r.kind == "vague":
            approx = "more_than"
        elif r.kind == "collective" and approx == "exact":
            approx = "about"  # "una quarantina": about forty
        return Quantity(start=r.start, end=r.end, surface="", value=r.value, unit=r.unit,
                        upper=r.upper, vague=r.kind == "vague", approx=approx, noun=r.noun)

    def _not_figure_before(self, text: str, r: _Read) -> bool:
        """Return True for a number inside a name ("Soyuz-5", "G20") or after a month name."""
        before = text[max(0, r.start - 2):r.start]
        if before[-1:].isalpha() or (before[-1:] == "-" and before[:1].isalnum()):
            return True
        if self._p["label"].search(text, max(0, r.start - 24), r.start):
            return True  # "статье 4", "Artikel 5": a numbered label
        if r.kind == "num":
            window = text[max(0, r.start - 16):r.start]
            return bool(self._p["month_before"].search(window))
        return False

    @staticmethod
    def _list_marker(text: str, r: _Read) -> bool:
        """Return True for list numbering: "1) ..." or a line starting "1. "."""
        nxt = text[r.end:r.end + 1]
        if nxt == ")" and text[r.start - 1:r.start] != "(":
            return True
        line_start = text.rfind("\n", 0, r.start) + 1
        return nxt == "." and not text[line_start:r.start].strip() and \
            text[r.end + 1:r.end + 2] in (" ", "\t")

    @staticmethod
    def _is_year(value: float, raw: str | None) -> bool:
        """Return True for a bare four-digit year."""
        return bool(raw) and raw is not None and raw.isdigit() and len(raw) == 4 and \
            _YEARS[0] <= value <= _YEARS[1]

    def _scale(self, text: str, r: _Read) -> None:
        """Multiply by scale words ("27,8 miliardi", "mil milhões", "$50bn", "20mila")."""
        p = self._p
        if r.kind == "num" and (am := p["attached"].match(text, r.end)):
            s = am.group("s").lower()
            if s != "m" or p["sym_before"].search(text, max(0, r.start - 4), r.start):
                r.value *= {"k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12}[s]
                r.end, r.scaled = am.end(), True
                return
        glued = r.kind == "num" and p["glued"].match(text, r.end)
        while sm := glued or p["scale"].match(text, r.end):
            glued = None
            mult = self._multiplier(sm.group("s"))
            r.value *= mult
            r.upper = r.upper * mult if r.upper is not None else None
            r.end, r.scaled = sm.end(), True
            if sm.group(0).endswith(".") and text[sm.end():sm.end() + 1] in ("", "\n"):
                r.end -= 1  # a sentence-final dot is not part of "млрд."
            r.unit = self.lex.scale_currency.get(sm.group("s").lower(), r.unit)  # "mdd"
            self._compound(text, r, mult)

    def _compound(self, text: str, r: _Read, mult: float) -> None:
        """Add the rest of a number written in parts after a scale word.

        "3 milyar 150 milyon", "2 млрд 300 млн" (a smaller scale follows); "13 mil 200
        millones" (thousands, then a larger scale that scales the whole); and in languages
        with ``compound_scales``, a bare remainder: "4 bin 800".
        """
        cm = self._p["compound"].match(text, r.end)
        if cm is None or r.upper is not None:
            return
        low = float(cm.group("n"))
        if sm := self._p["scale"].match(text, cm.end()):
            sub = self._multiplier(sm.group("s"))
            if sub < mult:
                r.value += low * sub
            elif mult == 1e3 and r.value < 1e6:
                r.value = (r.value + low) * sub  # "(13 mil 200) millones"
            else:
                return  # "5 bin 3 milyon" is not one number
            r.end = sm.end()
            if sm.group(0).endswith(".") and text[r.end:r.end + 1] in ("", "\n"):
                r.end -= 1
            r.unit = self.lex.scale_currency.get(sm.group("s").lower(), r.unit)
        elif self.lex.compound_scales and low < mult:
            r.value, r.end = r.value + low, cm.end()

    def _currency_percent_unit(self, text: str, r: _Read) -> None:
        """Attach a currency (before or after), a percent sign or word, or a unit."""
        p = self._p
        sb = p["sym_before"].search(text, max(0, r.start - 5), r.start) \
            if self._symbol_end_before(text, r.start) else None
        if sb:
            r.unit = self.lex.symbols[sb.group("c")] if sb.group("c") in self.lex.symbols else \
                self._symbol(sb.group("c"))
            r.start = sb.start()
        if ca := p["cur_after"].match(text, r.end):
            r.unit = r.unit or self._currency_word(ca.group("c"))
            r.end = ca.end()
        elif r.unit is None and (co := p["code_after"].match(text, r.end)):
            r.unit, r.end = self._symbol(co.group("c")), co.end()
        if r.unit is not None:
            return
        if pa := p["pct_after"].match(text, r.end):
            r.unit, r.end = "percent", pa.end()
        elif pb := p["pct_before"].search(text, max(0, r.start - 8), r.start):
            r.unit, r.start = "percent", pb.start()
        else:
            if um := p["unit"].match(text, r.end):
                r.unit, r.end = self.lex.unit_names[um.lastgroup or ""], um.end()

    def _symbol_end_before(self, text: str, start: int) -> bool:
        """Return True when a currency sign or code may end just before ``start``: the one
        character "sym_before" can end on, past an optional space and a final newline (``$``
        matches before one). Most numbers have a word there, and the search is skipped."""
        tail = text[max(0, start - 3):start]
        if tail.endswith("\n"):
            tail = tail[:-1]
        if tail[-1:] in (" ", "\u00a0"):
            tail = tail[:-1]
        return tail[-1:] in self.lex.symbol_ends

    def _symbol(self, sym: str) -> str:
        """Return the ISO code of a currency symbol or code as written."""
        return self.lex.symbols.get(sym) or self.lex.symbols.get(sym.upper()) or sym.upper()

    def _currency_word(self, word: str) -> str:
        """Return the ISO code of a currency word ("dollari USA" -> USD)."""
        for rx, code in self.lex.currency_words:
            if rx.fullmatch(word):
                return code
        return self._symbol(word)

    def _noun(self, text: str, r: _Read) -> str | None:
        """Return the counted noun phrase after a number ("aziende a capitale russo")."""
        pos = r.end
        if am := self._p["q_after"].match(text, pos):
            pos = am.end()  # "20 binden fazla şirket": the noun follows the qualifier
        # "una quarantina di accordi", "une trentaine d'entreprises", "десяток компаний"
        if r.kind == "collective" and (em := self._p["partitive_elided"].match(text, pos)):
            pos = em.end()
        if self._noun_before and (
                bm := self._p["noun_before"].search(text, max(0, r.start - 60), r.start)):
            return bm.group(1)  # "şirketlerinin sayısı 4 bin 800'ü aştı": the noun came first
        pm = self._p["partitive"].match(text, pos)
        if pm:  # "76 delle 89 regioni": the noun comes after the second number
            nm = _DIGITS.match(text, pm.end())
            if nm is not None:
                pos = nm.end()
            elif r.scaled:
                pos = pm.end() - 1  # "tens of thousands of students"
            else:
                return None
        words: list[str] = []
        while len(words) < _NOUN_PHRASE_MAX and (wm := _WORD.match(text, pos)):
            word = wm.group(1)
            if self._p["stop"].match(word):
                break
            words.append(word)
            pos = wm.end()
        if self._capital_nouns and not any(w[0].isupper() for w in words):
            return None  # German nouns are capitalised: "auf 120 steigern" counts no verb
        return " ".join(words) or None

    def _noun_back(self, text: str, r: _Read, raw: str | None) -> str | None:
        """Return the counted noun named before a clause-final number, or None.

        "le imprese cilene in Norvegia sono circa 70", "die Zahl der Filialen auf 240 zu
        steigern": a "number of X" phrase or a known counted noun earlier in the clause.
        """
        if r.value != int(r.value) or self._is_year(r.value, raw) or \
                not self._p["count_end"].match(text, r.end):
            return None
        lo = max(0, r.start - 90)
        # a quote opening just before the number ('sono "circa 200"') does not end the clause
        opened = _QUOTE_BEFORE.search(text, lo, r.start)
        cut = max((m.end() for m in _CLAUSE_STOP.finditer(
            text, lo, opened.start() if opened else r.start)), default=lo)
        for m in _DIGITS.finditer(text, cut, r.start):
            num = m.group().rstrip(".,")
            if not self._is_year(parse_number(num, r.dec), num):
                cut = m.end()  # never across another number
        if nm := list(self._p["number_of"].finditer(text, cut, r.start)):
            return nm[-1].group(nm[-1].lastindex or 0)
        hits = list(self.count_nouns.finditer(text, cut, r.start))
        if not hits:
            return None
        wm = _WORD.match(text, hits[-1].start())
        return wm.group(1) if wm else None

    def _qualifier(self, text: str, r: _Read) -> str:
        """Return the approx value from the qualifier words around the number."""
        window = text[max(0, r.start - 40):r.start]
        qm = self._p["q_before"].search(window)
        approx = "exact"
        if qm and not self._p["change_to"].search(window) and \
                not self._p["q_void"].search(window):
            approx = self._approx_of(qm.group("q"))
        if am := self._p["q_after"].match(text, r.end):
            approx = next(k for k, v in am.groupdict().items() if v)
        return approx

    def _approx_of(self, phrase: str) -> str:
        """Return which qualifier list a matched phrase belongs to."""
        q = self.lex.section("qualifiers")
        low = " ".join(phrase.lower().split())
        for key in ("almost", "less_than", "more_than", "about"):
            for item in q.get(key, []):
                stem = item.lower().rstrip("*")
                if low == stem or (item.endswith("*") and low.startswith(stem)):
                    return key
        return "exact"


def _blank(m: re.Match[str]) -> str:
    """Return spaces as long as the match (masking keeps offsets)."""
    return " " * len(m.group())


@lru_cache(maxsize=32)
def scanner(language: str | None) -> Scanner:
    """Return the scanner for ``language`` (built once per process and language)."""
    return Scanner(language)


def find_quantities(text: str, language: str | None) -> list[Quantity]:
    """Return the quantities of ``text`` read with ``language``'s conventions."""
    return scanner(language).find(text)
