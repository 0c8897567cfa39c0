import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, GraphQLSchema } from 'graphql';

let schema: GraphQLSchema | undefined;

/**
 * GitHub's published GraphQL schema, from `@octokit/graphql-schema`. The
 * package is ESM-only and exports no subpath, so its `schema.graphql` (what
 * its `schema.idl` reads) is found on the module search path directly.
 */
export function githubSchema(): GraphQLSchema {
  if (!schema) {
    const file = (require.resolve.paths('@octokit/graphql-schema') ?? [])
      .map(dir =>
        path.join(dir, '@octokit', 'graphql-schema', 'schema.graphql'),
      )
      .find(candidate => fs.existsSync(candidate));
    if (!file) {
      throw new Error('@octokit/graphql-schema is not installed');
    }
    // The published text defines two EnterpriseOwnerInfo fields twice, which strict SDL validation refuses.
    schema = buildSchema(fs.readFileSync(file, 'utf8'), {
      assumeValidSDL: true,
    });
  }
  return schema;
}
