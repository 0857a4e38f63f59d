import { describe, expect, it } from 'vitest';
import { benchGroupRound } from '../../src/bench/group-round.js';

describe('benchGroupRound', () => {
  it('has every respondent press Take part and answer nine questions, and closes the round it measured', async () => {
    const result = await benchGroupRound(6);
    // Six at once, each with ten clicks; the warm-up respondents are counted apart.
    expect(result.respondents).toBe(6);
    expect(result.step.count).toBe(60);
    expect(result.stepAlone.count).toBe(200);
    expect(result.invitationUpdates).toBeGreaterThan(0);
    expect(result.collateMs).toBeGreaterThanOrEqual(0);
  }, 60_000);
});
