/**
 * Where an example or a pipeline program writes its output.
 *
 * `npm run synth` sets `CAPI_BLUEPRINTS_OUTDIR` to `dist/<example-name>`; tests point it at a
 * temporary directory. A program run by hand falls back to `fallback`.
 *
 * @param fallback the directory used when `CAPI_BLUEPRINTS_OUTDIR` is not set
 */
export function resolveOutdir(fallback: string): string {
  return process.env.CAPI_BLUEPRINTS_OUTDIR ?? fallback;
}
