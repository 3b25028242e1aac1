/**
 * The pane follows the Office theme: a dark body background in Office means the dark Fluent theme.
 */
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** "#1F1F1F" → true: relative luminance under one half. */
export function isDarkColor(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex ?? '');
  if (!m) return false;
  const n = parseInt(m[1]!, 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.5;
}

/** Office.context.officeTheme where the client has it (not in every host), else the light theme. */
export function officeTheme(): Theme {
  const office = (
    globalThis as { Office?: { context?: { officeTheme?: { bodyBackgroundColor?: string } } } }
  ).Office;
  return isDarkColor(office?.context?.officeTheme?.bodyBackgroundColor)
    ? webDarkTheme
    : webLightTheme;
}
