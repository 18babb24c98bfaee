"""Timing of the Python package against pymcdm and against the `mcda` subprocess route.

    python crates/placement-py/bench/compare.py [--mcda target/release/examples/mcda] [--smaa]

Prints medians (perf_counter, after warm-up). Results are recorded in docs/python.md.
"""

import argparse
import json
import statistics
import subprocess
import tempfile
import time
import warnings

import numpy as np

import liaison_placement as lp


def median_us(f, repeat):
    for _ in range(min(repeat, 20)):
        f()
    t = []
    for _ in range(repeat):
        s = time.perf_counter()
        f()
        t.append(time.perf_counter() - s)
    return statistics.median(t) * 1e6


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mcda", default=None, help="path of the release mcda binary")
    ap.add_argument("--smaa", action="store_true", help="also time SMAA-2 1e6 x 250 x 10")
    args = ap.parse_args()
    rng = np.random.default_rng(0)
    try:
        from pymcdm import methods as pm

        pymcdm_topsis = pm.TOPSIS()
    except ImportError:
        pymcdm_topsis = None
    for m, n in [(200, 10), (250, 12)]:
        x = rng.uniform(1, 100, (m, n))
        w = np.full(n, 1 / n)
        t = np.where(np.arange(n) % 3 == 0, -1, 1)
        ours = median_us(lambda: lp.topsis(x, w, t), 2000)
        line = f"TOPSIS {m}x{n}: liaison_placement {ours:.1f} us"
        if pymcdm_topsis is not None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                theirs = median_us(lambda: pymcdm_topsis(x, w, t), 200)
                theirs_nv = median_us(lambda: pymcdm_topsis(x, w, t, validation=False), 500)
            line += f"; pymcdm default call {theirs:.1f} us ({theirs / ours:.1f}x), validation=False {theirs_nv:.1f} us ({theirs_nv / ours:.1f}x)"
        if args.mcda and (m, n) == (250, 12):
            req = {"matrix": x.tolist(), "types": t.tolist(), "weights": w.tolist(), "method": "topsis"}
            with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
                json.dump(req, f)
            sub = median_us(lambda: subprocess.run([args.mcda, f.name], capture_output=True, check=True), 30)
            line += f"; mcda subprocess {sub:.0f} us ({sub / ours:.0f}x)"
        print(line)
    tiny = median_us(lambda: lp.topsis([[1.0, 2.0], [2.0, 1.0]], [0.5, 0.5], [1, -1]), 5000)
    xa = np.array([[1.0, 2.0], [2.0, 1.0]])
    tiny_np = median_us(lambda: lp.topsis(xa, np.array([0.5, 0.5]), np.array([1, -1])), 5000)
    print(f"call overhead (2x2 TOPSIS): {tiny_np:.1f} us with numpy arrays, {tiny:.1f} us with lists")
    if args.smaa:
        u = rng.uniform(0, 1, (250, 10))
        s = time.perf_counter()
        lp.smaa(u, [1] * 10, samples=1_000_000, seed=1, normalization=None)
        print(f"SMAA-2 1e6 x 250 x 10 from Python: {time.perf_counter() - s:.2f} s")


if __name__ == "__main__":
    main()
