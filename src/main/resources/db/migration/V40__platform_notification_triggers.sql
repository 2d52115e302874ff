-- What the notification triggers remember so that two nodes, or two runs of a job, never tell twice.

-- actions: the owner was told that this action is due tomorrow (once per due date)
create table action_due_notice (
    action_id bigint      not null references action (id) on delete cascade,
    due_on    date        not null,
    told_at   timestamptz not null,
    primary key (action_id, due_on)
);

-- evaluations: the team was told that this session is today
create table evaluation_session_notice (
    session_id bigint      primary key references evaluation_session (id) on delete cascade,
    told_at    timestamptz not null
);

-- scan: per campaign only that a notice of a kind went out and to how many people; never to whom
create table scan_campaign_notice (
    campaign_id bigint      not null references scan_campaign (id) on delete cascade,
    kind        varchar(20) not null check (kind in ('OPENED', 'HALFWAY', 'TWO_DAYS')),
    sent_at     timestamptz not null,
    people      integer     not null,
    primary key (campaign_id, kind)
);

-- transport: a driver opened their trip of this day; told = the driver has been told of a change since
create table transport_trip_seen (
    driver_id bigint      not null,
    day       date        not null,
    seen_at   timestamptz not null,
    told      boolean     not null default false,
    primary key (driver_id, day)
);
