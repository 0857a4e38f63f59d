import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Origin } from '../../src/core/events.js';
import type { ChatBot, DeliveryTarget, MessageRef, Notifier } from '../../src/core/ports.js';
import { errorMessage } from '../../src/core/errors.js';
import type { Reply } from '../../src/core/replies.js';
import { localFile, pathToAdd } from './console-files.js';
import { renderConsoleReply, type SavedFile } from './console-render.js';

export interface ConsoleAdapterOptions {
  bot: ChatBot;
  input: Readable;
  output: Writable;
  /** Folder where charts are written as PNG files. */
  imageDir: string;
  /** Folder for exported files; by default `exports` beside `imageDir`. */
  exportDir?: string;
  userId?: string;
  userName?: string;
  /** Whether the person at the terminal administers the local workspace; true unless set. */
  isAdmin?: boolean;
  /** Shown once at start. */
  greeting?: string;
  /** Prompt before each line when the input is a terminal. */
  prompt?: string;
}

export interface ConsoleAdapter {
  /** Resolves when the input ends (Ctrl-D) or the user types `quit`. */
  run(): Promise<void>;
  /** Reminders and other proactive messages are printed between prompts. */
  notifier: Notifier;
}

const EXIT_WORDS = new Set(['quit', 'exit', ':q', 'bye']);

/** The terminal as a chat: one local workspace, one channel, one user. */
export const createConsoleAdapter = (options: ConsoleAdapterOptions): ConsoleAdapter => {
  const origin: Origin = {
    platform: 'console',
    workspaceId: 'local',
    channelId: 'terminal',
    userId: options.userId ?? 'local-user',
    isAdmin: options.isAdmin ?? true,
    ...(options.userName === undefined ? {} : { userName: options.userName }),
  };
  let choiceValues: string[] = [];
  // Words that pick a choice (`yes`, `cancel`) count on the next line only, so a `yes` typed later
  // never confirms a question asked long before.
  let choiceKeywords = new Map<string, string>();
  let imageCount = 0;
  let posted = 0;
  const write = (text: string): void => void options.output.write(`${text}\n`);

  const exportDir = options.exportDir ?? join(dirname(options.imageDir), 'exports');
  // Charts and exports show a city's scores: folders and files are private to this user. A file that
  // cannot be written (a file in the way, a full disk) costs only that file: the reply is still
  // shown, with the reason, and the session goes on.
  const writePrivate = (dir: string, name: string, data: Uint8Array | string): SavedFile => {
    const path = join(dir, name.replace(/[^\w.-]/g, '_'));
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeFileSync(path, data, { mode: 0o600 });
      chmodSync(path, 0o600);
      // Shown relative to where the bot was started when it is inside it (data/exports/…).
      const shown = relative(process.cwd(), path);
      return { path: shown.startsWith('..') || isAbsolute(shown) ? path : shown };
    } catch (error) {
      // A full disk can leave part of the file behind; a broken file helps nobody.
      try {
        rmSync(path, { force: true });
      } catch {
        // Nothing was written where the folder could not be made.
      }
      return { error: errorMessage(error) };
    }
  };

  const saveImage = (reply: Reply): SavedFile | undefined => {
    if (!reply.image) return undefined;
    imageCount += 1;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    return writePrivate(options.imageDir, `${stamp}-${imageCount}-${reply.image.filename}`, reply.image.data);
  };

  const saveFile = (reply: Reply): SavedFile | undefined =>
    reply.file === undefined ? undefined : writePrivate(exportDir, reply.file.filename, reply.file.content);

  const show = (replies: Reply[]): void => {
    for (const reply of replies) {
      const rendered = renderConsoleReply(reply, saveImage, saveFile);
      // Numbers typed later refer to the latest set of options shown.
      if (rendered.choiceValues.length > 0 || reply.kind === 'prompt') choiceValues = rendered.choiceValues;
      if (rendered.choiceKeywords.size > 0) choiceKeywords = rendered.choiceKeywords;
      write(`\n${rendered.text}\n`);
    }
  };

  const handleLine = async (line: string): Promise<void> => {
    const trimmed = line.trim();
    const number = /^\d{1,2}$/u.test(trimmed) ? Number(trimmed) : Number.NaN;
    const value = choiceValues[number - 1] ?? choiceKeywords.get(trimmed.toLowerCase());
    choiceValues = value === undefined ? choiceValues : [];
    choiceKeywords = new Map();
    // `add document <path>`: the file on this machine is the attachment.
    const path = value === undefined ? pathToAdd(line) : undefined;
    const files = path === undefined ? [] : [await localFile(path)];
    const replies =
      value === undefined
        ? await options.bot.handle({ type: 'message', origin, text: line, ...(files.length > 0 ? { files } : {}) })
        : await options.bot.handle({ type: 'choice', origin, value });
    show(replies);
  };

  return {
    notifier: {
      async deliver(target: DeliveryTarget, replies: Reply[]): Promise<void> {
        write(target.purpose === 'round' ? '\n— Posted in the channel —' : '\n— Reminder —');
        show(replies);
      },
      async post(target: DeliveryTarget, reply: Reply): Promise<MessageRef> {
        posted += 1;
        write(`\n— Posted in the channel (message ${posted}) —`);
        show([reply]);
        return { platform: 'console', workspaceId: target.workspaceId, channelId: target.channelId ?? origin.channelId, messageId: String(posted) };
      },
      async update(ref: MessageRef, reply: Reply): Promise<void> {
        write(`\n— Message ${ref.messageId} updated —`);
        show([reply]);
      },
    },
    run: () =>
      new Promise<void>((resolve) => {
        const terminal = (options.input as { isTTY?: boolean }).isTTY === true;
        const rl = createInterface({ input: options.input, output: options.output, terminal });
        const prompt = options.prompt ?? 'you> ';
        if (options.greeting) write(options.greeting);
        const ask = (): void => {
          if (terminal) rl.prompt();
        };
        rl.setPrompt(prompt);
        // Lines are handled one at a time, in order, even when pasted together.
        let queue = Promise.resolve();
        // Lines pasted or piped after `quit` may still arrive: they are not handled (the stores close next).
        let quitting = false;
        rl.on('line', (line) => {
          if (quitting) return;
          if (EXIT_WORDS.has(line.trim().toLowerCase())) {
            quitting = true;
            rl.close();
            return;
          }
          queue = queue
            .then(() => handleLine(line))
            // The session outlives any one line that fails.
            .catch((error: unknown) => write(`\nSorry, that line could not be handled (${errorMessage(error)}).\n`))
            .then(ask);
        });
        rl.on('close', () => void queue.then(() => resolve()));
        ask();
      }),
  };
};
