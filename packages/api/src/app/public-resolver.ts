/**
 * Marks a resolver class whose operations anyone may call (no `@Authorized`). The schema test
 * fails on any query, mutation or field resolver that has neither `@Authorized` nor this mark,
 * so access is denied by default and every public operation is a deliberate choice.
 */
export const publicResolverClasses = new Set<Function>();

export function PublicResolver(): ClassDecorator {
  return (target) => {
    publicResolverClasses.add(target);
  };
}
