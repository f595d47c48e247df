"""Answers to analysts' questions from stored facts and sentences, always with citations.

Questions about refusal or cooperation go to the stances, questions about how many troops or
dollars to the commitments and numbers, "what did X say" to the quotes; anything else to the
full-text index. When nothing in the corpus answers, the answer says so.
"""

from __future__ import annotations

import json
import re
from typing import Any

from hemiwatch.display import figure, place_name
from hemiwatch.extract.lexicons import find_places
from hemiwatch.extract.units import canonical_unit
from hemiwatch.store import Store, schema

NO_ANSWER = "The corpus holds no answer to that question."
_REFUSE = re.compile(
    r"\b(refus\w*|reject\w*|declin\w*|suspend\w*|not cooperat\w*|won't|"
    r"does not|do not|doesn't|don't|stopp?\w*)\b",
    re.I,
)
_COOPERATE = re.compile(r"\b(cooperat\w*|work\w* with|partner\w*|help\w*|sign\w*|join\w*)\b", re.I)
_HOW_MANY = re.compile(r"\bhow (many|much)\b", re.I)
_ROLES = {
    "pledg": "pledged",
    "promis": "pledged",
    "commit": "pledged",
    "sought": "sought",
    "seek": "sought",
    "request": "sought",
    "ask": "sought",
    "deploy": "deployed",
    "sent": "deployed",
    "seiz": "seized",
    "kill": "killed",
    "deport": "deported",
    "deliver": "delivered",
    "detain": "detained",
    "arrest": "arrested",
}
_SAY = re.compile(r"\bwhat (?:did|has|have) (?P<who>.+?) (?:say|said)\b", re.I)


def ask(store: Store, question: str) -> dict[str, Any]:
    """{"answer": str, "citations": [{"article_id", "text"}]}."""
    places = [m.place.code for m in find_places(question) if m.place.kind != "ignore"]
    said = _SAY.search(question)
    if said:
        return _quotes(store, said.group("who"))
    if _HOW_MANY.search(question):
        return _how_many(store, question, places)
    if _REFUSE.search(question) or _COOPERATE.search(question):
        polarity = "refuses" if _REFUSE.search(question) else "cooperates"
        return _stances(store, polarity, places)
    return _search(store, question)


def _stances(store: Store, polarity: str, places: list[str]) -> dict[str, Any]:
    rows = [r for r in store.board_rows() if r["latest_polarity"] == polarity]
    if places:
        rows = [r for r in rows if r["target"] in places] or [
            r for r in rows if r["actor"] in places
        ]
    if not rows:
        return {"answer": NO_ANSWER, "citations": []}
    rows.sort(key=lambda r: -(r["n_refuses"] if polarity == "refuses" else r["n_cooperates"]))
    actors = list(dict.fromkeys(r["actor"] for r in rows))
    targets = list(dict.fromkeys(r["target"] for r in rows))
    singular = len(actors) == 1
    if polarity == "refuses":
        verb = "refuses to cooperate with" if singular else "refuse to cooperate with"
    else:
        verb = "cooperates with" if singular else "cooperate with"
    who = ", ".join(place_name(a) for a in actors[:6])
    whom = ", ".join(place_name(t) for t in targets[:3])
    evidence = [e for r in rows for e in json.loads(r["evidence"]) if e["polarity"] == polarity]
    citations = [{"article_id": e["article_id"], "sentence": e["sentence"]} for e in evidence]
    return {"answer": f"{who} {verb} {whom}.", "citations": _cite(citations, "sentence")}


def _how_many(store: Store, question: str, places: list[str]) -> dict[str, Any]:
    low = question.lower()
    role = next((r for k, r in _ROLES.items() if k in low), None)
    unit_words = [
        w
        for w in re.findall(r"[a-z]+", low)
        if canonical_unit(w) != w
        or w in {"dollars", "troops", "police", "officers", "soldiers", "tonnes", "migrants"}
    ]
    unit = canonical_unit(unit_words[0]) if unit_words else None
    countries = places or None
    if role in {"pledged", "sought"}:
        table = schema.commitments
        rows = store.rows(
            "commitments",
            countries=countries,
            limit=1,
            where=table.c.unit == unit if unit else None,
        )
        if rows:
            r = rows[0]
            value = r["pledged_max"] if role == "pledged" else r["sought"]
            other = r["sought"] if role == "pledged" else r["pledged_max"]
            if value is not None:
                qual = "up to " if role == "pledged" and r["pledged_max"] else ""
                note = (
                    f" ({'sought' if role == 'pledged' else 'pledged'}: {figure(other)})"
                    if other
                    else ""
                )
                return {
                    "answer": f"{qual}{figure(value)} {r['unit']} {role} for "
                    f"{r['initiative']}{note}, as of {r['day']}.",
                    "citations": [{"article_id": r["article_id"], "text": r["title"]}],
                }
    numbers = schema.numbers
    rows = [
        r
        for r in store.rows(
            "numbers",
            countries=countries,
            limit=500,
            where=numbers.c.role == role if role else None,
        )
        if (unit is None or canonical_unit(r["unit"]) == unit) and not r["off_topic"]
    ]
    if not rows:
        return {"answer": NO_ANSWER, "citations": []}
    r = rows[0]
    return {
        "answer": f"{r['text']} ({r['role'] or 'reported'}), as of {r['day']}.",
        "citations": _cite(rows[:3], "text"),
    }


def _quotes(store: Store, who: str) -> dict[str, Any]:
    rows = store.quote_rows(speaker=who.strip(" ?"), limit=5)
    if not rows:
        return {"answer": NO_ANSWER, "citations": []}
    first = rows[0]
    return {
        "answer": f"{first['speaker']} said: “{first['text']}” ({first['day']}).",
        "citations": _cite(rows, "text"),
    }


def _search(store: Store, question: str) -> dict[str, Any]:
    stop = {
        "what",
        "which",
        "who",
        "when",
        "where",
        "how",
        "is",
        "are",
        "was",
        "were",
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "on",
        "for",
        "did",
        "does",
        "do",
        "with",
        "about",
    }
    words = [w for w in re.findall(r"\w+", question) if w.lower() not in stop]
    hits = store.search(" ".join(words), limit=3) if words else []
    if not hits:
        return {"answer": NO_ANSWER, "citations": []}
    top = hits[0]
    snippet = re.sub("[⟦⟧]", "", top["snippet"]).strip(" …")
    return {
        "answer": f"From “{top['title']}”: {snippet}",
        "citations": [
            {"article_id": h["id"], "text": re.sub("[⟦⟧]", "", h["snippet"])} for h in hits
        ],
    }


def _cite(rows: list[dict[str, Any]], field: str) -> list[dict[str, str]]:
    seen, out = set(), []
    for r in rows:
        key = (r["article_id"], r[field])
        if key not in seen:
            seen.add(key)
            out.append({"article_id": r["article_id"], "text": r[field]})
    return out[:5]
