import { z } from 'zod';
import { FileTooLargeError, FileUnavailableError, errorMessage } from '../../src/core/errors.js';
import type { IncomingFile } from '../../src/core/events.js';
import { DOWNLOAD_TIMEOUT_MS, readLimited } from '../common/read-limited.js';

/** The parts of a Slack file object (in `files` of a message or mention) the adapter reads. */
export const slackFileSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  title: z.string().optional(),
  mimetype: z.string().optional(),
  size: z.number().int().nonnegative().optional(),
  url_private: z.string().optional(),
  url_private_download: z.string().optional(),
  /** `tombstone` for a deleted file, `hidden_by_limit` beyond a free workspace's file history. */
  mode: z.string().optional(),
  /** `check_file_info` (Slack Connect) when the event does not carry the file itself. */
  file_access: z.string().optional(),
});
export type SlackFile = z.infer<typeof slackFileSchema>;

const isHtmlFile = (file: SlackFile): boolean => file.mimetype === 'text/html' || /\.html?$/iu.test(file.name ?? '');

/**
 * A file shared with the bot, fetched only when the core asks, from `url_private` with the bot
 * token of the workspace it was shared in (Slack hands files only to a token with files:read).
 * Without a valid token Slack answers 200 with its HTML sign-in page, not an error: an HTML body
 * for a file that is not HTML is taken as that refusal.
 */
export const slackIncomingFile = (file: SlackFile, token: string | undefined, fetchImpl: typeof fetch = fetch): IncomingFile => ({
  name: file.name ?? file.title ?? file.id,
  size: file.size,
  async read(maxBytes: number): Promise<Uint8Array> {
    const url = file.url_private_download ?? file.url_private;
    if (file.mode === 'tombstone' || file.mode === 'hidden_by_limit') throw new FileUnavailableError('Slack no longer keeps that file');
    if (url === undefined || file.file_access === 'check_file_info') throw new FileUnavailableError('Slack did not include the file in the message');
    if (token === undefined) throw new FileUnavailableError('the bot has no Slack token for this workspace');
    let response: Response;
    try {
      response = await fetchImpl(url, { headers: { Authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    } catch (error) {
      throw new FileUnavailableError('Slack could not be reached to fetch it; please try again in a moment', { cause: error });
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new FileUnavailableError(`Slack answered ${response.status} when asked for it`);
    }
    if (/^text\/html\b/iu.test(response.headers.get('content-type') ?? '') && !isHtmlFile(file)) {
      await response.body?.cancel();
      throw new FileUnavailableError(
        'Slack did not hand it over to the bot, as happens when the bot lacks the files:read permission. Ask whoever runs the bot to add it and reinstall the app',
      );
    }
    try {
      return await readLimited(response, maxBytes);
    } catch (error) {
      if (error instanceof FileTooLargeError) throw error;
      throw new FileUnavailableError(`the download from Slack broke off (${errorMessage(error)})`, { cause: error });
    }
  },
});

const filesSchema = z.array(z.unknown());

/** The files of an event that parse; the rest are left out. */
export const slackFilesOf = (raw: unknown, token: string | undefined): IncomingFile[] => {
  // Most messages carry no files: nothing to parse.
  if (raw === undefined) return [];
  const parsed = filesSchema.safeParse(raw);
  if (!parsed.success) return [];
  return parsed.data.flatMap((item) => {
    const file = slackFileSchema.safeParse(item);
    return file.success ? [slackIncomingFile(file.data, token)] : [];
  });
};
