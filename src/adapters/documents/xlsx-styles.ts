import { XML_HEAD } from './xlsx-xml.js';

/** Cell style indexes into `cellXfs` below. */
export const Style = {
  default: 0,
  header: 1,
  text: 2,
  number: 3,
  date: 4,
  datetime: 5,
  link: 6,
} as const;
export type StyleId = (typeof Style)[keyof typeof Style];

/** Custom number formats start at 164; day-first, as dates are written in England. */
const DATE_FORMAT = 164;
const DATETIME_FORMAT = 165;

const font = (inner: string) =>
  `<font>${inner}<sz val="11"/><name val="Calibri"/><family val="2"/></font>`;
const top = '<alignment vertical="top"/>';
const wrapTop = '<alignment vertical="top" wrapText="1"/>';

/**
 * One fixed style sheet: a bold, shaded header with a rule under it; body cells aligned to the
 * top (long text wraps); dates and date-times with a date number format; links blue, underlined.
 */
export const stylesXml = `${XML_HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
<numFmts count="2"><numFmt numFmtId="${DATE_FORMAT}" formatCode="dd/mm/yyyy"/>\
<numFmt numFmtId="${DATETIME_FORMAT}" formatCode="dd/mm/yyyy hh:mm"/></numFmts>\
<fonts count="3">${font('')}${font('<b/>')}${font('<u/><color rgb="FF0563C1"/>')}</fonts>\
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills>\
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>\
<border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="7">\
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">${wrapTop}</xf>\
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">${wrapTop}</xf>\
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">${top}</xf>\
<xf numFmtId="${DATE_FORMAT}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1">${top}</xf>\
<xf numFmtId="${DATETIME_FORMAT}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1">${top}</xf>\
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">${wrapTop}</xf>\
</cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>\
</styleSheet>`;
