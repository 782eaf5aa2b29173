package org.jekafo.integrity;

import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle root of a checkpoint, over blocks of {@value #BLOCK_SIZE} chained events: its leaves are the chain
 * hashes at chain sequences {@code BLOCK_SIZE-1}, {@code 2·BLOCK_SIZE-1}, … and the chain hash of the checkpoint's
 * own last event (the last, possibly partial block). A leaf's node is SHA-256(0x00 || chain hash), an inner node
 * SHA-256(0x01 || left || right); a lone node at the end of a level goes up unchanged. Fed in chain order, it keeps
 * one hash per block (a million events: a thousand hashes).
 */
public final class MerkleRoot {

    /** Chained events per leaf. */
    public static final int BLOCK_SIZE = 1024;

    private final List<byte[]> leaves = new ArrayList<>();

    /** Feeds the chain hash at {@code chainSequence}; {@code last} for the checkpoint's own position. */
    public void add(long chainSequence, byte[] chainHash, boolean last) {
        if (last || chainSequence % BLOCK_SIZE == BLOCK_SIZE - 1) {
            leaves.add(node((byte) 0, chainHash, null));
        }
    }

    /** The root over what was fed; SHA-256 of nothing for an empty chain. */
    public byte[] root() {
        if (leaves.isEmpty()) {
            return ChainRule.sha256(new byte[0]);
        }
        List<byte[]> level = leaves;
        while (level.size() > 1) {
            List<byte[]> up = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i < level.size(); i += 2) {
                up.add(i + 1 < level.size() ? node((byte) 1, level.get(i), level.get(i + 1)) : level.get(i));
            }
            level = up;
        }
        return level.get(0);
    }

    private static byte[] node(byte kind, byte[] left, byte[] right) {
        var digest = ChainRule.digest();
        digest.update(kind);
        digest.update(left);
        if (right != null) {
            digest.update(right);
        }
        return digest.digest();
    }
}
