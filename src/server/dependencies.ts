import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Clock } from './clock';
import type { ServiceSecrets } from './config';
import type { Stores } from './storage/types';

/** What every part of the service shares, decorated once on the app by `buildApp`. */
export interface ServiceDependencies {
  stores: Stores;
  secrets: ServiceSecrets;
  clock: Clock;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The stores by concern; each plugin uses only those it needs. */
    stores: Stores;
    secrets: ServiceSecrets;
    clock: Clock;
  }
}

async function dependencies(app: FastifyInstance, options: ServiceDependencies): Promise<void> {
  app.decorate('stores', options.stores);
  app.decorate('secrets', options.secrets);
  app.decorate('clock', options.clock);
}

/** Decorates the app with the shared dependencies; the plugins after it read them from `app`. */
export const dependenciesPlugin = fp(dependencies, { name: 'tokenframe-dependencies', fastify: '5.x' });
