package org.jekafo.app.platform.export;

import org.jekafo.api.common.Refusal;
import org.jekafo.app.platform.gate.AccessRefusedException;
import org.jekafo.app.platform.graphql.InvalidInputException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The refusals of an export, before any row is written, as JSON {@code {"code", "field", "message"}}: 401
 * {@code UNAUTHENTICATED}, 403 {@code FORBIDDEN}, 400 for input refused by the API or the query side
 * ({@code INVALID_INPUT}, {@code TEXT_TOO_LONG}, {@code TOO_MANY_VALUES}).
 */
@RestControllerAdvice(annotations = ExportEndpoint.class)
class ExportRefusals {

    @ExceptionHandler(AccessRefusedException.class)
    ResponseEntity<Map<String, String>> refused(AccessRefusedException refused) {
        return answer(AccessRefusedException.UNAUTHENTICATED.equals(refused.refusal().code()) ? HttpStatus.UNAUTHORIZED
                : HttpStatus.FORBIDDEN, refused.refusal());
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, String>> invalid(InvalidInputException invalid) {
        return answer(HttpStatus.BAD_REQUEST, invalid.refusal());
    }

    @ExceptionHandler(QueryExecutionException.class)
    ResponseEntity<Map<String, String>> refusedByQuery(QueryExecutionException failure) {
        Refusal refusal = failure.getDetails().filter(Refusal.class::isInstance).map(Refusal.class::cast).orElse(null);
        if (refusal == null) {
            throw failure;
        }
        return answer(HttpStatus.BAD_REQUEST, refusal);
    }

    private static ResponseEntity<Map<String, String>> answer(HttpStatus status, Refusal refusal) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", refusal.code());
        if (refusal.field() != null) {
            body.put("field", refusal.field());
        }
        body.put("message", refusal.message());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
