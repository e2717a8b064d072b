/**
 * What is searched for, read as the evidence library's index reads text: a slash as a space
 * (migration 0035). PostgreSQL's parser takes "D/deaf" as one path-like word, so without this a
 * search for "D/deaf" would look for a word the index no longer holds. The search box keeps what
 * the person typed; only the query sent to the database changes.
 */
export const searchableQuery = (q: string): string => q.replace(/\//g, " ");
