'use strict';
// Preloaded with `node --require` by tests that cannot mount a small tmpfs (not root): writes into
// shnor-roadmap's temporary files (".NAME.shnor-PID-RANDOM.tmp") fail with ENOSPC, as on a full disk.
/* global require, process */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs = require('fs');

const TEMP = /\.shnor-\d+-[0-9a-f]{8}\.tmp$/;
const tempFds = new Set();

function enospc() {
  const e = new Error('ENOSPC: no space left on device, write');
  e.code = 'ENOSPC';
  e.errno = -28;
  e.syscall = 'write';
  return e;
}

const open = fs.open;
fs.open = function (file, ...rest) {
  const cb = rest[rest.length - 1];
  rest[rest.length - 1] = (err, fd) => {
    if (!err && TEMP.test(String(file))) tempFds.add(fd);
    cb(err, fd);
  };
  return open.call(this, file, ...rest);
};
for (const name of ['write', 'writev']) {
  const original = fs[name];
  fs[name] = function (fd, ...rest) {
    if (tempFds.has(fd)) return process.nextTick(rest[rest.length - 1], enospc());
    return original.call(this, fd, ...rest);
  };
}
const writeFile = fs.promises.writeFile;
fs.promises.writeFile = async function (file, ...rest) {
  if (TEMP.test(String(file))) throw enospc();
  return writeFile.call(this, file, ...rest);
};
