/** The message notice.html sends its opener when the user closes it. */
export const NOTICE_CLOSE = 'close';
