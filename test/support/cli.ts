/**
 * The `tokenframe` CLI that tests run as a process of its own: `bin/tokenframe.js`
 * (the sources through tsx, so a test run right after an edit runs the edit),
 * or the file `TOKENFRAME_TEST_CLI` names. `npm test` names the compiled
 * `dist/node/cli.js` its build stage has just made from the same sources: the
 * same CLI without transpiling every source file on each of the hundred-odd
 * starts (about a second of CPU each on our 2-core CI machines).
 * Tests about the published package's own bin (test/package) do not use it.
 */
export const tokenframeCli = process.env.TOKENFRAME_TEST_CLI || 'bin/tokenframe.js';
