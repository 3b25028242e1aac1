/**
 * The floor of reading a workbook, as a process like the CLI: unzip every XML part (Node's zlib)
 * and run one regular expression over it that finds every cell value and string. Nothing is
 * interpreted. Prints the number of values found.
 */
import { readFileSync } from 'fs';
import { ZipPackage } from '../src/xlsx/zipPackage';

const VALUE = /<(?:v|t)(?: [^>]*)?>([^<]*)<\//g;

const file = process.argv[2]!;
const pkg = ZipPackage.open(readFileSync(file), file);
let found = 0;
for (const name of pkg.names())
  if (name.endsWith('.xml'))
    for (const m of pkg.readText(name).matchAll(VALUE)) if (m[1] !== undefined) found++;
process.stdout.write(`${found}\n`);
