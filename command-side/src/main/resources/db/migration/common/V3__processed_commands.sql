-- Client command ids already handled, so that a retried command changes nothing (offline field work).
create table processed_command (
    client_command_id varchar(100) not null primary key,
    command_name      varchar(255) not null,
    result            varchar(255),
    processed_at      timestamp    not null
);
