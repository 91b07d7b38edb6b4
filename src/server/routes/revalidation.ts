import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/** A strong ETag naming these exact bytes. */
export function entityTag(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/** Whether the copy the client holds (its If-None-Match) is the one `etag` names, so a 304 can answer. */
export function clientHolds(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  return header !== undefined && header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
