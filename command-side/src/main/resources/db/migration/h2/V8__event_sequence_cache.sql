-- The global index hands out 1000 values per write of the sequence instead of 32. H2 writes a sequence's
-- reserve in a commit of its own, and each such commit stores the whole database's changed pages: at 32,
-- those commits cost the census import as much as its own. After a crash (never after a clean stop) the
-- index skips what was reserved and unused, at most 1000 values; tracking processors treat that as a gap
-- and forget it after their gap timeout.
alter table DomainEventEntry alter column globalIndex set cache 1000;
