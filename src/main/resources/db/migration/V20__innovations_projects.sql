-- Innovation projects: a technology change with the groups it affects, its phase, an involvement plan
-- (readiness items with evidence), the phase changes with their reasons, acceptance pulses (campaigns of
-- the scan module, by id) and what other modules hold about it (typed ids, with the title at the time).
create table innovation_project (
    id                bigint generated always as identity primary key,
    title             varchar(150)   not null,
    technology        varchar(15)    not null check (technology in ('IN_CAB', 'WMS', 'MECHANISATION', 'OFFICE_ICT', 'OTHER')),
    purpose           varchar(4000)  not null,
    owner_id          bigint         not null,
    monitors_people   boolean        not null,
    phase             varchar(10)    not null default 'EXPLORE'
        check (phase in ('EXPLORE', 'CO_DESIGN', 'PILOT', 'ROLL_OUT', 'EVALUATE')),
    created_by        varchar(200)   not null,
    created_at        timestamptz    not null,
    version           bigint         not null default 0
);

create table innovation_group (
    project_id  bigint       not null references innovation_project (id) on delete cascade,
    kind        varchar(5)   not null check (kind in ('SITE', 'TEAM', 'ROLE')),
    ref         varchar(20)  not null,
    primary key (project_id, kind, ref)
);

create table innovation_item (
    project_id      bigint         not null references innovation_project (id) on delete cascade,
    code            varchar(20)    not null,
    status          varchar(10)    not null check (status in ('OPEN', 'DONE', 'NOT_NEEDED')),
    evidence        varchar(500),
    evidence_kind   varchar(20),
    evidence_id     bigint,
    done_on         date,
    changed_by      varchar(200)   not null,
    changed_at      timestamptz    not null,
    primary key (project_id, code)
);

create table innovation_phase_change (
    id           bigint generated always as identity primary key,
    project_id   bigint          not null references innovation_project (id) on delete cascade,
    from_phase   varchar(10)     not null,
    to_phase     varchar(10)     not null,
    missing      varchar(1000),
    reason       varchar(2000),
    changed_by   varchar(200)    not null,
    changed_at   timestamptz     not null
);
create index innovation_phase_change_project on innovation_phase_change (project_id, changed_at);

create table innovation_pulse (
    campaign_id  bigint        primary key,
    project_id   bigint        not null references innovation_project (id) on delete cascade,
    phase        varchar(10)   not null,
    group_kind   varchar(5)    not null,
    group_ref    varchar(20)   not null,
    started_at   timestamptz   not null
);
create index innovation_pulse_project on innovation_pulse (project_id, started_at);

create table innovation_link (
    project_id  bigint         not null references innovation_project (id) on delete cascade,
    kind        varchar(12)    not null check (kind in ('IDEA', 'CHALLENGE', 'EXPERIMENT', 'EVALUATION', 'ACTION')),
    ref_id      bigint         not null,
    title       varchar(200)   not null,
    linked_by   varchar(200)   not null,
    linked_at   timestamptz    not null,
    primary key (project_id, kind, ref_id)
);
