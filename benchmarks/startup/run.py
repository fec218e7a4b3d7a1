#!/usr/bin/env python3
"""Start-up of the dyadkit command line: interleaved whole-process runs of two jars.

usage: benchmarks/startup/run.py BEFORE.jar AFTER.jar [ROUNDS]

Each round runs every (command, jar) pair once, in a shuffled order (seeded), beside a bare
`java -version`, so that load changes on a shared machine hit both jars alike. The JVM options are
the launcher's (C1 only, serial collector) without its class-data-sharing archive, so that both jars
run with the JDK's default archive. Prints min / median / max wall seconds per pair.
"""
import random
import statistics
import subprocess
import sys
import time

before, after = sys.argv[1], sys.argv[2]
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 15
jvm = ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
apim = ["apim", "--input", "data-samples/acitelli_individual.csv", "--dyad", "cuplid", "--role", "gender",
        "--y", "satisfaction", "--x", "other_pos"]
commands = {"--version": ["--version"], "instruments": ["instruments"], "apim (Acitelli)": apim}
runs = [("java -version", None, jvm + ["-version"])]
for name, args in commands.items():
    for label, jar in (("before", before), ("after", after)):
        runs.append((name, label, jvm + ["-jar", jar] + args))
times = {(n, l): [] for n, l, _ in runs}
rng = random.Random(20261202)
for _ in range(2):  # warm the file cache
    for _, _, cmd in runs:
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
for _ in range(rounds):
    order = runs[:]
    rng.shuffle(order)
    for name, label, cmd in order:
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times[(name, label)].append(time.perf_counter() - t0)
print(f"| command | jar | min s | median s | max s | runs |")
print(f"|---|---|---:|---:|---:|---:|")
for (name, label), ts in times.items():
    print(f"| {name} | {label or ''} | {min(ts):.3f} | {statistics.median(ts):.3f} | {max(ts):.3f} | {len(ts)} |")
