"""The small JSON header beside the vault (``<vault>.header``): vault id, KDF parameters and salt,
the AES-GCM-wrapped data key, an optional second wrap for "remember on this computer", and a
pending wrap while a key rotation is under way. It holds no data and no plaintext secret."""

from __future__ import annotations

import base64
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.errors import DamagedVault, NotAVault
from workbench.vault.keys import KdfParams, derive_kek, unwrap_key, zero

FORMAT = "ds-workbench-vault-header"
HEADER_VERSION = 1
MAX_HEADER_BYTES = 64 * 1024


def header_path(vault: Path) -> Path:
    return vault.with_name(vault.name + ".header")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str, what: str, path: Path) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, AttributeError) as exc:
        raise NotAVault.of("vault.header_field_unreadable", name=path.name, what=what) from exc


@dataclass
class Wrap:
    nonce: bytes
    wrapped: bytes

    def to_dict(self) -> dict[str, str]:
        return {"nonce": b64(self.nonce), "wrapped_key": b64(self.wrapped)}

    @classmethod
    def from_dict(cls, d: dict[str, Any], path: Path) -> Wrap:
        return cls(
            unb64(d.get("nonce", ""), "nonce", path), unb64(d.get("wrapped_key", ""), "key", path)
        )


@dataclass
class Header:
    vault_id: str
    kdf: KdfParams
    salt: bytes
    wrap: Wrap
    created_at: str
    #: a second wrap of the data key under a device key kept in the OS keyring
    remembered: dict[str, Any] | None = None
    #: the new key's wrap while a rotation is in progress (crash recovery)
    pending: Wrap | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    #: SQLCipher page size the file was created with (must be given on every open)
    page_size: int = 4096

    def aad(self) -> bytes:
        """Associated data binding a wrap to this vault and its KDF settings."""
        body = {"format": FORMAT, "vault_id": self.vault_id, "kdf": self.kdf.to_dict(),
                "salt": b64(self.salt)}  # fmt: skip
        return json.dumps(body, sort_keys=True).encode("utf-8")

    def unwrap(self, passphrase: str | bytes | bytearray) -> bytearray:
        """The data key unwrapped with ``passphrase`` (``WrongPassphrase`` otherwise); the
        key-encryption key is wiped before returning."""
        kek = derive_kek(passphrase, self.salt, self.kdf)
        try:
            return unwrap_key(kek, self.wrap.nonce, self.wrap.wrapped, self.aad())
        finally:
            zero(kek)

    def remember_aad(self) -> bytes:
        return json.dumps({"format": FORMAT, "vault_id": self.vault_id, "use": "remember"},
                          sort_keys=True).encode("utf-8")  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "format": FORMAT,
            "version": HEADER_VERSION,
            "vault_id": self.vault_id,
            "created_at": self.created_at,
            "kdf": {"name": "argon2id", **self.kdf.to_dict(), "salt": b64(self.salt)},
            "wrap": {"alg": "AES-256-GCM", **self.wrap.to_dict()},
        }
        d["cipher_page_size"] = self.page_size
        if self.remembered:
            d["remembered"] = self.remembered
        if self.pending:
            d["pending"] = self.pending.to_dict()
        d.update(self.extra)
        return d

    def to_bytes(self) -> bytes:
        return json.dumps(self.to_dict(), indent=2).encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes, path: Path) -> Header:
        try:
            d = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise NotAVault.of("vault.header_not_json", name=path.name) from exc
        if not isinstance(d, dict) or d.get("format") != FORMAT:
            raise NotAVault.of("vault.not_a_header", name=path.name)
        try:
            return cls._from_dict(d, path)
        except (TypeError, ValueError, AttributeError, OverflowError) as exc:
            # a field of the wrong type (a list where a table belongs, text for a number)
            raise DamagedVault.of("vault.header_malformed", name=path.name) from exc

    @classmethod
    def _from_dict(cls, d: dict[str, Any], path: Path) -> Header:
        if int(d.get("version", 0)) > HEADER_VERSION:
            raise NotAVault.of("vault.header_newer", name=path.name, version=d["version"])
        kdf = d.get("kdf") or {}
        if kdf.get("name") != "argon2id":
            raise NotAVault.of("vault.header_unknown_kdf", name=path.name, kdf=kdf.get("name"))
        known = {
            "format",
            "version",
            "vault_id",
            "created_at",
            "kdf",
            "wrap",
            "remembered",
            "pending",
            "cipher_page_size",
        }
        page_size = d.get("cipher_page_size", 4096)
        if page_size not in (1024, 2048, 4096, 8192, 16384, 32768, 65536):
            raise NotAVault.of("vault.header_page_size", name=path.name, page_size=page_size)
        if not isinstance(d.get("remembered") or {}, dict):
            raise TypeError("remembered")
        params = KdfParams.from_dict(kdf)
        bad = params.out_of_bounds()
        if bad is not None:
            name, value, low, high = bad
            raise DamagedVault.of("vault.header_kdf_tampered", name=path.name, param=name,
                                  value=value, low=low, high=high)  # fmt: skip
        return cls(
            vault_id=str(d.get("vault_id", "")),
            kdf=params,
            salt=unb64(kdf.get("salt", ""), "salt", path),
            wrap=Wrap.from_dict(d.get("wrap") or {}, path),
            created_at=str(d.get("created_at", "")),
            remembered=d.get("remembered"),
            pending=Wrap.from_dict(d["pending"], path) if d.get("pending") else None,
            extra={k: v for k, v in d.items() if k not in known},
            page_size=int(page_size),
        )


def read_header(vault: Path) -> Header:
    path = header_path(vault)
    try:
        raw = path.read_bytes()[: MAX_HEADER_BYTES + 1]
    except FileNotFoundError as exc:
        raise NotAVault.of("vault.header_missing", vault=vault.name, name=path.name) from exc
    except OSError as exc:
        raise NotAVault.of("vault.header_unreadable", path=path, reason=exc.strerror) from exc
    if len(raw) > MAX_HEADER_BYTES:
        raise NotAVault.of("vault.header_too_large", name=path.name)
    return Header.from_bytes(raw, path)


def write_atomic(path: Path, data: bytes) -> None:
    """Write beside, fsync, then rename over: readers see the old or the new file, never half."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_header(vault: Path, header: Header) -> None:
    path = header_path(vault)
    try:
        write_atomic(path, header.to_bytes())
    except OSError as exc:  # a full disk or a read-only folder: said so, never a traceback
        from workbench.vault.diagnose import os_failure

        raise os_failure(path, exc) from exc
