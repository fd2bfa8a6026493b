import { ConfigurationError } from '../errors';

/** CR, LF or NUL: a header value holding one would split or end the header (request smuggling). */
const UNSAFE = /[\r\n\0]/;

/**
 * Throws a ConfigurationError naming `option` (never echoing its value) when a value that goes
 * into a request header holds CR, LF or NUL. Adapters call it for every option that ends up in a
 * header (tenant, API keys, Basic-auth parts); the transport calls it for `headers`.
 */
export function checkHeaderValue(platform: string, option: string, value: unknown): void {
  if (typeof value === 'string' && UNSAFE.test(value)) {
    throw new ConfigurationError(
      `${platform}: "${option}" must not contain CR, LF or NUL (it is sent in a request header)`,
      { platform, code: 'invalid_options' },
    );
  }
}

/** `checkHeaderValue` for every name and value of a header map (`headers.<name>`). */
export function checkHeaderValues(platform: string, option: string, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) {
    if (UNSAFE.test(name)) {
      throw new ConfigurationError(`${platform}: a "${option}" name contains CR, LF or NUL`, {
        platform,
        code: 'invalid_options',
      });
    }
    checkHeaderValue(platform, `${option}.${name}`, value);
  }
}
