package org.jekafo.app.platform.messaging;

import org.jekafo.app.platform.elasticsearch.ElasticsearchCallLimits;
import org.jekafo.app.platform.server.RequestThreadLimits;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * A query is always answered for someone waiting (GraphQL, read-your-writes): its Elasticsearch calls wait at most
 * {@code jekafo.elasticsearch.request-timeout} each, like the HTTP request's ({@link RequestThreadLimits}), also
 * where Axon Server hands the query to a thread of its own (measured: 31 s instead of 5 during a pause).
 */
@Component
class QueryThreadLimits implements MessageHandlerInterceptor<QueryMessage<?, ?>> {

    private final Duration perCall;

    /** Axon's auto-configuration registers it on the query bus, as every handler interceptor bean. */
    QueryThreadLimits(@Value("${jekafo.elasticsearch.request-timeout:5s}") Duration perCall) {
        this.perCall = perCall;
    }

    @Override
    public Object handle(UnitOfWork<? extends QueryMessage<?, ?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (ElasticsearchCallLimits.inRequest()) {
            return chain.proceed();
        }
        ElasticsearchCallLimits.enterRequest(perCall);
        try {
            return chain.proceed();
        } finally {
            ElasticsearchCallLimits.leaveRequest();
        }
    }
}
