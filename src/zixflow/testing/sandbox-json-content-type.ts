/** Accepts `application/json` with an optional `charset=utf-8`; any other parameter or charset is refused. */
export function isJsonContentType(header: string): boolean {
  const [mediaType, ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (mediaType !== 'application/json') return false;
  return parameters.every(
    (parameter) => parameter === '' || /^charset="?utf-8"?$/.test(parameter.replace(/\s*=\s*/, '=')),
  );
}
