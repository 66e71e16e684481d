"""The OpenAPI 3.0 description of API v1, generated from the open-data table registry."""

from django.conf import settings

from digitalbilanz.api.forms_schema import body_schema
from digitalbilanz.api.listing import (
    CURSOR_MAX_LENGTH,
    CURSOR_PATTERN,
    DEFAULT_PAGE_SIZE,
    INT32_MAX,
    MAX_PAGE,
    MAX_PAGE_SIZE,
)
from digitalbilanz.api.writes import IF_MATCH_PATTERN
from digitalbilanz.registry.api import api_paths
from digitalbilanz.registry.tables import tables

TYPES = {
    "integer": {"type": "integer"},
    "number": {"type": "number"},
    "boolean": {"type": "boolean"},
    "date": {"type": "string", "format": "date"},
    "string": {"type": "string"},
}
ERRORS = {
    "400": "Ungültige Parameter oder Angaben (code invalid); code rule: jede Angabe ist für sich "
    "gültig, zusammen verletzen sie eine fachliche Regel über mehrere Felder oder Datensätze "
    "(z. B. Betrag oder Stunden, genau eins; Nummer schon vergeben; Jahr außerhalb des "
    "Betrachtungszeitraums)",
    "401": "API-Schlüssel ungültig oder erforderlich",
    "403": "Keine Berechtigung",
    "404": "Nicht gefunden",
    "409": "Konflikt mit dem gespeicherten Datensatz: von einem anderen Modul berechnet und nicht "
    "von Hand änderbar (code derived), die übergeordnete Zeile soll wechseln (code parent_fixed), "
    "oder ein solcher Datensatz besteht schon (code conflict)",
    "412": "Datensatz wurde inzwischen geändert (ETag veraltet); nichts gespeichert",
    "413": "Inhalt zu groß",
    "415": "Inhalt ist kein JSON (Content-Type: application/json)",
    "428": "Bearbeitungsstand fehlt (If-Match oder lock_version angeben)",
    "429": "Zu viele Anfragen ohne Schlüssel oder zu viele ungültige Schlüssel (Retry-After)",
}
IF_MATCH = {
    "name": "If-Match",
    "in": "header",
    "required": False,
    "description": 'ETag des gelesenen Datensatzes, z. B. "3" (oder Feld lock_version im Inhalt); '
    "Pflicht, eines von beiden.",
    "schema": {"type": "string", "pattern": IF_MATCH_PATTERN},
}
ETAG = {"ETag": {"description": "Bearbeitungsstand des Datensatzes", "schema": {"type": "string"}}}


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def json_content(schema, description):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def error_refs(*codes):
    return {code: {"$ref": f"#/components/responses/E{code}"} for code in codes}


def query_param(name, schema, description, where="query", required=False):
    return {
        "name": name,
        "in": where,
        "required": required,
        "description": str(description),
        "schema": schema,
    }


PAGING = [
    query_param(
        "page",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
        "Seite (ab 1); mit cursor zusammen gilt cursor; eine Seite hinter dem Ende: 404",
    ),
    query_param(
        "page_size",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": DEFAULT_PAGE_SIZE},
        "Einträge je Seite",
    ),
    query_param(
        "cursor",
        {"type": "string", "pattern": CURSOR_PATTERN, "maxLength": CURSOR_MAX_LENGTH},
        "Seitenweise nach Kennung (keyset): Wert aus dem Link next übernehmen, leer = von vorn. "
        "Stabil, wenn zwischen zwei Seiten Zeilen hinzukommen (bei berechneten Tabellen zählt er "
        "die gelieferten Zeilen). Hat Vorrang vor page.",
    ),
]
KEYSET_NOTE = (
    " Große Tabelle: ohne page wird nach Cursor geblättert (Reihenfolge nach Kennung, next enthält cursor)."
)
SLUG = query_param("slug", {"type": "string"}, "Kurzname der Kommune, z. B. leverkusen", "path", True)


def _row_schema(table):
    props = {}
    for c in table.columns:
        schema = dict(TYPES[c.type], nullable=True, title=str(c.title), description=str(c.description))
        props[c.name] = schema
    props["visibility"] = {
        "type": "string",
        "enum": ["public", "council", "internal"],
        "description": "Nur mit API-Schlüssel.",
    }
    return {"type": "object", "properties": props, "required": [table.primary_key]}


def _filter_schema(flt):
    if flt.type == "choice":
        return {"type": "string", "enum": list(flt.choices)}
    if flt.type == "integer":
        return {"type": "integer", "minimum": 0, "maximum": INT32_MAX}
    return dict(TYPES.get(flt.type, {"type": "string"}))


def _paths_for(table):
    name = table.name
    params = [SLUG] + PAGING + [query_param(f.param, _filter_schema(f), f.description) for f in table.filters]
    if table.search is not None:
        params.append(
            query_param("q", {"type": "string"}, "Volltextsuche (Titel, Beschreibung, Ziele, Nummer)")
        )
    page = {"allOf": [_ref("Page"), {"properties": {"results": {"type": "array", "items": _ref(name)}}}]}
    listing = {
        "get": {
            "summary": str(table.title),
            "description": str(table.description) + (KEYSET_NOTE if table.keyset else ""),
            "operationId": f"list_{name}",
            "parameters": params,
            "responses": {"200": json_content(page, "Liste"), **error_refs("400", "401", "404", "429")},
        }
    }
    key = table.columns[0]
    key_schema = {"type": "integer", "minimum": 0} if key.type == "integer" else {"type": "string"}
    row_id = query_param(
        "id", key_schema, "Kennung" if key.type == "integer" else str(key.title), "path", True
    )
    detail = {
        "get": {
            "summary": f"{table.title}: Eintrag",
            "operationId": f"get_{name}",
            "parameters": [SLUG, row_id],
            "responses": {"200": json_content(_ref(name), "Eintrag"), **error_refs("401", "404", "429")},
        }
    }
    if table.writes is not None:
        body = {"required": True, "content": {"application/json": {"schema": body_schema(table.writes)}}}
        changes = {"application/json": {"schema": body_schema(table.writes, create=False)}}
        listing["post"] = {
            "summary": f"{table.title}: anlegen",
            "operationId": f"create_{name}",
            "parameters": [SLUG],
            "security": [{"apiKey": []}],
            "requestBody": body,
            "responses": {
                "201": json_content(_ref(name), "Angelegt"),
                **error_refs("400", "401", "403", "404", "409", "413", "415", "429"),
            },
        }
        detail["patch"] = {
            "summary": f"{table.title}: ändern",
            "operationId": f"update_{name}",
            "parameters": [SLUG, row_id, IF_MATCH],
            "security": [{"apiKey": []}],
            "requestBody": {"required": True, "content": changes},
            "responses": {
                "200": {**json_content(_ref(name), "Geändert"), "headers": ETAG},
                **error_refs("400", "401", "403", "404", "409", "412", "413", "415", "428", "429"),
            },
        }
    paths = {f"/{{slug}}/{name}/": listing, f"/{{slug}}/{name}/{{id}}/": detail}
    if table.batch is not None:
        extra = table.batch.schemas
        row = {
            "type": "object",
            "properties": {
                f: {"type": t, **extra.get(f, {}), "description": str(d)} for f, t, d in table.batch.fields
            },
            "required": [f for f, _t, _d in table.batch.fields],
            "additionalProperties": False,
        }
        schema = {
            "type": "object",
            "required": ["rows"],
            "properties": {
                "rows": {"type": "array", "items": row, "minItems": 1, "maxItems": table.batch.max_rows}
            },
        }
        result = {
            "type": "object",
            "properties": {k: {"type": "integer"} for k in ("import_run", "created", "updated", "unchanged")},
        }
        paths[f"/{{slug}}/{name}/batch/"] = {
            "post": {
                "summary": f"{table.title}: Sammelschreibung",
                "description": "Alle Zeilen oder keine (Upsert über den fachlichen Schlüssel); bei einem "
                "Fehler 400 mit Zeile, Feld und Grund je Problem.",
                "operationId": f"batch_{name}",
                "parameters": [SLUG],
                "security": [{"apiKey": []}],
                "requestBody": {"required": True, "content": {"application/json": {"schema": schema}}},
                "responses": {
                    "200": json_content(result, "Übernommen"),
                    **error_refs("400", "401", "403", "404", "413", "415", "429"),
                },
            }
        }
    return paths


def _error_response(code, text):
    response = json_content(_ref("Error"), text)
    if code == "401":
        response["headers"] = {
            "WWW-Authenticate": {
                "description": 'Verlangtes Verfahren: Bearer realm="digitalbilanz-api"',
                "required": True,
                "schema": {"type": "string"},
            }
        }
    return response


def _components():
    error = {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["code", "message", "details"],
                "properties": {
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                    "details": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {"field": {"type": "string"}, "message": {"type": "string"}},
                        },
                    },
                },
            }
        },
    }
    page = {
        "type": "object",
        "required": ["count", "page_size", "results"],
        "description": "Eine Seite einer Liste; page nur beim Blättern nach Seitenzahl.",
        "properties": {
            "count": {"type": "integer"},
            "page": {"type": "integer"},
            "page_size": {"type": "integer"},
            "next": {"type": "string", "nullable": True},
            "previous": {"type": "string", "nullable": True},
            "results": {"type": "array", "items": {}},
        },
    }
    schemas = {"Error": error, "Page": page}
    schemas.update({t.name: _row_schema(t) for t in tables()})
    return {
        "schemas": schemas,
        "responses": {f"E{code}": _error_response(code, text) for code, text in ERRORS.items()},
        "securitySchemes": {
            "apiKey": {"type": "http", "scheme": "bearer", "description": "Authorization: Bearer db_…"}
        },
    }


def spec(server_url: str) -> dict:
    paths = {
        "/": {
            "get": {
                "summary": "Einstieg",
                "operationId": "index",
                "responses": {"200": {"description": "Links"}},
            }
        },
        "/municipalities/": {
            "get": {
                "summary": "Kommunen",
                "operationId": "list_municipalities",
                "parameters": PAGING,
                # 404: a page beyond the end, as in every other list
                "responses": {"200": {"description": "Liste"}, **error_refs("400", "404", "429")},
            }
        },
        "/{slug}/": {
            "get": {
                "summary": "Kommune mit Tabellen",
                "operationId": "get_municipality",
                "parameters": [SLUG],
                "responses": {"200": {"description": "Kommune"}, **error_refs("404", "429")},
            }
        },
    }
    for table in tables():
        paths.update(_paths_for(table))
    for extra in api_paths():
        paths[extra.path] = extra.operations()
    limit = settings.DIGITALBILANZ_API_ANON_RATE
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Digitalbilanz API",
            "version": "1.0.0",
            "description": (
                f"Öffentliche Daten ohne Schlüssel (höchstens {limit} Anfragen je Minute und "
                "Adresse); Rats- und interne Daten sowie Schreiben mit API-Schlüssel."
            ),
            "license": {"name": "EUPL-1.2"},
        },
        "servers": [{"url": server_url}],
        "paths": paths,
        "components": _components(),
    }
