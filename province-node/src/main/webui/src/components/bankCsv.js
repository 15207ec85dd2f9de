// The list a finance officer hands to the bank: one line per payment, amounts in fen and in yuan.
const COLUMNS = ['redemption_id', 'payee', 'payee_uscc', 'amount_fen', 'amount_yuan', 'invoice_no', 'contract_no', 'approved_at', 'payment_reference', 'paid_at']

function cell(v) {
  const s = v === null || v === undefined ? '' : String(v)
  return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s
}

export function bankCsv(rows) {
  const lines = rows.map(r => [r.id, r.payee, r.payeeUscc, r.voucherAmountFen, (r.voucherAmountFen / 100).toFixed(2), r.invoiceNo,
    r.contractNo, r.decidedAt, r.paymentReference, r.paidAt].map(cell).join(','))
  return [COLUMNS.join(','), ...lines].join('\n') + '\n'
}
