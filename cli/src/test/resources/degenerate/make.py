"""Writes the degenerate-data fixtures of docs/degenerate-data.md (deterministic: python3 make.py)."""
import random

rnd = random.Random(20261202)


def couples(n, f):
    """n dyads in individual layout d,role,x,y,c,c2,m; f(i, member, row) may change the row."""
    rows = ["d,role,x,y,c,c2,m"]
    for i in range(1, n + 1):
        xa = round(3 + rnd.gauss(0, 1), 3)
        xb = round(0.4 * xa + 1.8 + rnd.gauss(0, 0.9), 3)
        for k, (role, x, xp) in enumerate([("A", xa, xb), ("B", xb, xa)]):
            m = round(0.5 * x + rnd.gauss(0, 1), 3)
            y = round(1 + 0.5 * x + 0.2 * xp + 0.3 * m + rnd.gauss(0, 1), 3)
            row = {"d": i, "role": role, "x": x, "y": y, "c": round(rnd.gauss(0, 1), 3), "c2": 0, "m": m}
            row = f(i, k, row)
            if row is not None:
                rows.append(",".join(str(row[c]) for c in ["d", "role", "x", "y", "c", "c2", "m"]))
    return "\n".join(rows) + "\n"


def write(name, text):
    with open(name, "w") as fh:
        fh.write(text)


def put(**kw):
    def f(i, k, row):
        for key, v in kw.items():
            row[key] = v(i, k, row) if callable(v) else v
        return row
    return f


write("flat-x.csv", couples(20, put(x=2)))
write("flat-y.csv", couples(20, put(y=3)))
same_x = {}
def dyad_x(i, k, r):
    same_x.setdefault(i, r["x"])
    r["x"] = same_x[i]
    return r
write("dyad-level-x.csv", couples(20, dyad_x))
write("one-dyad.csv", couples(1, lambda i, k, r: r))
write("two-dyads.csv", couples(2, lambda i, k, r: r))
write("no-partners.csv", couples(20, lambda i, k, r: r if k == i % 2 else None))
ys = {}
def same_y(i, k, r):
    ys.setdefault(i, r["y"])
    r["y"] = ys[i]
    return r
write("identical-outcomes.csv", couples(30, same_y))
yo = {}
def opposite_y(i, k, r):
    if k == 0:
        yo[i] = r["y"]
    else:
        r["y"] = round(10 - yo[i], 3)
    return r
write("opposite-outcomes.csv", couples(30, opposite_y))
def perfect(i, k, r):
    r["m"] = round(2 * r["x"] + 1, 3)
    return r
write("perfect.csv", couples(20, perfect))
write("huge-cell.csv", couples(30, lambda i, k, r: dict(r, x=1e200) if (i, k) == (3, 0) else r))
write("huge-outcome.csv", couples(30, lambda i, k, r: dict(r, y=1e200) if (i, k) == (3, 0) else r))
# covariates that vary only within one dyad each: most bootstrap resamples miss one of them
write("rare-covariates.csv", couples(30, put(c=lambda i, k, r: 1 if (i, k) == (1, 0) else 0,
                                              c2=lambda i, k, r: 1 if (i, k) == (3, 0) else 0)))

# a 7-item RAS survey (items 1-5): one item without variance
items = ["id"] + ["ras%d" % j for j in range(1, 8)]
rows = [",".join(items)]
for p in range(1, 31):
    t = rnd.gauss(0, 1)
    vals = [min(5, max(1, round(3 + t + rnd.gauss(0, 0.8)))) for _ in range(7)]
    vals[2] = 4
    rows.append(",".join([str(p)] + [str(v) for v in vals]))
write("ras-flat-item.csv", "\n".join(rows) + "\n")
