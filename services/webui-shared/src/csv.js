// CSV the consoles write for people to open in a spreadsheet. A cell is quoted when it holds a comma, a quote or a
// line break; text that starts with = + - @, a tab or a carriage return is written after a ' so that a spreadsheet
// shows it rather than running it as a formula (the OWASP rule for CSV injection). Numbers stay numbers.
const FORMULA = /^[=+\-@\t\r]/

export function csvCell(v) {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return String(v)
  let s = String(v)
  if (FORMULA.test(s)) s = "'" + s
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s
}

export function csvText(columns, rows) {
  return [columns.map(csvCell), ...rows.map(r => r.map(csvCell))].map(line => line.join(',')).join('\n') + '\n'
}
