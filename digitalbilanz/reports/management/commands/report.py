"""digitalbilanz report --municipality leverkusen --period 2023-H2 --audience public --format pdf -o FILE"""

import os
import sys
import tempfile

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from digitalbilanz.core.models import Municipality
from digitalbilanz.reports.changes import compare
from digitalbilanz.reports.models import Edition
from digitalbilanz.reports.periods import parse_period
from digitalbilanz.reports.render import FORMATS, RenderError, render
from digitalbilanz.reports.service import render_edition
from digitalbilanz.reports.snapshot import build_snapshot


class Command(BaseCommand):
    help = (
        "Erzeugt den Digitalisierungsbericht als PDF, HTML oder Excel. Gibt es eine veröffentlichte "
        "Ausgabe für Zeitraum und Zielgruppe, wird deren eingefrorene Datei ausgegeben; sonst "
        "(oder mit --aktuell) ein Bericht aus dem aktuellen Datenstand."
    )

    def add_arguments(self, parser):
        parser.add_argument("--municipality", required=True, help="Kurzname, z. B. leverkusen")
        parser.add_argument("--period", required=True, help="Berichtszeitraum, z. B. 2023-H2")
        parser.add_argument("--audience", choices=["public", "council"], default="public")
        parser.add_argument("--format", choices=FORMATS, default="pdf")
        parser.add_argument("-o", "--output", required=True, help="Zieldatei ('-' = Standardausgabe)")
        parser.add_argument("--aktuell", action="store_true", help="aktuellen Datenstand verwenden")

    def handle(self, *args, municipality, period, audience, format, output, aktuell, **options):
        town = Municipality.objects.filter(slug=municipality).first()
        if town is None:
            raise CommandError(f"Kommune „{municipality}“ nicht gefunden.")
        try:
            parse_period(period)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        try:
            content, source = self._content(town, period, audience, format, aktuell)
        except RenderError as exc:
            raise CommandError(str(exc)) from exc
        _write(output, content)
        if output != "-":
            self.stderr.write(f"{output}: {len(content):,} Byte ({source})".replace(",", "."))

    def _content(self, town, period, audience, fmt, fresh):
        edition = (
            Edition.objects.published()
            .filter(municipality=town, period=period, audience=audience)
            .order_by("-number")
            .first()
        )
        if edition is not None and not fresh:
            return render_edition(edition, fmt), f"veröffentlichte Ausgabe Nr. {edition.number}"
        snapshot = build_snapshot(town, period, audience)
        previous = (
            Edition.objects.published()
            .filter(municipality=town, audience=audience, period__lt=period)
            .order_by("-period", "-number")
            .first()
        )
        snapshot["changes"] = compare(previous.snapshot if previous else None, snapshot)
        return render(snapshot, fmt), "aktueller Datenstand, nicht veröffentlicht"


def _write(output, content):
    """Write atomically: a failed run never leaves a half-written file.

    The temporary file is private (mkstemp); the finished report gets the permissions of any new
    file (umask), so it can be shared or served like one.
    """
    if output == "-":
        sys.stdout.buffer.write(content)
        return
    directory = os.path.dirname(os.path.abspath(output))
    handle, tmp = tempfile.mkstemp(dir=directory, prefix=".bericht-")
    try:
        with os.fdopen(handle, "wb") as f:
            f.write(content)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, output)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0o022)  # reading the umask means setting it; restore it at once
    os.umask(mask)
    return mask
