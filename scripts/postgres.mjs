// A throwaway PostgreSQL server for tests and CI: a fresh cluster in a
// temporary directory, on a free port of 127.0.0.1, trusting local
// connections, deleted again on stop. The machine's own clusters are never
// touched. On a Debian machine without PostgreSQL, running as root, the
// `postgresql` package is installed first.
//
//   import { startPostgres } from './scripts/postgres.mjs';
//   const pg = await startPostgres(); // pg.url: postgres://postgres@127.0.0.1:PORT/tokenframe
//   await pg.pause(); await pg.resume(); // a database outage: stopped, then back on the same port and data
//   await pg.stop();
//
// `node scripts/postgres.mjs` prints the URL and keeps the server running until Ctrl-C.
// Uses only Node's own modules, like the other scripts.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './loopback.mjs';

const serverPrograms = ['initdb', 'pg_ctl', 'postgres'];
const database = 'tokenframe';

/** PostgreSQL refuses to run as root, so as root the server runs as this OS user. */
const serverUser = 'postgres';

function hasServerPrograms(dir) {
  return serverPrograms.every((name) => existsSync(join(dir, name)));
}

/** `$POSTGRES_BINDIR`, then the newest Debian install, then whatever `pg_config` knows. */
export function findBinDir() {
  const candidates = [];
  if (process.env.POSTGRES_BINDIR) candidates.push(process.env.POSTGRES_BINDIR);
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join(debianRoot, version, 'bin')));
  }
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (pgConfig.status === 0) candidates.push(pgConfig.stdout.trim());
  return candidates.find(hasServerPrograms) ?? null;
}

const isRoot = process.getuid?.() === 0;

function commandExists(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function installPostgres() {
  console.error('PostgreSQL server programs not found; installing the Debian package `postgresql` …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
}

function ensureBinDir() {
  let binDir = findBinDir();
  if (!binDir && isRoot && commandExists('apt-get')) {
    installPostgres();
    binDir = findBinDir();
  }
  if (!binDir) {
    throw new Error(
      'PostgreSQL server programs (initdb, pg_ctl, postgres) were not found. Install PostgreSQL ' +
        '(Debian/Ubuntu: `apt-get install postgresql`; this script does it itself when run as root), ' +
        'or set POSTGRES_BINDIR to the directory that holds them.',
    );
  }
  return binDir;
}

function shellQuote(arg) {
  return `'${String(arg).replaceAll("'", `'\\''`)}'`;
}

/** Runs a server program as the server user: directly, or through runuser/su when we are root. */
function runAsServerUser(program, args, cwd) {
  let command = program;
  let commandArgs = args;
  if (isRoot) {
    if (commandExists('runuser')) {
      command = 'runuser';
      commandArgs = ['-u', serverUser, '--', program, ...args];
    } else {
      command = 'su';
      commandArgs = [serverUser, '-s', '/bin/sh', '-c', [program, ...args].map(shellQuote).join(' ')];
    }
  }
  const result = spawnSync(command, commandArgs, { cwd, encoding: 'utf8' });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() || result.error?.message;
    throw new Error(`${program} ${args[0] ?? ''} failed (exit ${result.status}):\n${output}`);
  }
  return result.stdout;
}

function serverUserIds() {
  const uid = spawnSync('id', ['-u', serverUser], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', serverUser], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error(
      `Running as root, but there is no \`${serverUser}\` OS user to run PostgreSQL as (it refuses to run as root). ` +
        `Create one (\`useradd --system ${serverUser}\`) or run as an ordinary user.`,
    );
  }
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

/**
 * Starts a new cluster and creates the `tokenframe` database in it.
 * `durable: true` keeps fsync and synchronous_commit on, for measuring what a real deployment pays.
 * @param {{ durable?: boolean }} [options]
 * @returns {Promise<{ url: string, pause(): Promise<void>, resume(): Promise<void>, stop(): Promise<void> }>}
 */
export async function startPostgres({ durable = false } = {}) {
  const binDir = ensureBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'tokenframe-pg-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  const bin = (name) => join(binDir, name);

  let running = false;
  const stopNow = () => {
    if (running) {
      running = false;
      try {
        runAsServerUser(bin('pg_ctl'), ['stop', '-D', dataDir, '-m', 'fast', '-w'], dir);
      } catch {
        runAsServerUser(bin('pg_ctl'), ['stop', '-D', dataDir, '-m', 'immediate', '-w'], dir);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // A test run that ends without stop() still leaves no server behind.
  const onExit = () => {
    try {
      stopNow();
    } catch {
      // Nothing more can be done while the process exits.
    }
  };
  process.on('exit', onExit);

  try {
    if (isRoot) {
      const { uid, gid } = serverUserIds();
      chownSync(dir, uid, gid);
    }
    runAsServerUser(
      bin('initdb'),
      ['-D', dataDir, '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--auth=trust', '--no-sync'],
      dir,
    );
    // Trust, but only over the private socket directory and 127.0.0.1.
    writeFileSync(join(dataDir, 'pg_hba.conf'), 'local all all trust\nhost all all 127.0.0.1/32 trust\n');
    if (isRoot) {
      const { uid, gid } = serverUserIds();
      chownSync(join(dataDir, 'pg_hba.conf'), uid, gid);
    }

    const startOn = (port) => {
      // A throwaway cluster: durability settings off, for speed, unless asked for.
      const serverOptions = [
        `-p ${port}`,
        `-k ${dir}`,
        '-c listen_addresses=127.0.0.1',
        ...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
        '-c max_connections=300',
      ].join(' ');
      runAsServerUser(
        bin('pg_ctl'),
        ['start', '-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', serverOptions],
        dir,
      );
      running = true;
    };
    let port;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        startOn(port);
        break;
      } catch (error) {
        // Another process may have taken the port between the probe and the start.
        if (attempt >= 3) throw error;
      }
    }

    runAsServerUser(bin('createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', database], dir);
    const url = `postgres://postgres@127.0.0.1:${port}/${database}`;
    return {
      url,
      /** Stops the server and keeps its data, as when a database goes away under a running service. */
      async pause() {
        if (!running) return;
        running = false;
        runAsServerUser(bin('pg_ctl'), ['stop', '-D', dataDir, '-m', 'fast', '-w'], dir);
      },
      /** Starts the paused server again on the same port and data. */
      async resume() {
        if (!running) startOn(port);
      },
      async stop() {
        process.off('exit', onExit);
        stopNow();
      },
    };
  } catch (error) {
    process.off('exit', onExit);
    try {
      stopNow();
    } catch {
      // Report the first failure, not the cleanup's.
    }
    throw new Error(`Could not start a throwaway PostgreSQL server: ${error.message}`, { cause: error });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const server = await startPostgres();
    console.log(server.url);
    console.error('PostgreSQL is running; Ctrl-C stops it and deletes its data.');
    const shutdown = async () => {
      await server.stop();
      process.exit(0);
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
    // Keep the event loop alive until a signal arrives.
    setInterval(() => {}, 1 << 30);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
