import type { InvoiceObject } from '../objects/invoice-objects.js';
import { formatDate, formatMoney } from './layout.js';

/**
 * The `invoice_pdf` Stripe gives every finalized invoice: a one-page PDF with the invoice's number,
 * date, lines and total (Helvetica, ASCII only, which is all a test reads from it).
 */
export function renderInvoicePdf(invoice: InvoiceObject): Buffer {
  const text = [
    `Invoice ${invoice.number ?? invoice.id}`,
    `Issued ${formatDate(invoice.created)} - ${invoice.status ?? ''}`,
    ...invoice.lines.data.map((line) => `${line.description ?? ''}: ${formatMoney(line.amount, line.currency)}`),
    `Total: ${formatMoney(invoice.total, invoice.currency)}`,
  ];
  const content = ['BT', '/F1 12 Tf', '56 780 Td', '16 TL']
    .concat(text.map((line) => `(${pdfString(line)}) '`))
    .concat('ET')
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, index) => {
    const offset = Buffer.byteLength(pdf, 'latin1');
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** A PDF literal string: backslash and parentheses escaped, anything outside printable ASCII dropped. */
function pdfString(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '').replace(/[\\()]/g, (char) => `\\${char}`);
}
