-- Ideas with support, comments, answers (a history of statuses) and their effect;
-- experiments; innovation teams. Challenges are referred to by id and title only.
create table innovation_team (
    id          bigint generated always as identity primary key,
    name        varchar(120)  not null unique,
    mandate     varchar(2000) not null,
    created_by  varchar(200)  not null,
    created_at  timestamptz   not null
);
create table innovation_team_member (
    team_id   bigint not null references innovation_team (id) on delete cascade,
    person_id bigint not null,
    primary key (team_id, person_id)
);
create table innovation_team_challenge (
    team_id         bigint        not null references innovation_team (id) on delete cascade,
    challenge_id    bigint        not null,
    challenge_title varchar(200)  not null,
    primary key (team_id, challenge_id)
);

create table idea (
    id                 bigint generated always as identity primary key,
    title              varchar(150)  not null,
    problem            varchar(4000) not null,
    proposal           varchar(4000) not null,
    category           varchar(20)   not null check (category in ('SAFETY', 'CUSTOMER', 'EFFICIENCY', 'WORKING_CONDITIONS', 'ICT_TOOLS', 'OTHER')),
    site_id            bigint,
    team_id            bigint,
    author_id          bigint        not null,
    created_at         timestamptz   not null,
    answer_due_on      date          not null,
    status             varchar(20)   not null default 'SUBMITTED'
        check (status in ('SUBMITTED', 'UNDER_REVIEW', 'EXPERIMENT', 'ADOPTED', 'NOT_ADOPTED', 'PARKED')),
    first_answered_at  timestamptz,
    innovation_team_id bigint        references innovation_team (id),
    challenge_id       bigint,
    challenge_title    varchar(200),
    submission_key     varchar(36)   unique
);
create index idea_status on idea (status, answer_due_on);
create index idea_author on idea (author_id);

create table idea_photo (
    idea_id      bigint       primary key references idea (id) on delete cascade,
    content_type varchar(20)  not null,
    bytes        bytea        not null
);

create table idea_support (
    idea_id    bigint      not null references idea (id) on delete cascade,
    person_id  bigint      not null,
    created_at timestamptz not null,
    primary key (idea_id, person_id)
);

create table idea_comment (
    id         bigint generated always as identity primary key,
    idea_id    bigint        not null references idea (id) on delete cascade,
    author_id  bigint        not null,
    text       varchar(2000) not null,
    created_at timestamptz   not null
);
create index idea_comment_idea on idea_comment (idea_id, id);

-- every answer: the status it gave and why
create table idea_answer (
    id         bigint generated always as identity primary key,
    idea_id    bigint        not null references idea (id) on delete cascade,
    status     varchar(20)   not null,
    reason     varchar(2000) not null,
    by_id      bigint        not null,
    by_name    varchar(200)  not null,
    created_at timestamptz   not null
);
create index idea_answer_idea on idea_answer (idea_id, id);

create table idea_impact (
    idea_id          bigint        primary key references idea (id) on delete cascade,
    expected_euros   numeric(12, 0),
    expected_hours   numeric(8, 1),
    expected_co2_kg  numeric(10, 0),
    expected_safety  varchar(500),
    realised_euros   numeric(12, 0),
    realised_hours   numeric(8, 1),
    realised_co2_kg  numeric(10, 0),
    realised_safety  varchar(500),
    adopted_on       date          not null,
    changed_by       varchar(200)  not null,
    changed_at       timestamptz   not null
);

create table experiment (
    id                 bigint generated always as identity primary key,
    idea_id            bigint        references idea (id),
    title              varchar(150)  not null,
    hypothesis         varchar(1000) not null,
    what_we_try        varchar(2000) not null,
    participants       varchar(500)  not null,
    starts_on          date          not null,
    ends_on            date          not null,
    measure            varchar(1000) not null,
    result             varchar(2000),
    decision           varchar(10)   check (decision in ('ADOPT', 'ADJUST', 'STOP')),
    decision_reason    varchar(2000),
    decided_by         varchar(200),
    decided_at         timestamptz,
    innovation_team_id bigint        references innovation_team (id),
    created_by         varchar(200)  not null,
    created_at         timestamptz   not null,
    check (ends_on >= starts_on)
);
