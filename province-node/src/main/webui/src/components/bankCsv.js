// The list a finance officer hands to the bank: one line per payment, amounts in fen and in yuan.
import { csvText } from '@shared/csv.js'

const COLUMNS = ['redemption_id', 'payee', 'payee_uscc', 'amount_fen', 'amount_yuan', 'invoice_no', 'contract_no', 'approved_at', 'payment_reference', 'paid_at']

export function bankCsv(rows) {
  return csvText(COLUMNS, rows.map(r => [r.id, r.payee, r.payeeUscc, r.voucherAmountFen, (r.voucherAmountFen / 100).toFixed(2),
    r.invoiceNo, r.contractNo, r.decidedAt, r.paymentReference, r.paidAt]))
}
