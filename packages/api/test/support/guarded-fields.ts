/**
 * Fields of object types that carry their own `@Authorized` (narrower than the operations that
 * reach them), read from type-graphql's metadata so a new guarded field is found without a list.
 */
import { getMetadataStorage } from 'type-graphql';
import { createSchema } from '../../src/app/schema.js';

export interface GuardedField {
  /** `Reseller.users` */
  coordinate: string;
  type: string;
  field: string;
}

export async function guardedFields(): Promise<GuardedField[]> {
  await createSchema(); // building the schema completes type-graphql's metadata
  const storage = getMetadataStorage();
  const typeName = (target: Function) => storage.objectTypes.find((o) => o.target === target)?.name ?? target.name;
  const out: GuardedField[] = [];
  for (const resolver of storage.fieldResolvers) {
    const own = storage.authorizedFields.some((a) => a.target === resolver.target && a.fieldName === resolver.methodName);
    const objectType = resolver.getObjectType?.() ?? resolver.resolverClassMetadata?.getObjectType();
    if (!own || !objectType) continue;
    const type = typeName(objectType as Function);
    out.push({ coordinate: `${type}.${resolver.schemaName}`, type, field: resolver.schemaName });
  }
  // @Authorized on a plain field of an object type (no resolver method) guards it the same way.
  for (const authorized of storage.authorizedFields) {
    const objectType = storage.objectTypes.find((o) => o.target === authorized.target);
    const field = objectType?.fields?.find((f) => f.name === authorized.fieldName);
    if (objectType && field) out.push({ coordinate: `${objectType.name}.${field.schemaName}`, type: objectType.name, field: field.schemaName });
  }
  return out.sort((a, b) => a.coordinate.localeCompare(b.coordinate));
}
