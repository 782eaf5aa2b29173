package org.jekafo.ballot;

import java.security.SecureRandom;

/** The verifier's own randomness (the weights of {@link LinearCheck}), one generator per thread. */
final class Verifier {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    private Verifier() {
    }

    static SecureRandom random() {
        return RANDOM.get();
    }
}
