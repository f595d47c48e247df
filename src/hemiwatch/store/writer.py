"""Writing a batch of analysed articles in one transaction: rows, story clusters, full-text
index and the cooperation board summary, each table written with one executemany."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, delete, insert, select, text, tuple_

from hemiwatch.models import Article, Facts
from hemiwatch.store import dedup, schema

CANDIDATES = 20  # stored articles sharing a band that are compared, per new article
EVIDENCE = 5  # newest stances kept as the board's evidence per pair


def write_batch(conn: Connection, items: Sequence[tuple[Article, Facts]]) -> list[str]:
    ids = [a.id for a, _ in items]
    present = set(
        conn.execute(select(schema.articles.c.id).where(schema.articles.c.id.in_(ids))).scalars()
    )
    fresh: dict[str, tuple[Article, Facts]] = {}
    for article, facts in items:
        if article.id not in present and article.id not in fresh:
            fresh[article.id] = (article, facts)
    if not fresh:
        return []
    sigs = {i: dedup.signature(a.text) for i, (a, _) in fresh.items()}
    clusters = _clusters(conn, sigs)
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    rows: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for aid, (article, facts) in fresh.items():
        rows[schema.articles].append(
            {
                "id": aid,
                "url": article.url,
                "url_key": _url_key(article.url),
                "content_hash": dedup.content_hash(article.text),
                "source": article.source,
                "published": article.published,
                "title": article.title,
                "text": article.text,
                "language": facts.language,
                "off_topic": facts.off_topic,
                "cluster_id": clusters[aid],
                "facts": facts.model_dump_json(),
                "ingested_at": now,
            }
        )
        for table, table_rows in fact_rows(article, facts).items():
            rows[table].extend(table_rows)
        rows[schema.signatures].append({"article_id": aid, "minhash": dedup.to_bytes(sigs[aid])})
        rows[schema.lsh_bands].extend(
            {"band": b, "hash": h, "article_id": aid} for b, h in dedup.bands(sigs[aid])
        )
    for table in (schema.articles, *schema.FACT_TABLES, schema.signatures, schema.lsh_bands):
        if rows[table]:
            conn.execute(insert(table), rows[table])
    if conn.dialect.name == "sqlite":
        conn.execute(
            text("INSERT INTO articles_fts (id, title, text) VALUES (:id, :title, :text)"),
            [
                {"id": r["id"], "title": r["title"], "text": r["text"]}
                for r in rows[schema.articles]
            ],
        )
        if rows[schema.quotes]:
            conn.execute(
                text(
                    "INSERT INTO quotes_fts (rowid, article_id, speaker, text) "
                    "SELECT row_id, article_id, coalesce(speaker, ''), text FROM quotes "
                    "WHERE article_id IN (SELECT value FROM json_each(:ids))"
                ),
                {"ids": json.dumps(list(fresh))},
            )
    languages = {aid: facts.language for aid, (_, facts) in fresh.items()}
    _update_board(
        conn,
        [r for r in rows[schema.stances] if not fresh[r["article_id"]][1].off_topic],
        languages,
    )
    return list(fresh)


def _clusters(conn: Connection, sigs: dict[str, Any]) -> dict[str, str]:
    """Each new article joins the story of its most similar stored (or earlier new) article."""
    band_keys = {aid: dedup.bands(mh) for aid, mh in sigs.items()}
    stored: dict[str, set[str]] = {}
    for aid, keys in band_keys.items():
        found = conn.execute(
            select(schema.lsh_bands.c.article_id)
            .where(tuple_(schema.lsh_bands.c.band, schema.lsh_bands.c.hash).in_(keys))
            .limit(CANDIDATES)
        ).scalars()
        stored[aid] = set(found)
    wanted = set().union(*stored.values()) if stored else set()
    known: dict[str, tuple[bytes, str]] = {}
    if wanted:
        for other, blob, cluster in conn.execute(
            select(
                schema.signatures.c.article_id,
                schema.signatures.c.minhash,
                schema.articles.c.cluster_id,
            )
            .join(schema.articles, schema.articles.c.id == schema.signatures.c.article_id)
            .where(schema.signatures.c.article_id.in_(wanted))
        ):
            known[other] = (blob, cluster)
    out: dict[str, str] = {}
    batch_bands: dict[tuple[int, str], list[str]] = defaultdict(list)
    for aid, mh in sigs.items():
        blob = dedup.to_bytes(mh)
        candidates = [(known[o][0], known[o][1]) for o in stored[aid] if o in known]
        recent = {o for key in band_keys[aid] for o in batch_bands[key][-3:]}
        candidates += [(dedup.to_bytes(sigs[o]), out[o]) for o in recent]
        i, sim = dedup.best_match(blob, [c[0] for c in candidates[: CANDIDATES * 2]])
        out[aid] = candidates[i][1] if sim >= dedup.THRESHOLD else aid
        for key in band_keys[aid]:
            batch_bands[key].append(aid)
    return out


def _update_board(
    conn: Connection, stances: list[dict[str, Any]], languages: dict[str, str]
) -> None:
    """Fold new stances into the per-pair board summary (latest stance, counts, evidence, and
    the language of each evidence sentence: English and Spanish reports share one board)."""
    if not stances:
        return
    board = schema.board
    pairs = {(s["actor"], s["target"]) for s in stances}
    current = {
        (r.actor, r.target): dict(r._mapping)
        for r in conn.execute(
            select(board).where(tuple_(board.c.actor, board.c.target).in_(list(pairs)))
        )
    }
    by_pair: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for s in stances:
        by_pair[(s["actor"], s["target"])].append(s)
    merged = []
    for pair, new in by_pair.items():
        row = current.get(pair) or {
            "actor": pair[0],
            "target": pair[1],
            "n_cooperates": 0,
            "n_refuses": 0,
            "evidence": "[]",
        }
        evidence = json.loads(row["evidence"]) + [
            {
                "article_id": s["article_id"],
                "date": s["date"].isoformat() if s["date"] else None,
                "sentence": s["evidence"],
                "polarity": s["polarity"],
                "cue": s["cue"],
                "span": [s["start"], s["end"]],
                "language": languages.get(s["article_id"], "en"),
                "basis": s["basis"],
                "target_basis": s["target_basis"],
                "inferred": s["inferred"],
            }
            for s in new
        ]
        evidence.sort(key=lambda e: e["date"] or "", reverse=True)
        counts = {"cooperates": row["n_cooperates"], "refuses": row["n_refuses"]}
        for s in new:
            counts[s["polarity"]] += 1
        merged.append(
            {
                "actor": pair[0],
                "target": pair[1],
                "latest_polarity": evidence[0]["polarity"],
                "previous_polarity": evidence[1]["polarity"] if len(evidence) > 1 else None,
                "latest_date": dt.date.fromisoformat(evidence[0]["date"])
                if evidence[0]["date"]
                else None,
                "n_cooperates": counts["cooperates"],
                "n_refuses": counts["refuses"],
                "evidence": json.dumps(evidence[:EVIDENCE], ensure_ascii=False),
            }
        )
    conn.execute(delete(board).where(tuple_(board.c.actor, board.c.target).in_(list(by_pair))))
    conn.execute(insert(board), merged)


def rebuild_board(conn: Connection, pairs: set[tuple[str, str]]) -> None:
    """The board rows of these (actor, target) pairs, folded again from every stance of an
    on-topic article (after an article's relevance changed)."""
    if not pairs:
        return
    board, st, a = schema.board, schema.stances, schema.articles
    keys = list(pairs)
    conn.execute(delete(board).where(tuple_(board.c.actor, board.c.target).in_(keys)))
    rows = conn.execute(
        select(st, a.c.language)
        .join(a, a.c.id == st.c.article_id)
        .where(tuple_(st.c.actor, st.c.target).in_(keys), a.c.off_topic.is_(False))
        .order_by(st.c.row_id)
    )
    stances = [dict(r._mapping) for r in rows]
    _update_board(conn, stances, {s["article_id"]: s["language"] for s in stances})


def _day(facts: Facts) -> dt.date | None:
    return facts.dateline.date if facts.dateline else None


def _url_key(url: str | None) -> str | None:
    from hemiwatch.ingest.identity import normalize_url

    return normalize_url(url) if url else None


def fact_rows(article: Article, facts: Facts) -> dict[Any, list[dict[str, Any]]]:
    aid = article.id
    tags = (
        [("country", c.code) for c in facts.countries]
        + [("region", r.slug) for r in facts.regions]
        + [("person", p.name) for p in facts.people]
        + [("topic", t.label) for t in facts.topics]
    )
    return {
        schema.quotes: [
            {
                "article_id": aid,
                "kind": q.kind,
                "speaker": q.speaker,
                "speaker_title": q.speaker_title,
                "verb": q.verb,
                "text": q.text,
                "start": q.span[0],
                "end": q.span[1],
                "day": _day(facts) or article.published,
                "basis": q.basis,
                "speaker_basis": q.speaker_basis,
            }
            for q in facts.quotes
        ],
        schema.stances: [
            {
                "article_id": aid,
                "actor": s.actor,
                "target": s.target,
                "polarity": s.polarity,
                "cue": s.cue,
                "evidence": s.evidence,
                "date": s.date or article.published,
                "start": s.span[0],
                "end": s.span[1],
                "basis": s.basis,
                "target_basis": s.target_basis,
                "inferred": s.inferred,
            }
            for s in facts.stances
        ],
        schema.commitments: [
            {
                "article_id": aid,
                "initiative": c.initiative,
                "sought": c.sought,
                "pledged_min": c.pledged_min,
                "pledged_max": c.pledged_max,
                "delivered": c.delivered,
                "unit": c.unit,
                "speaker": c.speaker,
                "date": c.date or article.published,
            }
            for c in facts.commitments
        ],
        schema.numbers: [
            {
                "article_id": aid,
                "value": n.value,
                "unit": n.unit,
                "qualifier": n.qualifier,
                "role": n.role,
                "text": n.text,
                "start": n.span[0],
                "end": n.span[1],
            }
            for n in facts.numbers
        ],
        schema.tags: [{"article_id": aid, "kind": k, "value": v} for k, v in dict.fromkeys(tags)],
        schema.events: [
            {
                "article_id": aid,
                "event_type": e.event_type,
                "source_actor": e.source_actor,
                "target_actor": e.target_actor,
                "location": e.location,
                "date": e.date or article.published,
                "negated": e.negated,
                "hypothetical": e.hypothetical,
                "text": e.text,
            }
            for e in facts.events
        ],
    }
