"""The image library: upload (checked and re-encoded), describe, find; graphic pictures kept covered in lists."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Exists, OuterRef, Prefetch
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from articles import image_store, images, workflow
from articles.admin.mixins import PlainTitle
from articles.models import Article, BodyImage, Image


class ImageForm(forms.ModelForm):
    upload = forms.FileField(
        label="Picture",
        help_text="JPEG, PNG or WebP. It is re-encoded: location, camera and other metadata are removed.",
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    class Meta:
        model = Image
        fields = ["title", "alt_text", "decorative", "caption", "credit", "graphic"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.picture = None
        if self.instance.pk:
            self.fields.pop("upload")  # a library picture's file never changes: upload a new one instead

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        try:
            self.picture = image_store.clean(upload)
        except images.ImageRejected as rejected:
            raise forms.ValidationError(f"Not uploaded: {rejected}", code="image_rejected") from None
        return upload

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("alt_text", "").strip() and not cleaned.get("decorative"):
            self.add_error("alt_text", "Describe the picture for readers who cannot see it, or tick “decorative”.")
        if self.instance.pk and cleaned.get("graphic") and "graphic" in self.changed_data:
            try:
                workflow.check_picture_change(self.instance, graphic=True)
            except workflow.WorkflowError as refusal:
                self.add_error("graphic", str(refusal))
        return cleaned


def store_upload(form, user):
    """Store a valid add form's picture (re-encoded, with its renditions) as uploaded by ``user``."""
    form.instance.uploaded_by = user
    return image_store.store(form.instance, form.picture)


def save_description(image, user):
    """Save a picture's description (its valid change form's instance) as ``user`` changed it
    (``workflow.change_picture``: the graphic rule checked again, the change on the record of the
    published articles showing it). Returns None, or why nothing was saved ("Not saved: …": an article
    lost its warnings since the form was checked)."""
    try:
        workflow.change_picture(image, user)
    except workflow.WorkflowError as refusal:
        return f"Not saved: {refusal}"
    return None


def usable_images(user, images=None):
    """The library pictures ``user`` may put in an article, and see and describe in the library: an editor
    any, a writer those she uploaded (of ``images``, all by default)."""
    images = Image.objects.all() if images is None else images
    return images if workflow.is_editor(user) else images.filter(uploaded_by=user)


def _used():
    """Whether an image is some article's featured image or placed in some article's body."""
    return Exists(Article.objects.filter(featured_image=OuterRef("pk"))) | Exists(
        BodyImage.objects.filter(image=OuterRef("pk"))
    )


class UsedFilter(admin.SimpleListFilter):
    title = "use"
    parameter_name = "used"

    def lookups(self, request, model_admin):
        return [("yes", "In an article"), ("no", "Unused")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(_used())
        if self.value() == "no":
            return queryset.exclude(_used())
        return queryset


USED_IN_TITLE = 60  # characters of an article's headline the library's list shows


@admin.register(Image)
class ImageAdmin(PlainTitle, admin.ModelAdmin):
    form = ImageForm
    list_display = ["thumbnail", "title", "reference", "credit", "graphic_label", "size", "used_in", "created_at"]
    list_display_links = ["thumbnail", "title"]  # (the title opens the picture too, not the thumbnail alone)
    list_filter = ["graphic", UsedFilter, "decorative"]
    search_fields = ["title", "alt_text", "caption", "credit"]

    class Media:
        js = ["js/copy-reference.js"]

    readonly_fields = ["preview", "reference", "size", "uploaded_by", "created_at", "used_in"]

    def get_queryset(self, request):
        # Where each image is used, for the list: its articles' titles, two prefetches for the whole page.
        articles = Article.objects.only("pk", "title")
        queryset = super().get_queryset(request).prefetch_related(
            "renditions", Prefetch("featured_in", queryset=articles), Prefetch("in_bodies", queryset=articles)
        )
        return usable_images(request.user, queryset)

    def get_fields(self, request, obj=None):
        fields = ["title", "alt_text", "decorative", "caption", "credit", "graphic"]
        if obj is None:
            return ["upload", *fields]
        return ["preview", "reference", *fields, "size", "used_in", "uploaded_by", "created_at"]

    @admin.display(description="Used in")
    def used_in(self, image):
        """The articles showing the image (featured, or placed in the body), one a line, linked to their edit pages;
        a long headline shortened to USED_IN_TITLE characters (whole in the link's tooltip), so that a row of the
        library stays a row."""
        articles = {article.pk: article for article in [*image.featured_in.all(), *image.in_bodies.all()]}
        if not articles:
            return "Not used"
        return format_html_join(
            mark_safe("<br>"), '<a href="{}" title="{}">{}</a>',
            ((reverse("admin:articles_article_change", args=[pk]), article.title, Truncator(article.title).chars(USED_IN_TITLE))
             for pk, article in articles.items()),
        )

    @admin.display(description="Graphic", ordering="graphic")
    def graphic_label(self, image):
        """Whether readers see the picture covered, in words (a tick read as "fine")."""
        return "Graphic: covered" if image.graphic else "No"

    def save_model(self, request, obj, form, change):
        if change:
            refused = save_description(obj, request.user)
            if refused:
                messages.error(request, refused)
            return
        store_upload(form, request.user)
        if obj.graphic:
            messages.info(request, "Marked graphic: readers will always see it covered until they choose to show it.")

    @admin.display(description="Picture")
    def thumbnail(self, image):
        if image.graphic:
            return format_html('<span class="image-covered">{}</span>', "Graphic — covered")
        return thumbnail_html(image, 160)

    @admin.display(description="Picture")
    def preview(self, image):
        return thumbnail_html(image, 480)

    @admin.display(description="Reference")
    def reference(self, image):
        """``image:N``, what an article's body places the picture with, and a button copying it
        (static/js/copy-reference.js shows the button)."""
        return reference_html(image)

    @admin.display(description="Size")
    def size(self, image):
        return f"{image.width} × {image.height}"


def reference_html(image):
    """The picture's reference as code, with a "Copy" button (hidden until the script can copy)."""
    reference = f"image:{image.pk}"
    return format_html(
        '<span class="image-reference"><code>{}</code> <button type="button" class="button image-reference__copy" '
        'data-copy="{}" aria-label="Copy {}" hidden>Copy</button></span>',
        reference, reference, reference,
    )


def thumbnail_html(image, width):
    """An <img> of the picture's WebP rendition nearest ``width``, shown at most ``width`` wide (its
    renditions prefetched)."""
    rendition = min(
        (r for r in image.renditions.all() if r.format == "WEBP"), key=lambda r: abs(r.width - width), default=None
    )
    if rendition is None:
        return "—"
    height = round(rendition.height * min(width, rendition.width) / rendition.width)
    return format_html(
        '<img src="{}" alt="{}" width="{}" height="{}" loading="lazy" class="library-thumbnail">',
        rendition.file.url, image.alt_text, min(width, rendition.width), height,
    )
