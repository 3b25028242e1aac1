/**
 * The add-in manifest, checked offline (npm run validate sends it to Microsoft's service):
 * well-formed XML, resources defined and within their limits, one custom tab with the agreed
 * groups and buttons, HTTPS everywhere, icons present at the sizes they claim.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { parseStringPromise } from 'xml2js';

const ROOT = join(__dirname, '..', '..');
const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

/** Walks xml2js output (explicitArray) into a plain tree of named nodes. */
function toTree(name: string, raw: unknown): XmlNode {
  const node: XmlNode = { name, attrs: {}, children: [] };
  if (typeof raw !== 'object' || raw === null) return node;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === '$') node.attrs = value as Record<string, string>;
    else if (key !== '_')
      for (const child of value as unknown[]) node.children.push(toTree(key, child));
  }
  return node;
}

function all(node: XmlNode, name?: string): XmlNode[] {
  const found: XmlNode[] = [];
  const walk = (n: XmlNode) => {
    if (!name || n.name === name) found.push(n);
    n.children.forEach(walk);
  };
  walk(node);
  return found;
}

async function manifest(): Promise<XmlNode> {
  const parsed = (await parseStringPromise(xml, { strict: true })) as Record<string, unknown>;
  return toTree('OfficeApp', parsed.OfficeApp);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const data = readFileSync(file);
  expect(data.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect(data.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** dist/addin/assets/x.png is served from assets/x.png. */
function assetFile(url: string): string {
  const path = new URL(url).pathname;
  expect(path.startsWith('/assets/')).toBe(true);
  return join(ROOT, path.slice(1));
}

describe('manifest.xml', () => {
  it('is well-formed XML and a task pane add-in for workbooks, Russian by default', async () => {
    const root = await manifest();
    expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(xml).toMatch(/<DefaultLocale>ru-RU<\/DefaultLocale>/);
    expect(xml).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(all(root, 'Host').map((h) => h.attrs.Name ?? h.attrs['xsi:type'])).toEqual([
      'Workbook',
      'Workbook',
    ]);
    expect(all(root, 'VersionOverrides')[0]?.attrs['xsi:type']).toBe('VersionOverridesV1_0');
    expect(all(root, 'Id')[0]).toBeDefined();
    expect(xml).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
  });

  it('defines every resource it refers to, each used, with ids of at most 32 characters', async () => {
    const root = await manifest();
    const defined = new Map<string, XmlNode>();
    for (const kind of ['bt:Image', 'bt:Url', 'bt:String'])
      for (const node of all(root, kind).filter((n) => n.attrs.id !== undefined)) {
        const id = node.attrs.id!;
        expect(defined.has(id)).toBe(false);
        expect(id.length).toBeLessThanOrEqual(32);
        expect(node.attrs.DefaultValue).toBeDefined();
        defined.set(id, node);
      }
    expect(defined.size).toBeGreaterThan(30);
    const used = new Set(all(root).flatMap((n) => (n.attrs.resid ? [n.attrs.resid] : [])));
    for (const id of used) expect(defined.has(id) ? id : `undefined resource ${id}`).toBe(id);
    for (const id of defined.keys()) expect(used.has(id) ? id : `unused resource ${id}`).toBe(id);
  });

  it('keeps labels within 125 and descriptions within 250 characters, with en-US overrides', async () => {
    const root = await manifest();
    const short = all(root, 'bt:ShortStrings').flatMap((n) => all(n, 'bt:String'));
    const long = all(root, 'bt:LongStrings').flatMap((n) => all(n, 'bt:String'));
    expect(short.length).toBeGreaterThan(0);
    expect(long.length).toBeGreaterThan(0);
    for (const [nodes, limit] of [
      [short, 125],
      [long, 250],
    ] as const)
      for (const node of nodes) {
        const override = all(node, 'bt:Override')[0];
        expect(override?.attrs.Locale).toBe('en-US');
        for (const text of [node.attrs.DefaultValue!, override!.attrs.Value!]) {
          expect(text.length).toBeGreaterThan(0);
          expect(text.length).toBeLessThanOrEqual(limit);
        }
        expect(node.attrs.DefaultValue).toMatch(/[А-Яа-яЁё]/);
      }
    const display = all(root, 'DisplayName')[0]!;
    const description = all(root, 'Description').find(
      (n) => n.attrs.DefaultValue !== undefined && !n.attrs.resid,
    )!;
    expect(display.attrs.DefaultValue!.length).toBeLessThanOrEqual(125);
    expect(description.attrs.DefaultValue!.length).toBeLessThanOrEqual(250);
    expect(all(display, 'Override')[0]?.attrs.Locale).toBe('en-US');
  });

  it('has exactly one custom tab «Дорожная карта» with the agreed groups and buttons', async () => {
    const root = await manifest();
    const tabs = all(root, 'CustomTab');
    expect(tabs).toHaveLength(1);
    const label = (n: XmlNode) => {
      const resid = n.children.find((c) => c.name === 'Label')!.attrs.resid!;
      return all(root, 'bt:String').find((s) => s.attrs.id === resid)!.attrs.DefaultValue;
    };
    expect(label(tabs[0]!)).toBe('Дорожная карта');
    const groups = tabs[0]!.children.filter((c) => c.name === 'Group');
    expect(groups.map(label)).toEqual(['Проверка', 'Расчёт', 'Отчёт', 'Справка']);
    const buttons = groups.map((g) =>
      g.children
        .filter((c) => c.name === 'Control')
        .map((c) => {
          const action = c.children.find((x) => x.name === 'Action')!;
          return `${label(c)}:${action.attrs['xsi:type']}`;
        }),
    );
    expect(buttons).toEqual([
      ['Проверить план:ShowTaskpane', 'Вставить шаблон:ExecuteFunction'],
      ['Критерии ШНОР:ShowTaskpane'],
      ['Отчёт по школам:ShowTaskpane'],
      ['Настройки:ShowTaskpane', 'Справка:ShowTaskpane'],
    ]);
    expect(xml).toMatch(/<FunctionName>insertTemplate<\/FunctionName>/);
  });

  it('opens the help view from «Справка», SupportUrl and LearnMoreUrl, and checks from «Проверить план»', async () => {
    const root = await manifest();
    const urls = new Map(all(root, 'bt:Url').map((n) => [n.attrs.id!, n.attrs.DefaultValue!]));
    const sourceOf = (controlId: string) => {
      const control = all(root, 'Control').find((c) => c.attrs.id === controlId)!;
      return urls.get(all(control, 'SourceLocation')[0]!.attrs.resid!)!;
    };
    expect(new URL(sourceOf('Shnor.Help')).searchParams.get('view')).toBe('help');
    const check = new URL(sourceOf('Shnor.CheckPlan')).searchParams;
    expect([check.get('view'), check.get('run')]).toEqual(['check', 'check']);
    expect(new URL(all(root, 'SupportUrl')[0]!.attrs.DefaultValue!).searchParams.get('view')).toBe(
      'help',
    );
    const learnMore = all(root, 'LearnMoreUrl')[0]!.attrs.resid!;
    expect(new URL(urls.get(learnMore)!).searchParams.get('view')).toBe('help');
  });

  it('points its comments at files that exist', () => {
    const comments = [...xml.matchAll(/<!--([\s\S]*?)-->/g)].map((m) => m[1]!).join(' ');
    const paths = [...comments.matchAll(/\b((?:docs|src|scripts|assets)\/[\w./-]*\w)/g)].map(
      (m) => m[1]!,
    );
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths)
      expect(existsSync(join(ROOT, path.replace(/\*\.png$/, ''))) ? path : `missing ${path}`).toBe(
        path,
      );
  });

  it('uses HTTPS for every URL', async () => {
    const root = await manifest();
    const urls = [
      ...all(root)
        .flatMap((n) => [n.attrs.DefaultValue, n.attrs.Value])
        .filter((v): v is string => v !== undefined && /^[a-z]+:\/\//i.test(v)),
      ...[...xml.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1]!),
    ];
    expect(urls.length).toBeGreaterThan(20);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  it('points every icon at a PNG of the size it claims, at every size Office asks for', async () => {
    const root = await manifest();
    const images = new Map(
      all(root, 'bt:Image')
        .filter((n) => n.attrs.DefaultValue)
        .map((n) => [n.attrs.id!, n.attrs.DefaultValue!]),
    );
    const refs = all(root, 'bt:Image').filter((n) => n.attrs.size);
    expect(refs.length).toBeGreaterThanOrEqual(30);
    for (const ref of refs) {
      const file = assetFile(images.get(ref.attrs.resid!)!);
      expect(existsSync(file)).toBe(true);
      const size = Number(ref.attrs.size);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    for (const control of all(root, 'Control')) {
      const sizes = all(control, 'bt:Image').map((i) => i.attrs.size);
      expect(sizes).toEqual(['16', '20', '24', '32', '40', '48', '64', '80']);
    }
    for (const group of all(root, 'Group')) {
      const icon = group.children.find((c) => c.name === 'Icon')!;
      expect(all(icon, 'bt:Image').map((i) => i.attrs.size)).toEqual(
        expect.arrayContaining(['16', '32', '80']),
      );
    }
    for (const [tag, size] of [
      ['IconUrl', 32],
      ['HighResolutionIconUrl', 64],
    ] as const) {
      const url = all(root, tag)[0]!.attrs.DefaultValue!;
      expect(pngSize(assetFile(url))).toEqual({ width: size, height: size });
    }
  });
});
