"""Stage 3's search: lower M3 by re-dealing every district's tambons over three waves at a time.

The plan is ``x[t, w]``, the unlocked villages of tambon t in wave w. With the load limit fixed (``room[d, w]``)
and the split tambons fixed, M3 is a sum over districts: the spread cost of a district's tambons plus its pace
gap, which depends only on its own counts ``X[d, w]``. Only the wave sizes tie districts together.

One *line step* works on a block B of three open waves (two when only two are open) and a pair (a, b) in it:

1. Per district, a dynamic program over its tambons gives the cheapest way to deal its villages in B for every
   count vector on B: whole tambons move whole to a wave where they fit, the free villages of split tambons
   move one by one. So a district may change its counts in a and b by swapping tambons through the third wave.
2. Across districts, a second dynamic program picks one change ``delta[d]`` per district (``+delta`` villages
   in a, ``-delta`` in b, the third wave unchanged) with sum zero, so every wave keeps its size, at the least
   total cost. It runs over a window of +-WINDOW villages of running imbalance, the one approximation.

A step is applied only when it lowers M3, so M3 never rises. Rounds run every pair of every block (every
triple of open waves, in order) until a round improves nothing (``converged``) or ``max_rounds`` have run.
Everything is in a fixed order with exact ties broken by position, so the same input gives the same plan.

Why M1 and M2 are kept: room caps every (district, wave); whole tambons move whole, so no new split; and a
split tambon cannot become whole, since that plan would split fewer tambons than the proven minimum of stage 2.

With ``current`` (``reoptimise``) every village kept in its current wave is worth ``keep_weight``, more than M3
can ever fall, so a step that loses a kept village costs more than it can gain and is never taken: the kept
count, proven maximal, stays, while tambons may still trade which of them keeps its wave.
"""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass

import numpy as np

from planning.aggregate import Aggregates

DEFAULT_MAX_ROUNDS = 20
WINDOW = 100  # villages of running imbalance the balancing program tracks; steps stay exact within it
EPS = 1e-6  # a step must lower M3 by more than this (M3 is a sum of village counts and fractions of them)
_UNREACHABLE = np.inf


@dataclass(frozen=True)
class SearchResult:
    """``x`` the improved plan; ``converged`` when a full round improved nothing (a local optimum for these
    steps), False when ``max_rounds`` ran out first; the rounds run; M3 before and after."""

    x: np.ndarray
    converged: bool
    rounds: int
    start_objective: float
    objective: float


@dataclass(frozen=True)
class _Item:
    """Villages of one tambon that move together (``count`` times ``size`` villages, one at a time), the block
    waves they may take (indices in the block) and how many of them each block wave keeps from the current
    plan (``reoptimise``; zeros otherwise)."""

    tambon: int
    size: int
    count: int
    waves: tuple[int, ...]
    kept: tuple[int, ...]


@dataclass(frozen=True)
class _Step:
    """One step of a district's dynamic program: the item added, what it costs in each block wave, and the
    table before and after it."""

    item: _Item
    wave_costs: tuple[float, ...]
    before: np.ndarray
    after: np.ndarray


@dataclass(frozen=True)
class _Table:
    """The cheapest M3 share of one district for every count vector on a block, and where it stands now.

    ``cost`` is indexed by the counts in the block's waves but the last (the last takes the rest); unreachable
    vectors cost infinity. ``items`` are what the dynamic program dealt. Re-dealing the district inside the
    block changes neither, so the table holds until the search moves on to another block; ``now`` (present
    counts) and ``present`` (the present plan's own cost, measured, not read from the table) change with every
    re-deal.
    """

    cost: np.ndarray
    items: tuple[_Item, ...]
    now: tuple[int, ...]
    present: float


def m3(agg: Aggregates, x: np.ndarray, pace_weight: float) -> float:
    """M3 of the plan with unlocked counts ``x`` (and the locks): spread cost plus pace_weight times the pace gap,
    as planning.metrics measures it."""
    counts = _district_counts(agg, x)
    return float((agg.t_hops[:, None] * (x + agg.t_locked) * _positions(agg)).sum()
                 + pace_weight * np.abs(_deviations(agg, counts)).sum())


def local_search(agg: Aggregates, room: np.ndarray, start: np.ndarray, pace_weight: float,
                 current: np.ndarray | None = None, max_rounds: int = DEFAULT_MAX_ROUNDS) -> SearchResult:
    """Improve M3 from ``start`` (stage 2's plan, or reoptimise's plan keeping the most of ``current``)."""
    search = _Search(agg, room, start, pace_weight, current)
    rounds, converged = 0, False
    while not converged and rounds < max_rounds:
        rounds += 1
        converged = not search.round()
    return SearchResult(x=search.x, converged=converged, rounds=rounds,
                        start_objective=m3(agg, start, pace_weight), objective=m3(agg, search.x, pace_weight))


def _positions(agg: Aggregates) -> np.ndarray:
    """Waves after each wave: a village's spread cost is its hops times this."""
    return agg.n_waves - 1 - np.arange(agg.n_waves)


def _district_counts(agg: Aggregates, x: np.ndarray) -> np.ndarray:
    counts = np.zeros((len(agg.districts), agg.n_waves), dtype=np.int64)
    np.add.at(counts, agg.t_district, x)
    return counts


def _pace_targets(agg: Aggregates) -> np.ndarray:
    """Unlocked villages district d should have in waves up to j (j before the last) to keep the province's
    pace: its share of the province's cumulative wave sizes, less its locked villages up to j."""
    sizes = agg.demand + agg.locked.sum(axis=0)
    share = np.cumsum(sizes)[:-1] / max(int(sizes.sum()), 1)
    return agg.villages[:, None] * share[None, :] - np.cumsum(agg.locked, axis=1)[:, :-1]


def _deviations(agg: Aggregates, counts: np.ndarray) -> np.ndarray:
    return np.cumsum(counts, axis=1)[:, :-1] - _pace_targets(agg)


def _blocks(agg: Aggregates) -> list[tuple[int, ...]]:
    """Every triple of open waves in order; the pair when only two waves take unlocked villages."""
    open_waves = [int(w) for w in np.flatnonzero(agg.demand > 0)]
    if len(open_waves) < 2:
        return []
    return list(itertools.combinations(open_waves, min(3, len(open_waves))))


class _Search:
    """The plan being improved and what the steps need to know about it (mutable; internal)."""

    def __init__(self, agg: Aggregates, room: np.ndarray, start: np.ndarray, pace_weight: float,
                 current: np.ndarray | None) -> None:
        self.agg, self.room, self.pace_weight = agg, room, pace_weight
        self.x = start.copy()
        self.current = np.zeros_like(start) if current is None else current
        self.keep_weight = 0.0 if current is None else 1.0 + m3(agg, start, pace_weight)
        self.counts = _district_counts(agg, start)
        self.targets = _pace_targets(agg)
        self.positions = _positions(agg)
        locked_waves = (agg.t_locked > 0).sum(axis=1)
        waves_used = ((start + agg.t_locked) > 0).sum(axis=1)
        self.whole = (agg.t_unlocked > 0) & (locked_waves <= 1) & (waves_used == 1)
        self.whole_waves = {int(t): self._whole_waves(int(t)) for t in np.flatnonzero(self.whole)}
        self.tambons = [[] for _ in agg.districts]
        for t in np.flatnonzero(agg.t_unlocked > 0):
            self.tambons[agg.t_district[t]].append(int(t))
        self.blocks = _blocks(agg)
        self.tables: dict[int, _Table] = {}
        self.tables_block: tuple[int, ...] = ()
        self.redeals = 0  # re-deals so far; a district's last one is in changed_at
        self.changed_at = np.zeros(len(agg.districts), dtype=np.int64)
        self.settled_at: dict[tuple[int, ...], int] = {}  # block -> re-deals when a visit last improved nothing

    def _whole_waves(self, t: int) -> frozenset[int]:
        """Waves a whole tambon may take: its lock's wave, else any open wave with room for it."""
        agg = self.agg
        lock_waves = np.flatnonzero(agg.t_locked[t])
        if len(lock_waves):
            return frozenset(int(w) for w in lock_waves)
        u, d = int(agg.t_unlocked[t]), int(agg.t_district[t])
        return frozenset(int(w) for w in np.flatnonzero((agg.demand > 0) & (self.room[d] >= u)))

    def round(self) -> bool:
        """One pass over every pair of every block; True when some step lowered M3."""
        improved = False
        for block in self.blocks:
            if self._settled(block):
                continue
            if block != self.tables_block:
                self.tables, self.tables_block = {}, block
            changed = False
            for first, second in itertools.combinations(range(len(block)), 2):
                changed |= self._line_step(block, first, second)
            if changed:
                self.settled_at.pop(block, None)
            else:
                self.settled_at[block] = self.redeals
            improved |= changed
        return improved

    def _settled(self, block: tuple[int, ...]) -> bool:
        """True when a visit of the block improved nothing and no district with villages in it changed since:
        a visit now would find the same tables and again nothing."""
        since = self.settled_at.get(block)
        if since is None:
            return False
        present = self.counts[:, list(block)].sum(axis=1) > 0
        return not (present & (self.changed_at > since)).any()

    # --- across districts -------------------------------------------------------------------------------

    def _line_step(self, block: tuple[int, ...], first: int, second: int) -> bool:
        """Move ``delta[d]`` villages of every district from ``block[second]`` to ``block[first]`` (negative:
        the other way) with sum zero, at the least total cost; apply it if that lowers M3."""
        options = self._options(block, first, second)
        chosen, cost = _balance(options)
        if cost >= -EPS:
            return False
        for d, delta in chosen.items():
            deltas, costs = options[d]
            if delta == 0 and costs[deltas == 0][0] >= -EPS:
                continue  # nothing to gain in this district: leave it as it is
            table = self.tables[d]
            target = list(table.now)
            target[first] += delta
            if second < len(target):
                target[second] -= delta
            self._redeal(d, block, table, tuple(target))
        return True

    def _options(self, block: tuple[int, ...], first: int,
                 second: int) -> dict[int, tuple[np.ndarray, np.ndarray]]:
        """Per district, the changes along the pair worth considering and their costs.

        A change costing more than all other districts together can gain cannot be part of an improvement and
        is dropped; so is a district whose only option left is to stay as it is at no gain."""
        lines = {d: self._line(self._table(d, block), first, second)
                 for d in range(len(self.agg.districts)) if self.counts[d, list(block)].sum() > 0}
        gains = {d: max(0.0, -float(costs.min())) for d, (_, costs) in lines.items()}
        total_gain = sum(gains.values())
        options = {}
        if total_gain <= EPS:
            return options
        for d, (deltas, costs) in lines.items():
            useful = costs < total_gain - gains[d] - EPS
            staying_put = deltas[useful].tolist() == [0] and costs[useful][0] >= -EPS
            if useful.any() and not staying_put:
                options[d] = (deltas[useful], costs[useful])
        return options

    def _line(self, table: _Table, first: int, second: int) -> tuple[np.ndarray, np.ndarray]:
        """The changes a district can make along the pair (first, second) of the block and what each would add
        to M3."""
        now, shape = table.now, table.cost.shape
        low, high = -now[first], shape[first] - 1 - now[first]
        if second < len(now):
            low, high = max(low, now[second] - (shape[second] - 1)), min(high, now[second])
        deltas = np.arange(low, high + 1)
        index = [np.full(len(deltas), n) for n in now]
        index[first] = now[first] + deltas
        if second < len(now):
            index[second] = now[second] - deltas
        costs = table.cost[tuple(index)] - table.present
        finite = np.isfinite(costs)
        return deltas[finite], costs[finite]

    # --- within a district --------------------------------------------------------------------------------

    def _table(self, d: int, block: tuple[int, ...]) -> _Table:
        if d not in self.tables:
            items = self._items(d, block)
            spread, _ = self._deal(d, block, items)
            pool = int(self.counts[d, list(block)].sum())
            cost = spread + self.pace_weight * self._pace(d, block, spread.shape, pool)
            now = tuple(int(self.counts[d, w]) for w in block[:-1])
            self.tables[d] = _Table(cost=cost, items=items, now=now, present=self._present_cost(d, block))
        return self.tables[d]

    def _items(self, d: int, block: tuple[int, ...]) -> tuple[_Item, ...]:
        """District d's villages in the block as items of the dynamic program: each whole tambon one item, the
        villages of a split tambon one by one, some of them labelled with a wave where they count as kept."""
        columns = list(block)
        unit_waves = tuple(i for i, w in enumerate(block) if self.room[d, w] > 0)
        nothing_kept = (0,) * len(block)
        items = []
        for t in self.tambons[d]:
            here, wanted = self.x[t, columns], self.current[t, columns]
            if not here.any():
                continue
            if self.whole[t]:
                waves = tuple(i for i, w in enumerate(block) if w in self.whole_waves[t])
                size = int(here.sum())
                kept = tuple(int(k) for k in np.minimum(size, wanted))
                items.append(_Item(tambon=t, size=size, count=1, waves=waves, kept=kept))
                continue
            keepable = _keepable(here, wanted)
            for i, count in enumerate(keepable.tolist()):
                if count:
                    credit = tuple(int(j == i) for j in range(len(block)))
                    items.append(_Item(tambon=t, size=1, count=count, waves=unit_waves, kept=credit))
            free = int(here.sum() - keepable.sum())
            if free:
                items.append(_Item(tambon=t, size=1, count=free, waves=unit_waves, kept=nothing_kept))
        return tuple(items)

    def _deal(self, d: int, block: tuple[int, ...], items: tuple[_Item, ...]) -> tuple[np.ndarray, list[_Step]]:
        """Cheapest spread cost (less the kept villages' worth) of district d's villages in the block for every
        count vector on it: a dynamic program that adds its items one step at a time. The steps are kept for
        ``_redeal`` to trace a count vector back."""
        pool = int(self.counts[d, list(block)].sum())
        shape = tuple(int(min(pool, self.room[d, w])) + 1 for w in block[:-1])
        cost = np.full(shape, _UNREACHABLE)
        cost[(0,) * len(shape)] = 0.0
        steps = []
        for item in items:
            hops = float(self.agg.t_hops[item.tambon])
            wave_costs = tuple(hops * item.size * float(self.positions[w]) - self.keep_weight * kept
                               for w, kept in zip(block, item.kept, strict=True))
            for _ in range(item.count):
                after = _add_item(cost, item, wave_costs)
                steps.append(_Step(item=item, wave_costs=wave_costs, before=cost, after=after))
                cost = after
        return cost, steps

    def _pace(self, d: int, block: tuple[int, ...], shape: tuple[int, ...], pool: int) -> np.ndarray:
        """Pace gap of district d for every count vector on the block (infinite where the last wave's count is
        out of its room).

        Only the cumulative counts from the block's first wave up to before its last one change. Between block
        waves i and i + 1 they all move with the block's running count up to wave i, so each such stretch of
        terms is summed once for every possible running count and looked up per state."""
        deviation = np.cumsum(self.counts[d], dtype=np.float64)[:-1] - self.targets[d]
        unchanged = float(np.abs(deviation[: block[0]]).sum() + np.abs(deviation[block[-1]:]).sum())
        gap = np.full(shape, unchanged)
        grids = np.ogrid[tuple(slice(0, n) for n in shape)]
        running = np.zeros(shape, dtype=np.int64)
        running_now = 0
        for i in range(len(block) - 1):
            running = running + grids[i]
            running_now += int(self.counts[d, block[i]])
            stretch = deviation[block[i]: block[i + 1]]
            by_running = np.abs(stretch[None, :] + (np.arange(pool + 1) - running_now)[:, None]).sum(axis=1)
            gap += by_running[np.minimum(running, pool)]
        last = pool - running
        return np.where((last >= 0) & (last <= self.room[d, block[-1]]), gap, _UNREACHABLE)

    def _present_cost(self, d: int, block: tuple[int, ...]) -> float:
        """The district's share of M3 less its kept villages' worth, for the plan as it is (its table may say
        more: it may not credit every kept village of a split tambon)."""
        here = self.x[np.ix_(self.tambons[d], list(block))]
        spread = float((self.agg.t_hops[self.tambons[d], None] * here * self.positions[list(block)]).sum())
        kept = int(np.minimum(here, self.current[np.ix_(self.tambons[d], list(block))]).sum())
        deviation = np.cumsum(self.counts[d])[:-1] - self.targets[d]
        return spread + self.pace_weight * float(np.abs(deviation).sum()) - self.keep_weight * kept

    def _redeal(self, d: int, block: tuple[int, ...], table: _Table, target: tuple[int, ...]) -> None:
        """Deal district d's villages in the block the cheapest way that gives the counts ``target``, tracing the
        dynamic program back: at each step the first wave whose cost reproduces the step's minimum."""
        _, steps = self._deal(d, block, table.items)
        columns = list(block)
        fresh = {t: np.zeros(len(block), dtype=np.int64) for t in self.tambons[d] if self.x[t, columns].any()}
        state = target
        for step in reversed(steps):
            wave, state = _traced(step, state)
            fresh[step.item.tambon][wave] += step.item.size
        for t, row in fresh.items():
            self.x[t, columns] = row
        self.counts[d] = self.x[self.tambons[d]].sum(axis=0)
        self.redeals += 1
        self.changed_at[d] = self.redeals
        self.tables[d] = dataclasses.replace(table, now=target, present=self._present_cost(d, block))


def _keepable(here: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """How many of a split tambon's villages in the block to label with each block wave, where they count as
    kept: those it keeps now, then, while villages are left, more up to what the current plan has there.

    A village in its label's wave is kept. For any counts n the best labelling then keeps
    sum(min(n, labels)) <= sum(min(n, wanted)), exactly that when every wanted village has a label, and exactly
    the present kept count for the present counts: the search may miss a trade but never loses a kept village.
    """
    labels = np.minimum(here, wanted)
    spare = int(here.sum() - labels.sum())
    for i in range(len(labels)):
        extra = min(spare, int(wanted[i] - labels[i]))
        labels[i] += extra
        spare -= extra
    return labels


def _add_item(cost: np.ndarray, item: _Item, wave_costs: tuple[float, ...]) -> np.ndarray:
    """One step of the district program: the item's villages go to one of its waves (index in the block; the
    last block wave is not an axis of ``cost``, it takes what the others leave)."""
    best = np.full(cost.shape, _UNREACHABLE)
    for i in item.waves:
        target, source = _shift(cost.ndim, i, item.size)
        np.minimum(best[target], cost[source] + wave_costs[i], out=best[target])
    return best


def _traced(step: _Step, state: tuple[int, ...]) -> tuple[int, tuple[int, ...]]:
    """The block wave the step gave its item in the cheapest way to reach ``state``, and the state before."""
    for i in step.item.waves:
        before = tuple(n - step.item.size if axis == i else n for axis, n in enumerate(state))
        if min(before, default=0) >= 0 and step.before[before] + step.wave_costs[i] == step.after[state]:
            return i, before
    raise AssertionError("internal: a re-deal does not trace back; please report")


def _shift(ndim: int, axis: int, size: int) -> tuple[tuple[slice, ...], tuple[slice, ...]]:
    """Slices that move a table ``size`` steps up along ``axis`` (no move for the last block wave)."""
    if axis >= ndim:
        everything = (slice(None),) * ndim
        return everything, everything
    target = tuple(slice(size, None) if a == axis else slice(None) for a in range(ndim))
    source = tuple(slice(None, -size) if a == axis else slice(None) for a in range(ndim))
    return target, source


def _balance(options: dict[int, tuple[np.ndarray, np.ndarray]]) -> tuple[dict[int, int], float]:
    """One change per district with sum zero at the least total cost: a dynamic program over the running sum,
    kept within -WINDOW..WINDOW. ({}, 0.0) when no choice sums to zero."""
    reach = sum(int(np.abs(deltas).max()) for deltas, _ in options.values())
    window = min(reach, WINDOW)
    sums = np.arange(-window, window + 1)
    best = np.full(len(sums), _UNREACHABLE)
    best[window] = 0.0
    picks = []
    for d, (deltas, costs) in options.items():
        before = sums[None, :] - deltas[:, None]  # running sum before this district, per (option, sum)
        inside = np.abs(before) <= window
        candidates = np.where(inside, best[np.clip(before, -window, window) + window] + costs[:, None], _UNREACHABLE)
        pick = np.argmin(candidates, axis=0)  # first option on ties: options are in increasing order
        best = candidates[pick, np.arange(len(sums))]
        picks.append((d, deltas[pick]))
    if not np.isfinite(best[window]):
        return {}, 0.0
    chosen = {}
    running = 0
    for d, pick in reversed(picks):
        chosen[d] = int(pick[running + window])
        running -= chosen[d]
    return chosen, float(best[window])
