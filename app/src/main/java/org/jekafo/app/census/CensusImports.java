package org.jekafo.app.census;

import org.jekafo.api.census.CensusImportView;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.jekafo.api.census.CompleteCensusImportCommand;
import org.jekafo.api.census.FindCensusImportQuery;
import org.jekafo.api.common.TextLimit;
import org.jekafo.api.census.FailCensusImportCommand;
import org.jekafo.api.census.StartCensusImportCommand;
import org.jekafo.api.common.Channel;
import org.jekafo.api.common.Refusal;
import org.jekafo.app.census.ImportSearchability.Reach;
import org.jekafo.app.platform.messaging.CommandSender;
import org.jekafo.app.platform.messaging.CommandSender.CommandContext;
import org.jekafo.app.platform.messaging.Refusals;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Census imports as an operation: a file is received (streamed to disk with its SHA-256, within a size limit),
 * who sent which file is recorded as events of its own ({@code CensusImportStartedEvent}, then
 * {@code …CompletedEvent} or {@code …FailedEvent}), and {@link CensusImport} runs it in the background, one
 * import at a time. An import ends when every member it registered is searchable, read from the member
 * projection's stored token (never from this instance's processor, which may hold no segment), or says that
 * this cannot be known. Each step is announced to those who follow the import, whichever instance they asked
 * ({@link FindCensusImportQuery}).
 */
@Component
public class CensusImports {

    private static final Logger LOG = LoggerFactory.getLogger(CensusImports.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final CensusImport censusImport;
    private final CommandSender sender;
    private final ImportSearchability searchability;
    private final QueryUpdateEmitter emitter;
    private final Path folder;
    private final long maxBytes;
    private final int parallelism;
    private final Duration searchableTimeout;
    private final Map<String, CensusImportRun> runs = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "census-import");
        thread.setDaemon(true);
        return thread;
    });

    CensusImports(CensusImport censusImport, CommandSender sender, ImportSearchability searchability,
                  QueryUpdateEmitter emitter,
                  @Value("${jekafo.data-dir}") Path dataDir,
                  @Value("${jekafo.import.max-size:200MB}") DataSize maxSize,
                  @Value("${jekafo.import.parallelism:4}") int parallelism,
                  @Value("${jekafo.import.searchable-timeout:10m}") Duration searchableTimeout) {
        this.censusImport = censusImport;
        this.sender = sender;
        this.searchability = searchability;
        this.emitter = emitter;
        this.folder = dataDir.resolve("imports");
        this.maxBytes = maxSize.toBytes();
        this.parallelism = parallelism;
        this.searchableTimeout = searchableTimeout;
    }

    /**
     * Streams {@code body} to disk, records who sent which file, and queues its import. A file over the size
     * limit, empty, or with an unacceptable name is refused and nothing is recorded.
     */
    public CensusImportView receive(InputStream body, String fileName, ActingPrincipal principal) throws IOException {
        String id = IdentifierFactory.getInstance().generateIdentifier();
        Path dir = Files.createDirectories(folder.resolve(id));
        Path file = dir.resolve("census");
        MessageDigest sha256 = sha256();
        long size;
        try (InputStream in = new DigestInputStream(body, sha256); OutputStream out = Files.newOutputStream(file)) {
            size = copyWithin(in, out);
        } catch (IOException | RuntimeException e) {
            deleteFolder(dir);
            throw e;
        }
        if (size == 0) {
            deleteFolder(dir);
            throw new ImportRefusedException(400, "EMPTY_FILE", "Le fichier envoyé est vide.");
        }
        CensusImportRun run = new CensusImportRun(id, fileName(fileName), HexFormat.of().formatHex(sha256.digest()),
                size, principal, file, dir.resolve("rejets.csv"), true);
        try {
            record(run, new StartCensusImportCommand(id, run.view().fileName(), run.view().sha256(), size));
        } catch (RuntimeException refused) {
            deleteFolder(dir);
            Refusal refusal = Refusals.in(refused);
            if (refusal == null) {
                throw refused;
            }
            throw new ImportRefusedException(400, refusal.code(), refusal.message());
        }
        runs.put(id, run);
        LOG.info("Census import {} received: {} bytes, role {}", id, size, principal.role());
        runner.execute(() -> execute(run, view -> { }));
        return run.view();
    }

    /**
     * Imports a file of this machine in the calling thread (the standalone command), recorded like a received
     * one, and tells {@code listener} of each step; returns how it ended.
     */
    public CensusImportView importHere(Path file, Path report, ActingPrincipal principal,
                                       Consumer<CensusImportView> listener) throws IOException {
        MessageDigest sha256 = sha256();
        long size;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            size = in.transferTo(OutputStream.nullOutputStream());
        }
        String id = IdentifierFactory.getInstance().generateIdentifier();
        CensusImportRun run = new CensusImportRun(id, fileName(file.getFileName().toString()),
                HexFormat.of().formatHex(sha256.digest()), size, principal, file, report, false);
        record(run, new StartCensusImportCommand(id, run.view().fileName(), run.view().sha256(), size));
        runs.put(id, run);
        execute(run, listener);
        return run.view();
    }

    /** Where an import of this instance stands, for any instance that asks; null for an import it does not run. */
    @QueryHandler
    CensusImportView handle(FindCensusImportQuery query) {
        return TextLimit.IDENTIFIER.admits(query.importId()) ? find(query.importId()).orElse(null) : null;
    }

    public Optional<CensusImportView> find(String id) {
        return Optional.ofNullable(id == null ? null : runs.get(id)).map(CensusImportRun::view);
    }

    /** The imports this instance received since it started, most recent first. */
    public List<CensusImportView> all() {
        return runs.values().stream().map(CensusImportRun::view)
                .sorted(Comparator.comparing(CensusImportView::startedAt).reversed()).toList();
    }

    /** Who sent an import, and its report once written. */
    Optional<CensusImportRun> run(String id) {
        return Optional.ofNullable(id == null ? null : runs.get(id));
    }

    private void execute(CensusImportRun run, Consumer<CensusImportView> caller) {
        Consumer<CensusImportView> listener = caller.andThen(this::announce);
        run.running();
        listener.accept(run.view());
        try {
            CensusImport.Result result = censusImport.importFile(run.file(), run.report(), parallelism, run.id(),
                    progress -> {
                        run.progress(progress);
                        listener.accept(run.view());
                    });
            long head = searchability.head();
            run.indexing(result);
            listener.accept(run.view());
            record(run, new CompleteCensusImportCommand(run.id(), result.lines(), result.registered(),
                    result.alreadyImported(), result.rejections().size()));
            awaitSearchable(run, result, head, listener);
            LOG.info("Census import {} done: {} lines, {} registered, {} already imported, {} rejected, searchable {}",
                    run.id(), result.lines(), result.registered(), result.alreadyImported(), result.rejections().size(),
                    run.view().searchable());
        } catch (CensusFileException refused) {
            LOG.info("Census import {} refused: {}", run.id(), refused.code()); // the file's fault: no stack trace
            fail(run, refused.getMessage(), null);
        } catch (IOException unreadable) {
            fail(run, unreadable.getMessage(), unreadable);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            fail(run, "L'import a été interrompu (arrêt du serveur).", stopped);
        } catch (RuntimeException e) {
            fail(run, "L'import s'est arrêté sur une erreur interne (référence " + run.id() + ").", e);
        } finally {
            if (run.uploaded()) {
                delete(run.file());
            }
            listener.accept(run.view());
        }
    }

    private void awaitSearchable(CensusImportRun run, CensusImport.Result result, long head,
                                 Consumer<CensusImportView> listener) throws InterruptedException {
        if (result.registered() == 0) {
            run.done(true, null);
            return;
        }
        long target = searchability.lastMemberEvent(head);
        long deadline = System.nanoTime() + searchableTimeout.toNanos();
        while (true) {
            Reach reach = searchability.reached(target);
            if (reach == Reach.REACHED) {
                searchability.refreshIndex();
                run.done(true, null);
                return;
            }
            if (reach == Reach.UNKNOWN) {
                run.done(null, "Impossible de savoir si tous les membres importés sont consultables : la position de "
                        + "la projection des membres n'est pas lisible.");
                return;
            }
            if (System.nanoTime() > deadline) {
                run.done(false, "Les membres importés ne sont pas tous consultables après " + searchableTimeout.toMinutes()
                        + " min : l'indexation est en retard (voir /actuator/health).");
                return;
            }
            listener.accept(run.view());
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * Tells those who follow the import ({@link FindCensusImportQuery} as a subscription query, on whichever instance
     * they asked) where it stands; its end is their last update.
     */
    private void announce(CensusImportView view) {
        Predicate<FindCensusImportQuery> thisImport = query -> view.id().equals(query.importId());
        emitter.emit(FindCensusImportQuery.class, thisImport, view);
        if (view.state().ended()) {
            emitter.complete(FindCensusImportQuery.class, thisImport);
        }
    }

    private void fail(CensusImportRun run, String reason, Exception cause) {
        if (cause != null) {
            LOG.error("Census import {} failed", run.id(), cause);
        }
        run.failed(reason);
        try {
            record(run, new FailCensusImportCommand(run.id(), reason));
        } catch (RuntimeException unrecorded) {
            LOG.error("Census import {}: its failure could not be recorded", run.id(), unrecorded);
        }
    }

    private void record(CensusImportRun run, Object command) {
        // the import's id is the correlation id of everything it causes: its start, its registrations, its end
        sender.send(command, new CommandContext(run.importedBy(), Channel.IMPORT, run.id(), null, null));
    }

    private long copyWithin(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > maxBytes) {
                throw new ImportRefusedException(413, "FILE_TOO_LARGE", "Le fichier dépasse la taille maximale d'un "
                        + "import (" + DataSize.ofBytes(maxBytes).toMegabytes() + " Mo).");
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    /** The name as sent, without any folder, control character or excess length (the command checks it too). */
    private static String fileName(String name) {
        String base = name == null ? "" : name.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip();
        if (base.isEmpty()) {
            return "recensement.csv";
        }
        return base.length() > 255 ? base.substring(0, 255) : base;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", file, e.toString());
        }
    }

    private static void deleteFolder(Path dir) {
        try (var files = Files.list(dir)) {
            files.forEach(CensusImports::delete);
        } catch (IOException e) {
            LOG.warn("Could not empty {}: {}", dir, e.toString());
        }
        delete(dir);
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
