/** The preview of a patch: what the policy will do with it in the target workbook. */
import type { WorkbookPatch } from '../core/patch';
import { planApply, type WorkbookState } from '../core/workbook/policy';
import type { Preview } from './types';

export function previewPatch(workbook: WorkbookState, patch: WorkbookPatch): Preview {
  const plan = planApply(workbook, patch);
  return {
    create: plan.create.map((c) => c.name),
    replace: plan.replace.map((r) => ({ sheet: r.sheet, name: r.name })),
    remove: plan.remove.map((r) => r.sheet),
    keep: plan.keep.map((k) => ({ sheet: k.sheet, as: k.as })),
    changedByUser: plan.report.changedByUser.map((c) => ({
      name: c.name,
      renamed: c.renamed,
      edited: c.edited,
    })),
    renamedToAvoidClash: plan.report.renamedToAvoidClash.map((r) => ({
      wanted: r.wanted,
      actual: r.actual,
    })),
  };
}
