/**
 * The guard script: plain ES5 (Internet Explorer 11 must parse it), sends old engines to
 * guard.html and leaves modern ones alone; the pages load it before anything else.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { runInNewContext } from 'vm';
import { parse } from 'acorn';

const ROOT = join(__dirname, '..', '..');
const source = readFileSync(join(ROOT, 'src', 'guard', 'guard.js'), 'utf8');

const IE11 = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; rv:11.0) like Gecko';
const EDGE_HTML =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045';
const WEBVIEW2 =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0';

function runGuard(userAgent: string, modern: boolean, documentMode?: number): string[] {
  const redirects: string[] = [];
  const window = {
    navigator: { userAgent },
    location: { replace: (url: string) => redirects.push(url) },
    Promise: modern ? Promise : undefined,
    fetch: modern ? () => undefined : undefined,
  };
  const objectCtor = modern ? Object : { ...Object, fromEntries: undefined };
  const arrayCtor = modern ? Array : { prototype: {} };
  runInNewContext(source, {
    window,
    document: { documentMode },
    Object: objectCtor,
    Array: arrayCtor,
  });
  return redirects;
}

describe('guard.js', () => {
  it('is ES5 that Internet Explorer 11 can parse', () => {
    expect(() => parse(source, { ecmaVersion: 5 })).not.toThrow();
  });

  it('sends Internet Explorer 11, EdgeHTML and engines without modern features to guard.html', () => {
    expect(runGuard(IE11, false, 11)).toEqual(['guard.html?engine=ie11']);
    expect(runGuard(EDGE_HTML, true)).toEqual(['guard.html?engine=edgehtml']);
    expect(runGuard('Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 Safari/605.1.15', false)).toEqual(
      ['guard.html?engine=old'],
    );
  });

  it('leaves WebView2 and current browsers alone', () => {
    expect(runGuard(WEBVIEW2, true)).toEqual([]);
  });
});

describe('pages', () => {
  it('guard.html explains in Russian which Office versions and what to do, without any script', () => {
    const html = readFileSync(join(ROOT, 'src', 'guard', 'guard.html'), 'utf8');
    expect(html).not.toMatch(/<script/i);
    for (const text of [
      'Internet Explorer 11',
      'Office 2016',
      'Office 2019',
      'WebView2',
      'Excel в Интернете',
      'Microsoft 365',
    ])
      expect(html).toContain(text);
  });

  it('every page has a CSP and no inline script; the pane runs the guard before office.js', () => {
    for (const page of [
      'src/taskpane/taskpane.html',
      'src/commands/commands.html',
      'src/commands/notice.html',
    ]) {
      const html = readFileSync(join(ROOT, page), 'utf8');
      expect(html).toContain('http-equiv="Content-Security-Policy"');
      for (const tag of html.match(/<script[^>]*>[^<]*<\/script>/g) ?? [])
        expect(tag).toMatch(/<script src="[^"]+"><\/script>/);
    }
    const pane = readFileSync(join(ROOT, 'src/taskpane/taskpane.html'), 'utf8');
    expect(pane.indexOf('src="guard.js"')).toBeGreaterThan(0);
    expect(pane.indexOf('src="guard.js"')).toBeLessThan(pane.indexOf('officeJs'));
  });
});
