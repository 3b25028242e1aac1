/**
 * Builds the Excel add-in into dist/addin/ (npm run build:addin) and serves it for development
 * (npm run dev-server, port 3000).
 *
 * Build settings (environment variables):
 *   OFFICE_JS_URL   where the pages load office.js from. Default: Microsoft's CDN. Closed networks
 *                   copy office.js to their own server and point this at it.
 *   ADDIN_BASE_URL  the https address the add-in is served from in production. The copied
 *                   dist/addin/manifest.xml gets it in place of https://localhost:3000.
 *   DEV_CERTS_DIR   folder with localhost.crt, localhost.key (and ca.crt) for the dev server.
 *                   Default: ~/.office-addin-dev-certs (npx office-addin-dev-certs install).
 *                   Without certificates the dev server runs on plain http (fine for a browser and
 *                   the e2e tests, not for sideloading into Excel, which demands https).
 *
 * Two compilations: the add-in (task pane with React, function commands, the notice dialog) and
 * the guard, a hand-written ES5 script built without any transformation or polyfill, so Internet
 * Explorer 11 can run it and explain itself instead of showing a blank pane.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_BASE_URL = 'https://localhost:3000';
const OFFICE_JS_URL = process.env.OFFICE_JS_URL || 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const BASE_URL = (process.env.ADDIN_BASE_URL || DEV_BASE_URL).replace(/\/+$/, '');
const OUT = path.resolve(__dirname, 'dist', 'addin');
const PORT = 3000;

/** Content-Security-Policy for the pages: scripts only from here and office.js's origin, no inline script. */
function contentSecurityPolicy(dev) {
  const officeOrigin = new URL(OFFICE_JS_URL, BASE_URL).origin;
  const scripts = officeOrigin === new URL(BASE_URL).origin ? "'self'" : `'self' ${officeOrigin}`;
  const connect = dev ? `'self' ws://localhost:${PORT} wss://localhost:${PORT}` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    // Fluent UI (Griffel) inserts its styles at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    `frame-src 'self' ${officeOrigin}`,
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}

function devCertificates() {
  const dir = process.env.DEV_CERTS_DIR || path.join(os.homedir(), '.office-addin-dev-certs');
  const key = path.join(dir, 'localhost.key');
  const cert = path.join(dir, 'localhost.crt');
  if (!fs.existsSync(key) || !fs.existsSync(cert)) return null;
  const ca = path.join(dir, 'ca.crt');
  return { key: fs.readFileSync(key), cert: fs.readFileSync(cert), ...(fs.existsSync(ca) ? { ca: fs.readFileSync(ca) } : {}) };
}

function page(name, template, chunks, csp) {
  return new HtmlWebpackPlugin({
    filename: `${name}.html`,
    template,
    chunks,
    scriptLoading: 'defer',
    officeJs: OFFICE_JS_URL,
    csp,
  });
}

module.exports = (_env, argv = {}) => {
  const dev = argv.mode !== 'production';
  const csp = contentSecurityPolicy(dev);
  const certs = dev ? devCertificates() : null;
  if (dev && !certs)
    console.warn(
      `Сертификаты для https не найдены: сервер разработки работает по http://localhost:${PORT}. ` +
        'Для загрузки в Excel выполните npx office-addin-dev-certs install.',
    );

  const addin = {
    name: 'addin',
    mode: dev ? 'development' : 'production',
    target: ['web', 'es2017'],
    devtool: dev ? 'eval-source-map' : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      notice: './src/commands/notice.ts',
    },
    output: { path: OUT, filename: '[name].js', clean: { keep: /^guard\./ } },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              transpileOnly: true,
              // ES modules so webpack can drop what the pane does not use.
              compilerOptions: { module: 'es2020', moduleResolution: 'bundler', target: 'es2017', noEmit: false, sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      page('taskpane', './src/taskpane/taskpane.html', ['taskpane'], csp),
      page('commands', './src/commands/commands.html', ['commands'], csp),
      page('notice', './src/commands/notice.html', ['notice'], csp),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => content.toString().split(DEV_BASE_URL).join(BASE_URL),
          },
        ],
      }),
    ],
    performance: { hints: dev ? false : 'warning', maxEntrypointSize: 1024 * 1024, maxAssetSize: 1024 * 1024 },
    devServer: {
      port: PORT,
      server: certs ? { type: 'https', options: certs } : 'http',
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      liveReload: false,
      client: false,
    },
  };

  const guard = {
    name: 'guard',
    mode: dev ? 'development' : 'production',
    target: ['web', 'es5'],
    devtool: false,
    entry: { guard: './src/guard/guard.js' },
    output: { path: OUT, filename: '[name].js', iife: true },
    plugins: [new HtmlWebpackPlugin({ filename: 'guard.html', template: './src/guard/guard.html', inject: false, minify: false })],
  };

  return [addin, guard];
};
