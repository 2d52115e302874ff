-- Reports of mistakes and near misses, and the lessons published from them.
-- An anonymous report keeps no reporter, no address and no exact time: only the month.
-- Ids are random, so their order says nothing about when a report came in.
create table mistake_report (
    id              bigint        primary key,
    category        varchar(20)   not null check (category in ('SAFETY', 'QUALITY', 'CUSTOMER', 'DAMAGE', 'NEAR_MISS', 'OTHER')),
    what_happened   varchar(4000) not null,
    location        varchar(300),
    prevention      varchar(4000),
    site_id         bigint,
    reporter_id     bigint,
    reported_at     timestamptz,
    reported_in     date          not null,
    follow_up_hash  varchar(64)   unique,
    may_publish     boolean       not null,
    -- random key from the form, so a repeated submission is stored once
    submission_key  varchar(36)   unique,
    state           varchar(10)   not null default 'NEW' check (state in ('NEW', 'ANSWERED')),
    learned         varchar(4000),
    change          varchar(4000),
    thanks          varchar(1000),
    answered_by     varchar(200),
    answered_at     timestamptz,
    check (reporter_id is not null or (reported_at is null and follow_up_hash is not null))
);
create index mistake_report_month on mistake_report (reported_in, site_id);
create index mistake_report_reporter on mistake_report (reporter_id);

create table lesson (
    id           bigint generated always as identity primary key,
    report_id    bigint        not null unique references mistake_report (id),
    title        varchar(200)  not null,
    situation    varchar(4000) not null,
    lesson       varchar(4000) not null,
    category     varchar(20)   not null,
    published_by varchar(200)  not null,
    published_at timestamptz   not null
);
