import type { Attachment, Message } from 'discord.js';
import { FileTooLargeError, FileUnavailableError, errorMessage } from '../../src/core/errors.js';
import type { IncomingFile } from '../../src/core/events.js';
import { DOWNLOAD_TIMEOUT_MS, readLimited } from '../common/read-limited.js';

/**
 * A message attachment, fetched from its CDN URL only when the core asks. The URL is signed by
 * Discord and needs no token: the bot token is never sent to the CDN.
 */
export const discordIncomingFile = (attachment: Pick<Attachment, 'name' | 'size' | 'url'>, fetchImpl: typeof fetch = fetch): IncomingFile => ({
  name: attachment.name,
  size: attachment.size,
  async read(maxBytes: number): Promise<Uint8Array> {
    let response: Response;
    try {
      response = await fetchImpl(attachment.url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    } catch (error) {
      throw new FileUnavailableError('Discord could not be reached to fetch it; please try again in a moment', { cause: error });
    }
    if (!response.ok) {
      await response.body?.cancel();
      // The CDN answers 404 once an attachment's signed link has expired or the message is gone.
      throw new FileUnavailableError(
        response.status === 404 ? 'Discord no longer has it; please send it again' : `Discord answered ${response.status} when asked for it`,
      );
    }
    try {
      return await readLimited(response, maxBytes);
    } catch (error) {
      if (error instanceof FileTooLargeError) throw error;
      throw new FileUnavailableError(`the download from Discord broke off (${errorMessage(error)})`, { cause: error });
    }
  },
});

/** The attachments of a message as files for the core. */
export const filesOfMessage = (message: Pick<Message, 'attachments'>): IncomingFile[] =>
  [...message.attachments.values()].map((attachment) => discordIncomingFile(attachment));
