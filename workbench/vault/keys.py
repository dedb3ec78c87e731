"""Key hierarchy: an Argon2id key-encryption key (KEK) from the passphrase wraps a random 256-bit
data key with AES-256-GCM. The data key is SQLCipher's raw key. Secrets live in ``bytearray``s that
callers zero with :func:`zero` as soon as they are done with them."""

from __future__ import annotations

import os
import unicodedata
from dataclasses import asdict, dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from workbench.errors import VaultError, WrongPassphrase

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. The default (64 MiB, 3 passes, 4 lanes) is what the CLI and app always use;
    lower costs are accepted only when passed explicitly (tests)."""

    memory_kib: int = 65536
    iterations: int = 3
    lanes: int = 4

    def to_dict(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> KdfParams:
        try:
            return cls(int(str(d["memory_kib"])), int(str(d["iterations"])), int(str(d["lanes"])))
        except (KeyError, TypeError, ValueError) as exc:
            raise VaultError.of("vault.kdf_unreadable", detail=str(exc)) from exc

    def out_of_bounds(self) -> tuple[str, int, int, int] | None:
        """``(parameter, value, lowest, highest)`` of the first parameter outside
        :data:`KDF_BOUNDS` (None when all are inside). A header asking for more is refused
        before any work: 10⁹ passes would hang, a huge memory cost exhaust memory."""
        for name, (low, high) in KDF_BOUNDS.items():
            value = self.memory_kib * self.iterations if name == "work_kib" else getattr(self, name)
            if not low <= value <= high:
                return name, value, low, high
        return None

    def weaker_than(self, other: KdfParams) -> bool:
        return self.memory_kib < other.memory_kib or self.iterations < other.iterations


DEFAULT_KDF = KdfParams()

#: the accepted Argon2id parameters (docs/vault.md, "KDF bounds"): memory 1 MiB–4 GiB, 1–64
#: passes, 1–64 lanes, and memory × passes at most 4 GiB (a few seconds on a laptop; the
#: default is 192 MiB). Anything else in a header is a tampered or damaged header.
KDF_BOUNDS: dict[str, tuple[int, int]] = {
    "memory_kib": (1024, 4 * 1024 * 1024),
    "iterations": (1, 64),
    "lanes": (1, 64),
    "work_kib": (1024, 4 * 1024 * 1024),
}


def zero(buf: bytearray | None) -> None:
    """Overwrite a secret in place."""
    if buf is not None:
        for i in range(len(buf)):
            buf[i] = 0


def passphrase_bytes(passphrase: str | bytes | bytearray) -> bytearray:
    """The passphrase as UTF-8 (NFC-normalised so the same text typed on any OS gives one key)."""
    if isinstance(passphrase, str):
        try:
            out = bytearray(unicodedata.normalize("NFC", passphrase).encode("utf-8"))
        except UnicodeEncodeError:
            # from a terminal or variable in another encoding; the codec's message would quote
            # the offending character, i.e. a byte of the passphrase: none of it is shown
            raise VaultError.of("vault.passphrase_not_utf8") from None
    else:
        out = bytearray(passphrase)
    if not out:
        raise VaultError.of("vault.empty_passphrase")
    return out


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def new_data_key() -> bytearray:
    return bytearray(os.urandom(KEY_BYTES))


def derive_kek(passphrase: str | bytes | bytearray, salt: bytes, params: KdfParams) -> bytearray:
    bad = params.out_of_bounds()
    if bad is not None:
        name, value, low, high = bad
        raise VaultError.of("vault.kdf_out_of_bounds", param=name, value=value, low=low, high=high)
    secret = passphrase_bytes(passphrase)
    out = bytearray(KEY_BYTES)
    try:
        kdf = Argon2id(
            salt=salt,
            length=KEY_BYTES,
            iterations=params.iterations,
            lanes=params.lanes,
            memory_cost=params.memory_kib,
        )
        kdf.derive_into(secret, out)  # type: ignore[arg-type]  # bytes-like is accepted
    except (ValueError, OverflowError) as exc:
        raise VaultError.of("vault.kdf_invalid", detail=str(exc)) from exc
    except MemoryError as exc:
        raise VaultError.of("vault.kdf_memory", memory_mib=params.memory_kib // 1024) from exc
    finally:
        zero(secret)
    return out


def wrap_key(kek: bytearray, data_key: bytearray, aad: bytes) -> tuple[bytes, bytes]:
    """Returns (nonce, ciphertext+tag) of the data key under the KEK."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce, AESGCM(kek).encrypt(nonce, data_key, aad)


def unwrap_key(kek: bytearray, nonce: bytes, wrapped: bytes, aad: bytes) -> bytearray:
    """The data key, or WrongPassphrase when the tag does not verify."""
    out = bytearray(KEY_BYTES)
    try:
        AESGCM(kek).decrypt_into(nonce, wrapped, aad, out)
    except (InvalidTag, ValueError) as exc:
        zero(out)
        raise WrongPassphrase.of("vault.wrong_passphrase") from exc
    return out
