package org.jekafo.app.platform.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says where the API answers, once the web server has its port. */
@Component
class StartupBanner {

    private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

    private final boolean graphiql;

    StartupBanner(@Value("${spring.graphql.graphiql.enabled:false}") boolean graphiql) {
        this.graphiql = graphiql;
    }

    @EventListener
    void announce(WebServerInitializedEvent event) {
        int port = event.getWebServer().getPort();
        LOG.info("Jɛkafo : GraphQL sur http://localhost:{}/graphql{}, santé sur http://localhost:{}/actuator/health",
                port, graphiql ? ", GraphiQL sur http://localhost:" + port + "/graphiql" : "", port);
        LOG.info("Jɛkafo : chaque requête présente un jeton (en-tête Authorization: Bearer …) ; en local, "
                + "`./jekafo token --role EXECUTIVE_BUREAU --subject <nom>` en signe un.");
    }
}
