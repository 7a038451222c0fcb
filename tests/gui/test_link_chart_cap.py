"""The link chart shows a link counted to the cap honestly (services/chart_counts.CAP): "N+" in its tooltip, a
strength filter that goes no higher than the cap (so hiding links under a strength is exact for capped ones),
and the full count in the evidence when the link is selected. The cap is lowered to 2 here so that a link
of three shared reports reaches it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from nia_desktop.core.roles import Role
from nia_desktop.core.vault.kdf import FLOOR
from nia_desktop.services import chart_counts, fusion, importing, link_chart
from nia_desktop.services.session import Session, unlock
from nia_desktop.services.users import add_user
from nia_desktop.services.vault_setup import init_vault
from nia_desktop.ui.views.fusion.chart import LinkChart, LinkItem
from nia_desktop.ui.workers import wait_for_all

OFFICER, OFFICER_PASS = "olive", "olive-passphrase-1"
PASSPHRASE = "reader-passphrase-22"
A, B, C = "alpha@harbour.example", "bravo@harbour.example", "charlie@harbour.example"
REPORTS = [[A, B], [A, B], [A, B, C], [B, C]]  # A-B: 3 shared (over a cap of 2), B-C: 2 (at it), A-C: 1


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    base = tmp_path_factory.mktemp("chartcap")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NIA_CONFIG_DIR", str(base / "config"))
        vault, media = base / "vault", base / "usb"
        init_vault(vault, OFFICER, OFFICER_PASS, params=FLOOR, name="Chart cap")
        with unlock(vault, OFFICER, OFFICER_PASS) as officer:
            add_user(officer, "sam", Role.ANALYST, PASSPHRASE)
        media.mkdir()
        for n, selectors in enumerate(REPORTS):
            body = " ".join(f"Contact {s} was seen." for s in selectors)
            (media / f"r{n}.txt").write_text(f"CLASSIFICATION: UNCLASSIFIED\nSubject: r{n}\n\n{body}\n",
                                             encoding="utf-8")
        with unlock(vault, "sam", PASSPHRASE) as sam:
            importing.import_paths(sam, [media])
            fusion.run_fusion(sam)
        patch.undo()
        yield vault


@pytest.fixture
def sam(root: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Session]:
    monkeypatch.setenv("NIA_CONFIG_DIR", str(root.parent / "config"))
    session = unlock(root, "sam", PASSPHRASE)
    yield session
    wait_for_all()
    session.close()


def _link(chart: LinkChart, *names: str) -> LinkItem:
    return next(k for k in chart.links.values() if {k.a.node.name, k.b.node.name} == set(names))


def test_a_capped_link_says_so_and_its_evidence_counts_all(qtbot, sam: Session,  # type: ignore[no-untyped-def]
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    chart = LinkChart(sam)
    qtbot.addWidget(chart)
    chart.resize(900, 600)
    chart.show()
    assert chart.strength_box.maximum() == link_chart.CAP == chart_counts.CAP  # no strength beyond what is counted
    monkeypatch.setattr(chart_counts, "CAP", 2)
    with qtbot.waitSignal(chart.settled, timeout=20000):
        chart.open_chart("")
    qtbot.waitUntil(lambda: chart.busy == 0, timeout=20000)
    over, at, under = _link(chart, A, B), _link(chart, B, C), _link(chart, A, C)
    assert (over.link.shared, over.link.more) == (2, True) and "2+ shared" in over.toolTip()
    assert "counted up to 2" in over.toolTip()
    assert (at.link.shared, at.link.more) == (2, True) and "2+ shared" in at.toolTip()  # "2 or more": not known
    assert (under.link.shared, under.link.more) == (1, False) and "1 shared" in under.toolTip()
    assert "+" not in under.toolTip()
    chart.strength_box.setValue(2)  # links of at least 2: both capped ones are, the single one is not
    assert over.isVisible() and at.isVisible() and not under.isVisible()
    chart.strength_box.setValue(1)
    chart.scene_.clearSelection()
    over.setSelected(True)
    qtbot.waitUntil(lambda: chart.evidence.count() == 3 and chart.busy == 0, timeout=20000)
    assert ": 3 shared reports" in chart.evidence_title.text()  # counted in full when selected


def test_many_links_are_drawn_plain_and_painted_once_filled(qtbot, sam: Session,  # type: ignore[no-untyped-def]
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Past PLAIN_LINKS links the chart drops antialiasing for its lines, and a fill bringing that many is painted
    when its links are all in; the view paints again afterwards (a fill must never leave it frozen)."""
    from PySide6.QtGui import QPainter

    from nia_desktop.ui.views.fusion import chart as chart_module

    chart = LinkChart(sam)
    qtbot.addWidget(chart)
    chart.resize(900, 600)
    chart.show()
    with qtbot.waitSignal(chart.settled, timeout=20000):
        chart.open_chart("")
    qtbot.waitUntil(lambda: chart.busy == 0, timeout=20000)
    assert chart.view.renderHints() & QPainter.RenderHint.Antialiasing  # three links: antialiased
    monkeypatch.setattr(chart_module, "PLAIN_LINKS", 1)
    held: list[bool] = []

    class Watched(LinkItem):  # a real link that notes whether the view was painting when it was added
        def __init__(self, *args: object) -> None:
            held.append(not chart.view.viewport().updatesEnabled())
            super().__init__(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(chart_module, "LinkItem", Watched)
    with qtbot.waitSignal(chart.settled, timeout=20000):
        chart.start()
    qtbot.waitUntil(lambda: chart.busy == 0, timeout=20000)
    assert len(chart.links) == 3
    assert not chart.view.renderHints() & QPainter.RenderHint.Antialiasing
    assert chart.view.viewport().updatesEnabled()
    assert held == [True, True, True]  # each link added while the view was not painting
