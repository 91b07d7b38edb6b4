import { isPlainObject, type Appearance } from '../protocol/messages';

/**
 * The merchant's appearance (or `labels`, `placeholders`: `name` says which) as
 * plain JSON, from the attribute's text or the property's object. The frame
 * judges every entry; here it only has to be an object that survives
 * postMessage. Anything else is left out, with a warning rather than a failure.
 */
export function toObject(value: unknown, name: string): Appearance | undefined {
  if (value === null || value === undefined) return undefined;
  try {
    const copy: unknown = JSON.parse(typeof value === 'string' ? value : JSON.stringify(value));
    if (isPlainObject(copy)) return copy as Appearance;
  } catch {
    // Reported below, like any other value that is not a JSON object.
  }
  console.warn(`tokenframe: ${name} is not a JSON object`);
  return undefined;
}
