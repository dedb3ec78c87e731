"""Guard against a PySide6 that drops references to True/False (6.12.0 does, on Signal.emit()):
each emitted signal took one reference from True until the interpreter aborted with
"bool_dealloc". The app emits progress signals all the time, so such a version must never ship."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    bare = Signal()
    number = Signal(int)
    anything = Signal(object)


def test_emitting_signals_keeps_true_and_false_refcounts(qapp) -> None:
    e = _Emitter()
    e.number.connect(lambda _v: None)
    before = (sys.getrefcount(True), sys.getrefcount(False))
    for _ in range(300):
        e.bare.emit()
        e.number.emit(1)
        e.anything.emit(None)
    after = (sys.getrefcount(True), sys.getrefcount(False))
    assert after[0] >= before[0] - 5 and after[1] >= before[1] - 5, (before, after)
