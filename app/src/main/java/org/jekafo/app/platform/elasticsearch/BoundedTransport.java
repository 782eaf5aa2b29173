package org.jekafo.app.platform.elasticsearch;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.rest_client.RestClientOptions;
import org.apache.http.client.config.RequestConfig;
import org.elasticsearch.client.RequestOptions;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The Elasticsearch transport with the limits of the calling thread ({@link ElasticsearchCallLimits}) applied
 * to each call as its socket and connection-lease timeouts; calls from threads without limits pass unchanged.
 */
final class BoundedTransport implements ElasticsearchTransport {

    private final ElasticsearchTransport delegate;
    private final RequestConfig defaults;

    /** @param defaults the client's own timeouts, which a thread's limit may only shorten */
    BoundedTransport(ElasticsearchTransport delegate, RequestConfig defaults) {
        this.delegate = delegate;
        this.defaults = defaults;
    }

    @Override
    public <RequestT, ResponseT, ErrorT> ResponseT performRequest(RequestT request,
            Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) throws IOException {
        OptionalLong remaining = ElasticsearchCallLimits.remainingMillis();
        if (remaining.isEmpty()) {
            return delegate.performRequest(request, endpoint, options);
        }
        if (remaining.getAsLong() == 0) {
            throw new SocketTimeoutException("no time left for an Elasticsearch call on this thread");
        }
        return delegate.performRequest(request, endpoint, limited(options, remaining.getAsLong()));
    }

    @Override
    public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(RequestT request,
            Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions options) {
        OptionalLong remaining = ElasticsearchCallLimits.remainingMillis();
        if (remaining.isEmpty()) {
            return delegate.performRequestAsync(request, endpoint, options);
        }
        if (remaining.getAsLong() == 0) {
            return CompletableFuture.failedFuture(
                    new SocketTimeoutException("no time left for an Elasticsearch call on this thread"));
        }
        return delegate.performRequestAsync(request, endpoint, limited(options, remaining.getAsLong()));
    }

    private TransportOptions limited(TransportOptions options, long millis) {
        TransportOptions base = options == null ? delegate.options() : options;
        RequestOptions requestOptions = base instanceof RestClientOptions rest
                ? rest.restClientRequestOptions() : RequestOptions.DEFAULT;
        int timeout = (int) Math.min(millis, Integer.MAX_VALUE);
        RequestConfig config = RequestConfig.copy(defaults)
                .setSocketTimeout(Math.min(timeout, positiveOr(defaults.getSocketTimeout(), timeout)))
                .setConnectTimeout(Math.min(timeout, positiveOr(defaults.getConnectTimeout(), timeout)))
                .setConnectionRequestTimeout(Math.min(timeout, positiveOr(defaults.getConnectionRequestTimeout(), timeout)))
                .build();
        return new RestClientOptions(requestOptions.toBuilder().setRequestConfig(config).build(),
                base.keepResponseBodyOnException());
    }

    private static int positiveOr(int value, int otherwise) {
        return value > 0 ? value : otherwise;
    }

    @Override
    public JsonpMapper jsonpMapper() {
        return delegate.jsonpMapper();
    }

    @Override
    public TransportOptions options() {
        return delegate.options();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
