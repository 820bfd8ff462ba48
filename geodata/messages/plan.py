"""Plan page (planners): the map, the selection, actions, pending changes, tallies, scenarios, roster."""

from __future__ import annotations

SECTION = "plan"

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the page
    "page.title": ("แผนการขยายผลรายหมู่บ้าน · {province}", "Village rollout plan · {province}"),
    "page.caption": ("แผน: {name} (ฉบับที่ {version})", "Scenario: {name} (version {version})"),
    "page.panel_roster": ("ทีมคุณอำนวย", "Facilitator roster"),
    "page.panel_locations": ("แก้ตำแหน่งหมู่บ้าน", "Village locations"),
    "page.panel_compare": ("เปรียบเทียบแผน", "Compare scenarios"),
    "page.panel_history": ("ประวัติการแก้ไข", "Change history"),
    "page.more": ("แสดงเพิ่มเติม", "Show more"),
    "page.panel_waves": ("ระยะและเป้าหมาย", "Waves and targets"),
    # --- the help panel
    "help.title": ("วิธีใช้หน้านี้", "How to use this page"),
    "help.body": (
        "**เริ่มต้น**\n\n"
        "1. เลือกหมู่บ้าน: คลิกหมู่บ้านหรือตำบลบนแผนที่ วาดสี่เหลี่ยมหรือรูปหลายเหลี่ยม (ปุ่มมุมขวาบนของแผนที่) "
        "ค้นหาด้วยชื่อหรือรหัสหมู่บ้าน หรือเลือกจากรายชื่ออำเภอ/ตำบล\n"
        "2. เลือกระยะ แล้วกด **กำหนดระยะ** (ติ๊ก **ล็อกด้วย** เพื่อไม่ให้การปรับแผนย้ายหมู่บ้านเหล่านั้นออก)\n"
        "3. ดูแถบสรุปเหนือแท็บ: จำนวนหมู่บ้านของแต่ละระยะเทียบกับเป้า และแผนผ่านทุกข้อหรือไม่ "
        "แล้วกด **ยืนยันการเปลี่ยนแปลง** เพื่อบันทึกเป็นฉบับใหม่ (หรือ **ยกเลิก**)\n\n"
        "**ปุ่มและส่วนต่าง ๆ**\n\n"
        "- **ล็อก / ปลดล็อก**: หมู่บ้านที่ล็อกอยู่ในระยะเดิมเสมอ บนแผนที่มีวงรอบจุด "
        "ตำบลที่ล็อกทุกหมู่บ้านมีกรอบสีเข้ม\n"
        "- **ตั้งตำบลเป็นนำร่อง**: ทุกหมู่บ้านของตำบลไปอยู่ระยะนำร่องและล็อกไว้\n"
        "- **ปรับแผนส่วนที่เหลือให้ดีที่สุด**: คงทุกการล็อก แล้วจัดหมู่บ้านที่ไม่ล็อกใหม่ ให้ภาระทีมคุณอำนวยต่ำที่สุด "
        "โดยย้ายน้อยที่สุด ปุ่ม **แสดงหมู่บ้านที่ย้ายบนแผนที่** ในแท็บระยะและความถูกต้องพาไปดู\n"
        "- **ย้อนกลับ / ทำซ้ำ**: ทุกการยืนยันบันทึกเป็นฉบับใหม่ จึงย้อนกลับได้เสมอ\n"
        "- แท็บ **ภาระทีม**: หมู่บ้านต่อทีมคุณอำนวยของแต่ละอำเภอในแต่ละระยะ สีแดงคือเกินกำลังทีม\n"
        "- **ระยะและเป้าหมาย** (ใต้แผนที่): เปลี่ยนจำนวนระยะ ปี พ.ศ. และเป้าหมาย แล้วจัดแผนใหม่",
        "**Start here**\n\n"
        "1. Select villages: click a village or a tambon on the map, draw a rectangle or polygon (buttons at the "
        "map's upper right), find a village by name or code, or pick districts and tambons from the lists\n"
        "2. Choose a wave and press **Assign wave** (tick **Lock them too** so that optimising never moves them)\n"
        "3. Read the summary line above the tabs: each wave's villages against its target, and whether the plan "
        "passes every check; then **Apply changes** to save a new version (or **Discard**)\n\n"
        "**What each part does**\n\n"
        "- **Lock / Unlock**: a locked village stays in its wave; the map rings it, and outlines a tambon whose "
        "villages are all locked\n"
        "- **Mark tambons as pilot**: every village of the tambon goes to the pilot wave, locked\n"
        "- **Optimise the rest**: keeps every lock and re-plans the unlocked villages for the lowest team load, "
        "moving as few as possible; **Show them on the map** (Waves and checks tab) shows what moved\n"
        "- **Undo / Redo**: every apply saves a new version, so it can always be undone\n"
        "- **Team load** tab: villages per facilitator team by district and wave; red is over capacity\n"
        "- **Waves and targets** (under the map): change the number of waves, their B.E. years and targets, then "
        "re-plan",
    ),
    # --- the tabs beside the map
    "tabs.edit": ("แก้ไขแผน", "Edit"),
    "tabs.checks": ("ระยะและความถูกต้อง", "Waves and checks"),
    "tabs.load": ("ภาระทีม", "Team load"),
    # --- finding a village
    "search.label": ("ค้นหาหมู่บ้าน", "Find a village"),
    "search.placeholder": ("ค้นหาหมู่บ้านด้วยชื่อหรือรหัส", "Find a village by name or code"),
    "search.several": ("พบ {n} หมู่บ้าน (แสดง {shown}): เลือกหนึ่งหมู่บ้าน หรือพิมพ์ให้ละเอียดขึ้น",
                       "{n} villages match (showing {shown}): choose one, or type more"),
    "search.choose": ("หมู่บ้านที่พบ", "Villages found"),
    "search.none": ("ไม่พบหมู่บ้าน “{query}”: ลองพิมพ์ชื่อบางส่วน (เช่น ท่าไร่) หรือรหัส 8 หลัก",
                    "No village matches “{query}”: try part of the name (e.g. Tha Rai) or the 8-digit code"),
    "search.shown": ("เลือก {village} แล้ว และแสดงบนแผนที่", "Selected {village} and showed it on the map"),
    # --- selection
    "selection.selected": ("เลือกไว้ {n} หมู่บ้าน", "{n} villages selected"),
    "selection.selected_none": (
        "ยังไม่ได้เลือกหมู่บ้าน: คลิกหมู่บ้านหรือตำบล วาดบนแผนที่ ค้นหา หรือเลือกจากรายชื่อ",
        "No village selected: click a village or tambon, draw on the map, search, or pick from the lists",
    ),
    "selection.clear": ("ล้างการเลือก", "Clear selection"),
    "selection.zoom": ("ดูบนแผนที่", "Show on map"),
    "selection.pick": ("เลือกจากรายชื่ออำเภอ/ตำบล", "Pick districts or tambons by name"),
    "selection.pick_amphoe": ("อำเภอ", "Districts (amphoe)"),
    "selection.pick_tambon": ("ตำบล", "Tambons"),
    "selection.bad_shape": ("เลือกหมู่บ้านจากรูปที่วาดไม่ได้: วาดใหม่ให้เป็นรูปปิดที่ไม่ตัดกันเอง",
                            "No village can be selected from the drawn shape"),
    "selection.pick_add": ("เพิ่มในการเลือก", "Add to selection"),
    # --- actions on the selection
    "actions.heading": ("ทำกับหมู่บ้านที่เลือก", "With the selection"),
    "actions.to_wave": ("ย้ายไประยะ", "Move to wave"),
    "actions.lock_too": ("ล็อกด้วย", "Lock them too"),
    "actions.assign": ("กำหนดระยะ", "Assign wave"),
    "actions.lock": ("ล็อก", "Lock"),
    "actions.unlock": ("ปลดล็อก", "Unlock"),
    "actions.pilot": ("ตั้งตำบลเป็นนำร่อง", "Mark tambons as pilot"),
    "actions.unpilot": ("ยกเลิกตำบลนำร่อง", "Unmark pilot tambons"),
    "actions.optimise": ("ปรับแผนส่วนที่เหลือให้ดีที่สุด", "Optimise the rest"),
    "actions.optimise_help": (
        "คงทุกหมู่บ้านที่ล็อกและตำบลนำร่อง แล้วจัดหมู่บ้านที่ไม่ล็อกใหม่ (ย้ายให้น้อยที่สุด)",
        "Keeps every lock and pilot tambon and re-plans the unlocked villages, moving as few as possible",
    ),
    "actions.optimise_failed": (
        "ปรับแผนไม่ได้: การล็อก ตำบลนำร่อง เป้าหมายของระยะ หรือจำนวนทีม ทำให้ไม่มีแผนที่ผ่านทุกข้อ "
        "ดูข้อที่ไม่ผ่านในส่วนความถูกต้องของแผน",
        "The rest cannot be optimised",
    ),
    "actions.optimising": ("กำลังปรับแผน…", "Optimising…"),
    # --- pending changes, undo, redo, conflicts
    "pending.heading": ("รอยืนยัน", "Pending changes"),
    "pending.none": ("ไม่มีการเปลี่ยนแปลงที่รอยืนยัน", "No pending changes"),
    "pending.reason": ("เหตุผล (ไม่บังคับ)", "Reason (optional)"),
    "pending.apply": ("ยืนยันการเปลี่ยนแปลง", "Apply changes"),
    "pending.discard": ("ยกเลิก", "Discard"),
    "pending.undo": ("ย้อนกลับ", "Undo"),
    "pending.redo": ("ทำซ้ำ", "Redo"),
    "pending.applied": ("บันทึกแล้ว: ฉบับที่ {version}", "Saved: version {version}"),
    "pending.applied_off_target": ("บันทึกแล้ว: ฉบับที่ {version} · แผนยังไม่ตรงเป้า: {waves}",
                                   "Saved: version {version} · the plan misses its targets: {waves}"),
    "pending.off_target": (
        "ถ้ายืนยัน แผนจะไม่ตรงเป้า: {waves} (ยืนยันได้ แต่แผนจะไม่ผ่านข้อ ขนาดแต่ละระยะตรงตามเป้า)",
        "If applied, the plan misses its targets: {waves} (you may still apply; the plan then fails the wave-size "
        "check)",
    ),
    "pending.wave_over": ("ระยะ {wave} เกินเป้า {n} หมู่บ้าน", "wave {wave} {n} over"),
    "pending.wave_short": ("ระยะ {wave} ขาด {n} หมู่บ้าน", "wave {wave} {n} short"),
    "pending.edit.waves": ("เปลี่ยนระยะเป็น {waves} และจัดแผนใหม่: ย้าย {n} หมู่บ้าน",
                           "Change the waves to {waves} and re-plan: {n} villages move"),
    "pending.edit.assign": ("ย้าย {n} หมู่บ้านไประยะ {wave}", "Move {n} villages to wave {wave}"),
    "pending.edit.assign_lock": (
        "ย้าย {n} หมู่บ้านไประยะ {wave} และล็อก",
        "Move {n} villages to wave {wave} and lock them",
    ),
    "pending.edit.lock": ("ล็อก {n} หมู่บ้าน", "Lock {n} villages"),
    "pending.edit.unlock": ("ปลดล็อก {n} หมู่บ้าน", "Unlock {n} villages"),
    "pending.edit.pilot": ("ตั้งตำบลนำร่อง: {tambons}", "Mark pilot tambons: {tambons}"),
    "pending.edit.unpilot": ("ยกเลิกตำบลนำร่อง: {tambons}", "Unmark pilot tambons: {tambons}"),
    "pending.edit.roster": ("เปลี่ยนทีมคุณอำนวย", "Change the facilitator roster"),
    "pending.edit.optimise": ("ผลการปรับแผน: ย้าย {n} หมู่บ้าน", "Optimised plan: {n} villages move"),
    "pending.conflict": ("มีผู้อื่นบันทึกแผนนี้ก่อน: {message}", "Someone else saved this plan first: {message}"),
    "pending.reload": (
        "โหลดฉบับล่าสุด (คงการเปลี่ยนแปลงของฉันไว้รอยืนยัน)",
        "Reload the latest (keep my changes pending)",
    ),
    "pending.save_new": ("บันทึกของฉันเป็นแผนใหม่", "Save mine as a new scenario"),
    "pending.new_name": ("ชื่อแผนใหม่", "New scenario name"),
    "pending.dropped": ("การเปลี่ยนแปลงที่ใช้ไม่ได้แล้ว: {reason}", "A change no longer applies: {reason}"),
    # --- edits that cannot be made (dashboard.plan.edits.EditError)
    "edit_error.unknown_edit": ("ไม่รู้จักการแก้ไข {action!r}: ใช้ได้เฉพาะ {actions}",
                                "unknown edit {action!r}; use one of {actions}"),
    "edit_error.unknown_wave": ("ไม่มีระยะ {wave!r}: เลือกจาก {waves}",
                                "wave {wave!r} does not exist; choose one of {waves}"),
    "edit_error.pilot_assign": (
        "{n} หมู่บ้านที่เลือก (เช่น {examples}) อยู่ในตำบลนำร่อง จึงต้องอยู่ในระยะนำร่อง {wave}: "
        "ยกเลิกตำบลนำร่องก่อน หรือเอาหมู่บ้านเหล่านั้นออกจากการเลือก",
        "{n} selected village(s) (e.g. {examples}) are in pilot tambons and stay in the pilot wave {wave}; unmark "
        "their tambons as pilot first, or leave them out of the selection",
    ),
    "edit_error.pilot_unlock": (
        "{n} หมู่บ้านที่เลือก (เช่น {examples}) อยู่ในตำบลนำร่อง จึงล็อกไว้ในระยะนำร่อง: ยกเลิกตำบลนำร่องก่อนจึงจะปลดล็อกได้",
        "{n} selected village(s) (e.g. {examples}) are in pilot tambons and stay locked to the pilot wave; unmark "
        "their tambons as pilot to unlock them",
    ),
    "edit_error.unknown_tambons": ("ตำบล {tambons} ไม่มีหมู่บ้านในชุดข้อมูลนี้: ตรวจรหัสตำบล",
                                   "tambon(s) {tambons} have no villages in the data set; check the codes"),
    "edit_error.no_roster": ("การเปลี่ยนทีมคุณอำนวยต้องมีจำนวนทีม", "a roster edit needs the roster"),
    "edit_error.no_assignment": ("ผลการปรับแผนไม่มีระยะของหมู่บ้าน", "an optimise edit needs the optimised assignment"),
    "edit_error.unknown_villages": ("หมู่บ้าน {villages} ไม่อยู่ในชุดข้อมูลที่ใช้อยู่: โหลดหน้าใหม่",
                                    "village(s) {villages} are not in the data set in use; reload the page"),
    "edit_error.nothing_to_undo": ("ไม่มีการแก้ไขให้ย้อนกลับ", "nothing to undo"),
    "edit_error.nothing_to_redo": ("ไม่มีการแก้ไขให้ทำซ้ำ", "nothing to redo"),
    "edit_error.pending_first": ("ยืนยันหรือยกเลิกการเปลี่ยนแปลงที่รออยู่ก่อน จึงจะย้อนกลับหรือทำซ้ำได้",
                                 "apply or discard the pending changes before undoing or redoing"),
    "edit_error.already_in_wave": (
        "ทั้ง {n} หมู่บ้านอยู่ในระยะ {wave} แล้ว (และล็อกตามที่เลือก): ไม่มีหมู่บ้านย้าย จึงไม่ได้เพิ่มในรายการรอยืนยัน",
        "All {n} villages are already in wave {wave} (and locked as asked): nothing moves, so nothing was added to "
        "the pending changes",
    ),
    "edit_error.already_locked": ("ทั้ง {n} หมู่บ้านล็อกอยู่แล้ว: ไม่มีอะไรเปลี่ยน",
                                  "All {n} villages are already locked: nothing changes"),
    "edit_error.none_locked": ("ไม่มีหมู่บ้านที่เลือกถูกล็อกไว้: ไม่มีอะไรเปลี่ยน",
                               "None of the selected villages is locked: nothing changes"),
    "edit_error.already_pilot": ("ตำบลที่เลือกเป็นตำบลนำร่องอยู่แล้ว: ไม่มีอะไรเปลี่ยน",
                                 "The selected tambons are pilot tambons already: nothing changes"),
    "edit_error.no_pilot": ("ไม่มีตำบลนำร่องในการเลือก: ไม่มีอะไรเปลี่ยน", "No pilot tambon is selected: nothing changes"),
    "edit_error.same_roster": ("ทีมคุณอำนวยเหมือนเดิม: ไม่มีอะไรเปลี่ยน", "The roster is the same: nothing changes"),
    "edit_error.nothing_moves": ("แผนนี้ดีที่สุดแล้ว: ไม่มีหมู่บ้านต้องย้าย", "The plan is already optimal: no village moves"),
    "edit_error.same_waves": ("ระยะ เป้าหมาย และแผนเหมือนเดิม: ไม่มีอะไรเปลี่ยน",
                              "The waves, targets and plan are the same: nothing changes"),
    "edit_error.no_waves": ("การเปลี่ยนระยะต้องมีระยะและแผนที่จัดใหม่", "a waves edit needs the waves and the re-made plan"),
    # --- placing a village by clicking the map
    "place.toggle": ("กำหนดตำแหน่งหมู่บ้านโดยคลิกบนแผนที่", "Set a village's location by clicking the map"),
    "place.village": ("หมู่บ้านที่จะแก้ตำแหน่ง", "Village to place"),
    "place.hint": ("คลิกตำแหน่งที่ถูกต้องบนแผนที่", "Click the right place on the map"),
    "place.point": ("ตำแหน่งใหม่: {lat}, {lon}", "New point: {lat}, {lon}"),
    "place.source": ("แหล่งที่มา (เช่น GPS สำรวจ 2549)", "Source (e.g. GPS survey 2549)"),
    "place.save": ("บันทึกตำแหน่ง", "Save the location"),
    "place.saved": ("บันทึกตำแหน่งใหม่ของหมู่บ้าน {code} แล้ว", "Saved the new location of village {code}"),
    # --- tallies beside the map
    "tallies.waves_heading": ("สรุปตามระยะ", "Waves"),
    "tallies.validity": ("ความถูกต้องของแผน", "Is the plan valid?"),
    "tallies.valid": ("แผนผ่านทุกข้อ", "The plan passes every check"),
    "tallies.failed": ("ไม่ผ่าน {n} ข้อ", "{n} checks fail"),
    "tallies.if_applied": ("ถ้ายืนยัน:", "If applied:"),
    "tallies.show_moved": ("แสดงหมู่บ้านที่ย้ายบนแผนที่", "Show them on the map"),
    "tallies.load": ("หมู่บ้านต่อทีมคุณอำนวย (อำเภอ × ระยะ)", "Villages per facilitator team (district × wave)"),
    "tallies.load_help": (
        "สีแดง: เกินกำลังทีม (ทีมละ {capacity} หมู่บ้านต่อระยะ) · สีเหลือง: สูงกว่าภาระที่ต่ำที่สุดที่ทำได้ ({optimum})",
        "Red: over capacity ({capacity} villages per team and wave) · amber: above the lowest largest load "
        "possible ({optimum})",
    ),
    "tallies.split": ("ตำบลที่แบ่งหลายระยะ: {n}", "Tambons split across waves: {n}"),
    "tallies.moved": ("หมู่บ้านที่ย้ายโดยการปรับแผน: {n}", "Villages moved by optimising: {n}"),
    "tallies.from": ("จากระยะ", "From"),
    "tallies.to": ("ไประยะ", "To"),
    "tallies.proof": (
        "ผลการปรับแผน: {status} · การขยายออกจากพื้นที่นำร่อง: {spread} · ใช้เวลา {seconds} วินาที",
        "Optimised: {status} · spreading out from the pilots: {spread} · took {seconds} s",
    ),
    "tallies.estimated_roster": (
        "ทีมคุณอำนวยเป็นค่าประมาณ: หนึ่งทีมต่อตำบล จนกว่าจะใส่จำนวนจริง",
        "The facilitator roster is estimated: one team per tambon",
    ),
    "tallies.no_problem": ("แผนนี้คำนวณไม่ได้ เพราะไม่เข้ากับชุดข้อมูลหรือเป้าหมายของระยะ",
                           "This plan cannot be evaluated"),
    "tallies.locks_error": (
        "การล็อกหรือตำบลนำร่องทำให้จัดแผนที่ผ่านทุกข้อไม่ได้: ดูข้อที่ไม่ผ่านด้านล่าง",
        "The locks or pilots make a plan impossible",
    ),
    "tallies.wave": ("ระยะ (พ.ศ.)", "Wave (B.E.)"),
    "tallies.target": ("เป้าหมาย", "Target"),
    "tallies.now": ("ตอนนี้", "Now"),
    "tallies.pending": ("ถ้ายืนยัน", "If applied"),
    "tallies.status": ("สถานะ", "Status"),
    "tallies.ok": ("ตรงเป้า", "on target"),
    "tallies.short": ("ขาด {n}", "{n} short"),
    "tallies.over": ("เกิน {n}", "{n} over"),
    "tallies.rest": ("ที่เหลือทั้งหมด ({n})", "the rest ({n})"),
    "tallies.pilot_target": ("หมู่บ้านตำบลนำร่อง ({n})", "pilot villages ({n})"),
    "tallies.tambon": ("ตำบล", "Tambon"),
    "tallies.code": ("รหัส", "Code"),
    "tallies.waves_with_villages": ("ระยะที่มีหมู่บ้าน", "Waves with villages"),
    # --- the optimiser's status codes in words
    "status.optimal": ("ภาระทีมสูงสุดและจำนวนตำบลที่แบ่งหลายระยะต่ำที่สุดเท่าที่เป็นไปได้",
                       "the largest team load and the number of split tambons are the lowest possible"),
    "status.evaluated": ("แผนที่จัดเอง ยังไม่ได้ปรับให้ดีที่สุด", "set by hand, not optimised"),
    "status.local_optimum": ("ดีที่สุดเท่าที่การปรับทีละขั้นทำได้", "as good as changing step by step can make it"),
    "status.local_search": ("หยุดเมื่อปรับครบจำนวนรอบที่กำหนด", "stopped after the set number of rounds"),
    "status.off": ("ไม่มีพื้นที่นำร่องให้ขยายออก", "no pilots to spread out from"),
    # --- the map: village tooltip, legend
    "map.village": ("หมู่บ้าน", "Village"),
    "map.code": ("รหัส", "Code"),
    "map.moo": ("หมู่ที่", "Moo"),
    "map.tambon": ("ตำบล", "Tambon"),
    "map.amphoe": ("อำเภอ", "Amphoe"),
    "map.wave": ("ระยะ (พ.ศ.)", "Wave (B.E.)"),
    "map.lock": ("การล็อก", "Lock"),
    "map.reason": ("เหตุผลของแผน", "Plan's reason"),
    "map.quality": ("ตำแหน่ง", "Location"),
    "map.locked": ("ล็อกแล้ว", "locked"),
    "map.unlocked": ("ไม่ล็อก", "not locked"),
    "map.unassigned": ("ยังไม่กำหนด", "not assigned"),
    "map.reason_pilot": ("ตำบลนำร่อง", "pilot tambon"),
    "map.reason_locked": ("ผู้วางแผนล็อกไว้", "locked by a planner"),
    "map.reason_balance": ("แบ่งตำบลเพื่อสมดุลภาระทีม", "tambon split to balance team loads"),
    "map.reason_spread": ("ขยายออกจากพื้นที่นำร่องตามจังหวะ", "spreads out from the pilots at the province's pace"),
    "map.reason_manual": ("ผู้วางแผนกำหนดเอง (ไม่ล็อก)", "assigned by hand (not locked)"),
    "map.quality_high": ("ตรงชื่อ (สูง)", "matched (high)"),
    "map.quality_medium": ("ตรงชื่อ (กลาง)", "matched (medium)"),
    "map.quality_low": ("ตรงชื่อ (ต่ำ)", "matched (low)"),
    "map.quality_estimated": ("ตำแหน่งโดยประมาณ", "estimated location"),
    "map.quality_corrected": ("แก้ไขโดยผู้วางแผน", "corrected by a planner"),
    "map.legend_title": ("สัญลักษณ์บนแผนที่", "Map key"),
    "map.legend_pilot": ("{label} นำร่อง", "{label} pilot"),
    "map.legend_unassigned": ("ยังไม่กำหนดระยะ", "no wave yet"),
    "map.legend_selected": ("เลือกไว้", "selected"),
    "map.legend_changed": ("รอยืนยัน", "pending change"),
    "map.legend_locked": ("หมู่บ้านที่ล็อก", "locked village"),
    "map.legend_locked_tambon": ("ตำบลที่ล็อกทั้งตำบล", "tambon locked whole"),
    "map.legend_pilot_tambon": ("ตำบลนำร่อง", "pilot tambon"),
    # --- the map's drawing tool (Leaflet.draw)
    "draw.polygon": ("วาดรูปหลายเหลี่ยมเพื่อเลือกหมู่บ้าน", "Draw a polygon to select villages"),
    "draw.rectangle": ("วาดสี่เหลี่ยมเพื่อเลือกหมู่บ้าน", "Draw a rectangle to select villages"),
    "draw.polygon_start": ("คลิกเพื่อเริ่มวาด", "Click to start drawing the shape"),
    "draw.polygon_continue": ("คลิกเพื่อวาดต่อ", "Click to continue drawing the shape"),
    "draw.polygon_end": ("คลิกจุดแรกเพื่อปิดรูป", "Click the first point to close the shape"),
    "draw.rectangle_start": ("คลิกแล้วลากเพื่อวาดสี่เหลี่ยม", "Click and drag to draw a rectangle"),
    "draw.release": ("ปล่อยเมาส์เพื่อวาดเสร็จ", "Release the mouse to finish drawing"),
    "draw.crossing": ("เส้นของรูปตัดกันไม่ได้", "The shape's edges cannot cross"),
    "draw.finish": ("เสร็จ", "Finish"),
    "draw.finish_title": ("วาดเสร็จ", "Finish drawing"),
    "draw.undo": ("ลบจุดล่าสุด", "Delete last point"),
    "draw.undo_title": ("ลบจุดที่วาดล่าสุด", "Delete the last point drawn"),
    "draw.cancel": ("ยกเลิก", "Cancel"),
    "draw.cancel_title": ("ยกเลิกการวาด", "Cancel drawing"),
    "draw.save": ("บันทึก", "Save"),
    "draw.save_title": ("บันทึกการแก้ไข", "Save changes"),
    "draw.clear_all": ("ลบทั้งหมด", "Clear all"),
    "draw.remove": ("ลบรูปที่วาด", "Delete drawn shapes"),
    "draw.remove_none": ("ไม่มีรูปให้ลบ", "No shapes to delete"),
    "draw.remove_hint": ("คลิกรูปที่ต้องการลบ", "Click a shape to delete it"),
    # --- scenarios in the sidebar
    "scenario.scenario": ("แผนทางเลือก (ฉากทัศน์)", "Scenario"),
    "scenario.version": ("ฉบับที่ {version} · {by}", "Version {version} · {by}"),
    "scenario.name": ("ชื่อแผนใหม่", "New scenario name"),
    "scenario.save_as": ("บันทึกเป็นแผนใหม่", "Save as new"),
    "scenario.save_as_help": (
        "บันทึกแผนที่เห็นอยู่ (รวมการเปลี่ยนแปลงที่รอยืนยัน) เป็นชื่อใหม่",
        "Save the plan as shown (with pending changes) under a new name",
    ),
    "scenario.duplicate": ("ทำสำเนาฉบับที่บันทึก", "Duplicate the saved plan"),
    "scenario.from_default": ("สร้างจากแผนตั้งต้น", "New from the default plan"),
    "scenario.from_default_help": (
        "แผนที่ปรับให้ดีที่สุดของจังหวัด{province}: {waves}",
        "{province}'s optimised default plan: {waves}",
    ),
    "scenario.opened": ("เปิดแผน {name}", "Opened {name}"),
    "scenario.not_found": ("ไม่พบแผน {name}; เปิด {opened} แทน", "No scenario named {name}; opened {opened} instead"),
    "scenario.a": ("แผน ก", "Scenario A"),
    "scenario.b": ("แผน ข", "Scenario B"),
    "scenario.moved": ("หมู่บ้านที่ต่างกัน: {n}", "Villages that differ: {n}"),
    "scenario.same": ("สองแผนนี้จัดหมู่บ้านเหมือนกัน", "The two scenarios place every village alike"),
    "scenario.history": ("ประวัติการแก้ไขของ {name}", "Change history of {name}"),
    "scenario.pending_dropped": (
        "การเปลี่ยนแปลงที่รอยืนยัน {n} รายการของแผน {name} ถูกยกเลิก เพราะเปิดแผน {opened} แทน",
        "The {n} pending change(s) of {name} were dropped: {opened} was opened instead",
    ),
    # --- the province's official plan (sidebar)
    "official.mark": ("ตั้งเป็นแผนทางการของจังหวัด", "Make it the official plan"),
    "official.help": (
        "แผนทางการคือแผนที่ผู้บริหารและสำนักงานอำเภอเห็นก่อน และเป็นแผนที่ใช้ส่งออกไฟล์โดยปริยาย",
        "The official plan is what executives and district offices see first and what exports use by default",
    ),
    "official.pending_first": (
        "ยืนยันหรือยกเลิกการเปลี่ยนแปลงที่รอยืนยันก่อน แผนทางการต้องเป็นฉบับที่บันทึกแล้ว",
        "Apply or discard the pending changes first: only a saved version can be approved",
    ),
    "official.confirm": (
        "ตั้งแผน **{name}** ฉบับที่ {version} เป็นแผนทางการของจังหวัด? ผู้บริหารและสำนักงานอำเภอจะเห็นแผนนี้ก่อน "
        "ไฟล์ส่งออกจะใช้แผนนี้ และชื่อของคุณกับเวลาจะถูกบันทึกในประวัติของแผน",
        "Make **{name}**, version {version}, the province's official plan? Executives and district offices will "
        "see it first, exports will use it, and your name and the time are recorded in its history.",
    ),
    "official.do_mark": ("ยืนยัน ตั้งเป็นแผนทางการ", "Yes, make it official"),
    "official.marked": ("ตั้ง {name} ฉบับที่ {version} เป็นแผนทางการของจังหวัดแล้ว",
                        "{name}, version {version}, is now the province's official plan"),
    # --- comparing two scenarios
    "compare.code": ("รหัส", "Code"),
    "compare.village": ("หมู่บ้าน", "Village"),
    "compare.tambon": ("ตำบล", "Tambon"),
    "compare.amphoe": ("อำเภอ", "District"),
    "compare.metric": ("ตัวชี้วัด", "Measure"),
    "compare.difference": ("ผลต่าง (ข − ก)", "Difference (B − A)"),
    "compare.max_load": ("ภาระสูงสุด (หมู่บ้าน/ทีม)", "Largest load (villages per team)"),
    "compare.split_tambons": ("ตำบลที่แบ่งหลายระยะ", "Tambons split across waves"),
    "compare.spread_cost": ("ระยะห่างจากพื้นที่นำร่องรวม (ยิ่งน้อย ยิ่งขยายเป็นวงจากนำร่อง)",
                            "Distance from the pilots, summed (lower: grows outward from the pilots)"),
    "compare.pace_gap": ("ความต่างจากจังหวะของทั้งจังหวัด (หมู่บ้าน)", "Gap from the province's pace (villages)"),
    "compare.unassigned": ("หมู่บ้านที่ยังไม่มีระยะ", "Villages without a wave"),
    "compare.failed": ("ข้อที่ไม่ผ่าน", "Failed checks"),
    "compare.status": ("ผลการปรับแผน", "Optimised"),
    "compare.column_a": ("ก: {name}", "A: {name}"),
    "compare.column_b": ("ข: {name}", "B: {name}"),
    "compare.none": ("ไม่มี", "none"),
    "compare.locked": ("หมู่บ้านที่ล็อก", "Locked villages"),
    "compare.pilots": ("ตำบลนำร่อง", "Pilot tambons"),
    "compare.teams": ("ทีมคุณอำนวยรวม", "Facilitator teams"),
    "compare.capacity": ("หมู่บ้านต่อทีมต่อระยะ", "Villages per team and wave"),
    "compare.wave_size": ("ระยะ {label}: หมู่บ้าน", "Wave {label}: villages"),
    # --- a scenario's change history
    "history.version": ("ฉบับที่", "Version"),
    "history.when": ("เมื่อ", "When"),
    "history.who": ("ผู้แก้ไข", "By"),
    "history.action": ("การแก้ไข", "Change"),
    "history.villages": ("จำนวนหมู่บ้าน", "Villages"),
    "history.reason": ("เหตุผล", "Reason"),
    "history.from": ("จากแผน {source}", "from {source}"),
    "history.from_version": ("จากแผน {source} ฉบับที่ {version}", "from {source}, version {version}"),
    "history.undone": ("การแก้ไขที่ย้อนกลับ: {action}", "the change undone: {action}"),
    "history.redone": ("การแก้ไขที่ทำซ้ำ: {action}", "the change redone: {action}"),
    "history.with_pending": ("พร้อมการเปลี่ยนแปลงที่ยังไม่ได้ยืนยัน: {edits}", "with the pending changes: {edits}"),
    "history.detail": ("รายละเอียด", "Detail"),
    "history.action.create": ("สร้างแผน", "created"),
    "history.action.save": ("บันทึก", "saved"),
    "history.action.assign": ("กำหนดระยะ", "assigned waves"),
    "history.action.lock": ("ล็อก", "locked"),
    "history.action.unlock": ("ปลดล็อก", "unlocked"),
    "history.action.pilot": ("ตั้งตำบลนำร่อง", "marked pilots"),
    "history.action.unpilot": ("ยกเลิกตำบลนำร่อง", "unmarked pilots"),
    "history.action.roster": ("เปลี่ยนทีมคุณอำนวย", "changed the roster"),
    "history.action.optimise": ("ปรับแผนส่วนที่เหลือ", "optimised the rest"),
    "history.action.edit": ("แก้ไขหลายอย่าง", "several edits"),
    "history.action.undo": ("ย้อนกลับ", "undo"),
    "history.action.redo": ("ทำซ้ำ", "redo"),
    "history.action.duplicate": ("ทำสำเนา", "duplicated"),
    "history.action.save_as": ("บันทึกเป็นแผนใหม่", "saved as new"),
    "history.action.official": ("ตั้งเป็นแผนทางการของจังหวัด", "made the province's official plan"),
    "history.action.unofficial": ("เลิกเป็นแผนทางการ", "no longer the official plan"),
    "history.replaced_by": ("แผนทางการใหม่คือ {name}", "the official plan is now {name}"),
    "history.action.waves": ("เปลี่ยนระยะและเป้าหมาย", "changed the waves"),
    # --- the waves editor
    "waves.title": ("ระยะและเป้าหมาย", "Waves and targets"),
    "waves.help": (
        "กำหนดจำนวนระยะ ปี พ.ศ. และเป้าหมายจำนวนหมู่บ้านของแต่ละระยะ (ระยะสุดท้ายรับหมู่บ้านที่เหลือทั้งหมด) "
        "แล้วกดจัดแผนใหม่ แผนที่จัดใหม่รอยืนยันเหมือนการแก้ไขอื่น หมู่บ้านที่ล็อกไว้ยังอยู่ในระยะลำดับเดียวกัน "
        "(เช่น ระยะแรกหลังนำร่อง)",
        "Set the number of waves, their B.E. years and each wave's target in villages (the last wave takes the "
        "rest), then re-plan. The re-made plan waits as a pending change like any other; locked villages stay in "
        "the wave of the same position (e.g. the first after the pilot).",
    ),
    "waves.pilot": ("มีระยะนำร่อง", "A pilot wave"),
    "waves.pilot_year": ("ปี พ.ศ. ของระยะนำร่อง", "Pilot wave's year (B.E.)"),
    "waves.count": ("จำนวนระยะหลังนำร่อง", "Waves after the pilot"),
    "waves.year": ("ระยะที่ {n}: ปี พ.ศ.", "Wave {n}: year (B.E.)"),
    "waves.target": ("เป้าหมาย (หมู่บ้าน)", "Target (villages)"),
    "waves.rest": ("ที่เหลือทั้งหมด", "the rest"),
    "waves.rest_of": ("{label}: ที่เหลือ", "{label}: the rest"),
    "waves.apply": ("จัดแผนใหม่ตามระยะนี้ (รอยืนยัน)", "Re-plan for these waves (pending)"),
    "waves.refused": ("ยังใช้ระยะนี้ไม่ได้ แผนไม่เปลี่ยน:", "These waves cannot be used; the plan is unchanged:"),
    "waves.impossible": (
        "จัดแผนตามระยะนี้ไม่ได้: หมู่บ้านที่ล็อกหรือตำบลนำร่องไม่พอดีกับเป้าหมายใหม่ ปลดล็อกบางหมู่บ้านหรือปรับเป้าหมาย "
        "แผนไม่เปลี่ยน",
        "No plan fits these waves; the plan is unchanged",
    ),
    "waves.queued": ("จัดแผนใหม่แล้ว: ดูและยืนยันได้ที่ส่วนแก้ไขแผนข้างแผนที่",
                     "Re-planned: review and apply it beside the map"),
    "waves.error.count": ("มี {n} ระยะ: กำหนดได้ 1 ถึง {most} ระยะหลังนำร่อง",
                          "{n} waves: give 1 to {most} waves after the pilot"),
    "waves.error.not_increasing": (
        "ปี {year} ต้องมาหลังปีของระยะก่อนหน้า ({previous}): เรียงปี พ.ศ. จากน้อยไปมาก",
        "year {year} must come after the wave before it ({previous}): put the B.E. years in increasing order",
    ),
    "waves.error.year_not_number": ("“{value}” ไม่ใช่ปี พ.ศ.: พิมพ์ปีเป็นตัวเลข เช่น 2570",
                                    "“{value}” is not a B.E. year: type the year in digits, e.g. 2570"),
    "waves.error.christian_era": ("{value} เป็นปี ค.ศ.: ใช้ปี พ.ศ. {be}", "{value} is a Christian-era year: use B.E. {be}"),
    "waves.error.year_range": ("ปี {value} อยู่นอกช่วง พ.ศ. {low}–{high}: ตรวจปีอีกครั้ง",
                               "year {value} is outside B.E. {low}–{high}: check the year"),
    "waves.error.target": (
        "เป้าหมายของระยะ {year} (“{value}”) ต้องเป็นจำนวนหมู่บ้านเต็มหน่วย ตั้งแต่ 1 ขึ้นไป",
        "the target of wave {year} (“{value}”) must be a whole number of villages, 1 or more",
    ),
    "waves.error.too_many": (
        "เป้าหมายรวม {total} หมู่บ้าน (รวมหมู่บ้านนำร่อง {pilot}) ไม่เหลือหมู่บ้านให้ระยะสุดท้าย จากทั้งหมด {villages} "
        "หมู่บ้าน: ลดเป้าหมายหรือลดจำนวนระยะ",
        "the targets add up to {total} villages (with {pilot} pilot villages), leaving none of the {villages} for "
        "the last wave: lower the targets or use fewer waves",
    ),
    # --- the facilitator roster
    "roster.title": ("ทีมคุณอำนวย", "Facilitator roster"),
    "roster.estimated": (
        "ค่าประมาณ: หนึ่งทีมต่อตำบลที่มีหมู่บ้าน จนกว่าจะใส่จำนวนจริง",
        "Estimated: one team per tambon with villages, until the real numbers are entered",
    ),
    "roster.real": ("จำนวนทีมที่ผู้วางแผนกำหนด", "Team numbers entered by a planner"),
    "roster.name_th": ("อำเภอ", "District (Thai)"),
    "roster.name_en": ("ชื่ออำเภอภาษาอังกฤษ", "District (English)"),
    "roster.code": ("รหัสอำเภอ", "District code"),
    "roster.villages": ("หมู่บ้าน", "Villages"),
    "roster.teams": ("จำนวนทีม", "Teams"),
    "roster.capacity": ("จำนวนหมู่บ้านที่หนึ่งทีมรับได้ในหนึ่งระยะ", "Villages one team can take in a wave"),
    "roster.use_table": ("ใช้ตารางนี้ (รอยืนยัน)", "Use this table (pending)"),
    "roster.upload": ("หรืออัปโหลดไฟล์ CSV ที่มีคอลัมน์ `amphoe_code` และ `teams`",
                      "Or upload a CSV with the columns `amphoe_code` and `teams`"),
    "roster.use_upload": ("ใช้ไฟล์นี้ (รอยืนยัน)", "Use this file (pending)"),
    "roster.refused": (
        "ไม่รับทีมคุณอำนวยนี้ ({n} ปัญหา) แผนไม่เปลี่ยน:",
        "Roster refused ({n} problems); the plan is unchanged:",
    ),
    "roster.file_ok": ("ไฟล์ถูกต้อง: {n} อำเภอ รวม {teams} ทีม", "The file is valid: {n} districts, {teams} teams"),
    # --- location corrections
    "corrections.upload": (
        "อัปโหลดไฟล์ CSV แก้ตำแหน่งหมู่บ้าน",
        "Upload location corrections (CSV)",
    ),
    "corrections.problems": (
        "พบปัญหา {n} รายการ ยังไม่บันทึกตำแหน่งใดเลย",
        "{n} problem(s) found; no location was recorded",
    ),
    "corrections.valid": ("ไฟล์ถูกต้อง: {n} หมู่บ้าน", "The file is valid: {n} villages"),
    "corrections.warnings": (
        "ควรตรวจ {n} จุด (อยู่นอกเขตตำบลเล็กน้อย)",
        "{n} point(s) deserve a second look (just outside their tambon)",
    ),
    "corrections.columns": ("คอลัมน์ของไฟล์: {columns} (ละติจูดและลองจิจูดเป็นองศาทศนิยม)",
                            "The file's columns: {columns} (latitude and longitude in decimal degrees)"),
    "corrections.record": ("บันทึกตำแหน่งทั้งหมด", "Record these locations"),
    "corrections.recorded": ("บันทึกตำแหน่งใหม่ {n} หมู่บ้านแล้ว", "Recorded new locations of {n} villages"),
    "corrections.in_use": ("ตำแหน่งที่แก้ไขแล้ว: {n} หมู่บ้าน", "Corrected locations in use: {n} villages"),
    "corrections.history_of": ("ประวัติตำแหน่งของหมู่บ้าน", "Location history of a village"),
    "corrections.code": ("รหัส", "Code"),
    "corrections.lat": ("ละติจูด", "Latitude"),
    "corrections.lon": ("ลองจิจูด", "Longitude"),
    "corrections.source": ("แหล่งที่มา", "Source"),
    "corrections.author": ("ผู้แก้ไข", "By"),
    "corrections.at": ("เมื่อ", "When"),
    "corrections.previous": ("ตำแหน่งเดิม", "Previous point"),
    "corrections.warning": ("ข้อสังเกต", "Note"),
}
