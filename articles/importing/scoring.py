"""Deciding by evidence, the machinery: candidates with their features, a scorer whose weights were
fitted on the corpus's training folds, and the choice it makes — the winner, the runner-up and the
margin between them. The features themselves are the stages' business (headline.py, opening.py,
notices.py). Pure.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from operator import mul

CLEAR_MARGIN = 0.35  # the least margin that counts as a clear win, whatever the fitting says


@dataclass(frozen=True)
class Candidate:
    index: int
    text: str  # the headline this line gives (title_text of it)
    features: tuple[float, ...]


@dataclass(frozen=True)
class Choice:
    """What a scorer decided: the winner, its probability, and the runner-up with its own."""

    winner: Candidate | None
    probability: float
    runner_up: Candidate | None
    runner_up_probability: float

    @property
    def margin(self) -> float:
        return self.probability - self.runner_up_probability

    def clear(self, margin: float = CLEAR_MARGIN) -> bool:
        """Whether the winner beat the runner-up by at least ``margin`` (of probability)."""
        return self.winner is not None and self.margin >= max(margin, CLEAR_MARGIN)


class Scorer:
    """A conditional logit: each candidate's score is the dot product of its features with the weights; a
    page's candidates share out a probability of 1 by softmax."""

    def __init__(self, weights: dict[str, float], names: tuple[str, ...]):
        self.weights = dict(weights)
        self.vector = tuple(weights.get(name, 0.0) for name in names)

    def score(self, candidate: Candidate) -> float:
        return self.score_features(candidate.features)

    def score_features(self, features: tuple[float, ...]) -> float:
        return sum(map(mul, self.vector, features))  # (the same products summed in the same order as a generator's)

    def choose(self, candidates: list[Candidate]) -> Choice:
        if not candidates:
            return Choice(None, 0.0, None, 0.0)
        scores = [self.score(candidate) for candidate in candidates]
        top = max(scores)
        exps = [math.exp(score - top) for score in scores]
        total = sum(exps)
        order = sorted(range(len(candidates)), key=lambda i: -scores[i])
        best = order[0]
        # A runner-up that gives the same headline (the headline shown twice) is no rival.
        rival = next((i for i in order[1:] if candidates[i].text != candidates[best].text), None)
        same = sum(exps[i] for i in range(len(candidates)) if candidates[i].text == candidates[best].text)
        return Choice(
            candidates[best], same / total,
            candidates[rival] if rival is not None else None, exps[rival] / total if rival is not None else 0.0,
        )


def fit(groups: list[tuple[list[tuple[float, ...]], list[int]]], *, l2: float = 0.02, iterations: int = 300,
        rate: float = 0.2, names: tuple[str, ...], prior: dict) -> dict[str, float]:
    """Fit a conditional logit by gradient ascent (Adam) on ``groups``: for each page, its candidates'
    features and the positions of the right ones; L2 pulls each weight towards ``prior``.
    Returns {feature name: weight}."""
    size = len(names)
    centre = [prior.get(name, 0.0) for name in names]
    weights = list(centre)
    first, second = [0.0] * size, [0.0] * size
    groups = [(rows, right) for rows, right in groups if right and rows]
    for step in range(1, iterations + 1):
        gradient = [-l2 * (w - c) * len(groups) for w, c in zip(weights, centre)]
        for rows, right in groups:
            scores = [sum(w * x for w, x in zip(weights, row)) for row in rows]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            right_total = sum(exps[i] for i in right)
            for i, row in enumerate(rows):
                share = (exps[i] / right_total if i in right else 0.0) - exps[i] / total
                if share:
                    for k, x in enumerate(row):
                        if x:
                            gradient[k] += share * x
        for k in range(size):
            g = gradient[k] / len(groups)
            first[k] = 0.9 * first[k] + 0.1 * g
            second[k] = 0.999 * second[k] + 0.001 * g * g
            weights[k] += rate * (first[k] / (1 - 0.9 ** step)) / (math.sqrt(second[k] / (1 - 0.999 ** step)) + 1e-8)
    return {name: round(weight, 4) for name, weight in zip(names, weights)}
