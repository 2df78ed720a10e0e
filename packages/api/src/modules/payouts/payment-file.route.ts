import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { buildContext, type AppServices } from '../../app/context.js';
import { Role } from '../../auth/roles.js';
import { isUuid } from '../../shared/validation.js';
import { PaymentFile } from './payment-batch.entity.js';
import { storedNacha } from './payment-file.repository.js';

/**
 * GET /files/payment-batches/:batchId/nacha | remittance.csv — the stored export, byte for byte,
 * for FINANCE and ADMIN of the batch's tenant (same Bearer credentials as GraphQL). The NACHA file
 * holds full account numbers, so it never travels inside a GraphQL response and is never cached.
 */
export function paymentFileHandler(services: AppServices) {
  return async (req: Request, res: Response) => {
    const fail = (status: number, code: string, message: string) => res.status(status).json({ errors: [{ message, extensions: { code } }] });
    let ctx;
    try {
      ctx = await buildContext(services, req);
    } catch (error) {
      if (error instanceof GraphQLError) return fail(401, 'UNAUTHENTICATED', error.message);
      throw error;
    }
    if (!ctx.actor) return fail(401, 'UNAUTHENTICATED', 'Sign in to continue');
    if (ctx.actor.role !== Role.ADMIN && ctx.actor.role !== Role.FINANCE) return fail(403, 'FORBIDDEN', 'You are not allowed to do this');
    const batchId = String(req.params.batchId);
    const kind = String(req.params.kind);
    const file = isUuid(batchId) && (kind === 'nacha' || kind === 'remittance.csv') ? await ctx.em.findOne(PaymentFile, { batch: batchId }) : null;
    if (!file) return fail(404, 'NOT_FOUND', 'No exported file for this batch');
    res.setHeader('Cache-Control', 'no-store');
    if (kind === 'nacha') {
      res.setHeader('Content-Type', 'text/plain; charset=us-ascii');
      res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
      res.setHeader('X-Content-SHA256', file.nachaSha256);
      return res.send(storedNacha(file, services.payoutCipher));
    }
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName.replace(/\.txt$/, '')}-remittance.csv"`);
    return res.send(file.remittanceCsv);
  };
}
