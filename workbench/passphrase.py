"""How strong a new passphrase is, and the minimum a vault accepts (docs/vault.md, "Passphrase
strength"). One estimator for both faces: the app's meter shows its score while the user
types, and ``Workbench.create_vault`` / ``change_passphrase`` (the CLI and the app) refuse a
passphrase scoring below :data:`MIN_SCORE`. A base module (nothing above it imported) so the
meter can score every keystroke without loading the vault. No dictionary download, no network.

Score: 0 too short (< :data:`MIN_LENGTH` characters), 1 weak, 2 fair, 3 good, 4 strong, from a
rough entropy estimate (length × log2 of the character classes used) that discounts repeated
characters, runs (``abcd``, ``4321``, ``aaaa``) and keyboard rows (``qwerty``, ``asdf``), and
caps at "weak" a passphrase that is one of the most common passwords with digits and symbols
added (``Password123!``). The Argon2id key derivation slows guessing; it cannot make ``1234``
safe.

Tests that need a weak passphrase set ``WORKBENCH_TEST_ALLOW_WEAK_PASSPHRASE=1`` (for tests
only; the name says so), or better use a strong one.
"""

from __future__ import annotations

import math
import os
import string

from workbench.errors import VaultError
from workbench.messages import Message

MIN_LENGTH = 10
#: "fair": the lowest score a new passphrase may have
MIN_SCORE = 2
ALLOW_WEAK_ENV = "WORKBENCH_TEST_ALLOW_WEAK_PASSPHRASE"

_BITS_FOR = ((50.0, 1), (65.0, 2), (85.0, 3))  # below each bound → that score; else 4
_ROWS = ("qwertyuiopasdfghjklzxcvbnm", "azertyuiopqsdfghjklmwxcvbn", "1234567890",
         "abcdefghijklmnopqrstuvwxyz")  # fmt: skip
#: the most common passwords of public breach lists (and their stems): with digits and symbols
#: stripped, a passphrase equal to one of these is weak whatever its length
_COMMON = frozenset({
    "password", "passwort", "motdepasse", "contraseña", "contrasena", "qwerty", "azerty",
    "qwertyuiop", "admin", "administrator", "welcome", "letmein", "iloveyou", "monkey", "dragon",
    "football", "baseball", "sunshine", "princess", "master", "shadow", "superman", "batman",
    "trustno", "abc", "abcd", "abcdef", "secret", "login", "passw0rd", "changeme", "default",
    "test", "guest", "user", "root", "hello", "freedom", "whatever", "computer", "internet",
    "starwars", "pokemon",
})  # fmt: skip


def _predictable(passphrase: str) -> int:
    """Characters that add (almost) nothing: repeats and steps of one (``aaa``, ``abc``,
    ``321``), and characters continuing a keyboard row or the alphabet."""
    low = passphrase.lower()
    count = 0
    for i in range(1, len(low)):
        a, b = low[i - 1], low[i]
        if abs(ord(b) - ord(a)) <= 1 or any(
            (j := row.find(a)) >= 0 and row[j + 1 : j + 2] == b for row in _ROWS
        ):
            count += 1
    return count


def entropy_bits(passphrase: str) -> float:
    """Rough entropy: effective length × log2(pool of character classes used)."""
    if not passphrase:
        return 0.0
    pool = 0
    if any(c in string.ascii_lowercase for c in passphrase):
        pool += 26
    if any(c in string.ascii_uppercase for c in passphrase):
        pool += 26
    if any(c in string.digits for c in passphrase):
        pool += 10
    if any(c in string.punctuation or c == " " for c in passphrase):
        pool += 33
    if any(ord(c) > 127 for c in passphrase):
        pool += 100
    distinct = len(set(passphrase))
    effective = min(len(passphrase) - 0.75 * _predictable(passphrase), distinct * 2)
    return max(effective, 1.0) * math.log2(max(pool, 2))


def _common(passphrase: str) -> bool:
    """Only digits and symbols, or a common password (or one repeated) once they are removed."""
    stem = "".join(c for c in passphrase.lower() if c.isalpha())
    if not stem:
        return True
    for size in range(1, len(stem) // 2 + 1):  # "passwordpassword" → "password"
        if len(stem) % size == 0 and stem == stem[:size] * (len(stem) // size):
            stem = stem[:size]
            break
    return stem in _COMMON or len(stem) <= 2


def strength(passphrase: str) -> int:
    """0 too short, 1 weak, 2 fair, 3 good, 4 strong."""
    if len(passphrase) < MIN_LENGTH:
        return 0
    if _common(passphrase):
        return 1
    bits = entropy_bits(passphrase)
    for bound, score in _BITS_FOR:
        if bits < bound:
            return score
    return 4


def require_strong(passphrase: str | bytes | bytearray) -> None:
    """Refuse a new passphrase scoring below MIN_SCORE (never quoting any of it)."""
    if os.environ.get(ALLOW_WEAK_ENV) == "1":
        return
    if isinstance(passphrase, bytes | bytearray):
        try:
            text = bytes(passphrase).decode("utf-8")
        except UnicodeDecodeError:
            raise VaultError.of("vault.passphrase_not_utf8") from None
    else:
        text = passphrase
    score = strength(text)
    if score < MIN_SCORE:
        raise VaultError.of(
            "vault.passphrase_too_weak",
            level=Message.of(f"vault.strength_{score}"),
            min_length=MIN_LENGTH,
        )
