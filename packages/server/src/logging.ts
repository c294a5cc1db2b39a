/**
 * Never log clinical text, tokens or passwords. pino censors these paths wherever they appear, and
 * the request serializer masks the single-use tokens that invitation and reset links carry in URLs.
 */
export const LOG_REDACTIONS = {
  paths: [
    'req.headers.cookie',
    'req.headers.authorization',
    'res.headers["set-cookie"]',
    '*.password',
    '*.currentPassword',
    '*.newPassword',
    '*.token',
    '*.secret',
    '*.code',
    '*.text',
    '*.body',
  ],
  censor: '[redacted]',
};

const TOKEN_IN_URL = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[A-Za-z0-9_-]{20,}/gi;

export function maskTokens(url: string): string {
  return url.replace(TOKEN_IN_URL, '[token]');
}

interface LoggableRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  id?: string;
}

export const LOG_SERIALIZERS = {
  req(request: LoggableRequest) {
    return {
      method: request.method,
      url: maskTokens(request.url ?? ''),
      host: request.host,
      remoteAddress: request.ip,
    };
  },
};
