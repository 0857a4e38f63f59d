/**
 * Button values of the assessment flow. They travel through the platforms verbatim, so they stay
 * short (well under Discord's 100-character custom_id limit) and carry the question number where a
 * press on an old prompt could otherwise answer the wrong question.
 */
export const ASSESS_CHOICE_PREFIX = 'assess:';

/** A parsed `assess:*` button value. `position` is the 1-based question number the button belonged to. */
export type AssessChoice =
  | { type: 'answer'; value: number; position?: number }
  | { type: 'skip'; position?: number }
  | { type: 'back'; position?: number }
  | { type: 'stop' }
  | { type: 'cancel' }
  | { type: 'resume' }
  | { type: 'restart' }
  /** Yes to "discard this assessment?". */
  | { type: 'discard' }
  /** No to a confirmation: keep the assessment, record nothing. */
  | { type: 'keep' }
  | { type: 'framework'; frameworkId: string }
  | { type: 'begin'; frameworkId: string }
  | { type: 'suggested-city' };

const withPosition = (base: string, position: number | undefined): string =>
  position === undefined ? base : `${base}:q${position}`;

/** Builds the value of a button; the inverse of {@link parseAssessChoice}. */
export const assessChoiceValue = (choice: AssessChoice): string => {
  switch (choice.type) {
    case 'answer':
      return withPosition(`assess:answer:${choice.value}`, choice.position);
    case 'skip':
    case 'back':
      return withPosition(`assess:${choice.type}`, choice.position);
    case 'framework':
    case 'begin':
      return `assess:${choice.type}:${choice.frameworkId}`;
    case 'suggested-city':
      return 'assess:city:suggested';
    default:
      return `assess:${choice.type}`;
  }
};

const positionOf = (part: string | undefined): number | undefined | null => {
  if (part === undefined) return undefined;
  const match = /^q(\d{1,3})$/.exec(part);
  return match?.[1] === undefined ? null : Number(match[1]);
};

/** Parses an `assess:*` value; `undefined` for anything else, including malformed values. */
export const parseAssessChoice = (value: string): AssessChoice | undefined => {
  if (!value.startsWith(ASSESS_CHOICE_PREFIX) || value.length > 100) return undefined;
  const parts = value.split(':').slice(1);
  const [kind, first, second, extra] = parts;
  if (extra !== undefined) return undefined;
  switch (kind) {
    case 'answer': {
      if (first === undefined || !/^-?\d{1,3}$/.test(first)) return undefined;
      const position = positionOf(second);
      if (position === null) return undefined;
      return position === undefined ? { type: 'answer', value: Number(first) } : { type: 'answer', value: Number(first), position };
    }
    case 'skip':
    case 'back': {
      if (second !== undefined) return undefined;
      const position = positionOf(first);
      if (position === null) return undefined;
      return position === undefined ? { type: kind } : { type: kind, position };
    }
    case 'framework':
    case 'begin':
      return first !== undefined && /^[a-z0-9][a-z0-9-]{0,39}$/.test(first) && second === undefined
        ? { type: kind, frameworkId: first }
        : undefined;
    case 'city':
      return first === 'suggested' && second === undefined ? { type: 'suggested-city' } : undefined;
    case 'stop':
    case 'cancel':
    case 'resume':
    case 'restart':
    case 'discard':
    case 'keep':
      return first === undefined ? { type: kind } : undefined;
    default:
      return undefined;
  }
};
