/**
 * workbook.xml after an update: the <sheets> list and the <definedNames> list replaced, the active
 * tab set; every other byte (workbook properties, protection, calculation settings, pivot caches,
 * extensions…) as it was.
 */
import { attr } from '../xmlScanner';
import type { WorkbookPackage } from './package';
import { applySplices, escapeXml, findElement, setAttr, type Splice } from './xmlEdit';

/** Elements that follow <definedNames> in CT_Workbook: a missing list goes before the first. */
const AFTER_NAMES = [
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * How a new <sheet> element refers to its relationship: with the prefix the workbook's root binds
 * to the relationships namespace, or with its own declaration when the root binds none (openpyxl
 * declares it on each <sheet>).
 */
function relationshipAttr(pkg: WorkbookPackage): string {
  const root = findElement(pkg.xml, 'workbook')!;
  const m = /\sxmlns:([\w.-]+)\s*=\s*"([^"]*)"/g;
  for (let d = m.exec(root.attrs); d; d = m.exec(root.attrs))
    if (d[2] === REL_NS) return `${d[1]}:id`;
  return `xmlns:r="${REL_NS}" r:id`;
}

/** Writes the <sheet> elements of new sheets in this workbook's own prefixes. */
export function sheetElements(pkg: WorkbookPackage) {
  const p = pkg.prefix ? `${pkg.prefix}:` : '';
  const rel = relationshipAttr(pkg);
  return (s: { name: string; sheetId: number; rId: string; state?: 'veryHidden' }): string => {
    const state = s.state ? ` state="${s.state}"` : '';
    return `<${p}sheet name="${escapeXml(s.name)}" sheetId="${s.sheetId}"${state} ${rel}="${escapeXml(s.rId)}"/>`;
  };
}

/** An existing <sheet> element under another name. */
export function renamedSheetElement(text: string, name: string): string {
  const open = text.match(/^<[\w.:-]+/)![0];
  const end = text.endsWith('/>') ? '/>' : '>';
  const attrs = text.slice(open.length, text.length - end.length);
  return open + setAttr(attrs, 'name', name) + text.slice(text.length - end.length);
}

/** The active tab the workbook opened on, as workbook.xml says (0 when it does not). */
export function activeTab(pkg: WorkbookPackage): number {
  const view = findElement(pkg.xml, 'workbookView');
  const n = Number(view ? (attr(view.attrs, 'activeTab') ?? 0) : 0);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

export function editWorkbookXml(
  pkg: WorkbookPackage,
  sheets: string[],
  names: string[],
  active: number,
): string {
  const xml = pkg.xml;
  const p = pkg.prefix ? `${pkg.prefix}:` : '';
  const splices: Splice[] = [];
  const sheetsElement = findElement(xml, 'sheets')!;
  splices.push({
    start: sheetsElement.openEnd,
    end: sheetsElement.closeStart,
    text: sheets.join(''),
  });

  const list = names.length ? `<${p}definedNames>${names.join('')}</${p}definedNames>` : '';
  const existing = findElement(xml, 'definedNames');
  if (existing) splices.push({ start: existing.start, end: existing.end, text: list });
  else if (list) {
    let at = findElement(xml, 'workbook')!.closeStart;
    for (const next of AFTER_NAMES) {
      const e = findElement(xml, next, sheetsElement.end);
      if (e) {
        at = e.start;
        break;
      }
    }
    splices.push({ start: at, end: at, text: list });
  }

  const view = findElement(xml, 'workbookView');
  if (view) {
    let attrs = setAttr(view.attrs, 'activeTab', String(active));
    const first = Number(attr(view.attrs, 'firstSheet') ?? 0);
    if (first >= sheets.length || first > active) attrs = setAttr(attrs, 'firstSheet', '0');
    const open = xml.slice(view.start, view.start + 1 + (view.prefix ? view.prefix.length + 1 : 0));
    const text = `${open}workbookView${attrs}${view.selfClosing ? '/>' : '>'}`;
    splices.push({ start: view.start, end: view.openEnd, text });
  } else if (active > 0) {
    const bookViews = `<${p}bookViews><${p}workbookView activeTab="${active}"/></${p}bookViews>`;
    splices.push({ start: sheetsElement.start, end: sheetsElement.start, text: bookViews });
  }
  return applySplices(xml, splices);
}
