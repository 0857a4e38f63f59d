import { answerQuestion, answerReply, feedbackKeyFor } from './ask.js';
import { drawCharts } from './charts.js';
import { DatabaseGoneError, StorageUnavailableError, errorMessage } from './errors.js';
import { conversationKey, workspaceKey, type BotEvent, type IncomingFile, type Origin } from './events.js';
import { cleanInput, parseIntent, MAX_INPUT_CHARS, type Intent } from './intents.js';
import {
  silentLogger,
  systemClock,
  type AnswerPort,
  type AssessmentPort,
  type ChartRenderer,
  type ChatBot,
  type Clock,
  type DocumentPort,
  type FeedbackStore,
  type GroupRoundPort,
  type KnowledgeAnswer,
  type Logger,
  type PrivacyPort,
  type ReminderPort,
} from './ports.js';
import { RecentQuestions } from './recent-questions.js';
import { SMALL_TALK_REPLIES, isMoreRequest, smallTalk, withoutOpening } from './small-talk.js';
import { textReply, type Reply } from './replies.js';
import { codeSpan, escapeText } from './markdown.js';

export interface BotDeps {
  answers: AnswerPort;
  assessments?: AssessmentPort;
  feedback?: FeedbackStore;
  reminders?: ReminderPort;
  /** `forget me`, `delete workspace data` and the rest of `export`. */
  privacy?: PrivacyPort;
  /** The documents each workspace adds from chat; without it those commands say they are not set up. */
  documents?: DocumentPort;
  /** City-wide rounds: `assess … as a group`, `close round` and their buttons. */
  rounds?: GroupRoundPort;
  /** Draws the charts replies ask for; without one, charts are left out and their text still goes. */
  charts?: ChartRenderer;
  logger?: Logger;
  clock?: Clock;
}

/** Said when a write finds the database file gone: this answer is lost, and so is the process. */
export const DATABASE_GONE_TEXT =
  'Sorry, that could not be saved: the bot’s database file was deleted or replaced while it was running, so nothing can be kept now. The bot is stopping so it can be restarted; please let whoever runs it know.';

/** Said when the database cannot be reached: nothing of this message was kept, nothing before it lost. */
export const STORAGE_UNAVAILABLE_TEXT =
  'Sorry, that could not be saved just now: the bot’s database cannot be reached. Nothing you saved before is lost; please try again shortly.';

/** Typed answers to a round's questions are short ("2", "skip", "towards a shared understanding"). */
const ROUND_ANSWER_MAX_CHARS = 60;

const FEEDBACK_PATTERN = /^feedback:(up|down):([\w-]{1,80})$/u;

export { answerReply, feedbackKeyFor } from './ask.js';

/** `more` with no question before it in the conversation. */
export const NOTHING_BEFORE_MORE = 'Ask a question first: `more` then shows what else the documents say about it.';

/** What an empty message gets: one line, not the whole help. */
export const EMPTY_LINE_REPLY = 'Type `help` to see what I can do, or just ask a question.';

/** What a file sent with no words gets: how to add it. */
export const FILE_WITHOUT_COMMAND =
  'To add that file to this workspace’s documents, send it again with the words `add document` (coordinators only). Type `help` to see what else I can do.';

/** The help text: what the bot does and the commands it takes. */
export const helpReply = (topics: string[], hasAssessments: boolean): Reply => {
  const lines = [
    '*Learning-city bot*: I answer questions from our learning-city documents, with their sources.',
    '',
    '• Ask a question in plain words, or `ask <question>`; `more` shows what else the documents say about it',
  ];
  if (hasAssessments) {
    lines.push(
      '• `assess [framework] [for <city>]` runs a self-assessment, one question at a time',
      '• `frameworks` lists the assessment frameworks',
      '• `results [city]` shows a city’s results over time',
      '• `export` gives everything stored for this workspace as CSV files (results, assessments in progress, reminders, feedback)',
      '• `assess niace for Leeds as a group until Friday 17:00` opens a city-wide round (coordinators): everyone answers privately, the bot posts the collated result; `close round` closes it early',
      '• During an assessment: a level number or name, `skip`, `back`, `question <n>`, `progress`, `stop` (resume later), `cancel`, or ask a question',
    );
  }
  lines.push('• `reminders` lists progress reminders; `remind help` shows how coordinators set them up');
  lines.push('• `forget me` deletes what I keep about you here (after you confirm)');
  lines.push('• `delete workspace data` deletes everything I keep for this workspace (admins, after a typed confirmation)');
  lines.push('• `documents` lists this workspace’s own documents; coordinators add one with `add document` and a file attached, and remove one with `remove document <name>`');
  lines.push('• `help` shows this message');
  if (topics.length > 0) lines.push('', `Topics the documents cover: ${topics.join('; ')}.`);
  return textReply(lines.join('\n'));
};

/**
 * The platform-neutral bot: routes each event to questions, assessments or help and returns replies.
 * Any failure inside becomes a short apology; the error is logged, never thrown to the adapter.
 */
/** A line that is only a number such as `2`, `2.` or `(3)`. */
const LONE_NUMBER = /^\(?\d{1,3}[.)]?$/u;
export const NOTHING_TO_CHOOSE =
  'There is nothing to choose just now: a number answers a question only while an assessment or a choice is waiting. Ask a question in words, or type `help`.';

/** A step of an assessment ("skip", "back", "stop", "progress"…), typed on its own. */
const ASSESSMENT_STEP =
  /^(?:skip(?: it| this| question)?|pass|next|back|go back|previous(?: question)?|undo|resume|restart|start over|progress|status|where (?:was|am) i|(?:question|q) ?\d{1,3})$/u;
export const NO_ASSESSMENT_RUNNING =
  'No self-assessment is running here just now. Type `assess` to start one, or `results` to see the saved ones.';
/** "stop" or "cancel" with nothing running: it may be meant for one prompt or another, so the reply names none. */
const STOP_WORD = /^(?:stop|pause|cancel|abort|discard|quit|exit)$/u;
export const NOTHING_TO_STOP = 'There is nothing running here to stop or cancel. Type `help` to see what I can do.';

/** Commands after which a running assessment reminds that it is still open. */
const STILL_OPEN_AFTER: ReadonlySet<Intent['type']> = new Set(['ask', 'help', 'results', 'frameworks', 'export', 'reminders', 'documents', 'remove-document', 'group-round', 'close-round']);
export const STILL_OPEN = 'Your assessment here is still open: type the answer to its question, or `progress` to see where you are.';

/** A round's buttons that start or reopen one's run: `group:<round id>:join` and `:change`. */
const ROUND_RUN_BUTTON = /^group:[^:]+:(?:join|change)$/u;
export const FINISH_OWN_FIRST =
  'Your own assessment is under way in this conversation. Type `stop` to pause it (or finish it), then take part in the round: the answers you type go to one at a time.';

/** A typed line as a step word: lower case, without its closing punctuation. */
const stepWord = (raw: string): string => cleanInput(raw).toLowerCase().replace(/[.!?]+$/u, '').trim();

export const createBot = (deps: BotDeps): ChatBot => {
  const logger = deps.logger ?? silentLogger;
  const clock = deps.clock ?? systemClock;

  const recent = new RecentQuestions();

  /** The answer port, noting the passages each answer cites as shown for the conversation's question. */
  const noting = (conversation: string, answered: (answer: KnowledgeAnswer) => void = () => {}): AnswerPort => ({
    answer: (question, context) => {
      const answer = deps.answers.answer(question, context);
      const quoted = answer.sources[0];
      // Quoted only in part (a sentence or two of a longer passage): `more` shows the rest of it first.
      const partly = quoted !== undefined && answer.unquoted !== undefined ? { ...quoted, passage: answer.unquoted } : undefined;
      recent.markShown(conversation, answer.sources.map((source) => source.passage), partly);
      // A follow-up that kept its subject ("and who funds it?") passes that subject on to the next one.
      if (answer.leansOn !== undefined) recent.keepTopic(conversation, answer.leansOn);
      answered(answer);
      return answer;
    },
    topics: () => deps.answers.topics(),
  });

  /** `more`: the rest of the passage quoted last, then the next passages on the conversation's last question. */
  const more = (conversation: string, workspace: string, since: Date | undefined): Reply[] => {
    // During an assessment (started `since`) `more` goes on from a question asked in it, not from one before it.
    const last = recent.current(conversation, since);
    if (last === undefined) return [textReply(NOTHING_BEFORE_MORE)];
    const asked = escapeText(last.question.slice(0, 200));
    const lead = `More on “${asked}”:\n\n`;
    if (last.partly !== undefined) {
      const rest = last.partly;
      recent.markShown(conversation, []);
      const reply = answerReply({ question: last.question, noAnswer: false, confidence: 'high', answer: rest.passage, sources: [rest], suggestions: [] });
      return [{ ...reply, text: `${lead}${reply.text}` }];
    }
    let found: KnowledgeAnswer | undefined;
    const replies = answerQuestion(noting(conversation, (answer) => (found = answer)), last.question, { previous: last.previous, workspace, shown: [...last.shown] });
    if (found === undefined || found.noAnswer) {
      return [textReply(`That is all the documents say about “${asked}”. Ask another question, or type \`help\`.`)];
    }
    return replies.map((reply) => ({ ...reply, text: `${lead}${reply.text}` }));
  };

  /** `since`: the start of the assessment the question is asked in, if it is. */
  const ask = async (question: string, origin: Origin, since?: Date): Promise<Reply[]> => {
    // One user's side of one conversation: what `more` and follow-ups go on from.
    const conversation = `${conversationKey(origin)}:${origin.userId}`;
    const workspace = workspaceKey(origin);
    await deps.answers.prepare?.(workspace);
    if (isMoreRequest(question)) return more(conversation, workspace, since);
    // A short follow-up ("and who funds it?") leans on the conversation's previous question.
    const previous = recent.swap(conversation, question, clock.now(), since);
    const replies = answerQuestion(noting(conversation), question, { previous, workspace });
    logger.info({ question: question.slice(0, 200), key: feedbackKeyFor(question) }, 'answered');
    return replies;
  };

  const unavailable = (): Reply[] => [textReply('Self-assessments are not set up on this bot.', 'error')];
  const noPrivacy = (): Reply[] => [textReply('Deleting data is not set up on this bot; ask whoever runs it.', 'error')];

  const noDocuments = (): Reply[] => [textReply('Adding documents from chat is not set up on this bot.', 'error')];

  /** The user's own assessment here: none, paused, or under way (typed input is its, and no round's run starts beside it). */
  const ownAssessment = async (origin: Origin): Promise<'none' | 'paused' | 'running'> => {
    const assessments = deps.assessments;
    if (!assessments) return 'none';
    if (assessments.ownState) return assessments.ownState(origin);
    return (await assessments.hasActive(origin)) ? 'running' : 'none';
  };
  const ownAssessmentRunning = async (origin: Origin): Promise<boolean> => (await ownAssessment(origin)) === 'running';

  const route = async (intent: Intent, origin: Origin, raw: string, files: readonly IncomingFile[]): Promise<Reply[]> => {
    const assessments = deps.assessments;
    const typed = intent.type === 'ask' && !intent.explicit;
    const own = typed ? await ownAssessment(origin) : 'none';
    const active = own !== 'none';
    const running = own === 'running';
    const toAssessment = async (): Promise<Reply[] | undefined> =>
      // A line may be a question about the content, answered like every other question (`ask` prepares the workspace's documents).
      assessments?.input(origin, { text: cleanInput(raw) }, (question, since) => ask(withoutOpening(question), origin, since));
    // While an assessment runs, everything but an explicit command is an answer to it.
    if (running) {
      const replies = await toAssessment();
      if (replies) return replies;
    }
    // A respondent typing an answer to a round's question (short text only: questions go on as questions),
    // before a paused assessment of their own: "cancel" during a round's run is the round's.
    if (deps.rounds && typed && raw.length <= ROUND_ANSWER_MAX_CHARS) {
      const replies = await deps.rounds.input(origin, cleanInput(raw));
      if (replies) return replies;
    }
    if (active && !running) {
      const replies = await toAssessment();
      if (replies) return replies;
    }
    const replies = await command(intent, origin, raw, files);
    // A command typed in the middle of an assessment is answered; the assessment waits, and says so.
    if (STILL_OPEN_AFTER.has(intent.type) && (intent.type !== 'ask' || intent.explicit) && (await ownAssessmentRunning(origin))) {
      return [...replies, textReply(STILL_OPEN)];
    }
    return replies;
  };

  /** What a message asks for, once no assessment or round has taken it as an answer. */
  const command = async (intent: Intent, origin: Origin, raw: string, files: readonly IncomingFile[]): Promise<Reply[]> => {
    const assessments = deps.assessments;
    switch (intent.type) {
      case 'empty':
        return files.length > 0 ? [textReply(FILE_WITHOUT_COMMAND)] : [textReply(EMPTY_LINE_REPLY)];
      case 'help':
        return [helpReply(deps.answers.topics(), assessments !== undefined)];
      case 'ask': {
        // A bare number is someone picking a choice that is no longer waiting, not a question.
        if (!intent.explicit && LONE_NUMBER.test(intent.question)) return [textReply(NOTHING_TO_CHOOSE)];
        // "skip" or "stop" with nothing running is not a question about the documents.
        const word = intent.explicit ? '' : stepWord(raw);
        if (STOP_WORD.test(word)) return [textReply(NOTHING_TO_STOP)];
        if (assessments && ASSESSMENT_STEP.test(word)) return [textReply(NO_ASSESSMENT_RUNNING)];
        // "hello", "thanks", "ok" and "what can you do" are conversation: no passage answers them.
        const talk = intent.explicit ? undefined : smallTalk(intent.question);
        if (talk === 'about') return [helpReply(deps.answers.topics(), assessments !== undefined)];
        if (talk !== undefined) return [textReply(SMALL_TALK_REPLIES[talk])];
        const note =
          raw.length > MAX_INPUT_CHARS ? [textReply(`(I read only the first ${MAX_INPUT_CHARS} characters.)`)] : [];
        return [...(await ask(withoutOpening(intent.question), origin)), ...note];
      }
      case 'unknown-command': {
        const hint = intent.suggestion ? ` Did you mean \`${intent.suggestion}\`?` : '';
        return [textReply(`I don't know the command ${codeSpan(intent.command)}.${hint} Type \`help\` to see what I can do.`)];
      }
      case 'assess':
        return assessments ? assessments.start(origin, intent.args) : unavailable();
      case 'frameworks':
        return assessments ? assessments.frameworks(origin) : unavailable();
      case 'results':
        return assessments
          ? (await assessments.results(origin, intent.city)).map((reply) => (reply.kind === 'error' ? reply : { ...reply, shareable: true }))
          : unavailable();
      case 'export':
        if (!assessments && !deps.privacy) return unavailable();
        return [
          ...(assessments ? await assessments.exportCsv(origin) : []),
          ...(deps.privacy ? await deps.privacy.exportRest(origin) : []),
        ];
      case 'forget-me':
        return deps.privacy ? deps.privacy.forgetMe(origin) : noPrivacy();
      case 'delete-workspace':
        return deps.privacy ? deps.privacy.deleteWorkspace(origin) : noPrivacy();
      case 'delete-confirm':
        return deps.privacy ? deps.privacy.confirmDeleteWorkspace(origin, intent.typed) : noPrivacy();
      case 'group-round':
        return deps.rounds ? deps.rounds.start(origin, intent.args) : [textReply('City-wide rounds are not set up on this bot.', 'error')];
      case 'join-round':
        if (!deps.rounds) return [textReply('City-wide rounds are not set up on this bot.', 'error')];
        return (await ownAssessmentRunning(origin)) ? [textReply(FINISH_OWN_FIRST)] : deps.rounds.join(origin, intent.args);
      case 'close-round':
        return deps.rounds ? deps.rounds.close(origin, intent.args) : [textReply('City-wide rounds are not set up on this bot.', 'error')];
      case 'reminders':
        return deps.reminders
          ? deps.reminders.command(origin, intent.args)
          : [textReply('Reminders are not set up on this bot.', 'error')];
      case 'add-document':
        return deps.documents ? deps.documents.add(origin, files) : noDocuments();
      case 'documents':
        return deps.documents ? deps.documents.list(origin) : noDocuments();
      case 'remove-document':
        return deps.documents ? deps.documents.remove(origin, intent.name) : noDocuments();
    }
  };

  const choose = async (origin: Origin, value: string): Promise<Reply[]> => {
    const feedback = FEEDBACK_PATTERN.exec(value);
    if (feedback) {
      await deps.feedback?.recordFeedback({
        workspace: workspaceKey(origin),
        userId: origin.userId,
        key: feedback[2] ?? '',
        helpful: feedback[1] === 'up',
        at: clock.now(),
      });
      return [textReply(feedback[1] === 'up' ? 'Thanks for the feedback!' : 'Thanks — noted that this answer did not help.')];
    }
    const privacy = await deps.privacy?.choose(origin, value);
    if (privacy !== undefined) return privacy;
    const documentReplies = await deps.documents?.choose(origin, value);
    if (documentReplies) return documentReplies;
    if (ROUND_RUN_BUTTON.test(value) && (await ownAssessmentRunning(origin))) return [textReply(FINISH_OWN_FIRST)];
    const round = await deps.rounds?.choose(origin, value);
    if (round !== undefined) return round;
    const replies = await deps.assessments?.input(origin, { choice: value });
    return replies ?? [textReply('That button is no longer active. Type `help` to see what I can do.')];
  };

  return {
    async handle(event: BotEvent): Promise<Reply[]> {
      try {
        const replies = event.type === 'choice' ? await choose(event.origin, event.value) : await route(parseIntent(event.text), event.origin, event.text, event.files ?? []);
        // Charts are drawn off the event loop.
        return await drawCharts(replies, deps.charts, logger);
      } catch (error) {
        if (error instanceof DatabaseGoneError) {
          logger.error({ err: error.message, type: event.type, platform: event.origin.platform }, 'not saved: the database file is gone');
          return [textReply(DATABASE_GONE_TEXT, 'error')];
        }
        if (error instanceof StorageUnavailableError) {
          logger.warn({ err: error.message, type: event.type, platform: event.origin.platform }, 'not handled: the database cannot be reached');
          return [textReply(STORAGE_UNAVAILABLE_TEXT, 'error')];
        }
        logger.error({ err: errorMessage(error), type: event.type, platform: event.origin.platform }, 'handler failed');
        return [textReply('Sorry, something went wrong on my side while handling that. Please try again in a moment.', 'error')];
      }
    },
  };
};
