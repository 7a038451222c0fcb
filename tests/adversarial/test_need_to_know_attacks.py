"""An outsider's attacks on need-to-know (issue 13): each test is one finding, marked xfail until it is fixed.

Every test builds its own vault with the real `nia` command (or, where hundreds of reports are needed, the store
as tests/bench/bench_need_to_know.py seeds it) and shows what a reader who may not read a report still learns
of it, or a marking the document clearly states that the import loses.
"""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from nia_desktop.core.classification import Level
from tests.e2e.conftest import Nia

OLIVE = {"user": "olive", "passphrase": "olive-passphrase-1"}
ANNA = {"user": "anna", "passphrase": "anna-passphrase-1"}
CORA = {"user": "cora", "passphrase": "cora-passphrase-1"}
SAM = {"user": "sam", "passphrase": "sam-passphrase-1"}


def _vault(nia: Nia) -> Nia:
    """olive (officer); anna (analyst, TOP SECRET, OP-HERON and 特定秘密); cora (CONFIDENTIAL); sam (SECRET)."""
    assert nia("init", "--officer", "olive", "--kdf-memory", "19", "--kdf-time", "2",
               passphrase="olive-passphrase-1").code == 0
    for name, level in (("anna", "TOP SECRET"), ("cora", "CONFIDENTIAL"), ("sam", "SECRET")):
        done = nia("user", "add", name, "--role", "analyst", "--clearance", level, **OLIVE,
                   new_passphrase=f"{name}-passphrase-1")
        assert done.code == 0, done.err
    assert nia("compartment", "add", "OP-HERON", "--description", "Operation Heron", **OLIVE).code == 0
    for compartment in ("OP-HERON", "特定秘密"):
        assert nia("user", "grant", "anna", compartment, **OLIVE).code == 0
    return nia


def _import(nia: Nia, folder: Path, files: dict[str, str | bytes], who: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / name).write_bytes(content.encode() if isinstance(content, str) else content)
    done = nia("import", str(folder), **who)
    assert done.code == 0, done.err


def _reports(nia: Nia, who: dict[str, str]) -> list[dict[str, object]]:
    done = nia("--json", "reports", **who)
    assert done.code == 0, done.err
    return list(done.json())


def _marking_of(nia: Nia, canary: str) -> tuple[str, list[str]]:
    """The level and caveats the fully cleared importer sees on the report titled with ``canary``."""
    found = [r for r in _reports(nia, ANNA) if canary in str(r["title"])]
    assert len(found) == 1
    return str(found[0]["classification"]), list(found[0]["caveats"])  # type: ignore[arg-type]


def test_docx_page_header_marking_is_read(nia: Nia, tmp_path: Path) -> None:
    nia = _vault(nia)
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "TOP SECRET//OP-HERON"
    document.sections[0].footer.paragraphs[0].text = "TOP SECRET//OP-HERON"
    document.add_paragraph("Subject: DOCXCANARY harbour payments")
    document.add_paragraph("Konstantin Yegorov met the DOCXCANARY courier at Otaru on 2025-03-04.")
    document.save(tmp_path / "heron.docx")
    done = nia("import", str(tmp_path / "heron.docx"), **ANNA)
    assert done.code == 0, done.err
    assert "DOCXCANARY" not in nia("--json", "reports", **CORA).out  # CONFIDENTIAL analyst
    assert "DOCXCANARY" not in nia("--json", "search", "DOCXCANARY", **CORA).out
    assert _marking_of(nia, "DOCXCANARY") == ("TOP SECRET", ["OP-HERON"])


def test_title_case_level_is_read(nia: Nia, tmp_path: Path) -> None:
    nia = _vault(nia)
    _import(nia, tmp_path / "in", {"titlecase.txt": "Classification: Top Secret\nSubject: TITLECANARY report\n\n"
                                                    "The TITLECANARY source met Konstantin Yegorov in Otaru.\n"}, ANNA)
    assert "TITLECANARY" not in nia("--json", "reports", **CORA).out
    assert _marking_of(nia, "TITLECANARY")[0] == "TOP SECRET"


def test_specially_designated_secret_in_title_case_is_a_compartment(nia: Nia, tmp_path: Path) -> None:
    nia = _vault(nia)
    _import(nia, tmp_path / "in", {"sds.txt": "Classification: SECRET\n"
                                              "Designation: Specially Designated Secret (Ministry of Defense)\n"
                                              "Subject: SDSCANARY\n\nSDSCANARY details of Konstantin Yegorov.\n"},
            ANNA)
    assert "SDSCANARY" not in nia("--json", "reports", **SAM).out  # SECRET, no 特定秘密 grant
    assert "特定秘密" in _marking_of(nia, "SDSCANARY")[1]


def test_search_rank_does_not_depend_on_hidden_reports(nia: Nia, tmp_path: Path) -> None:
    nia = _vault(nia)
    _import(nia, tmp_path / "hidden", {"sds.txt": "TOP SECRET//特定秘密\nSubject: designated\n\n"
                                                  "Boris Kuznetsovsky met the network in Vladivostok.\n",
                                       **{f"filler{i}.txt": f"UNCLASSIFIED\nSubject: filler {i}\n\nHarbour traffic "
                                                            f"note {i}.\n" for i in range(6)}}, ANNA)
    # cora writes a probe naming one word she suspects is in hidden reporting and one that is nowhere.
    _import(nia, tmp_path / "probe", {"probe.txt": "UNCLASSIFIED\nSubject: probe\n\n"
                                                   "A note naming Kuznetsovsky and Zzyzxprobe once.\n"}, CORA)
    ranks = {}
    for word in ("Kuznetsovsky", "Zzyzxprobe"):
        hits = nia("--json", "search", word, **CORA).json()
        assert [h["title"] for h in hits] == ["probe"]
        ranks[word] = hits[0]["rank"]
    # The same report, each word once: anything but equal ranks comes from what cora may not read.
    assert ranks["Kuznetsovsky"] == ranks["Zzyzxprobe"]


def _add_cora(vault_dir: Path) -> None:
    """cora: an analyst cleared to CONFIDENTIAL, from whom SECRET and above is hidden."""
    from nia_desktop.core.roles import Role
    from nia_desktop.services.session import unlock
    from nia_desktop.services.users import add_user
    from tests.conftest import OFFICER, OFFICER_PASS

    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer:
        add_user(officer, "cora", Role.ANALYST, "cora-passphrase-1", clearance=Level.CONFIDENTIAL)


def _seed(session, i: int, level: Level, text: str) -> None:  # type: ignore[no-untyped-def]
    """Report ``i`` stored straight through the store, at ``level``."""
    from nia_desktop.core.store import reports as store
    from tests.conftest import ANALYST

    store.insert(session.db, store.NewReport(
        sha256=f"{i:064x}", title=f"report {i}", body=text, agency="NPA", classification=level,
        classification_stated=True, reliability="B", credibility="2", language="en", report_date="2026-03-01",
        detected_type="text", encoding="utf-8", original_name=f"{i}.txt", path=f"/m/{i}.txt", inner_path="",
        size=len(text), volume_label="m", volume_path="/m", imported_by=ANALYST,
        imported_at="2026-03-01T00:00:00Z", import_id=0, parent_id=None, fields={}, structured=None),
        text.encode())


def test_hidden_reports_do_not_crowd_out_readable_hits(vault_dir: Path) -> None:
    from nia_desktop.services import reports
    from nia_desktop.services.session import unlock
    from tests.conftest import ANALYST, ANALYST_PASS

    _add_cora(vault_dir)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna, anna.db.transaction():
        _seed(anna, 1, Level.UNCLASSIFIED, "Konstantin Yegorov was seen in Otaru.")
        for i in range(2, 2 + 510):  # newer TOP SECRET reporting on the same man
            _seed(anna, i, Level.TOP_SECRET, f"Yegorov note {i}.")
    with unlock(vault_dir, "cora", "cora-passphrase-1") as cora:
        assert [h.summary.id for h in reports.search(cora, "Yegorov")] == [1]


def test_officer_audit_log_carries_no_names_from_compartmented_reports(nia: Nia, tmp_path: Path) -> None:
    nia = _vault(nia)
    _import(nia, tmp_path / "in", {
        "a.txt": "TOP SECRET//特定秘密\nSubject: first\n\nBoris Kuznetsovsky met Ivan Petrovsky in Vladivostok on "
                 "2025-02-01.\n",
        "b.txt": "TOP SECRET//特定秘密\nSubject: second\n\nBorya Kuznetsovsky paid Orchid Maritime Ltd in Nakhodka "
                 "on 2025-02-03.\n"}, ANNA)
    fused = nia("--json", "fuse", **ANNA)
    assert fused.code == 0, fused.err
    people = [e["id"] for e in fused.json()["entities"] if "Kuznetsovsky" in e["name"]]
    assert len(people) == 2, fused.out
    merged = nia("entity", "merge", *map(str, people), "--why", "one man", **ANNA)
    assert merged.code == 0, merged.err
    log = nia("--json", "audit", "log", "--limit", "200", **OLIVE)  # TOP SECRET officer, no 特定秘密
    assert log.code == 0, log.err
    assert "kuznetsovsky" not in log.out.lower()


@pytest.mark.parametrize("marking", ["秘//作戦・白鷺", "SECRET//SAR-BLUE:ALPHA", "SECRET//O'HARE"])
def test_odd_caveat_is_kept_unknown_not_dropped(nia: Nia, tmp_path: Path, marking: str) -> None:
    nia = _vault(nia)
    _import(nia, tmp_path / "in", {"odd.txt": f"{marking}\nSubject: ODDCANARY\n\nODDCANARY text.\n"}, ANNA)
    # Kept as an unknown marking: nobody reads past it, not even the fully cleared, until an officer defines it.
    caveat = marking.split("//", 1)[1]
    listed = {c["name"]: c["kind"] for c in nia("--json", "compartment", "list", **OLIVE).json()}
    assert listed.get(caveat) == "unknown", listed
    for reader in (ANNA, SAM):
        assert "ODDCANARY" not in nia("--json", "reports", **reader).out


def test_compartment_label_line_is_read(nia: Nia, tmp_path: Path) -> None:
    nia = _vault(nia)
    _import(nia, tmp_path / "in", {"c.txt": "Classification: SECRET\nCompartment: OP-HERON\nSubject: COMPCANARY\n\n"
                                            "COMPCANARY Konstantin Yegorov.\n"}, ANNA)
    assert _marking_of(nia, "COMPCANARY") == ("SECRET", ["OP-HERON"])


def test_entity_split_with_hidden_report_is_refused_and_audited(nia: Nia, tmp_path: Path) -> None:
    nia = _vault(nia)
    _import(nia, tmp_path / "in", {
        "public.txt": "UNCLASSIFIED\nSubject: public\n\nKonstantin Yegorov was seen in Otaru on 2025-03-05.\n",
        "public2.txt": "UNCLASSIFIED\nSubject: public two\n\nKonstantin Yegorov left Otaru on 2025-03-07.\n",
        "hidden.txt": "TOP SECRET//OP-HERON\nSubject: hidden\n\nKonstantin Yegorov met HERONCANARY in Otaru.\n"},
            ANNA)
    hidden = next(r["id"] for r in _reports(nia, ANNA) if r["title"] == "hidden")
    fused = nia("--json", "fuse", **CORA)
    assert fused.code == 0, fused.err
    entity = next(e["id"] for e in fused.json()["entities"] if e["name"] == "Konstantin Yegorov")
    done = nia("entity", "split", str(entity), "--reports", str(hidden), **CORA)
    assert done.code == 1
    assert "refused" in done.err and "need to know" in done.err, done.err
    log = json.loads(nia("--json", "audit", "log", "--limit", "50", **OLIVE).out)
    assert any(e["action"] == "report.need_to_know" and e["actor"] == "cora" for e in log)


def test_how_much_hidden_text_there_is_never_moves_a_one_word_order(vault_dir: Path) -> None:
    """bm25 scales a report's hits by its length against the index's average length, hidden text included: a
    reader from whom anything is hidden could watch two probes swap places as hidden reporting grows."""
    from nia_desktop.services import reports
    from nia_desktop.services.session import unlock

    _add_cora(vault_dir)
    with unlock(vault_dir, "cora", "cora-passphrase-1") as cora:
        with cora.db.transaction():
            _seed(cora, 1, Level.UNCLASSIFIED, "Quillfeather signed.")  # short, one hit
            _seed(cora, 2, Level.UNCLASSIFIED, "Quillfeather " + "harbour " * 90 + "quillfeather again.")  # long, two
            _seed(cora, 3, Level.SECRET, "A secret note on something else.")  # so something is hidden from cora
        before = [h.summary.id for h in reports.search(cora, "quillfeather")]
        with cora.db.transaction():
            _seed(cora, 4, Level.SECRET, "classified " * 5000)  # a great deal of hidden text
        after = [h.summary.id for h in reports.search(cora, "quillfeather")]
    assert sorted(before) == [1, 2] and after == before
