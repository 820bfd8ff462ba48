"""The plan as an Excel workbook: a summary, every village, one sheet per wave and the facilitator roster.

Each list sheet has a title row naming the amphoe, scenario and date, a two-line header (Thai over English)
frozen under it, filters on, and columns as wide as their content (Thai vowel and tone marks take no width).
Wave labels are B.E. years stored as text, codes are text (they are identifiers, not numbers); text that
a spreadsheet would run as a formula is written with an apostrophe in front (geodata.exports.cells). The province
workbook has a summary, one sheet per amphoe and the roster of every amphoe.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from geodata.exports.cells import spreadsheet_cell
from geodata.exports.packet import AmphoePacket, PlanInfo, ProvincePacket, VillageRow, WaveLoad
from geodata.exports.text import (
    REASONS,
    both,
    display_width,
    en,
    failed_rules,
    quality_label,
    reason_label,
    status_words,
    th,
    wave_label,
)
from geodata.messages.facts import reason_sentence

TITLE_FONT = Font(bold=True, size=13)
BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DCE3EE")
HEADER_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")
NOTE_FONT = Font(italic=True, color="555555")
MIN_WIDTH, MAX_WIDTH = 6, 60
#: The list sheets start their header on this row (row 1 is the title).
HEADER_ROW = 2
MAX_SHEET_NAME = 31


@dataclass(frozen=True)
class Field:
    """A column of a list sheet: the label key (Thai over English in the header) and the cell format."""

    label: str
    number_format: str = "@"


VILLAGE_FIELDS = (
    Field("doc.village_code"), Field("doc.moo", "0"), Field("doc.village_th"), Field("doc.village_en"),
    Field("doc.tambon_code"), Field("doc.tambon"), Field("doc.tambon_en"), Field("doc.wave"), Field("doc.locked"),
    Field("doc.location_quality"), Field("doc.reason"), Field("doc.lat", "0.00000"), Field("doc.lon", "0.00000"),
)


def village_cells(village: VillageRow) -> list[object]:
    """The village list's cells, in VILLAGE_FIELDS order."""
    return [village.village_code, village.moo, village.village_th, village.village_en, village.tambon_code,
            village.tambon_th, village.tambon_en, wave_label(village.wave),
            both("doc.locked") if village.locked else "", quality_label(village.location_quality),
            reason_label(village.reason), round(village.lat, 6), round(village.lon, 6)]


def write_amphoe_xlsx(packet: AmphoePacket, path: Path) -> Path:
    """Summary, villages, one sheet per wave and the roster of one amphoe."""
    book = Workbook()
    place = f"{th('doc.amphoe')}{packet.amphoe_th} ({packet.amphoe_en})"
    _properties(book, packet.plan, place)
    _amphoe_summary(book.active, packet, place)
    title = f"{place} · {packet.plan.scenario} · {packet.plan.date}"
    _list_sheet(book.create_sheet(both("doc.villages")), title, VILLAGE_FIELDS,
                [village_cells(v) for v in packet.villages], packet.plan)
    for wave in packet.plan.waves:
        sheet = book.create_sheet(_sheet_name(f"{th('doc.wave_short')} {wave}"))
        _list_sheet(sheet, f"{th('doc.wave')} {wave} · {title}",
                    VILLAGE_FIELDS, [village_cells(v) for v in packet.in_wave(wave)], packet.plan)
    _roster_sheet(book.create_sheet(both("doc.sheet_roster")), [packet], packet.plan)
    book.save(path)
    return path


def write_province_xlsx(province: ProvincePacket, path: Path) -> Path:
    """A province summary, one village sheet per amphoe and the roster of every amphoe."""
    book = Workbook()
    _properties(book, province.plan, province.plan.province_name("th"))
    _province_summary(book.active, province)
    for packet in province.amphoes:
        title = (f"{th('doc.amphoe')}{packet.amphoe_th} ({packet.amphoe_en}) · {province.plan.scenario} · "
                 f"{province.plan.date}")
        _list_sheet(book.create_sheet(_sheet_name(f"{packet.amphoe_code} {packet.amphoe_th}")), title,
                    VILLAGE_FIELDS, [village_cells(v) for v in packet.villages], province.plan)
    _roster_sheet(book.create_sheet(both("doc.sheet_roster")), list(province.amphoes), province.plan)
    book.save(path)
    return path


# -- sheets -------------------------------------------------------------------------------------------------
def _list_sheet(ws: Worksheet, title: str, fields: Sequence[Field], rows: Sequence[Sequence[object]],
                plan: PlanInfo) -> None:
    """Title row, frozen two-line header with filters, one row per item, widths fitted to the content."""
    _put(ws, 1, 1, title).font = TITLE_FONT
    for column, field in enumerate(fields, start=1):
        cell = _put(ws, HEADER_ROW, column, _header(field.label))
        cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, HEADER_ALIGN
    ws.row_dimensions[HEADER_ROW].height = 32
    for r, values in enumerate(rows, start=HEADER_ROW + 1):
        for column, (field, value) in enumerate(zip(fields, values, strict=True), start=1):
            cell = _put(ws, r, column, value)
            cell.number_format = field.number_format
    last = HEADER_ROW + max(len(rows), 1)
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(fields))}{last}"
    _fit_widths(ws, first_row=HEADER_ROW)
    _print_setup(ws, plan, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")


def _roster_sheet(ws: Worksheet, packets: Sequence[AmphoePacket], plan: PlanInfo) -> None:
    source = both("doc.roster_estimated") if plan.roster_estimated else both("doc.roster_given")
    fields = [Field("doc.amphoe_code"), Field("doc.amphoe"), Field("doc.amphoe_en"), Field("doc.teams", "0"),
              Field("doc.capacity", "0")]
    for wave in plan.waves:
        fields += [Field(f"wave:{wave}:doc.villages", "0"), Field(f"wave:{wave}:doc.per_team", "0.00")]
    fields.append(Field("doc.roster_source"))
    rows = []
    for packet in packets:
        row: list[object] = [packet.amphoe_code, packet.amphoe_th, packet.amphoe_en, packet.teams, plan.capacity]
        for load in packet.waves:
            row += [load.villages, round(load.per_team, 2)]
        row.append(source)
        rows.append(row)
    _list_sheet(ws, f"{both('doc.roster')} · {plan.scenario} · {plan.date} · {source}", fields, rows, plan)


def _amphoe_summary(ws: Worksheet, packet: AmphoePacket, place: str) -> None:
    ws.title = both("doc.summary")
    plan = packet.plan
    row = _plan_block(ws, plan, f"{th('doc.title')} · {place}")
    row = _key_values(ws, row, [(both("doc.amphoe_code"), packet.amphoe_code),
                                (both("doc.villages"), len(packet.villages)),
                                (both("doc.teams"), packet.teams),
                                (both("doc.capacity"), plan.capacity),
                                (both("doc.roster_source"), both("doc.roster_estimated") if plan.roster_estimated
                                 else both("doc.roster_given")),
                                (both("doc.estimated_count"), packet.estimated),
                                (both("doc.unassigned"), packet.unassigned)])
    row = _wave_table(ws, row + 1, packet.waves, plan)
    row = _tambon_table(ws, row + 1, packet, plan)
    split = packet.split_tambons
    _put(ws, row + 1, 1, both("doc.split_tambons")).font = BOLD
    row += 2
    if not split:
        _put(ws, row, 1, both("doc.no_split"))
        row += 1
    for tambon in split:
        _put(ws, row, 1, tambon.tambon_code)
        _put(ws, row, 2, f"{tambon.tambon_th} ({tambon.tambon_en})")
        _put(ws, row, 3, ", ".join(f"{w}: {n}" for w, n in tambon.per_wave.items() if n))
        row += 1
    row = _metrics(ws, row + 1, plan)
    _reasons(ws, row + 1)
    ws.freeze_panes = "A2"
    _fit_widths(ws, first_row=2)
    _print_setup(ws, plan)


def _province_summary(ws: Worksheet, province: ProvincePacket) -> None:
    ws.title = both("doc.sheet_province")
    plan = province.plan
    row = _plan_block(ws, plan, f"{th('doc.title')} · {plan.province_name('th')}")
    row = _key_values(ws, row, [(both("doc.villages"), len(province.villages)),
                                (both("doc.teams"), sum(a.teams for a in province.amphoes)),
                                (both("doc.capacity"), plan.capacity),
                                (both("doc.roster_source"), both("doc.roster_estimated") if plan.roster_estimated
                                 else both("doc.roster_given")),
                                (both("doc.estimated_count"), province.estimated),
                                (both("doc.unassigned"), province.unassigned)])
    row = _wave_table(ws, row + 1, province.waves, plan)
    headers = [_header("doc.amphoe_code"), _header("doc.amphoe"), _header("doc.amphoe_en"), _header("doc.villages"),
               _header("doc.teams"), *(f"{w}\n{th('doc.villages')}" for w in plan.waves), _header("doc.most_per_team"),
               _header("doc.split_tambons")]
    row = _table_header(ws, row + 1, headers)
    for packet in province.amphoes:
        values = [packet.amphoe_code, packet.amphoe_th, packet.amphoe_en, len(packet.villages), packet.teams,
                  *(w.villages for w in packet.waves), round(packet.max_per_team, 2), len(packet.split_tambons)]
        _row(ws, row, values)
        row += 1
    total = [th("doc.total"), "", "", len(province.villages), sum(a.teams for a in province.amphoes),
             *(w.villages for w in province.waves), "", len(province.split_tambons)]
    _row(ws, row, total, bold=True)
    row = _metrics(ws, row + 2, plan)
    _reasons(ws, row + 1)
    ws.freeze_panes = "A2"
    _fit_widths(ws, first_row=2)
    _print_setup(ws, plan)


# -- blocks -------------------------------------------------------------------------------------------------
def _plan_block(ws: Worksheet, plan: PlanInfo, title: str) -> int:
    _put(ws, 1, 1, title).font = TITLE_FONT
    pairs = [(both("doc.scenario"), plan.scenario), (f"{th('doc.version')} (version)", plan.version),
             (both("doc.date"), plan.date), (both("doc.updated_by"), plan.updated_by),
             (both("doc.dataset"), plan.dataset),
             (both("doc.province"), f"{plan.province_name('th')} ({plan.province_name('en')})")]
    return _key_values(ws, 3, pairs)


def _key_values(ws: Worksheet, row: int, pairs: Sequence[tuple[str, object]]) -> int:
    for key, value in pairs:
        _put(ws, row, 1, key).font = BOLD
        _put(ws, row, 2, value)
        row += 1
    return row


def _wave_table(ws: Worksheet, row: int, waves: Sequence[WaveLoad], plan: PlanInfo) -> int:
    row = _table_header(ws, row, [_header("doc.wave"), _header("doc.villages"), _header("doc.teams"),
                                  _header("doc.per_team"),
                                  _header("doc.limit")])
    for load in waves:
        label = f"{load.wave} ({th('doc.pilot')} / {en('doc.pilot')})" if load.wave == plan.pilot_label else load.wave
        _row(ws, row, [label, load.villages, load.teams, round(load.per_team, 2), load.limit])
        row += 1
    _row(ws, row, [th("doc.total"), sum(w.villages for w in waves)], bold=True)
    return row + 1


def _tambon_table(ws: Worksheet, row: int, packet: AmphoePacket, plan: PlanInfo) -> int:
    headers = [_header("doc.tambon_code"), _header("doc.tambon"), _header("doc.tambon_en"),
               *(f"{w}\n{th('doc.villages')}" for w in plan.waves), _header("doc.total"), _header("doc.split")]
    row = _table_header(ws, row, headers)
    for tambon in packet.tambons:
        _row(ws, row, [tambon.tambon_code, tambon.tambon_th, tambon.tambon_en,
                       *(tambon.per_wave[w] for w in plan.waves), tambon.villages,
                       both("doc.split") if tambon.split else ""])
        row += 1
    return row


def _metrics(ws: Worksheet, row: int, plan: PlanInfo) -> int:
    _put(ws, row, 1, both("doc.metrics")).font = BOLD
    row += 1
    metrics = plan.metrics
    pairs: list[tuple[str, object]] = []
    for key, label in (("max_load", "doc.max_load"), ("split_tambons", "doc.split_count")):
        if key in metrics:
            value = metrics[key]
            pairs.append((both(label), round(value, 3) if isinstance(value, float) else value))
    if "status" in metrics:
        pairs.append((both("doc.status"), status_words(metrics["status"])))
    pairs.append((both("doc.failed_checks"), failed_rules(metrics.get("failed_checks") or ())))
    if plan.missing_villages:
        pairs.append((both("doc.missing_villages"), plan.missing_villages))
    return _key_values(ws, row, pairs)


def _reasons(ws: Worksheet, row: int) -> int:
    _put(ws, row, 1, both("doc.reasons")).font = BOLD
    row += 1
    for code in REASONS:
        _put(ws, row, 1, reason_label(code))
        _put(ws, row, 2, reason_sentence(code, "th"))
        _put(ws, row, 3, reason_sentence(code, "en"))
        row += 1
    _put(ws, row, 1, both("doc.estimated_note")).font = NOTE_FONT
    return row + 1


def _table_header(ws: Worksheet, row: int, headers: Sequence[str]) -> int:
    for column, text in enumerate(headers, start=1):
        cell = _put(ws, row, column, text)
        cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, HEADER_ALIGN
    ws.row_dimensions[row].height = 32
    return row + 1


def _row(ws: Worksheet, row: int, values: Sequence[object], *, bold: bool = False) -> None:
    for column, value in enumerate(values, start=1):
        cell = _put(ws, row, column, value)
        if bold:
            cell.font = BOLD


# -- helpers ------------------------------------------------------------------------------------------------
def _put(ws: Worksheet, row: int, column: int, value: object) -> Cell:
    """Write one cell; every cell goes through here, so no text becomes a formula (geodata.exports.cells)."""
    return ws.cell(row, column, spreadsheet_cell(value))


def _header(label: str) -> str:
    """Thai over English on two lines ("หมู่ที่\\nMoo"); `wave:2549:doc.villages` style labels for per-wave columns."""
    if label.startswith("wave:"):
        _, wave, what = label.split(":")
        return f"{wave}: {th(what)}\n{wave}: {en(what)}"
    return f"{th(label)}\n{en(label)}"


def _fit_widths(ws: Worksheet, *, first_row: int) -> None:
    """Column widths from the widest text in each column (from `first_row` down; titles may overflow)."""
    widths: dict[int, int] = {}
    for row in ws.iter_rows(min_row=first_row):
        for cell in row:
            if cell.value is None:
                continue
            text = f"{cell.value:,.2f}" if isinstance(cell.value, float) else str(cell.value)
            width = max(display_width(line) for line in text.split("\n"))
            widths[cell.column] = max(widths.get(cell.column, 0), width)
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = min(MAX_WIDTH, max(MIN_WIDTH, width + 2))


def _print_setup(ws: Worksheet, plan: PlanInfo, title_rows: str | None = None) -> None:
    """Landscape A4, one page wide, header row repeated, scenario and page number on every printed page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddFooter.left.text = f"{th('doc.scenario')}: {plan.title}"
    ws.oddFooter.right.text = f"{th('doc.page')} &P / &N"


def _properties(book: Workbook, plan: PlanInfo, place: str) -> None:
    book.properties.title = f"{th('doc.title')} · {place}"
    book.properties.subject = f"{th('doc.scenario')}: {plan.title}"
    book.properties.creator = "KM rollout planner"


def _sheet_name(name: str) -> str:
    """Excel allows 31 characters and none of []:*?/\\ in a sheet name."""
    cleaned = "".join(ch for ch in name if ch not in "[]:*?/\\")
    return cleaned[:MAX_SHEET_NAME]
