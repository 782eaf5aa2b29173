package org.jekafo.api.membership;

import org.jekafo.api.common.PersonalDataView;

import java.util.List;

/** Several members' histories, in the order they were asked for (an empty one for an unknown member). */
public record MemberHistories(List<MemberHistoryView> histories) implements PersonalDataView<MemberHistories> {

    @Override
    public List<String> dataSubjects() {
        return histories.stream().flatMap(history -> history.dataSubjects().stream()).distinct().toList();
    }

    @Override
    public MemberHistories masked() {
        return new MemberHistories(histories.stream().map(MemberHistoryView::masked).toList());
    }
}
