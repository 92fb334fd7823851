import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface SelfSignedCert {
  certFile: string;
  keyFile: string;
  cert: Buffer;
  key: Buffer;
}

/** Whether the `openssl` command exists here (CI installs it: .ci/run). */
export const opensslAvailable = spawnSync('openssl', ['version']).status === 0;

/**
 * A throwaway self-signed certificate for 127.0.0.1 and localhost, made with `openssl` in `dir`
 * (Node can make keys but not X.509 certificates).
 */
export function makeSelfSignedCert(dir: string, name = 'hub'): SelfSignedCert {
  const certFile = path.join(dir, `${name}-cert.pem`);
  const keyFile = path.join(dir, `${name}-key.pem`);
  const result = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`openssl failed: ${result.stderr}`);
  return { certFile, keyFile, cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) };
}
