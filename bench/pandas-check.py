#!/usr/bin/python3
"""
The reference row of `npm run bench`: pandas + openpyxl (Debian's python3-pandas and python3-openpyxl) doing the
core checks zs-check does on the bench's city table, as a statistician with a Python script would: read the sheet,
find the 全市 row, then unknown and duplicate units, numbers that are not numbers, the total against the sum of the
units, each part against its whole, and the two rates against their inputs. Prints the counts as one JSON line.

    /usr/bin/python3 bench/pandas-check.py big.xlsx registry.json
"""
import json
import sys

import pandas as pd

AMOUNTS = ["正式合同额", "工业合同额", "制造业合同额", "到位资金", "市外到位资金"]
COUNTS = ["签约项目数", "正式合同项目数", "框架协议项目数", "新开工项目数", "实际使用外资"]
PARTS = [("正式合同项目数", "签约项目数"), ("工业合同额", "正式合同额"), ("制造业合同额", "工业合同额"), ("市外到位资金", "到位资金")]
RATES = [("开工率", "新开工项目数", "签约项目数"), ("资金到位率", "到位资金", "正式合同额")]


def main(path, registry_path):
    with open(registry_path, encoding="utf-8") as f:
        registry = json.load(f)
    names = {u["name"] for u in registry["units"]}
    aggregates = set(registry.get("aggregateNames", ["全市"]))
    # The title and the unit line come first: the header row is the one that names the unit column.
    raw = pd.read_excel(path, engine="openpyxl", header=None)
    at = raw.index[raw[0] == "区县"][0]
    df = raw.iloc[at + 1 :]
    df.columns = raw.iloc[at]
    label = df.columns[0]
    df = df[df[label].notna()]
    df = df[~df[label].astype(str).str.startswith(("填表人", "注"))]
    is_total = df[label].isin(aggregates)
    total = df[is_total].iloc[0]
    units = df[~is_total]
    findings = {}
    findings["unknown-unit"] = int((~units[label].isin(names)).sum())
    findings["duplicate-unit"] = int(units[label].duplicated().sum())
    numbers = units[AMOUNTS + COUNTS + [r[0] for r in RATES]].apply(pd.to_numeric, errors="coerce")
    findings["not-a-number"] = int(numbers.isna().sum().sum())
    mismatched = 0
    for col in COUNTS:
        mismatched += int(numbers[col].sum() != total[col])
    for col in AMOUNTS:
        mismatched += int(abs(round(numbers[col].sum(), 2) - total[col]) > 0.005)
    findings["total-mismatch"] = mismatched
    findings["part-exceeds-whole"] = int(sum((numbers[part] > numbers[whole] + 1e-9).sum() for part, whole in PARTS))
    rate_off = 0
    for rate, num, den in RATES:
        expected = (numbers[num] / numbers[den]).round(4)
        rate_off += int(((numbers[rate] - expected).abs() > 0.00005).sum())
    findings["rate-mismatch"] = rate_off
    print(json.dumps({"rows": len(units), "findings": findings}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
