/** What a route answers when the Vite build it serves from has not run. */
export const buildMissingMessage = 'tokenframe has not been built yet. Run `npm run build` and reload.';

export function isMissingFile(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
