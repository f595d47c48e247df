"""Facts -> what people and programs read: the facts file, JSON, Markdown and the terminal view."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from hemiwatch.display import figure, plover_row
from hemiwatch.models import Analysis, Article, Facts


def facts_file(facts: Facts) -> dict[str, Any]:
    """Exactly the facts-file format of ../shared/eval/FORMAT.md."""
    return {
        "id": facts.id,
        "quotes": [{"text": q.text, "speaker": q.speaker, "kind": q.kind} for q in facts.quotes],
        "countries": sorted(c.code for c in facts.countries),
        "people": [p.name for p in facts.people],
        "numbers": [
            {
                "value": n.value,
                "unit": n.unit,
                "text": n.text,
                "qualifier": n.qualifier,
                "role": n.role,
                **({"unit_en": n.unit_en} if n.unit_en else {}),
                **({"value_max": n.value_max} if n.value_max is not None else {}),
            }
            for n in facts.numbers
        ],
        "topics": [t.label for t in facts.topics],
        "off_topic": facts.off_topic,
        "stances": [
            {"actor": s.actor, "target": s.target, "polarity": s.polarity, "evidence": s.evidence}
            for s in facts.stances
        ],
        "commitments": [
            {
                "initiative": c.initiative,
                "sought": c.sought,
                "pledged_max": c.pledged_max,
                "unit": c.unit,
                "speaker": c.speaker,
            }
            for c in facts.commitments
        ],
        "takeaways": [t.text for t in facts.digest.takeaways] if facts.digest else [],
        "headline_question": facts.digest.headline_question if facts.digest else None,
    }


def plover_lines(facts: Facts) -> list[str]:
    """One JSON object per event, the fields event-data tools expect."""
    return [json.dumps(plover_row(e, facts.id), ensure_ascii=False) for e in facts.events]


def facts_json(facts: Facts) -> str:
    return json.dumps(facts_file(facts), ensure_ascii=False, indent=2) + "\n"


def analysis_json(article: Article, facts: Facts) -> str:
    return Analysis(article=article, facts=facts).model_dump_json(indent=2)


def markdown(article: Article, facts: Facts) -> str:
    """The reference layout: question title, Synopsis, Key Takeaways, facts, then the quotes."""
    digest = facts.digest
    title = (digest.headline_question if digest else None) or article.title or article.id
    lines = [f"# {title}", ""]
    meta = " · ".join(
        x for x in (article.source, str(article.published or ""), _dateline(facts)) if x
    )
    if meta:
        lines += [f"*{meta}*", ""]
    if article.title and article.title != title:
        lines += [f"Original headline: {article.title}", ""]
    if digest and digest.synopsis:
        lines += ["## Synopsis", "", digest.synopsis, ""]
    if digest and digest.takeaways:
        lines += ["## Key Takeaways", ""]
        lines += [f"- {t.text}" for t in digest.takeaways]
        lines += [""]
    lines += ["## Facts", ""]
    lines += [f"- **Countries:** {', '.join(f'{c.name} ({c.code})' for c in facts.countries)}"]
    if facts.regions:
        lines += [f"- **Regions:** {', '.join(r.slug.replace('_', ' ') for r in facts.regions)}"]
    lines += [f"- **People:** {', '.join(_person(p) for p in facts.people) or '—'}"]
    topics = "off-topic" if facts.off_topic else ", ".join(t.label for t in facts.topics)
    lines += [f"- **Topics:** {topics.replace('_', ' ')}"]
    lines += [
        f"- **Stance:** {s.actor} {s.polarity} {s.target} ({s.cue}): {s.evidence}"
        for s in facts.stances
    ]
    for n in facts.numbers:
        lines += [
            f"- **{figure(n.value)} {n.unit or ''}**{_extra(n.qualifier, n.role)}: “{n.text}”"
        ]
    quotes = [q for q in facts.quotes if q.kind == "direct"]
    if quotes:
        lines += ["", "## Quotes", ""]
        lines += [f"> “{q.text}”  \n> — {q.speaker}" + "\n" for q in quotes]
    reported = [q for q in facts.quotes if q.kind == "indirect"]
    if reported:
        lines += ["", "## Reported statements", ""]
        lines += [f"- {q.speaker} ({q.verb}): {q.text}" for q in reported]
    return "\n".join(lines).rstrip() + "\n"


def render_text(console: Console, article: Article, facts: Facts) -> None:
    """A readable terminal view: header, facts table, quotes."""
    head = Text(article.title or article.id, style="bold")
    sub = " · ".join(x for x in (article.id, article.source, str(article.published or "")) if x)
    table = Table(show_header=False, box=None, padding=(0, 1))
    table.add_column(style="cyan", no_wrap=True)
    table.add_column()
    if facts.dateline:
        table.add_row("Dateline", escape(_dateline(facts)))
    table.add_row(
        "Countries", escape(", ".join(f"{c.name} ({c.code})" for c in facts.countries) or "—")
    )
    if facts.regions:
        table.add_row("Regions", ", ".join(r.slug.replace("_", " ") for r in facts.regions))
    table.add_row("People", escape("\n".join(_person(p) for p in facts.people) or "—"))
    for n in facts.numbers:
        table.add_row(
            "Number",
            escape(f"{figure(n.value)} {n.unit or ''}{_extra(n.qualifier, n.role)}")
            + f"  [dim]“{escape(n.text)}”[/dim]",
        )
    topics = "off-topic" if facts.off_topic else ", ".join(t.label for t in facts.topics)
    table.add_row("Topics", escape(topics.replace("_", " ")))
    for s in facts.stances:
        colour = "red" if s.polarity == "refuses" else "green"
        table.add_row(
            "Stance",
            f"{escape(s.actor)} [{colour}]{s.polarity}[/{colour}] "
            f"{escape(s.target)}  [dim]({escape(s.cue)})[/dim]",
        )
    for c in facts.commitments:
        pledged = figure(c.pledged_max or c.pledged_min or 0)
        qualifier = f"{c.qualifier} " if c.qualifier else ""
        line = f"{c.initiative}: {figure(c.sought or 0)} sought, {qualifier}{pledged} pledged"
        table.add_row("Commitment", escape(f"{line} ({c.unit})"))
    if facts.events:
        table.add_row(
            "Events", escape(", ".join(dict.fromkeys(e.event_type for e in facts.events)))
        )
    parts: list[Any] = [Text(sub, style="dim")]
    digest = facts.digest
    if digest and digest.headline_question:
        parts.append(Text(digest.headline_question, style="bold magenta"))
    if digest and digest.synopsis:
        parts.append(Text(digest.synopsis))
    if digest and digest.takeaways:
        parts.append(Text("Key takeaways", style="bold"))
        parts += [Text(f"  • {t.text}") for t in digest.takeaways]
        parts.append(Text(""))
    parts.append(table)
    for q in facts.quotes:
        mark = "“”" if q.kind == "direct" else "≈ "
        body = Text(f"{mark[0]}{q.text}{mark[1:]}", style="italic" if q.kind == "direct" else "")
        body.append(f"  — {q.speaker}", style="bold green")
        parts.append(body)
    console.print(Panel(Group(*parts), title=head, title_align="left"))


def quotes_table(console: Console, article: Article, facts: Facts) -> None:
    table = Table(title=article.title or article.id, show_lines=True)
    table.add_column("Speaker", style="bold green")
    table.add_column("Kind")
    table.add_column("Quote")
    for q in facts.quotes:
        who = escape(q.speaker or "?")
        if q.speaker_title:
            who += f"\n[dim]{escape(q.speaker_title)}[/dim]"
        table.add_row(who, f"{q.kind}\n[dim]{q.verb or ''}[/dim]", escape(q.text))
    console.print(table)


def _dateline(facts: Facts) -> str:
    d = facts.dateline
    if d is None:
        return ""
    return " ".join(
        x for x in (d.place, str(d.date or ""), f"({d.outlet})" if d.outlet else "") if x
    )


def _person(p: Any) -> str:
    bits = [p.name]
    if p.title:
        bits.append(f"({p.title})")
    return " ".join(bits)


def _extra(qualifier: str | None, role: str | None) -> str:
    bits = [x for x in (qualifier, role) if x]
    return f" ({', '.join(bits)})" if bits else ""
