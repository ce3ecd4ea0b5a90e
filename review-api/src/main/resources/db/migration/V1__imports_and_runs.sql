-- Imported files, bank lines and ledger entries, reconciliation runs and their match groups.
-- Amounts are integer minor units with their currency; every row keeps where it came from.

create table source_file (
  id           bigserial primary key,
  sha256       text not null unique,
  name         text not null,
  kind         text not null check (kind in ('bank', 'ledger')),
  row_count    integer not null,
  imported_at  timestamptz not null default now()
);

create table bank_line (
  id                    bigserial primary key,
  account_id            text not null,
  transaction_id        text not null,
  booking_date          date not null,
  value_date            date,
  amount_minor          bigint not null,
  currency              char(3) not null,
  counterparty_name     text,
  counterparty_account  text,
  description           text,
  bank_reference        text,
  source_file_id        bigint not null references source_file (id),
  source_line           bigint not null,
  source_path           text,
  unique (account_id, transaction_id)
);

create table ledger_entry (
  id                 bigserial primary key,
  entry_id           text not null unique,
  account_id         text not null,
  posting_date       date not null,
  amount_minor       bigint not null,
  currency           char(3) not null,
  counterparty_name  text,
  description        text,
  document_ref       text,
  gl_account         text,
  entry_type         text,
  created_by         text,
  created_at         timestamptz,
  source_file_id     bigint not null references source_file (id),
  source_line        bigint not null
);

create index ledger_entry_account_date on ledger_entry (account_id, posting_date);
create index bank_line_account_date on bank_line (account_id, booking_date);

create table reconciliation_run (
  id             bigserial primary key,
  -- the inputs' hashes and the configuration: the same key is the same run
  input_key      text not null unique,
  status         text not null check (status in ('running', 'completed')),
  started_at     timestamptz not null,
  finished_at    timestamptz,
  inputs         jsonb not null,
  configuration  jsonb not null,
  counts         jsonb,
  duration_ms    bigint,
  attempts       integer not null default 1
);

create table match_group (
  id           bigserial primary key,
  run_id       bigint not null references reconciliation_run (id),
  stage        text not null,
  rule         text not null,
  confidence   numeric(5, 4) not null check (confidence between 0 and 1),
  status       text not null check (status in ('auto_matched', 'proposed')),
  explanation  text
);

create table match_group_bank (
  group_id      bigint not null references match_group (id),
  run_id        bigint not null references reconciliation_run (id),
  bank_line_id  bigint not null references bank_line (id),
  -- a bank line is in at most one group of a run
  unique (run_id, bank_line_id)
);

create table match_group_ledger (
  group_id         bigint not null references match_group (id),
  run_id           bigint not null references reconciliation_run (id),
  ledger_entry_id  bigint not null references ledger_entry (id),
  unique (run_id, ledger_entry_id)
);

create index match_group_run on match_group (run_id, status);
