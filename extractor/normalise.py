"""Unicode normalisation that keeps a map back to the decoded text.

Recognisers see one spelling of every word (NFC, new-style tone placement, plain spaces), so a rule
written for ``hòa`` also fires on NFD input or on ``hoà``; the map turns their offsets back into
offsets of the text as decoded, which is what the record promises.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Characters that are spaces to a reader but not to a regex.
_SPACES = {"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u3000": " ",
           "\t": " "}
_DROP = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
_SPACE_TABLE = str.maketrans(_SPACES)
# Characters that change the text's length (dropped, or combining marks that compose).
_NEEDS_WALK = re.compile("[" + "".join(_DROP) + "\u0300-\u036f]")

# New-style tone placement (``hoà``, ``thuỷ``) → old style (``hòa``, ``thủy``), the statistics
# office's spelling. Only in open syllables (``hoàn`` keeps its mark) and never after ``q`` (``quý``).
_NEW_TO_OLD = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
               "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
               "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
for _k, _v in list(_NEW_TO_OLD.items()):
    _NEW_TO_OLD[_k.upper()] = _v.upper()
    _NEW_TO_OLD[_k[0].upper() + _k[1:]] = _v[0].upper() + _v[1:]
_NEW_STYLE = re.compile(r"(?<![qQ\w])(?:[^\W\d_]*?)?(?<![qQ])(" + "|".join(_NEW_TO_OLD) + r")(?!\w)")
_NEW_STYLE = re.compile(r"(?<![qQ])(" + "|".join(_NEW_TO_OLD) + r")(?!\w)")


@dataclass(frozen=True)
class Normalised:
    """``text`` is what recognisers read; ``to_raw[i]`` is the raw offset of ``text[i]``
    (with one extra entry for the end of the text)."""

    text: str
    to_raw: tuple[int, ...]

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span to the raw span covering the same characters."""
        if end <= start:
            r = self.to_raw[start]
            return r, r
        return self.to_raw[start], self.to_raw[end - 1] + self._width(end - 1)

    def _width(self, i: int) -> int:
        nxt = self.to_raw[i + 1]
        return max(1, nxt - self.to_raw[i]) if nxt > self.to_raw[i] else 1


def fold_tone(text: str) -> str:
    """Text with tone marks on the old-style vowel (``hoà`` → ``hòa``); NFC assumed.

    Keeps lengths (two letters become two letters), so offsets do not move. Patterns are loaded
    through this too, so a rule matches whichever placement the article used.
    """
    return _NEW_STYLE.sub(lambda m: _NEW_TO_OLD[m.group(1)], text)


def normalise(raw: str) -> Normalised:
    """NFC per grapheme cluster, spaces unified, invisible characters dropped, tones folded.

    Walks the raw text cluster by cluster (a base letter with its combining marks) so each
    normalised character knows which raw characters it came from. Most articles are already NFC
    with nothing to drop: then only same-length replacements apply and the map is the identity,
    which skips the per-character walk (the costliest step of this module).
    """
    if unicodedata.is_normalized("NFC", raw) and not _NEEDS_WALK.search(raw):
        return Normalised(fold_tone(raw.translate(_SPACE_TABLE)), tuple(range(len(raw) + 1)))
    out: list[str] = []
    to_raw: list[int] = []
    i, n = 0, len(raw)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(raw[j]):
            j += 1
        cluster = raw[i:j]
        if cluster in _DROP:
            i = j
            continue
        cluster = _SPACES.get(cluster, cluster)
        composed = unicodedata.normalize("NFC", cluster)
        for k, ch in enumerate(composed):
            out.append(ch)
            to_raw.append(i if k == 0 else min(i + k, j - 1))
        i = j
    to_raw.append(n)
    return Normalised(fold_tone("".join(out)), tuple(to_raw))
