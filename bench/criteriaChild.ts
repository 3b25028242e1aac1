/**
 * Child process of the criteria benchmark: runs the real command, `shnor-roadmap criteria
 * ВХОД.xlsx --out ВЫХОД.xlsx`, with its report thrown away, and prints its own peak RSS and the
 * size of the input as JSON on the last line, so the parent measures this run alone.
 */
import { main } from '../src/cli/main';

async function run(input: string, output: string): Promise<void> {
  let printed = 0;
  const code = await main(['criteria', input, '--out', output], {
    out: (t) => (printed += t.length),
    err: (t) => process.stderr.write(`${t}\n`),
    cwd: process.cwd(),
    today: '2024-09-01',
  });
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ code, maxRssMb, printed })}\n`);
}

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  process.stderr.write('Использование: node criteriaChild.js ВХОД.xlsx ВЫХОД.xlsx\n');
  process.exit(2);
}
run(input, output).catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
