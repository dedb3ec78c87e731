"""Optional "remember on this computer": a random device key in the OS keyring.

The header holds a second AES-GCM wrap of the data key under that device key, plus the keyring
backend's name. Only real backends are used: the fail and null backends, a chainer with nothing
behind it, and every ``keyrings.alt`` backend (plaintext files) are refused. A stored secret is
read back before it is trusted. Nothing here ever raises a keyring exception to the caller.
"""

from __future__ import annotations

import base64
import contextlib
from typing import Any

from workbench.errors import KeyringUnavailable
from workbench.vault.keys import KEY_BYTES, zero

SERVICE = "ds-workbench-vault"


def _backend() -> Any:
    import keyring

    return keyring.get_keyring()


def backend_name(backend: Any) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _refusal(backend: Any) -> str:
    """Why a backend cannot be trusted with a key ('' when it can)."""
    name = backend_name(backend)
    mod = type(backend).__module__
    if mod.startswith("keyrings.alt") or mod.startswith("keyrings_alt"):
        return f"{name} stores secrets in a plain file; refused"
    if mod == "keyring.backends.fail" or name.endswith("fail.Keyring"):
        return "no OS keyring is available on this computer"
    if mod == "keyring.backends.null":
        return "the null keyring stores nothing; refused"
    from keyring.backends.chainer import ChainerBackend

    if isinstance(backend, ChainerBackend):
        real = [b for b in getattr(backend, "backends", []) if not _refusal(b)]
        if not real:
            return "no usable OS keyring behind the chained backend"
    try:
        priority = float(getattr(type(backend), "priority", 1))
    except Exception:
        return f"{name} is not usable here"
    if priority <= 0:
        return f"{name} is not usable here"
    return ""


def keyring_status() -> dict[str, Any]:
    """``{"available": bool, "backend": str, "reason": str}``; never raises."""
    try:
        backend = _backend()
        name = backend_name(backend)
        reason = _refusal(backend)
    except Exception as exc:
        return {"available": False, "backend": "", "reason": f"keyring not usable: {exc}"}
    return {"available": not reason, "backend": name, "reason": reason}


def _require() -> Any:
    status = keyring_status()
    if not status["available"]:
        raise KeyringUnavailable.of("vault.keyring_cannot_remember", reason=status["reason"])
    return _backend()


def store_device_key(account: str, device_key: bytearray) -> str:
    """Store and read back; returns the backend name."""
    from keyring.errors import KeyringError

    backend = _require()
    secret = base64.b64encode(bytes(device_key)).decode("ascii")
    try:
        backend.set_password(SERVICE, account, secret)
        back = backend.get_password(SERVICE, account)
    except KeyringError as exc:
        raise KeyringUnavailable.of("vault.keyring_refused", detail=str(exc)) from exc
    if back != secret:
        with contextlib.suppress(KeyringError):
            backend.delete_password(SERVICE, account)
        raise KeyringUnavailable.of("vault.keyring_mismatch", backend=backend_name(backend))
    return backend_name(backend)


def load_device_key(account: str, expected_backend: str) -> bytearray:
    from keyring.errors import KeyringError

    backend = _require()
    name = backend_name(backend)
    if expected_backend and name != expected_backend:
        raise KeyringUnavailable.of(
            "vault.keyring_other_backend", expected_backend=expected_backend, name=name
        )
    try:
        secret = backend.get_password(SERVICE, account)
    except KeyringError as exc:
        raise KeyringUnavailable.of("vault.keyring_unreadable", detail=str(exc)) from exc
    if not secret:
        raise KeyringUnavailable.of("vault.keyring_not_remembered")
    try:
        raw = bytearray(base64.b64decode(secret, validate=True))
    except ValueError as exc:
        raise KeyringUnavailable.of("vault.keyring_key_unreadable") from exc
    if len(raw) != KEY_BYTES:
        zero(raw)
        raise KeyringUnavailable.of("vault.keyring_key_unreadable")
    return raw


def delete_device_key(account: str) -> None:
    """Best effort: forgetting must work even when the keyring is gone."""
    try:
        from keyring.errors import KeyringError

        with contextlib.suppress(KeyringError):
            _backend().delete_password(SERVICE, account)
    except Exception:
        pass
