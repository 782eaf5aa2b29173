package org.jekafo.app.platform.messaging;

import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryMessage;
import org.jekafo.api.membership.FindMemberQuery;
import org.jekafo.api.orgunit.FindOrgUnitsQuery;
import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestAxonServer;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The embedded profiles' query bus opens no database transaction around a query ({@link LocalQueryBus}): a member
 * read asks Elasticsearch alone and takes no pooled connection.
 */
class QueryTransactionsTest extends IntegrationTest {

    @Autowired
    QueryBus queryBus;

    @Test
    void aMemberReadRunsItsQueriesWithoutADatabaseTransaction() {
        assumeFalse(TestAxonServer.profileActive(), "with Axon Server, its own query bus and local segment are used "
                + "unchanged (LocalQueryBus: embedded profiles only)");
        TestApi api = connect();
        String memberId = (String) api.register(TestApi.registration("Lecture" + TestData.suffix(), "Awa", "F",
                api.unitId("SG-01"))).get("id");
        api.awaitProjectionsCaughtUp();
        Map<Class<?>, Boolean> inTransaction = new ConcurrentHashMap<>();
        MessageHandlerInterceptor<QueryMessage<?, ?>> recording = (unitOfWork, chain) -> {
            inTransaction.put(unitOfWork.getMessage().getPayloadType(),
                    TransactionSynchronizationManager.isActualTransactionActive());
            return chain.proceed();
        };
        Registration registration = queryBus.registerHandlerInterceptor(recording);
        try {
            assertThat(api.member(memberId)).containsKey("cardNumber");
        } finally {
            registration.cancel();
        }

        assertThat(inTransaction).containsEntry(FindMemberQuery.class, false)
                .containsEntry(FindOrgUnitsQuery.class, false);
    }
}
