"""Counts that add up, with precision, recall and F1: what both scorers share."""

from __future__ import annotations

import dataclasses

__all__ = ["Tally"]


class Tally:
    """Counts that add up field by field, with precision, recall and F1 of
    ``matched`` over ``predicted`` and ``gold`` (a mixin for frozen dataclasses)."""

    __slots__ = ()

    def __add__(self, other):
        return type(self)(*(getattr(self, f.name) + getattr(other, f.name) for f in dataclasses.fields(self)))

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def prf(self) -> str:
        """ "P=0.985 R=0.992 F1=0.988 (pred 392, gold 389, matched 386)" """
        return (f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
                f"(pred {self.predicted}, gold {self.gold}, matched {self.matched})")
