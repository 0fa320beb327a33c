"""Warnings stated in plain sentences ("This story isn't for the faint of heart.", "If you are squeamish,
you probably shouldn't read on."): every sentence of the header and of the body's first lines is scored on
its features (evidence.warning_sentence_features) with weights fitted on the corpus; the sentences the
scorer holds to be the page's warning are taken out of the body and kept as worded. Labelled warnings
("Content warning: …") are found before this, by lines.warning. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass

from articles.importing import lines as kinds
from articles.importing.evidence import WARNING_THRESHOLD, Model, has_warning_cue, sentences_of, warning_sentence_features
from articles.importing.lines import Warning

EARLY_LINES = 14  # non-blank lines of the body where a warning may still stand


@dataclass(frozen=True)
class Sentence:
    in_body: bool
    line: int  # its line's position in the body's lines (or the header's)
    position: int  # its place among its line's sentences
    text: str
    features: tuple[float, ...]


def warning_sentences(header_lines: list[str], body_lines: list[str]) -> list[Sentence]:
    """The sentences that could be a warning stated in plain words, with their features."""
    found = []
    for in_body, lines in ((False, header_lines), (True, body_lines)):
        seen = 0
        for index, line in enumerate(lines):
            if not line:
                continue
            seen += 1
            if seen > EARLY_LINES:
                break
            if kinds.warning(line) or kinds.is_chrome(line) or len(line) > 1200:
                continue
            parts = sentences_of(line)
            if len(parts) > 8:
                continue
            for position, sentence in enumerate(parts):
                if not has_warning_cue(sentence):
                    continue  # no word a warning is made of: not scored (and never taken)
                features = warning_sentence_features(
                    sentence, first=position == 0, last=position == len(parts) - 1, line_rank=seen, in_header=not in_body,
                )
                found.append(Sentence(in_body, index, position, sentence, features))
    return found


def plain_warnings(header_lines: list[str], body_lines: list[str], model: Model) -> tuple[list[Warning], list[str]]:
    """The warnings stated in plain sentences, and the body's lines without them."""
    chosen = [s for s in warning_sentences(header_lines, body_lines) if model.warning_probability(s.features) >= WARNING_THRESHOLD]
    if not chosen:
        return [], body_lines
    warnings, dropped, body = [], {}, list(body_lines)
    group: list[Sentence] = []
    for sentence in [*chosen, None]:
        if group and (sentence is None or (sentence.in_body, sentence.line) != (group[-1].in_body, group[-1].line)
                      or sentence.position != group[-1].position + 1):
            statement = " ".join(s.text for s in group)
            warnings.append(Warning(statement, statement, ""))
            group = []
        if sentence is not None:
            group.append(sentence)
            if sentence.in_body:
                dropped.setdefault(sentence.line, set()).add(sentence.position)
    for index, positions in dropped.items():
        kept = [part for position, part in enumerate(sentences_of(body[index])) if position not in positions]
        body[index] = " ".join(kept)
    return warnings, [line for index, line in enumerate(body) if line or index not in dropped]
