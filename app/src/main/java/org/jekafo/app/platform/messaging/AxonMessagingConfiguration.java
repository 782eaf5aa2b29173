package org.jekafo.app.platform.messaging;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.jekafo.api.common.MetadataKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Messaging settings shared by every side: what each event inherits from the command that caused it. */
@Configuration(proxyBeanMethods = false)
class AxonMessagingConfiguration {

    /** What an event inherits from its command as is; correlation and causation ids are derived. */
    private static final List<String> INHERITED = EventMetadataPolicy.DEFAULT.stream()
            .filter(key -> !key.equals(MetadataKeys.CORRELATION_ID) && !key.equals(MetadataKeys.CAUSATION_ID)).toList();

    /**
     * By default ({@link EventMetadataPolicy}) every event carries the acting principal, role, channel, capture
     * time and client command id of its command; its correlation id is the one of the request, and its causation
     * id the id of the command.
     */
    @Bean
    CorrelationDataProvider jekafoCorrelation() {
        return (Message<?> message) -> {
            Map<String, Object> data = new HashMap<>();
            INHERITED.forEach(key -> {
                Object value = message.getMetaData().get(key);
                if (value != null) {
                    data.put(key, value);
                }
            });
            data.put(MetadataKeys.CORRELATION_ID,
                    message.getMetaData().getOrDefault(MetadataKeys.CORRELATION_ID, message.getIdentifier()));
            data.put(MetadataKeys.CAUSATION_ID, message.getIdentifier());
            return data;
        };
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
