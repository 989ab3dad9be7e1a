"""Loads the rule and lexicon data files once and compiles them into regular expressions."""

from __future__ import annotations

import functools
import json
import logging
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

LOGGER = logging.getLogger(__name__)

_MACRO_RE = re.compile(r"\{([A-Z][A-Z_0-9]*)(?::([a-z_0-9]+))?\}")
_CASE_SENSITIVE_MACROS = frozenset({"MONTH", "MONTHFULL", "WEEKDAY", "WEEKDAYFULL"})
_NUMBER_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_NUMBER_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


@dataclass(frozen=True)
class Rule:
    """One compiled recognition rule."""

    name: str
    handler: str
    regex: re.Pattern[str]
    before: re.Pattern[str] | None
    order: int
    requires: tuple[str, ...] = ()  # lower-case strings; the rule runs only if one occurs


@dataclass(frozen=True)
class NegativeRule:
    """One compiled negative rule: drops candidates of some handlers in a given context."""

    name: str
    handlers: frozenset[str]
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    text: re.Pattern[str] | None


def _load_json(name: str) -> dict[str, Any]:
    """Read one JSON data file shipped in ``storyline/time/rules``."""
    path = resources.files("storyline.time").joinpath("rules").joinpath(name)
    return json.loads(path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The word lists (months, weekdays, numbers, units, ...)."""
    return _load_json("lexicon.json")


@functools.lru_cache(maxsize=1)
def relations() -> dict[str, Any]:
    """How relative words ("last", "the previous", "ago") move from the DCT or reference time."""
    return _load_json("relations.json")


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    """Regex alternation of literal words, longest first; a space matches any whitespace."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


def _case_variants(words: list[str]) -> list[str]:
    """Capitalised and upper-case forms of each word (for case-sensitive names)."""
    return [form for word in words for form in (word, word.upper())]


def _number_word_regex() -> str:
    """Regex for number words up to the thousands ("twenty-one", "a dozen", "two hundred")."""
    small = [w for w, v in lexicon()["number_words"].items() if isinstance(v, int) and v < 20]
    compound = f"(?:{'|'.join(_NUMBER_TENS)})(?:[-\\s](?:{'|'.join(_NUMBER_UNITS)}))?"
    multi = [w for w in lexicon()["number_words"] if " " in w or "-" in w]
    base = f"(?:{_alternation(multi)}|{compound}|{_alternation(small)})"
    return f"{base}(?:\\s+(?:hundred|thousand))?"


@functools.lru_cache(maxsize=1)
def macros() -> dict[str, str]:
    """Macro name -> regex fragment, built from the lexicon."""
    lex = lexicon()
    months = list(lex["months"])
    full_months = [m for m in months if (len(m) > 3 and m != "Sept") or m == "May"]
    weekdays = list(lex["weekdays"])
    full_weekdays = [w for w in weekdays if w.endswith("day")]
    units = lex["units"]
    singular = [u for u in units if not u.endswith("s") or u in ("hrs", "mins", "yrs")]
    singular = [u for u in singular if u not in ("hrs", "mins", "yrs", "millennia", "centuries")]
    plural = [u for u in units if u not in singular]
    abbreviations = [m + "." for m in months if len(m) <= 4 and m not in ("May", "June", "July")]
    months = months + abbreviations
    number_words = _number_word_regex()
    digits = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+\d/\d|½)?"
    return {
        "MONTH": _alternation(_case_variants(months) + [m.lower() for m in full_months if m not in ("May", "March")]),
        "MONTHFULL": _alternation(_case_variants(full_months) + [m.lower() for m in full_months if m not in ("May", "March")]),
        "WEEKDAY": _alternation(_case_variants(weekdays) + [w.lower() for w in full_weekdays]),
        "WEEKDAYFULL": _alternation(_case_variants(full_weekdays) + [w.lower() for w in full_weekdays]),
        "DAY": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?",
        "YEAR": r"(?:1\d{3}|20\d\d|21\d\d)",
        "ORDINAL": _alternation(list(lex["ordinals"])),
        "NUMWORD": number_words,
        "NUM": f"(?:{digits}|{number_words})",
        "UNIT": _alternation(list(units)),
        "UNIT1": _alternation(singular),
        "UNITPL": _alternation(plural),
        "SEASON": _alternation(list(lex["seasons"])),
        "HOLIDAY": _alternation(list(lex["holidays"])),
        "DEICTIC": _alternation(list(lex["deictic_days"])),
        "REFWORD": _alternation(list(lex["reference_words"])),
        "SETADV": _alternation(list(lex["set_adverbs"])),
        "VAGUE": _alternation(lex["vague_quantities"]),
        "COUNT_NOUNS": _alternation(negatives_data()["count_nouns"]),
        "FUNCTION_WORD": _alternation(lex["function_words"]["words"]),
    }


def _expand(pattern: str) -> str:
    """Expand {MACRO} and {MACRO:group} and turn literal spaces (outside classes) into \\s+."""
    table = macros()

    def replace(match: re.Match[str]) -> str:
        name, group = match.group(1), match.group(2)
        body = table[name]
        if name in _CASE_SENSITIVE_MACROS:
            body = f"(?-i:{body})"
        if name == "DAY" and group:
            return r"(?P<%s>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?" % group
        return f"(?P<{group}>{body})" if group else body

    expanded = _MACRO_RE.sub(replace, pattern)
    return _spaces_to_whitespace(expanded)


def _spaces_to_whitespace(pattern: str) -> str:
    """Replace each literal space outside a character class by ``\\s+``."""
    out: list[str] = []
    in_class = escaped = False
    for char in pattern:
        if escaped:
            out.append(char)
            escaped = False
            continue
        if char == "\\":
            escaped = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        out.append(r"\s+" if char == " " and not in_class else char)
    return "".join(out)


@functools.lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """All recognition rules, compiled."""
    compiled = []
    for order, spec in enumerate(_load_json("patterns.json")["rules"]):
        body = _expand(spec["pattern"])
        regex = re.compile(rf"(?<![\w'’]){body}(?![\w])", re.IGNORECASE)
        before = re.compile(spec["before"], re.IGNORECASE) if spec.get("before") else None
        requires = tuple(spec.get("requires", ()))
        compiled.append(Rule(spec["name"], spec["handler"], regex, before, order, requires))
    LOGGER.debug("compiled %d time rules", len(compiled))
    return tuple(compiled)


@functools.lru_cache(maxsize=1)
def negatives_data() -> dict[str, Any]:
    """The raw negative-rule data file."""
    return _load_json("negatives.json")


@functools.lru_cache(maxsize=1)
def negative_rules() -> tuple[NegativeRule, ...]:
    """All negative rules, compiled."""

    def compile_optional(spec: dict[str, Any], key: str) -> re.Pattern[str] | None:
        if not spec.get(key):
            return None
        return re.compile(_MACRO_RE.sub(lambda m: macros()[m.group(1)], spec[key]), re.IGNORECASE)

    return tuple(
        NegativeRule(
            spec["name"],
            frozenset(spec["handlers"]),
            compile_optional(spec, "before"),
            compile_optional(spec, "after"),
            compile_optional(spec, "text"),
        )
        for spec in negatives_data()["rules"]
    )


@functools.lru_cache(maxsize=1)
def modifier_regex() -> re.Pattern[str]:
    """Matches a modifier phrase ending right before a timex ("more than ", "early ", "mid-")."""
    lex = lexicon()
    phrases = list(lex["modifiers_before"]) + list(lex["modifiers_position"])
    return re.compile(rf"(?<![\w-])(?P<mod>{_alternation(phrases)})(?:\s+|-|\s*-\s*)$", re.IGNORECASE)
