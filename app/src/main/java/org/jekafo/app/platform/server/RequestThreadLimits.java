package org.jekafo.app.platform.server;

import org.jekafo.app.platform.elasticsearch.ElasticsearchCallLimits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/**
 * Every HTTP request (GraphQL, actuator) is answered with Elasticsearch calls of at most
 * {@code jekafo.elasticsearch.request-timeout} each ({@link ElasticsearchCallLimits}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestThreadLimits extends OncePerRequestFilter {

    private final Duration perCall;

    RequestThreadLimits(@Value("${jekafo.elasticsearch.request-timeout:5s}") Duration perCall) {
        this.perCall = perCall;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ElasticsearchCallLimits.enterRequest(perCall);
        try {
            chain.doFilter(request, response);
        } finally {
            ElasticsearchCallLimits.leaveRequest();
        }
    }
}
