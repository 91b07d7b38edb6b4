import {
  replacementFields,
  type DestinationHeader,
  type FieldMapping,
  type ReplacementField,
} from './destinations-store';

/** Methods that carry the body the card values are written into. */
const bodyMethods = ['POST', 'PUT', 'PATCH'];

const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const environmentName = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Headers the outbound request sets itself: one given here would let a destination smuggle a second request. */
const reservedHeaders = ['host', 'content-length', 'transfer-encoding', 'connection', 'upgrade', 'te', 'trailer'];

/**
 * The destination URL as it is stored and compared: parsed and written back,
 * so `HTTPS://Api.Example` and `https://api.example/` name one destination.
 */
export function normalizeDestinationUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${url} is not a URL, e.g. https://api.processor.example/v1/payments`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`${url}: only https:// (and http:// for test mode) destinations can be forwarded to.`);
  }
  // Credentials belong in --header from the environment, where they are not stored or listed.
  if (parsed.username || parsed.password) throw new Error('A destination URL cannot hold a user name or password.');
  if (parsed.hash) throw new Error('A destination URL cannot have a #fragment.');
  return parsed.href;
}

export function parseMethod(method: string): string {
  const upper = method.toUpperCase();
  if (!bodyMethods.includes(upper)) throw new Error(`--method must be one of ${bodyMethods.join(', ')}.`);
  return upper;
}

/**
 * `--map FIELD=TARGET` options: all JSON pointers (`/a/b`, a JSON body) or
 * all form field names (a form body), each card value at most once.
 */
export function parseMappings(maps: string[]): FieldMapping[] {
  if (maps.length === 0)
    throw new Error('forwarding add needs at least one --map, e.g. --map card_number=/card/number');
  const mappings = maps.map((map) => {
    const split = map.indexOf('=');
    const field = map.slice(0, split) as ReplacementField;
    const target = map.slice(split + 1);
    if (split < 0 || !replacementFields.includes(field) || target === '') {
      throw new Error(`--map ${map}: expected FIELD=TARGET with FIELD one of ${replacementFields.join(', ')}.`);
    }
    return { field, target };
  });
  const pointers = mappings.filter(({ target }) => target.startsWith('/')).length;
  if (pointers !== 0 && pointers !== mappings.length) {
    throw new Error('--map targets are all JSON pointers (/a/b, a JSON body) or all form field names, not both.');
  }
  const repeated = (values: string[]) => values.find((value, index) => values.indexOf(value) !== index);
  const field = repeated(mappings.map((mapping) => mapping.field));
  if (field) throw new Error(`--map names the card value ${field} twice.`);
  const target = repeated(mappings.map((mapping) => mapping.target));
  if (target) throw new Error(`--map names the target ${target} twice.`);
  return mappings;
}

/** `--header Name=value`, or `Name=$VARIABLE` to read it from the service's environment when sending. */
export function parseHeaders(headers: string[]): DestinationHeader[] {
  return headers.map((header) => {
    const split = header.indexOf('=');
    const name = header.slice(0, split);
    const value = header.slice(split + 1);
    if (split < 1 || !headerName.test(name)) throw new Error(`--header ${name || header}: expected Name=value.`);
    if (reservedHeaders.includes(name.toLowerCase())) throw new Error(`--header ${name} is set by tokenframe itself.`);
    if (/[\r\n\0]/.test(value)) throw new Error(`--header ${name}: the value cannot hold line breaks.`);
    if (value.startsWith('$')) {
      const env = value.slice(1);
      if (!environmentName.test(env))
        throw new Error(`--header ${name}: ${value} is not an environment variable name.`);
      return { name, env };
    }
    return { name, value };
  });
}
