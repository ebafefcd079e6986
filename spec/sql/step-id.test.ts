/**
 * The id of an increment's step instance is one formula: the query numbers the steps with stepIdSql and the report
 * looks them up with stepId. Both are checked against each other on each engine, in the query's integer type, at the
 * boundaries of both numbers (the first and last instance the evaluator plans, the first and last increment it follows).
 */
import { MAX_INCREMENTS } from '../../src/evaluation/increments';
import { MAX_MILESTONE_INSTANCES } from '../../src/evaluation/plan';
import { DIALECTS } from '../../src/sql/dialects';
import { stepId, stepIdSql } from '../../src/sql/increments';
import { ENGINES, useEngine } from './support/engines';

const IIDS = [0, 1, 2, MAX_MILESTONE_INSTANCES - 2, MAX_MILESTONE_INSTANCES - 1];
const KS = [1, 2, MAX_INCREMENTS - 1, MAX_INCREMENTS];

describe('step ids', () => {
  it('are negative and never shared: the last step of one instance is numbered above the first of the next', () => {
    for (const iid of IIDS) {
      expect(stepId(iid, 1)).toBeLessThan(0);
      expect(stepId(iid, MAX_INCREMENTS)).toBeGreaterThan(stepId(iid + 1, 1));
      expect(Number.isSafeInteger(stepId(iid, MAX_INCREMENTS))).toBe(true);
    }
  });
});

describe.each(ENGINES)('%s', (engineName) => {
  const engine = useEngine(engineName);

  it('numbers each step as stepId does', async () => {
    const integer = DIALECTS[engineName].integer;
    for (const iid of IIDS) {
      for (const k of KS) {
        const rows = await engine().query(`SELECT ${stepIdSql(`CAST(${iid} AS ${integer})`, `CAST(${k} AS ${integer})`)} AS id`, []);
        expect(Number(rows[0].id)).toBe(stepId(iid, k));
      }
    }
  });
});
