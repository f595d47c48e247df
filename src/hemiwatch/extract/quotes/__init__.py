"""Direct and indirect quotes with their speakers resolved, in text order.

Candidates, then one decision each, in the article's order:
- quotation runs (prepare/quotemarks.py), less labels (direct.is_label); each is attributed
  by the first of its candidate cues (direct.cues_for) whose speaker resolves, else by the
  paragraph it continues or follows;
- attribution frames (frames.py) that report a clause of their own: an indirect quote, cut
  before a partial quote it ends in (that one is the direct quote);
- every speaker is resolved by resolve.resolve from the discourse state (resolve.Discourse,
  built once) and the attributions decided before it (`said`).

bodies.py: named bodies and their fullest names; resolve.py: who a subject token is.
"""

from __future__ import annotations

from bisect import insort
from dataclasses import replace

from spacy.tokens import Doc, Token

from hemiwatch.extract.context import Context
from hemiwatch.extract.quotes.direct import cues_for, is_label, opens_paragraph, words_of
from hemiwatch.extract.quotes.frames import Frame, find_frames, finite_of, is_cue, subject_of
from hemiwatch.extract.quotes.resolve import Discourse, Said, Speaker, resolve
from hemiwatch.extract.spans import Spans
from hemiwatch.models import Person, Quote
from hemiwatch.models import Span as CharSpan
from hemiwatch.nlp import text_of
from hemiwatch.prepare.quotemarks import QuoteRun, find_quote_runs
from hemiwatch.rules import on

__all__ = ["extract_quotes"]


def extract_quotes(ctx: Context, people: list[Person]) -> list[Quote]:
    """Direct and indirect quotes in text order; none from the context's skipped spans."""
    doc, skip = ctx.doc, list(ctx.skip)
    runs = [r for r in find_quote_runs(text_of(doc)) if not _overlaps(r.span, skip)]
    quoted = Spans(r.span for r in runs)
    disc = Discourse(doc, people, quoted)
    frames = [f for f in find_frames(doc, quoted, skip) if f.content is not None]
    events: list[tuple[int, int, QuoteRun | Frame]] = [
        (r.span[0], 0, r) for r in runs if not is_label(doc, r)
    ]
    events += [(f.content[0] if f.content else f.cue.idx, 1, f) for f in frames]
    events.sort(key=lambda e: (e[0], e[1]))
    state = _State(doc, disc, quoted, runs)
    state.quotes_proper = Spans(r.span for r in runs if not is_label(doc, r))
    for _, _, item in events:
        if isinstance(item, QuoteRun):
            state.direct(item)
        else:
            state.reported(item, skip)
    return sorted(state.out, key=lambda q: q.span)


class _State:
    """The decisions so far: the quotes, and who spoke where (for pronouns and pro-drop)."""

    def __init__(self, doc: Doc, disc: Discourse, quoted: Spans, runs: list[QuoteRun]) -> None:
        self.doc, self.disc, self.quoted, self.runs = doc, disc, quoted, runs
        self.said: list[Said] = []
        self.out: list[Quote] = []
        self.previous: tuple[QuoteRun, Speaker, str] | None = None
        self.quotes_proper = quoted  # the runs that are quotes, not labels

    def speak(self, verb: Token, subject: Token | None, special: str | None, prodrop: bool
              ) -> Speaker | None:  # fmt: skip
        if prodrop:
            return self._dropped(verb) if on("speaker.prodrop") else None
        if subject is None:
            return None
        found = resolve(subject, self.disc, self.said)
        return replace(found, basis=special) if found is not None and special else found

    def _dropped(self, verb: Token) -> Speaker | None:
        """«…», agregó. with no subject: the person who spoke last (unless another person has
        become the subject of a sentence since); «Indican que …» (plural): the body that spoke
        last."""
        finite = finite_of(verb) or verb  # «han señalado»: the auxiliary is plural
        plural = verb.pos_ in {"VERB", "AUX"} and finite.morph.get("Number", []) == ["Plur"]
        earlier = [s for s in self.said if s.at < verb.idx and s.speaker.body == plural]
        last = earlier[-1].speaker if earlier else None
        if not plural:
            for (a, b), person in reversed(self.disc.persons_before(verb.idx)):
                if last is not None and a < last.mention[0]:
                    break
                if (a, b) in self.disc.subject_mentions:
                    return Speaker(person.name, person.title, person.country, (a, b),
                                   basis="speaker.prodrop", gender=person.gender)  # fmt: skip
        return replace(last, basis="speaker.prodrop") if last is not None else None

    def record(self, speaker: Speaker) -> None:
        insort(self.said, Said(speaker.mention[0], speaker), key=lambda s: s.at)

    def direct(self, run: QuoteRun) -> None:
        found = self._attribute(run)
        if found is None:
            return
        speaker, verb, basis = found
        text = text_of(self.doc)[run.span[0] : run.span[1]]
        self.out.append(_quote(text, "direct", speaker, verb, run.span, basis))
        self.previous = (run, speaker, verb)
        self.record(speaker)

    def _attribute(self, run: QuoteRun) -> tuple[Speaker, str, str] | None:
        for cue in cues_for(self.doc, run, self.quoted):
            basis = cue.basis
            if basis == "quote.direct.frame":
                subject, special = words_of(cue.verb), None
                prodrop = subject is not None and subject.lower_ in {"su", "sus"}  # whose? the last
            else:
                subject, special, prodrop = subject_of(cue.verb, self.quoted)
            if basis == "quote.direct.verb" and subject is not None and subject.i > cue.verb.i:
                basis = "quote.direct.inverted"  # "…,” said Admiral X / «…», afirmó el ministro
            if not on(basis):
                continue
            speaker = self.speak(cue.verb, subject, special, prodrop)
            if speaker is not None:
                return speaker, cue.verb.lemma_, basis
        previous = self.previous
        if run.continued and previous is not None and on("quote.direct.continued"):
            return previous[1], previous[2], "quote.direct.continued"
        if run.continues and on("quote.direct.forward"):
            ahead = self._forward(run)
            if ahead is not None:
                return ahead[0], ahead[1], "quote.direct.forward"
        if (
            previous is not None
            and on("quote.direct.follow_on")
            and opens_paragraph(self.doc, run)
            and run.paragraph - previous[0].paragraph == 1
            and not self._cue_in_paragraph(run)
        ):
            return (
                replace(previous[1], basis="speaker.chain"),
                previous[2],
                "quote.direct.follow_on",
            )
        return None

    def _forward(self, run: QuoteRun) -> tuple[Speaker, str, str] | None:
        """A paragraph-spanning quote attributed only in a later paragraph of the same quote."""
        chain = False
        for later in self.runs:
            if later.span[0] <= run.span[0]:
                continue
            if not later.continued and not chain:
                return None
            chain = True
            for cue in cues_for(self.doc, later, self.quoted):
                speaker = self.speak(cue.verb, *subject_of(cue.verb, self.quoted))
                if speaker is not None:
                    return speaker, cue.verb.lemma_, cue.basis
            if not later.continues:
                return None
        return None

    def _cue_in_paragraph(self, run: QuoteRun) -> bool:
        text = text_of(self.doc)
        start = text.rfind("\n\n", 0, run.span[0])
        end = text.find("\n\n", run.span[1])
        span = self.doc.char_span(max(0, start), end if end >= 0 else len(text),
                                  alignment_mode="expand")  # fmt: skip
        return span is not None and any(is_cue(t) and not self.quoted.holds(t.idx) for t in span)

    def reported(self, frame: Frame, skip: list[CharSpan]) -> None:
        if frame.content is None or not on(frame.basis):
            return
        span, text = _trimmed(self.doc, frame, skip, self.quoted, self.quotes_proper)
        if span is None:
            return
        speaker = self.speak(frame.cue, frame.subject, frame.speaker_basis, frame.prodrop)
        if speaker is None:
            return
        verb = frame.cue.lower_ if frame.basis == "quote.indirect.according" else frame.cue.lemma_
        self.out.append(_quote(text, "indirect", speaker, verb, span, frame.basis))
        self.record(speaker)


def _trimmed(
    doc: Doc, frame: Frame, skip: list[CharSpan], quoted: Spans, proper: Spans
) -> tuple[CharSpan | None, str]:
    """The report without the dateline, and cut before a partial quote it runs into (that
    quote is the direct one; a one- or two-word label stays inside); None when what is left
    is too short or is itself a quote."""
    assert frame.content is not None
    a, b = frame.content
    whole = text_of(doc)
    for x, y in skip:  # "WASHINGTON, May 4 (Wire) - X happened, the ministry said."
        if x <= a < y:
            a = y
    while a < b and whole[a] in " ,;:—–":
        a += 1
    if proper.holds(a) or b - a < 3:
        return None, ""
    cut = min((x for x, _ in proper.starting_in(a, b)), default=None)
    if cut is not None:  # "... would keep selling its oil “to whoever ...”"
        b = cut - 1
        last = doc.char_span(a, max(a + 1, b), alignment_mode="expand")
        words = [t for t in last or [] if not (t.is_punct or t.is_space)]
        while words and words[-1].pos_ in DANGLING:  # "... in the military, and “we're ...”"
            words.pop()
        if sum(t.is_alpha for t in words) < 3:
            return None, ""
        b = words[-1].idx + len(words[-1].text)
    while b > a and (whole[b - 1].isspace() or whole[b - 1] in ",;:-–—“\"«'‘"):
        b -= 1
    if len(whole[a:b].split()) < 3:
        return None, ""
    joined = frame.text if (cut is None and frame.text and frame.text != whole[a:b]) else None
    if joined is not None and frame.content == (a, b):
        return (a, b), joined
    return (a, b), whole[a:b]


# what a clause cut before its quote may not end on: a head still waiting for what follows
DANGLING = frozenset({"ADP", "DET", "SCONJ", "CCONJ"})


def _overlaps(span: CharSpan, spans: list[CharSpan]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)


def _quote(text: str, kind: str, speaker: Speaker, verb: str, span: CharSpan, basis: str) -> Quote:
    return Quote(
        text=text,
        speaker=speaker.name,
        kind="direct" if kind == "direct" else "indirect",
        speaker_title=speaker.title,
        speaker_country=speaker.country,
        verb=verb,
        span=span,
        speaker_span=speaker.mention,
        basis=basis,
        speaker_basis=speaker.basis,
    )
