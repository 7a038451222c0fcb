"""The Qt binding keeps Python's reference counts: PySide6 6.12.0 returned None from every void method
without a reference, and on Python 3.11 (None not yet immortal) the interpreter aborted after enough
calls ("none_dealloc: deallocating None"), in the middle of drawing a link graph or filling a table."""

from __future__ import annotations

import sys

from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QLabel


def test_void_methods_keep_nones_reference_count(qtbot) -> None:  # type: ignore[no-untyped-def]
    label, dot, pen = QLabel(), QGraphicsEllipseItem(0, 0, 1, 1), QPen()
    calls = (lambda: label.setText("x"), lambda: dot.setZValue(2), lambda: pen.setWidthF(0.8))
    for call in calls:
        call()  # first calls may create caches
    before = sys.getrefcount(None)
    for _ in range(1000):
        for call in calls:
            call()
    lost = before - sys.getrefcount(None)
    assert lost < 10, f"{lost} references to None lost in 3,000 void calls: this PySide6 build will crash Python"
