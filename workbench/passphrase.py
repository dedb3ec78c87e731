"""A passphrase strength estimate for feedback while typing (no dictionary, no network)."""

from __future__ import annotations

import math
import string

MIN_LENGTH = 10


def entropy_bits(passphrase: str) -> float:
    """Rough entropy: length × log2(pool of character classes used), discounting repeats."""
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
    effective = min(len(passphrase), distinct * 2)
    return effective * math.log2(max(pool, 2))


def strength(passphrase: str) -> int:
    """0 too short, 1 weak, 2 fair, 3 good, 4 strong."""
    if len(passphrase) < MIN_LENGTH:
        return 0
    bits = entropy_bits(passphrase)
    if bits < 50:
        return 1
    if bits < 65:
        return 2
    if bits < 85:
        return 3
    return 4
