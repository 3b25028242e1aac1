#!/usr/bin/python3
"""Adds to a workbook the parts Excel writes that none of the free writers make, as Excel writes
them: x14 data validation (a list from another sheet) and sparklines in a sheet's extLst, an
Office add-in's web extension (its settings) with its task pane, a custom XML item, and, for an
.xlsm, a VBA project part with the macro-enabled content type.
Usage: add_excel_parts.py IN.xlsx OUT.xlsx|OUT.xlsm"""
import re
import sys
import zipfile

src, out = sys.argv[1], sys.argv[2]
macro = out.endswith(".xlsm")
parts = {}
with zipfile.ZipFile(src) as z:
    for name in z.namelist():
        parts[name] = z.read(name)

X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
XM = "http://schemas.microsoft.com/office/excel/2006/main"
ext = (
    f'<extLst><ext uri="{{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}}" xmlns:x14="{X14}">'
    f'<x14:dataValidations count="1" xmlns:xm="{XM}"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1">'
    "<x14:formula1><xm:f>Справочник!$A$2:$A$3</xm:f></x14:formula1><xm:sqref>E2:E5</xm:sqref></x14:dataValidation></x14:dataValidations></ext>"
    f'<ext uri="{{05C60535-1F16-4fd2-B633-F4F36F0B64E0}}" xmlns:x14="{X14}">'
    f'<x14:sparklineGroups xmlns:xm="{XM}"><x14:sparklineGroup displayEmptyCellsAs="gap" markers="1">'
    '<x14:colorSeries rgb="FF376092"/><x14:colorNegative rgb="FFD00000"/><x14:colorAxis rgb="FF000000"/>'
    '<x14:colorMarkers rgb="FFD00000"/><x14:colorFirst rgb="FFD00000"/><x14:colorLast rgb="FFD00000"/>'
    '<x14:colorHigh rgb="FFD00000"/><x14:colorLow rgb="FFD00000"/><x14:sparklines>'
    "<x14:sparkline><xm:f>'Мои данные'!B2:C2</xm:f><xm:sqref>H20</xm:sqref></x14:sparkline>"
    "<x14:sparkline><xm:f>'Мои данные'!B3:C3</xm:f><xm:sqref>H21</xm:sqref></x14:sparkline>"
    "</x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>"
)
sheet = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
sheet = sheet.replace("</worksheet>", ext + "</worksheet>", 1)
parts["xl/worksheets/sheet1.xml"] = sheet.encode("utf-8")

WE = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11"
WET = "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"
parts["xl/webextensions/webextension1.xml"] = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<we:webextension xmlns:we="{WE}" id="{{52811C31-4593-43B8-A697-EB873422D156}}">'
    '<we:reference id="wa200000000" version="1.0.0.0" store="ru-RU" storeType="OMEX"/><we:alternateReferences/>'
    '<we:properties><we:property name="shnorRoadmap.resume" value="&quot;{\\&quot;step\\&quot;:3}&quot;"/></we:properties>'
    '<we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>'
).encode("utf-8")
parts["xl/webextensions/taskpanes.xml"] = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<wetp:taskpanes xmlns:wetp="{WET}"><wetp:taskpane dockstate="right" visibility="1" width="350" row="4">'
    '<wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>'
    "</wetp:taskpane></wetp:taskpanes>"
).encode("utf-8")
parts["xl/webextensions/_rels/taskpanes.xml.rels"] = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/>'
    "</Relationships>"
).encode("utf-8")
parts["customXml/item1.xml"] = b'<?xml version="1.0" encoding="UTF-8"?><shnor xmlns="urn:example:shnor"><region>69</region></shnor>'
parts["customXml/itemProps1.xml"] = (
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
    '<ds:datastoreItem ds:itemID="{6B1F8C4E-2F0B-4C43-9C7E-8C1F2D0A9E11}" '
    'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>'
).encode("utf-8")
parts["customXml/_rels/item1.xml.rels"] = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/>'
    "</Relationships>"
).encode("utf-8")


def add_rel(rels_name, rel):
    xml = parts[rels_name].decode("utf-8")
    parts[rels_name] = xml.replace("</Relationships>", rel + "</Relationships>").encode("utf-8")


add_rel(
    "_rels/.rels",
    '<Relationship Id="rIdWe1" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/>',
)
add_rel(
    "xl/_rels/workbook.xml.rels",
    '<Relationship Id="rIdCx1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/>',
)
types = parts["[Content_Types].xml"].decode("utf-8")
overrides = (
    '<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/>'
    '<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/>'
    '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>'
)
if macro:
    # A VBA project part as Excel stores it (here a placeholder compound file: the updater must
    # carry it over unread, whatever it holds).
    parts["xl/vbaProject.bin"] = bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 504 + "VBA: Sub Hello()".encode("utf-8")
    add_rel(
        "xl/_rels/workbook.xml.rels",
        '<Relationship Id="rIdVba1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>',
    )
    types = re.sub(
        r'(PartName="/xl/workbook.xml" ContentType=")[^"]+"',
        r'\1application/vnd.ms-excel.sheet.macroEnabled.main+xml"',
        types,
    )
    overrides += '<Override PartName="/xl/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>'
types = types.replace("</Types>", overrides + "</Types>")
parts["[Content_Types].xml"] = types.encode("utf-8")

with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", parts.pop("[Content_Types].xml"))
    for name, data in parts.items():
        z.writestr(name, data)
