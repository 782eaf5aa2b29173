package org.jekafo.app.platform.faults;

import org.axonframework.config.ConfigurerModule;
import org.jekafo.query.elasticsearch.ProjectionIndex;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** Puts a {@link ProcessorErrorGuard} around every projection's event handlers. */
@Configuration(proxyBeanMethods = false)
class FaultsConfiguration {

    @Bean
    ConfigurerModule processorErrorGuards(List<ProjectionIndex> indices, FatalErrors fatalErrors) {
        return configurer -> configurer.eventProcessing(processing -> indices.forEach(index -> {
            String processor = index.processingGroup();
            processing.registerHandlerInterceptor(processor, axon -> new ProcessorErrorGuard(processor, fatalErrors));
        }));
    }
}
