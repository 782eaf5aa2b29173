-- Axon JDBC event store (default EventSchema / TokenSchema / GenericSagaSqlSchema names)
create table DomainEventEntry (
    globalIndex         bigint auto_increment primary key,
    aggregateIdentifier varchar(255) not null,
    sequenceNumber      bigint       not null,
    type                varchar(255),
    eventIdentifier     varchar(255) not null,
    metaData            blob,
    payload             blob         not null,
    payloadRevision     varchar(255),
    payloadType         varchar(255) not null,
    timeStamp           varchar(255) not null,
    constraint uk_domain_event_aggregate_sequence unique (aggregateIdentifier, sequenceNumber),
    constraint uk_domain_event_identifier unique (eventIdentifier)
);

create table SnapshotEventEntry (
    aggregateIdentifier varchar(255) not null,
    sequenceNumber      bigint       not null,
    type                varchar(255) not null,
    eventIdentifier     varchar(255) not null,
    metaData            blob,
    payload             blob         not null,
    payloadRevision     varchar(255),
    payloadType         varchar(255) not null,
    timeStamp           varchar(255) not null,
    primary key (aggregateIdentifier, sequenceNumber),
    constraint uk_snapshot_event_identifier unique (eventIdentifier)
);

create table TokenEntry (
    processorName varchar(255) not null,
    segment       integer      not null,
    token         blob,
    tokenType     varchar(255),
    timestamp     varchar(255),
    owner         varchar(255),
    primary key (processorName, segment)
);

create table SagaEntry (
    sagaId         varchar(255) not null primary key,
    revision       varchar(255),
    sagaType       varchar(255),
    serializedSaga blob
);

create table AssociationValueEntry (
    id               bigint auto_increment primary key,
    associationKey   varchar(255) not null,
    associationValue varchar(255),
    sagaType         varchar(255) not null,
    sagaId           varchar(255) not null
);
create index idx_association_value on AssociationValueEntry (sagaType, associationKey, associationValue);
