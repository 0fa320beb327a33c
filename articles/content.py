"""One type for an article's editable content: what revisions store, diffs compare, previews show,
the importer fingerprints and the edit form saves.

``Content`` is built from an article, a revision, a form's cleaned data or a parsed page, and applied
back to an article. Its fields are the only list of "what an editor can change about the text";
``STORED`` are those kept in a column of the same name on both ``Article`` and ``Revision`` (tags
and warnings live in relations). Pure: it imports no models.
"""

from dataclasses import dataclass, fields, replace

STORED = (
    "title", "author", "standfirst", "body", "featured_image", "image_credit", "warning_note", "newsroom_note",
    "no_warnings_apply",
)
# The fields an edit form shows as text: it gives them back with \n line endings and nothing at either end.
TEXT = ("title", "standfirst", "body", "image_credit", "warning_note", "newsroom_note")


@dataclass(frozen=True)
class Content:
    title: str = ""
    author: object = None  # an Author, or None
    standfirst: str = ""
    body: str = ""
    featured_image: object = None  # an Image, or None
    image_credit: str = ""
    warning_note: str = ""  # the source's wording
    newsroom_note: str = ""  # the newsroom's own
    no_warnings_apply: bool = False
    tags: tuple = ()  # names, in reading order (case-insensitive)
    warnings: tuple = ()  # slugs, sorted

    def __post_init__(self):
        object.__setattr__(self, "tags", tuple(sorted(self.tags, key=str.casefold)))
        object.__setattr__(self, "warnings", tuple(sorted(self.warnings)))

    # --- built from ---------------------------------------------------------------------------------

    @classmethod
    def of(cls, obj, *, tags=None, warnings=None):
        """The content of an article or a revision; ``tags`` (names) and ``warnings`` (slugs), when the
        caller has just written them, save reading an article's relations back."""
        if tags is None:
            tags = obj.tags if isinstance(obj.tags, list | tuple) else obj.tags.names()
        if warnings is None:
            warnings = obj.warnings if isinstance(obj.warnings, list | tuple) else obj.warnings.values_list("slug", flat=True)
        return cls(**{name: getattr(obj, name) for name in STORED}, tags=tuple(tags), warnings=tuple(warnings))

    @classmethod
    def from_form(cls, cleaned_data: dict, start: "Content") -> "Content":
        """What a form saves: its cleaned values over ``start`` (the fields it does not show keep theirs)."""
        changes = {name: cleaned_data[name] for name in STORED if name in cleaned_data}
        if "tags" in cleaned_data:
            changes["tags"] = tuple(cleaned_data["tags"])
        if cleaned_data.get("warnings") is not None:
            changes["warnings"] = tuple(warning.slug for warning in cleaned_data["warnings"])
        return replace(start, **changes)

    # --- used as ------------------------------------------------------------------------------------

    def stored(self) -> dict:
        """The column values (``Revision.objects.create(**content.stored(), tags=…, warnings=…)``)."""
        return {name: getattr(self, name) for name in STORED}

    def as_dict(self) -> dict:
        """Every field by name, tags and warnings as lists (diffs, fingerprints)."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["tags"], data["warnings"] = list(self.tags), list(self.warnings)
        return data

    def for_revision(self) -> dict:
        return {**self.stored(), "tags": list(self.tags), "warnings": list(self.warnings)}

    def apply_to(self, article) -> None:
        """Write the stored fields onto ``article`` (not saved; tags and warnings are the caller's)."""
        for name in STORED:
            setattr(article, name, getattr(self, name))

    def changed_fields(self, other: "Content") -> list[str]:
        """The names of the fields in which ``other`` differs from this content."""
        return [f.name for f in fields(self) if getattr(self, f.name) != getattr(other, f.name)]

    def as_a_form_gives_it(self) -> "Content":
        """This content as an edit form posts it back untouched: text with \n line endings and no spaces or
        line breaks at either end (an imported body's last line break is no edit)."""
        return replace(self, **{
            name: " ".join(value.split()) if name == "title" else value.replace("\r\n", "\n").replace("\r", "\n").strip()
            for name in TEXT if isinstance(value := getattr(self, name), str)
        })

    def replace(self, **changes) -> "Content":
        return replace(self, **changes)
