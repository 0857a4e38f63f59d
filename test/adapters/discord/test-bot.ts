import { conversationKey, workspaceKey, type Origin } from '../../../src/core/events.js';
import type { AnswerPort, AssessmentPort, KnowledgeAnswer } from '../../../src/core/ports.js';
import type { Reply } from '../../../src/core/replies.js';

/** A 1x1 PNG, enough for Discord to treat the attachment as an image. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Answers from a fixed table; unknown questions get "no answer"; `long` questions get 5,000+ characters. */
export class TableAnswers implements AnswerPort {
  readonly questions: string[] = [];

  answer(question: string): KnowledgeAnswer {
    this.questions.push(question);
    if (/boom/iu.test(question)) throw new Error('index file unreadable');
    if (/long/iu.test(question)) {
      const sentence = 'Learning cities mobilise resources across sectors to promote inclusive lifelong learning for everyone.';
      return {
        question,
        noAnswer: false,
        answer: Array.from({ length: 60 }, (_, i) => `${i + 1}. ${sentence}`).join(' '),
        sources: [{ source: 'gnlc-guidelines.md', title: 'GNLC Guidelines', passage: sentence, score: 3 }],
        suggestions: [],
      };
    }
    return {
      question,
      noAnswer: false,
      answer: 'A learning city promotes lifelong learning for all of its citizens.',
      sources: [
        { source: 'unesco-key-features.md', title: 'Key Features of Learning Cities', passage: '...', score: 5 },
        { source: 'beijing_declaration.md', title: 'Beijing Declaration', passage: '...', score: 2 },
      ],
      suggestions: [],
    };
  }

  topics(): string[] {
    return ['key features', 'monitoring'];
  }
}

interface Session {
  city: string;
  answers: Array<number | null>;
  origin: Origin;
}

const QUESTIONS = ['How broad is participation?', 'How well are partners coordinated?', 'How often is progress monitored?'];

/** Three questions, four levels and "skip"; the last answer gives a summary with a chart. */
export class ThreeQuestionAssessments implements AssessmentPort {
  readonly sessions = new Map<string, Session>();
  /** Every origin the port was called with, to check workspace separation. */
  readonly origins: Origin[] = [];
  readonly completed: Session[] = [];

  #key(origin: Origin): string {
    this.origins.push(origin);
    return `${conversationKey(origin)}|${origin.userId}`;
  }

  #prompt(session: Session): Reply {
    const index = session.answers.length;
    return {
      kind: 'prompt',
      text: `*Question ${index + 1} of ${QUESTIONS.length}* (${session.city}): ${QUESTIONS[index] ?? ''}`,
      choices: [
        ...[1, 2, 3, 4].map((level) => ({ label: `Level ${level}`, value: `assess:answer:${level}` })),
        { label: 'Skip', value: 'assess:skip' },
      ],
    };
  }

  async start(origin: Origin, args: string): Promise<Reply[]> {
    const city = /for (.+)$/u.exec(args)?.[1] ?? 'your city';
    const session: Session = { city, answers: [], origin };
    this.sessions.set(this.#key(origin), session);
    return [this.#prompt(session)];
  }

  async input(origin: Origin, input: { text: string } | { choice: string }): Promise<Reply[] | undefined> {
    const key = this.#key(origin);
    const session = this.sessions.get(key);
    if (!session) return undefined;
    const value = 'choice' in input ? input.choice : input.text;
    const level = /^assess:answer:(\d)$/u.exec(value)?.[1];
    if (level === undefined && value !== 'assess:skip') return [{ kind: 'error', text: `Pick a level (got ${value}).` }];
    session.answers.push(level === undefined ? null : Number(level));
    if (session.answers.length < QUESTIONS.length) return [this.#prompt(session)];
    this.sessions.delete(key);
    this.completed.push(session);
    const answered = session.answers.filter((a): a is number => a !== null);
    const percent = Math.round((answered.reduce((sum, a) => sum + a, 0) / (QUESTIONS.length * 4)) * 100);
    return [
      {
        kind: 'summary',
        text: `*Self-assessment for ${session.city}*: ${percent}% overall (${answered.length} of ${QUESTIONS.length} answered).`,
        image: { filename: 'chart.png', mimeType: 'image/png', data: new Uint8Array(PNG), alt: `Bar chart: ${percent}% overall` },
      },
    ];
  }

  async hasActive(origin: Origin): Promise<boolean> {
    return this.sessions.has(this.#key(origin));
  }

  frameworks(origin: Origin): Reply[] {
    return [{ kind: 'info', text: `Frameworks for ${workspaceKey(origin)}: *unesco-gnlc*` }];
  }

  async results(origin: Origin, city: string): Promise<Reply[]> {
    const rows = this.completed.filter((s) => workspaceKey(s.origin) === workspaceKey(origin) && (city === '' || s.city === city));
    return [{ kind: 'info', text: `${rows.length} result(s) for ${city || 'all cities'} in ${workspaceKey(origin)}` }];
  }

  async exportCsv(origin: Origin): Promise<Reply[]> {
    const lines = Array.from({ length: 150 }, (_, i) => `${workspaceKey(origin)},city-${i},2024-05-0${(i % 9) + 1},${i % 100}`);
    return [{ kind: 'info', text: `\`\`\`csv\nworkspace,city,date,percent\n${lines.join('\n')}\n\`\`\`` }];
  }
}
