#!/usr/bin/python3
"""User workbooks as LibreOffice Calc writes them, made through UNO with a headless soffice:
  libreoffice.xlsx  a chart, a pivot table (DataPilot), comments, an image, data validation,
                    conditional formatting, a protected sheet, a hidden sheet, sheet-scoped names
                    (two local «Итог», each read by =Итог*10 on its own sheet) and a global one;
  libreoffice-macro.xlsm  the same kind of data with a Basic module, saved macro-enabled;
  and every other workbook given after --resave re-saved by LibreOffice (as a user who opens a
  file in LibreOffice and saves it does), into the output folder with a "-libreoffice" suffix.
Usage: make_libreoffice.py OUTDIR [--resave FILE...]"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.awt import Point, Rectangle, Size
from com.sun.star.beans import PropertyValue
from com.sun.star.table import CellAddress, CellRangeAddress


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(profile):
    pipe = f"shnorcorpus{os.getpid()}"
    proc = subprocess.Popen(
        [
            "/usr/bin/soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            f"--accept=pipe,name={pipe};urp;",
        ]
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return proc, ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx), ctx
        except Exception:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit("soffice did not start")


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def fill(sheet, rows):
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            cell = sheet.getCellByPosition(c, r)
            if isinstance(v, str) and v.startswith("="):
                cell.Formula = v
            elif isinstance(v, str):
                cell.String = v
            else:
                cell.Value = v


def data_workbook(desktop, ctx, png):
    doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
    sheets = doc.Sheets
    data = sheets.getByIndex(0)
    data.Name = "Данные"
    fill(
        data,
        [
            ["Муниципалитет", "Школа", "Участников", "«2»", "Доля"],
            ["Тверь", "МБОУ СОШ №1", 25, 3, "=D2/C2"],
            ["Тверь", "МБОУ СОШ №2", 40, 15, "=D3/C3"],
            ["Ржев", "Гимназия «Логос»", 31, 2, "=D4/C4"],
            ["Ржев", "+7 (4822) 00-00-00", 12, 6, "=D5/C5"],
        ],
    )
    fill(data, [[], [], [], [], [], [], ["Итог", "=SUM(C2:C5)", "=Итог*10"]])
    data.Annotations.insertNew(CellAddress(0, 1, 1), "Школа сменила адрес")
    # Data validation: whole numbers 0…1000 in the participants column.
    rng = data.getCellRangeByName("C2:C100")
    v = rng.Validation
    v.Type = uno.Enum("com.sun.star.sheet.ValidationType", "WHOLE")
    v.setOperator(uno.Enum("com.sun.star.sheet.ConditionOperator", "BETWEEN"))
    v.setFormula1("0")
    v.setFormula2("1000")
    v.ShowErrorMessage = True
    v.ErrorMessage = "Число участников от 0 до 1000"
    rng.Validation = v
    # Conditional format: shares of «2» from 30 % on.
    cf_range = data.getCellRangeByName("E2:E5")
    cf = cf_range.ConditionalFormat
    cf.addNew(
        (
            prop("Operator", uno.Enum("com.sun.star.sheet.ConditionOperator", "GREATER_EQUAL")),
            prop("Formula1", "0.3"),
            prop("StyleName", "Bad"),
        )
    )
    cf_range.ConditionalFormat = cf
    # A chart of the participants.
    data.Charts.addNewByName(
        "Участники", Rectangle(9000, 1000, 12000, 7000), (CellRangeAddress(0, 1, 0, 2, 4),), True, True
    )
    # An image.
    shape = doc.createInstance("com.sun.star.drawing.GraphicObjectShape")
    provider = ctx.ServiceManager.createInstanceWithContext("com.sun.star.graphic.GraphicProvider", ctx)
    shape.Graphic = provider.queryGraphic((prop("URL", url(png)),))
    data.DrawPage.add(shape)
    shape.setSize(Size(2000, 1000))
    shape.setPosition(Point(1000, 6000))

    sheets.insertNewByName("Свод", 1)
    pivot_sheet = sheets.getByName("Свод")
    fill(pivot_sheet, [[], [], [], [], [], [], [], [], [], [], ["Итог", "=COUNTA(A1:A9)", "=Итог*10"]])
    tables = pivot_sheet.DataPilotTables
    desc = tables.createDataPilotDescriptor()
    desc.SourceRange = CellRangeAddress(0, 0, 0, 3, 4)
    fields = desc.DataPilotFields
    fields.getByIndex(0).Orientation = uno.Enum("com.sun.star.sheet.DataPilotFieldOrientation", "ROW")
    count = fields.getByIndex(2)
    count.Orientation = uno.Enum("com.sun.star.sheet.DataPilotFieldOrientation", "DATA")
    count.Function = uno.Enum("com.sun.star.sheet.GeneralFunction", "SUM")
    tables.insertNewByName("Сводная", CellAddress(1, 0, 0), desc)

    sheets.insertNewByName("Настройки", 2)
    settings = sheets.getByName("Настройки")
    fill(settings, [["Порог", 0.3], ["Год", 2025]])
    settings.protect("shnor")
    sheets.insertNewByName("Скрытый", 3)
    hidden = sheets.getByName("Скрытый")
    fill(hidden, [["служебный лист"]])
    hidden.IsVisible = False

    # Two sheet-local names «Итог» (each sheet's own =Итог*10 reads it) and a global name.
    data.NamedRanges.addNewByName("Итог", "$Данные.$B$8", CellAddress(0, 0, 0), 0)
    pivot_sheet.NamedRanges.addNewByName("Итог", "$Свод.$B$11", CellAddress(1, 0, 0), 0)
    doc.NamedRanges.addNewByName("Порог", "$Настройки.$B$1", CellAddress(2, 0, 0), 0)
    doc.calculateAll()
    return doc


def main():
    outdir = sys.argv[1]
    resave = sys.argv[sys.argv.index("--resave") + 1 :] if "--resave" in sys.argv else []
    profile = tempfile.mkdtemp(prefix="shnor-uno-")
    work = tempfile.mkdtemp(prefix="shnor-corpus-")
    proc, desktop, ctx = connect(profile)
    try:
        png = os.path.join(work, "logo.png")
        from PIL import Image

        Image.new("RGB", (40, 20), (192, 0, 0)).save(png)
        doc = data_workbook(desktop, ctx, png)
        doc.storeToURL(url(os.path.join(outdir, "libreoffice.xlsx")), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)

        doc = data_workbook(desktop, ctx, png)
        libraries = doc.BasicLibraries
        if not libraries.hasByName("Standard"):
            libraries.createLibrary("Standard")
        lib = libraries.getByName("Standard")
        lib.insertByName("Module1", 'Sub Hello\n  MsgBox "Привет"\nEnd Sub\n')
        doc.storeToURL(
            url(os.path.join(outdir, "libreoffice-macro.xlsm")),
            (prop("FilterName", "Calc MS Excel 2007 VBA XML"),),
        )
        doc.close(True)

        for path in resave:
            doc = desktop.loadComponentFromURL(url(path), "_blank", 0, (prop("Hidden", True),))
            base, ext = os.path.splitext(os.path.basename(path))
            target = os.path.join(outdir, f"{base}-libreoffice{ext}")
            filt = "Calc MS Excel 2007 VBA XML" if ext == ".xlsm" else "Calc MS Excel 2007 XML"
            doc.storeToURL(url(target), (prop("FilterName", filt),))
            doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        proc.wait(timeout=60)
        shutil.rmtree(profile, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)


main()
