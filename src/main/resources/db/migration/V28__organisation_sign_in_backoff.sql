-- Failed sign-ins make one account wait from one address, for longer after each failure
-- (a back-off), instead of pausing the account for everyone (ADR 0015, README "Signing in").
-- Someone who guesses from one address cannot keep the real person out from another.
create table sign_in_backoff (
    account_id      bigint       not null references account (id) on delete cascade,
    address         varchar(64)  not null,
    failures        int          not null,
    wait_until      timestamptz,
    last_failure_at timestamptz  not null,
    primary key (account_id, address)
);
create index sign_in_backoff_waiting on sign_in_backoff (account_id, wait_until);

-- The old pause is no longer read or written; accounts paused under it can sign in again.
update account set failed_attempts = 0, locked_until = null where failed_attempts <> 0 or locked_until is not null;
