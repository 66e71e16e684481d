"""OParl loader: HTTP with retries, limits and per-vendor fix-ups (no database access).

::

    loader = Loader(timeout=20)
    system = loader.system("https://ris.example.org/oparl/v1/system")   # picks the vendor profile
    bodies = loader.list(system["body"])                                  # ListResult
    lists = loader.lists({"paper": body["paper"], "meeting": body["meeting"]},
                         params={"modified_since": since})                # concurrently

Every failure becomes a :class:`Problem` (URL, German message) or a :class:`FetchError`; the
loader never raises anything else for bad input and never waits longer than its timeouts.
Each handled quirk of real servers is described in ``NOTES.md`` beside this file.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

USER_AGENT = "Digitalbilanz-OParl-Import/1.0"
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_EMPTY_MARKERS = {"n/a", "n.a.", "-/-"}


class FetchError(Exception):
    """A URL could not be read as OParl JSON (after retries). ``message`` is German."""

    def __init__(self, url: str, message: str, *, status: int | None = None, body: bytes = b""):
        self.url, self.message, self.status, self.body = url, message, status, body
        super().__init__(f"{url}: {message}")


@dataclass
class Problem:
    url: str
    message: str


@dataclass
class ListResult:
    """The objects of one external list; ``complete`` is False if a page could not be read."""

    objects: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    complete: bool = True
    pages: int = 0


# --------------------------------------------------------------------------- vendors


@dataclass(frozen=True)
class Vendor:
    """A set of fix-ups for one server family, chosen from the System object."""

    key: str = "generic"
    label: str = "OParl-Server"
    # SD.NET RIM (STERNBERG)
    empty_list_as_404: bool = False  # an empty (filtered) list answers 404 with a vendor error JSON
    # (``files//rim`` double slashes are collapsed for every server: ``normalize_url``)
    # ALLRIS (CC e-gov)
    lenient_json: bool = False  # raw control characters inside strings
    empty_markers: bool = False  # "N/A" → None
    # SessionNet (SOMACOS)
    raw_since: bool = False  # no %3A/%2B in modified_since


GENERIC = Vendor()
SDNET = Vendor("sdnet", "SD.NET RIM (STERNBERG)", empty_list_as_404=True)
ALLRIS = Vendor("allris", "ALLRIS (CC e-gov)", lenient_json=True, empty_markers=True)
SESSIONNET = Vendor("sessionnet", "SessionNet (SOMACOS)", raw_since=True)

_VENDOR_HINTS = (
    (SDNET, ("sternberg", "sd.net", "sdnet", "/rim")),
    (ALLRIS, ("allris", "cc-egov", "cc e-gov")),
    (SESSIONNET, ("somacos", "sessionnet")),
)


def vendor_for(system: dict) -> Vendor:
    """The vendor profile from ``System.vendor``/``product``/``contactName`` (else generic)."""
    text = " ".join(
        str(system.get(key) or "") for key in ("vendor", "product", "contactName", "name")
    ).lower()
    for vendor, hints in _VENDOR_HINTS:
        if any(hint in text for hint in hints):
            return vendor
    return GENERIC


# --------------------------------------------------------------------------- values


def type_name(obj: dict) -> str:
    """``https://schema.oparl.org/1.1/Paper`` (1.0, 1.1 or any prefix, ``oparl:Paper``) → ``Paper``."""
    raw = str(obj.get("type") or "").strip().rstrip("/")
    return re.split(r"[/:#]", raw)[-1] if raw else ""


def normalize_url(url, vendor: Vendor = GENERIC) -> str:
    """A comparable form of an OParl id: https, lower-case host, no double slashes in the path
    (SD.NET), no surrounding whitespace. Ids are stored in this form and references are looked
    up in it, so ``http://``/``https://`` mixes and ``files//rim`` still match."""
    if not isinstance(url, str):
        return ""
    return _normalize(url)


@functools.lru_cache(maxsize=100_000)
def _normalize(url: str) -> str:
    url = url.strip()
    if not url:
        return ""
    parts = urllib.parse.urlsplit(url)
    scheme = "https" if parts.scheme in ("http", "https") else parts.scheme
    path = re.sub(r"/{2,}", "/", parts.path)
    return urllib.parse.urlunsplit((scheme, parts.netloc.lower(), path, parts.query, parts.fragment))


def clean_value(value, vendor: Vendor = GENERIC):
    """Whitespace-only strings become None everywhere; "N/A" too for ALLRIS. Recursive."""
    if isinstance(value, str):
        text = value.strip()
        if not text or (vendor.empty_markers and text.lower() in _EMPTY_MARKERS):
            return None
        return value
    if isinstance(value, list):
        return [clean_value(v, vendor) for v in value]
    if isinstance(value, dict):
        return {k: clean_value(v, vendor) for k, v in value.items()}
    return value


def as_list(value) -> list:
    """A list for list-valued fields: None → [], a single object (ALLRIS ``auxiliaryFile``) → [it]."""
    if value is None:
        return []
    if isinstance(value, list):
        return [v for v in value if v is not None]
    return [value]


_GERMAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})")


def parse_date(value) -> dt.date | None:
    """``2014-04-04``, a date-time where a date is expected, ``04.04.2014``; else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if match := _GERMAN_DATE.match(text):
        day, month, year = (int(g) for g in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def parse_datetime(value, tz: dt.tzinfo | None = None) -> dt.datetime | None:
    """An aware date-time: ISO with offset or ``Z``, without offset (then ``tz``), or a date only."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace(" ", "T", 1)
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        day = parse_date(value)
        if day is None:
            return None
        parsed = dt.datetime(day.year, day.month, day.day)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tz or dt.UTC)
    return parsed


def format_since(moment: dt.datetime) -> str:
    """``modified_since`` value: no microseconds (SessionNet refuses them), explicit offset."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.replace(microsecond=0).isoformat()


def with_params(url: str, params: dict | None, vendor: Vendor = GENERIC) -> str:
    """``url`` with query parameters added; SessionNet gets ``:`` and ``+`` unencoded."""
    if not params:
        return url
    safe = ":+" if vendor.raw_since else ""
    query = urllib.parse.urlencode(params, safe=safe)
    return url + ("&" if urllib.parse.urlsplit(url).query else "?") + query


# --------------------------------------------------------------------------- HTTP


class Loader:
    """Reads OParl JSON over HTTP(S). Thread-safe for reading lists concurrently."""

    def __init__(
        self,
        *,
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 1.0,
        max_bytes: int = 50 * 1024 * 1024,
        max_pages: int = 5000,
        workers: int = 4,
        vendor: Vendor = GENERIC,
        sleep=time.sleep,
    ):
        self.timeout, self.retries, self.backoff = timeout, retries, backoff
        self.max_bytes, self.max_pages, self.workers = max_bytes, max_pages, workers
        self.vendor = vendor
        self._sleep = sleep
        self._opener = urllib.request.build_opener()  # follows redirects (at most 10)
        self.requests = 0

    # ---- single requests

    def _read(self, url: str) -> tuple[int, str, bytes]:
        """One GET: (status, content type, body). Raises FetchError (with status) or OSError."""
        request = urllib.request.Request(
            url, headers={"Accept": "application/json", "User-Agent": USER_AGENT}
        )
        deadline = time.monotonic() + self.timeout * 4
        self.requests += 1
        try:
            response = self._opener.open(request, timeout=self.timeout)
        except urllib.error.HTTPError as error:
            body = error.read(64 * 1024) if error.fp is not None else b""
            raise FetchError(url, f"HTTP-Status {error.code}", status=error.code, body=body) from None
        with response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > self.max_bytes:
                raise FetchError(url, f"Antwort zu groß ({int(length)} Bytes, höchstens {self.max_bytes})")
            chunks, size = [], 0
            while True:
                chunk = response.read(256 * 1024)
                if not chunk:
                    break
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(url, f"Antwort zu groß (mehr als {self.max_bytes} Bytes)")
                if time.monotonic() > deadline:
                    raise FetchError(url, "Zeitüberschreitung beim Lesen der Antwort")
                chunks.append(chunk)
            return response.status, response.headers.get("Content-Type", ""), b"".join(chunks)

    def get(self, url: str, *, list_context: bool = False):
        """The JSON value at ``url`` after retries and vendor fix-ups. Raises FetchError.

        In a list context an SD.NET 404 with a vendor error JSON is an empty list."""
        attempt = 0
        while True:
            try:
                status, content_type, body = self._read(url)
                break
            except FetchError as error:
                if error.status == 404 and list_context and self.vendor.empty_list_as_404:
                    if _looks_like_json(error.body):
                        return []
                retryable = error.status is not None and error.status >= 500
                if not retryable or attempt >= self.retries:
                    raise
            except TimeoutError:
                if attempt >= self.retries:
                    raise FetchError(url, "Zeitüberschreitung (keine Antwort)") from None
            except (urllib.error.URLError, OSError, ValueError) as error:
                if attempt >= self.retries:
                    reason = getattr(error, "reason", error)
                    raise FetchError(url, f"Verbindung fehlgeschlagen: {reason}") from None
            self._sleep(self.backoff * (2**attempt))
            attempt += 1
        return self.decode(url, content_type, body)

    def decode(self, url: str, content_type: str, body: bytes):
        text = body.decode("utf-8", errors="replace").lstrip("\ufeff")
        stripped = text.lstrip()
        if "html" in content_type.lower() or stripped[:1] == "<":
            raise FetchError(url, "HTML-Seite statt OParl-JSON erhalten (Fehlerseite oder Umleitung)")
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            if self.vendor.lenient_json:
                try:
                    return json.loads(_CONTROL_CHARS.sub(" ", text), strict=False)
                except json.JSONDecodeError:
                    pass
            raise FetchError(url, f"Ungültiges JSON ({error.msg}, Zeile {error.lineno})") from None

    def object(self, url: str) -> dict:
        """One OParl object; its ``id`` falls back to the URL it was fetched from."""
        value = self.get(url)
        if isinstance(value, list) and len(value) == 1 and isinstance(value[0], dict):
            value = value[0]
        if not isinstance(value, dict):
            raise FetchError(url, "Kein OParl-Objekt erhalten")
        value = clean_value(value, self.vendor)
        value.setdefault("id", url)
        if not value.get("id"):
            value["id"] = url
        return value

    def system(self, url: str) -> dict:
        """The System object; chooses the vendor profile for everything read afterwards."""
        system = self.object(url)
        self.vendor = vendor_for(system)
        return system

    # ---- lists

    def list(self, url: str, params: dict | None = None, *, expect_type: str = "") -> ListResult:
        """All objects of an external list, following ``links.next``.

        Stops at a page seen twice or after ``max_pages``; a page that cannot be read ends the
        list with a problem and ``complete = False`` (what came before is kept)."""
        result = ListResult()
        next_url = with_params(url, params, self.vendor)
        seen: set[str] = set()
        while next_url:
            key = normalize_url(next_url)
            if key in seen:
                result.problems.append(Problem(next_url, "Endlosschleife beim Blättern: Seite schon gelesen"))
                result.complete = False
                break
            if result.pages >= self.max_pages:
                result.problems.append(Problem(next_url, f"Mehr als {self.max_pages} Seiten; abgebrochen"))
                result.complete = False
                break
            seen.add(key)
            try:
                page = self.get(next_url, list_context=True)
            except FetchError as error:
                result.problems.append(Problem(error.url, error.message))
                result.complete = False
                break
            result.pages += 1
            data, next_url = self._page(page)
            if data is None:
                result.problems.append(Problem(next_url or url, "Keine OParl-Liste erhalten"))
                result.complete = False
                break
            for obj in data:
                if not isinstance(obj, dict):
                    result.problems.append(Problem(url, "Eintrag der Liste ist kein Objekt; übersprungen"))
                    continue
                obj = clean_value(obj, self.vendor)
                if expect_type and not obj.get("type"):
                    obj["type"] = expect_type  # SD.NET: deleted stubs without type
                result.objects.append(obj)
        return result

    def _page(self, page) -> tuple[list | None, str | None]:
        """(data, next URL) of a list page; a bare list or a single object are accepted."""
        if isinstance(page, list):  # SD.NET: bare ``[]`` (or a bare list of objects)
            return page, None
        if not isinstance(page, dict):
            return None, None
        if "data" not in page:
            if page.get("id") or page.get("type"):  # SD.NET ``/body``: one object, not a list
                return [page], None
            return None, None
        data = page.get("data")
        data = as_list(data) if not isinstance(data, list) else data
        links = page.get("links") if isinstance(page.get("links"), dict) else {}
        following = links.get("next")
        return data, following if isinstance(following, str) and following.strip() else None

    def lists(self, urls: dict[str, str], params: dict | None = None, types: dict | None = None) -> dict:
        """Several lists at once in a bounded thread pool: ``{name: ListResult}``."""
        types = types or {}
        with ThreadPoolExecutor(max_workers=max(1, self.workers), thread_name_prefix="oparl") as pool:
            futures = {
                name: pool.submit(self.list, url, params, expect_type=types.get(name, ""))
                for name, url in urls.items()
                if url
            }
            return {name: future.result() for name, future in futures.items()}


def _looks_like_json(body: bytes) -> bool:
    try:
        json.loads(body.decode("utf-8", errors="replace") or "null")
    except ValueError:
        return False
    return True
