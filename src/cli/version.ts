// The bundler inlines the JSON, so the installed CLI reports the version it was built from.
import packageJson from '../../package.json' with { type: 'json' };

/** The `merge-gate` version, from package.json at build time. */
export const VERSION: string = packageJson.version;
