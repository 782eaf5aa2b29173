package org.jekafo.api.audit;

import org.jekafo.api.common.PersonalDataView;

import java.util.List;

/**
 * A page of the audit trail, in the order asked, how many events match in all, and whether more follow (or precede,
 * read backward). It names members (the ones its events are about) but shows none of their personal data: reading
 * it is still journaled for auditors and administrators, like any list of members.
 */
public record AuditPage(List<AuditEntryView> entries, long totalCount, boolean hasMore)
        implements PersonalDataView<AuditPage> {

    @Override
    public List<String> dataSubjects() {
        return entries.stream().flatMap(entry -> entry.dataSubjects().stream()).distinct().toList();
    }

    /** Nothing to mask: the audit trail holds no phone number or national identity number. */
    @Override
    public AuditPage masked() {
        return this;
    }
}
