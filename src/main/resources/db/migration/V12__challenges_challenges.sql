-- Company challenges and shop-floor problems, with input, options to vote on, linked ideas
-- (by id and title) and what was done with it all.
create table challenge (
    id          bigint generated always as identity primary key,
    kind        varchar(12)   not null check (kind in ('COMPANY', 'SHOP_FLOOR')),
    title       varchar(150)  not null,
    context     varchar(4000) not null,
    question    varchar(1000) not null,
    deadline    date          not null,
    posted_by   bigint        not null,
    posted_at   timestamptz   not null,
    state       varchar(10)   not null default 'OPEN' check (state in ('OPEN', 'CLOSED')),
    follow_up   varchar(4000),
    closed_by   varchar(200),
    closed_at   timestamptz
);
create index challenge_state on challenge (state, deadline);

create table challenge_option (
    id           bigint generated always as identity primary key,
    challenge_id bigint       not null references challenge (id) on delete cascade,
    text         varchar(200) not null
);

create table challenge_vote (
    challenge_id bigint      not null references challenge (id) on delete cascade,
    person_id    bigint      not null,
    option_id    bigint      not null references challenge_option (id) on delete cascade,
    voted_at     timestamptz not null,
    primary key (challenge_id, person_id)
);

create table challenge_input (
    id           bigint generated always as identity primary key,
    challenge_id bigint        not null references challenge (id) on delete cascade,
    author_id    bigint        not null,
    text         varchar(2000) not null,
    created_at   timestamptz   not null
);
create index challenge_input_challenge on challenge_input (challenge_id, id);

create table challenge_idea (
    challenge_id bigint       not null references challenge (id) on delete cascade,
    idea_id      bigint       not null,
    idea_title   varchar(150) not null,
    linked_by    bigint       not null,
    linked_at    timestamptz  not null,
    primary key (challenge_id, idea_id)
);
