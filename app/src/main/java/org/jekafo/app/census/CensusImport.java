package org.jekafo.app.census;

import org.axonframework.common.IdentifierFactory;
import org.jekafo.api.common.Channel;
import org.jekafo.api.common.Refusal;
import org.jekafo.api.orgunit.OrgUnitLevel;
import org.jekafo.app.platform.messaging.CommandSender;
import org.jekafo.app.platform.messaging.CommandSender.CommandContext;
import org.jekafo.app.platform.messaging.Refusals;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.command.orgunit.OrgUnitDirectory;
import org.jekafo.command.personaldata.PersonalDataKeys;
import org.jekafo.command.orgunit.OrgUnitEntry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Imports a census file (CSV or {@code .xlsx} as people save them, read by {@link CensusFile}) through the same
 * {@code RegisterMemberCommand} the API sends, on channel IMPORT. Lines run in parallel, except that a line waits for every earlier line that
 * shares its card number, national ID or name and birth year: the first occurrence wins, as a clerk reading
 * the file top to bottom would decide. Each line's command carries a client command id derived from the
 * line's content, so importing the same file again registers nobody twice.
 */
@Component
public class CensusImport {

    private static final int MAX_IN_FLIGHT = 256;
    private static final int PRUNE_EVERY_BLOCKS = 64;

    private final CommandSender sender;
    private final OrgUnitDirectory units;
    private final PersonalDataKeys keys;
    private final ActingPrincipal operator;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoints;
    private final int blockSize;
    private final boolean transactionPerLine;

    /**
     * @param blockSize          lines whose keys are committed together and, unless {@code transactionPerLine},
     *                           registered in one database transaction
     * @param transactionPerLine each line in a transaction of its own: where the events are not stored in that
     *                           database (Axon Server), since the event store's commit would not wait for it
     * @param operator  who runs the import on the server (the events record {@code import:<operator>}, role SYSTEM)
     */
    CensusImport(CommandSender sender, OrgUnitDirectory units, PersonalDataKeys keys,
                 @Value("${jekafo.import.operator:${user.name}}") String operator,
                 PlatformTransactionManager transactionManager,
                 @Value("${jekafo.import.block-size:200}") int blockSize,
                 @Value("${jekafo.import.transaction-per-line:false}") boolean transactionPerLine) {
        this.sender = sender;
        this.units = units;
        this.keys = keys;
        this.operator = ActingPrincipal.system("import:" + operator);
        this.transactions = new TransactionTemplate(transactionManager);
        this.savepoints = new TransactionTemplate(transactionManager);
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.blockSize = Math.max(1, blockSize);
        this.transactionPerLine = transactionPerLine;
    }

    /** One refused line: its number in the file (the header is line 1), card number and refusal. */
    public record Rejection(int line, String cardNumber, Refusal refusal) {
    }

    /** What an import did. */
    public record Result(int lines, int registered, int alreadyImported, List<Rejection> rejections,
                         Duration elapsed) {
        public double linesPerSecond() {
            return elapsed.isZero() ? 0 : lines * 1000.0 / elapsed.toMillis();
        }
    }

    /** Progress so far, reported every few hundred lines. */
    public record Progress(int done, int total, int registered, int alreadyImported, int rejected, Duration elapsed) {
    }

    /**
     * Imports {@code csv} with {@code parallelism} commands in flight and writes every rejected line with its
     * reason to {@code report} (CSV: line, card number, code, field, message). The file is streamed: memory does
     * not grow with its length.
     *
     * @throws CensusFileException when the file cannot be imported at all (not a census, missing columns, an
     *                             unreadable or old-format file): nothing is registered
     */
    public Result importFile(Path csv, Path report, int parallelism, Consumer<Progress> progress) throws IOException {
        return importFile(csv, report, parallelism, CommandContext.of(operator, Channel.IMPORT).correlationId(),
                progress);
    }

    /**
     * {@link #importFile(Path, Path, int, Consumer)}, every registration carrying {@code correlationId}: an import
     * sent to the server passes its own id, which its start and end events carry too, so that the audit trail follows
     * everything one import caused by that one id.
     */
    public Result importFile(Path csv, Path report, int parallelism, String correlationId, Consumer<Progress> progress)
            throws IOException {
        long start = System.nanoTime();
        CensusFile census = CensusFile.open(csv);
        Map<String, String> localUnits = localUnitsByName();
        CommandContext context = new CommandContext(operator, Channel.IMPORT, correlationId, null, null);
        int total = census.size();
        Tally tally = new Tally(total, start, progress);
        Map<String, CompletableFuture<Void>> lastBlockWithKey = new HashMap<>(); // the reading thread alone uses it
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        ExecutorService workers = Executors.newFixedThreadPool(parallelism);
        try (CensusFile.Records records = census.records()) {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            List<CensusLine> block = new ArrayList<>(blockSize);
            int blocks = 0;
            while (records.hasNext()) {
                block.add(CensusLine.parse(records.next(), localUnits));
                if (block.size() == blockSize || !records.hasNext()) {
                    inFlight.acquireUninterruptibly();
                    List<CensusLine> blockLines = List.copyOf(block);
                    List<String> keys = blockLines.stream().flatMap(l -> l.orderingKeys().stream()).distinct().toList();
                    CompletableFuture<?>[] earlier = keys.stream().map(lastBlockWithKey::get)
                            .filter(f -> f != null).distinct().toArray(CompletableFuture[]::new);
                    CompletableFuture<Void> task = CompletableFuture.allOf(earlier)
                            .thenRunAsync(() -> importBlock(blockLines, context, tally), workers)
                            .whenComplete((ok, failure) -> inFlight.release());
                    keys.forEach(key -> lastBlockWithKey.put(key, task));
                    all.add(task);
                    block.clear();
                    if (++blocks % PRUNE_EVERY_BLOCKS == 0) {
                        forgetFinished(all, lastBlockWithKey);
                    }
                }
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        } catch (UncheckedIOException unreadable) {
            throw unreadable.getCause();
        } finally {
            workers.shutdown();
        }
        List<Rejection> sorted = new ArrayList<>(tally.rejections);
        sorted.sort((a, b) -> Integer.compare(a.line(), b.line()));
        writeReport(report, sorted);
        return new Result(total, tally.registered.get(), tally.already.get(), sorted,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Drops the blocks that have ended, every few blocks, so that what the import holds stays bounded by the
     * blocks in flight, not the length of the file (a block that has ended delays nothing; a failed one is kept
     * for the final join to report).
     */
    private static void forgetFinished(List<CompletableFuture<Void>> all,
                                       Map<String, CompletableFuture<Void>> lastBlockWithKey) {
        all.removeIf(task -> task.isDone() && !task.isCompletedExceptionally());
        lastBlockWithKey.values().removeIf(task -> task.isDone() && !task.isCompletedExceptionally());
    }

    /**
     * Registers a block of consecutive lines in one database transaction: one commit for many members. Each
     * line runs in a savepoint of its own, so a refused line is rolled back alone and the others stay: it
     * costs no redo of its neighbours, and since a refusal comes before its command stores anything, it
     * leaves no hole in the event store's global index (holes would grow every tracking token, and a
     * dirty file made of them a heap full of gaps). When the block itself fails (the database, not the
     * rules), nothing of it is kept; it is then split in halves and each half registered the same way,
     * down to single lines, so every line ends exactly as it would alone.
     */
    private void importBlock(List<CensusLine> block, CommandContext context, Tally tally) {
        List<CensusLine> sendable = new ArrayList<>();
        for (CensusLine line : block) {
            if (line.refusal() != null) {
                tally.record(line, new Outcome(Kind.REJECTED, line.refusal()));
            } else {
                sendable.add(line);
            }
        }
        registerTogether(sendable, context, tally);
    }

    private void registerTogether(List<CensusLine> lines, CommandContext context, Tally tally) {
        if (lines.isEmpty()) {
            return;
        }
        // the members' keys are committed first, in one transaction, before any of their events can be stored
        List<String> memberIds = lines.stream().map(line -> IdentifierFactory.getInstance().generateIdentifier()).toList();
        keys.prepare(memberIds);
        if (lines.size() == 1 || transactionPerLine) {
            for (int i = 0; i < lines.size(); i++) {
                String memberId = memberIds.get(i);
                CensusLine line = lines.get(i);
                tally.record(line, refusedAsRejection(() -> send(line, memberId, context)));
            }
            return;
        }
        List<Outcome> outcomes;
        try {
            outcomes = transactions.execute(status -> {
                List<Outcome> sent = new ArrayList<>(lines.size());
                for (int i = 0; i < lines.size(); i++) {
                    CensusLine line = lines.get(i);
                    String memberId = memberIds.get(i);
                    sent.add(refusedAsRejection(() -> savepoints.execute(savepoint -> send(line, memberId, context))));
                }
                return sent;
            });
        } catch (RuntimeException failed) {
            // not a refusal (those stay in their savepoint): the block left nothing; halve it
            int half = lines.size() / 2;
            registerTogether(lines.subList(0, half), context, tally);
            registerTogether(lines.subList(half, lines.size()), context, tally);
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            tally.record(lines.get(i), outcomes.get(i));
        }
    }

    /** Counts as lines end, and reports progress. */
    private static final class Tally {
        private final List<Rejection> rejections = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger registered = new AtomicInteger();
        private final AtomicInteger already = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private final int total;
        private final long start;
        private final Consumer<Progress> progress;

        Tally(int total, long start, Consumer<Progress> progress) {
            this.total = total;
            this.start = start;
            this.progress = progress;
        }

        void record(CensusLine line, Outcome outcome) {
            switch (outcome.kind()) {
                case REGISTERED -> registered.incrementAndGet();
                case ALREADY_IMPORTED -> already.incrementAndGet();
                case REJECTED -> rejections.add(new Rejection(line.number(), line.cardNumber(), outcome.refusal()));
            }
            int count = done.incrementAndGet();
            if (count % 500 == 0 || count == total) {
                progress.accept(new Progress(count, total, registered.get(), already.get(), rejections.size(),
                        Duration.ofNanos(System.nanoTime() - start)));
            }
        }
    }

    private enum Kind { REGISTERED, ALREADY_IMPORTED, REJECTED }

    private record Outcome(Kind kind, Refusal refusal) {
    }

    /**
     * The outcome of a command, or its refusal as a rejection (by then the refused command's unit of work has
     * rolled its transaction, or the line's savepoint, back); any other failure is thrown.
     */
    private static Outcome refusedAsRejection(Supplier<Outcome> command) {
        try {
            return command.get();
        } catch (RuntimeException e) {
            Refusal refusal = Refusals.in(e);
            if (refusal == null) {
                throw e;
            }
            return new Outcome(Kind.REJECTED, refusal);
        }
    }

    /** Sends the line's command; a refusal is thrown. */
    private Outcome send(CensusLine line, String memberId, CommandContext context) {
        Object result = sender.send(line.toCommand(memberId), new CommandContext(context.principal(),
                context.channel(), context.correlationId(), "import:" + sha256(line.raw()), null));
        return new Outcome(memberId.equals(result) ? Kind.REGISTERED : Kind.ALREADY_IMPORTED, null);
    }

    /** Local units by folded "region/unit" name, as the census names them. */
    private Map<String, String> localUnitsByName() {
        List<OrgUnitEntry> all = units.all();
        Map<String, OrgUnitEntry> byId = new HashMap<>();
        all.forEach(u -> byId.put(u.orgUnitId(), u));
        Map<String, String> result = new HashMap<>();
        all.stream().filter(u -> u.level() == OrgUnitLevel.LOCAL && !u.closed()).forEach(u -> {
            OrgUnitEntry region = byId.get(u.parentId());
            if (region != null) {
                result.put(CensusLine.unitKey(region.name(), u.name()), u.orgUnitId());
            }
        });
        return result;
    }

    private static void writeReport(Path report, List<Rejection> rejections) throws IOException {
        if (report.getParent() != null) {
            Files.createDirectories(report.getParent());
        }
        List<String> out = new ArrayList<>();
        out.add("line,card_number,code,field,message");
        rejections.forEach(r -> out.add(r.line() + "," + csv(r.cardNumber()) + "," + r.refusal().code() + ","
                + csv(r.refusal().field()) + "," + csv(r.refusal().message())));
        Files.write(report, out, StandardCharsets.UTF_8);
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
