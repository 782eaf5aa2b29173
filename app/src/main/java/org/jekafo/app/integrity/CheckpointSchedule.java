package org.jekafo.app.integrity;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.axonframework.common.IdentifierFactory;
import org.jekafo.api.common.Channel;
import org.jekafo.api.integrity.RecordIntegrityCheckpointCommand;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.messaging.CommandSender;
import org.jekafo.app.platform.messaging.CommandSender.CommandContext;
import org.jekafo.command.integrity.CheckpointLog;
import org.jekafo.command.integrity.IntegrityVerification;
import org.jekafo.integrity.ChainLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * The server's own checkpoints: every {@code jekafo.integrity.checkpoint-interval} (1 h), once the chain has moved
 * since the newest one, a checkpoint is taken as the system; publishing one outside is the federation's act. The
 * schedule is a recurring task of the persisted scheduler (db-scheduler, table {@code deadline_scheduled_tasks}):
 * however many instances run, one of them takes it each time, and a restart does not move it.
 */
@Configuration(proxyBeanMethods = false)
class CheckpointSchedule {

    /** The task's name in {@code deadline_scheduled_tasks}. */
    static final String TASK = "integrity-checkpoint";

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointSchedule.class);
    private static final ActingPrincipal SYSTEM = ActingPrincipal.system("points-de-controle");

    private final IntegrityVerification verification;
    private final CheckpointLog checkpoints;
    private final CommandSender sender;

    CheckpointSchedule(IntegrityVerification verification, CheckpointLog checkpoints, CommandSender sender) {
        this.verification = verification;
        this.checkpoints = checkpoints;
        this.sender = sender;
    }

    @Bean
    RecurringTask<Void> integrityCheckpointTask(@Value("${jekafo.integrity.checkpoint-interval:1h}") Duration interval) {
        return Tasks.recurring(TASK, FixedDelay.of(interval)).execute((instance, context) -> take());
    }

    private void take() {
        try {
            verification.chainNow();
            ChainLink head = verification.head().orElse(null);
            boolean moved = head != null && checkpoints.page(1, 0).stream()
                    .noneMatch(newest -> newest.chainSequence() == head.chainSequence());
            if (moved) {
                String id = IdentifierFactory.getInstance().generateIdentifier();
                sender.send(new RecordIntegrityCheckpointCommand(id), CommandContext.of(SYSTEM, Channel.SYSTEM));
                LOG.info("Integrity checkpoint {} taken at chain sequence {}", id, head.chainSequence());
            }
        } catch (RuntimeException e) {
            LOG.warn("Periodic integrity checkpoint failed, tried again next time: {}", e.toString());
        }
    }
}
