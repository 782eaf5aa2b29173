package org.jekafo.app.platform.graphql;

import org.springframework.graphql.MediaTypes;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * GraphQL over HTTP, answered on the request's own thread when the answer is ready by the time the request has been
 * executed — which it is for every query and mutation here, whose data fetchers are synchronous.
 *
 * <p>Spring for GraphQL's handler always answers asynchronously: the servlet request is put in asynchronous mode,
 * and once the result is there it is dispatched again through the container, the filter chain and the dispatcher
 * servlet before its body is written. For an answer that is already complete that second pass is pure cost — part of
 * the quarter of a member read's CPU that Spring's stack took, and a thread hand-off (read benchmark, JFR). An
 * answer still pending (none today) keeps the asynchronous path, and so does an execution that failed, whose error
 * Spring's handling renders as before. The response itself — status, headers, media type, body — is the one
 * {@link GraphQlHttpHandler} builds. Spring's handler logs under this class's name, and at DEBUG it writes each
 * request's variables: {@code application.yml} keeps this logger at INFO ({@code LogPrivacyTest}).
 */
@Component
class ImmediateGraphQlHttpHandler extends GraphQlHttpHandler {

    private static final List<MediaType> SUPPORTED_MEDIA_TYPES = List.of(MediaTypes.APPLICATION_GRAPHQL_RESPONSE,
            MediaType.APPLICATION_JSON, new MediaType("application", "graphql"));

    ImmediateGraphQlHttpHandler(WebGraphQlHandler graphQlHandler) {
        super(graphQlHandler);
    }

    @Override
    protected ServerResponse prepareResponse(ServerRequest request, Mono<WebGraphQlResponse> responseMono) {
        CompletableFuture<WebGraphQlResponse> future = responseMono.toFuture();
        if (future.isDone() && !future.isCompletedExceptionally() && !future.isCancelled()) {
            return respond(request, future.join());
        }
        return ServerResponse.async(future.thenApply(response -> respond(request, response)));
    }

    /** As {@link GraphQlHttpHandler} answers: the negotiated media type, its status, the response's headers and body. */
    private ServerResponse respond(ServerRequest request, WebGraphQlResponse response) {
        MediaType mediaType = responseMediaType(request);
        ServerResponse.BodyBuilder builder = ServerResponse.status(selectResponseStatus(response, mediaType))
                .headers(headers -> headers.putAll(response.getResponseHeaders()))
                .contentType(mediaType);
        Map<String, Object> body = response.toMap();
        var writeFunction = getWriteFunction(body, mediaType);
        return writeFunction != null ? builder.build(writeFunction) : builder.body(body);
    }

    private static MediaType responseMediaType(ServerRequest request) {
        List<MediaType> accepted;
        try {
            accepted = request.headers().accept();
        } catch (InvalidMediaTypeException e) {
            throw new NotAcceptableStatusException("Could not parse Accept header "
                    + request.headers().firstHeader("Accept") + ": " + e.getMessage());
        }
        for (MediaType mediaType : accepted) {
            if (SUPPORTED_MEDIA_TYPES.contains(mediaType)) {
                return mediaType;
            }
        }
        return MediaType.APPLICATION_JSON;
    }
}
