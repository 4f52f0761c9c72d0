"""Per-language cues for the entity recogniser, read from ``dossier/lang/<code>/entities.toml``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from dossier import lang as langdata
from dossier.nlp.entities.lemma import LemmaRules, parse_rules
from dossier.nlp.entities.normalize import fold


@dataclass(slots=True, frozen=True, kw_only=True)
class LangConfig:
    """Folded word sets and rules for one language."""

    code: str
    connectors: frozenset[str]
    org_connectors: frozenset[str]
    stopwords: frozenset[str]
    not_names: frozenset[str]
    person_titles: frozenset[str]
    org_heads: frozenset[str]
    place_heads: frozenset[str]
    reporting_verbs: frozenset[str]
    indefinite_articles: frozenset[str] = frozenset()
    org_prepositions: frozenset[str] = frozenset()
    coordinators: frozenset[str] = frozenset()
    #: prepositions before a place name ("in", "nach"): evidence that a word is a town
    locative_cues: frozenset[str] = frozenset()
    #: lower-case particles glued by a hyphen to a name ("al-Sisi", "es-Sudani")
    name_particles: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()
    actor_verbs: frozenset[str] = frozenset()
    demonyms: dict[str, str] = field(default_factory=dict)  # folded word -> alpha-2
    demonym_prefixes: tuple[tuple[str, str], ...] = ()
    common_suffixes: tuple[str, ...] = ()
    #: endings of a sentence-initial common word (plural, case) glued to a name after it
    clause_suffixes: tuple[str, ...] = ()
    case_endings: tuple[str, ...] = ()
    adjective_endings: tuple[str, ...] = ()
    person_case_rules: tuple[tuple[re.Pattern[str], str], ...] = ()
    nouns_capitalised: bool = False
    #: suffixes on names follow an apostrophe (Turkish "Sudan'ı"): a word read as an
    #: inflected name without one ("Sudani") is doubtful, so a title before it wins
    apostrophe_suffixes: bool = False
    #: letter groups -> English spelling (Turkish c -> j): respelled person forms merge
    romanisation: dict[str, str] = field(default_factory=dict)
    #: base forms of declined person names (lemma.py)
    lemma_rules: LemmaRules = field(default_factory=LemmaRules)
    #: the prefixes as one alternation, longest first: every word of a text is tried, and a
    #: scan of the prefix list per word was a tenth of the stage
    #: lower-case region nouns after a capitalised adjective (области -> область), and the
    #: rules giving the adjective's base form (regions.py)
    region_heads: dict[str, str] = field(default_factory=dict)
    region_adjective_rules: tuple[tuple[re.Pattern[str], str], ...] = ()
    prefix_pattern: re.Pattern[str] | None = None
    prefix_codes: dict[str, str] = field(default_factory=dict)

    def demonym(self, word: str) -> str | None:
        """Return the alpha-2 code a folded word is the demonym or adjective of."""
        code = self.demonyms.get(word)
        if code is None and self.prefix_pattern is not None:
            m = self.prefix_pattern.match(word)
            code = self.prefix_codes[m.group()] if m is not None else None
        return code

    def person_token(self, word: str) -> str:
        """Undo surname declension (Путина -> Путин) with the language's rules."""
        for pattern, repl in self.person_case_rules:
            new = pattern.sub(repl, word)
            if new != word:
                return new
        return word


def _words(data: dict[str, object], name: str) -> frozenset[str]:
    raw = data.get(name, [])
    return frozenset(fold(str(w)) for w in raw) if isinstance(raw, list) else frozenset()


@lru_cache(maxsize=64)
def load_config(code: str | None) -> LangConfig:
    """Return the config for a language, falling back to English when it has no file."""
    code = (code or "en").lower()
    data = langdata.load(code, "entities") or langdata.load("en", "entities")
    demonyms: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    # English adjectives turn up in every language's news ("Russian", "Kazakh"): merged after
    english = langdata.load("en", "entities").get("demonyms", {}) if code != "en" else {}
    for alpha2, words in [*data.get("demonyms", {}).items(), *english.items()]:
        for word in words:
            if word.endswith("*"):
                prefixes.append((fold(word[:-1]), alpha2))
            else:
                demonyms.setdefault(fold(word), alpha2)
    rules = tuple((re.compile(p), r) for p, r in data.get("person_case_rules", []))
    ordered = tuple(sorted(prefixes, key=lambda p: -len(p[0])))
    endings = tuple(sorted({fold(e) for e in data.get("case_endings", [])}, key=len, reverse=True))
    return LangConfig(
        code=code, connectors=_words(data, "connectors"),
        org_connectors=_words(data, "org_connectors"), stopwords=_words(data, "stopwords"),
        not_names=_words(data, "not_names"), person_titles=_words(data, "person_titles"),
        org_heads=_words(data, "org_heads"), place_heads=_words(data, "place_heads"),
        reporting_verbs=_words(data, "reporting_verbs"), demonyms=demonyms,
        indefinite_articles=_words(data, "indefinite_articles"),
        org_prepositions=_words(data, "org_prepositions"),
        coordinators=_words(data, "coordinators"), auxiliaries=_words(data, "auxiliaries"),
        name_particles=_words(data, "name_particles"),
        locative_cues=_words(data, "locative_cues"),
        actor_verbs=_words(data, "actor_verbs") | _words(data, "reporting_verbs"),
        demonym_prefixes=ordered, prefix_pattern=_prefix_pattern(ordered),
        prefix_codes=_first_codes(ordered),
        case_endings=endings,
        adjective_endings=tuple(fold(x) for x in data.get("adjective_endings", [])),
        common_suffixes=tuple(fold(x) for x in data.get("common_suffixes", [])),
        clause_suffixes=tuple(fold(x) for x in data.get("clause_suffixes", [])),
        person_case_rules=rules,
        nouns_capitalised=bool(data.get("nouns_capitalised", False)),
        apostrophe_suffixes=bool(data.get("apostrophe_suffixes", False)),
        romanisation={str(a): str(b) for a, b in data.get("romanisation", [])},
        lemma_rules=_lemma_rules(data),
        region_heads={fold(str(a)): str(b) for a, b in data.get("region_heads", [])},
        region_adjective_rules=tuple((re.compile(str(p)), str(r))
                                     for p, r in data.get("region_adjective_rules", [])),
    )


def _prefix_pattern(prefixes: tuple[tuple[str, str], ...]) -> re.Pattern[str] | None:
    """One regex trying the prefixes in order (alternation is ordered: longest wins)."""
    if not prefixes:
        return None
    return re.compile("|".join(re.escape(p) for p, _ in prefixes))


def _first_codes(prefixes: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Prefix -> code of its first listing (a later duplicate never matched before)."""
    codes: dict[str, str] = {}
    for p, c in prefixes:
        codes.setdefault(p, c)
    return codes


def _lemma_rules(data: dict[str, object]) -> LemmaRules:
    """Person-name lemma rules of one language (lower case, й and ё kept)."""
    names = data.get("given_names", [])
    endings = data.get("female_given_endings", [])
    return LemmaRules(
        given=parse_rules(data.get("given_lemma_rules")),
        surname=parse_rules(data.get("surname_lemma_rules")),
        given_names=frozenset(str(n) for n in names) if isinstance(names, list) else frozenset(),
        female_given=tuple(str(e) for e in endings) if isinstance(endings, list) else ())
