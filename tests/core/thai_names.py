"""Generated Thai names for the order tests, from PyThaiNLP's name corpora (shipped with the
package, nothing downloaded), and the agreement measures against a reference order."""

import bisect
import random

from pythainlp.corpus import thai_family_names, thai_female_names, thai_male_names

# Titles as people type them, spelled out, abbreviated and combined.
TYPED_TITLES = [
    "", "", "", "นาย", "นาง", "นางสาว", "น.ส.", "ด.ช.", "ด.ญ.", "เด็กชาย", "เด็กหญิง", "คุณ", "ดร.", "ศ.",
    "รศ.", "ผศ.", "ผศ.ดร.", "รศ. ดร.", "นพ.", "พญ.", "ทพ.", "ทพญ.", "ภก.", "ภญ.", "ม.ร.ว.", "ม.ล.",
    "หม่อมหลวง", "ว่าที่ร้อยตรี", "ว่าที่ ร.ต.", "ร.ต.ท.", "พ.ต.อ.", "จ.ส.ต.", "พลตำรวจเอก", "พ.อ.",
    "จ่าสิบเอก", "พระ", "พระครู", "พระมหา", "พระอาจารย์", "หลวงพ่อ", "หลวงปู่", "สามเณร", "แม่ชี",
    "กำนัน", "ผู้ใหญ่บ้าน", "ร.ต.อ.หญิง",
]  # fmt: skip
ORGANISATION_KINDS = [
    "กลุ่ม", "ชุมชน", "วัด", "โรงเรียน", "มูลนิธิ", "สหกรณ์", "วิสาหกิจชุมชน", "ชมรม", "เครือข่าย", "ศูนย์",
]  # fmt: skip
LATIN_WORDS = ["OTOP", "Eco", "Samui", "Green", "IT", "Smart", "Youth", "KM"]


def generated_names(count: int = 3000, seed: int = 12) -> list[tuple[str, str]]:
    """(the name as typed, the same name spelled canonically without its title), `count` of them."""
    rng = random.Random(seed)
    given = sorted(thai_female_names()) + sorted(thai_male_names())
    family = sorted(thai_family_names())
    names = []
    while len(names) < count:
        roll = rng.random()
        if roll < 0.7:
            title = rng.choice(TYPED_TITLES)
            canonical = f"{rng.choice(given)} {rng.choice(family)}"
            typed = f"{title}{rng.choice(['', ' '])}{canonical}" if title else canonical
        else:
            canonical = f"{rng.choice(ORGANISATION_KINDS)}{rng.choice(family)}"
            if roll < 0.8:
                canonical += f" หมู่ {rng.choice(['7', '๗', '11', '๑๑', '3', '๓'])}"
            elif roll < 0.85:
                canonical += f" {rng.choice(LATIN_WORDS)}"
            typed = canonical
        names.append((keyboard_variant(typed, rng), canonical))
    return names


def keyboard_variant(name: str, rng: random.Random) -> str:
    """The same name as it arrives from real keyboards and pastes, now and then."""
    roll = rng.random()
    if roll < 0.1 and "ำ" in name:
        return name.replace("ำ", "\u0e4d\u0e32")  # SARA AM as NIKHAHIT + SARA AA
    if roll < 0.15:
        return name.replace(" ", "\u00a0", 1)  # a no-break space
    if roll < 0.2:
        return name.replace(" ", "  ", 1)  # two spaces
    if roll < 0.25:
        cut = rng.randrange(1, len(name))
        return name[:cut] + "\u200b" + name[cut:]  # a zero-width space
    if roll < 0.28:
        return f" {name} "
    return name


def agreement(product_order: list[int], reference_rank: list[int]) -> dict:
    """How far an order (item indices) agrees with a reference (each item's rank; equal ranks are ties):
    pairs the reference orders strictly that are in the same order, and names out of place
    (the fewest names that must move to reach the reference order)."""
    ranks = [reference_rank[i] for i in product_order]
    n = len(ranks)
    tied = sum(c * (c - 1) // 2 for c in _counts(reference_rank).values())
    ordered_pairs = n * (n - 1) // 2 - tied
    discordant = _strict_inversions(ranks)
    tails = []  # longest non-decreasing run of ranks: the names that can stay where they are
    for rank in ranks:
        position = bisect.bisect_right(tails, rank)
        tails[position : position + 1] = [rank]
    return {
        "names": n,
        "ordered_pairs": ordered_pairs,
        "pairs_in_same_order": ordered_pairs - discordant,
        "names_out_of_place": n - len(tails),
    }


def _counts(values):
    counts = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def _strict_inversions(values: list[int]) -> int:
    """Pairs i < j with values[i] > values[j] (merge sort)."""
    if len(values) < 2:
        return 0
    middle = len(values) // 2
    left, right = sorted(values[:middle]), sorted(values[middle:])
    inversions = _strict_inversions(values[:middle]) + _strict_inversions(values[middle:])
    for value in right:
        inversions += len(left) - bisect.bisect_right(left, value)
    return inversions
