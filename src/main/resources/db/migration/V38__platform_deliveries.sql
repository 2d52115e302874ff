-- Everything that leaves the app (e-mail, text messages, push) goes through this outbox: one row per
-- person, channel and notification, written in the same transaction as the notification, sent by a job
-- that retries what failed for a reason that may pass.
create table delivery (
    id              bigint generated always as identity primary key,
    notification_id bigint       not null references notification (id) on delete cascade,
    person_id       bigint       not null,
    channel         varchar(20)  not null,
    kind            varchar(20)  not null,
    status          varchar(10)  not null default 'WAITING' check (status in ('WAITING', 'SENT', 'FAILED')),
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    last_error      varchar(300),
    created_at      timestamptz  not null,
    sent_at         timestamptz,
    unique (notification_id, channel)
);
create index delivery_due on delivery (next_attempt_at) where status = 'WAITING';
create index delivery_person_sent on delivery (person_id, channel, sent_at) where status = 'SENT';
create index delivery_newest on delivery (status, channel, id desc);

-- Each person's choice per kind of notification: the channels besides the app ('' = in the app only).
-- No row for a kind means the default (the app, and e-mail when the person has an address).
create table delivery_choice (
    person_id bigint      not null,
    kind      varchar(20) not null,
    channels  varchar(60) not null default '',
    primary key (person_id, kind)
);
