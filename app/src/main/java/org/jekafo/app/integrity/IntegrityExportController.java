package org.jekafo.app.integrity;

import org.jekafo.app.platform.gate.AccessRefusedException;
import org.jekafo.app.platform.gate.AccessRules;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.PrincipalProvider;
import org.jekafo.command.common.CommandRefusedException;
import org.jekafo.command.integrity.CheckpointLog;
import org.jekafo.command.integrity.IntegrityVerification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What an outside auditor downloads: {@code GET /integrity/checkpoints/{id}} answers a recorded checkpoint as its
 * signed JSON (for publication, and the offline verifier's {@code --checkpoint}); {@code GET /integrity/export}
 * (optionally {@code ?from=&to=}, global positions) streams the stored events and their chain rows as NDJSON, its
 * last line carrying the SHA-256 of the lines before it (the offline verifier's {@code --export}). Both follow the
 * rule of {@code Query.verifyIntegrity}; each export is logged with who asked. Refusals are JSON {@code {"code", "message"}}.
 */
@RestController
class IntegrityExportController {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrityExportController.class);
    private static final MediaType NDJSON = new MediaType("application", "x-ndjson", StandardCharsets.UTF_8);

    private final IntegrityVerification verification;
    private final CheckpointLog checkpoints;
    private final AccessRules rules;
    private final PrincipalProvider principals;

    IntegrityExportController(IntegrityVerification verification, CheckpointLog checkpoints, AccessRules rules,
                              PrincipalProvider principals) {
        this.verification = verification;
        this.checkpoints = checkpoints;
        this.rules = rules;
        this.principals = principals;
    }

    @GetMapping(path = "/integrity/checkpoints/{id}")
    ResponseEntity<String> checkpoint(@PathVariable String id) {
        rules.authorize(IntegrityPolicy.VERIFY, principals.current());
        return checkpoints.find(id).map(checkpoint -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"checkpoint-" + id + ".json\"")
                        .body(checkpoint.toJson()))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                        .body("{\"code\":\"NOT_FOUND\",\"message\":\"Aucun point de contrôle ne porte cet identifiant.\"}"));
    }

    @GetMapping(path = "/integrity/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) Long from,
                                                 @RequestParam(required = false) Long to) {
        ActingPrincipal principal = principals.current();
        rules.authorize(IntegrityPolicy.VERIFY, principal);
        LOG.info("Integrity export from {} to {} by {} ({})", from, to, principal.name(), principal.role());
        return ResponseEntity.ok().contentType(NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"jekafo-store.ndjson\"")
                .body(out -> verification.export(out, from, to));
    }

    @ExceptionHandler(AccessRefusedException.class)
    ResponseEntity<Map<String, String>> refused(AccessRefusedException refused) {
        HttpStatus status = AccessRefusedException.UNAUTHENTICATED.equals(refused.refusal().code())
                ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN;
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", refused.refusal().code(), "message", refused.getMessage()));
    }

    @ExceptionHandler(CommandRefusedException.class)
    ResponseEntity<Map<String, String>> refused(CommandRefusedException refused) {
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", refused.refusal().code(), "message", refused.getMessage()));
    }
}
