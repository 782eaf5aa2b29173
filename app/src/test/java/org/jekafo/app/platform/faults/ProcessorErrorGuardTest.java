package org.jekafo.app.platform.faults;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** A real Axon unit of work around a handler, as a projection's batch runs; the process's exit is recorded. */
class ProcessorErrorGuardTest {

    private final List<Integer> exitCodes = new CopyOnWriteArrayList<>();
    private final ProcessorErrorGuard guard = new ProcessorErrorGuard("member-projection",
            new FatalErrors(exitCodes::add));

    @Test
    void errorThrownByAnEventHandlerEndsTheProcessWithCode70() {
        Throwable thrown = handle(event -> {
            throw new StackOverflowError();
        });

        assertThat(thrown).isInstanceOf(StackOverflowError.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> !exitCodes.isEmpty());
        assertThat(exitCodes).containsExactly(FatalErrors.EXIT_CODE);
    }

    @Test
    void errorEscapingTheCommitOfABatchEndsTheProcess() {
        handle(event -> {
            CurrentUnitOfWork.get().onPrepareCommit(u -> {
                throw new NoClassDefFoundError("co/elastic/clients/Missing");
            });
            return null;
        });

        await().atMost(Duration.ofSeconds(5)).until(() -> !exitCodes.isEmpty());
        assertThat(exitCodes).containsExactly(FatalErrors.EXIT_CODE);
    }

    @Test
    void exceptionFromAnEventHandlerLeavesTheProcessRunning() {
        Throwable thrown = handle(event -> {
            throw new IllegalStateException("Elasticsearch refused the batch");
        });

        assertThat(thrown).isInstanceOf(IllegalStateException.class);
        assertThat(exitCodes).isEmpty();
    }

    @Test
    void batchCommittedNormallyLeavesTheProcessRunning() {
        handle(event -> null);

        assertThat(exitCodes).isEmpty();
    }

    private Throwable handle(MessageHandler<EventMessage<?>> handler) {
        EventMessage<?> event = GenericEventMessage.asEventMessage("MemberRegistered");
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        return catchThrowable(() -> {
            var result = unitOfWork.executeWithResult(
                    () -> new DefaultInterceptorChain<>(unitOfWork, List.of(guard), handler).proceed());
            if (result.isExceptional()) {
                throw result.exceptionResult();
            }
        });
    }
}
