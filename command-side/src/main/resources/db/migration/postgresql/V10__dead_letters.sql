-- Axon's dead-letter queue (JdbcSequencedDeadLetterQueue, default DeadLetterSchema): events a projection could
-- not apply, per processing group and sequence (aggregate), with their cause. Payloads are serialized by the
-- event serializer, so personal data stays encrypted with the member's key (erasure shreds it here too).
create table DeadLetterEntry (
    deadLetterIdentifier varchar(255)     not null primary key,
    processingGroup      varchar(255)     not null,
    sequenceIdentifier   varchar(255)     not null,
    sequenceIndex        bigint           not null,
    messageType          varchar(255)     not null,
    eventIdentifier      varchar(255)     not null,
    timestamp            varchar(255)     not null,
    payloadType          varchar(255)     not null,
    payloadRevision      varchar(255),
    payload              bytea              not null,
    metaData             bytea,
    type                 varchar(255),
    aggregateIdentifier  varchar(255),
    sequenceNumber       bigint,
    tokenType            varchar(255),
    token                bytea,
    enqueuedAt           varchar(255)     not null,
    lastTouched          varchar(255),
    processingStarted    varchar(255),
    causeType            varchar(255),
    causeMessage         varchar(1023),
    diagnostics          bytea,
    constraint uk_dead_letter_sequence_index unique (processingGroup, sequenceIdentifier, sequenceIndex)
);
create index idx_dead_letter_group on DeadLetterEntry (processingGroup);
create index idx_dead_letter_sequence on DeadLetterEntry (processingGroup, sequenceIdentifier);
