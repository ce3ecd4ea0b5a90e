-- Reviewers' decisions that a flagged pattern is expected: flags of one type for one counterparty
-- or GL account are suppressed for entries posted up to a date. Decisions are added, never changed;
-- they expire by date. The audit trail records who made each one.
create table anomaly_expectation (
  id                 bigserial primary key,
  anomaly_type       text not null,
  counterparty_name  text,
  gl_account         text,
  until              date not null,
  reason             text not null,
  decided_by         text not null,
  decided_at         timestamptz not null,
  flag_id            bigint references anomaly_flag (id),
  check (counterparty_name is not null or gl_account is not null)
);
