package org.jekafo.app.census;

import org.jekafo.api.census.CensusImportView;
import jakarta.servlet.http.HttpServletRequest;
import org.jekafo.app.platform.gate.AccessRefusedException;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.PrincipalProvider;
import org.jekafo.app.platform.gate.Role;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /imports?name=census.csv} with the file as the request body (any content type) starts an import
 * and answers 202 with where it stands; {@code GET /imports/{id}/rejets.csv} downloads its report of rejected
 * lines once written. Importing registers members anywhere in the federation: the executive bureau's (see
 * {@link #IMPORTERS}). The report quotes what people typed (national IDs, phones) unmasked: only the one who
 * sent the file and the executive bureau download it. Refusals are JSON {@code {"code", "message"}}.
 */
@RestController
class CensusImportController {

    /** Who may import: registering members nationally is the executive bureau's (README, who may do what). */
    static final Set<Role> IMPORTERS = Set.of(Role.EXECUTIVE_BUREAU);

    private final CensusImports imports;
    private final PrincipalProvider principals;

    CensusImportController(CensusImports imports, PrincipalProvider principals) {
        this.imports = imports;
        this.principals = principals;
    }

    @PostMapping(path = "/imports", consumes = MediaType.ALL_VALUE)
    ResponseEntity<CensusImportView> start(HttpServletRequest request, @RequestParam(name = "name", required = false)
                                           String fileName) throws IOException {
        ActingPrincipal principal = principals.current();
        if (!IMPORTERS.contains(principal.role())) {
            throw AccessRefusedException.forbidden(null, "Le rôle « " + principal.role().label()
                    + " » ne permet pas d'importer un recensement : c'est une opération du bureau exécutif.");
        }
        CensusImportView started = imports.receive(request.getInputStream(), fileName, principal);
        return ResponseEntity.accepted().location(URI.create("/imports/" + started.id())).body(started);
    }

    @GetMapping(path = "/imports/{id}/rejets.csv")
    ResponseEntity<Resource> report(@PathVariable String id) {
        ActingPrincipal principal = principals.current();
        CensusImportRun run = imports.run(id).orElse(null);
        boolean allowed = principal.role() == Role.EXECUTIVE_BUREAU || run != null
                && run.importedBy().name().equals(principal.name()) && run.importedBy().role() == principal.role();
        if (!allowed) {
            throw AccessRefusedException.forbidden(null, "Seuls l'auteur de l'import et le bureau exécutif "
                    + "téléchargent son rapport de rejets.");
        }
        if (run == null) {
            throw new ImportRefusedException(404, "NOT_FOUND", "Aucun import ne porte cet identifiant.");
        }
        if (!run.view().state().ended() || !Files.exists(run.report())) {
            throw new ImportRefusedException(409, "REPORT_NOT_READY", "Le rapport de rejets n'est pas encore écrit : "
                    + "l'import est en cours ou s'est arrêté avant la fin.");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rejets-" + id + ".csv\"")
                .body(new FileSystemResource(run.report()));
    }

    @ExceptionHandler(AccessRefusedException.class)
    ResponseEntity<Map<String, String>> refused(AccessRefusedException refused) {
        HttpStatus status = AccessRefusedException.UNAUTHENTICATED.equals(refused.refusal().code()) ? HttpStatus.UNAUTHORIZED
                : HttpStatus.FORBIDDEN;
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", refused.refusal().code(), "message", refused.getMessage()));
    }

    @ExceptionHandler(ImportRefusedException.class)
    ResponseEntity<Map<String, String>> refused(ImportRefusedException refused) {
        return ResponseEntity.status(refused.status()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", refused.code(), "message", refused.getMessage()));
    }
}
