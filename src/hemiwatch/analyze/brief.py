"""Multi-article briefings in the digest's layout, every takeaway citing its articles."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from hemiwatch.analyze.board import _iso, latest_polarity
from hemiwatch.display import figure, place_name
from hemiwatch.store import Store

MAX_TAKEAWAYS = 6


def brief(
    store: Store,
    since: dt.date | None = None,
    until: dt.date | None = None,
    country: str | None = None,
    topic: str | None = None,
) -> dict[str, Any]:
    """{"title", "synopsis", "takeaways": [{"text", "article_ids"}], "quotes", "sources"}."""
    ids = store.article_ids(since=since, until=until, country=country, topic=topic)
    if since or until:
        window = " – ".join(x for x in (_iso(since) or "the first article", _iso(until) or "now"))
    else:
        window = "every stored article"
    focus = " · ".join(x for x in ((place_name(country) if country else ""), topic or "") if x)
    title = f"Briefing: {window}" + (f" · {focus}" if focus else "")
    if not ids:
        return {
            "title": title,
            "synopsis": "No stored articles match this briefing.",
            "takeaways": [],
            "quotes": [],
            "sources": [],
        }
    tags = store.rows("tags", article_ids=ids)
    countries = Counter(t["value"] for t in tags if t["kind"] == "country")
    topics = Counter(t["value"] for t in tags if t["kind"] == "topic" and t["value"] != "other")
    sources = {t["article_id"]: (t["title"], t["source"], _iso(t["day"])) for t in tags}
    synopsis = (
        f"{len(ids)} articles from {len({s[1] for s in sources.values()})} outlets. Most covered: "
        + ", ".join(place_name(c) for c, _ in countries.most_common(4))
        + (
            ". Main topics: " + ", ".join(t.replace("_", " ") for t, _ in topics.most_common(3))
            if topics
            else ""
        )
        + "."
    )
    return {
        "title": title,
        "synopsis": synopsis,
        "takeaways": (_stance_points(store, ids) + _commitment_points(store, ids))[:MAX_TAKEAWAYS],
        "quotes": [
            {
                "text": q["text"],
                "speaker": q["speaker"],
                "article_id": q["article_id"],
                "date": _iso(q["day"]),
            }
            for q in store.rows("quotes", article_ids=ids, limit=200)
            if q["kind"] == "direct" and len(q["text"].split()) >= 8
        ][:5],
        "sources": [
            {"article_id": i, "title": t, "source": s, "date": d}
            for i, (t, s, d) in sorted(sources.items(), key=lambda x: str(x[1][2]))
        ],
    }


def _stance_points(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    """The board's reading of these articles' stances: each pair's latest stance, cited by the
    articles that support it (so the brief never says "refuses" where the board cooperates)."""
    rows = store.rows("stances", article_ids=ids)
    latest = latest_polarity(rows)
    grouped: dict[tuple[str, str, str], list[str]] = {}
    for r in rows:
        if r["polarity"] == latest[(r["actor"], r["target"])]:
            key = (r["actor"], r["polarity"], r["target"])
            grouped.setdefault(key, []).append(r["article_id"])
    ranked = sorted(grouped.items(), key=lambda kv: (kv[0][1] != "refuses", -len(kv[1])))
    out: list[dict[str, Any]] = []
    for (actor, polarity, target), cited in ranked:
        both = grouped.get((target, polarity, actor))
        if both is not None and (target, actor) < (actor, target):
            continue  # the pair said once: 'A and B cooperate'
        if both is not None and polarity == "cooperates":
            text = f"{place_name(actor)} and {place_name(target)} cooperate."
            cited = cited + both
        else:
            verb = "refuses to cooperate with" if polarity == "refuses" else "cooperates with"
            text = f"{place_name(actor)} {verb} {place_name(target)}."
        out.append({"text": text, "article_ids": sorted(set(cited))})
        if len(out) == 4:
            break
    return out


def _commitment_points(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    out = []
    for c in store.rows("commitments", article_ids=ids)[:2]:
        pledged = c["pledged_max"] or c["pledged_min"]
        out.append(
            {
                "text": f"{c['initiative'].capitalize()}: {figure(c['sought'])} {c['unit']} "
                f"sought, up to {figure(pledged)} pledged.",
                "article_ids": [c["article_id"]],
            }
        )
    return out


def to_markdown(b: dict[str, Any]) -> str:
    lines = [f"# {b['title']}", "", "## Synopsis", "", b["synopsis"], "", "## Key Takeaways", ""]
    lines += [f"- {t['text']} [{', '.join(t['article_ids'])}]" for t in b["takeaways"]] or ["- —"]
    if b["quotes"]:
        lines += ["", "## Quotes", ""]
        lines += [
            f"> “{q['text']}”  \n> — {q['speaker']}, {q['date']} [{q['article_id']}]\n"
            for q in b["quotes"]
        ]
    if b["sources"]:
        lines += ["", "## Sources", ""]
        lines += [
            f"- [{s['article_id']}] {s['title']} ({s['source']}, {s['date']})" for s in b["sources"]
        ]
    return "\n".join(lines).rstrip() + "\n"
