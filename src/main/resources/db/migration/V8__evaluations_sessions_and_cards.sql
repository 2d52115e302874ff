-- Recurring team evaluations: a series per team, sessions with a board of cards and votes.
create table evaluation_series (
    id              bigint generated always as identity primary key,
    team_id         bigint        not null,
    title           varchar(120)  not null,
    every_weeks     int           not null check (every_weeks between 1 and 26),
    facilitator_id  bigint        not null,
    anonymous_cards boolean       not null,
    active          boolean       not null default true,
    created_by      varchar(200)  not null,
    created_at      timestamptz   not null
);
create index evaluation_series_team on evaluation_series (team_id);

create table evaluation_session (
    id              bigint generated always as identity primary key,
    series_id       bigint        references evaluation_series (id),
    team_id         bigint        not null,
    title           varchar(120)  not null,
    facilitator_id  bigint        not null,
    planned_on      date          not null,
    anonymous_cards boolean       not null,
    state           varchar(10)   not null default 'PLANNED' check (state in ('PLANNED', 'RUNNING', 'CLOSED')),
    started_at      timestamptz,
    closed_at       timestamptz,
    closing_note    varchar(2000),
    version         bigint        not null default 0
);
create index evaluation_session_team on evaluation_session (team_id, planned_on);
-- one planned session per series at a time
create unique index evaluation_session_one_planned on evaluation_session (series_id) where state = 'PLANNED';

-- Cards carry no time and, when anonymous, no author: their order is their id.
create table evaluation_card (
    id         bigint generated always as identity primary key,
    session_id bigint        not null references evaluation_session (id) on delete cascade,
    kind       varchar(10)   not null check (kind in ('WELL', 'BETTER', 'IDEA')),
    text       varchar(500)  not null,
    author_id  bigint,
    group_of   bigint        references evaluation_card (id),
    action_id  bigint
);
create index evaluation_card_session on evaluation_card (session_id);

create table evaluation_vote (
    card_id    bigint not null references evaluation_card (id) on delete cascade,
    person_id  bigint not null,
    session_id bigint not null references evaluation_session (id) on delete cascade,
    primary key (card_id, person_id)
);
create index evaluation_vote_person on evaluation_vote (session_id, person_id);

-- The open actions of earlier sessions as they stood when this session began.
create table evaluation_review (
    session_id bigint        not null references evaluation_session (id) on delete cascade,
    action_id  bigint        not null,
    title      varchar(200)  not null,
    owner_name varchar(200)  not null,
    due_on     date          not null,
    status     varchar(20)   not null,
    primary key (session_id, action_id)
);
