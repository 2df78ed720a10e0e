import { DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database-unavailable.js';

/** An error as node-postgres or Node's sockets raise it. */
const raised = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

describe('isDatabaseUnavailable', () => {
  it.each([
    ['connection refused (PostgreSQL down)', raised('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['connection reset', raised('read ECONNRESET', 'ECONNRESET')],
    ['fast shutdown cut the session', raised('terminating connection due to administrator command', '57P01')],
    ['starting up', raised('the database system is starting up', '57P03')],
    ['connection failure (08006)', raised('connection failure', '08006')],
    ['socket closed without a code', raised('Connection terminated unexpectedly')],
    ['a client whose connection died', raised('Client has encountered a connection error and is not queryable')],
    ['pool exhausted while reconnecting', raised('Knex: Timeout acquiring a connection. The pool is probably full.')],
    ['the transaction whose connection died', new DriverException(raised('Transaction query already complete, run with DEBUG=knex:tx for more info'))],
    ['wrapped by MikroORM', new DriverException(raised('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))],
    ['wrapped by Apollo (context)', new GraphQLError('Context creation failed: the database system is starting up', { originalError: new DriverException(raised('the database system is starting up', '57P03')) })],
    ['the cause of another error', new Error('Interrupted', { cause: raised('terminating connection due to administrator command', '57P01') })],
  ])('%s: yes', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', new UniqueConstraintViolationException(raised('duplicate key value violates unique constraint', '23505'))],
    ['a syntax error', raised('syntax error at or near "selec"', '42601')],
    ['a serialization failure', raised('could not serialize access', '40001')],
    ['a plain error', new Error('boom')],
    ['not an error', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('%s: no', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
