-- Customers and their delivery addresses.
create table transport_customer (
    id          bigint generated always as identity primary key,
    name        varchar(150) not null unique,
    created_at  timestamptz  not null
);

create table transport_address (
    id           bigint generated always as identity primary key,
    customer_id  bigint        not null references transport_customer (id),
    name         varchar(150)  not null,
    street       varchar(150)  not null,
    postcode     varchar(12)   not null,
    city         varchar(100)  not null,
    country      varchar(2)    not null default 'NL',
    latitude     double precision not null check (latitude between -90 and 90),
    longitude    double precision not null check (longitude between -180 and 180),
    opens_at     time,
    closes_at    time,
    hours_note   varchar(200)
);
create index transport_address_customer on transport_address (customer_id, name);

-- What a customer wants at an address, recorded by a driver or a planner; a planner confirms it.
create table transport_wish (
    id            bigint generated always as identity primary key,
    address_id    bigint        not null references transport_address (id),
    kind          varchar(10)   not null check (kind in ('ACCESS', 'TIMING', 'CONTACT', 'HANDLING', 'OTHER')),
    text          varchar(500)  not null,
    status        varchar(10)   not null default 'NEW' check (status in ('NEW', 'CONFIRMED', 'OUTDATED')),
    recorded_by   varchar(200)  not null,
    recorded_at   timestamptz   not null,
    stop_id       bigint,
    decided_by    varchar(200),
    decided_at    timestamptz
);
create index transport_wish_address on transport_wish (address_id, status);
create index transport_wish_status on transport_wish (status, recorded_at);

-- Per site: who fixes the order of the stops, and where the depot is.
create table transport_site (
    site_id     bigint       primary key,
    steering    varchar(10)  not null default 'CENTRAL' check (steering in ('CENTRAL', 'DECENTRAL')),
    depot_lat   double precision,
    depot_lon   double precision,
    changed_by  varchar(200),
    changed_at  timestamptz
);

create table transport_vehicle (
    id                bigint generated always as identity primary key,
    plate             varchar(12)  not null unique,
    site_id           bigint       not null,
    capacity_pallets  int          not null check (capacity_pallets > 0),
    capacity_kg       int          not null check (capacity_kg > 0),
    active            boolean      not null default true
);

create table transport_order (
    id            bigint generated always as identity primary key,
    reference     varchar(40)    not null unique,
    customer_id   bigint         not null references transport_customer (id),
    address_id    bigint         not null references transport_address (id),
    requested_on  date           not null,
    window_from   time           not null,
    window_to     time           not null,
    pallets       int            not null check (pallets >= 0),
    colli         int            not null check (colli >= 0),
    weight_kg     int            not null check (weight_kg >= 0),
    volume_m3     numeric(7, 2)  not null check (volume_m3 >= 0),
    remarks       varchar(500),
    status        varchar(10)    not null default 'OPEN'
        check (status in ('OPEN', 'PLANNED', 'DELIVERED', 'PROBLEM', 'CANCELLED')),
    cancel_reason varchar(500),
    created_by    varchar(200)   not null,
    created_at    timestamptz    not null,
    check (window_to > window_from)
);
create index transport_order_day on transport_order (requested_on, status);
create index transport_order_customer on transport_order (customer_id, requested_on);

create table transport_trip (
    id                 bigint generated always as identity primary key,
    day                date         not null,
    site_id            bigint       not null,
    vehicle_id         bigint       not null references transport_vehicle (id),
    driver_id          bigint       not null,
    planned_start      time         not null,
    -- the driver confirmed an order of their own (DECENTRAL sites only)
    reordered_at       timestamptz,
    loading_started_at timestamptz,
    loaded_at          timestamptz,
    loaded_by          varchar(200),
    created_by         varchar(200) not null,
    created_at         timestamptz  not null,
    unique (day, vehicle_id),
    unique (day, driver_id)
);
create index transport_trip_day on transport_trip (day, site_id);

create table transport_stop (
    id             bigint generated always as identity primary key,
    trip_id        bigint        not null references transport_trip (id),
    order_id       bigint        not null unique references transport_order (id),
    position       int           not null,
    arrived_at     timestamptz,
    delivered_at   timestamptz,
    problem        varchar(12)   check (problem in ('REFUSED', 'DAMAGED', 'NOBODY', 'OTHER')),
    problem_text   varchar(500),
    problem_at     timestamptz,
    photo          bytea,
    photo_type     varchar(20)
);
create index transport_stop_trip on transport_stop (trip_id, position);

-- Every action a driver's phone sent, by the key the phone made for it: a retry of the same
-- action is recognised and stored once.
create table transport_action (
    key          uuid         primary key,
    stop_id      bigint       not null references transport_stop (id),
    kind         varchar(10)  not null,
    received_at  timestamptz  not null
);
