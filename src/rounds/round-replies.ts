import type { Choice, Reply } from '../core/replies.js';
import type { Framework } from '../assessment/framework-schema.js';
import { formatInZone } from '../reminders/time-zone.js';
import { escapeText } from '../core/markdown.js';
import type { GroupRound } from './round.js';

/** Button values of rounds: `group:<round id>:join`, or an assessment step's value after the round id. */
export const GROUP_PREFIX = 'group:';

export const joinValue = (roundId: string): string => `${GROUP_PREFIX}${roundId}:join`;

/** An assessment step's button (`assess:answer:2:q3`) as the same step in a round. */
export const stepValue = (roundId: string, assessValue: string): string => `${GROUP_PREFIX}${roundId}:${assessValue}`;

/** Reads a `group:*` value: the round and what was pressed; undefined when it is not one. */
export const parseGroupValue = (value: string): { roundId: string; action: string } | undefined => {
  const match = /^group:([a-z0-9]{1,12}):(.{1,80})$/.exec(value);
  return match === null ? undefined : { roundId: match[1] ?? '', action: match[2] ?? '' };
};

/** A private step: its buttons carry the round, its text is for the respondent alone. */
export const privateStep = (roundId: string, reply: Reply): Reply => ({
  ...reply,
  private: true,
  ...(reply.choices === undefined ? {} : { choices: reply.choices.map((choice): Choice => ({ ...choice, value: stepValue(roundId, choice.value) })) }),
});

export const privateNote = (text: string): Reply => ({ text, kind: 'info', private: true });

/**
 * The invitation posted in the channel: framework, city, deadline, the Take part button and how
 * many have answered. Never who, never what.
 */
export const invitationReply = (round: GroupRound, framework: Framework | undefined, respondents: number): Reply => {
  const name = framework?.name ?? round.frameworkId;
  const count = `*${respondents}* ${respondents === 1 ? 'person has' : 'people have'} answered so far.`;
  if (round.status === 'closed') {
    return {
      kind: 'info',
      text:
        respondents === 0
          ? `*City-wide assessment: ${escapeText(round.city)}* (${name})\nThis round closed with no respondents, so there is no summary.`
          : `*City-wide assessment: ${escapeText(round.city)}* (${name})\nThis round closed with ${respondents} respondent${respondents === 1 ? '' : 's'}; the collated summary is posted below.`,
    };
  }
  return {
    kind: 'info',
    text: [
      `*City-wide assessment: ${escapeText(round.city)}*`,
      `Framework: ${name}${framework === undefined ? '' : ` (${framework.components.length} areas, ${framework.components.reduce((n, c) => n + c.questions.length, 0)} questions)`}`,
      `Open until ${formatInZone(round.deadline, round.timeZone)} · round \`${round.id}\``,
      'Everyone here is invited to give their own view, privately. When the round closes the answers are collated into one city result: medians, spread and agreement, never anyone’s answers.',
      count,
    ].join('\n'),
    choices: [{ label: 'Take part', value: joinValue(round.id), style: 'primary' }],
  };
};
