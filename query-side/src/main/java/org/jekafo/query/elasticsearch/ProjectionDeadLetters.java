package org.jekafo.query.elasticsearch;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/**
 * Every projection parks the events it cannot apply in its processor's dead-letter queue (persisted by Axon in
 * {@code DeadLetterEntry}, queue enabled per processor in {@code application.yml}: {@code dlq.enabled}), so one
 * poison event never stalls the others. Sequences are aggregates (Axon's default sequencing policy): an
 * aggregate's later events wait behind its parked one, everyone else's flow.
 *
 * <p>A reset (a rebuild replays from the first event) empties the queue: the replay meets the poison event again
 * and parks it again, in order, rather than leaving letters that the new index never saw the start of.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionDeadLetters {

    /** For every processor whose queue {@code application.yml} enables. */
    @Bean
    ConfigurerModule projectionDeadLetterPolicies(EventProcessorProperties properties) {
        return configurer -> properties.getProcessors().forEach((name, settings) -> {
            if (settings.getDlq().isEnabled()) {
                configure(configurer.eventProcessing(), name);
            }
        });
    }

    /** The policy and invoker settings of one projection's dead-letter queue. */
    public static void configure(EventProcessingConfigurer processing, String processingGroup) {
        processing.registerDeadLetterPolicy(processingGroup, configuration -> new PoisonEventPolicy())
                .registerDeadLetteringEventHandlerInvokerConfiguration(processingGroup, (configuration, invoker) ->
                        invoker.allowReset(true).enableSequenceIdentifierCache());
    }
}
