/**
 * The InnerSource annotation contract: keys, types and the one parser that the
 * catalog processor, the lint command, the backend and the UI share.
 *
 * The `innersource-lint` command's logic is exported separately, from
 * `@innersource/backstage-plugin-innersource-common/lint`.
 *
 * @packageDocumentation
 */

export * from './annotations';
