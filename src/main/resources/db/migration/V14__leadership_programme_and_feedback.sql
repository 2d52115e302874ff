-- The learning path for leaders. Lessons shipped with the product carry a slug, so they are
-- added once and an edited or archived lesson is never put back.
create table leadership_lesson (
    id              bigint generated always as identity primary key,
    slug            varchar(60)   unique,
    position        int           not null,
    title_nl        varchar(150)  not null,
    title_en        varchar(150)  not null,
    body_nl         varchar(20000) not null,
    body_en         varchar(20000) not null,
    assignment_nl   varchar(1000) not null,
    assignment_en   varchar(1000) not null,
    evidence        varchar(20)   not null default 'NONE'
        check (evidence in ('NONE', 'EVALUATION', 'IDEAS', 'FEEDBACK')),
    image           bytea,
    image_type      varchar(20),
    image_alt_nl    varchar(200),
    image_alt_en    varchar(200),
    archived        boolean       not null default false,
    changed_by      varchar(200)  not null,
    changed_at      timestamptz   not null
);

-- A leader's own progress. The reflection is private to the leader unless shared.
create table leadership_progress (
    person_id   bigint        not null,
    lesson_id   bigint        not null references leadership_lesson (id),
    read_at     timestamptz,
    done_at     timestamptz,
    did         varchar(2000),
    happened    varchar(2000),
    next_step   varchar(2000),
    shared      boolean       not null default false,
    primary key (person_id, lesson_id)
);

-- Upward feedback: rounds started together by management form a wave, so management can
-- read an aggregate over many leaders without reading any one of them.
create table leadership_wave (
    id          bigint generated always as identity primary key,
    started_by  varchar(200) not null,
    started_at  timestamptz  not null
);

create table leadership_round (
    id          bigint generated always as identity primary key,
    leader_id   bigint       not null,
    team_id     bigint       not null,
    campaign_id bigint       not null unique,
    wave_id     bigint       references leadership_wave (id),
    started_by  varchar(200) not null,
    started_at  timestamptz  not null,
    shared      boolean      not null default false
);
create index leadership_round_leader on leadership_round (leader_id, id);
