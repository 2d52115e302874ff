-- Web Push: the VAPID key pair every node signs with (made once, at the first start of any node),
-- and the devices each person asked to get notifications on. An endpoint is the push service's
-- address for one browser on one device; p256dh and auth are that browser's keys for encryption.
create table push_keys (
    name        varchar(20)  primary key,
    public_key  varchar(100) not null,
    private_key varchar(100) not null,
    created_at  timestamptz  not null
);

create table push_subscription (
    id         bigint generated always as identity primary key,
    person_id  bigint        not null,
    endpoint   varchar(1000) not null unique,
    p256dh     varchar(100)  not null,
    auth       varchar(50)   not null,
    user_agent varchar(300),
    created_at timestamptz   not null
);
create index push_subscription_person on push_subscription (person_id);
