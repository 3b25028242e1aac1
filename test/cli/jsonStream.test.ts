import fc from 'fast-check';
import { printJson, writeJson } from '../../src/cli/format/jsonStream';
import type { Io } from '../../src/cli/io';

const text = (c: Uint8Array) => Buffer.from(c).toString('utf8');

async function streamed(value: unknown, indent: number, depth?: number): Promise<string[]> {
  const chunks: string[] = [];
  await writeJson(value, (c) => void chunks.push(text(c)), indent, depth);
  return chunks;
}

const sample = {
  version: 1,
  skipped: undefined,
  fn: () => 1,
  date: new Date(Date.UTC(2024, 0, 2)),
  empty: [],
  none: {},
  list: [1, undefined, 'два', { a: [1, { b: 'в"\n' }], c: undefined }, [], {}],
  nested: { deep: { deeper: [{ x: null }] } },
  text: '«кавычки» \u2028 \\',
};

describe('writeJson', () => {
  it.each([0, 2, 4])('writes what JSON.stringify writes, indent %i', async (indent) => {
    for (const depth of [0, 1, 2, 5])
      expect((await streamed(sample, indent, depth)).join('')).toBe(
        JSON.stringify(sample, null, indent),
      );
  });

  it('agrees with JSON.stringify on any JSON value', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue(),
        fc.constantFrom(0, 2),
        fc.integer({ min: 0, max: 4 }),
        async (v, indent, depth) => {
          expect((await streamed(v, indent, depth)).join('')).toBe(JSON.stringify(v, null, indent));
        },
      ),
    );
  });

  it('writes a long list in chunks, none holding the whole', async () => {
    const big = { items: Array.from({ length: 20000 }, (_, i) => ({ i, name: `школа ${i}` })) };
    const chunks = await streamed(big, 2);
    const whole = JSON.stringify(big, null, 2);
    expect(chunks.join('')).toBe(whole);
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(whole.length / 5);
  });

  it('waits for the sink before writing on', async () => {
    const order: string[] = [];
    const big = { items: Array.from({ length: 20000 }, (_, i) => i * 1000) };
    await writeJson(
      big,
      async (c) => {
        order.push(`start ${c.byteLength}`);
        await new Promise((r) => setTimeout(r, 1));
        order.push('end');
      },
      2,
    );
    for (let i = 0; i < order.length; i += 2) {
      expect(order[i]).toMatch(/^start/);
      expect(order[i + 1]).toBe('end');
    }
  });

  it('printJson writes compact JSON and a newline through write, or gives out the whole text', async () => {
    const written: Uint8Array[] = [];
    const out: string[] = [];
    const io: Io = { out: (t) => out.push(t), err: () => undefined, cwd: '/', today: '2024-01-01' };
    await printJson({ ...io, write: async (c) => void written.push(c) }, sample);
    expect(text(Buffer.concat(written))).toBe(`${JSON.stringify(sample)}\n`);
    await printJson(io, sample);
    expect(out).toEqual([JSON.stringify(sample)]);
  });
});
