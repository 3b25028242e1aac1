/**
 * The name of the very-hidden sheet that lists the sheets this program generated (write.ts keeps
 * it). A module of its own so that readers can leave it out without loading exceljs.
 */
export const REGISTRY_SHEET = '_shnor';
