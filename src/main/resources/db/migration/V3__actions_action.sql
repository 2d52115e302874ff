-- Follow-up actions from every module. The origin is a typed reference, not a join.
create table action (
    id            bigint generated always as identity primary key,
    title         varchar(200)  not null,
    description   varchar(2000),
    owner_id      bigint        not null,
    due_on        date          not null,
    status        varchar(20)   not null default 'OPEN',
    origin_type   varchar(30)   not null,
    origin_id     bigint,
    origin_label  varchar(200),
    created_by    varchar(200)  not null,
    created_at    timestamptz   not null
);
create index action_origin on action (origin_type, origin_id);
create index action_owner on action (owner_id, status);
