import { z } from 'zod';

/** Short ids keep choice values (`assess:answer:2:q14`, `assess:framework:<id>`) well under 100 characters. */
const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1-40 characters: lower-case letters, digits and dashes');

const textSchema = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

/** Where a framework comes from; `seed` names the knowledge-base file it was built from, when there is one. */
export const frameworkSourceSchema = z.object({
  name: textSchema(200),
  publisher: textSchema(200),
  year: z.number().int().min(1900).max(2100).optional(),
  seed: z.string().regex(/^[\w.-]+$/, 'must be a plain file name').optional(),
  note: textSchema(500).optional(),
});

export const scaleLevelSchema = z.object({
  value: z.number().int().min(-100).max(100),
  label: textSchema(60),
  description: textSchema(300),
  /** Other words people use for this level ("developing", "not yet"); matched when typed. */
  aliases: z.array(textSchema(40)).max(12).optional(),
});

export const questionLevelSchema = z.object({
  value: z.number().int(),
  description: textSchema(300),
});

export const questionSchema = z.object({
  id: idSchema,
  text: textSchema(500),
  /** What each level means for this question; every level needs one, so no question borrows another's. */
  levels: z.array(questionLevelSchema),
});

export const componentSchema = z.object({
  id: idSchema,
  label: textSchema(60),
  description: textSchema(400),
  /** Optional grouping shown with the component, e.g. a tier of the UNESCO Key Features. */
  group: textSchema(60).optional(),
  questions: z.array(questionSchema).min(1).max(10),
});

const fileNameSchema = z.string().regex(/^[\w.-]+$/, 'must be a plain file name');

/**
 * A next step. `quote` is a span of the cited document, word for word. Without `text` the quote is
 * the step ("Source"); with `text` the step is the project's own advice and the quote is shown as
 * "Related reading", so no document is credited with words it does not contain.
 */
export const adviceStepSchema = z.object({
  text: textSchema(400).optional(),
  source: fileNameSchema,
  quote: textSchema(600),
});

const normalise = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** Label every framework's lowest level carries. */
const NOT_YET = 'not yet';

/**
 * One self-assessment framework as written in `knowledge/frameworks/*.yaml`. Cross-field rules
 * (unique ids, ascending scale, advice for every component) are checked here so a bad file is
 * reported with the path of the problem.
 */
export const frameworkSchema = z
  .object({
    id: idSchema,
    name: textSchema(120),
    description: textSchema(600),
    /** Extra names people may type after `assess`, e.g. `niace`. */
    aliases: z.array(textSchema(40)).max(12).optional(),
    source: frameworkSourceSchema,
    /** Title of every knowledge-base document the advice quotes, by original file name. */
    documents: z.record(fileNameSchema, textSchema(300)),
    scale: z.object({ levels: z.array(scaleLevelSchema).min(2).max(10) }),
    components: z.array(componentSchema).min(1).max(20),
    advice: z.record(idSchema, z.array(adviceStepSchema).min(1).max(2)),
  })
  .superRefine((framework, ctx) => {
    const levels = framework.scale.levels;
    levels.forEach((level, i) => {
      const previous = levels[i - 1];
      if (previous !== undefined && level.value <= previous.value) {
        ctx.addIssue({
          code: 'custom',
          path: ['scale', 'levels', i, 'value'],
          message: 'level values must be unique and ascending',
        });
      }
    });
    const words = new Map<string, number>();
    levels.forEach((level, i) => {
      for (const word of [level.label, ...(level.aliases ?? [])]) {
        const key = normalise(word);
        const owner = words.get(key);
        if (owner !== undefined && owner !== i) {
          ctx.addIssue({
            code: 'custom',
            path: ['scale', 'levels', i],
            message: `"${word}" names two levels, so a typed answer would be ambiguous`,
          });
        }
        words.set(key, i);
      }
    });
    if (levels[0] !== undefined && normalise(levels[0].label) !== NOT_YET) {
      ctx.addIssue({ code: 'custom', path: ['scale', 'levels', 0, 'label'], message: 'the lowest level must be "Not yet", which counts 0%' });
    }
    const values = new Set(levels.map((level) => level.value));
    const described = levels.map((level) => level.value);
    const componentIds = new Set<string>();
    const questionIds = new Set<string>();
    framework.components.forEach((component, c) => {
      if (componentIds.has(component.id)) {
        ctx.addIssue({ code: 'custom', path: ['components', c, 'id'], message: `duplicate component id "${component.id}"` });
      }
      componentIds.add(component.id);
      component.questions.forEach((question, q) => {
        if (questionIds.has(question.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['components', c, 'questions', q, 'id'],
            message: `duplicate question id "${question.id}"`,
          });
        }
        questionIds.add(question.id);
        const own = new Set(question.levels.map((level) => level.value));
        const missing = described.filter((value) => !own.has(value));
        if (missing.length > 0) {
          ctx.addIssue({
            code: 'custom',
            path: ['components', c, 'questions', q, 'levels'],
            message: `needs a description for level ${missing.join(', ')}`,
          });
        }
        question.levels.forEach((level, l) => {
          if (!values.has(level.value)) {
            ctx.addIssue({
              code: 'custom',
              path: ['components', c, 'questions', q, 'levels', l, 'value'],
              message: `${level.value} is not a value of the scale`,
            });
          }
        });
      });
      if (framework.advice[component.id] === undefined) {
        ctx.addIssue({ code: 'custom', path: ['advice', component.id], message: 'every component needs 1-2 next steps' });
      }
    });
    for (const [key, steps] of Object.entries(framework.advice)) {
      if (!componentIds.has(key)) {
        ctx.addIssue({ code: 'custom', path: ['advice', key], message: `"${key}" is not a component id` });
      }
      steps.forEach((step, i) => {
        if (framework.documents[step.source] === undefined) {
          ctx.addIssue({ code: 'custom', path: ['advice', key, i, 'source'], message: `"${step.source}" is not listed under documents` });
        }
      });
    }
  });

/** A validated framework. */
export type Framework = z.infer<typeof frameworkSchema>;
export type FrameworkComponent = z.infer<typeof componentSchema>;
export type FrameworkQuestion = z.infer<typeof questionSchema>;
export type ScaleLevel = z.infer<typeof scaleLevelSchema>;
export type AdviceStep = z.infer<typeof adviceStepSchema>;

/** A question with the component it belongs to and its 0-based position in the whole framework. */
export interface FlatQuestion {
  question: FrameworkQuestion;
  component: FrameworkComponent;
  index: number;
}

/** Questions in the order they are asked. */
export const flattenQuestions = (framework: Framework): FlatQuestion[] =>
  framework.components.flatMap((component) => component.questions.map((question) => ({ question, component }))).map(
    (entry, index) => ({ ...entry, index }),
  );

/** Lowest and highest scale values. */
export const scaleRange = (framework: Framework): { min: number; max: number } => {
  const values = framework.scale.levels.map((level) => level.value);
  return { min: Math.min(...values), max: Math.max(...values) };
};
