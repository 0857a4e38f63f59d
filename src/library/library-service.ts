import { extname } from 'node:path';
import { FileTooLargeError, FileUnavailableError, errorMessage } from '../core/errors.js';
import { workspaceKey, type IncomingFile, type Origin } from '../core/events.js';
import { codeSpan, escapeText } from '../core/markdown.js';
import { silentLogger, systemClock, type Clock, type DocumentPort, type Logger } from '../core/ports.js';
import { textReply, type Reply } from '../core/replies.js';
import { chunkDocument } from '../knowledge/chunk.js';
import { isLoadError } from '../knowledge/documents.js';
import { SUPPORTED_EXTENSIONS, parseDocumentFile } from '../knowledge/parse-file.js';
import { coordinatorIdOf, isCoordinator, type CoordinatorConfig } from '../reminders/permissions.js';
import { documentNameKey, type DocumentStore, type StoredPassage, type WorkspaceDocument } from './document-store.js';
import { describeBytes } from '../knowledge/byte-size.js';
import { fileNameOf, pageCountOf } from './library-text.js';

/** Largest file a workspace can add: 20 MB. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** Most documents one workspace can have. */
export const MAX_WORKSPACE_DOCUMENTS = 200;

export interface LibraryDeps extends CoordinatorConfig {
  store: DocumentStore;
  newId: () => string;
  clock?: Clock;
  logger?: Logger;
  maxBytes?: number;
  maxDocuments?: number;
}

const CHOICE = /^document:(remove|keep):([\w-]{1,64})$/u;

const typesText = (): string => SUPPORTED_EXTENSIONS.join(', ');

/** The refusal for people who may not change the workspace's documents. */
const notCoordinator = (origin: Origin): Reply =>
  textReply(
    'Only coordinators can add or remove this workspace’s documents: Slack workspace admins, Discord members with ' +
      '*Manage Server*, and people (or Discord roles) the bot’s operator has listed as coordinators. ' +
      `Ask one of them, or ask the operator to add your id \`${coordinatorIdOf(origin)}\`. Anyone can list them with \`documents\`.`,
    'error',
  );

const describe = (document: Pick<WorkspaceDocument, 'title' | 'name'>): string => `*${escapeText(document.title)}* (${codeSpan(document.name)})`;

const countsOf = (document: Pick<WorkspaceDocument, 'pages' | 'passageCount'>): string =>
  [
    document.pages === null ? 'no page numbers (a text file)' : `${document.pages} page${document.pages === 1 ? '' : 's'}`,
    `${document.passageCount} passage${document.passageCount === 1 ? '' : 's'}`,
  ].join(', ');

/**
 * The documents a workspace adds from chat: coordinators add files (checked for type and size
 * before anything is fetched, and for the workspace's limit) and remove them after a confirmation;
 * anyone lists them. Every file gets its own reply; nothing a refused file carried is kept.
 */
export class DocumentLibrary implements DocumentPort {
  readonly #maxBytes: number;
  readonly #maxDocuments: number;

  constructor(private readonly deps: LibraryDeps) {
    this.#maxBytes = deps.maxBytes ?? MAX_DOCUMENT_BYTES;
    this.#maxDocuments = deps.maxDocuments ?? MAX_WORKSPACE_DOCUMENTS;
  }

  async add(origin: Origin, files: readonly IncomingFile[]): Promise<Reply[]> {
    if (!isCoordinator(origin, this.deps)) return [notCoordinator(origin)];
    if (files.length === 0) {
      return [
        textReply(
          `I found no file with that message. Attach the file (${typesText()}, up to ${describeBytes(this.#maxBytes)}) to the message that says \`add document\`; in the terminal, type \`add document <path of the file>\`.`,
          'error',
        ),
      ];
    }
    const replies: Reply[] = [];
    for (const file of files) replies.push(await this.#addOne(origin, file));
    return replies;
  }

  async #addOne(origin: Origin, file: IncomingFile): Promise<Reply> {
    const workspace = workspaceKey(origin);
    const name = fileNameOf(file.name);
    const refuse = (why: string): Reply => textReply(`Not added: ${codeSpan(name)} ${why} Nothing was changed.`, 'error');
    const extension = extname(name).toLowerCase();
    if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(extension)) {
      return refuse(`is not a file type I can read. I can add ${typesText()} files.`);
    }
    const tooLarge = refuse(`is larger than ${describeBytes(this.#maxBytes)}, the most a document may be.`);
    if (file.size !== undefined && file.size > this.#maxBytes) {
      return refuse(`is ${describeBytes(file.size)}; a document may be at most ${describeBytes(this.#maxBytes)}.`);
    }
    const existing = await this.deps.store.list(workspace);
    if (existing.length >= this.#maxDocuments) return this.#full(name);
    const same = existing.find((document) => documentNameKey(document.name) === documentNameKey(name));
    if (same) return this.#duplicate(same);
    let bytes: Uint8Array;
    try {
      bytes = await file.read(this.#maxBytes);
    } catch (error) {
      if (error instanceof FileTooLargeError) return tooLarge;
      if (error instanceof FileUnavailableError) return refuse(`could not be fetched: ${escapeText(error.message)}.`);
      this.#logger.warn({ workspace, file: name, err: errorMessage(error) }, 'document not fetched');
      return refuse('could not be fetched from the chat just now. Please try again in a moment.');
    }
    if (bytes.byteLength > this.#maxBytes) return tooLarge;
    const parsed = await parseDocumentFile(name, bytes);
    if (isLoadError(parsed)) return refuse(`could not be read: ${escapeText(parsed.message)}.`);
    const passages: StoredPassage[] = chunkDocument({ ...parsed, file: name });
    if (passages.length === 0) return refuse('has no text I could index.');
    const document = {
      id: this.deps.newId(),
      workspace,
      name,
      title: parsed.title,
      pages: pageCountOf(parsed, passages),
      passageCount: passages.length,
      addedBy: coordinatorIdOf(origin),
      addedAt: (this.deps.clock ?? systemClock).now(),
      passages,
    };
    const outcome = await this.deps.store.add(document, this.#maxDocuments);
    if (outcome === 'full') return this.#full(name);
    if (outcome === 'duplicate') return this.#duplicate(document);
    this.#logger.info({ workspace, file: name, passages: passages.length, bytes: bytes.byteLength }, 'workspace document added');
    return textReply(
      `added: ${describe(document)}: ${countsOf(document)}. Questions in this workspace now search it beside the shared documents; no other workspace sees it.`,
    );
  }

  #full(name: string): Reply {
    return textReply(
      `Not added: ${codeSpan(name)}. This workspace already has ${this.#maxDocuments} documents, the most it may have. Remove one with \`remove document <name>\` first (\`documents\` lists them).`,
      'error',
    );
  }

  #duplicate(existing: Pick<WorkspaceDocument, 'title' | 'name'>): Reply {
    return textReply(
      `Not added: this workspace already has a document named ${codeSpan(existing.name)} (${escapeText(existing.title)}). To replace it, type \`remove document ${existing.name}\` first, then add the new file.`,
      'error',
    );
  }

  get #logger(): Logger {
    return this.deps.logger ?? silentLogger;
  }

  async list(origin: Origin): Promise<Reply[]> {
    const documents = await this.deps.store.list(workspaceKey(origin));
    if (documents.length === 0) {
      return [
        textReply(
          `This workspace has no documents of its own yet; questions are answered from the shared documents. A coordinator adds one by sending a file (${typesText()}, up to ${describeBytes(this.#maxBytes)}) with \`add document\`.`,
        ),
      ];
    }
    const lines = documents.map((document) => `• ${describe(document)}: ${countsOf(document)}; added ${document.addedAt.toISOString().slice(0, 10)}`);
    return [
      textReply(
        [
          `This workspace’s own documents (${documents.length} of at most ${this.#maxDocuments}), searched beside the shared ones:`,
          ...lines,
          'Coordinators remove one with `remove document <name>`.',
        ].join('\n'),
      ),
    ];
  }

  async remove(origin: Origin, name: string): Promise<Reply[]> {
    if (!isCoordinator(origin, this.deps)) return [notCoordinator(origin)];
    if (name === '') return [textReply('Which one? Type `remove document <name>`; `documents` lists the names.', 'error')];
    const documents = await this.deps.store.list(workspaceKey(origin));
    const key = documentNameKey(name.replace(/^[`"'“‘]+|[`"'”’]+$/gu, ''));
    const found =
      documents.find((document) => documentNameKey(document.name) === key) ??
      documents.find((document) => documentNameKey(document.title) === key);
    if (!found) {
      // Part of one document's name or title ("guidelines" for `unesco-guidelines.pdf`) is offered back.
      const partly = key === '' ? [] : documents.filter((document) => documentNameKey(document.name).includes(key) || documentNameKey(document.title).includes(key));
      const hint = partly.length === 1 && partly[0] ? ` Did you mean ${codeSpan(`remove document ${partly[0].name}`)}?` : ' Type `documents` to see their names.';
      return [textReply(`This workspace has no document named ${codeSpan(name)}.${hint}`, 'error')];
    }
    return [
      {
        kind: 'prompt',
        text: `Remove ${describe(found)} from this workspace’s documents? Questions here will no longer find it.`,
        choices: [
          { label: 'Remove', value: `document:remove:${found.id}`, style: 'danger' },
          { label: 'Keep', value: `document:keep:${found.id}` },
        ],
      },
    ];
  }

  async choose(origin: Origin, value: string): Promise<Reply[] | undefined> {
    const match = CHOICE.exec(value);
    if (!match) return undefined;
    if (!isCoordinator(origin, this.deps)) return [notCoordinator(origin)];
    const [, action, id = ''] = match;
    const workspace = workspaceKey(origin);
    const document = (await this.deps.store.list(workspace)).find((entry) => entry.id === id);
    if (!document) return [textReply('That document is no longer in this workspace’s documents.')];
    if (action === 'keep') return [textReply(`Kept ${describe(document)}.`)];
    if (!(await this.deps.store.remove(workspace, id))) return [textReply('That document is no longer in this workspace’s documents.')];
    this.#logger.info({ workspace, file: document.name }, 'workspace document removed');
    return [textReply(`Removed ${describe(document)}. Questions in this workspace no longer search it.`)];
  }
}

