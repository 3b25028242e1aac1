/**
 * The build settings: entries, output folder, office.js URL as a setting, the CSP built from it,
 * the ES5 guard compilation, and the manifest rewritten for a deployment address.
 */
import { join } from 'path';

type Config = {
  name: string;
  target: string[];
  entry: Record<string, string>;
  output: { path: string };
  plugins: Array<{
    userOptions?: Record<string, unknown>;
    patterns?: Array<{ from: string; transform?: (c: Buffer) => string }>;
  }>;
};

function build(env: Record<string, string | undefined>, mode = 'production'): Config[] {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  try {
    let configs: Config[] = [];
    jest.isolateModules(() => {
      const factory = jest.requireActual('../../webpack.config.js') as (
        env: unknown,
        argv: { mode: string },
      ) => Config[];
      configs = factory(undefined, { mode });
    });
    return configs;
  } finally {
    process.env = saved;
  }
}

function pages(config: Config): Array<Record<string, unknown>> {
  return config.plugins.flatMap((p) => (p.userOptions ? [p.userOptions] : []));
}

describe('webpack.config.js', () => {
  it('builds the pane, the commands, the notice and the ES5 guard into dist/addin', () => {
    const [addin, guard] = build({ OFFICE_JS_URL: undefined, ADDIN_BASE_URL: undefined });
    expect(Object.keys(addin!.entry)).toEqual(['taskpane', 'commands', 'notice']);
    expect(addin!.output.path).toBe(join(__dirname, '..', '..', 'dist', 'addin'));
    expect(guard!.target).toEqual(['web', 'es5']);
    expect(guard!.entry).toEqual({ guard: './src/guard/guard.js' });
    expect(guard!.output.path).toBe(addin!.output.path);
    expect(pages(addin!).map((p) => p.filename)).toEqual([
      'taskpane.html',
      'commands.html',
      'notice.html',
    ]);
  });

  it('loads office.js from Microsoft by default and allows only that origin besides its own for scripts', () => {
    const [addin] = build({ OFFICE_JS_URL: undefined });
    const page = pages(addin!)[0]!;
    expect(page.officeJs).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    const csp = String(page.csp);
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('takes a self-hosted office.js for closed networks', () => {
    const [addin] = build({ OFFICE_JS_URL: 'https://office.edu.local/js/office.js' });
    const page = pages(addin!)[0]!;
    expect(page.officeJs).toBe('https://office.edu.local/js/office.js');
    expect(String(page.csp)).toContain("script-src 'self' https://office.edu.local;");
  });

  it('rewrites the copied manifest for the deployment address', () => {
    const [addin] = build({ ADDIN_BASE_URL: 'https://addin.iro.example/shnor/' });
    const copy = addin!.plugins.find((p) => p.patterns)!;
    const manifest = copy.patterns!.find((p) => p.from === 'manifest.xml')!;
    const out = manifest.transform!(
      Buffer.from(
        '<a href="https://localhost:3000/taskpane.html"/><b src="https://localhost:3000/assets/icon-32.png"/>',
      ),
    );
    expect(out).toBe(
      '<a href="https://addin.iro.example/shnor/taskpane.html"/><b src="https://addin.iro.example/shnor/assets/icon-32.png"/>',
    );
  });
});
