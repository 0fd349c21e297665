import { ByteSink } from '../byte-sink';
import { writeFilesIfChanged } from '../write-files';
import { writeManifests } from '../yaml';

/**
 * The files of one synthesis, rendered in memory before any is written (an error while rendering
 * leaves no partial output). Manifests are rendered into one shared byte buffer, each file a range
 * of it; other texts are kept as they are.
 */
export class RenderedFiles {
  private readonly sink = new ByteSink(1024 * 1024);
  private readonly files: Array<{ readonly path: string; readonly text?: string; readonly start: number; readonly end: number }> = [];

  /** Renders `objects` (ApiObjects or JSON) as multi-document YAML into `file`. */
  public addManifests(file: string, objects: any[]): void {
    const start = this.sink.length;
    writeManifests(this.sink, objects);
    this.files.push({ path: file, start, end: this.sink.length });
  }

  /** Adds `file` holding `text`. */
  public addText(file: string, text: string): void {
    this.files.push({ path: file, text, start: 0, end: 0 });
  }

  /** Writes every file whose content changed (see `writeFilesIfChanged`). */
  public write(): void {
    writeFilesIfChanged(this.files.map((f) => [f.path, f.text ?? this.sink.bytes(f.start, f.end)] as const));
  }
}
