"""The ``digitalbilanz`` console command: domain tasks beside Django's manage.py.

digitalbilanz setup            migrate the database and collect static files
digitalbilanz demo [--reset]   load the Leverkusen demo (idempotent)
digitalbilanz serve [ADDR]     serve the application (default 127.0.0.1:8000)
digitalbilanz municipality create SLUG --name NAME [--type Stadt|Gemeinde|Kreis]
                     [--ags AGS] [--ars ARS] [--admin USERNAME --email EMAIL]
digitalbilanz appraise --municipality leverkusen [--measure M-03] [--json]
digitalbilanz report --municipality leverkusen --period 2023-H2 --audience public
                     --format pdf|html|xlsx -o FILE [--aktuell]
digitalbilanz backup -o FILE     database, report files and uploads into one archive (tar.gz)
digitalbilanz restore FILE [--force]   restore an archive into an empty database
digitalbilanz import-oparl SYSTEM_URL --municipality SLUG [--body ID] [--since DATETIME] [--full]
                     import the council data from the council information system (OParl)
digitalbilanz manage ARGS...   any Django management command
digitalbilanz COMMAND ARGS...  any other command is passed to the Django management command of
                     that name (``import-oparl`` → ``import_oparl``)
"""

import os
import sys

USAGE = __doc__


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digitalbilanz.settings")
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(USAGE)
        return 0
    import django
    from django.core.management import call_command, execute_from_command_line

    command, rest = argv[0], argv[1:]
    if command == "manage":
        execute_from_command_line(["digitalbilanz", *rest])
        return 0
    django.setup()
    if command == "setup":
        from django.conf import settings

        os.makedirs(settings.VAR_DIR, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=1)
        call_command("collectstatic", interactive=False, verbosity=0)
        return 0
    if command == "demo":
        call_command("load_demo", *rest)
        return 0
    if command == "serve":
        address = rest[0] if rest else "127.0.0.1:8000"
        execute_from_command_line(["digitalbilanz", "runserver", "--noreload", address])
        return 0
    name = _management_command(command)
    if name is not None:
        execute_from_command_line(["digitalbilanz", name, *rest])
        return 0
    print(f"Unbekannter Befehl: {command}\n{USAGE}", file=sys.stderr)
    return 2


def _management_command(command: str) -> str | None:
    """The Django management command a subcommand names (hyphens as underscores), if any."""
    from django.core.management import get_commands

    commands = get_commands()
    for name in (command, command.replace("-", "_")):
        if name in commands:
            return name
    return None


if __name__ == "__main__":
    sys.exit(main())
