package org.jekafo.command.membership;

import org.jekafo.api.common.TextFolding;

/** What makes two registrations look like the same person: folded full name and birth year. */
final class NameKey {

    private NameKey() {
    }

    static String of(String lastName, String firstName, int birthYear) {
        return TextFolding.fold(lastName + " " + firstName) + "|" + birthYear;
    }
}
