/**
 * src/report/redact.ts: secrets out, the shape of the evidence kept.
 */
import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from '../../src/report/redact.js';

describe('createRedactor', () => {
  const r = createRedactor({
    headers: [['Cookie', 'sid=abc123; theme=dark'], ['Authorization', 'Basic ' + Buffer.from('ada:pa55word').toString('base64')], ['X-Api-Key', 'k-999999'], ['Accept', 'application/json']],
    urls: ['https://bob:s3cret@api.example/x'],
  });

  it('keeps cookie names and the auth scheme, drops the values', () => {
    expect(r.header('Cookie', 'sid=abc123; theme=dark')).toBe(`sid=${REDACTED}; theme=${REDACTED}`);
    expect(r.header('authorization', 'Basic YWRhOnBhNTV3b3Jk')).toBe(`Basic ${REDACTED}`);
    expect(r.header('Set-Cookie', 'sid=new; Path=/; HttpOnly')).toBe(`sid=${REDACTED}; Path=/; HttpOnly`);
    expect(r.header('X-Api-Key', 'k-999999')).toBe(REDACTED);
    expect(r.header('Accept', 'application/json')).toBe('application/json');
    expect(r.header('Access-Control-Allow-Credentials', 'true')).toBe('true');
  });

  it('finds secret values anywhere in text, decoded Basic credentials and URL passwords included', () => {
    expect(r.text('echo: abc123 and pa55word and s3cret and k-999999')).toBe(`echo: ${REDACTED} and ${REDACTED} and ${REDACTED} and ${REDACTED}`);
    expect(r.url('https://bob:s3cret@api.example/x')).toBe(`https://${REDACTED}@api.example/x`);
    expect(r.text('failed GET https://joe:pw@host.example/')).toBe(`failed GET https://${REDACTED}@host.example/`);
  });
});
