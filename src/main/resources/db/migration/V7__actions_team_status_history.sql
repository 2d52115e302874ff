-- Actions get a team, a reason when dropped, and a history of status changes.
alter table action add column team_id bigint;
alter table action add column dropped_reason varchar(1000);
alter table action add column changed_at timestamptz;
alter table action add constraint action_status_known check (status in ('OPEN', 'DOING', 'DONE', 'DROPPED'));
create index action_team on action (team_id, status);
create index action_due on action (status, due_on);

create table action_change (
    id         bigint generated always as identity primary key,
    action_id  bigint        not null references action (id) on delete cascade,
    changed_at timestamptz   not null,
    changed_by varchar(200)  not null,
    kind       varchar(10)   not null default 'STATUS' check (kind in ('STATUS', 'EDIT')),
    status     varchar(20)   not null,
    note       varchar(1000)
);
create index action_change_action on action_change (action_id, id);

-- rows made before this migration keep their status; their history starts with their creation
insert into action_change (action_id, changed_at, changed_by, status)
select id, created_at, created_by, status from action;
