"""Short pages for the importer's tests, parsed as an imported file is: a page is its blocks (a header, the
lines a test is about, a body, what follows it) one blank line apart."""

from articles.importing import block_text, parse_source


def page(*blocks):
    """``blocks`` as one page: each without its own leading and trailing newlines, a blank line between them."""
    return "\n\n".join(block.strip("\n") for block in blocks) + "\n"


def parse(text, **options):
    """``text`` read as the importer reads a file named page.txt."""
    return parse_source(text.encode("utf-8"), "page.txt", **options)


def texts(parsed):
    """The text of each of the body's blocks, its white space folded."""
    return [" ".join(block_text(block).split()) for block in parsed.blocks]


def first_text(parsed):
    """The text of the body's first block with any text, its white space folded ("" for none)."""
    return next((text for text in texts(parsed) if text), "")
