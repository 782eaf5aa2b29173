package org.jekafo.app.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jekafo.elasticsearch.local.LocalElasticsearch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Fault injection: makes one members index refuse every document whose {@code statusReason} is not a number,
 * by giving the field a sub-field of type {@code integer} (Elasticsearch then refuses the document with HTTP 400,
 * {@code document_parsing_exception}); members without a reason are accepted as before. Cured by letting that
 * sub-field ignore malformed values. Independent of the field's own mapping, which it keeps.
 */
final class RefusingIndex {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String FIELD = "statusReason";

    private final String index;

    RefusingIndex(String index) {
        this.index = index;
    }

    /** From now on, a member with a reason that is not a number is refused. */
    void refuseReasons() {
        putSubField(false);
    }

    /** The cause fixed: reasons are accepted again. */
    void acceptReasons() {
        putSubField(true);
    }

    private void putSubField(boolean ignoreMalformed) {
        ObjectNode field = currentMapping();
        ObjectNode poison = field.withObject("/fields").putObject("asNumber");
        poison.put("type", "integer").put("ignore_malformed", ignoreMalformed);
        ObjectNode body = JSON.createObjectNode();
        body.withObject("/properties").set(FIELD, field);
        int status = send("PUT", "/" + index + "/_mapping", body.toString()).statusCode();
        if (status != 200) {
            throw new IllegalStateException("mapping of " + index + " not changed: HTTP " + status);
        }
    }

    private ObjectNode currentMapping() {
        try {
            HttpResponse<String> response = send("GET", "/" + index + "/_mapping/field/" + FIELD, null);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("mapping of " + index + " not read: HTTP " + response.statusCode());
            }
            var mapping = JSON.readTree(response.body());
            return (ObjectNode) mapping.path(index).path("mappings").path(FIELD).path("mapping").path(FIELD);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(LocalElasticsearch.shared().url() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        LocalElasticsearch.shared().credentials()
                .ifPresent(credentials -> request.header("Authorization", credentials.authorization()));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
