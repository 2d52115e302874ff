-- Sites, teams (departments), people with their roles, and accounts to sign in with.
create table site (
    id     bigint generated always as identity primary key,
    name   varchar(100) not null,
    city   varchar(100),
    active boolean      not null default true
);
create unique index site_name on site (lower(name));

create table team (
    id      bigint generated always as identity primary key,
    name    varchar(100) not null,
    site_id bigint references site (id),
    active  boolean      not null default true
);
create unique index team_name on team (lower(name));

create table person (
    id              bigint generated always as identity primary key,
    employee_number varchar(40)  not null,
    name            varchar(200) not null,
    language        varchar(8)   not null default 'nl',
    email           varchar(254),
    phone           varchar(40),
    team_id         bigint references team (id),
    site_id         bigint references site (id),
    active          boolean      not null default true,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);
create unique index person_employee_number on person (lower(employee_number));
create unique index person_email on person (lower(email)) where email is not null;
create index person_name on person (lower(name));

create table person_role (
    person_id bigint      not null references person (id) on delete cascade,
    role      varchar(20) not null,
    primary key (person_id, role)
);

create table account (
    id              bigint generated always as identity primary key,
    person_id       bigint      not null unique references person (id),
    login_name      varchar(80) not null,
    password_hash   varchar(200),
    failed_attempts int         not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz not null,
    last_sign_in_at timestamptz
);
create unique index account_login_name on account (lower(login_name));

-- One-time codes to activate an account or set a new password. Only a hash is stored.
create table account_code (
    id         bigint generated always as identity primary key,
    account_id bigint      not null references account (id) on delete cascade,
    purpose    varchar(20) not null,
    code_hash  varchar(64) not null unique,
    expires_at timestamptz not null,
    used_at    timestamptz,
    created_at timestamptz not null
);

-- Failed sign-in and code attempts per network address, for the per-address limit.
create table sign_in_failure (
    id          bigint generated always as identity primary key,
    address     varchar(64) not null,
    occurred_at timestamptz not null
);
create index sign_in_failure_address on sign_in_failure (address, occurred_at);
