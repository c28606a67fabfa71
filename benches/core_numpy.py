#!/usr/bin/python3
"""NumPy/SciPy side of benches/core.ts: times the same matrices (raw little-endian f64 files written by the
driver) and prints one JSON object. Thread count comes from OPENBLAS_NUM_THREADS, set by the driver.

    /usr/bin/python3 benches/core_numpy.py DIR SPEC_JSON
    /usr/bin/python3 benches/core_numpy.py --blas      (prints the BLAS libraries NumPy loads, as JSON)
"""
import json
import os
import sys
import time

import numpy as np


def blas_library():
    np.dot(np.ones((64, 64)), np.ones((64, 64)))  # make sure BLAS is loaded
    with open("/proc/self/maps") as fh:
        libs = {line.split()[-1] for line in fh if "blas" in line.lower() and "/" in line}
    return sorted(libs)


def times(f, reps):
    """Same protocol as benches/core.ts: calls are discarded until they total 0.5 s (warm-up, at least one);
    a single call longer than 2 s ends the warm-up and counts as the first measurement."""
    ts = []
    warm = 0.0
    while warm < 500.0:
        t0 = time.perf_counter()
        f()
        d = (time.perf_counter() - t0) * 1000.0
        if d > 2000.0:
            ts.append(d)
            break
        warm += d
    while len(ts) < reps:
        t0 = time.perf_counter()
        f()
        ts.append((time.perf_counter() - t0) * 1000.0)
    ts.sort()
    return {"median": ts[len(ts) // 2], "min": ts[0]}


def main():
    if sys.argv[1:] == ["--blas"]:
        print(json.dumps(blas_library()))
        return
    folder, spec = sys.argv[1], json.loads(sys.argv[2])
    out = {"numpy": np.__version__, "blas": blas_library(), "threads": os.environ.get("OPENBLAS_NUM_THREADS"), "ms": {}}
    for job in spec["jobs"]:
        a = np.fromfile(os.path.join(folder, job["file"]), dtype="<f8").reshape(job["rows"], job["cols"])
        op = job["op"]
        if op == "eig":
            f = lambda: np.linalg.eig(a)
        elif op == "eig+inv":
            f = lambda: np.linalg.inv(np.linalg.eig(a)[1])
        elif op == "eigh":
            f = lambda: np.linalg.eigh(a)
        elif op == "svd":
            f = lambda: np.linalg.svd(a, full_matrices=False)
        elif op == "pinv":
            f = lambda: np.linalg.pinv(a)
        elif op == "fft2":
            x = a.reshape(job["shape"])
            f = lambda: np.fft.fft2(x, axes=(-3, -2))
        else:
            raise SystemExit(f"unknown op {op}")
        out["ms"][job["key"]] = times(f, job["reps"])
    print(json.dumps(out))


main()
