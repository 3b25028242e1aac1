/**
 * Updating an existing workbook at the zip level. The user's sheets and everything that hangs off
 * them (drawings, charts, comments, tables, pivot tables, validations, protection, extensions), the
 * workbook-level parts they own (themes, custom XML, macros, add-in web extensions, pivot caches,
 * shared strings) and their defined names are copied: the compressed bytes of their parts go into
 * the new file untouched. Only the generated sheets are written (with the user's style table and
 * inline strings), workbook.xml, its relationships, [Content_Types].xml and styles.xml are edited
 * where they must change, and calcChain.xml is dropped so Excel rebuilds it.
 *
 * What is created, replaced, removed, renamed or kept as the user's copy is decided by the patch
 * policy (core/workbook/policy.ts); this module only carries the plan out.
 *
 *   const update = await WorkbookUpdate.open(bytes, 'Отчёт.xlsx');
 *   update.userSheetNames();                 // names a generated sheet must not take
 *   const { report, chunks } = await update.apply(patch);
 */
import type { WorkbookPatch } from '../../core/patch';
import {
  identifySheets,
  planApply,
  userSheetNames,
  type ApplyReport,
  type GeneratedSheet,
  type PlanApplyOptions,
  type WorkbookState,
} from '../../core/workbook/policy';
import { resolvePatchNames } from '../../core/workbook/references';
import { GENERATOR_VERSION, MARKER_NAME, type RegistryEntry } from '../../core/workbook/registry';
import { sheetNameKey } from '../../core/workbook/sheetNames';
import { emptySheetPatch } from '../../core/patch';
import { StyleCache } from '../sheetWriter';
import { emptyWorkbook } from './emptyWorkbook';
import { layoutSheets, type FinalSheet, type Layout } from './layout';
import { definedNames, type SheetNames } from './names';
import {
  REL_TYPES,
  STYLES_TYPE,
  UpdateRefused,
  WORKSHEET_TYPE,
  parseRels,
  relsPartOf,
  WorkbookPackage,
  type Relationship,
} from './package';
import { editContentTypes, editRels, freeRelId, reachableParts, relativeTarget } from './parts';
import { sheetLocalNames, UNSTYLED, writeSheetPart } from './sheetPart';
import { bytesStamp, formatStamp, sheetDigest, type PartStamp } from './stamps';
import { readWorkbookState, registryWithStamps, type ReadState } from './state';
import { MINIMAL_STYLES, WorkbookStyles } from './styles';
import { activeTab, editWorkbookXml, renamedSheetElement, sheetElements } from './workbookXml';
import { deflatePart, ZipWriter, type DeflatedPart } from './zipWriter';

export interface ApplyOptions extends PlanApplyOptions {
  /** Called after each generated sheet is written (progress of long runs). */
  onSheet?: (done: number, of: number) => void;
}

export interface UpdateResult {
  report: ApplyReport;
  /** The new file's bytes, in chunks (write them in order). */
  chunks: Uint8Array[];
}

export class WorkbookUpdate {
  private constructor(
    private readonly pkg: WorkbookPackage,
    private readonly read: ReadState,
  ) {}

  /** Opens a workbook for update; throws PackageError (unreadable) or UpdateRefused. */
  static async open(data: Buffer, file: string): Promise<WorkbookUpdate> {
    const pkg = WorkbookPackage.open(data, file);
    const encrypted = pkg.zip.entries.find((e) => e.flags & 1);
    if (encrypted)
      throw new UpdateRefused(
        `Книгу «${file}» нельзя обновить: её части зашифрованы. Снимите пароль в Excel и повторите.`,
      );
    return new WorkbookUpdate(pkg, await readWorkbookState(pkg, data));
  }

  /** A new workbook (no sheets yet) to apply a patch to: how a new file is written. */
  static create(file: string): Promise<WorkbookUpdate> {
    return WorkbookUpdate.open(emptyWorkbook(), file);
  }

  /** The workbook as the patch policy sees it: the input of a use case (src/app) that targets it. */
  state(): WorkbookState {
    return this.read.state;
  }

  /** Names of the user's own sheets: what a generated sheet must never be called. */
  userSheetNames(): string[] {
    return userSheetNames(this.read.state);
  }

  /** The generated sheets found in the workbook, with whether the user renamed or edited them. */
  generatedSheets(): GeneratedSheet[] {
    return [...identifySheets(this.read.state).generated.values()];
  }

  /** Carries the patch out; the workbook on disk is not touched (write `chunks` yourself). */
  async apply(patch: WorkbookPatch, options: ApplyOptions = {}): Promise<UpdateResult> {
    const pkg = this.pkg;
    const plan = planApply(this.read.state, patch, options);
    const resolved = resolvePatchNames(patch, plan.names);
    const layout = layoutSheets(pkg, plan, resolved, this.read.registryIndex);

    const stylesPart = pkg.partOfType(REL_TYPES.styles);
    const styles = new WorkbookStyles(stylesPart ? pkg.zip.readText(stylesPart) : MINIMAL_STYLES);
    const cache = new StyleCache();
    const relIds = new Set(pkg.rels.map((r) => r.id));
    const newRels: Array<{ id: string; type: string; target: string }> = [];
    // Parts written anew: the sheets compressed at once (see deflatePart), the rest as bytes.
    const written = new Map<string, Buffer | DeflatedPart>();
    const allocate = partAllocator(pkg);
    let maxSheetId = Math.max(0, ...pkg.sheets.map((s) => s.sheetId));
    const active = await this.activeSheet(layout, plan.activeSheet);

    const sheetElement = sheetElements(pkg);
    const elements: string[] = [];
    const ours: SheetNames[] = [];
    const entries: RegistryEntry[] = [...plan.kept];
    // The registry's part stamps; `valid`: the part's style indexes hold in the styles.xml this
    // run writes (it was written now, or against the styles.xml read, to which we only append).
    const stamps = new Map<string, { stamp: PartStamp; valid: boolean }>();
    for (const e of plan.kept) {
      const stamp = this.read.stamps.get(e.key) ?? { part: '' };
      stamps.set(e.key, { stamp, valid: stamp.styles === this.read.styles });
    }
    /** Parts of generated sheets that stay as they are: their old bytes are copied. */
    const copied = new Set<string>();
    let registrySlot: { part: string; name: string } | undefined;
    const slotOf = (sheet: Extract<FinalSheet, { reuse?: number }>) => {
      if (sheet.reuse !== undefined) {
        const old = pkg.sheets[sheet.reuse]!;
        return { part: old.part!, rId: old.rId, sheetId: old.sheetId };
      }
      const part = allocate();
      const rId = freeRelId(relIds);
      newRels.push({ id: rId, type: REL_TYPES.worksheet, target: relativeTarget(pkg.part, part) });
      return { part, rId, sheetId: ++maxSheetId };
    };
    layout.sheets.forEach((s, position) => {
      if (s.kind === 'existing') elements.push(pkg.sheets[s.old]!.text);
      else if (s.kind === 'kept')
        elements.push(renamedSheetElement(pkg.sheets[s.old]!.text, s.name));
      else if (s.kind === 'patch') {
        const slot = slotOf(s);
        const selected = position === active;
        const digest = sheetDigest(s.patch, s.name, selected);
        const intact = s.reuse === undefined ? undefined : this.read.intact.get(s.patch.key);
        let fingerprint: string;
        if (intact && intact.part === slot.part && intact.stamp.digest === digest) {
          copied.add(slot.part);
          fingerprint = intact.fingerprint;
          stamps.set(s.patch.key, { stamp: intact.stamp, valid: true });
          ours.push({ position, key: s.patch.key, local: sheetLocalNames(s.patch, s.name) });
        } else {
          const part = writeSheetPart(s.patch, s.name, styles, cache, { selected });
          written.set(slot.part, deflatePart(part.xml));
          fingerprint = part.fingerprint;
          stamps.set(s.patch.key, { stamp: { part: bytesStamp(part.xml), digest }, valid: true });
          ours.push({ position, key: s.patch.key, local: part.localNames });
        }
        options.onSheet?.(ours.length, resolved.sheets.length);
        entries.push({
          key: s.patch.key,
          sheet: s.name,
          fingerprint,
          version: GENERATOR_VERSION,
          definedName: MARKER_NAME,
        });
        elements.push(sheetElement({ name: s.name, sheetId: slot.sheetId, rId: slot.rId }));
      } else {
        const slot = slotOf(s);
        registrySlot = { part: slot.part, name: s.name };
        elements.push(
          sheetElement({
            name: s.name,
            sheetId: slot.sheetId,
            rId: slot.rId,
            state: 'veryHidden',
          }),
        );
      }
    });

    // Relationships of the workbook: sheets that went, calcChain; new sheets (and styles).
    const reused = new Set([...written.keys(), ...copied]);
    if (registrySlot) reused.add(registrySlot.part);
    const goneIds = new Set([...layout.gone].map((i) => pkg.sheets[i]!.rId));
    const removeRels = new Set(
      pkg.rels
        .filter(
          (r) => r.type === REL_TYPES.calcChain || (goneIds.has(r.id) && !reused.has(r.part ?? '')),
        )
        .map((r) => r.id),
    );
    const added: Array<{ part: string; type: string }> = [...reused]
      .filter((p) => !pkg.zip.has(p))
      .map((part) => ({ part, type: WORKSHEET_TYPE }));
    let stylesTarget = stylesPart;
    if (!stylesTarget) {
      stylesTarget = `${pkg.part.slice(0, pkg.part.lastIndexOf('/') + 1)}styles.xml`;
      const id = freeRelId(relIds);
      newRels.push({ id, type: REL_TYPES.styles, target: relativeTarget(pkg.part, stylesTarget) });
      added.push({ part: stylesTarget, type: STYLES_TYPE });
    }
    const stylesXml = Buffer.from(styles.toXml(), 'utf8');
    written.set(stylesTarget, stylesXml);
    if (registrySlot) {
      // The registry records the styles.xml this run leaves; its own cells take no formats.
      const stylesStamp = bytesStamp(stylesXml);
      const recorded = new Map<string, string>();
      for (const [key, { stamp, valid }] of stamps)
        recorded.set(key, formatStamp(valid ? { ...stamp, styles: stylesStamp } : stamp));
      const registry = {
        ...emptySheetPatch(registrySlot.name, '', 0),
        values: [{ at: 'A1', values: registryWithStamps(entries, recorded) }],
      };
      written.set(
        registrySlot.part,
        writeSheetPart(registry, registrySlot.name, UNSTYLED, cache, { selected: false }).xml,
      );
    }
    const relsXml = editRels(pkg.relsXml, removeRels, newRels);
    written.set(pkg.relsPart, Buffer.from(relsXml, 'utf8'));

    // Parts nothing refers to any more: the drawings, comments… of sheets that went.
    const cache2 = new Map<string, Relationship[]>();
    const before = reachableParts(pkg, new Map(), cache2);
    const override = new Map<string, Relationship[]>([[pkg.part, parseRels(relsXml, pkg.part)]]);
    for (const part of reused) override.set(part, []);
    const after = reachableParts(pkg, override, cache2);
    const dropped = new Set([...before].filter((p) => !after.has(p)));
    for (const p of [...dropped, ...reused]) dropped.add(relsPartOf(p));
    for (const p of reused) dropped.delete(p);

    const goingEntries = this.read.state.registry.filter(
      (e) => !plan.kept.some((k) => k.key === e.key),
    );
    const names = definedNames(pkg, layout, resolved, ours, goingEntries);
    written.set(pkg.part, Buffer.from(editWorkbookXml(pkg, elements, names, active), 'utf8'));
    const types = editContentTypes(pkg.contentTypes, dropped, added);
    written.set('[Content_Types].xml', Buffer.from(types, 'utf8'));

    const zip = new ZipWriter();
    for (const e of pkg.zip.entries) {
      if (dropped.has(e.name)) continue;
      const bytes = written.get(e.name);
      if (bytes) {
        addPart(zip, e.name, bytes);
        written.delete(e.name);
      } else zip.copy(e.name, pkg.zip.raw(e.name), e);
    }
    for (const [name, bytes] of written) addPart(zip, name, bytes);
    return { report: plan.report, chunks: zip.finish() };
  }

  /**
   * Position of the sheet to show. A kept sheet the user had selected stays selected (marking one
   * of ours too would group the two, and their next edit would go to both); otherwise the sheet
   * the patch asks for, else the one shown before (or what replaced it), else the first visible.
   */
  private async activeSheet(layout: Layout, requested: string | undefined): Promise<number> {
    const pkg = this.pkg;
    const before = activeTab(pkg);
    const selected: number[] = [];
    for (let i = 0; i < layout.sheets.length; i++) {
      const s = layout.sheets[i]!;
      if ((s.kind === 'existing' || s.kind === 'kept') && (await this.isSelected(s.old)))
        selected.push(i);
    }
    if (selected.length) return layout.position.get(before) ?? selected[0]!;
    const find = (name: string | undefined) =>
      name === undefined
        ? -1
        : layout.sheets.findIndex((s) => sheetNameKey(s.name) === sheetNameKey(name));
    const asked = find(requested);
    if (asked >= 0) return asked;
    const kept = layout.position.get(before);
    if (kept !== undefined) return kept;
    const old = pkg.sheets[before];
    const replacement = layout.sheets.findIndex(
      (s) =>
        s.kind === 'patch' &&
        old !== undefined &&
        s.patch.key &&
        layout.renamed.get(sheetNameKey(old.name)) === s.name,
    );
    if (replacement >= 0) return replacement;
    const same = find(old?.name);
    if (same >= 0 && layout.sheets[same]!.kind === 'patch') return same;
    return Math.max(
      0,
      layout.sheets.findIndex((s) => s.kind !== 'registry' && this.visible(s)),
    );
  }

  private visible(s: FinalSheet): boolean {
    if (s.kind === 'patch') return true;
    if (s.kind === 'registry') return false;
    return this.pkg.sheets[s.old]!.state === 'visible';
  }

  /** Whether a sheet's own view marks it selected (read from the start of its part). */
  private async isSelected(old: number): Promise<boolean> {
    const part = this.pkg.sheets[old]!.part!;
    for await (const chunk of this.pkg.zip.textChunks(part)) {
      const view = /<(?:[\w.-]+:)?sheetView\b[^>]*>/.exec(chunk);
      if (view) return /\stabSelected\s*=\s*["'](1|true)["']/.test(view[0]);
      if (/<(?:[\w.-]+:)?sheetData\b/.test(chunk)) return false;
    }
    return false;
  }
}

function addPart(zip: ZipWriter, name: string, part: Buffer | DeflatedPart): void {
  if (Buffer.isBuffer(part)) zip.add(name, part);
  else zip.addDeflated(name, part);
}

/** New worksheet part names beside the existing ones: sheetN.xml with N free (any case). */
function partAllocator(pkg: WorkbookPackage): () => string {
  const taken = new Set(pkg.zip.names().map((n) => n.toLowerCase()));
  const first = pkg.sheets.find((s) => s.kind === 'worksheet')?.part;
  const dir = first ? first.slice(0, first.lastIndexOf('/') + 1) : 'xl/worksheets/';
  let n = 1;
  return () => {
    while (taken.has(`${dir}sheet${n}.xml`.toLowerCase())) n++;
    const part = `${dir}sheet${n}.xml`;
    taken.add(part.toLowerCase());
    return part;
  };
}
