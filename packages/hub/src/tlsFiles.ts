import fs from 'node:fs';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import type { HubTls } from './hubServer.js';

export type TlsFilesResult = { ok: true; tls: HubTls } | { ok: false; message: string };

/**
 * Reads and checks the certificate and key for `judgehub serve --tls-cert FILE --tls-key FILE`
 * before the hub starts, so a mistake names the file at fault instead of failing deep in TLS.
 */
export function readTlsFiles(certPath: string, keyPath: string): TlsFilesResult {
  const cert = readFile(certPath, 'certificate (--tls-cert)');
  if (!cert.ok) return cert;
  const key = readFile(keyPath, 'private key (--tls-key)');
  if (!key.ok) return key;
  try {
    new X509Certificate(cert.data);
  } catch {
    return { ok: false, message: `${certPath} is not a PEM certificate (--tls-cert)` };
  }
  try {
    createPrivateKey(key.data);
  } catch {
    return {
      ok: false,
      message: `${keyPath} is not a PEM private key (--tls-key), or it needs a passphrase`,
    };
  }
  try {
    createSecureContext({ cert: cert.data, key: key.data });
  } catch (error) {
    return {
      ok: false,
      message: `the private key ${keyPath} does not belong to the certificate ${certPath} (${(error as Error).message})`,
    };
  }
  return { ok: true, tls: { cert: cert.data, key: key.data } };
}

function readFile(
  file: string,
  what: string,
): { ok: true; data: Buffer } | { ok: false; message: string } {
  try {
    return { ok: true, data: fs.readFileSync(file) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a folder'
            : (error as Error).message;
    return { ok: false, message: `cannot read the TLS ${what} ${file}: ${why}` };
  }
}
