"""Deciding by evidence: the three scorers of one fitting (which line is the headline, which opens the
body, which sentences are the page's warning), and where each stage's features are.

- ``scoring``: candidates, the scorer (a conditional logit), its choice and margin, and the fitting;
- ``headline``, ``opening``, ``notices``: the candidates of each decision and their features;
- ``weights``: the fitted weights, written by ``bench/importer_accuracy.py --fit``. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass

from articles.importing.headline import HEADLINE_FEATURES
from articles.importing.notices import WARNING_FEATURES, warning_probability
from articles.importing.opening import BODY_FEATURES
from articles.importing.scoring import CLEAR_MARGIN, Scorer


@dataclass(frozen=True)
class Model:
    """The scorers of one fitting: which line is the headline, which opens the body, which sentences are
    the page's warning; and the margin a headline must win by."""

    headline: Scorer
    body: Scorer
    warning: Scorer
    clear_margin: float = CLEAR_MARGIN  # a headline that wins by less is uncertain (fitted: see bench)

    @classmethod
    def from_weights(cls, headline: dict[str, float], body: dict[str, float], warning: dict[str, float],
                     clear_margin: float = CLEAR_MARGIN) -> Model:
        return cls(Scorer(headline, HEADLINE_FEATURES), Scorer(body, BODY_FEATURES), Scorer(warning, WARNING_FEATURES),
                   clear_margin)

    def warning_probability(self, features: tuple[float, ...]) -> float:
        """The probability that a sentence with ``features`` is the page's warning."""
        return warning_probability(self.warning, features)
