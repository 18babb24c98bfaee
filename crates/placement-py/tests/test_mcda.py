"""Tests of the installed wheel: the methods against pymcdm 1.4.0 (when installed; the CI
venv installs it) on seeded random problems, the conventions, errors and the engine."""

import json
import pathlib
import warnings

import numpy as np
import pytest

import liaison_placement as lp

ROOT = pathlib.Path(__file__).resolve().parents[3]

try:
    import importlib.metadata

    import pymcdm
    from pymcdm import methods as pm
    from pymcdm import normalizations as pn

    PYMCDM = importlib.metadata.version("pymcdm")
except ImportError:  # pragma: no cover - CI installs it
    PYMCDM = None

needs_pymcdm = pytest.mark.skipif(PYMCDM is None, reason="pymcdm not installed")


def problems(count=20):
    rng = np.random.default_rng(2024)
    for _ in range(count):
        m, n = rng.integers(3, 30), rng.integers(2, 9)
        x = rng.uniform(1, 100, (m, n))
        w = rng.uniform(0.1, 1, n)  # deliberately not summing to 1: used as given
        t = rng.choice([-1, 1], n)
        t[0] = -1
        t[-1] = 1
        yield x, w, t


def close(a, b):
    np.testing.assert_allclose(a, b, rtol=0, atol=1e-9)


@needs_pymcdm
def test_pymcdm_version_is_the_documented_one():
    assert PYMCDM == "1.4.0"


@needs_pymcdm
@pytest.mark.parametrize(
    "ours, theirs",
    [
        (lambda x, w, t: lp.wsm(x, w, t), lambda: pm.WSM()),
        (lambda x, w, t: lp.wsm(x, w, t, "minmax"), lambda: pm.WSM(pn.minmax_normalization)),
        (lambda x, w, t: lp.wsm(x, w, t, "vector"), lambda: pm.WSM(pn.vector_normalization)),
        (lambda x, w, t: lp.wsm(x, w, t, "linear"), lambda: pm.WSM(pn.linear_normalization)),
        (lambda x, w, t: lp.wpm(x, w, t), lambda: pm.WPM()),
        (lambda x, w, t: lp.wpm(x, w, t, "linear"), lambda: pm.WPM(pn.linear_normalization)),
        (lambda x, w, t: lp.wpm(x, w, t, "minmax"), lambda: pm.WPM(pn.minmax_normalization)),
        (lambda x, w, t: lp.topsis(x, w, t), lambda: pm.TOPSIS()),
        (lambda x, w, t: lp.topsis(x, w, t, "vector"), lambda: pm.TOPSIS(pn.vector_normalization)),
        (lambda x, w, t: lp.topsis(x, w, t, "sum"), lambda: pm.TOPSIS(pn.sum_normalization)),
        (lambda x, w, t: lp.vikor(x, w, t), lambda: pm.VIKOR()),
        (lambda x, w, t: lp.vikor(x, w, t, 0.3), lambda: pm.VIKOR(v=0.3)),
        (lambda x, w, t: lp.moora(x, w, t), lambda: pm.MOORA()),
        (lambda x, w, t: lp.promethee_ii(x, w, t), lambda: pm.PROMETHEE_II("usual")),
    ],
)
def test_agrees_with_pymcdm_under_its_convention(ours, theirs):
    for x, w, t in problems():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pymcdm warns that the weights do not sum to 1
            expected = theirs()(x, w, t)
        pref, ranking = ours(x, w, t)
        close(pref, expected)
        assert ranking.shape == (x.shape[0],)


@needs_pymcdm
def test_normalisations_and_ranks_agree_with_pymcdm():
    from pymcdm.helpers import rankdata, rrankdata

    for x, w, t in problems(5):
        for name in ["minmax", "vector", "sum", "linear"]:
            close(lp.normalize(x, t, name), pymcdm.helpers.normalize_matrix(x, name, t))
        pref, ranking = lp.topsis(x, w, t)
        close(ranking, rrankdata(pref))
        q, ranking = lp.vikor(x, w, t)
        close(ranking, rankdata(q))


def test_results_are_numpy_arrays_and_lists_are_accepted():
    pref, ranking = lp.topsis([[1, 2], [2, 1], [3, 3]], [0.5, 0.5], [1, -1])
    assert isinstance(pref, np.ndarray) and pref.dtype == np.float64
    assert list(ranking) == [2.0, 3.0, 1.0] or ranking.shape == (3,)


def test_weights_are_used_as_given_and_rankings_do_not_depend_on_it():
    x, w, t = next(problems(1))
    a, ra = lp.wsm(x, w, t)
    b, rb = lp.wsm(x, lp.normalize_weights(w), t)
    close(a / w.sum(), b)
    close(ra, rb)


def test_errors_name_what_is_wrong():
    with pytest.raises(ValueError, match="row 1, column 0"):
        lp.topsis([[1, 2], [float("nan"), 1]], [0.5, 0.5], [1, 1])
    with pytest.raises(ValueError, match="criterion type 1 is 2"):
        lp.topsis([[1, 2], [2, 1]], [0.5, 0.5], [1, 2])
    with pytest.raises(ValueError, match='normalization "l2" is not known' ):
        lp.topsis([[1, 2], [2, 1]], [0.5, 0.5], [1, 1], "l2")
    with pytest.raises(ValueError, match="weights: expected 2 entries, found 3"):
        lp.wsm([[1, 2], [2, 1]], [0.5, 0.5, 0.1], [1, 1])
    with pytest.raises(ValueError, match="100,000,000"):
        lp.smaa([[1, 2], [2, 1]], [1, 1], samples=10**12)


def test_copras_accepts_zeros_and_vikor_is_finite_at_1e308():
    pref, _ = lp.copras([[0, 4, 2], [3, 2, 1], [1, 2, 1]], [0.5, 0.3, 0.2], [1, 1, -1])
    close(pref, [0.19 / 0.53, 1.0, 0.28 / 0.53])
    q, _ = lp.vikor([[1e308, 1], [-1e308, 2], [0, 3]], [0.5, 0.5], [1, 1])
    assert np.all(np.isfinite(q))


def test_weighting_schemes_and_correlations():
    x, _, _ = next(problems(1))
    for f in (lp.entropy_weights, lp.critic_weights, lp.std_weights):
        w = f(x)
        assert w.shape == (x.shape[1],) and abs(w.sum() - 1) < 1e-12
    close(lp.roc_weights([1, 2, 3]), [11 / 18, 5 / 18, 2 / 18])
    close(lp.swara_weights([0.0, 1.0], 3), [0.4, 0.4, 0.2])
    w, cr, lam = lp.ahp_weights([[1, 3], [1 / 3, 1]])
    close(w, [0.75, 0.25])
    assert abs(lp.spearman([1, 2, 3, 4, 5], [2, 1, 3, 4, 5]) - 0.9) < 1e-12
    assert lp.kendall_tau_b([1, 2, 3], [1, 2, 3]) == 1.0


def test_smaa_is_seeded_and_matches_the_json_contract():
    u = [[1, 0], [0, 1], [0.4, 0.4]]
    a = lp.smaa(u, [1, 1], samples=20000, seed=7, normalization=None)
    b = lp.smaa(u, [1, 1], samples=20000, seed=7, normalization=None)
    np.testing.assert_array_equal(a["acceptability"], b["acceptability"])
    assert abs(a["acceptability"][0, 0] - 0.5) < 0.02 and a["acceptability"][2, 0] == 0
    via_json = lp.request({"matrix": u, "types": [1, 1], "smaa": {"samples": 20000, "seed": 7}})
    np.testing.assert_array_equal(a["acceptability"], np.array(via_json["smaa"]["acceptability"]))
    o = lp.smaa(u, [1, 1], samples=5000, weight_ranks=[1, 2])
    assert o["acceptability"][0, 0] > 0.9


def test_sensitivity_and_request():
    iv = lp.sensitivity([[1, 0], [0, 1]], [0.6, 0.4], [1, 1], "wsm", params={"normalization": "minmax"})
    assert abs(iv[0]["lower"] - 0.5) < 1e-12 and iv[0]["upper"] == 1.0
    iv = lp.sensitivity([[1, 0], [0, 1]], [0.6, 0.4], [1, 1], "topsis", steps=50)
    assert abs(iv[0]["lower"] - 0.5) < 1e-6
    r = lp.request(json.dumps({"matrix": [[1, 2], [2, 1]], "types": [1, -1], "weights": [1, 1], "method": "vikor"}))
    assert r["compromise_set"] == [0] or "Q" in r
    with pytest.raises(ValueError, match="params.v"):
        lp.request({"matrix": [[1, 2], [2, 1]], "types": [1, 1], "weights": [1, 1], "method": "topsis", "params": {"v": 1}})


def test_engine_evaluate_explain_and_problem():
    ev = lp.evaluate()
    assert ev["records"] and "country" in ev["records"][0]
    again = lp.evaluate(ROOT / "fixtures" / "assessment-2025.toml")
    assert again["input"]["hash"] == ev["input"]["hash"]
    text = (ROOT / "fixtures" / "assessment-2025.toml").read_text()
    assert lp.evaluate(text)["input"]["hash"] == ev["input"]["hash"]
    old = lp.evaluate(regime="p2-2013")
    assert old["rulebook"]["hash"] != ev["rulebook"]["hash"]
    code = ev["records"][0]["country"]
    e = lp.explain(code)
    assert isinstance(e, dict)
    nl = lp.explain(code, lang="nl", format="text")
    assert isinstance(nl, str) and nl
    p = lp.placement_problem()
    assert p["matrix"].shape == (len(p["alternatives"]), len(p["criteria"]))
    _, ranking = lp.wsm(p["matrix"], p["weights"], p["types"], "minmax")
    assert lp.spearman(lp.rank(p["scores"]), ranking) > 0.5
    with pytest.raises(ValueError):
        lp.evaluate("this is not toml [")
    with pytest.raises(ValueError, match="rules or regime"):
        lp.evaluate(rules=ROOT / "x.toml", regime="p4-2019")


def test_gil_is_released_during_smaa():
    import threading
    import time

    u = np.random.default_rng(1).uniform(0, 1, (100, 8))
    ticks = []
    stop = threading.Event()

    def ticker():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    th = threading.Thread(target=ticker)
    th.start()
    lp.smaa(u, [1] * 8, samples=300000, normalization=None)
    stop.set()
    th.join()
    assert len(ticks) > 5  # the other thread ran while Rust computed


def test_calibrate_hand_solved_intervals_and_verdicts():
    # min-max normalised: A = (1, 0), B = (0, 1); "A before B" by 0.01 points:
    # 100 w1 >= 100 (1 - w1) + 0.01  <=>  w1 >= 0.50005. Central (largest margin): w = (1, 0).
    c = lp.calibrate([[0.8, 0.2], [0.3, 0.6]], [1, 1], [(0, 1)], alternatives=["A", "B"])
    assert isinstance(c["central_weights"], np.ndarray)
    assert abs(c["weights_min"][0] - 0.50005) < 1e-6 and abs(c["weights_max"][0] - 1) < 1e-9
    assert abs(c["weights_min"][1]) < 1e-9 and abs(c["weights_max"][1] - 0.49995) < 1e-6
    close(c["central_weights"], [1, 0])
    assert abs(c["central_margin"] - 100) < 1e-6
    assert c["decisions"][0]["label"] == "A before B"
    # judged against the *other* decisions (none here): some weightings reproduce it, some not
    assert c["decisions"][0]["verdict"] == "possible" and c["conflict"] == []
    # labels and indices name the same decision; the result is deterministic
    again = lp.calibrate([[0.8, 0.2], [0.3, 0.6]], [1, 1], [("A", "B")], alternatives=["A", "B"])
    np.testing.assert_array_equal(again["central_weights"], c["central_weights"])
    assert again["decisions"] == c["decisions"]


def test_calibrate_intervals_agree_with_a_weight_grid_and_wsm():
    rng = np.random.default_rng(13)
    x = rng.uniform(0, 10, (6, 2))
    t = np.array([1, -1])
    n = lp.normalize(x, t, "minmax")
    # documented: the WSM order under w = (0.3, 0.7) for three pairs
    s = n @ np.array([0.3, 0.7])
    order = np.argsort(-s)
    pairs = [(int(order[k]), int(order[k + 1])) for k in range(0, 5, 2)]
    c = lp.calibrate(x, t, pairs)
    assert c["conflict"] == [] and c["decisions_reproducible"] == 3
    grid = np.linspace(0, 1, 100001)
    ok = [w for w in grid if all(100 * (n[a] - n[b]) @ [w, 1 - w] >= 0.01 - 1e-9 for a, b in pairs)]
    assert abs(min(ok) - c["weights_min"][0]) < 2e-5 and abs(max(ok) - c["weights_max"][0]) < 2e-5
    # the central weighting reproduces every decision under lp.wsm (min-max)
    _, ranking = lp.wsm(x, c["central_weights"], t, "minmax")
    assert all(ranking[a] < ranking[b] for a, b in pairs)


def test_calibrate_names_a_minimal_conflict_and_bad_input():
    x = [[1, 0], [0, 1], [0.5, 0.5]]
    # C's score is always the mean of A's and B's, so "A before B" puts A above C and
    # contradicts "C before A": that pair is the minimal conflict ("B before C" is not in it)
    c = lp.calibrate(x, [1, 1], [("A", "B"), ("B", "C"), ("C", "A")], alternatives=["A", "B", "C"])
    assert sorted(c["conflict"]) == ["A before B", "C before A"]
    assert 1 <= c["decisions_reproducible"] < 3  # the L1 best fit keeps what it can
    assert sum(d["verdict"] == "impossible" for d in c["decisions"]) >= 1
    with pytest.raises(ValueError, match="out of range"):
        lp.calibrate(x, [1, 1], [(0, 7)])
    with pytest.raises(ValueError, match="not one of"):
        lp.calibrate(x, [1, 1], [("A", "Z")], alternatives=["A", "B", "C"])
    with pytest.raises(ValueError):
        lp.calibrate(x, [1, 1], [])
