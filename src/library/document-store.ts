import type { Passage } from '../knowledge/chunk.js';

/** A passage of a workspace document as stored; `page` when the file has pages (PDF). */
export type StoredPassage = Passage & { page?: number | undefined };

/** One document a workspace added from chat, as listed. */
export interface WorkspaceDocument {
  /** Short id, unique within the workspace; used by the removal buttons. */
  id: string;
  /** `workspaceKey(origin)`: the only workspace that ever sees the document. */
  workspace: string;
  /** The file name as uploaded; unique in the workspace, ignoring case. */
  name: string;
  title: string;
  /** Pages of the file, when it has pages; `null` for text. */
  pages: number | null;
  passageCount: number;
  /** `platform:workspace:user` of the coordinator who added it. */
  addedBy: string;
  addedAt: Date;
}

/** A document with its indexed passages. */
export interface StoredDocument extends WorkspaceDocument {
  passages: StoredPassage[];
}

/** `full`: the workspace already has the most documents allowed; `duplicate`: one has that name. */
export type AddOutcome = 'added' | 'duplicate' | 'full';

/**
 * The documents each workspace added, shared by every instance of the bot. Every method names the
 * workspace; nothing of one workspace is ever returned for another.
 */
export interface DocumentStore {
  /** Adds the document unless one of its name exists in the workspace or it already has `maxPerWorkspace`. */
  add(document: StoredDocument, maxPerWorkspace: number): Promise<AddOutcome>;
  /** The workspace's documents without their passages, oldest first. */
  list(workspace: string): Promise<WorkspaceDocument[]>;
  /** The workspace's documents with their passages, oldest first. */
  withPassages(workspace: string): Promise<StoredDocument[]>;
  /** True when the document was there and is removed. */
  remove(workspace: string, id: string): Promise<boolean>;
  /**
   * Changes whenever the workspace's documents change (on any instance); cheap to read, so it can be
   * checked before every answer.
   */
  version(workspace: string): Promise<string>;
  /** Removes every document of the workspace; returns how many. */
  deleteByWorkspace(workspace: string): Promise<number>;
  /**
   * `forget me`: the documents `addedBy` (`platform:workspace:user`) added stay the workspace's,
   * with that id replaced by `anonymous`; returns how many were changed.
   */
  forgetAdder(workspace: string, addedBy: string): Promise<number>;
}

/** Normalised form of a document name for matching: `Strategy.MD ` and `strategy.md` are one. */
export const documentNameKey = (name: string): string => name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
