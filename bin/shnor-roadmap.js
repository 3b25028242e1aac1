#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled to dist/ by `npm run build:cli`.
const path = require('path');
const fs = require('fs');
const main = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write('Программа не собрана: выполните «npm run build:cli».\n');
  process.exit(2);
}
require(main).main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`Внутренняя ошибка: ${err && err.stack ? err.stack : err}\n`);
    process.exit(2);
  },
);
