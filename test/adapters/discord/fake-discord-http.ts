import type { IncomingMessage } from 'node:http';

/** A file part of a multipart request. */
export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

/** One REST call as the fake received it. `path` starts after `/api/v10`. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** The JSON body, or the `payload_json` part of a multipart body. */
  body: unknown;
  files: RecordedFile[];
  /** The status the fake answered with. */
  status?: number;
}

/** What the fake answers: a status, a JSON body (none for 204) and extra headers. */
export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const parseMultipart = (raw: Buffer, boundary: string): { body: unknown; files: RecordedFile[] } => {
  // latin1 maps bytes 1:1 to characters, so binary parts survive the string split.
  const text = raw.toString('latin1');
  const files: RecordedFile[] = [];
  let body: unknown;
  for (const part of text.split(`--${boundary}`)) {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd === -1) continue;
    const headers = part.slice(0, headerEnd);
    const content = part.slice(headerEnd + 4).replace(/\r\n$/u, '');
    const field = /name="([^"]*)"/u.exec(headers)?.[1] ?? '';
    const filename = /filename="([^"]*)"/u.exec(headers)?.[1];
    if (filename === undefined) {
      if (field === 'payload_json') body = JSON.parse(Buffer.from(content, 'latin1').toString('utf8'));
      continue;
    }
    const contentType = /content-type:\s*([^\r\n]+)/iu.exec(headers)?.[1] ?? '';
    files.push({ field, filename, contentType, data: Buffer.from(content, 'latin1') });
  }
  return { body, files };
};

const readBody = async (request: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** Reads and records a request: JSON or multipart body, path without the `/api/v10` prefix. */
export const recordRequest = async (request: IncomingMessage): Promise<RecordedRequest> => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const raw = await readBody(request);
  const type = request.headers['content-type'] ?? '';
  const boundary = /boundary=(.+)$/u.exec(type)?.[1];
  const parsed =
    boundary !== undefined
      ? parseMultipart(raw, boundary)
      : { body: raw.length > 0 && type.includes('json') ? (JSON.parse(raw.toString('utf8')) as unknown) : undefined, files: [] };
  return {
    method: request.method ?? 'GET',
    path: decodeURIComponent(url.pathname).replace(/^\/api\/v10/u, ''),
    query: url.searchParams,
    body: parsed.body,
    files: parsed.files,
  };
};
