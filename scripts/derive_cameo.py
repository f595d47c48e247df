"""Derive hemiwatch's CAMEO event lexicons from the open event-data coders' verb dictionaries.

    python scripts/derive_cameo.py ../shared/data/event-dictionaries ../shared/data/event-coding

reads the PETRARCH2 (English) and UniversalPetrarch (Spanish) verb-pattern dictionaries (MIT)
and the CAMEO-to-PLOVER table, and writes src/hemiwatch/lexicons/cameo_en.tsv and
cameo_es.tsv: one row per (verb lemma, object head or "*", PLOVER type) with how many patterns
say so. The verb's own row ("*") is the type most of its patterns give. The patterns' subject
conditions and synonym-set objects are not kept as rows (a synonym set only counts toward the
verb's own type): the lexicon is word evidence for a dependency-parse coder, not a
re-implementation of PETRARCH.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "hemiwatch" / "lexicons"
CODE = re.compile(r"\[([0-9]{2,4})(?::[0-9]+)?\]")
FUNCTION_WORDS = frozenset(
    "a al con contra de del el en la las lo los para por que se sobre su sus un una y "
    "the of to in on with for by from at".split()
)
SHARE = 0.6  # a verb's own type: the one at least this share of its patterns give
# an object row rests on at least this many patterns (the Spanish file repeats its patterns
# over inflected forms; one English pattern is one decision of its authors)
MIN_PATTERNS = {"English": 1, "Spanish": 2}
HEADER = """# CAMEO event lexicon ({language}), derived by scripts/derive_cameo.py from the
# verb-pattern dictionary of {coder} (MIT licence: LICENSE.cameo beside this file;
# Copyright (c) 2015 Open Event Data Alliance), with CAMEO codes mapped to PLOVER types by
# the PLOVER manual's CAMEO2PLOVER table. Columns: verb lemma, object head ("*": the verb
# alone), PLOVER type, the number of patterns behind the row.
#lemma	object	type	patterns
"""


def plover_table(path: Path) -> dict[str, str]:
    """CAMEO code -> PLOVER type."""
    out = {}
    for line in path.read_text("utf-8").splitlines():
        m = re.match(r"^([0-9]{2,4}):\s*([A-Z]+)", line)
        if m:
            out[m.group(1)] = m.group(2)
    return out


def to_plover(code: str, table: dict[str, str]) -> str | None:
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def objects(pattern: str) -> list[str]:
    """The object heads a pattern names after its verb ("*"), or ["*"] for none."""
    tail = pattern.split("*", 1)[1] if "*" in pattern else ""
    tail = re.sub(r"\(.*?\)", " ", CODE.sub(" ", tail)).split("#", 1)[0]
    words = re.findall(r"\{[^}]*\}|&[A-Z_]+|[A-Z][A-Z_'-]+", tail)
    if not words:
        return ["*"]
    words = [w for w in words if w.lower() not in FUNCTION_WORDS]
    if not words:
        return ["*"]
    first = words[0]
    if first.startswith("&"):
        return ["&"]  # a synonym set: evidence for the verb's own type, no object row
    head = first.strip("{}").split()[-1].replace("_", " ").lower().split()[-1]
    return ["&"] if head.startswith("&") else [head]


def derive(path: Path, table: dict[str, str]) -> Counter[tuple[str, str, str]]:
    lines = path.read_text("utf-8", errors="replace").splitlines()
    rows: Counter[tuple[str, str, str]] = Counter()
    members: list[str] = []
    block: str | None = None
    in_block = False  # synonym sets come before the first verb block
    in_patterns = "VERB PATTERNS" not in "".join(lines)
    for line in lines:
        text = line.split("#", 1)[0].rstrip()
        if "VERB PATTERNS" in line:
            in_patterns = True
            continue
        if not in_patterns or not text.strip():
            continue
        if text.startswith("---"):
            members, in_block = [], True
            head = CODE.search(text)  # the block's own code (the Spanish file gives one)
            block = to_plover(head.group(1), table) if head else None
            continue
        if text.startswith("-"):
            m = CODE.search(text)
            plover = to_plover(m.group(1), table) if m else None
            if plover is None or text.lstrip("- ").startswith("&"):
                continue  # no code, or a subject condition this lexicon cannot keep
            for verb in members:
                for obj in objects(text):
                    rows[(verb, obj, plover)] += 1
            continue
        word = text.split()[0].lstrip("+")
        if in_block and not text.startswith(("+", "&")) and re.fullmatch(r"[A-ZÁÉÍÓÚÑÜ_]+", word):
            verb = word.replace("_", " ").lower()
            members.append(verb)
            own = CODE.search(text)
            plover = to_plover(own.group(1), table) if own else block
            if plover:
                rows[(verb, "*", plover)] += 3
    return rows


def with_defaults(
    rows: Counter[tuple[str, str, str]], min_patterns: int
) -> list[tuple[str, str, str, int]]:
    by_verb: dict[str, Counter[str]] = defaultdict(Counter)
    for (verb, _, plover), n in rows.items():
        by_verb[verb][plover] += n
    own: dict[str, tuple[str, int]] = {}
    for verb, types in by_verb.items():
        plover, n = types.most_common(1)[0]
        if n >= SHARE * sum(types.values()):
            own[verb] = (plover, n)
    # an object row that says what the verb alone says is left out
    out = [
        (v, o, p, n)
        for (v, o, p), n in rows.items()
        if o not in {"*", "&"} and own.get(v, ("", 0))[0] != p and n >= min_patterns
    ]
    out += [(v, "*", p, n) for v, (p, n) in own.items()]
    return sorted(out)


def main() -> int:
    dictionaries, coding = Path(sys.argv[1]), Path(sys.argv[2])
    table = plover_table(coding / "plover-gsr" / "CAMEO2PLOVER-2021.txt")
    for language, coder, source in (
        ("English", "PETRARCH2", dictionaries / "en" / "CAMEO.2.0.txt"),
        ("Spanish", "UniversalPetrarch", dictionaries / "es" / "verbpatterns_es_190128.txt"),
    ):
        rows = with_defaults(derive(source, table), MIN_PATTERNS[language])
        name = "cameo_en.tsv" if language == "English" else "cameo_es.tsv"
        body = "".join(f"{v}\t{o}\t{p}\t{n}\n" for v, o, p, n in rows)
        (OUT / name).write_text(HEADER.format(language=language, coder=coder) + body, "utf-8")
        print(f"{name}: {len(rows)} rows, {len({r[0] for r in rows})} verbs")
    licence = dictionaries / "LICENSE.petrarch2"
    (OUT / "LICENSE.cameo").write_text(licence.read_text("utf-8"), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
