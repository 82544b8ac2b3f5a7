"""CouchDB's HTTP API, the endpoints of its replication protocol, through httpx.

httpx is a small, well-kept HTTP client (the encode project; typed, with
connection pooling, timeouts and certificate verification through the
standard ssl module and certifi). The sync needs exactly the documented
endpoints of the replication protocol (``_changes``, ``_revs_diff``,
``_bulk_get``, ``_bulk_docs`` with ``new_edits=false``, ``_local``
checkpoints), so a thin client over them is all there is; a vendor SDK such as
``ibmcloudant`` would add its IAM and request layers to wrap the same calls.

Every failure becomes :class:`SyncError`, one sentence a person can act on.
Nothing is sent but the documents and the protocol's own requests.
"""

from __future__ import annotations

import functools
import ipaddress
import ssl
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

import httpx

TIMEOUT = httpx.Timeout(30.0, connect=10.0)


class SyncError(Exception):
    """A sync that could not be done; ``str(error)`` is one line for a person."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str, *, insecure: bool = False) -> str:
    """The database URL without credentials or a trailing slash, or :class:`SyncError`."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SyncError(f"{url!r} is not a server address (like https://host:6984/practice).")
    if parts.username or parts.password:
        raise SyncError("Give the user with --user, not in the address.")
    path = parts.path.rstrip("/")
    if not path or "/" in path[1:]:
        raise SyncError(f"{url!r} names no database (like https://host:6984/practice).")
    if parts.scheme == "http" and not is_loopback(parts.hostname) and not insecure:
        raise SyncError(
            f"{parts.hostname} is not this machine: use https:// (or --insecure to send "
            "the records unencrypted)."
        )
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


@functools.cache
def _tls() -> ssl.SSLContext:
    """Certificate checking as httpx does it by default, made once: loading the
    certificate authorities takes tens of milliseconds without letting other threads run."""
    return httpx.create_ssl_context()


def warm_up() -> None:
    """Make the certificate context now (the window calls it while idle, beside its thread)."""
    _tls()


class Couch:
    """One database on a CouchDB server."""

    def __init__(
        self,
        url: str,
        user: str = "",
        password: str = "",
        *,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.url = url
        auth = httpx.BasicAuth(user, password) if user else None
        self._client = httpx.Client(
            auth=auth,
            timeout=TIMEOUT,
            verify=_tls(),
            headers={"Accept": "application/json"},
            transport=transport,
            follow_redirects=False,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Couch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- requests --------------------------------------------------------------

    def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        host = urlsplit(self.url).netloc
        try:
            response = self._client.request(method, f"{self.url}/{path}".rstrip("/"), **kwargs)
        except httpx.ConnectError as error:
            if isinstance(error.__context__, ssl.SSLError) or "SSL" in str(error):
                raise SyncError(
                    f"The server {host} has no certificate this machine trusts ({error})."
                ) from None
            raise SyncError(f"The server {host} cannot be reached.") from None
        except httpx.TimeoutException:
            raise SyncError(f"The server {host} did not answer in time.") from None
        except httpx.HTTPError as error:
            raise SyncError(f"The connection to {host} failed ({error}).") from None
        return self._answer(response, host)

    def _answer(self, response: httpx.Response, host: str) -> Any:
        if response.status_code == 401:
            raise SyncError(f"The server {host} refused the user name or password.")
        if response.status_code == 403:
            raise SyncError(f"The user may not use this database on {host}.")
        try:
            data = response.json()
        except ValueError:
            raise SyncError(f"{self.url} is not a CouchDB database.") from None
        if response.status_code >= 400:
            reason = data.get("reason") if isinstance(data, dict) else None
            raise SyncError(f"The server {host} answered {response.status_code}: {reason}.")
        return data

    def check(self) -> dict[str, Any]:
        """The database's information; :class:`SyncError` unless it is a CouchDB database."""
        try:
            info = self._request("GET", "")
        except SyncError as error:
            if "answered 404" in str(error):
                raise SyncError(f"There is no database at {self.url}.") from None
            raise
        if not isinstance(info, dict) or "db_name" not in info or "update_seq" not in info:
            raise SyncError(f"{self.url} is not a CouchDB database.")
        return info

    def changes(self, since: Any, limit: int) -> dict[str, Any]:
        params: dict[str, Any] = {"style": "all_docs", "limit": limit}
        if since is not None:
            params["since"] = since
        return self._request("GET", "_changes", params=params)  # type: ignore[no-any-return]

    def revs_diff(self, revs: dict[str, list[str]]) -> dict[str, list[str]]:
        """The revisions the server lacks, by document id."""
        answer = self._request("POST", "_revs_diff", json=revs)
        return {doc: item.get("missing", []) for doc, item in answer.items()}

    def bulk_docs(self, docs: list[dict[str, Any]]) -> None:
        """Store revisions as they are (``new_edits=false``: the histories are ours)."""
        answer = self._request("POST", "_bulk_docs", json={"docs": docs, "new_edits": False})
        for item in answer if isinstance(answer, list) else []:
            if isinstance(item, dict) and item.get("error"):
                raise SyncError(f"The server refused {item.get('id')}: {item.get('reason')}.")

    def bulk_get(
        self, wanted: Sequence[tuple[str, str | None]], *, missing_ok: bool = False
    ) -> list[dict[str, Any]]:
        """The revisions asked for (None: the winner), each with its history (``_revisions``)."""
        body = {"docs": [{"id": doc, "rev": rev} if rev else {"id": doc} for doc, rev in wanted]}
        answer = self._request("POST", "_bulk_get", params={"revs": "true"}, json=body)
        found = []
        for result in answer.get("results", []):
            for item in result.get("docs", []):
                if "ok" in item:
                    found.append(item["ok"])
                elif not missing_ok:
                    raise SyncError(f"The server lost {result.get('id')} while it was read.")
        return found

    def get_local(self, name: str) -> dict[str, Any] | None:
        try:
            return self._request("GET", f"_local/{quote(name)}")  # type: ignore[no-any-return]
        except SyncError as error:
            if "answered 404" in str(error):
                return None
            raise

    def put_local(self, name: str, body: dict[str, Any]) -> None:
        old = self.get_local(name)
        if old is not None:
            body = {**body, "_rev": old["_rev"]}
        self._request("PUT", f"_local/{quote(name)}", json=body)
