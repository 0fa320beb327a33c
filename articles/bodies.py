"""An article body's sanitised HTML kept on its row, so that a page does not render the Markdown again.

Every write of an article's body through ``Article.save`` keeps, beside it,
``rendering.sanitised_html`` of it (``body_html``: the sanitiser's output, placed images still
marks; figures are put in when a page is rendered, from the library as it is then) and a seal
(``body_html_seal``): an HMAC, under the site's secret key, of the rendering rules' fingerprint
(``rendering.RULES``), the body and that HTML. A page uses the kept HTML only when the seal matches
the body it has in hand under today's rules; otherwise (the rules changed, the body was written by a
path that kept nothing, the row was written by anything else) it renders the body as before. So
nothing kept can be stale, and nothing the sanitiser did not produce, under these rules, for this
very body, is ever served. The importer keeps none (its rate would pay a quarter for it), nor does any
bulk load; ``manage.py keep_rendered_bodies`` keeps the HTML of rows that lack it (after an import, a
bulk load, or a deploy that changed the rules).
"""

from django.utils.crypto import constant_time_compare, salted_hmac

from articles import rendering

_SALT = "masthead.articles.bodies"


def seal(source: str, html: str) -> str:
    """The seal of ``html`` as the sanitised rendering of ``source`` under today's rules."""
    return salted_hmac(_SALT, f"{rendering.RULES}\0{source}\0{html}", algorithm="sha256").hexdigest()


def kept(source: str) -> dict:
    """The columns to store with ``source`` as an article's body: ``{"body_html", "body_html_seal"}``."""
    html = rendering.sanitised_html(source)
    return {"body_html": html, "body_html_seal": seal(source, html)}


def sanitised_html(article) -> str:
    """``rendering.sanitised_html(article.body)``: the HTML kept on the row when its seal holds (no
    Markdown parsed), else rendered now."""
    html = article.__dict__.get("body_html")  # not read from the database when deferred
    if usable(article.body, html, article.__dict__.get("body_html_seal")):
        return html
    return rendering.sanitised_html(article.body)


def usable(source: str, html, sealed) -> bool:
    """True when ``html`` sealed with ``sealed`` may stand for ``source``'s sanitised rendering today."""
    return bool(html and sealed) and constant_time_compare(seal(source, html), sealed)
