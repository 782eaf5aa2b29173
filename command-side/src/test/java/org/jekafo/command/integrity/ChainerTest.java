package org.jekafo.command.integrity;

import org.jekafo.integrity.ChainLink;
import org.jekafo.integrity.VerificationReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The chainer on an H2 store migrated like the application's: order, batches, gaps, two chainers at once. */
class ChainerTest {

    @TempDir
    Path dataDir;

    final IntegrityStore store = IntegrityStore.h2();

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    long chained() {
        return store.chain.head().map(ChainLink::chainSequence).orElse(-1L) + 1;
    }

    @Test
    void everyEventIsChainedInGlobalIndexOrderBatchAfterBatch() {
        store.append(1, 2500);
        Chainer chainer = store.chainer(Duration.ofSeconds(10));

        assertThat(chainer.chainNow()).isEqualTo(2500);

        VerificationReport report = store.verification(chainer, dataDir).verifyStore(null);
        assertThat(report.ok()).as("%s", report.findings()).isTrue();
        assertThat(report.linksChecked()).isEqualTo(2500);
        assertThat(store.chain.head().orElseThrow().globalIndex()).isEqualTo(2500);
    }

    @Test
    void aYoungGapHoldsTheChainBackUntilItIsOldThenAnEventInItIsInserted() {
        store.append(1, 10);
        Chainer chainer = store.chainer(Duration.ofMillis(500));
        chainer.chainNow();
        store.append(12, 5); // 11 taken by a transaction not committed yet
        // events written now: the gap is young by their time as well as by the chainer's clock
        store.jdbc.update("update DomainEventEntry set timeStamp = ? where globalIndex >= 12", java.time.Instant.now().toString());

        assertThat(chainer.chainNow()).as("nothing chained past a young gap").isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> chainer.chainNow() == 5);

        store.append(11, 1);
        VerificationReport report = store.verification(chainer, dataDir).verifyStore(null);
        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).hasToString("INSERTED_EVENT");
            assertThat(finding.globalIndex()).isEqualTo(11);
        });
    }

    @Test
    void twoChainersAtOnceLeaveOneDenseChain() {
        store.append(1, 20_000);
        Chainer one = store.chainer(Duration.ofSeconds(10));
        Chainer two = store.chainer(Duration.ofSeconds(10));

        CompletableFuture<Long> first = CompletableFuture.supplyAsync(one::chainNow);
        CompletableFuture<Long> second = CompletableFuture.supplyAsync(two::chainNow);
        first.join();
        second.join();
        one.chainNow();

        assertThat(chained()).isEqualTo(20_000);
        VerificationReport report = store.verification(one, dataDir).verifyStore(null);
        assertThat(report.ok()).as("%s", report.findings()).isTrue();
    }
}
