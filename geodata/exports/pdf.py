"""The printable plan (A4 PDF): a cover with the map, the summary with an approval block, and the village list
by wave (a heading per wave, the tambons under it).

Thai text is drawn with an embedded Thai font (see geodata.exports.fonts). When the font needs OpenType shaping
(Sarabun), HarfBuzz places the marks, and every Thai text run is wrapped in a marked-content span carrying
its original text (PDF /ActualText): shaped glyph runs alone make text extraction and copy-paste come out
broken (ตำ บล, ตัง้), with the span, pdftotext and PDF readers return the text exactly as in the data.
Every page carries the scenario's name and date and its page number. Every table fits between the margins:
its flexible columns (names, waves) narrow to fit, and a table that still cannot fit is refused (a bug).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from fpdf import FPDF

from geodata.exports.fonts import ThaiFont, thai_font
from geodata.exports.packet import AmphoePacket, PlanInfo, ProvincePacket, VillageRow
from geodata.exports.text import (
    REASONS,
    both,
    en,
    failed_rules,
    quality_label,
    reason_label,
    status_words,
    th,
    thai_date,
)
from geodata.messages import text
from geodata.messages.facts import reason_sentence

MARGIN = 10.0
PAGE_WIDTH = 210.0
PAGE_HEIGHT = 297.0
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
#: Lowest y a row may end at (the footer sits below).
BODY_BOTTOM = PAGE_HEIGHT - 16.0
ROW_HEIGHT = 5.2
BODY_SIZE = 8.0
SMALLEST_SIZE = 6.0
#: Upper bound of a character's advance per point of font size (mm), to skip measuring text that surely fits.
WIDEST_GLYPH_MM_PER_PT = 0.3528 * 0.75
HEADING_FILL = (228, 232, 240)
SUBHEADING_FILL = (243, 244, 247)
RULE_COLOUR = (190, 190, 190)


@dataclass(frozen=True)
class Column:
    """A table column: heading, width in mm, alignment (L, C, R); a `flex` column narrows to fit the page."""

    title: str
    width: float
    align: str = "L"
    flex: bool = False


def fit_columns(columns: Sequence[Column], room: float = CONTENT_WIDTH) -> tuple[Column, ...]:
    """The columns narrowed to fit `room` mm: the flexible ones shrink in proportion, the others keep their width.

    Raises ValueError when the fixed columns alone are wider than `room` (no reader could see the last ones).
    """
    total = sum(c.width for c in columns)
    if total <= room + 1e-6:
        return tuple(columns)
    fixed = sum(c.width for c in columns if not c.flex)
    flexible = total - fixed
    if fixed >= room or not flexible:
        raise ValueError(f"a table of {total:.0f} mm (fixed columns {fixed:.0f} mm) cannot fit {room:.0f} mm")
    scale = (room - fixed) / flexible
    return tuple(replace(c, width=c.width * scale) if c.flex else c for c in columns)


#: Columns of the village list, under a heading per wave and tambon (widths add up to the content width).
VILLAGE_COLUMNS = (
    Column(th("doc.moo"), 8, "C"), Column(th("doc.village_code"), 14, "C"), Column(th("doc.village_th"), 50),
    Column(en("doc.name_en.village"), 48), Column(th("doc.locked"), 8, "C"), Column(th("doc.location_quality"), 38),
    Column(both("doc.reason_short"), 24),
)
#: Height (mm) the approval block takes: a heading, the plan's status, two signature columns.
APPROVAL_HEIGHT = 52.0


class PlanPDF(FPDF):
    """An A4 portrait document with the Thai font, a running head and a footer naming the plan on every page."""

    def __init__(self, plan: PlanInfo, font: ThaiFont | None = None):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.plan = plan
        self.thai_font = font or thai_font()
        self.running_head = ""
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(False)
        self.add_font("thai", "", str(self.thai_font.regular))
        self.add_font("thai", "B", str(self.thai_font.bold))
        self.set_font("thai", size=BODY_SIZE)
        self.set_title(f"{th('doc.title')}: {plan.scenario}")
        self.set_creator("KM rollout planner")
        self.set_lang("th")

    # -- page furniture -----------------------------------------------------------------------------------
    def header(self) -> None:
        if self.running_head:
            self.set_xy(MARGIN, 5)
            self.write_text(CONTENT_WIDTH, 4, self.running_head, size=7, colour=(110, 110, 110))
            self.set_y(MARGIN + 1)

    def footer(self) -> None:
        self.set_draw_color(*RULE_COLOUR)
        self.line(MARGIN, PAGE_HEIGHT - 12, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 12)
        self.set_xy(MARGIN, PAGE_HEIGHT - 11)
        self.write_text(CONTENT_WIDTH - 30, 5, f"{th('doc.scenario')}: {self.plan.title}", size=7.5,
                        colour=(80, 80, 80))
        # "หน้า" and the number are separate cells: the page total ({nb}) is filled in when the file is
        # written, after the Thai run's /ActualText was, so the number must not sit inside that span.
        self.set_xy(PAGE_WIDTH - MARGIN - 30, PAGE_HEIGHT - 11)
        self.write_text(14, 5, th("doc.page"), size=7.5, align="R", colour=(80, 80, 80))
        self.write_text(16, 5, f"{self.page_no()}/{self.str_alias_nb_pages}", size=7.5, align="L",
                        colour=(80, 80, 80))

    # -- text ---------------------------------------------------------------------------------------------
    def write_text(self, width: float, height: float, text: str, *, size: float = BODY_SIZE, bold: bool = False,
                   align: str = "L", border: int | str = 0, fill: bool = False,
                   colour: tuple[int, int, int] = (0, 0, 0), new_line: bool = False) -> None:
        """One cell of text, shrunk (down to 6 pt) rather than cut when it is too wide, so no text is lost.

        Thai text is shaped when the font needs it and wrapped in an /ActualText span so it extracts exactly.
        """
        self.set_font("thai", "B" if bold else "", size)
        room = width - 2 * self.c_margin if width else None
        thai = not text.isascii()
        shaping = thai and self.thai_font.needs_shaping
        if shaping != bool(self.text_shaping):
            self.set_text_shaping(shaping)
        if room and len(text) * size * WIDEST_GLYPH_MM_PER_PT > room:  # measuring is slow: only when it may not fit
            while size > SMALLEST_SIZE and self.get_string_width(text) > room:
                size = max(SMALLEST_SIZE, size - 0.5)
                self.set_font_size(size)
        self.set_text_color(*colour)
        if thai:
            self._out(f"/Span <</ActualText {_pdf_text_string(text)}>> BDC")
        self.cell(width, height, text, border=border, align=align, fill=fill,
                  new_x="LMARGIN" if new_line else "RIGHT", new_y="NEXT" if new_line else "TOP")
        if thai:
            self._out("EMC")
        self.set_text_color(0, 0, 0)

    def paragraph(self, text: str, *, size: float = BODY_SIZE, bold: bool = False, height: float = ROW_HEIGHT,
                  colour: tuple[int, int, int] = (0, 0, 0)) -> None:
        """A line of text across the page (starting a new page first when the line would not fit)."""
        self.ensure_room(height)
        self.set_x(MARGIN)
        self.write_text(CONTENT_WIDTH, height, text, size=size, bold=bold, colour=colour, new_line=True)

    def ensure_room(self, height: float, on_new_page: Callable[[], None] | None = None) -> None:
        """Start a new page when `height` mm do not fit on this one (then call `on_new_page`, e.g. a header)."""
        if self.get_y() + height > BODY_BOTTOM:
            self.add_page()
            if on_new_page:
                on_new_page()

    # -- tables -------------------------------------------------------------------------------------------
    def table_head(self, columns: Sequence[Column]) -> None:
        if sum(c.width for c in columns) > CONTENT_WIDTH + 1e-6:
            raise ValueError("table wider than the page: build its columns with fit_columns")
        self.set_x(MARGIN)
        self.set_fill_color(*HEADING_FILL)
        self.set_draw_color(*RULE_COLOUR)
        for column in columns:
            self.write_text(column.width, ROW_HEIGHT + 0.6, column.title, size=7.5, bold=True, align="C",
                            border=1, fill=True)
        self.ln(ROW_HEIGHT + 0.6)

    def table_row(self, columns: Sequence[Column], values: Sequence[str], *, bold: bool = False,
                  fill: tuple[int, int, int] | None = None) -> None:
        self.set_x(MARGIN)
        self.set_draw_color(*RULE_COLOUR)
        if fill:
            self.set_fill_color(*fill)
        for column, value in zip(columns, values, strict=True):
            self.write_text(column.width, ROW_HEIGHT, value, align=column.align, border="B", bold=bold,
                            fill=fill is not None)
        self.ln(ROW_HEIGHT)

    def table(self, columns: Sequence[Column], rows: Sequence[Sequence[str]], *, bold_last: bool = False) -> None:
        """A table whose heading row is repeated on every page it runs onto."""
        self.ensure_room(ROW_HEIGHT * 2.2)
        self.table_head(columns)
        for i, row in enumerate(rows):
            self.ensure_room(ROW_HEIGHT, lambda: self.table_head(columns))
            self.table_row(columns, row, bold=bold_last and i == len(rows) - 1)


def write_amphoe_pdf(packet: AmphoePacket, map_png: bytes, path: Path) -> Path:
    """One amphoe's plan: cover with map, summary, village list by tambon and wave."""
    pdf = PlanPDF(packet.plan)
    add_amphoe_section(pdf, packet, map_png)
    pdf.output(str(path))
    return path


def write_province_pdf(province: ProvincePacket, province_map: bytes, amphoe_maps: dict[str, bytes],
                       path: Path) -> Path:
    """The province's plan: a province summary first, then every amphoe's section (bookmarked)."""
    pdf = PlanPDF(province.plan)
    _cover(pdf, f"{province.plan.province_name('th')} ({province.plan.province_name('en')})", province_map,
           _facts(len(province.villages), sum(len(a.tambons) for a in province.amphoes),
                  sum(a.teams for a in province.amphoes), province.estimated, province.plan),
           bookmark=f"{th('doc.province_summary')} ({en('doc.province_summary')})")
    _province_summary(pdf, province)
    for packet in province.amphoes:
        if packet.villages:
            add_amphoe_section(pdf, packet, amphoe_maps[packet.amphoe_code], bookmark=True)
    pdf.output(str(path))
    return path


def add_amphoe_section(pdf: PlanPDF, packet: AmphoePacket, map_png: bytes, *, bookmark: bool = False) -> None:
    name = f"{th('doc.amphoe')}{packet.amphoe_th} ({packet.amphoe_en}) · {packet.amphoe_code}"
    pdf.running_head = ""
    _cover(pdf, name, map_png, _facts(len(packet.villages), len(packet.tambons), packet.teams, packet.estimated,
                                      packet.plan),
           bookmark=f"{packet.amphoe_code} {packet.amphoe_th} ({packet.amphoe_en})" if bookmark else None)
    pdf.running_head = f"{name} · {th('doc.summary')}"
    pdf.add_page()
    _amphoe_summary(pdf, packet)
    pdf.running_head = f"{name} · {th('doc.village_list')}"
    pdf.add_page()
    _village_list(pdf, packet)


# -- sections -----------------------------------------------------------------------------------------------
def _cover(pdf: PlanPDF, place: str, map_png: bytes, facts: str, *, bookmark: str | None = None) -> None:
    pdf.add_page()
    if bookmark:
        pdf.start_section(bookmark)
    pdf.set_y(MARGIN)
    pdf.paragraph(th("doc.title"), size=15, bold=True, height=8)
    pdf.paragraph(f"{en('doc.title')} · {pdf.plan.province_name('th')} ({pdf.plan.province_name('en')})",
                  size=9, colour=(90, 90, 90))
    pdf.paragraph(place, size=13, bold=True, height=7)
    pdf.paragraph(f"{both('doc.scenario')}: {pdf.plan.title}", size=9.5)
    pdf.paragraph(facts, size=9)
    top = pdf.get_y() + 2
    pdf.image(io.BytesIO(map_png), x=(PAGE_WIDTH - 180) / 2, y=top, w=180)
    pdf.set_y(top + 165 + 2)
    pdf.paragraph(f"{th('doc.estimated_note')} ({en('doc.estimated_note')})", size=7.5, colour=(70, 70, 70))
    if pdf.plan.roster_estimated:
        pdf.paragraph(f"{th('doc.teams')}: {th('doc.roster_estimated')} ({en('doc.roster_estimated')})", size=7.5,
                      colour=(70, 70, 70))


def _facts(villages: int, tambons: int, teams: int, estimated: int, plan: PlanInfo) -> str:
    roster = f" ({th('doc.estimated_short')} / {en('doc.estimated_short')})" if plan.roster_estimated else ""
    return text("doc.facts", "th", villages=f"{villages:,}", tambons=f"{tambons:,}", teams=f"{teams:,}",
                roster=roster, estimated=f"{estimated:,}")


def _wave_table(pdf: PlanPDF, waves, plan: PlanInfo) -> None:
    columns = (Column(both("doc.wave"), 40, "C"), Column(both("doc.villages"), 30, "R"),
               Column(both("doc.teams"), 38, "R"),
               Column(both("doc.per_team"), 38, "R"), Column(th("doc.limit"), 44, "R"))
    rows = [[_wave_title(w.wave, plan), f"{w.villages:,}", f"{w.teams:,}", f"{w.per_team:.2f}", f"{w.limit:,}"]
            for w in waves]
    rows.append([th("doc.total"), f"{sum(w.villages for w in waves):,}", "", "", ""])
    pdf.table(columns, rows, bold_last=True)


def _wave_title(wave: str, plan: PlanInfo) -> str:
    return f"{wave} ({th('doc.pilot')})" if wave == plan.pilot_label else wave


def _amphoe_summary(pdf: PlanPDF, packet: AmphoePacket) -> None:
    plan = packet.plan
    pdf.paragraph(f"{both('doc.summary')}: {th('doc.amphoe')}{packet.amphoe_th}", size=12, bold=True, height=7)
    pdf.paragraph(f"{both('doc.capacity')}: {plan.capacity} {th('doc.villages')} · {th('doc.roster_source')}: "
                  f"{th('doc.roster_estimated') if plan.roster_estimated else th('doc.roster_given')}", size=8)
    pdf.ln(1)
    _wave_table(pdf, packet.waves, plan)
    if packet.unassigned:
        pdf.paragraph(f"{both('doc.unassigned')}: {packet.unassigned:,} {th('doc.villages')}", bold=True)
    pdf.ln(3)
    pdf.paragraph(f"{th('doc.tambon')}: {both('doc.villages_per_wave')}", size=10, bold=True)
    columns = fit_columns((Column(th("doc.tambon_code"), 16, "C"), Column(th("doc.tambon"), 40, flex=True),
                           Column(en("doc.name_en.tambon"), 40, flex=True),
                           *(Column(w, 16, "R", flex=True) for w in plan.waves), Column(th("doc.total"), 13, "R"),
                           Column(th("doc.split"), 22, "C")))
    rows = [[t.tambon_code, t.tambon_th, t.tambon_en, *(f"{t.per_wave[w]:,}" for w in plan.waves),
             f"{t.villages:,}", both("doc.split_short") if t.split else ""] for t in packet.tambons]
    pdf.table(columns, rows)
    pdf.ln(2)
    split = packet.split_tambons
    if split:
        listing = ", ".join(f"{t.tambon_th} ({'/'.join(w for w, n in t.per_wave.items() if n)})" for t in split)
        pdf.paragraph(f"{both('doc.split_tambons')}: {listing}")
    else:
        pdf.paragraph(both("doc.no_split"))
    pdf.paragraph(f"{both('doc.estimated_count')}: {packet.estimated:,}")
    pdf.ln(3)
    _metrics(pdf, plan)
    _reasons(pdf)
    _approval(pdf, plan)


def _metrics(pdf: PlanPDF, plan: PlanInfo) -> None:
    pdf.paragraph(both("doc.metrics"), size=10, bold=True)
    metrics = plan.metrics
    lines = []
    if "max_load" in metrics:
        lines.append(f"{both('doc.max_load')}: {float(metrics['max_load']):.2f}")
    if "split_tambons" in metrics:
        lines.append(f"{both('doc.split_count')}: {metrics['split_tambons']}")
    if "status" in metrics:
        lines.append(f"{both('doc.status')}: {status_words(metrics['status'])}")
    lines.append(f"{both('doc.failed_checks')}: {failed_rules(metrics.get('failed_checks') or ())}")
    if plan.missing_villages:
        lines.append(f"{both('doc.missing_villages')}: {plan.missing_villages:,}")
    for line in lines:
        pdf.paragraph(f"• {line}")
    pdf.ln(2)


def _reasons(pdf: PlanPDF) -> None:
    pdf.paragraph(both("doc.reasons"), size=10, bold=True)
    for code in REASONS:
        pdf.paragraph(f"• {reason_label(code)}: {reason_sentence(code, 'th')}")


def _province_summary(pdf: PlanPDF, province: ProvincePacket) -> None:
    plan = province.plan
    pdf.running_head = f"{province.plan.province_name('th')} · {th('doc.province_summary')}"
    pdf.add_page()
    pdf.paragraph(both("doc.province_summary"), size=12, bold=True, height=7)
    _wave_table(pdf, province.waves, plan)
    pdf.ln(3)
    columns = fit_columns((Column(th("doc.amphoe_code"), 14, "C"), Column(th("doc.amphoe"), 36, flex=True),
                           Column(en("doc.name_en.amphoe"), 40, flex=True),
                           Column(th("doc.villages"), 16, "R"), Column(th("doc.teams_short"), 12, "R"),
                           *(Column(w, 16, "R", flex=True) for w in plan.waves),
                           Column(th("doc.most_per_team_short"), 16, "R"),
                           Column(th("doc.split_tambons_short"), 14, "R")))
    rows = [[a.amphoe_code, a.amphoe_th, a.amphoe_en, f"{len(a.villages):,}", f"{a.teams:,}",
             *(f"{w.villages:,}" for w in a.waves), f"{a.max_per_team:.2f}", f"{len(a.split_tambons):,}"]
            for a in province.amphoes]
    rows.append([th("doc.total"), "", "", f"{len(province.villages):,}", f"{sum(a.teams for a in province.amphoes):,}",
                 *(f"{w.villages:,}" for w in province.waves), "", f"{len(province.split_tambons):,}"])
    pdf.table(columns, rows, bold_last=True)
    pdf.ln(2)
    pdf.paragraph(f"{both('doc.estimated_count')}: {province.estimated:,}")
    if province.unassigned:
        pdf.paragraph(f"{both('doc.unassigned')}: {province.unassigned:,} {th('doc.villages')}", bold=True)
    pdf.ln(3)
    _metrics(pdf, plan)
    _reasons(pdf)
    _approval(pdf, plan)


def _approval(pdf: PlanPDF, plan: PlanInfo) -> None:
    """Whether the plan is the province's official plan (who made it so in the planner, when), then a place to
    sign for who prepared it and who approved it, with the date: the paper a district office files."""
    pdf.ensure_room(APPROVAL_HEIGHT)
    pdf.ln(2)
    pdf.paragraph(both("doc.approval"), size=10, bold=True)
    pdf.paragraph(_approval_status(plan), size=8.5)
    top = pdf.get_y() + 3
    half = CONTENT_WIDTH / 2
    approver = plan.approval.by if plan.approval else ""
    preparer = plan.updated_by if plan.version else ""  # version 0: computed, not saved by a person
    for column, (role, name) in enumerate((("doc.prepared_by", preparer), ("doc.approved_by", approver))):
        lines = (both(role), f"{th('doc.signature')} {'.' * 50}", f"({name or '.' * 50})",
                 f"{th('doc.position')} {'.' * 46}", f"{th('doc.date_signed')} {'.' * 14}/{'.' * 14}/{'.' * 14}")
        for row, line in enumerate(lines):
            pdf.set_xy(MARGIN + column * half, top + row * (ROW_HEIGHT + 1.8))
            pdf.write_text(half - 4, ROW_HEIGHT, line, bold=row == 0, size=8.5)
    pdf.set_y(top + len(lines) * (ROW_HEIGHT + 1.8))


def _approval_status(plan: PlanInfo) -> str:
    """"แผนทางการของจังหวัด: ตั้งโดย X เมื่อ 26 พ.ย. 2569 (ฉบับที่ 3)", or that it is a draft."""
    if plan.approval is None:
        return th("doc.official_plan") if plan.official else th("doc.not_official")
    status = text("doc.approved", "th", by=plan.approval.by, date=thai_date(plan.approval.at),
                  version=plan.approval.version)
    if plan.version > plan.approval.version:
        status += " " + text("doc.changed_after_approval", "th", version=plan.version)
    return status


def _village_list(pdf: PlanPDF, packet: AmphoePacket) -> None:
    """Villages grouped by wave (a heading per wave with its count), the tambons under each wave in code order,
    then the villages without a wave; the column headings repeat on every page."""
    plan = packet.plan
    pdf.paragraph(f"{th('doc.village_list')} ({en('doc.village_list')})", size=12, bold=True, height=7)
    head = partial(pdf.table_head, VILLAGE_COLUMNS)  # repeated on every new page
    head()
    for wave in [*plan.waves, None]:
        in_wave = [v for v in packet.villages if v.wave == wave]
        if not in_wave:
            continue
        pdf.ensure_room(ROW_HEIGHT * 4, head)
        pdf.set_fill_color(*HEADING_FILL)
        pdf.set_x(MARGIN)
        pdf.write_text(CONTENT_WIDTH, ROW_HEIGHT + 1.2, f"{_wave_heading(wave, plan)} · {len(in_wave):,} "
                       f"{th('doc.villages')}", bold=True, size=9.5, fill=True, new_line=True)
        for tambon in packet.tambons:
            rows = [v for v in in_wave if v.tambon_code == tambon.tambon_code]
            if not rows:
                continue
            pdf.ensure_room(ROW_HEIGHT * 2, head)
            pdf.set_fill_color(*SUBHEADING_FILL)
            pdf.set_x(MARGIN)
            split = f" · {th('doc.split')} ({en('doc.split_short')})" if tambon.split else ""
            pdf.write_text(CONTENT_WIDTH, ROW_HEIGHT,
                           f"{th('doc.tambon')}{tambon.tambon_th} ({tambon.tambon_en}) · {tambon.tambon_code} · "
                           f"{len(rows):,} {th('doc.villages')}{split}", size=8, fill=True, new_line=True)
            for village in rows:
                pdf.ensure_room(ROW_HEIGHT, head)
                pdf.table_row(VILLAGE_COLUMNS, _village_cells(village))


def _wave_heading(wave: str | None, plan: PlanInfo) -> str:
    """"ระยะ 2549 (Wave 2549)", with the pilot said; the villages without a wave have their own heading."""
    if wave is None:
        return both("doc.unassigned")
    pilot = f" {th('doc.pilot')}" if wave == plan.pilot_label else ""
    return f"{th('doc.wave_short')} {wave}{pilot} ({en('doc.wave_short')} {wave})"


def _village_cells(village: VillageRow) -> list[str]:
    return [str(village.moo), village.village_code, village.village_th, village.village_en,
            th("doc.locked") if village.locked else "", quality_label(village.location_quality),
            reason_label(village.reason)]


def _pdf_text_string(text: str) -> str:
    """A PDF text string in UTF-16BE with byte-order mark, as hex (safe for any character)."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"
