/**
 * Redaction: the secret part of Authorization, Proxy-Authorization, Cookie and Set-Cookie values and URL
 * credentials go, and the values of headers named like credentials; what a reader needs to debug CORS (the
 * scheme, cookie names, Set-Cookie attributes) stays.
 */
import { describe, expect, it } from 'vitest';
import { headerSecrets, redactHeaderValue, Redactor, redactUrlCredentials, REDACTED } from '../../src/report/redact.js';

describe('redactHeaderValue', () => {
  it('keeps the authentication scheme and drops the credentials', () => {
    expect(redactHeaderValue('Authorization', 'Bearer eyJhbGciOi.payload.sig')).toBe(`Bearer ${REDACTED}`);
    expect(redactHeaderValue('authorization', 'Basic dXNlcjpwYXNz')).toBe(`Basic ${REDACTED}`);
    expect(redactHeaderValue('Proxy-Authorization', 'Basic abc')).toBe(`Basic ${REDACTED}`);
    expect(redactHeaderValue('Authorization', 'rawtoken')).toBe(REDACTED);
  });

  it('keeps cookie names and Set-Cookie attributes, drops the values', () => {
    expect(redactHeaderValue('Cookie', 'session=abc123; theme=dark')).toBe(`session=${REDACTED}; theme=${REDACTED}`);
    expect(redactHeaderValue('Set-Cookie', 'sid=s3cret; Path=/; HttpOnly; SameSite=None; Secure')).toBe(`sid=${REDACTED}; Path=/; HttpOnly; SameSite=None; Secure`);
    expect(redactHeaderValue('set-cookie', 'bare')).toBe(REDACTED);
  });

  it('leaves every other header alone', () => {
    expect(redactHeaderValue('X-Csrf-Token', 'abc')).toBe('abc');
    expect(redactHeaderValue('Access-Control-Allow-Origin', 'https://app.example')).toBe('https://app.example');
  });
});

describe('redactUrlCredentials', () => {
  it('removes user:password@ from URLs anywhere in a text, and nothing else', () => {
    expect(redactUrlCredentials('http://bob:hunter2@api.example/x')).toBe(`http://${REDACTED}@api.example/x`);
    expect(redactUrlCredentials("Access to fetch at 'https://tok@api.example/' from")).toBe(`Access to fetch at 'https://${REDACTED}@api.example/' from`);
    expect(redactUrlCredentials('https://api.example/a@b and mail bob@example.com')).toBe('https://api.example/a@b and mail bob@example.com');
  });
});

describe('Redactor', () => {
  const redactor = Redactor.forRequest('http://alice:pa%24%24word@api.example/', [
    ['Authorization', 'Bearer tok_live_123456'],
    ['Cookie', 'session=sess_abcdef; theme=ok'],
    ['X-Other', 'visible'],
  ]);

  it('finds the request\'s secrets again in free text: an echoed token, a decoded password', () => {
    expect(redactor.text('the server said: token tok_live_123456 is bad')).toBe(`the server said: token ${REDACTED} is bad`);
    expect(redactor.text('password pa$$word and sess_abcdef')).toBe(`password ${REDACTED} and ${REDACTED}`);
    // Values shorter than 4 characters (ok) are only redacted where they are known to sit.
    expect(redactor.text('ok then')).toBe('ok then');
  });

  it('redacts a whole report: header lists, header records, URLs, messages; leaves bytes and other values', () => {
    const body = new Uint8Array([1]);
    const report = {
      url: 'http://alice:pa%24%24word@api.example/',
      request: { headers: [['Authorization', 'Bearer tok_live_123456'], ['X-Other', 'visible']] },
      response: { headers: { 'set-cookie': 'id=1; Secure', 'x-echo': 'tok_live_123456' }, body },
      names: ['authorization', 'x-other'],
      count: 2,
    };
    const out = redactor.report(report);
    expect(out).toEqual({
      url: `http://${REDACTED}@api.example/`,
      request: { headers: [['Authorization', `Bearer ${REDACTED}`], ['X-Other', 'visible']] },
      response: { headers: { 'set-cookie': `id=${REDACTED}; Secure`, 'x-echo': REDACTED }, body },
      names: ['authorization', 'x-other'],
      count: 2,
    });
    expect(out.response.body).toBe(body);
    expect(JSON.stringify(out)).not.toMatch(/tok_live|sess_abc|pa\$\$word|pa%24/);
  });
});

describe('Redactor.forRequests (the audit: one set of headers over many endpoints)', () => {
  const r = Redactor.forRequests(
    ['https://bob:s3cret@api.example/x', 'https://api.example/y'],
    [['Cookie', 'sid=abc123; theme=dark'], ['Authorization', 'Basic ' + Buffer.from('ada:pa55word').toString('base64')], ['X-Api-Key', 'k-999999'], ['Accept', 'application/json'], ['Access-Control-Request-Headers', 'x-api-key']],
  );

  it('keeps cookie names and the auth scheme, drops the values; credential-looking headers go whole', () => {
    expect(r.header('Cookie', 'sid=abc123; theme=dark')).toBe(`sid=${REDACTED}; theme=${REDACTED}`);
    expect(r.header('authorization', 'Basic YWRhOnBhNTV3b3Jk')).toBe(`Basic ${REDACTED}`);
    expect(r.header('Set-Cookie', 'sid=new; Path=/; HttpOnly')).toBe(`sid=${REDACTED}; Path=/; HttpOnly`);
    expect(r.header('X-Api-Key', 'k-999999')).toBe(REDACTED);
    expect(r.header('Accept', 'application/json')).toBe('application/json');
    expect(r.header('Access-Control-Request-Headers', 'x-api-key')).toBe('x-api-key');
  });

  it('finds secret values anywhere in text, and URL credentials', () => {
    expect(r.text('echo: abc123 and k-999999 and s3cret')).toBe(`echo: ${REDACTED} and ${REDACTED} and ${REDACTED}`);
    expect(r.text('https://bob:s3cret@api.example/x')).toBe(`https://${REDACTED}@api.example/x`);
    expect(r.text('failed GET https://joe:pw@host.example/')).toBe(`failed GET https://${REDACTED}@host.example/`);
  });

  it('headerSecrets: the format-known parts, or a credential-named header whole, or nothing', () => {
    expect(headerSecrets('Cookie', 'a=1234; b=5678')).toEqual(['1234', '5678']);
    expect(headerSecrets('X-Auth-Token', ' t0ken ')).toEqual(['t0ken']);
    expect(headerSecrets('X-Client-Secret', 'shh-secret')).toEqual(['shh-secret']);
    expect(headerSecrets('Access-Control-Allow-Credentials', 'true')).toEqual([]);
    expect(headerSecrets('Accept', 'text/html')).toEqual([]);
  });
});
