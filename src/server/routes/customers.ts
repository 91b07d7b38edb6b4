import type { FastifyInstance } from 'fastify';
import { apiKeyOf } from '../auth';
import { StripeError } from '../errors';
import { newId } from '../ids';
import { consumeSourceToken, sourceFromToken } from '../sources';
import type { CustomerRecord, ModeScope } from '../storage/types';
import {
  checkKnownParams,
  isParams,
  readMetadata,
  readRequiredString,
  readString,
  type Params,
} from '../tokens/params';

const customerParams = ['source', 'email', 'name', 'description', 'phone', 'metadata', 'expand'];
const idSchema = {
  params: { type: 'object', properties: { id: { type: 'string', maxLength: 255 } }, required: ['id'] },
} as const;

type Customer = CustomerRecord['customer'] & {
  default_source: string | null;
  sources: { object: 'list'; data: Record<string, unknown>[]; has_more: false; total_count: number; url: string };
};

function newCustomer(id: string, created: number, livemode: boolean, body: Params): Customer {
  return {
    id,
    object: 'customer',
    address: null,
    balance: 0,
    created,
    currency: null,
    default_source: null,
    delinquent: false,
    description: readString(body.description, 'description') ?? null,
    discount: null,
    email: readString(body.email, 'email') ?? null,
    invoice_prefix: newId('', 8).slice(1).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode,
    metadata: readMetadata(body.metadata, 'metadata') ?? {},
    name: readString(body.name, 'name') ?? null,
    next_invoice_sequence: 1,
    phone: readString(body.phone, 'phone') ?? null,
    preferred_locales: [],
    shipping: null,
    sources: { object: 'list', data: [], has_more: false, total_count: 0, url: `/v1/customers/${id}/sources` },
    tax_exempt: 'none',
    test_clock: null,
  };
}

/**
 * Stripe's Customers API, as far as tokens need it: a token becomes a
 * customer's source (`card_…` or `ba_…`) exactly once. Secret key only; a
 * key sees only the customers and tokens of its own account and mode.
 */
export async function customersRoutes(app: FastifyInstance): Promise<void> {
  const { stores, secrets, clock } = app;

  async function customerOf(id: string, scope: ModeScope): Promise<Customer> {
    const record = await stores.customers.getCustomer(id, scope);
    if (!record) {
      const message = /^cus_[A-Za-z0-9]+$/.test(id) ? `No such customer: '${id}'` : 'No such customer.';
      throw new StripeError(404, 'invalid_request_error', message, 'resource_missing', 'id');
    }
    return record.customer as Customer;
  }

  async function saveCustomer(customer: Customer, { accountId, livemode }: ModeScope): Promise<void> {
    await stores.customers.saveCustomer({
      id: customer.id,
      accountId,
      livemode,
      customer,
      created: customer.created as number,
    });
  }

  /** Uses the token and adds its card or bank account to the customer; the first source becomes the default. */
  async function attachSource(customer: Customer, scope: ModeScope, tokenId: string) {
    const token = await consumeSourceToken({ vault: stores.vault, secrets, clock }, scope, tokenId);
    const source = sourceFromToken(token, customer.id, clock.now(), secrets);
    await stores.customers.insertSource(source);
    customer.sources.data.push(source.source);
    customer.sources.total_count += 1;
    customer.default_source ??= source.id;
    await saveCustomer(customer, scope);
    return source.source;
  }

  app.post('/v1/customers', { config: { auth: 'secret' } }, async (request) => {
    const body = isParams(request.body) ? request.body : {};
    checkKnownParams(body, customerParams, '');
    const key = apiKeyOf(request);
    const customer = newCustomer(newId('cus'), clock.now(), key.livemode, body);
    const source = readString(body.source, 'source');
    if (source) {
      await attachSource(customer, key, source);
    } else {
      await saveCustomer(customer, key);
    }
    return customer;
  });

  app.get<{ Params: { id: string } }>(
    '/v1/customers/:id',
    { config: { auth: 'secret' }, schema: idSchema },
    async (request) => customerOf(request.params.id, apiKeyOf(request)),
  );

  app.post<{ Params: { id: string } }>(
    '/v1/customers/:id/sources',
    { config: { auth: 'secret' }, schema: idSchema },
    async (request) => {
      const body = isParams(request.body) ? request.body : {};
      checkKnownParams(body, ['source', 'metadata', 'expand'], '');
      const key = apiKeyOf(request);
      const customer = await customerOf(request.params.id, key);
      return attachSource(customer, key, readRequiredString(body.source, 'source'));
    },
  );
}
