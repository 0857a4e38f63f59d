import type { BuiltIndex } from './index-build.js';
import type { BuildReport } from './knowledge-base.js';

/**
 * What went into the index, one line per file: title, kind, pages (PDF), passages and time to read;
 * then every file skipped with its reason. For `npm run knowledge:build` and the console.
 */
export const formatBuildReport = (report: BuildReport, built: Pick<BuiltIndex, 'documents'>, maxFiles = Infinity): string[] => {
  const kinds = new Map(built.documents.map((d) => [d.file, d.kind]));
  const lines = [`  documents: ${report.documents}`];
  for (const file of report.files.slice(0, maxFiles)) {
    const pages = file.pages === undefined ? '' : `${file.pages} page${file.pages === 1 ? '' : 's'}, `;
    const time = report.action === 'built' ? `, ${Math.round(file.milliseconds)} ms` : '';
    lines.push(`    ${file.file}: ${file.title} (${kinds.get(file.file) ?? 'page'}, ${pages}${file.passages} passages${time})`);
  }
  if (report.files.length > maxFiles) lines.push(`    … and ${report.files.length - maxFiles} more (npm run knowledge:build lists them all)`);
  lines.push(`  passages:  ${report.passages}`);
  lines.push(`  time:      ${Math.round(report.milliseconds)} ms${report.action === 'loaded' ? ' (index read back, unchanged)' : ''}`);
  if (report.errors.length > 0) {
    lines.push(`  skipped:   ${report.errors.length} file(s)`);
    for (const error of report.errors) lines.push(`    ${error.file}: ${error.message}`);
  }
  return lines;
};
