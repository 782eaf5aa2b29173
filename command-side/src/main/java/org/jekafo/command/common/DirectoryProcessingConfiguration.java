package org.jekafo.command.common;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The command-side directories (unique card numbers, national IDs, the tree) are updated by subscribing
 * processors, in the very transaction that appends the events, and any failure there propagates: the
 * command is refused and nothing is stored. Each directory says so itself ({@link WrittenWithTheEvents}); its
 * processing group is read from its {@code @ProcessingGroup}, from the bean definitions, before any bean exists.
 */
@Configuration
class DirectoryProcessingConfiguration {

    @Bean
    static ConfigurerModule directoryProcessors(ListableBeanFactory beans) {
        return configurer -> groups(beans).forEach(group -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(group)
                .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance()));
    }

    /** The processing groups of the beans marked {@link WrittenWithTheEvents}. */
    static List<String> groups(ListableBeanFactory beans) {
        return Arrays.stream(beans.getBeanNamesForAnnotation(WrittenWithTheEvents.class))
                .map(beans::getType).filter(Objects::nonNull)
                .map(type -> {
                    ProcessingGroup group = AnnotatedElementUtils.findMergedAnnotation(type, ProcessingGroup.class);
                    if (group == null) {
                        throw new IllegalStateException(type.getName() + " is written with the events but names no "
                                + "@ProcessingGroup");
                    }
                    return group.value();
                }).distinct().sorted().toList();
    }
}
