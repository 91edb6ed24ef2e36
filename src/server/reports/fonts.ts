import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * The Chinese font of every report (Noto Sans SC, SIL OFL 1.1), resolved from its npm package so a
 * fresh `npm ci` can build reports; the operating system's fonts are never consulted.
 */
const require = createRequire(import.meta.url);
const PACKAGE = '@expo-google-fonts/noto-sans-sc';

export const FONT_FAMILY = 'Noto Sans SC';

export const fontPaths = {
  regular: require.resolve(`${PACKAGE}/400Regular/NotoSansSC_400Regular.ttf`),
  bold: require.resolve(`${PACKAGE}/700Bold/NotoSansSC_700Bold.ttf`),
} as const;

export interface ReportFonts {
  regular: Buffer;
  bold: Buffer;
}

let loaded: Promise<ReportFonts> | null = null;

/** Both weights, read once per process (about 10 MB each). */
export function loadFonts(): Promise<ReportFonts> {
  loaded ??= Promise.all([readFile(fontPaths.regular), readFile(fontPaths.bold)])
    .then(([regular, bold]) => ({ regular, bold }))
    .catch((err: unknown) => {
      loaded = null;
      throw err;
    });
  return loaded;
}
