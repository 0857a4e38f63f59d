import { describe, expect, it } from 'vitest';
import { chat, harness, origin } from './fakes.js';

describe('NIACE quick check, full run as a transcript', () => {
  it('asks city, takes buttons, numbers and words, and posts a scored summary with a chart', async () => {
    const h = harness();
    const ana = chat(h.service, origin('U1'));

    await ana.assess('niace');
    expect(ana.text).toContain('which city, town or team');
    await ana.say('Leeds');
    expect(ana.text).toContain('Starting *NIACE Learning City Toolkit – quick check* for *Leeds*: 9 questions');
    expect(ana.text).toContain('Question 1 of 9 · Partnership');
    expect(ana.lastPrompt()?.kind).toBe('prompt');
    expect(ana.lastPrompt()?.choices?.map((c) => c.value)).toEqual([
      'assess:answer:0:q1', 'assess:answer:1:q1', 'assess:answer:2:q1', 'assess:answer:3:q1', 'assess:skip:q1', 'assess:stop',
    ]);

    await ana.say('3');
    expect(ana.text).toContain('Noted: 3 Cycles of learning.');
    expect(ana.text).toContain('Question 2 of 9');
    await ana.pressLabel('2 Towards');
    expect(ana.text).toContain('Question 3 of 9');
    expect(ana.lastPrompt()?.choices?.map((c) => c.label)).toContain('Back');
    await ana.say('getting organised');
    expect(ana.text).toContain('Question 4 of 9 · Participation');
    await ana.say('Developing');
    await ana.pressLabel('Skip');
    expect(ana.text).toContain('Skipped question 5.');
    await ana.say('not yet');
    expect(ana.text).toContain('Noted: 0 Not yet.');
    expect(ana.text).toContain('Question 7 of 9 · Performance');
    await ana.say('Cycles of learning');
    await ana.say('two');
    expect(ana.text).toContain('Question 9 of 9');
    const done = await ana.say('level 1');

    expect(done).toHaveLength(1);
    const summary = done?.[0];
    expect(summary?.kind).toBe('summary');
    // On the 0-3 scale each answer counts value / 3. Partnership 3,2,1 -> 6/9 = 66.7; Participation 2,skip,0 -> 2/6 = 33.3;
    // Performance 3,2,1 -> 66.7; overall (6 + 2 + 6) / (8 answered * 3) = 58.3 (shown 58%).
    expect(summary?.text).toContain('5 March 2025 · overall *58%* (8 of 9 questions answered)');
    expect(summary?.text).toContain('Partnership    ███████░░░  67%');
    expect(summary?.text).toContain('Participation  ███░░░░░░░  33% · 2 of 3 answered');
    // Two areas share the top score of 67%: both are named.
    expect(summary?.text).toContain('*Strengths:* Partnership 67%, Performance 67%');
    expect(summary?.text).toContain('• *Participation* 33% (2 of 3 answered)');
    expect(summary?.text).toContain('Related reading: Building learning cities: a pragmatic approach to promote lifelong learning (001_0400cab1f254837c.txt) says “Learning festivals as a way of broadcasting');
    expect(summary?.text).not.toContain('Source:');
    expect(summary?.text).toContain('Scale: 0 Not yet · 1 Getting organised · 2 Towards a shared understanding · 3 Cycles of learning. Scoring: only Not yet counts 0%; 1 counts 33%, 2 counts 67%, 3 counts 100%.');
    expect(summary?.citations).toBeUndefined();
    expect(summary?.chart).toMatchObject({ filename: 'assessment-niace-quick-leeds.png' });
    expect(summary?.chart?.alt).toContain('Participation 33%');
    expect(ana.chart).toEqual({
      title: 'NIACE Learning City Toolkit – quick check: Leeds',
      subtitle: '5 March 2025 · overall 58% · 8 of 9 answered',
      components: [
        { label: 'Partnership', percent: 66.7 },
        { label: 'Participation', percent: 33.3, note: '2 of 3 answered' },
        { label: 'Performance', percent: 66.7 },
      ],
    });

    expect(h.results.saved).toHaveLength(1);
    expect(h.results.saved[0]).toMatchObject({
      id: 'r1', workspace: 'slack:T1', platform: 'slack', channelId: 'C1', userId: 'U1', city: 'Leeds',
      frameworkId: 'niace-quick', overallPercent: 58.3,
      answers: {
        'partnership-body': 3, 'partnership-strategy': 2, 'partnership-review': 1,
        'participation-voice': 2, 'participation-reach': null, 'participation-civic': 0,
        'performance-internal': 3, 'performance-benchmark': 2, 'performance-added-value': 1,
      },
    });
    expect(await h.service.hasActive(origin('U1'))).toBe(false);
    expect(h.sessions.rows.size).toBe(0);
  });
});
