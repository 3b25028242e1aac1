import {
  columnPx,
  lineHeightPt,
  longestWordPx,
  textRoomPx,
  textWidthPx,
  widthToFit,
  wrappedLines,
} from '../../../src/core/layout/text';

describe('text widths in Calibri', () => {
  it('measures digits at Excel’s column unit and Cyrillic wider than Latin i', () => {
    // Calibri 11 at 96 dpi: a digit is 0.507 em = 7.4 px (Excel rounds it to the 7 px column unit)
    expect(textWidthPx('0')).toBeCloseTo(7.6, 0);
    expect(textWidthPx('0000000000')).toBeCloseTo(76, 0);
    expect(textWidthPx('Ш')).toBeGreaterThan(textWidthPx('i') * 3);
    expect(textWidthPx('Доля', { bold: true })).toBeGreaterThan(textWidthPx('Доля'));
    expect(textWidthPx('Доля', { size: 22 })).toBeCloseTo(textWidthPx('Доля') * 2, 5);
  });

  it('gives characters outside the table an average width instead of none', () => {
    expect(textWidthPx('漢')).toBeGreaterThan(5);
  });

  it('wraps at spaces, keeps paragraphs and breaks a word longer than the line', () => {
    const room = textRoomPx(columnPx(20));
    expect(wrappedLines('Доля ШНОР', room)).toBe(1);
    expect(wrappedLines('Доля ШНОР\nв стагнации', room)).toBe(2);
    const words = 'Доля обучающихся, подтвердивших отметку на ВПР по русскому языку';
    expect(wrappedLines(words, room)).toBe(Math.ceil(textWidthPx(words) / room));
    expect(wrappedLines('а'.repeat(100), room)).toBe(
      Math.ceil(textWidthPx('а'.repeat(100)) / room),
    );
    expect(longestWordPx('Доля обучающихся')).toBeCloseTo(textWidthPx('обучающихся'), 5);
  });

  it('gives Excel’s autofit heights: 15 pt a line at 11 pt, more for larger fonts', () => {
    expect(lineHeightPt()).toBe(15);
    expect(lineHeightPt(14)).toBeGreaterThanOrEqual(18.75);
    expect(lineHeightPt(12)).toBeGreaterThanOrEqual(15.75);
  });

  it('fits a column to its longest text within bounds', () => {
    expect(widthToFit(['Торжокский муниципальный округ', 'Бежецкий'])).toBeGreaterThan(30);
    expect(widthToFit(['а'], {}, 10)).toBe(10);
    expect(widthToFit(['а'.repeat(200)], {}, 4, 45)).toBe(45);
  });
});
