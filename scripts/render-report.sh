#!/bin/sh
# Renders a report workbook to PDF (LibreOffice headless) and the PDF to PNG pages (pdftoppm from
# poppler-utils), so the report can be looked at without Excel.
#   scripts/render-report.sh [REPORT.xlsx] [OUT_DIR]
# Defaults: demo-output/Отчёт по школам.xlsx → demo-output/render/. Build the demo first: npm run demo
set -eu

REPORT="${1:-demo-output/Отчёт по школам.xlsx}"
OUT="${2:-demo-output/render}"
PAGES="${PAGES:-12}"

SOFFICE="$(command -v soffice || command -v libreoffice || true)"
if [ -z "$SOFFICE" ]; then
  echo "LibreOffice не установлен (нужен пакет libreoffice-calc-nogui): PDF не построен." >&2
  exit 2
fi
if [ ! -f "$REPORT" ]; then
  echo "Нет файла «$REPORT». Сначала постройте отчёт: npm run demo" >&2
  exit 2
fi

mkdir -p "$OUT"
PROFILE="$(mktemp -d)"
trap 'rm -rf "$PROFILE"' EXIT
"$SOFFICE" "-env:UserInstallation=file://$PROFILE" --headless --norestore \
  --convert-to pdf --outdir "$OUT" "$REPORT" >/dev/null 2>&1
PDF="$OUT/$(basename "${REPORT%.*}").pdf"
if [ ! -f "$PDF" ]; then
  echo "LibreOffice не создал PDF из «$REPORT»." >&2
  exit 1
fi
echo "PDF: $PDF"

if ! command -v pdftoppm >/dev/null 2>&1; then
  echo "pdftoppm не установлен (пакет poppler-utils): PNG не построены, смотрите PDF." >&2
  exit 0
fi
pdftoppm -png -r 70 -f 1 -l "$PAGES" "$PDF" "$OUT/page"
echo "PNG (первые $PAGES страниц): $OUT/page-*.png"
