package org.jekafo.command.common;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jekafo.api.common.MetadataKeys;
import org.jekafo.api.common.TextLimit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import static org.jekafo.command.common.RefusalCodes.INVALID_INPUT;

/**
 * Makes retries harmless: a command carrying a client command id that was handled before is not handled
 * again; the first answer is returned. The id is claimed before the command runs, in the command's own
 * transaction: a retry that arrives while the first attempt still runs waits on the database's unique key until
 * that attempt commits (then answers what it answered) or rolls back (then runs itself, as if it came first).
 * Retries never race the first attempt, so they never see its effects as someone else's (a member registered
 * by the first attempt is not a look-alike of the retry's). (A field agent's tablet may resend a whole queue.)
 * Axon's Spring Boot support registers this bean on the command bus.
 */
@Component
class ClientCommandIdInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final JdbcTemplate jdbc;
    private final String claimStatement;

    ClientCommandIdInterceptor(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        // PostgreSQL aborts a transaction at its first failed statement: there, a taken id must not be an error
        this.claimStatement = "insert into processed_command (client_command_id, command_name, result, processed_at) "
                + "values (?, ?, null, ?)"
                + (DatabaseKind.of(jdbc.getDataSource()) == DatabaseKind.POSTGRESQL ? " on conflict do nothing" : "");
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Object clientId = command.getMetaData().get(MetadataKeys.CLIENT_COMMAND_ID);
        if (clientId == null) {
            return chain.proceed();
        }
        String id = Require.bounded(clientId.toString(), TextLimit.CLIENT_MUTATION_ID);
        String key = keyOf(command.getMetaData(), id);
        if (!claim(key, command.getCommandName())) {
            return firstAnswer(key, id, command.getCommandName());
        }
        Object result = chain.proceed();
        if (result != null) {
            jdbc.update("update processed_command set result = ? where client_command_id = ?", result.toString(), key);
        }
        return result;
    }

    /** Whether this attempt is the first: waits while another attempt holding the id is still running. */
    private boolean claim(String key, String commandName) {
        try {
            return jdbc.update(claimStatement, key, commandName, Timestamp.from(Instant.now())) == 1;
        } catch (DuplicateKeyException handledBefore) {
            return false;
        }
    }

    private Object firstAnswer(String key, String id, String commandName) {
        List<Object[]> previous = jdbc.query("select command_name, result from processed_command where client_command_id = ?",
                (rs, i) -> new Object[]{rs.getString(1), rs.getString(2)}, key);
        Require.that(!previous.isEmpty(), INVALID_INPUT, "clientMutationId",
                "La requête « " + id + " » n'a pas pu être rapprochée de sa première réception ; réessayez.");
        Require.that(previous.get(0)[0].equals(commandName), INVALID_INPUT, "clientMutationId",
                "L'identifiant de requête « " + id + " » a déjà servi pour une autre opération.");
        return previous.get(0)[1];
    }

    /**
     * Whose retry it is: a caller's id counts only among that caller's commands (another person reusing it,
     * by chance or on purpose, neither sees the first answer nor loses their command). The server's own
     * commands (imports: ids derived from each line's content) share one space, so any re-import is a retry.
     */
    static String keyOf(MetaData metaData, String clientId) {
        Object role = metaData.get(MetadataKeys.ROLE);
        if ("SYSTEM".equals(role)) {
            return clientId;
        }
        String principal = String.valueOf(metaData.get(MetadataKeys.PRINCIPAL));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(principal.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12) + ':' + clientId;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
