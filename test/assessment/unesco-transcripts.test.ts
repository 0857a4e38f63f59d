import { describe, expect, it } from 'vitest';
import { chat, harness, origin } from './fakes.js';

describe('UNESCO frameworks, full runs as transcripts', () => {
  it('building blocks: 16 questions on a 0-3 scale with words, numbers, buttons, back and skip', async () => {
    const h = harness();
    const ana = chat(h.service, origin('U1', { platform: 'discord', workspaceId: 'G1', channelId: 'CH1' }));
    await ana.assess('building blocks for Cork');
    expect(ana.text).toContain('Question 1 of 16 · Political will and commitment');
    expect(ana.lastPrompt()?.choices?.map((c) => c.label)).toEqual(['0 Not yet', '1 Starting', '2 Developing', '3 Established', 'Skip', 'Stop']);
    await ana.say('established'); // bb-will-commitment 3
    await ana.say('not yet'); // bb-will-continuity 0
    await ana.say('back');
    expect(ana.text).toContain('Your earlier answer: 0 Not yet.');
    await ana.pressLabel('1 Starting'); // bb-will-continuity changed to 1
    expect(ana.text).toContain('Question 3 of 16 · Partnership and networking');
    await ana.say('developing'); // bb-partners-range 2
    await ana.say('2'); // bb-partners-links 2
    await ana.say('maybe?');
    expect(ana.text).toContain('Sorry, I did not catch that. Choose 0 (Not yet), 1 (Starting), 2 (Developing), 3 (Established), or skip, back, stop, cancel, or ask a question.');
    expect(ana.text).toContain('Question 5 of 16');
    // Thanks or a greeting mid-assessment is answered as such, and the question stays.
    await ana.say('thanks!');
    expect(ana.text).toContain('You’re welcome. Choose 0 (Not yet), 1 (Starting), 2 (Developing), 3 (Established), or skip, back, stop, cancel, or ask a question.');
    await ana.say('Hello');
    expect(ana.text).toContain('Hello! Choose 0 (Not yet)');
    expect(ana.text).toContain('Question 5 of 16');
    await ana.say('0'); // bb-needs-data 0
    await ana.say('zero'); // bb-needs-use 0
    for (let i = 0; i < 4; i++) await ana.say('skip'); // learning opportunities and learning organisations skipped
    await ana.say('1'); // bb-wealth-enterprise
    await ana.say('starting'); // bb-wealth-jobs
    await ana.say('3'); // bb-he-research
    await ana.say('3'); // bb-he-open
    await ana.say('2'); // bb-celebrate-festival
    await ana.say('partly'); // a vague word: confirmed before it counts
    expect(ana.text).toContain('You said “partly”. Do you mean *2 · Developing* for question 16? yes / no');
    const done = await ana.say('yes'); // bb-celebrate-recognition 2
    const summary = done?.[0];
    expect(summary?.kind).toBe('summary');
    // Political will (3 + 1) / 6 = 66.7; Partnership (2 + 2) / 6 = 66.7; Needs 0; Opportunities and Organisations null;
    // Wealth (1 + 1) / 6 = 33.3; Higher education 6 / 6 = 100; Celebrating (2 + 2) / 6 = 66.7.
    // Overall: 12 answered, (4 + 4 + 0 + 2 + 6 + 4) thirds = 20 / 36 = 55.6.
    expect(h.results.saved[0]).toMatchObject({ workspace: 'discord:G1', platform: 'discord', channelId: 'CH1', overallPercent: 55.6 });
    expect(h.results.saved[0]?.components.map((c) => c.percent)).toEqual([66.7, 66.7, 0, null, null, 33.3, 100, 66.7]);
    expect(summary?.text).toContain('overall *56%* (12 of 16 questions answered)');
    // Long labels move after the bar.
    expect(summary?.text).toContain('██████████ 100%  Involving higher education institutions');
    expect(summary?.text).toContain('_Not scored (all questions skipped): Increasing learning opportunities, All stakeholders as learning organisations._');
    // 6 scored -> 2 weaknesses (0 and 33.3); the strength is the top score alone, Higher education at 100%.
    expect(summary?.text).toContain('*Strengths:* Involving higher education institutions 100%\n');
    expect(summary?.text).toContain('• *Assessment of learning needs* 0%');
    expect(summary?.text).toContain('• *Promoting wealth creation and employability* 33%');
    expect(summary?.text).toContain('_Framework: How to build learning cities (presentation), UNESCO._');
  });

  it('key features: 24 questions across three tiers on a 0-4 scale', async () => {
    const h = harness();
    const ana = chat(h.service, origin('U1'));
    await ana.assess('key features for Leeds');
    expect(ana.text).toContain('Question 1 of 24 · Wider benefits › Individual empowerment and social cohesion');
    const words = ['not started', 'first steps', 'developing', 'established', 'embedded and reviewed', '2'];
    for (let i = 0; i < 12; i++) {
      if (i === 6) expect(ana.text).toContain('Question 7 of 24 · Major building blocks › Inclusive learning in the education system');
      await ana.say(words[i % words.length] ?? '2');
    }
    expect(ana.text).toContain('Question 13 of 24');
    await ana.say('stop');
    await ana.say('resume');
    expect(ana.text).toContain('Welcome back: 12 of 24 answered.');
    for (let i = 12; i < 24; i++) {
      if (i === 18) expect(ana.text).toContain('Question 19 of 24 · Fundamental conditions › Strong political will and commitment');
      await ana.press(`assess:answer:${i % 2 === 0 ? 4 : 3}:q${i + 1}`);
    }
    const summary = ana.replies?.[0];
    expect(summary?.kind).toBe('summary');
    // Questions 1-12 take values 0,1,2,3,4,2 twice: per area (0+1)/8 = 12.5, (2+3)/8 = 62.5, (4+2)/8 = 75, then again.
    // Questions 13-24 alternate 4, 3: each area (4 + 3) / 8 = 87.5.
    // Overall: (2 * (0+1+2+3+4+2) + 6 * (4+3)) / (24 * 4) = (24 + 42) / 96 = 68.75 -> 68.8.
    expect(h.results.saved[0]?.overallPercent).toBe(68.8);
    expect(h.results.saved[0]?.components.map((c) => c.percent)).toEqual([12.5, 62.5, 75, 12.5, 62.5, 75, 87.5, 87.5, 87.5, 87.5, 87.5, 87.5]);
    // 12 scored -> 3 weaknesses: 12.5, 12.5, 62.5 (framework order among ties); strengths beat 62.5.
    expect(summary?.text).toContain('• *Individual empowerment and social cohesion* 13%');
    expect(summary?.text).toContain('• *Inclusive learning in the education system* 13%');
    expect(summary?.text).toContain('• *Economic development and cultural prosperity* 63%');
    // Six areas share the top score of 88%: all are named.
    expect(summary?.text).toContain(
      '*Strengths:* Extended use of modern learning technologies 88%, Enhanced quality in learning 88%, A vibrant culture of learning throughout life 88%, Strong political will and commitment 88%, Governance and participation of all stakeholders 88%, Mobilisation and utilisation of resources 88%',
    );
    expect(ana.chart?.components).toHaveLength(12);
    expect(ana.chart?.groups).toEqual([
      { label: 'Wider benefits', percent: 50 }, { label: 'Major building blocks', percent: 68.8 }, { label: 'Fundamental conditions', percent: 87.5 },
    ]);
    expect(summary?.text).toContain('Wider benefits (tier subtotal) 50%');
  });
});
