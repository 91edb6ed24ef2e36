/** The platform's version, shown by /api/meta, the CLI and backup manifests. */
export const VERSION = '0.1.0';
