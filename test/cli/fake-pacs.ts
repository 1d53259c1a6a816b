// A tiny DICOMweb (QIDO-RS) server on loopback for the CLI's tests: it answers one CT study of
// two images, or fails the way a real PACS can (an HTTP status, or no answer at all), and keeps
// every request it was sent (path, query, Authorization header).
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type PacsMode = 'study' | 'empty' | 404 | 500 | 'silent';

export interface FakePacs {
  /** The DICOMweb root, `http://127.0.0.1:<port>/dicom-web`. */
  url: string;
  requests: { path: string; query: URLSearchParams; authorization: string | undefined }[];
  mode: PacsMode;
  close(): Promise<void>;
}

const STUDY = '1.2.826.0.1.3680043.8.498.1';
const SERIES = `${STUDY}.1`;
const value = (vr: string, ...values: string[]): { vr: string; Value: string[] } => ({
  vr,
  Value: values,
});

/** One CT study on the station CT01_OC0, images at 10:00:00 and 10:08:00 local time, 2026-03-04. */
function answer(path: string): unknown[] {
  if (path === '/dicom-web/studies') {
    return [
      {
        '0020000D': value('UI', STUDY),
        '00080020': value('DA', '20260304'),
        '00080050': value('SH', 'ACC-WEB-1'),
        '00100010': { vr: 'PN', Value: [{ Alphabetic: 'DUPONT^JEAN' }] },
      },
    ];
  }
  if (path === `/dicom-web/studies/${STUDY}/series`)
    return [{ '0020000E': value('UI', SERIES), '00080060': value('CS', 'CT') }];
  if (path === `/dicom-web/studies/${STUDY}/series/${SERIES}/instances`) {
    return ['100000', '100800'].map((time, i) => ({
      '00080016': value('UI', '1.2.840.10008.5.1.4.1.1.2'),
      '00080018': value('UI', `${SERIES}.${i + 1}`),
      '00080008': value('CS', 'ORIGINAL', 'PRIMARY', 'AXIAL'),
      '00080060': value('CS', 'CT'),
      '00081010': value('SH', 'CT01_OC0'),
      '00080022': value('DA', '20260304'),
      '00080032': value('TM', time),
    }));
  }
  return [];
}

/** Starts the fake PACS; `mode` may be changed between requests. */
export async function startFakePacs(mode: PacsMode = 'study'): Promise<FakePacs> {
  const pacs: FakePacs = { url: '', requests: [], mode, close: () => Promise.resolve() };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    pacs.requests.push({
      path: url.pathname,
      query: url.searchParams,
      authorization: req.headers.authorization,
    });
    if (pacs.mode === 'silent') return; // never answers: the client's timeout must end it
    if (pacs.mode === 404 || pacs.mode === 500) {
      res
        .writeHead(pacs.mode, { 'Content-Type': 'text/plain' })
        .end(pacs.mode === 404 ? 'no such route' : 'database locked');
      return;
    }
    const body = pacs.mode === 'empty' ? [] : answer(url.pathname);
    res.writeHead(200, { 'Content-Type': 'application/dicom+json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  pacs.url = `http://127.0.0.1:${port}/dicom-web`;
  pacs.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return pacs;
}

/** A loopback URL where nothing listens (a port just released). */
export async function unreachableUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/dicom-web`;
}
