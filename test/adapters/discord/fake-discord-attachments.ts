import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

interface Stored {
  bytes: Buffer;
  contentType: string;
  signature: string;
}

/** One download of an attachment as the fake CDN served it. */
export interface AttachmentFetch {
  path: string;
  status: number;
  authorization: string | undefined;
}

/**
 * The CDN side of the fake: attachments uploaded by users, served from signed links as Discord's
 * CDN serves them (`/attachments/<channel>/<id>/<name>?ex=…&is=…&hm=…`, no token needed). A link
 * without the right signature gets the CDN's 404 text, as an expired link does.
 */
export class FakeAttachments {
  readonly fetched: AttachmentFetch[] = [];
  readonly #files = new Map<string, Stored>();

  constructor(
    private readonly base: () => string,
    private readonly nextId: () => string,
  ) {}

  /** Stores a user's upload and returns the attachment object of its MESSAGE_CREATE. */
  add(channelId: string, filename: string, bytes: Buffer, contentType = 'application/octet-stream'): Record<string, unknown> {
    const id = this.nextId();
    const signature = randomBytes(32).toString('hex');
    const path = `/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`;
    this.#files.set(path, { bytes, contentType, signature });
    const now = Math.floor(Date.now() / 1000);
    const url = `${this.base()}${path}?ex=${(now + 86_400).toString(16)}&is=${now.toString(16)}&hm=${signature}&`;
    return { id, filename, size: bytes.byteLength, url, proxy_url: url, content_type: contentType };
  }

  /** Serves an attachment request; false for any other path. */
  serve(request: IncomingMessage, response: ServerResponse): boolean {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!url.pathname.startsWith('/attachments/')) return false;
    const stored = this.#files.get(url.pathname);
    const authorization = request.headers.authorization;
    if (request.method !== 'GET' || stored === undefined || url.searchParams.get('hm') !== stored.signature) {
      this.fetched.push({ path: url.pathname, status: 404, authorization });
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('This content is no longer available.');
      return true;
    }
    this.fetched.push({ path: url.pathname, status: 200, authorization });
    response.writeHead(200, { 'content-type': stored.contentType, 'content-length': String(stored.bytes.byteLength) });
    response.end(stored.bytes);
    return true;
  }
}
