package org.jekafo.app.membership;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.jekafo.app.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-side directories run in the transaction that appends the events (subscribing processors), because
 * each is marked so on its own class: no list to forget a new one in.
 */
class DirectoryProcessingTest extends IntegrationTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyDirectoryIsWrittenInTheTransactionOfItsEvents() {
        Map<String, EventProcessor> processors = processing.eventProcessors();

        assertThat(processors).containsKeys("member-directory", "org-unit-directory");
        assertThat(processors).allSatisfy((name, processor) -> {
            if (name.endsWith("-directory")) {
                assertThat(processor).as(name).isInstanceOf(SubscribingEventProcessor.class);
            }
        });
    }
}
