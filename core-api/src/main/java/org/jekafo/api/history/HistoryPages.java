package org.jekafo.api.history;

import org.jekafo.api.common.PersonalDataView;

import java.util.List;

/**
 * The pages a {@link FindHistoryQuery} asked for, in its order. A history shows personal data when its events name
 * a data subject (a member's): it is then masked for auditors and administrators and journaled.
 */
public record HistoryPages(List<HistoryPage> pages) implements PersonalDataView<HistoryPages> {

    @Override
    public List<String> dataSubjects() {
        return pages.stream().flatMap(page -> page.dataSubjects().stream()).distinct().toList();
    }

    @Override
    public HistoryPages masked() {
        return new HistoryPages(pages.stream().map(HistoryPage::masked).toList());
    }
}
