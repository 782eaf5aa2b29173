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
 * again; the first answer is returned. The id is recorded in the command's own transaction, so it is
 * recorded exactly when the command's events are. (A field agent's tablet may resend a whole queue.)
 * Axon's Spring Boot support registers this bean on the command bus.
 */
@Component
class ClientCommandIdInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final JdbcTemplate jdbc;

    ClientCommandIdInterceptor(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
        List<Object[]> previous = jdbc.query("select command_name, result from processed_command where client_command_id = ?",
                (rs, i) -> new Object[]{rs.getString(1), rs.getString(2)}, key);
        if (!previous.isEmpty()) {
            Require.that(previous.get(0)[0].equals(command.getCommandName()), INVALID_INPUT, "clientMutationId",
                    "L'identifiant de requête « " + id + " » a déjà servi pour une autre opération.");
            return previous.get(0)[1];
        }
        Object result = chain.proceed();
        try {
            jdbc.update("insert into processed_command (client_command_id, command_name, result, processed_at) "
                    + "values (?, ?, ?, ?)", key, command.getCommandName(), result == null ? null : result.toString(),
                    Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException concurrentRetry) {
            throw new CommandRefusedException(INVALID_INPUT, "clientMutationId",
                    "La requête « " + id + " » est déjà en cours de traitement ; réessayez dans un instant.");
        }
        return result;
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
