"""The image chooser behind the article form's "Insert picture" and the featured image's "Choose…".

Four admin views answer the dialog (static/js/image-chooser.js) with HTML fragments: the dialog
itself (search box, first page of pictures, upload form), a page of search results, an upload, and
one picture's description (alt text, caption, credit…) to correct without leaving the article.
Only the pictures this person may use are ever listed (``usable_images``: a writer her own uploads,
an editor all); an upload goes through the library's own form and store, so it is checked and
re-encoded exactly as on the library's add page, and a description through the library's own form,
permission and save (``describable``, ``save_description``), as on its change page.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.views.generic import ListView
from django.views.generic.edit import FormView

from articles import workflow
from articles.admin.images import ImageForm, save_description, store_upload, usable_images
from articles.admin.widgets import ImageChooserWidget
from articles.models import Image

PAGE_SIZE = 12
QUERY_MAX_CHARS = 200
UPLOAD_PREFIX = "chooser"  # the article form has a "title" too: the dialog's fields get ids of their own
DESCRIBE_PREFIX = "describe"


def search(images, query):
    """The ``images`` whose title, caption or credit holds each word of ``query`` (any case)."""
    for word in query.split():
        images = images.filter(Q(title__icontains=word) | Q(caption__icontains=word) | Q(credit__icontains=word))
    return images


class ArticleWritersOnly:
    """Refuses anyone who may neither add nor change articles (``model_admin``: the ArticleAdmin)."""

    model_admin = None

    def dispatch(self, request, *args, **kwargs):
        if not (self.model_admin.has_add_permission(request) or self.model_admin.has_change_permission(request)):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def may_upload(user):
    """Whether ``user`` may add pictures to the library (writers and editors may)."""
    return user.has_perm("articles.add_image")


def library(model_admin):
    """The image library's ModelAdmin, whose queryset and change permission say who may describe which picture."""
    return model_admin.admin_site.get_model_admin(Image)


def describe_url(request, model_admin):
    """Where the dialog edits a listed picture's description, or "" when this person may change no picture."""
    may = library(model_admin).has_change_permission(request)
    return reverse("admin:articles_article_image_describe") if may else ""


def describable(request, model_admin, number):
    """The picture ``number`` if the library would let this person change it (its queryset: an editor any, a
    writer her own uploads; its change permission); else 404 (not hers: not even that it exists) or 403."""
    images = library(model_admin)
    image = get_object_or_404(images.get_queryset(request), pk=int(number) if str(number).isdigit() else None)
    if not images.has_change_permission(request, image):
        raise PermissionDenied
    return image


def upload_form(*args):
    """The library's add form, its fields named apart from the article's, the picture first."""
    form = ImageForm(*args, prefix=UPLOAD_PREFIX)
    form.order_fields(["upload"])
    return form


class ImageSearchView(ArticleWritersOnly, ListView):
    """GET ``q``, ``page``: one page of the pictures this person may use that match, newest first."""

    paginate_by = PAGE_SIZE
    template_name = "admin/articles/image_chooser/results.html"

    def query(self):
        return self.request.GET.get("q", "")[:QUERY_MAX_CHARS].strip()

    def get_queryset(self):
        pictures = search(usable_images(self.request.user), self.query())
        return pictures.order_by("-created_at", "-pk").prefetch_related("renditions")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            query=self.query(), own_only=not workflow.is_editor(self.request.user),
            search_url=reverse("admin:articles_article_image_search"),
            describe_url=describe_url(self.request, self.model_admin), **kwargs,
        )


class ImageChooserView(ImageSearchView):
    """GET: the dialog's content: the search box, the first page of pictures and the upload form."""

    template_name = "admin/articles/image_chooser/dialog.html"

    def get_context_data(self, **kwargs):
        form = upload_form() if may_upload(self.request.user) else None
        return super().get_context_data(upload_form=form, **kwargs)


class ImageUploadView(ArticleWritersOnly, FormView):
    """POST an upload: 201 with the stored picture (as the dialog lists it), or 400 with the form and
    one message per problem."""

    template_name = "admin/articles/image_chooser/upload_form.html"
    http_method_names = ["post"]

    def dispatch(self, request, *args, **kwargs):
        if not may_upload(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, form_class=None):
        return upload_form(self.request.POST, self.request.FILES)

    def form_valid(self, form):
        image = store_upload(form, self.request.user)
        return self.response_class(
            self.request, "admin/articles/image_chooser/uploaded.html",
            {"image": image, "describe_url": describe_url(self.request, self.model_admin)}, status=201
        )

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ImageDescribeView(ArticleWritersOnly, FormView):
    """GET ``?image=N``: the library's form for that picture (title, alt text, decorative, caption, credit,
    graphic) inside the dialog. POST it: saved as the library's change page saves it (workflow.change_picture:
    the graphic rule checked, what readers see changing put on the record of the published articles showing it;
    the library's history), answered 200 with the picture as the dialog lists it, or 400 with the form and one
    message per problem. Only a picture the library would let this person change (``describable``)."""

    template_name = "admin/articles/image_chooser/describe.html"

    def dispatch(self, request, *args, **kwargs):
        self.image = describable(request, self.model_admin, request.GET.get("image"))
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, form_class=None):
        data = (self.request.POST,) if self.request.method == "POST" else ()
        return ImageForm(*data, instance=self.image, prefix=DESCRIBE_PREFIX)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            image=Image.objects.prefetch_related("renditions").get(pk=self.image.pk),
            action=f"{reverse('admin:articles_article_image_describe')}?image={self.image.pk}", **kwargs)

    def form_valid(self, form):
        refused = save_description(form.instance, self.request.user)
        if refused:
            form.add_error(None, refused)
            return self.form_invalid(form)
        images = library(self.model_admin)
        images.log_change(self.request, form.instance, images.construct_change_message(self.request, form, None))
        image = Image.objects.prefetch_related("renditions").get(pk=form.instance.pk)
        return self.response_class(
            self.request, "admin/articles/image_chooser/uploaded.html",
            {"image": image, "describe_url": describe_url(self.request, self.model_admin)},
        )

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ImageChooser:
    """Mixed into ArticleAdmin: the chooser's URLs, and the article form's hooks for it (the featured
    image as a chosen picture; the body's "Insert picture")."""

    def chooser_urls(self):
        view = self.admin_site.admin_view
        return [
            path("image-chooser/", view(ImageChooserView.as_view(model_admin=self)),
                 name="articles_article_image_chooser"),
            path("image-chooser/search/", view(ImageSearchView.as_view(model_admin=self)),
                 name="articles_article_image_search"),
            path("image-chooser/upload/", view(ImageUploadView.as_view(model_admin=self)),
                 name="articles_article_image_upload"),
            path("image-chooser/describe/", view(ImageDescribeView.as_view(model_admin=self)),
                 name="articles_article_image_describe"),
        ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "featured_image":
            # Not the admin's select (or autocomplete) with its add/change links: the chooser, offering only
            # the pictures this person may use, which is also all the field accepts.
            own = not workflow.is_editor(request.user)
            return db_field.formfield(
                queryset=usable_images(request.user),
                widget=ImageChooserWidget(chooser_url=reverse("admin:articles_article_image_chooser"),
                                          describe_url=describe_url(request, self)),
                help_text="One of the pictures you uploaded to the image library." if own else "",
                error_messages={"invalid_choice": "That picture is not one you may use: choose one of "
                                + ("your own uploads." if own else "the library's pictures.")},
            )
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "body" and formfield is not None:
            formfield.widget.attrs["data-image-chooser-url"] = reverse("admin:articles_article_image_chooser")
        return formfield
