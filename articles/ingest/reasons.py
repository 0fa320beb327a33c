"""Why an imported article waits in review, in words an editor reads: a field not found, a headline or a
date the page leaves uncertain (both candidates named; a numeric date whose day and month could be either
way round, with both readings), a writer's name that stands alone with nothing saying it is the writer's, a
warning no vocabulary entry matches, warnings the lexicon suggests."""

from __future__ import annotations

from articles.importing import ParsedArticle
from articles.models import Article


def review_reasons(parsed: ParsedArticle, unmapped_note: bool, undecided: list) -> list[str]:
    """The reasons to hold ``parsed`` for an editor; none means it may be published."""
    reasons = []
    if not parsed.title_confirmed:
        reasons.append(
            f"the headline is uncertain: “{_short(parsed.title)}” or “{_short(parsed.title_rival)}”"
            if parsed.title_rival else Article.UNSURE_TITLE
        )
    elif not parsed.title_echoed:
        reasons.append(f"the headline shares no word with the article: “{_short(parsed.title)}”")
    if parsed.published_on and parsed.other_dates:
        days = " or ".join(_day(day) for day in (parsed.published_on, *parsed.other_dates))
        reasons.append(f"two dates: {days}" if len(parsed.other_dates) == 1 else f"several dates: {days}")
    if parsed.published_on and parsed.dated_by_clock:
        reasons.append(f"the date may be the day the page was saved: the site's clock at the top shows "
                       f"{_day(parsed.published_on)} too")
    if parsed.published_on and parsed.ambiguous_date:
        day = parsed.published_on
        swapped = day.replace(month=day.day, day=day.month)
        reasons.append(f"the date “{parsed.ambiguous_date}” could be {_day(day)} or {_day(swapped)}")
    if not parsed.author:
        reasons.append(Article.NO_AUTHOR)
    elif parsed.author_alone:
        reasons.append(f"the writer's name stands alone, with no “By”: check that “{_short(parsed.author)}” wrote it")
    if not parsed.published_on:
        reasons.append(Article.NO_DATE)
    if not parsed.blocks:
        reasons.append(Article.NO_BODY)
    if unmapped_note:
        reasons.append(f"the source's warning note matches no content warning: “{parsed.warning_note}”")
    if undecided:
        labels = ", ".join(warning.label for warning in undecided)
        reasons.append(f"suggested content warnings need an editor's decision: {labels}")
    return reasons


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _day(day) -> str:
    return f"{day.day} {day:%B %Y}"
