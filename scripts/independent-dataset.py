#!/usr/bin/env python3
"""A second generator of labelled bank/ledger pairs, written apart from Tieout's own
(matcher/.../DatasetGenerator.java) and with other conventions: references in other layouts
(INV/2026/04521, RG-4711, F0004711, SO-4711-A) written by payers with the padding dropped, a typo
or not at all; names transliterated (Mueller for Müller) and cut at other lengths; customers who
pay up to five weeks after the entry; combined payments of invoices up to 40 days old; a processor
with another fee (1.9% + 0.10 per sale) whose sales carry no payout id; Swiss francs.

It is there so that the rules are measured on data they were not written against.

usage: [DAYS=75] python3 scripts/independent-dataset.py OUTDIR SEED [BANK_LINES]
writes bank.csv, ledger.csv, truth.csv and kinds.csv (each true group's kind, for reading misses);
DAYS is the span of the bank lines (the customers stay 260: a 1M-line set over 365 days has
hundreds of entries per counterparty in a window, a stress for the per-line work)
"""
import csv, os, random, sys, datetime as dt
from decimal import Decimal, ROUND_HALF_UP

out, seed = sys.argv[1], int(sys.argv[2])
n_target = int(sys.argv[3]) if len(sys.argv) > 3 else 3000
R = random.Random(seed)
os.makedirs(out, exist_ok=True)
start = dt.date(2026, 1, 5) + dt.timedelta(days=R.randint(0, 200))
DAYS = int(os.environ.get("DAYS", "75"))

ACCOUNTS = {'EUR': 'NL91ABNA0417164300', 'USD': 'US-CHK-88210034', 'GBP': 'GB29NWBK60161331926819',
            'CHF': 'CH9300762011623852957'}
FIRST = ['Müller', 'Schäfer', 'Dubois', 'van der Berg', "O'Connor", 'Nguyen', 'Rossi', 'García',
         'Johansson', 'Kowalczyk', 'Horvat', 'Papadopoulos', 'Smith', 'Lefèvre', 'Andersen', 'Novak',
         'Fischer', 'Bianchi', 'Jensen', 'Moreau', 'Weber', 'Kaya', 'Silva', 'Ivanova', 'Brennan']
KIND = ['Holzbau', 'Logistics', 'Consulting', 'Bakery', 'Print & Media', 'Elektro', 'Software',
        'Catering', 'Dental Practice', 'Architects', 'Metalworks', 'Textiles', 'Garden Services']
FORM = ['GmbH', 'Ltd', 'S.A.', 'B.V.', 'AG', 'SRL', 'Inc.', 'KG', 'AB', 'Oy', '']


def company():
    f = R.choice(FIRST)
    k = R.choice(KIND)
    s = R.choice(FORM)
    return (f + ' ' + k + (' ' + s if s else '')).strip()


TRANS = str.maketrans({'ä': 'AE', 'ö': 'OE', 'ü': 'UE', 'Ä': 'AE', 'Ö': 'OE', 'Ü': 'UE', 'ß': 'SS',
                       'é': 'E', 'è': 'E', 'í': 'I', 'á': 'A', 'ç': 'C', 'ó': 'O'})


def bank_name(name):
    s = name.translate(TRANS).upper().replace('&', 'AND').replace("'", '')
    cut = R.choice([18, 22, 27, 35, 70])
    return s[:cut].strip()


customers = [company() for _ in range(260)]
vendors = [company() for _ in range(90)]
customers = list(dict.fromkeys(customers))
vendors = [v for v in dict.fromkeys(vendors) if v not in customers]
cur_of = {}
for c in customers + vendors:
    cur_of[c] = R.choices(['EUR', 'USD', 'GBP', 'CHF'], [70, 12, 10, 8])[0]

bank, ledger, truth = [], [], []
bid = [0]
lid = [0]


def nb():
    bid[0] += 1
    return 'TX%07d' % (bid[0] * 7 + 3)  # not in posting order, not dense


def nl():
    lid[0] += 1
    return 'GL-%06d' % lid[0]


def money(x):
    return Decimal(x).quantize(Decimal('0.01'), ROUND_HALF_UP)


def day(d):
    return (start + dt.timedelta(days=d)).isoformat()


def rand_amount():
    r = R.random()
    if r < 0.2:
        return money(R.choice([50, 99, 120, 150, 200, 250, 300, 499, 500, 750, 1000, 1200]))
    return money(R.lognormvariate(6, 1.1))


inv_no = [R.randint(1000, 5000)]


def invoice_ref():
    inv_no[0] += R.randint(1, 3)
    style = R.random()
    n = inv_no[0]
    if style < 0.3:
        return 'INV/2026/%05d' % n, ['Invoice 2026/%05d' % n, 'INV 2026/%d' % n, 'inv2026%05d' % n,
                                      'INVOICE NO 2026/%05d' % n]
    if style < 0.55:
        return 'RG-%d' % n, ['RG %d' % n, 'RECHNUNG RG-%d' % n, 'Rg.Nr. %d' % n, 'RG%d' % n]
    if style < 0.8:
        return 'F%07d' % n, ['FACTURE F%07d' % n, 'F %d' % n, 'FACT F%07d' % n]
    return 'SO-%d-A' % n, ['SO-%d-A' % n, 'ORDER SO %d A' % n, 'so-%d-a payment' % n]


def typo(s):
    digits = [i for i, ch in enumerate(s) if ch.isdigit()]
    if not digits:
        return s
    i = R.choice(digits)
    if R.random() < 0.5 and i + 1 < len(s) and s[i + 1].isdigit():
        return s[:i] + s[i + 1] + s[i] + s[i + 2:]
    return s[:i] + str((int(s[i]) + R.randint(1, 9)) % 10) + s[i + 1:]


def add_bank(d, amount, cur, name, desc, ref=''):
    t = nb()
    vd = d + R.choice([0, 0, 0, 1, -1])
    bank.append(dict(transaction_id=t, account_id=ACCOUNTS[cur], booking_date=day(d), value_date=day(vd),
                     amount=str(amount), currency=cur, counterparty_name=name, counterparty_account='',
                     description=desc, bank_reference=ref))
    return t


def add_ledger(d, amount, cur, name, desc, ref, typ, gl):
    e = nl()
    h = R.randint(7, 18)
    ledger.append(dict(entry_id=e, account_id=ACCOUNTS[cur], posting_date=day(d), amount=str(amount),
                       currency=cur, counterparty_name=name, description=desc, document_ref=ref,
                       gl_account=gl, entry_type=typ, created_by=R.choice(['ap1', 'ar2', 'erp', 'ar1']),
                       created_at='%sT%02d:%02d:00+01:00' % (day(d), h, R.randint(0, 59))))
    return e


# recurring look-alikes: same amount every month from several tenants / subscribers
tenants = R.sample(customers, 12)
paid_rent = set()
paid_salary = set()
rent = {t: money(R.choice([850, 950, 1200, 1200, 1450])) for t in tenants}

while len(bank) < n_target:
    r = R.random()
    d = R.randint(3, DAYS)
    if r < 0.42:  # customer pays one invoice
        c = R.choice(customers)
        cur = cur_of[c]
        a = rand_amount()
        ref, forms = invoice_ref()
        inv_day = d - R.randint(0, 35)
        e = add_ledger(inv_day, a, cur, c, 'Customer receipt ' + c.split()[0], ref, 'customer_payment', '1400')
        lag = R.choice([0, 1, 2, 3, 5])
        paid = d
        text = R.choice(forms)
        m = R.random()
        if m < 0.12:
            text = typo(text)
        elif m < 0.22:
            text = R.choice(['PAYMENT', 'THANK YOU', 'TRANSFER', 'Zahlung'])  # reference missing
        if R.random() < 0.4:
            text = text + ' ' + R.choice(['/ROC/', 'EREF+NOTPROVIDED', 'KREF ' + str(R.randint(10 ** 8, 10 ** 9))])
        amt = a
        if R.random() < 0.05:
            amt = a - money(R.choice([2.5, 5, 7.5, 12]))  # bank charge deducted
        t = add_bank(paid, amt, cur, bank_name(c), text)
        truth.append(([t], [e], 'invoice'))
    elif r < 0.52:  # vendor bill paid
        v = R.choice(vendors)
        cur = cur_of[v]
        a = rand_amount()
        ref = 'B%d-%s' % (R.randint(100000, 999999), R.choice(['X', 'Y', 'Z']))
        e = add_ledger(d - R.randint(0, 4), -a, cur, v, 'Vendor bill ' + ref, ref, 'vendor_payment', '1600')
        t = add_bank(d, -a, cur, bank_name(v), 'SEPA CT ' + R.choice([ref, ref.lower(), 'Bill ' + ref]))
        truth.append(([t], [e], 'vendor'))
    elif r < 0.58:  # combined payment of 2-4 invoices
        c = R.choice(customers)
        cur = cur_of[c]
        es, refs, tot = [], [], Decimal('0')
        for _ in range(R.randint(2, 4)):
            a = rand_amount()
            ref, forms = invoice_ref()
            es.append(add_ledger(d - R.randint(5, 40), a, cur, c, 'Customer receipt', ref, 'customer_payment', '1400'))
            refs.append(ref)
            tot += a
        text = 'Invoices ' + ', '.join(refs) if R.random() < 0.7 else 'Sammelzahlung'
        t = add_bank(d, tot, cur, bank_name(c), text)
        truth.append(([t], es, 'combined'))
    elif r < 0.63:  # partial payments: one invoice paid in 2-3 parts
        c = R.choice(customers)
        cur = cur_of[c]
        a = money(R.uniform(600, 9000))
        ref, forms = invoice_ref()
        e = add_ledger(d - 30, a, cur, c, 'Customer receipt', ref, 'customer_payment', '1400')
        k = R.randint(2, 3)
        parts = [money(a / k)] * (k - 1)
        parts.append(a - sum(parts))
        ts = []
        for i, p in enumerate(parts):
            ts.append(add_bank(min(DAYS + 10, d - 20 + i * 12), p, cur, bank_name(c),
                               '%s part %d of %d' % (R.choice(forms), i + 1, k)))
        truth.append((ts, [e], 'partial'))
    elif r < 0.68:  # processor payout: net of fees (1.9% + 0.10 per sale), no fee entry booked
        proc = R.choice(['SumUp Payments Ltd', 'Mollie B.V.', 'Square Europe'])
        sales = [money(R.uniform(8, 180)) for _ in range(R.randint(3, 9))]
        es = [add_ledger(d - R.randint(1, 3), s, 'EUR', proc, 'POS sale %d' % R.randint(10 ** 5, 10 ** 6), '',
                         'customer_payment', '1410') for s in sales]
        fee = sum(money(s * Decimal('0.019') + Decimal('0.10')) for s in sales)
        net = sum(sales) - fee
        payout_id = 'PO%d' % R.randint(10 ** 7, 10 ** 8)
        if R.random() < 0.5:
            es.append(add_ledger(d, -fee, 'EUR', proc, 'Processor fees ' + payout_id, payout_id, 'fee', '6800'))
            net = sum(sales) - fee
        t = add_bank(d, net, 'EUR', bank_name(proc), 'PAYOUT ' + payout_id)
        truth.append(([t], es, 'payout'))
    elif r < 0.74:  # rent look-alikes around month end
        tnt = R.choice(tenants)
        cur = cur_of[tnt]
        month_end = ((start + dt.timedelta(days=d)).replace(day=28) - start).days
        if (tnt, month_end) in paid_rent:
            continue
        paid_rent.add((tnt, month_end))
        e = add_ledger(month_end + R.randint(0, 3), rent[tnt], cur, tnt, 'Rent', '', 'customer_payment', '1400')
        t = add_bank(month_end + R.randint(-3, 4), rent[tnt], cur, bank_name(tnt), 'MIETE / RENT')
        truth.append(([t], [e], 'rent'))
    elif r < 0.80:  # payroll, same amount for several staff
        emp = R.choice(FIRST) + ', ' + R.choice(['Anna', 'Jan', 'Lea', 'Tom', 'Eva'])
        if (emp, d // 30) in paid_salary:
            continue
        paid_salary.add((emp, d // 30))
        a = money(R.choice([2450, 2450, 3100, 3100, 3890.55]))
        e = add_ledger(d, -a, 'EUR', emp, 'Salary', '', 'payroll', '4100')
        t = add_bank(d + R.choice([0, 1]), -a, 'EUR', bank_name(emp), 'SALARY')
        truth.append(([t], [e], 'payroll'))
    elif r < 0.86:  # bank fees, no ledger entry
        cur = R.choice(list(ACCOUNTS))
        add_bank(d, -money(R.choice([4.5, 9.9, 12, 0.35])), cur, '', R.choice(['ACCOUNT FEE', 'KONTOFUEHRUNG', 'CHARGES']))
    elif r < 0.91:  # bank line with no ledger entry yet (unknown customer)
        cur = R.choice(list(ACCOUNTS))
        stranger = company()
        if stranger in cur_of:
            continue
        add_bank(d, rand_amount(), cur, bank_name(stranger), 'TRANSFER ' + str(R.randint(1000, 9999)))
    else:  # open ledger entry, not yet settled, often same amount as something else
        c = R.choice(customers)
        cur = cur_of[c]
        ref, forms = invoice_ref()
        add_ledger(d + R.randint(0, 10), rand_amount(), cur, c, 'Customer receipt', ref, 'customer_payment', '1400')

R.shuffle(bank)
bank.sort(key=lambda r: r['booking_date'])
ledger.sort(key=lambda r: r['posting_date'])


def write(name, rows, cols):
    with open(os.path.join(out, name), 'w', newline='', encoding='utf-8') as f:
        w = csv.DictWriter(f, fieldnames=cols)
        w.writeheader()
        w.writerows(rows)


write('bank.csv', bank, ['transaction_id', 'account_id', 'booking_date', 'value_date', 'amount', 'currency',
                         'counterparty_name', 'counterparty_account', 'description', 'bank_reference'])
write('ledger.csv', ledger, ['entry_id', 'account_id', 'posting_date', 'amount', 'currency', 'counterparty_name',
                             'description', 'document_ref', 'gl_account', 'entry_type', 'created_by', 'created_at'])
with open(os.path.join(out, 'truth.csv'), 'w', newline='') as f:
    w = csv.writer(f)
    w.writerow(['bank_transaction_ids', 'ledger_entry_ids'])
    for b, l, k in truth:
        w.writerow([';'.join(b), ';'.join(l)])
with open(os.path.join(out, 'kinds.csv'), 'w', newline='') as f:
    w = csv.writer(f)
    for b, l, k in truth:
        w.writerow([';'.join(b), ';'.join(l), k])
print(len(bank), 'bank', len(ledger), 'ledger', len(truth), 'truth groups')
