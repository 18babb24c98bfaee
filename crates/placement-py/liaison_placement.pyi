"""liaison_placement: classical MCDA methods, SMAA-2, weight sensitivity and the liaison
placement engine, implemented in Rust (the placement-mcda / placement-core crates).

Conventions are pymcdm 1.4.0's unless said otherwise (docs/research.md, "Conventions"):
weights are used as given (not rescaled); rows are alternatives, columns criteria; types
are 1 (benefit) or -1 (cost); rankings are average ranks, 1 = best. Every function accepts
numpy arrays or nested lists and returns numpy float64 arrays. Bad input raises ValueError
with a message naming the row, column, field or value. The GIL is released while the
Rust code runs.
"""

from os import PathLike
from typing import Any, Literal, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
import numpy.typing as npt

__version__: str

ArrayLike = npt.ArrayLike
Array = npt.NDArray[np.float64]
Ranked = Tuple[Array, Array]
Normalization = Literal["minmax", "vector", "sum", "linear"]
Source = Union[None, Mapping[str, Any], str, "PathLike[str]"]

def wsm(matrix: ArrayLike, weights: ArrayLike, types: ArrayLike, normalization: Normalization = "sum") -> Ranked:
    """Weighted sum model: sum_j w_j r_ij of the normalised matrix (pymcdm ``WSM()``:
    sum normalisation). Returns ``(preferences, ranking)``; higher preference is better."""

def wpm(matrix: ArrayLike, weights: ArrayLike, types: ArrayLike, normalization: Optional[Normalization] = "sum") -> Ranked:
    """Weighted product model: prod_j r_ij^w_j after ``normalization`` (pymcdm ``WPM()``:
    sum); ``normalization=None`` is the raw product prod_j x_ij^(+-w_j) of Triantaphyllou
    (2000), which needs x > 0. Ranked on the log-product. Returns ``(preferences, ranking)``."""

def topsis(matrix: ArrayLike, weights: ArrayLike, types: ArrayLike, normalization: Normalization = "minmax") -> Ranked:
    """TOPSIS closeness D-/(D+ + D-) (pymcdm ``TOPSIS()``: min-max; ``"vector"`` is Hwang &
    Yoon's original). Returns ``(preferences, ranking)``; higher is better."""

def vikor(matrix: ArrayLike, weights: ArrayLike, types: ArrayLike, v: float = 0.5) -> Ranked:
    """VIKOR (Opricovic & Tzeng 2004): returns ``(Q, ranking)``; lower Q is better. A
    constant criterion raises ValueError (as pymcdm)."""

def vikor_details(matrix: ArrayLike, weights: ArrayLike, types: ArrayLike, v: float = 0.5) -> dict:
    """VIKOR with ``S``, ``R``, ``Q``, ``ranking``, ``acceptable_advantage``,
    ``acceptable_stability`` and ``compromise_set`` (0-based indices)."""

def promethee_ii(
    matrix: ArrayLike,
    weights: ArrayLike,
    types: ArrayLike,
    preference_function: Literal["usual", "ushape", "vshape", "level", "linear", "gaussian"] = "usual",
    q: Optional[ArrayLike] = None,
    p: Optional[ArrayLike] = None,
    s: Optional[ArrayLike] = None,
) -> Ranked:
    """PROMETHEE II net flows (Brans & Vincke 1985); ``q``, ``p``, ``s``: one threshold per
    criterion, as the preference function needs. Returns ``(net_flow, ranking)``."""

def copras(matrix: ArrayLike, weights: ArrayLike, types: ArrayLike) -> Ranked:
    """COPRAS utility degree (Zavadskas et al. 2007, the paper's Q; pymcdm's Q differs).
    Zeros are accepted where column sums and S- stay positive."""

def moora(matrix: ArrayLike, weights: ArrayLike, types: ArrayLike) -> Ranked:
    """MOORA ratio system: vector-normalised benefit sum minus cost sum."""

def normalize(matrix: ArrayLike, types: ArrayLike, normalization: Normalization = "minmax") -> Array:
    """Column normalisation (pymcdm conventions; cost columns reversed). Scale-safe at any
    finite magnitude."""

def rank(values: ArrayLike, higher_is_better: bool = True) -> Array:
    """Average ranks, 1 = best (scipy ``rankdata(method="average")`` on the reversed order)."""

def equal_weights(n: int) -> Array: """Equal weights 1/n."""
def entropy_weights(matrix: ArrayLike) -> Array: """Entropy weights (values >= 0; zeros allowed)."""
def critic_weights(matrix: ArrayLike) -> Array: """CRITIC weights (Diakoulaki et al. 1995)."""
def std_weights(matrix: ArrayLike) -> Array: """Standard-deviation weights."""
def roc_weights(ranks: Sequence[int]) -> Array: """Rank-order centroid weights; ranks 1 = most important."""
def rs_weights(ranks: Sequence[int]) -> Array: """Rank-sum weights."""
def rr_weights(ranks: Sequence[int]) -> Array: """Reciprocal-rank weights."""
def swara_weights(s: ArrayLike, n: Optional[int] = None) -> Array:
    """SWARA weights from n-1 comparative importances (criteria in decreasing importance)."""
def ahp_weights(pairwise: ArrayLike, max_cr: Optional[float] = None) -> Tuple[Array, Optional[float], float]:
    """AHP eigenvector weights: ``(weights, consistency_ratio, lambda_max)``; with ``max_cr``,
    a larger CR raises ValueError."""
def normalize_weights(weights: ArrayLike) -> Array: """Validated weights rescaled to sum 1."""

def spearman(x: ArrayLike, y: ArrayLike) -> float: """Spearman's rho of two rankings."""
def kendall_tau_b(x: ArrayLike, y: ArrayLike) -> float: """Kendall's tau-b."""
def weighted_spearman(x: ArrayLike, y: ArrayLike) -> float: """Weighted Spearman r_w."""
def ws_similarity(x: ArrayLike, y: ArrayLike) -> float: """WS similarity (x is the reference)."""
def top_k_overlap(x: ArrayLike, y: ArrayLike, k: int) -> float: """Share of the top k shared."""

def smaa(
    matrix: ArrayLike,
    types: ArrayLike,
    samples: int = 10000,
    seed: int = 0,
    normalization: Optional[Normalization] = "minmax",
    weight_lower: Optional[ArrayLike] = None,
    weight_upper: Optional[ArrayLike] = None,
    weight_ranks: Optional[Sequence[int]] = None,
) -> dict:
    """SMAA-2 (Lahdelma & Salminen 2001) on the normalised matrix (``normalization=None``:
    the matrix already holds partial values). Weights uniform on the simplex, or within
    ``weight_lower``/``weight_upper``, or ordered by ``weight_ranks``. Returns
    ``acceptability`` (m x m, [i, r] = share of samples with rank r+1), ``central_weights``
    (m x n), ``confidence``, ``samples``, ``seed``. Seeded: identical for any thread count.
    At most 100,000,000 samples."""

def sensitivity(
    matrix: ArrayLike,
    weights: ArrayLike,
    types: ArrayLike,
    method: str = "wsm",
    k: int = 1,
    steps: int = 100,
    params: Optional[Mapping[str, Any]] = None,
) -> list:
    """Weight stability intervals: for each criterion ``{"criterion", "current", "lower",
    "upper"}``, the range of its weight (others rescaled) within which the top-k set holds.
    Weights are rescaled to sum 1 for this analysis. WSM is exact; other methods use a grid
    of ``steps`` points plus bisection. ``params`` as in the JSON contract."""

def calibrate(
    matrix: ArrayLike,
    types: ArrayLike,
    decisions: Sequence[Tuple[Union[int, str], Union[int, str]]],
    normalization: Normalization = "minmax",
    margin: float = 0.01,
    alternatives: Optional[Sequence[str]] = None,
    criteria: Optional[Sequence[str]] = None,
    weights: Optional[Sequence[float]] = None,
) -> dict:
    """Which weightings of a weighted sum reproduce documented decisions (placement-calibrate:
    preference disaggregation by linear programming, UTA / UTA-GMS style; docs/research.md,
    "Calibration"). ``decisions``: pairs ``(a, b)`` meaning "a scores above b", each side a
    0-based row or a label of ``alternatives``. Scores are ``100 × Σ w_j n_ij`` on the matrix
    normalised by ``normalization`` (cost criteria reversed), weights on the simplex; a
    decision counts as reproduced when it holds by ``margin`` points. ``weights``: the weights
    in use now, shown next to the calibrated ones. Returns a dict: ``central_weights``,
    ``weights_min``, ``weights_max`` (numpy arrays: the most central consistent weighting,
    maximum margin, and each weight's feasible interval), ``central_margin``,
    ``decisions_total``, ``decisions_reproducible``, ``weights`` and ``decisions`` (one dict
    each: label, verdict ``necessary`` / ``possible`` / ``impossible``, ``reproducible``,
    ``shortfall``, ``central_margin``) and ``conflict`` (labels of a minimal set of decisions
    no weighting reproduces together; empty when all are reproducible). Deterministic."""

def request(request: Union[str, Mapping[str, Any]]) -> dict:
    """Runs one request of the ``mcda`` JSON contract (docs/research.md) and returns the
    response as a dict: the same as the ``mcda`` command line, in process."""

def evaluate(assessment: Source = None, rules: Source = None, regime: Optional[str] = None) -> dict:
    """Evaluates an assessment set under a rulebook and returns the evaluation (decision
    records, rulebook and input hashes) as a dict. Each source is None (the embedded
    fixture / current rulebook), a dict (the data), a str (the file's TOML or JSON text) or
    a path (os.PathLike). ``regime``: an embedded rulebook id (p4-2019, p2-2013, p1-2015)."""

def explain(
    country: str,
    assessment: Source = None,
    rules: Source = None,
    regime: Optional[str] = None,
    lang: Literal["en", "nl"] = "en",
    format: Literal["json", "text", "markdown"] = "json",
    top: int = 10,
) -> Union[dict, str]:
    """The explanation of one country's decision: a dict (``format="json"``) or the text /
    Markdown rendering in English or Dutch."""

def placement_problem(assessment: Source = None, rules: Source = None, regime: Optional[str] = None) -> dict:
    """The evaluated set as a decision problem: ``alternatives`` (country codes), ``criteria``,
    ``types``, ``matrix`` (values as used by the engine), ``weights`` (the rulebook's),
    ``scores`` (the engine's) and ``utilities`` (fixed-scale partial values)."""
