package org.jekafo.api.common;

import java.util.List;

/**
 * A query result that shows people's personal data: whose, and how it reads for those who see it masked (auditors
 * and administrators). Whatever channel asks, the application masks such a result and journals the read for them
 * before it leaves the query bus.
 *
 * @param <T> the result's own type
 */
public interface PersonalDataView<T extends PersonalDataView<T>> {

    /** The people (members' ids) whose personal data this result shows, in order, without repeats. */
    List<String> dataSubjects();

    /** This result with phone numbers and national identity numbers masked ({@link Masks}). */
    T masked();
}
