"""Value generators for the identifier corpus: text values shaped like real survey exports.

All invented: names are random pairs of common given and family names of each tradition, phone
numbers random digits in each country's shape, places invented, GPS random.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

ROWS = 200
Values = list[str]
Rng = np.random.Generator

GIVEN = {
    "arabic": [
        "Mohamed",
        "Ahmed",
        "Fatima",
        "Aisha",
        "Omar",
        "Khadija",
        "Youssef",
        "Mariam",
        "Hassan",
        "Layla",
        "Ibrahim",
        "Noor",
        "Abdullah",
        "Huda",
        "Khalid",
        "Rania",
    ],
    "arabic_script": [
        "محمد",
        "أحمد",
        "فاطمة",
        "عائشة",
        "عمر",
        "خديجة",
        "يوسف",
        "مريم",
        "حسن",
        "ليلى",
        "إبراهيم",
        "نور",
    ],
    "somali": [
        "Faadumo",
        "Cabdi",
        "Xaliimo",
        "Maxamed",
        "Hodan",
        "Cali",
        "Ubax",
        "Axmed",
        "Sahra",
        "Yuusuf",
        "Ifrah",
        "Bashiir",
        "Hibo",
        "Deeqa",
    ],
    "french": [
        "Jean-Baptiste",
        "Marie",
        "Pierre",
        "Aminata",
        "Élodie",
        "François",
        "Chantal",
        "Joseph",
        "Béatrice",
        "Emmanuel",
        "Claire",
        "Théo",
    ],
    "spanish": [
        "María José",
        "José Luis",
        "Carmen",
        "Juan",
        "Lucía",
        "Alejandro",
        "Rosa",
        "Andrés",
        "Valentina",
        "Diego",
        "Sofía",
        "Ángel",
    ],
    "hausa": [
        "Aminu",
        "Hauwa",
        "Bello",
        "Zainab",
        "Sani",
        "Halima",
        "Musa",
        "Rakiya",
        "Usman",
        "Binta",
        "Garba",
        "Lami",
    ],
    "tigrinya": ["Tesfaye", "Mebrat", "Yonas", "Selam", "Habtom", "Senait", "Kidane", "Ruta"],
    "ukrainian": ["Olena", "Mykola", "Iryna", "Taras", "Oksana", "Andrii", "Nataliia", "Yurii"],
}
FAMILY = {
    "arabic": [
        "Al-Hassan",
        "Haddad",
        "Mansour",
        "Khoury",
        "Abdelrahman",
        "El Amin",
        "Saleh",
        "Nasser",
        "Ibrahim",
        "Osman",
    ],
    "arabic_script": ["الحسن", "حداد", "منصور", "خوري", "عبد الرحمن", "صالح", "ناصر", "عثمان"],
    "somali": ["Cabdi Xasan", "Maxamuud", "Warsame", "Jaamac", "Cilmi", "Faarax", "Nuur Aadan"],
    "french": ["Dupont", "Traoré", "Lefèvre", "Diallo", "Moreau", "Kaboré", "Ngoma", "Lambert"],
    "spanish": [
        "García López",
        "Rodríguez",
        "Martínez Pérez",
        "Hernández",
        "Gómez",
        "Díaz",
        "Sánchez Ruiz",
    ],
    "hausa": ["Usman", "Abdullahi", "Bello", "Danjuma", "Garba", "Yakubu", "Lawal", "Sule"],
    "tigrinya": ["Gebremariam", "Tesfamariam", "Haile", "Berhane", "Weldemichael", "Kidane"],
    "ukrainian": ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Melnyk", "Kravchuk"],
}
#: (local format, international format): digits are drawn for every "#"
PHONE_SHAPES = {
    "somalia": ("061 ### ####", "+252 61 ### ####"),
    "kenya": ("07## ######", "+254 7## ######"),
    "nigeria": ("0803 ### ####", "+234 803 ### ####"),
    "france": ("06 ## ## ## ##", "+33 6 ## ## ## ##"),
    "colombia": ("3## ### ####", "+57 3## ### ####"),
    "iraq": ("0770 ### ####", "+964 770 ### ####"),
    "jordan": ("07# ### ####", "+962 7# ### ####"),
    "sudan": ("091 ### ####", "+249 91 ### ####"),
    "mali": ("7# ## ## ##", "+223 7# ## ## ##"),
    "drc": ("081 ### ####", "+243 81 ### ####"),
    "ukraine": ("067 ### ## ##", "+380 67 ### ## ##"),
    "bangladesh": ("017## ######", "+880 17## ######"),
}
PLACES = [
    "Alvora",
    "Bendeki",
    "Corvalle",
    "Dunmere",
    "Esk Hollow",
    "Farrow",
    "Gildane",
    "Harth",
    "Iskel",
    "Jorvik Nord",
    "Kestrel Bay",
    "Lunmoor",
    "Mirefield",
    "Norwick",
    "Oldcastle",
    "Pellam",
    "Quarrow",
    "Rushden Sud",
    "Saltmarsh",
    "Tamber",
]
SENTENCES = [
    "We left after the floods destroyed the fields and stayed with my cousin in {p}",
    "Nous sommes partis quand les combats ont atteint {p}, mon mari est resté",
    "The landlord asked us to leave, we had no papers for the house near {p}",
    "Mon voisin {n} nous a aidés à trouver un abri à {p}",
    "She says the school in {p} is too far and the road is not safe at night",
    "They need help to replace the documents lost during the move from {p}",
    "Respondent was tired, interview stopped twice, continued next day in {p}",
    "Il faudrait réparer le puits de {p} avant la saison sèche",
]


def digits(rng: Rng, shape: str) -> str:
    return "".join(str(rng.integers(0, 10)) if ch == "#" else ch for ch in shape)


def phones(rng: Rng, country: str, style: str) -> Values:
    """style: local, international, plus_less (no +), 00, dashes, compact, digits (local digits
    only, leading zero kept), numeric (digits of the international number, as a number)."""
    local, intl = PHONE_SHAPES[country]
    out = []
    for _ in range(ROWS):
        number = digits(rng, intl)
        loc = local.replace("#", "{}").format(
            *[c for c in number if c.isdigit()][-local.count("#") :]
        )
        if style == "local":
            out.append(loc)
        elif style == "international":
            out.append(number)
        elif style == "plus_less":
            out.append(number.lstrip("+"))
        elif style == "00":
            out.append("00" + number.lstrip("+"))
        elif style == "dashes":
            out.append(number.replace(" ", "-"))
        elif style == "compact":
            out.append(number.replace(" ", ""))
        elif style == "digits":
            out.append(loc.replace(" ", ""))
        else:  # numeric
            out.append(number.replace(" ", "").lstrip("+"))
    return out


def person_names(rng: Rng, tradition: str, style: str = "full") -> Values:
    given, family = GIVEN[tradition], FAMILY[tradition]
    out = []
    for _ in range(ROWS):
        g = given[rng.integers(0, len(given))]
        if style == "given":
            out.append(g)
            continue
        name = f"{g} {given[rng.integers(0, len(given))]} {family[rng.integers(0, len(family))]}"
        if rng.random() < 0.5:
            name = f"{g} {family[rng.integers(0, len(family))]}"
        out.append(name.upper() if style == "upper" else name.lower() if style == "lower" else name)
    return out


def latlon(rng: Rng, axis: str, centre: float) -> Values:
    return [f"{centre + rng.normal(0, 0.3):.6f}" for _ in range(ROWS)]


def geopoints(rng: Rng, lat: float, lon: float, style: str = "kobo") -> Values:
    out = []
    for _ in range(ROWS):
        a, b = lat + rng.normal(0, 0.2), lon + rng.normal(0, 0.2)
        alt, acc = rng.integers(5, 900), rng.uniform(3, 25)
        if style == "kobo":
            out.append(f"{a:.6f} {b:.6f} {alt}.0 {acc:.1f}")
        elif style == "list":
            out.append(f"[{a:.6f}, {b:.6f}]")
        else:
            out.append(f"{a:.5f}, {b:.5f}")
    return out


def national_ids(rng: Rng, shape: str) -> Values:
    return [
        digits(rng, shape).replace("@", chr(65 + int(rng.integers(0, 26)))) for _ in range(ROWS)
    ]


def dates(rng: Rng, start: str, days: int, fmt: str) -> Values:
    base = dt.datetime.fromisoformat(start)
    out = []
    for _ in range(ROWS):
        t = base + dt.timedelta(
            days=int(rng.integers(0, days)), seconds=int(rng.integers(0, 86400))
        )
        out.append(t.strftime(fmt))
    return out


def decimals(rng: Rng, mean: float, places: int, comma: bool = False) -> Values:
    vals = rng.lognormal(np.log(mean), 0.6, ROWS)
    text = [f"{v:.{places}f}" for v in vals]
    return [t.replace(".", ",") for t in text] if comma else text


def codes(rng: Rng, choices: list[str], p: list[float] | None = None) -> Values:
    return [str(x) for x in rng.choice(choices, ROWS, p=p)]


def flags(rng: Rng, yes: str = "1", no: str = "0", share: float = 0.6) -> Values:
    return [yes if r < share else no for r in rng.random(ROWS)]


def place_names(rng: Rng, k: int, suffix: str = "") -> Values:
    names = [p + suffix for p in PLACES[:k]]
    return [names[i] for i in rng.integers(0, len(names), ROWS)]


def free_texts(rng: Rng, blank: float = 0.3) -> Values:
    out = []
    for _ in range(ROWS):
        if rng.random() < blank:
            out.append("")
            continue
        s = SENTENCES[rng.integers(0, len(SENTENCES))]
        out.append(s.format(p=PLACES[rng.integers(0, 20)], n=GIVEN["french"][rng.integers(0, 12)]))
    return out


def with_missing(rng: Rng, values: Values, marker: str, share: float) -> Values:
    return [
        marker if r < share else v for v, r in zip(values, rng.random(len(values)), strict=True)
    ]
