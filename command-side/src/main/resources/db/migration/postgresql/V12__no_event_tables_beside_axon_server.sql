-- With Axon Server (profile axonserver) the events are stored there: the relational event and snapshot tables
-- that V1 creates for every profile would stay empty and mislead whoever reads the database. They are dropped
-- there, and only while empty, so that a database that does hold events never loses them.
do $$
begin
    if '${event_store}' = 'axonserver'
            and not exists (select 1 from DomainEventEntry) and not exists (select 1 from SnapshotEventEntry) then
        drop table DomainEventEntry;
        drop table SnapshotEventEntry;
    end if;
end
$$;
