/**
 * Prints a workbook the way LibreOffice would (PDF) and asks LibreOffice's own text layout whether
 * any cell's text is cut: a StarBasic macro, run headless in a throw-away profile, exports the
 * PDF, then measures every visible cell with text. For each one it fills a scratch cell of the
 * same width and font, lets LibreOffice fit the row height, and compares:
 *   - a wrapped or merged cell is cut when it needs more height than its row(s) have;
 *   - an unwrapped cell is cut when its text needs more than one line in the room it has (its
 *     column, plus the empty cells to its right within the table for left-aligned text).
 * Page sizes come from pdfinfo (poppler-utils).
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pathToFileURL } from 'url';

/** 1/100 mm of slack: LibreOffice rounds heights to its own units. */
const TOLERANCE = 30;

const MACRO = `
Dim scratch As Object
Dim memo As Object

Function Needed(txt As String, src As Object, w As Long) As Long
  Dim key As String
  key = w & "|" & src.CharFontName & "|" & src.CharHeight & "|" & src.CharWeight & "|" & src.CharPosture & "|" & txt
  On Error Goto Measure
  Needed = memo.Item(key)
  Exit Function
Measure:
  On Error Goto 0
  Dim cell As Object
  cell = scratch.getCellByPosition(0, 0)
  scratch.Columns.getByIndex(0).Width = w
  cell.CharFontName = src.CharFontName
  cell.CharHeight = src.CharHeight
  cell.CharWeight = src.CharWeight
  cell.CharPosture = src.CharPosture
  cell.IsTextWrapped = True
  cell.String = txt
  scratch.Rows.getByIndex(0).OptimalHeight = True
  Dim h As Long
  h = scratch.Rows.getByIndex(0).Height
  memo.Add(h, key)
  Needed = h
End Function

Sub Report(f As Integer, sh As Object, cell As Object, kind As String, need As Long, have As Long, txt As String)
  Print #f, sh.Name & Chr(9) & cell.AbsoluteName & Chr(9) & kind & Chr(9) & need & Chr(9) & have & Chr(9) & Replace(txt, Chr(10), " / ")
End Sub

Sub Main
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden"
  args(0).Value = True
  Dim doc As Object
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(Environ("FIT_IN")), "_blank", 0, args())
  Dim pdf(0) As New com.sun.star.beans.PropertyValue
  pdf(0).Name = "FilterName"
  pdf(0).Value = "calc_pdf_Export"
  doc.storeToURL(ConvertToURL(Environ("FIT_PDF")), pdf())
  Dim f As Integer
  f = FreeFile
  Open Environ("FIT_OUT") For Output As #f
  memo = New Collection
  doc.Sheets.insertNewByName("__fit", doc.Sheets.Count)
  scratch = doc.Sheets.getByName("__fit")
  Dim s As Integer, r As Long, c As Long, k As Long
  For s = 0 To doc.Sheets.Count - 2
    Dim sh As Object
    sh = doc.Sheets.getByIndex(s)
    If sh.IsVisible Then
      Dim cur As Object
      cur = sh.createCursor()
      cur.gotoEndOfUsedArea(False)
      Dim lastRow As Long, lastCol As Long
      lastRow = cur.RangeAddress.EndRow
      lastCol = cur.RangeAddress.EndColumn
      Dim cols() As Long, rows() As Long
      ReDim cols(lastCol)
      ReDim rows(lastRow)
      For k = 0 To lastCol
        cols(k) = sh.Columns.getByIndex(k).Width
      Next
      For k = 0 To lastRow
        rows(k) = sh.Rows.getByIndex(k).Height
      Next
      ' Only cells holding text are measured: numbers are the layout's own business (###).
      Dim data As Variant
      data = sh.getCellRangeByPosition(0, 0, lastCol, lastRow).getDataArray()
      For r = 0 To lastRow
        For c = 0 To lastCol
          If VarType(data(r)(c)) = 8 Then
            If data(r)(c) <> "" Then
              Dim cell As Object
              cell = sh.getCellByPosition(c, r)
              Dim txt As String
              txt = cell.String
              Dim top As Long, left As Long, bottom As Long, right As Long
              top = r : left = c : bottom = r : right = c
              If cell.getIsMerged() Then
                Dim m As Object
                m = sh.createCursorByRange(cell)
                m.collapseToMergedArea()
                top = m.RangeAddress.StartRow : left = m.RangeAddress.StartColumn
                bottom = m.RangeAddress.EndRow : right = m.RangeAddress.EndColumn
              End If
              If top = r And left = c Then
                Dim w As Long, h As Long
                w = 0
                For k = left To right
                  w = w + cols(k)
                Next
                h = 0
                For k = top To bottom
                  h = h + rows(k)
                Next
                If cell.IsTextWrapped Or bottom > top Or right > left Then
                  Dim need As Long
                  need = Needed(txt, cell, w)
                  If need > h + ${TOLERANCE} Then Report(f, sh, cell, "height", need, h, txt)
                Else
                  If cell.HoriJustify <= com.sun.star.table.CellHoriJustify.LEFT Then
                    k = c + 1
                    Do While k <= lastCol
                      If VarType(data(r)(k)) <> 0 And CStr(data(r)(k)) <> "" Then Exit Do
                      w = w + cols(k)
                      k = k + 1
                    Loop
                  End If
                  ' a text that plainly fits is not measured: at most one em a character
                  If Len(txt) * cell.CharHeight * 35.28 > w - 200 Then
                    If Needed(txt, cell, w) > Needed("Xg", cell, 100000) + ${TOLERANCE} Then Report(f, sh, cell, "width", 0, w, txt)
                  End If
                End If
              End If
            End If
          End If
        Next
      Next
    End If
  Next
  Print #f, "done"
  Close #f
  doc.close(True)
End Sub
`;

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A text LibreOffice shows cut: where, why, and the heights (1/100 mm) or width it had. */
export interface CutText {
  sheet: string;
  cell: string;
  kind: 'height' | 'width';
  needed: number;
  had: number;
  text: string;
}

export interface PrintCheck {
  cut: CutText[];
  /** Page sizes of the PDF in points, page by page. */
  pages: Array<{ width: number; height: number }>;
  /** The PDF, kept for a person to look at when `keepPdf` names a file. */
  pdf: Buffer;
}

function pageSizes(pdfinfo: string, pdf: string): Array<{ width: number; height: number }> {
  const info = execFileSync(pdfinfo, [pdf], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  const sizes = execFileSync(pdfinfo, ['-f', '1', '-l', String(pages), pdf], { encoding: 'utf8' });
  return [...sizes.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}

/** Runs LibreOffice once over `xlsx`: the PDF, its page sizes and every cut text. */
export function checkPrint(soffice: string, pdfinfo: string, xlsx: Buffer): PrintCheck {
  const dir = mkdtempSync(join(tmpdir(), 'shnor-print-'));
  try {
    const profile = [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`];
    // A new profile's first start writes its own Standard library: start once, then add ours.
    execFileSync(soffice, [...profile, '--headless', '--norestore', '--terminate_after_init'], {
      stdio: 'pipe',
      timeout: 120_000,
    });
    const basic = join(dir, 'profile', 'user', 'basic');
    writeFileSync(
      join(basic, 'Standard', 'Module1.xba'),
      `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">${escapeXml(MACRO)}</script:module>
`,
    );
    const input = join(dir, 'book.xlsx');
    const pdf = join(dir, 'book.pdf');
    const out = join(dir, 'cut.txt');
    writeFileSync(input, xlsx);
    execFileSync(
      soffice,
      [...profile, '--headless', '--norestore', '--nologo', 'macro:///Standard.Module1.Main'],
      {
        stdio: 'pipe',
        timeout: 600_000,
        env: { ...process.env, FIT_IN: input, FIT_PDF: pdf, FIT_OUT: out },
      },
    );
    const lines = readFileSync(out, 'utf8').split(/\r?\n/);
    if (!lines.includes('done')) throw new Error('Макрос проверки печати не дошёл до конца.');
    const cut = lines
      .filter((l) => l.includes('\t'))
      .map((l): CutText => {
        const [sheet = '', cell = '', kind = '', needed = '0', had = '0', text = ''] =
          l.split('\t');
        return {
          sheet,
          cell: cell.replace(/^.*\.\$?/, '').replace(/\$/g, ''),
          kind: kind === 'width' ? 'width' : 'height',
          needed: Number(needed),
          had: Number(had),
          text,
        };
      });
    return { cut, pages: pageSizes(pdfinfo, pdf), pdf: readFileSync(pdf) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
