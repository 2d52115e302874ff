-- V19, V21 and V25 were changed after they had landed (ADR 0015). A database that ran their
-- first versions lacks what was added; this brings it to the shape a new database has. On a
-- new database every statement finds the work already done and changes nothing.

-- V19: at most one driving agreement in force. A database from the first V19 could hold more
-- than one; the newest stays in force and the older ones end now, so the index can be made.
update driving_agreement set ended_at = now()
 where consent_on is not null and ended_at is null
   and id < (select max(id) from driving_agreement where consent_on is not null and ended_at is null);
create unique index if not exists driving_agreement_in_force on driving_agreement ((true))
    where consent_on is not null and ended_at is null;

-- V19: a leaderboard choice belongs to one agreement. An old choice is kept under the agreement
-- that was in force when it was made; a choice made under none is dropped (the driver is asked again).
alter table driving_leaderboard_choice add column if not exists agreement_id bigint references driving_agreement (id);
update driving_leaderboard_choice c
   set agreement_id = (select max(a.id) from driving_agreement a
                        where a.consent_on is not null and a.consent_recorded_at <= c.changed_at
                          and (a.ended_at is null or a.ended_at > c.changed_at))
 where c.agreement_id is null;
delete from driving_leaderboard_choice where agreement_id is null;
alter table driving_leaderboard_choice alter column agreement_id set not null;

-- V19: which week someone else opened.
alter table driving_access add column if not exists week date;

-- V21: when the optimiser started on a proposal.
alter table routing_proposal add column if not exists started_at timestamptz;

-- V25: whether a pending sheet came by paper code. Sheets that were pending under the first V25
-- had been counted when they were sent, so false (not counted again on release) is right for them.
alter table scan_pending_sheet add column if not exists by_code boolean not null default false;
