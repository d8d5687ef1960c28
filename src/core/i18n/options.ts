/**
 * The values of a `one-of` problem's `options` param (a JSON array, as validation writes it), each
 * as JSON text (`"node"`); the raw param as the only value if it is not JSON. Catalogues join them
 * in their own language.
 */
export function optionTexts(options: string): string[] {
  try {
    const parsed: unknown = JSON.parse(options);
    return (Array.isArray(parsed) ? parsed : [parsed]).map((v) => JSON.stringify(v));
  } catch {
    return [options];
  }
}
