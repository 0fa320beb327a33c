"""factory_boy factories for the newsroom models."""

from datetime import timedelta

import factory
from django.utils import timezone

from articles.models import Article, Author, ContentWarning


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Reporter {n}")
    slug = factory.Sequence(lambda n: f"reporter-{n}")


class ContentWarningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContentWarning
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"warning-{n}")  # the starter slugs (e.g. "death") reuse the migrated rows
    label = factory.Sequence(lambda n: f"Warning {n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    """A live, published article unless told otherwise."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Article number {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    author = factory.SubFactory(AuthorFactory)
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    standfirst = "A short standfirst."
    body = "First paragraph.\n\nSecond paragraph."
    status = Article.Status.PUBLISHED

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)

    @factory.post_generation
    def warnings(self, create, extracted, **kwargs):
        if create and extracted:
            self.warnings.add(*extracted)

    class Params:
        draft = factory.Trait(status=Article.Status.DRAFT)
        in_review = factory.Trait(status=Article.Status.IN_REVIEW)
        scheduled = factory.Trait(published_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=1)))
        # An explicit warning decision: "no warnings apply", as an editor would record it.
        decided = factory.Trait(no_warnings_apply=True, warnings_decided_at=factory.LazyFunction(timezone.now))
