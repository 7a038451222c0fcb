"""The link chart annex page of a real briefing PDF (docs/screenshots/briefing-chart-annex.png).

Run (no X server needed):
    .venv/bin/python tools/briefing_annex_screenshot.py [out-dir]

The demo vault (fictional samples) is made in a temporary folder; the analyst fuses the demo case and composes
its briefing with the link chart annex through services/briefings, as `nia brief "Demo: Kestrel Bay"
--chart-annex` does; the PDF is the bytes the bundle would carry (briefings.rendered), kept in memory, and the
page holding the annex's figure is rendered with pypdfium2: banners, figure, legend and the start of its key.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pypdfium2 as pdfium

from nia_desktop.services import briefings, fusion
from nia_desktop.services.session import unlock
from nia_desktop.services.vault_setup import create_demo_vault

CASE = "Demo: Kestrel Bay"
HEADING = "Link chart:"  # the annex figure's title, as the PDF sets it
SCALE = 1.25  # 1 pt -> 1.25 px: an A4 page 744 px wide


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["NIA_CONFIG_DIR"] = str(Path(tmp) / "config")
        root = create_demo_vault(Path(tmp) / "vault")
        with unlock(root, "analyst", "demo-analyst-pass") as session:
            fusion.fuse_kept(session, CASE)
            briefing = briefings.compose(session, CASE, chart_annex=True)
    pdf = next(p.data for p in briefings.rendered(briefing) if p.name == "briefing.pdf")
    document = pdfium.PdfDocument(pdf)
    pages = [i for i in range(len(document)) if HEADING in document[i].get_textpage().get_text_range()]
    if not pages:
        raise SystemExit("no link chart annex in the briefing's PDF")
    path = out / "briefing-chart-annex.png"
    out.mkdir(parents=True, exist_ok=True)
    document[pages[0]].render(scale=SCALE).to_pil().convert("RGB").save(path, optimize=True)
    chart = briefing.chart
    assert chart is not None
    print(f"page {pages[0] + 1} of {len(document)}: {len(chart.nodes)} entities, {len(chart.links)} links; "
          f"wrote {path}")


if __name__ == "__main__":
    main()
