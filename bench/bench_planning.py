"""Benchmark of the planning engine against a plain integer program, on the province and on all of Thailand.

    .venv/bin/python bench/bench_planning.py [--case province|nation|gazetteer|all] [--json results.json]
                                             [--no-plain]

Besides M1 and M2 it reports M3 (spread_objective): the value of stage 2's plan, where the local search
starts, the value reached, its spread_status and the seconds of stage 3.

Each case runs in its own subprocess so that peak memory is separate. Peak memory is the subprocess's maximum
resident set size (``resource.getrusage(RUSAGE_SELF).ru_maxrss``), which includes loading the data with
geopandas and, when run, the plain model; it covers native (HiGHS) memory that tracemalloc cannot see.

The plain model is the textbook one, built with PuLP and solved by HiGHS in the same process: integer counts
per (tambon, wave) with binaries "tambon uses wave"; first minimise the largest load z, then with the loads
capped at floor(z* x teams) minimise the split tambons. Both engines must agree on M1 and M2.

Nation: the 2012 village points joined to the tambon polygons (points in no tambon dropped), district = first
four digits of the tambon code, default roster (one team per tambon with villages), targets 16,000 / 24,000 /
rest, no pilot. With C = 10 district 6409 (152 villages, 5 teams, 150 slots) makes it infeasible, so the bench
shows that error and plans with C = 11.

Gazetteer: the product's own national data set (``geodata.nation``: all 75,206 DOPA villages of the 76 provinces
with villages, built from the cached province builds on first use) and its national problem
(``geodata.national_plan.build_national_problem``: tambon adjacency across province borders, default waves
16,000 / 24,000 / the rest, estimated roster at C = 10). ``load_seconds`` is reading the nation (a first run
builds it, and says so), ``problem_seconds`` building the Problem, ``seconds_total`` the plan; the tightest
district is the one needing the largest C to carry its villages with its teams over the three waves.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

THAILAND = Path("/work/shared/data/thailand")
NATION_TARGETS = (16000, 24000, None)


def province_problem():
    import geodata
    from geodata.planning_inputs import build_problem

    villages, tambons = geodata.load_villages(), geodata.load_tambons()
    return build_problem(villages, tambons), {"villages": len(villages), "tambons": len(tambons)}


def nation_problem(capacity: int):
    import geopandas as gpd

    import planning

    points = gpd.read_file(THAILAND / "village_points_2012.gpkg", layer="village_points")
    tambons = gpd.read_file(THAILAND / "tambon.gpkg", layer="tambon")
    joined = gpd.sjoin(points, tambons[["tambon_pcode", "geometry"]], how="inner", predicate="within")
    joined = joined[~joined.index.duplicated()]
    villages = {f"V{i:06d}": code[2:] for i, code in zip(joined.index, joined["tambon_pcode"], strict=True)}
    districts = {code[2:]: code[2:6] for code in tambons["tambon_pcode"]}
    waves = (planning.Wave("2548", None), planning.Wave("2549", NATION_TARGETS[0]),
             planning.Wave("2550", NATION_TARGETS[1]), planning.Wave("2551", None))
    roster = planning.default_roster(villages, districts, capacity=capacity)
    facts = {"points": len(points), "villages": len(villages), "tambons": len(tambons),
             "tambons_with_villages": len(set(villages.values())), "districts_with_villages": len(roster.teams)}
    return planning.make_problem(villages, districts, waves=waves, roster=roster), facts


def gazetteer_problem():
    from geodata import nation
    from geodata.databuild.cache import cache_root
    from geodata.national_plan import build_national_problem

    cached = (cache_root() / "nation" / nation.nation_cache_key() / nation.SUMMARY_FILE).is_file()
    started = time.perf_counter()
    villages, tambons = nation.load_national_villages(), nation.load_national_tambons()
    loaded = time.perf_counter()
    problem = build_national_problem(villages, tambons)
    built = time.perf_counter()
    per_district: dict[str, int] = {}
    for district in problem.village_districts.values():
        per_district[district] = per_district.get(district, 0) + 1
    open_waves = sum(1 for size in problem.wave_sizes.values() if size)  # the pilot wave is empty: no pilot
    tight = max(per_district, key=lambda d: (per_district[d] / problem.roster.teams[d], d))
    facts = {"villages": len(villages), "tambons": len(tambons),
             "tambons_with_villages": len(set(problem.villages.values())), "districts_with_villages": len(per_district),
             "nation_cached": cached, "load_seconds": loaded - started, "problem_seconds": built - loaded,
             "tightest_district": tight, "tightest_villages": per_district[tight],
             "tightest_teams": problem.roster.teams[tight],
             "tightest_needs_c": math.ceil(per_district[tight] / (open_waves * problem.roster.teams[tight]))}
    return problem, facts


def stage_two_m3(problem) -> float:
    """M3 of stage 2's plan, where stage 3's local search starts."""
    from planning.aggregate import aggregate
    from planning.balance import min_max_load, open_caps, wave_caps
    from planning.local_search import m3
    from planning.splits import min_split_plan

    agg = aggregate(problem)
    room = open_caps(agg, wave_caps(agg, min_max_load(problem, agg)))
    return m3(agg, min_split_plan(agg, room).x, problem.pace_weight)


def plain_model(problem) -> dict:
    """M1 then M2 over (tambon, wave) counts with PuLP + HiGHS, straight from the definitions."""
    import pulp

    started = time.perf_counter()
    labels, teams, cap = problem.labels, problem.roster.teams, problem.roster.capacity
    tambons = sorted(set(problem.villages.values()))
    size = dict.fromkeys(tambons, 0)
    locked = {(t, w): 0 for t in tambons for w in labels}
    for village, tambon in problem.villages.items():
        size[tambon] += 1
        if village in problem.locks:
            locked[tambon, problem.locks[village]] += 1
    by_district: dict[str, list[str]] = {}
    for t in tambons:
        by_district.setdefault(problem.tambon_districts[t], []).append(t)

    def model(limit):
        m = pulp.LpProblem("plain", pulp.LpMinimize)
        n = {(t, w): pulp.LpVariable(f"n_{t}_{w}", locked[t, w], size[t], cat="Integer")
             for t in tambons for w in labels}
        for t in tambons:
            m += pulp.lpSum(n[t, w] for w in labels) == size[t]
        for w in labels:
            m += pulp.lpSum(n[t, w] for t in tambons) == problem.wave_sizes[w]
        z = pulp.LpVariable("z", 0, cap)
        for d, ts in by_district.items():
            for w in labels:
                load = pulp.lpSum(n[t, w] for t in ts)
                if limit is None:
                    m += load <= teams[d] * z
                else:
                    m += load <= min(cap * teams[d], math.floor(limit * teams[d] + 1e-9))
        if limit is None:
            m += z
            return m, z
        used = {(t, w): pulp.LpVariable(f"u_{t}_{w}", cat="Binary") for t in tambons for w in labels}
        split = {t: pulp.LpVariable(f"s_{t}", cat="Binary") for t in tambons}
        for t in tambons:
            for w in labels:
                m += n[t, w] <= size[t] * used[t, w]
            m += pulp.lpSum(used[t, w] for w in labels) - 1 <= (len(labels) - 1) * split[t]
        m += pulp.lpSum(split.values())
        return m, None

    solver = pulp.HiGHS(msg=False, gapRel=0.0, threads=1)
    first, z = model(None)
    first.solve(solver)
    m1 = pulp.value(z)
    second, _ = model(m1)
    second.solve(solver)
    return {"seconds": time.perf_counter() - started, "m1": m1, "m2": round(pulp.value(second.objective)),
            "status": f"{pulp.LpStatus[first.status]}/{pulp.LpStatus[second.status]}"}


def run_case(case: str, with_plain: bool) -> dict:
    import planning

    out: dict = {"case": case}
    loaded = time.perf_counter()
    if case == "province":
        problem, facts = province_problem()
    elif case == "gazetteer":
        problem, facts = gazetteer_problem()
    else:
        try:
            planning.plan(nation_problem(10)[0])
        except planning.PlanningError as error:
            out["c10_error"] = str(error)
        problem, facts = nation_problem(11)
    out.update(capacity=problem.roster.capacity, load_seconds=time.perf_counter() - loaded)
    out.update(facts)
    result = planning.plan(problem)
    m = result.metrics
    out.update(m1=m.max_load, m1_fraction=list(m.max_load_fraction), m2=m.split_tambons, status=m.status,
               m2_proof=m.proof, spread_status=m.spread_status, m3_start=stage_two_m3(problem),
               m3=m.spread_objective, spread_cost=m.spread_cost, pace_gap=m.pace_gap,
               seconds_m1_m2=m.stage_seconds["m1"] + m.stage_seconds["m2"], seconds_total=m.seconds,
               stage_seconds=m.stage_seconds, wave_sizes=m.wave_sizes)
    if with_plain:
        plain = plain_model(problem)
        out["plain"] = plain
        out["ratio_m1_m2"] = plain["seconds"] / out["seconds_m1_m2"]
        out["ratio_total"] = plain["seconds"] / out["seconds_total"]
        out["agree"] = abs(plain["m1"] - m.max_load) < 1e-6 and plain["m2"] == m.split_tambons
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=("province", "nation", "gazetteer", "all"), default="all")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--no-plain", action="store_true", help="skip the plain PuLP model (slow on the nation)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_case(args.child, not args.no_plain)))
        return
    results = []
    for case in (("province", "nation", "gazetteer") if args.case == "all" else (args.case,)):
        command = [sys.executable, __file__, "--child", case] + (["--no-plain"] if args.no_plain else [])
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(f"{'case':9} {'villages':>8} {'M1':>6} {'M2':>3} {'status':8} {'M1+M2 s':>8} {'M3 start':>9} "
          f"{'M3':>9} {'M3 status':14} {'M3 s':>6} {'total s':>8} {'plain s':>8} {'ratio':>7} {'peak MB':>8}")
    for r in results:
        plain = r.get("plain", {})
        print(f"{r['case']:9} {r['villages']:>8} {r['m1']:>6.2f} {r['m2']:>3} {r['status']:8} "
              f"{r['seconds_m1_m2']:>8.3f} {r['m3_start']:>9.2f} {r['m3']:>9.2f} {r['spread_status']:14} "
              f"{r['stage_seconds']['m3']:>6.2f} {r['seconds_total']:>8.3f} {plain.get('seconds', float('nan')):>8.2f} "
              f"{r.get('ratio_m1_m2', float('nan')):>7.0f} {r['peak_rss_mb']:>8.0f}")
    for r in results:
        if "c10_error" in r:
            print(f"nation with C = 10: {r['c10_error']}")
        if r["case"] == "gazetteer":
            print(f"gazetteer: nation {'read from the cache' if r['nation_cached'] else 'built (first use)'} in "
                  f"{r['load_seconds']:.1f} s, problem built in {r['problem_seconds']:.2f} s "
                  f"({r['districts_with_villages']} districts, {r['tambons_with_villages']} tambons with villages), "
                  f"planned in {r['seconds_total']:.2f} s; C = {r['capacity']} carries every district: tightest "
                  f"{r['tightest_district']} ({r['tightest_villages']} villages, {r['tightest_teams']} teams) "
                  f"needs C >= {r['tightest_needs_c']}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
