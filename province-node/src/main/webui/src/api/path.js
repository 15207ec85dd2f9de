// A path segment as the server reads it: an id or a USCC the caller holds is encoded, never spliced in raw.
export const seg = value => encodeURIComponent(String(value))

/** The most rows a console list asks for at once (the server's page limit is 500). */
export const LIST = 500

/** What an export answers: an Excel workbook. */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
