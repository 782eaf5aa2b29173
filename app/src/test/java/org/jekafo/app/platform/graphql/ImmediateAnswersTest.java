package org.jekafo.app.platform.graphql;

import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.junit.jupiter.api.Test;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.http.HttpMessageConverters;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.function.AsyncServerResponse;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A GraphQL answer that is complete once the request has run is written on the request's thread, not through a
 * second, asynchronous dispatch ({@link ImmediateGraphQlHttpHandler}), and is the answer Spring's handler gives.
 */
class ImmediateAnswersTest extends IntegrationTest {

    @Autowired
    GraphQlHttpHandler handler;
    @Autowired
    HttpMessageConverters converters;
    @Autowired
    @Qualifier("springSecurityFilterChain")
    Filter security;

    @Test
    void anAnswerWithDataIsWrittenAtOnceBehindTheSecurityFilters() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
        request.setContentType(MediaType.APPLICATION_JSON_VALUE);
        request.setServletPath("/graphql");
        request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestApi.defaultTokens().tokenFor(TestApi.BUREAU));
        request.setContent("{\"query\":\"{ trades { code } }\"}".getBytes(StandardCharsets.UTF_8));
        List<HttpMessageConverter<?>> messageConverters = converters.getConverters();
        AtomicReference<ServerResponse> answer = new AtomicReference<>();
        MockHttpServletResponse filteredResponse = new MockHttpServletResponse();

        // the request crosses the real security filters (the token is verified, the caller set), then the handler
        security.doFilter(request, filteredResponse, (filtered, response) -> {
            try {
                answer.set(handler.handleRequest(ServerRequest.create((HttpServletRequest) filtered, messageConverters)));
            } catch (jakarta.servlet.ServletException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(answer.get()).as("let through by the filters (%d %s)", filteredResponse.getStatus(),
                filteredResponse.getContentAsString()).isNotNull();
        assertThat(answer.get()).as("answered on the request's thread").isNotInstanceOf(AsyncServerResponse.class);
        MockHttpServletResponse written = new MockHttpServletResponse();
        answer.get().writeTo(request, written, () -> messageConverters);
        assertThat(written.getStatus()).isEqualTo(200);
        assertThat(written.getContentAsString(StandardCharsets.UTF_8)).contains("\"trades\"").contains("\"code\"")
                .doesNotContain("\"errors\"");
    }

    @Test
    void aCompleteAnswerIsWrittenAtOnceWithItsStatusMediaTypeAndBody() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
        request.setContentType(MediaType.APPLICATION_JSON_VALUE);
        request.addHeader(HttpHeaders.ACCEPT, "application/graphql-response+json");
        // no token on this request (the security filters are not crossed here): the gate refuses it, as a result
        request.setContent("{\"query\":\"{ trades { code } }\"}".getBytes(StandardCharsets.UTF_8));
        List<HttpMessageConverter<?>> messageConverters = converters.getConverters();

        ServerResponse answer = handler.handleRequest(ServerRequest.create(request, messageConverters));

        assertThat(answer).as("answered on the request's thread").isNotInstanceOf(AsyncServerResponse.class);
        MockHttpServletResponse written = new MockHttpServletResponse();
        answer.writeTo(request, written, () -> messageConverters);
        assertThat(request.isAsyncStarted()).isFalse();
        assertThat(written.getContentType()).startsWith("application/graphql-response+json");
        assertThat(written.getContentAsString(StandardCharsets.UTF_8)).contains("\"UNAUTHENTICATED\"");
    }

    @Test
    void answersOverHttpAreUnchanged() {
        TestApi api = new TestApi(port);

        assertThat(api.graphQl().document("{ trades { code } }").execute().path("trades[*].code")
                .entityList(String.class).get()).isNotEmpty();
    }
}
