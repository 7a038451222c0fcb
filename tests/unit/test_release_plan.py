"""The release dialog's dry run (services/dissemination.plan): each consumer's product or refusal, as release_to
would decide it, with the review it needs; nothing written, queued or audited."""

from __future__ import annotations

from pathlib import Path

from nia_desktop.core.classification import Level
from nia_desktop.services.dissemination import plan, release_to
from tests.unit.test_release_to import World, audit_rows, world  # noqa: F401 (a fixture)


def test_the_plan_names_each_consumer_s_product_or_refusal_and_writes_nothing(world: World,  # noqa: F811
                                                                             tmp_path: Path) -> None:
    with world.analyst() as session:
        before = session.db.query("SELECT count(*) FROM audit")[0][0]
        planned = {p.consumer: p for p in plan(session, "harbour", ["kantei", "mofa", "press", "nobody", "mofa"])}
        assert list(planned) == ["kantei", "mofa", "press", "nobody"]
        kantei, mofa, press, nobody = planned.values()
        assert kantei.marking is not None and kantei.marking.level is Level.TOP_SECRET and kantei.tearline == ""
        assert mofa.marking is not None and mofa.marking.level is Level.SECRET and mofa.tearline == "SECRET"
        assert kantei.review == mofa.review == "needed" and not kantei.refusal and not mofa.refusal
        assert press.marking is None and "press (press office, up to UNCLASSIFIED)" in press.refusal
        assert press.max_level is Level.UNCLASSIFIED
        assert nobody.max_level is None and "no consumer named 'nobody'" in nobody.refusal
        assert session.db.query("SELECT count(*) FROM audit")[0][0] == before
        assert session.db.query("SELECT count(*) FROM release_requests")[0][0] == 0

        # The release decides the same, and its review then stands as the plan says.
        done = release_to(session, "harbour", ["kantei", "mofa"], None)
        assert [(r.consumer, r.status, r.marking) for r in done.released] == [
            ("kantei", "queued", kantei.marking), ("mofa", "queued", mofa.marking)]
        assert {p.review for p in plan(session, "harbour", ["kantei", "mofa"])} == {"pending"}
        assert audit_rows(session, "release.to")
