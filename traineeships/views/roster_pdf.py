"""The 补贴经费花名册 PDF: the roster the screen shows (roster_for_base), drawn by printing.tables.

Not an HTML template through WeasyPrint, which took 8–12 s for 1,000 lines (bench/README.md, "pdf.py"). The
columns, headings and texts are those the print template had; ID numbers are masked as {% id_number %} does.
"""

from core.masking import can_see_personal_data, mask_id_number
from printing.tables import Cell, Column, TableDocument, render_table_pdf

COLUMNS = (
    Column("序号", 10, nowrap=True), Column("姓名", 24, nowrap=True), Column("身份证号", 40, nowrap=True),
    Column("岗位", 30), Column("见习期", 24, nowrap=True), Column("留用", 11, nowrap=True),
    Column("合计（元）", 22, nowrap=True), Column("计算说明", 0),
)
SIGNATURES = ("见习单位（盖章）：", "人社部门审核意见：")


def roster_pdf(result, base, *, reader, printed_at: str) -> bytes:
    """The roster `result` of `base` as PDF for `reader` (identifiers whole only with the permission)."""
    visible = can_see_personal_data(reader)
    rows = [[
        str(number), line.trainee.name, line.trainee.id_number if visible else mask_id_number(line.trainee.id_number),
        line.trainee.post_title, f"{line.trainee.start_on:%Y-%m-%d}\n至{line.trainee.end_on:%Y-%m-%d}",
        "是" if line.trainee.retained_on else "否", str(line.total), "\n".join(line.explanations),
    ] for number, line in enumerate(result.lines, start=1)]
    if not rows:
        rows.append([Cell("该期间没有享受补贴的见习人员", span=len(COLUMNS), grey=True)])
    rows.append([Cell("合计", span=6, align="right"), str(result.total), ""])
    return render_table_pdf(TableDocument(
        title="就业见习补贴经费花名册",
        subtitle=f"{base.organisation.name}　{result.first_month.year}年{result.first_month.month}月至"
                 f"{result.last_month.year}年{result.last_month.month}月",
        note=f"{result.retention_text}；合计含意外伤害保险补贴 {result.insurance_total} 元、"
             f"见习结束一次性补差 {result.top_up_total} 元",
        columns=COLUMNS, rows=rows, signatures=SIGNATURES, footer=f"打印时间：{printed_at}　Praxis 人社业务协同平台",
    ))
