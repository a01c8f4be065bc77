"""underthesea's word-segmentation CRF, scored here instead of through ``word_tokenize``.

``word_tokenize`` spends four fifths of its time building 43 feature strings per syllable in Rust,
handing them to Python and back, and looking each one up again. The model itself is tiny: two
labels (``B-W``, ``I-W``) and one weight per (attribute, label). So this module reads the same
model file (CRFsuite format), the same feature templates and the same dictionary that underthesea
ships, and computes each syllable's score directly: the templates that look at one syllable are
summed once per distinct syllable and remembered; the ones that look at two or three adjacent
syllables are looked up per position. Viterbi over two labels is a few additions.

The features follow underthesea_core's ``CRFFeaturizer`` exactly (``BOS``/``EOS`` outside the
sentence, ``isdigit`` as a 32-bit integer parse, ``istitle`` as "every part's first character is
its own upper case", the dictionary looked up in lower case), and ``tests/test_crf.py`` holds the
output equal to ``word_tokenize``'s on every sentence of the corpus and the probe articles. Only
the difference between the two labels' scores matters to Viterbi, so one number per position is
kept.
"""
from __future__ import annotations

import pickle
import re
import struct
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

_MODEL_DIR = "ws_crf_vlsp2013_20230727"
_INT32 = re.compile(r"[+-]?[0-9]+")
_UNIGRAM_LIMIT = 200_000        # distinct syllables remembered before the memo starts again
_OFFSETS = (-2, -1, 0, 1, 2)
_PAIRS = ((-2, -1), (-1, 0), (0, 1), (1, 2))
_TRIPLES = ((-2, 0), (-1, 1), (0, 2))
_FEATURE = np.dtype([("kind", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])


def model_dir() -> Path:
    """Where underthesea keeps its word-segmentation model (installed with the package)."""
    import underthesea.pipeline.word_tokenize as word_tokenize_package
    return Path(word_tokenize_package.__file__).parent / "models" / _MODEL_DIR


def _cqdb_strings(data: bytes, start: int) -> list[str]:
    """The strings of one CRFsuite CQDB block, by id (its backward array points at each record)."""
    magic, _size, _flag, _order, count, backward = struct.unpack_from("<4s5I", data, start)
    if magic != b"CQDB":
        raise ValueError("not a CQDB block")
    strings = []
    for offset in struct.unpack_from(f"<{count}I", data, start + backward):
        _id, length = struct.unpack_from("<iI", data, start + offset)
        key = start + offset + 8
        strings.append(data[key:key + length - 1].decode("utf-8"))
    return strings


def read_crfsuite(path: Path) -> tuple[list[str], list[str], np.ndarray, np.ndarray]:
    """Labels, attributes, the state weights (attribute × label) and the transition weights
    (label × label) of a CRFsuite model file."""
    data = path.read_bytes()
    magic, _size, kind = struct.unpack_from("<4sI4s", data, 0)
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError(f"{path}: not a CRFsuite CRF1d model")
    (_version, _nf, n_labels, _na, off_features, off_labels, off_attrs,
     _lrefs, _arefs) = struct.unpack_from("<9I", data, 12)
    labels = _cqdb_strings(data, off_labels)[:n_labels]
    attributes = _cqdb_strings(data, off_attrs)
    chunk, _chunk_size, n_features = struct.unpack_from("<4s2I", data, off_features)
    if chunk != b"FEAT":
        raise ValueError(f"{path}: no feature block")
    features = np.frombuffer(data, dtype=_FEATURE, count=n_features, offset=off_features + 12)
    state = np.zeros((len(attributes), n_labels))
    transitions = np.zeros((n_labels, n_labels))
    is_state = features["kind"] == 0
    np.add.at(state, (features["src"][is_state], features["dst"][is_state]),
              features["weight"][is_state])
    np.add.at(transitions, (features["src"][~is_state], features["dst"][~is_state]),
              features["weight"][~is_state])
    return labels, attributes, state, transitions


def _load_pickle(path: Path):
    """One of underthesea's own model files: a plain pickle read with the C unpickler (joblib's
    Python one takes five times as long), or through joblib if it is one of joblib's formats."""
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except pickle.UnpicklingError:
        import joblib  # only for a format plain pickle cannot read: its import is not free
        return joblib.load(path)


def _is_int32(text: str) -> bool:
    """Rust's ``str::parse::<i32>`` succeeds: the featuriser's ``isdigit``."""
    return bool(_INT32.fullmatch(text)) and -2 ** 31 <= int(text) < 2 ** 31


def _is_title(text: str) -> bool:
    """The featuriser's ``istitle``: every space-separated part starts with its own upper case."""
    return all(part[:1] == part[:1].upper() for part in text.split(" "))


def _flag(value: bool) -> str:
    return "True" if value else "False"


@dataclass
class WordSegmenter:
    """The CRF with its weights regrouped by feature template, as I-W-minus-B-W differences."""

    tables: dict[str, dict[str, float]]          # template → value → weight difference
    dictionary: frozenset[str]                   # underthesea's word list, lower case
    transitions: list[list[float]]               # [from][to], 0 = B-W, 1 = I-W
    _unigrams: dict[str, tuple] = field(default_factory=dict, init=False, repr=False)
    _edges: dict[str, tuple[float, float]] = field(default_factory=dict, init=False, repr=False)

    _ngrams: list[tuple] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        self._edges = self._edge_scores()
        self._ngrams = [self._ngram_template(span, a, b)
                        for span, offsets in ((2, _PAIRS), (3, _TRIPLES)) for a, b in offsets]

    def _ngram_template(self, span: int, a: int, b: int) -> tuple:
        """What scoring one pair or triple template needs, looked up once at load: its span and
        offset, its raw and lower-case tables, its dictionary and title weights (False, True),
        and its edge scores."""
        t = f"T[{a},{b}]"
        by_dict, by_title = self.tables.get(t + ".is_in_dict", {}), self.tables.get(t + ".istitle", {})
        return (span, a, self.tables.get(t, {}), self.tables.get(t + ".lower", {}),
                (by_dict.get("False", 0.0), by_dict.get("True", 0.0)),
                (by_title.get("False", 0.0), by_title.get("True", 0.0)), self._edges[t])

    @classmethod
    def load(cls, directory: Path | None = None) -> "WordSegmenter":
        """The model underthesea ships (or the one in ``directory``), regrouped for scoring."""
        directory = directory or model_dir()
        labels, attributes, state, transitions = read_crfsuite(directory / "models.bin")
        templates = _load_pickle(directory / "features.bin")
        dictionary = frozenset(_load_pickle(directory / "dictionary.bin"))
        inside, begin = labels.index("I-W"), labels.index("B-W")
        tables: dict[str, dict[str, float]] = {t: {} for t in templates}
        for attribute, delta in zip(attributes, (state[:, inside] - state[:, begin]).tolist()):
            template, _, value = attribute.partition("=")
            if template in tables:
                tables[template][value] = delta
        order = (begin, inside)
        return cls(tables, dictionary, [[float(transitions[a, b]) for b in order] for a in order])

    def _score(self, template: str, value: str) -> float:
        table = self.tables.get(template)
        return table.get(value, 0.0) if table else 0.0

    def _edge_scores(self) -> dict[str, tuple[float, float]]:
        """Each template's whole score where it reaches outside the sentence, before (``BOS``)
        and after (``EOS``) it: all its function variants then take that one value."""
        def edge(template: str, value: str) -> float:
            return sum(self._score(template + f, value)
                       for f in ("", ".lower", ".isdigit", ".istitle", ".is_in_dict"))
        bases = [f"T[{k}]" for k in _OFFSETS] + [f"T[{a},{b}]" for a, b in _PAIRS + _TRIPLES]
        return {t: (edge(t, "BOS"), edge(t, "EOS")) for t in bases}

    def _unigram(self, token: str) -> tuple[float, ...]:
        """What ``token`` adds to the syllable at each offset -2…2 from it, and (last) whether it
        is title-cased; memoised: syllables repeat, so after a few hundred articles nearly every
        one is already known."""
        known = self._unigrams.get(token)
        if known is not None:
            return known
        lower = token.lower()
        digit, title = _flag(_is_int32(token)), _flag(_is_title(token))
        in_dict = _flag(lower in self.dictionary)
        scores = []
        for k in _OFFSETS:
            t = f"T[{k}]"
            scores.append(self._score(t, token) + self._score(t + ".lower", lower)
                          + self._score(t + ".isdigit", digit) + self._score(t + ".istitle", title)
                          + self._score(t + ".is_in_dict", in_dict))
        if len(self._unigrams) >= _UNIGRAM_LIMIT:
            self._unigrams.clear()
        known = self._unigrams[token] = (*scores, title == "True")
        return known

    @staticmethod
    def _shifted(values: list[float], offset: int, span: int, n: int, bos: float,
                 eos: float) -> list[float]:
        """``values`` (one per run of ``span`` syllables) as seen from each of ``n`` positions
        at ``offset``: position i reads run i + offset, or the edge score outside the sentence."""
        lo, hi = max(0, -offset), n - span + 1 - offset
        left = min(lo, n)
        middle = values[lo + offset:hi + offset] if hi > lo else []
        return [bos] * left + middle + [eos] * (n - left - len(middle))

    def inside(self, tokens: list[str]) -> list[bool]:
        """For each syllable, whether it continues the word before it (label ``I-W``)."""
        n = len(tokens)
        if not n:
            return []
        lowers = [t.lower() for t in tokens]
        unigrams = [self._unigram(t) for t in tokens]
        titles = [u[-1] for u in unigrams]
        columns = [self._shifted([u[j] for u in unigrams], k, 1, n, *self._edges[f"T[{k}]"])
                   for j, k in enumerate(_OFFSETS)]
        runs: dict[int, tuple] = {}
        for span, offset, by_raw, by_lower, in_dict, title, edges in self._ngrams:
            if span not in runs:               # the runs of 2 (or 3) syllables, shared by templates
                stop = n - span + 1
                low = [" ".join(lowers[i:i + span]) for i in range(stop)]
                runs[span] = ([" ".join(tokens[i:i + span]) for i in range(stop)], low,
                              [w in self.dictionary for w in low],
                              [all(titles[i:i + span]) for i in range(stop)])
            raw, low, known, tit = runs[span]
            scores = [by_raw.get(r, 0.0) + by_lower.get(w, 0.0) + in_dict[d] + title[t]
                      for r, w, d, t in zip(raw, low, known, tit)]
            columns.append(self._shifted(scores, offset, span, n, *edges))
        return self._viterbi([sum(c) for c in zip(*columns)])

    def _viterbi(self, delta: list[float]) -> list[bool]:
        """Best label path; ties go to the lower label index, as underthesea_core's do."""
        (t00, t01), (t10, t11) = self.transitions
        s0, s1 = 0.0, delta[0]
        back: list[tuple[int, int]] = []
        for d in delta[1:]:
            a, b = s0 + t00, s1 + t10
            p0 = 0 if a >= b else 1
            c, e = s0 + t01, s1 + t11
            p1 = 0 if c >= e else 1
            s0, s1 = max(a, b), max(c, e) + d
            back.append((p0, p1))
        label = 0 if s0 >= s1 else 1
        labels = [label]
        for p0, p1 in reversed(back):
            label = p1 if label else p0
            labels.append(label)
        labels.reverse()
        return [bool(x) for x in labels]


@lru_cache(maxsize=1)
def segmenter() -> WordSegmenter:
    """The one segmenter of this process, loaded on first use."""
    return WordSegmenter.load()
