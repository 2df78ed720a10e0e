import { fileURLToPath } from 'node:url';

export const schemaFilePath = fileURLToPath(new URL('../../../shared-schema/schema.graphql', import.meta.url));
