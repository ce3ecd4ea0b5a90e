-- The review side: decisions on match groups, manual matches, anomaly flags, users, settings,
-- idempotent requests and the append-only, hash-chained audit trail.

-- A group is reviewed as one unit. review_state:
--   posted          auto-matched by a rule and settled when its run was stored
--   open            proposed, waiting for a decision
--   pending_second  approved once; four-eyes asks for a second, different approver
--   approved        settled by people
--   rejected        turned down, with a reason
--   reversed        was settled, then unmatched (a reversal; nothing is deleted)
--   superseded      one of its lines or entries was settled by another group first
alter table match_group alter column run_id drop not null;
alter table match_group drop constraint match_group_status_check;
alter table match_group add constraint match_group_status_check
  check (status in ('auto_matched', 'proposed', 'manual'));
alter table match_group
  add column review_state text not null default 'open'
    check (review_state in ('posted', 'open', 'pending_second', 'approved', 'rejected', 'reversed', 'superseded')),
  add column version integer not null default 0,
  add column account_id text,
  add column currency char(3),
  add column bank_total_minor bigint,
  add column ledger_total_minor bigint,
  add column oldest_date date,
  add column prepared_by text,
  add column difference_reason text,
  add column model text,
  add column prompt_version text,
  add column created_at timestamptz not null default now(),
  add column decided_at timestamptz;

alter table match_group_bank alter column run_id drop not null;
alter table match_group_ledger alter column run_id drop not null;
alter table match_group_bank add column settled boolean not null default false;
alter table match_group_ledger add column settled boolean not null default false;

-- The rule the whole review rests on: a bank line or a ledger entry is settled by one group at most.
create unique index bank_line_settled_once on match_group_bank (bank_line_id) where settled;
create unique index ledger_entry_settled_once on match_group_ledger (ledger_entry_id) where settled;
create index match_group_bank_line on match_group_bank (bank_line_id);
create index match_group_ledger_entry on match_group_ledger (ledger_entry_id);
create index match_group_bank_group on match_group_bank (group_id);
create index match_group_ledger_group on match_group_ledger (group_id);

-- Minor-unit digits of a currency (ISO 4217), for filters that take amounts in major units.
create function currency_scale(code char(3)) returns integer language sql immutable as $$
  select case when code in ('JPY', 'KRW', 'CLP', 'ISK', 'VND', 'XAF', 'XOF', 'UGX', 'PYG', 'RWF') then 0
              when code in ('BHD', 'KWD', 'OMR', 'JOD', 'TND', 'IQD', 'LYD') then 3
              else 2 end
$$;

-- The queue: open groups, most confident first, read page by page.
create index match_group_queue on match_group (confidence desc, id)
  where review_state in ('open', 'pending_second');
create index match_group_queue_account on match_group (account_id, confidence desc, id)
  where review_state in ('open', 'pending_second');

-- One row per approval; a person approves a group once.
create table approval (
  group_id     bigint not null references match_group (id),
  approver     text not null,
  approved_at  timestamptz not null,
  primary key (group_id, approver)
);

create table anomaly_flag (
  id               bigserial primary key,
  ledger_entry_id  bigint not null references ledger_entry (id),
  score            numeric(5, 4) not null check (score between 0 and 1),
  types            text not null,
  explanation      text not null,
  state            text not null default 'open' check (state in ('open', 'confirmed', 'dismissed')),
  version          integer not null default 0,
  source           text not null,
  created_at       timestamptz not null default now(),
  decided_by       text,
  decided_at       timestamptz,
  reason           text,
  unique (ledger_entry_id, source)
);
create index anomaly_flag_queue on anomaly_flag (state, score desc, id);

create table app_user (
  username       text primary key,
  password_hash  text not null,
  roles          text not null,
  -- accounts this user may see; null is every account
  accounts       text,
  enabled        boolean not null default true,
  created_at     timestamptz not null default now()
);

create table review_setting (
  name        text primary key,
  value       text not null,
  updated_by  text not null,
  updated_at  timestamptz not null
);

create table idempotent_request (
  actor          text not null,
  key            text not null,
  request_hash   text not null,
  status         integer,
  content_type   text,
  body           bytea,
  created_at     timestamptz not null default now(),
  primary key (actor, key)
);

-- Append-only: each event carries the hash of the one before it. The application computes the
-- hash; `tieout audit verify` recomputes the chain. UPDATE, DELETE and TRUNCATE are refused.
create table audit_event (
  seq             bigint primary key,
  at              timestamptz not null,
  actor           text not null,
  action          text not null,
  subject         text not null,
  before_state    text,
  after_state     text,
  reason          text,
  model           text,
  prompt_version  text,
  prev_hash       text not null,
  hash            text not null unique
);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
  for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_event_is_append_only();
