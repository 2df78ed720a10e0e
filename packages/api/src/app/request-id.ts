import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const storage = new AsyncLocalStorage<{ requestId: string }>();

/** Gives every HTTP request an id (echoed as `x-request-id`), readable anywhere during it. */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction) {
  const requestId = randomUUID();
  res.setHeader('x-request-id', requestId);
  storage.run({ requestId }, next);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
