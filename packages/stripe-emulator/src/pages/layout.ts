const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Tagged template that escapes every interpolated value unless it is already `Html`. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Interpolation = Html | string | number | null | undefined | false | Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (value instanceof Html) return value.text;
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let text = strings[0] ?? '';
  values.forEach((value, index) => {
    text += render(value) + (strings[index + 1] ?? '');
  });
  return new Html(text);
}

export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);
}

export function formatDate(unixSeconds: number): string {
  return new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(unixSeconds * 1000),
  );
}

const STYLES = `
*{box-sizing:border-box}body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1a1f36;background:#fff;-webkit-font-smoothing:antialiased}
a{color:#635bff;text-decoration:none}a:hover{text-decoration:underline}
.split{display:flex;min-height:100vh}.summary{flex:1;background:#f6f9fc;border-right:1px solid #e3e8ee;display:flex;justify-content:flex-end;padding:64px 56px}
.summary-inner,.form-inner{width:100%;max-width:400px}.pay{flex:1;padding:64px 56px}
.merchant{display:flex;align-items:center;gap:10px;font-weight:600;font-size:15px;margin-bottom:40px}.merchant a{color:#1a1f36;display:inline-flex;align-items:center;gap:8px}
.logo{width:28px;height:28px;border-radius:50%;background:linear-gradient(135deg,#635bff,#00d4ff);display:inline-block}
.badge{font-size:11px;font-weight:600;text-transform:uppercase;letter-spacing:.04em;background:#ffde92;color:#983705;border-radius:4px;padding:2px 6px}
.product-label{color:#697386;font-size:16px;font-weight:500;margin:0 0 6px}.amount{font-size:36px;font-weight:600;letter-spacing:-.02em;margin:0}
.amount small{font-size:15px;color:#697386;font-weight:500;letter-spacing:0;margin-left:6px}.desc{color:#697386;font-size:14px;line-height:1.5;margin:12px 0 32px}
.lines{border-top:1px solid #e3e8ee}.line{display:flex;justify-content:space-between;padding:14px 0;font-size:14px;border-bottom:1px solid #e3e8ee}.line.total{font-weight:600;border-bottom:none}
.line .muted{color:#697386;font-size:13px;display:block;margin-top:2px}
h1{font-size:20px;font-weight:600;margin:0 0 24px}h2{font-size:16px;font-weight:600;margin:0 0 12px}
label{display:block;font-size:13px;font-weight:500;color:#3c4257;margin:0 0 6px}
.field{margin-bottom:18px}input,select{width:100%;font:inherit;font-size:15px;padding:10px 12px;border:1px solid #d5dbe1;border-radius:6px;box-shadow:0 1px 1px rgba(0,0,0,.03);outline:none;background:#fff}
input:focus{border-color:#635bff;box-shadow:0 0 0 3px rgba(99,91,255,.25)}
.card-group input{border-radius:0}.card-group .top{border-radius:6px 6px 0 0}.card-group .row{display:flex}.card-group .row input{border-top:none}
.card-group .row input:first-child{border-radius:0 0 0 6px;border-right:none}.card-group .row input:last-child{border-radius:0 0 6px 0}
.btn{display:inline-block;width:100%;border:0;border-radius:6px;background:#635bff;color:#fff;font:inherit;font-size:16px;font-weight:600;padding:13px 16px;cursor:pointer;box-shadow:0 1px 2px rgba(0,0,0,.12)}
.btn:hover{background:#5851e0}.btn.secondary{background:#fff;color:#3c4257;border:1px solid #d5dbe1;font-size:14px;padding:8px 14px;width:auto;box-shadow:none}
.btn.danger{background:#fff;color:#df1b41;border:1px solid #f3c4cd;font-size:14px;padding:8px 14px;width:auto;box-shadow:none}.btn[disabled]{opacity:.5;cursor:default}
.error{background:#fff1f3;border:1px solid #f3c4cd;color:#c0123c;border-radius:6px;padding:12px 14px;font-size:14px;margin-bottom:18px}
.notice{background:#edfcf2;border:1px solid #b8ecc9;color:#0e6245;border-radius:6px;padding:12px 14px;font-size:14px;margin-bottom:18px}
.hint{color:#8792a2;font-size:12px;margin-top:16px;line-height:1.5;text-align:center}.hint code{background:#f6f9fc;border-radius:3px;padding:1px 4px}
.portal{max-width:760px;margin:0 auto;padding:48px 32px}.panel{border:1px solid #e3e8ee;border-radius:8px;padding:24px;margin-bottom:24px}
.row-between{display:flex;justify-content:space-between;align-items:center;gap:16px}.actions{display:flex;gap:8px;flex-wrap:wrap;margin-top:16px}
.status{font-size:12px;font-weight:600;border-radius:4px;padding:2px 8px;background:#d7f7c2;color:#05690d}.status.warn{background:#fcedb9;color:#a82c00}.status.gray{background:#e3e8ee;color:#4f566b}
.plans{display:grid;grid-template-columns:1fr 1fr;gap:12px}.plan{border:1px solid #e3e8ee;border-radius:8px;padding:16px}.plan.current{border-color:#635bff;box-shadow:0 0 0 1px #635bff}
.plan p{margin:4px 0 12px;color:#697386;font-size:13px;line-height:1.4}table{width:100%;border-collapse:collapse;font-size:14px}td,th{text-align:left;padding:10px 0;border-bottom:1px solid #e3e8ee}th{color:#697386;font-weight:500;font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.muted{color:#697386;font-size:14px}.back{font-size:14px;color:#697386}
@media (max-width:800px){.split{flex-direction:column}.summary{justify-content:center;border-right:none;border-bottom:1px solid #e3e8ee;padding:32px 24px}.pay{padding:32px 24px}.plans{grid-template-columns:1fr}}
`;

export function page(title: string, body: Html): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>${title}</title>
        <style>
          ${new Html(STYLES)}
        </style>
      </head>
      <body>
        ${body}
      </body>
    </html>`.text;
}
