-- A planner's request to optimise a day, and what the optimiser proposes. The proposal is kept
-- as a document: it is read whole, shown and applied whole, and never queried inside.
create table routing_proposal (
    id                 bigserial primary key,
    day                date         not null,
    depart             time         not null,
    back_by            time         not null,
    replan             boolean      not null,
    time_limit_seconds integer      not null,
    status             varchar(16)  not null check (status in ('WAITING', 'SOLVING', 'READY', 'FAILED', 'APPLIED', 'DISCARDED')),
    progress_percent   integer      not null default 0,
    input              jsonb        not null,
    result             jsonb,
    failure            varchar(500),
    created_by         varchar(200) not null,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    decided_by         varchar(200),
    decided_at         timestamptz
);

create index routing_proposal_recent on routing_proposal (created_at desc);
