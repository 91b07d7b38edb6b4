import { createHash } from 'node:crypto';

/**
 * How a loader is named at its immutable URL (/v1/loader/{name}): the package
 * version for people, and the start of its SHA-384 so that the name changes
 * whenever the bytes do. One statement for the build, which writes the file,
 * and the service, which serves only files whose name matches their bytes.
 */
export function loaderFileName(version: string, script: string | Buffer): string {
  return `tokenframe-${version}-${createHash('sha384').update(script).digest('hex').slice(0, 16)}.js`;
}

/** `sha384-…` as `<script integrity>` expects it. */
export function subresourceIntegrity(script: string | Buffer): string {
  return `sha384-${createHash('sha384').update(script).digest('base64')}`;
}
