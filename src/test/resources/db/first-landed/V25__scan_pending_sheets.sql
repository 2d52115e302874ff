-- Sheets that were sent but not yet released into the results tables (ADR 0013). A sheet is
-- written here in the transaction that marks the code used or records the participation; a
-- job moves the sheets of a campaign into scan_response, scan_tally, scan_group_count and
-- scan_open_answer in shuffled batches of at least the campaign's minimum group size, in a
-- transaction of its own, and closing a campaign moves all that are left. Random id, no time,
-- no sequence: nothing here orders the sheets either.
create table scan_pending_sheet (
    id          uuid         primary key,
    campaign_id bigint       not null references scan_campaign (id),
    team_id     bigint,
    role_group  varchar(20)  not null,
    language    varchar(8)   not null,
    -- item code -> value 1..5, as given (before reversing)
    answers     jsonb        not null,
    -- open question code -> text, already trimmed and cut to length
    open        jsonb        not null default '{}'
);
create index scan_pending_sheet_campaign on scan_pending_sheet (campaign_id);

-- A draft keeps the day it expires, not the moment it was started: the end of the day a week
-- after it was started (Europe/Amsterdam).
alter table scan_draft add column expires_on date;
update scan_draft set expires_on = (expires_at at time zone 'Europe/Amsterdam')::date;
alter table scan_draft alter column expires_on set not null;
alter table scan_draft drop column expires_at;
