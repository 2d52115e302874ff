-- In-app notifications: what happened, as a message key with its arguments, so that each
-- person reads it in their own language; and where to look.
create table notification (
    id         bigint generated always as identity primary key,
    person_id  bigint        not null,
    message    varchar(120)  not null,
    arguments  varchar(2000) not null default '',
    link       varchar(300),
    created_at timestamptz   not null,
    read_at    timestamptz
);
create index notification_person on notification (person_id, read_at, id desc);
