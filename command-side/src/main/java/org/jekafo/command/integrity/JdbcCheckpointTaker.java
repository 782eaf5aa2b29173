package org.jekafo.command.integrity;

import org.jekafo.command.common.CommandRefusedException;
import org.jekafo.integrity.ChainLink;
import org.jekafo.integrity.ChainRule;
import org.jekafo.integrity.Checkpoint;
import org.jekafo.integrity.CheckpointSignature;
import org.jekafo.integrity.MerkleRoot;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.jekafo.command.common.RefusalCodes.INVALID_INPUT;

/** Takes a checkpoint of the chain's head as table {@code event_chain} holds it, signed with the server's key. */
@Component
class JdbcCheckpointTaker implements CheckpointTaker {

    private final EventChain chain;
    private final IntegrityKeys keys;

    JdbcCheckpointTaker(EventChain chain, IntegrityKeys keys) {
        this.chain = chain;
        this.keys = keys;
    }

    @Override
    public Checkpoint take(String checkpointId) {
        ChainLink head = chain.head().orElseThrow(() -> new CommandRefusedException(INVALID_INPUT, null,
                "Aucun événement n'est encore enchaîné : pas de point de contrôle possible."));
        Checkpoint unsigned = new Checkpoint(checkpointId, head.chainSequence(), head.globalIndex(),
                head.chainSequence() + 1, ChainRule.hex(head.chainHash()), ChainRule.hex(chain.merkleRoot(head)),
                MerkleRoot.BLOCK_SIZE, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), keys.publicKey(), null);
        return CheckpointSignature.sign(unsigned, keys.keys());
    }
}
