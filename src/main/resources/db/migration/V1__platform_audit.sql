-- Append-only record of security events and decisions about people.
create table audit_event (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz  not null,
    type        varchar(40)  not null,
    actor       varchar(200),
    subject     varchar(200),
    address     varchar(64),
    detail      varchar(1000)
);

create index audit_event_time on audit_event (occurred_at desc, id desc);
create index audit_event_type on audit_event (type, occurred_at desc);
