-- Who made a one-time code (as named in the audit log), and whether a team lead did: a code a team lead
-- made never works for an account that holds more rights than a team member (issue 21, item 6).
alter table account_code add column issued_by varchar(200);
alter table account_code add column issued_by_lead boolean not null default false;
