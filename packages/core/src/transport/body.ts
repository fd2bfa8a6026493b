import { ResponseTooLargeError } from '../errors';

/** Default cap on a response body: 32 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
/** An error body is kept up to this much (the rest is dropped, not an error): enough for any message. */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

export interface BodyLimit {
  maxBytes: number;
  /** Past the cap: throw (`'fail'`) or keep what was read and drop the rest (`'truncate'`). */
  over: 'fail' | 'truncate';
  platform: string;
  /** `METHOD /path` for messages, secrets removed. */
  where: string;
}

/**
 * The body as UTF-8 text, read chunk by chunk and never more than the cap plus one chunk: a
 * `content-length` above the cap is refused before reading, and the stream is cancelled (the
 * connection dropped) as soon as the count passes it.
 */
export async function readBody(response: Response, limit: BodyLimit): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (limit.over === 'fail' && Number.isFinite(declared) && declared > limit.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(limit, `declares ${declared} bytes`);
  }
  const stream = response.body;
  if (!stream) return '';
  const reader = stream.getReader();
  const decoder = new TextDecoder('utf-8');
  let text = '';
  let read = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const room = limit.maxBytes - read;
      read += value.byteLength;
      if (value.byteLength > room) {
        await reader.cancel().catch(() => undefined);
        if (limit.over === 'fail') throw tooLarge(limit, `is larger than that`);
        text += decoder.decode(value.subarray(0, Math.max(0, room)), { stream: true });
        break;
      }
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    reader.releaseLock();
  }
  return text + decoder.decode();
}

function tooLarge(limit: BodyLimit, detail: string): ResponseTooLargeError {
  return new ResponseTooLargeError(
    `${limit.platform}: ${limit.where} answered with a body over maxResponseBytes (${limit.maxBytes} bytes): it ${detail}`,
    { platform: limit.platform, limit: limit.maxBytes },
  );
}
