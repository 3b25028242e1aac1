import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { regenerateReadme } from '../../scripts/issue-codes';
import {
  ISSUE_AREAS,
  ISSUE_CATALOGUE,
  issueCatalogueByArea,
  issueDefinition,
  issueTitle,
} from '../../src/core/issueCatalogue';

const ROOT = path.resolve(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe('the catalogue of issue codes', () => {
  const codes = ISSUE_CATALOGUE.map((d) => d.code);

  it('has every code once, each with a Russian title, description and action', () => {
    expect(new Set(codes).size).toBe(codes.length);
    for (const d of ISSUE_CATALOGUE) {
      expect(d.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      for (const text of [d.title, d.description, d.action]) expect(text).toMatch(/[А-Яа-яЁё]/);
      expect(d.title).not.toMatch(/\.$/); // a title, not a sentence
      expect(d.description).toMatch(/[.)]$/);
      expect(d.action).toMatch(/\.$/);
    }
    const titles = ISSUE_CATALOGUE.map((d) => d.title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('lists the codes the README has always documented', () => {
    expect(codes).toEqual(
      expect.arrayContaining([
        'header-not-found',
        'missing-column',
        'deadline-outside-period',
        'undefined-abbreviation',
        'activity-overdue',
        'results-header-not-found',
        'results-sheet-skipped',
        'duplicate-result',
        'risk-factors-over-three',
        'unreadable-file',
      ]),
    );
  });

  it('has only codes some module raises: each code is quoted in src/ outside its declaration', () => {
    const text = sourceFiles(path.join(ROOT, 'src'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const unused = codes.filter((code) => {
      const quoted = text.split(`'${code}'`).length - 1;
      const declared = text.split(`'${code}': {`).length - 1;
      return quoted - declared < 1;
    });
    expect(unused).toEqual([]);
  });

  it('looks codes up, and says an unknown code as it is', () => {
    expect(issueTitle('missing-deadline')).toBe('Нет срока');
    expect(issueDefinition('missing-deadline')).toMatchObject({
      severity: 'error',
      area: 'plan-activities',
    });
    expect(issueTitle('no-such-code')).toBe('no-such-code');
    expect(issueDefinition('no-such-code')).toBeUndefined();
  });

  it('groups by area for the help view: every code in exactly one group, areas in order', () => {
    const groups = issueCatalogueByArea();
    expect(groups.flatMap((g) => g.issues.map((d) => d.code)).sort()).toEqual([...codes].sort());
    expect(groups.map((g) => g.area)).toEqual(ISSUE_AREAS.map((a) => a.area));
    for (const g of groups) {
      expect(g.title).toMatch(/[А-Я]/);
      const ranks = g.issues.map((d) => ['error', 'warning', 'info'].indexOf(d.severity));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
  });
});

describe('README.md', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const { text, areas } = regenerateReadme(readme);

  it('has the code tables the catalogue gives (run `npm run docs:codes` after changing a code)', () => {
    expect(readme).toBe(text);
  });

  it('documents every area exactly once', () => {
    expect([...areas].sort()).toEqual(ISSUE_AREAS.map((a) => a.area).sort());
  });
});
