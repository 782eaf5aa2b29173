package org.jekafo.command.common;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The command-side directories (unique card numbers, national IDs, the tree) are updated by subscribing
 * processors, in the very transaction that appends the events, and any failure there propagates: the
 * command is refused and nothing is stored.
 */
@Configuration
class DirectoryProcessingConfiguration {

    static final List<String> DIRECTORY_GROUPS = List.of("org-unit-directory", "member-directory");

    @Bean
    ConfigurerModule directoryProcessors() {
        return configurer -> DIRECTORY_GROUPS.forEach(group -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(group)
                .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance()));
    }
}
