"""A yes/no question headline from a sentence's parse: subject, auxiliary, verb phrase."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from hemiwatch.digest.tree import head_of, spelled_out

SMALL_WORDS = frozenset(
    "a an the and but or nor for so yet of to in on at by with from as into over than via".split()
)
UNNAMED = frozenset({"it", "they", "he", "she", "this", "these", "those"})
DO_FORMS = {"VBD": "Did", "VBZ": "Does", "VBP": "Do"}


def _title_case(words: list[str]) -> str:
    out = []
    for i, word in enumerate(words):
        if i and word.lower() in SMALL_WORDS:
            out.append(word.lower())
        elif word[:1].islower():
            out.append(word[0].upper() + word[1:])
        else:
            out.append(word)
    return " ".join(out)


def _subject_word(tok: Token, first: bool) -> str:
    """Sentence-initial words lose their capital unless they are names or acronyms."""
    if first and tok.pos_ != "PROPN" and not tok.text.isupper() and tok.text != "I":
        return tok.text.lower()
    return tok.text


def question(
    sent: SpacySpan, keep: set[int], name: str | None = None, strict: bool = False
) -> str | None:
    """'The US is renewing its focus on X' -> 'Is the US Renewing Its Focus on X?'. A pronoun
    subject is replaced by `name` (what it stands for); without one, a `strict` question is
    None ('Did They Need ...?' asks about no one)."""
    root = head_of(sent, keep)
    if root is None or root.pos_ not in {"VERB", "AUX"}:
        return None
    subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < root.i]
    if not subjects:
        return None
    subject = subjects[0]
    keep = keep & {t.i for t in root.subtree}  # not what hangs from a cut attribution
    subject_ids = [t.i for t in subject.subtree if t.i in keep]
    auxes = [c for c in root.children if c.dep_ in {"aux", "auxpass"} and c.i < root.i]
    doc = sent.doc
    # what the verb sets off after a comma is an afterthought: '..., down 40 percent'
    commas = [i for i in keep if i > root.i and doc[i].text == "," and doc[i].head.i == root.i]
    if commas:
        keep = {i for i in keep if i < min(commas)}
    kept = [i for i in sorted(keep) if not doc[i].is_punct or doc[i].text in {"'s", "-", "%"}]
    if not kept or kept[0] != min(subject_ids, default=-1):
        return None  # something precedes the subject: the inversion would read badly
    subject_set = set(subject_ids)
    front: str
    moved: int | None = None
    verb_word = root.text
    if auxes:
        moved = auxes[0].i
        # 'X may have collided' asks 'Could X have collided?' ('May X ...?' asks leave)
        front = "could" if auxes[0].lower_ in {"may", "might"} else auxes[0].text
        if front[:1] in {"'", "’"}:  # "they'd struck" asks 'Had they struck ...?'
            front = spelled_out(auxes[0])
    elif root.lemma_ == "be":
        moved = root.i
        front = root.text
    elif root.tag_ in DO_FORMS:
        front = DO_FORMS[root.tag_]
        verb_word = root.lemma_
    else:
        return None
    words = [front.capitalize()]
    opening = doc[subject_ids[0]] if subject_ids else subject
    if name and subject_ids == [subject.i] and subject.pos_ == "PRON":
        words += name.split()  # 'Did Caribbean governments need ...', not 'Did they ...'
    elif name and opening.tag_ == "PRP$":  # 'its inspectors' -> "the agency's inspectors"
        owner = name + ("'" if name.endswith("s") else "'s")
        words += [*owner.split(), *(doc[i].text for i in subject_ids[1:])]
    elif strict and subject.lower_ in UNNAMED and subject_ids == [subject.i]:
        return None
    else:
        words += [_subject_word(doc[i], n == 0) for n, i in enumerate(subject_ids)]
    for i in kept:
        if i in subject_set or i == moved:
            continue
        words.append(verb_word if i == root.i else doc[i].text)
    if len(words) < 4:
        return None
    text = _title_case(words)
    for bad, good in (
        (" 's", "'s"), (" n't", "n't"), (" %", "%"), (" - ", "-"), (" ,", ","), ("$ ", "$"),
    ):  # fmt: skip
        text = text.replace(bad, good)
    return text + "?"
