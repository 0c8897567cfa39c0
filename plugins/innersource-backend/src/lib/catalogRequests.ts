/** Refs per `getEntitiesByRefs` call: keeps the request body well under 100 kB. */
export const REFS_PER_REQUEST = 400;
