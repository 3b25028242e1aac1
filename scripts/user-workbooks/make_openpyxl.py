#!/usr/bin/python3
"""A user's workbook as openpyxl writes it: a styled table, an image, a chart, comments, data
validation, conditional formatting, sheet protection, merged cells, hyperlinks, and sheet-scoped
names (two local «Итог», each read by =Итог*10 on its own sheet). Run by generate.sh."""
import io
import sys

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from PIL import Image as PILImage

out = sys.argv[1]
wb = Workbook()

data = wb.active
data.title = "Мои данные"
data.append(["Школа", "Участников", "«2»", "Доля"])
rows = [("МБОУ СОШ №1", 25, 3), ("МБОУ СОШ №2", 40, 15), ("Гимназия «Логос»", 31, 2), ("=СОШ", 12, 6)]
for i, (name, n, two) in enumerate(rows, start=2):
    data.append([name, n, two, f"=C{i}/B{i}"])
tab = Table(displayName="Результаты", ref=f"A1:D{len(rows) + 1}")
tab.tableStyleInfo = TableStyleInfo(name="TableStyleMedium9", showRowStripes=True)
data.add_table(tab)
data["F1"] = "Итог"
data["F2"] = "=SUM(B2:B5)"
data["G2"] = "=Итог*10"
data["A8"] = "Примечание: заполнено вручную"
data["A8"].font = Font(italic=True, color="C00000")
data["A8"].comment = Comment("Проверить у муниципалитета", "Методист")
data.merge_cells("A9:D9")
data["A9"] = "Объединённая строка"
data["A10"] = "Ссылка на справочник"
data["A10"].hyperlink = "#'Справочник'!A1"
dv = DataValidation(type="whole", operator="between", formula1="0", formula2="1000", showErrorMessage=True)
dv.add("B2:B100")
data.add_data_validation(dv)
data.conditional_formatting.add(
    "D2:D5", CellIsRule(operator="greaterThanOrEqual", formula=["0.3"], fill=PatternFill("solid", bgColor="FFC7CE"))
)
chart = BarChart()
chart.title = "Участники"
chart.add_data(Reference(data, min_col=2, min_row=1, max_row=5), titles_from_data=True)
chart.set_categories(Reference(data, min_col=1, min_row=2, max_row=5))
data.add_chart(chart, "H2")

ref = wb.create_sheet("Справочник")
ref.append(["Код", "Муниципалитет"])
ref.append(["sch690001", "Тверь"])
ref.append(["sch690002", "Ржев"])
ref["D1"] = "Итог"
ref["D2"] = "=COUNTA(A2:A3)"
ref["E2"] = "=Итог*10"
png = io.BytesIO()
PILImage.new("RGB", (40, 20), (47, 117, 181)).save(png, format="PNG")
png.seek(0)
ref.add_image(Image(png), "G2")
ref.protection.sheet = True
ref.protection.password = "shnor"

# Two sheet-local names «Итог», one per sheet, each read by =Итог*10 on its own sheet.
wb.defined_names.append(DefinedName("Итог", localSheetId=0, attr_text="'Мои данные'!$F$2"))
wb.defined_names.append(DefinedName("Итог", localSheetId=1, attr_text="Справочник!$D$2"))
wb.defined_names.append(DefinedName("Коды", attr_text="Справочник!$A$2:$A$3"))
wb.save(out)
