// Tieout review pages: keyboard shortcuts, and actions through the REST API (same session, CSRF header).
const tieout = (() => {
  const meta = (n) => document.querySelector(`meta[name="${n}"]`)?.content;

  function show(text, error) {
    const m = document.getElementById('message');
    if (!m) return;
    m.hidden = false;
    m.textContent = text;
    m.classList.toggle('error', !!error);
  }

  async function post(url, body) {
    const headers = { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() };
    headers[meta('_csrf_header')] = meta('_csrf');
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body || {}) });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(json.detail || json.title || `HTTP ${res.status}`);
    return json;
  }

  function rows() { return [...document.querySelectorAll('#queue tbody tr')]; }

  function move(step) {
    const all = rows();
    if (!all.length) return;
    const i = all.findIndex((r) => r.classList.contains('selected'));
    const next = all[Math.max(0, Math.min(all.length - 1, (i < 0 ? 0 : i + step)))];
    next.querySelector('a').click();
  }

  function afterDecision(text) {
    // the decided group leaves the queue: show the next one
    const all = rows();
    const i = all.findIndex((r) => r.classList.contains('selected'));
    const next = all[i + 1] || all[i - 1];
    const url = new URL(window.location.href);
    if (next) url.searchParams.set('selected', next.dataset.id); else url.searchParams.delete('selected');
    sessionStorage.setItem('tieout.message', text);
    window.location.href = url.toString();
  }

  function current() {
    const d = document.getElementById('detail');
    return d ? { id: d.dataset.id, version: Number(d.dataset.version) } : null;
  }

  async function approve() {
    const c = current();
    if (!c) return;
    try {
      const g = await post(`/api/groups/${c.id}/approve`, { version: c.version });
      afterDecision(g.reviewState === 'approved'
        ? `Group ${c.id} approved.`
        : `Group ${c.id}: first approval recorded; a second approver is needed.`);
    } catch (e) { show(e.message, true); }
  }

  async function reject() {
    const c = current();
    if (!c) return;
    const reason = window.prompt(`Why reject group ${c.id}?`);
    if (!reason) return;
    try {
      await post(`/api/groups/${c.id}/reject`, { reason, version: c.version });
      afterDecision(`Group ${c.id} rejected.`);
    } catch (e) { show(e.message, true); }
  }

  async function bulkApprove(event) {
    event.preventDefault();
    const f = event.target;
    const body = {
      minConfidence: Number(f.minConfidence.value),
      limit: Number(f.limit.value),
      account: f.account.value || null,
      stage: f.stage.value || null,
    };
    if (!window.confirm(`Approve up to ${body.limit} open groups with confidence ≥ ${body.minConfidence}?`)) return false;
    try {
      const r = await post('/api/groups/bulk-approve', body);
      sessionStorage.setItem('tieout.message',
        `Bulk approval: ${r.approved} approved, ${r.awaitingSecondApproval} waiting for a second approver, ` +
        `${r.conflicts} conflicts, ${r.refused} refused.`);
      window.location.reload();
    } catch (e) { show(e.message, true); }
    return false;
  }

  function cents(s) {
    const [w, f = ''] = String(s).replace('-', '').split('.');
    const v = BigInt(w) * 100n + BigInt((f + '00').slice(0, 2));
    return String(s).startsWith('-') ? -v : v;
  }
  function money(v) {
    const neg = v < 0n; const a = neg ? -v : v;
    return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
  }
  function balance() {
    const sum = (cls) => [...document.querySelectorAll(`input.pick.${cls}:checked`)]
      .reduce((t, c) => t + cents(c.dataset.amount), 0n);
    const b = sum('bank'); const l = sum('ledger');
    document.getElementById('bank-sum').textContent = money(b);
    document.getElementById('ledger-sum').textContent = money(l);
    const d = document.getElementById('difference');
    d.textContent = money(b - l);
    d.className = b === l ? 'same' : 'diff';
  }

  async function manualMatch() {
    const ids = (cls) => [...document.querySelectorAll(`input.pick.${cls}:checked`)].map((c) => Number(c.dataset.id));
    try {
      const g = await post('/api/manual-matches', {
        bankLineIds: ids('bank'), ledgerEntryIds: ids('ledger'),
        differenceReason: document.getElementById('difference-reason').value || null,
      });
      sessionStorage.setItem('tieout.message', `Manual match ${g.id} created; it waits for another approver.`);
      window.location.reload();
    } catch (e) { show(e.message, true); }
  }

  async function flag(button, action) {
    const reason = window.prompt(action === 'confirm' ? 'What is wrong with this entry?' : 'Why is this entry fine?');
    if (!reason) return;
    const body = { reason };
    if (action === 'dismiss') {
      const until = window.prompt('Expected for this counterparty until (YYYY-MM-DD)? Leave empty if not.');
      if (until) { body.expectedFor = 'counterparty'; body.expectedUntil = until; }
    }
    try {
      await post(`/api/flags/${button.dataset.id}/${action}`, body);
      sessionStorage.setItem('tieout.message', `Flag ${button.dataset.id} ${action === 'confirm' ? 'confirmed' : 'dismissed'}.`);
      window.location.reload();
    } catch (e) { show(e.message, true); }
  }

  document.addEventListener('DOMContentLoaded', () => {
    const msg = sessionStorage.getItem('tieout.message');
    if (msg) { sessionStorage.removeItem('tieout.message'); show(msg, false); }
    document.querySelectorAll('input.pick').forEach((c) => c.addEventListener('change', balance));
    document.addEventListener('keydown', (e) => {
      if (e.target.matches('input, textarea, select') || e.ctrlKey || e.metaKey || e.altKey) return;
      if (!document.getElementById('queue')) return;
      if (e.key === 'j') move(1);
      else if (e.key === 'k') move(-1);
      else if (e.key === 'a' && document.getElementById('approve')) approve();
      else if (e.key === 'r' && document.getElementById('reject')) reject();
    });
  });

  return { approve, reject, move, bulkApprove, manualMatch, flag };
})();
