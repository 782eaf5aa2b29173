-- Tamper evidence (org.jekafo.command.integrity, integrity-verifier's ChainRule): one row per chained event, in
-- global-index order, dense from 0. Hashes are SHA-256 in lowercase hex. The primary key on chain_sequence makes
-- two instances that chain the same place at once collide: the second transaction rolls back and tries again.
create table event_chain (
    chain_sequence       bigint       not null primary key,
    global_index         bigint       not null,
    event_identifier     varchar(255) not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    payload_hash         varchar(64)  not null,
    metadata_hash        varchar(64)  not null,
    entry_hash           varchar(64)  not null,
    chain_hash           varchar(64)  not null,
    chained_at           timestamp    not null,
    constraint uk_event_chain_global_index unique (global_index)
);
create index idx_event_chain_aggregate on event_chain (aggregate_identifier);

-- The signed checkpoints, as recorded by IntegrityCheckpointRecordedEvent (written with the event), for listing
-- and export; the events stay the truth.
create table integrity_checkpoint (
    checkpoint_id  varchar(64)  not null primary key,
    chain_sequence bigint       not null,
    global_index   bigint       not null,
    event_count    bigint       not null,
    chain_hash     varchar(64)  not null,
    merkle_root    varchar(64)  not null,
    block_size     integer      not null,
    recorded_at    varchar(64)  not null,
    public_key     varchar(512) not null,
    signature      varchar(512) not null
);
create index idx_integrity_checkpoint_sequence on integrity_checkpoint (chain_sequence);
