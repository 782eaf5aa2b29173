package org.jekafo.app.platform.readmodel;

import org.jekafo.api.projection.FindProjectedVersionQuery;
import org.jekafo.app.platform.gate.AccessPolicy;
import org.jekafo.app.platform.gate.AccessRules.Declarations;
import org.jekafo.app.platform.gate.Reach;
import org.jekafo.app.platform.gate.Role;
import org.springframework.stereotype.Component;

import java.util.EnumSet;

/**
 * Only the server listens for the versions the projections announce ({@link ReadYourWrites#LISTENER}): a version
 * says nothing of an aggregate's content, and the caller's own read of the view passes the gate as theirs.
 */
@Component
class ReadYourWritesPolicy implements AccessPolicy {

    @Override
    public void declare(Declarations rules) {
        rules.message(FindProjectedVersionQuery.class, EnumSet.of(Role.SYSTEM), Reach.unbounded());
    }
}
