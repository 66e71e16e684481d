"""Form building blocks shared by every app: optimistic locking for model forms.

A form for an existing record carries the ``lock_version`` the user loaded as a hidden field.
If someone else saved the record in the meantime, the form is invalid with a German message
that names who changed it and when and lists the stored values next to the user's own; the
user's input stays in the form (nothing is lost), and the hidden version is moved to the stored
one, so saving again deliberately keeps the user's version. Two requests racing each other are
caught by the conditional UPDATE in ``core.versioning`` (see :func:`save_or_conflict`).

Every such form also refuses ids no database can hold in its choice fields (a crafted
``?fields_of_action=10000000000000000000000`` would otherwise reach the query and fail there).
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms.renderers import DjangoTemplates
from django.utils.translation import gettext as _

from digitalbilanz.core.templatetags.dbformat import de_datetime
from digitalbilanz.core.versioning import StaleRecordError, changed_fields

VERSION_FIELD = "lock_version"
LARGEST_ID = 2**63 - 1  # SQLite's and PostgreSQL's largest integer
INTEGER = re.compile(r"\s*[+-]?\d+\s*")


class VersionedFormMixin:
    """Mixin for ModelForms; call ``add_version_field()`` in ``__init__``."""

    conflict = False  # True when the form was refused because the record changed meanwhile

    def add_version_field(self):
        self.fields[VERSION_FIELD] = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
        if self.instance.pk is not None:
            self.initial[VERSION_FIELD] = self.instance.lock_version

    def full_clean(self):
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField) and not getattr(field, "ids_checked", False):
                field.clean = _ids_in_range(field.clean)
                field.ids_checked = True
        super().full_clean()

    def _post_clean(self):
        super()._post_clean()
        if self.instance.pk is None or VERSION_FIELD not in self.fields:
            return
        posted = self.cleaned_data.get(VERSION_FIELD)
        if posted is None:
            self.add_error(None, _("Der Bearbeitungsstand fehlt; bitte laden Sie die Seite neu."))
            return
        self.instance.lock_version = posted
        current = type(self.instance)._base_manager.filter(pk=self.instance.pk).first()
        if current is not None and current.lock_version != posted:
            self.report_conflict(current)

    def report_conflict(self, current):
        """Explain that ``current`` (the stored record) is newer than what the user edited."""
        self.conflict = True
        if current is None:
            self.add_error(None, _("Der Datensatz wurde inzwischen gelöscht. Es wurde nichts gespeichert."))
            return
        submitted = getattr(self, "cleaned_data", {}) or {}
        names = [n for n in self.fields if n != VERSION_FIELD and n in submitted]
        rows = changed_fields(current, submitted, names)
        messages = [_conflict_sentence(current)]
        messages += [
            _("%(field)s – jetzt gespeichert: „%(stored)s“, Ihre Eingabe: „%(mine)s“") % row for row in rows
        ]
        self.add_error(None, ValidationError(messages))
        if self.is_bound:
            data = self.data.copy()
            data[self.add_prefix(VERSION_FIELD)] = str(current.lock_version)
            self.data = data


def _ids_in_range(clean):
    """Wrap a choice field's ``clean``: a number beyond any stored id is no valid choice."""

    def checked(value):
        for item in value if isinstance(value, list | tuple) else [value]:
            if isinstance(item, str) and INTEGER.fullmatch(item) and _out_of_range(item):
                raise ValidationError(_("Keine gültige Auswahl."), code="out_of_range")
        return clean(value)

    return checked


def _out_of_range(text: str) -> bool:
    digits = text.strip().lstrip("+-")
    return len(digits) > 19 or abs(int(text)) > LARGEST_ID


def _conflict_sentence(current) -> str:
    latest = current.history.first() if hasattr(current, "history") else None
    who = ""
    if latest is not None and latest.history_user is not None:
        user = latest.history_user
        who = user.get_full_name() or user.get_username()
    params = {
        "obj": str(current),
        "who": who or _("jemand anderes"),
        "when": de_datetime(latest.history_date) if latest is not None else "",
    }
    return (
        _(
            "„%(obj)s“ wurde inzwischen von %(who)s am %(when)s geändert. Ihre Eingaben wurden nicht "
            "gespeichert und stehen unten noch im Formular. Prüfen Sie die gespeicherten Werte; wenn "
            "Sie Ihre Fassung trotzdem übernehmen wollen, speichern Sie erneut."
        )
        % params
    )


def save_or_conflict(form, **kwargs):
    """Save ``form`` in a savepoint; on a lost race, report the conflict and return None."""
    try:
        with transaction.atomic():
            return form.save(**kwargs)
    except StaleRecordError as exc:
        form.report_conflict(exc.current())
        return None


class FormRenderer(DjangoTemplates):
    """Every form and field renders through the accessible templates in ``core/templates/forms``.

    ``{{ form }}`` shows the error summary (focused, naming and linking each field), the note
    that explains the asterisk, and each field with its label, required marking, help text
    and error linked by id; ``{{ field.as_field_group }}`` renders one field the same way.
    """

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"

    def render(self, template_name, context, request=None):
        widget = context.get("widget") if isinstance(context, dict) else None
        if isinstance(widget, dict) and "optgroups" in widget:
            _german_empty_choice(widget)
        return super().render(template_name, context, request)


# Django's placeholder for "nothing chosen" (model fields with choices, ModelChoiceField).
DJANGO_EMPTY_LABEL = "---------"


def _german_empty_choice(widget: dict) -> None:
    """Replace Django's "---------" in a select or radio list by a German prompt.

    Done once here, where every form of every app is rendered: a required field asks to choose
    ("– bitte wählen –"), an optional one offers to leave it empty ("– keine Angabe –"). Other
    empty labels a form chose itself (a filter's "alle") stay as they are.
    """
    label = _("– bitte wählen –") if widget.get("required") else _("– keine Angabe –")
    for _group, options, _index in widget["optgroups"]:
        for option in options:
            if option.get("label") == DJANGO_EMPTY_LABEL and option.get("value") in ("", None):
                option["label"] = label
