"""Model signals: any write that could change what readers see ends the cached pages on commit.

Connected for every model a public page reads — articles, their tags and warnings, authors, the
two vocabularies, tag redirects, corrections — whatever wrote them (admin, workflow, importer, shell), so no
write path can forget. Records readers never see (decisions, revisions, preview links) are left
out, and so are changes to an article that neither is nor was published (Article.concerns_readers).
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from taggit.models import Tag

from articles import pagecache
from articles.slugs import has_letters, slug_for
from articles.models import Article, Author, ContentWarning, Correction, TaggedArticle, TagRedirect, Topic

READER_MODELS = (Article, Author, ContentWarning, Correction, Topic, Tag, TaggedArticle, TagRedirect)


def _changed(sender, instance, created=False, **kwargs):
    """A row changed. An article that is not published, and was not when read, concerns nobody yet:
    a draft's edits, its tags, and an import held for review leave the cache alone; so does a new
    tag or author, which no visible article carries yet."""
    if isinstance(instance, TaggedArticle):
        try:
            instance = instance.content_object
        except Article.DoesNotExist:  # its article is going too
            pass
    if isinstance(instance, Article) and not instance.concerns_readers:
        return
    if created and isinstance(instance, Tag | Author):
        return
    pagecache.invalidate()


def _tag_slug(sender, instance, **kwargs):
    """taggit gives a tag with no letter or digit ("🔥", "…") an empty slug ("" or "_1"), and its page
    no URL: spell it out instead (articles/slugs.py), keeping taggit's number for a repeat."""
    if not has_letters(instance.slug):
        number = instance.slug.rsplit("_", 1)[-1] if "_" in (instance.slug or "") else ""
        instance.slug = slug_for(instance.name) + (f"-{number}" if number.isdigit() else "")


def connect():
    pre_save.connect(_tag_slug, sender=Tag, dispatch_uid="tag-slug")
    for model in READER_MODELS:
        post_save.connect(_changed, sender=model, dispatch_uid=f"pagecache-save-{model._meta.label}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"pagecache-delete-{model._meta.label}")
    for through in (Article.warnings.through, Article.tags.through):
        m2m_changed.connect(_changed, sender=through, dispatch_uid=f"pagecache-m2m-{through._meta.label}")
