// What an issuing body hosts (did.json, the signed status list), served by a tiny web server on
// 127.0.0.1 to verifiers nobody here wrote, without the network.
//
// Some of those verifiers (verifier-core, behind the Learner Credential Wallet) build their document
// loader when their module loads and offer no hook to replace it; they fetch through the global fetch.
// So this stands where DNS would: while installed, requests for https://<served host>/… go to the local
// server (same host and path), the OB 3.0 schema comes from ../shared/standards when it is there, and any
// other URL is refused, so nothing reaches the network and every fetch is on the record.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { standard, standardsPresent } from './standards.js';

/** The schema verifier-core fetches for an OB 3.0 credential (additional information, never its verdict). */
export const OB3_SCHEMA_URL =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

export interface HostedWeb {
  /** https URL → the JSON hosted there (change it at will; a missing URL answers 404). */
  hosted: Map<string, object>;
  /** Every URL fetched while installed, and whether it was answered (served) or refused. */
  requests: { url: string; served: boolean }[];
  /** Puts back the real fetch and stops the server. */
  close(): Promise<void>;
}

/** Starts the server and routes the global fetch for `hosts` to it until close(). */
export async function hostedWeb(hosts: readonly string[]): Promise<HostedWeb> {
  const served = new Set(hosts);
  const hosted = new Map<string, object>();
  const requests: { url: string; served: boolean }[] = [];
  const server = http.createServer((req, res) => {
    const url = `https://${String(req.headers['x-test-host'])}${new URL(req.url ?? '/', 'http://x').pathname}`;
    const doc = hosted.get(url);
    if (!doc) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(doc));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.protocol === 'https:' && served.has(url.host)) {
      requests.push({ url: request.url, served: true });
      const headers = new Headers(request.headers);
      headers.set('x-test-host', url.host);
      return realFetch(new Request(`${origin}${url.pathname}${url.search}`, { method: request.method, headers }));
    }
    if (request.url === OB3_SCHEMA_URL && standardsPresent) {
      requests.push({ url: request.url, served: true });
      const schema = fs.readFileSync(standard('open-badges-3', 'achievementcredential.schema.json'));
      return Promise.resolve(new Response(schema, { headers: { 'content-type': 'application/json' } }));
    }
    requests.push({ url: request.url, served: false });
    return Promise.reject(new TypeError(`fetch failed: no network here (${request.url})`));
  };
  return {
    hosted,
    requests,
    close: async () => {
      globalThis.fetch = realFetch;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
