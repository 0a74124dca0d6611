/** Ids are random UUIDs; anything else is refused before PostgreSQL's uuid cast would fail on it. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
