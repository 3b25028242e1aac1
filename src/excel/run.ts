/**
 * Binds the adapter to the real office.js: runs a job inside Excel.run and hands it the request
 * context typed as the adapter's port (the compiler checks here that office.js satisfies it).
 */
import type { ApiSupport, XlContext } from './api';

export function runExcel<T>(job: (context: XlContext, api: ApiSupport) => Promise<T>): Promise<T> {
  return Excel.run((context) => job(context, Office.context.requirements));
}
