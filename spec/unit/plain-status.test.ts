/**
 * The status of an instance owed at a crossing has one rule, shared by the in-memory report and the SQL report:
 * met once reached, else missed once the window is over, else pending.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { plainStatus } from '../../src/evaluation/plain-status';

describe('plainStatus', () => {
  it('is met when reached, whether or not the window is over', () => {
    expect(plainStatus(true, false)).toBe('met');
    expect(plainStatus(true, true)).toBe('met');
  });

  it('is missed when not reached and the window is over, pending before', () => {
    expect(plainStatus(false, true)).toBe('missed');
    expect(plainStatus(false, false)).toBe('pending');
  });

  it('is written once: neither engine spells the rule itself', () => {
    const src = join(__dirname, '..', '..', 'src');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.ts') ? [join(dir, f)] : []));
    const writers = files(src).filter((f) => /'missed'\s*:\s*'pending'/.test(readFileSync(f, 'utf8')));
    expect(writers.map((f) => f.slice(src.length + 1))).toEqual(['evaluation/plain-status.ts']);
  });
});
