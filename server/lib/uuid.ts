const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A dashed uuid, in either case as PostgreSQL's uuid type reads it: anything else would be a database error there. */
export const isUuid = (value: string | undefined): value is string => UUID.test(value ?? "");
