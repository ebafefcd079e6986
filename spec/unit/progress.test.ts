/** The progress line: only on a terminal, only after the delay, erased at the end. */
import { ProgressBar } from '../../src/node/progress';

function fakeTarget(isTTY: boolean): { isTTY: boolean; columns: number; out: string[]; write(t: string): void } {
  const out: string[] = [];
  return { isTTY, columns: 120, out, write: (t: string) => void out.push(t) };
}

describe('progress bar', () => {
  test('nothing when the target is not a terminal', () => {
    const target = fakeTarget(false);
    expect(ProgressBar.create({ totalBytes: 100, label: 'x', target })).toBeNull();
    expect(ProgressBar.create({ totalBytes: 100, label: 'x', target: fakeTarget(true), enabled: false })).toBeNull();
  });

  test('draws bytes, rows/s and ETA after the delay, then erases itself', () => {
    let now = 0;
    const target = fakeTarget(true);
    const bar = ProgressBar.create({ totalBytes: 200e6, label: 'sales.csv', target, delayMs: 1000, now: () => now });
    expect(bar).not.toBeNull();
    now = 500;
    bar!.update(10e6, 1000);
    expect(target.out).toEqual([]);
    now = 2000;
    bar!.setPhase('pass 1/2');
    bar!.update(50e6, 1_000_000);
    expect(target.out).toHaveLength(1);
    const line = target.out[0];
    expect(line.startsWith('\rsales.csv pass 1/2 [######..................]  25% 50 MB/200 MB 500k rows/s ETA 6s')).toBe(true);
    now = 2050;
    bar!.update(60e6, 1_100_000);
    expect(target.out).toHaveLength(1); // throttled
    bar!.done();
    expect(target.out[1]).toMatch(/^\r +\r$/);
  });

  test('a terminal that reports 0 columns gets a full line, not a 10-character stub', () => {
    let now = 0;
    const target = { ...fakeTarget(true), columns: 0 };
    const bar = ProgressBar.create({ totalBytes: 100, label: 'sales.csv', target, delayMs: 0, now: () => now });
    now = 1000;
    bar!.update(50, 10);
    expect(target.out[0]).toContain('ETA');
  });
});
