"""A fixture that fails a test at any network access or any program started.

Two nets: socket functions replaced by ones that raise (what a library would call), and an
audit hook (PEP 578) that also sees sockets opened some other way, URL requests, and
processes or browsers started. An audit hook cannot be removed, so it is installed once and
only acts while the fixture is active.
"""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator

import pytest

_FORBIDDEN_EVENTS = (
    "socket.",
    "urllib.Request",
    "subprocess.Popen",
    "os.system",
    "os.exec",
    "os.posix_spawn",
    "os.spawn",
    "os.startfile",
    "webbrowser.open",
)
_guarding = False


class ForbiddenAccess(AssertionError):
    """The code under test reached for the network or started a program."""


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _guarding and event.startswith(_FORBIDDEN_EVENTS):
        raise ForbiddenAccess(f"{event} {args!r}")


sys.addaudithook(_audit)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail the test at any attempt to open a socket, resolve a name or start a program."""
    global _guarding

    def refuse(*args: object, **kwargs: object) -> None:
        raise ForbiddenAccess(f"network access attempted: {args!r}")

    class NoSocket(socket.socket):
        def __init__(self, *args: object, **kwargs: object) -> None:
            refuse(*args)

    monkeypatch.setattr(socket, "socket", NoSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, refuse)
    _guarding = True
    try:
        yield
    finally:
        _guarding = False
