#!/usr/bin/env python3
"""The report of ./care bench startup from its results file: python3 startup-report.py RESULTS [APP...]"""
import statistics, sys
path = sys.argv[1]
apps = sys.argv[2:] or ["ref", "core", "census", "full"]
runs = {a: [] for a in apps}
header = open(path).readline().strip()
for line in open(path):
    if line.startswith("#"):
        continue
    f = line.split()
    # results written before the CPU column have four fields
    runs[f[0]].append((int(f[1]), int(f[2]), float(f[3]), int(f[4]) if len(f) > 4 else 0))
med = {a: (statistics.median(r[0] for r in v), statistics.median(r[1] for r in v),
           statistics.mean(r[2] for r in v), min(r[0] for r in v), max(r[0] for r in v),
           statistics.median(r[3] for r in v)) for a, v in runs.items() if v}
names = {"ref": "minimal Quarkus (REST+JDBC)", "core": "Care, no plugs", "census": "Care + census",
         "full": "Care + census + webhooks"}
print(f"\nStart-up, median of {min(len(v) for v in runs.values() if v)} or more starts each ({path}; {header.split('   ')[1]})")
print(f"{'':30}{'ready ms':>10}{'(min-max)':>14}{'RSS MB':>8}{'load':>6}{'ms/ref':>8}{'RSS/ref':>8}{'CPU ms':>8}{'CPU/ref':>8}")
for a in apps:
    if a not in med:
        continue
    ms, rss, load, lo, hi, cpu = med[a]
    r = med.get("ref")
    print(f"{names.get(a, a):30}{ms:>10.0f}{f'({lo}-{hi})':>14}{rss:>8.0f}{load:>6.1f}"
          f"{(ms / r[0] if r else float('nan')):>8.2f}{(rss / r[1] if r else float('nan')):>8.2f}"
          f"{cpu:>8.0f}{(cpu / r[5] if r and r[5] else float('nan')):>8.2f}")
def step(a, b, what):
    if a in med and b in med:
        print(f"{what}: time {100 * (med[b][0] / med[a][0] - 1):+.1f} %, RSS {100 * (med[b][1] / med[a][1] - 1):+.1f} %  (goal <= +10 %)")
step("core", "census", "census added to core")
step("census", "full", "webhooks added to core + census")
if "full" in med:
    print(f"Care + census + webhooks: {med['full'][0]:.0f} ms to ready (goal <= 1500), {med['full'][1]:.0f} MB RSS (goal <= 200)")
