package org.jekafo.app.platform.faults;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Around every event a projection handles: an {@link Error} — thrown by a handler, or escaping the batch's
 * commit (the Elasticsearch bulk write runs there) — ends the process ({@link FatalErrors}). Axon aborts a work
 * package on an exception and retries it, but an error leaves the work package marked busy for ever: the
 * projection would never move again while the process went on accepting commands.
 */
final class ProcessorErrorGuard implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String WATCHED = ProcessorErrorGuard.class.getName();

    private final String processor;
    private final FatalErrors fatalErrors;

    ProcessorErrorGuard(String processor, FatalErrors fatalErrors) {
        this.processor = processor;
        this.fatalErrors = fatalErrors;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        UnitOfWork<?> batch = unitOfWork.root();
        batch.getOrComputeResource(WATCHED, key -> watch(batch));
        try {
            return interceptorChain.proceed();
        } catch (Error error) {
            fatalErrors.end("event processor " + processor, error);
            throw error;
        }
    }

    /**
     * A unit of work is always either committed or rolled back before its clean-up, except when an error escapes
     * its commit: Axon then goes straight to the clean-up.
     */
    private Boolean watch(UnitOfWork<?> batch) {
        AtomicBoolean settled = new AtomicBoolean();
        batch.afterCommit(u -> settled.set(true));
        batch.onRollback(u -> settled.set(true));
        batch.onCleanup(u -> {
            if (!settled.get()) {
                fatalErrors.end("event processor " + processor + " (an error escaped the commit of a batch)", null);
            }
        });
        return Boolean.TRUE;
    }
}
