// How the custom GraphQL scalars of schema.graphql appear in TypeScript, for graphql-codegen
// (`strictScalars: true` in both SPAs makes an unmapped scalar a codegen error).
export const scalars = {
  DateTimeISO: 'string',
  JSONObject: 'Record<string, unknown>',
};
