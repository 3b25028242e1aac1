#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled to dist/ by `npm run build:cli`.
// It sets process.exitCode and never calls process.exit, so output still in a pipe's buffer
// (a large JSON read by `jq`, say) is written out in full before the process ends.
const path = require('path');
const fs = require('fs');
const main = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write('Программа не собрана: выполните «npm run build:cli».\n');
  process.exitCode = 2;
} else {
  // The reader of a pipe went away (`… | head`): stop quietly, as other command-line tools do.
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (err) => {
      if (err && err.code === 'EPIPE') process.exit(process.exitCode || 0);
      throw err;
    });
  const cli = require(main);
  cli.main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      const debug = process.argv.includes('--debug');
      process.stderr.write(`${cli.failureMessage(err, undefined, debug)}\n`);
      process.exitCode = 2;
    },
  );
}
