"""A local fake OParl server for tests and the benchmark (127.0.0.1, random port, a thread).

::

    with FakeOParl() as server:
        server.add_body(papers=50, page_size=20)           # a generated body with pagination
        import_oparl(town, server.url("/system"))
        server.override("/body/1/paper", status=500, times=2)    # two spurious 500s, then normal

Objects live in ``server.lists[name]`` (dicts with ``id``/``modified``); list endpoints serve
them in pages with ``links.next`` and honour ``modified_since``. ``server.requests`` records
every request path with its raw query.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SCHEMA = "https://schema.oparl.org/1.1/"
EXAMPLES = Path(__file__).resolve().parent / "tests" / "fixtures" / "oparl-examples"
EXAMPLE_ORIGIN = "https://oparl.example.org"


class FakeOParl:
    def __init__(self):
        self.routes: dict[str, object] = {}  # path → JSON value (object) or "list:<name>"
        self.lists: dict[str, list[dict]] = {}
        self.page_sizes: dict[str, int] = {}
        self.overrides: dict[str, list] = {}
        self.requests: list[str] = []
        self.reject_encoded_since = False  # SessionNet: 400 for %3A/%2B or microseconds
        self.empty_as_404 = False  # SD.NET: an empty list answers 404 with a vendor error JSON
        self.empty_as_bare_list = False  # SD.NET: an empty list is a bare []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    # ---- lifecycle

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    # ---- content

    def object(self, path: str, value: dict) -> None:
        self.routes[path] = value

    def list(self, path: str, name: str, items: list[dict], page_size: int = 100) -> None:
        self.routes[path] = f"list:{name}"
        self.lists[name] = items
        self.page_sizes[name] = page_size

    def override(
        self,
        path: str,
        *,
        status=200,
        body=b"",
        content_type="application/json",
        times=1,
        delay=0.0,
        location="",
    ):
        """The next ``times`` requests of ``path`` (without query) get this answer instead."""
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
        elif isinstance(body, str):
            body = body.encode()
        self.overrides.setdefault(path, []).extend([(status, body, content_type, delay, location)] * times)

    def load_examples(self) -> None:
        """The official OParl examples, their URLs pointing at this server."""

        def read(name):
            text = (EXAMPLES / f"{name}-01.json").read_text(encoding="utf-8")
            return json.loads(text.replace(EXAMPLE_ORIGIN, self.base))

        system = read("System")
        self.object("/", system)
        body = read("Body")
        self.list("/bodies", "bodies", [body])
        self.list("/body/0/organizations/", "organization", [read("Organization")])
        self.list("/body/0/persons/", "person", [read("Person")])
        self.list("/body/0/meetings/", "meeting", [read("Meeting")])
        self.list("/body/0/papers/", "paper", [read("Paper")])

    def add_body(
        self,
        *,
        papers: int = 30,
        page_size: int = 10,
        system: dict | None = None,
        consultations: int = 2,
        meetings: int | None = None,
    ) -> dict:
        """A generated body: council, committees, factions, meetings with agenda items and
        ``papers`` papers with ``consultations`` consultations each (every second agenda item
        without ``public``, every fifth non-public), all at ``/system``."""
        base = self.base
        stamp = "2024-01-10T10:00:00+01:00"
        self.object(
            "/system",
            {
                "id": f"{base}/system",
                "type": SCHEMA + "System",
                "oparlVersion": SCHEMA,
                "body": f"{base}/bodies",
                "name": "Fake-RIS",
                "created": stamp,
                "modified": stamp,
                **(system or {}),
            },
        )
        body = {
            "id": f"{base}/body/1",
            "type": SCHEMA + "Body",
            "name": "Stadt Fakestadt",
            "system": f"{base}/system",
            "organization": f"{base}/body/1/organization",
            "person": f"{base}/body/1/person",
            "meeting": f"{base}/body/1/meeting",
            "paper": f"{base}/body/1/paper",
            "created": stamp,
            "modified": stamp,
        }
        self.list("/bodies", "bodies", [body])
        orgs = [
            org(base, 1, "Rat der Stadt", "Parlament", stamp),
            org(base, 2, "Ausschuss für Finanzen und Digitalisierung", "Ausschuss", stamp),
            org(base, 3, "Fraktion Beispiel", "Fraktion", stamp),
        ]
        self.list("/body/1/organization", "organization", orgs, page_size)
        self.list(
            "/body/1/person",
            "person",
            [
                {
                    "id": f"{base}/person/1",
                    "type": SCHEMA + "Person",
                    "name": "Erika Muster",
                    "created": stamp,
                    "modified": stamp,
                }
            ],
            page_size,
        )
        meeting_count = meetings if meetings is not None else max(1, papers // 10)
        meeting_list = []
        for m in range(1, meeting_count + 1):
            meeting_list.append(
                {
                    "id": f"{base}/meeting/{m}",
                    "type": SCHEMA + "Meeting",
                    "name": f"{m}. Sitzung",
                    "start": "2023-09-18T17:00:00+02:00",
                    "organization": [f"{base}/organization/{1 + m % 2}"],
                    "agendaItem": [],
                    "created": stamp,
                    "modified": stamp,
                }
            )
        paper_list = []
        for p in range(1, papers + 1):
            cons = []
            for c in range(consultations):
                m = (p + c) % meeting_count + 1
                item_id = f"{base}/agendaitem/{p}-{c}"
                item = {
                    "id": item_id,
                    "type": SCHEMA + "AgendaItem",
                    "number": f"{p}.{c}",
                    "order": len(meeting_list[m - 1]["agendaItem"]) + 1,
                    "name": f"Vorlage {p}",
                    "consultation": f"{base}/consultation/{p}-{c}",
                    "result": "zur Kenntnis genommen",
                    "created": stamp,
                    "modified": stamp,
                }
                if p % 5 == 0:
                    item["public"] = False
                elif p % 2 == 0:
                    item["public"] = True  # odd ones: no flag (unknown)
                meeting_list[m - 1]["agendaItem"].append(item)
                cons.append(
                    {
                        "id": f"{base}/consultation/{p}-{c}",
                        "type": SCHEMA + "Consultation",
                        "meeting": f"{base}/meeting/{m}",
                        "agendaItem": item_id,
                        "organization": [f"{base}/organization/{1 if c == consultations - 1 else 2}"],
                        "role": "Vorberatung" if c < consultations - 1 else "",
                        "created": stamp,
                        "modified": stamp,
                    }
                )
            kind = ("Antrag", "Anfrage", "Beschlussvorlage", "Mitteilung", "Stellungnahme der Verwaltung")[
                p % 5
            ]
            paper_list.append(
                {
                    "id": f"{base}/paper/{p}",
                    "type": SCHEMA + "Paper",
                    "name": f"Vorlage Nummer {p}",
                    "reference": f"2023/{p:05d}",
                    "date": "2023-08-02",
                    "paperType": kind,
                    "originatorOrganization": [f"{base}/organization/3"],
                    "originatorPerson": [f"{base}/person/1"],
                    "relatedPaper": [f"{base}/paper/{p - 1}"] if p > 1 and p % 5 == 4 else [],
                    "mainFile": {
                        "id": f"{base}/file/{p}",
                        "type": SCHEMA + "File",
                        "name": f"Vorlage {p}",
                        "accessUrl": f"{base}/file/{p}.pdf",
                        "mimeType": "application/pdf",
                    },
                    "consultation": cons,
                    "created": stamp,
                    "modified": stamp,
                }
            )
        self.list("/body/1/meeting", "meeting", meeting_list, page_size)
        self.list("/body/1/paper", "paper", paper_list, page_size)
        return body

    def touch(self, name: str, obj: dict, modified: dt.datetime | None = None) -> None:
        """Mark ``obj`` of list ``name`` as changed now (for ``modified_since``)."""
        obj["modified"] = (modified or dt.datetime.now(dt.UTC)).isoformat()

    # ---- HTTP

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                parts = urllib.parse.urlsplit(self.path)
                with fake._lock:
                    fake.requests.append(self.path)
                    queue = fake.overrides.get(parts.path)
                    answer = queue.pop(0) if queue else None
                if answer is not None:
                    status, body, content_type, delay, location = answer
                    if delay:
                        time.sleep(delay)
                    return self._send(status, body, content_type, location)
                route = fake.routes.get(parts.path)
                if route is None:
                    return self._send(404, b'{"error": "not found"}', "application/json")
                if isinstance(route, str) and route.startswith("list:"):
                    return self._list(route[5:], parts)
                return self._send(200, json.dumps(route).encode(), "application/json")

            def _list(self, name, parts):
                raw = parts.query
                if fake.reject_encoded_since and ("%3A" in raw.upper() or "%2B" in raw.upper() or "." in raw):
                    return self._send(400, b'{"error": "bad modified_since"}', "application/json")
                params = dict(p.split("=", 1) for p in raw.split("&") if "=" in p)
                since = params.get("modified_since")
                items = fake.lists[name]
                if since:
                    moment = dt.datetime.fromisoformat(urllib.parse.unquote(since).replace(" ", "+"))
                    items = [o for o in items if dt.datetime.fromisoformat(o["modified"]) >= moment]
                size = fake.page_sizes.get(name, 100)
                page = int(params.get("page", "1"))
                chunk = items[(page - 1) * size : page * size]
                if not items and fake.empty_as_404:
                    return self._send(
                        404, b'{"error": {"code": 404, "message": "Keine Daten"}}', "application/json"
                    )
                if not items and fake.empty_as_bare_list:
                    return self._send(200, b"[]", "application/json")
                links = {}
                if page * size < len(items):
                    query = f"page={page + 1}" + (f"&modified_since={since}" if since else "")
                    links["next"] = f"{fake.base}{parts.path}?{query}"
                body = {"data": chunk, "pagination": {"totalElements": len(items)}, "links": links}
                return self._send(200, json.dumps(body).encode(), "application/json")

            def _send(self, status, body, content_type, location=""):
                try:
                    self.send_response(status)
                    if location:
                        self.send_header("Location", location)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        return Handler


def org(base: str, number: int, name: str, classification: str, stamp: str) -> dict:
    return {
        "id": f"{base}/organization/{number}",
        "type": SCHEMA + "Organization",
        "name": name,
        "classification": classification,
        "created": stamp,
        "modified": stamp,
    }
