#!/usr/bin/env python3
"""Interleaved whole-process timing of commands side by side (dyadkit against R, or before against after).

usage: benchmarks/interleave.py [--rounds N] [--warmup K] [--seed S] [--json FILE] NAME=COMMAND ...

Each COMMAND is a shell command line (run with `sh -c`, output discarded, from the current folder).
Every round runs each command once, in an order shuffled by a seeded generator, so that a change of
load on a shared machine falls on all commands alike; K warm-up rounds (default 1) are run first and
not counted. For every command the table gives the wall time (min / median / max over the rounds) and
the CPU time (user + system of the command and its children, median), and the load average of the
machine before and after the runs. With two or more commands, the ratio of each command's median wall
time to the first command's is printed as well (first / other: how many times faster the first is).
A command that exits non-zero stops the benchmark with its stderr, so that a broken run is never timed.
"""
import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time


def run_once(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(["sh", "-c", cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"interleave: '{cmd}' exited {proc.returncode}:\n{proc.stderr.decode(errors='replace')[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--seed", type=int, default=20261202)
    ap.add_argument("--json", help="also write every run's times to this file")
    ap.add_argument("commands", nargs="+", metavar="NAME=COMMAND")
    args = ap.parse_args()
    named = []
    for spec in args.commands:
        if "=" not in spec:
            sys.exit(f"interleave: '{spec}' is not NAME=COMMAND")
        name, cmd = spec.split("=", 1)
        named.append((name, cmd))
    rng = random.Random(args.seed)
    for _ in range(args.warmup):
        for _, cmd in named:
            run_once(cmd)
    load_before = os.getloadavg()
    walls = {n: [] for n, _ in named}
    cpus = {n: [] for n, _ in named}
    for _ in range(args.rounds):
        order = named[:]
        rng.shuffle(order)
        for name, cmd in order:
            wall, cpu = run_once(cmd)
            walls[name].append(wall)
            cpus[name].append(cpu)
    load_after = os.getloadavg()
    first = named[0][0]
    print(f"load average before {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}, "
          f"after {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}; "
          f"{args.rounds} interleaved rounds after {args.warmup} warm-up")
    print("| command | wall min s | wall median s | wall max s | CPU median s | median vs first |")
    print("|---|---:|---:|---:|---:|---:|")
    base = statistics.median(walls[first])
    for name, _ in named:
        w = walls[name]
        med = statistics.median(w)
        ratio = "" if name == first else f"{med / base:.2f}x"
        print(f"| {name} | {min(w):.3f} | {med:.3f} | {max(w):.3f} | {statistics.median(cpus[name]):.3f} | {ratio} |")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"load_before": load_before, "load_after": load_after, "rounds": args.rounds,
                       "commands": {n: {"command": c, "wall": walls[n], "cpu": cpus[n]} for n, c in named}},
                      f, indent=1)


if __name__ == "__main__":
    main()
