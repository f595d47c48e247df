"""Corpus questions over the store: cooperation board, commitments, briefings, answers."""

from hemiwatch.analyze.ask import ask
from hemiwatch.analyze.board import board
from hemiwatch.analyze.brief import brief
from hemiwatch.analyze.commitments import commitments

__all__ = ["ask", "board", "brief", "commitments"]
