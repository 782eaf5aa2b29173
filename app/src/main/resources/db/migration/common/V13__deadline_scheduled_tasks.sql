-- Deadlines (README: Deadlines): db-scheduler's table, under the name db-scheduler.table-name gives it. One row per
-- scheduled deadline (Axon's DbSchedulerDeadlineManager, task AxonDeadline) or scheduled event (task
-- AxonScheduledEvent, where Axon Server does not schedule them), deleted once it has run or been cancelled.
-- task_data holds the deadline's scope, payload and metadata serialized by the event serializer (Jackson, personal
-- data encrypted). An instance takes a due row by raising its version (picked, picked_by), so one runs it; its
-- heartbeat lets another take over a row whose instance died. Portable SQL: the same script on H2 and PostgreSQL.
create table deadline_scheduled_tasks (
    task_name            varchar(100)             not null,
    task_instance        varchar(250)             not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            varchar(255),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index idx_deadline_execution_time on deadline_scheduled_tasks (execution_time);
create index idx_deadline_last_heartbeat on deadline_scheduled_tasks (last_heartbeat);
create index idx_deadline_priority_execution_time on deadline_scheduled_tasks (priority desc, execution_time asc);
