/**
 * Writes README.md's tables of issue codes from the catalogue (src/core/issueCatalogue.ts).
 * Each table sits between two markers naming the areas it lists:
 *
 *   <!-- issue-codes: plan-table plan-numbers -->
 *   …generated table…
 *   <!-- /issue-codes -->
 *
 *   npm run docs:codes
 *
 * test/core/issueCatalogue.test.ts fails when README.md differs from what this writes.
 */
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { ISSUE_AREAS, ISSUE_CATALOGUE } from '../src/core/issueCatalogue';
import { SEVERITY_RU, type IssueArea } from '../src/core/issue';

const BLOCK = /(<!-- issue-codes:([^>]*?)-->\n)[\s\S]*?(<!-- \/issue-codes -->)/g;

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

function table(area: IssueArea): string[] {
  const rows = ISSUE_CATALOGUE.filter((d) => d.area === area).map(
    (d) =>
      `| \`${d.code}\` | ${SEVERITY_RU[d.severity]} | **${cell(d.title)}.** ${cell(d.description)} | ${cell(d.action)} |`,
  );
  return ['| код | важность | что означает | что делать |', '|---|---|---|---|', ...rows];
}

/**
 * The Markdown of the codes of these areas, in catalogue order: one table, or one per area
 * under the area's title when there are several.
 */
export function issueCodesTable(areas: readonly IssueArea[]): string {
  if (areas.length === 1) return `${table(areas[0]!).join('\n')}\n`;
  const title = new Map(ISSUE_AREAS.map((a) => [a.area, a.title]));
  return areas.map((a) => [`**${title.get(a)}**`, '', ...table(a), ''].join('\n')).join('\n');
}

function parseAreas(spec: string): IssueArea[] {
  const known = new Set<string>(ISSUE_AREAS.map((a) => a.area));
  const areas = spec.trim().split(/\s+/).filter(Boolean);
  for (const a of areas) if (!known.has(a)) throw new Error(`Unknown issue area in README: ${a}`);
  return areas as IssueArea[];
}

/** README text with every marked table regenerated; also the areas the markers name. */
export function regenerateReadme(readme: string): { text: string; areas: IssueArea[] } {
  const areas: IssueArea[] = [];
  const text = readme.replace(BLOCK, (_all, open: string, spec: string, close: string) => {
    const listed = parseAreas(spec);
    areas.push(...listed);
    return `${open}${issueCodesTable(listed)}${close}`;
  });
  return { text, areas };
}

if (require.main === module) {
  // npm runs scripts in the package's root.
  const file = path.resolve(process.argv[2] ?? 'README.md');
  const before = readFileSync(file, 'utf8');
  const { text } = regenerateReadme(before);
  if (text !== before) writeFileSync(file, text);
  console.log(text === before ? `${file}: up to date` : `${file}: code tables rewritten`);
}
