#!/usr/bin/env python3
"""Vectorised numpy SMAA-2 (same sizes as benches/mcda.rs: 250 alternatives x 10 criteria,
uniform-simplex weights by the sorted-uniform method, full rank acceptability counts).
Prints its time for 100,000 samples and the extrapolation to 1,000,000.
Exits 0 with "numpy not available, skipped" when numpy is absent."""
import sys
import time

try:
    import numpy as np
except ImportError:
    print("numpy not available, skipped")
    sys.exit(0)

M, N, SAMPLES, BLOCK = 250, 10, 100_000, 2_000
rng = np.random.default_rng(1)
u = rng.random((M, N))
counts = np.zeros((M, M), dtype=np.int64)
central = np.zeros((M, N))
t0 = time.perf_counter()
for start in range(0, SAMPLES, BLOCK):
    k = min(BLOCK, SAMPLES - start)
    cuts = np.sort(rng.random((k, N - 1)), axis=1)
    cuts = np.hstack([np.zeros((k, 1)), cuts, np.ones((k, 1))])
    w = np.diff(cuts, axis=1)                      # k x N weights on the simplex
    scores = w @ u.T                               # k x M
    order = np.argsort(-scores, axis=1, kind="stable")  # alternatives by rank
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.arange(M)[None, :].repeat(k, 0), axis=1)
    flat = (np.arange(M)[None, :] * M + ranks).ravel()
    counts += np.bincount(flat, minlength=M * M).reshape(M, M)
    np.add.at(central, order[:, 0], w)
dt = time.perf_counter() - t0
acc = counts / SAMPLES
assert np.allclose(acc.sum(axis=0), 1.0) and np.allclose(acc.sum(axis=1), 1.0)
print(f"numpy SMAA-2 {SAMPLES} samples, {M}x{N}: {dt:.3f} s (x10 -> {dt * 10:.2f} s for 1e6)")
