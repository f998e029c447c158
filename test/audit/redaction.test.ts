/**
 * The audit's redactor (src/audit/redaction.ts over src/report/redact.ts): secrets out, the shape of the
 * evidence kept.
 */
import { describe, expect, it } from 'vitest';
import { auditRedactor } from '../../src/audit/redaction.js';
import { REDACTED } from '../../src/report/redact.js';

describe('auditRedactor', () => {
  const r = auditRedactor(
    [['Cookie', 'sid=abc123; theme=dark'], ['Authorization', 'Basic ' + Buffer.from('ada:pa55word').toString('base64')], ['X-Api-Key', 'k-999999'], ['Accept', 'application/json']],
    ['https://bob:s3cret@api.example/x'],
  );

  it('keeps cookie names and the auth scheme, drops the values; credential-looking headers go whole', () => {
    expect(r.header('Cookie', 'sid=abc123; theme=dark')).toBe(`sid=${REDACTED}; theme=${REDACTED}`);
    expect(r.header('authorization', 'Basic YWRhOnBhNTV3b3Jk')).toBe(`Basic ${REDACTED}`);
    expect(r.header('Set-Cookie', 'sid=new; Path=/; HttpOnly')).toBe(`sid=${REDACTED}; Path=/; HttpOnly`);
    expect(r.header('X-Api-Key', 'k-999999')).toBe(REDACTED);
    expect(r.header('Accept', 'application/json')).toBe('application/json');
    expect(r.header('Access-Control-Allow-Credentials', 'true')).toBe('true');
  });

  it('finds secret values anywhere in text, and URL credentials', () => {
    expect(r.text('echo: abc123 and k-999999 and s3cret')).toBe(`echo: ${REDACTED} and ${REDACTED} and ${REDACTED}`);
    expect(r.text('https://bob:s3cret@api.example/x')).toBe(`https://${REDACTED}@api.example/x`);
    expect(r.text('failed GET https://joe:pw@host.example/')).toBe(`failed GET https://${REDACTED}@host.example/`);
  });
});
