-- Event payloads, metadata and processor tokens as in-row binary values rather than BLOBs: H2 keeps BLOBs over
-- 256 bytes in separate LOB maps (three more B-tree writes each, and a cleaner thread), which the encrypted
-- member events and gap-aware tokens all exceed. Measured with benchmark/run.sh (README, Performance).
alter table DomainEventEntry alter column payload set data type varbinary(1000000);
alter table DomainEventEntry alter column metaData set data type varbinary(1000000);
alter table SnapshotEventEntry alter column payload set data type varbinary(1000000);
alter table SnapshotEventEntry alter column metaData set data type varbinary(1000000);
alter table TokenEntry alter column token set data type varbinary(1000000);
