"""Tambon hops: how many borders a facilitator team crosses from the nearest seed tambon.

Breadth-first search on the tambon adjacency given by the caller (polygons sharing a border, islands joined to
their nearest tambon by the geodata adapter). Pure: no geometry here.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence


def hop_distances(adjacency: Mapping[str, Sequence[str]], seeds: Iterable[str]) -> dict[str, int]:
    """Hops from the nearest seed for every tambon in ``adjacency`` (seeds are 0).

    Tambons that no path reaches get one more hop than the farthest reached tambon, so an unconnected island
    counts as far rather than breaking the plan. With no seeds every tambon gets 0.
    """
    tambons = set(adjacency)
    for neighbours in adjacency.values():
        tambons.update(neighbours)
    seed_list = sorted(set(seeds) & tambons)
    if not seed_list:
        return dict.fromkeys(sorted(tambons), 0)
    hops = dict.fromkeys(seed_list, 0)
    queue = deque(seed_list)
    while queue:
        tambon = queue.popleft()
        for neighbour in sorted(adjacency.get(tambon, ())):
            if neighbour not in hops:
                hops[neighbour] = hops[tambon] + 1
                queue.append(neighbour)
    unreached = max(hops.values()) + 1
    return {tambon: hops.get(tambon, unreached) for tambon in sorted(tambons)}
