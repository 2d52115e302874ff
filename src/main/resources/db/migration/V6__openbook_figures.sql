-- Monthly company figures for everyone: revenue and costs per category, shop-floor figures,
-- management's explanation, and questions with answers.
create table openbook_month (
    id             bigint generated always as identity primary key,
    month          date         not null,          -- the first day of the month
    site_id        bigint,                          -- empty: the whole company
    status         varchar(10)  not null default 'DRAFT',
    explanation    varchar(4000),
    revenue        numeric(14, 2) not null,
    published_at   timestamptz,
    published_by   varchar(200),
    created_by     varchar(200) not null,
    created_at     timestamptz  not null
);
create unique index openbook_month_unique on openbook_month (month, coalesce(site_id, 0));

create table openbook_cost (
    month_id bigint        not null references openbook_month (id) on delete cascade,
    category varchar(30)   not null,
    amount   numeric(14, 2) not null check (amount >= 0),
    primary key (month_id, category)
);

-- On-time delivery, fuel use and damage reports: entered for now, later supplied by other modules.
create table openbook_shop_floor (
    month       date         not null primary key,
    on_time_pct numeric(5, 1),
    fuel_l_100  numeric(5, 1),
    damages     int,
    source      varchar(60)  not null
);

-- The one number management steers on, and its target.
create table openbook_key_figure (
    id     int          primary key default 1 check (id = 1),
    figure varchar(30)  not null,
    target numeric(10, 2) not null
);

create table openbook_question (
    id          bigint generated always as identity primary key,
    month_id    bigint        references openbook_month (id),
    text        varchar(1000) not null,
    asked_by    bigint,                     -- empty when asked anonymously
    asked_on    date          not null,
    answer      varchar(2000),
    answered_by varchar(200),
    answered_on date
);
