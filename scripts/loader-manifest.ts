// The host build's last step: the loader at its immutable, versioned URL and
// the manifest that publishes it.
//
// A merchant page that pins the loader with `<script integrity>` must keep
// getting exactly those bytes after the service is upgraded, so the service
// also serves each loader at a URL that names its content
// (src/server/routes/loader-file.ts). The hash in the name, not the version
// alone, is what makes `immutable` caching true: a rebuild of the same
// version with different bytes gets a new URL instead of silently changing an
// old one. loader.json (served at /v1/loader.json) says which file is the
// current one and its integrity value.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { loaderFileName, subresourceIntegrity } from '../src/server/routes/loader-file';

/** Released loaders (scripts/release-loader.mjs): served beside the current one, so pinned pages outlive upgrades. */
const releasedLoaders = fileURLToPath(new URL('../releases/loaders/', import.meta.url));

export function loaderManifestPlugin(version: string): Plugin {
  return {
    name: 'tokenframe-loader-manifest',
    // After writing, from the file on disk: the integrity must be that of the exact bytes served.
    writeBundle({ dir }, bundle) {
      if (!dir || !('tokenframe.js' in bundle)) return;
      const script = readFileSync(join(dir, 'tokenframe.js'));
      const file = loaderFileName(version, script);
      const integrity = subresourceIntegrity(script);
      mkdirSync(join(dir, 'loader'), { recursive: true });
      cpSync(releasedLoaders, join(dir, 'loader'), { recursive: true });
      writeFileSync(join(dir, 'loader', file), script);
      writeFileSync(join(dir, 'loader.json'), `${JSON.stringify({ version, file, integrity }, null, 2)}\n`);
      console.log(`tokenframe ${version} loader: /v1/loader/${file} integrity="${integrity}"`);
    },
  };
}
