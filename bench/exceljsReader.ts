/**
 * Preloaded into a benchmarked CLI process to measure the command with exceljs's reader, as the
 * command line read before the lean reader: the exported readWorkbook is swapped for the exceljs
 * one (full load below 2 MB, its stream reader above), which the compiled CommonJS calls through
 * the module object.
 */
import * as read from '../src/xlsx/read';
import { readWorkbookExcelJs } from '../src/xlsx/exceljsRead';

(read as { readWorkbook: typeof read.readWorkbook }).readWorkbook = (file, data) =>
  readWorkbookExcelJs(file, data);
