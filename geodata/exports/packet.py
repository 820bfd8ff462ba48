"""The content of every export, computed once: what each amphoe office receives and the province's totals.

Every format writer (XLSX, PDF, CSV, GeoPackage, GeoJSON, the map) reads these frozen values and nothing else
of the plan, so the formats cannot disagree. Counts and loads are recomputed from the plan's assignment and the
data set in use (not copied from stored metrics, which could be stale); the plan's own metrics are carried
along as the plan reported them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

import geopandas as gpd

from geodata import provinces, schema
from geodata.errors import GeodataError
from geodata.exports.errors import ExportError
from geodata.exports.text import th, thai_date
from geodata.messages import Message, text
from geodata.scenario import Scenario

#: The change-history action that records a scenario made the official plan (store.ScenarioStore.mark_official).
OFFICIAL_ACTION = "official"
#: Metric names copied from the plan's metrics into the exports (see planning.metrics for definitions).
PLAN_METRICS = ("max_load", "split_tambons", "status", "failed_checks")


@dataclass(frozen=True)
class Approval:
    """Who made a scenario the province's official plan, when (ISO timestamp) and at which version."""

    by: str
    at: str
    version: int


class HistoryEntry(Protocol):
    """What `approval_of` reads of a change-history entry (the store's `Change`, as the service passes it on)."""

    @property
    def action(self) -> str: ...

    @property
    def author(self) -> str: ...

    @property
    def at(self) -> str: ...

    @property
    def version(self) -> int: ...


def approval_of(changes: Iterable[HistoryEntry]) -> Approval | None:
    """The latest time a scenario was made the official plan, from its change history; None if it never was."""
    marks = [c for c in changes if c.action == OFFICIAL_ACTION]
    return Approval(marks[-1].author, marks[-1].at, marks[-1].version) if marks else None


@dataclass(frozen=True)
class PlanInfo:
    """The plan the files come from: scenario name, version, date (B.E.), waves, roster source and metrics; the
    province (code, Thai and English names from the registry) every title and file name carries; whether it is the
    province's official plan (`official`) and, when known, who approved it when."""

    scenario: str
    version: int
    date: str
    updated_at: str
    updated_by: str
    dataset: str
    waves: tuple[str, ...]
    pilot_label: str | None
    capacity: int
    roster_estimated: bool
    metrics: dict[str, object]
    missing_villages: int
    province_code: str
    province_th: str
    province_en: str
    official: bool = False
    approval: Approval | None = None

    def province_name(self, lang: str) -> str:
        """"จังหวัดอุบลราชธานี" or "Ubon Ratchathani province"."""
        return text("doc.province_name", lang, province=self.province_th if lang == "th" else self.province_en)

    @property
    def title(self) -> str:
        """"NAME · ฉบับที่ 3 · 26 พ.ย. 2569" (version 0 is the unsaved default plan: no version shown)."""
        version = f" · {th('doc.version')} {self.version}" if self.version else ""
        return f"{self.scenario}{version} · {self.date}"


@dataclass(frozen=True)
class VillageRow:
    """One village with its wave; `wave` is None when the plan gives it none."""

    village_code: str
    moo: int
    village_th: str
    village_en: str
    tambon_code: str
    tambon_th: str
    tambon_en: str
    amphoe_code: str
    amphoe_th: str
    amphoe_en: str
    wave: str | None
    locked: bool
    reason: str | None
    location_quality: str
    lon: float
    lat: float

    @property
    def estimated(self) -> bool:
        return self.location_quality == schema.ESTIMATED


@dataclass(frozen=True)
class WaveLoad:
    """An amphoe's (or the province's) villages in one wave and the load on its facilitator teams."""

    wave: str
    villages: int
    teams: int
    capacity: int

    @property
    def per_team(self) -> float:
        return self.villages / self.teams if self.teams else 0.0

    @property
    def limit(self) -> int:
        """Most villages the teams can take in one wave (teams × capacity)."""
        return self.teams * self.capacity


@dataclass(frozen=True)
class TambonRow:
    """A tambon's villages per wave; `split` when they fall in more than one wave."""

    tambon_code: str
    tambon_th: str
    tambon_en: str
    per_wave: dict[str, int]
    unassigned: int

    @property
    def villages(self) -> int:
        return sum(self.per_wave.values()) + self.unassigned

    @property
    def split(self) -> bool:
        return sum(1 for n in self.per_wave.values() if n) > 1


@dataclass(frozen=True)
class AmphoePacket:
    """Everything one amphoe office receives, in the order the files show it."""

    amphoe_code: str
    amphoe_th: str
    amphoe_en: str
    plan: PlanInfo
    teams: int
    villages: tuple[VillageRow, ...]
    waves: tuple[WaveLoad, ...]
    tambons: tuple[TambonRow, ...]

    @property
    def split_tambons(self) -> tuple[TambonRow, ...]:
        return tuple(t for t in self.tambons if t.split)

    @property
    def estimated(self) -> int:
        return sum(1 for v in self.villages if v.estimated)

    @property
    def unassigned(self) -> int:
        return sum(1 for v in self.villages if v.wave is None)

    @property
    def max_per_team(self) -> float:
        return max((w.per_team for w in self.waves), default=0.0)

    def in_wave(self, wave: str) -> tuple[VillageRow, ...]:
        return tuple(v for v in self.villages if v.wave == wave)


@dataclass(frozen=True)
class ProvincePacket:
    """Every amphoe's packet and the province's totals per wave."""

    plan: PlanInfo
    amphoes: tuple[AmphoePacket, ...]

    @property
    def villages(self) -> tuple[VillageRow, ...]:
        return tuple(v for a in self.amphoes for v in a.villages)

    @property
    def waves(self) -> tuple[WaveLoad, ...]:
        teams = sum(a.teams for a in self.amphoes)
        return tuple(WaveLoad(w, sum(a.waves[i].villages for a in self.amphoes), teams, self.plan.capacity)
                     for i, w in enumerate(self.plan.waves))

    @property
    def estimated(self) -> int:
        return sum(a.estimated for a in self.amphoes)

    @property
    def unassigned(self) -> int:
        return sum(a.unassigned for a in self.amphoes)

    @property
    def split_tambons(self) -> tuple[TambonRow, ...]:
        return tuple(t for a in self.amphoes for t in a.split_tambons)

    def amphoe(self, code: str) -> AmphoePacket:
        """The packet of amphoe `code`; ExportError lists the codes there are."""
        for packet in self.amphoes:
            if packet.amphoe_code == code:
                return packet
        codes = ", ".join(a.amphoe_code for a in self.amphoes)
        raise ExportError(Message("export.error.no_amphoe", code=code, codes=codes))


def province_packet(scenario: Scenario, villages: gpd.GeoDataFrame, amphoes: gpd.GeoDataFrame,
                    approval: Approval | None = None, *, province: str | None = None) -> ProvincePacket:
    """The export content of a plan over the data set in use (villages and amphoes as the loaders return them);
    `approval` says who made it the official plan and when (the documents print it).

    ``province`` is the code whose registry names the files carry (default: the province the amphoes belong
    to). Raises ExportError when the plan gives a wave to none of the data set's villages (a plan of another data
    set), naming both, or when the amphoes belong to several provinces and none is given.
    """
    plan = _plan_info(scenario, villages, approval, _province(province, amphoes))
    rows = _village_rows(scenario, villages, plan.waves)
    teams = scenario.settings.roster.teams
    by_amphoe: dict[str, list[VillageRow]] = {}
    for row in rows:
        by_amphoe.setdefault(row.amphoe_code, []).append(row)
    packets = []
    for record in amphoes.sort_values(schema.AMPHOE_CODE).itertuples(index=False):
        code = getattr(record, schema.AMPHOE_CODE)
        mine = tuple(by_amphoe.get(code, ()))
        packets.append(AmphoePacket(
            amphoe_code=code, amphoe_th=getattr(record, schema.AMPHOE_TH), amphoe_en=getattr(record, schema.AMPHOE_EN),
            plan=plan, teams=teams.get(code, 0), villages=mine,
            waves=_wave_loads(mine, plan.waves, teams.get(code, 0), plan.capacity),
            tambons=_tambon_rows(mine, plan.waves)))
    return ProvincePacket(plan=plan, amphoes=tuple(packets))


def _province(code: str | None, amphoes: gpd.GeoDataFrame) -> provinces.Province:
    if code is None:
        code = provinces.province_code_of(amphoes)
        if code is None:
            found = sorted({str(c)[:2] for c in amphoes[schema.AMPHOE_CODE]})
            raise ExportError(f"the amphoes belong to provinces {', '.join(found)}, not to one; export one "
                              "province's part (rollout export --province nation --for-province CODE)")
    try:
        return provinces.province(code)
    except GeodataError as error:
        raise ExportError(str(error)) from error


def _plan_info(scenario: Scenario, villages: gpd.GeoDataFrame, approval: Approval | None,
               province: provinces.Province) -> PlanInfo:
    codes = set(villages[schema.VILLAGE_CODE])
    assigned = {code: wave for code, wave in scenario.assignment.items() if code in codes}
    if not assigned:
        raise ExportError(Message("export.error.no_villages", scenario=scenario.name, dataset=scenario.dataset,
                                  n=len(codes)))
    settings = scenario.settings
    order = list(settings.labels)
    order += sorted(set(assigned.values()) - set(order))
    used = set(assigned.values())
    return PlanInfo(
        scenario=scenario.name, version=scenario.version, date=thai_date(scenario.updated_at),
        updated_at=scenario.updated_at, updated_by=scenario.updated_by, dataset=scenario.dataset,
        waves=tuple(label for label in order if label in used), pilot_label=settings.pilot_label,
        capacity=settings.roster.capacity, roster_estimated=settings.roster.estimated,
        metrics={name: scenario.metrics[name] for name in PLAN_METRICS if name in scenario.metrics},
        missing_villages=len(set(scenario.assignment) - codes), province_code=province.code,
        province_th=province.name_th, province_en=province.name_en, official=scenario.official,
        approval=approval if scenario.official else None)


def _village_rows(scenario: Scenario, villages: gpd.GeoDataFrame, waves: tuple[str, ...]) -> list[VillageRow]:
    position = {label: i for i, label in enumerate(waves)}
    columns = [schema.VILLAGE_CODE, schema.MOO, schema.VILLAGE_TH, schema.VILLAGE_EN, schema.TAMBON_CODE,
               schema.TAMBON_TH, schema.TAMBON_EN, schema.AMPHOE_CODE, schema.AMPHOE_TH, schema.AMPHOE_EN,
               schema.LOCATION_QUALITY, schema.LON, schema.LAT]
    table = villages[columns].astype(object).where(villages[columns].notna(), None)
    rows = []
    for record in table.itertuples(index=False, name=None):
        values = dict(zip(columns, record, strict=True))
        code = values[schema.VILLAGE_CODE]
        wave = scenario.assignment.get(code)
        rows.append(VillageRow(
            village_code=code, moo=int(values[schema.MOO]), village_th=values[schema.VILLAGE_TH] or "",
            village_en=values[schema.VILLAGE_EN] or "", tambon_code=values[schema.TAMBON_CODE],
            tambon_th=values[schema.TAMBON_TH] or "", tambon_en=values[schema.TAMBON_EN] or "",
            amphoe_code=values[schema.AMPHOE_CODE], amphoe_th=values[schema.AMPHOE_TH] or "",
            amphoe_en=values[schema.AMPHOE_EN] or "", wave=wave, locked=code in scenario.locked,
            reason=scenario.reasons.get(code), location_quality=values[schema.LOCATION_QUALITY] or "",
            lon=float(values[schema.LON]), lat=float(values[schema.LAT])))
    rows.sort(key=lambda r: (r.amphoe_code, r.tambon_code, position.get(r.wave, len(waves)), r.moo, r.village_code))
    return rows


def _wave_loads(rows: Iterable[VillageRow], waves: tuple[str, ...], teams: int, capacity: int
                ) -> tuple[WaveLoad, ...]:
    counts = dict.fromkeys(waves, 0)
    for row in rows:
        if row.wave in counts:
            counts[row.wave] += 1
    return tuple(WaveLoad(w, counts[w], teams, capacity) for w in waves)


def _tambon_rows(rows: Iterable[VillageRow], waves: tuple[str, ...]) -> tuple[TambonRow, ...]:
    grouped: dict[str, list[VillageRow]] = {}
    for row in rows:
        grouped.setdefault(row.tambon_code, []).append(row)
    result = []
    for code, members in sorted(grouped.items()):
        per_wave: Mapping[str, int] = {w: sum(1 for m in members if m.wave == w) for w in waves}
        result.append(TambonRow(code, members[0].tambon_th, members[0].tambon_en, dict(per_wave),
                                sum(1 for m in members if m.wave is None)))
    return tuple(result)
