import { test, expect } from 'vitest';
import express from 'express';
import cors from 'cors';
import Koa from 'koa';
import koaCors from '@koa/cors';
import Fastify from 'fastify';
import fastifyCors from '@fastify/cors';
import { Hono } from 'hono';
import { cors as honoCors } from 'hono/cors';
import { http, HttpResponse } from 'msw';
import nock from 'nock';
import { toTransport } from '../../src/transports/index.js';
import type { WireRequest } from '../../src/types.js';

const pre: WireRequest = { method: 'OPTIONS', url: 'https://api.example/x', headers: [['Origin', 'https://app.example'], ['Access-Control-Request-Method', 'PUT']], body: null };
const get: WireRequest = { method: 'GET', url: 'https://api.example/x', headers: [['Origin', 'https://app.example']], body: null };
const ctx = () => ({ signal: new AbortController().signal });

test('smoke', async () => {
  const e = express(); e.use(cors({ origin: 'https://app.example' })); e.get('/x', (_q, r) => { r.append('Set-Cookie', 'a=1'); r.append('Set-Cookie', 'b=2'); r.send('hi'); });
  const k = new Koa(); k.use(koaCors()); k.use((c) => { c.body = 'k'; });
  const f = Fastify(); await f.register(fastifyCors, { origin: 'https://app.example' }); f.get('/x', async () => 'f');
  const h = new Hono(); h.use('*', honoCors({ origin: 'https://app.example' })); h.get('/x', (c) => c.text('h'));
  const m = [http.get('https://api.example/x', () => new HttpResponse('m', { headers: { 'access-control-allow-origin': '*' } }))];
  const m2 = [http.get('/x', () => new HttpResponse('m2'))];
  for (const [name, t] of Object.entries({ e, k, f, h, m, m2 })) {
    const tr = toTransport(t as never);
    const a = await tr.send(pre, ctx());
    const b = await tr.send(get, ctx());
    console.log(name, tr.name, a.status, a.headers, b.status, b.headers, new TextDecoder().decode(b.body));
  }
  nock('https://api.example').get('/x').reply(200, 'n', { 'Access-Control-Allow-Origin': 'https://app.example', 'Set-Cookie': ['a=1', 'b=2'] });
  const n = toTransport('https://api.example');
  const r = await n.send(get, ctx());
  console.log('nock', r.status, r.headers, new TextDecoder().decode(r.body));
  await expect(n.send(get, ctx())).rejects.toThrow(/nock/);
  nock.cleanAll(); nock.restore();
  console.log(process.getActiveResourcesInfo());
});
