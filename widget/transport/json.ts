/**
 * JSON.stringify for what the widget sends. Prototype.js (still on many older apps) defines Array.prototype.toJSON
 * returning a string, so every array would be sent as a string and the server would refuse the ticket; the replacer
 * puts the array itself back (it runs after toJSON). Only on such pages: a replacer makes stringify slower.
 */
export const toJson = (value: unknown): string =>
  JSON.stringify(
    value,
    "toJSON" in Array.prototype
      ? function (this: Record<string, unknown>, key: string, result: unknown) {
          return Array.isArray(this[key]) ? this[key] : result;
        }
      : undefined,
  );
