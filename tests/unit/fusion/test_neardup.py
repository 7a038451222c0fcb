"""Near-duplicates as republishing makes them: other sites' chrome, trimmed copies, revisions; and what must stay apart.

The texts are written for these tests (realistic, not copied from anywhere). Each case also checks that plain
5-gram resemblance over the whole text would judge it wrongly, so the test fails if the rule it exercises is gone.
"""

from __future__ import annotations

import itertools
import random
from collections import Counter

from nia_desktop.core.fusion import neardup

RELEASE = [
    "On 14 March the Minister for Foreign Affairs lodged a strong protest with the Ambassador of the Russian "
    "Federation over the detention of a Japanese consular officer in Vladivostok.",
    "The officer was held for several hours, blindfolded and questioned under pressure, which is a clear breach "
    "of the Vienna Convention on Consular Relations and utterly unacceptable.",
    "The Government of Japan demanded a formal apology and guarantees that such an incident will not recur, and "
    "rejected the claim that the officer had obtained classified information in exchange for money.",
    "In response, Japan has asked a consul of the Russian Consulate-General in Sapporo to leave the country "
    "within six days, counting from the day after the notification.",
    "The Ministry will continue to take every necessary measure to protect the safety of Japanese diplomats and "
    "nationals abroad and will keep the public informed of further developments.",
]

ARTICLE = [
    "The Reconnaissance General Bureau is the principal foreign intelligence agency of North Korea, formed in 2009 "
    "by merging several bodies of the ruling party and the army.",
    "It is believed to run clandestine operations abroad, from the infiltration of agents into South Korea to "
    "the procurement of weapons technology through front companies in third countries.",
    "Several hacking groups tracked by private security firms are thought to belong to it, among them the "
    "operators behind large thefts from banks and cryptocurrency exchanges since 2016.",
    "Its first director was a general who had commanded special operations forces; the bureau answers to the "
    "State Affairs Commission rather than to the cabinet.",
    "South Korean officials have attributed the sinking of a corvette in 2010 and the shelling of an island the "
    "same year to operations planned by the bureau, which Pyongyang denies.",
    "Defectors describe a training system that selects students in their teens, teaches them foreign languages "
    "and computing, and posts them abroad under commercial or diplomatic cover.",
    "United Nations panels have repeatedly named the bureau in reports on sanctions evasion, citing ship-to-ship "
    "transfers, forged documents and revenue from overseas information-technology workers.",
    "Japan's public security authorities have warned companies that remote software developers hired through "
    "online platforms may in fact work for the bureau and send their pay to the regime.",
]

SITE_A = ["Skip to main content", "Home", "Press Releases", "Foreign Policy", "Countries & Regions",
          "Consular Services", "About the Ministry", "Ministry of Foreign Affairs of Japan", "Press Release",
          "Related Links", "Page Top", "Site Policy", "Accessibility", "Privacy Policy",
          "Asia", "Oceania", "North America", "Latin America and the Caribbean", "Europe", "Middle East",
          "Africa", "Press Conferences", "Speeches and Statements", "Diplomatic Bluebook", "Official Development "
          "Assistance", "Japan's Security Policy", "Economic Diplomacy", "Global Issues", "Visit Japan",
          "Treaties and agreements", "Disarmament and non-proliferation", "Human rights", "Public diplomacy",
          "Japanese nationals overseas", "Travel safety information", "Procurement information", "Access map",
          "Copyright © Ministry of Foreign Affairs of Japan"]
SITE_B = ["Embassy of Japan in the United Kingdom", "About Us", "Visa", "News", "Culture & Education",
          "Japan-UK Relations", "Ambassador", "Latest news from the Embassy", "Contact Us", "Related links",
          "Consular services for Japanese nationals", "Passports and certificates", "Japan Information and "
          "Culture Centre", "Scholarships for study in Japan", "JET Programme", "Business and trade", "Speeches",
          "Press releases", "Events calendar", "Newsletter archive", "Job vacancies", "Study in Japan fair",
          "Japanese language education", "Cultural events", "Safety information", "Residents' registration",
          "Overseas voting", "Certificates of residence", "Driving licence translations", "Japanese Consulate in "
          "Edinburgh", "Back to top", "Terms of use", "© Embassy of Japan in the UK. All rights reserved."]


def page(chrome: list[str], body: list[str]) -> str:
    """A web page as text extraction gives it: navigation above, the release, the footer below."""
    return "\n".join([*chrome[:-4], "", *body, "", *chrome[-4:]])


def filler(seed: int, sentences: int = 6) -> list[str]:
    """Unrelated report text (distinct words per seed), so the collection has other pages of each site."""
    rng = random.Random(seed)
    words = [("".join(rng.choice("abcdefghiklmnoprstuvwy") for _ in range(rng.randint(3, 9)))) for _ in range(400)]
    return [" ".join(rng.choice(words) for _ in range(22)).capitalize() + "." for _ in range(sentences)]


def raw_resemblance(one: str, two: str) -> float:
    return neardup.jaccard(neardup.shingles(one), neardup.shingles(two))


def test_a_release_republished_with_another_sites_navigation_and_footer() -> None:
    original = page(SITE_A, RELEASE)
    republished = page(SITE_B, ["The Embassy would like to share the following press release from Tokyo.", *RELEASE])
    others = [page(SITE_A, filler(seed)) for seed in range(5)] + [page(SITE_B, filler(seed)) for seed in range(5, 10)]
    contents = [(1, original), (2, republished)] + [(10 + i, text) for i, text in enumerate(others)]
    assert raw_resemblance(original, republished) < neardup.THRESHOLD  # the chrome alone would hide the copy
    assert neardup.groups(contents) == [[1, 2]]  # and the sites' chrome does not make their pages copies


def test_a_trimmed_copy_inside_the_longer_original() -> None:
    original = "\n\n".join(ARTICLE)
    trimmed = "\n\n".join(ARTICLE[:3])  # a mirror that kept the first paragraphs only
    others = [(10 + seed, "\n".join(filler(seed, 8))) for seed in range(6)]
    assert raw_resemblance(original, trimmed) < neardup.THRESHOLD
    assert neardup.groups([(1, original), (2, trimmed), *others]) == [[1, 2]]


def test_a_sentence_is_not_a_copy_of_the_article_it_comes_from() -> None:
    original = "\n\n".join(ARTICLE[:2])
    quoted = ARTICLE[1][:120]  # fully contained, a third of it, but too short to call a copy
    assert raw_resemblance(original, quoted) >= neardup.WEAK
    assert neardup.groups([(1, original), (2, quoted)]) == []


def test_a_revised_article_with_a_paragraph_added_and_sentences_reworded() -> None:
    old = "\n\n".join(ARTICLE[:6])
    revised = ARTICLE[:6] + ARTICLE[6:]  # two paragraphs added at the end, three sentences reworded
    revised[1] = ("It is thought to conduct covert operations overseas, ranging from sending agents into South Korea "
                  "to buying weapons technology through front companies in other countries.")
    revised[3] = ("Its first director, a general from the special operations forces, reported to the State Affairs "
                  "Commission and not to the cabinet, according to later accounts.")
    revised[4] = ("Seoul has blamed the bureau for the 2010 sinking of a navy corvette and the shelling of an island "
                  "later that year; North Korea denies both.")
    new = "\n\n".join(revised)
    others = [(10 + seed, "\n".join(filler(seed, 8))) for seed in range(6)]
    assert raw_resemblance(old, new) < neardup.THRESHOLD
    assert neardup.groups([(1, old), (2, new), *others]) == [[1, 2]]


def test_reports_of_one_storyline_sharing_boilerplate_and_template_sentences_stay_apart() -> None:
    disclaimer = ("This report contains information from sensitive sources. Do not forward it outside the receiving "
                  "division, do not quote its source descriptions, and return it to the registry once it has served "
                  "its purpose.")
    closing = "Route any questions on this report through the issuing desk."
    rng = random.Random(7)
    reports = []
    for number in range(12):
        # each report picks four of the storyline's standard sentences and adds its own reporting
        picked = rng.sample(ARTICLE, 4)
        own = filler(100 + number, 2)
        # in paragraphs of their own making, so no line repeats across reports: only the sentences do
        paragraphs = [" ".join([picked[0], own[0], picked[1]]), " ".join([picked[2], own[1], picked[3]])]
        reports.append((number + 1, "\n".join(["KEY POINTS", paragraphs[0], "REPORTING", paragraphs[1],
                                               "DISSEMINATION", disclaimer, closing])))
    close = max(raw_resemblance(a, b) for (_, a), (_, b) in itertools.pairwise(reports))
    assert close > neardup.WEAK  # alike enough to be taken for revisions of one another by a weaker rule alone
    assert neardup.groups(reports) == []
    # while a true re-send among them, with its own forwarding note, is still found
    resent = (99, "Forwarded from the Cabinet Intelligence and Research Office.\n" + reports[3][1])
    assert neardup.groups([*reports, resent]) == [[4, 99]]


def test_a_chain_of_overlapping_reports_does_not_become_one_group() -> None:
    units = filler(500, 16)

    def part(start: int) -> str:
        return "\n".join(units[start:start + 8])

    chain = [(n + 1, part(2 * n)) for n in range(5)]  # each shares 6 of 8 sentences with the next, none with the 5th
    assert neardup.jaccard(neardup.shingles(chain[0][1]), neardup.shingles(chain[1][1])) >= neardup.THRESHOLD
    found = neardup.groups(chain)
    assert found and all(not ({1, 5} <= set(group)) and not ({1, 4} <= set(group)) for group in found)


def test_japanese_copies_with_different_chrome_are_found_and_chrome_lines_are_ignored() -> None:
    body = ("令和8年3月14日、外務大臣は在京ロシア大使に対し、ウラジオストクにおける我が国領事官の拘束について"
            "強く抗議した。同官は数時間にわたり目隠しをされた上で威圧的な取調べを受けたもので、領事関係に関するウィーン条約の明白な違反である。"
            "政府は正式な謝罪と再発防止を求めるとともに、金銭と引換えに秘密情報を入手したとの主張を否定した。")
    one = "\n".join(["本文へ", "ホーム", "Skip to main content", "印刷", body, "Share this page", "ページの先頭へ戻る",
                     "Back to top", "Copyright © 外務省", "Cookie settings"])
    two = "\n".join(["転送", "このページをシェア", body, "著作権について", "利用規約"])
    assert neardup.groups([(1, one), (2, two), (3, "\n".join(filler(3)))]) == [[1, 2]]
    # the list of obvious chrome works even where the collection is too small to learn it
    kept = neardup._without_boilerplate(neardup._lines(one), Counter(), (5, 5))
    assert neardup.shingles(kept) == neardup.shingles(body)


def test_attachments_are_compared_as_part_of_their_message() -> None:
    """Two messages' selector lists of one storyline are nearly alike; the messages are not copies."""
    from nia_desktop.core.fusion.engine import fuse
    from nia_desktop.core.fusion.nodes import ReportText

    register = "\n".join(f"item,{n},kgt-secure-login{n}.example,203.0.113.{n},phishing infrastructure"
                         for n in range(1, 30))
    first = ("The port operator reported a wave of phishing against its logistics staff in March; the lures "
             "imitated the terminal's own portal and asked for one-time codes. ") * 3
    second = ("A contractor's engineer received a fake recruiter approach on a professional network and later "
              "installed a document viewer from a link the recruiter sent. ") * 3
    reports = [ReportText(1, "Phishing wave", first), ReportText(2, "selectors.csv", register, message=1),
               ReportText(3, "Recruiter approach", second), ReportText(4, "selectors.csv", register + "\nx", message=3),
               ReportText(5, "Phishing wave (re-sent)", first + " Forwarded by the NPA."),
               ReportText(6, "selectors.csv", register, message=5)]
    assert fuse(reports).duplicates == [[1, 5]]
