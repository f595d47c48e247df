"""Attribution frames: a verb of speech (or "according to X" / «según X») with the token that
names its speaker and, for reported speech, the clause it reports.

    X said (that) CLAUSE            quote.indirect.ccomp      the verb's complement clause
    CLAUSE, X said.                 quote.indirect.trailing   what comes before the attribution
    A, X said, B                    quote.indirect.trailing   both parts (A only when B is none)
    according to X, CLAUSE          quote.indirect.according  the clause the phrase frames
    X claims to be ...              quote.indirect.infinitive

The speaker token is the verb's subject (or agent), climbing through the clauses a subject
governs ("..., adding that ...", "and added that ..."); a relative subject is its head noun
("..., said the envoy, who added that ..."); a Spanish finite verb with no subject is pro-drop
(«…», agregó), resolved from the attributions before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from hemiwatch.extract.lexicons import reporting_verbs
from hemiwatch.extract.spans import Spans
from hemiwatch.models import Span as CharSpan
from hemiwatch.nlp import sentence_of, text_of

SUBJECTS = frozenset({"nsubj", "nsubjpass", "nsubj:pass"})
RELATIVE = frozenset({"who", "which", "that", "quien", "quienes", "que", "cual"})
ACCORDING = frozenset({"according", "según"})  # "according to X", «según X»
WITHHOLD = frozenset({"decline", "refuse", "fail", "negarse", "rehusar", "declinar"})
CLIMB = frozenset({"conj", "advcl", "xcomp", "ccomp", "relcl", "acl"})


# what follows an attribution aside without being reported ("..., X said, but Y has not ...")
CONTINUATIONS = frozenset(
    "but and yet while although though whereas so because as pero y mientras aunque sino".split()
)


@dataclass(frozen=True)
class Frame:
    cue: Token
    subject: Token | None  # the token that names the speaker; None for a pro-drop verb
    content: CharSpan | None  # the reported clause, when the frame reports one
    text: str  # the reported words (its parts joined, for "A, X said, B")
    basis: str  # how the report was found
    speaker_basis: str | None = None  # a special way to the speaker (quoted_as, relative)
    prodrop: bool = False

    @property
    def plural(self) -> bool:
        return self.cue.morph.get("Number", []) == ["Plur"]


@cache
def _verbs() -> tuple[frozenset[str], frozenset[str]]:
    return reporting_verbs()


def is_cue(tok: Token, naming: bool = False) -> bool:
    """A verb of speech (or of naming, for partial quotes), or "according to" / «según»."""
    if tok.lower_ in ACCORDING:
        return True
    if tok.pos_ not in {"VERB", "AUX"}:
        return False
    speech, names = _verbs()
    lemma = tok.lemma_.lower()
    return lemma in speech or (naming and lemma in names)


def withheld(verb: Token) -> bool:
    """'X declined to say how many ...', 'X would not say whether ...': nothing was reported."""
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in {"no", "never", "nunca"})
           for c in verb.children):  # fmt: skip
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in WITHHOLD


def subject_of(verb: Token, quoted: Spans) -> tuple[Token | None, str | None, bool]:
    """(the token naming who speaks, a special basis, pro-drop?) for a cue."""
    if verb.lower_ in ACCORDING:
        return according_source(verb), None, False
    governor = verb.head.head if verb.head.lower_ == "as" else verb.head
    if verb.lemma_.lower() == "say" and governor.lemma_.lower() == "quote":
        # "the website quoted Ms. Simonyan as saying": the quoted person speaks
        quoted_obj = [c for c in governor.children if c.dep_ == "dobj"]
        if quoted_obj:
            return quoted_obj[0], "speaker.quoted_as", False
    closing = _closing_subject(verb)
    if closing is not None:
        return closing, None, False
    node = verb
    for _ in range(4):
        subjects = [
            c
            for c in node.children
            if c.dep_ in SUBJECTS and not quoted.holds(c.idx) and not _when(c)
        ]
        if subjects and subjects[0].lower_ in RELATIVE and node.dep_ in {"relcl", "acl"}:
            return node.head, "speaker.relative", False  # "…, said the envoy, who added that …"
        if subjects:
            return subjects[0], None, False
        agent = [g for c in node.children if c.dep_ == "agent" for g in c.children]
        if agent:
            return agent[0], None, False
        if node.dep_ == "conj" and (own := _subject_left_of(node)) is not None:
            return own, None, False  # "... and Secretary of State Marco Rubio said": parsed as
            # a conjunct of the object before it, the name is still the verb's subject
        if node.dep_ in CLIMB and node.head.i != node.i:
            if node.dep_ == "ccomp" and node.idx > node.head.idx:
                break  # a reported clause's verb does not borrow the reporter's subject
            if node.dep_ in {"relcl", "acl"} and node.pos_ not in {"VERB", "AUX"}:
                break
            head = node.head
            if node.dep_ == "conj" and head.dep_ == "ccomp" and not is_cue(head):
                head = head.head  # "He said A saw X, and added that B": parsed under A
            node = head
            continue
        break
    inverted = _inverted_subject(verb)
    if inverted is not None:
        return inverted, None, False
    left = _nominal_before(verb)
    if left is not None:
        return left, None, False
    if verb.doc.lang_ == "es" and (hung := _hung_on_adjunct(verb)) is not None:
        return hung, None, False
    if verb.doc.lang_ == "es" and node is verb and finite_of(verb) is not None:
        return None, "speaker.prodrop", True  # «…», agregó. / «…», ha remarcado.
    return None, None, False


def _hung_on_adjunct(verb: Token) -> Token | None:
    """«De acuerdo con la investigación, la Intendencia X, encargada de …, reportó …»: the
    parser hangs the subject on the fronted adjunct as its apposition; a name there, before
    the verb, is who acts (not a pro-drop subject from sentences before)."""
    for adjunct in (c for c in verb.children if c.dep_ == "obl" and c.i < verb.i):
        for appos in (g for g in adjunct.children if g.dep_ == "appos" and g.i < verb.i):
            if appos.pos_ == "PROPN" and appos.ent_type_ not in {"LOC"}:
                return appos
    return None


def finite_of(verb: Token) -> Token | None:
    """The token that carries a verb's person and number: the verb when finite, else the
    finite auxiliary of its compound tense («ha remarcado», «han señalado»)."""
    if "Fin" in verb.morph.get("VerbForm", []):
        return verb
    return next(
        (c for c in verb.children if c.dep_ == "aux" and "Fin" in c.morph.get("VerbForm", [])),
        None,
    )


TIME_WORDS = frozenset(
    """today yesterday tonight morning afternoon evening night week month year monday tuesday
    wednesday thursday friday saturday sunday hoy ayer mañana mediodía tarde noche semana mes
    año lunes martes miércoles jueves viernes sábado domingo""".split()
)


def _when(tok: Token) -> bool:
    """ "Este mediodía el Gobierno confirmó": a time the parser took for the subject."""
    return tok.lemma_.lower() in TIME_WORDS or tok.lower_ in TIME_WORDS


def _closing_subject(verb: Token) -> Token | None:
    """ "..., the Treasury said in a statement.": a sentence that ends on an attribution set off
    by a comma has that noun phrase for its subject, however the parser hung a long list
    before it."""
    doc = verb.doc
    sent = sentence_of(verb)
    after = [t for t in doc[verb.i + 1 : sent.end] if not (t.is_punct or t.is_space)]
    if len(after) > 6 or any(t.pos_ in {"VERB", "AUX"} for t in after):
        return None
    i = verb.i - 1
    phrase: list[Token] = []
    while i > sent.start and doc[i].text != "," and len(phrase) < 7:
        phrase.insert(0, doc[i])
        i -= 1
    if i <= sent.start or doc[i].text != "," or not phrase:
        return None
    if any(t.pos_ not in {"DET", "ADJ", "PROPN", "NOUN", "PUNCT", "PART", "ADP"} for t in phrase):
        return None
    nouns = [t for t in phrase if t.pos_ in {"PROPN", "NOUN"}]
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if not nouns or (subject is not None and subject.i in {t.i for t in phrase}):
        return None  # the parser agrees: nothing to repair
    return next((t for t in reversed(nouns) if t.dep_ not in {"compound", "amod"}), nouns[-1])


def _inverted_subject(verb: Token) -> Token | None:
    """ "“...,” said John Beal", «“…”, detalla una publicación de T13»: after a quote, the
    noun the verb is followed by is its subject, whatever the parser called it."""
    doc = verb.doc
    i = verb.i - 1
    while (
        i >= 0
        and doc[i].text not in CLOSING
        and (doc[i].is_punct or doc[i].is_space or (doc[i].dep_ == "aux" and doc[i].head == verb))
    ):
        i -= 1  # «”, ha señalado el ministro»: the auxiliary of a compound tense too
    if i < 0 or doc[i].text not in CLOSING:
        return None
    for child in verb.rights:
        prepositional = any(c.dep_ == "case" for c in child.children) or child.dep_ == "prep"
        if prepositional:
            continue  # «afirmó en conferencia»: where, not who
        if child.dep_ in {"obj", "dobj", "nmod", "appos", "attr", "dep", "flat"} and (
            child.pos_ in {"PROPN", "NOUN"}
        ):
            return child
    return None


CLOSING = frozenset({"”", '"', "»", "’", "'", "“"})


def _nominal_before(verb: Token) -> Token | None:
    """ "..., el vocero presidencial, Manuel Adorni, afirmó que ...": a name (or a noun with a
    name in apposition) right before the verb that the parser did not make its subject."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and (doc[i].pos_ in {"AUX", "PRON"} and doc[i].dep_ in {"aux", "expl:pv"}):
        i -= 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i < 0:
        return None
    tok = doc[i]
    if tok.pos_ == "PROPN" and tok.dep_ in {"appos", "flat", "nmod", "obl", "conj", "obj"}:
        head = tok
        while head.dep_ == "flat" and head.head.i < head.i:
            head = head.head
        return head
    return None


def _subject_left_of(verb: Token) -> Token | None:
    """The name right before a conjoined verb that the parser hung elsewhere: "and Secretary
    of State Marco Rubio said" (Rubio as a conjunct of the object before it)."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].pos_ == "ADV":
        i -= 1
    words = []
    while i >= 0 and (doc[i].pos_ in {"PROPN", "NOUN", "DET", "ADJ"} or doc[i].lower_ == "of"):
        words.append(doc[i])
        i -= 1
    if i < 0 or doc[i].pos_ != "CCONJ" or not words:
        return None
    head = words[0]
    named = head.pos_ == "PROPN" and (
        head.ent_type_ in {"PERSON", "ORG"} or head.text[:1].isupper()
    )
    return head if named and head.head.i != verb.i and head.dep_ == "conj" else None


def according_source(tok: Token) -> Token | None:
    """X of "according to X" (prep -> pobj) or «según X» (X <- case)."""
    if tok.lower_ == "según":
        return tok.head if tok.dep_ == "case" and tok.head.i != tok.i else None
    for prep in tok.children:
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                return pobj
    return None


def find_frames(doc: Doc, quoted: Spans, skip: list[CharSpan]) -> list[Frame]:
    """Every attribution frame of the text, in order (the cue's position)."""
    out: list[Frame] = []
    for tok in doc:
        if quoted.holds(tok.idx) or any(a <= tok.idx < b for a, b in skip):
            continue
        if not is_cue(tok) or withheld(tok) or _relative_report(tok):
            continue
        subject, special, prodrop = subject_of(tok, quoted)
        if subject is None and not prodrop:
            continue
        if tok.lower_ in ACCORDING:
            out += _according(tok, subject, quoted)
            continue
        if any(c.lower_ == "según" for c in tok.children):  # «Según indicó Bullrich, …»
            rest = _after_opening(tok, subject or tok)
            if sum(t.is_alpha for t in rest) >= 3:
                framed = (rest[0].idx, rest[-1].idx + len(rest[-1].text))
                out.append(Frame(tok, subject, framed, _slice(doc, framed),
                                 "quote.indirect.according", special, prodrop))  # fmt: skip
                continue
        reports = [_clause(c) for c in tok.children if c.dep_ == "ccomp" and _reported(c)]
        reports = [r for r in reports if r is not None]
        if _closing_subject(tok) is not None and (trailing := _trailing(tok, subject)):
            listed, text = trailing  # "A; B; and C, the Treasury said": the list is reported
            out.append(Frame(tok, subject, listed, text, "quote.indirect.trailing", special,
                             prodrop))  # fmt: skip
            continue
        if reports:
            for span in reports:
                assert span is not None
                out.append(Frame(tok, subject, span, _slice(doc, span), "quote.indirect.ccomp",
                                 special, prodrop))  # fmt: skip
            continue
        trailing = _trailing(tok, subject)
        if trailing is not None:
            span, text = trailing
            out.append(Frame(tok, subject, span, text, "quote.indirect.trailing", special,
                             prodrop))  # fmt: skip
            continue
        misparsed = _object_as_report(tok)
        if misparsed is not None:
            out.append(Frame(tok, subject, misparsed, _slice(doc, misparsed),
                             "quote.indirect.ccomp", special, prodrop))  # fmt: skip
            continue
        infinitive = _infinitive(tok)
        if infinitive is not None:
            out.append(Frame(tok, subject, infinitive, _slice(doc, infinitive),
                             "quote.indirect.infinitive", special, prodrop))  # fmt: skip
            continue
        out.append(Frame(tok, subject, None, "", "", special, prodrop))  # 'he said.' only
    return out


def _relative_report(verb: Token) -> bool:
    """ "a vessel that it claimed was transporting drugs": the cue sits in a relative clause
    that its pronoun opens while the cue has a subject of its own; no report of its own."""
    if verb.dep_ not in {"relcl", "acl"}:
        return False
    first = verb.left_edge
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    return first.lower_ in RELATIVE and bool(subjects) and subjects[0].i != first.i


def _slice(doc: Doc, span: CharSpan) -> str:
    return text_of(doc)[span[0] : span[1]]


def _reported(clause: Token) -> bool:
    """A clause that is reported: not a question ('asked whether ...') and not a report of its
    own ('A said X; B said Y': A's report is no part of B's)."""
    if any(c.dep_ == "mark" and c.lower_ in {"whether", "if", "si"} for c in clause.children):
        return False
    deps = {c.dep_ for c in clause.children}
    own_report = is_cue(clause) and bool(deps & SUBJECTS) and "ccomp" in deps
    if not own_report:
        return True
    cue = clause.head
    lo, hi = sorted((cue.i, clause.left_edge.i))
    return not any(t.text == ";" for t in clause.doc[lo:hi])


def _clause(clause: Token) -> CharSpan | None:
    """The reported clause, without "that", final punctuation or a following "and added ..."."""
    toks = list(clause.subtree)
    for tok in toks:
        if (
            tok.i > clause.i
            and tok.dep_ == "conj"
            and is_cue(tok)
            and tok.head.i == clause.i
            and not any(c.dep_ == "neg" for c in tok.children)  # 'but has not replied'
        ):
            toks = [t for t in toks if t.i < tok.left_edge.i]
            while toks and toks[-1].dep_ in {"cc", "punct"}:
                toks = toks[:-1]
            break
    toks = _without_reporters_conjunct(toks, clause)
    toks = _without_concession(toks)
    toks = _with_misattached_tail(toks, clause)
    toks = _without_own_attribution(toks, clause)
    while toks and (toks[0].dep_ == "mark" or toks[0].is_punct or toks[0].is_space):
        toks = toks[1:]
    toks = _without_leading_when(toks, clause)
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    if sum(t.is_alpha for t in toks) < 3:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _without_leading_when(toks: list[Token], clause: Token) -> list[Token]:
    """ "Canada said on Monday it would ...": a date the parser put at the head of the reported
    clause, before its subject, says when it was said."""
    subject = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
    if subject is None:
        return toks
    lead = [t for t in toks if t.i < subject.left_edge.i]
    when = {"DATE", "TIME"}
    only = all(t.ent_type_ in when or t.pos_ == "ADP" or t.is_punct for t in lead)
    if lead and only and any(t.ent_type_ in when for t in lead):
        return [t for t in toks if t.i >= subject.left_edge.i]
    return toks


def _without_concession(toks: list[Token]) -> list[Token]:
    """ "said it would impose sanctions, although Ottawa did not name ...": a concession after a
    comma is the reporter's."""
    for i, tok in enumerate(toks[1:], start=1):
        if tok.lower_ in CONCESSIONS and toks[i - 1].text == ",":
            return toks[: i - 1]
    return toks


CONCESSIONS = frozenset({"although", "though", "whereas", "aunque", "si bien", "pese"})


def _without_reporters_conjunct(toks: list[Token], clause: Token) -> list[Token]:
    """ "dijo que el narcotráfico es un problema heredado y culpó al socialismo": a conjunct of
    the reported clause in the verb of speech's own tense and person, with no subject, is the
    reporter's second act, not part of the report."""
    cue = clause.head
    morph = cue.morph.to_dict()
    finite = [clause, *(c for c in clause.children if c.dep_ in {"cop", "aux"})]
    tenses = {t.morph.to_dict().get("Tense") for t in finite} - {None}
    inside = [t for t in toks if t.dep_ == "conj" and t.pos_ in {"VERB", "AUX"} and t.i > clause.i]
    for conj in inside:
        other = conj.morph.to_dict()
        if any(c.dep_ in SUBJECTS for c in conj.children):
            continue
        same = all(other.get(k) == morph.get(k) for k in ("Tense", "Person", "Number", "VerbForm"))
        differs = bool(tenses) and morph.get("Tense") not in tenses
        if same and differs and morph.get("VerbForm") == "Fin":
            cut = conj.left_edge.i
            toks = [t for t in toks if t.i < cut]
            while toks and (toks[-1].dep_ == "cc" or toks[-1].is_punct):
                toks = toks[:-1]
            break
    return toks


def _with_misattached_tail(toks: list[Token], clause: Token) -> list[Token]:
    """ "announced it will freeze the assets of the minister, and five other officials ..." and
    "explained that the exercise helps ..., and ... ensures ...": a conjunct the parser hung on
    the verb of speech belongs to the reported clause when it is a noun phrase, or a verb
    without a subject in another tense than the verb of speech."""
    cue = clause.head
    doc = clause.doc
    end = toks[-1].i + 1 if toks else clause.i + 1
    for conj in (c for c in cue.children if c.dep_ == "conj" and c.i >= end):
        between = doc[end : conj.left_edge.i]
        if any(not (t.is_punct or t.pos_ in {"CCONJ", "ADV"}) for t in between):
            break
        nominal = conj.pos_ in {"NOUN", "PROPN", "NUM"}
        verbal = (
            conj.pos_ in {"VERB", "AUX"}
            and not any(c.dep_ in SUBJECTS for c in conj.children)
            and conj.tag_ != cue.tag_
            and not is_cue(conj)
        )
        if not (nominal or verbal):
            break
        toks = toks + list(doc[end : conj.right_edge.i + 1])
        end = conj.right_edge.i + 1
    return toks


def _without_own_attribution(toks: list[Token], clause: Token) -> list[Token]:
    """A reported clause stops before a set-off relative or participle that carries an
    attribution of its own (", which he said were ...", ", adding that ...")."""
    for tok in toks:
        if tok.i <= clause.i or tok.dep_ not in {"relcl", "advcl", "acl"}:
            continue
        first = tok.left_edge
        set_off = first.i > 0 and first.doc[first.i - 1].text == ","
        has_cue = any(is_cue(t) for t in tok.subtree)
        if set_off and has_cue:
            return [t for t in toks if t.i < first.i - 1]
    return toks


def _trailing(verb: Token, subject: Token | None) -> tuple[CharSpan, str] | None:
    """ "CLAUSE, X said [on Tuesday]." and "A, X said, B": the words of the sentence around an
    attribution set off by commas (or a dash), however the parser attached it. The sentence
    is the text's own (from the last full stop or paragraph break): the parser may cut it at a
    semicolon. Of "A, X said, B": B when A is only an adverbial ("Also, X said, the JCF has
    ..."), both when A is B's subject ("The museum, X said, celebrated ..."), A when B is the
    reporter's ("..., X said, but Lima has not replied", "..., X said, marking ...")."""
    doc = verb.doc
    sent = sentence_of(verb)
    if subject is not None and subject.i > verb.i:
        start = verb.i  # "..., said the minister."
    else:
        start = min(subject.left_edge.i if subject is not None else verb.i, verb.i)
    if start <= 0 or doc[start - 1].text not in {",", "—", "–"}:
        return None
    end = _attribution_end(verb, subject, sent)
    before = _words(doc, _sentence_start(doc, start - 1), start - 1)
    after = _words(doc, end, sent.end) if end < sent.end else []
    if after and doc[end - 1].text not in {",", "—", "–"}:
        return None  # the attribution does not close with a comma: no aside
    if after and (after[0].lower_ in CONTINUATIONS or after[0].tag_ in {"VBG", "VBN"}):
        after = []  # "..., a spokeswoman said, but Lima has not replied", "..., marking ..."
    for i, tok in enumerate(after[:-1]):
        if tok.text == "," and after[i + 1].lower_ in CONTINUATIONS:
            after = after[:i]  # "..., North Korea said, was its biggest yet, although ..."
            break
    if after and sum(t.is_alpha for t in after) < 3:
        after = []
    if sum(t.is_alpha for t in before) < 3 and not after:
        return None
    own_before, own_after = _has_subject(before), _has_subject(after)
    if after and own_after and not own_before:
        parts = [after]  # "Back in Virginia, Mr. Clarke said, he decided ..."
    elif (
        after
        and not own_after
        and not own_before
        and any(t.pos_ in {"NOUN", "PROPN", "PRON"} for t in before)
    ):
        parts = [before, after]  # "The museum, Mr. Bush said, celebrated ..."
    else:
        parts = [before]
    parts = [p for p in parts if p]
    if not parts or (sum(t.is_alpha for t in parts[0]) < 3 and len(parts) == 1):
        return None
    span = (parts[0][0].idx, parts[-1][-1].idx + len(parts[-1][-1].text))
    return span, " ".join(_text(doc, p) for p in parts)


def _has_subject(toks: list[Token]) -> bool:
    inside = {t.i for t in toks}
    return any(t.dep_ in SUBJECTS | {"expl", "csubj"} and t.head.i in inside for t in toks)


def _sentence_start(doc: Doc, before: int) -> int:
    """The token after the last full stop, question mark or paragraph break before `before`:
    the text's own sentence start."""
    i = before - 1
    while i >= 0:
        tok = doc[i]
        if tok.is_space and "\n" in tok.text:
            return i + 1
        if tok.text in {".", "!", "?"} and (
            tok.whitespace_ or (i + 1 < len(doc) and doc[i + 1].is_space)
        ):
            return i + 1
        if tok.text in {"”", '"', "»"} and i > 0 and doc[i - 1].text in {".", "!", "?"}:
            return i + 1
        i -= 1
    return 0


TELL = frozenset("tell inform brief notify warn assure remind advise decir informar".split())


def _attribution_end(verb: Token, subject: Token | None, sent: Span) -> int:
    """The token after the attribution phrase: the verb, its subject and their adjuncts
    ("said in a statement on Tuesday", "told reporters", "a spokeswoman for X said")."""
    tail = {"npadvmod", "advmod", "prep", "obl", "agent", "nmod", "obl:tmod", "appos"}
    if verb.lemma_.lower() in TELL:
        tail |= {"dobj", "obj", "dative", "iobj"}
    end = verb.i + 1
    for child in verb.rights:
        if child.is_punct or child.dep_ in {"ccomp", "parataxis", "conj", "advcl", "xcomp"}:
            break
        if (child.dep_ in tail or child.dep_ in SUBJECTS) and child.i == end:
            end = child.right_edge.i + 1
    if subject is not None and subject.i > verb.i:
        end = max(end, subject.right_edge.i + 1)
    while end < sent.end and end < len(verb.doc) and verb.doc[end].is_space:
        end += 1
    if end < sent.end and verb.doc[end].text in {",", "—", "–"}:
        end += 1
    return min(end, sent.end)


def _words(doc: Doc, start: int, end: int) -> list[Token]:
    toks = [t for t in doc[start:end] if not t.is_space]
    while toks and (toks[0].is_punct or toks[0].text in {"“", '"', "«"}):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    return toks


def _text(doc: Doc, toks: list[Token]) -> str:
    return text_of(doc)[toks[0].idx : toks[-1].idx + len(toks[-1].text)]


# verbs of saying proper, which rarely take a noun object ("said it twice" aside)
SAY = frozenset("say state insist contend assert decir afirmar asegurar".split())


def _object_as_report(verb: Token) -> CharSpan | None:
    """ "The United States says the institutions headed by the individuals all targeted
    protesters": a verb of saying whose "object" runs on with a verb of its own is a reported
    clause the parser broke (not "told reporters", "said it twice")."""
    if verb.lemma_.lower() not in SAY:
        return None
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"} and c.i > verb.i]
    if not objects:
        return None
    sent = sentence_of(verb)
    toks = [t for t in verb.doc[objects[0].left_edge.i : sent.end] if not t.is_space]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    verbal = any(
        t.pos_ in {"VERB", "AUX"}
        and (t.tag_ in {"VBD", "VBZ", "VBP", "VBN"} or "Fin" in t.morph.get("VerbForm", []))
        for t in toks[1:]
    )
    if len(toks) < 5 or not verbal or toks[0].pos_ == "PRON":
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _infinitive(verb: Token) -> CharSpan | None:
    """ "She claims to be making significant progress": the reported infinitive clause."""
    if verb.lemma_.lower() not in {"claim", "say", "insist", "pretend"}:
        return None
    xcomp = [c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i]
    if not xcomp:
        return None
    toks = [t for t in xcomp[0].subtree]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if sum(t.is_alpha for t in toks) < 3:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _according(tok: Token, source: Token | None, quoted: Spans) -> list[Frame]:
    """ "X happened, according to Y" / «Según Y, X ocurrió»: the clause the phrase frames,
    when the phrase stands at its start or its end."""
    if source is None:
        return []
    doc = tok.doc
    phrase = source if tok.lower_ == "según" else tok
    clause = phrase.head
    while clause.dep_ == "xcomp" and clause.head.i != clause.i:
        clause = clause.head  # «ofrecieron cooperar …, según X»: what they offered
    if clause.i == phrase.i:
        rest = _after_opening(phrase, source)  # «Según X, …» parsed with X as the root
    elif clause.pos_ not in {"VERB", "AUX", "NOUN", "ADJ"}:
        return []
    else:
        own = {t.i for t in phrase.subtree}
        rest = [t for t in clause.subtree if t.i not in own]
    while rest and (rest[-1].is_punct or rest[-1].is_space):
        rest.pop()
    while rest and (rest[0].is_punct or rest[0].is_space or rest[0].text in {",", ";", ":"}):
        rest.pop(0)
    beside = bool(rest) and (clause.i == phrase.i or phrase.left_edge.i > rest[-1].i)
    if not rest or not (beside or phrase.right_edge.i < rest[0].i):
        return []  # the phrase sits inside the clause: no clean split
    if sum(t.is_alpha for t in rest) < 3:
        return []
    if is_cue(clause) and any(c.dep_ in SUBJECTS for c in clause.children):
        return []  # "The army said it ..., according to X": a report of its own
    span = (rest[0].idx, rest[-1].idx + len(rest[-1].text))
    return [Frame(tok, source, span, _slice(doc, span), "quote.indirect.according")]


def _after_opening(phrase: Token, source: Token) -> list[Token]:
    """The rest of the sentence after a sentence-initial «Según X,» that the parser made the
    root: everything after its comma."""
    doc, sent = phrase.doc, sentence_of(phrase)
    comma = next((t for t in sent if t.i > source.i and t.text == ","), None)
    first = min(t.i for t in phrase.subtree)
    if comma is None or first != sent.start or comma.i - first > 6:
        return []
    out = []  # to the full stop: the parser may end its sentence early too
    for tok in doc[comma.i + 1 :]:
        if tok.is_space or tok.text in {".", "!", "?"}:
            break
        out.append(tok)
    return out
