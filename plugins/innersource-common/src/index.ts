/**
 * The InnerSource annotation contract (keys, types and the one parser) and the
 * scorecard model (checks, levels, score) as pure functions, shared by the
 * catalog processor, the lint command, the backend and the UI.
 *
 * The `innersource-lint` command's logic is exported separately, from
 * `@innersource/backstage-plugin-innersource-common/lint`.
 *
 * @packageDocumentation
 */

export * from './annotations';
export * from './scorecards';
export * from './board/types';
export * from './search/types';
export * from './badges/types';
export * from './codehost';
export * from './permissions';
