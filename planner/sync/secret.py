"""The sync password: never written to the store.

It is looked for in ``PLANNER_SYNC_PASSWORD``, then in the system keyring (the
``keyring`` package, when the system has a real backend: Secret Service,
macOS Keychain, Windows Credential Locker), else asked for on the terminal. A
password typed in is kept in the keyring when there is one.
"""

from __future__ import annotations

import os
from collections.abc import Callable

ENV_VAR = "PLANNER_SYNC_PASSWORD"
SERVICE = "massage-session-planner sync"


def _keyring() -> object | None:
    """The keyring module when a real backend exists, else None."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken backend configuration is no keyring
        return None
    if (
        isinstance(backend, fail.Keyring)
        or "chainer" in type(backend).__module__
        and not getattr(backend, "backends", True)
    ):
        return None
    return keyring


def account(url: str, user: str) -> str:
    return f"{user}@{url}"


def stored_password(url: str, user: str) -> str | None:
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        return keyring.get_password(SERVICE, account(url, user))  # type: ignore[attr-defined,no-any-return]
    except Exception:
        return None


def keep_password(url: str, user: str, password: str) -> bool:
    """Put the password in the system keyring; False when there is none."""
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        keyring.set_password(SERVICE, account(url, user), password)  # type: ignore[attr-defined]
    except Exception:
        return False
    return True


def find_password(url: str, user: str, ask: Callable[[str], str] | None) -> tuple[str, bool]:
    """(password, typed in) for ``user`` at ``url``; ("", False) when none can be found."""
    given = os.environ.get(ENV_VAR)
    if given:
        return given, False
    kept = stored_password(url, user)
    if kept:
        return kept, False
    if ask is not None:
        return ask(f"Password for {user} at {url}: "), True
    return "", False
