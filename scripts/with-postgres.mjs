// Runs a command against a throwaway PostgreSQL server: starts one (see
// postgres.mjs), sets DATABASE_URL for the command, stops the server after.
// Usage: node scripts/with-postgres.mjs <command …>
import { spawn } from 'node:child_process';
import { startPostgres } from './postgres.mjs';

const command = process.argv.slice(2).join(' ');
if (!command) {
  console.error('Usage: node scripts/with-postgres.mjs <command …>');
  process.exit(2);
}
const server = await startPostgres();
const child = spawn(command, { shell: true, stdio: 'inherit', env: { ...process.env, DATABASE_URL: server.url } });
const code = await new Promise((resolve) => child.on('close', (status) => resolve(status ?? 1)));
await server.stop();
process.exit(code);
