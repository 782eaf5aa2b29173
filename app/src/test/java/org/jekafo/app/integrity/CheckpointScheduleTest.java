package org.jekafo.app.integrity;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.jekafo.command.integrity.CheckpointLog;
import org.jekafo.integrity.Checkpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The periodic checkpoint is one recurring task of the persisted scheduler, not a timer per instance: one row in
 * {@code deadline_scheduled_tasks}, due an interval ahead; run now, it records one checkpoint as the system over a
 * chain that has moved.
 */
class CheckpointScheduleTest extends IntegrationTest {

    private static final TaskInstanceId TASK = TaskInstanceId.of(CheckpointSchedule.TASK, RecurringTask.INSTANCE);

    @Autowired
    Scheduler scheduler;
    @Autowired
    CheckpointLog checkpoints;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theRecurringTaskIsScheduledOnceAndRecordsACheckpointWhenRun() {
        List<Instant> due = jdbc.queryForList("select execution_time from deadline_scheduled_tasks where task_name = ?",
                java.sql.Timestamp.class, CheckpointSchedule.TASK).stream().map(java.sql.Timestamp::toInstant).toList();
        assertThat(due).as("one row, whatever the number of instances").hasSize(1);
        assertThat(due.get(0)).isAfter(Instant.now().plus(Duration.ofMinutes(30)));

        TestApi bureau = connect();
        bureau.register(TestApi.registration("Sangare" + TestData.suffix(), "Awa", "F", bureau.unitId("SG-01")));
        long before = checkpoints.count();
        long previousHead = checkpoints.page(1, 0).stream().mapToLong(Checkpoint::chainSequence).max().orElse(0);
        scheduler.reschedule(TASK, Instant.now());

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> checkpoints.count() > before);
        assertThat(checkpoints.page(1, 0).get(0).chainSequence()).as("over the chain with the new member")
                .isGreaterThan(previousHead);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> jdbc.queryForObject(
                "select execution_time from deadline_scheduled_tasks where task_name = ?", java.sql.Timestamp.class,
                CheckpointSchedule.TASK).toInstant().isAfter(Instant.now().plus(Duration.ofMinutes(30))));
    }
}
