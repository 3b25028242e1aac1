#!/usr/bin/env bash
# Regenerates the corpus of user workbooks in test/fixtures/user-workbooks (committed, so tests and
# CI need neither Python nor UNO). Needs Debian's python3-openpyxl, python3-pil, python3-uno and
# libreoffice-calc-nogui. Run from the project folder: bash scripts/user-workbooks/generate.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../test/fixtures/user-workbooks"
py=/usr/bin/python3
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
npm run build:cli >/dev/null
node dist/scripts/user-workbooks/make-exceljs.js "$out/exceljs.xlsx"
"$py" "$here/make_openpyxl.py" "$out/openpyxl.xlsx"
"$py" "$here/add_excel_parts.py" "$out/openpyxl.xlsx" "$out/excel-parts.xlsx"
"$py" "$here/add_excel_parts.py" "$out/openpyxl.xlsx" "$out/excel-parts.xlsm"
"$py" "$here/make_libreoffice.py" "$out" --resave "$out/openpyxl.xlsx" "$out/exceljs.xlsx" "$out/excel-parts.xlsm"
ls -l "$out"
