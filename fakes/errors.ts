/**
 * Errors thrown the way Apps Script services throw them: an Error whose name is
 * "Exception", so String(e) reads "Exception: <message>" as in the execution log.
 */
export function gasError(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}

/** Google's message when a method is called with arguments of the wrong types. */
export function signatureError(className: string, method: string, argTypes: string[]): Error {
  return gasError(
    `The parameters (${argTypes.join(',')}) don't match the method signature for ${className}.${method}.`,
  );
}

/** Apps Script's name for the type of an argument in signature errors. */
export function gasTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    const inner = value.length > 0 ? gasTypeName(value[0]) : 'Object';
    return `${inner}[]`;
  }
  if (Object.prototype.toString.call(value) === '[object Date]') return 'Date';
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return t === 'string' ? 'String' : t;
  return 'Object';
}
