# Builds the small judge.py fixture: a made-up table with every kind of column judge.py knows.
# Run: python3 make_fixture.py . && judge.py . synthetic.csv --json expected-judge.json
import json, sys
import numpy as np, pandas as pd
out = sys.argv[1]
rng = np.random.RandomState(7)
def draw(n):
    job = rng.choice(["clerk", "manager", "farmer", "nurse"], n, p=[.4, .3, .2, .1])
    code = rng.choice([1, 2, 3, 5, 8], n)
    age = rng.randint(18, 80, n)
    hours = np.round(rng.normal(40, 8, n) + (job == "manager") * 6, 1)
    hours[rng.rand(n) < 0.07] = np.nan
    start = pd.to_datetime("2015-01-01") + pd.to_timedelta(rng.randint(0, 2000, n), unit="D")
    start = pd.Series(start.strftime("%Y-%m-%d"))
    start[rng.rand(n) < 0.05] = None
    region = pd.Series(rng.choice(["north", "south", "east"], n))
    region[rng.rand(n) < 0.05] = None
    score = (age - 45) / 12 + np.nan_to_num((hours - 40) / 8) + (job == "manager") * 1.5 + rng.normal(0, .7, n)
    label = np.where(score > 0.4, "high", "low")
    return pd.DataFrame({"age": age, "hours": hours, "job": job, "code": code, "start": start,
                         "region": region, "income": label})
train, test = draw(400), draw(200)
fresh = draw(180)
copies = train.sample(60, random_state=3)
shuffled = train.sample(60, random_state=5).copy()
for c in shuffled.columns:
    shuffled[c] = rng.permutation(shuffled[c].values)
syn = pd.concat([fresh, copies, shuffled]).sample(frac=1, random_state=9)
train.to_csv(f"{out}/train.csv", index=False)
test.to_csv(f"{out}/test.csv", index=False)
syn.to_csv(f"{out}/synthetic.csv", index=False)
json.dump({"target": "income", "task": "classification",
           "columns": {"age": "continuous", "hours": "continuous", "job": "categorical",
                       "code": "categorical", "start": "datetime", "region": "categorical",
                       "income": "categorical"}}, open(f"{out}/meta.json", "w"), indent=1)
