import { Reseller } from '../modules/resellers/reseller.entity.js';

/**
 * type-graphql and MikroORM read TypeScript's decorator metadata. A loader that drops it (esbuild,
 * tsx) breaks them in confusing ways; fail at start-up with a clear message instead.
 */
export function assertDecoratorMetadata(): void {
  const type = Reflect.getMetadata('design:type', Reseller.prototype, 'companyName');
  if (type !== String) {
    throw new Error('Decorator metadata is missing: run the api with SWC (node --import ./register.js) or tsc, not esbuild/tsx.');
  }
}
