/**
 * The `tokenframe` CLI that tests run as a process of its own: `bin/tokenframe.js`
 * (the sources through tsx, so a test run right after an edit runs the edit),
 * or the file `TOKENFRAME_TEST_CLI` names. `npm test` names the compiled
 * `dist/node/cli.js` its build stage has just made from the same sources: the
 * same CLI without transpiling the sources on each of its many starts (a
 * `serve --dev` start took 2.5 s of CPU through tsx, 1.3 s compiled).
 * Tests about the published package's own bin (test/package) do not use it.
 */
export const tokenframeCli = process.env.TOKENFRAME_TEST_CLI || 'bin/tokenframe.js';
