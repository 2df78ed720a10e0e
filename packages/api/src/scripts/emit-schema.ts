/** Writes the SDL to packages/shared-schema/schema.graphql (the SPAs' codegen reads it). */
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { printedSchema } from '../app/schema.js';
import { schemaFilePath } from '../app/schema-file.js';

await writeFile(schemaFilePath, await printedSchema());
console.log(`wrote ${schemaFilePath}`);
