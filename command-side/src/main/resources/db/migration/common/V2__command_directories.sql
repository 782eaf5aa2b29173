-- Command-side directories: kept by subscribing processors in the transaction that appends the events.
create table org_unit_directory (
    org_unit_id varchar(36)  not null primary key,
    code        varchar(32)  not null,
    name        varchar(200) not null,
    level       varchar(16)  not null,
    parent_id   varchar(36),
    closed      boolean      not null,
    constraint uk_org_unit_code unique (code)
);
create index idx_org_unit_parent on org_unit_directory (parent_id);

create table member_directory (
    member_id     varchar(36)  not null primary key,
    name_key      varchar(400) not null,
    local_unit_id varchar(36)  not null,
    status        varchar(16)  not null
);
create index idx_member_name_key on member_directory (name_key, local_unit_id);
create index idx_member_unit_status on member_directory (local_unit_id, status);

-- the primary keys below are the unique rules, also under concurrent requests
create table member_card (
    card_number varchar(32) not null primary key,
    member_id   varchar(36) not null
);

create table member_national_id (
    national_id varchar(64) not null primary key,
    member_id   varchar(36) not null
);
create index idx_member_national_id_member on member_national_id (member_id);

create table card_number_counter (
    prefix      varchar(8) not null primary key,
    last_number bigint     not null
);
