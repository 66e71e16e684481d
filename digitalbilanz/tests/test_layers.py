"""The import graph points downward only (docs/architecture.md), checked on the source.

Layers: ``economics`` (no Django) and ``registry`` (no app) at the bottom; ``core``; the domain
apps; the publishing apps ``portal``, ``api`` and ``reports``, which never import each other;
``comparison`` above portal and API (the national pages reuse the portal's catalogue builder and
the API's endpoint conventions); and ``demo`` on top, which builds demo data with everything. No
app is imported from a lower layer, and no module imports a private (underscore) name from
another app. Tests may use anything.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PUBLISHING = {"portal", "api", "reports"}
DOMAIN = {"portfolio", "finance", "indicators", "workplaces", "contracts", "services", "testing_app"}
ALLOWED = {
    "economics": set(),
    "registry": set(),
    "core": {"economics", "registry"},
    **{app: {"economics", "registry", "core"} | DOMAIN for app in DOMAIN},
    **{app: {"economics", "registry", "core"} | DOMAIN for app in PUBLISHING},
    # the spreadsheet round-trip reads every module through the table registry only
    "roundtrip": {"economics", "registry", "core"},
    "comparison": {"economics", "registry", "core", "portal", "api"} | DOMAIN,
    "demo": {"economics", "registry", "core", "reports"} | DOMAIN,
}


def imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, None
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                yield node.lineno, node.module, alias.name


def source_files(app: str):
    for path in sorted((ROOT / app).rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if "tests" in parts or "migrations" in parts:
            continue
        yield path


def violations():
    found = []
    for app, allowed in ALLOWED.items():
        for path in source_files(app):
            for line, module, name in imports(path):
                where = f"{path.relative_to(ROOT)}:{line}"
                if app == "economics" and module.split(".")[0] == "django":
                    found.append(f"{where} economics imports Django ({module})")
                parts = module.split(".")
                if parts[0] != "digitalbilanz" or len(parts) < 2:
                    continue
                target = parts[1]
                if target == app or target not in ALLOWED:
                    continue
                if target not in allowed:
                    found.append(f"{where} {app} imports {module}")
                elif name and name.startswith("_") or any(p.startswith("_") for p in parts[2:]):
                    found.append(f"{where} {app} imports a private name {module}.{name}")
    return found


def test_imports_point_downward_and_never_at_private_names():
    assert violations() == []


def test_the_check_itself_finds_an_upward_import(tmp_path, monkeypatch):
    app = tmp_path / "core"
    app.mkdir()
    (app / "bad.py").write_text(
        "from digitalbilanz.portal.views import page\nfrom digitalbilanz.registry import _x\n"
    )
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", tmp_path)
    assert violations() == [
        "core/bad.py:1 core imports digitalbilanz.portal.views",
        "core/bad.py:2 core imports a private name digitalbilanz.registry._x",
    ]
