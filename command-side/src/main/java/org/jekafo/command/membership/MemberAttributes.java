package org.jekafo.command.membership;

import java.util.List;

/** How a member's trades are kept in the directory: {@code ,MENUISERIE,TISSAGE,}, so one trade is a LIKE away. */
final class MemberAttributes {

    private MemberAttributes() {
    }

    static String trades(List<String> trades) {
        return trades == null || trades.isEmpty() ? null : "," + String.join(",", trades) + ",";
    }
}
