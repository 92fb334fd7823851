import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { readTlsFiles } from './tlsFiles.js';

// Certificates need openssl: the test that serves TLS with one is in test/integration.
describe('readTlsFiles', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'judgehub-tls-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const full = path.join(dir, name);
    fs.writeFileSync(full, text);
    return full;
  };
  const key = file(
    'key.pem',
    generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString(),
  );

  it('names a certificate file that is missing or a folder', () => {
    const missing = path.join(dir, 'nope.pem');
    expect(readTlsFiles(missing, key)).toEqual({
      ok: false,
      message: `cannot read the TLS certificate (--tls-cert) ${missing}: no such file`,
    });
    expect(readTlsFiles(dir, key)).toEqual({
      ok: false,
      message: `cannot read the TLS certificate (--tls-cert) ${dir}: it is a folder`,
    });
  });

  it('names a certificate that is not PEM', () => {
    const notes = file('notes.txt', 'not a certificate');
    expect(readTlsFiles(notes, key)).toEqual({
      ok: false,
      message: `${notes} is not a PEM certificate (--tls-cert)`,
    });
  });

  it('names a missing key file before looking inside the certificate', () => {
    const notes = file('cert.txt', 'not a certificate either');
    const missing = path.join(dir, 'missing-key.pem');
    expect(readTlsFiles(notes, missing)).toMatchObject({
      ok: false,
      message: `cannot read the TLS private key (--tls-key) ${missing}: no such file`,
    });
  });
});
