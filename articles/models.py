"""Newsroom models. The one rule for what readers may see lives in ArticleQuerySet.published()."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from articles.lexicon import parse_terms
from articles.rendering import render_markdown


class Author(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True, help_text="Used in the author's public URL, /authors/<slug>/.")
    bio = models.TextField(blank=True, help_text="A short biography shown on the author's page. Plain text.")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:author-detail", kwargs={"slug": self.slug})


class ContentWarning(models.Model):
    """One entry of the content-warning vocabulary readers can filter by."""

    slug = models.SlugField(max_length=80, unique=True)
    label = models.CharField(max_length=120, unique=True, help_text="Shown to readers, e.g. “Graphic violence”.")
    description = models.TextField(blank=True, help_text="Explains to readers what this warning covers.")
    keywords = models.TextField(
        blank=True,
        help_text="Words or phrases in a source's warning note that map to this warning, one per line or "
        "comma-separated. End a word with * to match any ending (mutilat* matches “mutilated”).",
    )

    class Meta:
        ordering = ["label"]

    def __str__(self):
        return self.label

    @property
    def terms(self):
        return parse_terms(self.keywords)


class Topic(models.Model):
    """A tag the importer applies when any of its signal words occur in an article's title or body."""

    name = models.CharField(max_length=100, unique=True, help_text="The tag to apply, e.g. “Daesh”.")
    signals = models.TextField(
        help_text="Words or phrases that signal this topic, one per line or comma-separated, e.g. "
        "“ISIS, Isil, Islamic State”. The tag name itself always counts. End a word with * to match any ending.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def terms(self):
        return [self.name, *parse_terms(self.signals)]


class TaggedArticle(TaggedItemBase):
    """Through model giving tags a real foreign key to Article (cheap joins, counts per tag)."""

    content_object = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="tagged_items")


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Articles readers may see: published, with a publication time that has come."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def for_listing(self):
        """Load what an article card shows, in a fixed number of queries."""
        return self.select_related("author").prefetch_related("tags", "warnings")


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=200, unique=True, help_text="Used in the article's public URL. Keep it stable once published.")
    author = models.ForeignKey(Author, on_delete=models.PROTECT, null=True, blank=True, related_name="articles")
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        help_text="When readers may see the article. Leave empty while unknown; a published article must have one.",
    )
    standfirst = models.TextField(blank=True, help_text="One or two sentences under the headline. Plain text.")
    body = models.TextField(
        blank=True,
        help_text="Markdown (CommonMark): blank line between paragraphs, ## for a sub-heading, > for a quotation, "
        "<https://…> for a link. HTML is not interpreted.",
    )
    tags = TaggableManager(through=TaggedArticle, blank=True, help_text="Comma-separated tags.")
    warnings = models.ManyToManyField(
        ContentWarning,
        blank=True,
        related_name="articles",
        verbose_name="content warnings",
        help_text="Shown to readers before the text; readers can filter these out.",
    )
    warning_note = models.TextField(blank=True, help_text="The content warning as the source worded it, shown with the labels.")
    image_credit = models.CharField("featured-image credit", max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False, db_index=True)
    review_reasons = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text="Why the importer could not publish this article.",
    )
    source_name = models.CharField(max_length=255, blank=True, editable=False, help_text="The imported file's name.")
    source_hash = models.CharField(max_length=64, blank=True, editable=False, help_text="SHA-256 of the raw imported text.")
    import_fingerprint = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="Hash of the content as the importer last saved it; a difference means someone edited it since.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(published_at__isnull=False),
                name="published_article_has_date",
                violation_error_message="A published article needs a publication date.",
            ),
            models.UniqueConstraint(
                fields=["source_name"],
                condition=~models.Q(source_name=""),
                name="one_article_per_source",
            ),
        ]
        indexes = [models.Index(fields=["status", "published_at"], name="article_visibility_idx")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("articles:article-detail", kwargs={"slug": self.slug})

    @cached_property
    def body_html(self):
        """The body rendered from Markdown and sanitised."""
        return render_markdown(self.body)

    @property
    def is_live(self):
        return self.status == self.Status.PUBLISHED and self.published_at is not None and self.published_at <= timezone.now()
