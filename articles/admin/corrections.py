"""The article admin's corrections: "Add a correction or update" on a live article, withdrawing one,
and the list of an article's corrections on its change form. Every change goes through
articles.workflow (the one policy, the record of decisions); these views only ask and show.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path

from articles import workflow
from articles.admin.mixins import EditorsReadOnly, PlainTitle
from articles.models import Correction
from articles.workflow import WorkflowError
from articles.workflow.corrections import clean_text

KIND_HELP = (
    "A correction stands above the article’s text: use it when the article got something wrong. "
    "An update (new facts), a clarification or an editor’s note follows the text. Each is dated, goes live at "
    "once, and can later be withdrawn but never deleted."
)


class CorrectionForm(forms.Form):
    kind = forms.ChoiceField(
        choices=Correction.Kind.choices,
        widget=forms.RadioSelect,
        initial=Correction.Kind.CORRECTION,
        label="Kind",
        help_text=KIND_HELP,
    )
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        label="Text readers see",
        error_messages={"required": "The text is required."},
        help_text="For example: “An earlier version of this article gave the wrong date for the strike. It was on "
        "3 March.” Markdown like the body (links allowed); no pictures.",
    )

    def clean_text(self):
        """The workflow's own text rule, as a message on the field."""
        try:
            return clean_text(self.cleaned_data["text"])
        except WorkflowError as error:
            raise forms.ValidationError(str(error)) from None


class WithdrawCorrectionForm(forms.Form):
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Why it is withdrawn",
        error_messages={"required": "The reason for withdrawing it is required."},
        help_text="Readers see it in the correction’s place: “Withdrawn on <today’s date>: <your reason>”.",
    )

    def clean_note(self):
        try:
            return clean_text(self.cleaned_data["note"], what="The reason for withdrawing it")
        except WorkflowError as error:
            raise forms.ValidationError(str(error)) from None


class CorrectionViews:
    """Mixed into ArticleAdmin (with ArticlePages): the correction pages and the change form's list of corrections."""

    def correction_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<path:object_id>/correction/", view(self.correction_view), name="articles_article_correction"),
            path(
                "<path:object_id>/correction/<int:correction_id>/withdraw/",
                view(self.withdraw_correction_view),
                name="articles_article_withdraw_correction",
            ),
        ]

    def correction_view(self, request, object_id):
        """GET: the form (or why it is closed); POST: add the correction, then back to the article."""
        article = self._article_for(request, object_id)

        def add(form):
            correction = workflow.add_correction(article, request.user, **form.cleaned_data)
            return f"{correction.get_kind_display()} published on “{article.title}”."

        return self._correction_page(
            request, article, CorrectionForm, add, _refusal("add_correction", request.user, article),
            "admin/articles/article/correction.html", title=f"Add a correction or update: {article.title}",
            corrections=_corrections_of(article),
        )

    def withdraw_correction_view(self, request, object_id, correction_id):
        """GET: the correction and a reason field; POST: withdraw it, keeping the dated note readers see."""
        article = self._article_for(request, object_id)
        correction = get_object_or_404(Correction, pk=correction_id, article=article)
        refusal = _refusal("withdraw_correction", request.user, article)
        if not refusal and correction.is_withdrawn:
            refusal = f"This {correction.get_kind_display().lower()} is already withdrawn."

        def withdraw(form):
            workflow.withdraw_correction(correction, request.user, note=form.cleaned_data["note"])
            return f"{correction.get_kind_display()} withdrawn; readers see your note."

        return self._correction_page(
            request, article, WithdrawCorrectionForm, withdraw, refusal,
            "admin/articles/article/withdraw_correction.html",
            title=f"Withdraw the {correction.get_kind_display().lower()}: {article.title}", correction=correction,
        )

    def _correction_page(self, request, article, form_class, act, refusal, template, **context):
        """The page of one correction decision: refused at once on POST if closed; ``act(form)`` on a valid
        POST (its WorkflowError shown on the form), then back to the article's corrections with its message."""
        if refusal and request.method == "POST":
            raise PermissionDenied(refusal)
        form = form_class(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                done = act(form)
            except WorkflowError as error:
                form.add_error(None, str(error))
            else:
                self.message_user(request, done, messages.SUCCESS)
                return HttpResponseRedirect(f"{self._change_url(article)}#corrections")
        return self._render(request, template, article, form=form, refusal=refusal, **context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """The change form also lists the article's corrections, with the links this person may follow."""
        article = self.get_object(request, unquote(object_id)) if object_id else None
        if article is not None and workflow.can_view(request.user, article):
            extra_context = {
                **(extra_context or {}),
                "corrections": _corrections_of(article),
                "can_correct": workflow.can(request.user, "add_correction", article),
                "can_withdraw_corrections": workflow.can(request.user, "withdraw_correction", article),
            }
        return super().changeform_view(request, object_id, form_url, extra_context)


def _refusal(name, user, article):
    """Why ``user`` may not ``name`` on ``article`` now, or ""."""
    try:
        workflow.check_correction(name, user, article)
    except WorkflowError as error:
        return str(error)
    return ""


def _corrections_of(article):
    return list(article.corrections.select_related("created_by__author_profile", "withdrawn_by__author_profile"))


@admin.register(Correction)
class CorrectionAdmin(PlainTitle, EditorsReadOnly, admin.ModelAdmin):
    """Every correction, newest first, for editors to read; added and withdrawn only from their article."""

    list_display = ["created_at", "kind", "article", "text", "withdrawn_at"]
    list_filter = ["kind", ("withdrawn_at", admin.EmptyFieldListFilter)]
    list_select_related = ["article"]
    search_fields = ["text", "article__title"]
    date_hierarchy = "created_at"
