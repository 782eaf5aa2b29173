package org.jekafo.app.membership;

import org.jekafo.api.membership.FindMemberQuery;
import org.jekafo.api.membership.MemberView;
import org.jekafo.app.platform.readmodel.ReadBack;
import org.jekafo.app.platform.readmodel.ReadYourWrites;
import org.jekafo.query.membership.MemberIndex;
import org.springframework.stereotype.Component;

/** A member as the next query will see it once a mutation's events are projected (read your writes). */
@Component
class MemberReadBack extends ReadBack<MemberView> {

    MemberReadBack(ReadYourWrites readYourWrites, MemberIndex index) {
        super(readYourWrites, index, memberId -> new FindMemberQuery(memberId, null), MemberView.class,
                MemberView::version);
    }
}
