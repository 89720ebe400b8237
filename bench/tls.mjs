/**
 * A throwaway certificate for the bench's runs over TLS: GitHub's API is HTTPS only, and a run that
 * opens 31 connections at once pays a handshake on each. Made with `openssl` into `.bench-tmp/tls/`
 * (an ECDSA P-256 key, the common choice for web servers today; valid for 127.0.0.1, where the
 * fake listens). The spawned programs trust it through NODE_EXTRA_CA_CERTS, as a runner would trust a
 * proxy's. Undefined when `openssl` is not installed: the bench then skips those runs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TMP } from './lib.mjs';

let made;

/** `{ key, cert, certPath }`, or undefined without `openssl`. */
export function benchCertificate() {
  if (made !== undefined) return made || undefined;
  const dir = join(TMP, 'tls');
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        keyPath,
        '-out',
        certPath,
      ],
      { stdio: 'ignore' },
    );
  } catch {
    made = false;
    return undefined;
  }
  made = { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8'), certPath };
  return made;
}
