-- People a pulse is about rather than for: they are not asked (e.g. a leader in an upward
-- feedback round among their own team).
alter table scan_campaign add column excluded_people bigint[] not null default '{}';
-- A restricted pulse is not listed on the scan's pages; its results are read only through the
-- module that started it, which decides who may see them (always within the anonymity rules).
alter table scan_campaign add column restricted boolean not null default false;
