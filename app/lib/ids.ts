const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True for a well-formed UUID. Ids arrive in URLs and forms; PostgreSQL refuses anything else cast
 * to uuid with an error (a 500), so a lookup checks first and answers "not found" instead.
 */
export const isUuid = (value: string): boolean => UUID.test(value);
