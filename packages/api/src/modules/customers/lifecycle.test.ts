import { describe, expect, it } from 'vitest';
import { canMove, CustomerStage, isChurn, refusalOf, STAGE_ACTIONS, STAGES, timeInStages, TRANSITIONS } from './lifecycle.js';

const S = CustomerStage;

/** SPEC §3's transitions, written out as the list of allowed pairs, independently of the table. */
const ALLOWED = new Set([
  'PROSPECT>LEAD', 'LEAD>QUALIFIED', 'QUALIFIED>PROPOSAL', 'PROPOSAL>NEGOTIATION', 'NEGOTIATION>CLOSED_WON',
  'PROSPECT>CHURNED', 'LEAD>CHURNED', 'QUALIFIED>CHURNED', 'PROPOSAL>CHURNED', 'NEGOTIATION>CHURNED',
  'CLOSED_WON>ONBOARDING', 'ONBOARDING>ACTIVE',
  'ACTIVE>EXPANSION', 'EXPANSION>ACTIVE',
  'ACTIVE>AT_RISK', 'EXPANSION>AT_RISK',
  'AT_RISK>ACTIVE', 'AT_RISK>CHURNED',
  'CHURNED>REACTIVATION',
  'REACTIVATION>ONBOARDING', 'REACTIVATION>ACTIVE',
]);

describe('lifecycle transition table', () => {
  it('has the 12 stages in order', () => {
    expect(STAGES).toEqual(['PROSPECT', 'LEAD', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'ONBOARDING', 'ACTIVE', 'EXPANSION', 'AT_RISK', 'CHURNED', 'REACTIVATION']);
  });

  for (const from of Object.values(S)) {
    for (const to of Object.values(S)) {
      const allowed = ALLOWED.has(`${from}>${to}`);
      it(`${from} → ${to}: ${allowed ? 'allowed' : 'refused'}`, () => {
        expect(canMove(from, to)).toBe(allowed);
        const refusal = refusalOf(from, to);
        if (allowed) expect(refusal).toBeNull();
        else expect(refusal).toMatch(from === to ? /already in/ : new RegExp(`cannot move from ${from} to ${to}; from ${from} it may move to`));
      });
    }
  }

  it('names the allowed stages in the refusal', () => {
    expect(refusalOf(S.CLOSED_WON, S.ACTIVE)).toBe('A customer cannot move from CLOSED_WON to ACTIVE; from CLOSED_WON it may move to ONBOARDING');
    expect(TRANSITIONS[S.AT_RISK]).toEqual([S.ACTIVE, S.CHURNED]);
  });

  it('counts a churn only from a signed customer, not a lost deal', () => {
    expect(isChurn(S.AT_RISK, S.CHURNED)).toBe(true);
    expect(isChurn(S.NEGOTIATION, S.CHURNED)).toBe(false);
    expect(isChurn(null, S.CHURNED)).toBe(false);
    expect(isChurn(S.ACTIVE, S.AT_RISK)).toBe(false);
  });

  it('gives the six stages of SPEC §3 their actions', () => {
    expect(Object.keys(STAGE_ACTIONS).sort()).toEqual(['ACTIVE', 'AT_RISK', 'CHURNED', 'CLOSED_WON', 'PROSPECT', 'QUALIFIED']);
    expect(STAGE_ACTIONS[S.CHURNED]!.map((a) => a.type)).toEqual(['EXIT_SURVEY', 'WIN_BACK']);
  });
});

describe('time in stages', () => {
  const at = (day: number, hour = 0) => new Date(Date.UTC(2026, 0, 1 + day, hour));
  it('adds the visits of a stage and runs the current one until now', () => {
    const result = timeInStages(
      [
        { toStage: S.ACTIVE, at: at(0) },
        { toStage: S.AT_RISK, at: at(10) },
        { toStage: S.ACTIVE, at: at(12, 12) },
      ],
      at(20),
    );
    expect(result).toEqual([
      { stage: S.ACTIVE, seconds: (10 + 7.5) * 86_400, visits: 2 },
      { stage: S.AT_RISK, seconds: 2.5 * 86_400, visits: 1 },
    ]);
  });

  it('sorts its input by time and gives nothing for no transitions', () => {
    expect(timeInStages([{ toStage: S.LEAD, at: at(5) }, { toStage: S.PROSPECT, at: at(1) }], at(6))).toEqual([
      { stage: S.PROSPECT, seconds: 4 * 86_400, visits: 1 },
      { stage: S.LEAD, seconds: 86_400, visits: 1 },
    ]);
    expect(timeInStages([], at(1))).toEqual([]);
  });
});
