/** Never log clinical text, tokens or passwords. pino censors these paths wherever they appear. */
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
