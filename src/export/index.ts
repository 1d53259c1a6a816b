/**
 * Table exports for the web app and the command line: CSV and XLSX from one `ExportTable`.
 * Pure (no Node built-ins, no DOM): the caller turns the text or bytes into a download or a file.
 */
export type { ExportColumn, ExportColumnKind, ExportTable } from './table.ts';
export { csvText, tableToCsv } from './csv.ts';
export type { CsvCell, CsvOptions } from './csv.ts';
export { tablesToXlsx, sheetNames } from './xlsx.ts';
