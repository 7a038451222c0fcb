"""No single officer account, acting alone, gets a briefing at or above the review level out of the vault
(issue 10, point 6), through the real CLI: a puppet analyst, a reset of a real analyst's passphrase, another
officer account, the settings. Each attempt exits 1, writes nothing, and is audited."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.conftest import Nia
from tests.e2e.test_briefing_cli import ANNA, OLIVE, OTTO, second_officer, secret_case

MALLORY = {"user": "mallory", "passphrase": "mallory-passphrase-1"}
WITNESS_OTTO = {"NIA_WITNESS_PASSPHRASE": OTTO["passphrase"]}


def _brief(nia: Nia, who: dict[str, str], out: Path) -> dict[str, object]:
    made = nia("brief", "harbour", "--out", str(out), "--json", **who)
    assert made.code == 0, made.err
    return dict(made.json())


def _refused(result: object, words: str) -> None:
    code, err = getattr(result, "code"), getattr(result, "err")  # noqa: B009
    assert code == 1, (code, err)
    assert words in err, err
    assert "Traceback" not in err


def test_puppet_analyst(nia_vault: Nia) -> None:
    """The review's attack: the officer adds mallory, mallory briefs, the same officer approves."""
    assert nia_vault("user", "add", "mallory", "--role", "analyst", new_passphrase=MALLORY["passphrase"],
                     **OLIVE).code == 0
    secret_case(nia_vault)  # anna's reports; mallory reads them like any analyst
    out = nia_vault.tmp / "leak.nia"
    request = _brief(nia_vault, MALLORY, out)["request"]
    _refused(nia_vault("release", "approve", str(request), **OLIVE), "olive set mallory's passphrase")
    again = _brief(nia_vault, MALLORY, out)
    assert again["status"] == "pending" and not out.exists()
    log = nia_vault("audit", "log", "--json", **OLIVE).json()
    assert any(e["action"] == "release.approve" and e["outcome"] == "refused" for e in log)


def test_reset_of_a_real_analysts_passphrase(nia_vault: Nia) -> None:
    """Otto is anna's rightful reviewer; once otto resets anna's passphrase, otto could be anna."""
    second_officer(nia_vault)
    secret_case(nia_vault)
    assert nia_vault("user", "reset-passphrase", "anna", new_passphrase="anna-by-otto-pass-1", **OTTO).code == 0
    as_anna = {"user": "anna", "passphrase": "anna-by-otto-pass-1"}
    out = nia_vault.tmp / "leak.nia"
    request = _brief(nia_vault, as_anna, out)["request"]
    _refused(nia_vault("release", "approve", str(request), **OTTO), "otto set anna's passphrase")
    assert not out.exists()


def test_reset_after_approval_voids_the_approval(nia_vault: Nia) -> None:
    """Approved by otto, then otto resets anna's passphrase and exports as anna: refused at export."""
    second_officer(nia_vault)
    secret_case(nia_vault)
    out = nia_vault.tmp / "leak.nia"
    request = _brief(nia_vault, ANNA, out)["request"]
    assert nia_vault("release", "approve", str(request), **OTTO).code == 0
    assert nia_vault("user", "reset-passphrase", "anna", new_passphrase="anna-by-otto-pass-1", **OTTO).code == 0
    export = nia_vault("brief", "harbour", "--out", str(out), user="anna", passphrase="anna-by-otto-pass-1")
    _refused(export, "no longer counts")
    assert not out.exists()


def test_another_officer_account(nia_vault: Nia) -> None:
    """With two officers, one cannot add a third alone, nor use an officer whose passphrase they set."""
    second_officer(nia_vault)
    _refused(nia_vault("user", "add", "mallet", "--role", "officer", new_passphrase="mallet-passphrase-1",
                       **OLIVE), "dual control")
    assert nia_vault("user", "list", "--json", **OLIVE).json()[-1]["name"] != "mallet"
    # The witness must be someone else: olive cannot witness for olive.
    _refused(nia_vault("user", "add", "mallet", "--role", "officer", "--witness", "olive",
                       new_passphrase="mallet-passphrase-1", env={"NIA_WITNESS_PASSPHRASE": OLIVE["passphrase"]},
                       **OLIVE), "cannot witness")
    # With otto present, olive adds mallet: mallet's passphrase is olive's, so mallet never reviews what olive
    # set up, and never witnesses for olive.
    added = nia_vault("user", "add", "mallet", "--role", "officer", "--witness", "otto",
                      new_passphrase="mallet-passphrase-1", env=WITNESS_OTTO, **OLIVE)
    assert added.code == 0, added.err
    mallet = {"user": "mallet", "passphrase": "mallet-passphrase-1"}
    secret_case(nia_vault)
    request = _brief(nia_vault, ANNA, nia_vault.tmp / "x.nia")["request"]
    _refused(nia_vault("release", "approve", str(request), **mallet), "olive set the passphrases of both")
    _refused(nia_vault("settings", "set", "release_review_from", "4", "--witness", "mallet",
                       env={"NIA_WITNESS_PASSPHRASE": "mallet-passphrase-1"}, **OLIVE), "cannot witness")


def test_settings_alone(nia_vault: Nia) -> None:
    """Switching review off, raising its level or lowering the default classification: never one officer."""
    for key, value in (("release_review_from", "4"), ("release_review_from", "3"), ("default_classification", "0")):
        _refused(nia_vault("settings", "set", key, value, **OLIVE), "two security officers")
    second_officer(nia_vault)
    for key, value in (("release_review_from", "4"), ("default_classification", "0")):
        _refused(nia_vault("settings", "set", key, value, **OLIVE), "second security officer")
    assert nia_vault("settings", "set", "release_review_from", "1", **OLIVE).code == 0  # stricter: alone is fine
    shown = nia_vault("settings", "list", "--json", **OLIVE).json()
    assert shown["release_review_from"] == 1 and shown["default_classification"] == 1
