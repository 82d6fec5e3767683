#!/usr/bin/env python3
"""Mean and spread over seeds of a collected table (table.csv of `motorlearn collect`), as Markdown.

    python3 docs/results/summarise.py hypotheses OUT/table.csv    per hypothesis and module / matrix
    python3 docs/results/summarise.py angle OUT/table.csv         per hypothesis against VR.angle

Reads nothing but the CSV (standard library only); every number of docs/results/feulner2022.md's
tables comes from here. Spread is the sample standard deviation over the runs (n given).
"""
import csv
import statistics
import sys

HYPOTHESES = ("Hinput", "Hlocal", "null")


def read(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        sys.exit(f"{path}: no rows")
    return rows


def values(rows, column):
    cells = [r.get(column, "") for r in rows]
    return [float(c) for c in cells if c not in ("", None)]


def stat(rows, column, digits=3):
    xs = values(rows, column)
    if not xs:
        return "-"
    if len(set(xs)) == 1:
        return f"{xs[0]:.{digits}g}"
    return f"{statistics.mean(xs):.{digits}g} ± {statistics.stdev(xs):.2g}"


def hypotheses(rows):
    n = len(rows)
    print(f"Behaviour and activity (mean ± SD over {n} seeds)\n")
    print("| phase | test RMSE (cm) | angular error (deg) | activity change PMd (%) | activity change M1 (%) "
          "| covariance change PMd | covariance change M1 |")
    print("|---|---|---|---|---|---|---|")
    print(f"| initial (baseline) | {stat(rows, 'phases/initial/test/hand/rmse')} "
          f"| {stat(rows, 'phases/initial/test/hand/angularErrorDegrees')} | | | | |")
    for h in HYPOTHESES:
        a = f"analyses/initial-vs-{h}"
        print(f"| {h} | {stat(rows, f'phases/{h}/test/hand/rmse')} | {stat(rows, f'phases/{h}/test/hand/angularErrorDegrees')} "
              f"| {stat(rows, f'{a}/activityChangePercent/PMd')} | {stat(rows, f'{a}/activityChangePercent/M1')} "
              f"| {stat(rows, f'{a}/covarianceChange/PMd')} | {stat(rows, f'{a}/covarianceChange/M1')} |")
    noise = [h for h in ("Hinput", "Hlocal") if values(rows, f"analyses/initial-vs-{h}/noise/rmse")]
    if noise:
        print(f"\nRobustness to synaptic noise: W_before + dW + xi, xi ~ N(0, (k std(dW))^2) (mean ± SD over {n} seeds)\n")
        print("| phase | k | test RMSE without / with noise (cm) | activity change PMd / M1 with noise (%) "
              "| covariance change PMd / M1 with noise |")
        print("|---|---|---|---|---|")
        for h in noise:
            a = f"analyses/initial-vs-{h}/noise"
            print(f"| {h} | {stat(rows, f'{a}/scale')} | {stat(rows, f'phases/{h}/test/hand/rmse')} / {stat(rows, f'{a}/rmse')} "
                  f"| {stat(rows, f'{a}/activityChangePercent/PMd')} / {stat(rows, f'{a}/activityChangePercent/M1')} "
                  f"| {stat(rows, f'{a}/covarianceChange/PMd')} / {stat(rows, f'{a}/covarianceChange/M1')} |")
    print(f"\nWeights (mean ± SD over {n} seeds)\n")
    print("| phase | matrix | median weight change (%) | participation ratio of dW |")
    print("|---|---|---|---|")
    for h in ("Hinput", "Hlocal"):
        prefix = f"analyses/initial-vs-{h}/weightChangePercent/"
        for column in [c for c in rows[0] if c.startswith(prefix)]:
            matrix = column[len(prefix):]
            print(f"| {h} | {matrix} | {stat(rows, column)} "
                  f"| {stat(rows, f'analyses/initial-vs-{h}/participationRatio/{matrix}')} |")


def angle(rows):
    angles = sorted({float(r["VR.angle"]) for r in rows})
    print("Per rotation angle (mean ± SD over the seeds run at that angle; n in the first column)\n")
    print("| angle (deg) | n | RMSE null / Hinput / Hlocal (cm) | activity change PMd Hinput / Hlocal (%) "
          "| activity change M1 Hinput / Hlocal (%) | covariance change PMd Hinput / Hlocal | covariance change M1 Hinput / Hlocal |")
    print("|---|---|---|---|---|---|---|")
    for a in angles:
        at = [r for r in rows if float(r["VR.angle"]) == a]
        rmse = " / ".join(stat(at, f"phases/{h}/test/hand/rmse") for h in ("null", "Hinput", "Hlocal"))
        cells = []
        for metric in ("activityChangePercent/PMd", "activityChangePercent/M1", "covarianceChange/PMd", "covarianceChange/M1"):
            cells.append(" / ".join(stat(at, f"analyses/initial-vs-{h}/{metric}") for h in ("Hinput", "Hlocal")))
        print(f"| {a:g} | {len(at)} | {rmse} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("hypotheses", "angle"):
        sys.exit(__doc__)
    (hypotheses if sys.argv[1] == "hypotheses" else angle)(read(sys.argv[2]))
