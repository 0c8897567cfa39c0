import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, GraphQLSchema } from 'graphql';

let schema: GraphQLSchema | undefined;

/**
 * Where `@octokit/graphql-schema` keeps GitHub's published schema. The package
 * is ESM-only and exports no file paths, so the IDL file is looked for in the
 * `node_modules` folders Node's resolver would search.
 */
function schemaFile(): string {
  const folders = require.resolve.paths('@octokit/graphql-schema') ?? [];
  for (const folder of folders) {
    const candidate = path.join(
      folder,
      '@octokit',
      'graphql-schema',
      'schema.graphql',
    );
    if (fs.existsSync(candidate)) {
      return candidate;
    }
  }
  throw new Error(
    `Cannot find @octokit/graphql-schema/schema.graphql in ${folders.join(
      ', ',
    )}`,
  );
}

/** GitHub's real GraphQL schema (about 1 MB of IDL), built once per process. */
export function githubGraphqlSchema(): GraphQLSchema {
  if (!schema) {
    schema = buildSchema(fs.readFileSync(schemaFile(), 'utf8'), {
      assumeValidSDL: true,
    });
  }
  return schema;
}
