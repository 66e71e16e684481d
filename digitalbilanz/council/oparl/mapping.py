"""Mapping of staged OParl objects into the council models, in dependency order.

Organization → Meeting (+ its embedded agenda items) → Paper (+ its embedded consultations and
files) → links between them (meeting bodies, related papers, agenda item ↔ consultation).

* Idempotent upserts on ``oparl_id`` (the normalised OParl ``id``): a row is written only if a
  mapped value differs, so a second run over the same data writes nothing and raises no data
  version.
* One bad object is recorded as a problem (row ``None``, column = its id) and skipped.
* A reference to an object that is not there (a person or body the server does not publish,
  a paper of another body) gets a placeholder at council level and a recorded problem.
* Levels: objects the public OParl interface publishes are public; an agenda item's and a
  consultation's level comes **only** from ``council.rules.visibility_for_public_flag`` (non-public
  and unknown → council); a deleted object (``deleted: true``) is marked deleted and internal,
  and so are the embedded objects of a deleted or re-published parent that no longer lists them.

Everything runs inside the caller's ``bulk_import(…, skip_bad=True)`` transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Model
from django.utils.translation import gettext as _

from digitalbilanz.core.choices import Visibility
from digitalbilanz.core.datachanges import data_changed
from digitalbilanz.council.choices import OrganizationKind
from digitalbilanz.council.models import AgendaItem, Consultation, Meeting, Organization, Paper, PaperFile
from digitalbilanz.council.rules import category_for_paper_type, is_deciding, visibility_for_public_flag

from .loader import GENERIC, Vendor, as_list, normalize_url, parse_date, parse_datetime

PUBLIC = Visibility.PUBLIC.value
COUNCIL = Visibility.COUNCIL.value
HIDDEN = Visibility.INTERNAL.value
BATCH = 500
_DELETION_FIELDS = ("deleted", "visibility", "oparl_modified")

_COUNCIL_NAMES = {
    "rat",
    "stadtrat",
    "gemeinderat",
    "ratsversammlung",
    "kreistag",
    "stadtverordnetenversammlung",
    "gemeindevertretung",
    "bürgerschaft",
    "parlament",
}
_KIND_KEYWORDS = (
    ("parlament", OrganizationKind.COUNCIL),
    ("fraktion", OrganizationKind.FACTION),
    ("ausschuss", OrganizationKind.COMMITTEE),
    ("gremium", OrganizationKind.COMMITTEE),
    ("beirat", OrganizationKind.COMMITTEE),
    ("verwaltung", OrganizationKind.ADMINISTRATION),
    ("dezernat", OrganizationKind.ADMINISTRATION),
    ("fachbereich", OrganizationKind.ADMINISTRATION),
)

_MIME_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "html": "text/html",
    "txt": "text/plain",
}


def organization_kind(classification: str | None, organization_type: str | None = None) -> str:
    """Our kind of a body from OParl ``classification`` (then ``organizationType``)."""
    for value in (classification, organization_type):
        lowered = (value or "").strip().lower()
        if lowered in _COUNCIL_NAMES:
            return OrganizationKind.COUNCIL.value
        for keyword, kind in _KIND_KEYWORDS:
            if keyword in lowered:
                return kind.value
    return OrganizationKind.OTHER.value


def is_council_body(classification: str | None) -> bool:
    """The main council: OParl classification "Parlament" (or a council name)."""
    return organization_kind(classification) == OrganizationKind.COUNCIL.value


def public_flag(value) -> bool | None:
    """OParl ``public``: only a real boolean (or an unambiguous string) counts; else unknown."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in ("true", "ja", "öffentlich", "1"):
            return True
        if lowered in ("false", "nein", "nichtöffentlich", "nicht öffentlich", "0"):
            return False
    return None


def flag(value) -> bool | None:
    return value if isinstance(value, bool) else public_flag(value)


def text(value, limit: int) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    return str(value).strip()[:limit]


def url(value, limit: int = 1000) -> str:
    value = text(value, limit + 1)
    return value if value.startswith(("http://", "https://")) and len(value) <= limit else ""


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0

    def add(self, other: Counts) -> None:
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.deleted += other.deleted


@dataclass
class Mapper:
    """Maps one run's objects for one municipality. ``problem(id, message)`` records a skip."""

    municipality: object
    run: object
    vendor: Vendor = GENERIC
    tz: dt.tzinfo | None = None
    counts: Counts = field(default_factory=Counts)
    per_type: dict = field(default_factory=dict)
    names: dict = field(default_factory=dict)  # person/organisation id → name (originators)

    def problem(self, oparl_id: str, message: str) -> None:
        self.run.problem(None, oparl_id, message)

    def key(self, value) -> str:
        return normalize_url(value if isinstance(value, str) else None, self.vendor)

    def moment(self, value):
        return parse_datetime(value, self.tz)

    # ------------------------------------------------------------------ generic upsert

    def upsert(self, model: type[Model], rows: dict[str, dict], label: str) -> dict[str, int]:
        """Create or update ``rows`` ({oparl_id: field values}); return {oparl_id: pk} of all
        rows of the model in this municipality. Unchanged rows are not written."""
        fields = sorted({name for values in rows.values() for name in values})
        existing = {
            row["oparl_id"]: row
            for row in model.objects.filter(municipality=self.municipality)
            .exclude(oparl_id="")
            .values("pk", "oparl_id", *fields)
        }
        new, changed, counts = [], [], Counts()
        for oparl_id, values in rows.items():
            current = existing.get(oparl_id)
            if current is None:
                new.append(
                    model(municipality=self.municipality, oparl_id=oparl_id, import_run=self.run, **values)
                )
                counts.created += 1
            else:
                if values.get("deleted"):  # a deleted stub: keep what we know, mark it deleted
                    values = {name: values[name] for name in _DELETION_FIELDS if name in values}
                if not any(current[name] != value for name, value in values.items()):
                    counts.unchanged += 1
                    continue
                merged = {name: current[name] for name in fields}
                merged.update(values)
                obj = model(pk=current["pk"], municipality=self.municipality, oparl_id=oparl_id, **merged)
                obj.import_run = self.run
                changed.append(obj)
                if values.get("deleted") and not current.get("deleted"):
                    counts.deleted += 1
                else:
                    counts.updated += 1
        if new:
            model.objects.bulk_create(new, batch_size=BATCH)
        if changed:
            model.objects.bulk_update(changed, [*fields, "import_run"], batch_size=BATCH)
        self.counts.add(counts)
        self.per_type.setdefault(label, Counts()).add(counts)
        ids = {oparl_id: row["pk"] for oparl_id, row in existing.items()}
        if new:
            ids.update(
                model.objects.filter(
                    municipality=self.municipality, oparl_id__in=[o.oparl_id for o in new]
                ).values_list("oparl_id", "pk")
                if len(new) < BATCH
                else model.objects.filter(municipality=self.municipality).values_list("oparl_id", "pk")
            )
        return ids

    def hide_missing(
        self, model, parent_field: str, parent_pks: set[int], keep: set[str], label: str
    ) -> None:
        """Embedded children of the given parents that the parent no longer lists: deleted, hidden."""
        if not parent_pks:
            return
        stale = list(
            model.objects.filter(municipality=self.municipality, deleted=False)
            .filter(**{f"{parent_field}__in": parent_pks})
            .exclude(oparl_id__in=keep)
            .values_list("pk", flat=True)
            if len(keep) < BATCH
            else [
                pk
                for pk, oparl_id in model.objects.filter(municipality=self.municipality, deleted=False)
                .filter(**{f"{parent_field}__in": parent_pks})
                .values_list("pk", "oparl_id")
                if oparl_id not in keep
            ]
        )
        if stale:
            model.objects.filter(pk__in=stale).update(deleted=True, visibility=HIDDEN, import_run=self.run)
            self.counts.deleted += len(stale)
            self.per_type.setdefault(label, Counts()).deleted += len(stale)

    def placeholder(self, model, oparl_id: str, ids: dict, label: str, referrer: str, **values) -> int:
        """A council-level stand-in for a referenced object that is not there."""
        self.problem(
            referrer,
            _("%(what)s %(id)s ist nicht abrufbar; Platzhalter angelegt.") % {"what": label, "id": oparl_id},
        )
        obj = model.objects.create(
            municipality=self.municipality,
            oparl_id=oparl_id,
            import_run=self.run,
            visibility=COUNCIL,
            **values,
        )
        ids[oparl_id] = obj.pk
        self.counts.created += 1
        return obj.pk

    def sync_m2m(self, through, left: str, right: str, wanted: dict[int, set[int]]) -> None:
        """Make the m2m rows of the given left pks exactly ``wanted`` (only where they differ)."""
        if not wanted:
            return
        have: dict[int, set[int]] = {}
        pks = list(wanted)
        for start in range(0, len(pks), BATCH):
            for a, b in through.objects.filter(**{f"{left}__in": pks[start : start + BATCH]}).values_list(
                left, right
            ):
                have.setdefault(a, set()).add(b)
        add, remove = [], []
        for a, targets in wanted.items():
            current = have.get(a, set())
            add.extend(through(**{left: a, right: b}) for b in targets - current)
            remove.extend((a, b) for b in current - targets)
        if add:
            through.objects.bulk_create(add, batch_size=BATCH)
        for a, b in remove:
            through.objects.filter(**{left: a, right: b}).delete()
        if add or remove:
            data_changed(self.municipality)

    # ------------------------------------------------------------------ the steps

    def map_all(self, objects: dict[str, list[dict]]) -> None:
        for person in objects.get("person", []):
            if isinstance(person, dict) and person.get("id") and person.get("name"):
                self.names[self.key(person["id"])] = text(person["name"], 200)
        org_ids = self.organizations(objects.get("organization", []))
        meeting_ids, agenda = self.meetings(objects.get("meeting", []), org_ids)
        self.papers(objects.get("paper", []), org_ids, meeting_ids, agenda)

    def _dedupe(self, items: list[dict], label: str) -> dict[str, dict]:
        """Objects by normalised id; the later ``modified`` wins when an id comes twice."""
        result: dict[str, dict] = {}
        for obj in items:
            if not isinstance(obj, dict):
                continue
            oparl_id = self.key(obj.get("id"))
            if not oparl_id:
                self.problem(
                    text(obj.get("name"), 200) or label,
                    _("%(what)s ohne id; übersprungen.") % {"what": label},
                )
                continue
            previous = result.get(oparl_id)
            if previous is None or (self.moment(obj.get("modified")) or _MIN) >= (
                self.moment(previous.get("modified")) or _MIN
            ):
                result[oparl_id] = obj
        return result

    def organizations(self, items: list[dict]) -> dict[str, int]:
        rows = {}
        for oparl_id, obj in self._dedupe(items, "Gremium").items():
            try:
                deleted = bool(obj.get("deleted"))
                classification = text(obj.get("classification"), 200)
                name = text(obj.get("name"), 500) or text(obj.get("shortName"), 500)
                if not name and not deleted:
                    self.problem(oparl_id, _("Gremium ohne Namen; übersprungen."))
                    continue
                rows[oparl_id] = {
                    "name": name or _("(gelöscht)"),
                    "short_name": text(obj.get("shortName"), 100),
                    "kind": organization_kind(classification, text(obj.get("organizationType"), 200)),
                    "classification_raw": classification,
                    "oparl_modified": self.moment(obj.get("modified")),
                    "deleted": deleted,
                    "visibility": HIDDEN if deleted else PUBLIC,
                }
                self.names[oparl_id] = rows[oparl_id]["name"]
            except (TypeError, ValueError, AttributeError) as error:
                self.problem(oparl_id, _("Gremium nicht lesbar (%(e)s); übersprungen.") % {"e": error})
        ids = self.upsert(Organization, rows, "organization")
        for oparl_id, name in Organization.objects.filter(municipality=self.municipality).values_list(
            "oparl_id", "name"
        ):
            self.names.setdefault(oparl_id, name)
        self._council_bodies = set(
            Organization.objects.filter(
                municipality=self.municipality, kind=OrganizationKind.COUNCIL
            ).values_list("oparl_id", flat=True)
        )
        return ids

    def meetings(self, items: list[dict], org_ids: dict) -> tuple[dict, dict]:
        rows, bodies, embedded = {}, {}, {}
        for oparl_id, obj in self._dedupe(items, "Sitzung").items():
            try:
                deleted = bool(obj.get("deleted"))
                location = obj.get("location")
                if isinstance(location, dict):
                    location = location.get("description") or location.get("room")
                rows[oparl_id] = {
                    "name": text(obj.get("name"), 500) or _("Sitzung"),
                    "start": self.moment(obj.get("start")),
                    "end": self.moment(obj.get("end")),
                    "cancelled": bool(flag(obj.get("cancelled"))),
                    "location": text(location, 500),
                    "web": url(obj.get("web")),
                    "oparl_modified": self.moment(obj.get("modified")),
                    "deleted": deleted,
                    "visibility": HIDDEN if deleted else PUBLIC,
                }
                bodies[oparl_id] = [self.key(o) for o in as_list(obj.get("organization")) if self.key(o)]
                embedded[oparl_id] = (deleted, as_list(obj.get("agendaItem")))
            except (TypeError, ValueError, AttributeError) as error:
                self.problem(oparl_id, _("Sitzung nicht lesbar (%(e)s); übersprungen.") % {"e": error})
        ids = self.upsert(Meeting, rows, "meeting")
        wanted = {}
        for oparl_id, refs in bodies.items():
            pks = set()
            for ref in refs:
                pk = org_ids.get(ref) or self.placeholder(
                    Organization, ref, org_ids, _("Gremium"), oparl_id, name=_("Gremium (nicht abrufbar)")
                )
                pks.add(pk)
            wanted[ids[oparl_id]] = pks
        self.sync_m2m(Meeting.organizations.through, "meeting_id", "organization_id", wanted)
        return ids, self.prepare_agenda_items(embedded, ids)

    def prepare_agenda_items(self, embedded: dict, meeting_ids: dict) -> dict:
        """Rows of the agenda items of the mapped meetings, written after the consultations
        (so that each is written once, with its consultation)."""
        rows, refs, keep, parents = {}, {}, set(), set()
        for meeting_id, (meeting_deleted, items) in embedded.items():
            meeting_pk = meeting_ids[meeting_id]
            parents.add(meeting_pk)
            ranked = []
            for index, item in enumerate(items):
                if not isinstance(item, dict):
                    self.problem(meeting_id, _("Tagesordnungspunkt ist kein Objekt; übersprungen."))
                    continue
                order = item.get("order")
                order = order if isinstance(order, int) and not isinstance(order, bool) else None
                ranked.append((order if order is not None else index, index, item))
            ranked.sort(key=lambda entry: (entry[0], entry[1]))
            for rank, (_order, index, item) in enumerate(ranked, start=1):
                oparl_id = self.key(item.get("id")) or f"{meeting_id}#agendaItem-{index + 1}"
                if oparl_id in rows:
                    self.problem(oparl_id, _("Tagesordnungspunkt doppelt; der zweite wurde übersprungen."))
                    continue
                public = public_flag(item.get("public"))
                deleted = meeting_deleted or bool(item.get("deleted"))
                rows[oparl_id] = {
                    "meeting_id": meeting_pk,
                    "number": text(item.get("number"), 50),
                    "order": rank,
                    "name": text(item.get("name"), 1000) or _("(ohne Bezeichnung)"),
                    "public": public,
                    "result": text(item.get("result"), 500),
                    "resolution_text": text(item.get("resolutionText"), 100_000),
                    "oparl_modified": self.moment(item.get("modified")),
                    "deleted": deleted,
                    "visibility": HIDDEN if deleted else visibility_for_public_flag(public),
                }
                refs[oparl_id] = (public, self.key(item.get("consultation")))
                keep.add(oparl_id)
        return {"rows": rows, "refs": refs, "keep": keep, "parents": parents}

    def agenda_items(self, agenda: dict, consultation_ids: dict) -> None:
        """Write the prepared agenda items, each linked to its consultation — named by the
        agenda item (``consultation``) or by the consultation (``agendaItem``)."""
        rows, refs = agenda["rows"], agenda["refs"]
        by_agenda = {ref: cid for cid, ref in self._consultation_agenda.items() if ref}
        lookup = dict(consultation_ids)
        for oparl_id, values in rows.items():
            ref = refs[oparl_id][1] or by_agenda.get(oparl_id)
            target = None
            if ref:
                target = lookup.get(ref)
                if target is None and ref not in lookup:
                    if not self._all_consultations_loaded:
                        lookup.update(
                            Consultation.objects.filter(municipality=self.municipality).values_list(
                                "oparl_id", "pk"
                            )
                        )
                        self._all_consultations_loaded = True
                    target = lookup.get(ref)
                    if target is None:
                        lookup[ref] = None
                        self.problem(
                            oparl_id, _("Beratung %(id)s ist nicht abrufbar; nicht verknüpft.") % {"id": ref}
                        )
            values["consultation_id"] = target
        self.upsert(AgendaItem, rows, "agendaItem")
        self.hide_missing(AgendaItem, "meeting_id", agenda["parents"], agenda["keep"], "agendaItem")
        # consultations of this run naming an agenda item of a meeting not read in this run
        outside = {
            ref: lookup[cid] for cid, ref in self._consultation_agenda.items() if ref and ref not in rows
        }
        if outside:
            stale = [
                AgendaItem(pk=pk, municipality=self.municipality, consultation_id=outside[oparl_id])
                for pk, oparl_id, current in AgendaItem.objects.filter(
                    municipality=self.municipality, oparl_id__in=list(outside)[:BATCH]
                ).values_list("pk", "oparl_id", "consultation_id")
                if current != outside[oparl_id]
            ]
            if stale:
                AgendaItem.objects.bulk_update(stale, ["consultation"], batch_size=BATCH)

    def papers(self, items: list[dict], org_ids: dict, meeting_ids: dict, agenda: dict) -> None:
        rows, related, consultations, files = {}, {}, {}, {}
        for oparl_id, obj in self._dedupe(items, "Vorlage").items():
            try:
                deleted = bool(obj.get("deleted"))
                paper_type = text(obj.get("paperType"), 200)
                originators = [
                    *(self.names.get(self.key(r)) for r in as_list(obj.get("originatorOrganization"))),
                    *(self.names.get(self.key(r)) for r in as_list(obj.get("originatorPerson"))),
                ]
                lead = [self.names.get(self.key(r)) for r in as_list(obj.get("underDirectionOf"))]
                rows[oparl_id] = {
                    "reference": text(obj.get("reference"), 100),
                    "name": text(obj.get("name"), 1000)
                    or text(obj.get("reference"), 1000)
                    or _("(ohne Titel)"),
                    "date": parse_date(obj.get("date")),
                    "paper_type_raw": paper_type,
                    "category": category_for_paper_type(paper_type),
                    "originators": ", ".join(n for n in originators if n),
                    "lead_department": ", ".join(n for n in lead if n),
                    "web": url(obj.get("web")),
                    "oparl_modified": self.moment(obj.get("modified")),
                    "deleted": deleted,
                    "visibility": HIDDEN if deleted else PUBLIC,
                }
                related[oparl_id] = {
                    self.key(r)
                    for name in ("relatedPaper", "superordinatedPaper", "subordinatedPaper")
                    for r in as_list(obj.get(name))
                    if self.key(r) and self.key(r) != oparl_id
                }
                consultations[oparl_id] = (deleted, as_list(obj.get("consultation")))
                main = [obj.get("mainFile")] if obj.get("mainFile") else []
                files[oparl_id] = (deleted, main, as_list(obj.get("auxiliaryFile")))
            except (TypeError, ValueError, AttributeError) as error:
                self.problem(oparl_id, _("Vorlage nicht lesbar (%(e)s); übersprungen.") % {"e": error})
        ids = self.upsert(Paper, rows, "paper")
        wanted = {}
        for oparl_id, refs in related.items():
            wanted[ids[oparl_id]] = {
                ids.get(ref)
                or self.placeholder(
                    Paper, ref, ids, _("Vorlage"), oparl_id, name=_("Vorlage (nicht abrufbar)")
                )
                for ref in refs
            }
        self.sync_m2m(Paper.related_papers.through, "from_paper_id", "to_paper_id", wanted)
        consultation_ids = self.consultations(consultations, ids, org_ids, meeting_ids, agenda)
        self.agenda_items(agenda, consultation_ids)
        self.files(files, ids)

    def consultations(self, embedded, paper_ids, org_ids, meeting_ids, agenda) -> dict:
        agenda_public = {oparl_id: public for oparl_id, (public, _ref) in agenda["refs"].items()}
        # The link may be given from the agenda item's side only (its ``consultation``).
        public_by_consultation = {ref: public for (public, ref) in agenda["refs"].values() if ref}
        missing = {
            ref
            for _d, items in embedded.values()
            for item in items
            if isinstance(item, dict)
            for ref in [self.key(item.get("agendaItem"))]
            if ref and ref not in agenda_public
        }
        if missing:
            agenda_public.update(
                AgendaItem.objects.filter(municipality=self.municipality, oparl_id__in=missing).values_list(
                    "oparl_id", "public"
                )
                if len(missing) < BATCH
                else AgendaItem.objects.filter(municipality=self.municipality).values_list(
                    "oparl_id", "public"
                )
            )
        rows, keep, parents = {}, set(), set()
        for paper_id, (paper_deleted, items) in embedded.items():
            paper_pk = paper_ids[paper_id]
            parents.add(paper_pk)
            for index, item in enumerate(items):
                if not isinstance(item, dict):
                    self.problem(paper_id, _("Beratung nur als Verweis geliefert; übersprungen."))
                    continue
                oparl_id = self.key(item.get("id")) or f"{paper_id}#consultation-{index + 1}"
                if oparl_id in rows:
                    self.problem(oparl_id, _("Beratung doppelt; die zweite wurde übersprungen."))
                    continue
                meeting_ref = self.key(item.get("meeting"))
                meeting_pk = None
                if meeting_ref:
                    meeting_pk = meeting_ids.get(meeting_ref) or self._existing(
                        Meeting, meeting_ref, meeting_ids
                    )
                    if meeting_pk is None:
                        meeting_pk = self.placeholder(
                            Meeting,
                            meeting_ref,
                            meeting_ids,
                            _("Sitzung"),
                            oparl_id,
                            name=_("Sitzung (nicht abrufbar)"),
                        )
                bodies = [self.key(o) for o in as_list(item.get("organization")) if self.key(o)]
                org_pk = None
                if bodies:
                    org_pk = org_ids.get(bodies[0]) or self.placeholder(
                        Organization,
                        bodies[0],
                        org_ids,
                        _("Gremium"),
                        oparl_id,
                        name=_("Gremium (nicht abrufbar)"),
                    )
                role = text(item.get("role"), 200)
                deleted = paper_deleted or bool(item.get("deleted"))
                agenda_ref = self.key(item.get("agendaItem"))
                public = agenda_public.get(agenda_ref) if agenda_ref else public_by_consultation.get(oparl_id)
                rows[oparl_id] = {
                    "paper_id": paper_pk,
                    "meeting_id": meeting_pk,
                    "organization_id": org_pk,
                    "role": role,
                    "authoritative": is_deciding(
                        flag(item.get("authoritative")),
                        role,
                        bool(bodies) and bodies[0] in self._council_bodies,
                    ),
                    "order": index + 1,
                    "oparl_modified": self.moment(item.get("modified")),
                    "deleted": deleted,
                    "visibility": HIDDEN if deleted else visibility_for_public_flag(public),
                }
                self._consultation_agenda[oparl_id] = self.key(item.get("agendaItem"))
                keep.add(oparl_id)
        ids = self.upsert(Consultation, rows, "consultation")
        self.hide_missing(Consultation, "paper_id", parents, keep, "consultation")
        return {oparl_id: ids[oparl_id] for oparl_id in rows}

    def _existing(self, model, oparl_id: str, ids: dict) -> int | None:
        pk = model.objects.filter(municipality=self.municipality, oparl_id=oparl_id).values_list(
            "pk", flat=True
        )
        pk = next(iter(pk), None)
        if pk is not None:
            ids[oparl_id] = pk
        return pk

    def files(self, embedded, paper_ids) -> None:
        rows, keep, parents = {}, set(), set()
        for paper_id, (paper_deleted, main, auxiliary) in embedded.items():
            parents.add(paper_ids[paper_id])
            for index, (is_main, item) in enumerate(
                [(True, f) for f in main] + [(False, f) for f in auxiliary]
            ):
                if not isinstance(item, dict):
                    self.problem(paper_id, _("Datei nur als Verweis geliefert; übersprungen."))
                    continue
                # The same file may belong to several papers: the key is scoped by the paper.
                file_id = self.key(item.get("id")) or f"file-{index + 1}"
                oparl_id = f"{paper_id}#{file_id}"[:1000]
                access = url(item.get("accessUrl")) or url(item.get("downloadUrl"))
                if not access:
                    self.problem(oparl_id, _("Datei ohne Adresse (accessUrl); übersprungen."))
                    continue
                if oparl_id in rows:
                    continue
                mime = text(item.get("mimeType"), 200)
                deleted = paper_deleted or bool(item.get("deleted"))
                rows[oparl_id] = {
                    "paper_id": paper_ids[paper_id],
                    "name": text(item.get("name"), 1000) or text(item.get("fileName"), 1000) or _("Datei"),
                    "access_url": access,
                    "mime_type": _MIME_TYPES.get(mime.lower(), mime),
                    "main": is_main,
                    "oparl_modified": self.moment(item.get("modified")),
                    "deleted": deleted,
                    "visibility": HIDDEN if deleted else PUBLIC,
                }
                keep.add(oparl_id)
        self.upsert(PaperFile, rows, "file")
        self.hide_missing(PaperFile, "paper_id", parents, keep, "file")

    def __post_init__(self):
        self._council_bodies: set[str] = set()
        self._consultation_agenda: dict[str, str] = {}
        self._all_consultations_loaded = False


_MIN = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
