export { deadlineLabelRu } from './labels';
export { normaliseDeadlineText } from './normalise';
export { parseDeadline } from './parse';
export { parseRecurrence, recurrenceLabelRu } from './recurrence';
